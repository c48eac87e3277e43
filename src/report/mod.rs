//! The report: one per document, with its metadata and facts.

use crate::fact::{Fact, Kind};
use crate::text::meta::Meta;
use serde::{Deserialize, Serialize};

mod json;

/// Everything found in one document.
///
/// Serialized with serde it is exactly the report format of the `zhfacts`
/// command: `{"id", "meta", "facts": [{"kind", "start", "end", "text",
/// "value", "rule", "about"?}]}`, offsets in UTF-8 bytes of the original
/// input; it reads back with serde too.
///
/// ```
/// use zhfacts::{Extractor, Kind, Report};
/// let report = Extractor::new().extract("2023年上半年，全市进口4.3亿元");
/// let line = serde_json::to_string(&report).unwrap();
/// let read: Report = serde_json::from_str(&line).unwrap();
/// assert_eq!(read, report);
/// assert_eq!(read.facts_of(Kind::Money).next().unwrap().text, "4.3亿元");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Report {
    /// The document's id, when it was given one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Title, source, publication time and authors.
    #[serde(default)]
    pub meta: Meta,
    /// The facts, sorted by start offset; no two overlap.
    #[serde(default)]
    pub facts: Vec<Fact>,
}

impl Report {
    /// The facts of one kind, in order.
    pub fn facts_of(&self, kind: Kind) -> impl Iterator<Item = &Fact> {
        self.facts.iter().filter(move |f| f.kind() == kind)
    }
}
