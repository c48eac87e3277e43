//! Rule-based extractors, one module per kind, and the overlap policy.

pub(crate) mod count;
pub(crate) mod duration;
pub(crate) mod meta;
pub(crate) mod money;
pub(crate) mod names;
pub(crate) mod number;
pub(crate) mod numeric;
pub(crate) mod numeric_words;
pub(crate) mod ordinal;
pub(crate) mod percent;
pub(crate) mod time;
pub(crate) mod time_parts;
pub(crate) mod time_resolve;
pub(crate) mod time_words;
pub(crate) mod units;

use crate::datetime::DateTime;
use crate::fact::{Kind, Value};
use crate::segment::Words;
use crate::span::Span;

/// What every extractor sees of one document.
pub(crate) struct Context<'a> {
    /// The normalized text.
    pub text: &'a str,
    /// Its words.
    pub words: &'a Words<'a>,
    /// The reference time for relative expressions.
    pub reference_time: Option<DateTime>,
    /// Byte ranges of site boilerplate (footers, licence numbers): no fact
    /// starts there.
    pub boilerplate: Vec<Span>,
    /// Every numeric expression of the text, found once for all kinds.
    pub numerics: Vec<numeric::Numeric>,
}

impl<'a> Context<'a> {
    /// Prepares the context: boilerplate and numeric expressions.
    pub fn new(
        text: &'a str,
        words: &'a Words<'a>,
        reference_time: Option<DateTime>,
    ) -> Context<'a> {
        let boilerplate = meta::boilerplate(text);
        let numerics = numeric::scan(text, words);
        Context {
            text,
            words,
            reference_time,
            boilerplate,
            numerics,
        }
    }

    /// The text after byte `offset`.
    pub fn after(&self, offset: usize) -> &'a str {
        self.text.get(offset..).unwrap_or("")
    }

    /// The text before byte `offset`.
    pub fn before(&self, offset: usize) -> &'a str {
        self.text.get(..offset).unwrap_or("")
    }

    fn in_boilerplate(&self, span: Span) -> bool {
        self.boilerplate.iter().any(|b| b.overlaps(span))
    }
}

/// A set of characters of the Basic Multilingual Plane as a bitmap: one
/// load and a mask, for tests run on every word.
pub(crate) struct CharBits(Box<[u64; 1024]>);

impl CharBits {
    pub(crate) fn of(chars: impl Iterator<Item = char>) -> CharBits {
        let mut bits = Box::new([0u64; 1024]);
        for c in chars {
            let code = c as usize;
            if code < 0x10000 {
                bits[code / 64] |= 1 << (code % 64);
            }
        }
        CharBits(bits)
    }

    pub(crate) fn contains(&self, c: char) -> bool {
        let code = c as usize;
        code < 0x10000 && self.0[code / 64] & (1 << (code % 64)) != 0
    }
}

/// A fact before it is mapped back to the original text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    /// Byte span in the normalized text.
    pub span: Span,
    /// The value.
    pub value: Value,
    /// The rule's name.
    pub rule: &'static str,
}

/// Runs every extractor and applies the overlap policy.
pub(crate) fn run(context: &Context<'_>) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    number::extract(context, &mut candidates);
    ordinal::extract(context, &mut candidates);
    count::extract(context, &mut candidates);
    percent::extract(context, &mut candidates);
    money::extract(context, &mut candidates);
    time::extract(context, &mut candidates);
    duration::extract(context, &mut candidates);
    names::extract(context, &mut candidates);
    candidates.retain(|c| !c.span.is_empty() && !context.in_boilerplate(c.span));
    resolve_overlaps(candidates)
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
