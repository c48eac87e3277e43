//! Period: the time a number is about, the nearest time of its sentence
//! that is no base of comparison, else the time of the sentence that
//! introduces its list.

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
    for j in (0..i).rev() {
        if spans[j].start < sentence_start {
            break;
        }
        if facts[j].kind() != Kind::Time {
            continue;
        }
        let before = &text[..spans[j].start];
        let base = ["比", "较", "与", "和", "同"]
            .iter()
            .any(|w| before.ends_with(w));
        if !base {
            found = Some(j);
            break;
        }
    }
    let j = found?;
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

/// The period of the sentence that introduces a list (`2023年全国早稻…如下：`)
/// for a number in one of the list's items (`一、全国早稻播种面积…`).
pub(super) fn period_of_introduction(
    text: &str,
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
        let paragraph = before.rfind('\n').map_or(0, |p| p + 1);
        let item = text[paragraph..].trim_start();
        let enumerated = [
            "一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、",
        ]
        .iter()
        .any(|e| item.starts_with(e));
        if paragraph == 0 || !enumerated || before.is_empty() {
            return None;
        }
        end = paragraph;
    }
}
