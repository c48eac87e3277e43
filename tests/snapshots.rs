//! Reports on the sample articles in `testdata/articles/`, compared with the
//! committed snapshots `<article>.report.json` beside them.
//!
//! After a deliberate change, rewrite them with
//! `ZHFACTS_BLESS=1 cargo test --test snapshots` and read the diff before
//! committing it.

use std::path::Path;
use zhfacts::{Extractor, Report};

#[test]
fn sample_article_reports_match_their_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/articles");
    let bless = std::env::var_os("ZHFACTS_BLESS").is_some();
    let extractor = Extractor::new();
    let mut articles: Vec<_> = std::fs::read_dir(&dir)
        .expect("testdata/articles")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    articles.sort();
    assert!(
        articles.len() >= 4,
        "sample articles missing from {}",
        dir.display()
    );
    let mut stale = Vec::new();
    for article in &articles {
        let text = std::fs::read_to_string(article).unwrap();
        let report = extractor.extract(&text);
        let json = serde_json::to_string_pretty(&report).unwrap() + "\n";
        let snapshot = article.with_extension("report.json");
        if bless {
            std::fs::write(&snapshot, &json).unwrap();
            continue;
        }
        // The report reads back into the crate's types unchanged.
        let read: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(read, report, "{} does not read back", article.display());
        match std::fs::read_to_string(&snapshot) {
            Ok(expected) if expected == json => {}
            Ok(_) => stale.push(format!("{} differs", snapshot.display())),
            Err(_) => stale.push(format!("{} is missing", snapshot.display())),
        }
    }
    assert!(
        stale.is_empty(),
        "{}\n(rewrite with ZHFACTS_BLESS=1 cargo test --test snapshots, then read the diff)",
        stale.join("\n")
    );
}
