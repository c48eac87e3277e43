//! Places: listed places (`data/words/places_*.txt`), places the segmenter
//! tags that read as place names, facilities (`绿城广场`), regions by
//! direction (`西部地区`), and listed places that open a compound of the
//! dictionary (`台湾同胞`).

use super::person::char_len;
use super::words::{
    char_set, chars_at, facility_suffix, has, is_proper, is_transliteration, org_suffix, Class,
    Classes, Found, AFTER_NAME_WORD, ALL_HAN, COMMON_PLACE, COMPASS_WORD, COUNTY_SHORT,
    DISTRICT_END, FACILITY_END, LEXICON, LISTED_PLACE, MODIFIER, NAME_TAG, NOUN_TAG, ORG_TAG,
    PLACE, PLACE_TAG, PROPER_TAG, REGION, SPEECH_WORD, STREET_ENDING, TITLE,
};
use crate::lexicon::{entries, set, CharBits, WordSet};
use crate::span::Span;
use crate::text::normalize::is_han;
use crate::text::segment::Word;
use std::sync::LazyLock;

static PAIR_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("../../data/words/place_pair_words.txt")));

/// True for a region of two characters, 中 and one more (中欧, 中非, not
/// 中国), that names China and another side: the next word is one of what two sides share or do
/// (`data/words/place_pair_words.txt`: 中欧 + 班列, 中非 + 合作), and no
/// dash joins it to China before it (中国—中亚 + 合作 is Central Asia).
pub(super) fn pair_with_china(text: &str, words: &[Word<'_>], span: Span) -> bool {
    let name = &text[span.range()];
    if !name.as_bytes().starts_with("中".as_bytes())
        || name.chars().count() != 2
        || !has(name, REGION)
    {
        return false;
    }
    let dashed = text[..span.start].ends_with(['—', '－', '-', '–']);
    let next = words
        .binary_search_by_key(&span.end, |w| w.span.start)
        .is_ok_and(|k| PAIR_WORDS.contains(&text[words[k].span.range()]));
    next && !dashed
}

static NOT_PLACE_REMAINDERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/words/place_not_remainders.txt")).collect());
static FOREIGN_CUES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/words/place_foreign_cues.txt")).collect());
static FOREIGN_ENDINGS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/words/place_foreign_endings.txt")).collect());
static LIST_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("../../data/words/place_list_nouns.txt")));
static PLACE_CUES_BEFORE: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("../../data/words/place_cues_before.txt")));
static STREET_CUES: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("../../data/words/place_street_cues.txt")));
static TOWNSHIP_NOT_OPENERS: LazyLock<CharBits> = LazyLock::new(|| {
    char_set(include_str!(
        "../../data/words/place_township_not_openers.txt"
    ))
});
static QUANTIFIER_OPENERS: LazyLock<CharBits> = LazyLock::new(|| {
    char_set(include_str!(
        "../../data/words/place_quantifier_openers.txt"
    ))
});
static MEASURE_ENDS: LazyLock<CharBits> =
    LazyLock::new(|| char_set(include_str!("../../data/words/place_measure_ends.txt")));
static PLACE_NAME_ENDINGS: LazyLock<CharBits> =
    LazyLock::new(|| char_set(include_str!("../../data/words/place_name_endings.txt")));

/// A listed place of two characters or more (`class` is what the lists
/// say of the word).
pub(super) fn listed(word: &Word<'_>, class: Class) -> Option<Found> {
    (class & LISTED_PLACE != 0).then_some(Found {
        span: word.span,
        rule: "place.listed",
    })
}

/// True when word `k` (after numerals: 等五地) names a kind of place: 地,
/// 地区, 国, 城市 (`data/words/place_list_nouns.txt`).
pub(super) fn place_noun_at(text: &str, words: &[Word<'_>], mut k: usize) -> bool {
    while words.get(k).is_some_and(|w| w.tag == "m") {
        k += 1;
    }
    words
        .get(k)
        .is_some_and(|w| LIST_NOUNS.contains(&text[w.span.range()]))
}

/// The place at `span`, a name ending at word `last`, when it stands in a list that ends in
/// a word of places (哈尔科夫、顿涅茨克等地, 拉法等地): the list names
/// places. The items are words of six characters or fewer joined by 、,
/// 和 or 及, all Han characters, as their bits (`classes`) tell.
pub(super) fn in_list_of_places(
    text: &str,
    words: &[Word<'_>],
    classes: &[Class],
    span: Span,
    last: usize,
) -> Option<Found> {
    // 在哈尔科夫、顿涅茨克: a list of foreign names after 在. The word after
    // is read first: most names stand in no list, and the word before is
    // found by a search.
    let listed = words
        .get(last + 1)
        .is_some_and(|n| matches!(&text[n.span.range()], "、" | "和"));
    let after_at = || {
        words
            .partition_point(|w| w.span.end <= span.start)
            .checked_sub(1)
            .is_some_and(|b| &text[words[b].span.range()] == "在")
    };
    if listed && after_at() && is_transliteration(&text[span.range()]) {
        let rule = "place.in_list_of_places";
        return Some(Found { span, rule });
    }
    let mut k = last + 1;
    for _ in 0..8 {
        let w = &text[words.get(k)?.span.range()];
        let closed = w == "等地" || w == "等" && place_noun_at(text, words, k + 1);
        if closed {
            let rule = "place.in_list_of_places";
            return Some(Found { span, rule });
        }
        if w == "等" {
            return None;
        }
        let joined = matches!(w, "、" | "和" | "及");
        // The next item is read only after a word that joins one.
        let item = || {
            classes
                .get(k + 1)
                .is_some_and(|&c| c & ALL_HAN != 0 && chars_at(text, words[k + 1].span, c) <= 6)
        };
        if !(joined && item()) {
            return None;
        }
        k += 2;
    }
    None
}

/// A transliterated name of one word the dictionary holds (`i`), right
/// after a word that points to a place (在, 赴, 位于, 首都:
/// `data/words/place_cues_before.txt`) and before no title: 在阿斯塔纳,
/// 位于特拉维夫. The dictionary's transliterations name places and persons
/// alike; names it does not hold (特朗普) are left to the person rules.
pub(super) fn after_place_cue(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    classes: &[Class],
) -> Option<Found> {
    let word = &words[i];
    let name = &text[word.span.range()];
    let cue = i
        .checked_sub(1)
        .is_some_and(|b| PLACE_CUES_BEFORE.contains(&text[words[b].span.range()]));
    let titled = classes
        .get(i + 1)
        .is_some_and(|c| c & (TITLE | SPEECH_WORD | AFTER_NAME_WORD) != 0);
    let fits = cue && !titled && is_known_transliteration(word, name);
    fits.then_some(Found {
        span: word.span,
        rule: "place.after_place_cue",
    })
}

/// A word the dictionary holds, of three Han characters or more, all of
/// them transliteration characters (特拉维夫, 哈尔科夫).
fn is_known_transliteration(word: &Word<'_>, name: &str) -> bool {
    word.known && name.chars().count() >= 3 && name.chars().all(is_han) && is_transliteration(name)
}

/// A transliterated name of one word the dictionary tags as a
/// transliteration (`i`, tag `nrt`), right after a listed place with
/// nothing between and before no title, speech or name word: the city or
/// region of that place (以色列特拉维夫, 乌克兰哈尔科夫). A person follows
/// a country through a title (以色列总理内塔尼亚胡), seldom bare.
pub(super) fn after_listed_place(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    classes: &[Class],
) -> Option<Found> {
    let word = &words[i];
    if word.tag != "nrt" {
        return None;
    }
    let name = &text[word.span.range()];
    let place_before = i.checked_sub(1).is_some_and(|b| {
        classes[b] & PLACE != 0 && words[b].span.end == word.span.start && words[b].span.len() >= 6
    });
    // 以色列内塔尼亚胡政府: a noun after it may make it a leader's.
    let titled = classes.get(i + 1).is_some_and(|c| {
        c & (TITLE | SPEECH_WORD | AFTER_NAME_WORD | NOUN_TAG | ORG_TAG | NAME_TAG) != 0
    });
    let fits = place_before && !titled && is_known_transliteration(word, name);
    fits.then_some(Found {
        span: word.span,
        rule: "place.after_listed_place",
    })
}

/// A transliterated name at `span` that ends like a place (顿涅茨克,
/// 波克罗夫斯克, 阿夫杰耶夫卡: `data/words/place_foreign_endings.txt`).
pub(super) fn foreign_ending(text: &str, span: Span) -> Option<Found> {
    let name = &text[span.range()];
    let fits = name.chars().count() >= 3
        && is_transliteration(name)
        && FOREIGN_ENDINGS.iter().any(|e| name.ends_with(e));
    fits.then_some(Found {
        span,
        rule: "place.foreign_ending",
    })
}

/// A transliterated name from word `i` to word `last` right before a word
/// that makes it a place (顿涅茨克州, 波克罗夫斯克方向, 哈尔科夫附近), with
/// the index of its last word: 州, 省 and 市 are part of the name.
pub(super) fn foreign_place(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    last: usize,
) -> Option<(Found, usize)> {
    let next = words.get(last + 1)?;
    let cue = &text[next.span.range()];
    let at = FOREIGN_CUES.iter().position(|c| *c == cue)?;
    let (end, last) = if at < 3 {
        (next.span.end, last + 1)
    } else {
        (words[last].span.end, last)
    };
    let rule = "place.foreign_place";
    Some((
        Found {
            span: Span::new(words[i].span.start, end),
            rule,
        },
        last,
    ))
}

/// A word the segmenter tags as a place that reads as one, or the short
/// form of a county it tags as a place or name (钟山).
///
/// Tried at most words: the test of the tag, which rules most out, is
/// inlined where it is called.
#[inline]
pub(super) fn tagged(text: &str, word: &Word<'_>, class: Class) -> Option<Found> {
    if !matches!(word.tag.as_bytes(), [b'n', b's' | b'r']) {
        return None;
    }
    tagged_place(word, &text[word.span.range()], class)
}

/// [`tagged`] for a word tagged ns or nr, whose text is `w`.
fn tagged_place(word: &Word<'_>, w: &str, class: Class) -> Option<Found> {
    let county = matches!(word.tag, "ns" | "nr") && class & COUNTY_SHORT != 0;
    // 西瓜, 契约/ns: a frequent dictionary word of two characters that no
    // list holds reads as a foreign place only by its characters.
    let common = word.common && class & REGION == 0;
    (county || word.tag == "ns" && !common && is_place_word(w, class)).then_some(Found {
        span: word.span,
        rule: "place.segmenter",
    })
}

/// True when what stands around word `i`, which the segmenter tags as a
/// place, says it is none: it opens with a quantifier (各县市), follows a
/// number as a measure (20元 + 大关), or is a short piece of a longer
/// transliteration glued to one or two more of its characters (普拉亚 + 克,
/// 伊古 + 达拉, 欧 + 巴马), which names a person or a thing.
pub(super) fn no_place_here(text: &str, words: &[Word<'_>], i: usize, classes: &[Class]) -> bool {
    let w = &text[words[i].span.range()];
    if w.starts_with(|c: char| QUANTIFIER_OPENERS.contains(c)) {
        return true;
    }
    let before = i.checked_sub(1).map(|k| &words[k]);
    let measure = before.is_some_and(|b| {
        b.tag == "m" && text[b.span.range()].ends_with(|c: char| MEASURE_ENDS.contains(c))
    });
    if measure {
        return true;
    }
    let piece = |k: usize| {
        words.get(k).is_some_and(|n| {
            let t = &text[n.span.range()];
            t.chars().all(is_han)
                && t.chars().count() <= 2
                && is_transliteration(t)
                && classes[k] & PLACE == 0
                && matches!(n.tag, "ns" | "nr" | "nrt" | "nrfg" | "nz" | "m" | "x")
        })
    };
    w.chars().count() <= 3
        && is_transliteration(w)
        && (piece(i + 1) || i.checked_sub(1).is_some_and(piece))
}

/// A listed place that opens a compound of the dictionary (台湾同胞,
/// 日本首相, 香港回归), which hides the place.
///
/// Tried at most words: the test of the length, which rules most out
/// (a compound of a place has four characters or more), is inlined where
/// it is called.
#[inline]
pub(super) fn compound_prefix(text: &str, word: &Word<'_>) -> Option<Found> {
    if word.span.len() < 12 {
        return None;
    }
    compound_prefix_of(word, &text[word.span.range()])
}

/// [`compound_prefix`] for a word of twelve bytes or more, whose text is
/// `w`.
fn compound_prefix_of(word: &Word<'_>, w: &str) -> Option<Found> {
    let end = place_prefix(w, word.tag)?;
    Some(Found {
        span: Span::new(word.span.start, word.span.start + end),
        rule: "place.prefix",
    })
}

/// The byte length of a listed place (two to four characters) that starts
/// the compound `word` when a common word of two characters or more
/// follows it in the word: 台湾同胞, 日本首相, 美国总统.
fn place_prefix(word: &str, tag: &str) -> Option<usize> {
    if word.len() < 12 || !matches!(tag.as_bytes(), [b'n'] | [b'n', b's' | b'z']) {
        return None;
    }
    // The starts of the first six characters: a prefix has at most four,
    // and two more stand after it.
    // Each is told by the lead byte of the one before.
    let mut starts = [0; 6];
    let mut count = 0;
    let mut at = 0;
    while count < 6 && at < word.len() {
        starts[count] = at;
        count += 1;
        at += char_len(&word.as_bytes()[at..]);
    }
    (2..=4.min(count.saturating_sub(2)))
        .rev()
        .find_map(|chars| {
            let end = starts[chars];
            let rest = &word[end..];
            // The lookup first: it rules most prefixes out by their ends.
            let fits = LEXICON.class(&word[..end]) & (PLACE | COMMON_PLACE) == PLACE
                && rest.chars().all(is_han)
                && !NOT_PLACE_REMAINDERS.iter().any(|r| rest.ends_with(r))
                && org_suffix(rest).is_none()
                && !LEXICON.is_place(rest);
            fits.then_some(end)
        })
}

/// True for a word the segmenter tagged as a place that reads as a place
/// name: a region, a name ending like a place (…山, …江, …村) of three
/// characters or more, or a transliterated foreign name.
/// `class` is what the lists say of the word.
fn is_place_word(word: &str, class: Class) -> bool {
    let count = word.chars().count();
    if count < 2 || !word.chars().all(is_han) {
        return false;
    }
    if class & REGION != 0 {
        return true;
    }
    if class & COMMON_PLACE != 0 {
        return false;
    }
    let last = word.chars().last().unwrap_or(' ');
    if count >= 3 && PLACE_NAME_ENDINGS.contains(last) {
        if let Some(prefix) = word.strip_suffix("地区") {
            return LEXICON.is_place(prefix);
        }
        return true;
    }
    is_transliteration(word)
}

/// A part of a country named by direction from word `i`, with the index
/// of its last word: `西部地区` (with 地区, or a region word before it), or
/// `东部` in a list that ends in one (`东部、中部、东北地区`).
///
/// Tried at most words: the test of the bits and of the word's last
/// bytes, which rules most out, is inlined where it is called.
#[inline]
pub(super) fn region(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    classes: &[Class],
) -> Option<(Found, usize)> {
    let may_be_region = classes[i] & (COMPASS_WORD | REGION | PLACE) != 0
        || classes[i] & DISTRICT_END != 0
            && text.as_bytes()[words[i].span.range()].ends_with("地区".as_bytes());
    if !may_be_region {
        return None;
    }
    let end = region_at(text, words, i, classes)?;
    let span = Span::new(words[i].span.start, words[end].span.end);
    Some((
        Found {
            span,
            rule: "place.region",
        },
        end,
    ))
}

/// The last word of the region that starts at word `i`.
fn region_at(text: &str, words: &[Word<'_>], i: usize, classes: &[Class]) -> Option<usize> {
    let word_text = |k: usize| words.get(k).map(|w| &text[w.span.range()]);
    let compass = classes[i] & COMPASS_WORD != 0;
    let region = compass || classes[i] & REGION != 0;
    // The bytes are compared first: most words end in no 地区, and most
    // are no region or place.
    let bytes = &text.as_bytes()[words.get(i)?.span.range()];
    if bytes.ends_with("地区".as_bytes()) {
        let w = word_text(i)?;
        let prefix = &w[..w.len() - "地区".len()];
        let named = has(prefix, COMPASS_WORD | REGION) || LEXICON.is_place(prefix);
        return named.then_some(i);
    }
    if !region && classes[i] & PLACE == 0 {
        return None;
    }
    if word_text(i + 1) == Some("地区") {
        return Some(i + 1);
    }
    // 东部、中部、东北地区: walk the list to its end.
    if compass && word_text(i + 1) == Some("、") {
        let mut k = i + 2;
        while let Some(next) = word_text(k) {
            if next.ends_with("地区") || word_text(k + 1) == Some("地区") {
                return Some(i);
            }
            if !(classes[k] & COMPASS_WORD != 0 || next == "、") {
                break;
            }
            k += 1;
        }
    }
    None
}

/// A place made of proper words and a facility suffix from word `i`
/// (绿城广场, 北京京西宾馆), or a place word that ends in one (人民大会堂),
/// with the index of its last word.
///
/// Tried at most words: the test of the bits, which rules most out, is
/// inlined where it is called.
#[inline]
pub(super) fn facility(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    classes: &[Class],
) -> Option<(Found, usize)> {
    // Only a word that ends like a facility suffix ends a facility: a
    // place word itself, or one of the two after a proper word. Most words
    // have none there.
    let ends = |k: usize| classes.get(k).is_some_and(|c| c & FACILITY_END != 0);
    let class = classes[i];
    let proper = class & (PROPER_TAG | PLACE) != 0;
    if !(class & PLACE_TAG != 0 && ends(i) || proper && (ends(i + 1) || ends(i + 2))) {
        return None;
    }
    facility_from(text, words, i, classes)
}

/// [`facility`] from a word that one ending like a facility suffix follows
/// within three words.
fn facility_from(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    classes: &[Class],
) -> Option<(Found, usize)> {
    let proper = is_proper(words[i].tag) || classes[i] & PLACE != 0;
    for (k, word) in words.iter().enumerate().skip(i).take(3) {
        let w = &text[word.span.range()];
        let suffix = (classes[k] & FACILITY_END != 0)
            .then(|| facility_suffix(w))
            .flatten();
        if let Some(suffix) = suffix {
            let standalone =
                k == i && w.chars().count() > suffix.chars().count() && word.tag == "ns";
            if (k > i && proper) || standalone {
                let span = Span::new(words[i].span.start, word.span.end);
                let rule = "place.facility";
                return Some((Found { span, rule }, k));
            }
            return None;
        }
        if k > i && classes[k] & MODIFIER == 0 {
            return None;
        }
    }
    None
}

/// A street named by one to three noun words and an ending word of its own
/// (界限 + 街, 龙蟠 + 大道), found where the text says it is a street: after
/// a place (旺角界限街, 滁州市龙蟠大道), before a house number (龙蟠大道99号)
/// or a junction (与西洋菜北街交界), joined by 与 or 和 to such a street,
/// or named so elsewhere in the document.
pub(super) fn streets(text: &str, words: &[Word<'_>], classes: &Classes) -> Vec<Found> {
    // (span, first word, last word, evidence)
    let mut found: Vec<(Span, usize, usize, bool)> = Vec::new();
    for k in classes.with(STREET_ENDING) {
        let word = &words[k];
        // 道 as a verb says something (省长道): no street.
        if k == 0 || word.tag == "v" {
            continue;
        }
        let stem_word = |j: usize| {
            let w = &text[words[j].span.range()];
            w.chars().all(is_han)
                && (classes[j] & MODIFIER != 0 || words[j].tag == "f")
                && classes[j] & (PLACE | STREET_ENDING) == 0
        };
        let mut first = k;
        while first > 0
            && stem_word(first - 1)
            && text[words[first - 1].span.start..word.span.start]
                .chars()
                .count()
                <= 4
        {
            first -= 1;
        }
        // A district's last character does not open a street: 中西區 + 民光東路.
        while first < k && text[words[first].span.range()].chars().count() == 1 {
            first += 1;
        }
        let stem = text[words[first].span.start..word.span.start]
            .chars()
            .count();
        if first == k || stem < 2 {
            continue;
        }
        let before_place = first > 0
            && (classes[first - 1] & PLACE != 0 || words[first - 1].tag == "ns")
            && classes[first - 1] & COMMON_PLACE == 0;
        let after = &text[word.span.end..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let numbered = digits > 0 && after[digits..].starts_with('号');
        let cue = words
            .get(k + 1)
            .is_some_and(|n| STREET_CUES.contains(&text[n.span.range()]));
        let span = Span::new(words[first].span.start, word.span.end);
        found.push((span, first, k, before_place || numbered || cue));
    }
    // Joined by 与 or 和 to a street with evidence.
    for n in 0..found.len() {
        for m in 0..found.len() {
            let (a, b) = (found[n], found[m]);
            let joined =
                b.1 == a.2 + 2 && matches!(&text[words[a.2 + 1].span.range()], "与" | "和" | "、");
            if joined && (a.3 || b.3) {
                found[n].3 = true;
                found[m].3 = true;
            }
        }
    }
    let named: Vec<&str> = found
        .iter()
        .filter(|f| f.3)
        .map(|f| &text[f.0.range()])
        .collect();
    found
        .iter()
        .filter(|f| f.3 || named.contains(&&text[f.0.range()]))
        .map(|f| Found {
            span: f.0,
            rule: "place.street",
        })
        .collect()
}

/// Townships named after a county (云林县 + 东势乡): the two characters and
/// 乡 or 镇 right after a listed county or city, wherever the document
/// names them.
pub(super) fn townships(text: &str, words: &[Word<'_>], classes: &Classes) -> Vec<Found> {
    let mut names: Vec<&str> = Vec::new();
    for k in classes.with(PLACE) {
        let word = &words[k];
        let w = &text.as_bytes()[word.span.range()];
        if !(w.ends_with("县".as_bytes()) || w.ends_with("市".as_bytes())) {
            continue;
        }
        let after = &text[word.span.end..];
        let mut chars = after.char_indices();
        let stem = chars.by_ref().take(2).filter(|(_, c)| is_han(*c)).count();
        let Some((at, c)) = chars.next() else {
            continue;
        };
        let name = &after[..at + c.len_utf8()];
        let opener = after
            .chars()
            .next()
            .is_some_and(|c| TOWNSHIP_NOT_OPENERS.contains(c));
        if stem == 2 && matches!(c, '乡' | '镇') && !opener && !LEXICON.is_place(&after[..at]) {
            names.push(name);
        }
    }
    // Most documents name none.
    if names.is_empty() {
        return Vec::new();
    }
    // Each name once, in the order first seen: a name seen twice finds the
    // same places twice.
    let mut seen = std::collections::HashSet::new();
    names.retain(|name| seen.insert(*name));
    let mut found = Vec::new();
    let starts = super::document::occurrences_at_words(text, words, classes, &names);
    for (name, starts) in names.iter().zip(starts) {
        for at in starts {
            let span = Span::new(at, at + name.len());
            found.push(Found {
                span,
                rule: "place.township",
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::words::testing::{found, words_of};

    #[test]
    fn listed_places_and_their_short_forms() {
        assert_eq!(found("潍坊质量品牌建设", "潍坊"), Some("place.listed"));
        assert_eq!(
            found("山东省高端品牌培育企业", "山东省"),
            Some("place.listed")
        );
        assert_eq!(found("城市建设", "城市"), None);
    }

    #[test]
    fn facilities_take_the_proper_words_before_them() {
        assert_eq!(
            found("记者前往北京京西宾馆", "北京京西宾馆"),
            Some("place.facility")
        );
        let text = "公园里";
        let (words, classes) = words_of(text);
        assert!(facility(text, &words, 0, &classes).is_none());
    }

    #[test]
    fn regions_by_direction() {
        assert_eq!(
            found("前8个月西部地区进出口增长", "西部地区"),
            Some("place.region")
        );
        assert_eq!(
            found("我国东部、中部、东北地区发展", "中部"),
            Some("place.region")
        );
    }

    #[test]
    fn compounds_give_the_place_that_opens_them() {
        assert_eq!(place_prefix("台湾同胞", "n"), Some("台湾".len()));
        assert_eq!(place_prefix("南非共和国", "ns"), None);
        assert_eq!(place_prefix("大庆油田", "ns"), None);
    }

    #[test]
    fn place_words_end_like_places() {
        assert!(is_place_word("东南亚", LEXICON.class("东南亚")));
        assert!(is_place_word("石景山", 0));
        assert!(!is_place_word("城市", LEXICON.class("城市")));
        assert!(!is_place_word("合作", 0));
    }
}
