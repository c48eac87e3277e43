//! Name-like words that a document shows to be things, outlets, firms or
//! events rather than persons (`这辆玛莎拉蒂`, `彭博报导`, `富邦证券`,
//! `温布顿网球锦标赛`), read once all its names are found.

use super::document::Named;
use super::person::{name_cue, thing_after};
use super::words::{
    char_set, Class, Found, AFTER_NAME_WORD, BEFORE_NAME_WORD, ROLE_BEFORE_WORD, SPEECH_WORD, TITLE,
};
use crate::fact::Kind;
use crate::lexicon::{set, CharBits, WordEnds, WordSet};
use crate::numeric::numeral::can_start_numeral;
use crate::span::Span;
use crate::text::segment::Word;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

static THING_CLASSIFIERS: LazyLock<CharBits> = LazyLock::new(|| {
    char_set(include_str!(
        "../../data/words/person_thing_classifiers.txt"
    ))
});
static THING_HEADS: LazyLock<CharBits> =
    LazyLock::new(|| char_set(include_str!("../../data/words/person_thing_heads.txt")));
static FIRM_EVENT_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("../../data/words/person_firm_event_words.txt")));
static OUTLET_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("../../data/words/person_outlet_words.txt")));

/// Drops the persons of the document that most occurrences (two or more) put right
/// before a common noun (温布顿 + 网球, 高捷 + 车厢, 阿帕契 + 直升机) or
/// inside the title of a work or an outlet (《大佛普拉斯》, 《彭博》), or
/// that one occurrence counts with a classifier of things (这辆 +
/// 玛莎拉蒂), fills a title (《彭博》), cites as an outlet (彭博 + 报导)
/// or puts before a word of firms or events (富邦 + 证券, 温布顿 + 锦标赛),
/// while no occurrence has a role, speech or a list beside it:
/// the word names a thing, an event or a firm, not someone (a person's
/// name stands before a noun now and then: 刘晓波 + 机会).
pub(super) fn things_not_persons(
    text: &str,
    words: &[Word<'_>],
    classes: &[Class],
    names: &mut Vec<Named>,
) {
    // Hashed by their ends: what the rules keep is a set, whatever the
    // order the names are walked in.
    let mut seen: HashMap<&str, Seen, BuildHasherDefault<WordEnds>> = HashMap::default();
    // Most documents have no title marks: they are looked for around a
    // name only in one that has.
    let titles = text.contains('《');
    for (kind, found) in names.iter() {
        if *kind != Kind::Person {
            continue;
        }
        let name = &text[found.span.range()];
        let entry = seen.entry(name).or_default();
        // A name with evidence stays a person: its counts are read no more.
        if entry.evidenced {
            continue;
        }
        match bare_word(words, found) {
            // 赵乐际 + 委员长, 卢拉 + 总统: a role after the name.
            Some(k) if role_after(classes, k) => entry.evidenced = true,
            Some(k) => {
                let outlet = || {
                    words
                        .get(k + 1)
                        .is_some_and(|n| OUTLET_WORDS.contains(&text[n.span.range()]))
                };
                entry.counted = entry.counted
                    || outlet()
                    || counted_as_thing(text, found.span.start)
                    || fills_title(text, found.span)
                    || firm_or_event(text, words, k);
                entry.before_noun += usize::from(thing_after(classes, k));
                entry.titled += usize::from(titles && in_title(text, found.span));
                entry.all += 1;
            }
            None => entry.evidenced = true,
        }
    }
    let mut things: HashSet<&str, BuildHasherDefault<WordEnds>> = seen
        .into_iter()
        .filter(|(_, s)| {
            let most = s.all >= 2 && (s.before_noun == s.all || s.titled * 2 > s.all);
            (most || s.counted) && !s.evidenced
        })
        .map(|(name, _)| name)
        .collect();
    if things.is_empty() {
        return;
    }
    // Cues are read last, for the few names that may go.
    for (kind, found) in names.iter() {
        let name = &text[found.span.range()];
        if *kind == Kind::Person && things.contains(name) {
            let cued =
                bare_word(words, found).is_some_and(|k| name_cue(text, words, classes, k, k).any());
            if cued {
                things.remove(name);
            }
        }
    }
    names.retain(|(kind, found)| {
        *kind != Kind::Person || !things.contains(&text[found.span.range()])
    });
}

/// True when a role, a title or speech follows word `k` (赵乐际 + 委员长,
/// 江泽民 + 总书记).
fn role_after(classes: &[Class], k: usize) -> bool {
    let cues = ROLE_BEFORE_WORD | BEFORE_NAME_WORD | AFTER_NAME_WORD | TITLE | SPEECH_WORD;
    classes.get(k + 1).is_some_and(|c| c & cues != 0)
}

/// What [`things_not_persons`] counts of one name in a document.
#[derive(Default)]
struct Seen {
    /// Occurrences right before a common noun.
    before_noun: usize,
    /// Occurrences inside a title.
    titled: usize,
    /// Occurrences a bare rule found on one word.
    all: usize,
    /// Some occurrence is counted, cited or named as a thing.
    counted: bool,
    /// Some occurrence was found by a rule that reads evidence.
    evidenced: bool,
}

/// The word of a person found by a rule that reads no evidence of its own
/// (a surname and given name, a transliteration, a confirmed name) when
/// the name is that one word.
fn bare_word(words: &[Word<'_>], found: &Found) -> Option<usize> {
    let bare = matches!(
        found.rule,
        "person.surname_given" | "person.foreign" | "person.confirmed"
    );
    let k = words
        .binary_search_by_key(&found.span.start, |w| w.span.start)
        .ok()?;
    (bare && words[k].span.end == found.span.end).then_some(k)
}

/// True when a classifier of things, after a number or a demonstrative,
/// stands right before `at` (这辆, 卅架, 1张).
fn counted_as_thing(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    let (Some(classifier), Some(count)) = (before.next(), before.next()) else {
        return false;
    };
    THING_CLASSIFIERS.contains(classifier)
        && (can_start_numeral(count)
            || matches!(count, '这' | '那' | '该' | '每' | '几' | '卅' | '廿'))
}

/// True when a word of firms or events (`data/words/person_firm_event_words.txt`)
/// follows word `k`, or follows a noun after it (温布顿 + 网球 + 锦标赛).
fn firm_or_event(text: &str, words: &[Word<'_>], k: usize) -> bool {
    let is_word = |j: usize| {
        words
            .get(j)
            .is_some_and(|w| FIRM_EVENT_WORDS.contains(&text[w.span.range()]))
    };
    is_word(k + 1) || words.get(k + 1).is_some_and(|w| w.tag == "n") && is_word(k + 2)
}

/// True when `span` is all a pair of title brackets holds (《彭博》).
fn fills_title(text: &str, span: Span) -> bool {
    text[..span.start].ends_with('《') && text[span.end..].starts_with('》')
}

/// True when `span` lies inside title brackets (《大佛普拉斯》) of at most
/// twenty characters.
fn in_title(text: &str, span: Span) -> bool {
    let mut from = span.start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (span.end + 60).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let (before, after) = (&text[from..span.start], &text[span.end..to]);
    let opened = before
        .rfind('《')
        .is_some_and(|o| !before[o..].contains('》'));
    let closed = after.find('》').is_some_and(|c| !after[..c].contains('《'));
    opened && closed
}

/// True for a word of three characters that the dictionary holds as a name
/// and that ends in the head of a common noun (雷阵雨, 东北风, 夏令营): it
/// waits for evidence, here or elsewhere in the document.
pub(super) fn thing_headed(word: &Word<'_>, name: &str) -> bool {
    word.known
        && name.chars().count() == 3
        && name.chars().last().is_some_and(|c| THING_HEADS.contains(c))
}
