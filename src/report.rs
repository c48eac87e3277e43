//! The report: one per document, with its metadata and facts.

use crate::civil::datetime::DateTime;
use crate::fact::{Fact, Kind};
use serde::Serialize;

/// Everything found in one document.
///
/// Serialized with serde it is exactly the report format of the `zhfacts`
/// command: `{"id", "meta", "facts": [{"kind", "start", "end", "text",
/// "value", "rule"}]}`, offsets in UTF-8 bytes of the original input.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    /// The document's id, when it was given one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Title, source, publication time and authors.
    pub meta: Meta,
    /// The facts, sorted by start offset; no two overlap.
    pub facts: Vec<Fact>,
}

impl Report {
    /// The facts of one kind, in order.
    pub fn facts_of(&self, kind: Kind) -> impl Iterator<Item = &Fact> {
        self.facts.iter().filter(move |f| f.kind() == kind)
    }
}

/// What the article says about itself.
///
/// Strings are as the original writes them (Traditional stays Traditional),
/// with pinyin annotations removed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Meta {
    /// The headline.
    pub title: Option<String>,
    /// The publishing outlet: `新华社`, `濰坊新聞網`.
    pub source: Option<String>,
    /// The publication time: the document's own when given, else the one
    /// the article's header states.
    pub published: Option<DateTime>,
    /// Reporters and writers.
    pub authors: Vec<String>,
    /// The responsible editor (责任编辑).
    pub editor: Option<String>,
}
