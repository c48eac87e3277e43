//! The `Extractor`: the pipeline from text to report.

use crate::civil::datetime::DateTime;
use crate::context::Context;
use crate::error::Error;
use crate::extract;
use crate::fact::{Fact, Kind};
use crate::report::Report;
use crate::span::Span;
use crate::text::normalize::normalize;
use crate::text::segment::{Segmenter, Words};
use std::sync::LazyLock;

/// Reads Chinese news text and returns its facts.
///
/// Building one loads jieba's embedded dictionary (about 0.3 s in a release
/// build); build it once and share it across threads.
///
/// ```
/// let extractor = zhfacts::Extractor::new();
/// let report = extractor.extract("今年上半年又下降3.1%");
/// assert_eq!(report.facts.last().unwrap().text, "3.1%");
/// ```
#[derive(Debug)]
pub struct Extractor {
    segmenter: Segmenter,
    kinds: u16,
    reference_time: Option<DateTime>,
}

/// One input document: its text, and optionally an id and a publication time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Document<'a> {
    /// The article text.
    pub text: &'a str,
    /// An id copied into the report.
    pub id: Option<&'a str>,
    /// The publication time, the reference for relative times (今天, 上半年).
    pub published: Option<DateTime>,
}

impl<'a> Document<'a> {
    /// A document with text only.
    pub fn new(text: &'a str) -> Document<'a> {
        Document {
            text,
            ..Document::default()
        }
    }

    /// Sets the id.
    pub fn with_id(mut self, id: &'a str) -> Document<'a> {
        self.id = Some(id);
        self
    }

    /// Sets the publication time.
    pub fn with_published(mut self, published: DateTime) -> Document<'a> {
        self.published = Some(published);
        self
    }
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor for every kind, with the embedded dictionary.
    pub fn new() -> Extractor {
        Extractor {
            segmenter: segmenter_with_lexicon(),
            kinds: ALL_KINDS,
            reference_time: None,
        }
    }

    /// A builder to choose kinds, a reference time and extra words.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The facts of `text`.
    pub fn extract(&self, text: &str) -> Report {
        self.extract_document(&Document::new(text))
    }

    /// The facts of a document, with its id and publication time.
    ///
    /// ```
    /// use zhfacts::{Document, Extractor};
    /// let extractor = Extractor::new();
    /// let doc = Document::new("合格率稳定在98%以上").with_id("w1");
    /// let report = extractor.extract_document(&doc);
    /// assert_eq!(report.id.as_deref(), Some("w1"));
    /// assert_eq!(report.facts[0].text, "98%以上");
    /// ```
    pub fn extract_document(&self, document: &Document<'_>) -> Report {
        let original = document.text;
        let normalized = normalize(original);
        let text = normalized.text();
        let words = Words::new(self.segmenter.segment(text));
        let mut meta = crate::text::meta::read(original, &normalized);
        if document.published.is_some() {
            meta.published = document.published;
        }
        // The reference for relative times: the document's publication time,
        // else the one its header states, else the builder's.
        let reference_time = meta.published.or(self.reference_time);
        let context = Context::new(text, &words, reference_time);
        let mut found: Vec<(Span, Fact)> = extract::run(&context)
            .into_iter()
            .filter(|c| self.kinds & c.value.kind().bit() != 0)
            .filter_map(|candidate| {
                let span = normalized.to_original(candidate.span);
                let slice = original.get(span.start..span.end)?;
                let fact = Fact {
                    span,
                    text: slice.to_string(),
                    value: candidate.value,
                    rule: candidate.rule,
                    about: None,
                };
                Some((candidate.span, fact))
            })
            .collect();
        found.sort_by_key(|(_, f)| (f.span.start, f.span.end));
        let (spans, mut facts): (Vec<Span>, Vec<Fact>) = found.into_iter().unzip();
        crate::link::link(text, &spans, &mut facts);
        Report {
            id: document.id.map(str::to_string),
            meta,
            facts,
        }
    }
}

/// A segmenter that knows the listed places and organisations as words.
fn segmenter_with_lexicon() -> Segmenter {
    let mut segmenter = Segmenter::new();
    let lexicon = LazyLock::force(&crate::names::LEXICON);
    for (word, tag) in lexicon.segmenter_words() {
        segmenter.add_word_if_new(word, tag);
    }
    segmenter
}

const ALL_KINDS: u16 = (1 << Kind::ALL.len()) - 1;

/// Builds an [`Extractor`] with chosen kinds, reference time and words.
///
/// ```
/// use zhfacts::{Extractor, Kind};
/// let extractor = Extractor::builder()
///     .kinds(&[Kind::Percent])
///     .build()
///     .unwrap();
/// let report = extractor.extract("33个品牌,增长12.6%");
/// assert_eq!(report.facts.len(), 1);
/// assert_eq!(report.facts[0].text, "12.6%");
/// ```
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    kinds: Option<Vec<Kind>>,
    reference_time: Option<DateTime>,
    words: Vec<(String, Option<usize>, Option<String>)>,
}

impl ExtractorBuilder {
    /// Reports only these kinds (default: all).
    pub fn kinds(&mut self, kinds: &[Kind]) -> &mut ExtractorBuilder {
        self.kinds = Some(kinds.to_vec());
        self
    }

    /// The reference time for documents that give none of their own.
    pub fn reference_time(&mut self, time: DateTime) -> &mut ExtractorBuilder {
        self.reference_time = Some(time);
        self
    }

    /// Adds a word to the segmenter's dictionary, with an optional
    /// part-of-speech tag (`nt` organisation, `ns` place, `nr` person).
    pub fn add_word(&mut self, word: &str, tag: Option<&str>) -> &mut ExtractorBuilder {
        self.words
            .push((word.to_string(), None, tag.map(str::to_string)));
        self
    }

    /// Builds the extractor.
    ///
    /// Fails when no kind is selected or a word is empty or holds white
    /// space, or a tag is not a short ASCII word.
    pub fn build(&self) -> Result<Extractor, Error> {
        let kinds = match &self.kinds {
            Some(kinds) if kinds.is_empty() => return Err(Error::kind("no kind selected")),
            Some(kinds) => kinds.iter().fold(0, |bits, k| bits | k.bit()),
            None => ALL_KINDS,
        };
        let mut segmenter = segmenter_with_lexicon();
        for (word, frequency, tag) in &self.words {
            if word.is_empty() || word.chars().any(char::is_whitespace) {
                return Err(Error::word(format!(
                    "dictionary word {word:?} is empty or holds white space"
                )));
            }
            if let Some(tag) = tag {
                if tag.is_empty()
                    || tag.len() > 8
                    || !tag.bytes().all(|b| b.is_ascii_alphanumeric())
                {
                    return Err(Error::word(format!(
                        "tag {tag:?} of word {word:?} is not a short ASCII word"
                    )));
                }
            }
            let simplified = normalize(word);
            segmenter.add_word(simplified.text(), *frequency, tag.as_deref());
        }
        Ok(Extractor {
            segmenter,
            kinds,
            reference_time: self.reference_time,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Extractor>();
    }

    #[test]
    fn builder_rejects_bad_input() {
        assert!(Extractor::builder()
            .kinds(&[])
            .build()
            .unwrap_err()
            .is_invalid_kind());
        assert!(Extractor::builder()
            .add_word("", None)
            .build()
            .unwrap_err()
            .is_invalid_word());
        assert!(Extractor::builder()
            .add_word("质检中心", Some("n t"))
            .build()
            .unwrap_err()
            .is_invalid_word());
    }
}
