//! The inputs named on the command line: standard input, files, and the
//! files found by walking folders; how each is read.

use crate::diagnostics::Diagnostics;
use flate2::read::MultiGzDecoder;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How a source holds its documents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON document a line.
    Jsonl,
    /// The whole source is one article.
    Article,
}

/// One input to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The file, or `None` for standard input.
    pub path: Option<PathBuf>,
    /// The name shown in messages and used for ids: the path as given.
    pub name: String,
    /// How it holds its documents.
    pub format: Format,
    /// Whether it is gzip-compressed.
    pub gzip: bool,
}

/// The name standard input goes by.
pub const STDIN_NAME: &str = "<stdin>";

impl Source {
    fn stdin(text: bool) -> Source {
        Source {
            path: None,
            name: STDIN_NAME.to_string(),
            format: if text { Format::Article } else { Format::Jsonl },
            gzip: false,
        }
    }

    fn file(path: PathBuf) -> Source {
        let (format, gzip) = format_of(&path);
        Source {
            name: path.display().to_string(),
            path: Some(path),
            format,
            gzip,
        }
    }

    /// Opens the source for reading, through gzip when it is compressed
    /// (standard input is sniffed for the gzip magic number). Bytes read
    /// from the disk move the progress bar.
    pub fn open<'a>(
        &self,
        diagnostics: &'a Diagnostics,
    ) -> io::Result<Box<dyn BufRead + Send + 'a>> {
        let raw: Box<dyn Read + Send> = match &self.path {
            Some(path) => Box::new(File::open(path)?),
            None => Box::new(io::stdin()),
        };
        let counted = Counted {
            inner: raw,
            diagnostics,
        };
        let mut buffered = BufReader::with_capacity(1 << 16, counted);
        let gzip =
            self.gzip || (self.path.is_none() && buffered.fill_buf()?.starts_with(&[0x1f, 0x8b]));
        Ok(if gzip {
            Box::new(BufReader::with_capacity(
                1 << 16,
                MultiGzDecoder::new(buffered),
            ))
        } else {
            Box::new(buffered)
        })
    }
}

/// A reader that tells the progress bar how many bytes it read.
struct Counted<'a, R> {
    inner: R,
    diagnostics: &'a Diagnostics,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.diagnostics.advance_progress(n);
        Ok(n)
    }
}

/// The format of a file by its name, case-insensitively, and whether it
/// is gzip-compressed (`.gz` after the name of its format).
pub fn format_of(path: &Path) -> (Format, bool) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let (name, gzip) = match name.strip_suffix(".gz") {
        Some(inner) => (inner.to_string(), true),
        None => (name, false),
    };
    let jsonl = [".jsonl", ".ndjson", ".json"]
        .iter()
        .any(|ext| name.ends_with(ext));
    (
        if jsonl {
            Format::Jsonl
        } else {
            Format::Article
        },
        gzip,
    )
}

/// Whether a file found in a folder is one to read.
fn is_walked(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    [".txt", ".jsonl", ".ndjson"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// The sources the arguments name, folders walked in name order. With no
/// argument, standard input. A folder that cannot be read is reported.
pub fn expand(args: &[PathBuf], text: bool, diagnostics: &Diagnostics) -> Vec<Source> {
    if args.is_empty() {
        return vec![Source::stdin(text)];
    }
    let mut sources = Vec::new();
    for arg in args {
        if arg.as_os_str() == "-" {
            sources.push(Source::stdin(text));
        } else if arg.is_dir() {
            walk(arg, &mut sources, diagnostics);
        } else {
            sources.push(Source::file(arg.clone()));
        }
    }
    sources
}

fn walk(folder: &Path, sources: &mut Vec<Source>, diagnostics: &Diagnostics) {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => {
            diagnostics.skip_file(
                &folder.display().to_string(),
                None,
                &format!("cannot read the folder: {e}; folder skipped"),
            );
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        // Symbolic links to folders are not followed, so no walk loops.
        let is_link = path
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink());
        if path.is_dir() {
            if !is_link {
                walk(&path, sources, diagnostics);
            }
        } else if is_walked(&path) {
            sources.push(Source::file(path));
        }
    }
}

/// The input that `output` would overwrite, if any: the same file by
/// device and inode, so links and other spellings of the path count too,
/// and so does standard input redirected from it.
pub fn input_overwritten_by<'a>(output: &Path, sources: &'a [Source]) -> Option<&'a Source> {
    let output = std::fs::metadata(output).ok()?;
    sources.iter().find(|source| {
        let path = match &source.path {
            Some(path) => path.as_path(),
            None if cfg!(unix) => Path::new("/dev/stdin"),
            None => return false,
        };
        std::fs::metadata(path).is_ok_and(|input| same_file(&input, &output))
    })
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

/// The total size of the sources on disk, when every one is a file.
pub fn total_size(sources: &[Source]) -> Option<u64> {
    sources
        .iter()
        .map(|s| {
            s.path
                .as_ref()
                .and_then(|p| std::fs::metadata(p).ok())
                .map(|m| m.len())
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension_in_any_case() {
        let cases = [
            ("a.jsonl", Format::Jsonl, false),
            ("a.JSONL", Format::Jsonl, false),
            ("a.ndjson", Format::Jsonl, false),
            ("a.json", Format::Jsonl, false),
            ("dir/a.jsonl.gz", Format::Jsonl, true),
            ("a.Jsonl.GZ", Format::Jsonl, true),
            ("a.txt", Format::Article, false),
            ("a.TXT.gz", Format::Article, true),
            ("README", Format::Article, false),
        ];
        for (name, format, gzip) in cases {
            assert_eq!(format_of(Path::new(name)), (format, gzip), "{name}");
        }
    }

    #[test]
    fn folders_keep_only_known_inputs() {
        for (name, walked) in [
            ("a.txt", true),
            ("a.jsonl.gz", true),
            ("A.NDJSON", true),
            ("a.json", false),
            ("a.md", false),
            ("a.gz", false),
        ] {
            assert_eq!(is_walked(Path::new(name)), walked, "{name}");
        }
    }
}
