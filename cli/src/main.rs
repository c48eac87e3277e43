//! `zhfacts`: Chinese news articles in, one JSON fact report per article out.
//!
//! Testing hook: the hidden option `--test-only-panic-on-id ID` makes the
//! extraction of the document with that id panic, so that tests can check
//! that one failing document leaves the others intact. It is not listed in
//! `--help` and its name says what it is for.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod format;
mod options;
mod output;
mod pipeline;

// The reader, its sources and diagnostics are the package's library
// (`src/lib.rs`), which the fuzz target reaches too.
use zhfacts_cli::{diagnostics, read, sources};

use clap::Parser;

/// mimalloc serves the many small allocations of extraction faster than
/// the system allocator (DESIGN.md, Speed).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use diagnostics::Diagnostics;
use format::{html, Format, Renderer};
use options::{Options, When};
use output::Output;
use pipeline::Settings;
use std::io::{self, IsTerminal};
use std::process::ExitCode;
use std::time::Instant;
use zhfacts::Extractor;

/// Exit status when some input was skipped or a document failed.
const EXIT_SKIPPED: u8 = 1;
/// Exit status for a usage error, or when the reports cannot be written.
const EXIT_FAILED: u8 = 2;

fn main() -> ExitCode {
    let started = Instant::now();
    let options = Options::parse();
    if options.pretty && options.format != Format::Jsonl {
        eprintln!("zhfacts: --pretty is for --format jsonl");
        return ExitCode::from(EXIT_FAILED);
    }
    pipeline::install_panic_hook();
    let mut diagnostics = Diagnostics::new();
    let sources = sources::expand(&options.files, options.text, &diagnostics);
    if let Some(path) = options.output.as_deref().filter(|p| p.as_os_str() != "-") {
        if let Some(input) = sources::input_overwritten_by(path, &sources) {
            eprintln!(
                "zhfacts: -o {} would overwrite the input {}; nothing read",
                path.display(),
                input.name
            );
            return ExitCode::from(EXIT_FAILED);
        }
    }
    let extractor = match build_extractor(&options) {
        Ok(extractor) => extractor,
        Err(e) => {
            eprintln!("zhfacts: {e}");
            return ExitCode::from(EXIT_FAILED);
        }
    };
    let mut output = match Output::create(options.output.as_deref()) {
        Ok(output) => output,
        Err(e) => {
            let path = options.output.as_deref().unwrap_or("-".as_ref());
            eprintln!("zhfacts: cannot write {}: {e}", path.display());
            return ExitCode::from(EXIT_FAILED);
        }
    };
    // The bar would overwrite reports that scroll on the same terminal.
    let reports_on_terminal = output.is_stdout() && io::stdout().is_terminal();
    if !options.quiet && !reports_on_terminal {
        diagnostics.start_progress(sources::total_size(&sources));
    }
    let renderer = match options.format {
        Format::Jsonl => Renderer::Jsonl {
            pretty: options.pretty,
        },
        Format::Table => Renderer::Table {
            colour: colour_wanted(options.color, reports_on_terminal),
        },
        Format::Html => Renderer::Html,
    };
    let settings = Settings {
        extractor: &extractor,
        threads: options.worker_threads(),
        renderer,
        panic_on_id: options.panic_on_id.as_deref(),
    };
    let name = output.name();
    let written = write_run(&sources, &settings, &diagnostics, &mut output)
        .and_then(|totals| output.finish().map(|()| totals));
    diagnostics.finish();
    let totals = match written {
        Ok(totals) => totals,
        // A reader that stops early (`zhfacts … | head`) is no error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zhfacts: cannot write the reports to {name}: {e}; run stopped");
            return ExitCode::from(EXIT_FAILED);
        }
    };
    if !options.quiet {
        eprintln!(
            "{}",
            diagnostics.summary(totals.documents, &totals.facts, started)
        );
    }
    if diagnostics.anything_skipped() {
        ExitCode::from(EXIT_SKIPPED)
    } else {
        ExitCode::SUCCESS
    }
}

/// Runs the pipeline, with the page's head and tail around the articles
/// for `--format html`.
fn write_run(
    sources: &[sources::Source],
    settings: &Settings<'_>,
    diagnostics: &Diagnostics,
    output: &mut Output,
) -> io::Result<pipeline::Totals> {
    let page = matches!(settings.renderer, Renderer::Html);
    if page {
        output.write_all(html::head().as_bytes())?;
    }
    let totals = pipeline::run(sources, settings, diagnostics, output)?;
    if page {
        output.write_all(html::tail(totals.documents, &totals.facts).as_bytes())?;
    }
    Ok(totals)
}

/// Whether to colour the table: `--color`, and for `auto`, a terminal and
/// no `NO_COLOR` (see no-color.org: set and not empty).
fn colour_wanted(when: When, reports_on_terminal: bool) -> bool {
    match when {
        When::Always => true,
        When::Never => false,
        When::Auto => {
            reports_on_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn build_extractor(options: &Options) -> Result<Extractor, String> {
    let mut builder = Extractor::builder();
    if let Some(kinds) = &options.kinds {
        builder.kinds(&kinds.0);
    }
    if let Some(published) = options.published {
        builder.reference_time(published);
    }
    if let Some(region) = options.region {
        builder.region(region);
    }
    builder.build().map_err(|e| e.to_string())
}
