//! A run writing to `-o` and stopped by a signal: the temporary file it
//! was writing is removed and the `-o` file is left as it was.

#![cfg(unix)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// The temporary files (`.zhfacts-*.part`) in `dir`, with their sizes.
fn temporary_files(dir: &Path) -> Vec<(String, u64)> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap())
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let size = entry.metadata().map_or(0, |m| m.len());
            (name.starts_with(".zhfacts-") && name.ends_with(".part")).then_some((name, size))
        })
        .collect()
}

/// Starts `zhfacts -o out.jsonl` on an endless stream of documents, waits
/// until reports reach its temporary file, sends `signal` with kill(1), and
/// returns the exit code.
///
/// The command leaves signals alone that its parent ignores (a job started
/// in the background of a script or under nohup ignores SIGINT or SIGHUP),
/// and so may this test's runner: perl (in every Debian install) execs the
/// command with the three signals set back to their defaults.
fn stopped_by(signal: &str, dir: &Path) -> Option<i32> {
    let out = dir.join("out.jsonl");
    let defaults = r#"$SIG{$_} = "DEFAULT" for qw(INT TERM HUP); exec @ARGV or die "exec: $!""#;
    let mut child = Command::new("perl")
        .args(["-e", defaults, env!("CARGO_BIN_EXE_zhfacts")])
        .args(["-q", "-j", "1", "-o", out.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("zhfacts runs");
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        for i in 0.. {
            let line = format!("{{\"id\": \"d{i}\", \"text\": \"今年增长{i}%，收入3亿元\"}}\n");
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let started = Instant::now();
    while !temporary_files(dir).iter().any(|(_, size)| *size > 0) {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no reports written in a minute"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let output = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("interrupted"), "{signal}: {stderr}");
    output.status.code()
}

#[test]
fn a_signal_removes_the_temporary_file_and_keeps_the_old_output() {
    for signal in ["TERM", "INT", "HUP"] {
        let dir = TempDir::new().unwrap();
        let out = dir.path().join("out.jsonl");
        std::fs::write(&out, "old reports\n").unwrap();
        let code = stopped_by(signal, dir.path());
        assert_eq!(code, Some(130), "{signal}");
        assert_eq!(temporary_files(dir.path()), [], "{signal}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "old reports\n");
    }
}

#[test]
fn a_signal_before_any_output_file_existed_leaves_none() {
    let dir = TempDir::new().unwrap();
    let code = stopped_by("TERM", dir.path());
    assert_eq!(code, Some(130));
    assert_eq!(temporary_files(dir.path()), []);
    assert!(!dir.path().join("out.jsonl").exists());
}
