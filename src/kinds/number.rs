//! Numbers: quantities with no unit of their own.
//!
//! Every numeric expression is a number candidate; counts, percentages,
//! money and times that contain one win over it (see the overlap policy).
//! Here only what is never a number is left out: a numeral followed by a
//! unit of time (`2023年`, `9月`, `八点钟`) belongs to a date or duration.
//! `一半` is one half.

use crate::context::{Candidate, Context};
use crate::fact::{Quantity, Value};
use crate::numeric::expr::{apply, qualifier_after};
use crate::numeric::numeral::NumeralForm;
use crate::numeric::units::time_unit_at;
use crate::span::Span;

/// Adds the numbers of `context` to `out`.
pub(crate) fn extract(context: &Context<'_>, out: &mut Vec<Candidate>) {
    for numeric in &context.numerics {
        if context.before(numeric.numeral_start).ends_with('第') {
            continue; // an ordinal
        }
        let rest = context.after(numeric.span.end);
        if rest.starts_with("半") && context.text[numeric.numeral_start..numeric.span.end] == *"一"
        {
            if !rest.starts_with("半年") && !rest.starts_with("半天") {
                out.push(Candidate {
                    span: Span::new(numeric.span.start, numeric.span.end + '半'.len_utf8()),
                    value: Value::Number(Quantity::exact(0.5)),
                    rule: "number.half",
                });
            }
            continue;
        }
        if time_unit_at(rest).is_some() || is_clock(rest) {
            continue;
        }
        let mut quantity = numeric.quantity;
        let mut end = numeric.span.end;
        if let Some((len, qualifier)) = qualifier_after(rest) {
            apply(&mut quantity, qualifier);
            end += len;
        }
        let rule = match numeric.form {
            _ if numeric.is_range => "number.range",
            NumeralForm::Arabic => "number.arabic",
            NumeralForm::Mixed => "number.mixed",
            NumeralForm::Chinese => "number.chinese",
            NumeralForm::DigitByDigit => "number.digit_by_digit",
        };
        out.push(Candidate {
            span: Span::new(numeric.span.start, end),
            value: Value::Number(quantity),
            rule,
        });
    }
}

/// `点` with no digit after it is a clock hour (`八点`, `3点钟`).
fn is_clock(rest: &str) -> bool {
    rest.starts_with('点') || rest.starts_with("点钟")
}
