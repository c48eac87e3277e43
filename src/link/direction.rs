//! Direction: whether the text says a number rose or fell, from the last
//! word of rise or fall between the number and the previous number of its
//! clause.

use crate::fact::{Direction, Fact, Kind};
use crate::lexicon::{self, ByEdge, CharBits, Edge};
use crate::span::Span;
use std::sync::LazyLock;

/// Words that say a quantity rose (`data/words/link_up_words.txt`).
static UP_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lexicon::entries(include_str!("../../data/words/link_up_words.txt")).collect()
});

/// Words that say a quantity fell (`data/words/link_down_words.txt`).
static DOWN_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lexicon::entries(include_str!("../../data/words/link_down_words.txt")).collect()
});

/// The words of rise, by their last character.
static UP_BY_LAST: LazyLock<ByEdge<&'static str>> =
    LazyLock::new(|| ByEdge::new(UP_WORDS.clone(), Edge::Last, |w| w));

/// The words of fall, by their last character.
static DOWN_BY_LAST: LazyLock<ByEdge<&'static str>> =
    LazyLock::new(|| ByEdge::new(DOWN_WORDS.clone(), Edge::Last, |w| w));

/// The last characters of the words of rise and fall.
static DIRECTION_LAST_CHARS: LazyLock<CharBits> = LazyLock::new(|| {
    let words = UP_WORDS.iter().chain(DOWN_WORDS.iter());
    CharBits::of(words.filter_map(|w| w.chars().next_back()))
});

/// `up` or `down` from the last word of rise or fall between the previous
/// number of the clause (or its start) and the number at `start`.
pub(super) fn direction_before(
    text: &str,
    sentence_start: usize,
    start: usize,
    spans: &[Span],
    facts: &[Fact],
    i: usize,
    commas: &[usize],
) -> Option<Direction> {
    // After the last comma or colon of the sentence before the number:
    // `commas` (sorted) holds the end of every one of the text, and those
    // of the sentence end after its start and no later than the number.
    let last = commas.partition_point(|&p| p <= start);
    let clause_start = match last.checked_sub(1).map(|k| commas[k]) {
        Some(p) if p > sentence_start => p,
        _ => sentence_start,
    };
    // Only the words after the previous number of the clause speak for this
    // one; a time or a name between them does not cut the clause
    // (高于同期我国外贸整体增速4.1个百分点).
    // Facts that end before the clause would give its start anyway.
    let from = (0..i)
        .rev()
        .take_while(|&j| spans[j].end > clause_start)
        .filter(|&j| {
            !matches!(
                facts[j].kind(),
                Kind::Time | Kind::Place | Kind::Org | Kind::Person
            )
        })
        .map(|j| spans[j].end)
        .find(|&end| end <= start)
        .map_or(clause_start, |end| end.max(clause_start));
    let window = text.get(from..start)?;
    // The word that ends last, the longer of two that end together
    // (负增长 over 增长).
    for (p, c) in window.char_indices().rev() {
        if !DIRECTION_LAST_CHARS.contains(c) {
            continue;
        }
        let upto = &window[..p + c.len_utf8()];
        let up = UP_BY_LAST
            .with_edge(c)
            .filter(|w| upto.ends_with(**w))
            .map(|w| w.len())
            .max();
        let down = DOWN_BY_LAST
            .with_edge(c)
            .filter(|w| upto.ends_with(**w))
            .map(|w| w.len())
            .max();
        match (up, down) {
            (Some(u), Some(d)) => {
                return Some(if u > d {
                    Direction::Up
                } else {
                    Direction::Down
                })
            }
            (Some(_), None) => return Some(Direction::Up),
            (None, Some(_)) => return Some(Direction::Down),
            (None, None) => {}
        }
    }
    None
}
