//! Runs every extractor over a document's context and applies the overlap
//! policy.

use crate::context::{Candidate, Context};
use crate::fact::{Kind, Value};
use crate::kinds::{count, duration, money, number, ordinal, percent};
use crate::{names, time};
use std::cmp::Reverse;
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
    if candidate.value.kind() != Kind::Time {
        return false;
    }
    let text = &context.text[candidate.span.range()];
    let points_back = text.starts_with(['同', '当', '这']) && text.chars().count() == 2;
    if !points_back {
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

/// The greatest [`specificity`].
const MOST_SPECIFIC: u8 = 9;

/// The bits a [`specificity`] takes.
const SPECIFICITY_BITS: u32 = 4;

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
/// then the more specific kind, then the earlier start (then the earlier
/// candidate). Spans are not empty (`run` drops empty ones).
fn resolve_overlaps(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let text_end = candidates.iter().map(|c| c.span.end).max().unwrap_or(0);
    // The bytes the kept spans cover: a span is kept when none of its
    // bytes is covered yet.
    let mut covered = ByteSet::new(text_end);
    let mut keep = vec![false; candidates.len()];
    for index in policy_order(&candidates, text_end) {
        let span = candidates[index].span;
        if !covered.any(span.start, span.end) {
            covered.insert(span.start, span.end);
            keep[index] = true;
        }
    }
    let mut kept: Vec<Candidate> = candidates
        .into_iter()
        .zip(keep)
        .filter_map(|(candidate, keep)| keep.then_some(candidate))
        .collect();
    // Kept spans do not overlap, so no two share a start.
    kept.sort_unstable_by_key(|c| c.span.start);
    kept
}

/// The indices of `candidates`, whose spans end by `text_end`, in the
/// order of the overlap policy. The order is worked out on small keys, not
/// by moving the candidates: one word a candidate when its length, kind,
/// start and index fit in 64 bits together (texts of up to a megabyte or
/// so), else a tuple.
fn policy_order(candidates: &[Candidate], text_end: usize) -> Vec<usize> {
    let offset_bits = usize::BITS - text_end.leading_zeros();
    let index_bits = usize::BITS - candidates.len().leading_zeros();
    if 2 * offset_bits + SPECIFICITY_BITS + index_bits > u64::BITS {
        let mut order: Vec<(Reverse<usize>, Reverse<u8>, usize, usize)> = candidates
            .iter()
            .enumerate()
            .map(|(index, c)| {
                let specific = specificity(c.value.kind());
                (
                    Reverse(c.span.len()),
                    Reverse(specific),
                    c.span.start,
                    index,
                )
            })
            .collect();
        order.sort_unstable();
        return order.into_iter().map(|(_, _, _, index)| index).collect();
    }
    // From the top: the length and the specificity, each subtracted from
    // its largest so that the greater sorts first, then the start and the
    // index.
    let start_shift = index_bits;
    let specific_shift = start_shift + offset_bits;
    let length_shift = specific_shift + SPECIFICITY_BITS;
    let mut keys: Vec<u64> = candidates
        .iter()
        .enumerate()
        .map(|(index, c)| {
            let less_specific = u64::from(MOST_SPECIFIC - specificity(c.value.kind()));
            ((text_end - c.span.len()) as u64) << length_shift
                | less_specific << specific_shift
                | (c.span.start as u64) << start_shift
                | index as u64
        })
        .collect();
    keys.sort_unstable();
    let index_mask = (1u64 << index_bits) - 1;
    keys.into_iter()
        .map(|key| (key & index_mask) as usize)
        .collect()
}

/// A set of byte offsets below a bound, one bit each.
struct ByteSet {
    bits: Vec<u64>,
}

impl ByteSet {
    /// An empty set for offsets below `end`.
    fn new(end: usize) -> ByteSet {
        ByteSet {
            bits: vec![0; end.div_ceil(64)],
        }
    }

    /// The bits of word `word` that lie in `start..end`, a word the range
    /// meets: `low` is below 64 and `high` above 0, so both shifts are
    /// in range.
    fn mask(word: usize, start: usize, end: usize) -> u64 {
        let low = start.max(word * 64) - word * 64;
        let high = end.min(word * 64 + 64) - word * 64;
        (u64::MAX << low) & (u64::MAX >> (64 - high))
    }

    /// True when an offset in `start..end` is in the set.
    fn any(&self, start: usize, end: usize) -> bool {
        (start / 64..end.div_ceil(64))
            .any(|word| self.bits[word] & Self::mask(word, start, end) != 0)
    }

    /// Adds the offsets `start..end`.
    fn insert(&mut self, start: usize, end: usize) {
        for word in start / 64..end.div_ceil(64) {
            self.bits[word] |= Self::mask(word, start, end);
        }
    }
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

    #[test]
    fn byte_sets_cover_exactly_the_offsets_inserted() {
        let mut set = ByteSet::new(200);
        set.insert(60, 130);
        assert!(!set.any(0, 60));
        assert!(set.any(59, 61));
        assert!(set.any(129, 200));
        assert!(!set.any(130, 200));
        assert!(set.any(64, 128));
        set.insert(0, 1);
        assert!(set.any(0, 1));
        assert!(!set.any(1, 60));
    }

    /// The policy as a quadratic reference: each candidate, in the order
    /// of the policy, is kept unless it overlaps one kept before.
    fn resolve_overlaps_by_pairs(candidates: &[Candidate]) -> Vec<(Span, Value)> {
        let mut order: Vec<&Candidate> = candidates.iter().collect();
        order.sort_by(|a, b| {
            b.span
                .len()
                .cmp(&a.span.len())
                .then(specificity(b.value.kind()).cmp(&specificity(a.value.kind())))
                .then(a.span.start.cmp(&b.span.start))
        });
        let mut kept: Vec<&Candidate> = Vec::new();
        for c in order {
            let overlaps = kept
                .iter()
                .any(|k| k.span.start < c.span.end && c.span.start < k.span.end);
            if !overlaps {
                kept.push(c);
            }
        }
        kept.sort_by_key(|c| c.span.start);
        kept.iter().map(|c| (c.span, c.value.clone())).collect()
    }

    proptest::proptest! {
        #[test]
        fn packed_and_tuple_orders_agree(
            spans in proptest::collection::vec((0usize..300, 1usize..90, proptest::bool::ANY), 0..80)
        ) {
            let number = Value::Number(Quantity::exact(1.0));
            let ordinal = Value::Ordinal(Quantity::exact(1.0));
            let candidates: Vec<Candidate> = spans
                .iter()
                .map(|&(start, len, is_ordinal)| {
                    let value = if is_ordinal { ordinal.clone() } else { number.clone() };
                    candidate(start, start + len, value)
                })
                .collect();
            // An end too far for a packed key takes the tuples.
            let packed = policy_order(&candidates, 400);
            let tuples = policy_order(&candidates, usize::MAX / 2);
            proptest::prop_assert_eq!(packed, tuples);
        }

        #[test]
        fn overlaps_are_resolved_as_by_pairs(
            spans in proptest::collection::vec((0usize..300, 1usize..90, proptest::bool::ANY), 0..80)
        ) {
            // Each candidate's quantity is its index, to tell equal spans apart.
            let candidates: Vec<Candidate> = spans
                .iter()
                .enumerate()
                .map(|(index, &(start, len, is_count))| {
                    let quantity = Quantity::exact(index as f64);
                    let value = if is_count {
                        Value::Count { quantity, unit: "个".into(), noun: None }
                    } else {
                        Value::Number(quantity)
                    };
                    candidate(start, start + len, value)
                })
                .collect();
            let expected = resolve_overlaps_by_pairs(&candidates);
            let kept: Vec<(Span, Value)> = resolve_overlaps(candidates)
                .iter()
                .map(|c| (c.span, c.value.clone()))
                .collect();
            proptest::prop_assert_eq!(kept, expected);
        }
    }
}
