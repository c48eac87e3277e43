//! What every extractor sees of one document: its normalized text, words,
//! reference time, boilerplate and numeric expressions, and the candidate
//! fact an extractor yields.

use crate::civil::datetime::DateTime;
use crate::fact::Value;
use crate::numeric::expr as numeric;
use crate::numeric::memory::Numerals;
use crate::numeric::stops::Stops;
use crate::span::Span;
use crate::text::meta;
use crate::text::region::Region;
use crate::text::segment::Words;

/// What every extractor sees of one document.
pub(crate) struct Context<'a> {
    /// The normalized text.
    pub text: &'a str,
    /// Its words.
    pub words: &'a Words<'a>,
    /// The reference time for relative expressions.
    pub reference_time: Option<DateTime>,
    /// Where the article was published, when known.
    pub region: Option<Region>,
    /// Byte ranges of site boilerplate (footers, licence numbers), sorted
    /// and disjoint: no fact starts there.
    pub boilerplate: Vec<Span>,
    /// Every numeric expression of the text, found once for all kinds.
    pub numerics: Vec<numeric::Numeric>,
    /// The characters of the text where a numeric scan may start, found
    /// once for the numeric and duration scans.
    pub numeric_stops: Stops,
    /// The numerals of the text, each read once while the context lives
    /// (the numeric scan, durations and times ask at the same offsets):
    /// the numeric scan, durations and ordinals ask them directly, the
    /// extractors that ask by the text ([`parse_numeral_at`]) find them
    /// lent to the thread.
    ///
    /// [`parse_numeral_at`]: crate::numeric::numeral::parse_numeral_at
    pub numerals: Numerals<'a>,
}

impl<'a> Context<'a> {
    /// Prepares the context: boilerplate and numeric expressions.
    pub fn new(
        text: &'a str,
        words: &'a Words<'a>,
        reference_time: Option<DateTime>,
    ) -> Context<'a> {
        Context::with_stops(text, words, reference_time, Stops::of(text))
    }

    /// [`Context::new`], with the text's numeric stops already listed.
    pub fn with_stops(
        text: &'a str,
        words: &'a Words<'a>,
        reference_time: Option<DateTime>,
        numeric_stops: Stops,
    ) -> Context<'a> {
        let numerals = Numerals::new(text);
        let boilerplate = meta::boilerplate(text);
        let numerics = numeric::scan(&numerals, words, &numeric_stops);
        Context {
            text,
            words,
            reference_time,
            region: None,
            boilerplate,
            numerics,
            numeric_stops,
            numerals,
        }
    }

    /// Sets the article's region.
    pub fn with_region(mut self, region: Option<Region>) -> Context<'a> {
        self.region = region;
        self
    }

    /// The text after byte `offset`.
    pub fn after(&self, offset: usize) -> &'a str {
        self.text.get(offset..).unwrap_or("")
    }

    /// The text before byte `offset`.
    pub fn before(&self, offset: usize) -> &'a str {
        self.text.get(..offset).unwrap_or("")
    }

    /// True when `span` overlaps a boilerplate line. The lines are sorted
    /// and disjoint: only the last one starting before `span` ends can.
    pub(crate) fn in_boilerplate(&self, span: Span) -> bool {
        let i = self.boilerplate.partition_point(|b| b.start < span.end);
        i > 0 && self.boilerplate[i - 1].overlaps(span)
    }
}

/// A fact before it is mapped back to the original text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate {
    /// Byte span in the normalized text.
    pub span: Span,
    /// The value.
    pub value: Value,
    /// The rule's name.
    pub rule: &'static str,
}
