//! Place: the place or organisation a number belongs to, the one its
//! clause opens with, else the one its paragraph's sentences open with,
//! else the article's own.

use crate::fact::{Fact, Kind};
use crate::lexicon::{self, ByEdge, Edge};
use crate::span::Span;
use std::sync::LazyLock;

/// Endings of the names of bodies that publish figures about a place, by
/// their last character.
static REPORTING_BODIES: LazyLock<ByEdge<&'static str>> = LazyLock::new(|| {
    let endings = lexicon::entries(include_str!("../../data/words/link_reporting_bodies.txt"));
    ByEdge::new(endings.collect(), Edge::Last, |end| end)
});

/// True for a statistics office or customs service: it reports a figure,
/// and the figure belongs to the place it reports on.
fn reports_figures(fact: &Fact) -> bool {
    fact.value
        .name()
        .is_some_and(|name| REPORTING_BODIES.at(name).any(|end| name.ends_with(end)))
}

/// The place or organisation the article is about: the first named in its
/// headline, else a place that names the article's region (`台灣` in a
/// Taiwan paper), else the first place it names outside a dateline
/// (`新华社北京10月3日电` names where the report was filed).
pub(super) fn main_place(
    text: &str,
    spans: &[Span],
    facts: &[Fact],
    headline_end: Option<usize>,
    region_names: &[&str],
) -> Option<usize> {
    let is_place_or_org = |k: usize| matches!(facts[k].kind(), Kind::Place | Kind::Org);
    if let Some(end) = headline_end {
        let in_headline = (0..facts.len()).take_while(|&k| spans[k].end <= end);
        if let Some(k) = in_headline.into_iter().find(|&k| is_place_or_org(k)) {
            return Some(k);
        }
    }
    let names_region = |k: usize| {
        facts[k].kind() == Kind::Place
            && facts[k]
                .value
                .name()
                .is_some_and(|name| region_names.contains(&name))
    };
    if let Some(k) = (0..facts.len()).find(|&k| names_region(k)) {
        return Some(k);
    }
    (0..facts.len()).find(|&k| {
        let dateline = facts.get(k + 1).is_some_and(|next| {
            next.kind() == Kind::Time && text[spans[k + 1].end..].starts_with(['电', '讯'])
        });
        facts[k].kind() == Kind::Place && !dateline
    })
}

/// The place a clause of the number's sentence starts with (after its
/// time), the number's own clause first: `2023年上半年，潍坊市…`,
/// `东部地区进出口…，东北地区进出口8259.3亿元`. Places further in name
/// the things counted (入选山东省高端品牌培育企业142家) and are not taken.
pub(super) fn place_before(
    text: &str,
    spans: &[Span],
    facts: &[Fact],
    i: usize,
    sentence_start: usize,
    openings: &[usize],
) -> Option<usize> {
    // From the last clause back: the sentence is read no further than the
    // clause whose opening is a place. `openings` (sorted) holds the end of
    // every mark of the text after which a clause opens; those of the
    // sentence end after its start and no later than the number.
    let first = openings.partition_point(|&p| p <= sentence_start);
    let last = openings.partition_point(|&p| p <= spans[i].start);
    // The first fact at or after each clause start, moved back with the
    // clause starts (the spans are sorted by start).
    let mut from = i;
    openings[first..last.max(first)]
        .iter()
        .rev()
        .copied()
        .chain(std::iter::once(sentence_start))
        .find_map(|clause_start| {
            while from > 0 && spans[from - 1].start >= clause_start {
                from -= 1;
            }
            place_opening(text, spans, facts, i, clause_start, from)
        })
}

/// The most facts an opening (times, then a place) is read over.
const MAX_OPENING_FACTS: usize = 16;

/// The place fact that opens the text at `at` (after a time), before fact `i`.
pub(super) fn place_at_start(
    text: &str,
    spans: &[Span],
    facts: &[Fact],
    i: usize,
    at: usize,
) -> Option<usize> {
    let first = spans[..i].partition_point(|s| s.start < at);
    place_opening(text, spans, facts, i, at, first)
}

/// [`place_at_start`], given `first`, the first fact that starts at or
/// after `at`.
fn place_opening(
    text: &str,
    spans: &[Span],
    facts: &[Fact],
    i: usize,
    mut at: usize,
    first: usize,
) -> Option<usize> {
    // An opening holds a few times at most: a run of them is read no further.
    for j in (first..i).take(MAX_OPENING_FACTS) {
        if spans[j].start < at {
            continue;
        }
        let gap = &text[at..spans[j].start];
        // More than two characters (a long gap is not counted through);
        // a gap of fewer than three bytes holds fewer.
        if gap.len() >= 3
            && gap
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, '，' | ',' | '、'))
                .chars()
                .nth(2)
                .is_some()
        {
            return None;
        }
        match facts[j].kind() {
            Kind::Org if reports_figures(&facts[j]) => return None,
            Kind::Place | Kind::Org => return Some(j),
            Kind::Time => at = spans[j].end,
            _ => return None,
        }
    }
    None
}
