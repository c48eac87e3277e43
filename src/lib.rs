//! Facts from Chinese news text: numbers, counts, percentages, money,
//! times, names, as typed values with exact byte offsets.
//!
//! # Overview
//!
//! - [`Extractor`] reads an article and returns a [`Report`]. Build it once
//!   ([`Extractor::new`] loads the segmenter's dictionary and the word
//!   lists, about 0.1 s in a release build) and share it: it is
//!   `Send + Sync`.
//! - [`Fact`] is one finding: its [`Span`] of bytes in the *original* input,
//!   the original text there, a typed [`Value`] whose variant is the
//!   [`Kind`], and the name of the rule that produced it.
//! - [`normalize`] is the first step, public for callers who want it:
//!   Traditional to Simplified, full-width to half-width, pinyin
//!   annotations dropped, with a map back to the original offsets.
//!
//! ```
//! use zhfacts::{Extractor, Kind};
//!
//! let extractor = Extractor::new();
//! let report = extractor.extract("全市共有一萬三千名干部參加");
//! let fact = &report.facts[0];
//! assert_eq!(fact.kind(), Kind::Count);
//! assert_eq!(fact.text, "一萬三千名");
//! assert_eq!(fact.value.quantity().unwrap().value(), Some(13000.0));
//! ```
//!
//! Extraction never fails: text it cannot read yields fewer facts, never an
//! error or a panic.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod civil;
mod context;

mod error;
mod extract;
mod extractor;
mod fact;
mod kinds;
mod lexicon;
mod link;
mod names;
mod numeric;
mod report;
mod span;
mod text;
mod time;
mod work;

pub use civil::datetime::DateTime;
pub use error::Error;
pub use extractor::{Document, Extractor, ExtractorBuilder};
pub use fact::{About, Direction, Extent, Fact, Kind, Quantity, Value};
pub use report::Report;
pub use span::Span;
pub use text::meta::Meta;
pub use text::normalize::{normalize, Normalized};
pub use text::region::Region;
#[doc(hidden)]
pub use work::steps as __work_steps;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
