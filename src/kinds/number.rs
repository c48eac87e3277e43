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
use crate::numeric::units::time_unit_at;
use crate::numeric::Bounds;
use crate::span::Span;

/// Adds the numbers of `context` to `out`.
pub(crate) fn extract(context: &Context<'_>, out: &mut Vec<Candidate>) {
    for numeric in &context.numerics {
        if context.before(numeric.numeral_start).ends_with('第') {
            continue; // an ordinal
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
