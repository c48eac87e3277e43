//! The `Extractor`: the pipeline from text to report.

use crate::civil::datetime::DateTime;
use crate::context::Context;
use crate::error::Error;
use crate::extract::{self, UserNames};
use crate::fact::{Fact, Kind};
use crate::lexicon::CharBits;
use crate::numeric::stops::Stops;
use crate::report::Report;
use crate::span::Span;
use crate::text::normalize::{normalize, normalize_noting, Noting};
use crate::text::region::{self, Region};
use crate::text::segment::{Segmenter, Words};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Reads Chinese news text and returns its facts.
///
/// Building one ([`Extractor::new`] or [`ExtractorBuilder::build`]) loads
/// jieba's embedded dictionary and the word lists: 94–104 ms in a release
/// build on the development machine, about 0.1 s. Build it once and share
/// it across threads (it is `Send + Sync`).
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
    region: Option<Region>,
    user_names: UserNames,
}

/// One input document: its text, and optionally an id and a publication time.
///
/// ```
/// use zhfacts::{Document, Extractor};
/// let published = "2023-09-27T20:53:51".parse().unwrap();
/// let document = Document::new("今年上半年增长3.1%").with_id("w1").with_published(published);
/// let report = Extractor::new().extract_document(&document);
/// let time = &report.facts[0];
/// assert_eq!(time.text, "今年上半年");
/// assert_eq!(
///     serde_json::to_string(&time.value).unwrap(),
///     r#"{"start":"2023-01-01T00:00:00","end":"2023-07-01T00:00:00"}"#
/// );
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Document<'a> {
    /// The article text.
    pub text: &'a str,
    /// An id copied into the report.
    pub id: Option<&'a str>,
    /// The publication time, the reference for relative times (今天, 上半年).
    pub published: Option<DateTime>,
    /// Where the article was published, when the caller knows.
    pub region: Option<Region>,
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

    /// Sets the region, which then need not be inferred.
    pub fn with_region(mut self, region: Region) -> Document<'a> {
        self.region = Some(region);
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
            region: None,
            user_names: UserNames::new(),
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
        let mut noted = Noted::for_text(original);
        let normalized = normalize_noting(original, &NOTED_CHARS, &mut |at, c, lists| {
            noted.note(at, c, lists)
        });
        let text = normalized.text();
        if cfg!(any(debug_assertions, test)) {
            noted.check(text);
        }
        let words = Words::new(self.segmenter.segment(text));
        let mut meta = crate::text::meta::read(original, &normalized);
        if document.published.is_some() {
            meta.published = document.published;
        }
        // The reference for relative times: the document's publication time,
        // else the one its header states, else the builder's.
        let reference_time = meta.published.or(self.reference_time);
        // The region: the document's, else the builder's, else what the
        // article's evidence says.
        meta.region = document.region.or(self.region).or_else(|| {
            let script = region::script_of(&normalized);
            let header_end = region::header_end(&noted.line_breaks, text.len());
            region::infer_at(text, script, &noted.evidence_openings, header_end)
        });
        let stops = Stops::listed(noted.numeric_stops);
        let context =
            Context::with_stops(text, &words, reference_time, stops).with_region(meta.region);
        let candidates = extract::run(&context, &self.user_names);
        let spans: Vec<Span> = candidates.iter().map(|c| c.span).collect();
        let mut facts: Vec<Fact> = candidates
            .into_iter()
            .map(|candidate| {
                let span = normalized.to_original(candidate.span);
                // The offset map sends character boundaries to character
                // boundaries; a span that does not slice is a bug there.
                let slice = original.get(span.start..span.end);
                debug_assert!(slice.is_some(), "span {span:?} does not slice the input");
                Fact {
                    span,
                    text: slice.unwrap_or_default().to_string(),
                    value: candidate.value,
                    rule: Cow::Borrowed(candidate.rule),
                    about: None,
                }
            })
            .collect();
        // Links are made over every kind, then the kind filter keeps the
        // chosen kinds and the facts their links point at.
        let headline_end = meta
            .title
            .is_some()
            .then(|| noted.line_breaks.first().copied().unwrap_or(text.len()));
        crate::link::link(text, &words, &spans, &mut facts, headline_end, meta.region);
        let facts = keep_kinds(facts, self.kinds);
        Report {
            id: document.id.map(str::to_string),
            meta,
            facts,
        }
    }
}

/// The characters normalization notes for the steps after it: where a
/// numeric scan may stop ([`STOP_LIST`]), where region evidence may open
/// ([`EVIDENCE_LIST`]) and where lines end ([`LINE_BREAK_LIST`]).
static NOTED_CHARS: LazyLock<Noting> = LazyLock::new(|| {
    let line_break = CharBits::of(std::iter::once('\n'));
    Noting::of(&[Stops::chars(), region::evidence_openers(), &line_break])
});

/// The bit of the numeric stops in the lists of [`NOTED_CHARS`].
const STOP_LIST: u8 = 1 << 0;
/// The bit of the openers of region evidence in the lists of [`NOTED_CHARS`].
const EVIDENCE_LIST: u8 = 1 << 1;
/// The bit of the line break in the lists of [`NOTED_CHARS`].
const LINE_BREAK_LIST: u8 = 1 << 2;

/// What the normalization pass notes of a document, so that the steps
/// after it do not read the text again for the characters they start at.
struct Noted {
    numeric_stops: Vec<(usize, char)>,
    evidence_openings: Vec<usize>,
    line_breaks: Vec<usize>,
}

impl Noted {
    /// Nothing noted yet, with room for the notes of `text`.
    fn for_text(text: &str) -> Noted {
        Noted {
            // A stop every eight bytes or so: the list grows rarely.
            numeric_stops: Vec::with_capacity(text.len() / 8),
            evidence_openings: Vec::with_capacity(text.len() / 8),
            // Room for the line breaks of most articles.
            line_breaks: Vec::with_capacity(16),
        }
    }

    /// Notes the character `c` at byte `at` of the normalized text, in the
    /// `lists` of [`NOTED_CHARS`].
    #[inline]
    fn note(&mut self, at: usize, c: char, lists: u8) {
        if lists & STOP_LIST != 0 {
            self.numeric_stops.push((at, c));
        }
        if lists & EVIDENCE_LIST != 0 {
            self.evidence_openings.push(at);
        }
        if lists & LINE_BREAK_LIST != 0 {
            self.line_breaks.push(at);
        }
    }

    /// Checks the notes against the scans of the normalized `text` they
    /// stand in for (debug and test builds).
    fn check(&self, text: &str) {
        assert_eq!(
            Stops::listed(self.numeric_stops.clone()),
            Stops::of(text),
            "numeric stops"
        );
        assert_eq!(
            self.evidence_openings,
            region::openings(text),
            "evidence openings"
        );
        let line_breaks: Vec<usize> = text.match_indices('\n').map(|(at, _)| at).collect();
        assert_eq!(self.line_breaks, line_breaks, "line breaks");
    }
}

/// A function that runs the extractor of one stage and counts its
/// candidates (`None` for an unknown stage).
#[doc(hidden)]
pub type StageRunner<'a> = dyn Fn(&str) -> Option<usize> + 'a;

impl Extractor {
    /// The names of the extractors [`Extractor::__with_stages`] can run alone.
    #[doc(hidden)]
    pub const __STAGES: &'static [&'static str] = extract::STAGES;

    /// Prepares `text` as [`Extractor::extract`] does (normalization, words,
    /// numeric expressions), then hands `f` a function that runs the one
    /// extractor of a stage over it and returns how many candidates it made
    /// (`None` for an unknown stage). For the benchmarks, not part of the API.
    #[doc(hidden)]
    pub fn __with_stages(&self, text: &str, f: &mut dyn FnMut(&StageRunner<'_>)) {
        let normalized = normalize(text);
        let text = normalized.text();
        let words = Words::new(self.segmenter.segment(text));
        let context = Context::new(text, &words, self.reference_time).with_region(self.region);
        f(&|stage| extract::run_stage(&context, stage));
    }
}

/// The facts of the kinds in `kinds` and the facts their `about` links
/// point at, with the links renumbered.
fn keep_kinds(facts: Vec<Fact>, kinds: u16) -> Vec<Fact> {
    if kinds == ALL_KINDS {
        return facts;
    }
    let mut keep: Vec<bool> = facts.iter().map(|f| kinds & f.kind().bit() != 0).collect();
    for fact in facts.iter().filter(|f| kinds & f.kind().bit() != 0) {
        if let Some(about) = &fact.about {
            for linked in [about.period, about.place].into_iter().flatten() {
                keep[linked] = true;
            }
        }
    }
    // The new index of every kept fact.
    let mut new_index = vec![usize::MAX; facts.len()];
    let mut next = 0;
    for (i, &kept) in keep.iter().enumerate() {
        if kept {
            new_index[i] = next;
            next += 1;
        }
    }
    facts
        .into_iter()
        .zip(keep)
        .filter_map(|(mut fact, kept)| {
            if !kept {
                return None;
            }
            if kinds & fact.kind().bit() == 0 {
                // A fact kept only because a link points at it.
                fact.about = None;
            }
            if let Some(about) = &mut fact.about {
                about.period = about.period.map(|i| new_index[i]);
                about.place = about.place.map(|i| new_index[i]);
            }
            Some(fact)
        })
        .collect()
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
    region: Option<Region>,
    words: Vec<(String, Option<Kind>)>,
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

    /// The region of every document that gives none of its own; without
    /// it the region is read from each article's evidence.
    pub fn region(&mut self, region: Region) -> &mut ExtractorBuilder {
        self.region = Some(region);
        self
    }

    /// Adds a word to the segmenter's dictionary; with a name kind
    /// ([`Kind::Org`], [`Kind::Place`], [`Kind::Person`]) the word is a fact
    /// of that kind wherever it stands as a word.
    ///
    /// ```
    /// use zhfacts::{Extractor, Kind};
    /// let extractor = Extractor::builder()
    ///     .add_word("字节跳动", Some(Kind::Org))
    ///     .build()
    ///     .unwrap();
    /// let report = extractor.extract("字节跳动公布了新的计划");
    /// assert_eq!(report.facts[0].kind(), Kind::Org);
    /// assert_eq!(report.facts[0].text, "字节跳动");
    /// ```
    pub fn add_word(&mut self, word: &str, kind: Option<Kind>) -> &mut ExtractorBuilder {
        self.words.push((word.to_string(), kind));
        self
    }

    /// Builds the extractor. This loads the segmenter's dictionary and the
    /// word lists, as [`Extractor::new`] does.
    ///
    /// Fails when no kind is selected, a word is empty or holds white
    /// space, or a word's kind is not a name kind.
    pub fn build(&self) -> Result<Extractor, Error> {
        let kinds = match &self.kinds {
            Some(kinds) if kinds.is_empty() => return Err(Error::kind("no kind selected")),
            Some(kinds) => kinds.iter().fold(0, |bits, k| bits | k.bit()),
            None => ALL_KINDS,
        };
        let mut segmenter = segmenter_with_lexicon();
        let mut user_names = UserNames::new();
        for (word, kind) in &self.words {
            if word.is_empty() || word.chars().any(char::is_whitespace) {
                return Err(Error::word(format!(
                    "dictionary word {word:?} is empty or holds white space"
                )));
            }
            let tag = match kind {
                None => None,
                Some(Kind::Org) => Some("nt"),
                Some(Kind::Place) => Some("ns"),
                Some(Kind::Person) => Some("nr"),
                Some(other) => {
                    return Err(Error::word(format!(
                        "word {word:?}: {other} is not a kind of name (org, place, person)"
                    )))
                }
            };
            let simplified = normalize(word);
            segmenter.add_word(simplified.text(), None, tag);
            if let Some(kind) = kind {
                user_names.insert(simplified.text().to_string(), *kind);
            }
        }
        Ok(Extractor {
            segmenter,
            kinds,
            reference_time: self.reference_time,
            region: self.region,
            user_names,
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
            .add_word("质检中心", Some(Kind::Money))
            .build()
            .unwrap_err()
            .is_invalid_word());
    }
}
