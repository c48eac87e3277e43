//! Counts: a numeral with its classifier or measure word.
//!
//! `33个品牌` → 33 个 (noun 品牌), `1.3万名` → 13000 名, `159万吨` → 1590000
//! 吨, `100余项` → 100 项 approx, `5987.0公斤/公顷` → unit 公斤/公顷.
//! Units of time (`3年`, `5天`) make durations, not counts.

use crate::extract::numeric::{apply, qualifier_after};
use crate::extract::units::unit_at;
use crate::extract::{Candidate, Context};
use crate::fact::Value;
use crate::span::Span;

/// Adds the counts of `context` to `out`.
pub(crate) fn extract(context: &Context<'_>, out: &mut Vec<Candidate>) {
    for numeric in &context.numerics {
        if context.before(numeric.numeral_start).ends_with('第') {
            continue; // an ordinal
        }
        let rest = context.after(numeric.span.end);
        let Some(unit) = unit_at(rest) else { continue };
        if unit == "个" && rest.starts_with("个百分点") {
            continue;
        }
        let mut end = numeric.span.end + unit.len();
        let mut unit = unit.to_string();
        // Compound units: 公斤/公顷.
        if let Some(per) = context.after(end).strip_prefix('/').and_then(unit_at) {
            unit = format!("{unit}/{per}");
            end += 1 + per.len();
        }
        // A word that merely starts with the unit (`个人`, `名单`) is no count
        // when the segmenter joins it with what follows and calls it a noun.
        if let Some(word) = context.words.at(numeric.span.end) {
            let joined_past_unit = word.span.start == numeric.span.end && word.span.end > end;
            if joined_past_unit
                && !matches!(word.tag, "m" | "mq" | "q")
                && !is_unit_noun(&context.text[word.span.range()])
            {
                continue;
            }
        }
        let mut quantity = numeric.quantity;
        let mut rule = "count.numeral_unit";
        if let Some((len, qualifier)) = qualifier_after(context.after(end)) {
            apply(&mut quantity, qualifier);
            end += len;
            rule = "count.numeral_unit_qualifier";
        }
        let noun = context
            .words
            .at(end)
            .filter(|w| w.span.start == end && w.tag.starts_with('n'))
            .map(|w| context.text[w.span.range()].to_string());
        out.push(Candidate {
            span: Span::new(numeric.span.start, end),
            value: Value::Count {
                quantity,
                unit,
                noun,
            },
            rule,
        });
    }
}

/// Words that begin with a unit and still count (`人次`, `批次`).
fn is_unit_noun(word: &str) -> bool {
    unit_at(word).is_some_and(|u| u.len() == word.len())
}
