//! Counts: a numeral with its classifier or measure word.
//!
//! `33个品牌` → 33 个 (noun 品牌), `1.3万名` → 13000 名, `159万吨` → 1590000
//! 吨, `100余项` → 100 项 approx, `5987.0公斤/公顷` → unit 公斤/公顷.
//! Units of time (`3年`, `5天`) make durations, not counts.

use crate::context::{Candidate, Context};
use crate::fact::Quantity;
use crate::fact::Value;
use crate::numeric::expr::{apply, qualifier_after};
use crate::numeric::numeral::{can_start_numeral, chinese_digit, clean};
use crate::numeric::units::{unit_at, KILO_UNITS};
use crate::span::Span;

/// Adds the counts of `context` to `out`.
pub(crate) fn extract(context: &Context<'_>, out: &mut Vec<Candidate>) {
    halves(context, out);
    for numeric in &context.numerics {
        if context.before(numeric.numeral_start).ends_with('第') {
            continue; // an ordinal
        }
        let mut quantity = numeric.quantity;
        let mut rest = context.after(numeric.span.end);
        let mut unit_start = numeric.span.end;
        // 1.5千克: the 千 read as a scale belongs to the unit.
        let numeral_text = &context.text[numeric.numeral_start..numeric.span.end];
        if numeral_text.ends_with('千') && numeral_text.chars().count() > 1 {
            let kilo = &context.text[numeric.span.end - '千'.len_utf8()..];
            if KILO_UNITS.iter().any(|u| kilo.starts_with(u)) {
                rest = kilo;
                unit_start -= '千'.len_utf8();
                scale(&mut quantity, 1e-3);
            }
        }
        // 2 厘米: one space after digits.
        if rest.starts_with(' ') && numeral_text.ends_with(|c: char| c.is_ascii_digit()) {
            rest = &rest[1..];
            unit_start += 1;
        }
        let Some(unit) = unit_at(rest) else { continue };
        if unit == "个" && rest.starts_with("个百分点") {
            continue;
        }
        let mut end = unit_start + unit.len();
        let mut unit = unit.to_string();
        // 三斤半, 两个半: and a half.
        if is_lone_half(context, end) {
            quantity.number = quantity.number.map(|n| n + 0.5);
            end += '半'.len_utf8();
        }
        // 一米八: metres and tenths.
        if unit == "米" && !numeric.is_range && numeric.denominator.is_none() {
            let after = context.after(end);
            if let Some(d) = after.chars().next().and_then(chinese_digit) {
                let next = after[3..].chars().next();
                if d > 0
                    && !next.is_some_and(|n| can_start_numeral(n) || unit_at(&after[3..]).is_some())
                {
                    quantity.number = quantity.number.map(|n| clean(n + f64::from(d) / 10.0));
                    end += 3;
                }
            }
        }
        // Compound units: 公斤/公顷.
        if let Some(per) = context.after(end).strip_prefix('/').and_then(unit_at) {
            unit = format!("{unit}/{per}");
            end += 1 + per.len();
        }
        // A noun that merely starts with the unit's character: 三部门, 5名单.
        if UNIT_LED_NOUNS
            .split_whitespace()
            .any(|noun| rest.starts_with(noun))
        {
            continue;
        }
        let mut rule = "count.numeral_unit";
        if let Some((len, qualifier)) = qualifier_after(context.after(end)) {
            apply(&mut quantity, qualifier);
            end += len;
            rule = "count.numeral_unit_qualifier";
        }
        let noun = context
            .words
            .at(end)
            .filter(|w| w.span.start == end && w.tag.starts_with('n'))
            .map(|w| context.text[w.span.range()].to_string());
        out.push(Candidate {
            span: Span::new(numeric.span.start, end),
            value: Value::Count {
                quantity,
                unit,
                noun,
            },
            rule,
        });
    }
}

/// A count of half a unit: `半个`, `半斤`.
fn halves(context: &Context<'_>, out: &mut Vec<Candidate>) {
    for (pos, _) in context.text.match_indices('半') {
        let rest = &context.text[pos + '半'.len_utf8()..];
        let Some(unit) = unit_at(rest) else { continue };
        let before = context.before(pos).chars().next_back();
        if before.is_some_and(|c| {
            can_start_numeral(c) || unit_at(&context.text[pos - c.len_utf8()..]).is_some()
        }) {
            continue;
        }
        if crate::numeric::units::time_unit_at(&rest[unit.len()..]).is_some() && unit == "个" {
            continue; // 半个月 is a duration
        }
        out.push(Candidate {
            span: Span::new(pos, pos + '半'.len_utf8() + unit.len()),
            value: Value::Count {
                quantity: Quantity::exact(0.5),
                unit: unit.to_string(),
                noun: None,
            },
            rule: "count.half_unit",
        });
    }
}

fn scale(quantity: &mut Quantity, factor: f64) {
    quantity.number = quantity.number.map(|n| clean(n * factor));
    quantity.max = quantity.max.map(|n| clean(n * factor));
}

/// Nouns that begin with a classifier's character: after a numeral they
/// are the counted thing's name, not a classifier and a noun.
const UNIT_LED_NOUNS: &str = "
    个人 个体 个性 个别 名单 名称 名字 名义 名额 家庭 家长 家乡 家属 家族 家电 项目 条件 条例
    条款 位置 头条 台风 所以 所有 本地 本身 份额 人员 人民 人口 户口 起来 股份 部门 部分 种类
    类型 处理 场景 道路 门口 口岸 分析 分别 度过 岁月 片区 次要 间接 批准 批评 票价 笔记 组织
    对于 双方 群众 队伍 双边 分享 分配 分类 分布 分公司 分会 分局 分行 分院
";

/// True when a `半` at `pos` stands alone (三斤半), not as the start of a
/// word (半年, 半导体).
fn is_lone_half(context: &Context<'_>, pos: usize) -> bool {
    let rest = context.after(pos);
    let Some(after) = rest.strip_prefix('半') else {
        return false;
    };
    match after.chars().next() {
        None => true,
        Some(c) if !crate::text::normalize::is_han(c) => true,
        Some(_) => context
            .words
            .at(pos + '半'.len_utf8())
            .is_some_and(|w| w.span.start == pos + '半'.len_utf8()),
    }
}
