//! Arbitrary bytes as a JSONL file through the command's reader
//! (`zhfacts_cli::read::read_jsonl`): no panic; every line but a blank one
//! is either one document, carrying the id, text, published time and
//! region the line gives, or one `FILE:LINE: reason; line skipped`; and a
//! line that serde_json writes from an arbitrary id and text reads back
//! as exactly that document.

#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::{json, Value as Json};
use std::io::Cursor;
use std::sync::Arc;
use zhfacts::{DateTime, Region};
use zhfacts_cli::diagnostics::Diagnostics;
use zhfacts_cli::read::{read_jsonl, Input};

const FILE: &str = "f.jsonl";
const REGIONS: [&str; 6] = ["CN", "HK", "MO", "TW", "SG", "MY"];

fuzz_target!(|data: &[u8]| {
    check_file(data);
    check_round_trip(data);
});

/// Every document and message the reader gives for `bytes`.
fn read(bytes: &[u8]) -> (Vec<Input>, Vec<String>) {
    let diagnostics = Diagnostics::recording();
    let file: Arc<str> = FILE.into();
    let mut documents = Vec::new();
    let finished = read_jsonl(Cursor::new(bytes), &file, &diagnostics, &mut |input| {
        documents.push(input);
        true
    });
    assert!(finished, "the reader stopped though emit never asked it to");
    (documents, diagnostics.messages())
}

/// The bytes as a file: each line checked against what serde_json makes
/// of it on its own.
fn check_file(data: &[u8]) {
    let (documents, messages) = read(data);
    let mut documents = documents.into_iter().peekable();
    let mut messages = messages.into_iter().peekable();
    for (index, raw) in data.split_inclusive(|&b| b == b'\n').enumerate() {
        let number = index + 1;
        let prefix = format!("{FILE}:{number}: ");
        let mine: Vec<String> = std::iter::from_fn(|| messages.next_if(|m| m.starts_with(&prefix)))
            .collect();
        let document = documents.next_if(|d| d.origin.line == Some(number));
        match expected(raw, number) {
            Expect::Blank => {
                assert!(document.is_none() && mine.is_empty(), "line {number} is blank");
            }
            Expect::Skipped => {
                assert!(document.is_none(), "line {number} gave a document");
                assert_eq!(mine.len(), 1, "line {number}: {mine:?}");
                let reason = mine[0][prefix.len()..]
                    .strip_suffix("; line skipped")
                    .unwrap_or_else(|| panic!("line {number}: {:?}", mine[0]));
                assert!(!reason.trim().is_empty(), "line {number}: no reason");
            }
            Expect::Document(object) => {
                let document =
                    document.unwrap_or_else(|| panic!("line {number}: no document, {mine:?}"));
                check_document(&document, &object, number, &mine);
            }
        }
    }
    assert!(documents.next().is_none(), "a document for no line");
    assert!(messages.next().is_none(), "a message for no line");
}

enum Expect {
    Blank,
    Skipped,
    Document(serde_json::Map<String, Json>),
}

/// What one line of the file should give.
fn expected(raw: &[u8], number: usize) -> Expect {
    let Ok(line) = std::str::from_utf8(raw) else {
        return Expect::Skipped;
    };
    let line = line.trim_end_matches(['\n', '\r']);
    let line = if number == 1 {
        line.trim_start_matches('\u{feff}')
    } else {
        line
    };
    if line.trim().is_empty() {
        return Expect::Blank;
    }
    match serde_json::from_str::<Json>(line) {
        Ok(Json::Object(object)) if matches!(object.get("text"), Some(Json::String(_))) => {
            Expect::Document(object)
        }
        _ => Expect::Skipped,
    }
}

/// The document carries what its line gives; a `published` or `region`
/// that is given but unusable is left out with one warning each.
fn check_document(
    document: &Input,
    object: &serde_json::Map<String, Json>,
    number: usize,
    messages: &[String],
) {
    let id = match object.get("id") {
        Some(Json::String(s)) => s.clone(),
        Some(Json::Number(n)) => n.to_string(),
        _ => format!("{FILE}:{number}"),
    };
    assert_eq!(document.id, id, "line {number}: id");
    assert_eq!(Some(&Json::String(document.text.clone())), object.get("text"));
    assert_eq!(document.offset, 0, "line {number}: offset");
    let (published, bad_published) = field::<DateTime>(object, "published");
    let (region, bad_region) = field::<Region>(object, "region");
    assert_eq!(document.published, published, "line {number}: published");
    assert_eq!(document.region, region, "line {number}: region");
    let warnings = bad_published as usize + bad_region as usize;
    assert_eq!(messages.len(), warnings, "line {number}: {messages:?}");
    let warning = format!("{FILE}:{number}: warning: ");
    assert!(messages.iter().all(|m| m.starts_with(&warning)), "{messages:?}");
}

/// What an optional string field gives: its value when it parses, and
/// whether it is given but unusable (a warning is due).
fn field<T: std::str::FromStr>(
    object: &serde_json::Map<String, Json>,
    key: &str,
) -> (Option<T>, bool) {
    match object.get(key) {
        Some(Json::String(s)) => match s.parse() {
            Ok(value) => (Some(value), false),
            Err(_) => (None, true),
        },
        Some(Json::Null) | None => (None, false),
        Some(_) => (None, true),
    }
}

/// An id and a text cut out of the bytes, with a region and a time they
/// choose, written as one line by serde_json: read back unchanged.
fn check_round_trip(data: &[u8]) {
    let (head, rest) = data.split_first().map_or((0, data), |(&b, r)| (b, r));
    let cut = (head as usize % 32).min(rest.len());
    let id = String::from_utf8_lossy(&rest[..cut]).into_owned();
    let text = String::from_utf8_lossy(&rest[cut..]).into_owned();
    let region = REGIONS[head as usize % REGIONS.len()];
    let seed = rest.iter().fold(head as u32, |h, &b| h.wrapping_mul(31) ^ b as u32);
    let published = DateTime::new(
        1900 + (seed % 200) as i32,
        1 + (seed >> 8) % 12,
        1 + (seed >> 12) % 28,
        (seed >> 17) % 24,
        (seed >> 22) % 60,
        (seed >> 26) % 60,
    )
    .expect("a valid date and time");
    let line = json!({
        "id": id,
        "text": text,
        "published": published.to_string(),
        "region": region,
    })
    .to_string();
    assert!(!line.contains('\n'), "serde_json wrote a newline: {line:?}");
    let (documents, messages) = read(format!("{line}\n").as_bytes());
    assert!(messages.is_empty(), "{line}: {messages:?}");
    let [document] = &documents[..] else {
        panic!("{line}: {} documents", documents.len());
    };
    assert_eq!(document.id, id);
    assert_eq!(document.text, text);
    assert_eq!(document.published, Some(published));
    assert_eq!(document.region, Some(region.parse::<Region>().unwrap()));
}
