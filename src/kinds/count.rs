//! Counts: a numeral with its classifier or measure word.
//!
//! `33个品牌` → 33 个 (noun 品牌), `1.3万名` → 13000 名, `159万吨` → 1590000
//! 吨, `100余项` → 100 项 approx, `5987.0公斤/公顷` → unit 公斤/公顷.
//! Units of time (`3年`, `5天`) make durations, not counts.

use crate::context::{Candidate, Context};
use crate::fact::Value;
use crate::lexicon::{set, WordSet};
use crate::numeric::expr::{apply, qualifier_after, scale, Numeric};
use crate::numeric::numeral::{can_start_numeral, chinese_digit, clean};
use crate::numeric::units::{unit_at, KILO_UNITS};
use crate::numeric::words::extra_unit_at;
use crate::numeric::Bounds;
use crate::span::Span;
use std::sync::LazyLock;

static UNIT_LED_NOUN_LIST: &str = include_str!("../../data/words/count_unit_led_nouns.txt");
static HALF_WORD_LIST: &str = include_str!("../../data/words/count_half_words.txt");

/// Words of 半 and a unit that name a thing (半场, a half of a match).
static HALF_WORDS: LazyLock<WordSet> = LazyLock::new(|| set(HALF_WORD_LIST));

/// Nouns that begin with a classifier's character (个人, 名单, 部门): after a
/// numeral they are the counted thing's name, not a classifier and a noun.
static UNIT_LED_NOUNS: LazyLock<WordSet> = LazyLock::new(|| set(UNIT_LED_NOUN_LIST));

/// The longest unit-led noun, in bytes.
static LONGEST_UNIT_LED_NOUN: LazyLock<usize> =
    LazyLock::new(|| UNIT_LED_NOUNS.iter().map(|w| w.len()).max().unwrap_or(0));

/// Adds the counts of `context` to `out`.
pub(crate) fn extract(context: &Context<'_>, out: &mut Vec<Candidate>) {
    half_unit(context, out);
    out.extend(
        context
            .numerics
            .iter()
            .filter_map(|numeric| numeral_unit(context, numeric)),
    );
}

/// 以9:2 雙城获胜: the second term of a score or ratio counts nothing.
fn is_second_term(before: &str) -> bool {
    before
        .strip_suffix([':', '：'])
        .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
}

/// A numeral and its unit: `33个`, `1.3万名`, `100余项`, `5987.0公斤/公顷`,
/// `三斤半`, `一米八`, `3000吨以上`.
fn numeral_unit(context: &Context<'_>, numeric: &Numeric) -> Option<Candidate> {
    let before = context.before(numeric.numeral_start);
    if before.ends_with('第') {
        return None; // an ordinal
    }
    if is_second_term(before) {
        return None;
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
    let unit = unit_at(rest).or_else(|| extra_unit_at(rest))?;
    if unit == "个" && rest.starts_with("个百分点") {
        return None;
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
    if starts_with_unit_led_noun(rest) {
        return None;
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
    Some(candidate(
        Span::new(numeric.span.start, end),
        quantity,
        unit,
        noun,
        rule,
    ))
}

/// The fact of a count: the one place a count value is built.
fn candidate(
    span: Span,
    quantity: Bounds,
    unit: String,
    noun: Option<String>,
    rule: &'static str,
) -> Candidate {
    Candidate {
        span,
        value: Value::Count {
            quantity: quantity.quantity(),
            unit,
            noun,
        },
        rule,
    }
}

/// True when `rest` starts with a noun led by a classifier's character.
fn starts_with_unit_led_noun(rest: &str) -> bool {
    let longest = (*LONGEST_UNIT_LED_NOUN).min(rest.len());
    rest.char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take_while(|&end| end <= longest)
        .any(|end| UNIT_LED_NOUNS.contains(&rest[..end]))
}

/// A count of half a unit: `半个`, `半斤`.
fn half_unit(context: &Context<'_>, out: &mut Vec<Candidate>) {
    // 半 is a numeric stop: the stops list it, with no search of the text.
    let halves = context.numeric_stops.from(0).filter(|&(_, c)| c == '半');
    for (pos, _) in halves {
        let rest = &context.text[pos + '半'.len_utf8()..];
        let Some(unit) = unit_at(rest) else { continue };
        if HALF_WORDS.contains(&context.text[pos..pos + '半'.len_utf8() + unit.len()]) {
            continue;
        }
        let before = context.before(pos).chars().next_back();
        if before.is_some_and(|c| {
            can_start_numeral(c) || unit_at(&context.text[pos - c.len_utf8()..]).is_some()
        }) {
            continue;
        }
        if crate::numeric::units::time_unit_at(&rest[unit.len()..]).is_some() && unit == "个" {
            continue; // 半个月 is a duration
        }
        out.push(candidate(
            Span::new(pos, pos + '半'.len_utf8() + unit.len()),
            Bounds::exact(0.5),
            unit.to_string(),
            None,
            "count.half_unit",
        ));
    }
}

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
