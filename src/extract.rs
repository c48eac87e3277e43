//! Runs every extractor over a document's context and applies the overlap
//! policy.

use crate::context::{Candidate, Context};
use crate::fact::{Kind, Value};
use crate::kinds::{count, duration, money, number, ordinal, percent};
use crate::span::Span;
use crate::{names, time};
use std::collections::HashMap;

/// Names the caller added to the dictionary, by their Simplified form.
pub(crate) type UserNames = HashMap<String, Kind>;

/// Runs every extractor and applies the overlap policy.
pub(crate) fn run(context: &Context<'_>, user_names: &UserNames) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    number::extract(context, &mut candidates);
    ordinal::extract(context, &mut candidates);
    count::extract(context, &mut candidates);
    percent::extract(context, &mut candidates);
    money::extract(context, &mut candidates);
    time::extract(context, &mut candidates);
    duration::extract(context, &mut candidates);
    names::extract(context, &mut candidates);
    if !user_names.is_empty() {
        user_word(context, user_names, &mut candidates);
    }
    candidates.retain(|c| !c.span.is_empty() && !context.in_boilerplate(c.span));
    resolve_overlaps(candidates)
}

/// The words the caller added as names are names of their kind wherever
/// the segmenter finds them; they replace what the rules made of the same
/// span.
fn user_word(context: &Context<'_>, user_names: &UserNames, out: &mut Vec<Candidate>) {
    let found: Vec<Candidate> = context
        .words
        .all()
        .iter()
        .filter_map(|word| {
            let name = &context.text[word.span.range()];
            let kind = *user_names.get(name)?;
            let value = Value::name_of(kind, name.to_string())?;
            let rule = match kind {
                Kind::Org => "org.user_word",
                Kind::Place => "place.user_word",
                _ => "person.user_word",
            };
            Some(Candidate {
                span: word.span,
                value,
                rule,
            })
        })
        .collect();
    if found.is_empty() {
        return;
    }
    out.retain(|c| !(c.value.kind().is_name() && found.iter().any(|f| f.span == c.span)));
    // First, so that they win ties in the overlap policy.
    out.splice(0..0, found);
}

/// How specific a kind is: on equal spans the more specific wins.
fn specificity(kind: Kind) -> u8 {
    match kind {
        Kind::Time => 9,
        Kind::Money => 8,
        Kind::Percent => 7,
        Kind::Duration => 6,
        Kind::Count => 5,
        Kind::Ordinal => 4,
        Kind::Org => 3,
        Kind::Place => 2,
        Kind::Person => 1,
        Kind::Number => 0,
    }
}

/// Keeps a set of facts in which none overlaps another: longer spans first,
/// then the more specific kind, then the earlier start.
fn resolve_overlaps(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.sort_by(|a, b| {
        b.span
            .len()
            .cmp(&a.span.len())
            .then(specificity(b.value.kind()).cmp(&specificity(a.value.kind())))
            .then(a.span.start.cmp(&b.span.start))
    });
    let mut kept: Vec<Candidate> = Vec::with_capacity(candidates.len());
    // Spans kept so far, sorted by start, for an O(log n) overlap test.
    let mut taken: Vec<Span> = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let span = candidate.span;
        let i = taken.partition_point(|t| t.start < span.start);
        let clashes_before = i > 0 && taken[i - 1].end > span.start;
        let clashes_after = taken.get(i).is_some_and(|t| t.start < span.end);
        if !clashes_before && !clashes_after {
            taken.insert(i, span);
            kept.push(candidate);
        }
    }
    kept.sort_by_key(|c| (c.span.start, c.span.end));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fact::Quantity;
    use crate::span::Span;

    fn candidate(start: usize, end: usize, value: Value) -> Candidate {
        Candidate {
            span: Span::new(start, end),
            value,
            rule: "test",
        }
    }

    #[test]
    fn longer_and_more_specific_facts_win() {
        let number = Value::Number(Quantity::exact(33.0));
        let count = Value::Count {
            quantity: Quantity::exact(33.0),
            unit: "个".into(),
            noun: None,
        };
        let kept = resolve_overlaps(vec![
            candidate(0, 2, number.clone()),
            candidate(0, 5, count.clone()),
            candidate(5, 7, number.clone()),
            candidate(5, 7, count.clone()),
        ]);
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0].span, Span::new(0, 5));
        assert_eq!(kept[1].value, count);
    }
}
