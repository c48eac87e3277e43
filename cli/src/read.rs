//! Reading documents out of a source: JSONL lines or one whole article.

use crate::diagnostics::{Diagnostics, Origin};
use crate::sources::{Format, Source};
use serde_json::Value as Json;
use std::borrow::Cow;
use std::io::{self, BufRead};
use std::sync::Arc;
use zhfacts::{DateTime, Region};

/// The byte order mark, which a text file may open with.
const BOM: &str = "\u{feff}";

/// One document read from the input, before extraction.
#[derive(Debug)]
pub struct Input {
    /// The id its report is written under.
    pub id: String,
    /// The text, without a byte order mark.
    pub text: String,
    /// The publication time the input gives.
    pub published: Option<DateTime>,
    /// The title the input gives, which wins over the one read from the text.
    pub title: Option<String>,
    /// The region the input gives (`"HK"`), which is then not inferred.
    pub region: Option<Region>,
    /// Where it was read.
    pub origin: Origin,
    /// Bytes of the file before `text` starts (a byte order mark), added
    /// to every offset so that offsets point into the file itself.
    pub offset: usize,
}

/// Reads every document of `source` and hands each to `emit`, reporting
/// what cannot be read. Stops early, returning `false`, when `emit` does.
pub fn read_source(
    source: &Source,
    diagnostics: &Diagnostics,
    emit: &mut dyn FnMut(Input) -> bool,
) -> bool {
    let reader = match source.open(diagnostics) {
        Ok(reader) => reader,
        Err(e) => {
            diagnostics.skip_file(
                &source.name,
                None,
                &format!("cannot open: {e}; file skipped"),
            );
            return true;
        }
    };
    let file: Arc<str> = source.name.as_str().into();
    match source.format {
        Format::Jsonl => read_jsonl(reader, &file, diagnostics, emit),
        Format::Article => match read_article(reader, &file, diagnostics) {
            Some(input) => emit(input),
            None => true,
        },
    }
}

/// Reads JSONL from `reader`, the file `file`: hands each line that holds
/// a document to `emit`, reports every other line but a blank one as
/// `FILE:LINE: reason; line skipped` (a line that cannot be read skips the
/// rest of the file). Stops early, returning `false`, when `emit` does.
pub fn read_jsonl(
    mut reader: impl BufRead,
    file: &Arc<str>,
    diagnostics: &Diagnostics,
    emit: &mut dyn FnMut(Input) -> bool,
) -> bool {
    let mut raw = Vec::new();
    let mut number = 0;
    loop {
        raw.clear();
        match read_line(&mut reader, &mut raw) {
            Ok(0) => return true,
            Ok(n) => diagnostics.add_bytes(n),
            Err(e) => {
                let reason = format!("cannot read: {e}; rest of file skipped");
                diagnostics.skip_file(file, Some(number + 1), &reason);
                return true;
            }
        }
        number += 1;
        let line = match checked_utf8(&raw) {
            Ok(line) => line,
            Err(e) => {
                let reason = format!("invalid UTF-8 at byte {} of the line", e.valid_up_to());
                diagnostics.skip_line(file, number, &reason);
                continue;
            }
        };
        let line = line.trim_end_matches(['\n', '\r']);
        let line = if number == 1 {
            line.trim_start_matches(BOM)
        } else {
            line
        };
        if line.trim().is_empty() {
            continue;
        }
        let origin = Origin {
            file: file.clone(),
            line: Some(number),
        };
        match parse_line(line, origin, diagnostics) {
            Ok(input) => {
                if !emit(input) {
                    return false;
                }
            }
            Err(reason) => diagnostics.skip_line(file, number, &reason),
        }
    }
}

/// Appends the bytes of `reader` up to and with the next `\n` to `raw`,
/// as `BufRead::read_until` does, the line's end found sixteen bytes at a
/// time (a test the compiler makes one vector operation).
fn read_line(reader: &mut impl BufRead, raw: &mut Vec<u8>) -> io::Result<usize> {
    const CHUNK: usize = 16;
    let mut read = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let mut at = 0;
        while let Some(chunk) = available.get(at..at + CHUNK) {
            if chunk.iter().fold(false, |any, &b| any | (b == b'\n')) {
                break;
            }
            at += CHUNK;
        }
        let end = available[at..].iter().position(|&b| b == b'\n');
        let used = end.map_or(available.len(), |i| at + i + 1);
        raw.extend_from_slice(&available[..used]);
        reader.consume(used);
        read += used;
        if end.is_some() || used == 0 {
            return Ok(read);
        }
    }
}

/// Parses one JSONL line into a document, or says what is wrong with it.
fn parse_line(line: &str, origin: Origin, diagnostics: &Diagnostics) -> Result<Input, String> {
    let fields = match flat_fields(line) {
        Some(fields) => fields,
        None => json_fields(line)?,
    };
    let text = match fields.text {
        Field::Text(text) => text.into_owned(),
        Field::Other(_) => return Err("\"text\" is not a string".into()),
        Field::Absent => return Err("no \"text\"".into()),
    };
    let id = match fields.id {
        Field::Text(s) => s.into_owned(),
        Field::Other(Json::Number(n)) => n.to_string(),
        _ => origin.to_string(),
    };
    let published: Option<DateTime> = parsed_field(
        fields.published,
        "published",
        "document read without it",
        &origin,
        diagnostics,
    );
    let title = match fields.title {
        Field::Text(title) => Some(title.into_owned()),
        _ => None,
    };
    let region: Option<Region> = parsed_field(
        fields.region,
        "region",
        "region read from the text",
        &origin,
        diagnostics,
    );
    Ok(Input {
        id,
        text,
        published,
        title,
        region,
        origin,
        offset: 0,
    })
}

/// The fields of a line that a document is made of.
#[derive(Debug, Default, PartialEq)]
struct Fields<'a> {
    text: Field<'a>,
    id: Field<'a>,
    published: Field<'a>,
    title: Field<'a>,
    region: Field<'a>,
}

/// One field of a line's object.
#[derive(Debug, Default, PartialEq)]
enum Field<'a> {
    /// Not in the object.
    #[default]
    Absent,
    /// A string.
    Text(Cow<'a, str>),
    /// Any other value (`null` too).
    Other(Json),
}

impl<'a> Fields<'a> {
    /// Where the value of `key` goes; `None` for a key no document reads.
    fn slot(&mut self, key: &str) -> Option<&mut Field<'a>> {
        match key {
            "text" => Some(&mut self.text),
            "id" => Some(&mut self.id),
            "published" => Some(&mut self.published),
            "title" => Some(&mut self.title),
            "region" => Some(&mut self.region),
            _ => None,
        }
    }
}

/// The fields of `line` read by serde_json, or what is wrong with it.
fn json_fields(line: &str) -> Result<Fields<'static>, String> {
    let value: Json = serde_json::from_str(line).map_err(|e| format!("malformed JSON ({e})"))?;
    let Json::Object(object) = value else {
        return Err("not a JSON object".into());
    };
    let mut fields = Fields::default();
    for (key, value) in object {
        if let Some(slot) = fields.slot(&key) {
            *slot = match value {
                Json::String(s) => Field::Text(Cow::Owned(s)),
                other => Field::Other(other),
            };
        }
    }
    Ok(fields)
}

/// The fields of a line that is one flat object of strings and nulls,
/// whose keys hold no escape and whose strings no `\u` escape: what
/// serde_json reads from it (the last of a repeated key wins there too),
/// found without building a JSON value, the strings borrowed from the line
/// when they hold no escape. `None` for any other line, valid or not,
/// which is then left to serde_json.
fn flat_fields(line: &str) -> Option<Fields<'_>> {
    let mut reader = FlatReader { line, at: 0 };
    let mut fields = Fields::default();
    reader.skip_space();
    reader.expect(b'{')?;
    reader.skip_space();
    if !reader.eat(b'}') {
        loop {
            reader.expect(b'"')?;
            let key = reader.string()?;
            let Cow::Borrowed(key) = key else {
                return None;
            };
            reader.skip_space();
            reader.expect(b':')?;
            reader.skip_space();
            let value = if reader.eat(b'"') {
                Field::Text(reader.string()?)
            } else if reader.eat_word("null") {
                Field::Other(Json::Null)
            } else {
                return None;
            };
            if let Some(slot) = fields.slot(key) {
                *slot = value;
            }
            reader.skip_space();
            if reader.eat(b'}') {
                break;
            }
            reader.expect(b',')?;
            reader.skip_space();
        }
    }
    reader.skip_space();
    (reader.at == line.len()).then_some(fields)
}

/// A place in a line read by [`flat_fields`].
struct FlatReader<'a> {
    line: &'a str,
    at: usize,
}

impl<'a> FlatReader<'a> {
    fn skip_space(&mut self) {
        let bytes = self.line.as_bytes();
        while matches!(bytes.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Steps over `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        let next = self.line.as_bytes().get(self.at) == Some(&byte);
        self.at += usize::from(next);
        next
    }

    fn eat_word(&mut self, word: &str) -> bool {
        let next = self.line[self.at..].starts_with(word);
        if next {
            self.at += word.len();
        }
        next
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.eat(byte).then_some(())
    }

    /// The string whose opening quote was read, up to its closing quote;
    /// `None` at a `\u` escape, an escape JSON has not, a control
    /// character or the line's end.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let line = self.line;
        let bytes = line.as_bytes();
        let start = self.at;
        // Sized once for the rest of the line when an escape is found.
        let mut decoded = String::new();
        let mut run = start;
        loop {
            let special = next_special(bytes, self.at);
            let escape = match bytes.get(special)? {
                b'"' => {
                    self.at = special + 1;
                    if run == start {
                        return Some(Cow::Borrowed(&line[start..special]));
                    }
                    decoded.push_str(&line[run..special]);
                    return Some(Cow::Owned(decoded));
                }
                b'\\' => match bytes.get(special + 1)? {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'/' => '/',
                    b'b' => '\u{8}',
                    b'f' => '\u{c}',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    _ => return None,
                },
                _ => return None,
            };
            if run == start {
                decoded.reserve(line.len() - start);
            }
            decoded.push_str(&line[run..special]);
            decoded.push(escape);
            self.at = special + 2;
            run = self.at;
        }
    }
}

/// The first offset from `from` of a byte that a JSON string cannot hold
/// as it is (`"`, `\\`, a control character), or `bytes.len()`: told
/// sixteen bytes at a time, a test the compiler makes one vector operation,
/// and found in its sixteen by the flags of its two halves.
fn next_special(bytes: &[u8], from: usize) -> usize {
    const CHUNK: usize = 16;
    let special = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + CHUNK) {
        if chunk.iter().fold(false, |any, &b| any | special(b)) {
            let half = |from: usize| {
                let word = u64::from_le_bytes(chunk[from..from + 8].try_into().unwrap_or([0; 8]));
                special_flags(word)
            };
            let flags = u128::from(half(0)) | u128::from(half(8)) << 64;
            return at + (flags.trailing_zeros() / 8) as usize;
        }
        at += CHUNK;
    }
    bytes[at..]
        .iter()
        .position(|&b| special(b))
        .map_or(bytes.len(), |i| at + i)
}

/// Flags (the high bit of a byte) for the bytes of `word`, little-endian,
/// below 0x20, `"` or `\\`: the lowest is exact, a byte above a flagged one
/// may be flagged too by a subtraction's borrow.
fn special_flags(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGHS;
    below(word, 0x20)
        | below(word ^ (ONES * u64::from(b'"')), 1)
        | below(word ^ (ONES * u64::from(b'\\')), 1)
}

/// The value of an optional string field parsed as `T`; a field that is
/// no string or does not parse is reported as a warning (`then` says what
/// happens instead) and left out.
fn parsed_field<T>(
    field: Field<'_>,
    key: &str,
    then: &str,
    origin: &Origin,
    diagnostics: &Diagnostics,
) -> Option<T>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    match field {
        Field::Text(s) => match s.parse::<T>() {
            Ok(value) => Some(value),
            Err(e) => {
                diagnostics.warn(origin, &format!("{e}; {then}"));
                None
            }
        },
        Field::Absent | Field::Other(Json::Null) => None,
        Field::Other(_) => {
            diagnostics.warn(origin, &format!("\"{key}\" is not a string; {then}"));
            None
        }
    }
}

/// Reads a whole source as one article whose id is the file as given.
fn read_article(
    mut reader: Box<dyn BufRead + Send + '_>,
    file: &Arc<str>,
    diagnostics: &Diagnostics,
) -> Option<Input> {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        diagnostics.skip_file(file, None, &format!("cannot read: {e}; file skipped"));
        return None;
    }
    diagnostics.add_bytes(bytes.len());
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let before = &e.as_bytes()[..valid];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let column = valid
                - before
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |p| p + 1);
            let reason = format!("invalid UTF-8 at byte {column} of the line; file skipped");
            diagnostics.skip_file(file, Some(line), &reason);
            return None;
        }
    };
    let offset = if text.starts_with(BOM) {
        text.drain(..BOM.len());
        BOM.len()
    } else {
        0
    };
    Some(Input {
        id: file.to_string(),
        text,
        published: None,
        title: None,
        region: None,
        origin: Origin {
            file: file.clone(),
            line: None,
        },
        offset,
    })
}

/// `raw` as text: checked with SIMD first, and read again by the standard
/// check only when bad, to say where it fails.
fn checked_utf8(raw: &[u8]) -> Result<&str, std::str::Utf8Error> {
    simdutf8::basic::from_utf8(raw).or_else(|_| std::str::from_utf8(raw))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Input, String> {
        let origin = Origin {
            file: "f.jsonl".into(),
            line: Some(3),
        };
        parse_line(line, origin, &Diagnostics::new())
    }

    #[test]
    fn lines_that_are_no_document_say_why() {
        let cases = [
            ("{not json", "malformed JSON"),
            ("[1, 2]", "not a JSON object"),
            ("{\"id\": \"x\"}", "no \"text\""),
            ("{\"text\": 5}", "\"text\" is not a string"),
        ];
        for (line, reason) in cases {
            let error = parse(line).unwrap_err();
            assert!(error.starts_with(reason), "{line}: {error}");
        }
    }

    #[test]
    fn ids_come_from_the_line_or_its_place() {
        assert_eq!(parse(r#"{"id": "a", "text": ""}"#).unwrap().id, "a");
        assert_eq!(parse(r#"{"id": 17, "text": ""}"#).unwrap().id, "17");
        assert_eq!(parse(r#"{"text": ""}"#).unwrap().id, "f.jsonl:3");
    }

    #[test]
    fn a_bad_published_is_dropped_with_a_warning() {
        let diagnostics = Diagnostics::new();
        let origin = Origin {
            file: "f.jsonl".into(),
            line: Some(1),
        };
        let line = r#"{"text": "今天", "published": "soon"}"#;
        let input = parse_line(line, origin, &diagnostics).unwrap();
        assert_eq!(input.published, None);
        assert!(diagnostics.anything_skipped());
    }

    #[test]
    fn a_line_may_give_the_region() {
        let origin = || Origin {
            file: "f.jsonl".into(),
            line: Some(1),
        };
        let diagnostics = Diagnostics::new();
        let line = r#"{"text": "錄得439億盈餘", "region": "HK"}"#;
        let input = parse_line(line, origin(), &diagnostics).unwrap();
        assert_eq!(input.region, Some(Region::HongKong));
        assert!(!diagnostics.anything_skipped());
        let line = r#"{"text": "今天", "region": "Mars"}"#;
        let input = parse_line(line, origin(), &diagnostics).unwrap();
        assert_eq!(input.region, None);
        assert!(diagnostics.anything_skipped());
    }

    #[test]
    fn flat_lines_read_as_serde_reads_them() {
        // Objects of a few fields, one token in ten a wrong one.
        const SPACES: &[&str] = &["", " ", "\t", " \r"];
        const KEYS: &[&str] = &[
            "\"text\"",
            "\"id\"",
            "\"title\"",
            "\"published\"",
            "\"region\"",
            "\"source\"",
            "\"te\\u0078t\"",
            "\"\"",
        ];
        const VALUES: &[&str] = &[
            "\"长江\"",
            "\"\"",
            "\"长\\n江\\\"经济\\\\带\"",
            "\"\\/\\b\\f\\r\\t\\n\"",
            "\"2023-09-27T20:53:51\"",
            "\"HK\"",
            "\"abcdefgh\\\"ijklmnopq\"",
            "\"\\u00e9\"",
            "\"\\x\"",
            "\"a\u{1}b\"",
            "\"a\u{7f}b\"",
            "null",
            "nul",
            "17",
            "true",
            "[1]",
            "{}",
        ];
        const WRONG: &[&str] = &["", ",", "}", "{", "\"", ":", "x", "\\"];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut pick = |choices: &[&'static str]| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            if state % 10 == 0 {
                WRONG[(state / 10) as usize % WRONG.len()]
            } else {
                choices[(state / 10) as usize % choices.len()]
            }
        };
        let (mut flat, mut valid) = (0, 0);
        for _ in 0..20_000 {
            let mut line = String::new();
            line += pick(SPACES);
            line += pick(&["{"]);
            let members = pick(&["0", "1", "2", "3", "4"]).parse().unwrap_or(1);
            for member in 0..members {
                if member > 0 {
                    line += pick(&[","]);
                }
                for part in [SPACES, KEYS, SPACES, &[":"], SPACES, VALUES, SPACES] {
                    line += pick(part);
                }
            }
            line += pick(&["}"]);
            line += pick(SPACES);
            let read = json_fields(&line);
            valid += usize::from(read.is_ok());
            if let Some(fields) = flat_fields(&line) {
                flat += 1;
                assert_eq!(read, Ok(fields), "{line}");
            }
        }
        assert!(flat > 3000 && valid > flat + 1000, "{flat} {valid}");
    }

    #[test]
    fn the_next_special_byte_is_found_wherever_it_stands() {
        // Bytes around the special ones, and past the ASCII range.
        const PLAIN: [u8; 10] = [b'a', b' ', b'!', b'#', b'[', b']', 0x7f, 0x80, 0xe4, 0xff];
        for len in 0..40 {
            for at in 0..=len {
                for special in [b'"', b'\\', 0x00, 0x1f, b'\n'] {
                    let mut bytes: Vec<u8> =
                        (0..len).map(|i| PLAIN[(i * 7) % PLAIN.len()]).collect();
                    if at < len {
                        bytes[at] = special;
                    }
                    // Another special further on does not hide the first.
                    if at + 1 < len {
                        bytes[at + 1] = b'"';
                    }
                    for from in 0..=at {
                        assert_eq!(next_special(&bytes, from), at, "{bytes:?} {from}");
                    }
                }
            }
        }
    }

    #[test]
    fn each_line_is_a_document_a_skipped_line_or_blank() {
        let diagnostics = Diagnostics::recording();
        let file: Arc<str> = "f.jsonl".into();
        let bytes = b"\xef\xbb\xbf{\"id\": \"a\", \"text\": \"x\"}\r\n\n[1]\n{\"text\": \"\xff\"}\n{\"text\": \"y\", \"region\": 5}";
        let mut read = Vec::new();
        let finished = read_jsonl(&bytes[..], &file, &diagnostics, &mut |input| {
            read.push((input.id, input.origin.line));
            true
        });
        assert!(finished);
        assert_eq!(
            read,
            [
                ("a".to_string(), Some(1)),
                ("f.jsonl:5".to_string(), Some(5))
            ]
        );
        assert_eq!(
            diagnostics.messages(),
            [
                "f.jsonl:3: not a JSON object; line skipped",
                "f.jsonl:4: invalid UTF-8 at byte 10 of the line; line skipped",
                "f.jsonl:5: warning: \"region\" is not a string; region read from the text",
            ]
        );
    }
}
