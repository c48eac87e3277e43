//! What an article says about itself: headline, source, publication time,
//! authors and editor; and where its site boilerplate is.
//!
//! Header lines as news sites print them:
//! `来源:潍坊新闻网 发布时间:2023-09-27 20:53:51`,
//! `2024-10-03 11:43:15 来源: 新华社 记者 邹多为`; credit lines
//! `全媒体记者: 贺德良/文图 尹宁/视频`, `责任编辑:庞珂`.

use crate::civil::datetime::DateTime;
use crate::lexicon::{self, WordSet};
use crate::span::Span;
use crate::text::normalize::{strip_annotations, Normalized};
use crate::text::region::Region;
use crate::text::scan::{self, LineMarks};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::LazyLock;

/// What the article says about itself.
///
/// Strings are as the original writes them (Traditional stays Traditional),
/// with pinyin annotations removed.
///
/// ```
/// let text = "潍坊质检工作成效显著\n来源:潍坊新闻网 发布时间:2023-09-27 20:53:51\n正文。";
/// let meta = zhfacts::Extractor::new().extract(text).meta;
/// assert_eq!(meta.title.as_deref(), Some("潍坊质检工作成效显著"));
/// assert_eq!(meta.source.as_deref(), Some("潍坊新闻网"));
/// assert_eq!(meta.published.unwrap().to_string(), "2023-09-27T20:53:51");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Meta {
    /// The headline.
    pub title: Option<String>,
    /// The publishing outlet: `新华社`, `濰坊新聞網`.
    pub source: Option<String>,
    /// The publication time: the document's own when given, else the one
    /// the article's header states.
    pub published: Option<DateTime>,
    /// Where the article was published: given with the document or the
    /// builder, else inferred from its evidence; absent when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// Reporters and writers.
    pub authors: Vec<String>,
    /// The responsible editor (责任编辑).
    pub editor: Option<String>,
}

/// The footer markers and 编 (which an editor's credit holds) in one
/// automaton, each without its first byte (`©`, of two, whole): a line is
/// read once, not once a marker. Most Han characters share the first bytes
/// of these words, which sent the automaton's packed (SIMD) prefilter to a
/// check at most characters; their next two bytes are rare. A match is one
/// of the words where the dropped byte stands before it ([`cues_in`]).
static CUES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    // A DFA: it is run over every document. Leftmost-first matching lets
    // the prefilter skip ahead instead of stepping through every byte.
    let tails = cue_words().map(|(word, dropped, _)| &word.as_bytes()[dropped..]);
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(tails)
        .expect("the footer cues build an automaton")
});

/// A footer marker in a line.
const FOOTER_CUE: u8 = 1;
/// 编 in a line.
const EDITOR_CUE: u8 = 2;

/// The words [`CUES`] finds, each with the bytes its pattern leaves out
/// and the cue it gives.
fn cue_words() -> impl Iterator<Item = (&'static str, usize, u8)> {
    let dropped = |word: &str| usize::from(word.len() > 2);
    FOOTER_MARKERS
        .iter()
        .map(move |&word| (word, dropped(word), FOOTER_CUE))
        .chain([("编", 1, EDITOR_CUE)])
}

/// The footer markers and 编 in `text`, in order: each word's start with
/// its cue. Every offset where a pattern of [`CUES`] matches is tried (the
/// search goes on one byte after a match's start), so no word is hidden
/// by an overlapping match.
fn cues_in(text: &str) -> impl Iterator<Item = (usize, u8)> + '_ {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let found = CUES.find(aho_corasick::Input::new(bytes).range(from..))?;
        let at = found.start();
        from = at + 1;
        let mut start = at;
        let mut cues = 0;
        for (word, dropped, cue) in cue_words() {
            if at >= dropped && bytes[at - dropped..].starts_with(word.as_bytes()) {
                start = at - dropped;
                cues |= cue;
            }
        }
        if cues != 0 {
            return Some((start, cues));
        }
    })
}

/// Lines that only a site footer holds.
const FOOTER_MARKERS: &[&str] = &[
    "ICP备",
    "ICP证",
    "公网安备",
    "备案号",
    "版权所有",
    "Copyright",
    "copyright",
    "©",
    "新闻热线",
    "广告热线",
    "许可证编号",
    "违法和不良信息举报",
];

/// A wire dateline with its reporter: `(中央社记者钟荣峰台北12日电)`,
/// `新华社杭州11月3日电(记者夏亮)`.
static WIRE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[(（]?(\p{Han}{2,6}社)记者(\p{Han}{4,8}?)(?:\d{1,2}月)?\d{1,2}日电").unwrap()
});
/// A bracketed credit at the head of the body: `【环球网综合报道】`,
/// `湘潭在线12月31日讯(`, `(新山21日讯)`.
static BODY_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:【(\p{Han}{2,10}?)(?:综合报道|报道|讯)】|(\p{Han}{2,10}?)(?:\d{1,2}月)?\d{1,2}日讯)",
    )
    .unwrap()
});
/// `文/张三`, `文｜张三`, `张三/文`.
static WRITER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(?:文|撰文)\s*[/／|｜]\s*(\p{Han}{2,4})|(?:^|\s)(\p{Han}{2,4})\s*[/／]\s*文(?:\s|$)").unwrap()
});
/// An outlet before its section in a header line: `南洋商报/文教`.
static OUTLET_SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(\p{Han}{2,8}(?:日报|晚报|商报|时报|早报|新闻网|报))\s*[/／]").unwrap()
});
/// A clock time in brackets after a headline: `(18:45)`.
static TRAILING_CLOCK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*[(（]\d{1,2}[:：]\d{2}[)）]$").unwrap());

/// Surnames: a credit's name starts with one (`今年` is no reporter).
static SURNAMES: LazyLock<WordSet> = LazyLock::new(|| {
    let mut set = lexicon::set(include_str!("../../data/words/surnames.txt"));
    set.extend(lexicon::entries(include_str!(
        "../../data/words/surnames_extra.txt"
    )));
    set
});

/// Words that end a credit's name: a verb of speech is never part of it.
const AFTER_NAME: &[&str] = &["表示", "介绍", "指出", "报道", "报导", "说", "称", "摄"];

/// How many lines the header may take.
const HEADER_LINES: usize = 6;

/// How many lines at the end may hold the closing credits.
const CLOSING_LINES: usize = 8;

/// How much of a line's head (or, at the end, its tail) holds its header
/// or credits, in characters.
const HEAD_CHARS: usize = 120;

/// The last `chars` characters of `line` (`chars` at least one), with how
/// many characters they are when that was counted (a line of no more
/// bytes than `chars` is not).
fn tail(line: &str, chars: usize) -> (&str, Option<usize>) {
    if line.len() <= chars {
        return (line, None);
    }
    // Counted from a guess of three bytes a character (most are Han),
    // then moved a character at a time to the count asked.
    let mut start = line.len() - (3 * chars).min(line.len());
    while !line.is_char_boundary(start) {
        start += 1;
    }
    let mut count = line[start..].chars().count();
    while count < chars {
        match line[..start].chars().next_back() {
            Some(c) => start -= c.len_utf8(),
            None => return (line, Some(count)),
        }
        count += 1;
    }
    while count > chars {
        start += line[start..].chars().next().map_or(0, char::len_utf8);
        count -= 1;
    }
    (&line[start..], Some(count))
}

/// True when `line` holds at most `chars` characters, counted only when
/// its length in bytes leaves it open (a character takes one to four).
fn at_most_chars(line: &str, chars: usize) -> bool {
    line.len() <= chars || (line.len() <= 4 * chars && line.chars().count() <= chars)
}

/// The byte ranges of site boilerplate in the normalized text: lines with
/// footer markers, and the lines after the editor credit that hold no
/// sentence.
pub(crate) fn boilerplate(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut after_editor = false;
    let mut cues = cues_in(text).peekable();
    let mut offset = 0;
    while offset < text.len() {
        // Until an editor's credit, only a line with a cue can be
        // boilerplate or the credit: the lines before it are passed.
        if !after_editor {
            let Some(&(at, _)) = cues.peek() else {
                break;
            };
            offset += text[offset..at].rfind('\n').map_or(0, |i| i + 1);
        }
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        let line = &text[offset..end];
        let mut line_cues = 0;
        while let Some((_, cue)) = cues.next_if(|&(at, _)| at < end) {
            line_cues |= cue;
        }
        if line_cues & FOOTER_CUE != 0 || (after_editor && !line.contains('。')) {
            spans.push(Span::new(offset, end));
        }
        if line_cues & EDITOR_CUE != 0 && scan::editor(line).is_some() {
            after_editor = true;
        }
        offset = end;
    }
    if cfg!(any(debug_assertions, test)) {
        assert_eq!(spans, boilerplate_line_by_line(text), "{text}");
    }
    spans
}

/// [`boilerplate`] read line by line, each line searched for each marker:
/// what debug builds and tests compare it with.
fn boilerplate_line_by_line(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut after_editor = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let span = Span::new(offset, offset + line.len());
        offset += line.len();
        let is_footer = FOOTER_MARKERS.iter().any(|marker| line.contains(marker));
        if is_footer || (after_editor && !line.contains('。')) {
            spans.push(span);
        }
        if line.contains('编') && scan::editor(line).is_some() {
            after_editor = true;
        }
    }
    spans
}

/// Reads the metadata of an article from its first and last lines.
pub(crate) fn read(original: &str, normalized: &Normalized) -> Meta {
    let text = normalized.text();
    let shown = |span: Span| -> String {
        let span = normalized.to_original(span);
        strip_annotations(original.get(span.range()).unwrap_or(""))
            .trim()
            .to_string()
    };
    // Only the first and the last lines are read: the body between them is
    // never split. One line past the header is read from the start, and
    // the closing lines are read from the end as far back as that one, the
    // lines read from the start going on with them.
    // A line of white space only: no character is left after its first ones.
    let is_blank = |line: &str| line.trim_start().is_empty();
    let first: Vec<(usize, &str)> = text
        .split('\n')
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len() + 1;
            Some((start, line))
        })
        .filter(|(_, line)| !is_blank(line))
        .take(HEADER_LINES + 1)
        .collect();
    let header = &first[..first.len().min(HEADER_LINES)];
    let closing: Vec<(usize, &str)> = match first.get(HEADER_LINES) {
        // A text of no more lines than the header: its closing lines are
        // the header's, from the last.
        None => header.iter().rev().take(CLOSING_LINES).copied().collect(),
        Some(&(start, line)) => {
            let after = text.get(start + line.len() + 1..).unwrap_or("");
            lines_from_the_end(after, text.len())
                .filter(|(_, line)| !is_blank(line))
                .chain(first.iter().rev().copied())
                .take(CLOSING_LINES)
                .collect()
        }
    };
    if cfg!(any(debug_assertions, test)) {
        let read_from_the_end: Vec<(usize, &str)> = lines_from_the_end(text, text.len())
            .filter(|(_, line)| !is_blank(line))
            .take(CLOSING_LINES)
            .collect();
        assert_eq!(closing, read_from_the_end, "{text}");
    }
    let mut meta = Meta {
        title: headline(header, &shown),
        ..Meta::default()
    };
    for &(start, line) in header {
        let head = line.trim_start();
        let line_start = start + (line.len() - head.len());
        // A header's facts stand near a line's start: a long body line is
        // read no further than its head, and the words the patterns need
        // are found in one pass over it.
        let trimmed = head.trim_end();
        let marks = LineMarks::of(trimmed, HEAD_CHARS);
        let line = &trimmed[..marks.end];
        let names_source = marks.holds(scan::SOURCE);
        let reporter = marks.holds(scan::REPORTER);
        if let Some(m) = names_source.then(|| scan::source(line)).flatten() {
            meta.source
                .get_or_insert_with(|| shown(Span::new(line_start + m.start, line_start + m.end)));
        }
        let header_line = names_source || is_dated_line(line, &marks);
        if meta.published.is_none() && header_line {
            meta.published = header_time(line);
        }
        let may_be_dateline = reporter && marks.holds(scan::DATELINE);
        if let Some(caps) = may_be_dateline
            .then(|| WIRE_DATELINE.captures(line))
            .flatten()
        {
            let outlet = caps.get(1).expect("group 1");
            meta.source.get_or_insert_with(|| {
                shown(Span::new(
                    line_start + outlet.start(),
                    line_start + outlet.end(),
                ))
            });
            if meta.authors.is_empty() {
                let run = caps.get(2).expect("group 2");
                let name_len = wire_name_len(run.as_str());
                meta.authors = vec![shown(Span::new(
                    line_start + run.start(),
                    line_start + run.start() + name_len,
                ))];
            }
        }
        // Its two forms: `【…报道】` and `…日讯`.
        let may_open_credit = line.starts_with('【') || marks.holds(scan::DAY_REPORT);
        if let Some(caps) = may_open_credit
            .then(|| BODY_CREDIT.captures(line))
            .flatten()
        {
            if let Some(outlet) = caps.get(1).or_else(|| caps.get(2)) {
                if !outlet.as_str().starts_with('本') && is_outlet(outlet.as_str()) {
                    meta.source.get_or_insert_with(|| {
                        shown(Span::new(
                            line_start + outlet.start(),
                            line_start + outlet.end(),
                        ))
                    });
                }
            }
        }
        if header_line {
            if let Some(outlet) = marks
                .holds(scan::SLASH)
                .then(|| OUTLET_SECTION.captures(line))
                .flatten()
                .and_then(|c| c.get(1))
            {
                meta.source.get_or_insert_with(|| {
                    shown(Span::new(
                        line_start + outlet.start(),
                        line_start + outlet.end(),
                    ))
                });
            }
        }
        if meta.authors.is_empty() {
            meta.authors = if marks.chars <= 60 {
                credits(line, &marks, line_start, &shown)
            } else if let Some(m) = (marks.holds(scan::BRACKET) && may_credit(&marks))
                .then(|| scan::leading_bracket(line))
                .flatten()
            {
                // A long line is the body: only a credit in brackets at its
                // head counts (`湘潭在线12月31日讯(湘潭晚报记者 刘赟)`).
                let bracketed = &line[m.clone()];
                let marks = LineMarks::of(bracketed, usize::MAX);
                credits(bracketed, &marks, line_start + m.start, &shown)
            } else {
                Vec::new()
            };
        }
    }
    for &(start, whole) in &closing {
        let whole = whole.trim_end();
        // The credits that close an article stand at its lines' ends.
        let (line, counted) = tail(whole.trim_start(), HEAD_CHARS);
        // The tail's characters are counted once.
        let at_most =
            |chars: usize| counted.map_or_else(|| at_most_chars(line, chars), |n| n <= chars);
        let line_start = start + (whole.len() - line.len());
        if meta.source.is_none() && at_most(40) {
            if let Some(m) = source_in(line).or_else(|| {
                // An outlet alone in brackets: `( 南洋商报)`.
                scan::outlet_signature(line)
            }) {
                meta.source = Some(shown(Span::new(line_start + m.start, line_start + m.end)));
            }
        }
        if meta.editor.is_none() {
            if let Some(m) = line.contains('编').then(|| scan::editor(line)).flatten() {
                meta.editor = Some(shown(Span::new(line_start + m.start, line_start + m.end)));
            }
        }
        if meta.authors.is_empty() {
            // A credit closing a long line stands in brackets at its end: a
            // line that ends otherwise is not searched for its title.
            let may_close_with_credit = || {
                let may = line.trim_end().ends_with([')', '）']) && line.contains("记者");
                // In debug builds and tests the gate is checked against the reader.
                if cfg!(any(debug_assertions, test)) && !may {
                    assert_eq!(scan::trailing_credit(line), None, "{line}");
                }
                may
            };
            if at_most(60) {
                meta.authors = credits(line, &LineMarks::of(line, 60), line_start, &shown);
            } else if let Some(m) = may_close_with_credit()
                .then(|| scan::trailing_credit(line))
                .flatten()
            {
                meta.authors = names_in(&line[m.clone()], line_start + m.start, &shown);
            }
        }
    }
    meta
}

/// The lines of `tail`, the last first, each with its offset in the text
/// that `tail` ends, `end` bytes long.
fn lines_from_the_end(tail: &str, end: usize) -> impl Iterator<Item = (usize, &str)> {
    tail.rsplit('\n').scan(end, |end, line| {
        let start = *end - line.len();
        *end = start.saturating_sub(1);
        Some((start, line))
    })
}

/// The headline: a short first line that is not a sentence, a header, a
/// photo caption or the whole text, with a clock time after it dropped;
/// a second short line before the header continues it.
fn headline(lines: &[(usize, &str)], shown: &dyn Fn(Span) -> String) -> Option<String> {
    let &(start, first) = lines.first()?;
    let first = first.trim_end();
    let first = if first.ends_with([')', '）']) {
        TRAILING_CLOCK.replace(first, "")
    } else {
        std::borrow::Cow::Borrowed(first)
    };
    let first = first.as_ref();
    if lines.len() < 2 || !could_be_headline(first) {
        return None;
    }
    let mut title = shown(Span::new(start, start + first.len()));
    // `原标题：` introduces the headline as first printed.
    for prefix in ["原标题:", "原标题："] {
        if let Some(rest) = title.strip_prefix(prefix) {
            title = rest.trim().to_string();
        }
    }
    if let (Some(&(second_start, second)), Some(&(_, third))) = (lines.get(1), lines.get(2)) {
        let second = second.trim_end();
        let short = at_most_chars(second, 24) && at_most_chars(first, 24);
        if short && could_be_headline(second) && is_header_line(third.trim()) {
            title.push_str(&shown(Span::new(second_start, second_start + second.len())));
        }
    }
    Some(title)
}

/// True for a line that may be a headline: 4 to 60 characters, ending in
/// no sentence mark, no header, no photo credit.
fn could_be_headline(line: &str) -> bool {
    // The length first: the first line of many articles is a paragraph,
    // read no further.
    if !at_most_chars(line, 60) || at_most_chars(line, 3) {
        return false;
    }
    let ends_sentence = line.ends_with(['。', ':', '：', ',', '，', ';', '；']);
    let is_caption = ["摄)", "摄）", "图)", "图）", "图片来源"]
        .iter()
        .any(|m| line.contains(m));
    !ends_sentence
        && !is_caption
        && !is_header_line(line)
        && !line.starts_with(['【', '(', '（', '⊙'])
}

/// True for a header line: a source, a publication time, a byline.
fn is_header_line(line: &str) -> bool {
    let marks = LineMarks::of(line, usize::MAX);
    marks.holds(scan::SOURCE) || is_dated_line(line, &marks)
}

/// True for a header line by its time: `时间`, `日期`, or a publication
/// date and time; `marks` are the whole line's.
fn is_dated_line(line: &str, marks: &LineMarks) -> bool {
    if marks.holds(scan::TIME_WORD | scan::DATE_WORD) {
        return true;
    }
    // Both patterns read digits: a line without any is tried with neither.
    if !marks.holds(scan::DIGIT) {
        return false;
    }
    // A clock before its date has a colon right after its hour's digits.
    (marks.holds(scan::DIGIT_COLON) && scan::published_time_first(line).is_some())
        || (marks.chars <= 40 && scan::published(line).is_some() && !marks.holds(scan::FULL_STOP))
}

/// True for a name that reads as an outlet: `环球网`, `湘潭在线`.
fn is_outlet(name: &str) -> bool {
    ["网", "在线", "报", "社", "台", "客户端", "新闻"]
        .iter()
        .any(|end| name.ends_with(end))
}

/// The length in bytes of the reporter's name at the head of a wire
/// dateline's run `钟荣峰台北`: the name takes three characters when the
/// run holds five or more, else two, and leaves the dateline's place.
fn wire_name_len(run: &str) -> usize {
    let chars = run.chars().count();
    let name_chars = if chars >= 5 { 3 } else { 2 };
    run.char_indices()
        .nth(name_chars)
        .map_or(run.len(), |(i, _)| i)
}

/// The outlet a `来源:` line names.
fn source_in(line: &str) -> Option<Range<usize>> {
    if !line.contains("来源") {
        return None;
    }
    scan::source(line)
}

/// True for a line holding the words a credit needs (its `marks`): a
/// reporter's, correspondent's or author's title, or 文 and a slash.
fn may_credit(marks: &LineMarks) -> bool {
    marks.holds(scan::REPORTER | scan::CORRESPONDENT | scan::AUTHOR) || is_writer_line(marks)
}

/// True for a line that may credit a writer (`文/张三`, `张三/文`), by its
/// `marks`.
fn is_writer_line(marks: &LineMarks) -> bool {
    marks.holds(scan::WEN) && marks.holds(scan::SLASH | scan::BAR)
}

/// The names a credit line gives: `记者 X`, `通讯员 X`, `记者X／Y报导`,
/// `文/X`, `X/文`; `marks` are the whole line's.
fn credits(
    line: &str,
    marks: &LineMarks,
    line_start: usize,
    shown: &dyn Fn(Span) -> String,
) -> Vec<String> {
    // Each pattern is tried only on a line holding the words it needs.
    if !may_credit(marks) {
        return Vec::new();
    }
    let reporter = marks.holds(scan::REPORTER);
    let credited = marks.holds(scan::REPORTER | scan::CORRESPONDENT | scan::AUTHOR);
    let writer = is_writer_line(marks);
    // `记者陈正芬／云林报导`, `〔记者X／Y报导〕`: a reporter and a place.
    let reporter_and_place = (reporter && marks.holds(scan::BAO))
        .then(|| scan::reporter_and_place(line))
        .flatten();
    if let Some(m) = reporter_and_place {
        return vec![shown(Span::new(line_start + m.start, line_start + m.end))];
    }
    if let Some(m) = writer
        .then(|| WRITER.captures(line))
        .flatten()
        .and_then(|c| c.get(1).or_else(|| c.get(2)))
    {
        return vec![shown(Span::new(
            line_start + m.start(),
            line_start + m.end(),
        ))];
    }
    let mut names = Vec::new();
    if !credited {
        return names;
    }
    for credit in scan::credits(line) {
        // A credit opens its line or follows a bracket, a space or an
        // outlet (`本报记者`, `全媒体记者`); `回答记者提问` is no credit.
        let opens_credit = at_most_chars(line, 30)
            || line[..credit.start].chars().next_back().is_none_or(|c| {
                c.is_whitespace()
                    || matches!(
                        c,
                        '(' | '（'
                            | '【'
                            | '〔'
                            | '⊙'
                            | '/'
                            | '／'
                            | '|'
                            | '｜'
                            | '报'
                            | '社'
                            | '网'
                            | '台'
                            | '体'
                            | '站'
                    )
            });
        if !opens_credit {
            continue;
        }
        let run = &line[credit.names.clone()];
        // 作者 followed by an organisation is no byline.
        if credit.by_author && (run.ends_with('局') || run.chars().count() > 4) {
            continue;
        }
        names.extend(names_in(run, line_start + credit.names.start, shown));
    }
    names
}
/// The names in a credit run: `贺德良/文图 尹宁/视频` → 贺德良, 尹宁.
fn names_in(run: &str, offset: usize, shown: &dyn Fn(Span) -> String) -> Vec<String> {
    let mut names = Vec::new();
    let mut pos = 0;
    for part in run.split_inclusive([' ', '　', '、', '，', ',']) {
        let name_len = part
            .char_indices()
            .find(|&(_, c)| !crate::text::normalize::is_han(c))
            .map_or(part.len(), |(i, _)| i);
        let mut name = &part[..name_len];
        for word in AFTER_NAME {
            if let Some(head) = name.strip_suffix(word) {
                name = head;
            }
        }
        let is_role = matches!(
            name,
            "文图" | "文" | "图" | "摄影" | "视频" | "通讯员" | "实习生" | "记者" | "作者"
        );
        let has_surname = name.chars().next().is_some_and(|c| {
            let mut buf = [0u8; 4];
            SURNAMES.contains(&*c.encode_utf8(&mut buf))
        }) || SURNAMES.contains(name.get(..6).unwrap_or(""));
        if (2..=4).contains(&name.chars().count()) && !is_role && has_surname {
            names.push(shown(Span::new(offset + pos, offset + pos + name.len())));
        }
        pos += part.len();
    }
    names
}

/// A date and time in a header line.
fn header_time(line: &str) -> Option<DateTime> {
    let number = |part: &Option<Range<usize>>| {
        part.as_ref()
            .and_then(|range| line[range.clone()].parse::<u32>().ok())
    };
    if let Some([hour, minute, second, year, month, day]) = scan::published_time_first(line) {
        return DateTime::new(
            number(&year)? as i32,
            number(&month)?,
            number(&day)?,
            number(&hour)?,
            number(&minute)?,
            number(&second).unwrap_or(0),
        );
    }
    let [year, month, day, hour, minute, second] = scan::published(line)?;
    DateTime::new(
        number(&year)? as i32,
        number(&month)?,
        number(&day)?,
        number(&hour).unwrap_or(0),
        number(&minute).unwrap_or(0),
        number(&second).unwrap_or(0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::normalize;

    #[test]
    fn reads_a_mainland_header() {
        let text = "领跑全国!前8个月西部地区进出口增长10.1%\n\n2024-10-03 11:43:15 来源: 新华社 记者 邹多为\n\n正文。\n\n责任编辑: 马驰骋";
        let meta = read(text, &normalize(text));
        assert_eq!(
            meta.title.as_deref(),
            Some("领跑全国!前8个月西部地区进出口增长10.1%")
        );
        assert_eq!(meta.source.as_deref(), Some("新华社"));
        assert_eq!(
            meta.published.map(|t| t.to_string()).as_deref(),
            Some("2024-10-03T11:43:15")
        );
        assert_eq!(meta.authors, vec!["邹多为".to_string()]);
        assert_eq!(meta.editor.as_deref(), Some("马驰骋"));
    }

    fn meta_of(text: &str) -> Meta {
        read(text, &normalize(text))
    }

    #[test]
    fn a_wire_dateline_gives_the_agency_and_its_reporter() {
        let meta = meta_of(
            "台積電第3季獲利創新高\n(中央社記者張小明新竹5日電)台積電今天公布財報。\n正文。",
        );
        assert_eq!(meta.title.as_deref(), Some("台積電第3季獲利創新高"));
        assert_eq!(meta.source.as_deref(), Some("中央社"));
        assert_eq!(meta.authors, ["張小明"]);
    }

    #[test]
    fn a_credit_at_the_head_of_the_body_gives_the_outlet() {
        let meta = meta_of("【央广网综合报道】据报道，某公司发布新品。\n正文。");
        assert_eq!(meta.source.as_deref(), Some("央广网"));
        assert_eq!(meta.title, None);
        let meta =
            meta_of("株洲在线3月2日讯(株洲日报记者 王小红 通讯员 李明)正文很长的一句话。\n正文。");
        assert_eq!(meta.source.as_deref(), Some("株洲在线"));
        assert_eq!(meta.authors, ["王小红", "李明"]);
        // 本报讯 names no outlet.
        assert_eq!(meta_of("标题一行\n【本報訊】正文。\n正文。").source, None);
    }

    #[test]
    fn a_headline_on_two_lines_before_the_header_is_one() {
        let meta = meta_of("沪市多家公司\n发布三季报\n2008年10月21日 来源:中国证券报 作者:\n⊙本报记者 王小明\n正文。");
        assert_eq!(meta.title.as_deref(), Some("沪市多家公司发布三季报"));
        assert_eq!(meta.source.as_deref(), Some("中国证券报"));
        assert_eq!(meta.authors, ["王小明"]);
    }

    #[test]
    fn hong_kong_headers_put_the_clock_first() {
        let meta = meta_of("庫房錄得盈餘 (18:45)\n發佈時間：09:15 2025-11-02 HKT\n正文。");
        assert_eq!(meta.title.as_deref(), Some("庫房錄得盈餘"));
        assert_eq!(
            meta.published.map(|t| t.to_string()).as_deref(),
            Some("2025-11-02T09:15:00")
        );
    }

    #[test]
    fn a_photo_caption_is_no_headline_and_a_place_byline_names_the_reporter() {
        let meta =
            meta_of("新大樓今啟用，空間全面升級。（記者林小華攝）\n記者林小華／嘉義報導\n正文。");
        assert_eq!(meta.title, None);
        assert_eq!(meta.authors, ["林小華"]);
    }

    #[test]
    fn an_outlet_before_its_section_or_signing_off_is_the_source() {
        assert_eq!(
            meta_of("州政府拨款\n2024/11/21 星洲日报/国内\n正文。")
                .source
                .as_deref(),
            Some("星洲日报")
        );
        assert_eq!(
            meta_of("州政府拨款\n正文。\n( 光华日报)").source.as_deref(),
            Some("光华日报")
        );
    }

    #[test]
    fn speech_and_questions_are_no_credits() {
        let meta =
            meta_of("标题在这里\n他在回答记者提问时表示，今年经济平稳。\n记者看到，工地很忙。");
        assert!(meta.authors.is_empty(), "{:?}", meta.authors);
        let meta = meta_of("标题在这里\n文/张小燕\n正文。");
        assert_eq!(meta.authors, ["张小燕"]);
    }

    #[test]
    fn the_closing_lines_are_the_last_ones_however_many_lines_there_are() {
        // `read` checks its closing lines against the lines read from the end
        // (debug and test builds).
        for count in 0..20 {
            let text: String = (0..count)
                .map(|k| match k % 3 {
                    1 => " \n".to_string(),
                    _ => format!("第{k}行。\n"),
                })
                .collect();
            meta_of(&text);
            meta_of(text.trim_end());
        }
    }

    #[test]
    fn tails_count_characters() {
        let lines = [
            "",
            "abc",
            "潍坊",
            "a潍b坊c",
            "潍坊质量品牌建设捷报频传",
            "1234567潍坊",
        ];
        for line in lines {
            for chars in 1..=14 {
                let expected_tail = line
                    .char_indices()
                    .rev()
                    .nth(chars - 1)
                    .map_or(line, |(i, _)| &line[i..]);
                let (found, counted) = tail(line, chars);
                assert_eq!(found, expected_tail, "{line} {chars}");
                assert!(counted.is_none_or(|n| n == found.chars().count()));
                assert_eq!(at_most_chars(line, chars), line.chars().count() <= chars);
            }
        }
    }

    #[test]
    fn boilerplate_is_found_as_line_by_line() {
        // Lines of markers, their tails, 编 and editor credits in any order:
        // `boilerplate` compares itself with the line-by-line reading.
        const PIECES: &[&str] = &[
            "正文。",
            "\n",
            "责任编辑:庞珂",
            "编",
            "编辑",
            "ICP备",
            "CP备",
            "ICP证",
            "©",
            "Copyright",
            "copyright",
            "opyright",
            "版权所有",
            "权所有",
            "新闻热线",
            "许可证编号",
            "违法和不良信息举报",
            "备案号",
            "公网安备",
            "广告热线",
            "a",
            "长江",
            "I",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            for i in 0..state % 12 {
                text += PIECES[(state >> (5 * i + 4)) as usize % PIECES.len()];
            }
            boilerplate(&text);
        }
    }

    #[test]
    fn footer_lines_are_boilerplate() {
        let text = "正文。\n责任编辑:庞珂\n网站备案号:鲁ICP备10207392号-1\n新闻热线:0536-8196500";
        let spans = boilerplate(text);
        assert_eq!(spans.len(), 2);
        assert!(text[spans[0].range()].contains("ICP"));
    }
}
