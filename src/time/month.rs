//! Readers of quarters, halves and months: 第三季度, Q1, 上半年, 前8个月,
//! 2021年的最后4个月, 9月, 上个月, 当月, 正月, 闰四月.

use crate::numeric::units::TimeUnit;
use crate::time::chain::{Chain, Half, MonthPart, Quarters, Step, Year};
use crate::time::read::{heads_of, integer_at, longest, skip_spaces, Opens, Rule, Rules};
use crate::time::relative::count_of_units_at;
use crate::time::words::{CONTEXT_MONTHS, RELATIVE_MONTHS, RELATIVE_QUARTERS};

/// The readers of quarters, halves and months, tried in order.
pub(crate) static MONTH_RULES: Rules = Rules::new(&[
    Rule {
        name: "time.half_year",
        read: half_year,
        opens: Opens::chars("上下前后"),
    },
    Rule {
        name: "time.whole_year",
        read: whole_year,
        opens: Opens::chars("全"),
    },
    Rule {
        name: "time.relative_quarter",
        read: relative_quarter,
        opens: Opens::words(|| heads_of(&RELATIVE_QUARTERS)),
    },
    Rule {
        name: "time.relative_month",
        read: relative_month,
        opens: Opens::words(|| heads_of(&RELATIVE_MONTHS)),
    },
    Rule {
        name: "time.context_month",
        read: context_month,
        opens: Opens::words(|| heads_of(&CONTEXT_MONTHS)),
    },
    Rule {
        name: "time.lunar_month_name",
        read: lunar_month_name,
        opens: Opens::chars("正腊冬"),
    },
    Rule {
        name: "time.last_units_of_year",
        read: last_units_of_year,
        opens: Opens::chars("最"),
    },
    Rule {
        name: "time.first_units_of_year",
        read: first_units_of_year,
        opens: Opens::chars("前首"),
    },
    Rule {
        name: "time.quarter",
        read: quarter,
        // 3季度.
        opens: Opens::integer_before(|| vec!['季'], "首Q第"),
    },
    Rule {
        name: "time.leap_month",
        read: leap_month,
        opens: Opens::chars("闰"),
    },
    Rule {
        name: "time.month",
        read: month,
        opens: Opens::integer_before(|| vec!['月'], "第"),
    },
]);

/// 上半月, 下半月 (of the month named, else of this month): an edge, so
/// that it may follow a month (10月下半月).
pub(crate) fn half_month(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    for (word, half) in [
        ("上半月", MonthPart::FirstHalf),
        ("下半月", MonthPart::SecondHalf),
    ] {
        if rest.starts_with(word) {
            chain.month_part = Some(half);
            if chain.month.is_none() {
                chain.month = Some(Step::Relative(0));
            }
            return Some(pos + word.len());
        }
    }
    None
}

/// 上半年, 下半年.
fn half_year(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    for (word, half) in [
        ("上半年", Half::First),
        ("下半年", Half::Second),
        ("前半年", Half::First),
        ("后半年", Half::Second),
    ] {
        if rest.starts_with(word) {
            chain.half = Some(half);
            return Some(pos + word.len());
        }
    }
    None
}

/// 全年 after a year: the year itself; alone, the year in focus (全年出货,
/// after 2023年第四季度). 全年龄 and 全年级 are no years.
fn whole_year(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let after = text[pos..].strip_prefix("全年")?;
    if chain.year.is_none() {
        if !chain.is_empty() || after.starts_with(['龄', '级']) {
            return None;
        }
        chain.year = Some(Year::Context(0));
    }
    Some(pos + "全年".len())
}

/// 上个季度, 本季度.
fn relative_quarter(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let (word, offset) = longest(text, pos, |rest| RELATIVE_QUARTERS.at(rest).copied())?;
    chain.relative_quarter = Some(offset);
    Some(pos + word.len())
}

/// 上个月, 本月, 下下月.
fn relative_month(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let (word, offset) = longest(text, pos, |rest| RELATIVE_MONTHS.at(rest).copied())?;
    chain.month = Some(Step::Relative(offset));
    Some(pos + word.len())
}

/// 当月, 次月.
fn context_month(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let (word, offset) = longest(text, pos, |rest| CONTEXT_MONTHS.at(rest).copied())?;
    chain.month = Some(Step::Context(offset));
    Some(pos + word.len())
}

/// 正月, 腊月, 冬月: lunar months by name.
fn lunar_month_name(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    for (word, month) in [("正月", 1), ("腊月", 12), ("冬月", 11)] {
        if rest.starts_with(word) {
            chain.month = Some(Step::Absolute(month));
            chain.lunar = true;
            return Some(pos + word.len());
        }
    }
    None
}

/// The last months, weeks or days of the year named: 2021年的最后4个月,
/// 今年的最后3周, 去年最后10天.
fn last_units_of_year(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let after = text[pos..].strip_prefix("最后")?;
    chain.year?;
    let start = skip_spaces(text, text.len() - after.len());
    match count_of_units_at(text, start) {
        Some((Some(n), TimeUnit::Month, end, false)) if (1..=12).contains(&n) => {
            chain.last_months = Some(n as u32);
            Some(end)
        }
        Some((Some(n), TimeUnit::Week, end, false)) if (1..=52).contains(&n) => {
            chain.last_days = Some(7 * n as u32);
            Some(end)
        }
        Some((Some(n), TimeUnit::Day, end, false)) if (1..=366).contains(&n) => {
            chain.last_days = Some(n as u32);
            Some(end)
        }
        _ => None,
    }
}

/// The first days, weeks, months or quarters of the year named:
/// 2022年前十一个月, 2021年前两个季度, 去年的前10天, 2021年的前2周.
fn first_units_of_year(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let after = text[pos..]
        .strip_prefix('前')
        .or_else(|| text[pos..].strip_prefix('首'))?;
    chain.year?;
    let start = text.len() - after.len();
    let (Some(n), unit, end, false) = count_of_units_at(text, start)? else {
        return None;
    };
    match unit {
        TimeUnit::Day if (1..=366).contains(&n) => chain.first_days = Some(n as u32),
        // The first weeks, as days.
        TimeUnit::Week if (1..=52).contains(&n) => chain.first_days = Some(7 * n as u32),
        TimeUnit::Month if (1..=12).contains(&n) => chain.first_months = Some(n as u32),
        TimeUnit::Quarter if (1..=4).contains(&n) => {
            chain.quarters = Some(Quarters {
                first: 1,
                last: n as u32,
            })
        }
        _ => return None,
    }
    Some(end)
}

/// 首季度, Q1, Q1季度, 第三季度, 一季度, 第四季.
fn quarter(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    if let Some(after) = rest
        .strip_prefix("首季度")
        .or_else(|| rest.strip_prefix("首季"))
    {
        chain.quarters = Some(Quarters { first: 1, last: 1 });
        return Some(text.len() - after.len());
    }
    if let Some(after) = rest.strip_prefix('Q') {
        let q = after.chars().next().and_then(|c| c.to_digit(10))?;
        if (1..=4).contains(&q) && !after[1..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
            chain.quarters = Some(Quarters { first: q, last: q });
            let end = text.len() - after.len() + 1;
            return Some(end + usize::from(text[end..].starts_with("季度")) * "季度".len());
        }
        return None;
    }
    let (ordinal, start) = match rest.strip_prefix('第') {
        Some(after) => (true, text.len() - after.len()),
        None => (false, pos),
    };
    let (value, end, _, _) = integer_at(text, start)?;
    let after = &text[end..];
    if !(after.starts_with("季度") || (ordinal && after.starts_with('季'))) {
        return None;
    }
    if !(1..=4).contains(&value) {
        return None;
    }
    chain.quarters = Some(Quarters {
        first: value,
        last: value,
    });
    let len = if after.starts_with("季度") {
        "季度".len()
    } else {
        '季'.len_utf8()
    };
    Some(end + len)
}

/// 闰四月: the leap month after the fourth lunar month.
fn leap_month(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let after = text[pos..].strip_prefix('闰')?;
    let start = text.len() - after.len();
    let (value, end, _, _) = integer_at(text, start)?;
    if text[end..].starts_with('月') && (1..=12).contains(&value) {
        chain.month = Some(Step::Absolute(value));
        chain.lunar = true;
        chain.leap_month = true;
        return Some(end + '月'.len_utf8());
    }
    None
}

/// 9月, 十二月份, 2021年的第8个月.
fn month(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    let (ordinal, start) = match rest.strip_prefix('第') {
        Some(after) => (true, text.len() - after.len()),
        None => (false, pos),
    };
    let (value, end, _, _) = integer_at(text, start)?;
    let after = &text[end..];
    if ordinal {
        if after.starts_with("个月") && (1..=12).contains(&value) && chain.year.is_some() {
            chain.month = Some(Step::Absolute(value));
            return Some(end + "个月".len());
        }
        return None;
    }
    if after.starts_with('月') {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::read::first_match;

    fn read(text: &str, chain: &mut Chain) -> Option<(usize, &'static str)> {
        first_match(&MONTH_RULES, text, 0, chain)
    }

    #[test]
    fn halves_quarters_and_months() {
        let mut chain = Chain::default();
        assert_eq!(read("上半年", &mut chain), Some((9, "time.half_year")));
        assert_eq!(chain.half, Some(Half::First));
        let mut chain = Chain::default();
        assert_eq!(read("第三季度", &mut chain), Some((12, "time.quarter")));
        assert_eq!(chain.quarters, Some(Quarters { first: 3, last: 3 }));
        let mut chain = Chain::default();
        assert_eq!(read("十二月份", &mut chain), Some((12, "time.month")));
        assert_eq!(chain.month, Some(Step::Absolute(12)));
        assert_eq!(read("十三月", &mut Chain::default()), None);
    }

    #[test]
    fn first_months_need_a_year() {
        assert_eq!(read("前8个月", &mut Chain::default()), None);
        let mut chain = Chain {
            year: Some(crate::time::chain::Year::Relative(0)),
            ..Chain::default()
        };
        assert_eq!(
            read("前8个月", &mut chain),
            Some((10, "time.first_units_of_year"))
        );
        assert_eq!(chain.first_months, Some(8));
    }
}
