//! Money: amounts with a currency.
//!
//! `4.3亿元` → 430000000 CNY, `人民币4.3亿元`, `4.3亿元人民币`, `5美元`,
//! `US$5`, `￥100`, `新台币 177.1 亿元` (TWD), `3元5角` → 3.5, `一块二` →
//! 1.2, `七毛八` → 0.78, `壹拾壹圆整`, `100块钱`, ranges
//! (`3000至5000元`, `1万元--5万元`, `五块六到五块七毛八`) and qualifiers
//! (`近700万元`, `1.2元以下`, `超过3000亿元`).
//! `元旦`, `单元`, `三块石头` are not money.

mod bare;

use crate::context::{Candidate, Context};
use crate::fact::Value;
use crate::lexicon::{rows, ByEdge, Edge};
use crate::numeric::expr::{
    apply, qualifier_after, qualifier_ending_at, range_joiner_at, scale, Numeric, Qualifier,
};
use crate::numeric::numeral::{chinese_digit, clean, parse_numeral_at};
use crate::numeric::units::unit_at;
use crate::numeric::words::ends_in_qualifier;
use crate::numeric::Bounds;
use crate::span::Span;
use crate::text::region::Region;
use bare::{bare_after_money, bare_by_money_word, shared_unit};
use std::sync::LazyLock;

static CURRENCY_NAMES: &str = include_str!("../../data/words/money_currency_names.tsv");
static CURRENCY_SYMBOLS: &str = include_str!("../../data/words/money_currency_symbols.tsv");

/// Currency names (人民币, 美元) with their ISO 4217 codes, written before
/// or after the amount.
static NAMES: LazyLock<ByEdge<(&str, &str)>> =
    LazyLock::new(|| ByEdge::new(currency_list(CURRENCY_NAMES), Edge::First, |e| e.0));
/// Symbols and codes written before the amount (US$, ￥, RMB), then the
/// names: everything that may stand before an amount.
static PREFIXES: LazyLock<ByEdge<(&str, &str)>> = LazyLock::new(|| {
    let mut list = currency_list(CURRENCY_SYMBOLS);
    list.extend(NAMES.iter().copied());
    ByEdge::new(list, Edge::Last, |e| e.0)
});

/// The (word, code) rows of a currency list.
fn currency_list(list: &'static str) -> Vec<(&'static str, &'static str)> {
    rows(list).map(|row| (row[0], row[1])).collect()
}

/// Characters after 元 that make it part of another word (元旦, 元素).
const NOT_AFTER_YUAN: &str = "旦宵素首帅老勋件器气神月年化次代";

/// One parsed amount: its span, value and currency.
#[derive(Clone, Copy)]
struct Amount {
    start: usize,
    end: usize,
    quantity: Bounds,
    currency: Option<&'static str>,
    /// True when a unit or symbol of money was written (not only digits).
    has_unit: bool,
    /// The rule that read it: `money.amount` ([`amount_at`]) or
    /// `money.range` ([`range`]).
    rule: &'static str,
}

/// Adds the amounts of money in `context` to `out`.
pub(crate) fn extract(context: &Context<'_>, out: &mut Vec<Candidate>) {
    let numerics = &context.numerics;
    let mut last_money_end = None;
    let mut i = 0;
    while i < numerics.len() {
        let numeric = &numerics[i];
        i += 1;
        if context.text.as_bytes()[..numeric.numeral_start].ends_with("第".as_bytes()) {
            continue;
        }
        let Some(mut amount) = amount_at(context, numeric) else {
            continue;
        };
        // Numerals read as subunits (五元六角) are part of this amount.
        while numerics.get(i).is_some_and(|n| n.span.start < amount.end) {
            i += 1;
        }
        if amount.quantity.max.is_some()
            && amount.has_unit
            && context.before(amount.start).ends_with('从')
        {
            amount.start -= '从'.len_utf8();
        }
        // A range: 1万元--5万元, 1万(含)-5万元, 五块六到五块七毛八, 从8500到3万港元.
        if let Some(range) = numerics
            .get(i)
            .and_then(|next| range(context, &amount, next))
        {
            amount = range;
            // And so are those of the second amount (五块七毛八).
            while numerics.get(i).is_some_and(|n| n.span.start < amount.end) {
                i += 1;
            }
        }
        if amount.has_unit && amount.start == numeric.span.start {
            amount.start = threshold_before(context, &mut amount.quantity, amount.start);
        }
        if !amount.has_unit {
            let bare = shared_unit(context, numeric, numerics.get(i))
                .or_else(|| bare_by_money_word(context, numeric))
                .or_else(|| bare_after_money(context, numeric, last_money_end));
            match bare {
                Some(bare) => amount = bare,
                None => continue,
            }
        }
        // Qualifiers after: 1.2元以下, 50万元（含）以上.
        let mut end = amount.end;
        let after = context.after(end);
        let inclusive = ["(含)", "（含）"].iter().find(|m| after.starts_with(**m));
        let skip = inclusive.map_or(0, |m| m.len());
        if let Some((len, qualifier)) = qualifier_after(&after[skip..]) {
            apply(&mut amount.quantity, qualifier);
            end += skip + len;
        }
        out.push(candidate(context, Span::new(amount.start, end), &amount));
        last_money_end = Some(end);
    }
}

/// `满` right before an amount is a threshold: `满50元` is at least 50,
/// `未满350元` at most 350 (`充满`, `圆满` are other words). Returns where the amount starts.
fn threshold_before(context: &Context<'_>, quantity: &mut Bounds, start: usize) -> usize {
    let before = context.before(start);
    let Some(head) = before.strip_suffix('满') else {
        return start;
    };
    let word_start = head
        .char_indices()
        .next_back()
        .map_or(head.len(), |(i, _)| i);
    if quantity.max.is_some() {
        return start;
    }
    // 未满, 不满: below the threshold.
    if head.ends_with(['未', '不']) {
        apply(quantity, Qualifier::AtMost);
        return word_start;
    }
    if ends_in_qualifier(&before[word_start..]) {
        return start;
    }
    apply(quantity, Qualifier::AtLeast);
    start - '满'.len_utf8()
}

/// The currency of bare `元`, `块` and subunits: the region's (HKD in Hong
/// Kong, TWD in Taiwan), CNY when the region is unknown.
fn local_currency(context: &Context<'_>) -> &'static str {
    context.region.map_or("CNY", |region| region.currency())
}

/// The fact of an amount: the one place a money value is built.
fn candidate(context: &Context<'_>, span: Span, amount: &Amount) -> Candidate {
    Candidate {
        span,
        value: Value::Money {
            quantity: amount.quantity.quantity(),
            currency: amount
                .currency
                .unwrap_or_else(|| local_currency(context))
                .to_string(),
        },
        rule: amount.rule,
    }
}

/// The range that `first` opens when `next` starts right after it with a
/// range joiner between (`1万元--5万元`, `1万(含)-5万元`, `五块六到五块七毛八`):
/// the second amount's end and upper bound, and its currency when the
/// first names none.
fn range(context: &Context<'_>, first: &Amount, next: &Numeric) -> Option<Amount> {
    if first.quantity.max.is_some() {
        return None;
    }
    let mut between = &context.text[first.end..next.span.start.max(first.end)];
    for inclusive in ["(含)", "（含）"] {
        between = between.strip_prefix(inclusive).unwrap_or(between);
    }
    // The amounts are joined before the second is read (most numerals
    // that follow an amount are not).
    let second = if between.is_empty() {
        // 1万元-5万元: the hyphen was read as the second amount's sign.
        if !context.after(next.span.start).starts_with('-') {
            return None;
        }
        let mut second = amount_at(context, next)?;
        if !second.quantity.number.is_some_and(|n| n < 0.0) {
            return None;
        }
        second.quantity.number = second.quantity.number.map(|n| -n);
        second
    } else {
        if range_joiner_at(between, 0) != Some(between.len()) {
            return None;
        }
        amount_at(context, next)?
    };
    let (low, high) = (first.quantity.number?, second.quantity.number?);
    if !(second.has_unit && high > low) {
        return None;
    }
    let mut range = Amount {
        end: second.end,
        quantity: Bounds {
            max: second.quantity.number,
            ..first.quantity
        },
        currency: if first.currency.is_none() || !first.has_unit {
            second.currency
        } else {
            first.currency
        },
        has_unit: true,
        rule: "money.range",
        ..*first
    };
    if context.before(range.start).ends_with('从') {
        range.start -= '从'.len_utf8();
    }
    Some(range)
}

/// The amount of money built on `numeric`, if any: currency before it,
/// unit and subunits after it. Without a unit or symbol, `has_unit` is false.
fn amount_at(context: &Context<'_>, numeric: &Numeric) -> Option<Amount> {
    let text = context.text;
    let mut quantity = numeric.quantity;
    let mut start = numeric.span.start;
    let mut currency: Option<&'static str> = None;
    let mut has_unit = false;
    // True when the amount is in a subunit (5角, 三毛) and its smaller units
    // were read with it: the main unit's subunits are not looked for.
    let mut subunits_read = false;
    // A symbol or currency name before the amount: US$5, 人民币 4.3亿元.
    let before = context.before(start);
    let before_trimmed = match before.as_bytes() {
        [head @ .., b' '] => &before[..head.len()],
        _ => before,
    };
    let prefix = PREFIXES
        .at(before_trimmed)
        .filter(|(word, _)| before_trimmed.ends_with(word))
        .max_by_key(|(word, _)| word.len());
    if let Some((word, code)) = prefix {
        let prefix_start = before_trimmed.len() - word.len();
        let is_code = word.bytes().all(|b| b.is_ascii_alphabetic());
        let previous = before_trimmed[..prefix_start].chars().next_back();
        let touches_letter = previous.is_some_and(|c| c.is_ascii_alphabetic());
        // 4人民币5美元: a currency right after a numeral is that numeral's.
        let after_numeral = previous.is_some_and(crate::numeric::numeral::can_start_numeral);
        if !(after_numeral || is_code && touches_letter) {
            start = prefix_start;
            currency = Some(code);
            has_unit = true;
            // A qualifier before the currency: 约人民币3亿元.
            if let Some((qualifier_start, qualifier)) = qualifier_ending_at(text, start) {
                if numeric.span.start == numeric.numeral_start {
                    start = qualifier_start;
                    apply(&mut quantity, qualifier);
                }
            }
        }
    }
    let mut end = numeric.span.end;
    // A scale after a space: 177.1 亿元.
    if text.as_bytes().get(end) == Some(&b' ') {
        let mut p = end + 1;
        let mut factor = 1.0;
        while let Some(b) = context
            .after(p)
            .chars()
            .next()
            .and_then(crate::numeric::numeral::big_unit)
        {
            factor *= b;
            p += 3;
        }
        let unit_follows = main_unit(context.after(p), None).is_some()
            || suffix_currency(context.after(p)).is_some();
        if factor > 1.0 || unit_follows {
            scale(&mut quantity, factor);
            end = p;
        }
    }
    // The unit: 元, 块, 美元; or a subunit alone: 两毛, 五仙, 肆角.
    let rest = context.after(end);
    if let Some((len, code)) = suffix_currency(rest) {
        end += len;
        currency = Some(code);
        has_unit = true;
    } else if let Some((len, code)) = main_unit(rest, context.region) {
        if rest.starts_with('块') && !kuai_is_money(&rest['块'.len_utf8()..]) {
            return None;
        }
        end += len;
        has_unit = true;
        if currency.is_none() {
            currency = code;
        }
        // 元人民币, 元欧元, 元日币.
        if let Some((len, code)) = suffix_currency(context.after(end)) {
            end += len;
            currency = Some(code);
        }
    } else if currency == Some("HKD") && rest.starts_with('个') {
        end += '个'.len_utf8(); // 港币三个一毫四: 个 for dollars
    } else if let Some((len, factor)) = subunit(rest, numeric, text) {
        if numeric.is_range || quantity.number.is_none() {
            return None;
        }
        scale(&mut quantity, factor);
        end += len;
        has_unit = true;
        let (len, cents) = smaller_units(context.after(end), factor);
        end += len;
        add(&mut quantity, cents);
        subunits_read = true;
    }
    if has_unit && !subunits_read {
        end += main_unit_tail(context.after(end), numeric.is_range, &mut quantity);
    }
    Some(Amount {
        start,
        end,
        quantity,
        currency,
        has_unit,
        rule: "money.amount",
    })
}

/// What follows a main unit in `rest`: subunits (`3元5角`, `一块二`,
/// `三蚊零四`, added to `quantity` unless it is a range) and a closing
/// `整`, `正` or `钱`. Returns its length.
fn main_unit_tail(rest: &str, is_range: bool, quantity: &mut Bounds) -> usize {
    let mut len = 0;
    if !is_range {
        let (subunits_len, cents) = smaller_units(rest, 1.0);
        len += subunits_len;
        add(quantity, cents);
    }
    // 整 and 正 close an amount on cheques; 钱 follows 块 or 元.
    for closing in ["整", "正", "钱"] {
        if rest[len..].starts_with(closing) {
            len += closing.len();
            break;
        }
    }
    len
}

/// Adds `amount` to the value (or the upper bound, for `最多一块二`),
/// away from zero for negative amounts.
fn add(quantity: &mut Bounds, amount: f64) {
    if amount == 0.0 {
        return;
    }
    let target = if quantity.number.is_some() {
        &mut quantity.number
    } else {
        &mut quantity.max
    };
    if let Some(n) = target.as_mut() {
        *n = clean(*n + amount.copysign(*n));
    }
}

/// A currency name at the start of `rest`: its length and ISO code.
fn suffix_currency(rest: &str) -> Option<(usize, &'static str)> {
    NAMES
        .at(rest)
        .filter(|(word, _)| rest.starts_with(word))
        .max_by_key(|(word, _)| word.len())
        .map(|&(word, code)| (word.len(), code))
}

/// The main unit of money at the start of `rest` (元, 圆, 块, 蚊), its
/// length and the currency it names: none for 元 and 块, which are the
/// region's; HKD for Cantonese 蚊 outside Hong Kong and Macau.
fn main_unit(rest: &str, region: Option<Region>) -> Option<(usize, Option<&'static str>)> {
    let c = rest.chars().next()?;
    match c {
        '元' | '圆' => {
            let next = rest[c.len_utf8()..].chars().next();
            if next.is_some_and(|n| NOT_AFTER_YUAN.contains(n)) {
                return None;
            }
            Some((c.len_utf8(), None))
        }
        '块' => Some((c.len_utf8(), None)),
        '蚊' => match region {
            Some(Region::HongKong | Region::Macau) => Some((c.len_utf8(), None)),
            _ => Some((c.len_utf8(), Some("HKD"))),
        },
        _ => None,
    }
}

/// 块 is money before 钱, a digit (一块二), a qualifier, a range joiner or
/// the end of a phrase; `三块石头` is a count.
fn kuai_is_money(after: &str) -> bool {
    match after.chars().next() {
        None => true,
        Some(c) if chinese_digit(c).is_some() || c.is_ascii_digit() => true,
        Some(c) if "钱以左到至-~～—".contains(c) => true,
        Some(c) => !crate::text::normalize::is_han(c),
    }
}

/// A subunit at the start of `rest` written without a main unit: 角, 毛,
/// 毫 (tenths), 仙 (hundredths), and 分 after capital numerals (壹分).
fn subunit(rest: &str, numeric: &Numeric, text: &str) -> Option<(usize, f64)> {
    let c = rest.chars().next()?;
    let numeral_text = &text[numeric.numeral_start..numeric.span.end];
    match c {
        '角' | '毛' | '毫' => {
            let next = rest[c.len_utf8()..].chars().next();
            // 毛 in 毛利, 毛巾; 毫 in 毫米, 毫克.
            if next.is_some_and(|n| {
                crate::text::normalize::is_han(n) && chinese_digit(n).is_none() && !"钱".contains(n)
            }) || unit_at(rest).is_some_and(|u| u.len() > c.len_utf8())
            {
                return None;
            }
            Some((c.len_utf8(), 0.1))
        }
        '仙' => Some((c.len_utf8(), 0.01)),
        '分' if numeral_text
            .chars()
            .any(|c| "壹贰叁肆伍陆柒捌玖拾佰仟".contains(c)) =>
        {
            Some((c.len_utf8(), 0.01))
        }
        _ => None,
    }
}

/// Smaller units after a larger one worth `unit` (1 for 元): `5角`,
/// `1角1分`, `七毛八`, a bare digit (一块二 = 1.2, 七毛八 = 0.78),
/// `零四` (0.04). Returns the length read and the amount they add.
fn smaller_units(rest: &str, unit: f64) -> (usize, f64) {
    let mut pos = 0;
    let mut total = 0.0;
    let mut place = unit; // the unit just read
    loop {
        let here = &rest[pos..];
        let Some(numeral) = parse_numeral_at(here, 0) else {
            break;
        };
        if numeral.value >= 10.0 || numeral.value.fract() != 0.0 {
            break;
        }
        let after = &here[numeral.end..];
        let (len, value) = match after.chars().next() {
            Some('角' | '毛' | '毫') if place > 0.1 => ('角'.len_utf8(), 0.1),
            Some('分' | '仙') if place > 0.01 => ('分'.len_utf8(), 0.01),
            next => {
                // A bare digit names the next place down: 一块二, 七毛八.
                let joins_word = next.is_some_and(|n| {
                    crate::text::normalize::is_han(n) && !"钱到至以左".contains(n)
                });
                let is_zero_digit = here.starts_with('零');
                if joins_word || place <= 0.01 {
                    break;
                }
                if is_zero_digit && place >= 1.0 {
                    // 三蚊零四: 零 skips the tenths.
                    let digit = &here['零'.len_utf8()..];
                    let Some(d) = digit.chars().next().and_then(chinese_digit) else {
                        break;
                    };
                    let rest_after = &digit[3..];
                    if rest_after.starts_with(|n: char| {
                        crate::text::normalize::is_han(n) && !"钱到至以左".contains(n)
                    }) {
                        break;
                    }
                    total += f64::from(d) * place / 100.0;
                    pos += '零'.len_utf8() + 3;
                    break;
                }
                total += numeral.value * place / 10.0;
                pos += numeral.end;
                break;
            }
        };
        if here.starts_with('零') && numeral.value == 0.0 {
            break;
        }
        total += numeral.value * value;
        pos += numeral.end + len;
        place = value;
    }
    (pos, total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::Words;

    /// The amounts of `text` (read without a segmenter) as (text, amount,
    /// max, currency).
    fn amounts(text: &str) -> Vec<(&str, Option<f64>, Option<f64>, String)> {
        let words = Words::new(Vec::new());
        let context = Context::new(text, &words, None);
        let mut out = Vec::new();
        extract(&context, &mut out);
        out.into_iter()
            .map(|c| match c.value {
                Value::Money { quantity, currency } => (
                    &text[c.span.range()],
                    quantity.value(),
                    quantity.max(),
                    currency,
                ),
                other => panic!("not money: {other:?}"),
            })
            .collect()
    }

    fn one<'a>(
        text: &'a str,
        amount: f64,
        currency: &str,
    ) -> (&'a str, Option<f64>, Option<f64>, String) {
        (text, Some(amount), None, currency.to_string())
    }

    #[test]
    fn currency_names_symbols_and_codes() {
        assert_eq!(amounts("5美元"), [one("5美元", 5.0, "USD")]);
        assert_eq!(amounts("HK$3"), [one("HK$3", 3.0, "HKD")]);
        assert_eq!(amounts("RMB 100"), [one("RMB 100", 100.0, "CNY")]);
        assert_eq!(
            amounts("4.3亿元人民币"),
            [one("4.3亿元人民币", 430_000_000.0, "CNY")]
        );
        assert_eq!(amounts("新台币 177.1 亿元")[0].3, "TWD");
        // A currency named after 元 wins over 元's yuan.
        assert_eq!(amounts("三万元欧元"), [one("三万元欧元", 30000.0, "EUR")]);
        assert_eq!(amounts("5印度卢比"), [one("5印度卢比", 5.0, "INR")]);
    }

    #[test]
    fn words_that_are_no_money() {
        assert!(amounts("元旦").is_empty());
        assert!(amounts("三块石头").is_empty());
        assert!(amounts("3000").is_empty());
        assert!(amounts("5毫米").is_empty());
    }

    #[test]
    fn ranges_take_the_second_currency() {
        let range = |text, low, high, currency: &str| {
            vec![(text, Some(low), Some(high), currency.to_string())]
        };
        assert_eq!(
            amounts("五块六到五块七毛八"),
            range("五块六到五块七毛八", 5.6, 5.78, "CNY")
        );
        assert_eq!(
            amounts("1万(含)-5万元"),
            range("1万(含)-5万元", 10000.0, 50000.0, "CNY")
        );
        assert_eq!(
            amounts("从8500到3万港元"),
            range("从8500到3万港元", 8500.0, 30000.0, "HKD")
        );
        // The hyphen is a joiner, not the second amount's minus sign.
        assert_eq!(
            amounts("1万元-5万元"),
            range("1万元-5万元", 10000.0, 50000.0, "CNY")
        );
        // A falling pair is no range.
        assert_eq!(amounts("5万元至1万元").len(), 2);
    }

    #[test]
    fn subunits_after_and_without_a_main_unit() {
        assert_eq!(amounts("一块二"), [one("一块二", 1.2, "CNY")]);
        assert_eq!(amounts("七毛八"), [one("七毛八", 0.78, "CNY")]);
        assert_eq!(amounts("3元5角"), [one("3元5角", 3.5, "CNY")]);
        assert_eq!(amounts("1元1角1分"), [one("1元1角1分", 1.11, "CNY")]);
        assert_eq!(amounts("三蚊零四"), [one("三蚊零四", 3.04, "HKD")]);
        assert_eq!(amounts("五仙"), [one("五仙", 0.05, "CNY")]);
        assert_eq!(amounts("壹拾壹圆整"), [one("壹拾壹圆整", 11.0, "CNY")]);
        assert_eq!(amounts("100块钱"), [one("100块钱", 100.0, "CNY")]);
    }

    #[test]
    fn qualifiers_before_the_currency_and_after_the_unit() {
        let words = Words::new(Vec::new());
        let text = "约人民币3亿元";
        let context = Context::new(text, &words, None);
        let mut out = Vec::new();
        extract(&context, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].span, Span::new(0, text.len()));
        let Value::Money { quantity, .. } = &out[0].value else {
            panic!("not money")
        };
        assert_eq!(quantity.value(), Some(300_000_000.0));
        assert!(quantity.approx);
        assert_eq!(
            amounts("1.2元以下"),
            [("1.2元以下", None, Some(1.2), "CNY".to_string())]
        );
    }
}
