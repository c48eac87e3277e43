//! `zhfacts`: Chinese news articles in, one JSON fact report per article out.

use serde::Serialize;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use zhfacts::{DateTime, Document, Extractor, Kind, Report};

const USAGE: &str = "\
Usage: zhfacts [OPTIONS] [FILE]...

Reads Chinese news articles and writes one JSON report a line (JSONL) to
standard output, in input order.

Input, by file name:
  *.jsonl, *.json   one document a line: {\"id\", \"text\", \"published\"?, \"title\"?}
  any other file    one article; its id is the file name
  -, or no FILE     JSONL on standard input

Options:
  -o, --output FILE    write the reports to FILE instead of standard output
      --kinds LIST     report only these kinds, comma-separated:
                       number,ordinal,count,percent,money,time,duration,org,place,person
      --pretty         indent the JSON for a person to read
  -j, --threads N      worker threads (default: all cores)
  -h, --help           print this help
  -V, --version        print the version

A line or file that cannot be read is reported on standard error as
FILE:LINE: what is wrong, and skipped; the run goes on. The exit status is 1
when anything was skipped, 2 on a usage error.";

struct Options {
    files: Vec<String>,
    output: Option<String>,
    kinds: Option<Vec<Kind>>,
    pretty: bool,
    threads: usize,
}

fn parse_args(args: Vec<String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        files: Vec::new(),
        output: None,
        kinds: None,
        pretty: false,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("zhfacts {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--pretty" => options.pretty = true,
            "-o" | "--output" => options.output = Some(value("--output")?),
            "-j" | "--threads" => {
                let v = value("--threads")?;
                options.threads =
                    v.parse::<usize>().ok().filter(|&n| n > 0).ok_or_else(|| {
                        format!("--threads takes a positive whole number, not {v:?}")
                    })?;
            }
            "--kinds" => {
                let list = value("--kinds")?;
                let kinds = list
                    .split(',')
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(|k| {
                        Kind::from_name(k).ok_or_else(|| format!("unknown kind {k:?} in --kinds"))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                if kinds.is_empty() {
                    return Err("--kinds names no kind".into());
                }
                options.kinds = Some(kinds);
            }
            "-" => options.files.push(arg),
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg:?}")),
            _ => options.files.push(arg),
        }
    }
    if options.files.is_empty() {
        options.files.push("-".into());
    }
    Ok(Some(options))
}

/// One document read from the input, before extraction.
struct Input {
    id: String,
    text: String,
    published: Option<DateTime>,
    title: Option<String>,
}

/// Reports problems in the input on standard error and counts them.
struct Problems {
    count: usize,
}

impl Problems {
    fn report(&mut self, file: &str, line: usize, message: &str) {
        self.count += 1;
        eprintln!("{file}:{line}: {message}");
    }

    fn warn(&self, file: &str, line: usize, message: &str) {
        eprintln!("{file}:{line}: warning: {message}");
    }
}

#[derive(Serialize)]
struct Output<'a> {
    id: &'a str,
    meta: &'a zhfacts::Meta,
    facts: &'a [zhfacts::Fact],
}

struct Writer<'a> {
    out: Box<dyn Write + 'a>,
    pretty: bool,
}

impl Writer<'_> {
    fn write(&mut self, id: &str, report: &Report) -> io::Result<()> {
        let output = Output {
            id,
            meta: &report.meta,
            facts: &report.facts,
        };
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, &output)?;
        } else {
            serde_json::to_writer(&mut self.out, &output)?;
        }
        self.out.write_all(b"\n")
    }
}

/// Extracts a batch of documents on `threads` threads and writes the
/// reports in input order.
fn run_batch(
    extractor: &Extractor,
    batch: &mut Vec<Input>,
    threads: usize,
    writer: &mut Writer<'_>,
) -> io::Result<()> {
    let extract = |input: &Input| {
        let mut document = Document::new(&input.text).with_id(&input.id);
        document.published = input.published;
        let mut report = extractor.extract_document(&document);
        if let Some(title) = &input.title {
            report.meta.title = Some(title.clone());
        }
        report
    };
    let reports: Vec<Report> = if threads <= 1 || batch.len() < 2 {
        batch.iter().map(extract).collect()
    } else {
        let chunk = batch.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let handles: Vec<_> = batch
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(extract).collect::<Vec<_>>()))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    };
    for (input, report) in batch.iter().zip(&reports) {
        writer.write(&input.id, report)?;
    }
    batch.clear();
    Ok(())
}

/// Parses one JSONL line into an input document, or says what is wrong.
fn parse_line(line: &str, problems: &Problems, name: &str, number: usize) -> Result<Input, String> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| format!("malformed JSON ({e}); line skipped"))?;
    let object = value.as_object().ok_or("not a JSON object; line skipped")?;
    let text = object
        .get("text")
        .and_then(|t| t.as_str())
        .ok_or("no string \"text\"; line skipped")?;
    let id = match object.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => format!("{name}:{number}"),
    };
    let published = match object.get("published") {
        Some(serde_json::Value::String(s)) => match s.parse::<DateTime>() {
            Ok(t) => Some(t),
            Err(e) => {
                problems.warn(name, number, &format!("{e}; document read without it"));
                None
            }
        },
        _ => None,
    };
    let title = object
        .get("title")
        .and_then(|t| t.as_str())
        .map(str::to_string);
    Ok(Input {
        id,
        text: text.to_string(),
        published,
        title,
    })
}

fn is_jsonl(name: &str) -> bool {
    name == "-" || name.ends_with(".jsonl") || name.ends_with(".json") || name.ends_with(".ndjson")
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1).collect()) {
        Ok(Some(options)) => options,
        Ok(None) => return ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("zhfacts: {message}\n(zhfacts --help lists the options)");
            return ExitCode::from(2);
        }
    };
    let extractor = {
        let mut builder = Extractor::builder();
        if let Some(kinds) = &options.kinds {
            builder.kinds(kinds);
        }
        match builder.build() {
            Ok(e) => e,
            Err(e) => {
                eprintln!("zhfacts: {e}");
                return ExitCode::from(2);
            }
        }
    };
    let out: Box<dyn Write> = match &options.output {
        Some(path) => match File::create(path) {
            Ok(f) => Box::new(BufWriter::new(f)),
            Err(e) => {
                eprintln!("zhfacts: cannot write {path}: {e}");
                return ExitCode::from(2);
            }
        },
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut writer = Writer {
        out,
        pretty: options.pretty,
    };
    let mut problems = Problems { count: 0 };
    match run(&options, &extractor, &mut writer, &mut problems) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zhfacts: cannot write the reports: {e}");
            return ExitCode::from(2);
        }
    }
    if let Err(e) = writer.out.flush() {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("zhfacts: cannot write the reports: {e}");
            return ExitCode::from(2);
        }
    }
    if problems.count > 0 {
        eprintln!("zhfacts: {} line(s) or file(s) skipped", problems.count);
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

const BATCH: usize = 512;

fn run(
    options: &Options,
    extractor: &Extractor,
    writer: &mut Writer<'_>,
    problems: &mut Problems,
) -> io::Result<()> {
    let mut batch: Vec<Input> = Vec::with_capacity(BATCH);
    for name in &options.files {
        let reader: Box<dyn BufRead> = if name == "-" {
            Box::new(BufReader::new(io::stdin().lock()))
        } else {
            match File::open(name) {
                Ok(f) => Box::new(BufReader::new(f)),
                Err(e) => {
                    problems.report(name, 0, &format!("cannot read: {e}; file skipped"));
                    continue;
                }
            }
        };
        let shown = if name == "-" {
            "<stdin>"
        } else {
            name.as_str()
        };
        if is_jsonl(name) {
            read_jsonl(reader, shown, problems, &mut |input| {
                batch.push(input);
                if batch.len() >= BATCH {
                    run_batch(extractor, &mut batch, options.threads, writer)?;
                }
                Ok(())
            })?;
        } else if let Some(input) = read_article(reader, name, problems) {
            batch.push(input);
        }
        if batch.len() >= BATCH {
            run_batch(extractor, &mut batch, options.threads, writer)?;
        }
    }
    run_batch(extractor, &mut batch, options.threads, writer)
}

fn read_jsonl(
    mut reader: Box<dyn BufRead + '_>,
    name: &str,
    problems: &mut Problems,
    emit: &mut dyn FnMut(Input) -> io::Result<()>,
) -> io::Result<()> {
    let mut raw = Vec::new();
    let mut number = 0;
    loop {
        raw.clear();
        match reader.read_until(b'\n', &mut raw) {
            Ok(0) => return Ok(()),
            Ok(_) => {}
            Err(e) => {
                problems.report(
                    name,
                    number + 1,
                    &format!("read error: {e}; rest of file skipped"),
                );
                return Ok(());
            }
        }
        number += 1;
        let line = match std::str::from_utf8(&raw) {
            Ok(line) => line,
            Err(e) => {
                problems.report(
                    name,
                    number,
                    &format!(
                        "invalid UTF-8 at byte {} of the line; line skipped",
                        e.valid_up_to()
                    ),
                );
                continue;
            }
        };
        let line = line.trim_end_matches(['\n', '\r']);
        let line = if number == 1 {
            line.trim_start_matches('\u{feff}')
        } else {
            line
        };
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(line, problems, name, number) {
            Ok(input) => emit(input)?,
            Err(message) => problems.report(name, number, &message),
        }
    }
}

fn read_article(
    mut reader: Box<dyn BufRead + '_>,
    name: &str,
    problems: &mut Problems,
) -> Option<Input> {
    let mut bytes = Vec::new();
    if let Err(e) = reader.read_to_end(&mut bytes) {
        problems.report(name, 0, &format!("cannot read: {e}; file skipped"));
        return None;
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            let line = bytes[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
            let column = valid
                - bytes[..valid]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |p| p + 1);
            problems.report(
                name,
                line,
                &format!("invalid UTF-8 at byte {column} of the line; file skipped"),
            );
            return None;
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    let id = Path::new(name)
        .file_name()
        .map_or_else(|| name.to_string(), |n| n.to_string_lossy().into_owned());
    Some(Input {
        id,
        text,
        published: None,
        title: None,
    })
}
