//! Readers of named days: holidays (国庆节, 母亲节), festivals of the lunar
//! calendar and solar terms (春节, 中秋节, 冬至), and lunar days (初八,
//! 大年初十).

use crate::time::chain::{Chain, Festival, Holiday, Step};
use crate::time::read::{heads_of, integer_at, longest};
use crate::time::words::{FESTIVALS, HOLIDAYS, WEATHER_TERMS};

/// 国庆节, 五一, 母亲节: holidays of the Gregorian calendar.
pub(crate) fn holiday(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let (word, holiday) = longest(text, pos, |rest| HOLIDAYS.at(rest).copied())?;
    chain.holiday = Some(holiday);
    Some(pos + word.len())
}

/// Festivals of the lunar calendar and solar terms: 春节, 中秋节, 冬至,
/// 2024年大雪 (a solar term that is also weather needs a year before it or
/// 节气 after it).
pub(crate) fn festival(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let terms = crate::civil::lunar::SOLAR_TERMS
        .iter()
        .enumerate()
        .map(|(term, &w)| {
            let festival = Festival::SolarTerm {
                term,
                days_after: 0,
            };
            (w, festival)
        });
    let (word, festival) = longest(text, pos, |rest| FESTIVALS.at(rest).copied().chain(terms))?;
    let end = pos + word.len();
    if WEATHER_TERMS.contains(word) && chain.year.is_none() && !text[end..].starts_with("节气") {
        return None;
    }
    chain.holiday = Some(Holiday::Festival(festival));
    let is_term = matches!(festival, Festival::SolarTerm { days_after: 0, .. });
    Some(end + usize::from(is_term && text[end..].starts_with("节气")) * "节气".len())
}

/// The first characters of the festivals and solar terms: where
/// [`festival`] may read.
pub(crate) fn festival_heads() -> Vec<char> {
    let mut heads = heads_of(&FESTIVALS);
    heads.extend(heads_of(&crate::civil::lunar::SOLAR_TERMS));
    heads
}

/// 初八 after a month, 大年初十: days of a lunar month.
pub(crate) fn lunar_day(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    for prefix in ["大年初", "初"] {
        if let Some(after) = rest.strip_prefix(prefix) {
            if prefix == "初" && chain.month.is_none() {
                return None;
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
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holidays_and_festivals() {
        let mut chain = Chain::default();
        assert_eq!(holiday("国庆节期间", 0, &mut chain), Some(9));
        assert_eq!(chain.holiday, Some(Holiday::Fixed { month: 10, day: 1 }));
        let mut chain = Chain::default();
        assert_eq!(festival("中秋节", 0, &mut chain), Some(9));
        assert_eq!(
            chain.named_festival(),
            Some(Festival::Lunar { month: 8, day: 15 })
        );
        // 大雪纷飞 is weather; 大雪节气 is the solar term.
        assert_eq!(festival("大雪纷飞", 0, &mut Chain::default()), None);
        assert_eq!(festival("大雪节气", 0, &mut Chain::default()), Some(12));
    }

    #[test]
    fn lunar_days_need_a_month_unless_new_year() {
        assert_eq!(lunar_day("初八", 0, &mut Chain::default()), None);
        let mut chain = Chain::default();
        assert_eq!(lunar_day("大年初十", 0, &mut chain), Some(12));
        assert_eq!(
            (chain.month, chain.day, chain.lunar),
            (Some(Step::Absolute(1)), Some(Step::Absolute(10)), true)
        );
    }
}
