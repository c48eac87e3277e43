//! `--format table`: each article as a heading and one aligned row a fact,
//! for a person at a terminal.
//!
//! Widths are counted in terminal columns with the `unicode-width` crate
//! (already built for the progress bar, so no new dependency): East Asian
//! Wide and Fullwidth characters take two columns, combining marks none.
//! Text from the article is cleaned of control characters (an escape
//! sequence in an article must not reach the terminal) and long cells are
//! cut with `…`.

use super::{linked_text, value::describe};
use std::fmt::Write as _;
use unicode_width::UnicodeWidthChar;
use zhfacts::{Direction, Kind, Report};

/// Widest a cell of each column may be, in terminal columns.
const MAX_WIDTHS: [usize; COLUMNS] = [5, 8, 24, 36, 4, 20, 16, 24];
/// The columns: index, kind, text, value, direction, period, place, subject.
const COLUMNS: usize = 8;
const HEADINGS: [&str; COLUMNS] = [
    "#", "kind", "text", "value", "dir", "period", "place", "subject",
];
/// Between two columns.
const GAP: &str = "  ";

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// The ANSI colour of a kind's name.
fn colour_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Number => "\x1b[36m",
        Kind::Ordinal => "\x1b[34m",
        Kind::Count => "\x1b[32m",
        Kind::Percent => "\x1b[35m",
        Kind::Money => "\x1b[33m",
        Kind::Time => "\x1b[94m",
        Kind::Duration => "\x1b[96m",
        Kind::Org => "\x1b[31m",
        Kind::Place => "\x1b[92m",
        Kind::Person => "\x1b[95m",
        _ => "",
    }
}

/// One article: a heading, its metadata, and a row a fact; a blank line
/// after it.
pub fn render(report: &Report, colour: bool) -> String {
    let paint = |style: &str, text: &str| {
        if colour && !style.is_empty() {
            format!("{style}{text}{RESET}")
        } else {
            text.to_string()
        }
    };
    let mut out = String::new();
    let id = clean(report.id.as_deref().unwrap_or("-"));
    let _ = writeln!(out, "{}", paint(BOLD, &format!("== {id}")));
    if let Some(title) = &report.meta.title {
        let _ = writeln!(out, "{}", clean(title));
    }
    let mut about = Vec::new();
    if let Some(source) = &report.meta.source {
        about.push(clean(source));
    }
    if let Some(published) = report.meta.published {
        about.push(published.to_string());
    }
    if let Some(region) = report.meta.region {
        about.push(region.to_string());
    }
    if !report.meta.authors.is_empty() {
        about.push(clean(&report.meta.authors.join("、")));
    }
    let facts = match report.facts.len() {
        1 => "1 fact".to_string(),
        n => format!("{n} facts"),
    };
    about.push(facts);
    let _ = writeln!(out, "{}", paint(DIM, &about.join(" · ")));
    if report.facts.is_empty() {
        out.push('\n');
        return out;
    }

    let rows: Vec<[String; COLUMNS]> = report
        .facts
        .iter()
        .enumerate()
        .map(|(i, fact)| {
            let about = fact.about.as_ref();
            let direction = match about.and_then(|a| a.direction) {
                Some(Direction::Up) => "up",
                Some(Direction::Down) => "down",
                _ => "",
            };
            let linked = |index: Option<usize>| {
                linked_text(&report.facts, index)
                    .map(clean)
                    .unwrap_or_default()
            };
            let cells = [
                i.to_string(),
                fact.kind().to_string(),
                clean(&fact.text),
                clean(&describe(fact)),
                direction.to_string(),
                linked(about.and_then(|a| a.period)),
                linked(about.and_then(|a| a.place)),
                about
                    .and_then(|a| a.subject.as_deref())
                    .map(clean)
                    .unwrap_or_default(),
            ];
            std::array::from_fn(|column| fit(&cells[column], MAX_WIDTHS[column]))
        })
        .collect();
    let mut widths = HEADINGS.map(width);
    for row in &rows {
        for (column, cell) in row.iter().enumerate() {
            widths[column] = widths[column].max(width(cell));
        }
    }
    // Columns empty in every row are left out.
    let shown: Vec<usize> = (0..COLUMNS)
        .filter(|&c| c < 4 || rows.iter().any(|row| !row[c].is_empty()))
        .collect();

    let heading: Vec<String> = shown.iter().map(|&c| HEADINGS[c].to_string()).collect();
    let line = aligned(&heading, &shown, &widths, |_, text| paint(BOLD, text));
    let _ = writeln!(out, "{line}");
    for (row, fact) in rows.iter().zip(&report.facts) {
        let cells: Vec<String> = shown.iter().map(|&c| row[c].clone()).collect();
        let line = aligned(&cells, &shown, &widths, |column, text| match column {
            0 => paint(DIM, text),
            1 => paint(colour_of(fact.kind()), text),
            _ => text.to_string(),
        });
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
    out
}

/// The cells padded to their columns' widths (the index right-aligned),
/// each painted after padding so that colour codes take no width.
fn aligned(
    cells: &[String],
    shown: &[usize],
    widths: &[usize; COLUMNS],
    paint: impl Fn(usize, &str) -> String,
) -> String {
    let mut line = String::new();
    let last = cells.iter().rposition(|c| !c.is_empty()).unwrap_or(0);
    for (position, (cell, &column)) in cells.iter().zip(shown).enumerate().take(last + 1) {
        if position > 0 {
            line.push_str(GAP);
        }
        let pad = " ".repeat(widths[column] - width(cell));
        if column == 0 {
            line.push_str(&pad);
            line.push_str(&paint(column, cell));
        } else {
            line.push_str(&paint(column, cell));
            if position < last {
                line.push_str(&pad);
            }
        }
    }
    line
}

/// Terminal columns `text` takes.
pub fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// `text` cut to at most `max` columns, ending in `…` when cut.
pub fn fit(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let mut cut = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        cut.push(c);
        used += w;
    }
    cut.push('…');
    cut
}

/// `text` on one line with nothing a terminal would act on: line breaks
/// and tabs become spaces; other control characters and the bidirectional
/// overrides are dropped.
pub fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => None,
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhfacts::Extractor;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(width("濰坊"), 4);
        assert_eq!(width("12.6%"), 5);
        assert_eq!(width("ＧＤＰ"), 6);
        assert_eq!(width("六項(xiàng)"), 4 + 7);
        assert_eq!(width("e\u{301}"), 1);
    }

    #[test]
    fn long_cells_are_cut_on_a_column() {
        assert_eq!(fit("濰坊市人民政府", 7), "濰坊市…");
        assert_eq!(fit("濰坊市", 6), "濰坊市");
        assert_eq!(fit("abcdef", 4), "abc…");
    }

    #[test]
    fn escape_sequences_never_reach_the_terminal() {
        assert_eq!(clean("a\x1b[31mb\nc\u{202e}d\u{9b}"), "a[31mb cd");
    }

    /// What `line` shows from terminal column `column` on.
    fn from_column(line: &str, column: usize) -> &str {
        let mut used = 0;
        for (at, c) in line.char_indices() {
            if used >= column {
                return &line[at..];
            }
            used += c.width().unwrap_or(0);
        }
        ""
    }

    #[test]
    fn rows_line_up_under_their_headings() {
        let report =
            Extractor::new().extract("2023年上半年，潍坊市万元GDP能耗下降3.1%，进口4.3亿元");
        let table = render(&report, false);
        let lines: Vec<&str> = table.lines().collect();
        let header = lines[2];
        assert!(header.starts_with("#  kind"), "{table}");
        let column = |name: &str| width(&header[..header.find(name).unwrap()]);
        let rows: Vec<&str> = lines[3..]
            .iter()
            .copied()
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(rows.len(), report.facts.len());
        let percent = rows.iter().find(|r| r.contains("percent")).unwrap();
        assert!(from_column(percent, column("value")).starts_with("3.1%  "));
        assert!(from_column(percent, column("dir")).starts_with("down  "));
        assert!(from_column(percent, column("period")).starts_with("2023年上半年  "));
        assert!(from_column(percent, column("place")).starts_with("潍坊市  "));
        assert_eq!(from_column(percent, column("subject")), "万元GDP能耗");
        let money = rows.iter().find(|r| r.contains("money")).unwrap();
        assert!(from_column(money, column("value")).starts_with("430,000,000 CNY  "));
        assert!(from_column(money, column("period")).starts_with("2023年上半年"));
        assert!(!table.contains('\x1b'));
        assert!(render(&report, true).contains("\x1b[35mpercent\x1b[0m"));
    }
}
