//! The word lists of numeric expressions (`data/words/numeric_*`): data
//! access only, below `expr.rs`, which says what the words do.

use crate::lexicon::{entries, rows, set, ByEdge, Edge, WordSet};
use std::sync::LazyLock;

/// What a qualifier says about the number it touches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Qualifier {
    /// 约, 近, 左右: about.
    Approx,
    /// 超过, 逾, 以上: at least.
    AtLeast,
    /// 不到, 不足, 以下: at most.
    AtMost,
}

static QUALIFIERS: &str = include_str!("../../data/words/numeric_qualifiers.tsv");
static LEXICAL_WORDS: &str = include_str!("../../data/words/numeric_lexical_words.txt");
static WORDS_ENDING_IN_QUALIFIER: &str =
    include_str!("../../data/words/numeric_words_ending_in_qualifier.txt");
static CURRENCY_CODES: &str = include_str!("../../data/words/numeric_currency_codes.txt");
static CODE_CUES: &str = include_str!("../../data/words/numeric_code_cues.txt");
static EXTRA_UNITS: &str = include_str!("../../data/words/count_units_extra.txt");

/// The qualifiers written at `position` (`before` or `after`), longest first.
fn qualifiers(position: &str) -> Vec<(&'static str, Qualifier)> {
    let mut list: Vec<_> = rows(QUALIFIERS)
        .filter(|row| row[1] == position)
        .map(|row| {
            let meaning = match row[2] {
                "approx" => Qualifier::Approx,
                "at_least" => Qualifier::AtLeast,
                "at_most" => Qualifier::AtMost,
                other => panic!("numeric_qualifiers.tsv: unknown meaning {other}"),
            };
            (row[0], meaning)
        })
        .collect();
    list.sort_by_key(|(word, _)| std::cmp::Reverse(word.chars().count()));
    list
}

static BEFORE: LazyLock<ByEdge<(&'static str, Qualifier)>> =
    LazyLock::new(|| ByEdge::new(qualifiers("before"), Edge::Last, |q| q.0));
static AFTER: LazyLock<ByEdge<(&'static str, Qualifier)>> =
    LazyLock::new(|| ByEdge::new(qualifiers("after"), Edge::First, |q| q.0));
static LEXICAL: LazyLock<WordSet> = LazyLock::new(|| set(LEXICAL_WORDS));
static ENDING_IN_QUALIFIER: LazyLock<WordSet> = LazyLock::new(|| set(WORDS_ENDING_IN_QUALIFIER));
static CODES: LazyLock<WordSet> = LazyLock::new(|| set(CURRENCY_CODES));
static LONGEST_CODE: LazyLock<usize> =
    LazyLock::new(|| entries(CURRENCY_CODES).map(str::len).max().unwrap_or(0));
static CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| entries(CODE_CUES).collect());
static EXTRA: LazyLock<ByEdge<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = entries(EXTRA_UNITS).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    ByEdge::new(words, Edge::First, |w| w)
});

/// A measure word of `count_units_extra.txt` at the start of `rest`
/// (`楼`, `周年`), longest first: units the shared table lacks.
pub(crate) fn extra_unit_at(rest: &str) -> Option<&'static str> {
    EXTRA.at(rest).copied().find(|w| rest.starts_with(w))
}

/// Qualifiers written right before a number (`约`, `超过`), longest first.
pub(crate) fn qualifiers_before() -> &'static ByEdge<(&'static str, Qualifier)> {
    &BEFORE
}

/// Qualifiers written after a number and its unit (`以上`, `左右`),
/// longest first.
pub(crate) fn qualifiers_after() -> &'static ByEdge<(&'static str, Qualifier)> {
    &AFTER
}

/// True for words that begin with a numeral but are not quantities.
pub(crate) fn is_lexical_word(word: &str) -> bool {
    LEXICAL.contains(word)
}

/// True for two-character words ending in a one-character qualifier (`附近`).
pub(crate) fn ends_in_qualifier(word: &str) -> bool {
    ENDING_IN_QUALIFIER.contains(word)
}

/// True for currency codes that may touch their digits (`RMB100`).
pub(crate) fn is_currency_code(letters: &str) -> bool {
    // Longer strings are no code, and are not hashed (a scan asks about
    // every prefix of a run of letters).
    letters.len() <= *LONGEST_CODE && CODES.contains(letters)
}

/// Words that make a long integer after them an identifier (`电话`).
pub(crate) fn code_cues() -> &'static [&'static str] {
    &CUES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qualifier_lists_are_read_longest_first() {
        let before = qualifiers_before();
        assert_eq!(before[0], ("不少于", Qualifier::AtLeast));
        assert_eq!(before.len(), 25);
        assert_eq!(before.last().map(|q| q.0.chars().count()), Some(1));
        assert!(qualifiers_after().contains(&("以下", Qualifier::AtMost)));
        assert_eq!(qualifiers_after().len(), 5);
    }

    #[test]
    fn word_sets_hold_their_lists() {
        assert!(is_lexical_word("千方百计"));
        assert!(!is_lexical_word("三百"));
        assert!(ends_in_qualifier("附近"));
        assert!(is_currency_code("RMB"));
        assert!(!is_currency_code("PM"));
        assert!(code_cues().contains(&"邮编"));
    }
}
