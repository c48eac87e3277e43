//! How a report is written: a JSON line, a table for a terminal, or an
//! article of an HTML page.
//!
//! Every format renders one document at a time, on the worker that
//! extracted it, so that the writer only puts byte strings in order; the
//! HTML page adds a head before the first document and a legend and its
//! script after the last.

pub mod html;
pub mod table;
pub mod value;

use crate::output::write_json_line;
use zhfacts::{Fact, Report};

/// The output format named by `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON report a line (the default).
    Jsonl,
    /// A table per article, for a person at a terminal.
    Table,
    /// One self-contained HTML page: each article with its facts marked.
    Html,
}

/// How to render each document, chosen once for the run.
#[derive(Clone, Copy, Debug)]
pub enum Renderer {
    /// JSON, indented when `pretty`.
    Jsonl {
        /// Indent the JSON.
        pretty: bool,
    },
    /// A table, with ANSI colours when `colour`.
    Table {
        /// Colour the kinds and headings.
        colour: bool,
    },
    /// An `<article>` of the page.
    Html,
}

/// What a renderer sees of one document: its report (offsets into the
/// input as given) and its text.
pub struct Rendered<'a> {
    /// The report, offsets already shifted into the input.
    pub report: &'a Report,
    /// The document's text, which offsets point into after `offset` bytes.
    pub text: &'a str,
    /// Bytes of the input before `text` (a byte order mark).
    pub offset: usize,
    /// A name unique in the run, for the page's element ids (`d3`).
    pub key: &'a str,
}

impl Renderer {
    /// Appends the bytes for one document to `out`.
    pub fn render_into(&self, document: &Rendered<'_>, out: &mut Vec<u8>) {
        match *self {
            Renderer::Jsonl { pretty } => write_json_line(document.report, pretty, out),
            Renderer::Table { colour } => {
                out.extend_from_slice(table::render(document.report, colour).as_bytes());
            }
            Renderer::Html => out.extend_from_slice(html::article(document).as_bytes()),
        }
    }
}

/// The text of the fact at `index` in `facts`, for a link (`period`,
/// `place`) that names it.
pub fn linked_text(facts: &[Fact], index: Option<usize>) -> Option<&str> {
    index.and_then(|i| facts.get(i)).map(|f| f.text.as_str())
}
