//! Turns a time chain into a half-open interval of local time.
//!
//! Conventions (see DESIGN.md): intervals are `[start, end)` at the grain
//! written; weeks start on Monday; a date without a year takes the year
//! last named in the document, else the reference year; parts of day follow
//! Duckling (早上 04–12, 下午 12–19, 晚上 18–24); a bare weekday is that day
//! of the reference week.

use crate::civil::calendar::{
    add_days, add_months, add_seconds, date, days_from_civil, from_moment, month_start, to_moment,
    week_start, weekday,
};
use crate::civil::datetime::{days_in_month, DateTime};
use crate::civil::lunar;
use crate::numeric::units::TimeUnit as Unit;
pub(crate) use crate::time::anchor::{Anchor, Role};
use crate::time::chain::{
    Century, Chain, Festival, Half, Holiday, Meridiem, MonthPart, Step, UnitOffset, UnitSpan, Year,
};

/// A resolved interval; either end may be unknown.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Resolved {
    pub start: Option<DateTime>,
    pub end: Option<DateTime>,
    pub context_dependent: bool,
}

/// Resolves a chain, or a range of two, and updates the anchor.
pub(crate) fn resolve(
    first: &Chain,
    second: Option<&Chain>,
    anchor: &mut Anchor,
    role: Role,
) -> Resolved {
    let mut resolved = interval(first, anchor);
    if let Some(second) = second {
        let until = if second.now {
            Resolved {
                start: anchor.reference,
                end: anchor.reference,
                ..Resolved::default()
            }
        } else {
            interval(second, anchor)
        };
        resolved.end = if resolved.start.is_some() {
            until.end
        } else {
            None
        };
        // 下午5点到凌晨3点: an end before the start, on no day of its own, is the next day.
        let own_day = second.day.is_some()
            || second.weekday.is_some()
            || second.holiday.is_some()
            || second.month.is_some();
        if let (Some(start), Some(end)) = (resolved.start, resolved.end) {
            if end <= start && !own_day {
                resolved.end = add_days(end, 1);
            }
        }
        resolved.context_dependent |= until.context_dependent;
        if !role.base {
            note_year(first, anchor);
            note_year(second, anchor);
        }
    } else if !role.base && !first.since {
        note_year(first, anchor);
    }
    if let Some(start) = resolved.start {
        let refers_back = first.refers_back();
        let names_day = second.is_none() && first.names_a_date();
        anchor.note((start, resolved.end), role, refers_back, names_day);
    }
    resolved
}

/// Remembers an explicitly named year for later dates without one.
fn note_year(chain: &Chain, anchor: &mut Anchor) {
    let Some(year) = chain.year else { return };
    let y = if chain.fiscal {
        fiscal_first_year(year, anchor)
    } else {
        year_of(year, anchor)
    };
    if let Some(y) = y {
        if !matches!(year, Year::Context(_)) {
            anchor.year = Some(y);
            anchor.fiscal_year = chain.fiscal && anchor.fiscal_start_month() > 1;
        }
    }
}

/// The year a written year stands for.
fn year_of(year: Year, anchor: &Anchor) -> Option<i32> {
    let reference = anchor.reference.map(|t| t.year());
    Some(match year {
        Year::Absolute(y) => y,
        Year::Relative(n) => reference? + n,
        Year::Context(n) => anchor.year.or(reference)? + n,
        Year::Roc(n) if anchor.roc_years() => 1911 + n,
        Year::Roc(_) => return None,
        Year::TwoDigit(yy) => {
            let century = match reference {
                Some(r) if r >= 2000 && yy <= r % 100 + 10 => 2000,
                Some(_) => 1900,
                None if yy <= 35 => 2000,
                None => 1900,
            };
            century + yy
        }
    })
}

fn unknown() -> Resolved {
    Resolved::default()
}

fn closed(start: Option<DateTime>, end: Option<DateTime>) -> Resolved {
    match (start, end) {
        (Some(s), Some(e)) => Resolved {
            start: Some(s),
            end: Some(e),
            context_dependent: false,
        },
        _ => unknown(),
    }
}

/// The start of the unit of time that holds `t`.
fn unit_start(t: DateTime, unit: Unit) -> Option<DateTime> {
    let (days, seconds) = to_moment(t);
    match unit {
        Unit::Year => date(t.year(), 1, 1),
        Unit::Quarter => date(t.year(), (t.month() - 1) / 3 * 3 + 1, 1),
        Unit::Month => date(t.year(), t.month(), 1),
        Unit::Week => from_moment(week_start(days), 0),
        Unit::Day => from_moment(days, 0),
        Unit::Hour => from_moment(days, seconds / 3600 * 3600),
        Unit::Minute => from_moment(days, seconds / 60 * 60),
        Unit::Second => Some(t),
    }
}

/// `t` moved by `n` units.
fn shift(t: DateTime, unit: Unit, n: i64) -> Option<DateTime> {
    match unit {
        Unit::Year | Unit::Quarter | Unit::Month => {
            let months = match unit {
                Unit::Year => 12 * n,
                Unit::Quarter => 3 * n,
                _ => n,
            };
            let (y, m) = add_months(t.year(), t.month(), months);
            let day = t.day().min(days_in_month(y, m));
            DateTime::new(y, m, day, t.hour(), t.minute(), t.second())
        }
        Unit::Week => add_days(t, 7 * n),
        Unit::Day => add_days(t, n),
        Unit::Hour => add_seconds(t, 3600 * n),
        Unit::Minute => add_seconds(t, 60 * n),
        Unit::Second => add_seconds(t, n),
    }
}

/// The interval of one chain.
fn interval(chain: &Chain, anchor: &Anchor) -> Resolved {
    if chain.vague {
        return unknown();
    }
    let reference = anchor.reference;
    if chain.now {
        return closed(reference, reference.and_then(|r| add_seconds(r, 1)));
    }
    if chain.refers_back() {
        let Some((start, end)) = anchor.focus_period() else {
            return unknown();
        };
        // 2006年同期: the period in focus, in the year named.
        let named = chain.same_period_year.and_then(|y| year_of(y, anchor));
        let years = match named {
            Some(y) => i64::from(y - start.year()),
            None => i64::from(chain.same_period_shift.unwrap_or(0)),
        };
        let mut resolved = closed(
            shift(start, Unit::Year, years),
            end.and_then(|e| shift(e, Unit::Year, years)),
        );
        resolved.context_dependent = true;
        return resolved;
    }
    if let Some(first_year) = chain.plan {
        return closed(date(first_year, 1, 1), date(first_year + 5, 1, 1));
    }
    if let Some(UnitSpan {
        unit,
        first: offset,
        count,
    }) = chain.units
    {
        let Some(r) = reference else { return unknown() };
        let start = unit_start(r, unit).and_then(|s| shift(s, unit, offset));
        return closed(start, start.and_then(|s| shift(s, unit, count)));
    }
    if let Some(UnitOffset { unit, offset }) = chain.unit_offset {
        let Some(r) = reference else { return unknown() };
        let start = unit_start(r, unit).and_then(|s| shift(s, unit, offset));
        let start = if unit == Unit::Second {
            shift(r, unit, offset)
        } else {
            start
        };
        return closed(start, start.and_then(|s| shift(s, unit, 1)));
    }
    let mut resolved = calendar(chain, anchor).unwrap_or_default();
    if chain.since {
        resolved.end = reference.filter(|_| resolved.start.is_some());
    } else if chain.open_end {
        resolved.end = None;
    } else if chain.open_start {
        resolved.end = resolved.start;
        resolved.start = None;
    }
    resolved
}

/// The interval of a calendar chain (years down to seconds).
fn calendar(chain: &Chain, anchor: &Anchor) -> Option<Resolved> {
    let reference = anchor.reference;
    let mut context_dependent = matches!(chain.year, Some(Year::Context(_)))
        || matches!(chain.month, Some(Step::Context(_)))
        || matches!(chain.day, Some(Step::Context(_)));
    // Decades and centuries.
    if let Some(decade) = chain.decade {
        let century_base = match chain.century {
            Some(Century::Numbered(c)) => (c - 1) * 100,
            Some(Century::Relative(offset)) => (reference?.year() / 100 + offset) * 100,
            None => {
                let base = reference.map_or(1900, |r| r.year() / 100 * 100);
                if base + decade as i32 > reference.map_or(i32::MAX, |r| r.year()) {
                    base - 100
                } else {
                    base
                }
            }
        };
        let start = century_base + decade as i32;
        return Some(closed(date(start, 1, 1), date(start + 10, 1, 1)));
    }
    if chain.century.is_some() {
        return None;
    }
    let has_date = chain.year.is_some()
        || chain.month.is_some()
        || chain.day.is_some()
        || chain.week.is_some()
        || chain.weekday.is_some()
        || chain.holiday.is_some()
        || chain.quarters.is_some()
        || chain.half.is_some()
        || chain.first_months.is_some()
        || chain.relative_quarter.is_some()
        || chain.nth_day.is_some();
    if !has_date && (chain.part.is_some() || chain.hour.is_some()) {
        let day = unit_start(reference?, Unit::Day)?;
        return Some(with_time(chain, day, false));
    }
    if chain.fiscal {
        return fiscal(chain, anchor);
    }
    let explicit_year = chain.year.and_then(|y| year_of(y, anchor));
    if chain.year.is_some() && explicit_year.is_none() {
        return None; // 去年 with no reference time
    }
    let year = || {
        explicit_year
            .or(anchor.year)
            .or(reference.map(|r| r.year()))
    };
    if chain.lunar || chain.named_festival().is_some() {
        let written = explicit_year.or(anchor.year);
        let reference_day = reference.map(|r| to_moment(r).0);
        return lunar_calendar(
            chain,
            written.or(reference.map(|r| r.year()))?,
            written.is_some(),
            reference_day,
        )
        .map(|mut resolved| {
            resolved.context_dependent |= context_dependent;
            resolved
        });
    }
    if let Some(span) = chain.year_span {
        let y = explicit_year?;
        return Some(closed(date(y, 1, 1), date(y + span + 1, 1, 1)));
    }
    // The date part: from relative days, weeks, holidays or month and day.
    let day_start: Option<DateTime> = match (chain.day, chain.week, chain.weekday) {
        (Some(Step::Relative(n)), _, _) => Some(add_days(unit_start(reference?, Unit::Day)?, n)?),
        (Some(Step::Context(n)), _, _) => {
            context_dependent = true;
            let base = anchor.event_day()?;
            Some(add_days(unit_start(base, Unit::Day)?, n)?)
        }
        (_, Some(Step::Relative(n)), Some(wd)) => {
            let days = week_start(to_moment(reference?).0) + 7 * n + i64::from(wd.number()) - 1;
            from_moment(days, 0)
        }
        (None, None, Some(wd)) if chain.weekday_nth.is_none() && chain.month.is_none() => {
            let days = week_start(to_moment(reference?).0) + i64::from(wd.number()) - 1;
            from_moment(days, 0)
        }
        _ => None,
    };
    if let Some(day) = day_start {
        return Some(with_time(chain, day, context_dependent));
    }
    if let (Some(Step::Relative(n)), None) = (chain.week, chain.weekday) {
        let start = from_moment(week_start(to_moment(reference?).0) + 7 * n, 0);
        if chain.weekend {
            let saturday = start.and_then(|s| add_days(s, 5));
            return Some(closed(saturday, saturday.and_then(|s| add_days(s, 2))));
        }
        return Some(closed(start, start.and_then(|s| add_days(s, 7))));
    }
    if let Some(n) = chain.relative_quarter {
        let start = unit_start(reference?, Unit::Quarter).and_then(|s| shift(s, Unit::Quarter, n));
        return Some(closed(
            start,
            start.and_then(|s| shift(s, Unit::Quarter, 1)),
        ));
    }
    // Year and month.
    let (y, month) = match chain.month {
        // 1月 in the fiscal year 2025/26 in focus is January 2026.
        Some(Step::Absolute(m))
            if explicit_year.is_none() && anchor.fiscal_year && m < anchor.fiscal_start_month() =>
        {
            (year()? + 1, Some(m))
        }
        Some(Step::Absolute(m)) => (year()?, Some(m)),
        Some(Step::Relative(n)) => {
            // 下个月; 去年本月: the reference month of the year named.
            let r = reference?;
            let (y, m) = add_months(explicit_year.unwrap_or(r.year()), r.month(), n);
            (y, Some(m))
        }
        Some(Step::Context(n)) => {
            context_dependent = true;
            let base = anchor.previous.map(|p| p.0).or(reference)?;
            let (y, m) = add_months(base.year(), base.month(), n);
            (y, Some(m))
        }
        None => (year()?, None),
    };
    if let Some(quarters) = chain.quarters {
        let (first, last) = (quarters.first, quarters.last);
        return Some(closed(
            date(y, 3 * first - 2, 1),
            month_start(y, 3 * last, 1),
        ));
    }
    if let Some(half) = chain.half {
        let half = match half {
            Half::First => 1,
            Half::Second => 2,
        };
        return Some(closed(
            date(y, 6 * half - 5, 1),
            month_start(y, 6 * half, 1),
        ));
    }
    if let Some(n) = chain.last_months {
        return Some(closed(date(y, 13 - n, 1), date(y + 1, 1, 1)));
    }
    if let (Some(n), None) = (chain.first_days, month) {
        let start = date(y, 1, 1)?;
        return Some(closed(Some(start), add_days(start, i64::from(n))));
    }
    if let (Some(n), None) = (chain.last_days, month) {
        let end = date(y + 1, 1, 1)?;
        return Some(closed(add_days(end, -i64::from(n)), Some(end)));
    }
    if let Some(n) = chain.first_months {
        if !(1..=12).contains(&n) {
            return None;
        }
        return Some(closed(date(y, 1, 1), month_start(y, n, 1)));
    }
    if let Some(holiday) = chain.holiday {
        let day = match holiday {
            Holiday::NthWeekday {
                month,
                weekday,
                nth,
            } => nth_weekday(y, month, weekday.number(), nth)?,
            Holiday::Fixed { month, day } => date(y, month, day)?,
            // A festival is a lunar date, resolved above.
            Holiday::Festival(_) => date(y, 1, 1)?,
        };
        return Some(with_time(chain, day, context_dependent));
    }
    let Some(m) = month else {
        // A year, or a day of the month with no month: a day of the
        // reference month, in the reference year (今日（4日）).
        if let Some(Step::Absolute(d)) = chain.day {
            let base = reference?;
            if chain.year.is_some() {
                return None;
            }
            let day = date(base.year(), base.month(), d)?;
            return Some(with_time(chain, day, context_dependent));
        }
        if let Some(n) = chain.nth_day {
            let day = add_days(date(y, 1, 1)?, i64::from(n) - 1)?;
            return Some(with_time(chain, day, context_dependent));
        }
        if let Some(Step::Absolute(n)) = chain.week {
            let start = first_monday(y, 1)? + 7 * (i64::from(n) - 1);
            let start = from_moment(start, 0);
            return Some(closed(start, start.and_then(|s| add_days(s, 7))));
        }
        chain.year?;
        let mut resolved = closed(date(y, 1, 1), date(y + 1, 1, 1));
        resolved.context_dependent = context_dependent;
        return Some(resolved);
    };
    if let Some(part) = chain.month_part {
        let (first, end) = match part {
            MonthPart::FirstHalf => (1, date(y, m, 16)),
            MonthPart::SecondHalf => (16, month_start(y, m, 1)),
            MonthPart::EarlyXun => (1, date(y, m, 11)),
            MonthPart::MiddleXun => (11, date(y, m, 21)),
            MonthPart::LateXun => (21, month_start(y, m, 1)),
        };
        return Some(closed(date(y, m, first), end));
    }
    if let Some(Step::Absolute(n)) = chain.week {
        let start = from_moment(first_monday(y, m)? + 7 * (i64::from(n) - 1), 0);
        return Some(closed(start, start.and_then(|s| add_days(s, 7))));
    }
    if let (Some(wd), Some(n)) = (chain.weekday, chain.weekday_nth) {
        let day = nth_weekday(y, m, wd.number(), n)?;
        return Some(with_time(chain, day, context_dependent));
    }
    if let Some(Step::Absolute(d)) = chain.day {
        let day = date(y, m, d)?;
        return Some(with_time(chain, day, context_dependent));
    }
    if let Some(n) = chain.nth_day {
        let day = add_days(date(y, m, 1)?, i64::from(n) - 1)?;
        return Some(with_time(chain, day, context_dependent));
    }
    if let Some(n) = chain.first_days {
        let start = date(y, m, 1)?;
        return Some(closed(Some(start), add_days(start, i64::from(n))));
    }
    if let Some(n) = chain.last_days {
        let end = month_start(y, m, 1)?;
        return Some(closed(add_days(end, -i64::from(n)), Some(end)));
    }
    let mut resolved = closed(date(y, m, 1), month_start(y, m, 1));
    resolved.context_dependent = context_dependent;
    Some(resolved)
}

/// The first year of a fiscal year as written: 2023 for 2023/24年度; for
/// 本财年, the fiscal year that holds the reference, shifted.
fn fiscal_first_year(year: Year, anchor: &Anchor) -> Option<i32> {
    let start_month = anchor.fiscal_start_month();
    match year {
        Year::Relative(n) => {
            let r = anchor.reference?;
            let current = if r.month() >= start_month {
                r.year()
            } else {
                r.year() - 1
            };
            Some(current + n)
        }
        other => year_of(other, anchor),
    }
}

/// A fiscal year of the region (本财年, 2023/24年度, 2020年度), or its
/// first months (本财政年度首9个月).
fn fiscal(chain: &Chain, anchor: &Anchor) -> Option<Resolved> {
    let y = fiscal_first_year(chain.year?, anchor)?;
    let m = anchor.fiscal_start_month();
    let start = date(y, m, 1);
    let months = i64::from(chain.first_months.unwrap_or(12));
    let (end_year, end_month) = add_months(y, m, months);
    Some(closed(start, date(end_year, end_month, 1)))
}

/// The interval of a lunar date or a festival in Gregorian year `year`.
///
/// A year written before a lunar month names the lunar year that begins in
/// it (`2012年正月初八`, `明年腊月`); before a festival, the year the
/// festival falls in (`2022年除夕` is 2022-01-31). With no year written, the
/// date that falls in the reference year, the one nearer the reference when
/// two do (`腊月初十` in January is the coming one).
fn lunar_calendar(
    chain: &Chain,
    year: i32,
    written: bool,
    reference_day: Option<i64>,
) -> Option<Resolved> {
    let day_at = |days: i64| Some(with_time(chain, from_moment(days, 0)?, false));
    let span = |start: i64, end: i64| Some(closed(from_moment(start, 0), from_moment(end, 0)));
    // The first and last day of the lunar date in lunar year `lunar_year`.
    let days_in = |lunar_year: i32| -> Option<(i64, i64)> {
        match (chain.named_festival(), chain.month, chain.day) {
            (Some(Festival::Lunar { month: m, day: d }), _, _) => {
                lunar::date_days(lunar_year, m, false, d).map(|d| (d, d + 1))
            }
            (Some(Festival::NewYearsEve), _, _) => {
                lunar::new_years_eve(lunar_year).map(|d| (d, d + 1))
            }
            (Some(Festival::SolarTerm { .. }), _, _) => None,
            (None, Some(Step::Absolute(m)), Some(Step::Absolute(d))) => {
                lunar::date_days(lunar_year, m, chain.leap_month, d).map(|d| (d, d + 1))
            }
            (None, Some(Step::Absolute(m)), None) => {
                let (start, end) = lunar::month_days(lunar_year, m, chain.leap_month)?;
                match chain.month_part {
                    Some(MonthPart::EarlyXun) => Some((start, start + 10)),
                    Some(MonthPart::MiddleXun) => Some((start + 10, start + 20)),
                    Some(MonthPart::LateXun) => Some((start + 20, end)),
                    Some(_) => None,
                    None => Some((start, end)),
                }
            }
            (None, None, None) if chain.year.is_some() => {
                let (start, _) = lunar::month_days(lunar_year, 1, false)?;
                Some((start, lunar::new_years_eve(lunar_year)? + 1))
            }
            _ => None,
        }
    };
    if let Some(Festival::SolarTerm { term, days_after }) = chain.named_festival() {
        return day_at(lunar::solar_term_day(year, term)? + days_after);
    }
    let gregorian_start = days_from_civil(year, 1, 1);
    let gregorian_end = days_from_civil(year + 1, 1, 1);
    let in_year = |(start, _): &(i64, i64)| (gregorian_start..gregorian_end).contains(start);
    let (start, end) = if written && chain.named_festival().is_none() {
        days_in(year)?
    } else {
        // The occurrence in the Gregorian year, of lunar year year - 1 or year.
        let candidates = [days_in(year), days_in(year - 1)];
        let mut found = candidates.into_iter().flatten().filter(in_year);
        let first = found.next();
        match (first, found.next(), reference_day) {
            (Some(a), Some(b), Some(r)) if (b.0 - r).abs() < (a.0 - r).abs() => b,
            (Some(a), _, _) => a,
            (None, _, _) => days_in(year)?,
        }
    };
    if end == start + 1 {
        day_at(start)
    } else {
        span(start, end)
    }
}

/// The day number of the first Monday on or after the first of the month.
fn first_monday(year: i32, month: u32) -> Option<i64> {
    let first = days_from_civil(year, month, 1);
    date(year, month, 1)?;
    Some(first + (8 - i64::from(weekday(first))) % 7)
}

/// The Nth given weekday (1 Monday … 7 Sunday) of a month.
fn nth_weekday(year: i32, month: u32, wd: u32, n: u32) -> Option<DateTime> {
    let first = days_from_civil(year, month, 1);
    let offset = (i64::from(wd) - i64::from(weekday(first))).rem_euclid(7);
    let days = first + offset + 7 * (i64::from(n) - 1);
    let t = from_moment(days, 0)?;
    (t.month() == month).then_some(t)
}

/// A day, narrowed by a part of day and a clock time when given.
fn with_time(chain: &Chain, day: DateTime, context_dependent: bool) -> Resolved {
    let mut resolved = match (chain.part, chain.hour) {
        (_, Some(hour)) => {
            let mut h = hour;
            let pm = chain.meridiem.map(|m| m == Meridiem::Pm).or(chain
                .part
                .map(|part| part.afternoon && hour + 12 + 1 >= part.from_hour));
            let noon = chain.part.is_some_and(|part| part.is_noon());
            if (pm == Some(true) || noon && h < 6) && h < 12 {
                h += 12;
            }
            if chain.meridiem == Some(Meridiem::Am) && h == 12 {
                h = 0;
            }
            let (seconds, grain) = match (chain.minute, chain.second) {
                (Some(m), Some(s)) => (h * 3600 + m * 60 + s, 1),
                (Some(m), None) => (h * 3600 + m * 60, 60),
                _ => (h * 3600, 3600),
            };
            let start = add_seconds(day, i64::from(seconds));
            closed(start, start.and_then(|s| add_seconds(s, grain)))
        }
        (Some(part), None) => closed(
            add_seconds(day, i64::from(part.from_hour) * 3600),
            add_seconds(day, i64::from(part.to_hour) * 3600),
        ),
        (None, None) => closed(Some(day), add_days(day, 1)),
    };
    resolved.context_dependent = context_dependent;
    resolved
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::chain::{PartOfDay, Quarters, Weekday};

    fn reference() -> Anchor {
        Anchor::new(DateTime::new(2023, 9, 27, 20, 53, 51), None)
    }

    fn interval_of(chain: &Chain) -> (String, String) {
        let resolved = resolve(chain, None, &mut reference(), Role::default());
        (
            resolved.start.map_or_else(String::new, |t| t.to_string()),
            resolved.end.map_or_else(String::new, |t| t.to_string()),
        )
    }

    #[test]
    fn first_half_of_the_reference_year() {
        let chain = Chain {
            half: Some(Half::First),
            ..Chain::default()
        };
        assert_eq!(
            interval_of(&chain),
            ("2023-01-01T00:00:00".into(), "2023-07-01T00:00:00".into())
        );
    }

    #[test]
    fn afternoon_clock_is_read_after_noon() {
        let chain = Chain {
            day: Some(Step::Relative(0)),
            part: Some(PartOfDay {
                from_hour: 12,
                to_hour: 19,
                afternoon: true,
            }),
            hour: Some(3),
            minute: Some(30),
            ..Chain::default()
        };
        assert_eq!(
            interval_of(&chain),
            ("2023-09-27T15:30:00".into(), "2023-09-27T15:31:00".into())
        );
    }

    #[test]
    fn quarters_weekdays_and_spans() {
        let first_three = Chain {
            quarters: Some(Quarters { first: 1, last: 3 }),
            ..Chain::default()
        };
        assert_eq!(interval_of(&first_three).1, "2023-10-01T00:00:00");
        let last_friday = Chain {
            week: Some(Step::Relative(-1)),
            weekday: Some(Weekday::Friday),
            ..Chain::default()
        };
        assert_eq!(interval_of(&last_friday).0, "2023-09-22T00:00:00");
        let next_three_days = Chain {
            units: Some(UnitSpan {
                unit: Unit::Day,
                first: 1,
                count: 3,
            }),
            ..Chain::default()
        };
        assert_eq!(
            interval_of(&next_three_days),
            ("2023-09-28T00:00:00".into(), "2023-10-01T00:00:00".into())
        );
    }

    #[test]
    fn since_ends_at_the_reference() {
        let chain = Chain {
            year: Some(Year::Relative(0)),
            since: true,
            ..Chain::default()
        };
        assert_eq!(
            interval_of(&chain),
            ("2023-01-01T00:00:00".into(), "2023-09-27T20:53:51".into())
        );
    }

    #[test]
    fn same_period_shifts_the_previous_interval() {
        let mut anchor = reference();
        let half = Chain {
            half: Some(Half::First),
            ..Chain::default()
        };
        resolve(&half, None, &mut anchor, Role::default());
        let last_year = Chain {
            same_period_shift: Some(-1),
            ..Chain::default()
        };
        let resolved = resolve(&last_year, None, &mut anchor, Role::default());
        assert_eq!(
            resolved.start.map(|t| t.to_string()).as_deref(),
            Some("2022-01-01T00:00:00")
        );
        assert!(resolved.context_dependent);
    }

    #[test]
    fn lunar_festival_in_the_reference_year() {
        let chain = Chain {
            holiday: Some(Holiday::Festival(Festival::Lunar { month: 8, day: 15 })),
            ..Chain::default()
        };
        assert_eq!(interval_of(&chain).0, "2023-09-29T00:00:00");
    }
}
