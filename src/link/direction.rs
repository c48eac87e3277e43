//! Direction: whether the text says a number rose or fell, from the last
//! word of rise or fall between the number and the previous number of its
//! clause.

use crate::fact::{Direction, Fact, Kind};
use crate::lexicon::{self, CharBits};
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
) -> Option<Direction> {
    let before = &text[sentence_start..start];
    let clause_start = before
        .rfind(['，', ',', '：', ':'])
        .map_or(sentence_start, |p| {
            sentence_start + p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
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
        let up = UP_WORDS
            .iter()
            .filter(|w| upto.ends_with(**w))
            .map(|w| w.len())
            .max();
        let down = DOWN_WORDS
            .iter()
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
