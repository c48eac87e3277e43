//! Readers of days and of the edges of months and years: 27日, 9号, 今天,
//! 当天, 今晚, 第一天, 4月前4天, 上月最后五天, bare 3 after 1月; 上旬,
//! 月底, 年初.

use crate::numeric::numeral::NumeralForm;
use crate::numeric::units::TimeUnit;
use crate::time::chain::{Chain, MonthPart, Step};
use crate::time::festival::{festival, festival_heads, holiday, lunar_day};
use crate::time::month::half_month;
use crate::time::read::{heads_of, integer_at, longest, skip_spaces, Opens, Rule, Rules};
use crate::time::relative::count_of_units_at;
use crate::time::week::WEEKDAY_RULES;
use crate::time::words::{CONTEXT_DAYS, DAYS_AND_PARTS, HOLIDAYS, PARTS_OF_DAY, RELATIVE_DAYS};

/// The readers of days after the weekday readers, tried in order.
pub(crate) static DAY_RULES: Rules = Rules::new(&[
    Rule {
        name: "time.day_and_part",
        read: day_and_part,
        opens: Opens::words(|| heads_of(&DAYS_AND_PARTS)),
    },
    Rule {
        name: "time.relative_day",
        read: relative_day,
        opens: Opens::words(|| heads_of(&RELATIVE_DAYS)),
    },
    Rule {
        name: "time.context_day",
        read: context_day,
        opens: Opens::words(|| heads_of(&CONTEXT_DAYS)),
    },
    Rule {
        name: "time.holiday",
        read: holiday,
        opens: Opens::words(|| heads_of(&HOLIDAYS)),
    },
    Rule {
        name: "time.festival",
        read: festival,
        opens: Opens::words(festival_heads),
    },
    Rule {
        name: "time.lunar_day",
        read: lunar_day,
        opens: Opens::chars("大初"),
    },
    Rule {
        name: "time.last_days_of_month",
        read: last_days_of_month,
        opens: Opens::chars("最"),
    },
    Rule {
        name: "time.first_days_of_month",
        read: first_days_of_month,
        opens: Opens::chars("前"),
    },
    Rule {
        name: "time.nth_day",
        read: nth_day,
        opens: Opens::chars("第"),
    },
    Rule {
        name: "time.day_of_month",
        read: day_of_month,
        opens: Opens::integer_or(""),
    },
]);

/// The readers of edges, tried in order.
pub(crate) static EDGE_RULES: Rules = Rules::new(&[
    Rule {
        name: "time.half_month",
        read: half_month,
        opens: Opens::chars("上下"),
    },
    Rule {
        name: "time.ten_day_period",
        read: ten_day_period,
        opens: Opens::chars("上中下"),
    },
    Rule {
        name: "time.edge",
        read: edge,
        opens: Opens::chars("月年伊前中后底末初"),
    },
]);

/// A day, or a weekday: the weekday readers first, then [`DAY_RULES`].
pub(crate) fn day_at(text: &str, pos: usize, chain: &mut Chain) -> Option<(usize, &'static str)> {
    crate::time::read::first_match(&WEEKDAY_RULES, text, pos, chain)
        .or_else(|| crate::time::read::first_match(&DAY_RULES, text, pos, chain))
}

/// 今晚, 昨夜, 明早, 当晚: a day and a part of it.
fn day_and_part(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let (word, day) = longest(text, pos, |rest| {
        DAYS_AND_PARTS.at(rest).map(|(w, d)| (*w, d))
    })?;
    chain.day = Some(if day.in_context {
        Step::Context(day.offset)
    } else {
        Step::Relative(day.offset)
    });
    chain.part = day.part;
    Some(pos + word.len())
}

/// 今天, 昨日, 大后天.
fn relative_day(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let (word, offset) = longest(text, pos, |rest| RELATIVE_DAYS.at(rest).copied())?;
    chain.day = Some(Step::Relative(offset));
    Some(pos + word.len())
}

/// 当天, 次日, 第二天.
fn context_day(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let (word, offset) = longest(text, pos, |rest| CONTEXT_DAYS.at(rest).copied())?;
    chain.day = Some(Step::Context(offset));
    Some(pos + word.len())
}

/// 上月最后五天: the last days of the month named.
fn last_days_of_month(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let after = text[pos..].strip_prefix("最后")?;
    chain.month?;
    let start = skip_spaces(text, text.len() - after.len());
    match count_of_units_at(text, start) {
        Some((Some(n), TimeUnit::Day, end, false)) if (1..=31).contains(&n) => {
            chain.last_days = Some(n as u32);
            Some(end)
        }
        _ => None,
    }
}

/// 4月前4天: the first days of the month named.
fn first_days_of_month(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let after = text[pos..].strip_prefix('前')?;
    let Some(Step::Absolute(_)) = chain.month else {
        return None;
    };
    let start = text.len() - after.len();
    match count_of_units_at(text, start) {
        Some((Some(n), TimeUnit::Day, end, false)) if (1..=31).contains(&n) => {
            chain.first_days = Some(n as u32);
            Some(end)
        }
        _ => None,
    }
}

/// 第一天, 第三天: the Nth day of the period named (vague without one).
fn nth_day(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let after = text[pos..].strip_prefix('第')?;
    let start = text.len() - after.len();
    let (value, end, _, _) = integer_at(text, start)?;
    if text[end..].starts_with('天') && value >= 1 {
        chain.nth_day = Some(value);
        if chain.year.is_none() && chain.month.is_none() {
            chain.vague = true;
        }
        return Some(end + '天'.len_utf8());
    }
    None
}

/// 27日, 9号, and a bare day right after a month: 1月3, 十月31, 五月廿二.
fn day_of_month(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    let (value, end, form, _) = integer_at(text, pos)?;
    let after = &text[end..];
    if !(1..=31).contains(&value) {
        return None;
    }
    if after.starts_with(['日', '号']) {
        // 三日 alone is three days; a day of the month follows a month, is
        // in digits or counts with 廿 or 卅 (廿九日), which count no lengths.
        if form != NumeralForm::Arabic
            && !rest.starts_with(['廿', '卅'])
            && chain.month.is_none()
            && chain.week.is_none()
            && after.starts_with('日')
        {
            return None;
        }
        chain.day = Some(Step::Absolute(value));
        return Some(end + '日'.len_utf8());
    }
    let after_month = matches!(chain.month, Some(Step::Absolute(_))) && text[..pos].ends_with('月');
    if !after_month {
        return None;
    }
    let next = after.chars().next();
    let part_follows = PARTS_OF_DAY.iter().any(|p| after.starts_with(p.0));
    let ends_here = next.is_none_or(|c| {
        !crate::numeric::numeral::can_start_numeral(c) && !c.is_ascii_alphanumeric()
    }) && crate::numeric::units::unit_at(after).is_none()
        && (part_follows || crate::numeric::units::time_unit_at(after).is_none())
        && !after.starts_with(['点', '时', '分', '%', '成', '个']);
    if ends_here {
        chain.day = Some(Step::Absolute(value));
        // 五月廿二: 廿 and 卅 with no 日 after them count lunar days.
        chain.lunar |= rest.starts_with(['廿', '卅']);
        return Some(end);
    }
    None
}

/// 上旬, 中旬, 下旬 after a month.
fn ten_day_period(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    chain.month?;
    let rest = &text[pos..];
    for (word, xun) in [
        ("上旬", MonthPart::EarlyXun),
        ("中旬", MonthPart::MiddleXun),
        ("下旬", MonthPart::LateXun),
    ] {
        if rest.starts_with(word) {
            chain.month_part = Some(xun);
            return Some(pos + word.len());
        }
    }
    None
}

/// Edges and parts of months and years, found but not resolved: 月底,
/// 年初, 伊始, 末, 中期; 年底 alone.
fn edge(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    // Every word below starts with one of these.
    if !rest.starts_with(['月', '年', '伊', '前', '中', '后', '底', '末', '初']) {
        return None;
    }
    if chain.month.is_some()
        || chain.year.is_some()
        || chain.decade.is_some()
        || chain.century.is_some()
        || chain.quarters.is_some()
    {
        for word in [
            "月底", "月初", "月末", "月中", "年底", "年初", "年末", "年中", "年终", "伊始", "前期",
            "中期", "后期", "中叶", "底", "末", "初",
        ] {
            if rest.starts_with(word) {
                if word.starts_with('月') && chain.month.is_none() {
                    continue;
                }
                chain.vague = true;
                return Some(pos + word.len());
            }
        }
    }
    if chain.is_empty() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_by_rule() {
        let mut chain = Chain::default();
        assert_eq!(
            day_at("今晚八点", 0, &mut chain),
            Some((6, "time.day_and_part"))
        );
        assert_eq!(chain.day, Some(Step::Relative(0)));
        assert_eq!(chain.part.map(|p| p.from_hour), Some(18));
        let mut chain = Chain::default();
        assert_eq!(
            day_at("27日", 0, &mut chain),
            Some((5, "time.day_of_month"))
        );
        assert_eq!(chain.day, Some(Step::Absolute(27)));
        // 三日 alone is a duration.
        assert_eq!(day_at("三日", 0, &mut Chain::default()), None);
        let mut chain = Chain::default();
        assert_eq!(day_at("周五", 0, &mut chain), Some((6, "time.weekday")));
    }

    #[test]
    fn edges_follow_a_month_or_year() {
        let mut chain = Chain {
            month: Some(Step::Absolute(3)),
            ..Chain::default()
        };
        assert_eq!(
            crate::time::read::first_match(&EDGE_RULES, "下旬", 0, &mut chain),
            Some((6, "time.ten_day_period"))
        );
        assert_eq!(chain.month_part, Some(MonthPart::LateXun));
        let mut chain = Chain::default();
        assert_eq!(edge("年底", 0, &mut chain), Some(6));
        assert!(chain.vague);
        assert_eq!(edge("底", 0, &mut Chain::default()), None);
    }
}
