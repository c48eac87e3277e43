//! Where an article was published, read from the evidence a reader uses:
//! its currency words, outlets, institutions, places and forms of address
//! (`data/words/region_evidence.tsv`), weighted more in the header lines,
//! and its script.

use crate::error::Error;
use crate::lexicon::{head_of, rows, window_at, ByEdge, CharBits, Edge};
use crate::text::normalize::Normalized;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

/// Where an article was published, as its readers understand it: it gives
/// bare `元` its currency and fiscal years their months.
///
/// Written in reports as its ISO 3166-1 code (`"HK"`); parsed from the code
/// or the English name, in any case (`"hk"`, `"Hong Kong"`, `"mainland"`).
///
/// ```
/// use zhfacts::{Extractor, Region};
/// let text = "政府今日公布，錄得439億港元盈餘，立法會財委會將討論。";
/// let report = Extractor::new().extract(text);
/// assert_eq!(report.meta.region, Some(Region::HongKong));
/// assert_eq!("hong kong".parse::<Region>().unwrap(), Region::HongKong);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum Region {
    /// Mainland China (`CN`).
    #[serde(rename = "CN")]
    Mainland,
    /// Hong Kong (`HK`).
    #[serde(rename = "HK")]
    HongKong,
    /// Macau (`MO`).
    #[serde(rename = "MO")]
    Macau,
    /// Taiwan (`TW`).
    #[serde(rename = "TW")]
    Taiwan,
    /// Singapore (`SG`).
    #[serde(rename = "SG")]
    Singapore,
    /// Malaysia (`MY`).
    #[serde(rename = "MY")]
    Malaysia,
}

impl Region {
    /// Every region, in code order of the evidence list.
    pub const ALL: [Region; 6] = [
        Region::Mainland,
        Region::HongKong,
        Region::Macau,
        Region::Taiwan,
        Region::Singapore,
        Region::Malaysia,
    ];

    /// The ISO 3166-1 alpha-2 code: `CN`, `HK`, `MO`, `TW`, `SG`, `MY`.
    pub fn code(self) -> &'static str {
        match self {
            Region::Mainland => "CN",
            Region::HongKong => "HK",
            Region::Macau => "MO",
            Region::Taiwan => "TW",
            Region::Singapore => "SG",
            Region::Malaysia => "MY",
        }
    }

    /// The ISO 4217 code of the region's currency, which bare `元` means.
    pub fn currency(self) -> &'static str {
        match self {
            Region::Mainland => "CNY",
            Region::HongKong => "HKD",
            Region::Macau => "MOP",
            Region::Taiwan => "TWD",
            Region::Singapore => "SGD",
            Region::Malaysia => "MYR",
        }
    }

    /// The month in which the region's fiscal year starts: April in Hong
    /// Kong and Singapore, January elsewhere.
    pub fn fiscal_year_start_month(self) -> u32 {
        match self {
            Region::HongKong | Region::Singapore => 4,
            _ => 1,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Region {
    type Err = Error;

    fn from_str(name: &str) -> Result<Region, Error> {
        let key: String = name
            .chars()
            .filter(|c| !matches!(c, ' ' | '_' | '-'))
            .flat_map(char::to_lowercase)
            .collect();
        let region = match key.as_str() {
            "cn" | "mainland" | "china" | "mainlandchina" | "prc" => Region::Mainland,
            "hk" | "hongkong" => Region::HongKong,
            "mo" | "macau" | "macao" => Region::Macau,
            "tw" | "taiwan" => Region::Taiwan,
            "sg" | "singapore" => Region::Singapore,
            "my" | "malaysia" => Region::Malaysia,
            _ => {
                return Err(Error::region(format!(
                    "unknown region {name:?} (known: CN, HK, MO, TW, SG, MY)"
                )))
            }
        };
        Ok(region)
    }
}

static EVIDENCE_LIST: &str = include_str!("../../data/words/region_evidence.tsv");

/// The script an article is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Script {
    Simplified,
    Traditional,
}

/// The script of a text: Traditional when at least one Han character in
/// twenty is one that normalization simplified.
pub(crate) fn script_of(normalized: &Normalized) -> Script {
    let (han, simplified) = normalized.han_and_simplified();
    if han > 0 && simplified * 20 >= han {
        Script::Traditional
    } else {
        Script::Simplified
    }
}

/// One evidence word's region, weight and the script it speaks in (a word
/// such as `我国` means the mainland in Simplified text and Taiwan in
/// Traditional).
#[derive(Clone, Copy)]
struct Clue {
    region: Region,
    weight: u32,
    script: Option<Script>,
}

/// The evidence words by their first character, and each word's clues.
struct Evidence {
    /// The first characters of the words (all in the Basic Multilingual
    /// Plane): most characters of a text open none, and are passed on one
    /// load.
    first_chars: CharBits,
    /// The words' first two characters, hashed: most characters that open
    /// a word are followed by none that goes on with one (every word has
    /// two characters at least).
    first_pairs: PairBits,
    /// The words, longest first.
    words: ByEdge<Word>,
    clues: Vec<Vec<Clue>>,
}

impl Evidence {
    /// The offsets of the characters of `text` that open an evidence word,
    /// in text order: where [`Evidence::find_iter`] looks.
    fn openings(&self, text: &str) -> Vec<usize> {
        let mut openings = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            // Most characters open no word: one bitmap load from their
            // bytes passes them, undecoded.
            let (opens, len) = self.first_chars.at(text, pos);
            if opens {
                openings.push(pos);
            }
            pos += len;
        }
        openings
    }

    /// The evidence words of `text`, leftmost first and the longest of
    /// those that start at one place, none overlapping another: each with
    /// its start and its index in `clues`. `openings` are the text's
    /// [`Evidence::openings`].
    fn find_iter<'a>(
        &'a self,
        text: &'a str,
        openings: &'a [usize],
    ) -> impl Iterator<Item = (usize, usize)> + 'a {
        let bytes = text.as_bytes();
        let mut openings = openings.iter();
        std::iter::from_fn(move || {
            while let Some(&start) = openings.next() {
                let window = window_at(bytes, start);
                if !self.first_pairs.may_open(window) {
                    continue;
                }
                // The words of one first character, longest first: their
                // heads ruled out in the window before their bytes are read.
                let rest = &bytes[start..];
                let first = self.words.at(&text[start..]).find(|word| {
                    window & word.mask == word.head && rest.starts_with(word.text.as_bytes())
                });
                if let Some(word) = first {
                    // The openings inside the word are passed.
                    let end = start + word.text.len();
                    while openings.as_slice().first().is_some_and(|&next| next < end) {
                        openings.next();
                    }
                    return Some((start, word.clues));
                }
            }
            None
        })
    }
}

/// Pairs of characters, hashed into a bitmap of 2^16 bits from the bytes
/// of a [`window_at`] their first character's start.
struct PairBits(Box<[u64; 1024]>);

impl PairBits {
    /// The bits of the first two characters of `words` (each has two).
    fn of<'a>(words: impl Iterator<Item = &'a str>) -> PairBits {
        let mut bits = Box::new([0u64; 1024]);
        for word in words {
            if let Some(bit) = PairBits::bit(window_at(word.as_bytes(), 0)) {
                bits[bit / 64] |= 1 << (bit % 64);
            }
        }
        PairBits(bits)
    }

    /// False when the two characters at the head of `window` are no pair
    /// of the set (or the window holds one character only).
    #[inline]
    fn may_open(&self, window: u64) -> bool {
        PairBits::bit(window).is_some_and(|bit| self.0[bit / 64] & (1 << (bit % 64)) != 0)
    }

    /// The bit of the first two characters of `window`: their bytes,
    /// hashed by one multiplication.
    #[inline]
    fn bit(window: u64) -> Option<usize> {
        // Most pairs are two characters of three bytes (two Han
        // characters): their six bytes, without the table.
        if window & 0xF0 == 0xE0 && (window >> 24) & 0xF0 == 0xE0 {
            return Some(PairBits::hash(window & 0xFFFF_FFFF_FFFF));
        }
        let width = |lead: u64| u64::from(CHARACTER_WIDTHS[(lead & 0xFF) as usize]);
        let first = width(window);
        let second = width(window >> (8 * first));
        if first == 0 || second == 0 {
            return None;
        }
        let pair = window & (u64::MAX >> (64 - 8 * (first + second)));
        Some(PairBits::hash(pair))
    }

    /// The bit of the bytes of a pair: one multiplication.
    #[inline]
    fn hash(pair: u64) -> usize {
        (pair.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize
    }
}

/// The length in bytes of the character a byte opens, by the byte: 0 for
/// none (the zero a window reads past the end of its text), 4 for the
/// bytes that open no shorter one.
static CHARACTER_WIDTHS: [u8; 256] = {
    let mut widths = [4; 256];
    let mut byte = 0;
    while byte < 256 {
        widths[byte] = match byte {
            0 => 0,
            0x01..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        byte += 1;
    }
    widths
};

/// An evidence word, with its head as [`head_of`] gives it.
struct Word {
    text: &'static str,
    head: u64,
    mask: u64,
    /// Its index in `clues`.
    clues: usize,
}

static EVIDENCE: LazyLock<Evidence> = LazyLock::new(|| {
    let mut words: Vec<&str> = Vec::new();
    let mut clues: Vec<Vec<Clue>> = Vec::new();
    for row in rows(EVIDENCE_LIST) {
        let (word, code, weight) = match row[..] {
            [word, code, weight] | [word, code, weight, _] => (word, code, weight),
            _ => continue,
        };
        let (Ok(region), Ok(weight)) = (code.parse::<Region>(), weight.parse::<u32>()) else {
            continue;
        };
        let script = match row.get(3).copied() {
            Some("S") => Some(Script::Simplified),
            Some("T") => Some(Script::Traditional),
            _ => None,
        };
        let clue = Clue {
            region,
            weight,
            script,
        };
        match words.iter().position(|w| *w == word) {
            Some(i) => clues[i].push(clue),
            None => {
                words.push(word);
                clues.push(vec![clue]);
            }
        }
    }
    let first_chars = CharBits::of(words.iter().filter_map(|w| w.chars().next()));
    let first_pairs = PairBits::of(words.iter().copied());
    let mut words: Vec<Word> = words
        .into_iter()
        .enumerate()
        .map(|(clues, text)| {
            let (head, mask) = head_of(text);
            Word {
                text,
                head,
                mask,
                clues,
            }
        })
        .collect();
    // Longest first: the first word of a character that the text starts
    // with is the longest (the words are distinct).
    words.sort_by_key(|word| std::cmp::Reverse(word.text.len()));
    Evidence {
        first_chars,
        first_pairs,
        words: ByEdge::new(words, Edge::First, |word| word.text),
        clues,
    }
});

/// How many lines count as the header, whose evidence weighs double.
const HEADER_LINES: usize = 3;
/// A word counts at most this many times: one word repeated does not
/// outweigh several kinds of evidence.
const MAX_REPEATS: u32 = 3;
/// The least score that decides a region.
const MIN_SCORE: u32 = 4;

/// What the script alone says: Traditional text leans to Taiwan, whose
/// papers carry fewer marks of their region than Hong Kong's or Macau's;
/// Simplified text to the mainland, whose papers carry fewer than
/// Singapore's or Malaysia's. Neither decides alone.
const TRADITIONAL_PRIOR: u32 = 3;
const SIMPLIFIED_PRIOR: u32 = 2;

/// The characters that open an evidence word: a pass that reads the text
/// for other ends lists them ([`infer_at`]).
pub(crate) fn evidence_openers() -> &'static CharBits {
    &EVIDENCE.first_chars
}

/// The offsets of the characters of `text` that open an evidence word
/// ([`evidence_openers`]), in text order.
pub(crate) fn openings(text: &str) -> Vec<usize> {
    EVIDENCE.openings(text)
}

/// [`infer_at`] the [`openings`] of `text`.
#[cfg(test)]
pub(crate) fn infer(text: &str, script: Script) -> Option<Region> {
    let line_breaks: Vec<usize> = text.match_indices('\n').map(|(at, _)| at).collect();
    infer_at(
        text,
        script,
        &openings(text),
        header_end(&line_breaks, text.len()),
    )
}

/// Where the header of a text of `text_len` bytes ends: at its
/// [`HEADER_LINES`]th line break (`line_breaks` are their offsets, in
/// text order), or at its end.
pub(crate) fn header_end(line_breaks: &[usize], text_len: usize) -> usize {
    line_breaks
        .get(HEADER_LINES - 1)
        .copied()
        .unwrap_or(text_len)
}

/// The region of an article, from its normalized (Simplified) `text` and
/// the script of its original, when the evidence decides it: the region
/// with the highest score, at least [`MIN_SCORE`] and half again as high
/// as the next. `openings` are the offsets of the text's characters that
/// open an evidence word ([`openings`]); no other is read. Evidence before
/// `header_end` ([`header_end`]) weighs double.
#[inline(never)] // called once a document: kept apart, so profiles show it
pub(crate) fn infer_at(
    text: &str,
    script: Script,
    openings: &[usize],
    header_end: usize,
) -> Option<Region> {
    let evidence = &*EVIDENCE;
    let mut seen = vec![0u32; evidence.clues.len()];
    let mut scores = [0u32; Region::ALL.len()];
    match script {
        Script::Traditional => scores[Region::Taiwan.index()] += TRADITIONAL_PRIOR,
        Script::Simplified => scores[Region::Mainland.index()] += SIMPLIFIED_PRIOR,
    }
    for (start, word) in evidence.find_iter(text, openings) {
        seen[word] += 1;
        if seen[word] > MAX_REPEATS {
            continue;
        }
        let factor = if start < header_end { 2 } else { 1 };
        for clue in &evidence.clues[word] {
            if clue.script.is_none_or(|s| s == script) {
                scores[clue.region.index()] += clue.weight * factor;
            }
        }
    }
    let mut ranked: Vec<(u32, Region)> = Region::ALL
        .iter()
        .map(|&r| (scores[r.index()], r))
        .collect();
    ranked.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
    let (best, region) = ranked[0];
    let second = ranked[1].0;
    (best >= MIN_SCORE && best * 2 >= second * 3).then_some(region)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infer_simplified(text: &str) -> Option<Region> {
        infer(text, Script::Simplified)
    }

    #[test]
    fn script_counts_traditional_characters() {
        let script = |text: &str| script_of(&crate::text::normalize::normalize(text));
        assert_eq!(script("濰坊質量品牌建設捷報頻傳"), Script::Traditional);
        assert_eq!(script("潍坊质量品牌建设捷报频传"), Script::Simplified);
        assert_eq!(script("GDP 3.1%"), Script::Simplified);
    }

    #[test]
    fn words_of_one_script_speak_for_their_region() {
        // 我国 in a Taiwan paper is Taiwan; 报导 is Taiwan's spelling.
        let text = "【吴佩如╱台北报导】我国跨海诉讼要求将林引渡回台，我国监狱不人道";
        assert_eq!(infer(text, Script::Traditional), Some(Region::Taiwan));
        assert_eq!(
            infer("我国西部地区进出口增长", Script::Simplified),
            Some(Region::Mainland)
        );
        assert_eq!(infer("国家地区进出口增长", Script::Simplified), None);
    }

    #[test]
    fn currency_and_institutions_decide() {
        assert_eq!(
            infer_simplified("政府今日公布，录得439亿港元盈余，立法会财委会将讨论。"),
            Some(Region::HongKong)
        );
        assert_eq!(
            infer_simplified("(中央社记者钟荣峰台北12日电)鸿海第2季税后净利为新台币228.8亿元"),
            Some(Region::Taiwan)
        );
        assert_eq!(
            infer_simplified("2025年柔佛州财政预算案将拨款1200万令吉给华印社群"),
            Some(Region::Malaysia)
        );
        assert_eq!(
            infer_simplified("据经科局公布，截至3月，澳门居民消费总额达3亿澳门元"),
            Some(Region::Macau)
        );
        assert_eq!(
            infer_simplified("据海关统计，今年前8个月，我国西部地区进出口2.59万亿元"),
            Some(Region::Mainland)
        );
    }

    #[test]
    fn one_foreign_word_in_a_mainland_story_does_not_move_it() {
        let text = "新华社北京电 国家统计局今天发布，全国规模以上工业增加值同比增长5%。\
                    港股恒生指数收涨，成交额800亿港元。";
        assert_eq!(infer_simplified(text), Some(Region::Mainland));
    }

    #[test]
    fn no_evidence_leaves_the_region_unknown() {
        assert_eq!(infer_simplified("他说今天天气很好。"), None);
        assert_eq!(infer_simplified(""), None);
    }

    #[test]
    fn every_evidence_word_has_two_characters_of_the_bmp() {
        // The scan passes a character on the bitmaps of first characters
        // and of first pairs.
        for row in rows(EVIDENCE_LIST) {
            let mut chars = row[0].chars();
            let (first, second) = (chars.next(), chars.next());
            assert!(first.is_some_and(|c| u32::from(c) < 0x10000), "{row:?}");
            assert!(second.is_some(), "{row:?}");
        }
    }

    #[test]
    fn regions_parse_from_codes_and_names() {
        assert_eq!("TW".parse::<Region>().unwrap(), Region::Taiwan);
        assert_eq!("Macao".parse::<Region>().unwrap(), Region::Macau);
        assert_eq!("mainland".parse::<Region>().unwrap(), Region::Mainland);
        assert!("Mars".parse::<Region>().unwrap_err().is_invalid_region());
    }
}
