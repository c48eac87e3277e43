//! The Chinese lunisolar calendar (农历) and the 24 solar terms (节气),
//! 1900–2100, from the tables in `data/lunar.tsv` and
//! `data/solar_terms.tsv` (see `data/README.md` for their source).
//!
//! Lunar years are numbered by the Gregorian year they begin in: lunar
//! year 2021 runs from 正月初一 (2021-02-12) to 除夕 (2022-01-31).
//! Dates are day numbers as in `calendar.rs` (1970-01-01 is 0).

use crate::civil::calendar::days_from_civil;
use std::sync::LazyLock;

/// The names of the solar terms, in the order of the Gregorian year
/// (小寒 in early January first).
pub(crate) const SOLAR_TERMS: [&str; 24] = [
    "小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至",
    "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至",
];

/// One lunar year: the day number of its 正月初一 and its months in order.
struct LunarYear {
    new_year: i64,
    /// (month number, leap, length in days).
    months: Vec<(u32, bool, u32)>,
}

/// The first year in both tables.
const FIRST_YEAR: i32 = 1900;

/// The lunar years, read from `data/lunar.tsv` on the first date that
/// needs them.
static LUNAR_YEARS: LazyLock<Vec<LunarYear>> = LazyLock::new(|| {
    let mut years = Vec::with_capacity(201);
    for row in rows_of(include_bytes!("../../data/lunar.tsv")) {
        let mut fields = row.split(|&b| b == b'\t').skip(1);
        let (Some(new_year), Some(lengths), Some(leap)) = (
            fields.next().and_then(parse_date),
            fields.next(),
            fields.next().and_then(parse_number),
        ) else {
            continue;
        };
        let mut months = Vec::with_capacity(13);
        let mut number = 0;
        for length in lengths.split(|&b| b == b',') {
            let length = parse_number(length).unwrap_or(29);
            let is_leap = leap != 0 && number == leap && months.len() == leap as usize;
            if !is_leap {
                number += 1;
            }
            months.push((number, is_leap, length));
        }
        years.push(LunarYear { new_year, months });
    }
    years
});

/// The rows of `data/solar_terms.tsv` after its comments: 24 a year from
/// 1900, each `YEAR<TAB>NAME<TAB>YYYY-MM-DD` and a newline in
/// [`SOLAR_TERM_ROW`] bytes (a test checks), so that the row of a term is
/// found by its offset and nothing is read beforehand.
const SOLAR_TERM_ROWS: &[u8] = after_comments(include_bytes!("../../data/solar_terms.tsv"));

/// The length of a row of [`SOLAR_TERM_ROWS`], its newline included.
const SOLAR_TERM_ROW: usize = "1900\t小寒\t1900-01-06\n".len();

/// `table` from its first line that is no comment (`#`) on.
const fn after_comments(table: &[u8]) -> &[u8] {
    let mut start = 0;
    while start < table.len() && table[start] == b'#' {
        while start < table.len() && table[start] != b'\n' {
            start += 1;
        }
        start += 1;
    }
    if start > table.len() {
        return &[];
    }
    table.split_at(start).1
}

/// The lines of a table that are neither comments nor blank.
fn rows_of(table: &[u8]) -> impl Iterator<Item = &[u8]> {
    table
        .split(|&b| b == b'\n')
        .filter(|row| !row.starts_with(b"#") && !row.trim_ascii().is_empty())
}

/// `YYYY-MM-DD` as a day number, spaces around it aside.
fn parse_date(text: &[u8]) -> Option<i64> {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *text.trim_ascii() else {
        return None;
    };
    let year = parse_digits(&[y0, y1, y2, y3])?;
    let month = parse_digits(&[m0, m1])?;
    let day = parse_digits(&[d0, d1])?;
    Some(days_from_civil(year as i32, month, day))
}

/// A number of one to nine digits, spaces around it aside.
fn parse_number(text: &[u8]) -> Option<u32> {
    let digits = text.trim_ascii();
    if digits.is_empty() || digits.len() > 9 {
        return None;
    }
    parse_digits(digits)
}

/// The value of `digits`; None unless all are ASCII digits.
fn parse_digits(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |value, &d| {
        d.is_ascii_digit().then(|| value * 10 + u32::from(d - b'0'))
    })
}

fn lunar_year(year: i32) -> Option<&'static LunarYear> {
    let index = usize::try_from(year.checked_sub(FIRST_YEAR)?).ok()?;
    LUNAR_YEARS.get(index)
}

/// The first day and the day after the last of a lunar month; `leap` asks
/// for the leap month (闰四月) that follows month `month`.
pub(crate) fn month_days(year: i32, month: u32, leap: bool) -> Option<(i64, i64)> {
    let lunar = lunar_year(year)?;
    let mut start = lunar.new_year;
    for &(number, is_leap, length) in &lunar.months {
        if number == month && is_leap == leap {
            return Some((start, start + i64::from(length)));
        }
        start += i64::from(length);
    }
    None
}

/// The day number of a lunar date; `None` when the month has no such day.
pub(crate) fn date_days(year: i32, month: u32, leap: bool, day: u32) -> Option<i64> {
    let (start, end) = month_days(year, month, leap)?;
    let days = start + i64::from(day) - 1;
    (day >= 1 && days < end).then_some(days)
}

/// The day number of 除夕, the last day of lunar year `year`.
pub(crate) fn new_years_eve(year: i32) -> Option<i64> {
    lunar_year(year.checked_add(1)?).map(|next| next.new_year - 1)
}

/// The day number of solar term `term` (an index into `SOLAR_TERMS`) in
/// Gregorian year `year`.
pub(crate) fn solar_term_day(year: i32, term: usize) -> Option<i64> {
    if term >= SOLAR_TERMS.len() {
        return None;
    }
    let index = usize::try_from(year.checked_sub(FIRST_YEAR)?).ok()? * 24 + term;
    let row = SOLAR_TERM_ROWS.get(index * SOLAR_TERM_ROW..(index + 1) * SOLAR_TERM_ROW)?;
    // The date's ten bytes end the row, before its newline.
    parse_date(&row[SOLAR_TERM_ROW - 11..SOLAR_TERM_ROW - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_cover_1900_to_2100() {
        assert_eq!(LUNAR_YEARS.len(), 201);
        assert_eq!(SOLAR_TERM_ROWS.len(), 201 * 24 * SOLAR_TERM_ROW);
        // Every lunar year ends where the next begins.
        for pair in LUNAR_YEARS.windows(2) {
            let length: u32 = pair[0].months.iter().map(|m| m.2).sum();
            assert_eq!(pair[0].new_year + i64::from(length), pair[1].new_year);
        }
    }

    #[test]
    fn solar_term_rows_are_found_by_their_offset() {
        let rows = rows_of(include_bytes!("../../data/solar_terms.tsv"));
        let mut count = 0;
        for (index, row) in rows.enumerate() {
            let row = std::str::from_utf8(row).unwrap();
            let fields: Vec<&str> = row.split('\t').collect();
            let (year, term) = (FIRST_YEAR + (index / 24) as i32, index % 24);
            assert_eq!(fields[..2], [year.to_string().as_str(), SOLAR_TERMS[term]]);
            let date: Vec<u32> = fields[2].split('-').map(|n| n.parse().unwrap()).collect();
            let day = days_from_civil(date[0] as i32, date[1], date[2]);
            assert_eq!(solar_term_day(year, term), Some(day), "{row}");
            count += 1;
        }
        assert_eq!(count, 201 * 24);
    }

    #[test]
    fn known_lunar_dates() {
        // 2021 春节 2021-02-12; 2020 闰四月 2020-05-23 .. 2020-06-21.
        assert_eq!(
            date_days(2021, 1, false, 1),
            Some(days_from_civil(2021, 2, 12))
        );
        assert_eq!(
            month_days(2020, 4, true),
            Some((days_from_civil(2020, 5, 23), days_from_civil(2020, 6, 21)))
        );
        assert_eq!(month_days(2021, 4, true), None);
        assert_eq!(
            date_days(1991, 8, false, 23),
            Some(days_from_civil(1991, 9, 30))
        );
        assert_eq!(new_years_eve(2020), Some(days_from_civil(2021, 2, 11)));
        // 2023 has a leap second month: 闰二月 starts 2023-03-22.
        assert_eq!(
            date_days(2023, 2, true, 1),
            Some(days_from_civil(2023, 3, 22))
        );
        assert_eq!(date_days(2021, 1, false, 31), None);
        assert_eq!(date_days(1899, 1, false, 1), None);
        assert_eq!(date_days(2101, 1, false, 1), None);
    }

    #[test]
    fn known_solar_terms() {
        assert_eq!(solar_term_day(2021, 10), Some(days_from_civil(2021, 6, 5))); // 芒种
        assert_eq!(
            solar_term_day(2024, 23),
            Some(days_from_civil(2024, 12, 21))
        ); // 冬至
        assert_eq!(solar_term_day(2021, 6), Some(days_from_civil(2021, 4, 4))); // 清明
        assert_eq!(solar_term_day(2101, 0), None);
        assert_eq!(solar_term_day(2021, 24), None);
    }
}
