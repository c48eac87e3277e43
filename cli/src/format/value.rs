//! A fact's normalized value as a person reads it: `≥98%`, `4.3亿` as
//! `430,000,000 CNY`, a period as `[2023-09-01, 2023-10-01)`.
//!
//! The text is made from the value's JSON (what the report writes), so a
//! field the library adds later still shows, as `field=value`.

use serde_json::{Map, Value as Json};
use std::fmt::Write as _;
use zhfacts::{Fact, Kind};

/// The value of `fact`, short and readable.
pub fn describe(fact: &Fact) -> String {
    let json = serde_json::to_value(&fact.value).unwrap_or(Json::Null);
    let Json::Object(fields) = json else {
        return json.to_string();
    };
    let mut used: Vec<&str> = Vec::new();
    let mut text = match fact.kind() {
        Kind::Number | Kind::Ordinal => quantity(&fields, "number", &mut used),
        Kind::Count => {
            let mut text = quantity(&fields, "number", &mut used);
            if let Some(unit) = string(&fields, "unit", &mut used) {
                let _ = write!(text, " {unit}");
            }
            if let Some(noun) = string(&fields, "noun", &mut used) {
                let _ = write!(text, " ({noun})");
            }
            text
        }
        Kind::Percent => {
            let mut text = quantity(&fields, "number", &mut used);
            used.push("points");
            if fields.get("points") == Some(&Json::Bool(true)) {
                text.push_str(" points");
            } else {
                text.push('%');
            }
            text
        }
        Kind::Money => {
            let mut text = quantity(&fields, "amount", &mut used);
            if let Some(currency) = string(&fields, "currency", &mut used) {
                let _ = write!(text, " {currency}");
            }
            text
        }
        Kind::Time => period(&fields, &mut used),
        Kind::Duration => match fields.get("seconds").and_then(Json::as_f64) {
            Some(seconds) => {
                used.push("seconds");
                duration(seconds)
            }
            None => String::new(),
        },
        _ => string(&fields, "name", &mut used)
            .unwrap_or_default()
            .to_string(),
    };
    for (key, value) in &fields {
        if !used.contains(&key.as_str()) {
            let value = match value {
                Json::String(s) => s.clone(),
                other => other.to_string(),
            };
            let _ = write!(text, " {key}={value}");
        }
    }
    text.trim().to_string()
}

fn string<'a>(
    fields: &'a Map<String, Json>,
    key: &'static str,
    used: &mut Vec<&'static str>,
) -> Option<&'a str> {
    used.push(key);
    fields.get(key).and_then(Json::as_str)
}

/// `12.6`, `≈100`, `≥98`, `≤5`, `3–5`, or `?` when the text gives none.
fn quantity(fields: &Map<String, Json>, first: &'static str, used: &mut Vec<&str>) -> String {
    used.extend([first, "max", "bound", "approx"]);
    let number = fields.get(first).and_then(Json::as_f64);
    let max = fields.get("max").and_then(Json::as_f64);
    let at_least = fields.get("bound").and_then(Json::as_str) == Some("min");
    let approx = fields.get("approx") == Some(&Json::Bool(true));
    let body = match (number, max) {
        (Some(min), Some(max)) => format!("{}–{}", number_text(min), number_text(max)),
        (Some(v), None) if at_least => format!("≥{}", number_text(v)),
        (Some(v), None) => number_text(v),
        (None, Some(max)) => format!("≤{}", number_text(max)),
        (None, None) => "?".to_string(),
    };
    if approx {
        format!("≈{body}")
    } else {
        body
    }
}

/// A number with thousands grouped: `2,590,000,000,000`, `12.6`.
pub fn number_text(value: f64) -> String {
    if value.fract() != 0.0 || value.abs() >= 1e18 {
        return value.to_string();
    }
    let digits = format!("{}", value.abs() as u64);
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0.0 {
        grouped.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// `[start, end)` with zero seconds, a midnight, and the end's date when
/// it is the start's left out; `from …`,
/// `before …`, or `unresolved`.
fn period(fields: &Map<String, Json>, used: &mut Vec<&str>) -> String {
    used.extend(["start", "end", "context_dependent"]);
    let start = fields.get("start").and_then(Json::as_str).map(moment);
    let end = fields.get("end").and_then(Json::as_str).map(moment);
    let mut text = match (start, end) {
        // Within one day the end is only its time of day.
        (Some(start), Some(end)) => match (start.split_once(' '), end.split_once(' ')) {
            (Some((day, _)), Some((end_day, time))) if day == end_day => {
                format!("[{start}, {time})")
            }
            _ => format!("[{start}, {end})"),
        },
        (Some(start), None) => format!("from {start}"),
        (None, Some(end)) => format!("before {end}"),
        (None, None) => "unresolved".to_string(),
    };
    if fields.get("context_dependent") == Some(&Json::Bool(true)) {
        text.push_str(" (from context)");
    }
    text
}

/// `2023-09-27T12:00:00` as `2023-09-27 12:00`; a midnight as the date.
fn moment(iso: &str) -> String {
    let Some((date, time)) = iso.split_once('T') else {
        return iso.to_string();
    };
    match time {
        "00:00:00" => date.to_string(),
        _ => match time.strip_suffix(":00") {
            Some(hours_minutes) => format!("{date} {hours_minutes}"),
            None => format!("{date} {time}"),
        },
    }
}

/// Seconds in the largest unit that divides them: `100 d`, `3 h`.
fn duration(seconds: f64) -> String {
    for (unit, size) in [("d", 86_400.0), ("h", 3_600.0), ("min", 60.0)] {
        if seconds >= size && (seconds / size).fract() == 0.0 {
            return format!("{} {unit}", number_text(seconds / size));
        }
    }
    format!("{} s", number_text(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhfacts::Extractor;

    fn described(text: &str) -> Vec<String> {
        let extractor = Extractor::builder()
            .reference_time("2023-09-27T20:00:00".parse().unwrap())
            .build()
            .unwrap();
        extractor.extract(text).facts.iter().map(describe).collect()
    }

    #[test]
    fn quantities_show_bounds_hedges_and_units() {
        assert_eq!(described("合格率稳定在98%以上"), ["≥98%"]);
        assert_eq!(described("进口4.3亿元"), ["430,000,000 CNY"]);
        assert_eq!(described("提高2个百分点"), ["2 points"]);
        assert_eq!(described("入选33个品牌"), ["33 个 (品牌)"]);
        assert_eq!(described("新增近7000个地块"), ["≈7,000 个 (地块)"]);
    }

    #[test]
    fn periods_are_half_open_and_short() {
        assert_eq!(described("今年9月，"), ["[2023-09-01, 2023-10-01)"]);
        assert_eq!(described("9月27日下午，"), ["[2023-09-27 12:00, 19:00)"]);
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(number_text(2_590_000_000_000.0), "2,590,000,000,000");
        assert_eq!(number_text(-1234.0), "-1,234");
        assert_eq!(number_text(999.0), "999");
        assert_eq!(number_text(12.6), "12.6");
        assert_eq!(duration(8_640_000.0), "100 d");
        assert_eq!(duration(90.0), "90 s");
    }
}
