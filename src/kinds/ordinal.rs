//! Ordinals: `第46个` → 第46 (46), `第一届` → 第一 (1).
//!
//! The classifier stays outside the span. `第一` as an adjective
//! (`第一时间`, `第一线`) and `第三方` are not ordinals; `首届` has no
//! numeral and is not one either.

use crate::context::{Candidate, Context};
use crate::fact::Value;
use crate::lexicon::entries;
use crate::numeric::Bounds;
use crate::span::Span;
use std::sync::LazyLock;

static NOT_ORDINAL_LIST: &str = include_str!("../../data/words/ordinal_not_ordinals.txt");

/// Words that begin with 第 and a numeral but are not positions (第一时间).
static NOT_ORDINALS: LazyLock<Vec<&str>> = LazyLock::new(|| entries(NOT_ORDINAL_LIST).collect());

/// Adds the ordinals of `context` to `out`.
pub(crate) fn extract(context: &Context<'_>, out: &mut Vec<Candidate>) {
    di_numeral(context, out);
}

/// 第 and a numeral: `第46`, `第一`.
fn di_numeral(context: &Context<'_>, out: &mut Vec<Candidate>) {
    let text = context.text;
    // A numeral starts only at a numeric stop: the stops right after a 第
    // are every 第 that may read, in text order, with no search of the text.
    let after_di = context
        .numeric_stops
        .from(0)
        .filter(|&(at, _)| text[..at].ends_with('第'));
    for (start_numeral, _) in after_di {
        let pos = start_numeral - '第'.len_utf8();
        let Some(numeral) = context.numerals.at(start_numeral) else {
            continue;
        };
        if NOT_ORDINALS.iter().any(|w| text[pos..].starts_with(w)) {
            continue;
        }
        if text[numeral.end..].starts_with('季') {
            continue; // 第四季(度) is a quarter: a time
        }
        if numeral.value.fract() != 0.0 || numeral.value < 0.0 {
            continue;
        }
        out.push(Candidate {
            span: Span::new(pos, numeral.end),
            value: Value::Ordinal(Bounds::exact(numeral.value).quantity()),
            rule: "ordinal.di_numeral",
        });
    }
}
