//! Amounts written without a unit of money that are money all the same:
//! news leaves out `元` where the sentence already says it is speaking of
//! money (`斥资二亿二千七百万`, `录得439亿盈余`, `补助款（包含建筑结构
//! 九千一百余万及办公设备四百四十万）`), or writes the unit once for a
//! list (`分别给予100、5万元奖励`: 100万元 and 5万元). Their currency is
//! the region's.

use super::{amount_at, Amount};
use crate::context::Context;
use crate::lexicon::{entries, set, ByEdge, Edge, WordSet};
use crate::numeric::expr::Numeric;
use crate::numeric::numeral::{big_unit, clean};
use crate::numeric::units::{time_unit_at, unit_at};
use std::sync::LazyLock;

static CUES_BEFORE_LIST: &str = include_str!("../../../data/words/money_bare_cues_before.txt");
static CUES_AFTER_LIST: &str = include_str!("../../../data/words/money_bare_cues_after.txt");
static FILLERS_LIST: &str = include_str!("../../../data/words/money_bare_fillers.txt");

/// Money words before a bare amount (斥资, 拨款, 储备), by their last
/// character.
static CUES_BEFORE: LazyLock<ByEdge<&str>> =
    LazyLock::new(|| ByEdge::new(entries(CUES_BEFORE_LIST).collect(), Edge::Last, |w| w));
/// Money nouns after a bare amount (盈余, 经费), by their first character.
static CUES_AFTER: LazyLock<ByEdge<&str>> =
    LazyLock::new(|| ByEdge::new(entries(CUES_AFTER_LIST).collect(), Edge::First, |w| w));
/// Linking words between a money word and its amount (达, 为).
static FILLERS: LazyLock<WordSet> = LazyLock::new(|| set(FILLERS_LIST));

/// Words that join the members of a list (`100、5万元`, `0.1和1.2`).
const LIST_JOINERS: &[&str] = &["、", "和", "及", "与", "或"];

/// Punctuation that ends a clause: a bare amount after it no longer
/// speaks of the money before it.
const CLAUSE_ENDS: &str = "，,。；;！!？?：:\n";

/// True when `numeric` is an amount in 万, 亿 or 兆 with nothing after it
/// that makes it something else: no classifier, unit of time, `%`, `成`
/// or `倍` (`1200万人`, `1200万吨` are counts).
fn is_bare_large(context: &Context<'_>, numeric: &Numeric) -> bool {
    let numeral = &context.text[numeric.numeral_start..numeric.span.end];
    if !numeral.contains(['万', '亿', '兆']) || context.before(numeric.span.start).ends_with('第')
    {
        return false;
    }
    let rest = context.after(numeric.span.end);
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    unit_at(rest).is_none()
        && time_unit_at(rest).is_none()
        && !rest.starts_with(['%', '％', '成', '倍', '分'])
}

/// The bare amount of `numeric`, in the region's currency, made by `rule`.
fn bare(numeric: &Numeric, rule: &'static str) -> Amount {
    Amount {
        start: numeric.span.start,
        end: numeric.span.end,
        quantity: numeric.quantity,
        currency: None,
        has_unit: true,
        rule,
    }
}

/// A bare amount in 万 or 亿 with a word of money right before it
/// (`斥资二亿二千七百万`, `拨款1200万`, `财政储备达6982亿`) or a noun of
/// money right after it (`录得439亿盈余`).
pub(super) fn bare_by_money_word(context: &Context<'_>, numeric: &Numeric) -> Option<Amount> {
    if !is_bare_large(context, numeric) {
        return None;
    }
    let before = context.before(numeric.span.start);
    let before = before.strip_suffix(' ').unwrap_or(before);
    // A cue ends the text before, or ends it before a filler of its last
    // three characters: the fillers are found once, not for every cue.
    let cue_ends = |head: &str| CUES_BEFORE.at(head).any(|cue| head.ends_with(cue));
    let money_before = cue_ends(before)
        || before
            .char_indices()
            .rev()
            .take(3)
            .any(|(i, _)| FILLERS.contains(&before[i..]) && cue_ends(&before[..i]));
    let after = context.after(numeric.span.end);
    let money_after = CUES_AFTER.at(after).any(|cue| after.starts_with(cue));
    (money_before || money_after).then(|| bare(numeric, "money.bare_by_money_word"))
}

/// A bare amount in 万 or 亿 in the same clause as an amount of money
/// before it, ending at `last_money_end`: the parts of that amount or a
/// list of amounts (`补助款（包含建筑结构九千一百余万及办公设备四百四十万）`).
pub(super) fn bare_after_money(
    context: &Context<'_>,
    numeric: &Numeric,
    last_money_end: Option<usize>,
) -> Option<Amount> {
    let money_end = last_money_end?;
    if money_end > numeric.span.start || !is_bare_large(context, numeric) {
        return None;
    }
    let between = &context.text[money_end..numeric.span.start];
    if between.contains(|c| CLAUSE_ENDS.contains(c)) {
        return None;
    }
    Some(bare(numeric, "money.bare_after_money"))
}

/// A bare numeral listed before an amount of money that writes the unit
/// for both (`100、5万元` is 100万元 and 5万元): it takes that amount's
/// scale and currency.
pub(super) fn shared_unit(
    context: &Context<'_>,
    numeric: &Numeric,
    next: Option<&Numeric>,
) -> Option<Amount> {
    let next = next?;
    let joiner = &context.text[numeric.span.end..next.span.start.max(numeric.span.end)];
    if !LIST_JOINERS.contains(&joiner) || numeric.is_range || numeric.quantity.number.is_none() {
        return None;
    }
    let own = &context.text[numeric.numeral_start..numeric.span.end];
    if own.contains(['万', '亿', '兆']) {
        return None;
    }
    let second = amount_at(context, next)?;
    if !second.has_unit || second.start != next.span.start {
        return None;
    }
    let next_numeral = &context.text[next.numeral_start..next.span.end];
    let factor: f64 = next_numeral.chars().rev().map_while(big_unit).product();
    // 5、6万元, 三、五千元: a smaller first member makes a rough range of
    // the pair, not a list.
    let (first, second_value) = (numeric.quantity.number?, next.quantity.number?);
    if first * factor <= second_value {
        return None;
    }
    let mut amount = bare(numeric, "money.shared_unit");
    amount.quantity.number = amount.quantity.number.map(|n| clean(n * factor));
    amount.currency = second.currency;
    Some(amount)
}
