//! Classifiers and measure words that follow numerals, and time units.

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

/// Units of time, which make durations and dates, not counts.
const TIME_UNITS: &str = "
    个小时 个月 个星期 个工作日 小时 分钟 世纪 年代 年 月 日 号 天 周 星期 时 秒 旬 季度 晚 夜
";

static UNIT_LIST: LazyLock<Vec<&'static str>> = LazyLock::new(|| sorted_longest_first(UNITS));
static TIME_UNIT_LIST: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| sorted_longest_first(TIME_UNITS));

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
    UNIT_LIST.iter().copied().find(|u| rest.starts_with(u))
}

/// The time unit at the start of `rest`, if any.
pub(crate) fn time_unit_at(rest: &str) -> Option<&'static str> {
    TIME_UNIT_LIST.iter().copied().find(|u| rest.starts_with(u))
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
    }
}
