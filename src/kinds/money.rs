//! Money: amounts with a currency.
//!
//! `4.3亿元` → 430000000 CNY, `人民币4.3亿元`, `4.3亿元人民币`, `5美元`,
//! `US$5`, `￥100`, `新台币 177.1 亿元` (TWD), `3元5角` → 3.5, `一块二` →
//! 1.2, `七毛八` → 0.78, `壹拾壹圆整`, `100块钱`, ranges
//! (`3000至5000元`, `1万元--5万元`, `五块六到五块七毛八`) and qualifiers
//! (`近700万元`, `1.2元以下`, `超过3000亿元`).
//! `元旦`, `单元`, `三块石头` are not money.

use crate::context::{Candidate, Context};
use crate::fact::{Quantity, Value};
use crate::lexicon::rows;
use crate::numeric::expr::{
    apply, qualifier_after, qualifier_ending_at, range_joiner_at, scale, Numeric,
};
use crate::numeric::numeral::{chinese_digit, clean, parse_numeral_at};
use crate::numeric::units::unit_at;
use crate::span::Span;
use std::sync::LazyLock;

static CURRENCY_NAMES: &str = include_str!("../../data/words/money_currency_names.tsv");
static CURRENCY_SYMBOLS: &str = include_str!("../../data/words/money_currency_symbols.tsv");

/// Currency names (人民币, 美元) with their ISO 4217 codes, written before
/// or after the amount.
static NAMES: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| currency_list(CURRENCY_NAMES));
/// Symbols and codes written before the amount (US$, ￥, RMB), then the
/// names: everything that may stand before an amount.
static PREFIXES: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| {
    let mut list = currency_list(CURRENCY_SYMBOLS);
    list.extend(NAMES.iter().copied());
    list
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
    quantity: Quantity,
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
    let mut i = 0;
    while i < numerics.len() {
        let numeric = &numerics[i];
        i += 1;
        if context.before(numeric.numeral_start).ends_with('第') {
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
            i += 1;
        }
        if !amount.has_unit {
            continue;
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
        out.push(candidate(Span::new(amount.start, end), &amount));
    }
}

/// The fact of an amount: the one place a money value is built.
fn candidate(span: Span, amount: &Amount) -> Candidate {
    Candidate {
        span,
        value: Value::Money {
            quantity: amount.quantity,
            currency: amount.currency.unwrap_or("CNY").to_string(),
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
    if between.is_empty() || range_joiner_at(between, 0) != Some(between.len()) {
        return None;
    }
    let second = amount_at(context, next)?;
    let (low, high) = (first.quantity.number?, second.quantity.number?);
    if !(second.has_unit && high > low) {
        return None;
    }
    let mut range = Amount {
        end: second.end,
        quantity: Quantity {
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
    let before_trimmed = before.strip_suffix(' ').unwrap_or(before);
    let prefix = PREFIXES
        .iter()
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
    if context.after(end).starts_with(' ') {
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
        let unit_follows =
            main_unit(context.after(p)).is_some() || suffix_currency(context.after(p)).is_some();
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
    } else if let Some((len, code)) = main_unit(rest) {
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
        currency = currency.or(Some("CNY"));
        let (len, cents) = smaller_units(context.after(end), factor);
        end += len;
        add(&mut quantity, cents);
        subunits_read = true;
    }
    if !has_unit || subunits_read {
        return Some(Amount {
            start,
            end,
            quantity,
            currency,
            has_unit,
            rule: "money.amount",
        });
    }
    // Subunits after the main unit: 3元5角, 一块二, 三蚊零四.
    if !numeric.is_range {
        let (len, cents) = smaller_units(context.after(end), 1.0);
        end += len;
        add(&mut quantity, cents);
    }
    // 整 and 正 close an amount on cheques; 钱 follows 块 or 元.
    for closing in ["整", "正", "钱"] {
        if context.after(end).starts_with(closing) {
            end += closing.len();
            break;
        }
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

/// Adds `amount` to the value (or the upper bound, for `最多一块二`),
/// away from zero for negative amounts.
fn add(quantity: &mut Quantity, amount: f64) {
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
        .iter()
        .filter(|(word, _)| rest.starts_with(word))
        .max_by_key(|(word, _)| word.len())
        .map(|&(word, code)| (word.len(), code))
}

/// The main unit of money at the start of `rest` (元, 圆, 块, 蚊), its
/// length and the currency it implies.
fn main_unit(rest: &str) -> Option<(usize, Option<&'static str>)> {
    let c = rest.chars().next()?;
    match c {
        '元' | '圆' => {
            let next = rest[c.len_utf8()..].chars().next();
            if next.is_some_and(|n| NOT_AFTER_YUAN.contains(n)) {
                return None;
            }
            Some((c.len_utf8(), Some("CNY")))
        }
        '块' => Some((c.len_utf8(), Some("CNY"))),
        '蚊' => Some((c.len_utf8(), Some("HKD"))),
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
