//! The characters of a document where a numeric scan may stop, found in
//! one pass over the text.
//!
//! The numeric scan and the duration scan each read the whole text for the
//! few characters they may start at (numerals, signs, `几`, `半`, ASCII
//! letters and digits): decoding every character is most of their cost.
//! [`Stops`] decodes the text once for both; each scan then looks only at
//! the characters listed and tests its own set on them.

use crate::lexicon::CharBits;
use std::sync::LazyLock;

/// The characters of a text that a numeric scan may start at, with their
/// offsets, in text order.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Stops(Vec<(usize, char)>);

impl Stops {
    /// The characters a scan may stop at, as a bitmap: a pass that reads
    /// the text for other ends lists them ([`Stops::listed`]).
    pub(crate) fn chars() -> &'static CharBits {
        &STOP_CHARS
    }

    /// The stops listed by a pass over the text: every character of
    /// [`Stops::chars`], with its offset, in text order (what
    /// [`Stops::of`] finds).
    pub(crate) fn listed(stops: Vec<(usize, char)>) -> Stops {
        Stops(stops)
    }

    /// The stops of `text`: every character of [`STOP_CHARS`].
    pub(crate) fn of(text: &str) -> Stops {
        let set = &*STOP_CHARS;
        // Room for a stop every eight bytes or so: the list grows rarely.
        let mut stops = Vec::with_capacity(text.len() / 8);
        let mut pos = 0;
        while pos < text.len() {
            // Most characters are no stop: passed on one bitmap load from
            // their bytes, decoded only when they are one.
            let (stop, len) = set.at(text, pos);
            if stop {
                stops.push((pos, text[pos..].chars().next().unwrap_or('\0')));
            }
            pos += len;
        }
        Stops(stops)
    }

    /// The stops at or after byte `pos`, in text order.
    pub(crate) fn from(&self, pos: usize) -> impl Iterator<Item = (usize, char)> + '_ {
        let first = self.0.partition_point(|&(at, _)| at < pos);
        self.0[first..].iter().copied()
    }
}

/// True for every character a numeric scan may start at: a numeral, ASCII
/// letters and digits, signs and points, the vague `几` and `数`, and the
/// characters a duration starts with (`半`, `个`, `分`, `俩`). A scan's
/// own set is a part of this one. (The tests' statement of [`STOP_CHARS`].)
#[cfg(test)]
pub(crate) fn may_stop(c: char) -> bool {
    crate::numeric::numeral::can_start_numeral(c)
        || c.is_ascii_alphanumeric()
        || matches!(
            c,
            '几' | '数' | '负' | '-' | '−' | '.' | '半' | '个' | '分' | '俩'
        )
}

/// Every character a numeric scan may start at, as a bitmap: one load a
/// character. A numeral, ASCII letters and digits, signs and points, the
/// vague `几` and `数`, and the characters a duration starts with (`半`,
/// `个`, `分`, `俩`); all in the Basic Multilingual Plane. The numerals'
/// bitmap is copied, not built again from every character of the plane.
static STOP_CHARS: LazyLock<CharBits> = LazyLock::new(|| {
    let others = "几数负-−.半个分俩".chars();
    let ascii = (0..0x80u8)
        .map(char::from)
        .filter(char::is_ascii_alphanumeric);
    crate::numeric::numeral::numeral_starts().with(ascii.chain(others))
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bitmap_holds_the_characters_a_scan_may_stop_at() {
        for code in 0..0x10000 {
            let stop = char::from_u32(code).is_some_and(may_stop);
            assert_eq!(STOP_CHARS.contains_code(code), stop, "{code:x}");
        }
    }

    #[test]
    fn lists_the_characters_a_scan_may_start_at() {
        let stops = Stops::of("共3个半小时，约五万人");
        let chars: String = stops.from(0).map(|(_, c)| c).collect();
        assert_eq!(chars, "3个半五万");
        assert_eq!(stops.from(4).next(), Some((4, '个')));
        assert_eq!(stops.from(5).next(), Some((7, '半')));
    }
}
