//! Throughput of `Extractor` over real news text.
//!
//! `cargo bench` measures the construction time of `Extractor::new()` and
//! the extraction throughput (MB/s, one thread) over the sample articles
//! and, when `../shared/corpora/` is present, over the first
//! `ZHFACTS_BENCH_MB` megabytes (default 4) of each corpus file. Every
//! iteration checks its result, so the work cannot be optimized away.

use std::hint::black_box;
use std::path::Path;
use std::time::Instant;
use zhfacts::Extractor;

fn main() {
    let started = Instant::now();
    let extractor = Extractor::new();
    println!(
        "Extractor::new(): {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );

    let samples: Vec<String> = std::fs::read_dir("testdata/articles")
        .map(|dir| {
            dir.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        !samples.is_empty(),
        "no sample articles in testdata/articles"
    );
    measure(&extractor, "testdata/articles", &samples, 50);

    let budget: usize = std::env::var("ZHFACTS_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4)
        * 1_000_000;
    let corpora = Path::new("../shared/corpora");
    let Ok(dir) = std::fs::read_dir(corpora) else {
        println!(
            "({} not found: corpus benchmarks skipped)",
            corpora.display()
        );
        return;
    };
    let mut files: Vec<_> = dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    for file in files {
        let Ok(content) = std::fs::read_to_string(&file) else {
            continue;
        };
        let mut texts = Vec::new();
        let mut bytes = 0;
        for line in content.lines() {
            let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let Some(text) = value.get("text").and_then(|t| t.as_str()) else {
                continue;
            };
            bytes += text.len();
            texts.push(text.to_string());
            if bytes >= budget {
                break;
            }
        }
        measure(&extractor, &file.display().to_string(), &texts, 1);
    }
}

fn measure(extractor: &Extractor, name: &str, texts: &[String], rounds: usize) {
    let bytes: usize = texts.iter().map(String::len).sum::<usize>() * rounds;
    let started = Instant::now();
    let mut facts = 0;
    for _ in 0..rounds {
        for text in texts {
            let report = extractor.extract(black_box(text));
            for fact in &report.facts {
                assert_eq!(&text[fact.span], fact.text);
            }
            facts += report.facts.len();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{name}: {} docs x {rounds}, {:.2} MB in {:.2} s = {:.2} MB/s, {} facts",
        texts.len(),
        bytes as f64 / 1e6,
        seconds,
        bytes as f64 / 1e6 / seconds,
        facts
    );
}
