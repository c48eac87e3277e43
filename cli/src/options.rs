//! The command line, parsed by clap.

use crate::format::Format;
use clap::{Parser, ValueEnum};
use std::path::PathBuf;
use zhfacts::{DateTime, Kind, Region};

const AFTER_HELP: &str = "\
Input, by file name (case-insensitive):
  *.jsonl, *.ndjson, *.json  one document a line: {\"id\", \"text\", \"published\"?, \"title\"?, \"region\"?}
  any other file             one article; its id is the path as given
  *.gz                       read through gzip, as the name before .gz says (a.jsonl.gz)
  a folder                   walked in name order for *.txt, *.jsonl, *.ndjson and their .gz
  -, or no FILE              JSONL on standard input (one article with --text), gzip or not

A line or file that cannot be read is reported on standard error as
FILE:LINE: what is wrong (FILE: what is wrong for a whole file) and skipped;
the run goes on. Exit status: 0 when everything was read, 1 when anything was
skipped or a document failed, 2 on a usage error or when the reports cannot be
written.";

/// Chinese news articles in, one JSON fact report a line out, in input order.
#[derive(Debug, Parser)]
#[command(name = "zhfacts", version, after_help = AFTER_HELP)]
pub struct Options {
    /// Input files or folders; `-` is standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Write the reports to FILE (never an input; `-` is standard output).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Report only these kinds, comma-separated:
    /// number,ordinal,count,percent,money,time,duration,org,place,person.
    #[arg(long, value_name = "LIST", value_parser = parse_kind_list)]
    pub kinds: Option<KindList>,

    /// Output format: jsonl (one report a line), table (for a terminal),
    /// html (one self-contained page).
    #[arg(long, value_name = "FORMAT", value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,

    /// Colour the table: auto (when standard output is a terminal and
    /// NO_COLOR is unset), always, never.
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = When::Auto)]
    pub color: When,

    /// Indent the JSON for a person to read (--format jsonl).
    #[arg(long)]
    pub pretty: bool,

    /// Worker threads (default: all cores).
    #[arg(short = 'j', long = "threads", visible_alias = "jobs", value_name = "N",
          value_parser = parse_threads)]
    pub threads: Option<usize>,

    /// Read standard input as one plain-text article, not JSONL.
    #[arg(long)]
    pub text: bool,

    /// Reference time (ISO 8601) for documents that state none of their own.
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub published: Option<DateTime>,

    /// The region of documents that give none (CN, HK, MO, TW, SG, MY, or
    /// a name such as "Hong Kong"); default: read from each article.
    #[arg(long, value_name = "REGION", value_parser = parse_region)]
    pub region: Option<Region>,

    /// Print no progress bar and no summary.
    #[arg(short, long)]
    pub quiet: bool,

    /// Testing only: make extraction of the document with this id panic.
    #[arg(long = "test-only-panic-on-id", value_name = "ID", hide = true)]
    pub panic_on_id: Option<String>,
}

/// When to colour the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum When {
    /// When standard output is a terminal and `NO_COLOR` is unset or empty.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The kinds named by `--kinds`.
#[derive(Clone, Debug)]
pub struct KindList(pub Vec<Kind>);

/// The kind named `name` as in reports (`count`, `money`).
pub fn kind_named(name: &str) -> Option<Kind> {
    name.parse().ok()
}

fn parse_kind_list(list: &str) -> Result<KindList, String> {
    let kinds = list
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(|k| kind_named(k).ok_or_else(|| format!("unknown kind {k:?}")))
        .collect::<Result<Vec<_>, _>>()?;
    if kinds.is_empty() {
        return Err("names no kind".into());
    }
    Ok(KindList(kinds))
}

fn parse_threads(value: &str) -> Result<usize, String> {
    value
        .parse::<usize>()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| "takes a positive whole number".into())
}

fn parse_region(value: &str) -> Result<Region, String> {
    value.parse::<Region>().map_err(|e| e.to_string())
}

fn parse_time(value: &str) -> Result<DateTime, String> {
    value.parse::<DateTime>().map_err(|e| e.to_string())
}

impl Options {
    /// The number of worker threads to run.
    pub fn worker_threads(&self) -> usize {
        self.threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, clap::Error> {
        Options::try_parse_from(std::iter::once("zhfacts").chain(args.iter().copied()))
    }

    #[test]
    fn thread_counts_in_every_spelling() {
        for args in [
            &["-j", "4"][..],
            &["-j4"],
            &["--jobs", "4"],
            &["--threads=4"],
            &["--threads", "4"],
        ] {
            assert_eq!(parse(args).unwrap().threads, Some(4), "{args:?}");
        }
        assert!(parse(&["-j", "0"]).is_err());
        assert!(parse(&["-j", "two"]).is_err());
    }

    #[test]
    fn double_dash_ends_the_options() {
        let options = parse(&["--pretty", "--", "-j4", "--quiet"]).unwrap();
        assert!(options.pretty);
        assert!(!options.quiet);
        assert_eq!(
            options.files,
            [PathBuf::from("-j4"), PathBuf::from("--quiet")]
        );
        assert_eq!(options.threads, None);
    }

    #[test]
    fn kinds_are_parsed_and_checked() {
        let options = parse(&["--kinds", "percent, money"]).unwrap();
        assert_eq!(options.kinds.unwrap().0, [Kind::Percent, Kind::Money]);
        assert!(parse(&["--kinds", "percent,bogus"]).is_err());
        assert!(parse(&["--kinds", ","]).is_err());
    }

    #[test]
    fn formats_are_named_and_jsonl_is_the_default() {
        assert_eq!(parse(&[]).unwrap().format, Format::Jsonl);
        assert_eq!(parse(&["--format", "table"]).unwrap().format, Format::Table);
        assert_eq!(parse(&["--format=html"]).unwrap().format, Format::Html);
        assert!(parse(&["--format", "csv"]).is_err());
        assert_eq!(parse(&["--color", "never"]).unwrap().color, When::Never);
    }

    #[test]
    fn published_must_be_a_time() {
        let options = parse(&["--published", "2023-09-27T08:00:00"]).unwrap();
        assert_eq!(
            options.published,
            Some("2023-09-27T08:00:00".parse().unwrap())
        );
        assert!(parse(&["--published", "yesterday"]).is_err());
    }

    #[test]
    fn the_help_names_every_option() {
        let help = <Options as clap::CommandFactory>::command()
            .render_help()
            .to_string();
        for flag in [
            "--output",
            "--kinds",
            "--pretty",
            "--threads",
            "--text",
            "--published",
            "--quiet",
            "--format",
            "--color",
        ] {
            assert!(help.contains(flag), "{flag} missing from\n{help}");
        }
        assert!(!help.contains("panic"), "{help}");
    }
}
