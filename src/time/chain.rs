//! The typed parts a time expression is made of, coarse to fine. Every
//! reader of `src/time/` fills a [`Chain`]; the resolver turns it into an
//! interval. This file imports nothing else of `time/`.

use crate::numeric::units::TimeUnit;

/// How fine a part of a time expression is, coarse to fine. The readers
/// go down this scale: a part may only follow parts coarser than itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Grain {
    /// 十九世纪, 上世纪.
    Century,
    /// 八十年代.
    Decade,
    /// 2023年, 去年.
    Year,
    /// Quarters, halves and months: 第三季度, 上半年, 9月.
    Month,
    /// 上周, 第2周; seasons stand here too.
    Week,
    /// 27日, 今天, 周五, 国庆节.
    Day,
    /// 上旬, 月底, 年初.
    Edge,
    /// 下午, 凌晨.
    PartOfDay,
    /// 3点半, 15:30.
    Clock,
    /// Finer than every part: nothing more may follow.
    Moment,
}

impl Grain {
    /// The grain right after this one: what may follow a part of this grain.
    pub(crate) fn next(self) -> Grain {
        match self {
            Grain::Century => Grain::Decade,
            Grain::Decade => Grain::Year,
            Grain::Year => Grain::Month,
            Grain::Month => Grain::Week,
            Grain::Week => Grain::Day,
            Grain::Day => Grain::Edge,
            Grain::Edge => Grain::PartOfDay,
            Grain::PartOfDay => Grain::Clock,
            Grain::Clock | Grain::Moment => Grain::Moment,
        }
    }
}

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
    /// 112年, 一○八年: three digits, a year of the Republic where the
    /// article is Taiwanese (+1911); no year elsewhere.
    Roc(i32),
}

/// A century as written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Century {
    /// 十九世纪: the 19th century, 1801–1900.
    Numbered(i32),
    /// 上世纪 (-1), 本世纪 (0): relative to the reference century.
    Relative(i32),
}

/// A month (or day, week) as written: absolute, relative to the reference
/// or to the period talked about.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Step {
    /// 9月, 27日, 第2周.
    Absolute(u32),
    /// 上个月 (-1), 今天 (0).
    Relative(i64),
    /// 当月 (0), 次日 (+1).
    Context(i64),
}

/// A run of quarters of the year, both ends in: 第三季度 is 3..=3, 前三季度 1..=3.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Quarters {
    /// The first quarter, 1 to 4.
    pub first: u32,
    /// The last quarter, 1 to 4.
    pub last: u32,
}

/// A half of the year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Half {
    /// 上半年: January to June.
    First,
    /// 下半年: July to December.
    Second,
}

/// A part of a month: a ten-day period (旬) or a half.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum MonthPart {
    /// 上旬: the 1st to the 10th.
    EarlyXun,
    /// 中旬: the 11th to the 20th.
    MiddleXun,
    /// 下旬: the 21st to the end.
    LateXun,
    /// 上半月: the 1st to the 15th.
    FirstHalf,
    /// 下半月: the 16th to the end.
    SecondHalf,
}

/// A day of the week, Monday first (ISO).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Weekday {
    /// 星期一.
    Monday,
    /// 星期二.
    Tuesday,
    /// 星期三.
    Wednesday,
    /// 星期四.
    Thursday,
    /// 星期五.
    Friday,
    /// 星期六.
    Saturday,
    /// 星期日, 星期天.
    Sunday,
}

impl Weekday {
    /// The weekday written by `c` after 星期/周/礼拜: 一 … 六, 日, 天, 1 … 7.
    pub(crate) fn from_char(c: char) -> Option<Weekday> {
        Some(match c {
            '一' | '1' => Weekday::Monday,
            '二' | '2' => Weekday::Tuesday,
            '三' | '3' => Weekday::Wednesday,
            '四' | '4' => Weekday::Thursday,
            '五' | '5' => Weekday::Friday,
            '六' | '6' => Weekday::Saturday,
            '日' | '天' | '7' => Weekday::Sunday,
            _ => return None,
        })
    }

    /// The ISO number of the day: 1 Monday … 7 Sunday.
    pub(crate) fn number(self) -> u32 {
        self as u32 + 1
    }
}

/// A part of the day: the hours it covers, and whether clock hours written
/// in it (1 to 11) are afternoon or evening hours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct PartOfDay {
    /// The first hour, 0 to 23.
    pub from_hour: u32,
    /// The hour it ends at, 1 to 24.
    pub to_hour: u32,
    /// Hours 1 to 11 in it are read +12 (下午3点 is 15:00).
    pub afternoon: bool,
}

impl PartOfDay {
    /// 中午 and 正午: hours before 6 in them are read +12 (中午1点).
    pub(crate) fn is_noon(self) -> bool {
        self.from_hour == 12 && self.to_hour == 14
    }
}

/// am or pm written after a clock time (3pm, 11:30 a.m.).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Meridiem {
    /// Before noon.
    Am,
    /// After noon.
    Pm,
}

/// A day fixed by the lunar calendar or the sun rather than by a date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Festival {
    /// A lunar month and day: 端午 is month 5, day 5.
    Lunar {
        /// The lunar month, 1 to 12.
        month: u32,
        /// The day of the lunar month, 1 to 30.
        day: u32,
    },
    /// 除夕: the last day of the lunar year.
    NewYearsEve,
    /// A solar term and days after it: 冬至 is term 23 and 0 days, 寒食节
    /// term 6 (清明) and -1.
    SolarTerm {
        /// An index into `civil::lunar::SOLAR_TERMS`.
        term: usize,
        /// Days after the term's day.
        days_after: i64,
    },
}

/// A named day of the year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Holiday {
    /// A fixed day of the Gregorian year: 国庆节 is October 1st.
    Fixed {
        /// The month, 1 to 12.
        month: u32,
        /// The day of the month.
        day: u32,
    },
    /// The Nth weekday of a month: 母亲节 is the second Sunday of May.
    NthWeekday {
        /// The month, 1 to 12.
        month: u32,
        /// The weekday.
        weekday: Weekday,
        /// Which occurrence in the month, from 1.
        nth: u32,
    },
    /// A festival of the lunar calendar or a solar term.
    Festival(Festival),
}

/// Whole units next to the reference (后三天, 上二周, 前两年).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct UnitSpan {
    /// The unit counted.
    pub unit: TimeUnit,
    /// The first unit, in units from the one that holds the reference.
    pub first: i64,
    /// How many units.
    pub count: i64,
}

/// One unit at an offset from the reference (三年前, 20天后).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct UnitOffset {
    /// The unit.
    pub unit: TimeUnit,
    /// Units after the reference (negative: before).
    pub offset: i64,
}

/// What a word before a count of units says about the span it names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SpanPrefix {
    /// 过去, 最近, 近: a vague span up to now.
    Past,
    /// 未来, 今后: a vague span from now on.
    Future,
    /// 再过, 过: one unit at that distance from now.
    After,
    /// 上: the units just before the current one.
    Last,
    /// 前: the first units of the year, or the ones before the current one.
    First,
    /// 下, 后: the units after the current one.
    Next,
}

/// What a word before a time makes of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TimePrefix {
    /// 截至, 截止到: kept in the span; the time is where a period ends.
    Until,
    /// 自从: from the time to the reference time.
    Since,
    /// 从, 自: kept only when a range or 起 follows.
    From,
}

/// What a suffix after a time does to its interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SuffixEffect {
    /// 以来, 至今: from the start to the reference time.
    Since,
    /// 起, 以后, 或之后: from the start on, no end.
    OpenEnd,
    /// 以前, 或之前: up to the start, no start.
    OpenStart,
}

/// The parts of one time expression.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Chain {
    pub century: Option<Century>,
    pub decade: Option<u32>,
    pub year: Option<Year>,
    /// Years from the first to the last, both in: 今明两年.
    pub year_span: Option<i32>,
    pub quarters: Option<Quarters>,
    pub relative_quarter: Option<i64>,
    pub half: Option<Half>,
    pub first_months: Option<u32>,
    pub month: Option<Step>,
    pub week: Option<Step>,
    /// Nth occurrence of a weekday in the month (十月的第一个星期一).
    pub weekday_nth: Option<u32>,
    pub weekday: Option<Weekday>,
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
    pub month_part: Option<MonthPart>,
    pub holiday: Option<Holiday>,
    pub part: Option<PartOfDay>,
    pub hour: Option<u32>,
    pub minute: Option<u32>,
    pub second: Option<u32>,
    /// am or pm written after the clock (3pm).
    pub meridiem: Option<Meridiem>,
    pub now: bool,
    /// Found but not resolved: edges (年底), seasons, fuzzy words.
    pub vague: bool,
    /// `同期`: the period named just before.
    pub same_period: bool,
    /// `去年同期`: the period named just before, shifted by years.
    pub same_period_shift: Option<i32>,
    /// `2006年同期`: the period named just before, in the year named.
    pub same_period_year: Option<Year>,
    /// `今年以来`: from the start of the period to the reference time.
    pub since: bool,
    /// `起`, `以后`: from the start on, no end.
    pub open_end: bool,
    /// `以前`, `之前`: up to the start, no start.
    pub open_start: bool,
    /// A span of whole units next to the reference (后三天, 上二周).
    pub units: Option<UnitSpan>,
    /// 三年前, 20天后: one unit at an offset from the reference.
    pub unit_offset: Option<UnitOffset>,
    /// 2023/24年度, 本财年, 2020年度: the year is a fiscal year of the
    /// region, starting in its fiscal month.
    pub fiscal: bool,
    /// 17秒后, 7分钟内: a count of hours, minutes or seconds before a
    /// suffix, which after a narrated time is a length, not a time.
    pub fine_units: bool,
    /// 十四五: a five-year plan, by its first year.
    pub plan: Option<i32>,
    /// Month and day are of the lunar calendar (农历八月, 正月十五, 初八).
    pub lunar: bool,
    /// 闰四月: the leap month that follows the month named.
    pub leap_month: bool,
}

impl Chain {
    /// True when the chain names nothing.
    pub(crate) fn is_empty(&self) -> bool {
        // Most chains asked name a year, month, day or hour: one of these
        // says so before every part is compared.
        self.year.is_none()
            && self.month.is_none()
            && self.day.is_none()
            && self.hour.is_none()
            && *self == Chain::default()
    }

    /// True when the chain refers back to the period in focus (同期,
    /// 去年同期, 2006年同期).
    pub(crate) fn refers_back(&self) -> bool {
        self.same_period || self.same_period_shift.is_some() || self.same_period_year.is_some()
    }

    /// True when the chain names one day of the calendar (a date, a day
    /// relative to the reference or the event, a weekday or a holiday):
    /// the day an event narrated after it happened on.
    pub(crate) fn names_a_date(&self) -> bool {
        self.day.is_some() || self.weekday.is_some() || self.holiday.is_some()
    }

    /// The festival the chain names, if any.
    pub(crate) fn named_festival(&self) -> Option<Festival> {
        match self.holiday {
            Some(Holiday::Festival(festival)) => Some(festival),
            _ => None,
        }
    }

    /// True when a day is named (a date, weekday, holiday or part of day),
    /// so that a bare `N点M` reads as a clock time.
    pub(crate) fn names_a_day(&self) -> bool {
        self.day.is_some()
            || self.part.is_some()
            || self.weekday.is_some()
            || self.holiday.is_some()
    }

    /// The coarsest part written (Moment when no calendar part is).
    pub(crate) fn coarsest(&self) -> Grain {
        if self.century.is_some() {
            Grain::Century
        } else if self.decade.is_some() {
            Grain::Decade
        } else if self.year.is_some() {
            Grain::Year
        } else if self.quarters.is_some()
            || self.half.is_some()
            || self.month.is_some()
            || self.first_months.is_some()
        {
            Grain::Month
        } else if self.week.is_some() {
            Grain::Week
        } else if self.day.is_some()
            || self.weekday.is_some()
            || self.holiday.is_some()
            || self.nth_day.is_some()
        {
            Grain::Day
        } else if self.part.is_some() {
            Grain::PartOfDay
        } else if self.hour.is_some() {
            Grain::Clock
        } else {
            Grain::Moment
        }
    }

    /// Fills what the second end of a range leaves out from the first end.
    pub(crate) fn inherit(&mut self, first: &Chain) {
        let grain = self.coarsest();
        if grain > Grain::Year && self.year.is_none() {
            self.year = first.year;
            self.century = self.century.or(first.century);
        }
        if grain > Grain::Month && self.month.is_none() && self.quarters.is_none() {
            self.month = first.month;
            self.leap_month = first.leap_month;
            self.lunar |= first.lunar;
        }
        if grain > Grain::Week && self.week.is_none() {
            self.week = first.week;
        }
        if grain > Grain::Day
            && self.day.is_none()
            && self.weekday.is_none()
            && self.holiday.is_none()
        {
            self.day = first.day;
            self.weekday = first.weekday;
            self.holiday = first.holiday;
            self.week = self.week.or(first.week);
        }
        if grain > Grain::PartOfDay && self.part.is_none() {
            self.part = first.part;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grains_are_ordered_coarse_to_fine() {
        assert!(Grain::Century < Grain::Year);
        assert!(Grain::Day < Grain::Edge);
        assert_eq!(Grain::Year.next(), Grain::Month);
        assert_eq!(Grain::Clock.next(), Grain::Moment);
    }

    #[test]
    fn coarsest_part_of_a_chain() {
        let chain = Chain {
            day: Some(Step::Absolute(27)),
            hour: Some(15),
            ..Chain::default()
        };
        assert_eq!(chain.coarsest(), Grain::Day);
        assert_eq!(Chain::default().coarsest(), Grain::Moment);
    }

    #[test]
    fn second_end_inherits_what_it_leaves_out() {
        let first = Chain {
            year: Some(Year::Absolute(2017)),
            month: Some(Step::Absolute(8)),
            day: Some(Step::Absolute(11)),
            ..Chain::default()
        };
        let mut second = Chain {
            day: Some(Step::Absolute(22)),
            ..Chain::default()
        };
        second.inherit(&first);
        assert_eq!(second.year, Some(Year::Absolute(2017)));
        assert_eq!(second.month, Some(Step::Absolute(8)));
        assert_eq!(second.day, Some(Step::Absolute(22)));
    }

    #[test]
    fn weekdays_by_character() {
        assert_eq!(Weekday::from_char('五'), Some(Weekday::Friday));
        assert_eq!(Weekday::from_char('天').map(Weekday::number), Some(7));
        assert_eq!(Weekday::from_char('八'), None);
    }
}
