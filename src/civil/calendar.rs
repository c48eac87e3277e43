//! Civil calendar arithmetic on `DateTime`: days, weeks, months, years.
//!
//! Proleptic Gregorian, no time zones. Day numbers count from 1970-01-01.

use crate::civil::datetime::{days_in_month, DateTime};

/// The day number of a civil date (1970-01-01 is 0).
pub(crate) fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number.
pub(crate) fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// ISO weekday of a day number: 1 Monday … 7 Sunday.
pub(crate) fn weekday(days: i64) -> u32 {
    ((days + 3).rem_euclid(7) + 1) as u32
}

/// A moment as (day number, second of the day).
pub(crate) fn to_moment(t: DateTime) -> (i64, i64) {
    (
        days_from_civil(t.year(), t.month(), t.day()),
        i64::from(t.hour() * 3600 + t.minute() * 60 + t.second()),
    )
}

/// The `DateTime` of a day number and a second of the day (which may
/// overflow into following days).
pub(crate) fn from_moment(days: i64, seconds: i64) -> Option<DateTime> {
    let days = days + seconds.div_euclid(86_400);
    let seconds = seconds.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    DateTime::new(
        y,
        m,
        d,
        (seconds / 3600) as u32,
        (seconds / 60 % 60) as u32,
        (seconds % 60) as u32,
    )
}

/// Midnight starting a date; `None` when the date does not exist.
pub(crate) fn date(year: i32, month: u32, day: u32) -> Option<DateTime> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    DateTime::new(year, month, day, 0, 0, 0)
}

/// Midnight starting the date `days` days after `t`'s date.
pub(crate) fn add_days(t: DateTime, days: i64) -> Option<DateTime> {
    let (d, s) = to_moment(t);
    from_moment(d + days, s)
}

/// `t` plus a number of seconds.
pub(crate) fn add_seconds(t: DateTime, seconds: i64) -> Option<DateTime> {
    let (d, s) = to_moment(t);
    from_moment(d, s + seconds)
}

/// The first day of the month `months` months after (year, month).
pub(crate) fn add_months(year: i32, month: u32, months: i64) -> (i32, u32) {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + months;
    (
        index.div_euclid(12) as i32,
        (index.rem_euclid(12) + 1) as u32,
    )
}

/// Midnight of the first day of (year, month), months added.
pub(crate) fn month_start(year: i32, month: u32, months: i64) -> Option<DateTime> {
    let (y, m) = add_months(year, month, months);
    date(y, m, 1)
}

/// The Monday starting the ISO week that holds day number `days`.
pub(crate) fn week_start(days: i64) -> i64 {
    days - i64::from(weekday(days)) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for days in [-800_000, -1, 0, 59, 10_957, 19_627, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn weekdays_and_weeks() {
        let tuesday = days_from_civil(2013, 2, 12);
        assert_eq!(weekday(tuesday), 2);
        assert_eq!(civil_from_days(week_start(tuesday)), (2013, 2, 11));
        assert_eq!(weekday(days_from_civil(2021, 6, 20)), 7);
    }

    #[test]
    fn months_roll_over_years() {
        assert_eq!(add_months(2023, 11, 3), (2024, 2));
        assert_eq!(add_months(2023, 1, -1), (2022, 12));
        assert_eq!(date(2023, 2, 29), None);
    }
}
