//! Word lists for numeric expressions: qualifiers and lexicalized words.

use crate::numeric::expr::Qualifier;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Qualifiers written right before a number, longest first.
pub(crate) const QUALIFIERS_BEFORE: &[(&str, Qualifier)] = &[
    ("不少于", Qualifier::AtLeast),
    ("不低于", Qualifier::AtLeast),
    ("不超过", Qualifier::AtMost),
    ("不高于", Qualifier::AtMost),
    ("大约", Qualifier::Approx),
    ("将近", Qualifier::Approx),
    ("接近", Qualifier::Approx),
    ("约为", Qualifier::Approx),
    ("超过", Qualifier::AtLeast),
    ("大于", Qualifier::AtLeast),
    ("高于", Qualifier::AtLeast),
    ("多于", Qualifier::AtLeast),
    ("至少", Qualifier::AtLeast),
    ("起码", Qualifier::AtLeast),
    ("不到", Qualifier::AtMost),
    ("不足", Qualifier::AtMost),
    ("少于", Qualifier::AtMost),
    ("低于", Qualifier::AtMost),
    ("小于", Qualifier::AtMost),
    ("最多", Qualifier::AtMost),
    ("至多", Qualifier::AtMost),
    ("约", Qualifier::Approx),
    ("近", Qualifier::Approx),
    ("逾", Qualifier::AtLeast),
    ("超", Qualifier::AtLeast),
];

/// Qualifiers written after a number and its unit.
pub(crate) const QUALIFIERS_AFTER: &[(&str, Qualifier)] = &[
    ("以上", Qualifier::AtLeast),
    ("以下", Qualifier::AtMost),
    ("以内", Qualifier::AtMost),
    ("左右", Qualifier::Approx),
    ("上下", Qualifier::Approx),
];

/// Words that begin with a numeral but mean something else.
const LEXICAL_WORDS: &str = "
    十分 千万 万一 万万 一些 一切 一直 一样 一起 一定 一般 一致 一旦 一律 一体 一边
    一方面 一流 一同 一再 一向 一举 一连 一系列 一番 一道 一度 一时 一口气 一心 一线 一手
    一把手 一行 一带一路 一路 一家人 一块儿 一味 一概 一齐 一并 一贯 一如既往 一目了然 一切都 一点儿 一会儿
    一下 一下子 一阵 一面 一经 一头 一生 一辈子 一身 一席之地 一揽子 一站式 一体化 一把 一心一意 三心二意
    一企一技 一企一策 百姓 老百姓 千方百计 万众一心 九州 五湖四海 四面八方 三农 两会 两岸 一国两制 两新 三峡 万物
    千秋 百年大计 十全十美 七上八下 乱七八糟 一模一样 独一无二 一带 二手 三角 十足 百货 万达 百度 万科 千禧
    一一 两两 三三两两
";

static LEXICAL: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| LEXICAL_WORDS.split_whitespace().collect());

/// True for words that begin with a numeral but are not quantities.
pub(crate) fn is_lexical_word(word: &str) -> bool {
    LEXICAL.contains(word)
}
