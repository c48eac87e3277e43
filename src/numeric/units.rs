//! Classifiers and measure words that follow numerals, and the one table
//! of time units that numbers, durations and times share.

use crate::lexicon::{ByEdge, Edge};
use std::sync::LazyLock;

/// Classifiers (量词) and measure words. The longest match wins, so
/// `平方公里` beats `公里` and `批次` beats `批`.
const UNITS: &str = "
    平方公里 平方千米 平方米 立方米 公顷 亩 千米 公里 厘米 毫米 米 公分 公尺 英尺 英寸 海里 英里
    千克 公斤 克 毫克 吨 斤 两 毫升 升 公升 加仑 桶 茶匙 汤匙 打
    千瓦时 千瓦 兆瓦 吉瓦 瓦 千焦 千帕 千卡 标准箱 摄氏度 度 分
    人次 批次 架次 车次 艘次 台套 亿人次 个 名 家 项 件 条 位 只 头 辆 台 架 艘 座 栋 幢 所 间
    套 张 本 份 批 次 人 户 倍 例 起 宗 股 篇 部 种 类 处 场 轮 道 门 颗 粒 棵 株 枚 支 根 节
    首 封 幅 层 级 届 期 集 册 卷 页 票 笔 组 对 双 副 群 支队 队 岁 片 块 口 匹 盏 把 顶 床 扇
";

/// Units with the prefix 千 (kilo): after `1.5千` the 千 is the unit's, not a scale.
pub(crate) const KILO_UNITS: &[&str] = &["千瓦时", "千克", "千米", "千瓦", "千焦", "千帕", "千卡"];

/// A unit of time that a count of it can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TimeUnit {
    /// 年.
    Year,
    /// 季度.
    Quarter,
    /// 月, 个月.
    Month,
    /// 周, 星期, 礼拜.
    Week,
    /// 天, 日, 工作日.
    Day,
    /// 小时, 钟头.
    Hour,
    /// 分钟, 刻钟.
    Minute,
    /// 秒, 秒钟.
    Second,
}

/// One word of the table of time units (`data/words/units_time.txt`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct TimeUnitWord {
    /// The word: 个月, 小时, 年.
    pub word: &'static str,
    /// The unit it counts, if it is one of the calendar's.
    pub unit: Option<TimeUnit>,
    /// Its length as a duration, in seconds; 0 when it has none (工作日).
    pub seconds: f64,
    /// A number before it makes no count (`3天` is no count of 天).
    pub ends_numbers: bool,
    /// A unit of duration.
    pub in_durations: bool,
    /// A length only with 个 or 半 before it or 半 after it (`三个月`, not `三月`).
    pub needs_ge_or_half: bool,
    /// A unit of relative times (`三天前`, `后两个月`).
    pub in_spans: bool,
}

/// The table of time units, longest word first.
static TIME_UNIT_WORDS: LazyLock<Vec<TimeUnitWord>> = LazyLock::new(|| {
    let mut words: Vec<TimeUnitWord> =
        crate::lexicon::rows(include_str!("../../data/words/units_time.txt"))
            .map(|row| {
                let uses = row[3];
                TimeUnitWord {
                    word: row[0],
                    unit: match row[1] {
                        "year" => Some(TimeUnit::Year),
                        "quarter" => Some(TimeUnit::Quarter),
                        "month" => Some(TimeUnit::Month),
                        "week" => Some(TimeUnit::Week),
                        "day" => Some(TimeUnit::Day),
                        "hour" => Some(TimeUnit::Hour),
                        "minute" => Some(TimeUnit::Minute),
                        "second" => Some(TimeUnit::Second),
                        _ => None,
                    },
                    seconds: row[2].parse().expect("units_time.txt: seconds"),
                    ends_numbers: uses.contains('n'),
                    in_durations: uses.contains(['d', 'D']),
                    needs_ge_or_half: uses.contains('D'),
                    in_spans: uses.contains('s'),
                }
            })
            .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.word.len()));
    words
});

/// Every word of the table of time units.
pub(crate) fn time_unit_words() -> impl Iterator<Item = &'static TimeUnitWord> {
    TIME_UNIT_WORDS.iter()
}

/// The longest time unit at the start of `rest` that `uses` accepts.
pub(crate) fn time_unit_word_at(
    rest: &str,
    uses: impl Fn(&TimeUnitWord) -> bool,
) -> Option<&'static TimeUnitWord> {
    TIME_UNITS_BY_FIRST.first_at(rest, |w| uses(w)).copied()
}

/// The longest time unit that `before` ends with and `uses` accepts.
pub(crate) fn time_unit_word_before(
    before: &str,
    uses: impl Fn(&TimeUnitWord) -> bool,
) -> Option<&'static TimeUnitWord> {
    TIME_UNITS_BY_LAST
        .at(before)
        .copied()
        .find(|w| uses(w) && before.ends_with(w.word))
}

static UNIT_LIST: LazyLock<ByFirstChar<&'static str>> =
    LazyLock::new(|| ByFirstChar::new(sorted_longest_first(UNITS), |w| w));

/// The table of time units by first and by last character.
static TIME_UNITS_BY_FIRST: LazyLock<ByFirstChar<&'static TimeUnitWord>> =
    LazyLock::new(|| ByFirstChar::new(TIME_UNIT_WORDS.iter().collect(), |w| w.word));
static TIME_UNITS_BY_LAST: LazyLock<ByEdge<&'static TimeUnitWord>> =
    LazyLock::new(|| ByEdge::new(TIME_UNIT_WORDS.iter().collect(), Edge::Last, |w| w.word));

/// Words of a list by their first character (of the Basic Multilingual
/// Plane), each with the bytes after that character: a look-up decodes the
/// first character of the text once, passes a character that begins no
/// word on two loads, and compares only the rest of the words it begins.
struct ByFirstChar<T> {
    /// For each block of 64 characters, its row in `rows` (row 0: none).
    blocks: Box<[u16; 1024]>,
    /// For each character of a block, where the words it begins lie in
    /// `words`: their start and end.
    rows: Vec<[(u16, u16); 64]>,
    /// The entries grouped by first character, each group in list order,
    /// with the bytes of their word after its first character.
    words: Vec<(&'static [u8], T)>,
}

impl<T> ByFirstChar<T> {
    /// Indexes `entries` (a list of fewer than 65,536) by the first
    /// character of `word(entry)`.
    fn new(entries: Vec<T>, word: impl Fn(&T) -> &'static str) -> ByFirstChar<T> {
        let mut by_first: Vec<(char, &'static [u8], T)> = entries
            .into_iter()
            .filter_map(|entry| {
                let w = word(&entry);
                let first = w.chars().next()?;
                Some((first, &w.as_bytes()[first.len_utf8()..], entry))
            })
            .collect();
        // Stable: each group keeps the list's order.
        by_first.sort_by_key(|(first, _, _)| *first);
        let mut table = ByFirstChar {
            blocks: Box::new([0; 1024]),
            rows: vec![[(0, 0); 64]],
            words: Vec::with_capacity(by_first.len()),
        };
        for (first, rest, entry) in by_first {
            let code = first as usize;
            assert!(
                code < 0x10000,
                "a unit word begins outside the BMP: {first}"
            );
            let block = code / 64;
            if table.blocks[block] == 0 {
                table.blocks[block] = u16::try_from(table.rows.len()).expect("rows of units");
                table.rows.push([(0, 0); 64]);
            }
            let at = u16::try_from(table.words.len()).expect("a list of units");
            let slot = &mut table.rows[usize::from(table.blocks[block])][code % 64];
            if slot.1 == 0 {
                slot.0 = at;
            }
            slot.1 = at + 1;
            table.words.push((rest, entry));
        }
        table
    }

    /// The first entry in list order whose word begins `text` and that
    /// `accept` takes.
    fn first_at(&self, text: &str, accept: impl Fn(&T) -> bool) -> Option<&T> {
        let first = text.chars().next()?;
        let code = first as usize;
        let row = usize::from(*self.blocks.get(code / 64)?);
        let (start, end) = self.rows[row][code % 64];
        let after = &text.as_bytes()[first.len_utf8()..];
        self.words[usize::from(start)..usize::from(end)]
            .iter()
            .find(|(rest, entry)| accept(entry) && after.starts_with(rest))
            .map(|(_, entry)| entry)
    }
}

fn sorted_longest_first(list: &'static str) -> Vec<&'static str> {
    let mut words: Vec<&str> = list.split_whitespace().collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
}

/// The classifier or measure word at the start of `rest`, if any.
pub(crate) fn unit_at(rest: &str) -> Option<&'static str> {
    if time_unit_at(rest).is_some() {
        return None;
    }
    UNIT_LIST.first_at(rest, |_| true).copied()
}

/// The time unit at the start of `rest`, if any.
pub(crate) fn time_unit_at(rest: &str) -> Option<&'static str> {
    time_unit_word_at(rest, |w| w.ends_numbers).map(|w| w.word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_unit_wins() {
        assert_eq!(unit_at("平方公里的"), Some("平方公里"));
        assert_eq!(unit_at("批次农产品"), Some("批次"));
        assert_eq!(unit_at("个品牌"), Some("个"));
        assert_eq!(unit_at("个月"), None);
        assert_eq!(time_unit_at("个月"), Some("个月"));
        assert_eq!(time_unit_at("个钟头"), None);
    }

    #[test]
    fn one_table_serves_durations_and_spans() {
        let month = time_unit_word_at("个月后", |w| w.in_spans).unwrap();
        assert_eq!((month.word, month.unit), ("个月", Some(TimeUnit::Month)));
        assert_eq!(month.seconds, 2_592_000.0);
        let bare_month = time_unit_word_at("月", |w| w.in_durations).unwrap();
        assert!(bare_month.needs_ge_or_half);
        assert_eq!(time_unit_word_at("时", |w| w.in_spans), None);
        let before = time_unit_word_before("五秒钟", |w| w.in_durations).unwrap();
        assert_eq!(before.word, "秒钟");
    }

    #[test]
    fn lists_by_first_character_find_what_a_search_of_the_list_finds() {
        let units = sorted_longest_first(UNITS);
        let texts = units
            .iter()
            .copied()
            .chain(TIME_UNIT_WORDS.iter().map(|w| w.word))
            .flat_map(|w| {
                [
                    w.to_string(),
                    format!("{w}后"),
                    w[..w.chars().next().unwrap().len_utf8()].to_string(),
                ]
            })
            .chain(["", "a", "😀", "个人", "年代末"].map(String::from));
        for text in texts {
            let listed = units.iter().find(|u| text.starts_with(**u));
            assert_eq!(UNIT_LIST.first_at(&text, |_| true), listed, "{text}");
            let spans = TIME_UNIT_WORDS
                .iter()
                .find(|w| w.in_spans && text.starts_with(w.word));
            assert_eq!(time_unit_word_at(&text, |w| w.in_spans), spans, "{text}");
        }
    }
}
