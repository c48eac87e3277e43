//! The `zhfacts` command end to end: input forms, options, bad input,
//! faults, and the safety of the output file.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use tempfile::TempDir;

fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zhfacts"));
    command.args(args);
    command
}

fn run_in(dir: Option<&Path>, args: &[&str], stdin: &[u8]) -> Output {
    let mut command = command(args);
    if let Some(dir) = dir {
        command.current_dir(dir);
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("zhfacts runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn zhfacts(args: &[&str], stdin: &[u8]) -> Output {
    run_in(None, args, stdin)
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn reports(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn ids(output: &Output) -> Vec<String> {
    reports(output)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

fn write(dir: &Path, name: &str, content: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, content).unwrap();
    path
}

fn gzip(content: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(content).unwrap();
    encoder.finish().unwrap()
}

/// `count` JSONL documents `d0`, `d1`, … whose text is `增长{i}%`.
fn numbered_documents(count: usize) -> String {
    (0..count)
        .map(|i| format!("{{\"id\": \"d{i}\", \"text\": \"增长{i}%\"}}\n"))
        .collect()
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn jsonl_on_standard_input_gives_one_report_a_line_in_order() {
    let input = "{\"id\": \"a\", \"text\": \"增长12.6%\"}\n{\"id\": \"b\", \"text\": \"33个品牌\", \"published\": \"2023-09-27\"}\n";
    let output = zhfacts(&[], input.as_bytes());
    assert!(output.status.success(), "{}", stderr(&output));
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
fn every_spelling_of_the_thread_option_is_accepted() {
    let input = numbered_documents(3);
    for args in [
        &["-j", "2"][..],
        &["-j2"],
        &["--jobs", "2"],
        &["--threads=2"],
        &["--threads", "2"],
    ] {
        let output = zhfacts(args, input.as_bytes());
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        assert_eq!(ids(&output), ["d0", "d1", "d2"], "{args:?}");
    }
    let output = zhfacts(&["-j", "0"], b"");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn double_dash_ends_the_options() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "-j2.jsonl", numbered_documents(1).as_bytes());
    let output = run_in(Some(dir.path()), &["--quiet", "--", "-j2.jsonl"], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(ids(&output), ["d0"]);
}

#[test]
fn help_lists_the_options_and_hides_the_test_hook() {
    let output = zhfacts(&["--help"], b"");
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for option in [
        "--output",
        "--kinds",
        "--pretty",
        "--threads",
        "--jobs",
        "--text",
        "--published",
        "--quiet",
        ".jsonl.gz",
        ".ndjson",
    ] {
        assert!(help.contains(option), "{option} missing:\n{help}");
    }
    assert!(!help.contains("panic"), "{help}");
}

#[test]
fn bad_lines_are_reported_with_file_and_line_and_skipped() {
    let dir = TempDir::new().unwrap();
    let mut input = Vec::new();
    input.extend_from_slice("{\"id\": \"good1\", \"text\": \"1.3万名\"}\n".as_bytes());
    input.extend_from_slice(b"{not json\n");
    input.extend_from_slice(b"{\"id\": \"bad\", \"text\": \"\xff\xfe\"}\n");
    input.extend_from_slice(b"[1, 2]\n");
    input.extend_from_slice(b"{\"id\": \"notext\"}\n");
    input.extend_from_slice(b"{\"id\": \"numtext\", \"text\": 12}\n");
    input.extend_from_slice(b"\n");
    input.extend_from_slice(
        "{\"id\": \"late\", \"text\": \"今天\", \"published\": \"someday\"}\n".as_bytes(),
    );
    input.extend_from_slice(b"{\"id\": \"good2\", \"text\": \"98%\"}\n");
    let path = write(dir.path(), "mixed.jsonl", &input);
    let path = path_str(&path);
    let output = zhfacts(&[path], b"");
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr(&output);
    for expected in [
        format!("{path}:2: malformed JSON"),
        format!("{path}:3: invalid UTF-8"),
        format!("{path}:4: not a JSON object"),
        format!("{path}:5: no \"text\""),
        format!("{path}:6: \"text\" is not a string"),
        format!("{path}:8: warning: "),
        "5 lines skipped".to_string(),
    ] {
        assert!(stderr.contains(&expected), "{expected} missing:\n{stderr}");
    }
    assert_eq!(ids(&output), ["good1", "late", "good2"]);
    assert_eq!(
        reports(&output)[1]["meta"]["published"],
        serde_json::Value::Null
    );
}

#[test]
fn a_text_file_is_one_article_named_by_its_path() {
    let dir = TempDir::new().unwrap();
    let path = write(
        dir.path(),
        "article.txt",
        "發(fā)力六項(xiàng)行動(dòng)".as_bytes(),
    );
    let output = zhfacts(&[path_str(&path)], b"");
    assert!(output.status.success());
    let reports = reports(&output);
    assert_eq!(reports[0]["id"], path_str(&path));
    assert_eq!(reports[0]["facts"][0]["text"], "六項(xiàng)");
}

#[test]
fn same_names_in_different_folders_get_different_ids() {
    let dir = TempDir::new().unwrap();
    let a = write(dir.path(), "x/a.txt", "增长5%".as_bytes());
    let b = write(dir.path(), "y/a.txt", "增长6%".as_bytes());
    let output = zhfacts(&[path_str(&a), path_str(&b)], b"");
    assert_eq!(ids(&output), [path_str(&a), path_str(&b)]);
}

#[test]
fn a_byte_order_mark_counts_in_the_offsets() {
    let dir = TempDir::new().unwrap();
    let content = "\u{feff}全市增长12.6%".as_bytes();
    let path = write(dir.path(), "bom.txt", content);
    let output = zhfacts(&[path_str(&path)], b"");
    let fact = &reports(&output)[0]["facts"][0];
    let (start, end) = (
        fact["start"].as_u64().unwrap() as usize,
        fact["end"].as_u64().unwrap() as usize,
    );
    assert_eq!((start, end), (3 + 12, 3 + 17));
    assert_eq!(&content[start..end], "12.6%".as_bytes());
    assert_eq!(fact["text"], "12.6%");
}

#[test]
fn plain_text_on_standard_input_with_a_reference_time() {
    let output = zhfacts(
        &["--text", "--published", "2023-09-27T08:00:00"],
        "今天增长5%".as_bytes(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let found = reports(&output);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["id"], "<stdin>");
    let time = &found[0]["facts"][0];
    assert_eq!(time["kind"], "time");
    assert_eq!(time["value"]["start"], "2023-09-27T00:00:00");
    // A document's own publication time wins over --published.
    let input = "{\"id\": \"own\", \"text\": \"今天\", \"published\": \"2020-01-02\"}\n";
    let output = zhfacts(&["--published", "2023-09-27T08:00:00"], input.as_bytes());
    assert_eq!(
        reports(&output)[0]["facts"][0]["value"]["start"],
        "2020-01-02T00:00:00"
    );
    let output = zhfacts(&["--published", "soon"], b"");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn gzip_files_are_read_through_and_a_truncated_one_is_reported() {
    let dir = TempDir::new().unwrap();
    let whole = write(
        dir.path(),
        "docs.JSONL.GZ",
        &gzip(numbered_documents(3).as_bytes()),
    );
    let article = write(dir.path(), "a.txt.gz", &gzip("增长5%".as_bytes()));
    let output = zhfacts(&[path_str(&whole), path_str(&article)], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(ids(&output), ["d0", "d1", "d2", path_str(&article)]);
    // Standard input is recognised by its first bytes.
    let output = zhfacts(&[], &gzip(numbered_documents(2).as_bytes()));
    assert_eq!(ids(&output), ["d0", "d1"]);

    let big = gzip(numbered_documents(5000).as_bytes());
    let truncated = write(dir.path(), "cut.jsonl.gz", &big[..big.len() / 2]);
    let output = zhfacts(&[path_str(&truncated), path_str(&whole)], b"");
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr(&output);
    let message = format!("{}:", path_str(&truncated));
    assert!(
        stderr.contains(&message) && stderr.contains("rest of file skipped"),
        "{stderr}"
    );
    let ids = ids(&output);
    let read = ids.len() - 3;
    assert!(read > 100 && read < 5000, "{read} documents before the cut");
    assert!(ids[..read]
        .iter()
        .enumerate()
        .all(|(i, id)| *id == format!("d{i}")));
    assert_eq!(ids[read..], ["d0", "d1", "d2"]);
}

#[test]
fn folders_are_walked_in_name_order_for_known_files() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    write(root, "b/one.txt", "增长1%".as_bytes());
    write(root, "a/two.TXT", "增长2%".as_bytes());
    write(
        root,
        "a/docs.jsonl.gz",
        &gzip(numbered_documents(2).as_bytes()),
    );
    write(root, "a/notes.md", "增长3%".as_bytes());
    write(root, "c.ndjson", numbered_documents(1).as_bytes());
    let output = run_in(Some(root), &["."], b"");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        ids(&output),
        ["d0", "d1", "./a/two.TXT", "./b/one.txt", "d0"]
    );
}

#[test]
fn unreadable_and_missing_files_are_reported_and_the_run_goes_on() {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    write(root, "in/good.txt", "增长1%".as_bytes());
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("nowhere.jsonl"), root.join("in/gone.jsonl")).unwrap();
    let locked = write(root, "in/locked.txt", "增长2%".as_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let locked_is_readable = std::fs::File::open(&locked).is_ok(); // as root
    let output = run_in(
        Some(root),
        &["missing.jsonl", "in", "-"],
        numbered_documents(1).as_bytes(),
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr(&output);
    assert!(stderr.contains("missing.jsonl: cannot open: "), "{stderr}");
    assert!(!stderr.contains(":0:"), "{stderr}");
    #[cfg(unix)]
    assert!(stderr.contains("in/gone.jsonl: cannot open: "), "{stderr}");
    let mut expected = vec!["in/good.txt"];
    if locked_is_readable {
        expected.push("in/locked.txt");
    } else {
        assert!(stderr.contains("in/locked.txt: cannot open: "), "{stderr}");
    }
    expected.push("d0");
    assert_eq!(ids(&output), expected);
}

#[test]
fn a_text_file_with_invalid_utf8_names_file_and_line() {
    let dir = TempDir::new().unwrap();
    let path = write(dir.path(), "broken.txt", b"first line\nsecond \xff line\n");
    let good = write(dir.path(), "good.txt", "增长5%".as_bytes());
    let output = zhfacts(&[path_str(&path), path_str(&good)], b"");
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr(&output);
    let expected = format!("{}:2: invalid UTF-8 at byte 7", path.display());
    assert!(stderr.contains(&expected), "{stderr}");
    assert_eq!(ids(&output), [path_str(&good)]);
}

#[test]
fn output_onto_an_input_is_refused_before_reading() {
    let dir = TempDir::new().unwrap();
    let content = numbered_documents(2);
    let input = write(dir.path(), "a.jsonl", content.as_bytes());
    for (args, name) in [
        (vec!["-o", "a.jsonl", "a.jsonl"], "same name"),
        (vec!["-o", "./a.jsonl", "a.jsonl"], "other spelling"),
        (vec!["--output=a.jsonl", "."], "inside a walked folder"),
    ] {
        let output = run_in(Some(dir.path()), &args, b"");
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(
            stderr(&output).contains("would overwrite the input"),
            "{name}"
        );
        assert!(output.stdout.is_empty(), "{name}");
        assert_eq!(std::fs::read_to_string(&input).unwrap(), content, "{name}");
    }
    #[cfg(unix)]
    {
        let output = command(&["-o", "a.jsonl"])
            .current_dir(dir.path())
            .stdin(std::fs::File::open(&input).unwrap())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "standard input");
        assert!(stderr(&output).contains("would overwrite the input <stdin>"));
        assert_eq!(std::fs::read_to_string(&input).unwrap(), content);
    }
}

#[test]
fn output_file_is_complete_or_absent_and_dash_is_standard_output() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out.json");
    let output = zhfacts(
        &["--pretty", "-o", path_str(&out)],
        "{\"id\":\"p\",\"text\":\"三成\"}\n".as_bytes(),
    );
    assert!(output.status.success());
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("\n  \"id\": \"p\""), "{written}");
    let report: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(report["facts"][0]["value"]["number"], 30);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["out.json"], "no temporary file left");

    let output = zhfacts(&["-o", "-"], numbered_documents(1).as_bytes());
    assert_eq!(ids(&output), ["d0"]);
}

#[test]
fn a_panic_in_one_document_leaves_the_others_under_their_ids() {
    let input = numbered_documents(2000);
    let output = zhfacts(
        &["-j", "2", "--test-only-panic-on-id", "d777"],
        input.as_bytes(),
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr(&output);
    assert!(
        stderr.contains("<stdin>:778: id d777: extraction panicked: injected"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("thread '"),
        "default panic message shown:\n{stderr}"
    );
    assert!(stderr.contains("1 document failed"), "{stderr}");
    let reports = reports(&output);
    assert_eq!(reports.len(), 1999);
    for report in reports {
        let id = report["id"].as_str().unwrap();
        let number: u64 = id[1..].parse().unwrap();
        assert_ne!(number, 777);
        assert_eq!(report["facts"][0]["value"]["number"], number, "{id}");
    }
}

#[test]
fn many_documents_keep_their_order_across_threads() {
    let output = zhfacts(&["--threads", "2"], numbered_documents(1500).as_bytes());
    let reports = reports(&output);
    assert_eq!(reports.len(), 1500);
    for (i, report) in reports.iter().enumerate() {
        assert_eq!(report["id"], format!("d{i}"));
        assert_eq!(report["facts"][0]["value"]["number"], i);
    }
}

#[test]
fn kinds_limit_the_facts() {
    let input = "{\"id\": \"a\", \"text\": \"33个品牌,增长12.6%\"}\n";
    let output = zhfacts(&["--kinds", "percent"], input.as_bytes());
    let kinds: Vec<_> = reports(&output)[0]["facts"]
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
fn the_summary_counts_documents_and_facts_unless_quiet() {
    let input = numbered_documents(3);
    let output = zhfacts(&[], input.as_bytes());
    let stderr = stderr(&output);
    assert!(
        stderr
            .starts_with("zhfacts: 3 documents, 3 facts (percent 3), 0 lines skipped, 0.0 MB in "),
        "{stderr}"
    );
    assert!(stderr.trim_end().ends_with("MB/s)"), "{stderr}");
    let output = zhfacts(&["-q"], input.as_bytes());
    assert!(output.stderr.is_empty(), "{}", self::stderr(&output));
    assert_eq!(ids(&output), ["d0", "d1", "d2"]);
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let input = numbered_documents(5);
    let output = zhfacts(&["-o", "/dev/full"], input.as_bytes());
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot write the reports to /dev/full: "),
        "{}",
        stderr(&output)
    );
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let mut child = command(&[])
        .stdin(Stdio::piped())
        .stdout(full)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("cannot write the reports to standard output: "));
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let dir = TempDir::new().unwrap();
    let input = write(
        dir.path(),
        "many.jsonl",
        numbered_documents(20000).as_bytes(),
    );
    let mut child = command(&["-j2", path_str(&input)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    assert!(first.starts_with(b"{\"id\":\"d0\""));
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
}

#[test]
fn an_interrupted_run_leaves_the_output_file_as_it_was() {
    let dir = TempDir::new().unwrap();
    let out = write(dir.path(), "out.jsonl", b"old reports\n");
    let mut child = command(&["-q", "-o", path_str(&out)])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(numbered_documents(3000).as_bytes())
        .unwrap();
    // Reports are being written to the temporary file; stop the run there.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    child.kill().unwrap();
    child.wait().unwrap();
    drop(stdin);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old reports\n");
}
