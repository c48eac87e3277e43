//! Arbitrary bytes (as UTF-8, lossily) through `normalize`: idempotent,
//! with an offset map that is monotonic and lands on character boundaries.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(problem) = invariants::normalize_problem(&text) {
        panic!("{problem} in {text:?}");
    }
});
