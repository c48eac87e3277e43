//! The report: one per document, with its metadata and facts.

use crate::civil::datetime::DateTime;
use crate::fact::{Fact, Kind};
use crate::text::region::Region;
use serde::{Deserialize, Serialize};

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

/// What the article says about itself.
///
/// Strings are as the original writes them (Traditional stays Traditional),
/// with pinyin annotations removed.
///
/// ```
/// let text = "潍坊质检工作成效显著\n来源:潍坊新闻网 发布时间:2023-09-27 20:53:51\n正文。";
/// let meta = zhfacts::Extractor::new().extract(text).meta;
/// assert_eq!(meta.title.as_deref(), Some("潍坊质检工作成效显著"));
/// assert_eq!(meta.source.as_deref(), Some("潍坊新闻网"));
/// assert_eq!(meta.published.unwrap().to_string(), "2023-09-27T20:53:51");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Meta {
    /// The headline.
    pub title: Option<String>,
    /// The publishing outlet: `新华社`, `濰坊新聞網`.
    pub source: Option<String>,
    /// The publication time: the document's own when given, else the one
    /// the article's header states.
    pub published: Option<DateTime>,
    /// Where the article was published: given with the document or the
    /// builder, else inferred from its evidence; absent when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// Reporters and writers.
    pub authors: Vec<String>,
    /// The responsible editor (责任编辑).
    pub editor: Option<String>,
}
