//! The report's JSON line written directly: the very bytes serde's form
//! gives through `serde_json::to_writer`, without serde's machinery. The
//! command writes millions of these; serde escapes every key and string
//! byte by byte and goes through a map serializer for every field.
//!
//! The serde impls stay the definition of the format: the tests compare
//! this writer with them over every fact of the test articles and over
//! random reports.

use super::Report;
use crate::fact::{About, Direction, Extent, Fact, Kind, Quantity, Value};
use crate::text::meta::Meta;
use crate::DateTime;

impl Report {
    /// The report as one line of JSON (no newline): the same text as
    /// `serde_json::to_string(&report)`, the report format of the
    /// `zhfacts` command, written several times faster.
    ///
    /// ```
    /// use zhfacts::Extractor;
    /// let report = Extractor::new().extract("全市进口4.3亿元");
    /// assert_eq!(report.to_json(), serde_json::to_string(&report).unwrap());
    /// ```
    pub fn to_json(&self) -> String {
        let mut out = Vec::with_capacity(256 + 192 * self.facts.len());
        self.write_json(&mut out);
        // Only whole strings and ASCII punctuation were written.
        String::from_utf8(out).unwrap_or_default()
    }

    /// Appends [`Report::to_json`]'s text to `out`.
    pub fn write_json(&self, out: &mut Vec<u8>) {
        out.push(b'{');
        if let Some(id) = &self.id {
            out.extend_from_slice(b"\"id\":");
            string(out, id);
            out.push(b',');
        }
        out.extend_from_slice(b"\"meta\":");
        meta(out, &self.meta);
        out.extend_from_slice(b",\"facts\":");
        array(out, &self.facts, fact);
        out.push(b'}');
    }
}

fn meta(out: &mut Vec<u8>, meta: &Meta) {
    out.extend_from_slice(b"{\"title\":");
    optional_string(out, meta.title.as_deref());
    out.extend_from_slice(b",\"source\":");
    optional_string(out, meta.source.as_deref());
    out.extend_from_slice(b",\"published\":");
    match meta.published {
        Some(time) => date_time(out, time),
        None => out.extend_from_slice(b"null"),
    }
    if let Some(region) = meta.region {
        out.extend_from_slice(b",\"region\":");
        string(out, region.code());
    }
    out.extend_from_slice(b",\"authors\":");
    array(out, &meta.authors, |out, author| string(out, author));
    out.extend_from_slice(b",\"editor\":");
    optional_string(out, meta.editor.as_deref());
    out.push(b'}');
}

/// `[a,b,…]`, each item written by `write`.
fn array<T>(out: &mut Vec<u8>, items: &[T], write: impl Fn(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(out, item);
    }
    out.push(b']');
}

fn fact(out: &mut Vec<u8>, fact: &Fact) {
    // Each literal holds the punctuation around the values next to it, so
    // that a fact is a few copies, not one for every quote and comma.
    out.extend_from_slice(opening(fact.kind()));
    unsigned(out, fact.span.start);
    out.extend_from_slice(b",\"end\":");
    unsigned(out, fact.span.end);
    out.extend_from_slice(b",\"text\":\"");
    string_body(out, &fact.text);
    out.extend_from_slice(b"\",\"value\":{");
    value(out, &fact.value);
    out.extend_from_slice(b",\"rule\":\"");
    string_body(out, &fact.rule);
    match &fact.about {
        Some(about) => {
            out.extend_from_slice(b"\",\"about\":{");
            about_object(out, about);
            out.extend_from_slice(b"}}");
        }
        None => out.extend_from_slice(b"\"}"),
    }
}

/// A fact's object up to its start offset: `{"kind":"money","start":`.
fn opening(kind: Kind) -> &'static [u8] {
    macro_rules! opening {
        ($name:literal) => {
            concat!("{\"kind\":\"", $name, "\",\"start\":").as_bytes()
        };
    }
    match kind {
        Kind::Number => opening!("number"),
        Kind::Ordinal => opening!("ordinal"),
        Kind::Count => opening!("count"),
        Kind::Percent => opening!("percent"),
        Kind::Money => opening!("money"),
        Kind::Time => opening!("time"),
        Kind::Duration => opening!("duration"),
        Kind::Org => opening!("org"),
        Kind::Place => opening!("place"),
        Kind::Person => opening!("person"),
    }
}

/// The fields of an object whose `{` is written, each written with the
/// comma it needs; the caller writes the `}`.
struct Fields<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> Fields<'a> {
    fn after_brace(out: &'a mut Vec<u8>) -> Fields<'a> {
        Fields { out, first: true }
    }

    /// Writes `key`, quoted and followed by its colon (`"unit":`); the
    /// value comes next.
    fn key(&mut self, key: &[u8]) -> &mut Vec<u8> {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
        self.out.extend_from_slice(key);
        self.out
    }
}

/// A value's fields and its closing `}`, its `{` being written.
fn value(out: &mut Vec<u8>, value: &Value) {
    let mut fields = Fields::after_brace(out);
    match value {
        Value::Number(q) | Value::Ordinal(q) => quantity(&mut fields, q, b"\"number\":"),
        Value::Count {
            quantity: q,
            unit,
            noun,
        } => {
            quantity(&mut fields, q, b"\"number\":");
            string(fields.key(b"\"unit\":"), unit);
            if let Some(noun) = noun {
                string(fields.key(b"\"noun\":"), noun);
            }
        }
        Value::Percent {
            quantity: q,
            points,
        } => {
            quantity(&mut fields, q, b"\"number\":");
            if *points {
                fields.key(b"\"points\":").extend_from_slice(b"true");
            }
        }
        Value::Money {
            quantity: q,
            currency,
        } => {
            quantity(&mut fields, q, b"\"amount\":");
            string(fields.key(b"\"currency\":"), currency);
        }
        Value::Time {
            start,
            end,
            context_dependent,
        } => {
            if let Some(start) = start {
                date_time(fields.key(b"\"start\":"), *start);
            }
            if let Some(end) = end {
                date_time(fields.key(b"\"end\":"), *end);
            }
            if *context_dependent {
                fields
                    .key(b"\"context_dependent\":")
                    .extend_from_slice(b"true");
            }
        }
        Value::Duration { seconds } => {
            if let Some(seconds) = seconds {
                number(fields.key(b"\"seconds\":"), *seconds);
            }
        }
        Value::Org { name } | Value::Place { name } | Value::Person { name } => {
            string(fields.key(b"\"name\":"), name);
        }
    }
    out.push(b'}');
}

/// A quantity's fields, the first (its value) named by the key `first`.
fn quantity(fields: &mut Fields<'_>, q: &Quantity, first: &[u8]) {
    if let Some(n) = q.value() {
        number(fields.key(first), n);
    }
    if let Some(max) = q.max() {
        number(fields.key(b"\"max\":"), max);
    }
    if q.approx {
        fields.key(b"\"approx\":").extend_from_slice(b"true");
    }
    if matches!(q.extent, Extent::AtLeast(_)) {
        fields.key(b"\"bound\":").extend_from_slice(b"\"min\"");
    }
}

/// A link's fields, its `{` being written and its `}` left to the caller.
fn about_object(out: &mut Vec<u8>, about: &About) {
    let mut fields = Fields::after_brace(out);
    if let Some(subject) = &about.subject {
        string(fields.key(b"\"subject\":"), subject);
    }
    if let Some(direction) = about.direction {
        let name: &[u8] = match direction {
            Direction::Up => b"\"up\"",
            Direction::Down => b"\"down\"",
        };
        fields.key(b"\"direction\":").extend_from_slice(name);
    }
    if let Some(period) = about.period {
        unsigned(fields.key(b"\"period\":"), period);
    }
    if let Some(place) = about.place {
        unsigned(fields.key(b"\"place\":"), place);
    }
}

/// A number as the serde form writes it: without a fraction when it is
/// integral and exact in an `f64` (`13000`), else the shortest form that
/// reads back (`3.1`, `1e21`), and `null` for what JSON cannot hold.
fn number(out: &mut Vec<u8>, n: f64) {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if n.fract() == 0.0 && n.abs() < EXACT {
        out.extend_from_slice(itoa::Buffer::new().format(n as i64).as_bytes());
    } else if n.is_finite() {
        out.extend_from_slice(zmij::Buffer::new().format_finite(n).as_bytes());
    } else {
        out.extend_from_slice(b"null");
    }
}

fn unsigned(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// A time as its ISO string, `"2023-09-27T20:53:51"`: digits and marks
/// put in place, no escape needed; a year past four digits is written by
/// its `Display`.
fn date_time(out: &mut Vec<u8>, time: DateTime) {
    let parts = [
        time.month(),
        time.day(),
        time.hour(),
        time.minute(),
        time.second(),
    ];
    let year = u32::try_from(time.year()).ok().filter(|&year| year <= 9999);
    let (Some(year), true) = (year, parts.iter().all(|&part| part <= 99)) else {
        string(out, &time.to_string());
        return;
    };
    let mut iso = *b"\"0000-00-00T00:00:00\"";
    // Every value looked up is below 100 (the parts were told so above).
    let pair = |value: u32| DIGIT_PAIRS[value as usize];
    [iso[1], iso[2]] = pair(year / 100);
    [iso[3], iso[4]] = pair(year % 100);
    for (part, at) in parts.into_iter().zip([6, 9, 12, 15, 18]) {
        [iso[at], iso[at + 1]] = pair(part);
    }
    out.extend_from_slice(&iso);
}

/// The two digits of each number below 100, `00` to `99`: a time's parts
/// are looked up, not divided.
const DIGIT_PAIRS: [[u8; 2]; 100] = {
    let mut pairs = [[0; 2]; 100];
    let mut n = 0;
    while n < 100 {
        pairs[n] = [b'0' + (n / 10) as u8, b'0' + (n % 10) as u8];
        n += 1;
    }
    pairs
};

fn optional_string(out: &mut Vec<u8>, text: Option<&str>) {
    match text {
        Some(text) => string(out, text),
        None => out.extend_from_slice(b"null"),
    }
}

/// A JSON string: `"` and `\` escaped with a backslash, the control
/// characters below U+0020 as `\n`-style or `\u00XX` escapes, everything
/// else as it is.
fn string(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    string_body(out, text);
    out.push(b'"');
}

/// A JSON string's text between its quotes, escaped as [`string`] does.
/// Inlined: most texts need no escape, and are told and copied without a
/// call; the few others are escaped by [`escaped_body`].
#[inline]
fn string_body(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    // Told eight bytes at a time, the last eight (or a short text padded
    // with spaces) read whole, then copied at once.
    if any_needs_escape(bytes) {
        escaped_body(out, bytes);
    } else {
        out.extend_from_slice(bytes);
    }
}

/// The bytes of a text that needs an escape, written as [`string`] does.
#[inline(never)]
fn escaped_body(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        // Eight bytes at a time while none needs an escape.
        if let Some(chunk) = bytes.get(at..at + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            if !needs_escape(word) {
                at += 8;
                continue;
            }
        }
        let byte = bytes[at];
        at += 1;
        if byte >= 0x20 && byte != b'"' && byte != b'\\' {
            continue;
        }
        out.extend_from_slice(&bytes[copied..at - 1]);
        escape(out, byte);
        copied = at;
    }
    out.extend_from_slice(&bytes[copied..]);
}

/// True when a byte of `bytes` is below 0x20, `"` or `\`: told eight
/// bytes at a time, a short text read as overlapping pieces (no copy).
fn any_needs_escape(bytes: &[u8]) -> bool {
    let len = bytes.len();
    let word_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or([0; 8]));
    let half_at = |at: usize| {
        u64::from(u32::from_le_bytes(
            bytes[at..at + 4].try_into().unwrap_or([0; 4]),
        ))
    };
    let flags = match len {
        0 => 0,
        // The first, middle and last bytes are all of a text of three.
        1..=3 => {
            let (first, middle, last) = (bytes[0], bytes[len / 2], bytes[len - 1]);
            escape_flags(u64::from_le_bytes([
                first, middle, last, b' ', b' ', b' ', b' ', b' ',
            ]))
        }
        4..=7 => escape_flags(half_at(0) | half_at(len - 4) << 32),
        _ => {
            let mut flags = escape_flags(word_at(len - 8));
            let mut at = 0;
            while at + 8 < len {
                flags |= escape_flags(word_at(at));
                at += 8;
            }
            flags
        }
    };
    flags != 0
}

/// True when one of the eight bytes of `word` is below 0x20, `"` or `\`.
fn needs_escape(word: u64) -> bool {
    escape_flags(word) != 0
}

/// Not zero when one of the eight bytes of `word` is below 0x20, `"` or
/// `\` (exact: the usual test for a zero byte, applied three times).
fn escape_flags(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGHS;
    let zero = |x: u64| below(x, 1);
    below(word, 0x20)
        | zero(word ^ (ONES * u64::from(b'"')))
        | zero(word ^ (ONES * u64::from(b'\\')))
}

fn escape(out: &mut Vec<u8>, byte: u8) {
    let short: &[u8] = match byte {
        b'"' => b"\\\"",
        b'\\' => b"\\\\",
        b'\n' => b"\\n",
        b'\r' => b"\\r",
        b'\t' => b"\\t",
        0x08 => b"\\b",
        0x0c => b"\\f",
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(byte >> 4)]);
            out.push(HEX[usize::from(byte & 0xf)]);
            return;
        }
    };
    out.extend_from_slice(short);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Extractor, Region, Span};
    use proptest::prelude::*;
    use std::borrow::Cow;

    fn same_as_serde(report: &Report) {
        assert_eq!(report.to_json(), serde_json::to_string(report).unwrap());
    }

    #[test]
    fn the_test_articles_write_as_serde_writes_them() {
        let extractor = Extractor::new();
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/articles");
        let mut facts = 0;
        for entry in std::fs::read_dir(folder).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let report = extractor.extract(&text);
            facts += report.facts.len();
            same_as_serde(&report);
        }
        assert!(facts > 100, "only {facts} facts were compared");
    }

    #[test]
    fn each_kind_opens_its_fact_with_its_name() {
        for kind in Kind::ALL {
            let wanted = format!("{{\"kind\":\"{}\",\"start\":", kind.name());
            assert_eq!(opening(kind), wanted.as_bytes(), "{kind:?}");
        }
    }

    #[test]
    fn every_escape_is_serdes() {
        let all_low: String = (0u8..0x80).map(char::from).collect();
        for text in [
            all_low.as_str(),
            "",
            "\"",
            "\\",
            "a\"b\\c\nd\u{7f}",
            "长江\u{1}经济带\u{1f}\"",
            "𠀋\u{2028}\u{feff}",
        ] {
            let mut out = Vec::new();
            string(&mut out, text);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(text).unwrap()
            );
        }
    }

    #[test]
    fn times_write_as_serde_writes_them() {
        for year in [-12, 0, 7, 999, 2023, 9999, 10_000, 275_000] {
            for (month, day, hour, minute, second) in [(1, 1, 0, 0, 0), (12, 31, 23, 59, 59)] {
                let Some(time) = DateTime::new(year, month, day, hour, minute, second) else {
                    continue;
                };
                let mut out = Vec::new();
                date_time(&mut out, time);
                assert_eq!(out, serde_json::to_string(&time).unwrap().as_bytes());
            }
        }
    }

    #[test]
    fn an_escape_is_found_at_every_place_of_short_and_long_texts() {
        for len in 1..20 {
            for place in 0..len {
                for special in ['"', '\\', '\n', '\u{1f}'] {
                    let text: String = (0..len)
                        .map(|i| if i == place { special } else { 'a' })
                        .collect();
                    let mut out = Vec::new();
                    string(&mut out, &text);
                    assert_eq!(out, serde_json::to_string(&text).unwrap().as_bytes());
                }
            }
        }
    }

    #[test]
    fn needs_escape_is_exact_for_every_byte_in_every_place() {
        for byte in 0..=255u8 {
            let wanted = byte < 0x20 || byte == b'"' || byte == b'\\';
            for place in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[place] = byte;
                assert_eq!(needs_escape(u64::from_le_bytes(bytes)), wanted, "{byte:#x}");
                let mut high = [0xe4; 8];
                high[place] = byte;
                assert_eq!(needs_escape(u64::from_le_bytes(high)), wanted);
            }
        }
    }

    fn quantity_from(extent: u8, a: f64, b: f64, approx: bool) -> Quantity {
        let extent = match extent % 5 {
            0 => Extent::Exact(a),
            1 => Extent::AtLeast(a),
            2 => Extent::AtMost(a),
            3 => Extent::Range { min: a, max: b },
            _ => Extent::Unstated,
        };
        Quantity { extent, approx }
    }

    fn any_number() -> impl Strategy<Value = f64> {
        prop_oneof![
            any::<f64>(),
            (-1e6..1e6f64),
            (-1e12..1e12f64).prop_map(f64::round),
            Just(9_007_199_254_740_992.0),
            Just(-0.0),
            Just(f64::NAN),
            Just(1e-7),
            Just(1e21),
        ]
    }

    proptest! {
        #[test]
        fn random_reports_write_as_serde_writes_them(
            texts in proptest::collection::vec(any::<String>(), 4),
            numbers in proptest::collection::vec(any_number(), 3),
            choice in 0u8..40,
            flags in any::<u8>(),
            offsets in (0usize..1 << 40, 0usize..1 << 40),
        ) {
            let text = |i: usize| texts[i].clone();
            let on = |bit: u8| flags & (1 << bit) != 0;
            let q = quantity_from(choice, numbers[0], numbers[1], on(0));
            let time = DateTime::new(2023, 9, 27, 20, 53, 51);
            let value = match choice % 8 {
                0 => Value::Number(q),
                1 => Value::Ordinal(q),
                2 => Value::Count { quantity: q, unit: text(0), noun: on(1).then(|| text(1)) },
                3 => Value::Percent { quantity: q, points: on(1) },
                4 => Value::Money { quantity: q, currency: text(0) },
                5 => Value::Time { start: time.filter(|_| on(1)), end: time.filter(|_| on(2)), context_dependent: on(3) },
                6 => Value::Duration { seconds: on(1).then_some(numbers[2]) },
                _ => Value::name_of([Kind::Org, Kind::Place, Kind::Person][usize::from(choice % 3)], text(0)).unwrap(),
            };
            let about = on(4).then(|| About {
                subject: on(5).then(|| text(2)),
                direction: on(6).then_some(if on(7) { Direction::Up } else { Direction::Down }),
                period: on(5).then_some(offsets.0),
                place: on(6).then_some(offsets.1),
            });
            let fact = Fact {
                span: Span::new(offsets.0, offsets.1),
                text: text(3),
                value,
                rule: Cow::Owned(text(1)),
                about,
            };
            let meta = Meta {
                title: on(1).then(|| text(0)),
                source: on(2).then(|| text(1)),
                published: time.filter(|_| on(3)),
                region: on(4).then_some(Region::HongKong),
                authors: texts.iter().take(usize::from(choice % 3)).cloned().collect(),
                editor: on(5).then(|| text(2)),
            };
            let report = Report {
                id: on(6).then(|| text(3)),
                meta,
                facts: vec![fact.clone(), fact],
            };
            prop_assert_eq!(report.to_json(), serde_json::to_string(&report).unwrap());
        }
    }
}
