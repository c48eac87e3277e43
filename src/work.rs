//! A count of the characters read by the scans that look ahead from a
//! position (numerals, digit runs, code runs), for the tests that check the
//! work done on adversarial input grows linearly with its length.
//!
//! Each of those scans is capped ([`MAX_NUMERAL_CHARS`] and the like), so
//! the count stays within a constant times the length of the document; a
//! scan that read to the end of the text from every position would make it
//! grow with the square. The count is per thread and costs one add per scan.

use std::cell::Cell;

/// The most characters one numeral may span (`一千一百一十一万…` has 31;
/// identifiers of 18 to 20 digits fit). A longer run of numeral characters
/// is no numeral: it is read once and skipped.
pub(crate) const MAX_NUMERAL_CHARS: usize = 40;

/// The most characters the code-run test looks at on either side of a
/// numeral (`ICP备10207392号`, `0536-8196500`); a longer run is a code.
pub(crate) const MAX_CODE_RUN: usize = 64;

thread_local! {
    static STEPS: Cell<u64> = const { Cell::new(0) };
}

/// Adds `n` characters read to this thread's count.
pub(crate) fn add(n: usize) {
    STEPS.with(|steps| steps.set(steps.get().wrapping_add(n as u64)));
}

/// The characters read by the capped scans on this thread so far.
///
/// A testing aid, not part of the API: the linearity tests read it before
/// and after an extraction.
#[doc(hidden)]
pub fn steps() -> u64 {
    STEPS.with(Cell::get)
}
