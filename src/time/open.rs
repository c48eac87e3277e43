//! Whether a chain may open at an offset: a test that [`chain_at`] asks
//! before it runs its forty-odd readers, since most offsets it is asked
//! about hold no time (新时代, 第十次, 一个人, 五星红旗).
//!
//! The test is the union of what each reader needs to read anything at
//! the first part of a chain, where the chain is still empty: a word of
//! the lists, a word a reader spells, an ordinal of the units the readers
//! count (第三季度), a span prefix before a count (上三个月), or an integer
//! before a unit, a joiner or a clock mark. It is exact, not a guess: in
//! debug builds every offset it rules out is read in full too, and a
//! reader that finds something there fails the build's tests.
//!
//! [`chain_at`]: crate::time::parts::chain_at

use std::sync::LazyLock;

use crate::lexicon::CharBits;
use crate::numeric::numeral::{can_start_numeral, NumeralForm};
use crate::time::chain::Weekday;
use crate::time::read::integer_at;
use crate::time::relative::{count_of_units_at, suffix_may_follow_count, COUNT_SUFFIX_HEADS};
use crate::time::words::SPAN_PREFIXES;

/// Words the readers spell out rather than take from a list, which a chain
/// may open with. A reader that spells a new one adds it here (the debug
/// check of [`may_open_chain`] fails otherwise).
const SPELLED: [&str; 40] = [
    "去年同期",
    "上年同期",
    "前年同期",
    "今明两年",
    "全天",
    "十一五",
    "十二五",
    "十三五",
    "十四五",
    "十五五",
    "上世纪",
    "本世纪",
    "上个世纪",
    "民国",
    "上半年",
    "下半年",
    "前半年",
    "后半年",
    "全年",
    "正月",
    "腊月",
    "冬月",
    "首季",
    "周末",
    "星期",
    "礼拜",
    "大年初",
    "上半月",
    "下半月",
    "年底",
    "年初",
    "年末",
    "年中",
    "年终",
    "月底",
    "月初",
    "月末",
    "月中",
    "农历",
    "阴历",
];

/// The opening words: the words of every time list and [`SPELLED`], by
/// their first character, the whole of a word of two and the first three
/// of a longer one.
struct OpeningWords {
    /// First characters of every opening word: one load rules most out.
    heads: CharBits,
    /// Opening words of one character.
    singles: CharBits,
    /// Opening words of two characters.
    pairs: crate::time::PairSet,
    /// The first two characters of every longer opening word.
    long_heads: crate::time::PairSet,
    /// The first three characters of every longer opening word: 第二天
    /// lets 第二天 through, not 第二十次.
    triples: crate::lexicon::WordSet,
}

static OPENING_WORDS: LazyLock<OpeningWords> = LazyLock::new(|| {
    let words: Vec<&'static str> = crate::time::words::all_words().chain(SPELLED).collect();
    let first_three = |w: &'static str| w.char_indices().nth(3).map_or(w, |(end, _)| &w[..end]);
    let longer = || words.iter().copied().filter(|w| w.chars().count() > 2);
    OpeningWords {
        heads: CharBits::of(words.iter().filter_map(|w| w.chars().next())),
        singles: CharBits::of(
            words
                .iter()
                .filter(|w| w.chars().count() == 1)
                .filter_map(|w| w.chars().next()),
        ),
        pairs: crate::time::PairSet::of(words.iter().copied().filter(|w| w.chars().count() == 2)),
        long_heads: crate::time::PairSet::of(longer()),
        triples: longer().map(first_three).collect(),
    }
});

impl OpeningWords {
    /// True when an opening word may start `rest`, whose first character
    /// is `first`.
    fn may_start(&self, rest: &str, first: char) -> bool {
        if !self.heads.contains(first) {
            return false;
        }
        if self.singles.contains(first) {
            return true;
        }
        let one = first.len_utf8();
        let Some(second) = rest[one..].chars().next() else {
            return false;
        };
        if self.pairs.contains(first, second) {
            return true;
        }
        if !self.long_heads.contains(first, second) {
            return false;
        }
        let two = one + second.len_utf8();
        rest[two..]
            .chars()
            .next()
            .is_some_and(|third| self.triples.contains(&rest[..two + third.len_utf8()]))
    }
}

/// True when some reader of the first part of a chain may read at `pos`
/// (a numeric date aside, which [`chain_at`] reads before it asks).
///
/// [`chain_at`]: crate::time::parts::chain_at
pub(crate) fn may_open_chain(text: &str, pos: usize) -> bool {
    let rest = &text[pos..];
    let Some(first) = rest.chars().next() else {
        return false;
    };
    let after = &rest[first.len_utf8()..];
    let second = after.chars().next();
    OPENING_WORDS.may_start(rest, first)
        || match first {
            // 第七年, 第三季度, 第8个月, 第2周, 第3个星期日, 第一天.
            '第' => ordinal_may_follow(text, pos + first.len_utf8()),
            // 周五.
            '周' => second.and_then(Weekday::from_char).is_some(),
            // 早八点, 闰四月, 这五年: a numeral follows.
            '早' | '晚' | '闰' | '这' => second.is_some_and(can_start_numeral),
            // Q1.
            'Q' => second.is_some_and(|c| c.is_ascii_digit()),
            // 的 before a week (2021年的第三周) is read at a chain's first part too.
            '的' => true,
            _ => false,
        }
        || span_prefix_before_count(rest)
        || integer_may_open(text, pos, first)
}

/// After 第: an integer and what the ordinal readers count (年, 季, 个, 周, 天).
fn ordinal_may_follow(text: &str, start: usize) -> bool {
    integer_at(text, start)
        .is_some_and(|(_, end, _, _)| text[end..].starts_with(['年', '季', '个', '周', '天']))
}

/// 上三个月, 近五年, 未来7天: a span prefix and a count of units after it.
fn span_prefix_before_count(rest: &str) -> bool {
    // Most characters begin no span prefix: one load says so.
    if !rest
        .chars()
        .next()
        .is_some_and(|c| SPAN_PREFIX_HEADS.contains(c))
    {
        return false;
    }
    SPAN_PREFIXES.at(rest).any(|(word, _)| {
        rest.strip_prefix(word).is_some_and(|after| {
            after.starts_with(|c: char| can_start_numeral(c) || matches!(c, '半' | '几' | '数'))
        })
    })
}

/// The first characters of the span prefixes.
static SPAN_PREFIX_HEADS: LazyLock<CharBits> =
    LazyLock::new(|| CharBits::of(SPAN_PREFIXES.iter().filter_map(|(w, _)| w.chars().next())));

/// What may follow the integer of a quarter, month, day, century, fiscal
/// pair or clock time (三季度, 9月, 27日, 3点, 20时, 19世纪, 2023/24年度);
/// a year's 年 is asked of its integer too ([`year_may_open`]).
const AFTER_INTEGER: [char; 12] = [
    '季', '月', '日', '号', '点', '时', '世', '/', '-', '至', '－', '—',
];

/// A numeral at `pos` that may open a chain: before a mark of a clock time
/// in digits (15:30, 3pm), before [`AFTER_INTEGER`], before the 年 of a
/// year or decade, or as a count of units before a suffix (三年前, 半个月后,
/// 两周内), the one reader of a count at a chain's first character.
fn integer_may_open(text: &str, pos: usize, first: char) -> bool {
    if first.is_ascii_digit() {
        let rest = &text[pos..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let after = &rest[digits..];
        if (1..=2).contains(&digits)
            && (after.starts_with([':', '：', 'p', 'a', 'P', 'A'])
                || (after.starts_with(' ')
                    && (after.starts_with(" p.m.") || after.starts_with(" a.m."))))
        {
            return true;
        }
    }
    if !can_start_numeral(first) && !matches!(first, '半' | '几' | '数') {
        return false;
    }
    let before_unit = integer_at(text, pos).is_some_and(|(value, end, form, digits)| {
        let after = &text[end..];
        after.starts_with(AFTER_INTEGER) || year_may_open(value, form, digits, after)
    });
    before_unit
        || (suffix_may_follow_count(text, pos)
            && count_of_units_at(text, pos)
                .is_some_and(|(_, _, end, _)| text[end..].starts_with(COUNT_SUFFIX_HEADS)))
}

/// True when an integer (`value`, written in `form` with `digits`
/// characters) before `after` may be a year (2023年, 98年, 两千零四年八月)
/// or a decade (80年代): what the year readers ask of it first. A count of
/// years (三年来, 十年的) is none.
fn year_may_open(value: u32, form: NumeralForm, digits: usize, after: &str) -> bool {
    if !after.starts_with('年') {
        return false;
    }
    let by_digits = matches!(form, NumeralForm::Arabic | NumeralForm::DigitByDigit);
    after.starts_with("年代")
        || (!after.starts_with("年级")
            && ((by_digits && (2..=4).contains(&digits))
                || (form == NumeralForm::Chinese && (1000..=2200).contains(&value))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_offsets_hold_no_chain() {
        for text in [
            "新时代",
            "第十次",
            "第二十次",
            "一个人",
            "五星红旗",
            "上海",
            "周年",
            "10%",
            "三年来",
            "两年的",
            "五周年",
        ] {
            assert!(!may_open_chain(text, 0), "{text}");
        }
    }

    #[test]
    fn every_kind_of_opening_passes() {
        for text in [
            "去年",
            "第三季度",
            "上三个月",
            "15:30",
            "3pm",
            "周五",
            "十四五",
            "三年前",
            "2023年",
            "Q1",
            "早八点",
            "农历八月",
            "年底",
            "十九世纪",
            "八十年代",
            "98年",
            "两千零四年八月",
        ] {
            assert!(may_open_chain(text, 0), "{text}");
        }
    }
}
