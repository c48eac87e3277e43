//! Times and periods, resolved against the reference time.
//!
//! An expression is a chain of parts from coarse to fine, each optional:
//! year (`2023年`, `去年`, `二〇二三年`, `98年`), quarter, half or month
//! (`第三季度`, `上半年`, `前8个月`, `9月`, `上个月`), week (`上周`,
//! `第2周`), day or weekday (`27日`, `今天`, `周五`, `国庆节`), part of day
//! (`下午`) and clock time (`3点半`, `15:30`), or a numeric date
//! (`2023-09-27 20:53:51`). Two chains joined by 至/到/-/~ make a range
//! whose second end borrows what it leaves out from the first
//! (`2017年8月11日至22日`). Periods of news (`今年以来`, `截至目前`,
//! `“十四五”`), relative spans (`后三天`, `三年前`, `近五年`) and
//! references to the period just named (`同期`) are read too.
//!
//! This file is the scan: prefixes, ranges and suffixes around the chains
//! that `parts.rs` reads with the readers of each grain (`year.rs`,
//! `month.rs`, `week.rs`, `day.rs`, `festival.rs`, `clock.rs`,
//! `numeric_date.rs`, `relative.rs`) over the types of `chain.rs`;
//! `resolve.rs` turns a chain into an interval. Every fact's rule names the
//! one reader function that decided it.

mod anchor;
mod chain;
mod clock;
mod day;
mod festival;
mod month;
mod numeric_date;
mod open;
mod parts;
mod read;
mod relative;
mod resolve;
mod week;
mod words;
mod year;

use crate::context::{Candidate, Context};
use crate::fact::Value;
use crate::numeric::numeral::NumeralForm;
use crate::span::Span;
use crate::time::chain::{Chain, Grain, Step, SuffixEffect, TimePrefix, Year};
use crate::time::clock::clock_at;
use crate::time::numeric_date::numeric_date_at;
use crate::time::parts::{chain_at, chain_into, opened_chain_into, ReadChain};
use crate::time::read::{integer_at, skip_spaces, starts_integer_at};
use crate::time::relative::same_period_of_year;
use crate::time::resolve::{resolve, Anchor, Resolved, Role};
use crate::time::words::{BASE_MARKERS, JOINERS, PREFIXES, SUFFIXES};

/// A time expression found in the text.
#[derive(Clone, Copy, Debug)]
struct Found {
    span: Span,
    first: Chain,
    second: Option<Chain>,
    rule: &'static str,
}

/// Adds the time facts of `context` to `out`, resolving each against the
/// reference time and the periods named before it.
pub(crate) fn extract(context: &Context<'_>, out: &mut Vec<Candidate>) {
    let text = context.text;
    let mut anchor = Anchor::new(context.reference_time, context.region);
    // The readers at one offset, and the scan at the next, ask for the same
    // integer in turn: it is read once.
    let _remember = crate::time::read::RememberIntegers::new();
    let may_open = &*MAY_OPEN_TIME;
    let bytes = text.as_bytes();
    let mut words = WordCursor::new(context);
    // The scan resumes at the end of each expression (or year skipped),
    // else goes on at the next character.
    let mut pos = 0;
    while pos < bytes.len() {
        // Most characters open no time: passed on one table load, by their
        // bytes, before they are decoded.
        let (may, width) = may_open.at(text, pos);
        if may {
            let c = text[pos..].chars().next().unwrap_or('\0');
            let opening = (can_start(text, pos, c) && starts_a_word(context, &mut words, pos, c))
                .then(|| could_start_time(text, pos, c))
                .flatten();
            if let Some(opening) = opening {
                if let Some(end) = time_at(context, pos, opening, &mut anchor, out) {
                    pos = end;
                    continue;
                }
            }
        }
        pos += width;
    }
}

/// Reads the time expression at `pos`, where a time may open as
/// `opening` says, into `out`, and returns where the scan goes on; None
/// when no expression starts there.
fn time_at(
    context: &Context<'_>,
    pos: usize,
    opening: Opening,
    anchor: &mut Anchor,
    out: &mut Vec<Candidate>,
) -> Option<usize> {
    let text = context.text;
    let mut found = Found {
        span: Span::new(pos, pos),
        first: Chain::default(),
        second: None,
        rule: "",
    };
    if !read_expression(text, pos, opening, &mut found) {
        return None;
    }
    if is_edition_year(text, &found) {
        return Some(found.span.end);
    }
    every(text, &mut found);
    let roc = matches!(found.first.year, Some(Year::Roc(_)));
    if roc && !anchor.roc_years() {
        // 300年: three digits are a year only in Taiwan.
        return Some(found.span.end);
    }
    if found.first.fine_units && found.second.is_none() && anchor.has_event_day() {
        // 事发后17秒, 开场7分钟内: after a narrated time, a length.
        return Some(found.span.end);
    }
    let role = Role {
        base: is_base(text, found.span.start),
    };
    let value = resolve(&found.first, found.second.as_ref(), anchor, role);
    out.push(candidate(found.span, value, found.rule));
    Some(found.span.end)
}

/// 每週六凌晨, 每日: a time that recurs, found with 每 and not resolved.
fn every(text: &str, found: &mut Found) {
    let recurs = found.second.is_none()
        && (found.first.weekday.is_some() || found.first.part.is_some())
        && found.first.year.is_none()
        && found.first.month.is_none();
    if recurs && text[..found.span.start].ends_with('每') {
        found.span.start -= '每'.len_utf8();
        found.first = Chain {
            vague: true,
            ..Chain::default()
        };
    }
}

/// “2025年社區消費大獎賞”: a year alone opening a quoted name is the
/// name's edition, no time.
fn is_edition_year(text: &str, found: &Found) -> bool {
    // The character before the year, decoded once.
    let close = match text[..found.span.start].chars().next_back() {
        Some('“') => '”',
        Some('「') => '」',
        Some('《') => '》',
        Some('"') => '"',
        _ => return false,
    };
    let year_only = Chain {
        year: found.first.year,
        ..Chain::default()
    };
    if found.second.is_some() || found.first != year_only {
        return false;
    }
    let rest = &text[found.span.end..];
    let Some(name_len) = rest.find(close) else {
        return false;
    };
    let name = &rest[..name_len];
    (2..=20).contains(&name.chars().count())
        && name.chars().all(crate::text::normalize::is_han)
        && chain_at(rest, 0).is_none()
}

/// True when the expression at `start` is a base of comparison: right
/// after 比 or 较 (`比第1季`, `较上年同期`, `较1—9月份`).
fn is_base(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(' ');
    // Most times follow no marker: their last characters rule it out first.
    before
        .chars()
        .next_back()
        .is_some_and(|last| BASE_MARKER_ENDS.contains(&last))
        && BASE_MARKERS.iter().any(|w| before.ends_with(w))
}

/// The last characters of [`BASE_MARKERS`].
static BASE_MARKER_ENDS: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
    BASE_MARKERS
        .iter()
        .filter_map(|w| w.chars().next_back())
        .collect()
});

/// The fact of a resolved time expression.
fn candidate(span: Span, value: Resolved, rule: &'static str) -> Candidate {
    Candidate {
        span,
        value: Value::Time {
            start: value.start,
            end: value.end,
            context_dependent: value.context_dependent,
        },
        rule,
    }
}

/// The words of a text, walked along with a scan whose offsets only grow:
/// the word at each offset is found without a search.
struct WordCursor<'c> {
    words: &'c [crate::text::segment::Word<'c>],
    /// The first word that may end after the offset asked.
    next: usize,
}

impl<'c> WordCursor<'c> {
    fn new(context: &'c Context<'_>) -> WordCursor<'c> {
        WordCursor {
            words: context.words.all(),
            next: 0,
        }
    }

    /// True when `pos` lies inside a word but not at its start. `pos` is
    /// no smaller than at the last ask.
    fn inside_a_word(&mut self, pos: usize) -> bool {
        while self.words.get(self.next).is_some_and(|w| w.span.end <= pos) {
            self.next += 1;
        }
        let inside = self
            .words
            .get(self.next)
            .is_some_and(|w| w.span.start < pos);
        if cfg!(any(debug_assertions, test)) {
            let searched = self.words.partition_point(|w| w.span.end <= pos);
            let found = self.words.get(searched);
            assert_eq!(inside, found.is_some_and(|w| w.span.start < pos));
        }
        inside
    }
}

/// An expression that begins with a Chinese character `c` (not a numeral)
/// begins a word: `现在` in `体现在` is no time.
fn starts_a_word(context: &Context<'_>, words: &mut WordCursor<'_>, pos: usize, c: char) -> bool {
    if !words.inside_a_word(pos) || !crate::text::normalize::is_han(c) || is_numeral_char(c) {
        return true;
    }
    // Prefixes the segmenter glued to what precedes them are fine, and so
    // is what 每 (E6 AF 8F) makes recur (每周六).
    let bytes = context.text.as_bytes();
    matches!(c, '从' | '自' | '截' | '至' | '到' | '于' | '在')
        || matches!(
            bytes.get(pos.wrapping_sub(3)..pos),
            Some([0xE6, 0xAF, 0x8F])
        )
}

/// The first characters of every time word and of the words the readers
/// spell, some more than once: with digits and numerals, the characters a
/// time expression can begin with.
fn first_chars() -> impl Iterator<Item = char> {
    let fixed = "第从自截大上下前后近过未最今明昨去本这当同次民Q周星礼早晚凌中半午正腊冬闰农阴全首年月初再十几数俩个";
    crate::time::words::all_words()
        .filter_map(|w| w.chars().next())
        .chain(fixed.chars())
}

/// The characters [`could_start_time`] may accept at all: digits, numerals
/// and [`first_chars`], in one table. Other positions are skipped at once.
static MAY_OPEN_TIME: std::sync::LazyLock<crate::lexicon::CharBits> =
    std::sync::LazyLock::new(|| {
        crate::lexicon::CharBits::of(NUMERAL_CHARS.iter().copied().chain(first_chars()))
    });

/// The characters a numeral may start with ([`can_start_numeral`]), digits
/// among them.
///
/// [`can_start_numeral`]: crate::numeric::numeral::can_start_numeral
static NUMERAL_CHARS: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
    let numerals = crate::numeric::numeral::numeral_starts();
    (0..0x10000u32)
        .filter(|&code| numerals.contains_code(code))
        .filter_map(char::from_u32)
        .collect()
});

/// How a time may open at an offset, as far as the scan has asked.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Opening {
    /// A prefix, a numeral or a chain may open it.
    Any,
    /// Only a chain may, and the gate of chains ([`may_open_chain`]) lets
    /// it: the gate is not asked again.
    ///
    /// [`may_open_chain`]: crate::time::open::may_open_chain
    Chain,
}

/// How a time may open at `pos`, which holds `c`; None when none may.
fn could_start_time(text: &str, pos: usize, c: char) -> Option<Opening> {
    let openings = &*OPENINGS;
    let class = openings.classes.of(c);
    if class & NUMERAL != 0 {
        // Holidays named by numbers: 五一国际劳动节, 万圣节.
        let holiday = class & FIRST != 0 && crate::time::words::fixed_holiday_at(&text[pos..]);
        return (holiday || numeral_could_be_time(text, pos)).then_some(Opening::Any);
    }
    if class & FIRST == 0 {
        return None;
    }
    let after = pos + c.len_utf8();
    if after == text.len() {
        return Some(Opening::Any);
    }
    let (code, _) = crate::lexicon::code_in(crate::lexicon::window_at(text.as_bytes(), after));
    let second = char::from_u32(code).unwrap_or('\0');
    if openings.allows(&text[pos..], class, c, second) {
        if class & PREFIX_HEAD != 0 {
            return Some(Opening::Any);
        }
        // Without a prefix or a numeral first, only a chain opens a time,
        // and its gate is exact.
        let opens = crate::time::open::may_open_chain(text, pos);
        if cfg!(any(debug_assertions, test)) && !opens {
            assert!(
                expression_at(text, pos, Opening::Any).is_none(),
                "an expression reads where no chain may open: {:?}",
                &text[pos..]
            );
        }
        return opens.then_some(Opening::Chain);
    }
    // 从2018年, 截至9月底, 大约晚上: a prefix opens a time where one starts.
    if class & PREFIX_HEAD == 0 {
        if cfg!(any(debug_assertions, test)) {
            assert!(
                expression_at(text, pos, Opening::Any).is_none(),
                "an expression reads where its first two characters rule it out: {:?}",
                &text[pos..]
            );
        }
        return None;
    }
    let rest = &text[pos..];
    openings
        .prefixes
        .at(rest)
        .find(|w| rest.starts_with(**w))
        .and_then(|w| Some((pos + w.len(), text[pos + w.len()..].chars().next()?)))
        .and_then(|(p, next)| could_start_time(text, p, next))
        .map(|_| Opening::Any)
}

/// How a time expression may open, for the characters of [`first_chars`]
/// that are no numerals: with a time word of two characters, the first
/// three of a longer one (`国家公` of 国家公祭日, so that 国家战略 is ruled
/// out), or any first one followed by a numeral, the head of a unit or time
/// word, 个 or 半 (上三个月, 上个月, 前半年).
struct Openings {
    /// Every word of two characters.
    pairs: PairSet,
    /// The first three characters of every longer word.
    triples: crate::lexicon::WordSet,
    /// What each character may be at the opening: [`FIRST`], [`SINGLE`],
    /// [`SECOND`], [`PREFIX_HEAD`], [`NUMERAL`], [`SPAN_HEAD`].
    classes: Classes,
    /// The prefixes that may open a time (从, 截至, 大约…), longest first.
    prefixes: crate::lexicon::ByEdge<&'static str>,
    /// The first two characters of `pairs` and `triples`: most pairs of
    /// characters are ruled out by one load before a word is hashed.
    pair_heads: PairFilter,
}

/// A first character of a time word or a word a reader spells
/// ([`first_chars`]).
const FIRST: u8 = 1;
/// The first character of a time word or unit of one character (a span
/// prefix of one aside): any second one goes.
const SINGLE: u8 = 2;
/// What may come second after any opening character (numerals aside).
const SECOND: u8 = 4;
/// The first character of a prefix (从, 截至, 大约…).
const PREFIX_HEAD: u8 = 8;
/// A character a numeral may start with ([`NUMERAL_CHARS`]).
const NUMERAL: u8 = 16;
/// A span prefix of one character (上, 近): it opens a time only before a
/// count (上三个月, 近几年), which begins with a character of [`SECOND`] or
/// [`NUMERAL`], or with 几 or 数.
const SPAN_HEAD: u8 = 32;

/// The classes of the characters of the Basic Multilingual Plane (none
/// outside it), one byte each: one load answers every question
/// [`could_start_time`] asks of a character.
struct Classes(Box<[u8; 0x10000]>);

impl Classes {
    /// Adds `class` to each of `chars`.
    fn add(&mut self, class: u8, chars: impl Iterator<Item = char>) {
        for c in chars {
            if let Some(slot) = self.0.get_mut(c as usize) {
                *slot |= class;
            }
        }
    }

    /// The classes of `c`.
    fn of(&self, c: char) -> u8 {
        self.0.get(c as usize).copied().unwrap_or(0)
    }
}

/// A filter of pairs of characters: every pair added is let through, and
/// few others (those whose bit another pair set).
struct PairFilter(Box<[u64; 1024]>);

impl PairFilter {
    /// The filter of the first two characters of `words` (of two or more).
    fn of<'w>(words: impl Iterator<Item = &'w str>) -> PairFilter {
        let mut bits = Box::new([0u64; 1024]);
        for word in words {
            let mut chars = word.chars();
            if let (Some(first), Some(second)) = (chars.next(), chars.next()) {
                let (slot, mask) = PairFilter::bit(first, second);
                bits[slot] |= mask;
            }
        }
        PairFilter(bits)
    }

    /// The word and bit of a pair: a hash of both characters, 16 bits wide.
    fn bit(first: char, second: char) -> (usize, u64) {
        let mixed = (u32::from(first).wrapping_mul(0x9E37_79B1) ^ u32::from(second))
            .wrapping_mul(0x85EB_CA6B)
            >> 16;
        ((mixed / 64) as usize, 1 << (mixed % 64))
    }

    /// False when no pair added is `first` and `second`.
    fn may_contain(&self, first: char, second: char) -> bool {
        let (slot, mask) = PairFilter::bit(first, second);
        self.0[slot] & mask != 0
    }
}

/// A set of pairs of characters, the first two of words: a filter rules
/// most pairs out on one load, a binary search of the pairs decides the
/// rest, and no word is hashed.
pub(crate) struct PairSet {
    filter: PairFilter,
    /// The pairs, each as its two code points in one number, in order.
    pairs: Vec<u64>,
}

impl PairSet {
    /// The set of the first two characters of `words` (of two or more).
    pub(crate) fn of<'w>(words: impl Iterator<Item = &'w str>) -> PairSet {
        let words: Vec<&str> = words.collect();
        let mut pairs: Vec<u64> = words
            .iter()
            .filter_map(|word| {
                let mut chars = word.chars();
                Some(PairSet::key(chars.next()?, chars.next()?))
            })
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        PairSet {
            filter: PairFilter::of(words.into_iter()),
            pairs,
        }
    }

    fn key(first: char, second: char) -> u64 {
        u64::from(first) << 32 | u64::from(second)
    }

    /// True when `first` and `second` are a pair of the set.
    pub(crate) fn contains(&self, first: char, second: char) -> bool {
        self.filter.may_contain(first, second)
            && self
                .pairs
                .binary_search(&PairSet::key(first, second))
                .is_ok()
    }
}

impl Openings {
    /// True when a time may open at `rest`, whose first two characters are
    /// `first`, of the classes `class`, and `second`.
    fn allows(&self, rest: &str, class: u8, first: char, second: char) -> bool {
        if class & SINGLE != 0 || self.classes.of(second) & (SECOND | NUMERAL) != 0 {
            return true;
        }
        if class & SPAN_HEAD != 0 && matches!(second, '几' | '数') {
            return true;
        }
        if !self.pair_heads.may_contain(first, second) {
            return false;
        }
        if self.pairs.contains(first, second) {
            return true;
        }
        let two = first.len_utf8() + second.len_utf8();
        rest[two..]
            .chars()
            .next()
            .is_some_and(|third| self.triples.contains(&rest[..two + third.len_utf8()]))
    }
}

/// The first `n` characters of `word`, if it has more than `n - 1` and at
/// most `longest`.
fn opening(word: &'static str, n: usize, longest: usize) -> Option<&'static str> {
    let chars = word.chars().count();
    let end = word.char_indices().nth(n).map_or(word.len(), |(i, _)| i);
    (n..=longest).contains(&chars).then(|| &word[..end])
}

/// Words the readers spell out rather than take from a list: they open a
/// time too (the whole word of two characters, the first three of a longer
/// one). A reader that spells a new word adds it
/// here (its corpus case fails otherwise).
const SPELLED_IN_READERS: [&str; 17] = [
    "今明两年",
    "民国",
    "农历",
    "阴历",
    "全天",
    "全年",
    "同期",
    "周末",
    "上半",
    "下半",
    "最后",
    "首季",
    "大年初",
    "现在",
    "目前",
    "星期",
    "礼拜",
];

static OPENINGS: std::sync::LazyLock<Openings> = std::sync::LazyLock::new(|| {
    use crate::time::words as w;
    let units = || crate::numeric::units::time_unit_words().map(|u| u.word);
    let words: Vec<&'static str> = w::all_words()
        .chain(w::SPAN_PREFIXES.iter().map(|p| p.0))
        .chain(units())
        .collect();
    let mut prefixes: Vec<&'static str> = w::PREFIXES.iter().map(|p| p.0).chain(["大约"]).collect();
    prefixes.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let unit_heads = crate::numeric::units::time_unit_words().filter_map(|u| u.word.chars().next());
    let pairs: Vec<&'static str> = words
        .iter()
        .chain(&SPELLED_IN_READERS)
        .filter_map(|w| opening(w, 2, 2))
        .collect();
    let triples: crate::lexicon::WordSet = words
        .iter()
        .chain(&SPELLED_IN_READERS)
        .filter_map(|w| opening(w, 3, usize::MAX))
        .collect();
    let mut classes = Classes(Box::new([0; 0x10000]));
    classes.add(FIRST, first_chars());
    classes.add(NUMERAL, NUMERAL_CHARS.iter().copied());
    let single = |w: &&'static str| w.chars().count() == 1;
    classes.add(
        SINGLE,
        w::all_words()
            .chain(units())
            .filter(single)
            .filter_map(|w| w.chars().next()),
    );
    classes.add(
        SPAN_HEAD,
        w::SPAN_PREFIXES
            .iter()
            .map(|p| p.0)
            .filter(single)
            .filter_map(|w| w.chars().next()),
    );
    classes.add(
        SECOND,
        "０１２３４５６７８９个半两俩多余".chars().chain(unit_heads),
    );
    classes.add(
        PREFIX_HEAD,
        prefixes.iter().filter_map(|p| p.chars().next()),
    );
    Openings {
        pair_heads: PairFilter::of(pairs.iter().copied().chain(triples.iter().copied())),
        pairs: PairSet::of(pairs.into_iter()),
        triples,
        classes,
        prefixes: crate::lexicon::ByEdge::new(prefixes, crate::lexicon::Edge::First, |w| w),
    }
});

/// A number starts a time only if a unit or separator of time follows it
/// (年, 月, 日, 点, :, -, /…): `33个` and `12.6%` are ruled out at once.
fn numeral_could_be_time(text: &str, pos: usize) -> bool {
    let rest = &text[pos..];
    // A run longer than a numeral may be is no time: read no further.
    let max = crate::work::MAX_NUMERAL_CHARS;
    let numerals = crate::numeric::numeral::numeral_starts();
    let mut read = 0;
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        if !(numerals.contains(c) || c == '两' || c == '俩') {
            end = i;
            break;
        }
        if read == max {
            crate::work::add(max + 1);
            return false;
        }
        read += 1;
    }
    crate::work::add(read);
    if (end == 8 || end == 7) && rest.as_bytes()[..end].iter().all(u8::is_ascii_digit) {
        return true; // 20240307, 1090812
    }
    let Some(next) = rest[end..].chars().next() else {
        return end > 0;
    };
    if !TIME_WORD_STARTS.contains(next) {
        return false;
    }
    // 50.5%, 1.95倍: a dot after digits goes on only in a numeric date of
    // a year's four (2023.09.27, 1999.08); 一个人, 两个确立: 个 goes on
    // only as 个半, 个多 or a unit (三个月). In test builds, what these rule
    // out must read as no expression.
    let goes_on = match next {
        '.' => end == 4 && rest.as_bytes()[..end].iter().all(u8::is_ascii_digit),
        '个' => rest[end + '个'.len_utf8()..]
            .chars()
            .next()
            .is_some_and(|c| AFTER_GE.contains(c)),
        _ => true,
    };
    if cfg!(any(debug_assertions, test)) && !goes_on {
        assert!(
            expression_at(text, pos, Opening::Any).is_none(),
            "an expression reads where what follows the numeral rules it out: {rest:?}"
        );
    }
    goes_on
}

/// What may follow 个 in a count of units: 半, 多 and the second
/// characters of the units that begin with 个 (个月, 个小时, 个星期).
static AFTER_GE: std::sync::LazyLock<crate::lexicon::CharBits> = std::sync::LazyLock::new(|| {
    let units = crate::numeric::units::time_unit_words()
        .filter_map(|w| w.word.strip_prefix('个'))
        .filter_map(|rest| rest.chars().next());
    crate::lexicon::CharBits::of("半多".chars().chain(units))
});

/// The characters that may follow the digits of a time (`年`, `月`, `:`, `至`…).
static TIME_WORD_STARTS: std::sync::LazyLock<crate::lexicon::CharBits> = std::sync::LazyLock::new(
    || {
        crate::lexicon::CharBits::of(
        "年月日号时点:：-/.·分秒天周个季世半多余前后以至到~～—－–刻钟小星礼 pPaA号代初底末中起来内间之”\"」规期".chars(),
    )
    },
);

/// Expressions do not start inside a number or a word of letters: at `pos`,
/// which holds `c`, a letter, digit or numeral must not follow another.
fn can_start(text: &str, pos: usize, c: char) -> bool {
    if !c.is_ascii_alphanumeric() && !is_numeral_char(c) {
        return true;
    }
    let prev = text[..pos].chars().next_back();
    match (prev, Some(c)) {
        // GSMArena1月29日: a month and day glued to a name still start.
        (Some(p), Some(c)) if p.is_ascii_alphabetic() && c.is_ascii_digit() => {
            month_and_day_at(text, pos)
        }
        (Some(p), Some(c)) if p.is_ascii_alphanumeric() && c.is_ascii_alphanumeric() => false,
        (Some(p), Some(c)) if is_numeral_char(p) && is_numeral_char(c) => false,
        // 153.11点: the digits after a decimal point are no clock time.
        (Some('.' | ','), Some(c)) if c.is_ascii_digit() => {
            !text[..pos - 1].ends_with(|d: char| d.is_ascii_digit())
        }
        _ => true,
    }
}

/// True when digits at `pos` write a month and a day: 1月29日.
fn month_and_day_at(text: &str, pos: usize) -> bool {
    let digits = |p: usize| {
        text[p..]
            .bytes()
            .take(3)
            .take_while(u8::is_ascii_digit)
            .count()
    };
    let month = digits(pos);
    let Some(rest) = text[pos + month..].strip_prefix('月') else {
        return false;
    };
    let day = digits(text.len() - rest.len());
    (1..=2).contains(&month) && (1..=2).contains(&day) && rest[day..].starts_with(['日', '号'])
}

fn is_numeral_char(c: char) -> bool {
    crate::numeric::numeral::can_start_numeral(c)
}

/// The expression starting at `pos`, where a time may open as `opening`
/// says: prefix, chain, range, suffix.
fn expression_at(text: &str, pos: usize, opening: Opening) -> Option<Found> {
    let mut found = Found {
        span: Span::new(pos, pos),
        first: Chain::default(),
        second: None,
        rule: "",
    };
    read_expression(text, pos, opening, &mut found).then_some(found)
}

/// Reads the expression starting at `pos` ([`expression_at`]) into
/// `found`, whose chains are empty on entry, where they are read rather
/// than copied; false when none starts there.
fn read_expression(text: &str, pos: usize, opening: Opening, found: &mut Found) -> bool {
    let Found { first, second, .. } = found;
    let mut start = pos;
    let mut p = pos;
    let mut prefix = false;
    // 大约晚上十点: an approximate time keeps its hedge in the span.
    if text[p..].starts_with('大') && text[p..].starts_with("大约") {
        p += "大约".len();
    }
    let hedged = p > pos;
    let mut prefix_kind = None;
    // Most times open with no prefix: their first character says so.
    let prefix_here = text[p..]
        .chars()
        .next()
        .is_some_and(|c| OPENINGS.classes.of(c) & PREFIX_HEAD != 0);
    let listed = prefix_here
        .then(|| {
            PREFIXES
                .at(&text[p..])
                .find(|(w, _)| text[p..].starts_with(w))
        })
        .flatten();
    if let Some(&(word, kind)) = listed {
        p += word.len();
        prefix = true;
        prefix_kind = Some(kind);
    }
    let chain = match opening {
        Opening::Chain => opened_chain_into(text, p, first),
        Opening::Any => chain_into(text, p, first),
    };
    let (mut end, mut rule) = match chain {
        Some(read) => read,
        // What opens only a chain is no number to begin a range either.
        None if hedged || opening == Opening::Chain => return false,
        None => {
            // A bare number before a range joiner takes the second end's unit:
            // 1-9月, 9~12点. A range always follows, and names the rule.
            let Some((bare, end)) = bare_range_start(text, p) else {
                return false;
            };
            *first = bare;
            (end, "time.range")
        }
    };
    if let Some(same_end) = same_period_of_year(text, end, first) {
        end = same_end;
        rule = "time.same_period_of_year";
    }
    // 16:49 2026-01-30: a clock time before the date it falls on.
    if first.hour.is_some() && !first.names_a_day() && first.year.is_none() {
        if let Some((date, date_end)) = text[end..]
            .strip_prefix(' ')
            .and_then(|_| numeric_date_at(text, end + 1))
        {
            if date.day.is_some() && date.hour.is_none() {
                let clock = *first;
                *first = date;
                first.hour = clock.hour;
                first.minute = clock.minute;
                first.second = clock.second;
                first.meridiem = clock.meridiem;
                end = date_end;
                rule = "time.clock_at";
            }
        }
    }
    // 周日, 二月十号: a weekday before the date it falls on. Only after an
    // ASCII comma: after ， a weekday ends its own clause (周五，3月1日起施行).
    let weekday_only = first.weekday.is_some()
        && *first
            == Chain {
                weekday: first.weekday,
                ..Chain::default()
            };
    if weekday_only {
        if let Some(comma) = [", ", ","].iter().find(|c| text[end..].starts_with(**c)) {
            if let Some((date, date_end, date_rule)) = chain_at(text, end + comma.len()) {
                if date.day.is_some() && date.month.is_some() && date.weekday.is_none() {
                    *first = date;
                    end = date_end;
                    rule = date_rule;
                }
            }
        }
    }
    // A hedge before the prefix (大约从) makes it neither an end nor 自从.
    let since = !hedged && prefix_kind == Some(TimePrefix::Since);
    let until = !hedged && prefix_kind == Some(TimePrefix::Until);
    if prefix && !until && !since && !has_range_or_open(text, end) {
        // 从 without a range or 起 is not part of the expression.
        start = p;
    }
    if since && !has_range_or_open(text, end) && !first.is_empty() {
        // 自从2018年: from then to the reference time.
        first.since = true;
    }
    // A bare number after the chain that a range gives a unit: 2019年1-5月, 4月12-19日.
    // Most chains are followed by no integer: the bytes there say so.
    let bare = starts_integer_at(text, end)
        .then(|| bare_range_start(text, end))
        .flatten();
    if let Some((bare, bare_end)) = bare {
        if let Some(merged) = merge(first, &bare) {
            *first = merged;
            end = bare_end;
        }
    }
    // Ranges; 起 may stand before the joiner (自2020-05-26起至2020-05-29止).
    let joiner_start = skip_spaces(text, end);
    let joiner_start = if text[joiner_start..].starts_with("起至") {
        joiner_start + '起'.len_utf8()
    } else {
        joiner_start
    };
    if let Some((chain, chain_end)) = range(text, joiner_start, first) {
        *second = Some(chain);
        end = chain_end;
        rule = "time.range";
    } else if let Some((chain, chain_end)) = between(text, joiner_start, first) {
        *second = Some(chain);
        end = chain_end;
        rule = "time.between";
    }
    end = suffixes(text, end, second.is_some(), first);
    if first.is_empty() && second.is_none() {
        return false;
    }
    found.span = Span::new(start, end);
    found.rule = rule;
    true
}

/// Reads the suffixes after a time ending at `end` (以来, 起, 或之后, 以前;
/// then 止, 期间, 左右, 内), applies their effect to `first` and returns
/// the new end. After a range only 以前/以后 and the like are read, as text.
fn suffixes(text: &str, mut end: usize, range: bool, first: &mut Chain) -> usize {
    let rest = &text[end..];
    // Most ends are followed by no suffix: their first character says so.
    if range && rest.starts_with(['以', '之', '前']) {
        for word in ["以前", "之前", "以后", "之后", "前"] {
            if rest.starts_with(word) {
                end += word.len();
                break;
            }
        }
    } else if !range {
        // 2019年8月6日或之后, 2015-01-01及以前: one space may come first.
        let rest = if rest.starts_with(' ') && !rest.starts_with("  ") {
            &rest[1..]
        } else {
            rest
        };
        let space = usize::from(text[end..].starts_with(' ') && rest.len() < text[end..].len());
        for &(word, effect) in SUFFIXES.at(rest) {
            if rest.starts_with(word) {
                // 5月前往: 前 starting a word is no suffix.
                if word == "前"
                    && rest[3..].starts_with([
                        '往', '进', '行', '来', '去', '后', '夕', '身', '景', '线', '列', '沿',
                        '所', '提', '三', '两', '十', '几',
                    ])
                {
                    break;
                }
                match effect {
                    SuffixEffect::Since => first.since = true,
                    SuffixEffect::OpenEnd => first.open_end = true,
                    SuffixEffect::OpenStart => first.open_start = true,
                }
                end += space + word.len();
                break;
            }
        }
    }
    // 凌晨5时许: an approximate clock time keeps 许 in its span.
    if first.hour.is_some() && text[end..].starts_with('许') {
        end += '许'.len_utf8();
    }
    if !text[end..].starts_with(['止', '期', '时', '左', '内']) {
        return end;
    }
    for word in ["止", "期间", "时期", "左右", "内"] {
        if text[end..].starts_with(word) {
            if word == "左右" {
                first.vague = true;
            }
            if word == "内" && first.year.is_none() {
                break;
            }
            end += word.len();
            break;
        }
    }
    end
}

/// The second end of a range after a joiner at `joiner_start` (至, 到, -,
/// ~), with what it leaves out taken from `first`: 2017年8月11日至22日,
/// 下午1点到3点十分, 2020年至今.
fn range(text: &str, joiner_start: usize, first: &Chain) -> Option<(Chain, usize)> {
    let joiner = joiner_at(text, joiner_start)?;
    let after = skip_spaces(text, joiner_start + joiner.len());
    let in_context = || {
        // 今晚八点到九点: the second clock time reads in the first's context.
        let clock = first.hour.and_then(|_| clock_at(text, after, first));
        clock.or_else(|| bare_day_at(text, after, first))
    };
    let read = |(chain, end, _): ReadChain| (chain, end);
    if let Some((mut chain, chain_end)) = in_context()
        .or_else(|| chain_at(text, after).map(read))
        .or_else(|| bare_year_at(text, after, first))
    {
        if !chain.now || chain.is_empty() {
            chain.inherit(first);
        }
        return Some((chain, chain_end));
    }
    until_now_at(text, after)
}

/// 2015年和2018年之间, 三月与九月间: the second end of a range by 和/与 … 之间.
fn between(text: &str, joiner_start: usize, first: &Chain) -> Option<(Chain, usize)> {
    let and = text[joiner_start..]
        .chars()
        .next()
        .filter(|c| matches!(c, '和' | '与'))?;
    let after = skip_spaces(text, joiner_start + and.len_utf8());
    let (mut chain, chain_end, _) = chain_at(text, after)?;
    let tail = &text[chain_end..];
    let between = ["之间", "间"].iter().find(|w| tail.starts_with(**w))?;
    chain.inherit(first);
    Some((chain, chain_end + between.len()))
}

/// True when a range joiner or an open end follows `end`.
fn has_range_or_open(text: &str, end: usize) -> bool {
    let joiner_start = skip_spaces(text, end);
    let rest = &text[joiner_start..];
    joiner_at(text, joiner_start).is_some()
        || (rest.starts_with(['起', '以', '开', '至'])
            && ["起", "以来", "开始", "至今"]
                .iter()
                .any(|w| rest.starts_with(w)))
}

/// `至今`, `到现在`: a range that ends at the reference time.
fn until_now_at(text: &str, pos: usize) -> Option<(Chain, usize)> {
    let rest = &text[pos..];
    for word in ["今", "现在", "目前"] {
        if rest.starts_with(word) {
            let chain = Chain {
                now: true,
                ..Chain::default()
            };
            return Some((chain, pos + word.len()));
        }
    }
    None
}

/// A day as the second end of a range: 十二日 in 一月十日到十二日.
fn bare_day_at(text: &str, pos: usize, first: &Chain) -> Option<(Chain, usize)> {
    first.day?;
    let (value, end, _, _) = integer_at(text, pos)?;
    if !(1..=31).contains(&value) || !text[end..].starts_with(['日', '号']) {
        return None;
    }
    let chain = Chain {
        day: Some(Step::Absolute(value)),
        ..Chain::default()
    };
    Some((chain, end + '日'.len_utf8()))
}

/// A year without 年 as the second end of a range: 2008.03-2009.
fn bare_year_at(text: &str, pos: usize, first: &Chain) -> Option<(Chain, usize)> {
    first.year?;
    let (value, end, form, digits) = integer_at(text, pos)?;
    if form != NumeralForm::Arabic || digits != 4 || !(1000..=2200).contains(&value) {
        return None;
    }
    if text[end..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '.') {
        return None;
    }
    let chain = Chain {
        year: Some(Year::Absolute(value as i32)),
        ..Chain::default()
    };
    Some((chain, end))
}

/// The chain `first` with the one part of `bare` added, when `bare` is
/// finer than everything in `first`.
fn merge(first: &Chain, bare: &Chain) -> Option<Chain> {
    let mut merged = *first;
    if bare.month.is_some()
        && first.month.is_none()
        && first.quarters.is_none()
        && first.day.is_none()
    {
        merged.month = bare.month;
    } else if bare.day.is_some() && first.month.is_some() && first.day.is_none() {
        merged.day = bare.day;
    } else if bare.hour.is_some()
        && first.hour.is_none()
        && (first.day.is_some() || first.part.is_some())
    {
        merged.hour = bare.hour;
    } else {
        return None;
    }
    Some(merged)
}

/// The range joiner (至, 到, -, ~…) at `pos`, if one starts there. Most
/// offsets hold none: the bytes there say so before a word is compared.
#[inline(always)]
fn joiner_at(text: &str, pos: usize) -> Option<&'static str> {
    if pos == text.len() || !JOINER_HEADS.at(text, pos).0 {
        return None;
    }
    let rest = &text[pos..];
    JOINERS.at(rest).find(|j| rest.starts_with(**j)).copied()
}

/// The first characters of the range joiners.
static JOINER_HEADS: std::sync::LazyLock<crate::lexicon::CharBits> =
    std::sync::LazyLock::new(|| {
        crate::lexicon::CharBits::of(JOINERS.iter().filter_map(|j| j.chars().next()))
    });

/// `1` in `1-9月`, `9` in `9~12点`, `2020` in `2020至2025年`: a bare
/// number that takes the unit of the range's second end.
fn bare_range_start(text: &str, pos: usize) -> Option<(Chain, usize)> {
    let (value, end, _, _) = integer_at(text, pos)?;
    let joiner_start = skip_spaces(text, end);
    let joiner = joiner_at(text, joiner_start)?;
    let after = skip_spaces(text, joiner_start + joiner.len());
    let (second, _, _) = chain_at(text, after)?;
    let mut first = Chain::default();
    match second.coarsest() {
        Grain::Century | Grain::Decade | Grain::Year => match second.year? {
            Year::Absolute(_) if (1000..=2200).contains(&value) => {
                first.year = Some(Year::Absolute(value as i32))
            }
            _ => return None,
        },
        Grain::Month if second.month.is_some() && (1..=12).contains(&value) => {
            first.month = Some(Step::Absolute(value))
        }
        Grain::Day
            if matches!(second.day, Some(Step::Absolute(_))) && (1..=31).contains(&value) =>
        {
            first.day = Some(Step::Absolute(value))
        }
        Grain::Clock if value <= 24 => first.hour = Some(value),
        _ => return None,
    }
    Some((first, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_borrows_what_its_second_end_leaves_out() {
        let found = expression_at("2017年8月11日至22日", 0, Opening::Any).unwrap();
        assert_eq!(found.rule, "time.range");
        assert_eq!(found.span, Span::new(0, "2017年8月11日至22日".len()));
        let second = found.second.unwrap();
        assert_eq!(second.year, Some(Year::Absolute(2017)));
        assert_eq!(second.day, Some(Step::Absolute(22)));
    }

    #[test]
    fn suffixes_open_the_interval() {
        let found = expression_at("今年以来", 0, Opening::Any).unwrap();
        assert!(found.first.since);
        assert_eq!(found.rule, "time.relative_year");
        let found = expression_at("2020年起", 0, Opening::Any).unwrap();
        assert!(found.first.open_end);
    }

    #[test]
    fn from_without_a_range_stays_out_of_the_span() {
        let found = expression_at("从2018年", 0, Opening::Any).unwrap();
        assert_eq!(found.span, Span::new("从".len(), "从2018年".len()));
        let found = expression_at("截至9月底", 0, Opening::Any).unwrap();
        assert_eq!(found.span.start, 0);
    }

    #[test]
    fn between_joins_two_ends() {
        let found = expression_at("2015年和2018年之间", 0, Opening::Any).unwrap();
        assert_eq!(found.rule, "time.between");
        assert_eq!(
            found.second.and_then(|c| c.year),
            Some(Year::Absolute(2018))
        );
    }
}
