//! Runs the corpus files `testdata/<kind>.toml`: each `[[case]]` lists
//! surface texts with one expected value, each `[[negative]]` texts in which
//! the kind must find nothing.
//!
//! ```toml
//! [[case]]
//! rule = "count.numeral_unit"      # the rule that must produce the fact
//! texts = ["33个品牌", "33個品牌"]
//! fact = "33个"                     # the fact's text; default: the whole text
//! value = { number = 33, unit = "个" }
//!
//! [[negative]]
//! texts = ["两岸关系"]
//! ```
//!
//! A `[[negative]]` with a `rule` forbids facts of that rule only.
//! A top-level `reference_time` is every text's publication time.
//! `fact` is matched against the normalized (Simplified, half-width) form
//! of the fact's text, so one case serves both scripts.

use serde_json::Value as Json;
use std::sync::LazyLock;
use zhfacts::{normalize, Document, Extractor, Kind};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fn run_corpus(kind: Kind) {
    let path = format!(
        "{}/testdata/{}.toml",
        env!("CARGO_MANIFEST_DIR"),
        kind.name()
    );
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let corpus: toml::Table = source.parse().unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in corpus
        .get("case")
        .and_then(|c| c.as_array())
        .expect("no [[case]]")
    {
        let texts = case["texts"].as_array().expect("case without texts");
        let expected_value = case.get("value").and_then(|v| v.as_table());
        let rule = case.get("rule").and_then(|r| r.as_str());
        for text in texts {
            let text = text.as_str().expect("texts are strings");
            let wanted = case
                .get("fact")
                .and_then(|f| f.as_str())
                .map_or_else(|| normalize(text).text().to_string(), str::to_string);
            let report = EXTRACTOR.extract_document(&document(text, &corpus));
            let found = report
                .facts_of(kind)
                .find(|f| normalize(&f.text).text() == wanted);
            checked += 1;
            let Some(fact) = found else {
                let got: Vec<String> = report
                    .facts
                    .iter()
                    .map(|f| format!("{} {:?} {}", f.kind(), f.text, f.rule))
                    .collect();
                failures.push(format!("{text:?}: no {kind} {wanted:?}; found {got:?}"));
                continue;
            };
            assert_eq!(&text[fact.span], fact.text, "span of {text:?}");
            if let Some(rule) = rule {
                if fact.rule != rule {
                    failures.push(format!("{text:?}: rule {} instead of {rule}", fact.rule));
                }
            }
            let value = serde_json::to_value(&fact.value).expect("value serializes");
            if let Some(expected) = expected_value {
                for (field, want) in expected {
                    if !same(value.get(field), want) {
                        failures.push(format!(
                            "{text:?}: {field} = {:?}, expected {want}",
                            value.get(field)
                        ));
                    }
                }
                for flag in ["approx", "points"] {
                    if value.get(flag).is_some() && !expected.contains_key(flag) {
                        failures.push(format!("{text:?}: unexpected {flag}"));
                    }
                }
            }
        }
    }
    for negative in corpus
        .get("negative")
        .and_then(|c| c.as_array())
        .expect("no [[negative]]")
    {
        for text in negative["texts"]
            .as_array()
            .expect("negative without texts")
        {
            let text = text.as_str().expect("texts are strings");
            let report = EXTRACTOR.extract_document(&document(text, &corpus));
            checked += 1;
            let rule = negative.get("rule").and_then(|r| r.as_str());
            let wrong: Vec<&str> = report
                .facts_of(kind)
                .filter(|f| rule.is_none_or(|r| f.rule == r))
                .map(|f| f.text.as_str())
                .collect();
            if !wrong.is_empty() {
                failures.push(format!("{text:?}: must have no {kind}, found {wrong:?}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} checks failed in {path}:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The document for a corpus text, with the corpus's `reference_time`.
fn document<'a>(text: &'a str, corpus: &toml::Table) -> Document<'a> {
    let mut document = Document::new(text);
    if let Some(time) = corpus.get("reference_time").and_then(|t| t.as_str()) {
        document.published = Some(time.parse().expect("reference_time is ISO 8601"));
    }
    document
}

/// Compares a fact's JSON field with a corpus value (numbers within 1e-9).
fn same(actual: Option<&Json>, expected: &toml::Value) -> bool {
    match (actual, expected) {
        (Some(Json::Number(a)), toml::Value::Integer(e)) => a
            .as_f64()
            .is_some_and(|a| (a - *e as f64).abs() <= 1e-9 * a.abs().max(1.0)),
        (Some(Json::Number(a)), toml::Value::Float(e)) => a
            .as_f64()
            .is_some_and(|a| (a - e).abs() <= 1e-9 * a.abs().max(1.0)),
        (Some(Json::String(a)), toml::Value::String(e)) => a == e,
        (Some(Json::Bool(a)), toml::Value::Boolean(e)) => a == e,
        (None, toml::Value::Boolean(false)) => true,
        _ => false,
    }
}

/// Every rule named in `src/extract/` has a positive case and a negative
/// line of its own in its kind's corpus.
#[test]
fn every_rule_has_positive_and_negative_lines() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut sources = String::new();
    for entry in std::fs::read_dir(format!("{root}/src/extract")).unwrap() {
        sources += &std::fs::read_to_string(entry.unwrap().path()).unwrap();
    }
    let mut missing = Vec::new();
    let mut rules = 0;
    for kind in Kind::ALL {
        let prefix = format!("\"{}.", kind.name());
        let names: std::collections::BTreeSet<&str> = sources
            .match_indices(&prefix)
            .filter_map(|(i, _)| {
                let rest = &sources[i + 1..];
                let end = rest.find('"')?;
                let name = &rest[..end];
                name.bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'.')
                    .then_some(name)
            })
            .collect();
        if names.is_empty() {
            continue;
        }
        let path = format!("{root}/testdata/{}.toml", kind.name());
        let corpus: toml::Table = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{path}: {e}"))
            .parse()
            .unwrap();
        let rules_of = |section: &str| -> Vec<String> {
            corpus
                .get(section)
                .and_then(|c| c.as_array())
                .into_iter()
                .flatten()
                .filter_map(|c| c.get("rule").and_then(|r| r.as_str()).map(str::to_string))
                .collect()
        };
        let (positive, negative) = (rules_of("case"), rules_of("negative"));
        for name in names {
            rules += 1;
            if !positive.iter().any(|r| r == name) {
                missing.push(format!("{name}: no [[case]] in {path}"));
            }
            if !negative.iter().any(|r| r == name) {
                missing.push(format!("{name}: no [[negative]] in {path}"));
            }
        }
    }
    assert!(rules >= 10, "only {rules} rules found");
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn number_corpus() {
    run_corpus(Kind::Number);
}

#[test]
fn ordinal_corpus() {
    run_corpus(Kind::Ordinal);
}

#[test]
fn count_corpus() {
    run_corpus(Kind::Count);
}

#[test]
fn percent_corpus() {
    run_corpus(Kind::Percent);
}

#[test]
fn money_corpus() {
    run_corpus(Kind::Money);
}

#[test]
fn time_corpus() {
    run_corpus(Kind::Time);
}

#[test]
fn duration_corpus() {
    run_corpus(Kind::Duration);
}

#[test]
fn org_corpus() {
    run_corpus(Kind::Org);
}

#[test]
fn place_corpus() {
    run_corpus(Kind::Place);
}

#[test]
fn person_corpus() {
    run_corpus(Kind::Person);
}
