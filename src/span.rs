//! Byte spans into the original input.

use std::fmt;
use std::ops::{Index, Range};

/// A half-open range of UTF-8 byte offsets, `start..end`, into a text.
///
/// Every fact carries a `Span` into the text the caller passed in, before
/// any normalization, so `&text[span]` is exactly what the article says.
///
/// ```
/// use zhfacts::Span;
/// let text = "增长12.6%";
/// let span = Span::new(6, 11);
/// assert_eq!(&text[span], "12.6%");
/// assert_eq!(span.char_range(text), 2..7);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` below `start` is raised to `start`.
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies wholly inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span as character (Unicode scalar) offsets into `text`, the unit
    /// Python slices use. `text` must be the text the span points into.
    pub fn char_range(self, text: &str) -> Range<usize> {
        let start = text
            .get(..self.start)
            .map_or(0, |prefix| prefix.chars().count());
        let len = text
            .get(self.start..self.end)
            .map_or(0, |inner| inner.chars().count());
        start..start + len
    }

    /// The span as a `Range<usize>` of bytes.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

impl Index<Span> for String {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self.as_str()[span]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_a_range() {
        assert_eq!(format!("{:?}", Span::new(3, 9)), "3..9");
    }

    #[test]
    fn char_range_counts_scalars() {
        let text = "今年上半年GDP增长5%";
        let gdp = Span::new(15, 18);
        assert_eq!(&text[gdp], "GDP");
        assert_eq!(gdp.char_range(text), 5..8);
    }

    #[test]
    fn overlap_and_containment() {
        let outer = Span::new(0, 10);
        assert!(outer.contains(Span::new(2, 5)));
        assert!(!outer.contains(Span::new(8, 12)));
        assert!(outer.overlaps(Span::new(8, 12)));
        assert!(!outer.overlaps(Span::new(10, 12)));
    }
}
