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
use crate::numeric::expr::{apply, qualifier_after, Numeric};
use crate::numeric::numeral::{chinese_digit, clean, parse_numeral_at};
use crate::numeric::units::unit_at;
use crate::numeric::words::QUALIFIERS_BEFORE;
use crate::span::Span;

/// Currency names written after the amount, with their ISO 4217 codes.
/// Longest first.
const CURRENCY_NAMES: &[(&str, &str)] = &[
    ("新加坡元", "SGD"),
    ("印度卢比", "INR"),
    ("瑞士法郎", "CHF"),
    ("澳门元", "MOP"),
    ("澳门币", "MOP"),
    ("人民币", "CNY"),
    ("新台币", "TWD"),
    ("越南盾", "VND"),
    ("林吉特", "MYR"),
    ("美元", "USD"),
    ("美金", "USD"),
    ("欧元", "EUR"),
    ("日元", "JPY"),
    ("日币", "JPY"),
    ("英镑", "GBP"),
    ("港元", "HKD"),
    ("港币", "HKD"),
    ("台币", "TWD"),
    ("澳元", "AUD"),
    ("澳币", "AUD"),
    ("加元", "CAD"),
    ("加币", "CAD"),
    ("韩元", "KRW"),
    ("卢布", "RUB"),
    ("泰铢", "THB"),
    ("卢比", "INR"),
    ("新元", "SGD"),
    ("新西兰元", "NZD"),
    ("瑞典克朗", "SEK"),
    ("挪威克朗", "NOK"),
    ("丹麦克朗", "DKK"),
    ("墨西哥比索", "MXN"),
    ("菲律宾比索", "PHP"),
    ("巴基斯坦卢比", "PKR"),
    ("印尼盾", "IDR"),
    ("埃及镑", "EGP"),
    ("迪拉姆", "AED"),
    ("沙特里亚尔", "SAR"),
    ("雷亚尔", "BRL"),
    ("兰特", "ZAR"),
    ("里拉", "TRY"),
    ("奈拉", "NGN"),
    ("坚戈", "KZT"),
    ("格里夫纳", "UAH"),
    ("谢克尔", "ILS"),
    ("兹罗提", "PLN"),
];

/// Symbols and codes written before the amount.
const CURRENCY_SYMBOLS: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("NT$", "TWD"),
    ("S$", "SGD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("RMB", "CNY"),
    ("CNY", "CNY"),
    ("USD", "USD"),
    ("HKD", "HKD"),
    ("EUR", "EUR"),
    ("JPY", "JPY"),
    ("GBP", "GBP"),
    ("TWD", "TWD"),
    ("$", "USD"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("€", "EUR"),
    ("£", "GBP"),
];

/// Characters after 元 that make it part of another word (元旦, 元素).
const NOT_AFTER_YUAN: &str = "旦宵素首帅老勋件器气神月年化次代";

/// One parsed amount: its span, value and currency.
struct Amount {
    start: usize,
    end: usize,
    quantity: Quantity,
    currency: Option<&'static str>,
    /// True when a unit or symbol of money was written (not only digits).
    has_unit: bool,
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
        let mut rule = "money.amount";
        if amount.quantity.max.is_some()
            && amount.has_unit
            && context.before(amount.start).ends_with('从')
        {
            amount.start -= '从'.len_utf8();
        }
        // A range: 1万元--5万元, 1万(含)-5万元, 五块六到五块七毛八, 从8500到3万港元.
        if let Some(next) = numerics.get(i) {
            if let Some(second) = range_end(context, &amount, next) {
                amount.quantity.max = second.quantity.number;
                amount.end = second.end;
                if amount.currency.is_none() || !amount.has_unit {
                    amount.currency = second.currency;
                }
                amount.has_unit = true;
                if context.before(amount.start).ends_with('从') {
                    amount.start -= '从'.len_utf8();
                }
                rule = "money.range";
                i += 1;
            }
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
        out.push(Candidate {
            span: Span::new(amount.start, end),
            value: Value::Money {
                quantity: amount.quantity,
                currency: amount.currency.unwrap_or("CNY").to_string(),
            },
            rule,
        });
    }
}

/// When `next` starts right after `first` with a range joiner between,
/// the second amount of the range.
fn range_end(context: &Context<'_>, first: &Amount, next: &Numeric) -> Option<Amount> {
    if first.quantity.max.is_some() {
        return None;
    }
    let mut between = &context.text[first.end..next.span.start.max(first.end)];
    for inclusive in ["(含)", "（含）"] {
        between = between.strip_prefix(inclusive).unwrap_or(between);
    }
    if !["至", "到", "-", "--", "~", "～", "—", "——", "–"].contains(&between) {
        return None;
    }
    let second = amount_at(context, next)?;
    let (low, high) = (first.quantity.number?, second.quantity.number?);
    (second.has_unit && high > low).then_some(second)
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
    let prefix = CURRENCY_SYMBOLS
        .iter()
        .chain(CURRENCY_NAMES)
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
            if let Some((q, effect)) = QUALIFIERS_BEFORE.iter().find(|(q, _)| {
                context.before(start).ends_with(q)
                    && !(q.chars().count() == 1
                        && crate::numeric::expr::ends_a_word(text, start - q.len()))
            }) {
                if numeric.span.start == numeric.numeral_start {
                    start -= q.len();
                    apply(&mut quantity, *effect);
                }
            }
        }
    }
    let mut end = numeric.span.end;
    // A scale after a space: 177.1 亿元.
    if context.after(end).starts_with(' ') {
        let mut p = end + 1;
        let mut scale = 1.0;
        while let Some(b) = context
            .after(p)
            .chars()
            .next()
            .and_then(crate::numeric::numeral::big_unit)
        {
            scale *= b;
            p += 3;
        }
        let unit_follows =
            main_unit(context.after(p)).is_some() || suffix_currency(context.after(p)).is_some();
        if scale > 1.0 || unit_follows {
            scale_quantity(&mut quantity, scale);
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
        scale_quantity(&mut quantity, factor);
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

fn scale_quantity(quantity: &mut Quantity, factor: f64) {
    quantity.number = quantity.number.map(|n| clean(n * factor));
    quantity.max = quantity.max.map(|n| clean(n * factor));
}

/// A currency name at the start of `rest`: its length and ISO code.
fn suffix_currency(rest: &str) -> Option<(usize, &'static str)> {
    CURRENCY_NAMES
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
