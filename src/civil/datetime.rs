//! Civil (local, zone-less) date and time, as news and the report use it.

use crate::error::Error;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A local date and time without a zone, to the second.
///
/// It is the reference time for relative expressions (今天, 上半年) and the
/// `published` field of a report. Parsed from ISO 8601: `2023-09-27`,
/// `2023-09-27T20:53:51`, `2023-09-27 20:53`.
///
/// ```
/// let t: zhfacts::DateTime = "2023-09-27 20:53:51".parse().unwrap();
/// assert_eq!(t.to_string(), "2023-09-27T20:53:51");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime {
    year: i16,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
}

impl DateTime {
    /// A date and time; `None` when any field is out of range.
    pub fn new(
        year: i32,
        month: u32,
        day: u32,
        hour: u32,
        minute: u32,
        second: u32,
    ) -> Option<DateTime> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month)
            && hour < 24
            && minute < 60
            && second < 60;
        valid.then_some(DateTime {
            year: year as i16,
            month: month as u8,
            day: day as u8,
            hour: hour as u8,
            minute: minute as u8,
            second: second as u8,
        })
    }

    /// The year.
    pub fn year(self) -> i32 {
        i32::from(self.year)
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// The hour, 0 to 23.
    pub fn hour(self) -> u32 {
        u32::from(self.hour)
    }

    /// The minute, 0 to 59.
    pub fn minute(self) -> u32 {
        u32::from(self.minute)
    }

    /// The second, 0 to 59.
    pub fn second(self) -> u32 {
        u32::from(self.second)
    }
}

/// Days in `month` of `year` (proleptic Gregorian).
pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl FromStr for DateTime {
    type Err = Error;

    fn from_str(s: &str) -> Result<DateTime, Error> {
        let bad = || Error::time(format!("not an ISO 8601 date or date and time: {s:?}"));
        let s = s.trim();
        let (date, time) = match s.find(['T', ' ']) {
            Some(i) => (&s[..i], Some(s[i + 1..].trim())),
            None => (s, None),
        };
        let mut date_parts = date.split('-');
        let field = |parts: &mut std::str::Split<'_, char>,
                     len: std::ops::RangeInclusive<usize>| {
            parts
                .next()
                .filter(|p| len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|p| p.parse::<u32>().ok())
        };
        let year = field(&mut date_parts, 4..=4).ok_or_else(bad)?;
        let month = field(&mut date_parts, 1..=2).ok_or_else(bad)?;
        let day = field(&mut date_parts, 1..=2).ok_or_else(bad)?;
        if date_parts.next().is_some() {
            return Err(bad());
        }
        let (mut hour, mut minute, mut second) = (0, 0, 0);
        if let Some(time) = time {
            let time = time.split(['.', 'Z', '+']).next().unwrap_or("");
            let mut parts = time.split(':');
            hour = field(&mut parts, 1..=2).ok_or_else(bad)?;
            minute = field(&mut parts, 2..=2).ok_or_else(bad)?;
            if let Some(sec) = parts.next() {
                second = sec.parse().map_err(|_| bad())?;
            }
            if parts.next().is_some() {
                return Err(bad());
            }
        }
        DateTime::new(year as i32, month, day, hour, minute, second).ok_or_else(bad)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

impl DateTime {
    /// The ISO form `2023-09-27T20:53:51` written into `buf`, for years of
    /// four digits (every report's); `None` for others, which
    /// [`fmt::Display`] writes.
    pub(crate) fn iso_in(self, buf: &mut [u8; 19]) -> Option<&str> {
        let year = u32::try_from(self.year).ok().filter(|&y| y <= 9999)?;
        let parts = [self.month, self.day, self.hour, self.minute, self.second];
        if parts.iter().any(|&part| part > 99) {
            return None;
        }
        let mut put = |at: usize, value: u32, digits: usize| {
            let mut value = value;
            for i in (0..digits).rev() {
                buf[at + i] = b'0' + (value % 10) as u8;
                value /= 10;
            }
        };
        put(0, year, 4);
        put(5, u32::from(self.month), 2);
        put(8, u32::from(self.day), 2);
        put(11, u32::from(self.hour), 2);
        put(14, u32::from(self.minute), 2);
        put(17, u32::from(self.second), 2);
        for (at, separator) in [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')] {
            buf[at] = separator;
        }
        std::str::from_utf8(buf).ok()
    }
}

impl Serialize for DateTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Written without the formatting machinery: reports hold many.
        let mut buf = [0u8; 19];
        match self.iso_in(&mut buf) {
            Some(iso) => serializer.serialize_str(iso),
            None => serializer.collect_str(self),
        }
    }
}

impl<'de> Deserialize<'de> for DateTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_its_display() {
        for (year, month, day, hour, minute, second) in [
            (2023, 9, 27, 20, 53, 51),
            (5, 1, 1, 0, 0, 0),
            (9999, 12, 31, 23, 59, 59),
        ] {
            let t = DateTime::new(year, month, day, hour, minute, second).unwrap();
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, format!("\"{t}\""));
        }
        let mut buf = [0u8; 19];
        let t = DateTime::new(2023, 9, 27, 20, 53, 51).unwrap();
        assert_eq!(t.iso_in(&mut buf), Some("2023-09-27T20:53:51"));
    }

    #[test]
    fn parses_iso_forms() {
        for (text, expected) in [
            ("2023-09-27", "2023-09-27T00:00:00"),
            ("2023-09-27T20:53:51", "2023-09-27T20:53:51"),
            ("2023-09-27 20:53", "2023-09-27T20:53:00"),
            ("2024-02-29T00:00:00.000", "2024-02-29T00:00:00"),
        ] {
            let t: DateTime = text.parse().unwrap();
            assert_eq!(t.to_string(), expected);
        }
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for text in [
            "",
            "2023",
            "2023-13-01",
            "2023-02-29",
            "2023-09-27T25:00",
            "昨天",
        ] {
            let err = text.parse::<DateTime>().unwrap_err();
            assert!(err.is_invalid_time(), "{text}");
        }
    }
}
