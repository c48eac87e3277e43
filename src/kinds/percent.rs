//! Percentages and shares.
//!
//! `12.6%`, `98%以上`, `‰` (3‰ = 0.3), `百分之五`, `千分之三` (0.3),
//! `十分之一` (10), `三成` (30), `两成半` (25), `2个百分点` (points),
//! `四点七七个百分点`.

use crate::context::{Candidate, Context};
use crate::fact::{Quantity, Value};
use crate::numeric::expr::{apply, qualifier_after};
use crate::numeric::numeral::clean;
use crate::span::Span;

/// Shares written as words: 对折 (half price), 半成 (five percent).
const SHARE_WORDS: &[(&str, f64, &str)] = &[
    ("对折", 50.0, "percent.discount"),
    ("半折", 50.0, "percent.discount"),
    ("半成", 5.0, "percent.tenths"),
];

/// Adds the percentages of `context` to `out`.
pub(crate) fn extract(context: &Context<'_>, out: &mut Vec<Candidate>) {
    for &(word, value, rule) in SHARE_WORDS {
        for (pos, _) in context.text.match_indices(word) {
            // 对折 as a word of its own, not the start of 对折叠.
            let whole = context.words.at(pos).is_none_or(|w| w.span.start == pos)
                && !context
                    .after(pos + word.len())
                    .starts_with(|c: char| "叠起成".contains(c));
            if whole {
                push(
                    context,
                    out,
                    pos,
                    pos + word.len(),
                    Quantity::exact(value),
                    rule,
                    false,
                );
            }
        }
    }
    for numeric in &context.numerics {
        let rest = context.after(numeric.span.end);
        let mut quantity = numeric.quantity;
        let (len, rule, points) = if rest.starts_with('%') {
            (1, "percent.sign", false)
        } else if rest.starts_with('‰') {
            scale(&mut quantity, 0.1);
            ('‰'.len_utf8(), "percent.per_mille", false)
        } else if rest.starts_with("个百分点") {
            ("个百分点".len(), "percent.points", true)
        } else if rest.starts_with("百分点") {
            ("百分点".len(), "percent.points", true)
        } else if rest.starts_with('成') && !rest[3..].starts_with(NOT_TENTHS) {
            // 三成 30, 两成半 25, 七成六 76, 2.5成 25.
            scale(&mut quantity, 10.0);
            let after = &rest['成'.len_utf8()..];
            if after.starts_with('半') {
                quantity.number = quantity.number.map(|n| n + 5.0);
                ("成半".len(), "percent.tenths", false)
            } else if let Some(d) = lone_digit(after) {
                quantity.number = quantity.number.map(|n| n + f64::from(d));
                ("成".len() + 3, "percent.tenths", false)
            } else {
                ('成'.len_utf8(), "percent.tenths", false)
            }
        } else if rest.starts_with('折') && !rest[3..].starts_with(DISCOUNT_WORDS) {
            // 八折 80, 七五折 75, 9.5折 95: the share of the price paid.
            let Some(paid) = discount(
                &context.text[numeric.numeral_start..numeric.span.end],
                &quantity,
            ) else {
                continue;
            };
            quantity = Quantity::exact(paid);
            ('折'.len_utf8(), "percent.discount", false)
        } else if let Some(denominator) = numeric.denominator {
            // 十分之一, 百分之五, 万分之三: powers of ten are rates; a
            // mixed number (一又十分一) or a Cantonese 份 fraction is not.
            let written = &context.text[numeric.span.start..numeric.span.end];
            if written.contains('又') || !written.contains("分之") {
                continue;
            }
            let power_of_ten = denominator >= 10.0 && denominator.log10().fract() == 0.0;
            if !power_of_ten && !is_share(context.before(numeric.numeral_start)) {
                continue;
            }
            scale(&mut quantity, 100.0);
            if context.before(numeric.span.start).ends_with("约占") {
                quantity.approx = true;
            }
            push(
                context,
                out,
                numeric.span.start,
                numeric.span.end,
                quantity,
                "percent.fraction",
                false,
            );
            continue;
        } else {
            continue;
        };
        if context.before(numeric.span.start).ends_with("约占") {
            quantity.approx = true;
        }
        push(
            context,
            out,
            numeric.span.start,
            numeric.span.end + len,
            quantity,
            rule,
            points,
        );
    }
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
    let d = after
        .chars()
        .next()
        .and_then(crate::numeric::numeral::chinese_digit)?;
    let next = after['一'.len_utf8()..].chars().next();
    let ends = next.is_none_or(|n| !crate::text::normalize::is_han(n) && !n.is_ascii_digit());
    (d > 0 && ends).then_some(d)
}

/// The percentage paid at a discount written as `numeral` before 折:
/// one digit is tenths (八折 80), two digits are hundredths (七五折 75),
/// a decimal is tenths (9.5折 95).
fn discount(numeral: &str, quantity: &Quantity) -> Option<f64> {
    let value = quantity.number?;
    if quantity.max.is_some() || value <= 0.0 {
        return None;
    }
    let digits = numeral
        .chars()
        .filter(|c| c.is_ascii_digit() || crate::numeric::numeral::chinese_digit(*c).is_some())
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

fn scale(quantity: &mut Quantity, factor: f64) {
    quantity.number = quantity.number.map(|n| clean(n * factor));
    quantity.max = quantity.max.map(|n| clean(n * factor));
}

/// True when the words before a fraction make it a share of a whole:
/// `占三分之一`, `总量的四分之一`.
fn is_share(before: &str) -> bool {
    ["占", "的", "超过", "近", "约", "达", "逾", "不到", "不足"]
        .iter()
        .any(|w| before.ends_with(w))
}

fn push(
    context: &Context<'_>,
    out: &mut Vec<Candidate>,
    start: usize,
    mut end: usize,
    mut quantity: Quantity,
    rule: &'static str,
    points: bool,
) {
    if let Some((len, qualifier)) = qualifier_after(context.after(end)) {
        apply(&mut quantity, qualifier);
        end += len;
    }
    out.push(Candidate {
        span: Span::new(start, end),
        value: Value::Percent { quantity, points },
        rule,
    });
}
