//! The invariants of a report and of normalization on any input, shared by
//! the adversarial tests and the fuzz targets (`fuzz/`), which include this
//! file by path. Each check returns what is wrong, so a caller can panic
//! with the input or count the failures.

#![allow(dead_code)] // each includer uses part of it

use zhfacts::{normalize, Extent, Fact, Kind, Report, Span, Value};

/// What is wrong with `report` as the report of `text`, if anything: spans
/// in bounds, on character boundaries, slicing to the fact's text, ordered
/// and disjoint; numbers finite; `about` indices on facts of the right kind.
pub fn report_problem(text: &str, report: &Report) -> Option<String> {
    let mut previous: Option<Span> = None;
    for (i, fact) in report.facts.iter().enumerate() {
        let span = fact.span;
        if !(span.start < span.end && span.end <= text.len()) {
            return Some(format!("fact {i}: span {span:?} out of bounds"));
        }
        if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
            return Some(format!("fact {i}: span {span:?} not on char boundaries"));
        }
        if text[span.start..span.end] != fact.text {
            return Some(format!("fact {i}: text {:?} is not the slice", fact.text));
        }
        if let Some(previous) = previous {
            if previous.end > span.start {
                return Some(format!("fact {i}: {span:?} overlaps {previous:?}"));
            }
        }
        previous = Some(span);
        if let Some(problem) = value_problem(fact) {
            return Some(format!("fact {i} ({:?}): {problem}", fact.text));
        }
        if let Some(about) = &fact.about {
            let kind_at = |k: usize| report.facts.get(k).map(Fact::kind);
            if let Some(k) = about.period {
                if kind_at(k) != Some(Kind::Time) {
                    return Some(format!("fact {i}: period {k} is no time fact"));
                }
            }
            if let Some(k) = about.place {
                if !matches!(kind_at(k), Some(Kind::Place | Kind::Org)) {
                    return Some(format!("fact {i}: place {k} is no place or org fact"));
                }
            }
        }
    }
    None
}

/// What is wrong with a fact's value: a number that is not finite, a range
/// whose bounds are not in order.
fn value_problem(fact: &Fact) -> Option<String> {
    if let Value::Duration {
        seconds: Some(seconds),
    } = fact.value
    {
        if !seconds.is_finite() {
            return Some(format!("duration of {seconds} seconds"));
        }
    }
    let quantity = fact.value.quantity()?;
    let numbers: Vec<f64> = match quantity.extent {
        Extent::Exact(v) | Extent::AtLeast(v) | Extent::AtMost(v) => vec![v],
        Extent::Range { min, max } => {
            if min > max {
                return Some(format!("range {min} to {max}"));
            }
            vec![min, max]
        }
        _ => vec![],
    };
    numbers
        .iter()
        .find(|v| !v.is_finite())
        .map(|v| format!("value {v} is not finite"))
}

/// What is wrong with the normalization of `text`: not idempotent, an
/// offset map that is not monotonic or does not land on character
/// boundaries, a span that does not round-trip.
pub fn normalize_problem(text: &str) -> Option<String> {
    let once = normalize(text);
    let twice = normalize(once.text());
    if once.text() != twice.text() {
        return Some(format!(
            "not idempotent: {:?} then {:?}",
            once.text(),
            twice.text()
        ));
    }
    if !twice.is_identity() {
        return Some("normalizing normalized text changed its offsets".to_string());
    }
    let normalized = once.text();
    let mut last = 0;
    let boundaries = normalized
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(normalized.len()));
    for offset in boundaries {
        let original = once.offset_to_original(offset);
        if original < last {
            return Some(format!("offset {offset} maps back to {original} < {last}"));
        }
        if original > text.len() || !text.is_char_boundary(original) {
            return Some(format!(
                "offset {offset} maps to {original}, no boundary of the input"
            ));
        }
        last = original;
    }
    if once.offset_to_original(normalized.len()) != text.len() {
        return Some("the end does not map to the end".to_string());
    }
    // Every character's span maps to a slice of the input that normalizes
    // back to that character (with what dropped text it carries).
    for (i, c) in normalized.char_indices() {
        let span = once.to_original(Span::new(i, i + c.len_utf8()));
        let Some(slice) = text.get(span.start..span.end) else {
            return Some(format!(
                "char at {i} maps to {span:?}, which does not slice"
            ));
        };
        if slice.is_empty() {
            return Some(format!("char {c:?} at {i} maps to an empty span"));
        }
    }
    None
}
