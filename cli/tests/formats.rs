//! `--format table` and `--format html` end to end (the page in a real
//! browser is `tests/browser.rs`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use unicode_width::UnicodeWidthStr;

const SAMPLE: &str = "../testdata/articles/weifang-quality-2023.txt";

fn zhfacts_with(args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zhfacts"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command.spawn().expect("zhfacts runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn zhfacts(args: &[&str], stdin: &[u8]) -> Output {
    zhfacts_with(args, stdin, &[])
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn reports(args: &[&str], stdin: &[u8]) -> Vec<serde_json::Value> {
    stdout(&zhfacts(args, stdin))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Three documents, one of them hostile to a page, one empty.
fn documents() -> String {
    [
        r#"{"id": "a", "text": "2023年上半年，潍坊市万元GDP能耗下降3.1%，进口4.3亿元"}"#,
        r#"{"id": "<b>b</b>", "title": "x\"><script>alert()</script>", "text": "</mark><script>alert()</script>增长12.6%，&amp;"}"#,
        r#"{"id": "c", "text": ""}"#,
    ]
    .join("\n")
        + "\n"
}

#[test]
fn the_table_aligns_its_columns_in_terminal_columns() {
    let table = stdout(&zhfacts(&["-q", "--format", "table", SAMPLE], b""));
    let facts = reports(&["-q", SAMPLE], b"")[0]["facts"]
        .as_array()
        .unwrap()
        .len();
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines[0], "== ../testdata/articles/weifang-quality-2023.txt");
    assert_eq!(lines[1], "發力六項行動!濰坊質量品牌建設捷報頻傳");
    assert!(
        lines[2].ends_with(&format!("{facts} facts")),
        "{}",
        lines[2]
    );
    let header = lines[3];
    assert!(header.trim_start().starts_with("#  kind"), "{header}");
    let rows = &lines[4..4 + facts];
    // Every row's value starts in the column of the heading `value`, which
    // only holds when wide characters count two columns.
    let value_at = header[..header.find("value").unwrap()].width();
    for row in rows {
        let cells: Vec<&str> = row.split("  ").filter(|c| !c.is_empty()).collect();
        let value = cells[3].trim();
        assert!(from_column(row, value_at).starts_with(value), "{row}");
    }
    let percent = rows.iter().find(|r| r.contains("12.6%")).unwrap();
    assert!(percent.contains("down"), "{percent}");
    assert!(percent.contains("前兩年"), "{percent}");
    assert!(percent.contains("万元GDP能耗"), "{percent}");
    assert!(!table.contains('\x1b'), "no colour into a pipe");
}

#[test]
fn colour_is_asked_for_or_left_out() {
    let always = stdout(&zhfacts(
        &["-q", "--format=table", "--color=always", SAMPLE],
        b"",
    ));
    assert!(always.contains("\x1b[35mpercent\x1b[0m"));
    let never = stdout(&zhfacts(
        &["-q", "--format=table", "--color=never", SAMPLE],
        b"",
    ));
    assert!(!never.contains('\x1b'));
    // A pipe is no terminal, so auto means none whatever NO_COLOR says.
    let auto = zhfacts_with(&["-q", "--format=table", SAMPLE], b"", &[("NO_COLOR", "1")]);
    assert!(!stdout(&auto).contains('\x1b'));
}

#[test]
fn the_table_has_one_block_an_article_in_order() {
    let table = stdout(&zhfacts(
        &["-q", "--format", "table"],
        documents().as_bytes(),
    ));
    let headings: Vec<&str> = table.lines().filter(|l| l.starts_with("== ")).collect();
    assert_eq!(headings, ["== a", "== <b>b</b>", "== c"]);
    assert!(table.contains("0 facts"), "{table}");
    let title = table
        .lines()
        .nth(table.lines().position(|l| l == "== <b>b</b>").unwrap() + 1);
    assert_eq!(title, Some("x\"><script>alert()</script>"));
}

#[test]
fn pretty_is_only_for_jsonl() {
    let output = zhfacts(&["--pretty", "--format", "html", SAMPLE], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--pretty"));
    assert!(output.stdout.is_empty());
}

/// What `line` shows from terminal column `column` on.
fn from_column(line: &str, column: usize) -> &str {
    let mut used = 0;
    for (at, c) in line.char_indices() {
        if used >= column {
            return &line[at..];
        }
        used += c.to_string().width();
    }
    ""
}

/// The `<mark …>` elements of `page`, as (attributes, inner text).
fn marks(page: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = page;
    while let Some(at) = rest.find("<mark ") {
        rest = &rest[at + 6..];
        let close = rest.find('>').unwrap();
        let end = rest.find("</mark>").unwrap();
        found.push((rest[..close].to_string(), rest[close + 1..end].to_string()));
        rest = &rest[end..];
    }
    found
}

fn attribute<'a>(attributes: &'a str, name: &str) -> Option<&'a str> {
    let start = attributes.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = start + attributes[start..].find('"')?;
    Some(&attributes[start..end])
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn the_page_marks_every_fact_of_every_article_with_its_value() {
    let input = documents();
    let page = stdout(&zhfacts(&["-q", "--format", "html"], input.as_bytes()));
    let reports = reports(&["-q"], input.as_bytes());
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.ends_with("</html>\n"));
    let facts: Vec<&serde_json::Value> = reports
        .iter()
        .flat_map(|r| r["facts"].as_array().unwrap())
        .collect();
    let marks = marks(&page);
    assert_eq!(marks.len(), facts.len());
    for ((attributes, inner), fact) in marks.iter().zip(&facts) {
        assert_eq!(attribute(attributes, "data-kind"), fact["kind"].as_str());
        let value: serde_json::Value =
            serde_json::from_str(&unescape(attribute(attributes, "data-value").unwrap())).unwrap();
        assert_eq!(value, fact["value"]);
        assert_eq!(unescape(inner), fact["text"].as_str().unwrap());
        assert_eq!(
            attribute(attributes, "data-start").unwrap(),
            fact["start"].to_string()
        );
    }
    let percent = &marks[2].0;
    assert_eq!(attribute(percent, "data-show"), Some("3.1%"));
    assert_eq!(attribute(percent, "data-period"), Some("d0-0-f0"));
    assert!(page.contains("<mark id=\"d0-0-f0\""));
    // The legend counts the facts of the run.
    let percents = facts.iter().filter(|f| f["kind"] == "percent").count();
    assert!(page.contains(&format!(
        "data-kind=\"percent\" aria-pressed=\"true\">percent <b>{percents}</b>"
    )));
    assert!(page.contains(&format!("3 articles · {} facts", facts.len())));
}

#[test]
fn article_content_cannot_add_elements_to_the_page() {
    let page = stdout(&zhfacts(
        &["-q", "--format", "html"],
        documents().as_bytes(),
    ));
    assert_eq!(page.matches("<script").count(), 1, "only the page's own");
    assert_eq!(page.matches("</mark>").count(), marks(&page).len());
    assert!(!page.contains("<b>b</b>"));
    assert!(page.contains("&lt;/mark&gt;&lt;script&gt;alert()&lt;/script&gt;"));
    assert!(page.contains("<h2>x&quot;&gt;&lt;script&gt;alert()&lt;/script&gt;</h2>"));
    assert!(page.contains("&amp;amp;"));
}

#[test]
fn the_page_is_self_contained() {
    let page = stdout(&zhfacts(&["-q", "--format", "html", SAMPLE], b""));
    for outside in [
        "src=", "href=", "<link", "@import", "url(", "http://", "https://",
    ] {
        assert!(!page.contains(outside), "{outside} in the page");
    }
    assert!(page.contains("<meta name=\"viewport\""));
}

#[test]
fn an_empty_run_is_still_a_page() {
    let page = stdout(&zhfacts(&["-q", "--format", "html"], b""));
    assert!(page.contains("0 articles · 0 facts"));
    assert!(page.ends_with("</html>\n"));
    let table = zhfacts(&["-q", "--format", "table"], b"");
    assert!(stdout(&table).is_empty());
}

#[test]
fn a_byte_order_mark_keeps_file_offsets_and_the_marks_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("bom.txt");
    std::fs::write(&path, "\u{feff}进口4.3亿元").unwrap();
    let path = path.to_str().unwrap();
    let page = stdout(&zhfacts(&["-q", "--format", "html", path], b""));
    let marks = marks(&page);
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].1, "4.3亿元");
    assert_eq!(attribute(&marks[0].0, "data-start"), Some("9"));
    assert!(page.contains("进口<mark"));
}

#[test]
fn the_page_goes_to_a_file_with_output() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    let output = zhfacts(
        &[
            "-q",
            "--format",
            "html",
            "-o",
            page.to_str().unwrap(),
            SAMPLE,
        ],
        b"",
    );
    assert!(output.status.success());
    assert!(output.stdout.is_empty());
    let written = std::fs::read_to_string(Path::new(&page)).unwrap();
    assert!(written.ends_with("</html>\n"));
    assert!(written.contains("發力六項行動"));
}
