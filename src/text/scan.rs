//! The header and credit patterns of `meta`, read by hand.
//!
//! Each function finds what one regular expression (named in its doc)
//! finds, with the same leftmost-first choices, so the reports stay as they
//! were. Compiling those expressions cost more than reading every article
//! that needs them, and the credit pattern's lazy automaton kept rebuilding
//! its states on long runs of Han characters; these read a line once.

use std::ops::Range;

/// True for a character of the Han script (`\p{Han}`, Unicode 16).
pub(crate) fn is_han_script(c: char) -> bool {
    match c {
        '\u{4E00}'..='\u{9FFF}' => true,
        '\0'..='\u{2E7F}' => false,
        _ => HAN_RANGES.iter().any(|&(lo, hi)| (lo..=hi).contains(&c)),
    }
}

/// The Han script outside the common block, which [`is_han_script`]
/// tests first.
const HAN_RANGES: &[(char, char)] = &[
    ('\u{2E80}', '\u{2E99}'),
    ('\u{2E9B}', '\u{2EF3}'),
    ('\u{2F00}', '\u{2FD5}'),
    ('\u{3005}', '\u{3005}'),
    ('\u{3007}', '\u{3007}'),
    ('\u{3021}', '\u{3029}'),
    ('\u{3038}', '\u{303B}'),
    ('\u{3400}', '\u{4DBF}'),
    ('\u{F900}', '\u{FA6D}'),
    ('\u{FA70}', '\u{FAD9}'),
    ('\u{16FE2}', '\u{16FE3}'),
    ('\u{16FF0}', '\u{16FF1}'),
    ('\u{20000}', '\u{2A6DF}'),
    ('\u{2A700}', '\u{2B739}'),
    ('\u{2B740}', '\u{2B81D}'),
    ('\u{2B820}', '\u{2CEA1}'),
    ('\u{2CEB0}', '\u{2EBE0}'),
    ('\u{2EBF0}', '\u{2EE5D}'),
    ('\u{2F800}', '\u{2FA1D}'),
    ('\u{30000}', '\u{3134A}'),
    ('\u{31350}', '\u{323AF}'),
];

/// True for a decimal digit of any script (`\d`, Unicode 16): every such
/// run of ten starts at one of [`DIGIT_ZEROS`].
pub(crate) fn is_decimal_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    // No script between Mongolian and Vai (the Han block among them) has
    // decimal digits; beyond, they are numeric, and most characters are not.
    !('\u{1C5A}'..'\u{A620}').contains(&c)
        && c.is_numeric()
        && DIGIT_ZEROS
            .iter()
            .any(|&(zero, len)| (zero..zero + len).contains(&(c as u32)))
}

/// The zero of each run of decimal digits beyond ASCII, with the run's
/// length.
const DIGIT_ZEROS: &[(u32, u32)] = &[
    (0x0660, 10),
    (0x06F0, 10),
    (0x07C0, 10),
    (0x0966, 10),
    (0x09E6, 10),
    (0x0A66, 10),
    (0x0AE6, 10),
    (0x0B66, 10),
    (0x0BE6, 10),
    (0x0C66, 10),
    (0x0CE6, 10),
    (0x0D66, 10),
    (0x0DE6, 10),
    (0x0E50, 10),
    (0x0ED0, 10),
    (0x0F20, 10),
    (0x1040, 10),
    (0x1090, 10),
    (0x17E0, 10),
    (0x1810, 10),
    (0x1946, 10),
    (0x19D0, 10),
    (0x1A80, 10),
    (0x1A90, 10),
    (0x1B50, 10),
    (0x1BB0, 10),
    (0x1C40, 10),
    (0x1C50, 10),
    (0xA620, 10),
    (0xA8D0, 10),
    (0xA900, 10),
    (0xA9D0, 10),
    (0xA9F0, 10),
    (0xAA50, 10),
    (0xABF0, 10),
    (0xFF10, 10),
    (0x104A0, 10),
    (0x10D30, 10),
    (0x10D40, 10),
    (0x11066, 10),
    (0x110F0, 10),
    (0x11136, 10),
    (0x111D0, 10),
    (0x112F0, 10),
    (0x11450, 10),
    (0x114D0, 10),
    (0x11650, 10),
    (0x116C0, 10),
    (0x116D0, 20),
    (0x11730, 10),
    (0x118E0, 10),
    (0x11950, 10),
    (0x11BF0, 10),
    (0x11C50, 10),
    (0x11D50, 10),
    (0x11DA0, 10),
    (0x11F50, 10),
    (0x16130, 10),
    (0x16A60, 10),
    (0x16AC0, 10),
    (0x16B50, 10),
    (0x16D70, 10),
    (0x1CCF0, 10),
    (0x1D7CE, 50),
    (0x1E140, 10),
    (0x1E2F0, 10),
    (0x1E4F0, 10),
    (0x1E5F1, 10),
    (0x1E950, 10),
    (0x1FBF0, 10),
];

/// The words and marks of a line that the header and credit patterns need
/// (each a bit), with where the line's head ends and how many characters
/// it holds: one pass over the head gives what each pattern's gate asked
/// of the line with a substring search of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LineMarks {
    /// The end of the head, in bytes.
    pub(crate) end: usize,
    /// The characters of the head.
    pub(crate) chars: usize,
    bits: u32,
}

/// `来源`.
pub(crate) const SOURCE: u32 = 1;
/// `记者`.
pub(crate) const REPORTER: u32 = 1 << 1;
/// `通讯员`.
pub(crate) const CORRESPONDENT: u32 = 1 << 2;
/// `作者`.
pub(crate) const AUTHOR: u32 = 1 << 3;
/// `时间`.
pub(crate) const TIME_WORD: u32 = 1 << 4;
/// `日期`.
pub(crate) const DATE_WORD: u32 = 1 << 5;
/// `日电`, a wire dateline's end.
pub(crate) const DATELINE: u32 = 1 << 6;
/// `日讯`, a body credit's end.
pub(crate) const DAY_REPORT: u32 = 1 << 7;
/// `。`.
pub(crate) const FULL_STOP: u32 = 1 << 8;
/// `文`.
pub(crate) const WEN: u32 = 1 << 9;
/// `报`.
pub(crate) const BAO: u32 = 1 << 10;
/// `/` or `／`.
pub(crate) const SLASH: u32 = 1 << 11;
/// `|` or `｜`.
pub(crate) const BAR: u32 = 1 << 12;
/// `(` or `（`.
pub(crate) const BRACKET: u32 = 1 << 13;
/// `:` or `：` right after a decimal digit (`16:49`), as a clock has it.
pub(crate) const DIGIT_COLON: u32 = 1 << 14;
/// An ASCII digit.
pub(crate) const DIGIT: u32 = 1 << 15;

/// The UTF-8 bytes of a character of three bytes, as one number.
const fn key(c: char) -> u32 {
    let code = c as u32;
    ((0xE0 | code >> 12) << 16) | ((0x80 | (code >> 6 & 0x3F)) << 8) | (0x80 | (code & 0x3F))
}

/// The characters of three bytes that [`LineMarks`] reads: each ends a word
/// or is a mark.
const MARKED: [char; 13] = [
    '源', '者', '员', '间', '期', '电', '讯', '。', '文', '报', '／', '｜', '（',
];

/// The low six bits of the last bytes of [`MARKED`] (and `：`), as a set: a
/// character whose last byte is not in it is passed on one test.
const MARKED_LAST_BYTES: u64 = {
    let mut set = 1u64 << (key('：') & 0x3F);
    let mut i = 0;
    while i < MARKED.len() {
        set |= 1 << (key(MARKED[i]) & 0x3F);
        i += 1;
    }
    set
};

/// The character of three bytes at `at`, as [`key`] gives it.
fn key_at(bytes: &[u8], at: usize) -> u32 {
    (u32::from(bytes[at]) << 16) | (u32::from(bytes[at + 1]) << 8) | u32::from(bytes[at + 2])
}

impl LineMarks {
    /// The marks of the first `max_chars` characters of `line`, counted
    /// as they are read.
    pub(crate) fn of(line: &str, max_chars: usize) -> LineMarks {
        let bytes = line.as_bytes();
        let mut bits = 0;
        let mut p: usize = 0;
        let mut chars = 0;
        while chars < max_chars {
            // Most characters take three bytes (Han): a run of them, up to
            // the characters left, is read with one test of its end a
            // character and counted by its bytes. A marked one is known
            // first by its last byte, then by all three.
            let run_end = bytes
                .len()
                .min(p.saturating_add((max_chars - chars).saturating_mul(3)));
            let mut run = 0;
            for character in bytes[p..run_end].chunks_exact(3) {
                if character[0] & 0xF0 != 0xE0 {
                    break;
                }
                if MARKED_LAST_BYTES >> (character[2] & 0x3F) & 1 != 0 {
                    bits |= marks_ending_at(line, p + run, key_at(character, 0));
                }
                run += 3;
            }
            p += run;
            chars += run / 3;
            // The character after the run, if one is left to read: ASCII,
            // or of two or four bytes (a run stops before one of three
            // only when no character is left to read).
            let Some(&lead) = bytes.get(p).filter(|_| chars < max_chars) else {
                break;
            };
            debug_assert!(
                lead & 0xF0 != 0xE0,
                "a run stopped before a character of three bytes"
            );
            chars += 1;
            if lead < 0x80 {
                bits |= match lead {
                    b'0'..=b'9' => DIGIT,
                    b':' if after_decimal_digit(line, p) => DIGIT_COLON,
                    b'/' => SLASH,
                    b'|' => BAR,
                    b'(' => BRACKET,
                    _ => 0,
                };
                p += 1;
                continue;
            }
            p += if lead < 0xE0 { 2 } else { 4 };
        }
        LineMarks {
            end: p,
            chars,
            bits,
        }
    }

    /// True when the head holds any of `marks`.
    pub(crate) fn holds(&self, marks: u32) -> bool {
        self.bits & marks != 0
    }
}

/// The marks the character `found` at `at` gives, with the characters of
/// three bytes before it: a word is marked at its last character.
fn marks_ending_at(line: &str, at: usize, found: u32) -> u32 {
    let bytes = line.as_bytes();
    // A character of three bytes ends where `found` starts when its bytes
    // stand there (a lead byte opens no other character's middle).
    let after = |back: usize, c: char| at >= back && key_at(bytes, at - back) == key(c);
    const SOURCE_END: u32 = key('源');
    const ZHE: u32 = key('者');
    const YUAN: u32 = key('员');
    const JIAN: u32 = key('间');
    const QI: u32 = key('期');
    const DIAN: u32 = key('电');
    const XUN: u32 = key('讯');
    const STOP: u32 = key('。');
    const WEN_CHAR: u32 = key('文');
    const BAO_CHAR: u32 = key('报');
    const WIDE_SLASH: u32 = key('／');
    const WIDE_BAR: u32 = key('｜');
    const WIDE_BRACKET: u32 = key('（');
    const WIDE_COLON: u32 = key('：');
    let mark = |word: u32, holds: bool| if holds { word } else { 0 };
    match found {
        SOURCE_END => mark(SOURCE, after(3, '来')),
        ZHE => mark(REPORTER, after(3, '记')) | mark(AUTHOR, after(3, '作')),
        YUAN => mark(CORRESPONDENT, after(3, '讯') && after(6, '通')),
        JIAN => mark(TIME_WORD, after(3, '时')),
        QI => mark(DATE_WORD, after(3, '日')),
        DIAN => mark(DATELINE, after(3, '日')),
        XUN => mark(DAY_REPORT, after(3, '日')),
        STOP => FULL_STOP,
        WEN_CHAR => WEN,
        BAO_CHAR => BAO,
        WIDE_SLASH => SLASH,
        WIDE_BAR => BAR,
        WIDE_BRACKET => BRACKET,
        WIDE_COLON => mark(DIGIT_COLON, after_decimal_digit(line, at)),
        _ => 0,
    }
}

/// True when the character before offset `at` of `line` is a decimal digit.
fn after_decimal_digit(line: &str, at: usize) -> bool {
    line[..at].chars().next_back().is_some_and(is_decimal_digit)
}

/// The offset after the characters from `from` on that `keep` accepts,
/// at most `max` of them, with how many were read.
fn run(text: &str, from: usize, max: usize, keep: impl Fn(char) -> bool) -> (usize, usize) {
    let mut end = from;
    let mut count = 0;
    for c in text[from..].chars() {
        if count == max || !keep(c) {
            break;
        }
        end += c.len_utf8();
        count += 1;
    }
    (end, count)
}

/// The offset after the whitespace from `from` on (`\s*`).
fn after_spaces(text: &str, from: usize) -> usize {
    run(text, from, usize::MAX, char::is_whitespace).0
}

/// The offset after a colon at `from` (`[:：]`), if one stands there.
fn after_colon(text: &str, from: usize) -> Option<usize> {
    let rest = &text[from..];
    if rest.starts_with(':') {
        Some(from + 1)
    } else if rest.starts_with('：') {
        Some(from + '：'.len_utf8())
    } else {
        None
    }
}

/// The offset after `\s*[:：]\s*` from `from`, if its colon is there.
fn after_spaced_colon(text: &str, from: usize) -> Option<usize> {
    Some(after_spaces(
        text,
        after_colon(text, after_spaces(text, from))?,
    ))
}

/// The offset after `\s*[:：]?\s*` from `from`.
fn after_spaced_optional_colon(text: &str, from: usize) -> usize {
    let at = after_spaces(text, from);
    after_spaces(text, after_colon(text, at).unwrap_or(at))
}

/// A run of 2 to 4 Han characters from `from` (`\p{Han}{2,4}`, greedy).
fn han_name(text: &str, from: usize) -> Option<usize> {
    let (end, count) = run(text, from, 4, is_han_script);
    (count >= 2).then_some(end)
}

/// The outlet a `来源:` line names: group 1 of
/// `来源\s*[:：]\s*([^\s:：]{2,30}?)(?:\s|$|记者|作者)`.
pub(crate) fn source(line: &str) -> Option<Range<usize>> {
    line.match_indices("来源").find_map(|(at, word)| {
        let start = after_spaced_colon(line, at + word.len())?;
        let mut end = start;
        let mut count = 0;
        // The shortest run of two or more that a space, the line's end or
        // a byline ends.
        loop {
            let rest = &line[end..];
            let ends = rest.is_empty()
                || rest.starts_with(char::is_whitespace)
                || rest.starts_with("记者")
                || rest.starts_with("作者");
            if count >= 2 && ends {
                return Some(start..end);
            }
            match rest.chars().next() {
                Some(c) if count < 30 && !c.is_whitespace() && c != ':' && c != '：' => {
                    end += c.len_utf8();
                    count += 1;
                }
                _ => return None,
            }
        }
    })
}

/// A reporter's, correspondent's or author's credit in a line.
pub(crate) struct Credit {
    /// Where its title (`记者`, `通讯员`, `作者`) starts.
    pub(crate) start: usize,
    /// True when the title is `作者`.
    pub(crate) by_author: bool,
    /// The run of names after the title.
    pub(crate) names: Range<usize>,
}

/// The credits of a line, left to right, as the matches of
/// `(?:记者|通讯员|作者)\s*[:：]?\s*((?:\p{Han}{2,4}(?:/\p{Han}{1,3})?[ 　、，,]*)+)`
/// with their group 1.
pub(crate) fn credits(line: &str) -> impl Iterator<Item = Credit> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(found) = line[from..].find(['记', '通', '作']) {
            let at = from + found;
            if let Some(credit) = credit_at(line, at) {
                from = credit.names.end;
                return Some(credit);
            }
            // The three titles start with characters of three bytes.
            from = at + 3;
        }
        from = line.len();
        None
    })
}

/// The credit whose title starts at `at`, if a title and names stand there.
fn credit_at(line: &str, at: usize) -> Option<Credit> {
    let rest = &line[at..];
    let title = ["记者", "通讯员", "作者"]
        .into_iter()
        .find(|title| rest.starts_with(title))?;
    let start = after_spaced_optional_colon(line, at + title.len());
    Some(Credit {
        start: at,
        by_author: title == "作者",
        names: start..credit_names(line, start)?,
    })
}

/// The end of the names of a credit from `from` on, past the colon
/// after its title: `((?:\p{Han}{2,4}(?:/\p{Han}{1,3})?[ 　、，,]*)+)`.
fn credit_names(line: &str, from: usize) -> Option<usize> {
    let mut end = from;
    let mut names = 0;
    while let Some(name_end) = han_name(line, end) {
        end = name_end;
        // `贺德良/文图`: a role after a slash.
        if line[end..].starts_with('/') {
            let (role_end, count) = run(line, end + 1, 3, is_han_script);
            if count >= 1 {
                end = role_end;
            }
        }
        end = run(line, end, usize::MAX, |c| {
            matches!(c, ' ' | '　' | '、' | '，' | ',')
        })
        .0;
        names += 1;
    }
    (names > 0).then_some(end)
}

/// The editor's name: group 1 of `(?:责任编辑|责编|编辑)\s*[:：]\s*(\p{Han}{2,4})`.
pub(crate) fn editor(line: &str) -> Option<Range<usize>> {
    line.match_indices(['责', '编']).find_map(|(at, _)| {
        let rest = &line[at..];
        let title = ["责任编辑", "责编", "编辑"]
            .into_iter()
            .find(|title| rest.starts_with(title))?;
        let start = after_spaced_colon(line, at + title.len())?;
        Some(start..han_name(line, start)?)
    })
}

/// A reporter and a place (`记者陈正芬／云林报导`): group 1 of
/// `记者(\p{Han}{2,4})[／/]\p{Han}{1,6}报[导道]`.
pub(crate) fn reporter_and_place(line: &str) -> Option<Range<usize>> {
    line.match_indices("记者").find_map(|(at, title)| {
        let start = at + title.len();
        // The longest name first, as the greedy count tries them.
        (2..=4).rev().find_map(|name_chars| {
            let (end, count) = run(line, start, name_chars, is_han_script);
            let slash = line[end..].chars().next()?;
            if count < name_chars || !matches!(slash, '/' | '／') {
                return None;
            }
            let place_start = end + slash.len_utf8();
            let (_, place_chars) = run(line, place_start, 6, is_han_script);
            // A place of one to six characters, then 报导 or 报道 (报 is Han,
            // so the place may take it: each length is tried).
            let reported = (1..=place_chars).any(|chars| {
                let (place_end, _) = run(line, place_start, chars, is_han_script);
                line[place_end..].starts_with("报导") || line[place_end..].starts_with("报道")
            });
            reported.then_some(start..end)
        })
    })
}

/// An outlet alone in brackets, the whole line (`( 南洋商报)`): group 1
/// of `^[(（]\s*(\p{Han}{2,8}(?:日报|晚报|商报|时报|早报|新闻网|报|社))\s*[)）]$`.
pub(crate) fn outlet_signature(line: &str) -> Option<Range<usize>> {
    let open = line.chars().next().filter(|c| matches!(c, '(' | '（'))?;
    let start = after_spaces(line, open.len_utf8());
    let (end, _) = run(line, start, usize::MAX, is_han_script);
    // Spaces, then the closing bracket as the line's last character.
    let rest = line[end..].trim_start_matches(char::is_whitespace);
    let mut closing = rest.chars();
    if !matches!(closing.next(), Some(')' | '）')) || closing.next().is_some() {
        return None;
    }
    // The Han run is the group whole (what follows it is no Han): it must
    // end in an outlet's word after two to eight characters.
    let outlet = &line[start..end];
    let named = ["日报", "晚报", "商报", "时报", "早报", "新闻网", "报", "社"]
        .iter()
        .filter_map(|word| outlet.strip_suffix(word))
        .any(|name| (2..=8).contains(&name.chars().count()));
    named.then_some(start..end)
}

/// A reporter in brackets closing a line: group 1 of
/// `[(（]记者\s*(\p{Han}{2,4})[)）]\s*$`.
pub(crate) fn trailing_credit(line: &str) -> Option<Range<usize>> {
    line.match_indices(['(', '（']).find_map(|(at, bracket)| {
        let after = at + bracket.len();
        if !line[after..].starts_with("记者") {
            return None;
        }
        let start = after_spaces(line, after + "记者".len());
        let (end, count) = run(line, start, 5, is_han_script);
        let rest = line[end..].strip_prefix([')', '）'])?;
        ((2..=4).contains(&count) && rest.trim_start().is_empty()).then_some(start..end)
    })
}

/// The brackets near the head of a line: group 1 of
/// `^[^(（]{0,30}[(（]([^)）]{2,40})[)）]`.
pub(crate) fn leading_bracket(line: &str) -> Option<Range<usize>> {
    let (open, before) = run(line, 0, 31, |c| c != '(' && c != '（');
    if before > 30 {
        return None;
    }
    let start = open + line[open..].chars().next()?.len_utf8();
    let (end, count) = run(line, start, 41, |c| c != ')' && c != '）');
    let closed = line[end..].starts_with([')', '）']);
    (closed && (2..=40).contains(&count)).then_some(start..end)
}

/// The numbers of a date and time: year, month, day, hour, minute,
/// second, each where the line writes it.
pub(crate) type DateTimeParts = [Option<Range<usize>>; 6];

/// The words after which `published` reads a date, the line's start and
/// any whitespace aside.
const DATE_WORDS: [&str; 7] = [
    "发布时间",
    "发布日期",
    "发稿时间",
    "更新时间",
    "时间",
    "日期",
    "】",
];

/// A publication date, with its clock time when given: the groups of
/// `(?:^|发布时间|发布日期|发稿时间|更新时间|时间|日期|\s|】)\s*[:：]?\s*(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?(?:\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?`.
pub(crate) fn published(line: &str) -> Option<DateTimeParts> {
    if let Some(parts) = date_after(line, 0) {
        return Some(parts);
    }
    line.char_indices().find_map(|(at, c)| {
        // The first characters of the words.
        if !matches!(c, '发' | '更' | '时' | '日' | '】') && !c.is_whitespace() {
            return None;
        }
        let rest = &line[at..];
        DATE_WORDS
            .iter()
            .filter(|word| rest.starts_with(*word))
            .map(|word| word.len())
            .chain(c.is_whitespace().then(|| c.len_utf8()))
            .find_map(|len| date_after(line, at + len))
    })
}

/// The date of [`published`] after what introduces it, which ends at
/// `from`.
fn date_after(line: &str, from: usize) -> Option<DateTimeParts> {
    let year_start = after_spaced_optional_colon(line, from);
    let year = digits(line, year_start, 4, 4)?;
    let month = digits(
        line,
        separator(line, year.end, &['-', '/', '年', '.'])?,
        1,
        2,
    )?;
    let day = digits(
        line,
        separator(line, month.end, &['-', '/', '月', '.'])?,
        1,
        2,
    )?;
    let mut parts: DateTimeParts = [Some(year), Some(month), None, None, None, None];
    let after_day = line[day.end..]
        .strip_prefix('日')
        .map_or(day.end, |_| day.end + '日'.len_utf8());
    parts[2] = Some(day);
    if let Some(clock) = clock(line, after_spaces(line, after_day)) {
        parts[3..].clone_from_slice(&clock);
    }
    Some(parts)
}

/// A clock time from `from`: `(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?`.
fn clock(line: &str, from: usize) -> Option<[Option<Range<usize>>; 3]> {
    let hour = digits(line, from, 1, 2)?;
    let minute = digits(line, after_colon(line, hour.end)?, 2, 2)?;
    let second = after_colon(line, minute.end).and_then(|at| digits(line, at, 2, 2));
    Some([Some(hour), Some(minute), second])
}

/// A clock time before its date, as Hong Kong sites print it
/// (`發佈時間：16:49 2026-01-30 HKT`): hour, minute, second, year, month
/// and day, the groups of
/// `(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?\s+(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})`.
pub(crate) fn published_time_first(line: &str) -> Option<DateTimeParts> {
    // Each colon has its hour in the one or two digits right before it;
    // the colons are read in order, and so are the hours.
    colons(line).find_map(|colon| {
        let at = line[..colon]
            .char_indices()
            .rev()
            .take(2)
            .take_while(|&(_, c)| is_decimal_digit(c))
            .last()?
            .0;
        let [hour, minute, second] = clock(line, at)?;
        let clock_end = second.as_ref().or(minute.as_ref())?.end;
        let year_start = after_spaces(line, clock_end);
        if year_start == clock_end {
            return None;
        }
        let year = digits(line, year_start, 4, 4)?;
        let month = digits(line, separator(line, year.end, &['-', '/', '.'])?, 1, 2)?;
        let day = digits(line, separator(line, month.end, &['-', '/', '.'])?, 1, 2)?;
        Some([hour, minute, second, Some(year), Some(month), Some(day)])
    })
}

/// The offsets of the colons (`:`, `：`) of `line`, in order: each kind
/// found by a byte search of its own (a search for either decodes every
/// character), the two merged.
fn colons(line: &str) -> impl Iterator<Item = usize> + '_ {
    let mut narrow = line.match_indices(':').map(|(at, _)| at).peekable();
    let mut wide = line.match_indices('：').map(|(at, _)| at).peekable();
    std::iter::from_fn(move || match (narrow.peek(), wide.peek()) {
        (Some(a), Some(b)) if b < a => wide.next(),
        (Some(_), _) => narrow.next(),
        _ => wide.next(),
    })
}

/// From `from`, `min` to `max` decimal digits, as many as stand there.
fn digits(line: &str, from: usize, min: usize, max: usize) -> Option<Range<usize>> {
    let (end, count) = run(line, from, max, is_decimal_digit);
    (count >= min).then_some(from..end)
}

/// The offset after one of `separators` at `from`.
fn separator(line: &str, from: usize, separators: &[char]) -> Option<usize> {
    let c = line[from..].chars().next()?;
    separators.contains(&c).then(|| from + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    #[test]
    fn character_classes_are_the_regex_ones() {
        let han = Regex::new(r"^\p{Han}$").unwrap();
        let digit = Regex::new(r"^\d$").unwrap();
        let space = Regex::new(r"^\s$").unwrap();
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            assert_eq!(is_han_script(c), han.is_match(s), "Han {:X}", c as u32);
            assert_eq!(
                is_decimal_digit(c),
                digit.is_match(s),
                "digit {:X}",
                c as u32
            );
            assert_eq!(c.is_whitespace(), space.is_match(s), "space {:X}", c as u32);
        }
    }

    /// The groups of `re`'s first match in `line`, as ranges.
    fn groups(re: &Regex, line: &str) -> Option<Vec<Option<Range<usize>>>> {
        let caps = re.captures(line)?;
        Some(
            (1..caps.len())
                .map(|i| caps.get(i).map(|m| m.range()))
                .collect(),
        )
    }

    /// Lines of `pieces` in any order.
    fn line(pieces: &[&'static str]) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(pieces.to_vec()), 0..24)
            .prop_map(|pieces| pieces.concat())
    }

    /// What credits and sources are made of.
    const CREDIT_PIECES: &[&str] = &[
        "记者",
        "通讯员",
        "作者",
        "来源",
        "编辑",
        "责任编辑",
        "责编",
        "记",
        "者",
        "王",
        "小明",
        "张",
        "𠀋",
        "々",
        " ",
        "　",
        "\t",
        "\n",
        ":",
        "：",
        "/",
        "、",
        "，",
        ",",
        "(",
        "（",
        ")",
        "）",
        "1",
        "文",
        "报",
        "报导",
        "道",
        "／",
        "日报",
        "新闻网",
        "社",
        "商",
    ];

    /// What dates and times are made of.
    const DATE_PIECES: &[&str] = &[
        "发布时间",
        "时间",
        "日期",
        "】",
        "记",
        " ",
        "\t",
        ":",
        "：",
        "/",
        "日",
        "年",
        "月",
        "-",
        ".",
        "1",
        "12",
        "2023",
        "０",
        "٣",
    ];

    /// Runs that are or are nearly dates and clock times.
    const DATE_LIKE: &str = "(发布时间|时间|】| |)[ :：]{0,2}[0-9٣]{3,5}[-/年.月][0-9]{1,3}[-/月.][0-9]{1,3}日?[ ]?([0-9]{1,3}[:：][0-9]{1,3}([:：][0-9]{1,3})?)?|[0-9]{1,3}[:：][0-9]{2,3}([:：][0-9]{2})?[ \t]{0,2}[0-9]{3,5}[-/.][0-9]{1,3}[-/.][0-9]{1,3}";

    /// The first match of `re` in `line`: its group 1.
    fn group_1(re: &Regex, line: &str) -> Option<Range<usize>> {
        re.captures(line).and_then(|c| c.get(1)).map(|m| m.range())
    }

    /// Each mark of [`LineMarks`] with the words that give it.
    const MARK_WORDS: &[(u32, &[&str])] = &[
        (SOURCE, &["来源"]),
        (REPORTER, &["记者"]),
        (CORRESPONDENT, &["通讯员"]),
        (AUTHOR, &["作者"]),
        (TIME_WORD, &["时间"]),
        (DATE_WORD, &["日期"]),
        (DATELINE, &["日电"]),
        (DAY_REPORT, &["日讯"]),
        (FULL_STOP, &["。"]),
        (WEN, &["文"]),
        (BAO, &["报"]),
        (SLASH, &["/", "／"]),
        (BAR, &["|", "｜"]),
        (BRACKET, &["(", "（"]),
        (DIGIT, &["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]),
    ];

    /// What lines of marks are made of, with their halves and characters
    /// of the same last byte.
    const MARK_PIECES: &[&str] = &[
        "来源",
        "来",
        "源",
        "记者",
        "记",
        "者",
        "通讯员",
        "通",
        "讯",
        "员",
        "作者",
        "作",
        "时间",
        "时",
        "间",
        "日期",
        "日",
        "期",
        "电",
        "日电",
        "日讯",
        "。",
        "文",
        "报",
        "/",
        "／",
        "|",
        "｜",
        "(",
        "（",
        ":",
        "：",
        "5",
        "１",
        "a",
        " ",
        "潍",
        "坊",
        "é",
        "𠀋",
        "）",
        "、",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn credits_and_sources_match_as_the_regexes(line in line(CREDIT_PIECES)) {
            let source = Regex::new(r"来源\s*[:：]\s*([^\s:：]{2,30}?)(?:\s|$|记者|作者)").unwrap();
            prop_assert_eq!(group_1(&source, &line), super::source(&line));
            let editor = Regex::new(r"(?:责任编辑|责编|编辑)\s*[:：]\s*(\p{Han}{2,4})").unwrap();
            prop_assert_eq!(group_1(&editor, &line), super::editor(&line));
            let trailing = Regex::new(r"[(（]记者\s*(\p{Han}{2,4})[)）]\s*$").unwrap();
            prop_assert_eq!(group_1(&trailing, &line), trailing_credit(&line));
            let leading = Regex::new(r"^[^(（]{0,30}[(（]([^)）]{2,40})[)）]").unwrap();
            prop_assert_eq!(group_1(&leading, &line), leading_bracket(&line));
            let reporter_and_place_re = Regex::new(r"记者(\p{Han}{2,4})[／/]\p{Han}{1,6}报[导道]").unwrap();
            prop_assert_eq!(group_1(&reporter_and_place_re, &line), reporter_and_place(&line));
            let signature = Regex::new(r"^[(（]\s*(\p{Han}{2,8}(?:日报|晚报|商报|时报|早报|新闻网|报|社))\s*[)）]$").unwrap();
            prop_assert_eq!(group_1(&signature, &line), outlet_signature(&line));
            let reporter = Regex::new(
                r"(?:记者|通讯员|作者)\s*[:：]?\s*((?:\p{Han}{2,4}(?:/\p{Han}{1,3})?[ 　、，,]*)+)",
            )
            .unwrap();
            let expected: Vec<_> = reporter
                .captures_iter(&line)
                .map(|c| (c.get(0).unwrap().start(), c[0].starts_with("作者"), c.get(1).unwrap().range()))
                .collect();
            let found: Vec<_> = credits(&line).map(|c| (c.start, c.by_author, c.names)).collect();
            prop_assert_eq!(expected, found);
        }

        #[test]
        fn outlet_signatures_match_as_the_regex(
            open in prop::sample::select(vec!["(", "（", " ", ""]),
            inner in prop::collection::vec(
                prop::sample::select(vec!["光华", "日报", "报", "社", "新闻网", "晚", "商报", "𠀋", " ", "a", ")"]),
                0..6,
            ),
            close in prop::sample::select(vec![")", "）", " )", "", ") "]),
        ) {
            let line = format!("{open}{}{close}", inner.concat());
            let signature = Regex::new(r"^[(（]\s*(\p{Han}{2,8}(?:日报|晚报|商报|时报|早报|新闻网|报|社))\s*[)）]$").unwrap();
            prop_assert_eq!(group_1(&signature, &line), outlet_signature(&line));
        }

        #[test]
        fn line_marks_are_what_a_search_for_each_word_finds(
            line in line(MARK_PIECES),
            max_chars in 0..40usize,
        ) {
            let head = line.char_indices().nth(max_chars).map_or(line.as_str(), |(i, _)| &line[..i]);
            let bits = MARK_WORDS
                .iter()
                .filter(|(_, words)| words.iter().any(|word| head.contains(word)))
                .fold(0, |bits, (mark, _)| bits | mark);
            let clock = head
                .chars()
                .zip(head.chars().skip(1))
                .any(|(before, c)| is_decimal_digit(before) && matches!(c, ':' | '：'));
            let bits = bits | if clock { DIGIT_COLON } else { 0 };
            let expected = LineMarks { end: head.len(), chars: head.chars().count(), bits };
            prop_assert_eq!(LineMarks::of(&line, max_chars), expected);
        }

        #[test]
        fn dates_match_as_the_regexes(
            noise in line(DATE_PIECES),
            date in proptest::string::string_regex(DATE_LIKE).unwrap(),
            at in 0..24usize,
        ) {
            // A date-like run put into the noise at a character boundary.
            let at = noise.char_indices().map(|(i, _)| i).chain([noise.len()]).nth(at).unwrap_or(noise.len());
            let line = format!("{}{date}{}", &noise[..at], &noise[at..]);
            let published = Regex::new(r"(?:^|发布时间|发布日期|发稿时间|更新时间|时间|日期|\s|】)\s*[:：]?\s*(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?(?:\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?").unwrap();
            prop_assert_eq!(groups(&published, &line), super::published(&line).map(|p| p.to_vec()));
            let time_first = Regex::new(r"(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?\s+(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})").unwrap();
            prop_assert_eq!(groups(&time_first, &line), published_time_first(&line).map(|p| p.to_vec()));
        }
    }
}
