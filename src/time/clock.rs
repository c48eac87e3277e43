//! Readers of the time of day: parts of day (下午, 凌晨, 早 and 晚 before a
//! clock time) and clock times (`15:30`, `3:15pm`, `八点`, `3点半`,
//! `20时1刻`, `十一点钟`).

use crate::numeric::numeral::NumeralForm;
use crate::time::chain::{Chain, Meridiem};
use crate::time::read::{integer_at, longest};
use crate::time::words::{part_of_day, PARTS_OF_DAY};

/// 下午, 凌晨, 白天: a part of day by name.
pub(crate) fn named_part_of_day(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let (name, part) = longest(text, pos, |rest| PARTS_OF_DAY.at(rest).copied())?;
    chain.part = Some(part);
    Some(pos + name.len())
}

/// 早 and 晚 as parts of day: right before a clock time (早八点, 晚十点),
/// or after a day unless a word goes on (7月25日早, 七月五号晚过境; 晚会,
/// 早于 and 晚上 are read otherwise).
pub(crate) fn short_part_of_day(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    if !text[pos..].starts_with(['早', '晚']) {
        return None;
    }
    let morning = part_of_day("早上")?;
    let evening = part_of_day("晚上")?;
    let mut p = pos;
    for (word, part) in [("早", morning), ("晚", evening)] {
        if text[p..].starts_with(word) {
            let probe = Chain {
                part: Some(part),
                ..Chain::default()
            };
            if clock_at(text, p + word.len(), &probe).is_some()
                && !text[p + word.len()..].starts_with('一')
            {
                chain.part = Some(part);
                p += word.len();
            }
        }
    }
    if chain.day.is_some() && p == pos {
        for (word, part) in [("早", morning), ("晚", evening)] {
            let after = &text[p..];
            if after.starts_with(word)
                && after[3..].chars().next().is_none_or(|c| {
                    !crate::text::normalize::is_han(c)
                        || !"于些了点期年餐饭报会宴市霞间上夜晨早晚班稻熟".contains(c)
                })
            {
                chain.part = Some(part);
                p += word.len();
            }
        }
    }
    (p > pos).then_some(p)
}

/// A clock time at `pos`: `15:30`, `3:15pm`, `3pm`, `八点`, `3点半`,
/// `20时1刻`, `十一点钟`, `下午三点十五`. Bare `N点` with digits after it
/// is a decimal unless the chain already names a day or part of day.
pub(crate) fn clock_at(text: &str, pos: usize, chain: &Chain) -> Option<(Chain, usize)> {
    let mut clock = Chain::default();
    let has_context = chain.names_a_day();
    let bytes = text.as_bytes();
    // HH:MM(:SS)
    let digits = |p: usize| bytes[p..].iter().take_while(|b| b.is_ascii_digit()).count();
    let colon = |p: usize| -> Option<usize> {
        if bytes.get(p) == Some(&b':') {
            Some(1)
        } else if text[p..].starts_with('：') {
            Some('：'.len_utf8())
        } else {
            None
        }
    };
    let h_len = digits(pos);
    if (1..=2).contains(&h_len) {
        if let Some(c1) = colon(pos + h_len) {
            let m_start = pos + h_len + c1;
            if digits(m_start) == 2 {
                let hour: u32 = text[pos..pos + h_len].parse().ok()?;
                let minute: u32 = text[m_start..m_start + 2].parse().ok()?;
                let mut end = m_start + 2;
                if hour > 24 || minute > 59 {
                    return None;
                }
                clock.hour = Some(hour);
                clock.minute = Some(minute);
                if let Some(c2) = colon(end) {
                    if digits(end + c2) == 2 {
                        let second: u32 = text[end + c2..end + c2 + 2].parse().ok()?;
                        if second > 59 {
                            return None;
                        }
                        clock.second = Some(second);
                        end += c2 + 2;
                    }
                }
                if digits(end) > 0 {
                    return None;
                }
                end = meridiem(text, end, &mut clock);
                if text[end..].starts_with('时') {
                    end += '时'.len_utf8();
                }
                return Some((clock, end));
            }
        }
        // 3pm, 3am
        if let Some(end) =
            Some(meridiem(text, pos + h_len, &mut clock)).filter(|&e| e > pos + h_len)
        {
            let hour: u32 = text[pos..pos + h_len].parse().ok()?;
            if !(1..=12).contains(&hour) {
                return None;
            }
            clock.hour = Some(hour);
            return Some((clock, end));
        }
    }
    // N点, N时
    let (hour, end, form, digits) = integer_at(text, pos)?;
    // 七八点: one hour or the next, found but not resolved.
    if form == NumeralForm::DigitByDigit && digits == 2 && text[end..].starts_with('点') {
        let first = crate::numeric::numeral::chinese_digit(text[pos..].chars().next()?)?;
        if hour % 10 == u32::from(first) + 1 || hour == u32::from(first) * 10 + u32::from(first) + 1
        {
            clock.vague = true;
            clock.hour = Some(u32::from(first));
            return Some((clock, end + '点'.len_utf8()));
        }
    }
    let mut p = end;
    let word = ["点钟", "点", "时"]
        .iter()
        .find(|w| text[p..].starts_with(**w))?;
    if hour > 24 || (word == &"时" && text[p..].starts_with("时间")) {
        return None;
    }
    p += word.len();
    clock.hour = Some(hour);
    let mut explicit = word == &"时" || word == &"点钟" || has_context;
    // Minutes.
    let rest = &text[p..];
    if rest.starts_with('半') {
        clock.minute = Some(30);
        p += '半'.len_utf8();
        explicit = true;
    } else if let Some((quarters, len)) = [
        ("一刻", 15),
        ("1刻", 15),
        ("三刻", 45),
        ("3刻", 45),
        ("两刻", 30),
    ]
    .iter()
    .find(|(w, _)| rest.starts_with(w))
    .map(|&(w, q)| (q, w.len()))
    {
        clock.minute = Some(quarters);
        p += len;
        explicit = true;
    } else if let Some((marks, m_end)) = rest
        .strip_prefix(['踏', '搭'])
        .and_then(|_| integer_at(text, p + '踏'.len_utf8()))
        .filter(|(n, ..)| (1..=11).contains(n))
        .map(|(n, end, _, _)| (n, end))
    {
        // Cantonese 三點踏三: marks of five minutes on the dial.
        clock.minute = Some(marks * 5);
        p = m_end;
        explicit = true;
    } else if let Some((minute, m_end, _, _)) = integer_at(text, p) {
        let after = &text[m_end..];
        if minute <= 59 && after.starts_with('分') && !after.starts_with("分钟") {
            clock.minute = Some(minute);
            p = m_end + '分'.len_utf8();
            explicit = true;
        } else if minute <= 59 && after.starts_with("个字") {
            clock.minute = Some(minute * 5);
            p = m_end + "个字".len();
            explicit = true;
        } else if minute <= 59 && explicit && !after.starts_with(|c: char| c.is_ascii_digit()) {
            clock.minute = Some(minute);
            p = m_end;
        } else {
            // 二十七点三, 24点5度: decimals.
            return None;
        }
        // Seconds.
        if clock.minute.is_some() {
            if let Some((second, s_end, _, _)) = integer_at(text, p) {
                if second <= 59 && text[s_end..].starts_with('秒') {
                    clock.second = Some(second);
                    p = s_end + '秒'.len_utf8();
                }
            }
        }
    }
    for tail in ["钟", "整"] {
        if text[p..].starts_with(tail) {
            p += tail.len();
            explicit = true;
        }
    }
    if !explicit {
        // A bare N点: a clock hour unless it counts points (两点意见) or
        // is a phrase (一点都不).
        let next = text[p..].chars().next();
        let free = next.is_none_or(|c| {
            !crate::text::normalize::is_han(c) || "的钟整前后左多以开起到至和或许之".contains(c)
        });
        let one = hour == 1 && form != NumeralForm::Arabic;
        if !free || one {
            return None;
        }
    }
    Some((clock, p))
}

/// Reads `pm`, `PM`, `p`, `am`, `a` after a clock time.
fn meridiem(text: &str, pos: usize, clock: &mut Chain) -> usize {
    let mut start = pos;
    // 11:30:10 p.m.: a space may stand before the dotted forms.
    if text[pos..].starts_with(" p.m.") || text[pos..].starts_with(" a.m.") {
        start += 1;
    }
    let rest = &text[start..];
    let words = [
        ("p.m.", Meridiem::Pm),
        ("a.m.", Meridiem::Am),
        ("pm", Meridiem::Pm),
        ("PM", Meridiem::Pm),
        ("am", Meridiem::Am),
        ("AM", Meridiem::Am),
        ("p", Meridiem::Pm),
        ("a", Meridiem::Am),
    ];
    for (word, meridiem) in words {
        if rest.starts_with(word)
            && !rest[word.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
        {
            clock.meridiem = Some(meridiem);
            return start + word.len();
        }
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn afternoon_half_past_three() {
        let mut chain = Chain::default();
        let end = named_part_of_day("下午3点半", 0, &mut chain).unwrap();
        assert_eq!(end, 6);
        let (clock, clock_end) = clock_at("下午3点半", end, &chain).unwrap();
        assert_eq!((clock.hour, clock.minute), (Some(3), Some(30)));
        assert_eq!(clock_end, "下午3点半".len());
        assert_eq!(chain.part.map(|p| p.afternoon), Some(true));
    }

    #[test]
    fn clocks_and_decimals() {
        let (clock, end) = clock_at("15:30:10", 0, &Chain::default()).unwrap();
        assert_eq!(
            (clock.hour, clock.minute, clock.second, end),
            (Some(15), Some(30), Some(10), 8)
        );
        let (clock, _) = clock_at("3pm", 0, &Chain::default()).unwrap();
        assert_eq!((clock.hour, clock.meridiem), (Some(3), Some(Meridiem::Pm)));
        // 24点5度 is a decimal, 一点都不 a phrase.
        assert!(clock_at("24点5度", 0, &Chain::default()).is_none());
        assert!(clock_at("一点都不", 0, &Chain::default()).is_none());
    }

    #[test]
    fn early_before_a_clock() {
        let mut chain = Chain::default();
        assert_eq!(short_part_of_day("早八点", 0, &mut chain), Some(3));
        assert_eq!(chain.part.map(|p| p.from_hour), Some(4));
        assert_eq!(short_part_of_day("晚会", 0, &mut Chain::default()), None);
    }
}
