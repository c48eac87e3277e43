//! Normalization for matching, with a map back to the original offsets.
//!
//! Web text comes in Traditional and Simplified script, with full-width
//! digits and letters, and sometimes with pinyin written after characters
//! (`發(fā)力` for 发力). The extractors match on one canonical form; the
//! [`Normalized`] value keeps a map from that form back to the input so
//! every fact can report its span in the text the caller gave.
//!
//! What changes, character by character:
//! - Traditional characters become Simplified, one character for one, from
//!   OpenCC's character table (`data/ts_characters.tsv`).
//! - Full-width ASCII (`１２．５％`, `ＧＤＰ`) becomes half-width; the
//!   Chinese punctuation `！（），：；？` stays; U+3000 becomes a space.
//! - A parenthesised pinyin syllable right after a Chinese character is
//!   dropped: `項(xiàng)` becomes `项`. Ordinary brackets (`(GDP)`,
//!   `（記者 王明）`, `(2023)`) stay.
//!
//! Dropped text belongs to the character before it, so a span that ends
//! after `项` ends after `(xiàng)` in the original.

use crate::lexicon::{CharBits, CharTable, ThreeByteBits};
use crate::span::Span;
use std::sync::LazyLock;

/// Text in canonical form, with the way back to the original offsets.
///
/// ```
/// let normalized = zhfacts::normalize("發(fā)力六項(xiàng)行動(dòng)");
/// assert_eq!(normalized.text(), "发力六项行动");
/// // 六项 in the normalized text is 六項(xiàng) in the original.
/// let span = normalized.to_original(zhfacts::Span::new(6, 12));
/// assert_eq!(span, zhfacts::Span::new(11, 25));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    original_len: usize,
    /// `(normalized offset, original offset)` pairs, sorted and strictly
    /// increasing in the first field, where the difference between the two
    /// offsets changes. Between anchors the two texts advance together.
    anchors: Vec<(usize, usize)>,
    /// How many Han characters the text holds, and how many of them were
    /// Traditional forms made Simplified.
    han_chars: usize,
    simplified_chars: usize,
}

impl Normalized {
    /// How many Han characters the text holds, and how many of them were
    /// Traditional forms that normalization made Simplified.
    pub(crate) fn han_and_simplified(&self) -> (usize, usize) {
        (self.han_chars, self.simplified_chars)
    }

    /// The normalized text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when normalization changed nothing.
    pub fn is_identity(&self) -> bool {
        self.anchors.is_empty() && self.text.len() == self.original_len
    }

    /// Maps a byte offset in the normalized text (on a character boundary)
    /// to the matching offset in the original, in O(log n).
    pub fn offset_to_original(&self, offset: usize) -> usize {
        if offset >= self.text.len() {
            return self.original_len;
        }
        let index = self.anchors.partition_point(|&(norm, _)| norm <= offset);
        match index.checked_sub(1).map(|i| self.anchors[i]) {
            Some((norm, orig)) => orig + (offset - norm),
            None => offset,
        }
    }

    /// Maps a span of the normalized text to the original text.
    pub fn to_original(&self, span: Span) -> Span {
        Span::new(
            self.offset_to_original(span.start),
            self.offset_to_original(span.end),
        )
    }
}

/// Normalizes `text` for matching.
///
/// - Traditional characters become Simplified, one for one (OpenCC's
///   character table).
/// - Full-width ASCII (`１２．５％`, `ＧＤＰ`) becomes half-width; the
///   Chinese punctuation `！（），：；？` stays; U+3000 becomes a space.
/// - A parenthesised pinyin syllable right after a Chinese character is
///   dropped (`項(xiàng)` → `项`); ordinary brackets (`(GDP)`, `（記者
///   王明）`, `(2023)`) stay. Dropped text belongs to the character before it.
///
/// Normalizing the result again changes nothing.
///
/// ```
/// use zhfacts::{normalize, Span};
/// let original = "發(fā)力六項(xiàng)，增長１２．５％";
/// let normalized = normalize(original);
/// assert_eq!(normalized.text(), "发力六项，增长12.5%");
/// // `六项` in the normalized text is `六項(xiàng)` in the original.
/// let span = normalized.to_original(Span::new(6, 12));
/// assert_eq!(&original[span], "六項(xiàng)");
/// ```
pub fn normalize(text: &str) -> Normalized {
    normalize_noting(text, &NOTHING, &mut |_, _, _| {})
}

/// [`normalize`], handing `note` every character of the lists of `noting`
/// the normalized text holds, with its offset there and the bits of the
/// lists it is in ([`Noting::of`]), in text order: the steps after
/// normalization find the characters they start at without reading the
/// text again.
pub(crate) fn normalize_noting(
    text: &str,
    noting: &Noting,
    note: &mut impl FnMut(usize, char, u8),
) -> Normalized {
    normalize_passing_kept_runs(text, true, noting, note)
}

/// Lists of characters of the Basic Multilingual Plane for
/// [`normalize_noting`] to note, and the Han characters it passes without
/// a second look: those it keeps and does not note, most of a Chinese
/// text.
pub(crate) struct Noting {
    /// For every character of the plane: [`KEPT_CLASS`], [`HAN_CLASS`] and
    /// the bits of the lists it is in.
    classes: CharTable,
    /// The Han characters it keeps and does not note, read from their
    /// bytes as they stand.
    passed_han: ThreeByteBits,
}

/// The class bit of the characters of [`KEPT`].
const KEPT_CLASS: u8 = 1 << 7;
/// The class bit of the Han characters ([`is_bmp_han`]).
const HAN_CLASS: u8 = 1 << 6;
/// The class bit of the characters that may open what normalization drops
/// after the character before them ([`may_drop_before`]).
const OPENS_DROP_CLASS: u8 = 1 << 5;
/// The class bits of the noted lists.
const NOTED_CLASSES: u8 = OPENS_DROP_CLASS - 1;

impl Noting {
    /// Noting the characters of `lists` (five at most): those of `lists[i]`
    /// are handed over with bit `1 << i` set.
    pub(crate) fn of(lists: &[&CharBits]) -> Noting {
        assert!(lists.len() <= 5, "five lists at most");
        let kept = &*KEPT;
        let classes = CharTable::of(|code| {
            let listed = lists
                .iter()
                .enumerate()
                .filter(|(_, list)| list.contains_code(code))
                .fold(0, |bits, (i, _)| bits | 1 << i);
            let kept = if kept.contains_code(code) {
                KEPT_CLASS
            } else {
                0
            };
            let han = if is_bmp_han(code) { HAN_CLASS } else { 0 };
            let opens_drop = if matches!(code, 0x20 | 0x28 | 0x3000 | 0xFF08) {
                OPENS_DROP_CLASS
            } else {
                0
            };
            listed | kept | han | opens_drop
        });
        let passed_han = ThreeByteBits::of(
            (0x800..0x10000)
                .filter(|&code| classes.get(code) == KEPT_CLASS | HAN_CLASS)
                .filter_map(char::from_u32),
        );
        Noting {
            classes,
            passed_han,
        }
    }

    /// The bits of the lists `c` is in (0 for none).
    #[inline]
    fn lists_of(&self, c: char) -> u8 {
        self.classes.get(u32::from(c)) & NOTED_CLASSES
    }
}

/// No character: what [`normalize`] notes.
static NOTHING: LazyLock<Noting> = LazyLock::new(|| Noting::of(&[]));

/// [`normalize_noting`], passing the runs of characters that stay as they
/// are through [`kept_run`] when `pass_kept_runs` is set, else reading every
/// character in the loop (the tests compare the two).
fn normalize_passing_kept_runs(
    text: &str,
    pass_kept_runs: bool,
    noting: &Noting,
    note: &mut impl FnMut(usize, char, u8),
) -> Normalized {
    let mut out = String::with_capacity(text.len());
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    let delta_changed = |out_len: usize, orig_pos: usize, anchors: &mut Vec<(usize, usize)>| {
        let delta = orig_pos as isize - out_len as isize;
        let last_delta = anchors.last().map_or(0, |&(n, o)| o as isize - n as isize);
        if delta != last_delta {
            if anchors.last().is_some_and(|&(n, _)| n == out_len) {
                anchors.pop();
            }
            anchors.push((out_len, orig_pos));
        }
    };
    let mut pos = 0;
    // The start of the characters read that stay as they are and are not
    // yet copied: they are copied as one slice.
    let mut unchanged_from = 0;
    let (mut han_chars, mut simplified_chars) = (0, 0);
    loop {
        if pass_kept_runs {
            // Where the run starts in the normalized text: after what is
            // written and what is read unchanged since.
            let run_at = out.len() + (pos - unchanged_from);
            let (run_end, run_han_chars) = kept_run(text, pos, run_at, noting, note);
            pos = run_end;
            han_chars += run_han_chars;
        }
        let Some(c) = text[pos..].chars().next() else {
            break;
        };
        let next = pos + c.len_utf8();
        let mut mapped = fold_char(c);
        // Most characters keep their length and are followed by nothing
        // normalization drops: they take none of the checks below (the
        // offsets advance together, so no anchor is due).
        if c != '，'
            && mapped.len_utf8() == c.len_utf8()
            && !may_drop_before(&text.as_bytes()[next..])
        {
            let lists = noting.lists_of(mapped);
            if lists != 0 {
                note(out.len() + (pos - unchanged_from), mapped, lists);
            }
            if mapped != c {
                out.push_str(&text[unchanged_from..pos]);
                out.push(mapped);
                unchanged_from = next;
            }
            pos = next;
            if is_han(mapped) {
                han_chars += 1;
                simplified_chars += usize::from(mapped != c);
            }
            continue;
        }
        out.push_str(&text[unchanged_from..pos]);
        // ９，９９９: a full-width comma between full-width digits groups
        // thousands, like the half-width one.
        if c == '，' {
            let full_width_digit = |d: Option<char>| d.is_some_and(|d| ('０'..='９').contains(&d));
            if full_width_digit(text[..pos].chars().next_back())
                && full_width_digit(text[next..].chars().next())
            {
                mapped = ',';
            }
        }
        let lists = noting.lists_of(mapped);
        if lists != 0 {
            note(out.len(), mapped, lists);
        }
        out.push(mapped);
        pos = next;
        if is_han(mapped) {
            han_chars += 1;
            simplified_chars += usize::from(mapped != c);
            while let Some(len) = pinyin_annotation_len(&text[pos..]) {
                pos += len;
            }
        }
        pos += spaces_inside_numeral(mapped, &text[pos..]);
        unchanged_from = pos;
        delta_changed(out.len(), pos, &mut anchors);
    }
    out.push_str(&text[unchanged_from..]);
    Normalized {
        text: out,
        original_len: text.len(),
        anchors,
        han_chars,
        simplified_chars,
    }
}

/// The end of the run of characters from `from` that normalization passes
/// through as they are, and how many of them are Han: characters it keeps
/// wherever they stand ([`KEPT`]), and `，` before anything but a
/// full-width digit, before which it drops nothing. Most of a Simplified
/// article is one such run, read here on one bitmap load a Han character
/// and one test a character of any other kind; the loop of [`normalize`] takes the character that ends it.
/// `note` is handed the characters of `noting` in the run, at their offsets
/// in the normalized text, where the run starts at `normalized_from`.
// Not inlined: the scan of most of the text gets registers of its own.
#[inline(never)]
fn kept_run(
    text: &str,
    from: usize,
    normalized_from: usize,
    noting: &Noting,
    note: &mut impl FnMut(usize, char, u8),
) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut at = from;
    // The Han characters read one by one, and the bytes of those passed
    // three at a time, counted once at the end.
    let mut han_chars = 0;
    let mut passed_bytes = 0;
    loop {
        // Most characters are Han characters normalization keeps and none
        // notes: passed on one bitmap load from their bytes, undecoded.
        // What follows the last of them is read below, as any character.
        let passed_from = at;
        let mut rest = &bytes[at..];
        while let [lead, second, third, ref after @ ..] = *rest {
            if !noting.passed_han.contains(lead, second, third) {
                break;
            }
            rest = after;
        }
        at = bytes.len() - rest.len();
        passed_bytes += at - passed_from;
        // The code point of a character of one to three bytes (the text is
        // UTF-8), and what follows it; one of four bytes, outside the
        // bitmap, ends the run.
        let continued = |byte: u8| u32::from(byte & 0x3F);
        let (code, rest) = match bytes[at..] {
            [lead @ 0xE0..=0xEF, second, third, ref rest @ ..] => (
                (u32::from(lead & 0x0F) << 12) | (continued(second) << 6) | continued(third),
                rest,
            ),
            [lead @ 0x00..=0x7F, ref rest @ ..] => (u32::from(lead), rest),
            [lead @ 0xC0..=0xDF, second, ref rest @ ..] => {
                ((u32::from(lead & 0x1F) << 6) | continued(second), rest)
            }
            _ => break,
        };
        let class = noting.classes.get(code);
        if class & OPENS_DROP_CLASS != 0 && at > passed_from {
            // The last Han character passed is followed by what may be
            // dropped: the loop of `normalize` takes it.
            return (at - 3, han_chars + passed_bytes / 3 - 1);
        }
        let passes = class & KEPT_CLASS != 0
            || (code == u32::from('，') && !starts_with_full_width_digit(rest));
        if !passes || may_drop_before(rest) {
            break;
        }
        han_chars += usize::from(class & HAN_CLASS != 0);
        let lists = class & NOTED_CLASSES;
        if lists != 0 {
            note(
                normalized_from + (at - from),
                char::from_u32(code).unwrap_or('\0'),
                lists,
            );
        }
        at = text.len() - rest.len();
    }
    (at, han_chars + passed_bytes / 3)
}

/// True for the code point of a Han character of the Basic Multilingual
/// Plane ([`is_han`] there): one load for most, whose block of 256 is all Han.
fn is_bmp_han(code: u32) -> bool {
    ALL_HAN_BLOCKS
        .get((code >> 8) as usize)
        .is_some_and(|&all_han| all_han)
        || (0x4D00..=0x4DBF).contains(&code)
}

/// The blocks of 256 code points of the Basic Multilingual Plane that are
/// all Han: U+3400 to U+4CFF, U+4E00 to U+9FFF, U+F900 to U+FAFF (the Han
/// of the block U+4D00 ends at U+4DBF).
static ALL_HAN_BLOCKS: [bool; 256] = {
    let mut all_han = [false; 256];
    let mut block = 0;
    while block < 256 {
        all_han[block] = matches!(block, 0x34..=0x4C | 0x4E..=0x9F | 0xF9 | 0xFA);
        block += 1;
    }
    all_han
};

/// The characters of the Basic Multilingual Plane that normalization keeps
/// wherever they stand: those [`fold_char`] leaves alone, but `，` (a
/// thousands comma between full-width digits).
static KEPT: LazyLock<CharBits> = LazyLock::new(|| {
    // What `fold_char` changes, listed rather than found by folding every
    // character of the plane (a test checks the two agree): U+3000, the
    // full-width forms but the Chinese punctuation, and the Traditional
    // characters of the table.
    let table = &*TS_TABLE;
    let full_width = ('\u{FF01}'..='\u{FF5E}').filter(|c| !"！（），：；？".contains(*c));
    let dense = (DENSE_START..)
        .zip(&table.dense)
        .filter(|&(_, &mapped)| mapped != '\0')
        .filter_map(|(code, _)| char::from_u32(code));
    let sparse = table.sparse.iter().map(|&(traditional, _)| traditional);
    let changed = ['\u{3000}', '，'].into_iter().chain(full_width);
    CharBits::all_but(changed.chain(dense).chain(sparse))
});

/// True when `rest` opens with a full-width digit, `０` to `９`.
fn starts_with_full_width_digit(rest: &[u8]) -> bool {
    matches!(rest, [0xEF, 0xBC, 0x90..=0x99, ..])
}

/// True when `rest` may open what normalization drops after a character:
/// a pinyin annotation (`(`, `（`) or a space inside a numeral (` `,
/// `\u{3000}`).
fn may_drop_before(rest: &[u8]) -> bool {
    // One load passes most characters; `（` is EF BC 88, U+3000 E3 80 80.
    match rest.first() {
        Some(&first) if !OPENS_DROP[usize::from(first)] => false,
        Some(b'(' | b' ') => true,
        Some(0xEF) => rest.get(1..3) == Some(&[0xBC, 0x88]),
        Some(0xE3) => rest.get(1..3) == Some(&[0x80, 0x80]),
        _ => false,
    }
}

/// The first bytes of what [`may_drop_before`] looks for: `(`, a space,
/// and the leads of `（` and U+3000.
static OPENS_DROP: [bool; 256] = {
    let mut opens = [false; 256];
    opens[b'(' as usize] = true;
    opens[b' ' as usize] = true;
    opens[0xEF] = true;
    opens[0xE3] = true;
    opens
};

/// `text` with its pinyin annotations removed and nothing else changed:
/// `發(fā)力` → `發力`. Metadata keeps the original script this way.
pub(crate) fn strip_annotations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        out.push(c);
        pos += c.len_utf8();
        if is_han(fold_char(c)) {
            while let Some(len) = pinyin_annotation_len(&text[pos..]) {
                pos += len;
            }
        }
    }
    out
}

/// Characters of numerals: digits, Chinese digits and place units.
fn is_core_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || "零〇○一二三四五六七八九十百千万亿兆两壹贰叁肆伍陆柒捌玖拾佰仟廿卅卌".contains(c)
}

/// The length of a run of spaces inside a numeral (`一百 五 十`,
/// `7 万5 千`, `百 分 之 2`), which normalization drops; 0 elsewhere.
/// Spaces between two Arabic digits stay (`1 2 3` is a list).
fn spaces_inside_numeral(before: char, rest: &str) -> usize {
    // The bytes of the run, counted no further than past 6: a longer run
    // is no space inside a numeral, and is not read to its end from every
    // position in it.
    let mut run = 0;
    for c in rest.chars() {
        if run > 6 || !matches!(c, ' ' | '\u{3000}') {
            break;
        }
        run += c.len_utf8();
    }
    if run == 0 || run > 6 {
        return 0;
    }
    let Some(after) = rest[run..].chars().next().map(fold_char) else {
        return 0;
    };
    let joins = |c: char| is_core_numeral(c) || "点分之又余几个成折年月日号时秒天周".contains(c);
    let both_digits = before.is_ascii_digit() && after.is_ascii_digit();
    let core_side = (is_core_numeral(before) && joins(after) && !before.is_ascii_digit())
        || (is_core_numeral(after) && joins(before) && !after.is_ascii_digit())
        || (before.is_ascii_digit() && "万亿千百十余个成折年月日号时秒天周".contains(after))
        || ("之点又".contains(before) && after.is_ascii_digit());
    let word_pair = matches!((before, after), ('分', '之') | ('个', '百') | ('分', '点'));
    if !both_digits && (core_side || word_pair) {
        run
    } else {
        0
    }
}

/// Full-width ASCII to half-width and Traditional to Simplified.
fn fold_char(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '！' | '（' | '）' | '，' | '：' | '；' | '？' => c,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => to_simplified_char(c),
    }
}

/// The Simplified form of one character (itself when it has none).
pub(crate) fn to_simplified_char(c: char) -> char {
    let table = &*TS_TABLE;
    let code = c as u32;
    if (DENSE_START..DENSE_END).contains(&code) {
        let mapped = table.dense[(code - DENSE_START) as usize];
        if mapped != '\0' {
            return mapped;
        }
        return c;
    }
    // Most characters outside the dense range (ASCII, punctuation) come
    // before every sparse one.
    if table.sparse.first().is_none_or(|&(first, _)| c < first) {
        return c;
    }
    match table.sparse.binary_search_by_key(&c, |&(t, _)| t) {
        Ok(i) => table.sparse[i].1,
        Err(_) => c,
    }
}

/// True for characters of the CJK ideograph blocks.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

const DENSE_START: u32 = 0x3400;
const DENSE_END: u32 = 0xA000;

struct TsTable {
    /// Indexed by code point minus `DENSE_START`; `'\0'` where unmapped.
    dense: Vec<char>,
    /// Mappings outside the dense range, sorted by the Traditional side.
    sparse: Vec<(char, char)>,
}

static TS_DATA: &str = include_str!("../../data/ts_characters.tsv");

static TS_TABLE: LazyLock<TsTable> = LazyLock::new(|| {
    let mut pairs: Vec<(char, char)> = TS_DATA
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .filter_map(|line| {
            let (trad, simp) = line.split_once('\t')?;
            let mut t = trad.chars();
            let mut s = simp.chars();
            match (t.next(), t.next(), s.next(), s.next()) {
                (Some(t), None, Some(s), None) => Some((t, s)),
                _ => None,
            }
        })
        .collect();
    pairs.sort_unstable();
    pairs.dedup_by_key(|p| p.0);
    // Follow chains (薴 → 苧 → 苎) to their end so that folding is idempotent.
    let lookup = |c: char, pairs: &[(char, char)]| {
        pairs
            .binary_search_by_key(&c, |&(t, _)| t)
            .ok()
            .map(|i| pairs[i].1)
    };
    let resolved: Vec<(char, char)> = pairs
        .iter()
        .map(|&(t, mut s)| {
            for _ in 0..4 {
                match lookup(s, &pairs) {
                    Some(next) if next != s && next != t => s = next,
                    _ => break,
                }
            }
            (t, s)
        })
        .filter(|&(t, s)| t != s && lookup(s, &pairs).is_none())
        .collect();
    let mut dense = vec!['\0'; (DENSE_END - DENSE_START) as usize];
    let mut sparse = Vec::new();
    for (t, s) in resolved {
        let code = t as u32;
        if (DENSE_START..DENSE_END).contains(&code) {
            dense[(code - DENSE_START) as usize] = s;
        } else {
            sparse.push((t, s));
        }
    }
    TsTable { dense, sparse }
});

/// Length in bytes of a parenthesised pinyin syllable at the start of
/// `rest` (`(xiàng)`, `（fa1）`), or `None`.
fn pinyin_annotation_len(rest: &str) -> Option<usize> {
    let mut chars = rest.char_indices();
    let (_, open) = chars.next()?;
    let close = match open {
        '(' => ')',
        '（' => '）',
        _ => return None,
    };
    // A syllable opens with a letter: `（新闻联播）` is passed at its first
    // character.
    let first = rest[open.len_utf8()..].chars().next();
    if first.is_none_or(|c| toneless(fold_char(c)).is_none()) {
        return None;
    }
    let mut syllable = String::new();
    for (i, c) in chars {
        if c == close || (close == ')' && c == '）') || (close == '）' && c == ')') {
            return is_pinyin_syllable(&syllable).then_some(i + c.len_utf8());
        }
        if syllable.len() > 12 {
            return None;
        }
        syllable.push(fold_char(c));
    }
    None
}

/// True for one pinyin syllable, with tone marks, a tone digit or neither,
/// in lower case: `xiàng`, `lü4`, `de`.
fn is_pinyin_syllable(syllable: &str) -> bool {
    let mut plain = String::with_capacity(syllable.len());
    let mut chars = syllable.chars().peekable();
    while let Some(c) = chars.next() {
        let base = match toneless(c) {
            Some(base) => base,
            None if ('1'..='5').contains(&c) && chars.peek().is_none() && !plain.is_empty() => {
                break
            }
            None => return false,
        };
        plain.push(base);
    }
    // A bare vowel with no tone (`(a)`, `(e)`) is more likely a list label.
    let toned = syllable.chars().any(|c| !c.is_ascii_lowercase());
    if plain.len() == 1 && !toned {
        return false;
    }
    let rest = ["zh", "ch", "sh"]
        .iter()
        .find_map(|initial| plain.strip_prefix(initial))
        .or_else(|| {
            let first = plain.chars().next()?;
            "bpmfdtnlgkhjqxrzcsyw".contains(first).then(|| &plain[1..])
        })
        .unwrap_or(&plain);
    PINYIN_FINALS.contains(&rest) || (rest == "i" && plain.len() > 1)
}

/// The letter of pinyin `c` is, without its tone mark (`ü` as `v`):
/// `à` → `a`; `None` for what no syllable spells.
fn toneless(c: char) -> Option<char> {
    let base = match c {
        'a'..='z' => c,
        'ā' | 'á' | 'ǎ' | 'à' => 'a',
        'ē' | 'é' | 'ě' | 'è' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
        'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
        'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => 'v',
        _ => return None,
    };
    Some(base)
}

/// Pinyin finals as spelled after an initial (and alone, for syllables
/// without one); `v` stands for `ü`.
const PINYIN_FINALS: &[&str] = &[
    "a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er",
    "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong", "ua", "uo", "uai", "ui", "uan",
    "un", "uang", "ue", "ve", "van", "vn", "ueng",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_becomes_simplified() {
        assert_eq!(normalize("濰坊質量品牌建設").text(), "潍坊质量品牌建设");
        assert_eq!(normalize("一萬三千億").text(), "一万三千亿");
    }

    #[test]
    fn full_width_becomes_half_width() {
        let n = normalize("增長１２．５％，Ａ股");
        assert_eq!(n.text(), "增长12.5%，A股");
        let span = Span::new(6, 11);
        assert_eq!(&n.text()[span], "12.5%");
        assert_eq!(n.to_original(span), Span::new(6, 21));
    }

    #[test]
    fn pinyin_is_dropped_after_han_only() {
        assert_eq!(normalize("發(fā)布時(shí)間").text(), "发布时间");
        assert_eq!(normalize("報（bào）告").text(), "报告");
        assert_eq!(normalize("綠(lv4)色").text(), "绿色");
        for kept in [
            "GDP(GDP)增长",
            "（記者 王明）",
            "年(2023)",
            "（含）",
            "a(de)",
            "和(GDP)",
        ] {
            let n = normalize(kept);
            assert_eq!(n.text().chars().count(), kept.chars().count(), "{kept}");
        }
    }

    #[test]
    fn spaces_inside_numerals_are_dropped() {
        assert_eq!(normalize("一百 五 十 二").text(), "一百五十二");
        assert_eq!(normalize("7 萬5 千4 百").text(), "7万5千4百");
        assert_eq!(normalize("百 分 之 2").text(), "百分之2");
        assert_eq!(normalize("共 3 个").text(), "共 3个");
        assert_eq!(normalize("记者 王明").text(), "记者 王明");
    }

    #[test]
    fn dropped_text_joins_the_character_before_it() {
        let text = "六項(xiàng)行動(dòng)";
        let n = normalize(text);
        assert_eq!(n.text(), "六项行动");
        assert_eq!(&text[n.to_original(Span::new(0, 6))], "六項(xiàng)");
        assert_eq!(&text[n.to_original(Span::new(6, 9))], "行");
        assert_eq!(&text[n.to_original(Span::new(6, 12))], "行動(dòng)");
    }

    #[test]
    fn normalizing_twice_changes_nothing() {
        for text in ["發(fā)(fā)力", "發（ｆａ）力", "１２．５％", "薴麻"] {
            let once = normalize(text);
            let twice = normalize(once.text());
            assert_eq!(once.text(), twice.text(), "{text}");
            assert!(twice.is_identity(), "{text}");
        }
    }

    /// What a character can stand beside: what normalization changes,
    /// drops or keeps, of one to four bytes.
    const PIECES: &[&str] = &[
        "，", "０", "９", "１", "(", ")", "（", "）", " ", "\u{3000}", "xiàng", "fa1", "a", "發",
        "项", "薴", "一", "百", "之", "分", "7", "Ａ", "！", "é", "𠀀", "〇", "\n", "G",
    ];

    /// Every character of the Basic Multilingual Plane, noted by the tests.
    static EVERY_CHARACTER: LazyLock<Noting> =
        LazyLock::new(|| Noting::of(&[&CharBits::all_but(std::iter::empty())]));

    /// `text` normalized with or without passing kept runs, and the notes
    /// of every character of the plane.
    fn normalized_and_noted(text: &str, pass_kept_runs: bool) -> (Normalized, Vec<(usize, char)>) {
        let mut notes = Vec::new();
        let normalized =
            normalize_passing_kept_runs(text, pass_kept_runs, &EVERY_CHARACTER, &mut |at, c, _| {
                notes.push((at, c))
            });
        (normalized, notes)
    }

    /// The characters of the plane in `normalized`, with their offsets:
    /// what the notes must be.
    fn plane_characters(normalized: &Normalized) -> Vec<(usize, char)> {
        let text = normalized.text();
        text.char_indices()
            .filter(|&(_, c)| u32::from(c) < 0x10000)
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        #[test]
        fn kept_runs_change_nothing(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..24)
        ) {
            let text = pieces.concat();
            let (passing, notes) = normalized_and_noted(&text, true);
            proptest::prop_assert_eq!(&notes, &plane_characters(&passing));
            proptest::prop_assert_eq!((passing, notes), normalized_and_noted(&text, false));
        }
    }

    #[test]
    fn kept_runs_change_nothing_at_any_character() {
        let chars = (0..0x11000).filter_map(char::from_u32);
        for c in chars {
            for text in [format!("1{c}２"), format!("{c}(xiàng)"), format!("{c} 十")] {
                let (passing, notes) = normalized_and_noted(&text, true);
                assert_eq!(notes, plane_characters(&passing), "{c:?}");
                assert_eq!(
                    (passing, notes),
                    normalized_and_noted(&text, false),
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn notes_only_the_characters_asked_for() {
        let mut notes = Vec::new();
        let digits = CharBits::of("0123456789".chars());
        let ones = CharBits::of("1一".chars());
        let noting = Noting::of(&[&digits, &ones]);
        let normalized =
            normalize_noting("發(fā)力１２項一", &noting, &mut |at, c, lists| {
                notes.push((at, c, lists))
            });
        assert_eq!(normalized.text(), "发力12项一");
        assert_eq!(notes, [(6, '1', 0b11), (7, '2', 0b01), (11, '一', 0b10)]);
    }

    #[test]
    fn kept_characters_are_those_folding_keeps() {
        for code in 0..0x10000 {
            let kept = char::from_u32(code).is_some_and(|c| c != '，' && fold_char(c) == c);
            assert_eq!(KEPT.contains_code(code), kept, "{code:x}");
        }
    }

    #[test]
    fn classes_are_those_of_the_sets() {
        let digits = CharBits::of("0123456789".chars());
        let noting = Noting::of(&[&digits]);
        for code in 0..0x10000 {
            let class = noting.classes.get(code);
            assert_eq!(
                class & KEPT_CLASS != 0,
                KEPT.contains_code(code),
                "{code:x}"
            );
            assert_eq!(class & HAN_CLASS != 0, is_bmp_han(code), "{code:x}");
            let opens_drop =
                char::from_u32(code).is_some_and(|c| may_drop_before(c.to_string().as_bytes()));
            assert_eq!(class & OPENS_DROP_CLASS != 0, opens_drop, "{code:x}");
            assert_eq!(
                class & NOTED_CLASSES != 0,
                digits.contains_code(code),
                "{code:x}"
            );
        }
        assert_eq!(noting.classes.get(0x20000), 0);
    }

    #[test]
    fn passed_han_characters_are_kept_han_and_noted_in_no_list() {
        let digits = CharBits::of("0123456789一".chars());
        let noting = Noting::of(&[&digits]);
        for c in (0..0x10000).filter_map(char::from_u32) {
            let code = u32::from(c);
            let passed = KEPT.contains_code(code) && is_bmp_han(code) && !digits.contains(c);
            let mut bytes = [0; 4];
            let encoded = c.encode_utf8(&mut bytes).as_bytes();
            if let [lead, second, third] = *encoded {
                assert_eq!(
                    noting.passed_han.contains(lead, second, third),
                    passed,
                    "{c:?}"
                );
            }
        }
    }

    #[test]
    fn han_blocks_of_the_bmp_agree_with_is_han() {
        for c in (0..0x10000).filter_map(char::from_u32) {
            assert_eq!(is_bmp_han(u32::from(c)), is_han(c), "{c:?}");
        }
    }

    #[test]
    fn identity_keeps_offsets() {
        let n = normalize("今年上半年增长5%");
        assert!(n.is_identity());
        assert_eq!(n.offset_to_original(6), 6);
    }
}
