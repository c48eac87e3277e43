//! The word lists of times, loaded once from `data/words/time_*.txt`: what
//! each list means is said here, what it holds is said in its file.

use std::sync::LazyLock;

use crate::lexicon::{entries, rows, set, ByEdge, Edge, WordSet};
use crate::time::chain::{Festival, Holiday, PartOfDay, SuffixEffect, TimePrefix, Weekday};

/// A relative word and the step it names.
pub(crate) type Offsets = Words<i64>;

/// A word list with its values, by first character.
pub(crate) type Words<T> = ByEdge<(&'static str, T)>;

fn by_first<T>(list: Vec<(&'static str, T)>) -> Words<T> {
    ByEdge::new(list, Edge::First, |e| e.0)
}

/// A list of words alone, by first character.
fn words_by_first(list: Vec<&'static str>) -> ByEdge<&'static str> {
    ByEdge::new(list, Edge::First, |w| w)
}

/// The unit a relative word counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RelativeUnit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// What a relative word counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Anchor {
    /// The reference time (今天, 去年).
    Reference,
    /// The period talked about (当天, 次年).
    Context,
}

static RELATIVE: LazyLock<Vec<(&'static str, RelativeUnit, i64, Anchor)>> = LazyLock::new(|| {
    rows(include_str!("../../data/words/time_relative.txt"))
        .map(|row| {
            let unit = match row[1] {
                "day" => RelativeUnit::Day,
                "week" => RelativeUnit::Week,
                "month" => RelativeUnit::Month,
                "quarter" => RelativeUnit::Quarter,
                "year" => RelativeUnit::Year,
                other => panic!("time_relative.txt: unit {other}"),
            };
            (row[0], unit, number(row[2]), anchor(row[3]))
        })
        .collect()
});

fn relative(unit: RelativeUnit, from: Anchor) -> Offsets {
    by_first(relative_list(unit, from))
}

fn relative_list(unit: RelativeUnit, from: Anchor) -> Vec<(&'static str, i64)> {
    RELATIVE
        .iter()
        .filter(|r| r.1 == unit && r.3 == from)
        .map(|r| (r.0, r.2))
        .collect::<Vec<_>>()
}

fn number(field: &str) -> i64 {
    field
        .parse()
        .unwrap_or_else(|_| panic!("time word list: number {field}"))
}

fn anchor(field: &str) -> Anchor {
    match field {
        "reference" => Anchor::Reference,
        "context" => Anchor::Context,
        other => panic!("time word list: anchor {other}"),
    }
}

/// Days relative to the reference day: 昨天 -1, 明日 +1.
pub(crate) static RELATIVE_DAYS: LazyLock<Offsets> =
    LazyLock::new(|| relative(RelativeUnit::Day, Anchor::Reference));
/// Days relative to the day talked about: 当天 0, 次日 +1.
pub(crate) static CONTEXT_DAYS: LazyLock<Offsets> =
    LazyLock::new(|| relative(RelativeUnit::Day, Anchor::Context));
/// Weeks relative to the reference week.
pub(crate) static RELATIVE_WEEKS: LazyLock<Offsets> =
    LazyLock::new(|| relative(RelativeUnit::Week, Anchor::Reference));
/// Months relative to the reference month.
pub(crate) static RELATIVE_MONTHS: LazyLock<Offsets> =
    LazyLock::new(|| relative(RelativeUnit::Month, Anchor::Reference));
/// Months relative to the month talked about.
pub(crate) static CONTEXT_MONTHS: LazyLock<Offsets> =
    LazyLock::new(|| relative(RelativeUnit::Month, Anchor::Context));
/// Quarters relative to the reference quarter.
pub(crate) static RELATIVE_QUARTERS: LazyLock<Offsets> =
    LazyLock::new(|| relative(RelativeUnit::Quarter, Anchor::Reference));
/// Years relative to the reference year.
pub(crate) static RELATIVE_YEARS: LazyLock<Offsets> =
    LazyLock::new(|| relative(RelativeUnit::Year, Anchor::Reference));
/// Years relative to the year talked about: 当年, 次年.
pub(crate) static CONTEXT_YEARS: LazyLock<Offsets> =
    LazyLock::new(|| relative(RelativeUnit::Year, Anchor::Context));

/// Fiscal years relative to the one that holds the reference: 本财年 0, 上一财政年度 -1.
pub(crate) static FISCAL_YEARS: LazyLock<Offsets> = LazyLock::new(|| {
    let list = rows(include_str!("../../data/words/time_fiscal_years.txt"))
        .map(|row| (row[0], number(row[1])))
        .collect::<Vec<_>>();
    by_first(list)
});

/// Parts of the day by name.
pub(crate) static PARTS_OF_DAY: LazyLock<Words<PartOfDay>> = LazyLock::new(|| {
    by_first({
        rows(include_str!("../../data/words/time_parts_of_day.txt"))
            .map(|row| {
                let part = PartOfDay {
                    from_hour: number(row[1]) as u32,
                    to_hour: number(row[2]) as u32,
                    afternoon: row[3] == "pm",
                };
                (row[0], part)
            })
            .collect::<Vec<_>>()
    })
});

/// The part of day named `word`.
pub(crate) fn part_of_day(word: &str) -> Option<PartOfDay> {
    PARTS_OF_DAY.iter().find(|p| p.0 == word).map(|p| p.1)
}

/// A day and a part of it in one word: the day's offset, whether it counts
/// from the period talked about, and the part.
pub(crate) struct DayAndPart {
    pub offset: i64,
    pub in_context: bool,
    pub part: Option<PartOfDay>,
}

/// 今晚, 昨夜, 明早, 当晚.
pub(crate) static DAYS_AND_PARTS: LazyLock<Words<DayAndPart>> = LazyLock::new(|| {
    by_first({
        rows(include_str!("../../data/words/time_day_and_part.txt"))
            .map(|row| {
                let day = DayAndPart {
                    offset: number(row[1]),
                    in_context: anchor(row[2]) == Anchor::Context,
                    part: part_of_day(row[3]),
                };
                (row[0], day)
            })
            .collect::<Vec<_>>()
    })
});

/// Holidays on a fixed day and on the Nth weekday of a month.
pub(crate) static HOLIDAYS: LazyLock<Words<Holiday>> = LazyLock::new(|| {
    by_first({
        let fixed = rows(include_str!("../../data/words/time_holidays.txt")).map(|row| {
            let holiday = Holiday::Fixed {
                month: number(row[1]) as u32,
                day: number(row[2]) as u32,
            };
            (row[0], holiday)
        });
        let by_weekday =
            rows(include_str!("../../data/words/time_holidays_weekday.txt")).map(|row| {
                let weekday = char::from_digit(number(row[2]) as u32, 10)
                    .and_then(Weekday::from_char)
                    .expect("time_holidays_weekday.txt: weekday 1 to 7");
                let holiday = Holiday::NthWeekday {
                    month: number(row[1]) as u32,
                    weekday,
                    nth: number(row[3]) as u32,
                };
                (row[0], holiday)
            });
        fixed.chain(by_weekday).collect::<Vec<_>>()
    })
});

/// Holidays whose names start with a numeral: 五一, 八一建军节, 双十一.
pub(crate) fn fixed_holiday_at(rest: &str) -> bool {
    HOLIDAYS
        .at(rest)
        .any(|(w, h)| matches!(h, Holiday::Fixed { .. }) && rest.starts_with(w))
}

/// Festivals of the lunar calendar and on solar terms.
pub(crate) static FESTIVALS: LazyLock<Words<Festival>> = LazyLock::new(|| {
    by_first({
        rows(include_str!("../../data/words/time_festivals.txt"))
            .map(|row| {
                let festival = match (row[1], row[2]) {
                    ("term", term) => Festival::SolarTerm {
                        term: crate::civil::lunar::SOLAR_TERMS
                            .iter()
                            .position(|t| *t == term)
                            .expect("time_festivals.txt: a solar term"),
                        days_after: number(row[3]),
                    },
                    (_, "eve") => Festival::NewYearsEve,
                    (month, day) => Festival::Lunar {
                        month: number(month) as u32,
                        day: number(day) as u32,
                    },
                };
                (row[0], festival)
            })
            .collect::<Vec<_>>()
    })
});

/// True when `rest` starts with the name of a lunar festival (农历新年).
pub(crate) fn lunar_festival_at(rest: &str) -> bool {
    FESTIVALS
        .iter()
        .any(|(w, f)| !matches!(f, Festival::SolarTerm { .. }) && rest.starts_with(w))
}

/// Solar terms that are weather words too: times only with a year or 节气.
pub(crate) static WEATHER_TERMS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("../../data/words/time_weather_terms.txt")));

/// Seasons and school holidays: found, not resolved.
pub(crate) static SEASONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/words/time_seasons.txt")).collect());

/// Words for the reference moment itself.
pub(crate) static NOW_WORDS: LazyLock<ByEdge<&'static str>> = LazyLock::new(|| {
    words_by_first(entries(include_str!("../../data/words/time_now.txt")).collect())
});

/// Words for a vague time near the reference: found, not resolved.
pub(crate) static FUZZY_WORDS: LazyLock<ByEdge<&'static str>> = LazyLock::new(|| {
    words_by_first(entries(include_str!("../../data/words/time_fuzzy.txt")).collect())
});

/// Words that refer to the period named just before.
pub(crate) static SAME_PERIOD_WORDS: LazyLock<ByEdge<&'static str>> = LazyLock::new(|| {
    words_by_first(entries(include_str!("../../data/words/time_same_period.txt")).collect())
});

/// Two-character words whose second character would otherwise start a
/// relative span (提前三天 is no 前三天).
pub(crate) static WORDS_ENDING_IN_PREFIX: LazyLock<WordSet> = LazyLock::new(|| {
    set(include_str!(
        "../../data/words/time_words_ending_in_prefix.txt"
    ))
});

/// Words before a count of units, and what they make of the span.
pub(crate) static SPAN_PREFIXES: LazyLock<Words<crate::time::chain::SpanPrefix>> =
    LazyLock::new(|| {
        use crate::time::chain::SpanPrefix;
        let list = rows(include_str!("../../data/words/time_span_prefixes.txt"))
            .map(|row| {
                let kind = match row[1] {
                    "past" => SpanPrefix::Past,
                    "future" => SpanPrefix::Future,
                    "after" => SpanPrefix::After,
                    "last" => SpanPrefix::Last,
                    "first" => SpanPrefix::First,
                    "next" => SpanPrefix::Next,
                    other => panic!("time_span_prefixes.txt: kind {other}"),
                };
                (row[0], kind)
            })
            .collect();
        by_first(list)
    });

/// Words before a time, in the order they are tried.
pub(crate) static PREFIXES: LazyLock<Words<TimePrefix>> = LazyLock::new(|| {
    let list = rows(include_str!("../../data/words/time_prefixes.txt"))
        .map(|row| {
            let kind = match row[1] {
                "until" => TimePrefix::Until,
                "since" => TimePrefix::Since,
                "from" => TimePrefix::From,
                other => panic!("time_prefixes.txt: kind {other}"),
            };
            (row[0], kind)
        })
        .collect();
    by_first(list)
});

/// Suffixes after a time and what they do to it, in the order they are
/// tried, by first character.
pub(crate) static SUFFIXES: LazyLock<Words<SuffixEffect>> = LazyLock::new(|| {
    by_first(
        rows(include_str!("../../data/words/time_suffixes.txt"))
            .map(|row| {
                let effect = match row[1] {
                    "since" => SuffixEffect::Since,
                    "open_end" => SuffixEffect::OpenEnd,
                    "open_start" => SuffixEffect::OpenStart,
                    other => panic!("time_suffixes.txt: effect {other}"),
                };
                (row[0], effect)
            })
            .collect::<Vec<_>>(),
    )
});

/// Words right before a time that make it a base of comparison (比第1季).
pub(crate) static BASE_MARKERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(include_str!("../../data/words/time_base_markers.txt")).collect());

/// Range joiners, longest first, by first character.
pub(crate) static JOINERS: LazyLock<ByEdge<&'static str>> = LazyLock::new(|| {
    words_by_first(entries(include_str!("../../data/words/time_joiners.txt")).collect())
});

/// Every word of the lists above: the time words an expression may begin
/// with.
pub(crate) fn all_words() -> impl Iterator<Item = &'static str> {
    RELATIVE
        .iter()
        .map(|r| r.0)
        .chain(DAYS_AND_PARTS.iter().map(|w| w.0))
        .chain(PARTS_OF_DAY.iter().map(|w| w.0))
        .chain(HOLIDAYS.iter().map(|w| w.0))
        .chain(FESTIVALS.iter().map(|w| w.0))
        .chain(crate::civil::lunar::SOLAR_TERMS.iter().copied())
        .chain(SEASONS.iter().copied())
        .chain(NOW_WORDS.iter().copied())
        .chain(FUZZY_WORDS.iter().copied())
        .chain(SAME_PERIOD_WORDS.iter().copied())
        .chain(FISCAL_YEARS.iter().map(|w| w.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_with_their_values() {
        assert!(RELATIVE_YEARS.contains(&("去年", -1)));
        assert!(CONTEXT_DAYS.contains(&("次日", 1)));
        assert_eq!(
            part_of_day("下午"),
            Some(PartOfDay {
                from_hour: 12,
                to_hour: 19,
                afternoon: true
            })
        );
        assert!(FESTIVALS.contains(&("除夕", Festival::NewYearsEve)));
        assert!(FESTIVALS.contains(&(
            "寒食节",
            Festival::SolarTerm {
                term: 6,
                days_after: -1
            }
        )));
        assert!(WEATHER_TERMS.contains("大雪"));
        assert!(fixed_holiday_at("五一劳动节"));
        assert_eq!(PREFIXES.first(), Some(&("截止到", TimePrefix::Until)));
        assert!(SUFFIXES.contains(&("以来", SuffixEffect::Since)));
        assert_eq!(JOINERS.first(), Some(&"——"));
    }
}
