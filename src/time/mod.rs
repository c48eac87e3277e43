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
//! The grammar lives here; `time_resolve.rs` turns a chain into an interval.

mod parts;
mod resolve;
mod words;

use crate::context::{Candidate, Context};
use crate::fact::Value;
use crate::numeric::numeral::{parse_numeral_at, NumeralForm};
use crate::span::Span;
use crate::time::resolve::{resolve, Anchor};

/// A year as written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Year {
    /// 2023年, 二〇二三年.
    Absolute(i32),
    /// 去年 (-1), 明年 (+1).
    Relative(i32),
    /// 当年 (0), 次年 (+1): relative to the year talked about.
    Context(i32),
    /// 98年: two digits, century from the reference.
    TwoDigit(i32),
}

/// A month (or day, week) as written: absolute, relative to the reference
/// or to the period talked about.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Step {
    Absolute(u32),
    Relative(i64),
    Context(i64),
}

/// The parts of one time expression.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Chain {
    pub century: Option<i32>,
    pub decade: Option<u32>,
    pub year: Option<Year>,
    /// Years from the first to the last, both in: 今明两年.
    pub year_span: Option<i32>,
    pub quarter: Option<(u32, u32)>,
    pub relative_quarter: Option<i64>,
    pub half: Option<u32>,
    pub first_months: Option<u32>,
    pub month: Option<Step>,
    pub week: Option<Step>,
    /// Nth occurrence of a weekday in the month (十月的第一个星期一).
    pub weekday_nth: Option<u32>,
    pub weekday: Option<u32>,
    pub day: Option<Step>,
    /// 第三天: the Nth day of the period.
    pub nth_day: Option<u32>,
    /// 4月前4天: the first N days of the month (or year).
    pub first_days: Option<u32>,
    /// 2021年的最后4个月: the last N months of the year.
    pub last_months: Option<u32>,
    /// 上月最后五天: the last N days of the month.
    pub last_days: Option<u32>,
    /// 周末: Saturday and Sunday of the week.
    pub weekend: bool,
    pub xun: Option<u32>,
    pub holiday: Option<(u32, u32)>,
    pub weekday_holiday: Option<(u32, u32, u32)>,
    pub part: Option<(u32, u32, bool)>,
    pub hour: Option<u32>,
    pub minute: Option<u32>,
    pub second: Option<u32>,
    /// am (false) or pm (true) written after the clock (3pm).
    pub meridiem: Option<bool>,
    pub now: bool,
    /// Found but not resolved: lunar dates, edges (年底), fuzzy words.
    pub vague: bool,
    /// `同期`: the period named just before.
    pub same_period: bool,
    /// `去年同期`: the period named just before, shifted by years.
    pub same_period_shift: Option<i32>,
    /// `今年以来`: from the start of the period to the reference time.
    pub since: bool,
    /// `起`, `以后`: from the start on, no end.
    pub open_end: bool,
    /// `以前`, `之前`: up to the start, no start.
    pub open_start: bool,
    /// A span of whole units next to the reference (后三天, 上二周):
    /// (unit, first offset, count).
    pub units: Option<(Unit, i64, i64)>,
    /// 三年前, 20天后: one unit at an offset from the reference.
    pub unit_offset: Option<(Unit, i64)>,
    /// 十四五: a five-year plan.
    pub plan: Option<i32>,
    /// Month and day are of the lunar calendar (农历八月, 正月十五, 初八).
    pub lunar: bool,
    /// 闰四月: the leap month that follows the month named.
    pub leap_month: bool,
    /// A festival of the lunar calendar or a solar term (春节, 冬至).
    pub festival: Option<Festival>,
}

/// A day fixed by the lunar calendar or the sun rather than by a date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Festival {
    /// A lunar month and day: 端午 is (5, 5).
    Lunar(u32, u32),
    /// 除夕: the last day of the lunar year.
    NewYearsEve,
    /// A solar term (an index into `lunar::SOLAR_TERMS`) and days after it:
    /// 冬至 (23, 0), 寒食节 (6, -1).
    SolarTerm(usize, i64),
}

/// A unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Year,
    Quarter,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
}

impl Chain {
    /// True when the chain names nothing.
    fn is_empty(&self) -> bool {
        *self == Chain::default()
    }

    /// The coarsest part written: 0 year .. 7 second.
    fn coarsest(&self) -> u8 {
        if self.century.is_some() || self.decade.is_some() || self.year.is_some() {
            0
        } else if self.quarter.is_some()
            || self.half.is_some()
            || self.month.is_some()
            || self.first_months.is_some()
        {
            1
        } else if self.week.is_some() {
            2
        } else if self.day.is_some()
            || self.weekday.is_some()
            || self.holiday.is_some()
            || self.nth_day.is_some()
        {
            3
        } else if self.part.is_some() {
            4
        } else if self.hour.is_some() {
            5
        } else {
            7
        }
    }

    /// Fills what the second end of a range leaves out from the first end.
    fn inherit(&mut self, first: &Chain) {
        let level = self.coarsest();
        if level > 0 && self.year.is_none() {
            self.year = first.year;
            self.century = self.century.or(first.century);
        }
        if level > 1 && self.month.is_none() && self.quarter.is_none() {
            self.month = first.month;
            self.leap_month = first.leap_month;
            self.lunar |= first.lunar;
        }
        if level > 2 && self.week.is_none() {
            self.week = first.week;
        }
        if level > 3 && self.day.is_none() && self.weekday.is_none() && self.holiday.is_none() {
            self.day = first.day;
            self.weekday = first.weekday;
            self.holiday = first.holiday;
            self.festival = first.festival;
            self.week = self.week.or(first.week);
        }
        if level > 4 && self.part.is_none() {
            self.part = first.part;
        }
    }
}

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
    let mut anchor = Anchor::new(context.reference_time);
    let mut pos = 0;
    while pos < text.len() {
        let Some(c) = text[pos..].chars().next() else {
            break;
        };
        if could_start_time(text, pos, c) && can_start(text, pos) && starts_a_word(context, pos) {
            if let Some(found) = expression_at(text, pos) {
                let value = resolve(&found.first, found.second.as_ref(), &mut anchor);
                out.push(Candidate {
                    span: found.span,
                    value: Value::Time {
                        start: value.start,
                        end: value.end,
                        context_dependent: value.context_dependent,
                    },
                    rule: found.rule,
                });
                pos = found.span.end;
                continue;
            }
        }
        pos += c.len_utf8();
    }
}

/// An expression that begins with a Chinese character (not a numeral)
/// begins a word: `现在` in `体现在` is no time.
fn starts_a_word(context: &Context<'_>, pos: usize) -> bool {
    let Some(c) = context.text[pos..].chars().next() else {
        return false;
    };
    if !crate::text::normalize::is_han(c) || is_numeral_char(c) {
        return true;
    }
    match context.words.at(pos) {
        Some(word) if word.span.start < pos => {
            // Prefixes the segmenter glued to what precedes them are fine.
            "从自截至到于在".contains(c)
        }
        _ => true,
    }
}

/// Characters a time expression can begin with: digits, numerals, and the
/// first characters of every time word. Other positions are skipped at once.
static FIRST_CHARS: std::sync::LazyLock<Vec<bool>> = std::sync::LazyLock::new(|| {
    let words: Vec<&str> = crate::time::words::all_words().collect();
    let fixed = "第从自截大上下前后近过未最今明昨去本这当同次民Q周星礼早晚凌中半午正腊冬闰农阴全首年月初再十几数俩个";
    // A table over the Basic Multilingual Plane: one index, no hashing.
    let mut table = vec![false; 0x10000];
    for c in words
        .iter()
        .filter_map(|w| w.chars().next())
        .chain(fixed.chars())
    {
        if let Some(slot) = table.get_mut(c as usize) {
            *slot = true;
        }
    }
    table
});

fn could_start_time(text: &str, pos: usize, c: char) -> bool {
    if c.is_ascii_digit() || crate::numeric::numeral::can_start_numeral(c) {
        // Holidays named by numbers: 五一国际劳动节, 万圣节.
        let holiday = FIRST_CHARS.get(c as usize).copied().unwrap_or(false)
            && crate::time::words::FIXED_HOLIDAYS
                .iter()
                .any(|h| text[pos..].starts_with(h.0));
        return holiday || numeral_could_be_time(text, pos);
    }
    FIRST_CHARS.get(c as usize).copied().unwrap_or(false)
}

/// A number starts a time only if a unit or separator of time follows it
/// (年, 月, 日, 点, :, -, /…): `33个` and `12.6%` are ruled out at once.
fn numeral_could_be_time(text: &str, pos: usize) -> bool {
    let rest = &text[pos..];
    let end = rest
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_ascii_digit()
                || crate::numeric::numeral::can_start_numeral(c)
                || c == '两'
                || c == '俩')
        })
        .map_or(rest.len(), |(i, _)| i);
    if end == 8 && rest.as_bytes()[..8].iter().all(u8::is_ascii_digit) {
        return true; // 20240307
    }
    let Some(next) = rest[end..].chars().next() else {
        return end > 0;
    };
    "年月日号时点:：-/.·分秒天周个季世半多余前后以至到~～—－–刻钟小星礼 pPaA号代初底末中起来内间之”\"」规期".contains(next)
}

/// Expressions do not start inside a number or a word of letters.
fn can_start(text: &str, pos: usize) -> bool {
    let prev = text[..pos].chars().next_back();
    let c = text[pos..].chars().next();
    match (prev, c) {
        (Some(p), Some(c)) if p.is_ascii_alphanumeric() && c.is_ascii_alphanumeric() => false,
        (Some(p), Some(c)) if is_numeral_char(p) && is_numeral_char(c) => false,
        // 153.11点: the digits after a decimal point are no clock time.
        (Some('.' | ','), Some(c)) if c.is_ascii_digit() => {
            !text[..pos - 1].ends_with(|d: char| d.is_ascii_digit())
        }
        _ => true,
    }
}

fn is_numeral_char(c: char) -> bool {
    crate::numeric::numeral::can_start_numeral(c)
}

/// Range joiners, longest first.
const JOINERS: &[&str] = &["——", "至", "到", "-", "~", "～", "—", "–"];

/// The expression starting at `pos`: prefix, chain, range, suffix.
fn expression_at(text: &str, pos: usize) -> Option<Found> {
    let mut start = pos;
    let mut p = pos;
    let mut prefix = false;
    // 大约晚上十点: an approximate time keeps its hedge in the span.
    if text[p..].starts_with("大约") {
        p += "大约".len();
    }
    let hedged = p > pos;
    for word in ["截止到", "截至到", "自从", "从", "自", "截至", "截止"] {
        if text[p..].starts_with(word) {
            p += word.len();
            prefix = true;
            break;
        }
    }
    let (mut first, mut end, mut rule) = match chain_at(text, p) {
        Some(found) => found,
        None if hedged => return None,
        None => {
            // A bare number before a range joiner takes the second end's unit: 1-9月, 9~12点.
            let (first, end) = bare_range_start(text, p)?;
            (first, end, "time.range")
        }
    };
    // 周日, 二月十号: a weekday before the date it falls on. Only after an
    // ASCII comma: after ， a weekday ends its own clause (周五，3月1日起施行).
    let weekday_only = Chain {
        weekday: first.weekday,
        ..Chain::default()
    };
    if first.weekday.is_some() && first == weekday_only {
        if let Some(comma) = [", ", ","].iter().find(|c| text[end..].starts_with(**c)) {
            if let Some((date, date_end, date_rule)) = chain_at(text, end + comma.len()) {
                if date.day.is_some() && date.month.is_some() && date.weekday.is_none() {
                    first = date;
                    end = date_end;
                    rule = date_rule;
                }
            }
        }
    }
    let since = text[start..].starts_with("自从");
    if prefix && !text[start..].starts_with("截") && !since && !has_range_or_open(text, end) {
        // 从 without a range or 起 is not part of the expression.
        start = p;
    }
    if since && !has_range_or_open(text, end) && !first.is_empty() {
        // 自从2018年: from then to the reference time.
        first.since = true;
    }
    let mut second = None;
    // A bare number after the chain that a range gives a unit: 2019年1-5月, 4月12-19日.
    if let Some((bare, bare_end)) = bare_range_start(text, end) {
        if let Some(merged) = merge(&first, &bare) {
            first = merged;
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
    if let Some(joiner) = JOINERS
        .iter()
        .find(|j| text[joiner_start..].starts_with(**j))
    {
        let after = skip_spaces(text, joiner_start + joiner.len());
        let in_context = || {
            // 今晚八点到九点: the second clock time reads in the first's context.
            let clock = first
                .hour
                .and_then(|_| crate::time::parts::clock_at(text, after, &first))
                .map(|(c, e)| (c, e, "time.range"));
            clock.or_else(|| bare_day_at(text, after, &first))
        };
        if let Some((mut chain, chain_end, _)) = in_context()
            .or_else(|| chain_at(text, after))
            .or_else(|| bare_year_at(text, after, &first))
        {
            if !chain.now || chain.is_empty() {
                chain.inherit(&first);
            }
            second = Some(chain);
            end = chain_end;
            rule = "time.range";
        } else if let Some((chain, chain_end)) = until_now_at(text, after) {
            second = Some(chain);
            end = chain_end;
            rule = "time.range";
        }
    }
    // 2015年和2018年之间, 三月与九月间: a range by 和/与 … 之间.
    if second.is_none() {
        if let Some(and) = ["和", "与"]
            .iter()
            .find(|w| text[joiner_start..].starts_with(**w))
        {
            let after = skip_spaces(text, joiner_start + and.len());
            if let Some((mut chain, chain_end, _)) = chain_at(text, after) {
                let tail = &text[chain_end..];
                if let Some(between) = ["之间", "间"].iter().find(|w| tail.starts_with(**w)) {
                    chain.inherit(&first);
                    second = Some(chain);
                    end = chain_end + between.len();
                    rule = "time.range";
                }
            }
        }
    }
    // Suffixes.
    let rest = &text[end..];
    if second.is_some() {
        for word in ["以前", "之前", "以后", "之后", "前"] {
            if rest.starts_with(word) {
                end += word.len();
                break;
            }
        }
    } else {
        // 2019年8月6日或之后, 2015-01-01及以前: one space may come first.
        let rest = if rest.starts_with(' ') && !rest.starts_with("  ") {
            &rest[1..]
        } else {
            rest
        };
        let space = usize::from(text[end..].starts_with(' ') && rest.len() < text[end..].len());
        for (word, effect) in [
            ("或之后", 2),
            ("或以后", 2),
            ("及以后", 2),
            ("及之后", 2),
            ("或之前", 3),
            ("或以前", 3),
            ("及以前", 3),
            ("及之前", 3),
            ("以来", 0),
            ("起至今", 1),
            ("至今", 1),
            ("开始", 2),
            ("以后", 2),
            ("之后", 2),
            ("起", 2),
            ("以前", 3),
            ("之前", 3),
            ("前", 3),
        ] {
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
                    0 | 1 => first.since = true,
                    2 => first.open_end = true,
                    _ => first.open_start = true,
                }
                end += space + word.len();
                break;
            }
        }
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
    if first.is_empty() && second.is_none() {
        return None;
    }
    Some(Found {
        span: Span::new(start, end),
        first,
        second,
        rule,
    })
}

fn skip_spaces(text: &str, pos: usize) -> usize {
    pos + text[pos..].len() - text[pos..].trim_start_matches(' ').len()
}

/// True when a range joiner or an open end follows `end`.
fn has_range_or_open(text: &str, end: usize) -> bool {
    let rest = &text[skip_spaces(text, end)..];
    JOINERS.iter().any(|j| rest.starts_with(j))
        || ["起", "以来", "开始", "至今"]
            .iter()
            .any(|w| rest.starts_with(w))
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
fn bare_day_at(text: &str, pos: usize, first: &Chain) -> Option<(Chain, usize, &'static str)> {
    first.day?;
    let (value, end, _, _) = integer_at(text, pos)?;
    if !(1..=31).contains(&value) || !text[end..].starts_with(['日', '号']) {
        return None;
    }
    let chain = Chain {
        day: Some(Step::Absolute(value)),
        ..Chain::default()
    };
    Some((chain, end + '日'.len_utf8(), "time.range"))
}

/// A year without 年 as the second end of a range: 2008.03-2009.
fn bare_year_at(text: &str, pos: usize, first: &Chain) -> Option<(Chain, usize, &'static str)> {
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
    Some((chain, end, "time.range"))
}

/// The chain `first` with the one part of `bare` added, when `bare` is
/// finer than everything in `first`.
fn merge(first: &Chain, bare: &Chain) -> Option<Chain> {
    let mut merged = *first;
    if bare.month.is_some()
        && first.month.is_none()
        && first.quarter.is_none()
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

/// `1` in `1-9月`, `9` in `9~12点`, `2020` in `2020至2025年`: a bare
/// number that takes the unit of the range's second end.
fn bare_range_start(text: &str, pos: usize) -> Option<(Chain, usize)> {
    let (value, end, _, _) = integer_at(text, pos)?;
    let joiner_start = skip_spaces(text, end);
    let joiner = JOINERS
        .iter()
        .find(|j| text[joiner_start..].starts_with(**j))?;
    let after = skip_spaces(text, joiner_start + joiner.len());
    let (second, _, _) = chain_at(text, after)?;
    let mut first = Chain::default();
    match second.coarsest() {
        0 => match second.year? {
            Year::Absolute(_) if (1000..=2200).contains(&value) => {
                first.year = Some(Year::Absolute(value as i32))
            }
            _ => return None,
        },
        1 if second.month.is_some() && (1..=12).contains(&value) => {
            first.month = Some(Step::Absolute(value))
        }
        3 if matches!(second.day, Some(Step::Absolute(_))) && (1..=31).contains(&value) => {
            first.day = Some(Step::Absolute(value))
        }
        5 if value <= 24 => first.hour = Some(value),
        _ => return None,
    }
    Some((first, end))
}

/// An integer at `pos`: its value, end, form and number of digits.
pub(crate) fn integer_at(text: &str, pos: usize) -> Option<(u32, usize, NumeralForm, usize)> {
    let c = text[pos..].chars().next()?;
    if !crate::numeric::numeral::can_start_numeral(c) || c == '万' || c == '亿' || c == '兆' {
        return None;
    }
    let numeral = parse_numeral_at(text, pos)?;
    let written = &text[pos..numeral.end];
    if let Some(point) = written.find(['.', ',', '点']) {
        // A decimal is no date part; read the integer before the point.
        let integer = parse_numeral_at(&text[..pos + point], pos)?;
        if integer.value.fract() != 0.0 || integer.value < 0.0 {
            return None;
        }
        return Some((
            integer.value as u32,
            integer.end,
            integer.form,
            written[..point].chars().count(),
        ));
    }
    if numeral.value.fract() != 0.0 || !(0.0..=100_000_000.0).contains(&numeral.value) {
        return None;
    }
    Some((
        numeral.value as u32,
        numeral.end,
        numeral.form,
        written.chars().count(),
    ))
}

/// The longest chain of time parts at `pos`, with its end and rule name.
fn chain_at(text: &str, pos: usize) -> Option<(Chain, usize, &'static str)> {
    if let Some(found) = crate::time::parts::numeric_date_at(text, pos) {
        let (mut chain, mut end) = found;
        // A part of day and a clock time may follow a numeric date.
        let mut after = skip_spaces(text, end);
        let parts = crate::time::words::PARTS_OF_DAY
            .iter()
            .map(|&(n, a, b, c)| (n, (a, b, c)));
        if let Some((name, v)) = crate::time::parts::longest(text, after, parts) {
            chain.part = Some(v);
            end = after + name.len();
            after = end;
        }
        if chain.hour.is_none() {
            if let Some((clock, clock_end)) = crate::time::parts::clock_at(text, after, &chain) {
                chain.hour = clock.hour;
                chain.minute = clock.minute;
                chain.second = clock.second;
                chain.meridiem = clock.meridiem;
                end = clock_end;
            }
        }
        return Some((chain, end, "time.numeric_date"));
    }
    let (chain, end) = crate::time::parts::parts_at(text, pos)?;
    let rule = if chain.now {
        "time.now"
    } else if chain.same_period || chain.same_period_shift.is_some() {
        "time.same_period"
    } else if chain.units.is_some() || chain.unit_offset.is_some() {
        "time.relative_span"
    } else if chain.vague {
        "time.vague"
    } else if chain.lunar || chain.festival.is_some() {
        "time.lunar"
    } else if chain.hour.is_some() {
        "time.clock"
    } else {
        "time.calendar"
    };
    Some((chain, end, rule))
}
