//! The `zhfacts` command end to end: input forms, bad input, options.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn zhfacts(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhfacts"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("zhfacts runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn reports(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn temp_file(name: &str, content: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zhfacts-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn jsonl_on_standard_input_gives_one_report_a_line_in_order() {
    let input = "{\"id\": \"a\", \"text\": \"增长12.6%\"}\n{\"id\": \"b\", \"text\": \"33个品牌\", \"published\": \"2023-09-27\"}\n";
    let output = zhfacts(&[], input.as_bytes());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let reports = reports(&output);
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["id"], "a");
    assert_eq!(reports[0]["facts"][0]["kind"], "percent");
    assert_eq!(reports[0]["facts"][0]["start"], 6);
    assert_eq!(reports[0]["facts"][0]["end"], 11);
    assert_eq!(reports[0]["facts"][0]["value"]["number"], 12.6);
    assert_eq!(reports[1]["id"], "b");
    assert_eq!(reports[1]["meta"]["published"], "2023-09-27T00:00:00");
    assert_eq!(reports[1]["facts"][0]["value"]["unit"], "个");
}

#[test]
fn bad_lines_are_reported_with_file_and_line_and_skipped() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\": \"good1\", \"text\": \"1.3\xe4\xb8\x87\xe5\x90\x8d\"}\n");
    input.extend_from_slice(b"{not json\n");
    input.extend_from_slice(b"{\"id\": \"bad\", \"text\": \"\xff\xfe\"}\n");
    input.extend_from_slice(b"[1, 2]\n");
    input.extend_from_slice(b"{\"id\": \"notext\"}\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(b"{\"id\": \"good2\", \"text\": \"98%\"}\n");
    let path = temp_file("mixed.jsonl", &input);
    let path = path.to_str().unwrap();
    let output = zhfacts(&[path], b"");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert!(
        stderr.contains(&format!("{path}:2: malformed JSON")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{path}:3: invalid UTF-8")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{path}:4: not a JSON object")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{path}:5: no string \"text\"")),
        "{stderr}"
    );
    let ids: Vec<_> = reports(&output).iter().map(|r| r["id"].clone()).collect();
    assert_eq!(ids, ["good1", "good2"]);
}

#[test]
fn a_text_file_is_one_article_named_by_its_file() {
    let path = temp_file("article.txt", "發(fā)力六項(xiàng)行動(dòng)".as_bytes());
    let output = zhfacts(&[path.to_str().unwrap()], b"");
    assert!(output.status.success());
    let reports = reports(&output);
    assert_eq!(reports[0]["id"], "article.txt");
    assert_eq!(reports[0]["facts"][0]["text"], "六項(xiàng)");
}

#[test]
fn a_text_file_with_invalid_utf8_names_file_and_line() {
    let path = temp_file("broken.txt", b"first line\nsecond \xff line\n");
    let good = temp_file("good.txt", "增长5%".as_bytes());
    let output = zhfacts(&[path.to_str().unwrap(), good.to_str().unwrap()], b"");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    assert!(
        stderr.contains(&format!("{}:2: invalid UTF-8", path.display())),
        "{stderr}"
    );
    assert_eq!(reports(&output).len(), 1);
}

#[test]
fn a_missing_file_is_reported_and_the_run_goes_on() {
    let output = zhfacts(
        &["/nonexistent/zhfacts.jsonl", "-"],
        b"{\"id\":\"x\",\"text\":\"5%\"}\n",
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/nonexistent/zhfacts.jsonl"));
    assert_eq!(reports(&output).len(), 1);
}

#[test]
fn kinds_limit_the_facts() {
    let input = "{\"id\": \"a\", \"text\": \"33个品牌,增长12.6%\"}\n";
    let output = zhfacts(&["--kinds", "percent"], input.as_bytes());
    let reports = reports(&output);
    let kinds: Vec<_> = reports[0]["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["kind"].clone())
        .collect();
    assert_eq!(kinds, ["percent"]);
    let output = zhfacts(&["--kinds", "percent,bogus"], b"");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn output_file_and_pretty_print() {
    let out = std::env::temp_dir().join(format!("zhfacts-cli-out-{}.json", std::process::id()));
    let output = zhfacts(
        &["--pretty", "-o", out.to_str().unwrap()],
        b"{\"id\":\"p\",\"text\":\"\xe4\xb8\x89\xe6\x88\x90\"}\n",
    );
    assert!(output.status.success());
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("\n  \"id\": \"p\""), "{written}");
    let report: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(report["facts"][0]["value"]["number"], 30);
}

#[test]
fn many_documents_keep_their_order_across_threads() {
    let input: String = (0..1500)
        .map(|i| format!("{{\"id\": \"d{i}\", \"text\": \"增长{i}%\"}}\n"))
        .collect();
    let output = zhfacts(&["--threads", "2"], input.as_bytes());
    let reports = reports(&output);
    assert_eq!(reports.len(), 1500);
    for (i, report) in reports.iter().enumerate() {
        assert_eq!(report["id"], format!("d{i}"));
        assert_eq!(report["facts"][0]["value"]["number"], i);
    }
}
