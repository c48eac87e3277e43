//! Percentages and shares.
//!
//! `12.6%`, `98%以上`, `‰` (3‰ = 0.3), `百分之五`, `千分之三` (0.3),
//! `十分之一` (10), `三成` (30), `两成半` (25), `2个百分点` (points),
//! `四点七七个百分点`, `八折` (80), `对折` (50).

use crate::context::{Candidate, Context};
use crate::fact::Value;
use crate::lexicon::{entries, rows};
use crate::numeric::expr::{apply, qualifier_after, scale, Numeric};
use crate::numeric::numeral::{chinese_digit, clean};
use crate::numeric::stops::Stops;
use crate::numeric::Bounds;
use crate::span::Span;
use std::sync::LazyLock;

static SHARE_WORD_LIST: &str = include_str!("../../data/words/percent_share_words.tsv");
static SHARE_CUE_LIST: &str = include_str!("../../data/words/percent_share_cues.txt");

/// Shares written as words, with their value in percent: 对折 50, 半成 5.
static SHARE_WORDS: LazyLock<Vec<(&str, f64)>> = LazyLock::new(|| {
    rows(SHARE_WORD_LIST)
        .map(|row| {
            let value = row[1]
                .parse()
                .unwrap_or_else(|_| panic!("percent_share_words.tsv: bad value {}", row[1]));
            (row[0], value)
        })
        .collect()
});

/// Words before a fraction that make it a share of a whole (占, 的).
static SHARE_CUES: LazyLock<Vec<&str>> = LazyLock::new(|| entries(SHARE_CUE_LIST).collect());

/// Adds the percentages of `context` to `out`.
pub(crate) fn extract(context: &Context<'_>, out: &mut Vec<Candidate>) {
    share_word(context, out);
    for numeric in &context.numerics {
        let rest = context.after(numeric.span.end);
        let found = if rest.starts_with('%') {
            sign(context, numeric)
        } else if rest.starts_with('‰') {
            per_mille(context, numeric)
        } else if rest.starts_with("个百分点") || rest.starts_with("百分点") {
            points(context, numeric)
        } else if rest.starts_with('成') && !rest[3..].starts_with(NOT_TENTHS) {
            tenths(context, numeric)
        } else if rest.starts_with('折') && !rest[3..].starts_with(DISCOUNT_WORDS) {
            discount(context, numeric)
        } else if numeric.denominator.is_some() {
            fraction(context, numeric)
        } else {
            None
        };
        out.extend(found);
    }
}

/// A share written as a word: `对折`, `半折` (50), `半成` (5).
fn share_word(context: &Context<'_>, out: &mut Vec<Candidate>) {
    for &(word, value) in SHARE_WORDS.iter() {
        let mut take = |pos: usize| {
            // 对折 as a word of its own, not the start of 对折叠 or 半成品.
            let whole = context.words.at(pos).is_none_or(|w| w.span.start == pos)
                && !context
                    .after(pos + word.len())
                    .starts_with(|c: char| "叠起成品".contains(c));
            if whole {
                out.push(candidate(
                    context,
                    pos,
                    pos + word.len(),
                    Bounds::exact(value),
                    "percent.share_word",
                    false,
                ));
            }
        };
        let first = word.chars().next().unwrap_or('\0');
        if Stops::chars().contains(first) {
            // 半折, 半成: the word can stand only at the numeric stops of
            // its first character, already listed (test builds search the
            // text as well).
            let mut found = Vec::new();
            let mut from = 0;
            for (pos, c) in context.numeric_stops.from(0) {
                if pos >= from && c == first && context.after(pos).starts_with(word) {
                    take(pos);
                    from = pos + word.len();
                    if cfg!(any(debug_assertions, test)) {
                        found.push(pos);
                    }
                }
            }
            if cfg!(any(debug_assertions, test)) {
                let searched: Vec<usize> =
                    context.text.match_indices(word).map(|(p, _)| p).collect();
                assert_eq!(found, searched, "{word}");
            }
            continue;
        }
        // Most texts hold none: `contains` says so faster than a search
        // for every match does.
        if !context.text.contains(word) {
            continue;
        }
        for (pos, _) in context.text.match_indices(word) {
            take(pos);
        }
    }
}

/// `12.6%`, `98%以上`.
fn sign(context: &Context<'_>, numeric: &Numeric) -> Option<Candidate> {
    let quantity = numeric.quantity;
    Some(after_numeral(
        context,
        numeric,
        1,
        quantity,
        "percent.sign",
        false,
    ))
}

/// `3‰` (0.3).
fn per_mille(context: &Context<'_>, numeric: &Numeric) -> Option<Candidate> {
    let mut quantity = numeric.quantity;
    scale(&mut quantity, 0.1);
    let len = '‰'.len_utf8();
    Some(after_numeral(
        context,
        numeric,
        len,
        quantity,
        "percent.per_mille",
        false,
    ))
}

/// Percentage points: `2个百分点`, `0.5百分点`.
fn points(context: &Context<'_>, numeric: &Numeric) -> Option<Candidate> {
    let rest = context.after(numeric.span.end);
    let word = ["个百分点", "百分点"]
        .into_iter()
        .find(|w| rest.starts_with(w))?;
    let quantity = numeric.quantity;
    Some(after_numeral(
        context,
        numeric,
        word.len(),
        quantity,
        "percent.points",
        true,
    ))
}

/// Tenths: `三成` 30, `两成半` 25, `七成六` 76, `2.5成` 25.
fn tenths(context: &Context<'_>, numeric: &Numeric) -> Option<Candidate> {
    let mut quantity = numeric.quantity;
    scale(&mut quantity, 10.0);
    let after = &context.after(numeric.span.end)['成'.len_utf8()..];
    let len = if after.starts_with('半') {
        quantity.number = quantity.number.map(|n| n + 5.0);
        "成半".len()
    } else if let Some(d) = lone_digit(after) {
        quantity.number = quantity.number.map(|n| n + f64::from(d));
        "成".len() + 3
    } else {
        '成'.len_utf8()
    };
    Some(after_numeral(
        context,
        numeric,
        len,
        quantity,
        "percent.tenths",
        false,
    ))
}

/// A discount, as the share of the price paid: `八折` 80, `七五折` 75,
/// `9.5折` 95.
fn discount(context: &Context<'_>, numeric: &Numeric) -> Option<Candidate> {
    let numeral = &context.text[numeric.numeral_start..numeric.span.end];
    let paid = price_paid(numeral, &numeric.quantity)?;
    let quantity = Bounds::exact(paid);
    let len = '折'.len_utf8();
    Some(after_numeral(
        context,
        numeric,
        len,
        quantity,
        "percent.discount",
        false,
    ))
}

/// A fraction that is a rate: `十分之一`, `百分之五`, `万分之三` (powers of
/// ten), or any fraction after words that make a share (`占三分之二`). A
/// mixed number (`一又十分一`) or a Cantonese 份 fraction is none.
fn fraction(context: &Context<'_>, numeric: &Numeric) -> Option<Candidate> {
    let denominator = numeric.denominator?;
    let written = &context.text[numeric.span.start..numeric.span.end];
    if written.contains('又') || !written.contains("分之") {
        return None;
    }
    let power_of_ten = denominator >= 10.0 && denominator.log10().fract() == 0.0;
    if !power_of_ten && !is_share(context.before(numeric.numeral_start)) {
        return None;
    }
    let mut quantity = numeric.quantity;
    scale(&mut quantity, 100.0);
    Some(after_numeral(
        context,
        numeric,
        0,
        quantity,
        "percent.fraction",
        false,
    ))
}

/// Characters after 成 that make another word (成员, 成为, 成本).
const NOT_TENTHS: [char; 20] = [
    '员', '本', '为', '立', '功', '果', '绩', '交', '长', '都', '熟', '型', '效', '就', '品', '份',
    '人', '年', '语', '像',
];

/// Characters after 折 that make another word (折合, 折算, 折扣).
const DISCOUNT_WORDS: [char; 8] = ['合', '算', '扣', '叠', '旧', '返', '腾', '射'];

/// A single Chinese digit that stands alone after `成` (七成六), not the
/// start of another numeral or word.
fn lone_digit(after: &str) -> Option<u8> {
    let d = after.chars().next().and_then(chinese_digit)?;
    let next = after['一'.len_utf8()..].chars().next();
    let ends = next.is_none_or(|n| !crate::text::normalize::is_han(n) && !n.is_ascii_digit());
    (d > 0 && ends).then_some(d)
}

/// The percentage paid at a discount written as `numeral` before 折:
/// one digit is tenths (八折 80), two digits are hundredths (七五折 75),
/// a decimal is tenths (9.5折 95).
fn price_paid(numeral: &str, quantity: &Bounds) -> Option<f64> {
    let value = quantity.number?;
    if quantity.max.is_some() || value <= 0.0 {
        return None;
    }
    let digits = numeral
        .chars()
        .filter(|c| c.is_ascii_digit() || chinese_digit(*c).is_some())
        .count();
    let is_decimal = numeral.contains(['.', '点']);
    if value == 10.0 && !is_decimal {
        return None; // 十折 is no discount
    }
    let paid = if is_decimal || (digits == 1 && value < 10.0) {
        value * 10.0
    } else if (10.0..100.0).contains(&value) {
        value
    } else {
        return None;
    };
    Some(clean(paid))
}

/// True when the words before a fraction make it a share of a whole:
/// `占三分之一`, `总量的四分之一`.
fn is_share(before: &str) -> bool {
    SHARE_CUES.iter().any(|w| before.ends_with(w))
}

/// The percentage of `numeric` and the `len` bytes of sign or word after
/// it; `约占` before it makes the value approximate.
fn after_numeral(
    context: &Context<'_>,
    numeric: &Numeric,
    len: usize,
    mut quantity: Bounds,
    rule: &'static str,
    points: bool,
) -> Candidate {
    if context.before(numeric.span.start).ends_with("约占") {
        quantity.approx = true;
    }
    let (start, end) = (numeric.span.start, numeric.span.end + len);
    candidate(context, start, end, quantity, rule, points)
}

/// The fact of a percentage, with a qualifier after it (`98%以上`): the one
/// place a percent value is built.
fn candidate(
    context: &Context<'_>,
    start: usize,
    mut end: usize,
    mut quantity: Bounds,
    rule: &'static str,
    points: bool,
) -> Candidate {
    if let Some((len, qualifier)) = qualifier_after(context.after(end)) {
        apply(&mut quantity, qualifier);
        end += len;
    }
    Candidate {
        span: Span::new(start, end),
        value: Value::Percent {
            quantity: quantity.quantity(),
            points,
        },
        rule,
    }
}
