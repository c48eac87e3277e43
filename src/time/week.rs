//! Readers of weeks and weekdays: 上周, 本月第2周, 今年第三十七个星期,
//! 星期一, 周五, 礼拜天, 第3个星期日, 周末.

use crate::time::chain::{Chain, Step, Weekday};
use crate::time::read::{heads_of, integer_at, longest, Opens, Rule, Rules};
use crate::time::words::RELATIVE_WEEKS;

/// The readers of weeks, tried in order.
pub(crate) static WEEK_RULES: Rules = Rules::new(&[
    Rule {
        name: "time.relative_week",
        read: relative_week,
        opens: Opens::words(|| heads_of(&RELATIVE_WEEKS)),
    },
    Rule {
        name: "time.numbered_week",
        read: numbered_week,
        opens: Opens::chars("第"),
    },
]);

/// The readers of weekdays, tried in order.
pub(crate) static WEEKDAY_RULES: Rules = Rules::new(&[
    Rule {
        name: "time.weekend",
        read: weekend,
        opens: Opens::chars("周末"),
    },
    Rule {
        name: "time.weekday",
        read: weekday,
        opens: Opens::chars("第星礼周"),
    },
]);

/// 上周, 下星期, 这礼拜, and the weekday right after: 上周六, 下星期二.
fn relative_week(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let (word, offset) = longest(text, pos, |rest| RELATIVE_WEEKS.at(rest).copied())?;
    chain.week = Some(Step::Relative(offset));
    let end = pos + word.len();
    let day = text[end..]
        .chars()
        .next()
        .filter(|c| !c.is_ascii_digit())
        .and_then(Weekday::from_char);
    if let Some(day) = day {
        chain.weekday = Some(day);
        return Some(end + 3);
    }
    Some(end)
}

/// 第2周, 第三十七个星期.
fn numbered_week(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
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

/// 周末, and 末 after a week: Saturday and Sunday.
fn weekend(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    if !(rest.starts_with("周末") || (chain.week.is_some() && rest.starts_with('末'))) {
        return None;
    }
    chain.weekend = true;
    if chain.week.is_none() {
        chain.week = Some(Step::Relative(0));
    }
    Some(pos + if rest.starts_with('末') { 3 } else { 6 })
}

/// 星期一, 周五, 礼拜天, 第3个星期日.
fn weekday(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
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
    let word = ["星期", "礼拜", "周"]
        .iter()
        .find(|w| rest.starts_with(**w))?;
    let day_char = rest[word.len()..].chars().next()?;
    let day = Weekday::from_char(day_char)?;
    let end = p + word.len() + day_char.len_utf8();
    // 周一至周五 fine; 周六日 or 星期一二 are lists.
    if text[end..].starts_with(|c: char| "一二三四五六日天".contains(c)) && *word == "周" {
        return None;
    }
    chain.weekday = Some(day);
    chain.weekday_nth = nth;
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::read::first_match;

    #[test]
    fn weeks_and_weekdays() {
        let mut chain = Chain::default();
        assert_eq!(
            first_match(&WEEK_RULES, "上周五", 0, &mut chain),
            Some((9, "time.relative_week"))
        );
        assert_eq!(chain.week, Some(Step::Relative(-1)));
        assert_eq!(chain.weekday, Some(Weekday::Friday));
        let mut chain = Chain::default();
        assert_eq!(
            first_match(&WEEKDAY_RULES, "第3个星期日", 0, &mut chain),
            Some((16, "time.weekday"))
        );
        assert_eq!(
            (chain.weekday, chain.weekday_nth),
            (Some(Weekday::Sunday), Some(3))
        );
        assert_eq!(
            first_match(&WEEKDAY_RULES, "周六日", 0, &mut Chain::default()),
            None
        );
        let mut chain = Chain::default();
        assert_eq!(
            first_match(&WEEKDAY_RULES, "周末", 0, &mut chain),
            Some((6, "time.weekend"))
        );
        assert!(chain.weekend);
    }
}
