//! Prints the facts of an article file (default: the seed article) as a table.
//!
//! `cargo run --release --example report -- testdata/articles/nbs-early-rice-2023.txt`

use zhfacts::Extractor;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "testdata/articles/weifang-quality-2023.txt".to_string());
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let extractor = Extractor::new();
    let report = extractor.extract(&text);
    if let Some(title) = &report.meta.title {
        println!("{title}");
    }
    for fact in &report.facts {
        println!(
            "{:>6}..{:<6} {:8} {:24} {}",
            fact.span.start,
            fact.span.end,
            fact.kind().name(),
            fact.text,
            serde_json::to_string(&fact.value).unwrap_or_default()
        );
    }
}
