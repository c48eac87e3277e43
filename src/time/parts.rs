//! The parts a time chain is made of, each read at a byte offset of the
//! normalized text: years, months, days, weekdays, parts of day, clock
//! times, numeric dates, relative spans.

use crate::numeric::numeral::NumeralForm;
use crate::time::words::*;
use crate::time::{integer_at, Chain, Festival, Step, Unit, Year};

/// Reads a chain of calendar parts at `pos`, coarse to fine.
pub(crate) fn parts_at(text: &str, pos: usize) -> Option<(Chain, usize)> {
    if let Some(found) = whole_word_at(text, pos) {
        return Some(found);
    }
    if let Some((chain, end)) = relative_span_at(text, pos) {
        // 六天后的3时1刻: a clock time on that day, found but not resolved.
        if let Some(after) = text[end..].strip_prefix('的') {
            let start = text.len() - after.len();
            if let Some((_, clock_end)) = clock_at(
                text,
                start,
                &Chain {
                    day: Some(Step::Relative(0)),
                    ..Chain::default()
                },
            ) {
                let vague = Chain {
                    vague: true,
                    ..Chain::default()
                };
                return Some((vague, clock_end));
            }
        }
        return Some((chain, end));
    }
    // 第七年, 第三天 with nothing before: a position in an unnamed period.
    if let Some(after) = text[pos..].strip_prefix('第') {
        let start = text.len() - after.len();
        if let Some((_, end, _, _)) = integer_at(text, start) {
            if text[end..].starts_with('年') && !text[end..].starts_with("年级") {
                let vague = Chain {
                    vague: true,
                    ..Chain::default()
                };
                return Some((vague, end + '年'.len_utf8()));
            }
        }
    }
    let mut chain = Chain::default();
    let mut p = pos;
    let mut level = 0u8; // the next part must be at least this fine
    loop {
        // Between parts: one space (2018年 12月), 的 (2021年的第三个月), or a
        // comma before a weekday (2009年10月12号，星期一). Kept only when a
        // part follows.
        let original = p;
        if p > pos {
            let rest = &text[p..];
            if rest.starts_with(' ') {
                p += 1;
            } else if rest.starts_with('的') {
                p += '的'.len_utf8();
            } else if (rest.starts_with('，') || rest.starts_with(", ")) && chain.day.is_some() {
                let q = p + if rest.starts_with('，') { 3 } else { 2 };
                if chain.weekday.is_none() {
                    if let Some(end) = weekday_at(text, q, &mut chain) {
                        p = end;
                        continue;
                    }
                }
            }
        }
        let before = p;
        // 早八点, 晚十点: 早 and 晚 right before a clock time are parts of day.
        if level <= 7 && chain.part.is_none() {
            for (word, part) in [("早", (4, 12, false)), ("晚", (18, 24, true))] {
                if text[p..].starts_with(word) {
                    let probe = Chain {
                        part: Some(part),
                        ..Chain::default()
                    };
                    if clock_at(text, p + word.len(), &probe).is_some()
                        && !text[p + word.len()..].starts_with('一')
                    {
                        chain.part = Some(part);
                        p += word.len();
                        level = 8;
                    }
                }
            }
            // 7月25日早, 七月五号晚过境: morning or evening of the day
            // named, unless a word goes on (晚会, 早于, 晚上 read whole).
            if chain.day.is_some() && p == before {
                for (word, part) in [("早", (4, 12, false)), ("晚", (18, 24, true))] {
                    let after = &text[p..];
                    if after.starts_with(word)
                        && after[3..].chars().next().is_none_or(|c| {
                            !crate::text::normalize::is_han(c)
                                || !"于些了点期年餐饭报会宴市霞间上夜晨早晚班稻熟".contains(c)
                        })
                    {
                        chain.part = Some(part);
                        p += word.len();
                        level = 8;
                    }
                }
            }
            if p > before {
                continue;
            }
        }
        // 农历, 阴历: the month and day that follow are lunar.
        for marker in ["农历", "阴历"] {
            let names_festival = LUNAR_FESTIVALS.iter().any(|w| text[p..].starts_with(w.0));
            if text[p..].starts_with(marker) && !names_festival {
                chain.lunar = true;
                p += marker.len();
            }
        }
        // Seasons: 2021年春, 冬季, 大前年夏季, 去年暑假.
        if level <= 4 {
            let season_here = text[p..].starts_with(['新', '春', '夏', '秋', '冬', '暑', '寒']);
            if let Some(season) = SEASONS
                .iter()
                .find(|s| season_here && text[p..].starts_with(**s))
            {
                chain.vague = true;
                p += season.len();
                level = 5;
                continue;
            }
            if chain.year.is_some() && level <= 4 {
                if let Some(c) = text[p..].chars().next().filter(|c| "春夏秋冬".contains(*c)) {
                    let next = text[p + c.len_utf8()..].chars().next();
                    if next.is_none_or(|n| !crate::text::normalize::is_han(n) || "季天".contains(n))
                    {
                        chain.vague = true;
                        p += c.len_utf8();
                        if text[p..].starts_with(['季', '天']) {
                            p += '季'.len_utf8();
                        }
                        level = 5;
                        continue;
                    }
                }
            }
        }
        if level == 0 {
            if let Some(end) = century_at(text, p, &mut chain) {
                p = end;
                level = 1;
                continue;
            }
        }
        if level <= 1 {
            if let Some(end) = decade_at(text, p, &mut chain) {
                p = end;
                level = 2;
                continue;
            }
        }
        if level <= 2 {
            if let Some(end) = year_at(text, p, &mut chain) {
                p = end;
                level = 3;
                continue;
            }
        }
        if level <= 3 {
            if let Some(end) = month_level_at(text, p, &mut chain) {
                p = end;
                level = 4;
                continue;
            }
        }
        if level <= 4 {
            let q = p + usize::from(text[p..].starts_with('的')) * '的'.len_utf8();
            if let Some(end) = week_at(text, q, &mut chain) {
                p = end;
                level = 5;
                continue;
            }
        }
        if level <= 5 {
            let q = p + usize::from(text[p..].starts_with('的') && chain.month.is_some())
                * '的'.len_utf8();
            if let Some(end) = day_at(text, q, &mut chain) {
                p = end;
                level = 6;
                // A weekday may follow a date: 6月1日周六.
                if let Some(end) = weekday_at(text, p, &mut chain) {
                    p = end;
                }
                continue;
            }
        }
        if level <= 6 {
            if let Some(end) = edge_at(text, p, &mut chain) {
                p = end;
                level = 7;
                continue;
            }
        }
        if level <= 7 {
            if let Some((name, h1, h2, pm)) = longest(
                text,
                p,
                PARTS_OF_DAY.iter().map(|&(n, a, b, c)| (n, (a, b, c))),
            )
            .map(|(n, v)| (n, v.0, v.1, v.2))
            {
                chain.part = Some((h1, h2, pm));
                p += name.len();
                level = 8;
                continue;
            }
        }
        if level <= 8 {
            if let Some((clock, end)) = clock_at(text, p, &chain) {
                chain.hour = clock.hour;
                chain.minute = clock.minute;
                chain.second = clock.second;
                chain.meridiem = clock.meridiem;
                chain.vague |= clock.vague;
                p = end;
                level = 9;
                continue;
            }
        }
        if p == before {
            p = original;
            break;
        }
    }
    // 农历 alone (农历生肖) names no time.
    let marker_only = chain
        == Chain {
            lunar: true,
            ..Chain::default()
        };
    (p > pos && !marker_only).then_some((chain, p))
}

/// The first characters of every word `longest` is asked about: one load
/// rules a position out.
static WORD_HEADS: std::sync::LazyLock<crate::lexicon::CharBits> = std::sync::LazyLock::new(|| {
    let words = all_words().chain(UNITS.iter().map(|w| w.0));
    crate::lexicon::CharBits::of(words.filter_map(|w| w.chars().next()))
});

/// The longest word of `words` at `pos`, with its value.
pub(crate) fn longest<T: Copy>(
    text: &str,
    pos: usize,
    words: impl Iterator<Item = (&'static str, T)>,
) -> Option<(&'static str, T)> {
    let rest = text.get(pos..)?.as_bytes();
    // Every word here is Chinese: three bytes a character. Compare the
    // first character's bytes before the whole word.
    if rest.len() < 3 || rest[0] < 0x80 {
        return None;
    }
    let head = &rest[..3];
    let first = text[pos..].chars().next()?;
    if first.len_utf8() != 3 || !WORD_HEADS.contains(first) {
        return None;
    }
    words
        .filter(|(w, _)| w.as_bytes().get(..3) == Some(head) && rest.starts_with(w.as_bytes()))
        .max_by_key(|(w, _)| w.len())
}

/// Words that are a whole expression: 目前, 近日, 同期, 去年同期, 今明两年, 十四五.
fn whole_word_at(text: &str, pos: usize) -> Option<(Chain, usize)> {
    let rest = &text[pos..];
    let mut chain = Chain::default();
    for shift_word in [("去年同期", -1), ("上年同期", -1), ("前年同期", -2)] {
        if rest.starts_with(shift_word.0) {
            chain.same_period_shift = Some(shift_word.1);
            return Some((chain, pos + shift_word.0.len()));
        }
    }
    if let Some(word) = SAME_PERIOD_WORDS.iter().find(|w| rest.starts_with(**w)) {
        chain.same_period = true;
        return Some((chain, pos + word.len()));
    }
    if let Some(word) = NOW_WORDS
        .iter()
        .filter(|w| rest.starts_with(**w))
        .max_by_key(|w| w.len())
    {
        chain.now = true;
        return Some((chain, pos + word.len()));
    }
    if let Some(word) = FUZZY_WORDS
        .iter()
        .filter(|w| rest.starts_with(**w))
        .max_by_key(|w| w.len())
    {
        chain.vague = true;
        return Some((chain, pos + word.len()));
    }
    if rest.starts_with("今明两年") {
        chain.year = Some(Year::Relative(0));
        chain.year_span = Some(1);
        return Some((chain, pos + "今明两年".len()));
    }
    if rest.starts_with("全天") {
        chain.day = Some(Step::Relative(0));
        return Some((chain, pos + "全天".len()));
    }
    // Five-year plans: “十四五”, 十三五时期.
    for (name, first_year) in [
        ("十一五", 2006),
        ("十二五", 2011),
        ("十三五", 2016),
        ("十四五", 2021),
        ("十五五", 2026),
    ] {
        if let Some(after) = rest.strip_prefix(name) {
            let quoted = text[..pos].ends_with(['“', '"', '「']);
            let named = after.starts_with(['”', '"', '」'])
                || ["规划", "期间", "时期", "末", "初"]
                    .iter()
                    .any(|w| after.starts_with(w));
            if (quoted || named)
                && !after.starts_with(|c: char| crate::numeric::numeral::can_start_numeral(c))
            {
                chain.plan = Some(first_year);
                return Some((chain, pos + name.len()));
            }
        }
    }
    None
}

/// Time units, longest first, for relative spans.
const UNITS: &[(&str, Unit)] = &[
    ("个工作日", Unit::Day),
    ("个交易日", Unit::Day),
    ("个小时", Unit::Hour),
    ("个钟", Unit::Hour),
    ("个周", Unit::Week),
    ("个钟头", Unit::Hour),
    ("个星期", Unit::Week),
    ("个礼拜", Unit::Week),
    ("个季度", Unit::Quarter),
    ("个月", Unit::Month),
    ("工作日", Unit::Day),
    ("交易日", Unit::Day),
    ("小时", Unit::Hour),
    ("钟头", Unit::Hour),
    ("分钟", Unit::Minute),
    ("刻钟", Unit::Minute),
    ("秒钟", Unit::Second),
    ("星期", Unit::Week),
    ("礼拜", Unit::Week),
    ("季度", Unit::Quarter),
    ("年", Unit::Year),
    ("月", Unit::Month),
    ("周", Unit::Week),
    ("天", Unit::Day),
    ("日", Unit::Day),
    ("分", Unit::Minute),
    ("秒", Unit::Second),
];

/// A count of units at `pos`: `三天`, `两个月`, `20多个月`, `一年半`,
/// `半小时`. Returns the count (None when vague), the unit and the end.
pub(crate) fn count_of_units_at(
    text: &str,
    pos: usize,
) -> Option<(Option<i64>, Unit, usize, bool)> {
    let (count, mut p, mut vague) = if text[pos..].starts_with('半') {
        (None, pos + '半'.len_utf8(), true)
    } else if text[pos..].starts_with(['几', '数']) {
        let mut p = pos + '几'.len_utf8();
        if text[p..].starts_with(['十', '百', '千', '万']) {
            p += '十'.len_utf8();
        }
        (None, p, true)
    } else {
        let (value, end, _, _) = integer_at(text, pos)?;
        (Some(i64::from(value)), end, false)
    };
    if text[p..].starts_with(['多', '余', '几']) {
        vague = true;
        p += '多'.len_utf8();
    }
    // 两个半月, 十个多月: 个 before 半 or 多.
    if text[p..].starts_with("个半") || text[p..].starts_with("个多") {
        vague = true;
        p += "个半".len();
    }
    // 一分半钟: half a minute more.
    if text[p..].starts_with("分半钟") {
        return Some((None, Unit::Minute, p + "分半钟".len(), true));
    }
    let (word, unit) = longest(text, p, UNITS.iter().copied())?;
    // 个 must come with a unit that needs it: 两个月, not 两月 for a span.
    let mut end = p + word.len();
    // 七年半, 3年多: a half or more after the unit.
    if text[end..].starts_with(['半', '多']) {
        vague = true;
        end += '半'.len_utf8();
    }
    if word == "刻钟" {
        return Some((count.map(|c| c * 15), Unit::Minute, end, vague));
    }
    if word.ends_with("日") && word.len() > 3 {
        vague = true; // working days and trading days are not calendar days
    }
    Some((count, unit, end, vague))
}

/// Words whose last character would otherwise start a relative span.
const WORDS_ENDING_IN_PREFIX: &str = "
    提前 之前 以前 此前 事前 目前 当前 向前 空前 眼前 面前 跟前 会前 赛前 节前 战前 生前 日前 最前
    之后 以后 此后 然后 随后 最后 今后 往后 落后 先后 背后 前后 午后 会后 赛后 节后 事后 饭后 身后 而后
    以上 之上 北上 马上 晚上 早上 路上 线上 网上 加上 向上 往上 会上 身上 手上 世上 桌上 台上 市上
    以下 之下 南下 眼下 当下 私下 地下 手下 乡下 天下 线下 底下 上下 留下 放下 剩下 落下 如下
    最近 接近 附近 将近 临近 就近 靠近 亲近 贴近 逼近 走近 邻近
    通过 经过 超过 不过 度过 错过 越过 难过 路过 跳过 闯过 胜过 穿过 熬过 绕过 放过 听过 见过 做过
";

/// Relative spans: `后三天`, `上二周`, `前8个月`, `前三季度`, `前两年`,
/// `近五年`, `未来7天`, `三年前`, `20天后`, `再过半个小时`.
fn relative_span_at(text: &str, pos: usize) -> Option<(Chain, usize)> {
    let rest = &text[pos..];
    let mut chain = Chain::default();
    let prefixes = [
        ("过去的", 'p'),
        ("过去", 'p'),
        ("最近", 'p'),
        ("未来", 'f'),
        ("今后", 'f'),
        ("再过", 'o'),
        ("近", 'p'),
        ("过", 'o'),
        ("上", 'l'),
        ("前", 'b'),
        ("下", 'n'),
        ("后", 'n'),
    ];
    if rest.starts_with("上半") || rest.starts_with("下半") {
        return None; // 上半年 is a half of a year
    }
    // 这五年: the period just named, when it is that long.
    if let Some(after) = rest.strip_prefix('这') {
        let start = text.len() - after.len();
        if let Some((Some(n), _, end, false)) = count_of_units_at(text, start) {
            if n >= 2 {
                chain.same_period = true;
                return Some((chain, end));
            }
        }
    }
    if let Some(&(word, kind)) = prefixes.iter().find(|(w, _)| rest.starts_with(w)) {
        let prev = text[..pos].chars().next_back();
        // 提前三天, 超过两年, 最近: the prefix ends another word.
        let joins_word = word.chars().count() == 1
            && prev.is_some_and(|p| {
                let mut pair = String::from(p);
                pair.push_str(word);
                WORDS_ENDING_IN_PREFIX.split_whitespace().any(|w| w == pair)
            });
        if !joins_word {
            if let Some((count, unit, end, vague)) = count_of_units_at(text, pos + word.len()) {
                let after = &text[end..];
                let mut end = end;
                for tail in ["以来", "以内", "之内", "内", "里"] {
                    if after.starts_with(tail) {
                        end += tail.len();
                        break;
                    }
                }
                if vague || count.is_none() || matches!(kind, 'p' | 'f') {
                    chain.vague = true;
                    return Some((chain, end));
                }
                let n = count?;
                match (kind, unit) {
                    ('b', Unit::Month) => chain.first_months = Some(n as u32),
                    ('b', Unit::Quarter) => chain.quarter = Some((1, n as u32)),
                    ('b', Unit::Year) => chain.units = Some((Unit::Year, -n, n)),
                    ('b' | 'l', _) => chain.units = Some((unit, -n, n)),
                    ('n', _) => chain.units = Some((unit, 1, n)),
                    _ => chain.unit_offset = Some((unit, n)),
                }
                return Some((chain, end));
            }
        }
    }
    // 三年前, 20天后, 两个半月以内.
    let (count, unit, end, vague) = count_of_units_at(text, pos)?;
    let after = &text[end..];
    let suffixes = [
        ("之前", -1),
        ("以前", -1),
        ("之后", 1),
        ("以后", 1),
        ("以来", 0),
        ("以内", 0),
        ("之内", 0),
        ("前", -1),
        ("后", 1),
        ("内", 0),
    ];
    let &(word, direction) = suffixes.iter().find(|(w, _)| after.starts_with(w))?;
    // 2021年前两个季度, 2024年内, 4月前4天: a year or month, not a count of them.
    let unit_word = &text[pos..end];
    let looks_like_year = unit == Unit::Year && !vague && count.is_some_and(|n| n >= 1000);
    let in_digits = unit_word.starts_with(|c: char| c.is_ascii_digit());
    let bare_month =
        unit == Unit::Month && !unit_word.contains('个') && !unit_word.starts_with('半') && !vague;
    let bare_day = in_digits && unit_word.ends_with('日');
    let bare_month_or_day = bare_month || bare_day;
    let numeral_follows =
        after[word.len()..].starts_with(|c: char| crate::numeric::numeral::can_start_numeral(c));
    if looks_like_year || bare_month_or_day || (unit == Unit::Year && numeral_follows) {
        return None;
    }
    // 三年前所未有: 前 starting a word is no suffix.
    if word == "前"
        && after[3..].starts_with(['所', '夕', '景', '途', '沿', '列', '线', '身', '提'])
    {
        return None;
    }
    match (count, vague, direction) {
        (Some(n), false, d) if d != 0 => chain.unit_offset = Some((unit, d * n)),
        _ => chain.vague = true,
    }
    Some((chain, end + word.len()))
}

/// 十九世纪, 19世纪, 上世纪, 本世纪.
fn century_at(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    for (word, offset) in [("上世纪", -1), ("本世纪", 0), ("上个世纪", -1)] {
        if rest.starts_with(word) {
            chain.century = Some(-100 + offset); // relative: resolved later
            return Some(pos + word.len());
        }
    }
    let (value, end, _, _) = integer_at(text, pos)?;
    (text[end..].starts_with("世纪") && (1..=22).contains(&value)).then(|| {
        chain.century = Some(value as i32);
        end + "世纪".len()
    })
}

/// 七十年代, 80年代, 1980年代.
fn decade_at(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let (value, end, _, digits) = integer_at(text, pos)?;
    if !text[end..].starts_with("年代") || value % 10 != 0 {
        return None;
    }
    match digits {
        4 => {
            chain.century = Some(value as i32 / 100 + 1);
            chain.decade = Some(value % 100);
        }
        _ if value < 100 => chain.decade = Some(value),
        _ => return None,
    }
    Some(end + "年代".len())
}

/// Years: 2023年, 二〇二三年, 98年, 民国112年, 去年, 当年.
fn year_at(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    if let Some((word, offset)) = longest(text, pos, RELATIVE_YEARS.iter().copied()) {
        chain.year = Some(Year::Relative(offset));
        return Some(pos + word.len());
    }
    if let Some((word, offset)) = longest(text, pos, CONTEXT_YEARS.iter().copied()) {
        chain.year = Some(Year::Context(offset));
        return Some(pos + word.len());
    }
    if let Some(after) = rest.strip_prefix("民国") {
        let start = text.len() - after.len();
        let (value, end, _, _) = integer_at(text, start)?;
        if text[end..].starts_with('年') && (1..=200).contains(&value) {
            chain.year = Some(Year::Absolute(1911 + value as i32));
            return Some(end + '年'.len_utf8());
        }
        return None;
    }
    let (value, end, form, digits) = integer_at(text, pos)?;
    let after = &text[end..];
    if !after.starts_with('年') || after.starts_with("年代") || after.starts_with("年级") {
        return None;
    }
    let year_end = end + '年'.len_utf8();
    let following = &text[year_end..];
    let written = &text[pos..end];
    let by_digits = form == NumeralForm::DigitByDigit
        || (form == NumeralForm::Arabic && !written.contains(['.', ',']));
    let unit_year =
        form == NumeralForm::Chinese && (1000..=2200).contains(&value) && starts_month(following);
    match digits {
        // 两千零四年八月
        _ if unit_year => chain.year = Some(Year::Absolute(value as i32)),
        4 if by_digits && (1000..=2200).contains(&value) => {
            chain.year = Some(Year::Absolute(value as i32))
        }
        2 if by_digits => {
            // 98年4月, 07年, 零六年: two-digit years, when what follows
            // makes them dates and not durations (10年 is ten years).
            let leading_zero = written.starts_with(['0', '零', '〇', '○']);
            let dated = leading_zero
                || form == NumeralForm::DigitByDigit
                || starts_month(following)
                || [
                    "第",
                    "上半年",
                    "下半年",
                    "底",
                    "末",
                    "初",
                    "全年",
                    "前",
                    "春",
                    "夏",
                    "秋",
                    "冬",
                    "年底",
                    "年末",
                    "年初",
                ]
                .iter()
                .any(|w| following.starts_with(w));
            if !dated {
                return None;
            }
            chain.year = Some(Year::TwoDigit(value as i32));
        }
        _ => return None,
    }
    Some(year_end)
}

/// True when `rest` starts with a month: 4月, 十二月.
fn starts_month(rest: &str) -> bool {
    integer_at(rest, 0)
        .is_some_and(|(v, end, _, _)| (1..=12).contains(&v) && rest[end..].starts_with('月'))
}

/// Quarters, halves, first months, months, 全年, 年底.
fn month_level_at(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    for (word, half) in [("上半月", 4), ("下半月", 5)] {
        if rest.starts_with(word) {
            chain.xun = Some(half);
            if chain.month.is_none() {
                chain.month = Some(Step::Relative(0));
            }
            return Some(pos + word.len());
        }
    }
    for (word, half) in [("上半年", 1), ("下半年", 2), ("前半年", 1), ("后半年", 2)] {
        if rest.starts_with(word) {
            chain.half = Some(half);
            return Some(pos + word.len());
        }
    }
    if rest.starts_with("全年") && chain.year.is_some() {
        return Some(pos + "全年".len());
    }
    if let Some((word, offset)) = longest(text, pos, RELATIVE_QUARTERS.iter().copied()) {
        chain.relative_quarter = Some(offset);
        return Some(pos + word.len());
    }
    if let Some((word, offset)) = longest(text, pos, RELATIVE_MONTHS.iter().copied()) {
        chain.month = Some(Step::Relative(offset));
        return Some(pos + word.len());
    }
    if let Some((word, offset)) = longest(text, pos, CONTEXT_MONTHS.iter().copied()) {
        chain.month = Some(Step::Context(offset));
        return Some(pos + word.len());
    }
    for (word, month) in [("正月", 1), ("腊月", 12), ("冬月", 11)] {
        if rest.starts_with(word) {
            chain.month = Some(Step::Absolute(month));
            chain.lunar = true;
            return Some(pos + word.len());
        }
    }
    // 2021年的最后4个月: the last months of a year.
    if let Some(after) = rest.strip_prefix("最后") {
        if chain.year.is_some() {
            let start = skip(text, text.len() - after.len());
            match count_of_units_at(text, start) {
                Some((Some(n), Unit::Month, end, false)) if (1..=12).contains(&n) => {
                    chain.last_months = Some(n as u32);
                    return Some(end);
                }
                // 今年的最后3周, 去年最后10天.
                Some((Some(n), Unit::Week, end, false)) if (1..=52).contains(&n) => {
                    chain.last_days = Some(7 * n as u32);
                    return Some(end);
                }
                Some((Some(n), Unit::Day, end, false)) if (1..=366).contains(&n) => {
                    chain.last_days = Some(n as u32);
                    return Some(end);
                }
                _ => {}
            }
        }
    }
    // 2022年前十一个月, 2021年前两个季度, 去年的前10天.
    if let Some(after) = rest.strip_prefix('前') {
        if chain.year.is_some() {
            let start = text.len() - after.len();
            if let Some((Some(n), unit, end, false)) = count_of_units_at(text, start) {
                match unit {
                    Unit::Day if (1..=366).contains(&n) => {
                        chain.first_days = Some(n as u32);
                        return Some(end);
                    }
                    // 2021年的前2周: the first weeks, as days.
                    Unit::Week if (1..=52).contains(&n) => {
                        chain.first_days = Some(7 * n as u32);
                        return Some(end);
                    }
                    Unit::Month if (1..=12).contains(&n) => {
                        chain.first_months = Some(n as u32);
                        return Some(end);
                    }
                    Unit::Quarter if (1..=4).contains(&n) => {
                        chain.quarter = Some((1, n as u32));
                        return Some(end);
                    }
                    _ => {}
                }
            }
        }
    }
    if let Some(after) = rest.strip_prefix("首季度") {
        chain.quarter = Some((1, 1));
        return Some(text.len() - after.len());
    }
    // Q1, Q1季度
    if let Some(after) = rest.strip_prefix('Q') {
        let q = after.chars().next().and_then(|c| c.to_digit(10))?;
        if (1..=4).contains(&q) && !after[1..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
            chain.quarter = Some((q, q));
            let end = text.len() - after.len() + 1;
            return Some(end + usize::from(text[end..].starts_with("季度")) * "季度".len());
        }
        return None;
    }
    if let Some(after) = rest.strip_prefix("闰") {
        let start = text.len() - after.len();
        let (value, end, _, _) = integer_at(text, start)?;
        if text[end..].starts_with('月') && (1..=12).contains(&value) {
            chain.month = Some(Step::Absolute(value));
            chain.lunar = true;
            chain.leap_month = true;
            return Some(end + '月'.len_utf8());
        }
        return None;
    }
    // 第三季度, 第四季, 第8个月
    let (ordinal, start) = match rest.strip_prefix('第') {
        Some(after) => (true, text.len() - after.len()),
        None => (false, pos),
    };
    let (value, end, _, _) = integer_at(text, start)?;
    let after = &text[end..];
    if after.starts_with("季度") || (ordinal && after.starts_with('季')) {
        if !(1..=4).contains(&value) {
            return None;
        }
        chain.quarter = Some((value, value));
        let len = if after.starts_with("季度") {
            "季度".len()
        } else {
            '季'.len_utf8()
        };
        return Some(end + len);
    }
    if ordinal {
        if after.starts_with("个月") && (1..=12).contains(&value) && chain.year.is_some() {
            chain.month = Some(Step::Absolute(value));
            return Some(end + "个月".len());
        }
        return None;
    }
    if after.starts_with('月') && !after.starts_with("月份") || after.starts_with("月份") {
        if !(1..=12).contains(&value) {
            return None;
        }
        chain.month = Some(Step::Absolute(value));
        let len = if after.starts_with("月份") {
            "月份".len()
        } else {
            '月'.len_utf8()
        };
        return Some(end + len);
    }
    None
}

/// Weeks: 上周, 本月第2周, 今年第三十七个星期.
fn week_at(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    if let Some((word, offset)) = longest(text, pos, RELATIVE_WEEKS.iter().copied()) {
        chain.week = Some(Step::Relative(offset));
        let end = pos + word.len();
        // 上周六, 下星期二, 这礼拜天: the weekday right after the week word.
        let weekday = text[end..].chars().next().and_then(|c| match c {
            '一' => Some(1),
            '二' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '日' | '天' => Some(7),
            _ => None,
        });
        if let Some(wd) = weekday {
            chain.weekday = Some(wd);
            return Some(end + 3);
        }
        return Some(end);
    }
    let after = text[pos..].strip_prefix('第')?;
    let start = text.len() - after.len();
    let (value, end, _, _) = integer_at(text, start)?;
    let rest = &text[end..];
    let word = ["个星期", "个礼拜", "个周", "周"]
        .iter()
        .find(|w| rest.starts_with(**w))?;
    // 第一个星期一 is a weekday, not a week.
    let after_word = &rest[word.len()..];
    if after_word.starts_with(|c: char| "一二三四五六日天1234567".contains(c))
        && word.ends_with("星期")
        || word.ends_with("礼拜")
            && after_word.starts_with(|c: char| "一二三四五六日天".contains(c))
        || *word == "个周" && after_word.starts_with(|c: char| "一二三四五六日".contains(c))
    {
        return None;
    }
    if value == 0 || value > 53 {
        return None;
    }
    chain.week = Some(Step::Absolute(value));
    Some(end + word.len())
}

/// A weekday: 星期一, 周五, 礼拜天, 第3个星期日.
fn weekday_at(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let mut p = pos;
    let mut nth = None;
    if let Some(after) = text[p..].strip_prefix('第') {
        let start = text.len() - after.len();
        let (value, end, _, _) = integer_at(text, start)?;
        let after = &text[end..];
        if !after.starts_with('个') || !(1..=5).contains(&value) {
            return None;
        }
        nth = Some(value);
        p = end + '个'.len_utf8();
    }
    let rest = &text[p..];
    if nth.is_none()
        && (rest.starts_with("周末") || (chain.week.is_some() && rest.starts_with('末')))
    {
        chain.weekend = true;
        if chain.week.is_none() {
            chain.week = Some(Step::Relative(0));
        }
        return Some(p + if rest.starts_with('末') { 3 } else { 6 });
    }
    let word = ["星期", "礼拜", "周"]
        .iter()
        .find(|w| rest.starts_with(**w))?;
    let day_char = rest[word.len()..].chars().next()?;
    let weekday = match day_char {
        '一' | '1' => 1,
        '二' | '2' => 2,
        '三' | '3' => 3,
        '四' | '4' => 4,
        '五' | '5' => 5,
        '六' | '6' => 6,
        '日' | '天' | '7' => 7,
        _ => return None,
    };
    let end = p + word.len() + day_char.len_utf8();
    // 周一至周五 fine; 周六日 or 星期一二 are lists.
    if text[end..].starts_with(|c: char| "一二三四五六日天".contains(c)) && *word == "周" {
        return None;
    }
    chain.weekday = Some(weekday);
    chain.weekday_nth = nth;
    Some(end)
}

/// Days: 27日, 9号, 今天, 当天, 今晚, 国庆节, 第一天, bare 3 after 1月.
fn day_at(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    if let Some(end) = weekday_at(text, pos, chain) {
        return Some(end);
    }
    let rest = &text[pos..];
    if let Some((word, (offset, part))) =
        longest(text, pos, DAY_AND_PART.iter().map(|&(w, o, p)| (w, (o, p))))
    {
        chain.day = Some(Step::Relative(offset));
        chain.part = PARTS_OF_DAY
            .iter()
            .find(|p| p.0 == part)
            .map(|p| (p.1, p.2, p.3));
        return Some(pos + word.len());
    }
    if rest.starts_with("当晚") {
        chain.day = Some(Step::Context(0));
        chain.part = Some((18, 24, true));
        return Some(pos + "当晚".len());
    }
    if let Some((word, offset)) = longest(text, pos, RELATIVE_DAYS.iter().copied()) {
        chain.day = Some(Step::Relative(offset));
        return Some(pos + word.len());
    }
    if let Some((word, offset)) = longest(text, pos, CONTEXT_DAYS.iter().copied()) {
        chain.day = Some(Step::Context(offset));
        return Some(pos + word.len());
    }
    if let Some((word, (m, d))) = longest(
        text,
        pos,
        FIXED_HOLIDAYS.iter().map(|&(w, m, d)| (w, (m, d))),
    ) {
        chain.holiday = Some((m, d));
        return Some(pos + word.len());
    }
    if let Some((word, v)) = longest(
        text,
        pos,
        WEEKDAY_HOLIDAYS.iter().map(|&(w, m, d, n)| (w, (m, d, n))),
    ) {
        chain.weekday_holiday = Some(v);
        chain.holiday = Some((v.0, 1));
        return Some(pos + word.len());
    }
    if let Some(end) = festival_at(text, pos, chain) {
        return Some(end);
    }
    // 初八, 大年初十: lunar days.
    for prefix in ["大年初", "初"] {
        if let Some(after) = rest.strip_prefix(prefix) {
            if prefix == "初" && chain.month.is_none() {
                break;
            }
            let start = text.len() - after.len();
            let (value, end, _, _) = integer_at(text, start)?;
            if (1..=10).contains(&value) {
                chain.lunar = true;
                chain.day = Some(Step::Absolute(value));
                if prefix == "大年初" && chain.month.is_none() {
                    chain.month = Some(Step::Absolute(1));
                }
                return Some(end);
            }
            return None;
        }
    }
    // 上月最后五天: the last days of the month.
    if let (Some(after), Some(_)) = (rest.strip_prefix("最后"), chain.month) {
        let start = skip(text, text.len() - after.len());
        if let Some((Some(n), Unit::Day, end, false)) = count_of_units_at(text, start) {
            if (1..=31).contains(&n) {
                chain.last_days = Some(n as u32);
                return Some(end);
            }
        }
    }
    // 4月前4天: the first days of the month.
    if let (Some(after), Some(Step::Absolute(_))) = (rest.strip_prefix('前'), chain.month) {
        let start = text.len() - after.len();
        if let Some((Some(n), Unit::Day, end, false)) = count_of_units_at(text, start) {
            if (1..=31).contains(&n) {
                chain.first_days = Some(n as u32);
                return Some(end);
            }
        }
    }
    // 第一天, 第三天
    if let Some(after) = rest.strip_prefix('第') {
        let start = text.len() - after.len();
        let (value, end, _, _) = integer_at(text, start)?;
        if text[end..].starts_with('天') && value >= 1 {
            chain.nth_day = Some(value);
            if chain.year.is_none() && chain.month.is_none() {
                chain.vague = true;
            }
            return Some(end + '天'.len_utf8());
        }
        return None;
    }
    let (value, end, form, _) = integer_at(text, pos)?;
    let after = &text[end..];
    if !(1..=31).contains(&value) {
        return None;
    }
    if after.starts_with(['日', '号']) {
        // 三日 alone is three days; a day of the month follows a month or is in digits.
        if form != NumeralForm::Arabic
            && chain.month.is_none()
            && chain.week.is_none()
            && after.starts_with('日')
        {
            return None;
        }
        chain.day = Some(Step::Absolute(value));
        return Some(end + '日'.len_utf8());
    }
    // 1月3, 十月31: a bare day right after a month.
    let after_month = matches!(chain.month, Some(Step::Absolute(_))) && text[..pos].ends_with('月');
    let next = after.chars().next();
    let part_follows = PARTS_OF_DAY.iter().any(|p| after.starts_with(p.0));
    let ends_here = next.is_none_or(|c| {
        !crate::numeric::numeral::can_start_numeral(c) && !c.is_ascii_alphanumeric()
    }) && crate::numeric::units::unit_at(after).is_none()
        && (part_follows || crate::numeric::units::time_unit_at(after).is_none())
        && !after.starts_with(['点', '时', '分', '%', '成', '个']);
    if after_month && ends_here {
        chain.day = Some(Step::Absolute(value));
        // 五月廿二: 廿 and 卅 with no 日 after them count lunar days.
        chain.lunar |= rest.starts_with(['廿', '卅']);
        return Some(end);
    }
    None
}

/// Festivals of the lunar calendar and solar terms: 春节, 中秋节, 冬至,
/// 2024年大雪 (a solar term that is also weather needs a year before it or
/// 节气 after it).
fn festival_at(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let lunar = LUNAR_FESTIVALS.iter().map(|&(w, m, d)| {
        let festival = if d == 0 {
            Festival::NewYearsEve
        } else {
            Festival::Lunar(m, d)
        };
        (w, festival)
    });
    let solar = TERM_FESTIVALS
        .iter()
        .map(|&(w, term, days)| (w, Festival::SolarTerm(term, days)))
        .chain(
            crate::civil::lunar::SOLAR_TERMS
                .iter()
                .enumerate()
                .map(|(term, &w)| (w, Festival::SolarTerm(term, 0))),
        );
    let (word, festival) = longest(text, pos, lunar.chain(solar))?;
    let end = pos + word.len();
    if WEATHER_TERMS.split(' ').any(|w| w == word)
        && chain.year.is_none()
        && !text[end..].starts_with("节气")
    {
        return None;
    }
    chain.festival = Some(festival);
    chain.holiday = Some((1, 1));
    let is_term = matches!(festival, Festival::SolarTerm(_, 0));
    Some(end + usize::from(is_term && text[end..].starts_with("节气")) * "节气".len())
}

/// Edges and parts of months and years: 上旬, 月底, 年初, 伊始, 末.
fn edge_at(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    if chain.month.is_some()
        || chain.year.is_some()
        || chain.decade.is_some()
        || chain.century.is_some()
        || chain.quarter.is_some()
    {
        for (word, xun) in [("上旬", 1), ("中旬", 2), ("下旬", 3)] {
            if rest.starts_with(word) && chain.month.is_some() {
                chain.xun = Some(xun);
                return Some(pos + word.len());
            }
        }
        for word in [
            "月底", "月初", "月末", "月中", "年底", "年初", "年末", "年中", "年终", "伊始", "前期",
            "中期", "后期", "中叶", "底", "末", "初", "中",
        ] {
            if rest.starts_with(word) {
                if word.starts_with('月') && chain.month.is_none()
                    || word == "中" && !rest.starts_with("中旬") && chain.month.is_none()
                {
                    continue;
                }
                if word == "中" {
                    continue;
                }
                chain.vague = true;
                return Some(pos + word.len());
            }
        }
    }
    if chain.is_default_start() {
        for word in [
            "年底", "年初", "年末", "年中", "年终", "月底", "月初", "月末", "月中",
        ] {
            if rest.starts_with(word) {
                chain.vague = true;
                return Some(pos + word.len());
            }
        }
    }
    None
}

impl Chain {
    /// True while nothing has been read into the chain.
    fn is_default_start(&self) -> bool {
        *self == Chain::default()
    }
}

/// A clock time at `pos`: `15:30`, `3:15pm`, `3pm`, `八点`, `3点半`,
/// `20时1刻`, `十一点钟`, `下午三点十五`. Bare `N点` with digits after it
/// is a decimal unless the chain already names a day or part of day.
pub(crate) fn clock_at(text: &str, pos: usize, chain: &Chain) -> Option<(Chain, usize)> {
    let mut clock = Chain::default();
    let has_context = chain.day.is_some()
        || chain.part.is_some()
        || chain.weekday.is_some()
        || chain.holiday.is_some();
    let bytes = text.as_bytes();
    // HH:MM(:SS)
    let digits = |p: usize| bytes[p..].iter().take_while(|b| b.is_ascii_digit()).count();
    let colon = |p: usize| -> Option<usize> {
        if bytes.get(p) == Some(&b':') {
            Some(1)
        } else if text[p..].starts_with('：') {
            Some('：'.len_utf8())
        } else {
            None
        }
    };
    let h_len = digits(pos);
    if (1..=2).contains(&h_len) {
        if let Some(c1) = colon(pos + h_len) {
            let m_start = pos + h_len + c1;
            if digits(m_start) == 2 {
                let hour: u32 = text[pos..pos + h_len].parse().ok()?;
                let minute: u32 = text[m_start..m_start + 2].parse().ok()?;
                let mut end = m_start + 2;
                if hour > 24 || minute > 59 {
                    return None;
                }
                clock.hour = Some(hour);
                clock.minute = Some(minute);
                if let Some(c2) = colon(end) {
                    if digits(end + c2) == 2 {
                        let second: u32 = text[end + c2..end + c2 + 2].parse().ok()?;
                        if second > 59 {
                            return None;
                        }
                        clock.second = Some(second);
                        end += c2 + 2;
                    }
                }
                if digits(end) > 0 {
                    return None;
                }
                end = meridiem(text, end, &mut clock);
                if text[end..].starts_with('时') {
                    end += '时'.len_utf8();
                }
                return Some((clock, end));
            }
        }
        // 3pm, 3am
        if let Some(end) =
            Some(meridiem(text, pos + h_len, &mut clock)).filter(|&e| e > pos + h_len)
        {
            let hour: u32 = text[pos..pos + h_len].parse().ok()?;
            if !(1..=12).contains(&hour) {
                return None;
            }
            clock.hour = Some(hour);
            return Some((clock, end));
        }
    }
    // N点, N时
    let (hour, end, form, digits) = integer_at(text, pos)?;
    // 七八点: one hour or the next, found but not resolved.
    if form == NumeralForm::DigitByDigit && digits == 2 && text[end..].starts_with('点') {
        let first = crate::numeric::numeral::chinese_digit(text[pos..].chars().next()?)?;
        if hour % 10 == u32::from(first) + 1 || hour == u32::from(first) * 10 + u32::from(first) + 1
        {
            clock.vague = true;
            clock.hour = Some(u32::from(first));
            return Some((clock, end + '点'.len_utf8()));
        }
    }
    let mut p = end;
    let word = ["点钟", "点", "时"]
        .iter()
        .find(|w| text[p..].starts_with(**w))?;
    if hour > 24 || (word == &"时" && text[p..].starts_with("时间")) {
        return None;
    }
    p += word.len();
    clock.hour = Some(hour);
    let mut explicit = word == &"时" || word == &"点钟" || has_context;
    // Minutes.
    let rest = &text[p..];
    if rest.starts_with('半') {
        clock.minute = Some(30);
        p += '半'.len_utf8();
        explicit = true;
    } else if let Some((quarters, len)) = [
        ("一刻", 15),
        ("1刻", 15),
        ("三刻", 45),
        ("3刻", 45),
        ("两刻", 30),
    ]
    .iter()
    .find(|(w, _)| rest.starts_with(w))
    .map(|&(w, q)| (q, w.len()))
    {
        clock.minute = Some(quarters);
        p += len;
        explicit = true;
    } else if let Some((marks, m_end)) = rest
        .strip_prefix(['踏', '搭'])
        .and_then(|_| integer_at(text, p + '踏'.len_utf8()))
        .filter(|(n, ..)| (1..=11).contains(n))
        .map(|(n, end, _, _)| (n, end))
    {
        // Cantonese 三點踏三: marks of five minutes on the dial.
        clock.minute = Some(marks * 5);
        p = m_end;
        explicit = true;
    } else if let Some((minute, m_end, _, _)) = integer_at(text, p) {
        let after = &text[m_end..];
        if minute <= 59 && after.starts_with('分') && !after.starts_with("分钟") {
            clock.minute = Some(minute);
            p = m_end + '分'.len_utf8();
            explicit = true;
        } else if minute <= 59 && after.starts_with("个字") {
            clock.minute = Some(minute * 5);
            p = m_end + "个字".len();
            explicit = true;
        } else if minute <= 59 && explicit && !after.starts_with(|c: char| c.is_ascii_digit()) {
            clock.minute = Some(minute);
            p = m_end;
        } else {
            // 二十七点三, 24点5度: decimals.
            return None;
        }
        // Seconds.
        if clock.minute.is_some() {
            if let Some((second, s_end, _, _)) = integer_at(text, p) {
                if second <= 59 && text[s_end..].starts_with('秒') {
                    clock.second = Some(second);
                    p = s_end + '秒'.len_utf8();
                }
            }
        }
    }
    for tail in ["钟", "整"] {
        if text[p..].starts_with(tail) {
            p += tail.len();
            explicit = true;
        }
    }
    if !explicit {
        // A bare N点: a clock hour unless it counts points (两点意见) or
        // is a phrase (一点都不).
        let next = text[p..].chars().next();
        let free = next.is_none_or(|c| {
            !crate::text::normalize::is_han(c) || "的钟整前后左多以开起到至和或许之".contains(c)
        });
        let one = hour == 1 && form != NumeralForm::Arabic;
        if !free || one {
            return None;
        }
    }
    Some((clock, p))
}

/// Reads `pm`, `PM`, `p`, `am`, `a` after a clock time.
fn meridiem(text: &str, pos: usize, clock: &mut Chain) -> usize {
    let mut start = pos;
    // 11:30:10 p.m.: a space may stand before the dotted forms.
    if text[pos..].starts_with(" p.m.") || text[pos..].starts_with(" a.m.") {
        start += 1;
    }
    let rest = &text[start..];
    let words = [
        ("p.m.", true),
        ("a.m.", false),
        ("pm", true),
        ("PM", true),
        ("am", false),
        ("AM", false),
        ("p", true),
        ("a", false),
    ];
    for (word, pm) in words {
        if rest.starts_with(word)
            && !rest[word.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
        {
            clock.meridiem = Some(pm);
            return start + word.len();
        }
    }
    pos
}

/// Numeric dates: 2023-09-27, 2023/9/27, 2023.09.27, 1994.01-19,
/// 20240307, 2022 11 23, 1999.08, 6·30, 09-01 (before a clock time), 11/3号.
pub(crate) fn numeric_date_at(text: &str, pos: usize) -> Option<(Chain, usize)> {
    let bytes = text.as_bytes();
    let run = |p: usize| bytes[p..].iter().take_while(|b| b.is_ascii_digit()).count();
    let number = |p: usize, len: usize| text[p..p + len].parse::<u32>().ok();
    let mut chain = Chain::default();
    let first = run(pos);
    if first == 0 {
        return None;
    }
    let separator = |p: usize| -> Option<usize> {
        match bytes.get(p) {
            Some(b'-' | b'/' | b'.') => Some(1),
            _ => None,
        }
    };
    if first == 4 {
        let year = number(pos, 4)?;
        if !(1000..=2199).contains(&year) {
            return None;
        }
        let mut p = pos + 4;
        if let Some(s1) = separator(p) {
            let m_len = run(p + s1);
            if !(1..=2).contains(&m_len) {
                return None;
            }
            let month = number(p + s1, m_len)?;
            if !(1..=12).contains(&month) {
                return None;
            }
            let m_end = p + s1 + m_len;
            // A day has one or two digits; more only when a clock time is
            // glued on (2018-12-1209:03). Otherwise 1999.08-2002.02 is a
            // year and month before a range joiner.
            let day_follows = separator(m_end).is_some_and(|s2| {
                let d_run = run(m_end + s2);
                let glued_clock =
                    (3..=4).contains(&d_run) && text[m_end + s2 + d_run..].starts_with([':', '：']);
                (1..=2).contains(&d_run) || glued_clock
            });
            if let Some(s2) = separator(m_end).filter(|_| day_follows) {
                let d_run = run(m_end + s2);
                let d_len = d_run.min(2);
                let day = number(m_end + s2, d_len)?;
                crate::civil::calendar::date(year as i32, month, day)?;
                chain.year = Some(Year::Absolute(year as i32));
                chain.month = Some(Step::Absolute(month));
                chain.day = Some(Step::Absolute(day));
                p = m_end + s2 + d_len;
                // 2021-09-12-11:23: a hyphen before the clock time.
                if bytes.get(p) == Some(&b'-')
                    && run(p + 1) > 0
                    && text[p + 1 + run(p + 1)..].starts_with([':', '：'])
                {
                    p += 1;
                }
                return Some((chain, p));
            }
            // Year and month: 1999.08, 2020-05, 2008.03-2009.
            let dot = bytes[p] == b'.';
            if (dot && m_len != 2)
                || bytes
                    .get(m_end)
                    .is_some_and(|b| b.is_ascii_digit() || *b == b'.')
            {
                return None;
            }
            chain.year = Some(Year::Absolute(year as i32));
            chain.month = Some(Step::Absolute(month));
            return Some((chain, m_end));
        }
        // 2022 11 23
        if bytes.get(p) == Some(&b' ') {
            let m_len = run(p + 1);
            if (1..=2).contains(&m_len) && bytes.get(p + 1 + m_len) == Some(&b' ') {
                let d_start = p + 2 + m_len;
                let d_len = run(d_start);
                if (1..=2).contains(&d_len) {
                    let (month, day) = (number(p + 1, m_len)?, number(d_start, d_len)?);
                    crate::civil::calendar::date(year as i32, month, day)?;
                    chain.year = Some(Year::Absolute(year as i32));
                    chain.month = Some(Step::Absolute(month));
                    chain.day = Some(Step::Absolute(day));
                    return Some((chain, d_start + d_len));
                }
            }
        }
        return None;
    }
    if first == 8 {
        let (year, month, day) = (number(pos, 4)?, number(pos + 4, 2)?, number(pos + 6, 2)?);
        if (1900..=2199).contains(&year)
            && !text[pos + 8..].starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            crate::civil::calendar::date(year as i32, month, day)?;
            chain.year = Some(Year::Absolute(year as i32));
            chain.month = Some(Step::Absolute(month));
            chain.day = Some(Step::Absolute(day));
            return Some((chain, pos + 8));
        }
        return None;
    }
    if first <= 2 {
        let month = number(pos, first)?;
        let p = pos + first;
        let rest = &text[p..];
        // 6·30
        if let Some(after) = rest.strip_prefix('·') {
            let d_start = text.len() - after.len();
            let d_len = run(d_start);
            if (1..=2).contains(&d_len) {
                let day = number(d_start, d_len)?;
                if (1..=12).contains(&month) && (1..=31).contains(&day) {
                    chain.month = Some(Step::Absolute(month));
                    chain.day = Some(Step::Absolute(day));
                    return Some((chain, d_start + d_len));
                }
            }
            return None;
        }
        // 09-01 20:01: zero-padded month and day before a clock time.
        if first == 2 && rest.starts_with('-') && run(p + 1) == 2 {
            let day = number(p + 1, 2)?;
            let after = skip(text, p + 3);
            let clock_follows =
                run(after) > 0 && text[after + run(after)..].starts_with([':', '：']);
            if clock_follows && (1..=12).contains(&month) && (1..=31).contains(&day) {
                chain.month = Some(Step::Absolute(month));
                chain.day = Some(Step::Absolute(day));
                return Some((chain, p + 3));
            }
        }
        // 11/3号
        if rest.starts_with('/') {
            let d_len = run(p + 1);
            if (1..=2).contains(&d_len) && text[p + 1 + d_len..].starts_with(['号', '日']) {
                chain.month = Some(Step::Absolute(month));
                chain.day = Some(Step::Absolute(number(p + 1, d_len)?));
                chain.vague = true;
                return Some((chain, p + 1 + d_len + 3));
            }
        }
    }
    None
}

fn skip(text: &str, pos: usize) -> usize {
    pos + text[pos..].len() - text[pos..].trim_start_matches(' ').len()
}
