//! Runs every extractor over a document's context and applies the overlap
//! policy.

use crate::context::{Candidate, Context};
use crate::fact::{Kind, Value};
use crate::kinds::{count, duration, money, number, ordinal, percent};
use crate::{names, time};
use std::collections::{BTreeMap, HashMap};

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
    candidates.retain(|c| {
        !c.span.is_empty() && !context.in_boilerplate(c.span) && !ends_inside_a_word(context, c)
    });
    resolve_overlaps(candidates)
}

/// 同日本, 当年轻人, 当前线: a time of two characters that points back (同,
/// 当, 这 and a unit: 同日, 当年, 当前) whose unit begins a longer word of
/// another sort, one the segmenter reads on past it (日本, 年轻人, 前线),
/// is no time.
fn ends_inside_a_word(context: &Context<'_>, candidate: &Candidate) -> bool {
    let text = &context.text[candidate.span.range()];
    let points_back = text.starts_with(['同', '当', '这']) && text.chars().count() == 2;
    if candidate.value.kind() != Kind::Time || !points_back {
        return false;
    }
    let last = candidate.span.end.saturating_sub(1);
    context.words.at(last).is_some_and(|word| {
        word.span.end > candidate.span.end
            && word.span.start > candidate.span.start
            && !matches!(word.tag, "t" | "m" | "q" | "mq" | "f")
    })
}

/// The extractors [`run_stage`] runs one at a time, for the benchmarks.
pub(crate) const STAGES: &[&str] = &[
    "number", "ordinal", "count", "percent", "money", "time", "duration", "names",
];

/// Runs the one extractor named `stage` (one of [`STAGES`]) and returns
/// how many candidates it made, `None` for an unknown name.
pub(crate) fn run_stage(context: &Context<'_>, stage: &str) -> Option<usize> {
    let extract = match stage {
        "number" => number::extract,
        "ordinal" => ordinal::extract,
        "count" => count::extract,
        "percent" => percent::extract,
        "money" => money::extract,
        "time" => time::extract,
        "duration" => duration::extract,
        "names" => names::extract,
        _ => return None,
    };
    let mut candidates = Vec::new();
    extract(context, &mut candidates);
    Some(candidates.len())
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
    // The ends of the spans kept so far by their starts, for an O(log n)
    // overlap test and insertion (a sorted Vec would move half of itself
    // on every insertion).
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    for candidate in candidates {
        let span = candidate.span;
        let clashes_before = taken
            .range(..span.start)
            .next_back()
            .is_some_and(|(_, &end)| end > span.start);
        let clashes_after = taken
            .range(span.start..)
            .next()
            .is_some_and(|(&start, _)| start < span.end);
        if !clashes_before && !clashes_after {
            taken.insert(span.start, span.end);
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
