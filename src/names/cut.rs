//! Names the segmenter cut: a transliterated name whose first or last
//! character it left as a word of its own (佩 + 斯科夫, 马克 + 龙), and a
//! guessed name of two characters whose third it cut off (刘国 + 中).

use super::words::{
    char_set, chars_of, has, is_transliteration, Class, Found, AFTER_NAME_WORD, ALL_HAN, NAME_TAG,
    SPEECH_WORD, TITLE,
};
use crate::lexicon::CharBits;
use crate::span::Span;
use crate::text::normalize::is_han;
use crate::text::segment::Word;
use std::sync::LazyLock;

static NOT_NAME_ENDINGS: LazyLock<CharBits> =
    LazyLock::new(|| char_set(include_str!("../../data/words/person_not_name_endings.txt")));
static NAME_STOPS: LazyLock<CharBits> =
    LazyLock::new(|| char_set(include_str!("../../data/words/person_name_stops.txt")));

/// True for the tags of function words, which join no name.
fn is_function(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "c" | "u" | "uj" | "ul" | "uz" | "uv" | "ug" | "y" | "d" | "m" | "f" | "e"
    )
}

/// The start of a transliterated name from word `i` to word `last`, moved
/// back over the first character when the segmenter cut it off as a word
/// of its own (佩 + 斯科夫, 托 + 卡耶夫, 米 + 舒斯京): a single character
/// used in transliterations that is no function word, right before a name
/// made of such characters.
pub(super) fn joined_start(text: &str, words: &[Word<'_>], i: usize, last: usize) -> usize {
    let start = words[i].span.start;
    let name = &text[start..words[last].span.end];
    let Some(before) = i.checked_sub(1).map(|k| &words[k]) else {
        return start;
    };
    let b = &text[before.span.range()];
    let function = is_function(before.tag);
    if !function && is_cut_piece(b, name) {
        before.span.start
    } else {
        start
    }
}

/// True when `piece` is one Han character used in transliterations and
/// `name` a transliterated name of Han characters: the piece may be a
/// character the segmenter cut from the name.
fn is_cut_piece(piece: &str, name: &str) -> bool {
    piece.chars().count() == 1
        && piece.chars().all(is_han)
        && is_transliteration(piece)
        && name.chars().all(is_han)
        && is_transliteration(name)
}

/// The end of a transliterated name at `span` (its last word `last`),
/// moved over one character the segmenter cut off as a word of its own
/// (马克 + 龙): a character used in transliterations that is no function
/// word, followed by no other Han character of its word.
pub(super) fn joined_end(text: &str, words: &[Word<'_>], span: Span, last: usize) -> usize {
    let name = &text[span.range()];
    let Some(next) = words.get(last + 1) else {
        return span.end;
    };
    let n = &text[next.span.range()];
    // After a name, verbs, pronouns and classifiers are words of their own.
    let function = is_function(next.tag) || matches!(next.tag, "v" | "r" | "q");
    if next.span.start == span.end && !function && is_cut_piece(n, name) {
        next.span.end
    } else {
        span.end
    }
}

/// Two-character persons extended by the character that follows each of
/// their occurrences in the document, where the segmenter cut a
/// three-character name (柯文 + 哲, 李来 + 希说, 林义 + 守): the name recurs
/// at least twice, always with the same Han character after it, and that
/// character is no function word, speech or cue (林全说, 林全在).
///
/// Every name's occurrences are found in one pass over the text, so the
/// cost stays linear in it however many names the document has.
pub(super) fn joined_third(text: &str, names: &mut [super::document::Named]) {
    // The two-character persons, each with the character after it when
    // that character could end a name.
    let candidate = |(kind, found): &super::document::Named| -> Option<char> {
        if *kind != crate::fact::Kind::Person || found.span.len() != 6 {
            return None;
        }
        let c = text[found.span.end..].chars().next()?;
        let stops = !is_han(c)
            || crate::numeric::numeral::can_start_numeral(c)
            || NOT_NAME_ENDINGS.contains(c)
            || NAME_STOPS.contains(c)
            || has(
                c.encode_utf8(&mut [0; 4]),
                TITLE | AFTER_NAME_WORD | SPEECH_WORD,
            );
        (!stops).then_some(c)
    };
    let after: Vec<Option<char>> = names.iter().map(candidate).collect();
    let mut unique: Vec<&str> = names
        .iter()
        .zip(&after)
        .filter(|(_, c)| c.is_some())
        .map(|((_, found), _)| &text[found.span.range()])
        .collect();
    unique.sort_unstable();
    unique.dedup();
    let same_after = super::document::same_after_each(text, &unique);
    for ((_, found), c) in names.iter_mut().zip(after) {
        let Some(c) = c else {
            continue;
        };
        let name = &text[found.span.range()];
        let Ok(k) = unique.binary_search(&name) else {
            continue;
        };
        // The name recurs, and every occurrence has `c` after it.
        if same_after[k] == Some(c) {
            found.span.end += c.len_utf8();
            found.rule = "person.joined_third";
        }
    }
}

/// A two-character name the segmenter guessed, with the one character the
/// segmenter cut off after it (刘国 + 中): a word of one character that is
/// no function word, a title or a cue (locatives and bound nouns: 中, 东),
/// followed by no Han character of its word.
pub(super) fn joined_given(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    classes: &[Class],
    mut found: Found,
) -> Found {
    let word = &words[i];
    let fits = classes[i] & NAME_TAG != 0
        && !word.known
        && found.span == word.span
        && found.span.len() == 6
        && words.get(i + 1).is_some_and(|n| {
            let class = classes[i + 1];
            // The bits first: one Han character, no title or cue.
            chars_of(class) == 1
                && class & (ALL_HAN | TITLE | AFTER_NAME_WORD | SPEECH_WORD) == ALL_HAN
                && matches!(n.tag, "f" | "ng" | "zg" | "b")
                && !text[n.span.range()]
                    .chars()
                    .any(|c| NOT_NAME_ENDINGS.contains(c))
        });
    if fits {
        found.span.end = words[i + 1].span.end;
    }
    found
}
