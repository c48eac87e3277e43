//! Throughput of the pipeline over real news text, stage by stage.
//!
//! `cargo bench` measures, with criterion and `Throughput::Bytes`:
//! - `new`: the construction of `Extractor::new()` (the dictionary load);
//! - `normalize`: Traditional to Simplified, full width, pinyin, offset map;
//! - `jieba_tag` and `jieba_cut`: jieba-rs alone over the same normalized
//!   text, the floor any extraction built on it stands on;
//! - `stage/<name>`: each extractor alone over a prepared document
//!   (normalized, segmented, numeric expressions found);
//! - `extract`: the whole pipeline, links and all.
//!
//! Inputs: the sample articles of `testdata/articles/` always, and the
//! first `ZHFACTS_BENCH_MB` megabytes (default 4) of each file of
//! `../shared/corpora/` when that folder is there (a message says so when
//! it is not). Every loop checks its result (a count of facts, words or
//! bytes that must not be zero), so the work cannot be optimized away.
//! Everything runs with mimalloc, the command's allocator.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use std::sync::LazyLock;
use std::time::{Duration, Instant};
use zhfacts::{normalize, Extractor};

// The allocator the command uses, so that these figures are the command's
// (every benchmark here, the segmenter's floor included, runs with it).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);
static JIEBA: LazyLock<jieba_rs::Jieba> = LazyLock::new(jieba_rs::Jieba::new);

/// A named set of documents.
struct Input {
    name: String,
    texts: Vec<String>,
}

impl Input {
    fn bytes(&self) -> u64 {
        self.texts.iter().map(|t| t.len() as u64).sum()
    }
}

fn samples() -> Input {
    let mut paths: Vec<_> = std::fs::read_dir("testdata/articles")
        .expect("testdata/articles is part of the repository")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    assert!(!texts.is_empty(), "no sample articles in testdata/articles");
    Input {
        name: "articles".to_string(),
        texts,
    }
}

/// The first `budget` bytes of texts of each JSONL file of `../shared/corpora`.
fn corpora() -> Vec<Input> {
    let budget: usize = std::env::var("ZHFACTS_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4)
        * 1_000_000;
    let folder = Path::new("../shared/corpora");
    let Ok(dir) = std::fs::read_dir(folder) else {
        println!(
            "{} not found: corpus benchmarks skipped, sample articles only",
            folder.display()
        );
        return Vec::new();
    };
    let mut files: Vec<_> = dir
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut inputs = Vec::new();
    for file in files {
        let Ok(content) = std::fs::read_to_string(&file) else {
            println!("{}: unreadable, skipped", file.display());
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
        if texts.is_empty() {
            continue;
        }
        let name = file.file_stem().map_or_else(
            || file.display().to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        inputs.push(Input { name, texts });
    }
    inputs
}

fn construction(c: &mut Criterion) {
    let mut group = c.benchmark_group("new");
    group.sample_size(10);
    group.bench_function("Extractor::new", |b| {
        b.iter(|| {
            let extractor = Extractor::new();
            let report = extractor.extract("共有一万三千名干部");
            assert_eq!(report.facts.len(), 1);
            black_box(extractor)
        })
    });
    group.finish();
}

fn pipeline(c: &mut Criterion) {
    let mut inputs = vec![samples()];
    inputs.extend(corpora());
    let normalized: Vec<Vec<String>> = inputs
        .iter()
        .map(|input| {
            input
                .texts
                .iter()
                .map(|t| normalize(t).text().to_string())
                .collect()
        })
        .collect();
    LazyLock::force(&EXTRACTOR);
    LazyLock::force(&JIEBA);
    for (input, normalized) in inputs.iter().zip(&normalized) {
        let mut group = c.benchmark_group(&input.name);
        group.throughput(Throughput::Bytes(input.bytes()));
        // A corpus of megabytes takes seconds a pass: few samples suffice.
        if input.bytes() > 1_000_000 {
            group.sample_size(10);
            group.measurement_time(Duration::from_secs(20));
        }
        group.bench_function("normalize", |b| {
            b.iter(|| {
                let bytes: usize = input.texts.iter().map(|t| normalize(t).text().len()).sum();
                assert!(bytes > 0);
                bytes
            })
        });
        group.bench_function("jieba_tag", |b| {
            b.iter(|| {
                let words: usize = normalized.iter().map(|t| JIEBA.tag(t, true).len()).sum();
                assert!(words > 0);
                words
            })
        });
        group.bench_function("jieba_cut", |b| {
            b.iter(|| {
                let words: usize = normalized.iter().map(|t| JIEBA.cut(t, true).len()).sum();
                assert!(words > 0);
                words
            })
        });
        for &stage in Extractor::__STAGES {
            group.bench_with_input(BenchmarkId::new("stage", stage), &stage, |b, &stage| {
                // Only the extractor is timed, over documents prepared
                // beforehand (the preparation is the `extract` figure's).
                b.iter_custom(|iterations| {
                    let mut elapsed = Duration::ZERO;
                    let mut found = 0;
                    for text in &input.texts {
                        EXTRACTOR.__with_stages(text, &mut |run| {
                            let started = Instant::now();
                            for _ in 0..iterations {
                                found += black_box(run(stage)).expect("a known stage");
                            }
                            elapsed += started.elapsed();
                        });
                    }
                    assert!(found > 0, "stage {stage} found nothing in {}", input.name);
                    elapsed
                })
            });
        }
        group.bench_function("extract", |b| {
            b.iter(|| {
                let mut facts = 0;
                for text in &input.texts {
                    let report = EXTRACTOR.extract(black_box(text));
                    for fact in &report.facts {
                        assert_eq!(&text[fact.span], fact.text);
                    }
                    facts += report.facts.len();
                }
                assert!(facts > 0);
                facts
            })
        });
        group.finish();
    }
}

criterion_group!(benches, construction, pipeline);
criterion_main!(benches);
