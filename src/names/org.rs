//! Organisations: a proper word and an organisation suffix (`潍坊` +
//! `日报社`), extended over sub-units (`中共中央` + `政治局`), known names
//! (`新华社`), and missions of one country in another (`中国驻南非大使馆`).

use super::words::{
    char_set, chars_in, chars_of, facility_suffix, has, is_modifier, org_suffix, org_suffix_of,
    Class, Found, COMMON_PLACE, DATELINE, FACILITY_END, GENERIC_ORG, GOVERNMENT_LEVEL, LEXICON,
    MINISTRY_END, MINISTRY_HEAD_END, MODIFIER, NATIONAL, NOT_ORG, NOUN_KIND_TAG, NOUN_TAG,
    ORG_HEAD_END, ORG_HEAD_LAST_CHARS, ORG_NAME, ORG_TAG, PLACE, PLACE_TAG, PROPER_TAG,
    ROLE_BEFORE_WORD, SUB_UNIT, SUB_UNITS, TITLE,
};
use crate::lexicon::{entries, set, CharBits, WordSet};
use crate::numeric::numeral::can_start_numeral;
use crate::span::Span;
use crate::text::segment::Word;
use std::sync::LazyLock;

static MEMBER_TITLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/words/org_member_titles.txt")).collect());
/// The last characters of [`MEMBER_TITLES`].
static MEMBER_TITLE_LAST: LazyLock<CharBits> =
    LazyLock::new(|| CharBits::of(MEMBER_TITLES.iter().filter_map(|t| t.chars().next_back())));
static SUB_UNIT_LIST: LazyLock<Vec<&'static str>> = LazyLock::new(|| entries(SUB_UNITS).collect());
static TEAMS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/words/org_teams.txt")).collect());
static NOT_MINISTRIES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/words/org_not_ministries.txt")).collect());
static MISSION_SUFFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/words/org_mission_suffixes.txt")).collect());
static DEPARTMENT_ENDINGS: LazyLock<CharBits> =
    LazyLock::new(|| char_set(include_str!("../../data/words/org_department_endings.txt")));
static DEPARTMENT_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("../../data/words/org_department_words.txt")));
static NAME_TITLES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/words/org_name_titles.txt")).collect());
/// Every character of the titles of [`NAME_TITLES`].
static NAME_TITLE_CHARS: LazyLock<CharBits> =
    LazyLock::new(|| CharBits::of(NAME_TITLES.iter().flat_map(|t| t.chars())));
static PLACE_LIKE_ENDINGS: LazyLock<CharBits> =
    LazyLock::new(|| char_set(include_str!("../../data/words/org_place_like_endings.txt")));
static CLASS_ENDINGS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/words/org_class_endings.txt")).collect());
static REGION_PARTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/words/org_region_parts.txt")).collect());

/// True for a word that names a part of a region (华南 + 大部, 东中西部):
/// no organisation ends with it.
fn is_region_part(word: &str) -> bool {
    ends_in_one_of(word, &REGION_PARTS, &REGION_PART_LAST)
}

/// True when `word` ends in one of `list`, whose last characters are
/// `last`: the character rules most words out at once.
fn ends_in_one_of(word: &str, list: &[&str], last: &CharBits) -> bool {
    word.chars().next_back().is_some_and(|c| last.contains(c))
        && list.iter().any(|e| word.ends_with(e))
}

/// The last characters of the region parts and of the class endings.
static REGION_PART_LAST: LazyLock<CharBits> =
    LazyLock::new(|| CharBits::of(REGION_PARTS.iter().filter_map(|w| w.chars().next_back())));
static CLASS_ENDING_LAST: LazyLock<CharBits> =
    LazyLock::new(|| CharBits::of(CLASS_ENDINGS.iter().filter_map(|w| w.chars().next_back())));

/// The organisation that starts at word `i`, with the index of its last
/// word. Papers and books in title marks (《澳门日报》) are none, nor is a
/// single listed place.
///
/// Tried at every word that may start a name: the test of the bits that
/// rules most out ([`may_open_organisation`]) is inlined where it is
/// called, and checked against the rule in debug and test builds.
#[inline]
pub(super) fn organisation(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    classes: &[Class],
) -> Option<(Found, usize)> {
    if !may_open_organisation(words, i, classes) {
        if cfg!(any(debug_assertions, test)) {
            assert_eq!(organisation_from(text, words, i, classes), None);
        }
        return None;
    }
    organisation_of(text, words, i, classes)
}

/// [`organisation`] past its gate.
fn organisation_of(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    classes: &[Class],
) -> Option<(Found, usize)> {
    let (start, end, rule) = organisation_from(text, words, i, classes)?;
    let mut span = Span::new(words[start].span.start, words[end].span.end);
    // A member's title glued to the last word: 中央政治局常委 → 中央政治局.
    // Most names end in no last character of a title.
    let titled = text[span.range()].ends_with(|c: char| MEMBER_TITLE_LAST.contains(c));
    for title in MEMBER_TITLES.iter().filter(|_| titled) {
        if let Some(rest) = text[span.range()].strip_suffix(title) {
            if org_suffix(rest).is_some() || SUB_UNIT_LIST.iter().any(|u| rest.ends_with(u)) {
                span.end -= title.len();
                break;
            }
        }
    }
    // 二 + 十国集团: a numeral the segmenter cut from the name.
    if start > 0
        && words[start - 1].tag == "m"
        && text[span.range()]
            .chars()
            .next()
            .is_some_and(can_start_numeral)
    {
        span.start = words[start - 1].span.start;
    }
    let in_title = text[..span.start].ends_with('《') && text[span.end..].starts_with('》');
    // A name that is word `i` alone is no kind of institution as a whole:
    // [`organisation_from`] turns such a word away by its bits.
    let whole_word = span == words[i].span;
    if in_title
        || start == end && classes[i] & PLACE != 0
        || names_a_kind(&text[span.range()], whole_word)
    {
        return None;
    }
    if let Some(at) = titled_start(text, span) {
        span.start = at;
        return Some((
            Found {
                span,
                rule: "org.titled",
            },
            end,
        ));
    }
    Some((Found { span, rule }, end))
}

/// True for a name that is a kind of institution of
/// `data/words/org_generic.txt` as a whole, whatever words it was read
/// from (中介 + 公司), or that ends in a class of many institutions
/// (`data/words/org_class_endings.txt`: 日本 + 金融机构). The list of
/// institutions is not read for a `whole_word`, which its bits have
/// told none.
fn names_a_kind(name: &str, whole_word: bool) -> bool {
    debug_assert!(
        !whole_word || LEXICON.class(name) & GENERIC_ORG == 0,
        "{name}"
    );
    ends_in_one_of(name, &CLASS_ENDINGS, &CLASS_ENDING_LAST)
        || !whole_word && LEXICON.class(name) & GENERIC_ORG != 0
}

/// True for a word that names the whole nation (国家, 全国, 中国): no
/// short form of a company.
pub(super) fn is_national(word: &str) -> bool {
    has(word, NATIONAL)
}

/// The start of an organisation named after a titled person when a title
/// of `data/words/org_name_titles.txt` stands right before `span` or
/// across its start (苏丹后 + 法蒂玛基金会, 苏丹 + 后罗佳雅基金会), leaving
/// a name of two characters or more before the organisation's suffix.
fn titled_start(text: &str, span: Span) -> Option<usize> {
    // A title before the name ends with the character right before it:
    // most names have no character of a title there.
    let before_name = text[..span.start].chars().next_back();
    if !before_name.is_some_and(|c| NAME_TITLE_CHARS.contains(c)) {
        return None;
    }
    let name = &text[span.range()];
    let suffix = org_suffix(name)?;
    let stem = &name[..name.len() - suffix.len()];
    NAME_TITLES
        .iter()
        .filter_map(|title| {
            let cuts = title.char_indices().map(|(cut, _)| cut);
            cuts.chain([title.len()]).find_map(|cut| {
                let (before, inside) = title.split_at(cut);
                let rest = stem.strip_prefix(inside)?;
                let fits = !before.is_empty()
                    && text[..span.start].ends_with(before)
                    && rest.chars().count() >= 2;
                fits.then(|| span.start - before.len())
            })
        })
        .min()
}

/// A ministry or committee whose name the segmenter cut after its first
/// nouns, with the index of its last word: nouns of two characters or more,
/// two of them joined by 和, right before a word that ends in 部 or
/// 委员会 (农业 + 农村部, 文化 + 和 + 旅游部, 住房 + 和 + 城乡 + 建设部,
/// 宪法 + 和 + 法律委员会). The first noun starts the name: the word before
/// it is no noun.
#[inline]
pub(super) fn joined_ministry(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    classes: &[Class],
) -> Option<(Found, usize)> {
    super::gated(may_join_ministry(words, i, classes), || {
        joined_ministry_from(text, words, i, classes)
    })
}

/// False where [`joined_ministry_from`] finds nothing, told by bits: word
/// `i` is no noun of two characters or more, a noun stands before it, or
/// none of the three words after it is a noun or an organisation of three
/// characters or more that ends in 部 or 会, as a ministry ends in 部 or
/// 委员会 (most words have no word ending in 部 or 会 after them). The gate
/// is checked against the rule in debug and test builds.
#[inline]
pub(super) fn may_join_ministry(words: &[Word<'_>], i: usize, classes: &[Class]) -> bool {
    let noun = |k: usize| {
        classes
            .get(k)
            .is_some_and(|c| c & (NOUN_KIND_TAG | TITLE) == NOUN_KIND_TAG)
            && words[k].span.len() >= 6
    };
    let head = |k: usize| {
        classes.get(k).is_some_and(|&c| {
            c & MINISTRY_HEAD_END != 0 && c & (NOUN_TAG | ORG_TAG) != 0 && chars_of(c) >= 3
        })
    };
    noun(i) && (head(i + 1) || head(i + 2) || head(i + 3)) && !i.checked_sub(1).is_some_and(noun)
}

/// [`joined_ministry`] past its gate.
fn joined_ministry_from(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    classes: &[Class],
) -> Option<(Found, usize)> {
    let noun = |k: usize| {
        classes
            .get(k)
            .is_some_and(|c| c & (NOUN_KIND_TAG | TITLE) == NOUN_KIND_TAG)
            && words[k].span.len() >= 6
    };
    // The tag and the count first: the word's text only for the few
    // words they leave.
    let ministry = |k: usize| {
        classes[k] & (NOUN_TAG | ORG_TAG) != 0 && chars_of(classes[k]) >= 3 && {
            let w = &text[words[k].span.range()];
            (w.ends_with('部') || w.ends_with("委员会"))
                && !NOT_MINISTRIES.iter().any(|s| w.ends_with(s))
        }
    };
    if !noun(i) {
        return None;
    }
    if i.checked_sub(1).is_some_and(noun) {
        return None;
    }
    let mut k = i + 1;
    let mut joined = false;
    while k < words.len() && k <= i + 3 {
        if ministry(k) {
            let last = with_sub_units(text, words, k, classes);
            let start = session_start(text, words, i);
            let span = Span::new(start, words[last].span.end);
            let rule = "org.joined_ministry";
            return Some((Found { span, rule }, last));
        }
        let and = !joined
            && words[k].span.len() == "和".len()
            && &text[words[k].span.range()] == "和"
            && (noun(k + 1) || k + 1 < words.len() && ministry(k + 1));
        if !(noun(k) || and) {
            return None;
        }
        joined |= and;
        k += 1;
    }
    None
}

/// The start of a body named by its session (政协 + 第十四届 + 全国委员会):
/// the body before the ordinal of its session is part of the name, which
/// starts at word `i` otherwise.
fn session_start(text: &str, words: &[Word<'_>], i: usize) -> usize {
    let session = |k: usize| {
        let w = &text[words[k].span.range()];
        words[k].tag == "m" && w.starts_with('第') && w.ends_with('届')
    };
    let body = |k: usize| matches!(words[k].tag, "j" | "nt");
    match i.checked_sub(2) {
        Some(b) if session(b + 1) && body(b) => words[b].span.start,
        _ => words[i].span.start,
    }
}

/// True for words of datelines and credits the segmenter tags as names: 日电, 日讯.
#[cfg(test)]
fn is_dateline(word: &str) -> bool {
    has(word, DATELINE)
}

/// A government or party committee named by its level, with a unit of it
/// after it (市政府新闻办): first and last word and rule. The level alone
/// is no organisation.
fn government_unit_at(i: usize, classes: &[Class]) -> Option<(usize, usize, &'static str)> {
    let unit = classes.get(i + 1).is_some_and(|c| c & SUB_UNIT != 0);
    unit.then_some((i, i + 1, "org.government_unit"))
}

/// True for a word (of tag `tag` and class `class`) that can end an
/// organisation's name. Its bits tell whether it ends like an
/// organisation or a facility, and whether its tag is a modifier's (as
/// `nt` is): its text is read only for the tests they leave.
fn is_org_head(word: &str, tag: &str, class: Class) -> bool {
    debug_assert_eq!(
        class & ORG_HEAD_END != 0,
        word.ends_with(|c: char| ORG_HEAD_LAST_CHARS.contains(c)),
        "{word}"
    );
    if class & ORG_HEAD_END == 0 {
        return false;
    }
    let team = || TEAMS.iter().any(|s| word.ends_with(s));
    if (matches!(tag, "nr" | "nrt" | "nrfg") && !team())
        || class & FACILITY_END != 0 && facility_suffix(word).is_some()
        || is_region_part(word)
    {
        return false;
    }
    class & ORG_NAME != 0 || class & MODIFIER != 0 && org_suffix_of(word, class).is_some()
}

/// False where [`organisation_from`] can find nothing, told by bits: word
/// `i` is no organisation word of its own (known, tagged `nt`, a noun
/// ending in 部 or 委, a government level), and it is no proper word
/// (which alone may take a head after it) or no word of the five after it
/// ends like an organisation's head with only modifiers, or words of one
/// character of three bytes (及), between.
fn may_open_organisation(words: &[Word<'_>], i: usize, classes: &[Class]) -> bool {
    let class = classes[i];
    let head_after = || {
        for (k, &c) in classes.iter().enumerate().take(i + 6).skip(i + 1) {
            if c & ORG_HEAD_END != 0 {
                return true;
            }
            if c & MODIFIER == 0 && words[k].span.len() != "及".len() {
                return false;
            }
        }
        false
    };
    // Most proper words have no head among the five after them: the bits
    // of the five are read at once before the words between are walked.
    let next_five = || classes.get(i + 1..classes.len().min(i + 6)).unwrap_or(&[]);
    let any_head = || next_five().iter().any(|c| c & ORG_HEAD_END != 0);
    class & (ORG_NAME | GOVERNMENT_LEVEL | ORG_TAG) != 0
        || is_proper_word(class) && any_head() && head_after()
        || class & (NOUN_TAG | MINISTRY_END) == NOUN_TAG | MINISTRY_END
}

/// True for a word (of class `class`) that may open an organisation's
/// name before its head: a proper word, a place or the nation, not a word
/// of datelines or a common word for a place.
fn is_proper_word(class: Class) -> bool {
    class & (PROPER_TAG | PLACE | NATIONAL) != 0 && class & (DATELINE | COMMON_PLACE) == 0
}

/// The organisation that starts at word `i`: first word, last word and rule.
///
/// It starts with a proper word (place, organisation, abbreviation) or is an
/// organisation word of its own (`国务院`, `外交部`); it ends with an
/// organisation suffix and may take sub-units after it (`中共中央政治局`).
fn organisation_from(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    classes: &[Class],
) -> Option<(usize, usize, &'static str)> {
    let word_text = |k: usize| &text[words[k].span.range()];
    let proper = |k: usize| is_proper_word(classes[k]);
    if classes[i] & DATELINE != 0 {
        return None;
    }
    if classes[i] & GOVERNMENT_LEVEL != 0 {
        return government_unit_at(i, classes);
    }
    if classes[i] & GENERIC_ORG != 0 {
        return None;
    }
    // A word tagged `nt` of three characters or more that ends in an
    // organisation suffix.
    let suffixed = |k: usize| {
        words[k].tag == "nt" && {
            let w = word_text(k);
            chars_in(w, classes[k]) >= 3 && org_suffix_of(w, classes[k]).is_some()
        }
    };
    // Two organisations side by side (党中央国务院) are two.
    let standalone = |k: usize| classes[k] & ORG_NAME != 0 || suffixed(k);
    // Whether the first word is so suffixed, read once for both tests of it.
    let first_suffixed = std::cell::OnceCell::new();
    let first_is_suffixed = || *first_suffixed.get_or_init(|| suffixed(i));
    let mut head = None;
    if proper(i) {
        let first_standalone = classes[i] & ORG_NAME != 0 || first_is_suffixed();
        // Each word's text is sliced only where its bits and tag leave a
        // test of it.
        for (k, next) in words.iter().enumerate().skip(i + 1).take(5) {
            if first_standalone && standalone(k) {
                break;
            }
            // A title or a role (立委, 议长) after a party is a person's, no head.
            if classes[k] & ORG_HEAD_END != 0
                && classes[k] & (TITLE | ROLE_BEFORE_WORD) == 0
                && is_org_head(word_text(k), next.tag, classes[k])
            {
                head = Some(k);
                break;
            }
            // The segmenter tags some places as names (石景山/nr): those go on.
            let place_like = || word_text(k).ends_with(|c: char| PLACE_LIKE_ENDINGS.contains(c));
            // 及 joins two nouns of one name: 卫生及环境委员会, 商务及经济发展局.
            let joined = next.span.len() == "及".len()
                && word_text(k) == "及"
                && k > i + 1
                && classes.get(k + 1).is_some_and(|c| c & MODIFIER != 0);
            if joined {
                continue;
            }
            if classes[k] & MODIFIER == 0 || (next.tag.starts_with("nr") && !place_like()) {
                break;
            }
        }
    }
    // 申报工信部: a known organisation after a word that is no place or
    // organisation stands on its own.
    if let Some(k) = head {
        let anchored =
            (i..k).any(|j| words[j].tag == "nt" || words[j].tag == "ns" || classes[j] & PLACE != 0);
        if k > i && classes[k] & ORG_NAME != 0 && !anchored {
            return None;
        }
    }
    // Read only when no head follows the first word.
    let first = word_text(i);
    // A single word: a known organisation or one the segmenter tags as such
    // and that ends like one.
    // Ministries and bureaus the segmenter calls plain nouns: 公安部, 人事部.
    let ministry = || {
        classes[i] & (NOUN_TAG | MINISTRY_END) == NOUN_TAG | MINISTRY_END
            && chars_in(first, classes[i]) >= 3
            && !NOT_MINISTRIES.iter().any(|s| first.ends_with(s))
    };
    // 新格局, 中东部: a character before a word that is no organisation.
    let modified_common = || {
        chars_in(first, classes[i]) == 3
            && first
                .char_indices()
                .nth(1)
                .is_some_and(|(at, _)| LEXICON.class(&first[at..]) & NOT_ORG != 0)
    };
    // The tag and the bits first: most words are no organisation of their own.
    let single = || {
        ((first_is_suffixed() && !first.ends_with("中心"))
            || classes[i] & ORG_NAME != 0
            || ministry()
            || (words[i].tag == "nt" && first.ends_with("中央")))
            && !modified_common()
            && !is_region_part(first)
    };
    let head = match head {
        Some(k) => k,
        None if classes[i] & ORG_NAME != 0
            || (!matches!(words[i].tag, "nr" | "nrt" | "nrfg") && single()) =>
        {
            i
        }
        None => return None,
    };
    let last = with_sub_units(text, words, head, classes);
    let rule = if head > i || last > head {
        "org.proper_suffix"
    } else if classes[i] & ORG_NAME != 0 {
        "org.known"
    } else {
        "org.segmenter"
    };
    Some((i, last, rule))
}

/// The last word of an organisation whose name ends at word `head`, after
/// the sub-units that follow it: 中共中央 + 政治局, 国务院 + 侨办,
/// 海关总署 + 统计分析司.
fn with_sub_units(text: &str, words: &[Word<'_>], head: usize, classes: &[Class]) -> usize {
    let mut last = head;
    while let Some(next) = words.get(last + 1) {
        let class = classes[last + 1];
        if next.tag != "nt" && class & SUB_UNIT != 0 {
            last += 1;
            continue;
        }
        // A department: 海关总署 + 统计分析司.
        let w = &text[next.span.range()];
        let department = matches!(next.tag, "n" | "nt" | "nz")
            && chars_in(w, class) >= 3
            && w.ends_with(|c: char| DEPARTMENT_ENDINGS.contains(c));
        if department {
            last += 1;
            continue;
        }
        // A department in two or three words: 海关总署 + 统计分析 + 司. Its
        // first word has the tag of all but the last.
        if !matches!(next.tag, "n" | "vn" | "nz" | "l" | "v") {
            break;
        }
        let tail = (last + 2..(last + 4).min(words.len())).find(|&k| {
            let w = &text[words[k].span.range()];
            DEPARTMENT_WORDS.contains(w)
                && (last + 1..k).all(|j| matches!(words[j].tag, "n" | "vn" | "nz" | "l" | "v"))
                && (2..=6).contains(
                    &text[words[last + 1].span.start..words[k].span.start]
                        .chars()
                        .count(),
                )
        });
        match tail {
            Some(k) => last = k,
            None => break,
        }
    }
    last
}

/// An embassy or office of one country in another (中国驻南非大使馆), with
/// the index of its last word.
///
/// Tried at every word that may start a name: the test of its bits, which
/// rules most out, is inlined where it is called.
#[inline]
pub(super) fn mission(
    text: &str,
    words: &[Word<'_>],
    i: usize,
    classes: &[Class],
) -> Option<(Found, usize)> {
    if classes[i] & (PLACE_TAG | PLACE) == 0 {
        return None;
    }
    mission_at(text, words, i)
}

/// [`mission`] at a place word `i`.
fn mission_at(text: &str, words: &[Word<'_>], i: usize) -> Option<(Found, usize)> {
    let word_text = |k: usize| &text[words[k].span.range()];
    if words
        .get(i + 1)
        .is_none_or(|w| w.span.len() != "驻".len() || &text[w.span.range()] != "驻")
    {
        return None;
    }
    for (k, next) in words.iter().enumerate().skip(i + 2).take(4) {
        let w = word_text(k);
        if MISSION_SUFFIXES.iter().any(|s| w.ends_with(s)) {
            let span = Span::new(words[i].span.start, words[k].span.end);
            return Some((
                Found {
                    span,
                    rule: "org.mission",
                },
                k,
            ));
        }
        if !is_modifier(next.tag) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::words::testing::{found, words_of};

    #[test]
    fn ministries_end_like_organisations() {
        // `joined_ministry` looks for one only before a word that does.
        assert!(['部', '会']
            .iter()
            .all(|&c| ORG_HEAD_LAST_CHARS.contains(c)));
        let (words, classes) = words_of("农业农村部");
        assert_ne!(classes[words.len() - 1] & ORG_HEAD_END, 0);
    }

    #[test]
    fn a_place_and_a_suffix_make_an_organisation() {
        assert_eq!(
            found("潍坊日报社潍坊融媒讯", "潍坊日报社"),
            Some("org.proper_suffix")
        );
        assert_eq!(
            found("中共中央政治局常委李鹏", "中共中央政治局"),
            Some("org.proper_suffix")
        );
    }

    #[test]
    fn known_names_and_segmenter_organisations() {
        assert_eq!(found("新华社北京12月30日电", "新华社"), Some("org.known"));
        assert_eq!(
            found("外交部发言人唐国强今天说", "外交部"),
            Some("org.segmenter")
        );
        assert_eq!(found("人民法院依法审理", "人民法院"), None);
    }

    #[test]
    fn a_government_level_needs_a_unit() {
        assert_eq!(
            found("市政府新闻办发布", "市政府新闻办"),
            Some("org.government_unit")
        );
        assert_eq!(found("市政府决定", "市政府"), None);
    }

    #[test]
    fn missions_span_both_countries() {
        let text = "中国驻南非大使馆今天开馆";
        let (words, classes) = words_of(text);
        let (found, last) = mission(text, &words, 0, &classes).unwrap();
        assert_eq!(&text[found.span.range()], "中国驻南非大使馆");
        assert_eq!(found.rule, "org.mission");
        assert_eq!(&text[words[last].span.range()], "大使馆");
        let text = "他驻在南非";
        let (words, classes) = words_of(text);
        assert!(mission(text, &words, 0, &classes).is_none());
    }

    #[test]
    fn member_titles_are_cut_and_teams_are_heads() {
        let head = |w: &str, tag: &'static str| {
            let word = Word {
                span: Span::new(0, w.len()),
                tag,
                known: false,
                common: false,
            };
            is_org_head(w, tag, crate::names::words::word_classes(w, &[word])[0])
        };
        assert!(head("国家队", "nr"));
        assert!(!head("人民广场", "ns"));
        assert!(is_dateline("本报讯"));
    }
}
