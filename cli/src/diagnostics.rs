//! What the command tells on standard error: problems in the input, the
//! progress bar and the closing summary.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::fmt::Write as _;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use zhfacts::Kind;

/// Where a document came from: its file as shown and, for JSONL, its line.
#[derive(Clone, Debug)]
pub struct Origin {
    /// The file as given (`<stdin>` for standard input).
    pub file: std::sync::Arc<str>,
    /// The line number, for documents read from JSONL.
    pub line: Option<usize>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.file),
            None => write!(f, "{}", self.file),
        }
    }
}

/// Counts and reports problems; shared by the reader, workers and writer.
pub struct Diagnostics {
    skipped_lines: AtomicUsize,
    skipped_files: AtomicUsize,
    failed_documents: AtomicUsize,
    warnings: AtomicUsize,
    bytes_read: AtomicU64,
    bar: Option<ProgressBar>,
    /// The messages, kept instead of printed (see [`Diagnostics::recording`]).
    recorded: Option<Mutex<Vec<String>>>,
}

impl Default for Diagnostics {
    fn default() -> Diagnostics {
        Diagnostics::new()
    }
}

impl Diagnostics {
    /// Diagnostics with no progress bar yet.
    pub fn new() -> Diagnostics {
        Diagnostics {
            skipped_lines: AtomicUsize::new(0),
            skipped_files: AtomicUsize::new(0),
            failed_documents: AtomicUsize::new(0),
            warnings: AtomicUsize::new(0),
            bytes_read: AtomicU64::new(0),
            bar: None,
            recorded: None,
        }
    }

    /// Diagnostics that keep their messages, for [`Diagnostics::messages`],
    /// instead of printing them: for tests and the fuzz target.
    pub fn recording() -> Diagnostics {
        Diagnostics {
            recorded: Some(Mutex::new(Vec::new())),
            ..Diagnostics::new()
        }
    }

    /// The messages kept so far, in order (none unless
    /// [`Diagnostics::recording`]).
    pub fn messages(&self) -> Vec<String> {
        match &self.recorded {
            Some(recorded) => recorded.lock().map(|m| m.clone()).unwrap_or_default(),
            None => Vec::new(),
        }
    }

    /// Shows a progress bar from now on when standard error is a terminal;
    /// `total_bytes` sizes it when known.
    pub fn start_progress(&mut self, total_bytes: Option<u64>) {
        if std::io::stderr().is_terminal() {
            self.bar = Some(progress_bar(total_bytes));
        }
    }

    fn print(&self, message: &str) {
        if let Some(recorded) = &self.recorded {
            if let Ok(mut messages) = recorded.lock() {
                messages.push(message.to_string());
            }
            return;
        }
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{message}")),
            None => eprintln!("{message}"),
        }
    }

    /// A line that is skipped: `FILE:LINE: reason`.
    pub fn skip_line(&self, file: &str, line: usize, reason: &str) {
        self.skipped_lines.fetch_add(1, Ordering::Relaxed);
        self.print(&format!("{file}:{line}: {reason}; line skipped"));
    }

    /// A file that is skipped, or its rest: `FILE: reason` (`FILE:LINE:`
    /// when the problem has a line).
    pub fn skip_file(&self, file: &str, line: Option<usize>, reason: &str) {
        self.skipped_files.fetch_add(1, Ordering::Relaxed);
        match line {
            Some(line) => self.print(&format!("{file}:{line}: {reason}")),
            None => self.print(&format!("{file}: {reason}")),
        }
    }

    /// A document read in part: `FILE:LINE: warning: reason`.
    pub fn warn(&self, origin: &Origin, reason: &str) {
        self.warnings.fetch_add(1, Ordering::Relaxed);
        self.print(&format!("{origin}: warning: {reason}"));
    }

    /// A document whose extraction panicked.
    pub fn extraction_panicked(&self, origin: &Origin, id: &str, message: &str) {
        self.failed_documents.fetch_add(1, Ordering::Relaxed);
        self.print(&format!(
            "{origin}: id {id}: extraction panicked: {message}; document skipped"
        ));
    }

    /// Counts bytes of text read (after gzip), for the summary.
    pub fn add_bytes(&self, bytes: usize) {
        self.bytes_read.fetch_add(bytes as u64, Ordering::Relaxed);
    }

    /// Moves the bar by bytes read from the disk (before gzip).
    pub fn advance_progress(&self, bytes: usize) {
        if let Some(bar) = &self.bar {
            bar.inc(bytes as u64);
        }
    }

    /// Shows how many documents are written.
    pub fn set_documents(&self, documents: u64) {
        if let Some(bar) = &self.bar {
            bar.set_message(counted(documents, "document"));
        }
    }

    /// Whether anything in the input was skipped or read in part.
    pub fn anything_skipped(&self) -> bool {
        self.skipped_lines.load(Ordering::Relaxed)
            + self.skipped_files.load(Ordering::Relaxed)
            + self.failed_documents.load(Ordering::Relaxed)
            + self.warnings.load(Ordering::Relaxed)
            > 0
    }

    /// Removes the progress bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// The closing line: documents, facts per kind, what was skipped, MB/s.
    pub fn summary(&self, documents: u64, facts: &FactCounts, started: Instant) -> String {
        let seconds = started.elapsed().as_secs_f64();
        let megabytes = self.bytes_read.load(Ordering::Relaxed) as f64 / 1e6;
        let mut line = format!(
            "zhfacts: {}, {}",
            counted(documents, "document"),
            counted(facts.total(), "fact")
        );
        let per_kind: Vec<String> = Kind::ALL
            .iter()
            .zip(facts.0)
            .filter(|(_, n)| *n > 0)
            .map(|(kind, n)| format!("{kind} {n}"))
            .collect();
        if !per_kind.is_empty() {
            let _ = write!(line, " ({})", per_kind.join(", "));
        }
        let skipped_lines = self.skipped_lines.load(Ordering::Relaxed);
        let _ = write!(line, ", {} skipped", counted(skipped_lines as u64, "line"));
        for (count, what, how) in [
            (&self.skipped_files, "file", "skipped"),
            (&self.failed_documents, "document", "failed"),
            (&self.warnings, "warning", "given"),
        ] {
            let count = count.load(Ordering::Relaxed) as u64;
            if count > 0 {
                let _ = write!(line, ", {} {how}", counted(count, what));
            }
        }
        let rate = if seconds > 0.0 {
            megabytes / seconds
        } else {
            0.0
        };
        let _ = write!(
            line,
            ", {megabytes:.1} MB in {seconds:.2} s ({rate:.1} MB/s)"
        );
        line
    }
}

/// `1 line`, `2 lines`.
fn counted(count: u64, what: &str) -> String {
    if count == 1 {
        format!("1 {what}")
    } else {
        format!("{count} {what}s")
    }
}

fn progress_bar(total_bytes: Option<u64>) -> ProgressBar {
    let (bar, template) = match total_bytes {
        Some(total) => (
            ProgressBar::new(total),
            "{elapsed_precise} {wide_bar} {decimal_bytes}/{decimal_total_bytes} \
             {decimal_bytes_per_sec} ETA {eta} {msg}",
        ),
        None => (
            ProgressBar::new_spinner(),
            "{spinner} {elapsed_precise} {decimal_bytes} {decimal_bytes_per_sec} {msg}",
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}

/// Facts written, per kind in the order of [`Kind::ALL`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FactCounts(pub [u64; Kind::ALL.len()]);

impl FactCounts {
    /// Counts one fact of `kind`.
    pub fn add(&mut self, kind: Kind) {
        if let Some(i) = Kind::ALL.iter().position(|k| *k == kind) {
            self.0[i] += 1;
        }
    }

    /// Adds another count to this one.
    pub fn merge(&mut self, other: &FactCounts) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0) {
            *mine += theirs;
        }
    }

    /// All facts.
    pub fn total(&self) -> u64 {
        self.0.iter().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_show_a_line_only_when_there_is_one() {
        let file: std::sync::Arc<str> = "a.jsonl".into();
        let with_line = Origin {
            file: file.clone(),
            line: Some(7),
        };
        let without = Origin { file, line: None };
        assert_eq!(with_line.to_string(), "a.jsonl:7");
        assert_eq!(without.to_string(), "a.jsonl");
    }

    #[test]
    fn the_summary_counts_facts_per_kind_and_skipped_lines() {
        let diagnostics = Diagnostics::new();
        diagnostics.add_bytes(2_000_000);
        let mut facts = FactCounts::default();
        facts.add(Kind::Percent);
        facts.add(Kind::Percent);
        facts.add(Kind::Money);
        let line = diagnostics.summary(3, &facts, Instant::now());
        assert!(
            line.starts_with(
                "zhfacts: 3 documents, 3 facts (percent 2, money 1), 0 lines skipped, 2.0 MB in "
            ),
            "{line}"
        );
        assert!(!diagnostics.anything_skipped());
    }
}
