//! The numeral parser shared by every numeric kind.
//!
//! It reads one numeral at a byte offset of *normalized* text (Simplified,
//! half-width) and returns its value and extent. Forms:
//! - Arabic: `1234`, `1,234.5`, `.77`, `01.10`;
//! - Chinese: `一万三千`, `二百零三`, `两千六` (= 2600), `百二万`, `廿二`;
//! - capital (大写): `壹佰贰拾叁`, `参万肆仟`;
//! - digit by digit: `二〇二三`, `一七二零点一三四`;
//! - mixed: `1.3万`, `1万3千`, `200亿零四千230`;
//! - decimals with 点: `三点五`, `零点七七`.
//!
//! Signs, fractions, ranges and qualifiers are the callers' business.

use crate::work::{self, MAX_NUMERAL_CHARS};

/// A numeral found in normalized text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Numeral {
    /// Byte offset one past its last character.
    pub end: usize,
    /// Its value.
    pub value: f64,
    /// How it is written.
    pub form: NumeralForm,
}

/// How a numeral is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumeralForm {
    /// Arabic digits only (`1,234.5`).
    Arabic,
    /// Arabic digits with Chinese scale characters (`1.3万`, `1万3千`).
    Mixed,
    /// Chinese characters only, with place units (`一万三千`).
    Chinese,
    /// Chinese digits read one by one (`二〇二三`, `一二三`).
    DigitByDigit,
}

impl NumeralForm {
    /// True when the numeral holds no Arabic digit.
    pub fn is_chinese(self) -> bool {
        matches!(self, NumeralForm::Chinese | NumeralForm::DigitByDigit)
    }
}

/// The value of a Chinese digit character (`一`, `壹`, `两`, `〇`, `○`).
pub(crate) fn chinese_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' | '○' | 'Ｏ' => 0,
        '一' | '壹' | '幺' => 1,
        '二' | '贰' | '两' | '貮' => 2,
        '三' | '叁' | '参' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// True for the capital (大写) forms used on cheques and in contracts.
fn is_capital(c: char) -> bool {
    matches!(
        c,
        '壹' | '贰' | '貮' | '叁' | '肆' | '伍' | '柒' | '捌' | '玖' | '拾' | '佰' | '仟'
    )
}

/// Characters that are numerals only next to capital forms (`参` joins, `陆` land).
fn is_ambiguous_capital(c: char) -> bool {
    matches!(c, '参' | '陆')
}

/// The value of a place unit below ten thousand (`十`, `百`, `千` and capitals).
fn small_unit(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        _ => return None,
    })
}

/// Characters standing for whole tens: `廿` 20, `卅` 30, `卌` 40.
fn whole_tens(c: char) -> Option<f64> {
    Some(match c {
        '廿' => 20.0,
        '卅' => 30.0,
        '卌' => 40.0,
        _ => return None,
    })
}

/// The value of a large scale character: `万` 10^4, `亿` 10^8.
pub(crate) fn big_unit(c: char) -> Option<f64> {
    Some(match c {
        '万' => 1e4,
        '亿' => 1e8,
        '兆' => 1e12,
        _ => return None,
    })
}

/// True when `c` can begin a numeral.
#[inline]
pub(crate) fn can_start_numeral(c: char) -> bool {
    NUMERAL_STARTS.contains(c)
}

/// The characters of [`can_start_numeral`] as a table, for a scan to hold
/// on to rather than look up a static at every character.
pub(crate) fn numeral_starts() -> &'static crate::lexicon::CharBits {
    &NUMERAL_STARTS
}

/// The characters `starts_numeral` accepts, as a bitmap: one load a test.
static NUMERAL_STARTS: std::sync::LazyLock<crate::lexicon::CharBits> =
    std::sync::LazyLock::new(|| {
        crate::lexicon::CharBits::of(
            (0..0x10000u32)
                .filter_map(char::from_u32)
                .filter(|&c| starts_numeral(c)),
        )
    });

fn starts_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || chinese_digit(c).is_some()
        || small_unit(c).is_some()
        || whole_tens(c).is_some()
        || big_unit(c).is_some()
}

/// The end of the run of numeral characters starting at `pos` when it holds
/// more than [`MAX_NUMERAL_CHARS`] of them: such a run is no numeral, and a
/// scan skips it whole rather than trying each of its characters.
pub(crate) fn overlong_run_end(text: &str, pos: usize) -> Option<usize> {
    let numerals = numeral_starts();
    let mut count = 0;
    let mut end = pos;
    // Each character tested on the bitmap from its bytes, undecoded.
    while end < text.len() {
        let (starts, len) = numerals.at(text, end);
        if !starts {
            break;
        }
        end += len;
        count += 1;
    }
    work::add(count);
    (count > MAX_NUMERAL_CHARS).then_some(end)
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Token {
    Digit(u8),
    Arabic(f64),
    Small(f64),
    Tens(f64),
    Big(f64),
}

/// Reads the longest numeral starting at byte `start` of `text`.
///
/// `parse_numeral_at("共一万三千人", 3)` reads `一万三千` (13000) and ends
/// before `人`.
///
/// While the text's [`Numerals`] live, an offset is read once; a reader
/// that holds them asks them directly ([`Numerals::at`]).
///
/// [`Numerals`]: crate::numeric::memory::Numerals
/// [`Numerals::at`]: crate::numeric::memory::Numerals::at
pub(crate) fn parse_numeral_at(text: &str, start: usize) -> Option<Numeral> {
    crate::numeric::memory::remembered(text, start, read_numeral_at)
}

/// [`parse_numeral_at`], read afresh.
pub(crate) fn read_numeral_at(text: &str, start: usize) -> Option<Numeral> {
    let numeral = scan(text, start, true)?;
    // 参 and 陆 count as numerals only among other capital forms.
    let run = &text[start..numeral.end];
    if run.chars().any(is_ambiguous_capital) && !run.chars().any(is_capital) {
        return scan(text, start, false);
    }
    Some(numeral)
}

/// Reads the numeral at `start`; a run of numeral characters longer than
/// [`MAX_NUMERAL_CHARS`] is none, so that a scan reads a bounded number of
/// characters wherever it starts.
fn scan(text: &str, start: usize, allow_ambiguous: bool) -> Option<Numeral> {
    if text.as_bytes().get(start).is_some_and(u8::is_ascii_digit) {
        // No digits read (a run too long), no numeral: the token scan
        // reads none either.
        let (value, end) = arabic_at(text, start)?;
        if let Some(numeral) = plain_arabic(text, start, value, end) {
            // Test builds read it token by token as well.
            if cfg!(any(debug_assertions, test)) {
                assert_eq!(
                    Some(numeral),
                    scan_tokens(text, start, allow_ambiguous),
                    "{:?}",
                    &text[start..]
                );
            }
            return Some(numeral);
        }
    }
    scan_tokens(text, start, allow_ambiguous)
}

/// The numeral of the Arabic digits at `start..end`, of value `value`, when
/// nothing after them goes on with it (most numerals): what the token scan
/// makes of them, without its tokens. `None` before a place unit, a scale
/// or `点` (`3千`, `1.3万`, `3点5`), which the token scan reads.
fn plain_arabic(text: &str, start: usize, value: f64, end: usize) -> Option<Numeral> {
    let goes_on = |c: char| {
        small_unit(c).is_some() || whole_tens(c).is_some() || big_unit(c).is_some() || c == '点'
    };
    if text[end..].chars().next().is_some_and(goes_on) {
        return None;
    }
    // The token scan counts its one token.
    work::add(1);
    // As the scan finds it: the double nearest the decimal written when
    // fifteen digits or fewer give it, else cleaned.
    let read_exactly =
        value.fract() != 0.0 && text[start..end].bytes().filter(u8::is_ascii_digit).count() <= 15;
    Some(Numeral {
        end,
        value: if read_exactly { value } else { clean(value) },
        form: NumeralForm::Arabic,
    })
}

/// [`scan`], token by token.
fn scan_tokens(text: &str, start: usize, allow_ambiguous: bool) -> Option<Numeral> {
    let bytes = text.as_bytes();
    // The tokens read, with their end offsets: a numeral is capped, so they
    // fit in a buffer on the stack.
    let mut buffer = [(Token::Digit(0), 0usize); MAX_NUMERAL_CHARS];
    let mut len = 0;
    let mut pos = start;
    let mut fraction: Option<(String, usize)> = None; // digits after 点, their end
    while let Some(c) = text[pos..].chars().next() {
        if len >= MAX_NUMERAL_CHARS {
            work::add(len);
            return None;
        }
        let next = pos + c.len_utf8();
        let last = len.checked_sub(1).map(|i| buffer[i].0);
        let token = if c.is_ascii_digit() {
            if matches!(last, Some(Token::Digit(d)) if d != 0)
                || matches!(last, Some(Token::Arabic(_)) | Some(Token::Tens(_)))
            {
                break;
            }
            let (value, end) = arabic_at(text, pos)?;
            buffer[len] = (Token::Arabic(value), end);
            len += 1;
            pos = end;
            if bytes.get(end) == Some(&b'.') {
                break;
            }
            continue;
        } else if let Some(d) = chinese_digit(c) {
            if !allow_ambiguous && is_ambiguous_capital(c) {
                break;
            }
            if matches!(last, Some(Token::Arabic(_))) {
                break;
            }
            // 两 after a digit is the unit tael (九两), except in 一两 (one or two).
            if c == '两' && matches!(last, Some(Token::Digit(p)) if p != 1) {
                break;
            }
            Token::Digit(d)
        } else if let Some(u) = small_unit(c) {
            Token::Small(u)
        } else if let Some(t) = whole_tens(c) {
            Token::Tens(t)
        } else if let Some(b) = big_unit(c) {
            // 兆 before a unit is the prefix mega (兆瓦), not 10^12.
            if c == '兆'
                && text[next..]
                    .starts_with(['瓦', '赫', '字', '帕', '焦', '比', '位', '欧', '克', '米'])
            {
                break;
            }
            Token::Big(b)
        } else if c == '点' && len > 0 {
            if let Some((digits, end)) = decimal_digits(text, next) {
                fraction = Some((digits, end));
                pos = end;
            }
            break;
        } else {
            break;
        };
        buffer[len] = (token, next);
        len += 1;
        pos = next;
    }
    work::add(len);
    if len == 0 {
        return None;
    }
    let tokens = &buffer[..len];
    // Scales after a decimal part: 三点五万, 一点三万亿.
    let mut scale = 1.0;
    if let Some((_, end)) = fraction {
        (scale, pos) = scales_at(text, end);
    }
    let (integer, used) = evaluate(tokens)?;
    let mut end = tokens[used - 1].1;
    let mut value = integer;
    if used == tokens.len() {
        if let Some((digits, _)) = &fraction {
            value += format!("0.{digits}").parse::<f64>().unwrap_or(0.0);
            value *= scale;
            end = pos;
        }
    }
    let has_arabic = tokens[..used]
        .iter()
        .any(|(t, _)| matches!(t, Token::Arabic(_)));
    let has_chinese = tokens[..used]
        .iter()
        .any(|(t, _)| !matches!(t, Token::Arabic(_)));
    let has_units = tokens[..used]
        .iter()
        .any(|(t, _)| matches!(t, Token::Small(_) | Token::Tens(_) | Token::Big(_)));
    let form = match (has_arabic, has_chinese, has_units) {
        (true, false, _) => NumeralForm::Arabic,
        (true, true, _) => NumeralForm::Mixed,
        (false, _, true) => NumeralForm::Chinese,
        (false, _, false) if used == 1 => NumeralForm::Chinese,
        (false, _, false) => NumeralForm::DigitByDigit,
    };
    // One run of Arabic digits (`12.5`) of at most fifteen digits is the
    // double nearest the decimal written (see `arabic_at`), and fifteen
    // significant digits give that decimal back: cleaning would leave it.
    let read_exactly = used == 1
        && end == tokens[0].1
        && matches!(tokens[0].0, Token::Arabic(_))
        && value.fract() != 0.0
        && text[start..end].bytes().filter(u8::is_ascii_digit).count() <= 15;
    Some(Numeral {
        end,
        value: if read_exactly { value } else { clean(value) },
        form,
    })
}

/// Rounds away binary noise (`1.3 * 10000`) to 15 significant digits.
pub(crate) fn clean(value: f64) -> f64 {
    if value.fract() == 0.0 || !value.is_finite() {
        return value;
    }
    // Written into a stack buffer: `-1.23456789012345e-300` fits in 32.
    let mut buffer = [0u8; 32];
    let mut cursor = std::io::Cursor::new(&mut buffer[..]);
    if std::io::Write::write_fmt(&mut cursor, format_args!("{value:.14e}")).is_err() {
        return value;
    }
    let written = cursor.position() as usize;
    std::str::from_utf8(&buffer[..written])
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(value)
}

/// The scale characters at `pos` (`万`, `亿`, `万亿`): their product and
/// where they end, reading at most [`MAX_NUMERAL_CHARS`] of them.
pub(crate) fn scales_at(text: &str, pos: usize) -> (f64, usize) {
    let mut scale = 1.0;
    let mut end = pos;
    for b in text[pos..]
        .chars()
        .map_while(big_unit)
        .take(MAX_NUMERAL_CHARS)
    {
        scale *= b;
        end += '万'.len_utf8();
    }
    work::add((end - pos) / 3);
    (scale, end)
}

/// The end of the run of ASCII digits at `pos`, or `None` when it is longer
/// than [`MAX_NUMERAL_CHARS`].
fn digits_end(bytes: &[u8], pos: usize) -> Option<usize> {
    let run = bytes[pos.min(bytes.len())..]
        .iter()
        .take(MAX_NUMERAL_CHARS + 1)
        .take_while(|b| b.is_ascii_digit())
        .count();
    work::add(run);
    (run <= MAX_NUMERAL_CHARS).then_some(pos + run)
}

/// The powers of ten a double holds exactly, from 10^0 to 10^15, as
/// `10f64.powi` gives them.
const POWERS_OF_TEN: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// Reads Arabic digits at `pos`: `1234`, `1,234,567`, `12.50`. Returns the
/// value and the end offset. A run of more than [`MAX_NUMERAL_CHARS`]
/// digits is no number.
pub(crate) fn arabic_at(text: &str, pos: usize) -> Option<(f64, usize)> {
    let bytes = text.as_bytes();
    let mut end = digits_end(bytes, pos)?;
    if end == pos {
        return None;
    }
    let mut groups = 0;
    // Thousands separators: groups of exactly three digits.
    if end - pos <= 3 {
        loop {
            let group = bytes.get(end + 1..end + 4);
            let after = bytes.get(end + 4);
            if bytes.get(end) == Some(&b',')
                && group.is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                && !after.is_some_and(u8::is_ascii_digit)
            {
                if end + 4 - pos > MAX_NUMERAL_CHARS {
                    work::add(end - pos);
                    return None;
                }
                groups += 1;
                end += 4;
            } else {
                break;
            }
        }
    }
    let whole_end = end;
    let mut fraction = None;
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        let frac_end = digits_end(bytes, end + 1)?;
        fraction = Some((end + 1, frac_end));
        end = frac_end;
    }
    // The digits as written, less their separators.
    let digits = |range: (usize, usize)| {
        bytes[range.0..range.1]
            .iter()
            .filter(|b| b.is_ascii_digit())
    };
    let whole = digits((pos, whole_end));
    let fraction_digits = fraction.map_or(0, |f| f.1 - f.0);
    let count = (whole_end - pos - groups) + fraction_digits;
    if count <= 15 {
        // Fifteen digits or fewer fit a double exactly, and so does their
        // power of ten: one correctly rounded division gives what parsing
        // the written number gives.
        // The digits of both parts are those of the whole span: its other
        // bytes are the separators and the point.
        let mantissa = bytes[pos..end]
            .iter()
            .filter(|b| b.is_ascii_digit())
            .fold(0u64, |m, &b| m * 10 + u64::from(b - b'0'));
        return Some((mantissa as f64 / POWERS_OF_TEN[fraction_digits], end));
    }
    let mut written: String = whole.map(|&b| b as char).collect();
    if let Some(f) = fraction {
        written.push('.');
        written.push_str(&text[f.0..f.1]);
    }
    written.parse::<f64>().ok().map(|v| (v, end))
}

/// Digits after a decimal point: Chinese (`三五`) or Arabic (`77`).
fn decimal_digits(text: &str, start: usize) -> Option<(String, usize)> {
    let mut digits = String::new();
    let mut pos = start;
    for c in text[start..].chars().take(MAX_NUMERAL_CHARS) {
        let d = if c.is_ascii_digit() {
            c as u8 - b'0'
        } else if let Some(d) = chinese_digit(c) {
            if c == '两' {
                break;
            }
            d
        } else {
            break;
        };
        digits.push(char::from(b'0' + d));
        pos += c.len_utf8();
    }
    (!digits.is_empty()).then_some((digits, pos))
}

/// Evaluates the integer tokens; returns the value and how many tokens
/// belong to the numeral (a malformed tail is left out).
fn evaluate(tokens: &[(Token, usize)]) -> Option<(f64, usize)> {
    let has_units = tokens
        .iter()
        .any(|(t, _)| matches!(t, Token::Small(_) | Token::Tens(_) | Token::Big(_)));
    if !has_units {
        return digits_one_by_one(tokens);
    }
    // Digits read one by one, then a scale: 一八八一亿 (Taiwan style).
    let leading_digits = tokens
        .iter()
        .take_while(|(t, _)| matches!(t, Token::Digit(_)))
        .count();
    let is_pair_range = leading_digits == 2
        && matches!((tokens[0].0, tokens[1].0), (Token::Digit(a), Token::Digit(b)) if b == a + 1);
    if leading_digits >= 2
        && !is_pair_range
        && matches!(tokens.get(leading_digits), Some((Token::Big(_), _)))
    {
        let (value, _) = digits_one_by_one(&tokens[..leading_digits])?;
        let mut scale = 1.0;
        let mut used = leading_digits;
        while let Some(&(Token::Big(b), _)) = tokens.get(used) {
            scale *= b;
            used += 1;
        }
        return Some((value * scale, used));
    }
    let mut total = 0.0;
    let mut section = 0.0;
    let mut pending: Option<(f64, bool)> = None; // value, is a lone Chinese digit
    let mut last_small: Option<f64> = None;
    let mut last_big: Option<f64> = None;
    let mut after_zero = false;
    let mut prev: Option<Token> = None;
    let mut used = 0;
    for (i, &(token, _)) in tokens.iter().enumerate() {
        match token {
            Token::Digit(0) => {
                if matches!(prev, Some(Token::Digit(d)) if d != 0) {
                    break;
                }
                after_zero = true;
            }
            Token::Digit(d) => {
                if matches!(prev, Some(Token::Digit(p)) if p != 0) || pending.is_some() {
                    break;
                }
                pending = Some((f64::from(d), true));
            }
            Token::Arabic(v) => {
                if pending.is_some() {
                    break;
                }
                pending = Some((v, false));
            }
            Token::Small(u) | Token::Tens(u) => {
                // Place units fall within a section: 十百 is no numeral.
                if last_small.is_some_and(|l| u >= l) {
                    break;
                }
                let multiplier = if matches!(token, Token::Tens(_)) {
                    if pending.is_some() {
                        break;
                    }
                    1.0
                } else {
                    pending.map_or(1.0, |(v, _)| v)
                };
                section += multiplier * u;
                pending = None;
                last_small = Some(if matches!(token, Token::Tens(_)) {
                    10.0
                } else {
                    u
                });
                after_zero = false;
            }
            Token::Big(b) => {
                let mut value = section + abbreviated(pending, prev, last_small, after_zero);
                if value == 0.0 && total == 0.0 {
                    value = 1.0;
                }
                if matches!(prev, Some(Token::Big(_))) && value == 0.0 {
                    total *= b; // 万万 = 10^8, 百万万 = 10^10
                } else if last_big.is_some_and(|l| b <= l) {
                    total += value * b;
                } else {
                    total = (total + value) * b;
                }
                last_big = Some(b);
                section = 0.0;
                pending = None;
                last_small = None;
                after_zero = false;
            }
        }
        prev = Some(token);
        used = i + 1;
    }
    if used == 0 {
        return None;
    }
    let tail = abbreviated(pending, prev, last_small, after_zero);
    // A trailing lone digit after 万 or 亿 abbreviates the next place: 三万五 = 35000.
    let tail = match (prev, pending) {
        (Some(Token::Digit(_)), Some((v, true))) if !after_zero => {
            let before = tokens[..used.saturating_sub(1)].last().map(|&(t, _)| t);
            match before {
                Some(Token::Big(b)) => v * b / 10.0,
                _ => tail,
            }
        }
        _ => tail,
    };
    Some((total + section + tail, used))
}

/// The value of a digit pending after a place unit, with the abbreviation
/// `两千六` = 2600 (a lone digit right after 百 or 千 stands for the next place).
fn abbreviated(
    pending: Option<(f64, bool)>,
    prev: Option<Token>,
    last_small: Option<f64>,
    after_zero: bool,
) -> f64 {
    match pending {
        None => 0.0,
        Some((v, true)) if !after_zero && matches!(prev, Some(Token::Digit(_))) => match last_small
        {
            Some(u) if u >= 100.0 => v * u / 10.0,
            _ => v,
        },
        Some((v, _)) => v,
    }
}

/// Chinese digits read one by one (`一九零三`), or a single digit.
fn digits_one_by_one(tokens: &[(Token, usize)]) -> Option<(f64, usize)> {
    // The digits in a stack buffer: a numeral has at most
    // MAX_NUMERAL_CHARS of them.
    let mut digits = [0u8; MAX_NUMERAL_CHARS];
    let mut used = 0;
    for (i, &(token, _)) in tokens.iter().enumerate() {
        match token {
            Token::Digit(d) if i < digits.len() => digits[i] = b'0' + d,
            Token::Arabic(v) if i == 0 => return Some((v, 1)),
            _ => break,
        }
        used = i + 1;
    }
    // One to nineteen digits fit a u64, and its conversion rounds as
    // parsing the digits does.
    if (1..=19).contains(&used) {
        let value = digits[..used]
            .iter()
            .fold(0u64, |v, &d| v * 10 + u64::from(d - b'0'));
        return Some((value as f64, used));
    }
    let text = std::str::from_utf8(&digits[..used]).ok()?;
    text.parse::<f64>().ok().map(|v| (v, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_of_powers_of_ten_is_what_powi_gives() {
        for (exponent, power) in POWERS_OF_TEN.iter().enumerate() {
            assert_eq!(*power, 10f64.powi(exponent as i32));
        }
    }

    fn value(text: &str) -> Option<(f64, &str)> {
        parse_numeral_at(text, 0).map(|n| (n.value, &text[..n.end]))
    }

    #[test]
    fn chinese_place_values() {
        for (text, expected) in [
            ("十", 10.0),
            ("十一", 11.0),
            ("一十一", 11.0),
            ("二百零三", 203.0),
            ("三万四千五百零七", 34507.0),
            ("一千零一万零一", 10010001.0),
            (
                "一千一百一十一万一千一百一十一亿一千一百一十一万一千一百一十一",
                1111111111111111.0,
            ),
            ("一亿五千万零六千三百五十五", 150006355.0),
            ("两千六", 2600.0),
            ("三万五", 35000.0),
            ("一百二", 120.0),
            ("百二万", 1200000.0),
            ("千一", 1100.0),
            ("万九", 19000.0),
            ("卅三", 33.0),
            ("廿二", 22.0),
            ("一万零卌", 10040.0),
            ("壹拾万零叁仟肆佰伍拾叁", 103453.0),
            ("参万肆仟伍佰陆拾柒", 34567.0),
            ("贰佰零参", 203.0),
        ] {
            assert_eq!(value(text), Some((expected, text)), "{text}");
        }
    }

    #[test]
    fn digit_by_digit_and_decimals() {
        for (text, expected) in [
            ("二〇二三", 2023.0),
            ("一七二零点一三四", 1720.134),
            ("零点零零零零一二三", 0.0000123),
            ("十二万三千点零", 123000.0),
            ("一百点123", 100.123),
            ("三点五亿", 350000000.0),
            ("零一", 1.0),
        ] {
            assert_eq!(value(text), Some((expected, text)), "{text}");
        }
    }

    #[test]
    fn arabic_and_mixed() {
        for (text, expected) in [
            ("1,040,000", 1040000.0),
            ("01.10", 1.1),
            ("1.3万", 13000.0),
            ("1万600", 10600.0),
            ("100万三千", 1003000.0),
            ("200亿零四千230", 20000004230.0),
            ("2.59万亿", 2.59e12),
        ] {
            assert_eq!(value(text), Some((expected, text)), "{text}");
        }
    }

    /// Decimals of up to fifteen digits need no cleaning, and integers of
    /// up to nineteen digits convert as they parse: the shortcuts `scan`
    /// and `digits_one_by_one` take.
    #[test]
    fn shortcuts_give_what_parsing_and_cleaning_give() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let digits = (next() % 15 + 1) as usize;
            let written = format!("{:0digits$}", next() % 10u64.pow(digits as u32));
            let point = (next() as usize) % (digits + 1);
            let decimal = format!("{}.{}", &written[..point], &written[point..]);
            let text = if point == 0 {
                format!("0{decimal}")
            } else {
                decimal
            };
            let (value, _) = arabic_at(&text, 0).unwrap();
            assert_eq!(value, text.parse::<f64>().unwrap(), "{text}");
            assert_eq!(clean(value), value, "{text}");
            let long = format!("{}", next() % 10u64.pow(19));
            assert_eq!(
                long.parse::<u64>().unwrap() as f64,
                long.parse::<f64>().unwrap()
            );
        }
        assert_eq!(value("三点五"), Some((3.5, "三点五")));
        assert_eq!(
            value("一九九九九九九九九九九九九九九九九九九"),
            Some((2e18, "一九九九九九九九九九九九九九九九九九九"))
        );
    }

    #[test]
    fn stops_where_the_numeral_stops() {
        assert_eq!(value("八点钟"), Some((8.0, "八")));
        assert_eq!(value("33个品牌"), Some((33.0, "33")));
        assert_eq!(value("1,2,3"), Some((1.0, "1")));
        assert_eq!(value("参加"), None);
        assert_eq!(value("陆续"), None);
        assert_eq!(value("2023.09.27").map(|v| v.1), Some("2023.09"));
    }

    /// What stands beside digits: separators, places, scales, 点 and
    /// characters that end a numeral.
    const PIECES: &[&str] = &[
        "1", "0", "9", "12", "1234567", ",", ".", "千", "万", "亿", "点", "兆", "瓦", "廿", "五",
        "十", "k", "%", "个", "参",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        /// `scan` reads plain Arabic numerals without tokens, and compares
        /// what it reads with the token scan in test builds.
        #[test]
        fn plain_arabic_numerals_read_as_the_token_scan_reads_them(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 1..12)
        ) {
            let text = pieces.concat();
            for start in (0..text.len()).filter(|&i| text.as_bytes()[i].is_ascii_digit()) {
                proptest::prop_assert_eq!(
                    scan(&text, start, true),
                    scan_tokens(&text, start, true)
                );
            }
        }
    }
}
