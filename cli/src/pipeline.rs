//! Reading, extraction on a pool of workers, and writing in input order.
//!
//! One reader thread groups the documents into numbered chunks of about
//! [`CHUNK_BYTES`] and feeds a bounded channel; N workers extract and
//! serialize a chunk at a time; the calling thread writes the chunks in
//! sequence, holding back those that come early. Chunks, not documents,
//! keep the hand-offs (and so the wake-ups) few. The reader may run at most
//! a window of chunks ahead of the writer, so memory stays bounded however
//! large the input. A panic in one document's extraction is caught and
//! reported for that document; the others keep their order and ids.

use crate::diagnostics::{Diagnostics, FactCounts};
use crate::format::{Rendered, Renderer};
use crate::output::Output;
use crate::read::{read_source, Input};
use crate::sources::Source;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use zhfacts::{Document, Extractor, Report};

/// Text a chunk of documents holds before it goes to a worker.
pub const CHUNK_BYTES: usize = 64 * 1024;
/// Documents a chunk holds at most.
const CHUNK_DOCUMENTS: usize = 256;
/// Chunks in flight per worker thread: read but not yet written.
const WINDOW_PER_THREAD: u64 = 8;

/// What the workers need to turn an input into a report line.
pub struct Settings<'a> {
    /// The extractor, shared by every worker.
    pub extractor: &'a Extractor,
    /// Worker threads.
    pub threads: usize,
    /// How each report is written.
    pub renderer: Renderer,
    /// Testing only: the id of a document whose extraction panics.
    pub panic_on_id: Option<&'a str>,
}

/// What was written.
#[derive(Debug, Default)]
pub struct Totals {
    /// Reports written.
    pub documents: u64,
    /// Facts in them, per kind.
    pub facts: FactCounts,
}

/// A chunk of documents to extract.
struct Job {
    sequence: u64,
    inputs: Vec<Input>,
}

/// A chunk extracted: its report lines, without those whose extraction
/// panicked.
struct Done {
    sequence: u64,
    lines: Vec<u8>,
    totals: Totals,
}

/// Reads every source, extracts on `settings.threads` workers and writes the
/// reports to `output` in input order. Fails only when writing fails.
pub fn run(
    sources: &[Source],
    settings: &Settings<'_>,
    diagnostics: &Diagnostics,
    output: &mut Output,
) -> io::Result<Totals> {
    let threads = settings.threads.max(1);
    let window = Window::new(WINDOW_PER_THREAD * threads as u64);
    let (job_sender, job_receiver) = mpsc::sync_channel::<Job>(4 * threads);
    let job_receiver = Arc::new(Mutex::new(job_receiver));
    let (done_sender, done_receiver) = mpsc::channel::<Done>();
    std::thread::scope(|scope| {
        let window = &window;
        scope.spawn(move || read_all(sources, diagnostics, window, job_sender));
        for _ in 0..threads {
            let jobs = Arc::clone(&job_receiver);
            let done = done_sender.clone();
            scope.spawn(move || work(&jobs, &done, settings, diagnostics));
        }
        // The workers hold the only handles now: when they stop, the reader's
        // sends fail and it stops too.
        drop(job_receiver);
        drop(done_sender);
        let result = write_in_order(done_receiver, output, window, diagnostics);
        window.close();
        result
    })
}

fn read_all(sources: &[Source], diagnostics: &Diagnostics, window: &Window, jobs: SyncSender<Job>) {
    let mut sequence = 0;
    let mut chunk = Vec::new();
    let mut chunk_bytes = 0;
    let mut send = |chunk: &mut Vec<Input>| {
        if !window.admit(sequence) {
            return false;
        }
        let inputs = std::mem::take(chunk);
        sequence += 1;
        jobs.send(Job {
            sequence: sequence - 1,
            inputs,
        })
        .is_ok()
    };
    for source in sources {
        let go_on = read_source(source, diagnostics, &mut |input| {
            chunk_bytes += input.text.len();
            chunk.push(input);
            if chunk_bytes < CHUNK_BYTES && chunk.len() < CHUNK_DOCUMENTS {
                return true;
            }
            chunk_bytes = 0;
            send(&mut chunk)
        });
        if !go_on {
            return;
        }
    }
    if !chunk.is_empty() {
        send(&mut chunk);
    }
}

fn work(
    jobs: &Mutex<Receiver<Job>>,
    done: &Sender<Done>,
    settings: &Settings<'_>,
    diagnostics: &Diagnostics,
) {
    loop {
        let job = lock(jobs).recv();
        let Ok(Job { sequence, inputs }) = job else {
            return;
        };
        // The reports of a chunk take about two and a half times its
        // text: sized once, the buffer is seldom moved as it fills.
        let text_bytes: usize = inputs.iter().map(|input| input.text.len()).sum();
        let mut finished = Done {
            sequence,
            lines: Vec::with_capacity(3 * text_bytes),
            totals: Totals::default(),
        };
        for (index, input) in inputs.iter().enumerate() {
            let key = format!("d{sequence}-{index}");
            QUIET_PANICS.with(|quiet| quiet.set(true));
            let written = finished.lines.len();
            let result = panic::catch_unwind(AssertUnwindSafe(|| {
                extract(input, &key, settings, &mut finished.lines)
            }));
            QUIET_PANICS.with(|quiet| quiet.set(false));
            match result {
                Ok(facts) => {
                    finished.totals.documents += 1;
                    finished.totals.facts.merge(&facts);
                }
                Err(payload) => {
                    // Nothing of a document that panicked is written.
                    finished.lines.truncate(written);
                    let message = panic_message(&*payload);
                    diagnostics.extraction_panicked(&input.origin, &input.id, &message);
                }
            }
        }
        if done.send(finished).is_err() {
            return;
        }
    }
}

/// Extracts one document and appends its rendered report to `lines`;
/// `key` names it uniquely in the run.
fn extract(input: &Input, key: &str, settings: &Settings<'_>, lines: &mut Vec<u8>) -> FactCounts {
    if settings.panic_on_id == Some(input.id.as_str()) {
        panic!("injected by --test-only-panic-on-id");
    }
    let mut document = Document::new(&input.text).with_id(&input.id);
    document.published = input.published;
    document.region = input.region;
    let mut report = settings.extractor.extract_document(&document);
    if let Some(title) = &input.title {
        report.meta.title = Some(title.clone());
    }
    shift_offsets(&mut report, input.offset);
    let mut facts = FactCounts::default();
    for fact in &report.facts {
        facts.add(fact.kind());
    }
    let rendered = Rendered {
        report: &report,
        text: &input.text,
        offset: input.offset,
        key,
    };
    // About what a line of JSON takes, so that the chunk's buffer grows
    // once a document at most.
    lines.reserve(256 + 256 * report.facts.len());
    settings.renderer.render_into(&rendered, lines);
    facts
}

/// Moves every fact by `offset` bytes, the bytes of the file before the text.
fn shift_offsets(report: &mut Report, offset: usize) {
    if offset == 0 {
        return;
    }
    for fact in &mut report.facts {
        fact.span.start += offset;
        fact.span.end += offset;
    }
}

fn write_in_order(
    done: Receiver<Done>,
    output: &mut Output,
    window: &Window,
    diagnostics: &Diagnostics,
) -> io::Result<Totals> {
    let mut early: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0;
    let mut totals = Totals::default();
    for finished in done {
        early.insert(finished.sequence, finished);
        let before = next;
        while let Some(finished) = early.remove(&next) {
            output.write_all(&finished.lines)?;
            totals.documents += finished.totals.documents;
            totals.facts.merge(&finished.totals.facts);
            next += 1;
        }
        if next != before {
            window.advance(next);
            diagnostics.set_documents(totals.documents);
        }
    }
    Ok(totals)
}

/// How far the reader may run ahead of the writer.
struct Window {
    /// Chunks written so far, and whether the writer has stopped.
    state: Mutex<(u64, bool)>,
    changed: Condvar,
    size: u64,
}

impl Window {
    fn new(size: u64) -> Window {
        Window {
            state: Mutex::new((0, false)),
            changed: Condvar::new(),
            size,
        }
    }

    /// Waits until chunk `sequence` may be sent; `false` once the
    /// writer has stopped.
    fn admit(&self, sequence: u64) -> bool {
        let mut state = lock(&self.state);
        while !state.1 && sequence >= state.0 + self.size {
            state = self.changed.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        !state.1
    }

    fn advance(&self, written: u64) {
        lock(&self.state).0 = written;
        self.changed.notify_all();
    }

    fn close(&self) {
        lock(&self.state).1 = true;
        self.changed.notify_all();
    }
}

/// Locks a mutex, going on if another thread panicked while holding it
/// (the data guarded here stays consistent at every step).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

thread_local! {
    /// Set while a worker extracts: its panics are reported by the worker.
    static QUIET_PANICS: Cell<bool> = const { Cell::new(false) };
}

/// Installs a panic hook that stays silent for panics the workers catch
/// and report themselves, and prints the others as usual.
pub fn install_panic_hook() {
    let default = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !QUIET_PANICS.with(Cell::get) {
            default(info);
        }
    }));
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(message) = payload.downcast_ref::<&str>() {
        (*message).to_string()
    } else if let Some(message) = payload.downcast_ref::<String>() {
        message.clone()
    } else {
        "unknown cause".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_holds_the_reader_back_until_the_writer_advances() {
        let window = Window::new(2);
        assert!(window.admit(0));
        assert!(window.admit(1));
        std::thread::scope(|scope| {
            let waiting = scope.spawn(|| window.admit(2));
            std::thread::sleep(std::time::Duration::from_millis(50));
            assert!(!waiting.is_finished());
            window.advance(1);
            assert!(waiting.join().unwrap());
        });
        window.close();
        assert!(!window.admit(0));
    }

    #[test]
    fn panic_messages_are_read_from_either_payload() {
        let text = panic::catch_unwind(|| panic!("plain")).unwrap_err();
        assert_eq!(panic_message(&*text), "plain");
        let formatted = panic::catch_unwind(|| panic!("id {}", 7)).unwrap_err();
        assert_eq!(panic_message(&*formatted), "id 7");
    }
}
