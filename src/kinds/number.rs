//! Numbers: quantities with no unit of their own.
//!
//! Every numeric expression is a number candidate; counts, percentages,
//! money and times that contain one win over it (see the overlap policy).
//! Here only what is never a number is left out: a numeral followed by a
//! unit of time (`2023年`, `9月`, `八点钟`) belongs to a date or duration.
//! `一半` is one half.

use crate::context::{Candidate, Context};
use crate::fact::Value;
use crate::numeric::expr::{apply, qualifier_after, Numeric};
use crate::numeric::numeral::NumeralForm;
use crate::numeric::units::{time_unit_at, unit_at};
use crate::numeric::Bounds;
use crate::span::Span;

/// Adds the numbers of `context` to `out`.
pub(crate) fn extract(context: &Context<'_>, out: &mut Vec<Candidate>) {
    for numeric in &context.numerics {
        if context.before(numeric.numeral_start).ends_with('第') {
            continue; // an ordinal
        }
        if is_no_quantity(context, numeric) {
            continue;
        }
        let found = if is_half(context, numeric) {
            half(context, numeric)
        } else if numeric.is_range {
            range(context, numeric)
        } else {
            numeral(context, numeric)
        };
        out.extend(found);
    }
}

/// True when a bare numeral names or marks something rather than counting:
/// a list marker (`一、`, `1、` opening a line), a year in a name or file
/// number (`2022赛季`, `〔2019〕119号`), a model (`Mate 60`, `iPhone 16`),
/// a long identifier that is no round number (`1090812`), or digits read one by one inside a name
/// (`鸿腾六零八八精密`, a lone `〇`).
fn is_no_quantity(context: &Context<'_>, numeric: &Numeric) -> bool {
    let numeral = &context.text[numeric.numeral_start..numeric.span.end];
    let before = context.before(numeric.span.start);
    let after = context.after(numeric.span.end);
    let plain_digits = !numeral.is_empty() && numeral.bytes().all(|b| b.is_ascii_digit());
    let line_start = before.trim_end_matches([' ', '\u{3000}']);
    let opens_item = line_start.is_empty() || line_start.ends_with(['\n', ':', '：']);
    if opens_item && after.starts_with('、') && numeric.is_plain() {
        return true;
    }
    if plain_digits
        && numeral.len() == 4
        && (numeral.starts_with("19") || numeral.starts_with("20"))
    {
        return true;
    }
    if plain_digits && numeral.len() >= 7 && !numeral.ends_with("000") {
        return true;
    }
    let latin_word_before = before
        .strip_suffix(' ')
        .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_alphabetic()));
    if latin_word_before && plain_digits {
        return true;
    }
    if numeric.form == NumeralForm::DigitByDigit {
        let is_han = crate::text::normalize::is_han;
        let lone_zero = numeral == "〇" || numeral == "○";
        let inside_word = before.chars().next_back().is_some_and(is_han)
            && after.chars().next().is_some_and(is_han)
            && unit_at(after).is_none();
        return lone_zero || inside_word;
    }
    false
}

/// True when `numeric` is the `一` of `一半`.
fn is_half(context: &Context<'_>, numeric: &Numeric) -> bool {
    context.after(numeric.span.end).starts_with('半')
        && context.text[numeric.numeral_start..numeric.span.end] == *"一"
}

/// `一半`: one half (`一半年`, `一半天` are no halves).
fn half(context: &Context<'_>, numeric: &Numeric) -> Option<Candidate> {
    let rest = context.after(numeric.span.end);
    if rest.starts_with("半年") || rest.starts_with("半天") {
        return None;
    }
    let span = Span::new(numeric.span.start, numeric.span.end + '半'.len_utf8());
    Some(candidate(span, Bounds::exact(0.5), "number.half"))
}

/// A range of numbers: `3至5`, `三四`, `5-10亿`.
fn range(context: &Context<'_>, numeric: &Numeric) -> Option<Candidate> {
    qualified(context, numeric, "number.range")
}

/// One numeral, its rule named by how it is written: `1,234.5`
/// (arabic), `1.3万` (mixed), `三万四千` (chinese), `二〇二三` (digit by digit).
fn numeral(context: &Context<'_>, numeric: &Numeric) -> Option<Candidate> {
    let rule = match numeric.form {
        NumeralForm::Arabic => "number.arabic",
        NumeralForm::Mixed => "number.mixed",
        NumeralForm::Chinese => "number.chinese",
        NumeralForm::DigitByDigit => "number.digit_by_digit",
    };
    qualified(context, numeric, rule)
}

/// The number of `numeric` with a qualifier after it (`100以上`), unless
/// a unit of time or a clock's `点` follows.
fn qualified(context: &Context<'_>, numeric: &Numeric, rule: &'static str) -> Option<Candidate> {
    let rest = context.after(numeric.span.end);
    if time_unit_at(rest).is_some() || is_clock(rest) {
        return None;
    }
    let mut quantity = numeric.quantity;
    let mut end = numeric.span.end;
    if let Some((len, qualifier)) = qualifier_after(rest) {
        apply(&mut quantity, qualifier);
        end += len;
    }
    Some(candidate(
        Span::new(numeric.span.start, end),
        quantity,
        rule,
    ))
}

/// The fact of a number: the one place a number value is built.
fn candidate(span: Span, quantity: Bounds, rule: &'static str) -> Candidate {
    Candidate {
        span,
        value: Value::Number(quantity.quantity()),
        rule,
    }
}

/// `点` with no digit after it is a clock hour (`八点`, `3点钟`).
fn is_clock(rest: &str) -> bool {
    rest.starts_with('点') || rest.starts_with("点钟")
}
