//! Runs the corpus files `testdata/<kind>.toml` and `testdata/regression.toml`.
//!
//! A `[[case]]` lists surface texts that must each yield exactly the facts
//! it expects of the file's kind, no more; a `[[negative]]` lists texts in
//! which the kind must find nothing.
//!
//! ```toml
//! reference_time = "2023-09-27T20:53:51"   # every text's publication time
//!
//! [[case]]
//! name = "count with its noun"            # required, unique in the file
//! rule = "count.numeral_unit"             # the rule that must produce the fact
//! texts = ["33个品牌", "33個品牌"]
//! fact = "33个"       # the fact's text, normalized; `at = 2` picks its 2nd occurrence
//! value = { number = 33, unit = "个", noun = "品牌" }
//!
//! [[case]]
//! name = "two amounts"
//! texts = ["从5元涨到8元"]
//! facts = [
//!   { fact = "5元", value = { amount = 5, currency = "CNY" } },
//!   { span = [5, 7], value = { amount = 8, currency = "CNY" } },   # in characters
//! ]
//!
//! [[negative]]
//! name = "the strait"
//! rule = "number.chinese"                 # optional: forbid facts of this rule only
//! texts = ["两岸关系"]
//! ```
//!
//! A fact is located by `fact` (matched in the normalized text, so one case
//! serves both scripts; the whole text when left out) or by `span`, in
//! characters of the text as written. Its value must equal `value` exactly:
//! every field the fact's JSON value has must be in the case with the same
//! value (numbers within 1e-9, relative), and every field of the case must
//! be in the fact. A case or negative may set its own `reference_time`;
//! in `regression.toml` each says its `kind`. `region` is accepted and
//! ignored: the library has no way to set one yet.

use serde::Deserialize;
use serde_json::Value as Json;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::sync::LazyLock;
use zhfacts::{normalize, Document, Extractor, Fact, Kind, Span};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// One corpus file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Corpus {
    reference_time: Option<String>,
    #[serde(default)]
    case: Vec<Case>,
    #[serde(default)]
    negative: Vec<Negative>,
}

/// Texts that must yield exactly the facts given.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: Option<String>,
    kind: Option<String>,
    rule: Option<String>,
    texts: Vec<String>,
    fact: Option<String>,
    at: Option<usize>,
    span: Option<[usize; 2]>,
    value: Option<toml::Table>,
    /// Several expected facts, instead of the one above.
    facts: Option<Vec<Expected>>,
    reference_time: Option<String>,
    /// The article's region (`HK`, `TW`, …), as a JSONL line may give it.
    region: Option<String>,
    /// Words added to the dictionary, with their name kind (`org`, …).
    words: Option<Vec<(String, String)>>,
}

/// Where an expected fact is and what it holds.
#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
struct Expected {
    fact: Option<String>,
    at: Option<usize>,
    span: Option<[usize; 2]>,
    value: Option<toml::Table>,
    rule: Option<String>,
}

impl Case {
    /// The facts the case expects: its `facts`, or the one its own fields
    /// give.
    fn expected(&self) -> Result<Vec<Expected>, String> {
        let own = Expected {
            fact: self.fact.clone(),
            at: self.at,
            span: self.span,
            value: self.value.clone(),
            rule: None,
        };
        match &self.facts {
            None => Ok(vec![own]),
            Some(_)
                if own.fact.is_some()
                    || own.at.is_some()
                    || own.span.is_some()
                    || own.value.is_some() =>
            {
                Err("gives both `facts` and a fact of its own (fact, at, span, value)".to_string())
            }
            Some(facts) => Ok(facts.clone()),
        }
    }
}

/// Texts in which a kind (or one rule of it) finds nothing.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Negative {
    name: Option<String>,
    kind: Option<String>,
    rule: Option<String>,
    texts: Vec<String>,
    reference_time: Option<String>,
    region: Option<String>,
    words: Option<Vec<(String, String)>>,
}

/// Reads `testdata/<file>.toml` and checks every case and negative of it;
/// `kind` is the file's kind, or `None` when each entry names its own.
/// Every failure of the file is reported at once.
fn run_corpus(file: &str, kind: Option<Kind>) {
    let path = format!("{}/testdata/{file}.toml", env!("CARGO_MANIFEST_DIR"));
    let failures = check_corpus_file(&path, kind);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The failures of one corpus file, with a summary line first.
fn check_corpus_file(path: &str, kind: Option<Kind>) -> Vec<String> {
    let source = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let corpus: Corpus = toml::from_str(&source).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut names = BTreeSet::new();
    let mut check_name =
        |section: &str, index: usize, name: &Option<String>, texts: &[String]| match name {
            None => Err(format!(
                "[[{section}]] #{} (texts {texts:?}) has no `name`",
                index + 1
            )),
            Some(name) if !names.insert(name.clone()) => {
                Err(format!("[[{section}]] name {name:?} is used twice"))
            }
            Some(_) => Ok(()),
        };
    for (index, case) in corpus.case.iter().enumerate() {
        if let Err(e) = check_name("case", index, &case.name, &case.texts) {
            failures.push(e);
            continue;
        }
        let name = case.name.as_deref().unwrap_or_default();
        let kind = match entry_kind(kind, case.kind.as_deref()) {
            Ok(kind) => kind,
            Err(e) => {
                failures.push(format!("[{name}] {e}"));
                continue;
            }
        };
        let expected = match case.expected() {
            Ok(expected) => expected,
            Err(e) => {
                failures.push(format!("[{name}] {e}"));
                continue;
            }
        };
        let time = case
            .reference_time
            .as_ref()
            .or(corpus.reference_time.as_ref());
        let own = match own_extractor(&case.words) {
            Ok(own) => own,
            Err(e) => {
                failures.push(format!("[{name}] {e}"));
                continue;
            }
        };
        let extractor = own.as_ref().unwrap_or(&EXTRACTOR);
        for text in &case.texts {
            checked += 1;
            let report = extractor.extract_document(&document(text, time, case.region.as_ref()));
            let found: Vec<&Fact> = report.facts_of(kind).collect();
            let problems = check_case(text, &found, &expected, case.rule.as_deref());
            if !problems.is_empty() {
                let mut message = format!("[{name}] {text:?}:");
                for problem in problems {
                    write!(message, "\n    {problem}").unwrap();
                }
                write!(
                    message,
                    "\n    {kind} facts: {}",
                    describe_all(text, &found)
                )
                .unwrap();
                failures.push(message);
            }
        }
    }
    for (index, negative) in corpus.negative.iter().enumerate() {
        if let Err(e) = check_name("negative", index, &negative.name, &negative.texts) {
            failures.push(e);
            continue;
        }
        let name = negative.name.as_deref().unwrap_or_default();
        let kind = match entry_kind(kind, negative.kind.as_deref()) {
            Ok(kind) => kind,
            Err(e) => {
                failures.push(format!("[{name}] {e}"));
                continue;
            }
        };
        let time = negative
            .reference_time
            .as_ref()
            .or(corpus.reference_time.as_ref());
        let own = match own_extractor(&negative.words) {
            Ok(own) => own,
            Err(e) => {
                failures.push(format!("[{name}] {e}"));
                continue;
            }
        };
        let extractor = own.as_ref().unwrap_or(&EXTRACTOR);
        for text in &negative.texts {
            checked += 1;
            let report =
                extractor.extract_document(&document(text, time, negative.region.as_ref()));
            let wrong: Vec<&Fact> = report
                .facts_of(kind)
                .filter(|f| negative.rule.as_ref().is_none_or(|r| f.rule == **r))
                .collect();
            if !wrong.is_empty() {
                let what = negative.rule.as_deref().unwrap_or(kind.name());
                failures.push(format!(
                    "[{name}] {text:?}: must have no {what}, found {}",
                    describe_all(text, &wrong)
                ));
            }
        }
    }
    if !failures.is_empty() {
        failures.insert(
            0,
            format!("{} failures in {checked} texts of {path}:", failures.len()),
        );
    }
    failures
}

/// The kind an entry is checked for: the file's, or the one it names.
fn entry_kind(file_kind: Option<Kind>, named: Option<&str>) -> Result<Kind, String> {
    match (file_kind, named) {
        (Some(kind), None) => Ok(kind),
        (Some(kind), Some(name)) if kind.name() == name => Ok(kind),
        (Some(kind), Some(name)) => Err(format!("kind {name:?} in the {kind} corpus")),
        (None, Some(name)) => Kind::from_name(name).ok_or(format!("unknown kind {name:?}")),
        (None, None) => Err("no `kind`".to_string()),
    }
}

/// What is wrong with the facts `found` in `text` against the `expected`
/// ones: a fact missing or misplaced, a wrong rule or value, a fact too many.
fn check_case(
    text: &str,
    found: &[&Fact],
    expected: &[Expected],
    case_rule: Option<&str>,
) -> Vec<String> {
    let mut problems = Vec::new();
    let mut matched = vec![false; found.len()];
    for want in expected {
        let span = match expected_span(text, want) {
            Ok(span) => span,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        let shown = format!("{:?} at {:?}", &text[span.range()], char_range(text, span));
        let Some(index) = found
            .iter()
            .enumerate()
            .position(|(i, f)| !matched[i] && f.span == span)
        else {
            problems.push(format!("no fact {shown}"));
            continue;
        };
        matched[index] = true;
        let fact = found[index];
        if let Some(rule) = want.rule.as_deref().or(case_rule) {
            if fact.rule != rule {
                problems.push(format!("{shown}: rule {}, expected {rule}", fact.rule));
            }
        }
        let value = serde_json::to_value(&fact.value).expect("values serialize");
        let mut wanted = want.value.clone().unwrap_or_default();
        // A name's value is its text in Simplified script: a case need not
        // repeat it.
        if fact.kind().is_name() && !wanted.contains_key("name") {
            let simplified = normalize(&text[span.range()]).text().to_string();
            wanted.insert("name".to_string(), toml::Value::String(simplified));
        }
        for difference in value_differences(&value, &wanted) {
            problems.push(format!("{shown}: {difference}"));
        }
    }
    for (fact, _) in found.iter().zip(&matched).filter(|(_, m)| !**m) {
        problems.push(format!("unexpected fact {}", describe(text, fact)));
    }
    problems
}

/// The byte span of `text` an expected fact names: its `span` in
/// characters, or the `at`-th occurrence (from 1) of `fact` in the
/// normalized text, or the whole text.
fn expected_span(text: &str, want: &Expected) -> Result<Span, String> {
    if let Some([start, end]) = want.span {
        if want.fact.is_some() || want.at.is_some() {
            return Err("give `span` or `fact` (and `at`), not both".to_string());
        }
        let byte = |c: usize| {
            text.char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .nth(c)
        };
        return match (byte(start), byte(end)) {
            (Some(s), Some(e)) if s < e => Ok(Span::new(s, e)),
            _ => Err(format!("span [{start}, {end}] lies outside the text")),
        };
    }
    let normalized = normalize(text);
    let Some(wanted) = &want.fact else {
        if want.at.is_some() {
            return Err("`at` without `fact`".to_string());
        }
        return Ok(Span::new(0, text.len()));
    };
    let occurrences: Vec<usize> = normalized
        .text()
        .match_indices(wanted.as_str())
        .map(|(i, _)| i)
        .collect();
    let start = match (occurrences.len(), want.at) {
        (0, _) => return Err(format!("fact {wanted:?} does not occur in the text")),
        (1, None) => occurrences[0],
        (n, None) => {
            return Err(format!(
                "fact {wanted:?} occurs {n} times: say which with `at`"
            ))
        }
        (n, Some(at)) if at == 0 || at > n => {
            return Err(format!("fact {wanted:?} occurs {n} times, not at = {at}"))
        }
        (_, Some(at)) => occurrences[at - 1],
    };
    Ok(normalized.to_original(Span::new(start, start + wanted.len())))
}

/// Every difference between a fact's JSON value and the case's `value`:
/// a field that differs, one the case leaves out, one the fact lacks.
fn value_differences(actual: &Json, expected: &toml::Table) -> Vec<String> {
    let empty = serde_json::Map::new();
    let actual = actual.as_object().unwrap_or(&empty);
    let mut differences = Vec::new();
    for (field, got) in actual {
        match expected.get(field) {
            Some(want) if same(got, want) => {}
            Some(want) => differences.push(format!("{field} = {got}, expected {want}")),
            None => differences.push(format!("unexpected {field} = {got}")),
        }
    }
    for (field, want) in expected {
        if !actual.contains_key(field) {
            differences.push(format!("no {field}, expected {want}"));
        }
    }
    differences
}

/// Compares a fact's JSON field with a corpus value (numbers within 1e-9).
fn same(actual: &Json, expected: &toml::Value) -> bool {
    let close = |a: f64, e: f64| (a - e).abs() <= 1e-9 * a.abs().max(1.0);
    match (actual, expected) {
        (Json::Number(a), toml::Value::Integer(e)) => {
            a.as_f64().is_some_and(|a| close(a, *e as f64))
        }
        (Json::Number(a), toml::Value::Float(e)) => a.as_f64().is_some_and(|a| close(a, *e)),
        (Json::String(a), toml::Value::String(e)) => a == e,
        (Json::Bool(a), toml::Value::Boolean(e)) => a == e,
        _ => false,
    }
}

/// A fact as a failure shows it: text, character span, rule and value.
fn describe(text: &str, fact: &Fact) -> String {
    let value = serde_json::to_string(&fact.value).expect("values serialize");
    format!(
        "{:?} at {:?} {} {value}",
        fact.text,
        char_range(text, fact.span),
        fact.rule
    )
}

fn describe_all(text: &str, facts: &[&Fact]) -> String {
    if facts.is_empty() {
        return "none".to_string();
    }
    let all: Vec<String> = facts.iter().map(|f| describe(text, f)).collect();
    format!("[{}]", all.join(", "))
}

/// A byte span as `[start, end]` in characters.
fn char_range(text: &str, span: Span) -> [usize; 2] {
    let range = span.char_range(text);
    [range.start, range.end]
}

/// The document for a corpus text, with its reference time.
fn document<'a>(
    text: &'a str,
    reference_time: Option<&String>,
    region: Option<&String>,
) -> Document<'a> {
    let mut document = Document::new(text);
    if let Some(time) = reference_time {
        document.published = Some(time.parse().expect("reference_time is ISO 8601"));
    }
    if let Some(region) = region {
        document = document.with_region(region.parse().expect("region is a region code"));
    }
    document
}

/// An extractor with the entry's own dictionary words, when it has any.
fn own_extractor(words: &Option<Vec<(String, String)>>) -> Result<Option<Extractor>, String> {
    let Some(words) = words else {
        return Ok(None);
    };
    let mut builder = Extractor::builder();
    for (word, kind) in words {
        let kind: Kind = kind.parse().map_err(|e| format!("word {word:?}: {e}"))?;
        builder.add_word(word, Some(kind));
    }
    builder.build().map(Some).map_err(|e| e.to_string())
}

/// The rule names written in the Rust files under `dir`, with the file of
/// each occurrence.
fn rule_literals(dir: &std::path::Path, found: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rule_literals(&path, found);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        // Doc comments and examples quote rule names; only code names them.
        let source: String = source
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for kind in Kind::ALL {
            let prefix = format!("\"{}.", kind.name());
            for (i, _) in source.match_indices(&prefix) {
                let rest = &source[i + 1..];
                let Some(end) = rest.find('"') else { continue };
                let name = &rest[..end];
                if name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'.')
                {
                    found.push((name.to_string(), path.display().to_string()));
                }
            }
        }
    }
}

/// Every rule named in `src/` has a case and a negative of its own in its
/// kind's corpus.
#[test]
fn every_rule_has_positive_and_negative_lines() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut literals = Vec::new();
    rule_literals(std::path::Path::new(&format!("{root}/src")), &mut literals);
    let mut missing = Vec::new();
    let mut rules = 0;
    for kind in Kind::ALL {
        let prefix = format!("{}.", kind.name());
        let names: BTreeSet<&str> = literals
            .iter()
            .map(|(name, _)| name.as_str())
            .filter(|name| name.starts_with(&prefix))
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
            let entries = corpus.get(section).and_then(|c| c.as_array());
            let mut rules = Vec::new();
            for entry in entries.into_iter().flatten() {
                rules.extend(
                    entry
                        .get("rule")
                        .and_then(|r| r.as_str())
                        .map(str::to_string),
                );
                for fact in entry
                    .get("facts")
                    .and_then(|f| f.as_array())
                    .into_iter()
                    .flatten()
                {
                    rules.extend(
                        fact.get("rule")
                            .and_then(|r| r.as_str())
                            .map(str::to_string),
                    );
                }
            }
            rules
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

/// Each rule of the numeric kinds is written once, in the one function
/// that yields its facts.
#[test]
fn numeric_rules_are_written_once() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut literals = Vec::new();
    rule_literals(std::path::Path::new(&format!("{root}/src")), &mut literals);
    let mut seen = std::collections::BTreeMap::<&str, usize>::new();
    for (name, _) in &literals {
        let kind = name.split('.').next().unwrap_or_default();
        if ["number", "ordinal", "count", "percent", "money"].contains(&kind) {
            *seen.entry(name).or_default() += 1;
        }
    }
    let repeated: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(seen.len() >= 15, "only {} numeric rules found", seen.len());
    assert!(
        repeated.is_empty(),
        "rules written more than once: {repeated:?}"
    );
}

#[test]
fn number_corpus() {
    run_corpus("number", Some(Kind::Number));
}

#[test]
fn ordinal_corpus() {
    run_corpus("ordinal", Some(Kind::Ordinal));
}

#[test]
fn count_corpus() {
    run_corpus("count", Some(Kind::Count));
}

#[test]
fn percent_corpus() {
    run_corpus("percent", Some(Kind::Percent));
}

#[test]
fn money_corpus() {
    run_corpus("money", Some(Kind::Money));
}

#[test]
fn regression_corpus() {
    run_corpus("regression", None);
}

#[test]
fn time_corpus() {
    run_corpus("time", Some(Kind::Time));
}

#[test]
fn duration_corpus() {
    run_corpus("duration", Some(Kind::Duration));
}

#[test]
fn org_corpus() {
    run_corpus("org", Some(Kind::Org));
}

#[test]
fn place_corpus() {
    run_corpus("place", Some(Kind::Place));
}

#[test]
fn person_corpus() {
    run_corpus("person", Some(Kind::Person));
}
