//! Arbitrary bytes (as UTF-8, lossily) through `Extractor::extract`: no
//! panic, and every invariant of `tests/support/invariants.rs` holds.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use zhfacts::Extractor;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = EXTRACTOR.extract(&text);
    if let Some(problem) = invariants::report_problem(&text, &report) {
        panic!("{problem} in {text:?}");
    }
});
