//! Numeric expressions shared by the number, ordinal, count, percent and
//! money extractors: a numeral with its sign, range and qualifiers.
//!
//! - sign: `负三`, `-3.8`, `- 1,200,000`;
//! - range: `3至5`, `5-10亿` (the scale carries back: 5亿 to 10亿), `三四`,
//!   `十五六`, `三五百`;
//! - approximation after the numeral: `100余`, `200多`, `100多万`;
//! - qualifiers before it: `约`, `近` (approx), `超过`, `逾` (at least),
//!   `不到`, `不足` (at most).
//!
//! Codes are not quantities: digits inside a run holding Latin letters
//! (`5G`, `PM2.5`, `ICP备10207392`), phone numbers (`0536-8196500`), long
//! identifiers, and Chinese numerals inside words (`两岸`, `一心一意`,
//! `统一`) are left out.

use crate::numeric::memory::Numerals;
use crate::numeric::numeral::{
    can_start_numeral, chinese_digit, clean, overlong_run_end, scales_at, Numeral, NumeralForm,
};
use crate::numeric::stops::Stops;
pub(crate) use crate::numeric::words::Qualifier;
use crate::numeric::words::{
    code_cues, ends_in_qualifier, is_currency_code, is_lexical_word, qualifiers_after,
    qualifiers_before,
};
use crate::numeric::Bounds;
use crate::span::Span;
use crate::text::segment::Words;
use crate::work::{self, MAX_CODE_RUN};

/// A numeric expression of the normalized text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Numeric {
    /// Qualifier, sign, numeral, range and 余/多: the fact's start and the
    /// end of the numeric part.
    pub span: Span,
    /// Where the sign or numeral begins (after a qualifier).
    pub numeral_start: usize,
    /// The value.
    pub quantity: Bounds,
    /// How the (first) numeral is written.
    pub form: NumeralForm,
    /// True when the expression is a range.
    pub is_range: bool,
    /// The denominator of a fraction (`四分之三`: 4), whose value is the
    /// quotient.
    pub denominator: Option<f64>,
}

impl Numeric {
    /// True when the expression is one plain numeral, without sign,
    /// qualifier or range.
    #[allow(dead_code)]
    pub fn is_plain(&self) -> bool {
        !self.is_range
            && !self.quantity.approx
            && !self.quantity.at_least
            && self.quantity.max.is_none()
    }
}

/// Finds every numeric expression of the text of `numerals`, left to
/// right, none inside another. `stops` are the text's [`Stops`]: the scan
/// looks at those characters only.
pub(crate) fn scan(numerals: &Numerals<'_>, words: &Words<'_>, stops: &Stops) -> Vec<Numeric> {
    let text = numerals.text();
    // Room for the expressions of an article: the list grows rarely.
    let mut found = Vec::with_capacity(32);
    let mut pos = 0;
    let starts = &*EXPRESSION_STARTS;
    for (at, c) in stops.from(0) {
        // Characters the scan has read past, and stops of other scans.
        if at < pos || !starts.contains(c) {
            continue;
        }
        pos = at;
        // A run of numeral characters too long for a numeral: skipped whole.
        if can_start_numeral(c) && !prev_char(text, pos).is_some_and(can_start_numeral) {
            if let Some(end) = overlong_run_end(text, pos) {
                pos = end;
                continue;
            }
        }
        if let Some(numeric) = numeric_at(numerals, pos, words) {
            pos = numeric.span.end.max(pos + c.len_utf8());
            found.push(numeric);
            continue;
        }
        // Skip the rest of a run of digits or letters we did not take, but
        // stop after a currency code (RMB100) or a label in capitals
        // (EPS1.23元), whose digits are judged on their own.
        let run_start = pos;
        pos += c.len_utf8();
        if c.is_ascii_alphanumeric() {
            // Whether the run so far is all capitals, kept as it grows.
            let mut capitals = c.is_ascii_uppercase();
            while let Some(next) = text[pos..].chars().next() {
                let continues = next.is_ascii_alphanumeric()
                    || next == '.' && text.as_bytes().get(pos + 1).is_some_and(u8::is_ascii_digit);
                let letters_so_far = &text[run_start..pos];
                let label_or_code =
                    capitals && letters_so_far.len() >= 2 || is_currency_code(letters_so_far);
                if !continues || (next.is_ascii_digit() && label_or_code) {
                    break;
                }
                capitals &= next.is_ascii_uppercase();
                pos += next.len_utf8();
            }
        }
    }
    found
}

/// True for the characters [`numeric_at`] may start at: numerals, the
/// vague 几 and 数, signs and a decimal point. (The tests' statement of
/// [`EXPRESSION_STARTS`] without the ASCII letters and digits.)
#[cfg(test)]
fn may_start_expression(c: char) -> bool {
    can_start_numeral(c) || matches!(c, '几' | '数' | '负' | '-' | '−' | '.')
}

/// The characters the scan stops at, as a bitmap: those [`numeric_at`]
/// may start at (numerals, the vague 几 and 数, signs and a decimal
/// point), and ASCII letters and digits (whose runs it reads whole). Every
/// one is in the Basic Multilingual Plane.
static EXPRESSION_STARTS: std::sync::LazyLock<crate::lexicon::CharBits> =
    std::sync::LazyLock::new(|| {
        // The numerals' bitmap copied, not built again from every character.
        let others = "几数负-−.".chars();
        let ascii = (0..0x80u8)
            .map(char::from)
            .filter(char::is_ascii_alphanumeric);
        crate::numeric::numeral::numeral_starts().with(ascii.chain(others))
    });

/// Vague numerals: `几十` (10 to 100), `数百万` (10^6 to 10^7), and
/// `十几` (10 to 20), `二十几万` (2×10^5 to 3×10^5).
/// `numeral_here` is the numeral at `pos`, read by the caller (none where
/// no numeral starts).
fn vague_at(numerals: &Numerals<'_>, pos: usize, numeral_here: Option<Numeral>) -> Option<Numeric> {
    let text = numerals.text();
    let rest = &text[pos..];
    let place = |c: char| match c {
        '十' => Some(10.0),
        '百' => Some(100.0),
        '千' => Some(1000.0),
        '万' => Some(1e4),
        '亿' => Some(1e8),
        _ => None,
    };
    let (min, max, mut end) = if matches!(first_char(rest), Some('几' | '数')) {
        let unit = rest[3..].chars().next().and_then(place)?;
        if rest[6..].starts_with("分之") {
            return None; // 预测数百分之七: 数 ends a word
        }
        (unit, unit * 10.0, pos + 6)
    } else {
        let numeral = numeral_here?;
        if !numeral.form.is_chinese()
            || !text.as_bytes()[..numeral.end].ends_with("十".as_bytes())
            || first_char(&text[numeral.end..]) != Some('几')
        {
            return None;
        }
        (numeral.value, numeral.value + 10.0, numeral.end + 3)
    };
    let scale;
    (scale, end) = scales_at(text, end);
    let mut quantity = Bounds {
        number: Some(min * scale),
        max: Some(max * scale),
        approx: true,
        at_least: false,
    };
    let start = qualifier_before(text, pos, false, &mut quantity);
    Some(Numeric {
        span: Span::new(start, end),
        numeral_start: pos,
        quantity,
        form: NumeralForm::Chinese,
        is_range: true,
        denominator: None,
    })
}

/// The numeric expression whose sign or numeral starts at `pos`.
fn numeric_at(numerals: &Numerals<'_>, pos: usize, words: &Words<'_>) -> Option<Numeric> {
    let text = numerals.text();
    let c = first_char(&text[pos..])?;
    // The numeral at `pos`, read once for the vague reading and the plain one.
    let numeral_here = if can_start_numeral(c) {
        numerals.at(pos)
    } else {
        None
    };
    if let Some(vague) = vague_at(numerals, pos, numeral_here) {
        return Some(vague);
    }
    // Sign.
    let (negative, numeral_pos) = if c == '负'
        || ((c == '-' || c == '−') && sign_allowed(text, pos))
    {
        let after = pos + c.len_utf8();
        let after = if text.as_bytes()[after..].starts_with(b" ") {
            after + 1
        } else {
            after
        };
        match text[after..].chars().next() {
            Some(d) if d.is_ascii_digit() || (c == '负' && can_start_numeral(d)) => (true, after),
            _ => return None,
        }
    } else if c == '.' {
        // `.77`
        if text.as_bytes().get(pos + 1).is_some_and(u8::is_ascii_digit)
            && !prev_char(text, pos).is_some_and(|p| p.is_ascii_alphanumeric() || p == '.')
        {
            (false, pos)
        } else {
            return None;
        }
    } else if can_start_numeral(c) {
        (false, pos)
    } else {
        return None;
    };
    let numeral = if text.as_bytes()[numeral_pos..].starts_with(b".") {
        let (value, end) = crate::numeric::numeral::arabic_at(text, numeral_pos + 1)?;
        let digits = end - numeral_pos - 1;
        Numeral {
            end,
            value: value / 10f64.powi(digits as i32),
            form: NumeralForm::Arabic,
        }
    } else if numeral_pos == pos {
        // No sign: the character at `pos` starts the numeral.
        numeral_here?
    } else {
        numerals.at(numeral_pos)?
    };
    let sign = if negative { -1.0 } else { 1.0 };
    // 15k, 3.2K: thousands, when no letter follows.
    let numeral = match &text.as_bytes()[numeral.end..] {
        [b'k' | b'K', next, ..] if next.is_ascii_alphabetic() => numeral,
        [b'k' | b'K', ..] if numeral.form == NumeralForm::Arabic => Numeral {
            end: numeral.end + 1,
            value: clean(numeral.value * 1000.0),
            form: NumeralForm::Mixed,
        },
        _ => numeral,
    };
    if let Some((value, end, denominator)) = fraction_after(numerals, numeral_pos, numeral) {
        let mut quantity = Bounds::exact(clean(sign * value));
        let start = qualifier_before(text, pos, negative, &mut quantity);
        return Some(Numeric {
            span: Span::new(start, end),
            numeral_start: pos,
            quantity,
            form: numeral.form,
            is_range: false,
            denominator: Some(denominator),
        });
    }
    if !is_quantity(text, numeral_pos, numeral, words) {
        return None;
    }
    let mut quantity = Bounds::exact(if negative {
        -numeral.value
    } else {
        numeral.value
    });
    let mut end = numeral.end;
    let mut is_range = false;
    // Ranges.
    if let Some((max, max_end, scale)) = range_after(numerals, numeral_pos, numeral, words) {
        let min = numeral.value * scale;
        if max > min && !negative {
            quantity.number = Some(clean(min));
            quantity.max = Some(max);
            end = max_end;
            is_range = true;
        }
    } else if numeral.form == NumeralForm::DigitByDigit {
        // 三四 is three or four, not thirty-four.
        let digits: Vec<u8> = text[numeral_pos..numeral.end]
            .chars()
            .filter_map(chinese_digit)
            .collect();
        if let [a, b] = digits[..] {
            if a > 0 && (b == a + 1 || (a, b) == (3, 5)) {
                quantity.number = Some(f64::from(a));
                quantity.max = Some(f64::from(b));
                is_range = true;
            }
        }
    }
    // A range that is all of a quotation is a name: “十四五”.
    if is_range && text[..pos].ends_with('“') && text[end..].starts_with('”') {
        return None;
    }
    // 余, 多 and a scale after them: 100余, 200多, 100多万.
    let after = &text[end..];
    if !is_range && matches!(first_char(after), Some('余' | '多')) {
        let (scale, e) = scales_at(text, end + '余'.len_utf8());
        quantity.number = quantity.number.map(|n| clean(n * scale));
        quantity.approx = true;
        end = e;
    }
    let start = qualifier_before(text, pos, negative, &mut quantity);
    Some(Numeric {
        span: Span::new(start, end),
        numeral_start: pos,
        quantity,
        form: numeral.form,
        is_range,
        denominator: None,
    })
}

/// Applies a qualifier written right before `pos` (`约`, `超过`) and
/// returns where the expression starts.
fn qualifier_before(text: &str, pos: usize, negative: bool, quantity: &mut Bounds) -> usize {
    if negative {
        return pos;
    }
    match qualifier_ending_at(text, pos) {
        Some((start, qualifier)) => {
            apply(quantity, qualifier);
            start
        }
        None => pos,
    }
}

/// The qualifier that ends at byte `pos` of `text` (`约` in `约300`,
/// `超过` in `超过5个`): where it starts and what it says. A one-character
/// qualifier that ends another word (`卖超`, `附近`, `节约`) is none.
///
/// ```text
/// qualifier_ending_at("约人民币", 3) == Some((0, Qualifier::Approx))
/// ```
pub(crate) fn qualifier_ending_at(text: &str, pos: usize) -> Option<(usize, Qualifier)> {
    let before = &text[..pos];
    let &(word, qualifier) = qualifiers_before()
        .at(before)
        .find(|(word, _)| before.ends_with(word))?;
    let start = pos - word.len();
    if word.chars().count() == 1 && ends_a_word(text, start) {
        return None;
    }
    Some((start, qualifier))
}

/// True when the character at `pos` ends a word with the one before it:
/// `超` in `卖超`, `近` in `附近`, `约` in `节约`.
fn ends_a_word(text: &str, pos: usize) -> bool {
    let Some(before) = text[..pos].chars().next_back() else {
        return false;
    };
    let Some(this) = text[pos..].chars().next() else {
        return false;
    };
    ends_in_qualifier(&text[pos - before.len_utf8()..pos + this.len_utf8()])
}

/// The range joiner at byte `pos` of `text` (`至`, `到`, `~`, `～`, `-`,
/// `--`, `–`, `—`, `——`) and its length in bytes, longest first: the one
/// list of joiners every kind with ranges reads (`3至5`, `1万元--5万元`,
/// `2017年8月11日至22日`).
pub(crate) fn range_joiner_at(text: &str, pos: usize) -> Option<usize> {
    let rest = text.get(pos..)?;
    if !first_char(rest).is_some_and(|c| RANGE_JOINER_FIRST_CHARS.contains(&c)) {
        return None;
    }
    RANGE_JOINERS
        .iter()
        .find(|joiner| rest.starts_with(*joiner))
        .map(|joiner| joiner.len())
}

/// Range joiners, longest first.
const RANGE_JOINERS: &[&str] = &["——", "--", "至", "到", "~", "～", "-", "–", "—"];

/// The characters the [`RANGE_JOINERS`] start with: most text after a
/// numeral starts with none, and is passed on one decoding.
const RANGE_JOINER_FIRST_CHARS: [char; 7] = ['—', '-', '至', '到', '~', '～', '–'];

/// Multiplies a quantity's value and upper bound by `factor` (`1.5千克`
/// read in kilograms, `三成` in percent, `5角` in yuan).
pub(crate) fn scale(quantity: &mut Bounds, factor: f64) {
    quantity.number = quantity.number.map(|n| clean(n * factor));
    quantity.max = quantity.max.map(|n| clean(n * factor));
}

/// A fraction whose first numeral is `numeral`: `X分之Y` (Y/X), `X分Y`
/// right before a unit (`四分一升`) or after 又 (`一又十分一`), Cantonese
/// `X份Y` standing alone (`二份一`), `a/b` in digits (`1/2`), and
/// `N又X分之Y`. Returns the value, its end and the denominator.
fn fraction_after(
    numerals: &Numerals<'_>,
    numeral_pos: usize,
    numeral: Numeral,
) -> Option<(f64, usize, f64)> {
    fraction_at(numerals, numeral_pos, numeral, false)
}

/// `fraction_after`; `mixed` when the fraction follows `N又`.
fn fraction_at(
    numerals: &Numerals<'_>,
    numeral_pos: usize,
    numeral: Numeral,
    mixed: bool,
) -> Option<(f64, usize, f64)> {
    let text = numerals.text();
    let rest = &text[numeral.end..];
    // Every fraction goes on with one of these: most numerals with none.
    if !matches!(first_char(rest), Some('分' | '又' | '份' | '/')) {
        return None;
    }
    let numerator_at = |pos: usize| -> Option<(f64, usize)> {
        let (sign, pos) = match text[pos..].strip_prefix('负') {
            Some(_) => (-1.0, pos + '负'.len_utf8()),
            None => (1.0, pos),
        };
        numerals.at(pos).map(|n| (sign * n.value, n.end))
    };
    if let Some(after) = rest.strip_prefix("分之") {
        let (y, end) = numerator_at(text.len() - after.len())?;
        return (numeral.value != 0.0).then(|| (y / numeral.value, end, numeral.value));
    }
    if numeral.form.is_chinese() || numeral.form == NumeralForm::Mixed {
        if let Some(after) = rest.strip_prefix('分') {
            let (y, end) = numerator_at(text.len() - after.len())?;
            let before_unit = crate::numeric::units::unit_at(&text[end..]).is_some();
            if (before_unit || mixed) && numeral.value != 0.0 && y < numeral.value {
                return Some((y / numeral.value, end, numeral.value));
            }
            return None;
        }
        if let Some(after) = rest.strip_prefix('又') {
            let x_pos = text.len() - after.len();
            let x = numerals.at(x_pos)?;
            let (value, end, denominator) = fraction_at(numerals, x_pos, x, true)?;
            return Some((numeral.value + value, end, denominator));
        }
        // 二份一, 十份十一: Cantonese fractions, only where nothing follows
        // (两份文件 counts copies).
        if let Some(after) = rest.strip_prefix('份') {
            let (y, end) = numerator_at(text.len() - after.len())?;
            let alone = text[end..]
                .chars()
                .next()
                .is_none_or(|c| !crate::text::normalize::is_han(c) && !c.is_ascii_alphanumeric());
            if alone && numeral.value >= 2.0 {
                return Some((y / numeral.value, end, numeral.value));
            }
            return None;
        }
        return None;
    }
    // 1/2, 3/4: small fractions in digits, not dates (2023/9/27) or codes.
    let after = rest.strip_prefix('/')?;
    let y_pos = text.len() - after.len();
    let y = numerals.at(y_pos)?;
    let is_integer = |n: &Numeral, pos: usize| {
        n.form == NumeralForm::Arabic && text[pos..n.end].bytes().all(|b| b.is_ascii_digit())
    };
    let clear_after = !text[y.end..].starts_with(|c: char| c == '/' || c.is_ascii_alphanumeric());
    let clear_before =
        !prev_char(text, numeral_pos).is_some_and(|c| c == '/' || c.is_ascii_alphanumeric());
    if is_integer(&numeral, numeral_pos)
        && is_integer(&y, y_pos)
        && clear_after
        && clear_before
        && numeral.value < y.value
        && y.value <= 10.0
    {
        return Some((numeral.value / y.value, y.end, y.value));
    }
    None
}

/// Applies a qualifier's meaning to a quantity.
pub(crate) fn apply(quantity: &mut Bounds, qualifier: Qualifier) {
    match qualifier {
        Qualifier::Approx => quantity.approx = true,
        Qualifier::AtLeast => {
            if quantity.max.is_none() {
                quantity.at_least = true;
            }
        }
        Qualifier::AtMost => {
            if quantity.max.is_none() {
                quantity.max = quantity.number.take();
            }
        }
    }
}

/// A qualifier after a quantity and its unit (`以上`, `左右`), with its length.
pub(crate) fn qualifier_after(rest: &str) -> Option<(usize, Qualifier)> {
    qualifiers_after()
        .at(rest)
        .find(|(word, _)| rest.starts_with(word))
        .map(|&(word, q)| (word.len(), q))
}

/// The first character of `text`: decoded in place, where a test through
/// `str::starts_with` calls the pattern machinery.
#[inline]
fn first_char(text: &str) -> Option<char> {
    text.chars().next()
}

fn prev_char(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// A minus sign, not a hyphen: nothing alphanumeric right before it.
fn sign_allowed(text: &str, pos: usize) -> bool {
    !prev_char(text, pos)
        .is_some_and(|p| p.is_ascii_alphanumeric() || p == ')' || p == '）' || p == '-')
}

/// The upper end of a range after `numeral`: `至5`, `-10亿`, `到十`, or
/// `六` in `十五六`, `五百` in `三五百`. Returns the maximum, its end, and
/// the scale the first numeral takes from the second (5-10亿: 10^8).
fn range_after(
    numerals: &Numerals<'_>,
    numeral_pos: usize,
    numeral: Numeral,
    words: &Words<'_>,
) -> Option<(f64, usize, f64)> {
    let text = numerals.text();
    let rest = &text[numeral.end..];
    let first = rest.chars().next()?;
    // 十五六, 三五百: a digit straight after a Chinese numeral.
    if numeral.form.is_chinese() && chinese_digit(first).is_some() {
        let last = text[..numeral.end]
            .chars()
            .next_back()
            .and_then(chinese_digit)?;
        let next = chinese_digit(first)?;
        // Neighbouring digits (三四, 十五六, 七八十) or 三五: a rough range.
        if !(next == last + 1 || (last, next) == (3, 5)) || last == 0 {
            return None;
        }
        let second = numerals.at(numeral.end)?;
        let scale = second.value / f64::from(next);
        if scale < 1.0 || scale.fract() != 0.0 {
            return None;
        }
        let first_scaled = if numeral.end - numeral_pos == first.len_utf8() {
            scale
        } else {
            // 十五六万: the first numeral's last digit pairs with the second.
            if second.value != f64::from(next) * scale {
                return None;
            }
            scale
        };
        return Some((
            second.value + (numeral.value - f64::from(last)) * first_scaled,
            second.end,
            first_scaled,
        ));
    }
    let second_pos = numeral.end + range_joiner_at(text, numeral.end)?;
    let mut second = numerals.at(second_pos)?;
    // 10~15k: thousands on the second numeral carry back to the first.
    let mut thousands = 1.0;
    if second.form == NumeralForm::Arabic
        && text[second.end..].starts_with(['k', 'K'])
        && !text[second.end + 1..].starts_with(|c: char| c.is_ascii_alphabetic())
    {
        second.value = clean(second.value * 1000.0);
        second.end += 1;
        thousands = 1000.0;
    }
    // Digits pair with digits, Chinese with Chinese; a scale may follow
    // either (两~3百, 1万-5万).
    let compatible = second.form.is_chinese() == numeral.form.is_chinese()
        || second.form == NumeralForm::Mixed
        || numeral.form == NumeralForm::Mixed;
    if !compatible || !is_quantity(text, second_pos, second, words) {
        return None;
    }
    // The scale written after the second numeral only (5-10亿, 两到三千)
    // applies to both, when that keeps the range rising.
    let second_text = &text[second_pos..second.end];
    let first_text = &text[numeral_pos..numeral.end];
    let mut scale = 1.0;
    for c in second_text.chars().rev() {
        let unit = crate::numeric::numeral::big_unit(c).or(match c {
            '十' | '拾' => Some(10.0),
            '百' | '佰' => Some(100.0),
            '千' | '仟' => Some(1000.0),
            _ => None,
        });
        match unit {
            Some(u) if !first_text.contains(c) => scale *= u,
            _ => break,
        }
    }
    scale *= thousands;
    if numeral.value * scale >= second.value {
        scale = 1.0;
    }
    Some((second.value, second.end, scale))
}

fn is_capital_numeral(c: char) -> bool {
    matches!(
        c,
        '壹' | '贰' | '叁' | '肆' | '伍' | '陆' | '柒' | '捌' | '玖' | '拾' | '佰' | '仟'
    )
}

/// False for numerals that are codes, identifiers or parts of words.
fn is_quantity(text: &str, pos: usize, numeral: Numeral, words: &Words<'_>) -> bool {
    let numeral_text = &text[pos..numeral.end];
    if numeral.form.is_chinese() {
        // A scale character alone is no numeral (`万元`, `千瓦`), unless a
        // digit follows it (`万九`, `千一`).
        let first = numeral_text.chars().next();
        if first.is_some_and(|c| matches!(c, '万' | '亿' | '兆' | '百' | '千' | '佰' | '仟'))
            && !numeral_text
                .chars()
                .skip(1)
                .any(|c| chinese_digit(c).is_some_and(|d| d > 0))
        {
            return false;
        }
        return chinese_numeral_stands_alone(text, pos, numeral.end, words);
    }
    // The run of code characters around the digits. Every code character
    // is ASCII, so the run is measured on bytes: a byte of a longer
    // character ends it, and its characters are its bytes.
    let is_code_byte = |b: &u8| {
        b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'.' | b'/' | b'_' | b'-' | b':' | b'#' | b'@' | b'%' | b'=' | b'&' | b'?'
            )
    };
    let bytes = text.as_bytes();
    // Read at most MAX_CODE_RUN characters each way: a longer run is a code.
    let read_before = bytes[..pos]
        .iter()
        .rev()
        .take(MAX_CODE_RUN + 1)
        .take_while(|b| is_code_byte(b))
        .count();
    let run_start = pos - read_before;
    let after = bytes[numeral.end..]
        .iter()
        .take(MAX_CODE_RUN + 1)
        .position(|b| !is_code_byte(b));
    let run_end = match after {
        Some(i) => numeral.end + i,
        None if text.len() - numeral.end <= MAX_CODE_RUN => text.len(),
        None => return false,
    };
    work::add(read_before + (run_end - numeral.end));
    if read_before > MAX_CODE_RUN {
        return false;
    }
    let whole_run = &text[run_start..run_end];
    // Most runs are digits with at most one decimal point, which no test
    // of codes holds: those are read no further (checked against the tests
    // in test builds).
    let plain_run = whole_run.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && whole_run.bytes().filter(|&b| b == b'.').count() <= 1;
    if plain_run {
        if cfg!(any(debug_assertions, test)) {
            assert!(
                !is_code_run(text, run_start, run_end, numeral_text),
                "{whole_run}"
            );
        }
    } else if is_code_run(text, run_start, run_end, numeral_text) {
        return false;
    }
    if is_phone_group(text, pos, numeral.end) {
        return false;
    }
    let digits = numeral_text.bytes().filter(u8::is_ascii_digit).count();
    let plain_integer = numeral_text.bytes().all(|b| b.is_ascii_digit());
    if plain_integer && (digits >= 11 || (digits >= 7 && numeral_text.starts_with('0'))) {
        return false;
    }
    if plain_integer && digits >= 5 && text[numeral.end..].starts_with('号') {
        return false;
    }
    if plain_integer && digits >= 5 {
        // The six characters before the run.
        let before_start = text[..run_start]
            .char_indices()
            .rev()
            .take(6)
            .last()
            .map_or(run_start, |(i, _)| i);
        let before = &text[before_start..run_start];
        if code_cues().iter().any(|w| before.contains(w)) {
            return false;
        }
    }
    true
}

/// True when the run of code characters `text[run_start..run_end]` around
/// the digits `numeral_text` makes them a code: letters other than a
/// thousands' k, a label or a currency code, a zero-led part of a number
/// joined by hyphens, separators of dates, clock times and versions, or an
/// address's `@` or `#`.
fn is_code_run(text: &str, run_start: usize, run_end: usize, numeral_text: &str) -> bool {
    let whole_run = &text[run_start..run_end];
    // Punctuation at the edges (电话:0550-3820116) is no part of the code.
    let run = trim_to_alphanumeric(whole_run);
    // Most runs hold digits only: their letters are collected only if any.
    let letters: String = if run.bytes().any(|b| b.is_ascii_alphabetic()) {
        run.chars().filter(char::is_ascii_alphabetic).collect()
    } else {
        String::new()
    };
    let is_thousands = (letters == "k" || letters == "K") && numeral_text.ends_with(['k', 'K']);
    // EPS1.23元: an abbreviation in capitals labels the amount after it.
    let is_label = run.strip_suffix(numeral_text).is_some_and(|label| {
        label.len() >= 2
            && label.bytes().all(|b| b.is_ascii_uppercase())
            && text[run_end..].starts_with('元')
    });
    if !letters.is_empty() && !is_thousands && !is_label && !is_currency_code(&letters) {
        return true;
    }
    let (mut hyphen_parts, mut zero_led_part) = (0, false);
    for part in run.split('-').filter(|p| !p.is_empty()) {
        hyphen_parts += 1;
        zero_led_part |= part.as_bytes().first() == Some(&b'0') && part.len() >= 3;
    }
    if hyphen_parts >= 2 && zero_led_part {
        return true; // 0536-8196500
    }
    // Separators between digits: 2023-09-27, 2023/9/27, 3.1.4, 20:53.
    let joined_by = |sep: u8| {
        run.as_bytes()
            .windows(3)
            .filter(|w| w[0].is_ascii_digit() && w[1] == sep && w[2].is_ascii_digit())
            .count()
    };
    if joined_by(b'.') >= 2
        || joined_by(b'-') >= 2
        || joined_by(b'/') >= 2
        || joined_by(b':') >= 1 && !is_score(run)
        || whole_run.bytes().any(|b| matches!(b, b'@' | b'#'))
    {
        return true; // dates, clock times, versions, addresses
    }
    false
}

/// `text` less what is not an ASCII letter or digit at either end: its
/// bytes read, as the ends of such a run are ASCII.
fn trim_to_alphanumeric(text: &str) -> &str {
    let bytes = text.as_bytes();
    let Some(first) = bytes.iter().position(u8::is_ascii_alphanumeric) else {
        return "";
    };
    let last = bytes
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .unwrap_or(first);
    &text[first..=last]
}

/// True for a score or ratio, `4:1`, `3:0`: one or two digits, a colon and
/// one digit (a clock's minutes have two).
fn is_score(run: &str) -> bool {
    match run.split_once(':') {
        Some((left, right)) => {
            (1..=2).contains(&left.len())
                && right.len() == 1
                && left
                    .bytes()
                    .chain(right.bytes())
                    .all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// True when the four digits at `start..end` are one group of a phone
/// number written in two groups of four (`2857 5472`, Hong Kong and Macau).
fn is_phone_group(text: &str, start: usize, end: usize) -> bool {
    let four = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    if !four(&text[start..end]) {
        return false;
    }
    let clear = |s: Option<char>| s.is_none_or(|c| !c.is_ascii_alphanumeric());
    let after = text.get(end + 1..end + 5);
    let pairs_after = text[end..].starts_with(' ')
        && after.is_some_and(four)
        && clear(text[end + 5..].chars().next());
    let before = start.checked_sub(5).and_then(|s| text.get(s..start - 1));
    let pairs_before = text[..start].ends_with(' ')
        && before.is_some_and(four)
        && clear(text[..start - 5].chars().next_back());
    pairs_after || pairs_before
}

/// True when a Chinese numeral is a word (or words) of its own: it starts
/// where a word starts (after 第 or a qualifier) and ends where one ends,
/// or inside a numeral-classifier word (`一个`). `两岸`, `统一`,
/// `一心一意` and lexicalized words (`十分`, `千万`, `万一`) fail.
fn chinese_numeral_stands_alone(text: &str, start: usize, end: usize, words: &Words<'_>) -> bool {
    if words.all().is_empty() {
        return true;
    }
    // Capital numerals (壹贰叁) exist to be unambiguous: no word holds them.
    if text[start..end].chars().any(is_capital_numeral) {
        return true;
    }
    let Some(first) = words.at(start) else {
        return true;
    };
    if is_lexical_word(&text[first.span.start..first.span.end]) {
        return false;
    }
    // A numeral of three characters or more (一七二三) is no word's tail.
    if first.span.start < start && text[start..end].chars().count() < 3 {
        let head = &text[first.span.start..start];
        if !head.chars().all(|c| {
            matches!(
                c,
                '第' | '约'
                    | '近'
                    | '逾'
                    | '超'
                    | '负'
                    | '共'
                    | '达'
                    | '计'
                    | '每'
                    | '前'
                    | '后'
                    | '头'
                    | '首'
            )
        }) {
            return false;
        }
    }
    // The word of the numeral's last character: most often the first word
    // again, already found no lexical word.
    let same_word = first.span.end >= end;
    let last = if same_word {
        first
    } else {
        let Some(last) = words.at(end - 1) else {
            return true;
        };
        last
    };
    if last.span.end > end {
        if !same_word && is_lexical_word(&text[last.span.start..last.span.end]) {
            return false;
        }
        let remainder = &text[end..last.span.end];
        let money_unit = remainder.chars().count() <= 2
            && remainder.starts_with(['元', '圆', '块', '毛', '角', '仙', '蚊', '毫']);
        return money_unit
            || matches!(last.tag, "m" | "mq" | "q" | "t")
            || ["至", "到", "余", "多", "成", "半", "分之"].contains(&remainder)
            || crate::numeric::units::unit_at(remainder) == Some(remainder)
            || crate::numeric::words::extra_unit_at(remainder) == Some(remainder)
            || crate::numeric::units::time_unit_at(remainder) == Some(remainder);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_start_of_an_expression_is_a_numeric_stop() {
        let missing = (0..0x10000u32)
            .filter_map(char::from_u32)
            .filter(|&c| EXPRESSION_STARTS.contains(c))
            .find(|&c| !crate::numeric::stops::may_stop(c));
        assert_eq!(missing, None);
    }

    #[test]
    fn the_bitmap_holds_the_starts_of_expressions() {
        for code in 0..0x10000 {
            let starts = char::from_u32(code)
                .is_some_and(|c| c.is_ascii_alphanumeric() || may_start_expression(c));
            assert_eq!(EXPRESSION_STARTS.contains_code(code), starts, "{code:x}");
        }
    }

    #[test]
    fn trimming_to_alphanumerics_trims_as_by_characters() {
        for text in [
            "电话:0550-3820116。",
            "(5G)",
            "——",
            "",
            "a",
            "：12，",
            "é1é",
        ] {
            let by_characters = text.trim_matches(|c: char| !c.is_ascii_alphanumeric());
            assert_eq!(trim_to_alphanumeric(text), by_characters, "{text}");
        }
    }

    #[test]
    fn every_range_joiner_starts_with_one_of_the_first_characters() {
        for joiner in RANGE_JOINERS {
            assert!(joiner.starts_with(RANGE_JOINER_FIRST_CHARS), "{joiner}");
        }
    }
}
