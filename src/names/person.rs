//! Persons: a listed surname and one or two given characters (`江泽民`),
//! transliterated names (`克林顿`, `穆罕默德·拉斐克·塔拉尔`), a surname
//! before a title (`孔书记` → 孔), and names read from the characters around
//! a role or a speech verb where the segmenter split them (`傅志寰说`).

use super::place::place_noun_at;
use super::words::{
    char_set, chars_at, chars_in, chars_of, has, is_name_dot, is_name_tag, is_transliteration,
    Class, Classes, Found, Lexicon, AFTER_NAME_WORD, ALL_HAN, BEFORE_NAME_WORD, CLASSIFIER_TAG,
    COMPASS_WORD, LEXICON, NAME_DOT, NAME_LIKE_TAG, NAME_TAG, NOUN_TAG, PLACE, REGION,
    ROLE_BEFORE_WORD, SPEECH_WORD, SURNAME_START, TITLE, TITLES,
};
use crate::lexicon::{entries, set, ByEdge, CharBits, Edge, WordSet};
use crate::numeric::numeral::can_start_numeral;
use crate::span::Span;
use crate::text::normalize::is_han;
use crate::text::segment::Word;
use std::sync::LazyLock;

/// A set of characters from a list of `data/words/`.
macro_rules! chars_of {
    ($file:literal) => {
        LazyLock::new(|| char_set(include_str!(concat!("../../data/words/", $file))))
    };
}

static GLUED_BEFORE: LazyLock<CharBits> = chars_of!("person_glued_before.txt");
static GLUED_AFTER: LazyLock<CharBits> = chars_of!("person_glued_after.txt");
static NOT_NAME_ENDINGS: LazyLock<CharBits> = chars_of!("person_not_name_endings.txt");
static NAME_STOPS: LazyLock<CharBits> = chars_of!("person_name_stops.txt");
static COUNTING_CLASSIFIERS: LazyLock<CharBits> = chars_of!("person_counting_classifiers.txt");
static NOT_SURNAMES_BEFORE_TITLES: LazyLock<CharBits> =
    chars_of!("person_not_surnames_before_titles.txt");
static FREE_SURNAME_BEFORE: LazyLock<CharBits> = chars_of!("person_free_surname_before.txt");
static TIME_CHARS: LazyLock<CharBits> = chars_of!("person_time_chars.txt");
static ROLE_COMPOUND_CHARS: LazyLock<CharBits> = chars_of!("person_role_compound_chars.txt");
static WEAK_ENDINGS: LazyLock<CharBits> = chars_of!("person_weak_endings.txt");
static GROUP_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("../../data/words/person_group_nouns.txt")));

/// The titles of two characters or more, by their first character: a
/// word is tested against those that share its character.
static LONG_TITLES: LazyLock<ByEdge<&'static str>> = LazyLock::new(|| {
    let titles = entries(TITLES).filter(|t| t.chars().count() >= 2).collect();
    ByEdge::new(titles, Edge::First, |t| t)
});
/// The first characters of the titles.
static TITLE_FIRST: LazyLock<CharBits> =
    LazyLock::new(|| CharBits::of(entries(TITLES).filter_map(|t| t.chars().next())));
/// The first characters of [`LONG_TITLES`]: most words after a surname
/// begin with none of them.
static LONG_TITLE_FIRST: LazyLock<CharBits> =
    LazyLock::new(|| CharBits::of(LONG_TITLES.iter().filter_map(|t| t.chars().next())));

/// The names found so far and those waiting for evidence: a name is
/// confirmed when the document names it with evidence elsewhere, or it
/// stands next to a confirmed name (江泽民李鹏乔石).
#[derive(Default)]
pub(super) struct Evidence<'t> {
    /// The word and the text of each name accepted so far: a document
    /// accepts few, and they are searched in turn.
    accepted: Vec<(usize, &'t str)>,
    pending: Vec<(usize, Span)>,
}

impl<'t> Evidence<'t> {
    /// Notes the name a rule found at word `i`: `sure` when it stands on
    /// its own evidence, else it waits. The name to report now, if any.
    pub(super) fn note(
        &mut self,
        text: &'t str,
        i: usize,
        found: Found,
        sure: bool,
    ) -> Option<Found> {
        if !sure {
            self.pending.push((i, found.span));
            return None;
        }
        self.accepted.push((i, &text[found.span.range()]));
        Some(found)
    }

    /// The waiting names that the document confirms: the same name
    /// accepted elsewhere, or an accepted name next to it or across one
    /// 、 (江泽民、李鹏); not across a comma (达席尔瓦，祝贺他).
    pub(super) fn confirmed(self, text: &str, words: &[Word<'_>]) -> Vec<Found> {
        let joiner = |k: usize| words.get(k).is_some_and(|w| &text[w.span.range()] == "、");
        let beside = |k: usize| {
            self.accepted.iter().any(|&(a, _)| {
                a + 1 == k || k + 1 == a || (a + 2 == k || k + 2 == a) && joiner((a + k) / 2)
            })
        };
        let known = |name: &str| self.accepted.iter().any(|&(_, n)| n == name);
        self.pending
            .iter()
            .filter(|&&(k, span)| beside(k) || known(&text[span.range()]))
            .map(|&(_, span)| Found {
                span,
                rule: "person.confirmed",
            })
            .collect()
    }
}

/// A transliterated name joined by `·` from word `i` (穆罕默德·拉斐克·塔拉尔),
/// with the number of words it takes. Some part must read as a foreign
/// name, and not all may be places: 聚能·赋能 is a slogan, 中国·山东 a
/// dateline.
///
/// Tried at every word: the test that rules most words out is inlined
/// where it is called.
#[inline]
pub(super) fn dotted_name(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    classes: &[Class],
) -> Option<(Found, usize)> {
    // Most words have no dot after them.
    if classes.get(i + 1).is_none_or(|c| c & NAME_DOT == 0) {
        return None;
    }
    dotted_name_at(text, words, i)
}

/// [`dotted_name`] at word `i`, which a dot follows.
fn dotted_name_at(text: &str, words: &[Word<'_>], i: usize) -> Option<(Found, usize)> {
    let (end, parts) = dotted_parts(text, words, i)?;
    let all_places = parts.iter().all(|p| LEXICON.is_place(p));
    let foreign = parts.iter().any(|p| is_transliteration(p));
    if all_places || !foreign {
        return None;
    }
    let span = Span::new(words[i].span.start, end);
    let rule = "person.dotted_name";
    Some((Found { span, rule }, parts.len() * 2 - 1))
}

/// The last word of a transliterated name that starts at word `i` and that
/// the segmenter may have cut into pieces (泽 + 连斯基, 波克罗 + 夫斯 + 克):
/// words tagged as names, all of transliteration characters, and a single
/// such character after them that is no function word. A single word
/// gives `i` itself when it is such a name of two characters or more.
///
/// Tried at every word: the test of the tag, which rules most words out,
/// is inlined where it is called.
#[inline]
pub(super) fn foreign_run(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    classes: &[Class],
) -> Option<usize> {
    if classes.get(i).is_none_or(|c| c & NAME_TAG == 0) {
        return None;
    }
    foreign_run_from(text, words, i, classes)
}

/// [`foreign_run`] from word `i`, which is tagged as a name.
fn foreign_run_from(text: &str, words: &[Word<'_>], i: usize, classes: &[Class]) -> Option<usize> {
    let piece = |k: usize| {
        classes
            .get(k)
            .is_some_and(|c| c & (NAME_TAG | ALL_HAN) == NAME_TAG | ALL_HAN)
            && is_transliteration(&text[words[k].span.range()])
    };
    if !piece(i) {
        return None;
    }
    let mut last = i;
    while piece(last + 1) {
        last += 1;
    }
    if let Some(next) = words.get(last + 1) {
        let t = &text[next.span.range()];
        let function = matches!(
            next.tag,
            "p" | "c" | "u" | "uj" | "ul" | "uz" | "v" | "d" | "r" | "f" | "y" | "zg"
        );
        let one_char = chars_in(t, classes[last + 1]) == 1;
        let han = classes[last + 1] & ALL_HAN != 0;
        if one_char && han && is_transliteration(t) && !function {
            last += 1;
        }
    }
    let chars = text[words[i].span.start..words[last].span.end]
        .chars()
        .count();
    (chars >= 2).then_some(last)
}

/// Han words joined by `·` from word `i`: the end and the parts.
fn dotted_parts<'t>(text: &'t str, words: &[Word<'_>], i: usize) -> Option<(usize, Vec<&'t str>)> {
    let is_han_word = |w: &Word<'_>| text[w.span.range()].chars().all(is_han);
    // Most words have no dot after them: look before allocating.
    if !words
        .get(i + 1)
        .is_some_and(|d| is_name_dot(&text[d.span.range()]))
    {
        return None;
    }
    let mut parts = vec![&text[words[i].span.range()]];
    let mut j = i;
    while j + 2 < words.len() + 1 {
        let (Some(dot), Some(next)) = (words.get(j + 1), words.get(j + 2)) else {
            break;
        };
        if !is_name_dot(&text[dot.span.range()]) || !is_han_word(next) {
            break;
        }
        parts.push(&text[next.span.range()]);
        j += 2;
    }
    (parts.len() >= 2 && is_han_word(&words[i])).then(|| (words[j].span.end, parts))
}

/// A person's name at word `i`, trimmed of characters the segmenter glued
/// on (`恩佐说` → `恩佐`), and whether it stands on its own evidence.
///
/// Tried at most words that may start a name: the test of the bits that
/// rules most out (a noun of two characters is no name) is inlined where
/// it is called, and checked against the rule in debug and test builds.
#[inline]
pub(super) fn person(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    classes: &[Class],
) -> Option<(Found, bool)> {
    super::gated(may_be_person(i, classes), || {
        person_at(text, words, i, classes)
    })
}

/// False where [`person_at`] finds nothing, told by bits: word `i` glues
/// no surname to a title (a surname first, three characters or more), is
/// no single surname tagged as a name, and is no single character before
/// a title, nor a word of Han characters (no place, region or direction)
/// of one character or with a tag a name may carry. A word of two
/// characters or fewer that no name tag marks is a name only from a
/// surname (今天/t, 目前/t are none), and a name that opens with a surname
/// of two characters has three characters or more.
///
/// A word of Han characters has four bytes or fewer only when it has one
/// character or none: its count stands for its length.
#[inline]
pub(super) fn may_be_person(i: usize, classes: &[Class]) -> bool {
    let class = classes[i];
    let chars = chars_of(class);
    let title_after = || classes.get(i + 1).is_some_and(|c| c & TITLE != 0);
    chars >= 3 && class & SURNAME_START != 0
        || chars == 1 && class & NAME_TAG != 0
        || (chars <= 1 || class & NAME_LIKE_TAG != 0)
            && class & (PLACE | REGION | COMPASS_WORD | ALL_HAN) == ALL_HAN
            && (chars >= 3 || class & (NAME_TAG | SURNAME_START) != 0)
            && (chars != 1 || title_after())
}

/// [`person`] past its gate.
fn person_at(text: &str, words: &[Word<'_>], i: usize, classes: &[Class]) -> Option<(Found, bool)> {
    let lexicon = &*LEXICON;
    let word = &words[i];
    let word_chars = chars_at(text, word.span, classes[i]);
    // Only a word of three characters or more that opens with a surname
    // glues it to a title: the text of the others is not sliced for it.
    if word_chars >= 3 && classes[i] & SURNAME_START != 0 {
        let w = &text[word.span.range()];
        if let Some(found) = surname_in_title_word(w, word, word_chars, lexicon) {
            return Some((found, true));
        }
    }
    if let Some(found) = split_name(text, words, i, classes) {
        return Some((found, true));
    }
    // A single character is a name only as a surname before a title word
    // ([`surname_before_title`]): most have none after them.
    if word_chars == 1 && classes.get(i + 1).is_none_or(|c| c & TITLE == 0) {
        return None;
    }
    // Names are tagged as names, or as times, places or unknown words by
    // mistake (周恩来/t, 罗干/ns); single characters may be surnames.
    let one_char = word.span.len() <= 4;
    if !one_char && classes[i] & NAME_LIKE_TAG == 0 {
        return None;
    }
    if classes[i] & (PLACE | REGION | COMPASS_WORD | ALL_HAN) != ALL_HAN {
        return None;
    }
    let tagged = classes[i] & NAME_TAG != 0;
    let (span, count) = if tagged {
        without_glued(text, word.span, word_chars)
    } else {
        (word.span, word_chars)
    };
    let name = &text[span.range()];
    // The ends of the first character and of the first two.
    let first_len = char_len(name.as_bytes());
    let two_len = first_len + char_len(&name.as_bytes()[first_len..]);
    let first = &name[..first_len];
    // A name that opens its word opens with the word's first character,
    // whose bits say whether it is a surname.
    let first_is_surname = if span.start == word.span.start {
        classes[i] & SURNAME_START != 0
    } else {
        lexicon.is_surname(first)
    };
    debug_assert_eq!(first_is_surname, lexicon.is_surname(first), "{name}");
    let surname_len = if count >= 3 && lexicon.is_surname(&name[..two_len]) {
        2
    } else if first_is_surname {
        1
    } else {
        0
    };
    // Without a surname only a name the segmenter tags as one, foreign
    // or guessed, is read on: most words that stand where names do
    // (今天/t) are no names.
    let foreign = matches!(word.tag, "nrt" | "nrfg") || (tagged && surname_len == 0);
    if surname_len == 0 && !foreign {
        return None;
    }
    // 胡塞武装, 塔利班政权: the name of a group.
    if words
        .get(i + 1)
        .is_some_and(|n| GROUP_NOUNS.contains(&text[n.span.range()]))
    {
        return None;
    }
    if surname_len == 1 {
        if let Some(found) = surname_and_title_name(name, span.start, first.len()) {
            return (!after_glued_place(words, i, classes)).then_some((found, true));
        }
        if count == 1 {
            return surname_before_title(text, words, i, classes).map(|found| (found, true));
        }
    }
    if count < 2
        || name
            .chars()
            .last()
            .is_some_and(|c| NOT_NAME_ENDINGS.contains(c))
    {
        return None;
    }
    if after_count_word(text, words, i, classes) {
        return None;
    }
    // A surname and one or two given characters, at most four in all;
    // 伊朗核: a listed place and one character is none. The words around
    // are read only for the names these leave.
    let no_given_name = count > 4
        || !(1..=2).contains(&(count - surname_len))
        || count == 3 && lexicon.is_place(&name[..two_len]);
    if !foreign && no_given_name {
        return None;
    }
    // The words around are read once, and only where a test needs them:
    // most names a segmenter tags are sure without them.
    let cue_read = std::cell::OnceCell::new();
    let cue = || *cue_read.get_or_init(|| name_cue(text, words, classes, i, i));
    let waits = || super::things::thing_headed(word, name) && !cue().any();
    // 东芝, 金马奖/nz: the dictionary's brands and events speak too
    // (东芝表示); only a title or role before one makes it a person.
    if word.tag == "nz" && !cue().title_before {
        return None;
    }
    if foreign {
        if word.known && thing_after(classes, i) && !cue().any() {
            return None;
        }
        return foreign_name(name, span, count, || cue().any())
            .map(|(f, sure)| (f, sure && !waits()));
    }
    let before = i.checked_sub(1).map(|k| words[k].tag);
    let (found, sure) = surname_given(word, name, span, count, before, cue)?;
    Some((
        super::cut::joined_given(text, words, i, classes, found),
        sure && !waits(),
    ))
}

/// The byte length of the character that `bytes` open, told by its first
/// byte; 0 for none.
pub(super) fn char_len(bytes: &[u8]) -> usize {
    match bytes.first() {
        None => 0,
        Some(0..=0x7f) => 1,
        Some(0x80..=0xdf) => 2,
        Some(0xe0..=0xef) => 3,
        Some(_) => 4,
    }
}

/// A name the segmenter split after its surname: a single surname tagged
/// as a name and a two-character given name it guessed (丁 + 薛祥), or
/// that it tags as a place where a role or a list of names stands around
/// the two (秘书长王 + 东峰等).
fn split_name(text: &str, words: &[Word<'_>], i: usize, classes: &[Class]) -> Option<Found> {
    // The bits first: a single character tagged as a name.
    if classes[i] & NAME_TAG == 0 || chars_of(classes[i]) != 1 {
        return None;
    }
    let (word, next) = (&words[i], words.get(i + 1)?);
    let w = &text[word.span.range()];
    let n = &text[next.span.range()];
    let fits = LEXICON.is_surname(w)
        && (is_name_tag(next.tag) && !next.known
            || next.tag == "ns" && name_evidence(text, words, classes, i, i + 1))
        && chars_in(n, classes[i + 1]) == 2
        && classes[i + 1] & (ALL_HAN | PLACE) == ALL_HAN;
    fits.then_some(Found {
        span: Span::new(word.span.start, next.span.end),
        rule: "person.split_name",
    })
}

/// The span of a name word of `count` characters without a character
/// glued on from the words around it (同李鹏 → 李鹏, 恩佐说 → 恩佐), for
/// words of three characters or more, and its number of characters.
fn without_glued(text: &str, mut span: Span, mut count: usize) -> (Span, usize) {
    let w = &text[span.range()];
    if count >= 3 {
        if let Some(c) = w.chars().next().filter(|&c| GLUED_BEFORE.contains(c)) {
            span.start += c.len_utf8();
            count -= 1;
        }
    }
    let rest = &text[span.range()];
    if count >= 3 {
        if let Some(c) = rest
            .chars()
            .next_back()
            .filter(|&c| GLUED_AFTER.contains(c))
        {
            span.end -= c.len_utf8();
            count -= 1;
        }
    }
    (span, count)
}

/// A surname that a word (`w`, of `count` characters) glues to a title of
/// two characters or more, whatever its tag: 江主席, 毛主席纪念堂, 李总理
/// → 江, 毛, 李.
fn surname_in_title_word(
    w: &str,
    word: &Word<'_>,
    count: usize,
    lexicon: &Lexicon,
) -> Option<Found> {
    if count < 3 {
        return None;
    }
    let first = w.chars().next()?;
    if NOT_SURNAMES_BEFORE_TITLES.contains(first) || !lexicon.is_surname_char(first) {
        return None;
    }
    let len = first.len_utf8();
    let rest = &w[len..];
    let title_first = rest
        .chars()
        .next()
        .is_some_and(|c| LONG_TITLE_FIRST.contains(c));
    (title_first && LONG_TITLES.at(rest).any(|t| rest.starts_with(t))).then_some(Found {
        span: Span::new(word.span.start, word.span.start + len),
        rule: "person.surname_in_title_word",
    })
}

/// A name word that is a single surname and a title (周总理, 朱师傅, 李总
/// as one word): the surname, which starts at `start` and is `len` bytes.
fn surname_and_title_name(name: &str, start: usize, len: usize) -> Option<Found> {
    // Most words go on with no first character of a title.
    let rest = &name[len..];
    let title_first = rest.chars().next().is_some_and(|c| TITLE_FIRST.contains(c));
    (title_first && has(rest, TITLE)).then_some(Found {
        span: Span::new(start, start + len),
        rule: "person.surname_and_title",
    })
}

/// A single surname as a word of its own before a title word (孔 书记,
/// 张 副主任), not a numeral's or a word's last character.
fn surname_before_title(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    classes: &[Class],
) -> Option<Found> {
    let word = &words[i];
    let before = text[..word.span.start].chars().next_back();
    let free = before
        .is_none_or(|c| (!is_han(c) && !c.is_ascii_digit()) || FREE_SURNAME_BEFORE.contains(c))
        && !before.is_some_and(can_start_numeral);
    let title_after = classes.get(i + 1).is_some_and(|c| c & TITLE != 0);
    (title_after && free).then_some(Found {
        span: word.span,
        rule: "person.surname_title",
    })
}

/// A transliterated foreign name of `count` characters the segmenter tags
/// as a name (克林顿, 阿拉法特, 内塔尼亚胡): sure from three characters, or
/// with evidence, read only for fewer.
fn foreign_name(
    name: &str,
    span: Span,
    count: usize,
    evidence: impl Fn() -> bool,
) -> Option<(Found, bool)> {
    if !is_transliteration(name) || count > 8 {
        return None;
    }
    let rule = "person.foreign";
    Some((Found { span, rule }, count >= 3 || evidence()))
}

/// A surname and one or two given characters (江泽民, 李鹏), a name of
/// `count` characters (two to four) that the caller has found to open
/// with a surname before them. Three-character names the segmenter tags
/// are taken; two-character ones, and any it tags otherwise (周恩来/t,
/// 罗干/ns), need a title or speech around them, or wait for the
/// document to confirm them. The `cue` is read only where a test needs it.
fn surname_given(
    word: &Word<'_>,
    name: &str,
    span: Span,
    count: usize,
    before: Option<&str>,
    cue: impl Fn() -> Cue,
) -> Option<(Found, bool)> {
    let tagged = is_name_tag(word.tag);
    // 乌军, 巴方: the army or side of a country, unless evidence says a name.
    let weak = count == 2
        && name
            .chars()
            .last()
            .is_some_and(|c| WEAK_ENDINGS.contains(c));
    if weak && !cue().any() {
        return None;
    }
    // A two-character name the segmenter guessed (not a dictionary word such
    // as 和平 or 文明, which it also tags as names) is likely a name, unless
    // an adjective, adverb, pronoun or numeral stands right before it
    // (大型 + 文博, 我国 + 林草, 有效 + 施策): names follow roles, verbs and
    // punctuation.
    // A plain noun before it (全国 + 夏播, 精准 + 施策) makes it the second
    // half of a compound; a role before it is a cue instead (总统 + 马克龙).
    let after_content =
        before.is_some_and(|t| matches!(t, "vn" | "an" | "a" | "ad" | "b" | "r" | "m" | "d" | "n"));
    let guessed = tagged && count == 2 && !word.known && !after_content;
    // 周恩来/t: a three-character word with a surname and no unit of time.
    let timed =
        word.tag == "t" && count == 3 && !name.chars().skip(1).any(|c| TIME_CHARS.contains(c));
    // 高水平 (高 + 水平), 安全观 (安全 + 观): a common word, unless evidence
    // says a name. Two-character words tagged as times (元首/t) are none.
    // Those, the dictionary's names of two characters (养老, 李鹏) and
    // words it tags otherwise (海洋/ns) need a role or speech beside them;
    // a list (海洋等, 高端化、智能化) is no evidence for them.
    let common = || word.common && !cue().role;
    let weak_word = word.common || !tagged;
    let time_word = word.tag == "t" && count < 3;
    let sure = (tagged && count >= 3 && !common())
        || guessed
        || timed
        || !time_word && (tagged || matches!(word.tag, "t" | "ns" | "nz" | "n" | "x")) && {
            let cue = cue();
            cue.role || cue.list && !weak_word
        };
    let candidate = !time_word && (tagged || matches!(word.tag, "t" | "ns" | "nz" | "x"));
    let rule = "person.surname_given";
    (sure || candidate).then_some((Found { span, rule }, sure))
}

/// What the words around a name say of it: a role before it or speech
/// after it, or a list of names around it (王东峰等, 、李希、).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Cue {
    role: bool,
    list: bool,
    /// A title or role word right before the name (记者, 董事长).
    title_before: bool,
}

impl Cue {
    /// True when either cue stands.
    pub(super) fn any(self) -> bool {
        self.role || self.list
    }
}

/// True when the words around words `i` to `last` make them read as a
/// person's name.
fn name_evidence(text: &str, words: &[Word<'_>], classes: &[Class], i: usize, last: usize) -> bool {
    name_cue(text, words, classes, i, last).any()
}

/// The cues around words `i` to `last`; `classes` holds what the lists
/// say of each word, read where `has` would look a word up again.
pub(super) fn name_cue(
    text: &str,
    words: &[Word<'_>],
    classes: &[Class],
    i: usize,
    last: usize,
) -> Cue {
    let word_text = |k: usize| words.get(k).map(|w| &text[w.span.range()]);
    // The words compared with punctuation are read as bytes.
    let word_bytes = |k: usize| words.get(k).map(|w| &text.as_bytes()[w.span.range()]);
    let in_list = |bits: Class, k: Option<usize>| {
        k.and_then(|k| classes.get(k))
            .is_some_and(|c| c & bits != 0)
    };
    // Look back over spaces and colons: 记者 邹多为, 责任编辑:庞珂. A
    // word of Han characters is neither: its bits say so.
    let spacing = |k: usize| {
        let han = classes[k] & ALL_HAN != 0 && chars_of(classes[k]) != 0;
        !han && word_text(k).is_some_and(|w| w.trim().is_empty() || w == ":" || w == "：")
    };
    let mut b = i;
    while b > 0 && spacing(b - 1) {
        b -= 1;
    }
    let before = b.checked_sub(1).and_then(word_bytes);
    let after = word_bytes(last + 1);
    let (comma, etc) = (Some("、".as_bytes()), Some("等".as_bytes()));
    // A list of names: the word across the 、 is tagged as a name too, and
    // is no common word (高端化、智能化).
    let tagged = |k: Option<usize>| {
        k.and_then(|k| words.get(k))
            .is_some_and(|w| w.tag.as_bytes().starts_with(b"nr") && !w.common)
    };
    let listed =
        (after == comma && tagged(Some(last + 2))) || (before == comma && tagged(b.checked_sub(2)));
    // A role after a name is that name's (习近平主席 + 贺信).
    // A name's tag gives its word the name bit.
    let role_of_name_before = b >= 2 && classes[b - 2] & NAME_TAG != 0;
    // 等 closes a list of persons, 等地 one of places.
    let list_of_places = after == etc && place_noun_at(text, words, last + 2);
    let closes_list = after == etc;
    let title_before =
        in_list(BEFORE_NAME_WORD | ROLE_BEFORE_WORD, b.checked_sub(1)) && !role_of_name_before;
    Cue {
        title_before,
        role: title_before
            || (in_list(AFTER_NAME_WORD, Some(last + 1)) && !closes_list)
            || after.is_some_and(|a| a.starts_with("（".as_bytes())),
        list: listed || closes_list && !list_of_places,
    }
}

/// Names read from the characters around strong evidence, where the
/// segmenter split them: 记者兰红光摄, 工程师李升的家中, 傅志寰说.
pub(super) fn names_in_context(text: &str, words: &[Word<'_>], classes: &Classes) -> Vec<Found> {
    let mut found = Vec::new();
    for k in classes.with(ROLE_BEFORE_WORD | BEFORE_NAME_WORD | SPEECH_WORD) {
        let word = &words[k];
        // Roles are nouns; speech is verbs.
        if !matches!(word.tag.as_bytes().first(), Some(b'n' | b'v')) {
            continue;
        }
        if classes[k] & (ROLE_BEFORE_WORD | BEFORE_NAME_WORD) != 0 {
            found.extend(name_after_role(text, words, word));
            found.extend(foreign_after_role(text, words, word));
        }
        if classes[k] & SPEECH_WORD != 0 && k > 0 {
            found.extend(name_before_speech(text, words, word));
        }
    }
    found
}

/// The first four characters of `chars` (fewer when it has fewer), kept
/// in `buffer`: the names read from context look no further.
fn first_four(chars: impl Iterator<Item = char>, buffer: &mut [char; 4]) -> &[char] {
    let mut n = 0;
    for c in chars.take(4) {
        buffer[n] = c;
        n += 1;
    }
    &buffer[..n]
}

/// True for a character that may stand in a name read from context.
fn is_name_char(c: char) -> bool {
    is_han(c) && !NAME_STOPS.contains(c)
}

/// True for a listed surname of one character.
fn is_surname(c: char) -> bool {
    if u32::from(c) < 0x10000 {
        return LEXICON.is_surname_char(c);
    }
    LEXICON.is_surname(c.encode_utf8(&mut [0; 4]))
}

/// The name in the two or three characters after a role word
/// (工程师李升的家中, 记者兰红光摄).
fn name_after_role(text: &str, words: &[Word<'_>], role: &Word<'_>) -> Option<Found> {
    // One space may stand between: 通讯员 欧阳超.
    let gap = [" ", "\u{3000}"]
        .iter()
        .find(|s| text[role.span.end..].starts_with(**s))
        .map_or(0, |s| s.len());
    let start = role.span.end + gap;
    let after = &text[start..];
    let mut buffer = ['\0'; 4];
    let chars = first_four(after.chars(), &mut buffer);
    if !(chars.first().is_some_and(|&c| is_surname(c))
        && chars.len() >= 2
        && chars[..2].iter().all(|&c| is_name_char(c)))
    {
        return None;
    }
    let len = if chars.get(2).is_some_and(|&c| is_name_char(c))
        && !chars
            .get(3)
            .is_some_and(|&c| is_name_char(c) && !ROLE_COMPOUND_CHARS.contains(c))
    {
        3
    } else if chars.get(2).is_none_or(|&c| !is_name_char(c)) {
        2
    } else {
        return None;
    };
    let end = start + chars[..len].iter().map(|c| c.len_utf8()).sum::<usize>();
    let fits = !NOT_NAME_ENDINGS.contains(chars[len - 1])
        && !LEXICON.is_place(&text[start..end])
        && starts_word(words, start)
        && !common_word(words, start, end);
    fits.then_some(Found {
        span: Span::new(start, end),
        rule: "person.after_role",
    })
}

/// A transliterated name right after a role word, which the segmenter may
/// cut or tag as a place (外援吉列尔梅, 拿督翁哈菲兹): three to six
/// characters used in transliterations, the first of which may be a
/// surname, up to a character that is none; not a listed place.
fn foreign_after_role(text: &str, words: &[Word<'_>], role: &Word<'_>) -> Option<Found> {
    let start = role.span.end;
    let mut chars = text[start..].char_indices();
    let mut end = start;
    let mut count = 0;
    for (at, c) in chars.by_ref() {
        // 和, 同 before a name are conjunctions: 和穆罕默德 is no name.
        let first_surname = count == 0 && is_surname(c) && !GLUED_BEFORE.contains(c);
        if !(is_han(c) && (is_transliteration(c.encode_utf8(&mut [0; 4])) || first_surname)) {
            break;
        }
        count += 1;
        end = start + at + c.len_utf8();
        if count > 6 {
            return None;
        }
    }
    let name = &text[start..end];
    let fits = count >= 3
        && is_transliteration(&name[name.chars().next()?.len_utf8()..])
        && !LEXICON.is_place(name)
        && starts_word(words, start)
        && !common_word(words, start, end);
    fits.then_some(Found {
        span: Span::new(start, end),
        rule: "person.foreign_after_role",
    })
}

/// The name in the three or two characters before a speech or address
/// word (傅志寰说, 何方同志).
fn name_before_speech(text: &str, words: &[Word<'_>], speech: &Word<'_>) -> Option<Found> {
    let before = &text[..speech.span.start];
    let mut buffer = ['\0'; 4];
    let chars = first_four(before.chars().rev(), &mut buffer);
    for len in [3usize, 2] {
        if chars.len() < len || !chars[..len].iter().all(|&c| is_name_char(c)) {
            continue;
        }
        let first = chars[len - 1];
        let boundary = chars.get(len).is_none_or(|&c| !is_name_char(c));
        if !(is_surname(first) && boundary) {
            continue;
        }
        let end = speech.span.start;
        let start = end - chars[..len].iter().map(|c| c.len_utf8()).sum::<usize>();
        let given = start + first.len_utf8();
        let fits = !LEXICON.is_place(&text[start..end])
            && starts_word(words, start)
            && !common_word(words, start, end)
            && !noun_given(words, given, end);
        return fits.then_some(Found {
            span: Span::new(start, end),
            rule: "person.before_speech",
        });
    }
    None
}

/// True when the segmenter has one word from `start` to `end` and tags it
/// as something other than a name (有人, 家庭), or a function word of two
/// characters or more lies inside (关于 + 党). Idioms have four
/// characters: the dictionary's three-character ones (陈璧君/i) are names.
fn common_word(words: &[Word<'_>], start: usize, end: usize) -> bool {
    let k = words.partition_point(|w| w.span.start < start);
    let function_inside = words[k..]
        .iter()
        .take_while(|w| w.span.end <= end)
        .any(|w| w.span.len() >= 6 && matches!(w.tag, "p" | "c" | "d" | "r" | "u" | "uj" | "m"));
    if function_inside {
        return true;
    }
    match words.binary_search_by_key(&start, |w| w.span.start) {
        Ok(k) => {
            words[k].span.end == end
                && !matches!(words[k].tag, "nr" | "nrt" | "nrfg" | "x")
                && !(words[k].tag == "i" && words[k].span.len() == 9)
        }
        Err(_) => false,
    }
}

/// True when the given name from `start` to `end` is one word the segmenter
/// tags as a common noun (有 + 网友说, 该 + 民众表示): a surname-like
/// character before a noun, not a name.
fn noun_given(words: &[Word<'_>], start: usize, end: usize) -> bool {
    words
        .binary_search_by_key(&start, |w| w.span.start)
        .is_ok_and(|k| words[k].span.end == end && words[k].tag == "n")
}

/// True when the word after word `i` is a noun of two characters or more
/// (迪士尼 + 乐园, 阿帕契 + 直升机): a transliteration of the dictionary
/// before a common noun names the thing, not a person.
pub(super) fn thing_after(classes: &[Class], i: usize) -> bool {
    classes.get(i + 1).is_some_and(|&c| {
        c & NOUN_TAG != 0 && chars_of(c) >= 2 && c & (TITLE | AFTER_NAME_WORD | SPEECH_WORD) == 0
    })
}

/// True when a place ends right where word `i` starts (台北 + 荣总): a
/// surname and a title there are the short name of a body of that place
/// (台北荣总, the Veterans General Hospital), not a person.
fn after_glued_place(words: &[Word<'_>], i: usize, classes: &[Class]) -> bool {
    i.checked_sub(1).is_some_and(|b| {
        (words[b].tag == "ns" || classes[b] & PLACE != 0)
            && words[b].span.end == words[i].span.start
    })
}

/// True when a bare number or a demonstrative stands right before word
/// `i` (6 + 支安打, 这 + 支安打): the surname-like first character is then
/// a classifier, and the word no name; so too after a number and its
/// classifier.
fn after_count_word(text: &str, words: &[Word<'_>], i: usize, classes: &[Class]) -> bool {
    let Some(before) = i.checked_sub(1).map(|k| &words[k]) else {
        return false;
    };
    let b = &text[before.span.range()];
    let number = b.as_bytes().first().is_some_and(u8::is_ascii_digit)
        && b.bytes().all(|c| c.is_ascii_digit());
    let demonstrative = before.tag == "r" && matches!(b, "这" | "那" | "每" | "哪");
    // Only a classifier counts: its bit first.
    let counted = || classes[i - 1] & CLASSIFIER_TAG != 0 && counted(text, words, i);
    (number || demonstrative || counted()) && before.span.end == words[i].span.start
}

/// True when a number and a classifier that counts people
/// (`data/words/person_counting_classifiers.txt`) stand right before word
/// `i` (9 + 名 + 养路工): what is counted is a kind of people, not a named
/// person. An ordinal counts no people (第十七场 + 孔令辉).
pub(super) fn counted(text: &str, words: &[Word<'_>], i: usize) -> bool {
    let (Some(q), Some(n)) = (
        i.checked_sub(1).map(|k| &words[k]),
        i.checked_sub(2).map(|k| &words[k]),
    ) else {
        return false;
    };
    let n_text = &text[n.span.range()];
    let number = n.tag == "m" && !n_text.starts_with('第')
        || !n_text.is_empty() && n_text.chars().all(|c| c.is_ascii_digit());
    let people = text[q.span.range()]
        .chars()
        .all(|c| COUNTING_CLASSIFIERS.contains(c));
    q.tag == "q" && q.span.len() <= 4 && people && number && n.span.end == q.span.start
}

/// True when a word of the segmenter starts at `offset`.
fn starts_word(words: &[Word<'_>], offset: usize) -> bool {
    words
        .binary_search_by_key(&offset, |w| w.span.start)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::words::testing::found;

    #[test]
    fn surnames_before_titles() {
        assert_eq!(
            found("孔书记的女儿", "孔"),
            Some("person.surname_in_title_word")
        );
        assert_eq!(
            found("认真贯彻落实江主席指示", "江"),
            Some("person.surname_in_title_word")
        );
        assert_eq!(found("原主席会见了代表团", "原"), None);
        assert_eq!(
            found("该工作的罗副科长赶忙上前", "罗"),
            Some("person.surname_title")
        );
        assert_eq!(found("何教授的观点", "何"), Some("person.surname_title"));
        assert_eq!(found("三何教授", "何"), None);
        let title_name = surname_and_title_name("陈总", 0, "陈".len()).unwrap();
        assert_eq!(title_name.span, Span::new(0, 3));
        assert_eq!(title_name.rule, "person.surname_and_title");
        assert!(surname_and_title_name("陈明", 0, "陈".len()).is_none());
    }

    #[test]
    fn surname_and_given_names() {
        assert_eq!(
            found("中共中央总书记、国家主席江泽民发表新年讲话", "江泽民"),
            Some("person.surname_given")
        );
        assert_eq!(found("文明建设", "文明"), None);
    }

    #[test]
    fn foreign_and_dotted_names() {
        assert_eq!(
            found("美国总统克林顿今天说", "克林顿"),
            Some("person.foreign")
        );
        assert_eq!(
            found(
                "大法官穆罕默德·拉斐克·塔拉尔今天当选",
                "穆罕默德·拉斐克·塔拉尔"
            ),
            Some("person.dotted_name")
        );
        assert_eq!(found("中国·山东", "中国·山东"), None);
    }

    #[test]
    fn names_read_around_speech_and_roles() {
        assert_eq!(
            found("关于减员增效，傅志寰说", "傅志寰"),
            Some("person.before_speech")
        );
        assert_eq!(found("记者的报道说", "记者的"), None);
    }

    #[test]
    fn glued_characters_are_cut_from_three_character_names() {
        let text = "同李鹏";
        let (span, count) = without_glued(text, Span::new(0, text.len()), 3);
        assert_eq!((&text[span.range()], count), ("李鹏", 2));
        let text = "恩佐说";
        let (span, count) = without_glued(text, Span::new(0, text.len()), 3);
        assert_eq!((&text[span.range()], count), ("恩佐", 2));
    }

    #[test]
    fn names_beside_confirmed_ones_are_confirmed() {
        let text = "李鹏乔石";
        let mut evidence = Evidence::default();
        let li = Found {
            span: Span::new(0, 6),
            rule: "person.surname_given",
        };
        let qiao = Found {
            span: Span::new(6, 12),
            rule: "person.surname_given",
        };
        assert!(evidence.note(text, 0, li, true).is_some());
        assert!(evidence.note(text, 1, qiao, false).is_none());
        let confirmed = evidence.confirmed(text, &[]);
        assert_eq!(confirmed.len(), 1);
        assert_eq!(&text[confirmed[0].span.range()], "乔石");
        assert_eq!(confirmed[0].rule, "person.confirmed");
    }
}
