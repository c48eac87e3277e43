//! Percentages and shares.
//!
//! `12.6%`, `98%以上`, `‰` (3‰ = 0.3), `百分之五`, `千分之三` (0.3),
//! `十分之一` (10), `三成` (30), `两成半` (25), `2个百分点` (points),
//! `四点七七个百分点`.

use crate::extract::numeric::{apply, qualifier_after};
use crate::extract::{Candidate, Context};
use crate::fact::{Quantity, Value};
use crate::numeral::{clean, NumeralForm};
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
        } else if let Some(denominator) = numeric.denominator {
            let tenths = [10.0, 100.0, 1000.0].contains(&denominator);
            if !tenths && !is_share(context.before(numeric.numeral_start)) {
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
