//! Percentages and shares.
//!
//! `12.6%`, `98%以上`, `‰` (3‰ = 0.3), `百分之五`, `千分之三` (0.3),
//! `十分之一` (10), `三成` (30), `两成半` (25), `2个百分点` (points),
//! `四点七七个百分点`.

use crate::extract::numeric::{apply, qualifier_after, Qualifier};
use crate::extract::{Candidate, Context};
use crate::fact::{Quantity, Value};
use crate::numeral::{clean, parse_numeral_at, NumeralForm};
use crate::span::Span;

/// Adds the percentages of `context` to `out`.
pub(crate) fn extract(context: &Context<'_>, out: &mut Vec<Candidate>) {
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
        } else if rest.starts_with('成') && numeric.form != NumeralForm::Arabic
            || rest.starts_with("成半")
        {
            scale(&mut quantity, 10.0);
            if rest.starts_with("成半") {
                quantity.number = quantity.number.map(|n| n + 5.0);
                ("成半".len(), "percent.tenths", false)
            } else {
                ('成'.len_utf8(), "percent.tenths", false)
            }
        } else if let Some(fraction) = fraction(context, numeric.numeral_start, numeric.span.end) {
            let (end, value) = fraction;
            let mut quantity = Quantity::exact(value);
            quantity.approx = numeric.quantity.approx;
            quantity.bound = numeric.quantity.bound;
            if numeric.quantity.max.is_some() && numeric.quantity.number.is_none() {
                apply(&mut quantity, Qualifier::AtMost);
            }
            if context.before(numeric.span.start).ends_with("约占") {
                quantity.approx = true;
            }
            push(
                context,
                out,
                numeric.span.start,
                end,
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

fn scale(quantity: &mut Quantity, factor: f64) {
    quantity.number = quantity.number.map(|n| clean(n * factor));
    quantity.max = quantity.max.map(|n| clean(n * factor));
}

/// `X分之Y` after the numeral X (which ends at `end`): the end of Y and Y/X in percent.
fn fraction(context: &Context<'_>, numeral_start: usize, end: usize) -> Option<(usize, f64)> {
    let rest = context.after(end);
    let y_start = end + rest.strip_prefix("分之").map(|_| "分之".len())?;
    let denominator = parse_numeral_at(context.text, numeral_start)?;
    if denominator.end != end || denominator.value == 0.0 {
        return None;
    }
    let numerator = parse_numeral_at(context.text, y_start)?;
    Some((
        numerator.end,
        clean(numerator.value / denominator.value * 100.0),
    ))
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
