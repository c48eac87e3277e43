//! The reader of numeric dates: 2023-09-27, 2023/9/27, 2023.09.27,
//! 1994.01-19, 20240307, 2022 11 23, 1999.08, 6·30, 09-01 before a clock
//! time, 11/3号, 1090812 (a date of the Republic, in Taiwan).

use crate::time::chain::{Chain, Step, Year};
use crate::time::read::skip_spaces;

/// Numeric dates: 2023-09-27, 2023/9/27, 2023.09.27, 1994.01-19,
/// 20240307, 2022 11 23, 1999.08, 6·30, 09-01 (before a clock time), 11/3号.
pub(crate) fn numeric_date_at(text: &str, pos: usize) -> Option<(Chain, usize)> {
    let bytes = text.as_bytes();
    // Most offsets hold no digit: one byte says so.
    if !bytes.get(pos).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let run = |p: usize| bytes[p..].iter().take_while(|b| b.is_ascii_digit()).count();
    let number = |p: usize, len: usize| text[p..p + len].parse::<u32>().ok();
    let mut chain = Chain::default();
    let first = run(pos);
    if first == 0 {
        return None;
    }
    let separator = |p: usize| -> Option<usize> {
        match bytes.get(p) {
            Some(b'-' | b'/' | b'.') => Some(1),
            _ => None,
        }
    };
    if first == 4 {
        let year = number(pos, 4)?;
        if !(1000..=2199).contains(&year) {
            return None;
        }
        let mut p = pos + 4;
        if let Some(s1) = separator(p) {
            let m_len = run(p + s1);
            if !(1..=2).contains(&m_len) {
                return None;
            }
            let month = number(p + s1, m_len)?;
            if !(1..=12).contains(&month) {
                return None;
            }
            let m_end = p + s1 + m_len;
            // A day has one or two digits; more only when a clock time is
            // glued on (2018-12-1209:03). Otherwise 1999.08-2002.02 is a
            // year and month before a range joiner.
            let day_follows = separator(m_end).is_some_and(|s2| {
                let d_run = run(m_end + s2);
                let glued_clock =
                    (3..=4).contains(&d_run) && text[m_end + s2 + d_run..].starts_with([':', '：']);
                (1..=2).contains(&d_run) || glued_clock
            });
            if let Some(s2) = separator(m_end).filter(|_| day_follows) {
                let d_run = run(m_end + s2);
                let d_len = d_run.min(2);
                let day = number(m_end + s2, d_len)?;
                crate::civil::calendar::date(year as i32, month, day)?;
                chain.year = Some(Year::Absolute(year as i32));
                chain.month = Some(Step::Absolute(month));
                chain.day = Some(Step::Absolute(day));
                p = m_end + s2 + d_len;
                // 2021-09-12-11:23: a hyphen before the clock time.
                if bytes.get(p) == Some(&b'-')
                    && run(p + 1) > 0
                    && text[p + 1 + run(p + 1)..].starts_with([':', '：'])
                {
                    p += 1;
                }
                return Some((chain, p));
            }
            // Year and month: 1999.08, 2020-05, 2008.03-2009.
            let dot = bytes[p] == b'.';
            if (dot && m_len != 2)
                || bytes
                    .get(m_end)
                    .is_some_and(|b| b.is_ascii_digit() || *b == b'.')
            {
                return None;
            }
            chain.year = Some(Year::Absolute(year as i32));
            chain.month = Some(Step::Absolute(month));
            return Some((chain, m_end));
        }
        // 2022 11 23
        if bytes.get(p) == Some(&b' ') {
            let m_len = run(p + 1);
            if (1..=2).contains(&m_len) && bytes.get(p + 1 + m_len) == Some(&b' ') {
                let d_start = p + 2 + m_len;
                let d_len = run(d_start);
                if (1..=2).contains(&d_len) {
                    let (month, day) = (number(p + 1, m_len)?, number(d_start, d_len)?);
                    crate::civil::calendar::date(year as i32, month, day)?;
                    chain.year = Some(Year::Absolute(year as i32));
                    chain.month = Some(Step::Absolute(month));
                    chain.day = Some(Step::Absolute(day));
                    return Some((chain, d_start + d_len));
                }
            }
        }
        return None;
    }
    if first == 8 {
        let (year, month, day) = (number(pos, 4)?, number(pos + 4, 2)?, number(pos + 6, 2)?);
        if (1900..=2199).contains(&year)
            && !text[pos + 8..].starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            crate::civil::calendar::date(year as i32, month, day)?;
            chain.year = Some(Year::Absolute(year as i32));
            chain.month = Some(Step::Absolute(month));
            chain.day = Some(Step::Absolute(day));
            return Some((chain, pos + 8));
        }
        return None;
    }
    // 1090812: a date of the Republic's calendar (year 109), as Taiwan's
    // wire stories close; a year only where the article is Taiwanese.
    if first == 7 && !text[pos + 7..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
        let (year, month, day) = (number(pos, 3)?, number(pos + 3, 2)?, number(pos + 5, 2)?);
        if (80..=200).contains(&year) {
            crate::civil::calendar::date(1911 + year as i32, month, day)?;
            chain.year = Some(Year::Roc(year as i32));
            chain.month = Some(Step::Absolute(month));
            chain.day = Some(Step::Absolute(day));
            return Some((chain, pos + 7));
        }
        return None;
    }
    if first <= 2 {
        let month = number(pos, first)?;
        let p = pos + first;
        let rest = &text[p..];
        // 6·30
        if let Some(after) = rest.strip_prefix('·') {
            let d_start = text.len() - after.len();
            let d_len = run(d_start);
            if (1..=2).contains(&d_len) {
                let day = number(d_start, d_len)?;
                if (1..=12).contains(&month) && (1..=31).contains(&day) {
                    chain.month = Some(Step::Absolute(month));
                    chain.day = Some(Step::Absolute(day));
                    return Some((chain, d_start + d_len));
                }
            }
            return None;
        }
        // 09-01 20:01: zero-padded month and day before a clock time.
        if first == 2 && rest.starts_with('-') && run(p + 1) == 2 {
            let day = number(p + 1, 2)?;
            let after = skip_spaces(text, p + 3);
            let clock_follows =
                run(after) > 0 && text[after + run(after)..].starts_with([':', '：']);
            if clock_follows && (1..=12).contains(&month) && (1..=31).contains(&day) {
                chain.month = Some(Step::Absolute(month));
                chain.day = Some(Step::Absolute(day));
                return Some((chain, p + 3));
            }
        }
        // 11/3号
        if rest.starts_with('/') {
            let d_len = run(p + 1);
            if (1..=2).contains(&d_len) && text[p + 1 + d_len..].starts_with(['号', '日']) {
                chain.month = Some(Step::Absolute(month));
                chain.day = Some(Step::Absolute(number(p + 1, d_len)?));
                chain.vague = true;
                return Some((chain, p + 1 + d_len + 3));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_dates() {
        let (chain, end) = numeric_date_at("2023-09-27 20:53", 0).unwrap();
        assert_eq!(end, 10);
        assert_eq!(
            (chain.year, chain.month, chain.day),
            (
                Some(Year::Absolute(2023)),
                Some(Step::Absolute(9)),
                Some(Step::Absolute(27))
            )
        );
        let (chain, end) = numeric_date_at("1999.08", 0).unwrap();
        assert_eq!(
            (chain.month, chain.day, end),
            (Some(Step::Absolute(8)), None, 7)
        );
        assert!(numeric_date_at("2023-02-30", 0).is_none());
        assert!(numeric_date_at("4/5G", 0).is_none());
    }
}
