//! Durations: lengths of time in seconds (a month is 30 days, a year 365).
//!
//! `三天`, `两年半`, `一个半小时`, `半个钟`, `1小时30分钟`, `两年零三个月`,
//! `36天5小时30分`, `五分半钟`, `分半`, `三天三夜`, `15个交易日` (no
//! value: trading days are not calendar days). Years in dates (`2023年`,
//! `二〇二三年`) and months by name (`三月`) are times, not durations.

use crate::context::{Candidate, Context};
use crate::fact::Value;
use crate::numeric::memory::Numerals;
use crate::numeric::numeral::NumeralForm;
use crate::numeric::units::{time_unit_word_at, time_unit_word_before, TimeUnitWord};
use crate::span::Span;

/// The word of duration at the start of `rest`, from the shared table of time units.
fn unit_at(rest: &str) -> Option<&'static TimeUnitWord> {
    time_unit_word_at(rest, |w| w.in_durations)
}

/// Adds the durations of `context` to `out`.
pub(crate) fn extract(context: &Context<'_>, out: &mut Vec<Candidate>) {
    let text = context.text;
    let numerals = crate::numeric::numeral::numeral_starts();
    // The scan looks at the numeric stops only, and resumes at `from`
    // after each duration.
    let mut from = 0;
    for (pos, c) in context.numeric_stops.from(0) {
        if pos < from || !may_start(c) {
            continue;
        }
        let previous = text[..pos].chars().next_back();
        let starts = !previous
            .is_some_and(|p| p.is_ascii_digit() || (numerals.contains(p) && !p.is_ascii()));
        // 第34分钟: a point in a match, not a length.
        let starts = starts && previous != Some('第');
        if starts {
            if let Some((end, seconds)) = duration_at(&context.numerals, pos) {
                out.push(candidate(
                    Span::new(qualified_start(text, pos), end),
                    seconds,
                ));
                from = end;
            }
        }
    }
}

/// True for the characters a duration may start at: a numeral, 半, 个
/// (个半钟), 分 (分半), 俩 and 几. Each is a numeric stop.
fn may_start(c: char) -> bool {
    crate::numeric::numeral::can_start_numeral(c) || matches!(c, '半' | '个' | '分' | '俩' | '几')
}

/// The start of a duration with the hedge that touches it (近七年, 约8个月),
/// unless the hedge ends another word (最近, 附近, 接近).
fn qualified_start(text: &str, pos: usize) -> usize {
    let before = &text[..pos];
    for hedge in ["大约", "将近", "约", "近"] {
        if let Some(rest) = before.strip_suffix(hedge) {
            if hedge == "近" && rest.ends_with(['最', '附', '临', '邻', '靠', '接', '晚']) {
                return pos;
            }
            return rest.len();
        }
    }
    pos
}

/// The fact of a duration: `seconds` is None for units of no fixed length.
fn candidate(span: Span, seconds: Option<f64>) -> Candidate {
    Candidate {
        span,
        value: Value::Duration { seconds },
        rule: "duration.duration_at",
    }
}

/// One amount of one unit: its seconds (None when the unit has no fixed
/// length) and its end.
fn term_at(numerals: &Numerals<'_>, pos: usize, first: bool) -> Option<(Option<f64>, usize)> {
    let text = numerals.text();
    let rest = &text[pos..];
    // 分半, 分半钟: a minute and a half; 个半钟: an hour and a half. Most
    // terms start with neither character, and compare no word.
    if first && rest.starts_with(['分', '个']) {
        for (word, seconds) in [("分半钟", 90.0), ("分半", 90.0), ("个半钟", 5400.0)] {
            if rest.starts_with(word) {
                return Some((Some(seconds), pos + word.len()));
            }
        }
    }
    let (count, mut p, half_before, chinese) = if let Some(after) = rest.strip_prefix('半') {
        // 半个 or 半.
        let after = after.strip_prefix('个').unwrap_or(after);
        (0.5, text.len() - after.len(), true, true)
    } else if let Some(after) = rest.strip_prefix('俩') {
        (2.0, text.len() - after.len(), false, true)
    } else {
        let numeral = numerals.at(pos)?;
        if numeral.value <= 0.0 {
            return None;
        }
        let written = &text[pos..numeral.end];
        // 2023年, 二〇二三年: years of the calendar.
        let year_like = numeral.form == NumeralForm::DigitByDigit
            || (numeral.form == NumeralForm::Arabic
                && written.len() == 4
                && !written.contains('.'));
        if year_like && text[numeral.end..].starts_with('年') {
            return None;
        }
        (numeral.value, numeral.end, false, numeral.form.is_chinese())
    };
    if text[p..].starts_with(' ') {
        p += 1; // 1 秒钟
    }
    let mut count = count;
    let mut with_ge = half_before;
    if let Some(after) = text[p..]
        .strip_prefix('个')
        .and_then(|a| a.strip_prefix('半'))
    {
        count += 0.5;
        with_ge = true;
        p = text.len() - after.len();
    }
    let unit = unit_at(&text[p..])?;
    let (word, seconds, needs_more) = (unit.word, unit.seconds, unit.needs_ge_or_half);
    let mut end = p + word.len();
    if word == "日" && (!chinese || rest.starts_with(['廿', '卅'])) {
        return None; // 27日 and 廿九日 are dates
    }
    // 八十周年 is an anniversary; 半年报, 半年度, 27年度 are periods of
    // reports and budgets.
    let after = &text[end..];
    if (word == "周" && after.starts_with('年'))
        || (word == "年" && after.starts_with(['度', '报']))
    {
        return None;
    }
    // 分 alone is minutes only with 半 or 钟 after it (五分半钟, 五分钟).
    if needs_more {
        let after = &text[end..];
        if word == "分" && first && !after.starts_with('半') {
            return None;
        }
        if (word == "钟" || word == "月") && !with_ge {
            return None;
        }
        if word == "时" && first {
            return None; // 20时 alone is a clock time
        }
    }
    // 两年半, 五分半钟.
    if text[end..].starts_with('半') && !text[end..].starts_with("半年") {
        count += 0.5;
        end += '半'.len_utf8();
        if word == "分" && text[end..].starts_with('钟') {
            end += '钟'.len_utf8();
        }
    }
    if seconds == 0.0 {
        return Some((None, end));
    }
    Some((Some(count * seconds), end))
}

/// A duration of one or more terms at `pos` of the text of `numerals`:
/// its end and seconds.
fn duration_at(numerals: &Numerals<'_>, pos: usize) -> Option<(usize, Option<f64>)> {
    let text = numerals.text();
    let (first, mut end) = term_at(numerals, pos, true)?;
    // 三天三夜: the nights add nothing.
    let mut total = first;
    loop {
        let mut p = end;
        // 两年零三个月, 8天又二十个小时, 一年多三个月, 8小时余50分钟.
        let joined = ['零', '又', '多', '余']
            .into_iter()
            .find(|c| text[p..].starts_with(*c));
        if let Some(c) = joined {
            p += c.len_utf8();
        }
        let explicit = matches!(joined, Some('又'));
        let Some((more, more_end)) = term_at(numerals, p, false) else {
            break;
        };
        let unit_of =
            |e: usize| time_unit_word_before(&text[..e], |w| w.in_durations).map(|u| u.seconds);
        let (previous_unit, next_unit) = (unit_of(end), unit_of(more_end));
        // Terms go from larger units to smaller (两年零三个月), or a night after days.
        let night = text[..more_end].ends_with('夜');
        if !night && !explicit && previous_unit.zip(next_unit).is_some_and(|(a, b)| b >= a) {
            break;
        }
        total = match (total, more) {
            (Some(a), Some(b)) => Some(a + b),
            (a, None) if night => a,
            _ => None,
        };
        end = more_end;
    }
    if first.is_none() && total.is_some() {
        return None;
    }
    Some((end, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_start_of_a_duration_is_a_numeric_stop() {
        let missing = (0..0x10000u32)
            .filter_map(char::from_u32)
            .filter(|&c| may_start(c))
            .find(|&c| !crate::numeric::stops::may_stop(c));
        assert_eq!(missing, None);
    }

    fn duration_at(text: &str, pos: usize) -> Option<(usize, Option<f64>)> {
        super::duration_at(&Numerals::new(text), pos)
    }

    #[test]
    fn durations_in_seconds() {
        assert_eq!(
            duration_at("两年零三个月", 0),
            Some((18, Some(70_848_000.0)))
        );
        assert_eq!(duration_at("一个半小时", 0), Some((15, Some(5400.0))));
        assert_eq!(duration_at("5个工作日", 0), Some((13, None)));
        // 三月 is a month and 20时 a clock time, not lengths.
        assert_eq!(duration_at("三月", 0), None);
        assert_eq!(duration_at("20时", 0), None);
    }
}
