//! Readers of whole words and relative spans: 目前, 近日, 同期, 去年同期,
//! 今明两年, “十四五”, 后三天, 上二周, 前8个月, 近五年, 三年前, 20天后, and
//! the count of units they share (`三天`, `两个半月`).

use crate::numeric::units::{time_unit_word_at, TimeUnit};
use crate::time::chain::{Chain, Quarters, SpanPrefix, Step, UnitOffset, UnitSpan, Year};
use crate::time::read::{heads_of, integer_at, skip_spaces, Opens, Rule, Rules};
use crate::time::words::{
    FUZZY_WORDS, NOW_WORDS, SAME_PERIOD_WORDS, SPAN_PREFIXES, WORDS_ENDING_IN_PREFIX,
};

/// The readers of words that are a whole expression, tried in order.
pub(crate) static WHOLE_WORD_RULES: Rules = Rules::new(&[
    Rule {
        name: "time.same_period",
        read: same_period,
        opens: Opens::words_or("去上前这", || heads_of(&SAME_PERIOD_WORDS)),
    },
    Rule {
        name: "time.now",
        read: now,
        opens: Opens::words(|| heads_of(&NOW_WORDS)),
    },
    Rule {
        name: "time.fuzzy_word",
        read: fuzzy_word,
        opens: Opens::words(|| heads_of(&FUZZY_WORDS)),
    },
    Rule {
        name: "time.this_and_next_year",
        read: this_and_next_year,
        opens: Opens::chars("今"),
    },
    Rule {
        name: "time.whole_day",
        read: whole_day,
        opens: Opens::chars("全"),
    },
    Rule {
        name: "time.five_year_plan",
        read: five_year_plan,
        opens: Opens::chars("十"),
    },
]);

/// The readers of spans of units next to the reference, tried in order.
pub(crate) static SPAN_RULES: Rules = Rules::new(&[
    Rule {
        name: "time.span_after_prefix",
        read: span_after_prefix,
        opens: Opens::words(|| heads_of(&SPAN_PREFIXES)),
    },
    Rule {
        name: "time.units_before_suffix",
        read: units_before_suffix,
        opens: Opens::integer_before(count_followers, "半几数"),
    },
]);

/// 去年同期, 同期, 这期间, 这五年: the period named just before, maybe a
/// year back. (`link.rs` looks for this rule's name.)
fn same_period(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    for (word, shift) in [("去年同期", -1), ("上年同期", -1), ("前年同期", -2)] {
        if rest.starts_with(word) {
            chain.same_period_shift = Some(shift);
            return Some(pos + word.len());
        }
    }
    if let Some(word) = SAME_PERIOD_WORDS.at(rest).find(|w| rest.starts_with(**w)) {
        chain.same_period = true;
        return Some(pos + word.len());
    }
    this_many_units(text, pos, chain)
}

/// 目前, 现在, 截至目前: the reference moment.
fn now(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    let word = NOW_WORDS
        .at(rest)
        .filter(|w| rest.starts_with(**w))
        .max_by_key(|w| w.len())?;
    chain.now = true;
    Some(pos + word.len())
}

/// 近日, 近年来: vague, found and not resolved.
fn fuzzy_word(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    let word = FUZZY_WORDS
        .at(rest)
        .filter(|w| rest.starts_with(**w))
        .max_by_key(|w| w.len())?;
    let end = pos + word.len();
    // 未来7天: a span prefix before a count of units, read as a span.
    if count_of_units_at(text, skip_spaces(text, end)).is_some() {
        return None;
    }
    chain.vague = true;
    Some(end)
}

/// 2006年同期: the period in focus, moved to the year just read into
/// `chain` (a chain of a year alone).
pub(crate) fn same_period_of_year(text: &str, end: usize, chain: &mut Chain) -> Option<usize> {
    if chain.year.is_none() || !text[end..].starts_with("同期") {
        return None;
    }
    let year_only = Chain {
        year: chain.year,
        ..Chain::default()
    };
    if *chain != year_only {
        return None;
    }
    *chain = Chain {
        same_period_year: chain.year,
        ..Chain::default()
    };
    Some(end + "同期".len())
}

/// 今明两年: this year and the next.
fn this_and_next_year(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    text[pos..].starts_with("今明两年").then(|| {
        chain.year = Some(Year::Relative(0));
        chain.year_span = Some(1);
        pos + "今明两年".len()
    })
}

/// 全天: the whole reference day.
fn whole_day(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    text[pos..].starts_with("全天").then(|| {
        chain.day = Some(Step::Relative(0));
        pos + "全天".len()
    })
}

/// Five-year plans, quoted or named: “十四五”, 十三五时期.
fn five_year_plan(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    if !rest.starts_with('十') {
        return None; // every plan's name below starts with 十
    }
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
                return Some(pos + name.len());
            }
        }
    }
    None
}

/// 第七年 with nothing before: a position in an unnamed period, not resolved.
pub(crate) fn nth_year(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let after = text[pos..].strip_prefix('第')?;
    let start = text.len() - after.len();
    let (_, end, _, _) = integer_at(text, start)?;
    if text[end..].starts_with('年') && !text[end..].starts_with("年级") {
        chain.vague = true;
        return Some(end + '年'.len_utf8());
    }
    None
}

/// The characters a count of units goes on with after its number: 多, 余
/// or 几 (三十多年), 个 (两个半月, 三个月), 分 (一分半钟), or the first
/// character of a time unit.
static COUNT_FOLLOWERS: std::sync::LazyLock<crate::lexicon::CharBits> =
    std::sync::LazyLock::new(|| crate::lexicon::CharBits::of(count_followers().into_iter()));

/// The characters of [`COUNT_FOLLOWERS`].
fn count_followers() -> Vec<char> {
    let units = crate::numeric::units::time_unit_words().filter_map(|w| w.word.chars().next());
    "多余几个分".chars().chain(units).collect()
}

/// The first characters of the suffixes a count of units may stand
/// before in a chain (三年前, 两周内, 五天以后, 十年之后).
pub(crate) const COUNT_SUFFIX_HEADS: [char; 5] = ['之', '以', '前', '后', '内'];

/// Every character a count's units and their marks may hold after its
/// number (个, 多, 半, 分半钟 and the characters of the units).
static COUNT_CHARS: std::sync::LazyLock<crate::lexicon::CharBits> =
    std::sync::LazyLock::new(|| {
        let units = crate::numeric::units::time_unit_words().flat_map(|w| w.word.chars());
        crate::lexicon::CharBits::of("多余几个半分钟".chars().chain(units))
    });

/// False when no count of units at `pos` ([`count_of_units_at`]) can end
/// before one of [`COUNT_SUFFIX_HEADS`]: past the number, the first
/// character that is none of [`COUNT_CHARS`] must begin a suffix (三年的
/// and 百年未有 are passed before the units are looked up).
pub(crate) fn suffix_may_follow_count(text: &str, pos: usize) -> bool {
    if text[pos..].starts_with(['半', '几', '数']) {
        return true;
    }
    let Some((_, end, _, _)) = integer_at(text, pos) else {
        return false;
    };
    for c in text[end..].chars() {
        if COUNT_SUFFIX_HEADS.contains(&c) {
            return true;
        }
        if !COUNT_CHARS.contains(c) {
            return false;
        }
    }
    false
}

/// A count of units at `pos`: `三天`, `两个月`, `20多个月`, `一年半`,
/// `半小时`. Returns the count (None when vague), the unit, the end and
/// whether the count is vague.
pub(crate) fn count_of_units_at(
    text: &str,
    pos: usize,
) -> Option<(Option<i64>, TimeUnit, usize, bool)> {
    let (count, p, vague) = if text[pos..].starts_with('半') {
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
    // Most numbers count no units: the character after them says so.
    if !text[p..]
        .chars()
        .next()
        .is_some_and(|c| COUNT_FOLLOWERS.contains(c))
    {
        // The gate is exact: where it rules the units out, none reads.
        if cfg!(any(debug_assertions, test)) {
            assert!(
                units_after_count(text, count, p, vague).is_none(),
                "a count of units reads where COUNT_FOLLOWERS rules it out: {:?}",
                &text[pos..]
            );
        }
        return None;
    }
    units_after_count(text, count, p, vague)
}

/// The units of a count whose number (`count`, or none when vague) ends at
/// `p`: the rest of [`count_of_units_at`].
fn units_after_count(
    text: &str,
    count: Option<i64>,
    mut p: usize,
    mut vague: bool,
) -> Option<(Option<i64>, TimeUnit, usize, bool)> {
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
        return Some((None, TimeUnit::Minute, p + "分半钟".len(), true));
    }
    if !text[p..].starts_with(|c: char| !c.is_ascii() && c.len_utf8() == 3) {
        return None;
    }
    let unit_word = time_unit_word_at(&text[p..], |w| w.in_spans)?;
    let (word, unit) = (unit_word.word, unit_word.unit?);
    let mut end = p + word.len();
    // 七年半, 3年多: a half or more after the unit.
    if text[end..].starts_with(['半', '多']) {
        vague = true;
        end += '半'.len_utf8();
    }
    if word == "刻钟" {
        return Some((count.map(|c| c * 15), TimeUnit::Minute, end, vague));
    }
    if word.ends_with("日") && word.len() > 3 {
        vague = true; // working days and trading days are not calendar days
    }
    Some((count, unit, end, vague))
}

/// 这五年: the period just named, when it is that long.
fn this_many_units(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let after = text[pos..].strip_prefix('这')?;
    let start = text.len() - after.len();
    match count_of_units_at(text, start) {
        Some((Some(n), _, end, false)) if n >= 2 => {
            chain.same_period = true;
            Some(end)
        }
        _ => None,
    }
}

/// 后三天, 上二周, 前8个月, 前三季度, 前两年, 近五年, 未来7天, 再过半个小时.
fn span_after_prefix(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    if rest.starts_with("上半") || rest.starts_with("下半") {
        return None; // 上半年 is a half of a year
    }
    let &(word, kind) = SPAN_PREFIXES.at(rest).find(|(w, _)| rest.starts_with(w))?;
    // 提前三天, 超过两年, 最近: the prefix ends another word.
    let prev = text[..pos].chars().next_back();
    let joins_word = word.chars().count() == 1
        && prev.is_some_and(|p| {
            let mut pair = String::from(p);
            pair.push_str(word);
            WORDS_ENDING_IN_PREFIX.contains(pair.as_str())
        });
    if joins_word {
        return None;
    }
    let (count, unit, end, vague) = count_of_units_at(text, pos + word.len())?;
    let after = &text[end..];
    let mut end = end;
    for tail in ["以来", "以内", "之内", "内", "里"] {
        if after.starts_with(tail) {
            end += tail.len();
            break;
        }
    }
    chain.fine_units = matches!(unit, TimeUnit::Hour | TimeUnit::Minute | TimeUnit::Second);
    let opening_only = word == "首" && !matches!(unit, TimeUnit::Month | TimeUnit::Quarter);
    if vague
        || count.is_none()
        || opening_only
        || matches!(kind, SpanPrefix::Past | SpanPrefix::Future)
    {
        chain.vague = true;
        return Some(end);
    }
    let n = count?;
    match (kind, unit) {
        (SpanPrefix::First, TimeUnit::Month) => chain.first_months = Some(n as u32),
        (SpanPrefix::First, TimeUnit::Quarter) => {
            chain.quarters = Some(Quarters {
                first: 1,
                last: n as u32,
            })
        }
        (SpanPrefix::First | SpanPrefix::Last, _) => {
            chain.units = Some(UnitSpan {
                unit,
                first: -n,
                count: n,
            })
        }
        (SpanPrefix::Next, _) => {
            chain.units = Some(UnitSpan {
                unit,
                first: 1,
                count: n,
            })
        }
        _ => chain.unit_offset = Some(UnitOffset { unit, offset: n }),
    }
    Some(end)
}

/// 三年前, 20天后, 两个半月以内.
fn units_before_suffix(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    if !suffix_may_follow_count(text, pos) {
        if cfg!(any(debug_assertions, test)) {
            let count = count_of_units_at(text, pos);
            assert!(
                count.is_none_or(|(_, _, end, _)| !text[end..].starts_with(COUNT_SUFFIX_HEADS)),
                "a count ends before a suffix where suffix_may_follow_count rules it out: {:?}",
                &text[pos..]
            );
        }
        return None;
    }
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
    // Every suffix starts with one of these: most texts compare no word.
    if !after.starts_with(COUNT_SUFFIX_HEADS) {
        return None;
    }
    let &(word, direction) = suffixes.iter().find(|(w, _)| after.starts_with(w))?;
    // 2021年前两个季度, 2024年内, 4月前4天: a year or month, not a count of them.
    let unit_word = &text[pos..end];
    let looks_like_year = unit == TimeUnit::Year && !vague && count.is_some_and(|n| n >= 1000);
    let in_digits = unit_word.starts_with(|c: char| c.is_ascii_digit());
    let bare_month = unit == TimeUnit::Month
        && !unit_word.contains('个')
        && !unit_word.starts_with('半')
        && !vague;
    let bare_day = in_digits && unit_word.ends_with('日');
    let numeral_follows =
        after[word.len()..].starts_with(|c: char| crate::numeric::numeral::can_start_numeral(c));
    if looks_like_year || bare_month || bare_day || (unit == TimeUnit::Year && numeral_follows) {
        return None;
    }
    // 三年前所未有: 前 starting a word is no suffix.
    if word == "前"
        && after[3..].starts_with(['所', '夕', '景', '途', '沿', '列', '线', '身', '提'])
    {
        return None;
    }
    chain.fine_units = matches!(unit, TimeUnit::Hour | TimeUnit::Minute | TimeUnit::Second);
    match (count, vague, direction) {
        (Some(n), false, d) if d != 0 => {
            chain.unit_offset = Some(UnitOffset {
                unit,
                offset: d * n,
            })
        }
        _ => chain.vague = true,
    }
    Some(end + word.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::read::first_match;

    #[test]
    fn counts_of_units() {
        assert_eq!(
            count_of_units_at("两个月后", 0),
            Some((Some(2), TimeUnit::Month, 9, false))
        );
        assert_eq!(
            count_of_units_at("三刻钟", 0),
            Some((Some(45), TimeUnit::Minute, 9, false))
        );
        assert_eq!(
            count_of_units_at("15个交易日", 0),
            Some((Some(15), TimeUnit::Day, 14, true))
        );
        assert_eq!(count_of_units_at("三点", 0), None);
    }

    #[test]
    fn spans_next_to_the_reference() {
        let mut chain = Chain::default();
        assert_eq!(
            first_match(&SPAN_RULES, "后三天", 0, &mut chain),
            Some((9, "time.span_after_prefix"))
        );
        assert_eq!(
            chain.units,
            Some(UnitSpan {
                unit: TimeUnit::Day,
                first: 1,
                count: 3
            })
        );
        let mut chain = Chain::default();
        assert_eq!(
            first_match(&SPAN_RULES, "三年前", 0, &mut chain),
            Some((9, "time.units_before_suffix"))
        );
        assert_eq!(
            chain.unit_offset,
            Some(UnitOffset {
                unit: TimeUnit::Year,
                offset: -3
            })
        );
        // 提前三天: 前 ends the word 提前.
        assert_eq!(
            first_match(&SPAN_RULES, "提前三天", 3, &mut Chain::default()),
            None
        );
    }
}
