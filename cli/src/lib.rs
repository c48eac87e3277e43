//! How the `zhfacts` command reads its input: the sources named on the
//! command line, the JSONL reader that turns each line into a document or
//! a `FILE:LINE: reason` diagnostic, and the diagnostics themselves.
//!
//! A library of the command's own package so that the fuzz target
//! (`fuzz/fuzz_targets/reader.rs`) and the tests reach the very code the
//! command runs; it is no interface for other programs.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod diagnostics;
pub mod read;
pub mod sources;
