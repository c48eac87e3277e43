//! Period: the time a number is about, the nearest time of its sentence
//! that is no base of comparison, else the time of the sentence that
//! introduces its list.

use super::Outline;
use crate::civil::datetime::DateTime;
use crate::fact::{Fact, Kind, Value};
use crate::span::Span;

/// How many facts back a reference (`同期`) looks for the time it stands for.
const MAX_NAMED_BACK: usize = 256;

/// The interval of a time fact that depends on what was named before it
/// (`同期`, `当月`).
fn context_interval(fact: &Fact) -> Option<(Option<DateTime>, Option<DateTime>)> {
    match fact.value {
        Value::Time {
            start,
            end,
            context_dependent: true,
        } => Some((start, end)),
        _ => None,
    }
}

/// The time fact of the sentence that the number at `i` is about: the
/// nearest before it that is not a base of comparison (比2022年, 较上年);
/// a reference back (同期, 这期间) stands for the time it refers to.
pub(super) fn period_before(
    text: &str,
    spans: &[Span],
    facts: &[Fact],
    i: usize,
    sentence_start: usize,
) -> Option<usize> {
    let mut found = None;
    let mut nearest = true;
    for j in (0..i).rev() {
        if spans[j].start < sentence_start {
            break;
        }
        if facts[j].kind() != Kind::Time {
            continue;
        }
        // A base of comparison: after 比, 较, 与, 和, 同, 优于, 低于 or 高于,
        // told by the characters before the time.
        let mut back = text[..spans[j].start].chars().rev();
        let base = match back.next() {
            Some('比' | '较' | '与' | '和' | '同') => true,
            Some('于') => matches!(back.next(), Some('优' | '低' | '高')),
            _ => false,
        };
        // 比第1季9291.33亿元: the value right after a base of comparison is
        // the value of that base.
        if base && nearest && names_its_value(&text[spans[j].end..spans[i].start]) {
            return Some(j);
        }
        nearest = false;
        if !base {
            found = Some(j);
            break;
        }
    }
    let mut j = found?;
    // 本财政年度首九个月…，截至2025年12月31日，录得…: the point a figure is
    // counted up to stands for the period named before it.
    if ["截至", "截止"]
        .iter()
        .any(|w| text[spans[j].start..].starts_with(w))
    {
        let period = (0..j)
            .rev()
            .take_while(|&k| spans[k].start >= sentence_start)
            .find(|&k| facts[k].kind() == Kind::Time && longer_than_a_day(&facts[k]));
        if let Some(period) = period {
            j = period;
        }
    }
    if let Some(interval) = context_interval(&facts[j]) {
        // 同期, 这期间: the time named before it that it stands for, among
        // the MAX_NAMED_BACK facts before it.
        let named = (j.saturating_sub(MAX_NAMED_BACK)..j).rev().find(|&k| {
            facts[k].kind() == Kind::Time
                && context_interval(&facts[k]).is_none()
                && matches!(facts[k].value, Value::Time { start, end, .. } if (start, end) == interval)
        });
        return named.or(Some(j));
    }
    Some(j)
}

/// True when the words between a base of comparison and a number name the
/// number as the base's value: nothing, or a Latin label (`较第1季EPS 0.15元`).
fn names_its_value(between: &str) -> bool {
    between.chars().count() <= 6
        && between
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '的')
}

/// True for a time that covers more than one day.
fn longer_than_a_day(fact: &Fact) -> bool {
    match fact.value {
        Value::Time {
            start: Some(start),
            end: Some(end),
            ..
        } => {
            let days =
                |t: DateTime| crate::civil::calendar::days_from_civil(t.year(), t.month(), t.day());
            days(end) - days(start) > 1
        }
        _ => false,
    }
}

/// The period of the sentence that introduces a list (`2023年全国早稻…如下：`)
/// for a number in one of the list's items (`一、全国早稻播种面积…`).
pub(super) fn period_of_introduction(
    text: &str,
    outline: &Outline,
    spans: &[Span],
    facts: &[Fact],
    i: usize,
    paragraph_start: usize,
) -> Option<usize> {
    let mut end = paragraph_start;
    // Walk back over the items before this one.
    loop {
        let before = text[..end].trim_end();
        if before.ends_with([':', '：']) {
            let intro_start = before.rfind(['\n', '。', '！', '？']).map_or(0, |p| {
                p + before[p..].chars().next().map_or(1, char::len_utf8)
            });
            let j = (0..i)
                .rev()
                .take_while(|&j| spans[j].start >= intro_start)
                .find(|&j| spans[j].end <= before.len() && facts[j].kind() == Kind::Time)?;
            return (spans[j].start >= intro_start).then_some(j);
        }
        // After the last line break in `before` (the outline's paragraphs
        // start after each).
        let paragraph = outline.paragraph_start(before.len());
        if cfg!(any(debug_assertions, test)) {
            assert_eq!(paragraph, before.rfind('\n').map_or(0, |p| p + 1));
        }
        let item = text[paragraph..].trim_start();
        // `一、` to `十、`.
        let mut opening = item.chars();
        let enumerated = matches!(
            opening.next(),
            Some('一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
        ) && opening.next() == Some('、');
        if paragraph == 0 || !enumerated || before.is_empty() {
            return None;
        }
        end = paragraph;
    }
}
