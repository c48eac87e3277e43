//! The segmenter's floor: reads JSONL files of articles (the `text` of each
//! line) and tags every text with jieba-rs, as the command does, printing the
//! number of words. The command's speed is measured against this program.
//!
//! `cargo run --release --example tag_floor -- ../shared/corpora/xwlb-2022-2026.jsonl`

use std::io::BufRead;

// The command's allocator, so that the two are compared like for like.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let jieba = jieba_rs::Jieba::new();
    let mut words = 0usize;
    for path in std::env::args().skip(1) {
        let file = match std::fs::File::open(&path) {
            Ok(file) => file,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(2);
            }
        };
        for line in std::io::BufReader::new(file).lines() {
            let Ok(line) = line else { continue };
            let Ok(value) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            if let Some(text) = value.get("text").and_then(|t| t.as_str()) {
                words += jieba.tag(text, true).len();
            }
        }
    }
    println!("{words}");
}
