//! Adversarial input: degenerate documents, runs of one character, odd
//! code points, a document of megabytes on one line. None panics, each
//! gives a sensible result, and the work done grows linearly with the
//! length of the input.
//!
//! "Work" is `zhfacts::__work_steps()`, a per-thread count of the
//! characters read by the scans that look ahead from a position (numerals,
//! digit runs, code runs, numeral look-ahead of times): those are the scans
//! that read to the end of a run from every position in it before they were
//! capped. A test runs an input at one size and at ten times that size and
//! asserts the count grows at most twelvefold; wall time is never asserted.

#[path = "support/invariants.rs"]
mod invariants;

use std::sync::LazyLock;
use zhfacts::{Extent, Extractor, Kind, Report, Value};

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

/// The report of `text`, checked against every invariant, and the work done.
fn extract(text: &str) -> (Report, u64) {
    let before = zhfacts::__work_steps();
    let report = EXTRACTOR.extract(text);
    let steps = zhfacts::__work_steps() - before;
    // Shown with `--nocapture`: the work each input cost.
    eprintln!(
        "work: {steps} steps, {} facts, {} bytes",
        report.facts.len(),
        text.len()
    );
    if let Some(problem) = invariants::report_problem(text, &report) {
        panic!("{problem}");
    }
    (report, steps)
}

/// Extracts `unit` repeated `n` and `10 * n` times; asserts the work and
/// the number of facts grow at most twelvefold. Returns the larger report.
fn assert_linear(unit: &str, n: usize) -> Report {
    let (small, small_steps) = extract(&unit.repeat(n));
    let (large, large_steps) = extract(&unit.repeat(10 * n));
    assert!(
        large_steps <= 12 * small_steps.max(1),
        "{unit:?}: {small_steps} steps for {n} copies, {large_steps} for {}",
        10 * n
    );
    assert!(
        large.facts.len() <= 12 * small.facts.len().max(1),
        "{unit:?}: {} facts for {n} copies, {} for {}",
        small.facts.len(),
        large.facts.len(),
        10 * n
    );
    large
}

fn kinds(report: &Report) -> Vec<Kind> {
    report.facts.iter().map(|f| f.kind()).collect()
}

fn texts(report: &Report) -> Vec<&str> {
    report.facts.iter().map(|f| f.text.as_str()).collect()
}

#[test]
fn an_empty_document_has_no_facts() {
    let (report, steps) = extract("");
    assert!(report.facts.is_empty());
    assert_eq!(steps, 0);
}

#[test]
fn white_space_only_has_no_facts() {
    for text in [" ", "\n\n\n", "\t \u{3000}\r\n", &" ".repeat(100_000)] {
        assert!(
            extract(text).0.facts.is_empty(),
            "{:?}",
            &text[..4.min(text.len())]
        );
    }
    assert_linear(" ", 10_000);
    assert_linear("\u{3000}", 10_000);
}

#[test]
fn a_hundred_thousand_scale_characters_are_no_numeral() {
    // 万 and 亿 alone are no numeral (万元 is a unit); a run of them longer
    // than a numeral may be (40 characters) is skipped whole.
    for unit in ["万", "亿", "萬", "億", "兆"] {
        let report = assert_linear(unit, 10_000);
        assert!(report.facts.is_empty(), "{unit}: {:?}", texts(&report));
    }
}

#[test]
fn a_hundred_thousand_digits_are_no_number() {
    // A run of more than 40 digits is an identifier or noise, no quantity.
    let report = assert_linear("1", 10_000);
    assert!(report.facts.is_empty(), "{:?}", texts(&report));
    let report = assert_linear("0", 10_000);
    assert!(report.facts.is_empty());
    // Chinese digits read one by one, too.
    let report = assert_linear("一", 10_000);
    assert!(report.facts.is_empty(), "{:?}", &texts(&report)[..3]);
}

#[test]
fn numerals_still_read_next_to_the_cap() {
    // 22 digits before 亿元: well inside the cap. The value is 10^30 yuan
    // as f64 writes it (9999999999999999999999 rounds to 1e22 in binary,
    // times 10^8).
    let (report, _) = extract("9999999999999999999999亿元");
    assert_eq!(texts(&report), ["9999999999999999999999亿元"]);
    assert_eq!(report.facts[0].kind(), Kind::Money);
    let value = report.facts[0].value.quantity().unwrap().value().unwrap();
    assert_eq!(value, 1e30);
    // A numeral of 40 characters is still read; one of 41 is not.
    let within = format!("0.{}%", "1".repeat(38));
    assert_eq!(texts(&extract(&format!("占{within}")).0), [within.as_str()]);
    let beyond = format!("0.{}%", "1".repeat(41));
    assert!(extract(&format!("占{beyond}")).0.facts.is_empty());
}

#[test]
fn values_stay_finite_where_scales_multiply() {
    // 1 and 39 亿: 10^312 overflows f64; what is reported must be finite.
    let text = format!("1{}元", "亿".repeat(39));
    let (report, _) = extract(&text);
    for fact in &report.facts {
        if let Some(q) = fact.value.quantity() {
            if let Extent::Exact(v) = q.extent {
                assert!(v.is_finite(), "{}", fact.text);
            }
        }
    }
}

#[test]
fn runs_of_numeric_pieces_take_linear_work() {
    for unit in [
        "第",
        "1,",
        "1,000,",
        "1.",
        "1-",
        "1-1-",
        "1/",
        "1:",
        "1点",
        "点一",
        "一点",
        "十",
        "百分之",
        "分之",
        "1%",
        "1万",
        "一万",
        "1余",
        "1多",
        "多万",
        "十几",
        "几十",
        "1~",
        "1至",
        "1年",
        "1月1日",
        "一个",
        "一百个",
        "1美元",
        "农历",
        "同期",
        "今年以来",
        "十周年",
        "二份一",
        "1份",
        "a1",
        "A1",
        "USD1",
        "RMB",
        "0536-",
        "2857 ",
        "(1)",
    ] {
        // Some 6 KB, past the 1200 bytes the link step reads back at most.
        assert_linear(unit, 6000 / unit.len());
    }
}

#[test]
fn first_with_nothing_after_it() {
    for text in ["第", "第第第", "第。", "第\n", "第 "] {
        assert!(extract(text).0.facts.is_empty(), "{text}");
    }
    assert_eq!(kinds(&extract("第三").0), [Kind::Ordinal]);
}

#[test]
fn unbalanced_pinyin_brackets() {
    for text in [
        "項(xiàng",
        "項（xiàng",
        "項xiàng)",
        "項(xiàng))",
        "((((",
        "）））",
        "項(",
        "(xiàng)",
    ] {
        extract(text);
        assert!(invariants::normalize_problem(text).is_none(), "{text}");
    }
    // A closed annotation is dropped; an open one stays as it is.
    assert_eq!(zhfacts::normalize("項(xiàng)").text(), "项");
    assert_eq!(zhfacts::normalize("項(xiàng").text(), "项(xiàng");
    assert_linear("（xiàng", 500);
    assert_linear("項(", 500);
}

#[test]
fn mixed_scripts_and_emoji() {
    let text = "🙂增长12.6%🙂，Ünïcödé 3個品牌👍🏽，русский 5元，العربية ٣";
    let (report, _) = extract(text);
    assert_eq!(texts(&report), ["12.6%", "3個", "5元"]);
}

#[test]
fn control_characters() {
    let text = "\u{0}\u{1}增长\u{7}12.6%\u{1b}[0m，\u{7f}共3个\u{85}";
    let (report, _) = extract(text);
    assert_eq!(texts(&report), ["12.6%", "3个"]);
    assert!(invariants::normalize_problem(text).is_none());
}

#[test]
fn a_byte_order_mark_is_kept_out_of_spans() {
    let (report, _) = extract("\u{feff}增长12.6%");
    assert_eq!(texts(&report), ["12.6%"]);
    assert_eq!(report.facts[0].span.start, "\u{feff}增长".len());
}

#[test]
fn crlf_line_ends_read_like_lf() {
    let lf = "2023年上半年\n增长3.1%\n共有33个品牌";
    let crlf = lf.replace('\n', "\r\n");
    let (lf_report, _) = extract(lf);
    let (crlf_report, _) = extract(&crlf);
    assert_eq!(texts(&lf_report), texts(&crlf_report));
    assert_eq!(
        kinds(&crlf_report),
        [Kind::Time, Kind::Percent, Kind::Count]
    );
}

#[test]
fn lone_combining_marks() {
    for text in [
        "\u{301}",
        "\u{301}12%",
        "增\u{301}长12%",
        &"\u{301}".repeat(1000),
    ] {
        extract(text);
        assert!(invariants::normalize_problem(text).is_none());
    }
    assert_eq!(texts(&extract("\u{301}12%").0), ["12%"]);
    assert_linear("\u{301}", 1000);
}

#[test]
fn characters_outside_the_basic_plane() {
    // 𠀋 and 𡃁 (Cantonese) are four bytes in UTF-8.
    let text = "𠀋𡃁增长12.6%𠀋，𡃁共3个";
    let (report, _) = extract(text);
    assert_eq!(texts(&report), ["12.6%", "3个"]);
    assert_linear("𡃁", 1000);
}

#[test]
fn invalid_surrogates_in_json_escapes_are_errors_not_panics() {
    // A JSONL line with a lone surrogate is refused by the JSON reader, and
    // the same text with the replacement character extracts as usual.
    for line in [
        r#"{"id":"a","text":"增长\ud800 12%"}"#,
        r#"{"id":"a","text":"\udc00共3个"}"#,
        r#"{"id":"a","text":"\ud83d"}"#,
    ] {
        assert!(
            serde_json::from_str::<serde_json::Value>(line).is_err(),
            "{line}"
        );
    }
    let (report, _) = extract("增长\u{fffd} 12%\u{fffd}共3个");
    assert_eq!(texts(&report), ["12%", "3个"]);
}

/// A single line of `bytes` bytes from the lines of the sample articles
/// that have facts of their own (a line with a footer marker makes all of
/// a one-line document boilerplate), newlines dropped.
fn one_line(bytes: usize) -> String {
    let mut paths: Vec<_> = std::fs::read_dir("testdata/articles")
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let articles: String = paths
        .iter()
        .flat_map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            let lines: Vec<String> = text.lines().map(str::to_string).collect();
            lines
        })
        .filter(|line| !EXTRACTOR.extract(line).facts.is_empty())
        .collect();
    let mut text = String::with_capacity(bytes + articles.len());
    while text.len() < bytes {
        text.push_str(&articles);
    }
    let mut end = bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text
}

#[test]
fn a_long_single_line_takes_linear_work() {
    // 1 MB and 10 MB in a release build; a tenth of that in a debug one.
    let unit = if cfg!(debug_assertions) {
        100_000
    } else {
        1_000_000
    };
    let (small, small_steps) = extract(&one_line(unit));
    let (large, large_steps) = extract(&one_line(10 * unit));
    assert!(small.facts.len() > 100);
    assert!(
        large_steps <= 12 * small_steps,
        "{small_steps} then {large_steps}"
    );
    let ratio = large.facts.len() as f64 / small.facts.len() as f64;
    assert!((9.0..=11.0).contains(&ratio), "facts grew {ratio}-fold");
}

#[test]
fn money_value_kinds_hold_on_repeated_amounts() {
    // Many amounts in one sentence: each is found, each links nowhere odd.
    let report = assert_linear("5元、", 1000);
    assert!(report
        .facts
        .iter()
        .all(|f| matches!(f.value, Value::Money { .. })));
    assert_eq!(report.facts.len(), 10_000);
}

#[test]
fn names_repeated_along_one_line_cost_linear_work() {
    // One name per document compares every occurrence of a name with the
    // names around it: the teams and their second mention, a township
    // found after its county and again before 公所. Repeated on one line,
    // each copy still gives the same names, and the work (occurrences
    // found, neighbours read) grows with the copies, not their square.
    let unit =
        "上海申花0:0战平长春亚泰。赛后上海申花返回驻地。見證東勢鄉行政建設，雲林縣東勢鄉公所啟用。";
    let n = 100;
    let report = assert_linear(unit, n);
    let by_rule = |rule: &str| {
        report
            .facts
            .iter()
            .filter(|f| f.rule == rule)
            .map(|f| f.text.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(by_rule("org.team").len(), 2 * 10 * n);
    assert_eq!(by_rule("org.same_name"), vec!["上海申花"; 10 * n]);
    assert_eq!(by_rule("place.township"), vec!["東勢鄉"; 10 * n]);
    assert_eq!(
        by_rule("org.proper_suffix"),
        vec!["雲林縣東勢鄉公所"; 10 * n]
    );
}

#[test]
fn names_read_against_the_whole_document_cost_linear_work() {
    // A cut name joined with the character that always follows it (李来 +
    // 希) and a company's short form after a title (总统川普 + 川普集团) are
    // checked against every occurrence in the document. Each check finds
    // all the names' occurrences in one pass, counted as work: repeated on
    // one line, the work grows with the copies, not their square (it grew
    // with the square when each mention searched the whole text).
    let unit = "李来希说，政府应该改革。李来希在台北表示反对。美国总统川普说。川普集团宣布收购。";
    let n = 100;
    let report = assert_linear(unit, n);
    let rule_count = |rule: &str| report.facts.iter().filter(|f| f.rule == rule).count();
    assert_eq!(rule_count("person.joined_third"), 2 * 10 * n);
    assert_eq!(rule_count("org.proper_suffix"), 10 * n);
}
