//! Readers of centuries, decades and years: 十九世纪, 上世纪, 八十年代,
//! 2023年, 二〇二三年, 98年, 民国112年, 去年, 当年.

use crate::numeric::numeral::NumeralForm;
use crate::time::chain::{Century, Chain, Year};
use crate::time::read::{heads_of, integer_at, longest, Opens, Rule, Rules};
use crate::time::words::{CONTEXT_YEARS, FISCAL_YEARS, RELATIVE_YEARS};

/// The readers of years, tried in order.
pub(crate) static YEAR_RULES: Rules = Rules::new(&[
    Rule {
        name: "time.fiscal_year",
        read: fiscal_year,
        opens: Opens::words(|| heads_of(&FISCAL_YEARS)),
    },
    Rule {
        name: "time.fiscal_year_pair",
        read: fiscal_year_pair,
        opens: Opens::integer_before(|| "/-至－—".chars().collect(), ""),
    },
    Rule {
        name: "time.relative_year",
        read: relative_year,
        opens: Opens::words(|| heads_of(&RELATIVE_YEARS)),
    },
    Rule {
        name: "time.context_year",
        read: context_year,
        opens: Opens::words(|| heads_of(&CONTEXT_YEARS)),
    },
    Rule {
        name: "time.minguo_year",
        read: minguo_year,
        opens: Opens::chars("民"),
    },
    Rule {
        name: "time.numbered_year",
        read: numbered_year,
        opens: Opens::integer_before(|| vec!['年'], ""),
    },
]);

/// 十九世纪, 19世纪, 上世纪, 本世纪.
pub(crate) fn century(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    // The words are compared only where their first character stands.
    let words = [("上世纪", -1), ("本世纪", 0), ("上个世纪", -1)];
    if rest.starts_with(['上', '本']) {
        if let Some(&(word, offset)) = words.iter().find(|(w, _)| rest.starts_with(w)) {
            chain.century = Some(Century::Relative(offset));
            return Some(pos + word.len());
        }
    }
    let (value, end, _, _) = integer_at(text, pos)?;
    (text[end..].starts_with("世纪") && (1..=22).contains(&value)).then(|| {
        chain.century = Some(Century::Numbered(value as i32));
        end + "世纪".len()
    })
}

/// 七十年代, 80年代, 1980年代.
pub(crate) fn decade(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let (value, end, _, digits) = integer_at(text, pos)?;
    if !text[end..].starts_with("年代") || value % 10 != 0 {
        return None;
    }
    match digits {
        4 => {
            chain.century = Some(Century::Numbered(value as i32 / 100 + 1));
            chain.decade = Some(value % 100);
        }
        _ if value < 100 => chain.decade = Some(value),
        _ => return None,
    }
    Some(end + "年代".len())
}

/// 去年, 明年, 大前年: years from the reference year.
fn relative_year(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let (word, offset) = longest(text, pos, |rest| RELATIVE_YEARS.at(rest).copied())?;
    chain.year = Some(Year::Relative(offset as i32));
    Some(pos + word.len())
}

/// 本财年, 本财政年度, 上一财政年度: fiscal years from the reference's.
fn fiscal_year(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let (word, offset) = longest(text, pos, |rest| FISCAL_YEARS.at(rest).copied())?;
    chain.year = Some(Year::Relative(offset as i32));
    chain.fiscal = true;
    Some(pos + word.len())
}

/// Words after a year that make it a fiscal year: 2023/24年度, 2023-24财政年度.
const FISCAL_WORDS: [&str; 3] = ["财政年度", "年度", "财年"];

/// 2023/24年度, 2023-24财政年度, 2026至27年度: the fiscal year that starts
/// in the first year.
fn fiscal_year_pair(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let (first, end, form, digits) = integer_at(text, pos)?;
    if form != NumeralForm::Arabic || digits != 4 || !(1000..=2200).contains(&first) {
        return None;
    }
    let joiner = ["/", "-", "至", "－", "—"]
        .into_iter()
        .find(|j| text[end..].starts_with(j))?;
    let (second, second_end, _, second_digits) = integer_at(text, end + joiner.len())?;
    let next = match second_digits {
        2 => first / 100 * 100 + second,
        4 => second,
        _ => return None,
    };
    if next != first + 1 {
        return None;
    }
    let word = FISCAL_WORDS
        .into_iter()
        .find(|w| text[second_end..].starts_with(w))?;
    chain.year = Some(Year::Absolute(first as i32));
    chain.fiscal = true;
    Some(second_end + word.len())
}

/// 当年, 次年: years from the year talked about.
fn context_year(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let (word, offset) = longest(text, pos, |rest| CONTEXT_YEARS.at(rest).copied())?;
    chain.year = Some(Year::Context(offset as i32));
    Some(pos + word.len())
}

/// 民国112年: years of the Republic, 1912 its first.
fn minguo_year(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let after = text[pos..].strip_prefix("民国")?;
    let start = text.len() - after.len();
    let (value, end, _, _) = integer_at(text, start)?;
    if text[end..].starts_with('年') && (1..=200).contains(&value) {
        chain.year = Some(Year::Absolute(1911 + value as i32));
        return Some(end + '年'.len_utf8());
    }
    None
}

/// Words after a two-digit year that make it a date, not a duration.
const DATED_AFTER_TWO_DIGITS: [&str; 15] = [
    "第",
    "上半年",
    "下半年",
    "底",
    "末",
    "初",
    "全年",
    "前",
    "春",
    "夏",
    "秋",
    "冬",
    "年底",
    "年末",
    "年初",
];

/// 2023年, 二〇二三年, 两千零四年八月, 98年4月, 07年.
fn numbered_year(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let (value, end, form, digits) = integer_at(text, pos)?;
    let after = &text[end..];
    if !after.starts_with('年') || after.starts_with("年代") || after.starts_with("年级") {
        return None;
    }
    let year_end = end + '年'.len_utf8();
    let following = &text[year_end..];
    let written = &text[pos..end];
    let by_digits = form == NumeralForm::DigitByDigit
        || (form == NumeralForm::Arabic && !written.contains(['.', ',']));
    let unit_year =
        form == NumeralForm::Chinese && (1000..=2200).contains(&value) && starts_month(following);
    match digits {
        // 两千零四年八月
        _ if unit_year => chain.year = Some(Year::Absolute(value as i32)),
        4 if by_digits && (1000..=2200).contains(&value) => {
            chain.year = Some(Year::Absolute(value as i32))
        }
        // 112年度, 一○八年: a year of the Republic where the article is
        // Taiwanese (resolved only there).
        3 if by_digits && (80..=200).contains(&value) && roc_like(form, following) => {
            chain.year = Some(Year::Roc(value as i32))
        }
        2 if by_digits => {
            // 98年4月, 07年, 零六年: two-digit years, when what follows
            // makes them dates and not durations (10年 is ten years).
            let leading_zero = written.starts_with(['0', '零', '〇', '○']);
            let dated = leading_zero
                || form == NumeralForm::DigitByDigit
                || starts_month(following)
                || DATED_AFTER_TWO_DIGITS
                    .iter()
                    .any(|w| following.starts_with(w));
            if !dated {
                return None;
            }
            chain.year = Some(Year::TwoDigit(value as i32));
        }
        _ => return None,
    }
    // 2020年度: the year as the region's fiscal year.
    if text[year_end..].starts_with('度') {
        chain.fiscal = true;
        return Some(year_end + '度'.len_utf8());
    }
    Some(year_end)
}

/// A three-digit year is one of the Republic when written digit by digit
/// (一○八年) or when a part of a year or 度 follows (112年度, 113年第4季).
fn roc_like(form: NumeralForm, following: &str) -> bool {
    form == NumeralForm::DigitByDigit
        || following.starts_with('度')
        || starts_month(following)
        || DATED_AFTER_TWO_DIGITS
            .iter()
            .any(|w| following.starts_with(w))
}

/// True when `rest` starts with a month: 4月, 十二月.
fn starts_month(rest: &str) -> bool {
    integer_at(rest, 0)
        .is_some_and(|(v, end, _, _)| (1..=12).contains(&v) && rest[end..].starts_with('月'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::read::first_match;

    fn read_year(text: &str) -> Option<(Option<Year>, usize, &'static str)> {
        let mut chain = Chain::default();
        first_match(&YEAR_RULES, text, 0, &mut chain).map(|(end, rule)| (chain.year, end, rule))
    }

    #[test]
    fn years_by_rule() {
        assert_eq!(
            read_year("2023年9月"),
            Some((Some(Year::Absolute(2023)), 7, "time.numbered_year"))
        );
        assert_eq!(
            read_year("去年同期"),
            Some((Some(Year::Relative(-1)), 6, "time.relative_year"))
        );
        assert_eq!(
            read_year("民国112年"),
            Some((Some(Year::Absolute(2023)), 12, "time.minguo_year"))
        );
        assert_eq!(
            read_year("98年4月"),
            Some((Some(Year::TwoDigit(98)), 5, "time.numbered_year"))
        );
    }

    #[test]
    fn ten_years_is_no_year() {
        assert_eq!(read_year("10年"), None);
        assert_eq!(read_year("2023年代"), None);
    }

    #[test]
    fn decades_and_centuries() {
        let mut chain = Chain::default();
        assert_eq!(decade("1980年代", 0, &mut chain), Some(10));
        assert_eq!(chain.century, Some(Century::Numbered(20)));
        assert_eq!(chain.decade, Some(80));
        let mut chain = Chain::default();
        assert_eq!(century("上世纪", 0, &mut chain), Some(9));
        assert_eq!(chain.century, Some(Century::Relative(-1)));
    }
}
