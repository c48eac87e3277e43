//! Where the reports go: standard output, or a file written under a
//! temporary name and renamed into place when the run is complete. A run
//! stopped by SIGINT, SIGTERM or SIGHUP removes its temporary file.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use tempfile::NamedTempFile;
use zhfacts::Report;

/// Appends one report as a JSON line (or indented JSON and a newline) to
/// `out`: `{"id", "meta", "facts"}`, the id being the one given to the
/// extractor.
pub fn write_json_line(report: &Report, pretty: bool, out: &mut Vec<u8>) {
    debug_assert!(report.id.is_some(), "every document has an id");
    if pretty {
        // Writing to memory fails only if serialization does, which it
        // cannot for a report (string keys, numbers written as JSON can).
        serde_json::to_writer_pretty(&mut *out, report).expect("a report serializes");
    } else {
        report.write_json(out);
    }
    out.push(b'\n');
}

/// The destination of the reports.
pub enum Output {
    /// Standard output.
    Stdout(BufWriter<io::Stdout>),
    /// Something that is not a regular file (`/dev/null`, a named pipe),
    /// written directly.
    Direct(BufWriter<File>, PathBuf),
    /// A temporary file beside `path`, renamed to it by [`Output::finish`].
    File {
        /// The temporary file being written.
        temporary: BufWriter<NamedTempFile>,
        /// The file asked for.
        path: PathBuf,
    },
}

impl Output {
    /// Standard output for `None` or `-`; else a temporary file in the
    /// folder of `path` (of the file it links to), unless `path` exists and
    /// is no regular file (`/dev/null`, a named pipe), written directly.
    pub fn create(path: Option<&Path>) -> io::Result<Output> {
        let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
            let stdout = io::stdout();
            return Ok(Output::Stdout(BufWriter::with_capacity(1 << 16, stdout)));
        };
        let path = match std::fs::metadata(path) {
            Ok(metadata) if !metadata.is_file() => {
                let file = std::fs::OpenOptions::new().write(true).open(path)?;
                let out = BufWriter::with_capacity(1 << 16, file);
                return Ok(Output::Direct(out, path.to_path_buf()));
            }
            Ok(_) => std::fs::canonicalize(path)?,
            Err(_) => path.to_path_buf(),
        };
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let temporary = tempfile::Builder::new()
            .prefix(".zhfacts-")
            .suffix(".part")
            .tempfile_in(folder)?;
        remove_on_signal(temporary.path());
        Ok(Output::File {
            temporary: BufWriter::with_capacity(1 << 16, temporary),
            path,
        })
    }

    fn writer(&mut self) -> &mut dyn Write {
        match self {
            Output::Stdout(out) => out,
            Output::Direct(out, _) => out,
            Output::File { temporary, .. } => temporary,
        }
    }

    /// Writes bytes.
    pub fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.writer().write_all(bytes)
    }

    /// Flushes everything; a file is synced and renamed into place.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Output::Stdout(mut out) => out.flush(),
            Output::Direct(mut out, _) => out.flush(),
            Output::File { temporary, path } => {
                let temporary = temporary.into_inner().map_err(|e| e.into_error())?;
                temporary.as_file().sync_all()?;
                let mode = std::fs::metadata(&path).map(|m| m.permissions()).ok();
                set_permissions(temporary.as_file(), mode)?;
                // Held while renaming, so that a signal now waits for the
                // rename and then finds nothing left to remove.
                let mut pending = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
                *pending = None;
                temporary.persist(&path).map_err(|e| e.error)?;
                Ok(())
            }
        }
    }

    /// Whether the reports go to standard output.
    pub fn is_stdout(&self) -> bool {
        matches!(self, Output::Stdout(_))
    }

    /// The name of the destination, for messages.
    pub fn name(&self) -> String {
        match self {
            Output::Stdout(_) => "standard output".into(),
            Output::Direct(_, path) => path.display().to_string(),
            Output::File { path, .. } => path.display().to_string(),
        }
    }
}

/// Exit status of a run stopped by a signal (128 + SIGINT's number, as a
/// shell reports Ctrl-C; the handler is not told which signal came).
const EXIT_INTERRUPTED: i32 = 130;

/// The temporary file being written, if any.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Makes SIGINT, SIGTERM and SIGHUP remove the temporary file `path`
/// (dropping it would, but a signal ends the process without drops) and
/// end the run, leaving the `-o` file as it was.
fn remove_on_signal(path: &Path) {
    *PENDING.lock().unwrap_or_else(PoisonError::into_inner) = Some(path.to_path_buf());
    // Fails when a handler is set already (it then does the same), and when
    // the parent made one of the three signals other than the default (a
    // background job of a script or nohup ignores SIGINT or SIGHUP): the
    // signals then keep what the parent chose, and a stopped run leaves its
    // `.part` file beside an untouched `-o` file.
    let _ = ctrlc::try_set_handler(|| {
        let pending = PENDING.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(path) = pending.as_deref() {
            let _ = std::fs::remove_file(path);
        }
        eprintln!("zhfacts: interrupted; no reports written");
        std::process::exit(EXIT_INTERRUPTED);
    });
}

/// Gives the new file the permissions of the one it replaces, or the
/// usual ones for a new file (a temporary file is private to its owner).
fn set_permissions(file: &File, replaced: Option<std::fs::Permissions>) -> io::Result<()> {
    let permissions = match replaced {
        Some(permissions) => permissions,
        None => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                std::fs::Permissions::from_mode(0o644)
            }
            #[cfg(not(unix))]
            {
                return Ok(());
            }
        }
    };
    file.set_permissions(permissions)
}
