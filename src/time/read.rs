//! What every time reader uses: integers, the longest word of a list, the
//! skipping of spaces, and the shape of a named reader with the first
//! characters it may read at, by which most readers are passed over.

use crate::numeric::numeral::{parse_numeral_at, NumeralForm};
use crate::time::chain::Chain;

/// A reader of one part of a chain: it reads at a byte offset, fills the
/// chain and returns where it stopped.
pub(crate) type Read = fn(&str, usize, &mut Chain) -> Option<usize>;

/// A named reader: its name is the `rule` of the facts it decides.
pub(crate) struct Rule {
    /// `time.` and the reader's function name.
    pub name: &'static str,
    /// The reader.
    pub read: Read,
    /// The first characters at which the reader may read anything.
    pub opens: Opens,
}

/// The first characters at which a reader may read anything: at any other
/// (or at the end of the text) it reads nothing and leaves the chain alone.
pub(crate) struct Opens {
    /// Characters the reader spells.
    chars: &'static str,
    /// True when the reader may read an integer first ([`starts_integer`]).
    integer: bool,
    /// The characters that may follow that integer for the reader to read
    /// anything (`月` after the integer of a month); None when any may.
    after_integer: Option<fn() -> Vec<char>>,
    /// The first characters of the words of the lists it reads.
    words: fn() -> Vec<char>,
}

impl Opens {
    /// One of `chars`.
    pub(crate) const fn chars(chars: &'static str) -> Opens {
        Opens {
            chars,
            integer: false,
            after_integer: None,
            words: Vec::new,
        }
    }

    /// An integer, or one of `chars`.
    pub(crate) const fn integer_or(chars: &'static str) -> Opens {
        Opens {
            chars,
            integer: true,
            after_integer: None,
            words: Vec::new,
        }
    }

    /// An integer before one of the characters `after` names, or one of
    /// `chars`.
    pub(crate) const fn integer_before(after: fn() -> Vec<char>, chars: &'static str) -> Opens {
        Opens {
            chars,
            integer: true,
            after_integer: Some(after),
            words: Vec::new,
        }
    }

    /// The first character of a word of the lists whose first characters
    /// `words` names.
    pub(crate) const fn words(words: fn() -> Vec<char>) -> Opens {
        Opens::words_or("", words)
    }

    /// The first character of a word of `words`' lists, or one of `chars`.
    pub(crate) const fn words_or(chars: &'static str, words: fn() -> Vec<char>) -> Opens {
        Opens {
            chars,
            integer: false,
            after_integer: None,
            words,
        }
    }
}

/// The first characters of the words of `list`.
pub(crate) fn heads_of<T: Listed>(list: &[T]) -> Vec<char> {
    list.iter()
        .filter_map(|e| e.word().chars().next())
        .collect()
}

/// An entry of a word list: a word, maybe with its value.
pub(crate) trait Listed {
    /// The entry's word.
    fn word(&self) -> &'static str;
}

impl Listed for &'static str {
    fn word(&self) -> &'static str {
        self
    }
}

impl<T> Listed for (&'static str, T) {
    fn word(&self) -> &'static str {
        self.0
    }
}

/// Readers tried in order, with the readers each first character may
/// open, found the first time they are asked.
pub(crate) struct Rules {
    rules: &'static [Rule],
    openers: std::sync::OnceLock<Openers>,
}

impl Rules {
    /// The readers `rules`, at most 32.
    pub(crate) const fn new(rules: &'static [Rule]) -> Rules {
        assert!(rules.len() <= 32);
        Rules {
            rules,
            openers: std::sync::OnceLock::new(),
        }
    }

    /// Every character but an integer's that some reader may open with.
    pub(crate) fn heads(&self) -> impl Iterator<Item = char> {
        self.rules
            .iter()
            .flat_map(|rule| rule.opens.chars.chars().chain((rule.opens.words)()))
    }
}

/// For each first character, the readers of one [`Rules`] that it may
/// open, and for the character after an integer, the readers that an
/// integer before it may open.
struct Openers {
    /// The readers of each first character but an integer's.
    first: ReaderMap,
    /// The readers of an integer that any character may follow.
    integer_before_any: u32,
    /// The readers of an integer, by the character after it.
    after_integer: ReaderMap,
    /// True when some reader may read an integer first.
    reads_integers: bool,
}

impl Openers {
    fn of(rules: &[Rule]) -> Openers {
        let mut openers = Openers {
            first: ReaderMap::new(),
            integer_before_any: 0,
            after_integer: ReaderMap::new(),
            reads_integers: false,
        };
        for (i, rule) in rules.iter().enumerate() {
            let bit = 1 << i;
            if rule.opens.integer {
                openers.reads_integers = true;
                match rule.opens.after_integer {
                    Some(after) => {
                        for c in after() {
                            openers.after_integer.add(c, bit);
                        }
                    }
                    None => openers.integer_before_any |= bit,
                }
            }
            for c in rule.opens.chars.chars().chain((rule.opens.words)()) {
                openers.first.add(c, bit);
            }
        }
        openers
    }

    /// The readers that may read at `pos` of `text`, whose first character
    /// is `first`.
    fn at(&self, text: &str, pos: usize, first: char) -> u32 {
        let words = self.first.at(first);
        if !self.reads_integers || !starts_integer(first) {
            return words;
        }
        let after = integer_at(text, pos)
            .and_then(|(_, end, _, _)| text[end..].chars().next())
            .map_or(0, |next| self.after_integer.at(next));
        words | self.integer_before_any | after
    }
}

/// Readers (bit `i` for reader `i`) by character: a map in two levels, a
/// block of 64 characters of the Basic Multilingual Plane, then the
/// character in it.
struct ReaderMap {
    /// For each block of 64 characters, its row in `rows` (row 0 is empty).
    blocks: Box<[u16; 1024]>,
    rows: Vec<[u32; 64]>,
    /// The readers of characters outside the BMP.
    others: Vec<(char, u32)>,
}

impl ReaderMap {
    fn new() -> ReaderMap {
        ReaderMap {
            blocks: Box::new([0; 1024]),
            rows: vec![[0; 64]],
            others: Vec::new(),
        }
    }

    /// Adds the reader `bit` to those of `c`.
    fn add(&mut self, c: char, bit: u32) {
        let code = c as usize;
        if code >= 0x10000 {
            match self.others.iter_mut().find(|(o, _)| *o == c) {
                Some((_, readers)) => *readers |= bit,
                None => self.others.push((c, bit)),
            }
            return;
        }
        let block = code / 64;
        if self.blocks[block] == 0 {
            self.blocks[block] = self.rows.len() as u16;
            self.rows.push([0; 64]);
        }
        self.rows[usize::from(self.blocks[block])][code % 64] |= bit;
    }

    /// The readers of `c`.
    fn at(&self, c: char) -> u32 {
        let code = c as usize;
        match self.blocks.get(code / 64) {
            Some(&row) => self.rows[usize::from(row)][code % 64],
            None => self
                .others
                .iter()
                .find(|(o, _)| *o == c)
                .map_or(0, |(_, readers)| *readers),
        }
    }
}

/// The first of `rules` that reads at `pos`: where it stopped and its name.
pub(crate) fn first_match(
    rules: &Rules,
    text: &str,
    pos: usize,
    chain: &mut Chain,
) -> Option<(usize, &'static str)> {
    let first = text[pos..].chars().next().unwrap_or('\0');
    let mut open = rules
        .openers
        .get_or_init(|| Openers::of(rules.rules))
        .at(text, pos, first);
    // The readers `first` may open, in order: the others are not called.
    let mut checked = 0;
    while open != 0 {
        let i = open.trailing_zeros() as usize;
        open &= open - 1;
        check_ruled_out(&rules.rules[checked..i], text, pos, chain);
        checked = i + 1;
        let rule = &rules.rules[i];
        if let Some(end) = (rule.read)(text, pos, chain) {
            return Some((end, rule.name));
        }
    }
    check_ruled_out(&rules.rules[checked..], text, pos, chain);
    None
}

/// In debug builds and tests, checks that the gate is exact: each of
/// `ruled_out`, which the first character rules out, reads nothing at
/// `pos` and leaves `chain` as it was.
fn check_ruled_out(ruled_out: &[Rule], text: &str, pos: usize, chain: &Chain) {
    if cfg!(any(debug_assertions, test)) {
        for rule in ruled_out {
            let mut untouched = *chain;
            assert!(
                (rule.read)(text, pos, &mut untouched).is_none() && untouched == *chain,
                "{} reads where its first character rules it out: {:?}",
                rule.name,
                &text[pos..]
            );
        }
    }
}

/// `pos` moved past the spaces at it (one byte each, so that no character
/// is decoded).
pub(crate) fn skip_spaces(text: &str, pos: usize) -> usize {
    pos + text.as_bytes()[pos..]
        .iter()
        .take_while(|&&b| b == b' ')
        .count()
}

/// An integer read by [`integer_at`]: its value, end, form and number of digits.
pub(crate) type Integer = (u32, usize, NumeralForm, usize);

/// The text's address and length, and an offset in it.
type IntegerKey = (usize, usize, usize);

/// `None` while no [`RememberIntegers`] lives; else the last integer read.
type Remembered = Option<Option<(IntegerKey, Option<Integer>)>>;

thread_local! {
    /// While a [`RememberIntegers`] lives: the last integer read. The readers
    /// of one chain ask for the integer at the same offset in turn.
    static LAST_INTEGER: std::cell::Cell<Remembered> =
        const { std::cell::Cell::new(None) };
}

/// While it lives, [`integer_at`] remembers the last integer it read. It
/// lives no longer than one borrow of the text, so no other text can come
/// to lie at the same address meanwhile. One made while another lives
/// leaves the memory to the outer one.
pub(crate) struct RememberIntegers {
    /// True for the one that began remembering, which ends it.
    outermost: bool,
}

impl RememberIntegers {
    pub(crate) fn new() -> RememberIntegers {
        let outermost = LAST_INTEGER.get().is_none();
        if outermost {
            LAST_INTEGER.set(Some(None));
        }
        RememberIntegers { outermost }
    }
}

impl Drop for RememberIntegers {
    fn drop(&mut self) {
        if self.outermost {
            LAST_INTEGER.set(None);
        }
    }
}

/// An integer at `pos`: its value, end, form and number of digits.
pub(crate) fn integer_at(text: &str, pos: usize) -> Option<Integer> {
    // Most offsets hold no numeral: their first bytes say so before the
    // memory is asked (and nothing is remembered).
    if !starts_integer_at(text, pos) {
        return None;
    }
    let Some(last) = LAST_INTEGER.get() else {
        return read_integer(text, pos);
    };
    // The readers of a chain ask at the same offset in turn.
    let key = (text.as_ptr() as usize, text.len(), pos);
    if let Some((last_key, integer)) = last {
        if last_key == key {
            return integer;
        }
    }
    let integer = read_integer(text, pos);
    LAST_INTEGER.set(Some(Some((key, integer))));
    integer
}

/// True when an integer may start at `pos` ([`starts_integer`]), found
/// from the bytes there, undecoded.
#[inline(always)]
pub(crate) fn starts_integer_at(text: &str, pos: usize) -> bool {
    pos < text.len() && INTEGER_STARTS.at(text, pos).0
}

/// True when an integer may start with `c`: a numeral, but not a bare
/// 万, 亿 or 兆.
pub(crate) fn starts_integer(c: char) -> bool {
    INTEGER_STARTS.contains(c)
}

/// The characters of [`starts_integer`], in one table.
static INTEGER_STARTS: std::sync::LazyLock<crate::lexicon::CharBits> =
    std::sync::LazyLock::new(|| {
        let bare_units = crate::lexicon::CharBits::of("万亿兆".chars());
        crate::numeric::numeral::numeral_starts().without(&bare_units)
    });

/// The integer at `pos`, where one may start ([`starts_integer_at`]).
fn read_integer(text: &str, pos: usize) -> Option<Integer> {
    let numeral = parse_numeral_at(text, pos)?;
    let written = &text[pos..numeral.end];
    if let Some(point) = decimal_point(written) {
        // A decimal is no date part; read the integer before the point.
        let integer = parse_numeral_at(&text[..pos + point], pos)?;
        if !is_whole(integer.value) || integer.value < 0.0 {
            return None;
        }
        return Some((
            integer.value as u32,
            integer.end,
            integer.form,
            char_count(&written[..point]),
        ));
    }
    if !(0.0..=100_000_000.0).contains(&numeral.value) || !is_whole(numeral.value) {
        return None;
    }
    Some((
        numeral.value as u32,
        numeral.end,
        numeral.form,
        char_count(written),
    ))
}

/// True when `value` has no fraction (`f64::fract` is zero), found without
/// the library call `fract` makes on this target.
fn is_whole(value: f64) -> bool {
    // From 2^52 on every finite double is whole.
    value.is_finite() && (value.abs() >= 4_503_599_627_370_496.0 || value == value as i64 as f64)
}

/// The number of characters of `text`: its bytes that begin one.
fn char_count(text: &str) -> usize {
    text.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

/// The offset of the first `.`, `,` or `点` in `written`, found from its
/// bytes (`点` is E7 82 B9, and no other character holds those bytes).
fn decimal_point(written: &str) -> Option<usize> {
    let bytes = written.as_bytes();
    (0..bytes.len()).find(|&i| match bytes[i] {
        b'.' | b',' => true,
        0xE7 => bytes[i..].starts_with("点".as_bytes()),
        _ => false,
    })
}

/// The first characters of every word `longest` is asked about: one load
/// rules a position out.
static WORD_HEADS: std::sync::LazyLock<crate::lexicon::CharBits> = std::sync::LazyLock::new(|| {
    let units = crate::numeric::units::time_unit_words()
        .filter(|w| w.in_spans)
        .map(|w| w.word);
    let words = crate::time::words::all_words().chain(units);
    crate::lexicon::CharBits::of(words.filter_map(|w| w.chars().next()))
});

/// The longest word of `words(rest)` at `pos`, with its value, where `rest`
/// is the text from `pos` on. `words` is asked only when a word may start
/// there at all, so that a list is not looked up at every offset.
pub(crate) fn longest<T: Copy, I: Iterator<Item = (&'static str, T)>>(
    text: &str,
    pos: usize,
    words: impl FnOnce(&str) -> I,
) -> Option<(&'static str, T)> {
    let rest = text.get(pos..)?.as_bytes();
    // Every word here is Chinese: three bytes a character. Compare the
    // first character's bytes before the whole word.
    if rest.len() < 3 || rest[0] < 0x80 {
        return None;
    }
    let head = &rest[..3];
    let first = text[pos..].chars().next()?;
    if first.len_utf8() != 3 || !WORD_HEADS.contains(first) {
        return None;
    }
    words(&text[pos..])
        .filter(|(w, _)| w.as_bytes().get(..3) == Some(head) && rest.starts_with(w.as_bytes()))
        .max_by_key(|(w, _)| w.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_stop_before_a_decimal_point() {
        assert_eq!(
            integer_at("二十七日", 0).map(|i| (i.0, i.1)),
            Some((27, "二十七".len()))
        );
        assert_eq!(integer_at("3.5点", 0).map(|i| (i.0, i.1)), Some((3, 1)));
        assert_eq!(integer_at("万", 0), None);
        assert_eq!(decimal_point("三点五"), Some(3));
        assert_eq!(decimal_point("1,2"), Some(1));
        assert_eq!(decimal_point("二十七"), None);
        for value in [
            0.0,
            -0.0,
            3.0,
            3.5,
            -2.5,
            1e17,
            1e17 + 0.5,
            f64::INFINITY,
            f64::NAN,
        ] {
            assert_eq!(is_whole(value), value.fract() == 0.0, "{value}");
        }
        assert_eq!(char_count("12三十"), "12三十".chars().count());
    }

    #[test]
    fn longest_word_wins() {
        let words = [("上周", 1), ("上上周", 2)];
        assert_eq!(
            longest("上上周五", 0, |_| words.iter().copied()),
            Some(("上上周", 2))
        );
        assert_eq!(skip_spaces("a  b", 1), 3);
    }
}
