//! Vocabulary as data: the loader for the word lists of `data/` and the
//! sets and character bitmaps built from them.
//!
//! A list is a text file embedded with `include_str!`. Lines that start
//! with `#` are its header (what the list is, why a word belongs there, its
//! source); every other line holds entries separated by white space, or,
//! in a `.tsv` list, fields separated by tabs. Rust code says what a list
//! *means*; the file says what it contains.

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: a small, fast hash for the short words these sets hold (the
/// standard SipHash guards against attacks a word list does not face).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// A set of words hashed with [`Fnv`], which rules out most words that are
/// not in it before hashing them: by their length in bytes, and by their
/// last character, of which it keeps a 1024-bit filter (a word whose last
/// character has no bit set is in no entry). Most lookups are of words in
/// no list, so most are answered by one load. A filter of first characters
/// tells a scan when no word of the set opens a text at all.
#[derive(Clone, Debug)]
pub(crate) struct WordSet {
    words: StdHashSet<&'static str, BuildHasherDefault<Fnv>>,
    first_chars: [u64; 16],
    last_chars: [u64; 16],
    shortest: usize,
    longest: usize,
}

impl Default for WordSet {
    fn default() -> WordSet {
        WordSet {
            words: StdHashSet::default(),
            first_chars: [0; 16],
            last_chars: [0; 16],
            shortest: usize::MAX,
            longest: 0,
        }
    }
}

impl WordSet {
    /// The filter's bit of a last character (or of no character).
    fn bit(word: &str) -> (usize, u64) {
        WordSet::bit_of_code(last_code(word))
    }

    /// The filters' bit of a character (or of none).
    fn bit_of(c: Option<char>) -> (usize, u64) {
        WordSet::bit_of_code(c.map(u32::from))
    }

    /// The filters' bit of a code point (or of none).
    #[inline]
    fn bit_of_code(code: Option<u32>) -> (usize, u64) {
        let code = code.map_or(0, |code| code as usize) % 1024;
        (code / 64, 1 << (code % 64))
    }

    /// False when no word of the set can close `text`: its last character
    /// closes none.
    pub(crate) fn may_close(&self, text: &str) -> bool {
        let (slot, mask) = WordSet::bit(text);
        self.last_chars[slot] & mask != 0
    }

    /// False when no word of the set can open `text`: its first character
    /// opens none.
    pub(crate) fn may_open(&self, text: &str) -> bool {
        let (slot, mask) = WordSet::bit_of(text.chars().next());
        self.first_chars[slot] & mask != 0
    }

    /// True when `word` is in the set.
    pub(crate) fn contains(&self, word: &str) -> bool {
        if word.len() < self.shortest || word.len() > self.longest {
            return false;
        }
        let (slot, mask) = WordSet::bit(word);
        if self.last_chars[slot] & mask == 0 {
            return false;
        }
        // Its first character must open a word too: both filters are
        // passed before the word is hashed.
        let (slot, mask) = WordSet::bit_of_code(first_code(word));
        self.first_chars[slot] & mask != 0 && self.words.contains(word)
    }

    /// The set's own copy of `word`, when it holds it.
    pub(crate) fn get(&self, word: &str) -> Option<&&'static str> {
        if !self.contains(word) {
            return None;
        }
        self.words.get(word)
    }

    /// Adds `word`; true when it was not in the set.
    pub(crate) fn insert(&mut self, word: &'static str) -> bool {
        let (slot, mask) = WordSet::bit(word);
        self.last_chars[slot] |= mask;
        let (slot, mask) = WordSet::bit_of(word.chars().next());
        self.first_chars[slot] |= mask;
        self.shortest = self.shortest.min(word.len());
        self.longest = self.longest.max(word.len());
        self.words.insert(word)
    }

    /// The words, in no particular order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &&'static str> + '_ {
        self.words.iter()
    }

    /// How many words the set holds.
    #[allow(dead_code)] // for tests of the lists
    pub(crate) fn len(&self) -> usize {
        self.words.len()
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(words: I) -> WordSet {
        let mut set = WordSet::default();
        set.extend(words);
        set
    }
}

impl IntoIterator for WordSet {
    type Item = &'static str;
    type IntoIter = std::collections::hash_set::IntoIter<&'static str>;

    fn into_iter(self) -> Self::IntoIter {
        self.words.into_iter()
    }
}

impl Extend<&'static str> for WordSet {
    fn extend<I: IntoIterator<Item = &'static str>>(&mut self, words: I) {
        for word in words {
            self.insert(word);
        }
    }
}
/// A map from words hashed with [`Fnv`].
#[allow(dead_code)] // the word-class maps move here with the lists
pub(crate) type WordMap<V> = StdHashMap<&'static str, V, BuildHasherDefault<Fnv>>;

/// A hash of a short word read eight bytes at a time: its first and last
/// eight bytes (or four, or three single bytes for the shortest) and its
/// length, mixed by one wide multiplication; a word longer than sixteen
/// bytes mixes in the bytes between, eight at a time. A Chinese word of up
/// to five characters is hashed whole in a few instructions, where [`Fnv`]
/// takes a multiplication per byte. Its order of iteration differs from
/// [`Fnv`]'s, so it serves maps that are looked up, never walked.
#[derive(Default)]
pub(crate) struct WordEnds(u64);

impl Hasher for WordEnds {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let n = bytes.len();
        let (head, tail) = if n > 16 {
            // The bytes between the ends count too: the document's names
            // are keys, and names of one pattern (山东省潍坊市人民政府,
            // 山东省济南市人民政府) share their ends.
            let mut head = le_u64(&bytes[..8]);
            for chunk in bytes[8..n - 8].chunks(8) {
                let mut b = [0; 8];
                b[..chunk.len()].copy_from_slice(chunk);
                head = (head ^ u64::from_le_bytes(b))
                    .wrapping_mul(0x9e37_79b9_7f4a_7c15)
                    .rotate_left(29);
            }
            (head, le_u64(&bytes[n - 8..]))
        } else if n >= 8 {
            (le_u64(&bytes[..8]), le_u64(&bytes[n - 8..]))
        } else if n >= 4 {
            (le_u32(&bytes[..4]), le_u32(&bytes[n - 4..]))
        } else if n > 0 {
            let spread = u64::from(bytes[0]) | u64::from(bytes[n / 2]) << 8;
            (spread | u64::from(bytes[n - 1]) << 16, 0)
        } else {
            (0, 0)
        };
        let wide = u128::from(head ^ self.0 ^ 0x243f_6a88_85a3_08d3)
            * u128::from(tail ^ (n as u64) ^ 0x1319_8a2e_0370_7344);
        self.0 = (wide as u64) ^ ((wide >> 64) as u64);
    }

    fn write_u8(&mut self, byte: u8) {
        // `str` ends its hash with a 0xff byte: a bijection keeps the spread.
        self.0 = self.0.wrapping_add(u64::from(byte));
    }
}

/// The number in eight little-endian bytes.
#[inline]
pub(crate) fn le_u64(bytes: &[u8]) -> u64 {
    let eight: [u8; 8] = bytes.try_into().expect("eight bytes");
    u64::from_le_bytes(eight)
}

/// The number in four little-endian bytes.
#[inline]
pub(crate) fn le_u32(bytes: &[u8]) -> u64 {
    let four: [u8; 4] = bytes.try_into().expect("four bytes");
    u64::from(u32::from_le_bytes(four))
}

/// A map from words hashed with [`WordEnds`]: for lookups on hot paths.
pub(crate) type LookupMap<V> = StdHashMap<&'static str, V, BuildHasherDefault<WordEnds>>;

/// The entries of a word list: every white-space separated item of every
/// line that is not a `#` header or comment line.
pub(crate) fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    content_lines(list).flat_map(str::split_whitespace)
}

#[allow(dead_code)] // for the .tsv lists
/// The rows of a tab-separated list: its non-comment lines split on tabs.
pub(crate) fn rows(list: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    content_lines(list).map(|line| line.split('\t').map(str::trim).collect())
}

/// The lines of a list that hold entries.
fn content_lines(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim_end)
        .filter(|line| !line.trim_start().starts_with('#') && !line.trim().is_empty())
}

/// The entries of a list as a set.
pub(crate) fn set(list: &'static str) -> WordSet {
    entries(list).collect()
}

/// A set of characters of the Basic Multilingual Plane as a bitmap: one
/// load and a mask, for tests run on every word.
pub(crate) struct CharBits(Box<[u64; 1024]>);

impl CharBits {
    /// The set of `chars` (characters outside the BMP are left out).
    pub(crate) fn of(chars: impl Iterator<Item = char>) -> CharBits {
        let mut set = CharBits(Box::new([0u64; 1024]));
        set.set_all(chars, true);
        set
    }

    /// This set and `chars`: a set built from another without testing
    /// every character of the plane again.
    pub(crate) fn with(&self, chars: impl Iterator<Item = char>) -> CharBits {
        let mut set = CharBits(self.0.clone());
        set.set_all(chars, true);
        set
    }

    /// The characters of this set that are not in `other`.
    pub(crate) fn without(&self, other: &CharBits) -> CharBits {
        let mut set = CharBits(self.0.clone());
        for (word, other_word) in set.0.iter_mut().zip(other.0.iter()) {
            *word &= !other_word;
        }
        set
    }

    /// Every character of the BMP but `chars` (the surrogates are none).
    pub(crate) fn all_but(chars: impl Iterator<Item = char>) -> CharBits {
        let mut set = CharBits(Box::new([u64::MAX; 1024]));
        for word in &mut set.0[0xD800 / 64..0xE000 / 64] {
            *word = 0;
        }
        set.set_all(chars, false);
        set
    }

    /// Puts `chars` (those of the BMP) in the set or takes them out.
    fn set_all(&mut self, chars: impl Iterator<Item = char>, member: bool) {
        for c in chars {
            let code = c as usize;
            if code < 0x10000 {
                let bit = 1 << (code % 64);
                if member {
                    self.0[code / 64] |= bit;
                } else {
                    self.0[code / 64] &= !bit;
                }
            }
        }
    }

    /// True when `c` is in the set.
    #[inline]
    pub(crate) fn contains(&self, c: char) -> bool {
        self.contains_code(u32::from(c))
    }

    /// True when the character of code point `code` is in the set.
    #[inline]
    pub(crate) fn contains_code(&self, code: u32) -> bool {
        let code = code as usize;
        code < 0x10000 && self.0[code / 64] & (1 << (code % 64)) != 0
    }

    /// True when the character of three bytes `lead`, `second`, `third`
    /// (a lead byte from 0xE0 to 0xEF) is in the set, read without decoding
    /// it: its word in the bitmap is the bits of its first two bytes, its
    /// bit the third byte's.
    #[inline(always)]
    pub(crate) fn contains_three_bytes(&self, lead: u8, second: u8, third: u8) -> bool {
        let word = (usize::from(lead & 0x0F) << 6) | usize::from(second & 0x3F);
        (self.0[word] >> (third & 0x3F)) & 1 != 0
    }

    /// Whether the character that starts at byte `pos` of `text` (a
    /// character boundary below its length) is in the set, and its length
    /// in bytes. ASCII characters and those of three bytes (all of Chinese)
    /// are read from their bytes without decoding: a code point's word in
    /// the bitmap is its first two bytes' bits, its bit the third byte's.
    ///
    /// ```text
    /// 年 = E5 B9 B4: word (0x5 << 6) | 0x39, bit 0x34
    /// ```
    // Always inlined: it is the step of the scans that read every
    // character of a text.
    #[inline(always)]
    pub(crate) fn at(&self, text: &str, pos: usize) -> (bool, usize) {
        let bytes = text.as_bytes();
        let lead = bytes[pos];
        // Characters of three bytes first: most of a Chinese text.
        if lead & 0xF0 == 0xE0 {
            if let [_, second, third, ..] = bytes[pos..] {
                return (self.contains_three_bytes(lead, second, third), 3);
            }
        }
        if lead < 0x80 {
            return (self.contains_code(u32::from(lead)), 1);
        }
        let c = text[pos..].chars().next().unwrap_or('\0');
        (self.contains(c), c.len_utf8())
    }
}

/// A set of characters of three bytes, as a bitmap whose
/// word is read from a character's first two bytes as they stand: the
/// words of other lead bytes are empty, so a scan tests a character of any
/// length on one load, and decodes none.
pub(crate) struct ThreeByteBits(Box<[u64; 0x4000]>);

impl ThreeByteBits {
    /// The set of the characters of three bytes of `chars`.
    pub(crate) fn of(chars: impl Iterator<Item = char>) -> ThreeByteBits {
        let mut bits = Box::new([0u64; 0x4000]);
        for c in chars {
            let mut bytes = [0; 4];
            if let [lead, second, third] = *c.encode_utf8(&mut bytes).as_bytes() {
                bits[ThreeByteBits::word(lead, second)] |= 1 << (third & 0x3F);
            }
        }
        ThreeByteBits(bits)
    }

    /// True when `lead`, `second`, `third` are the bytes of a character of
    /// the set (`false` for the first bytes of any other character).
    #[inline(always)]
    pub(crate) fn contains(&self, lead: u8, second: u8, third: u8) -> bool {
        (self.0[ThreeByteBits::word(lead, second)] >> (third & 0x3F)) & 1 != 0
    }

    /// The word of the first two bytes of a character: the lead byte whole
    /// and the bits of the second that a continuation byte varies.
    #[inline(always)]
    fn word(lead: u8, second: u8) -> usize {
        usize::from(lead) | usize::from(second & 0x3F) << 8
    }
}

/// A byte for every character of the Basic Multilingual Plane (the bits
/// of the sets it is in, say), in one table of 64 KiB: a look-up is one
/// load.
pub(crate) struct CharTable(Box<[u8; 0x10000]>);

impl CharTable {
    /// The table of `byte_of(code)` for every code point of the plane.
    pub(crate) fn of(byte_of: impl Fn(u32) -> u8) -> CharTable {
        let mut bytes = Box::new([0u8; 0x10000]);
        for (code, byte) in (0u32..).zip(bytes.iter_mut()) {
            *byte = byte_of(code);
        }
        CharTable(bytes)
    }

    /// The byte of the code point `code` (0 outside the plane).
    #[inline]
    pub(crate) fn get(&self, code: u32) -> u8 {
        self.0.get(code as usize).copied().unwrap_or(0)
    }
}

/// The eight bytes of `bytes` from `pos` as a little-endian number, the
/// bytes past the end read as zero: a window in which a scan decodes a
/// character and compares a word's head in a few instructions.
#[inline]
pub(crate) fn window_at(bytes: &[u8], pos: usize) -> u64 {
    match bytes.get(pos..pos + 8) {
        Some(eight) => le_u64(eight),
        None => {
            let mut b = [0; 8];
            let rest = bytes.get(pos..).unwrap_or(&[]);
            b[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(b)
        }
    }
}

/// The code point of the character a [`window_at`] a character's start
/// opens with, and its length in bytes, decoded without the checks of
/// `chars()` (the window is of a `str`).
#[inline]
pub(crate) fn code_in(window: u64) -> (u32, usize) {
    let byte = |i: u32| (window >> (8 * i)) as u32 & 0xff;
    let lead = byte(0);
    match lead {
        0..0x80 => (lead, 1),
        0x80..0xe0 => ((lead & 0x1f) << 6 | (byte(1) & 0x3f), 2),
        0xe0..0xf0 => (
            (lead & 0x0f) << 12 | (byte(1) & 0x3f) << 6 | (byte(2) & 0x3f),
            3,
        ),
        _ => (
            (lead & 0x07) << 18 | (byte(1) & 0x3f) << 12 | (byte(2) & 0x3f) << 6 | (byte(3) & 0x3f),
            4,
        ),
    }
}

/// A word's first eight bytes (or all, when shorter) as a [`window_at`]
/// holds them, and the mask of those bytes: a window at a text that starts
/// with the word has `window & mask == head`.
pub(crate) fn head_of(word: &str) -> (u64, u64) {
    let n = word.len().min(8);
    let head = window_at(&word.as_bytes()[..n], 0);
    let mask = if n == 8 { u64::MAX } else { (1 << (8 * n)) - 1 };
    (head, mask)
}

/// Which end of its word a [`ByEdge`] list is sorted by.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Edge {
    /// The first character: for the words `rest` starts with.
    First,
    /// The last character: for the words `before` ends with.
    Last,
}

/// A map from characters of the Basic Multilingual Plane to small numbers,
/// in two levels: a block of 64 characters (none for a block of which no
/// character is mapped), then the character in its block. A look-up is two
/// loads.
struct CharSlots {
    /// For each block of 64 characters, its place in `slots` (0: unmapped).
    blocks: Box<[u16; 1024]>,
    /// The blocks' slots: one more than the number mapped, or 0 for none.
    /// Block 0 is all unmapped.
    slots: Vec<u16>,
}

impl CharSlots {
    /// An empty map.
    fn new() -> CharSlots {
        CharSlots {
            blocks: Box::new([0; 1024]),
            slots: vec![0; 64],
        }
    }

    /// Maps the BMP character `code` to `number` (below `u16::MAX`).
    fn insert(&mut self, code: usize, number: u16) {
        let block = code / 64;
        if self.blocks[block] == 0 {
            self.blocks[block] = (self.slots.len() / 64) as u16;
            self.slots.resize(self.slots.len() + 64, 0);
        }
        self.slots[usize::from(self.blocks[block]) * 64 + code % 64] = number + 1;
    }

    /// The number of the BMP character `code`, when it is mapped.
    #[inline]
    fn get(&self, code: usize) -> Option<usize> {
        let block = usize::from(*self.blocks.get(code / 64)?);
        let slot = self.slots[block * 64 + code % 64];
        (slot != 0).then(|| usize::from(slot) - 1)
    }
}

/// A word list in its own order, with the entries of each first (or last)
/// character at hand: a search for the words a text starts (or ends) with
/// reads only the entries that share that character, in list order, so
/// `find` and `max_by_key` over them pick what they would over the list.
///
/// ```text
/// let units = ByEdge::new(vec![("亿元", 8), ("元", 0)], Edge::First, |e| e.0);
/// units.at("元钱").count() == 1
/// ```
pub(crate) struct ByEdge<T> {
    entries: Vec<T>,
    edge: Edge,
    /// The bucket of each edge character of the Basic Multilingual Plane.
    buckets_of: CharSlots,
    /// Where each bucket starts in `order`, and where the last one ends.
    bucket_starts: Vec<u32>,
    /// The entries' indices, bucket after bucket, each in list order.
    order: Vec<u32>,
    /// The buckets of edge characters outside the BMP.
    others: StdHashMap<char, Vec<u32>, BuildHasherDefault<Fnv>>,
}

impl<T> ByEdge<T> {
    /// Indexes `entries` by the first or last character of `word(entry)`.
    pub(crate) fn new(entries: Vec<T>, edge: Edge, word: impl Fn(&T) -> &str) -> ByEdge<T> {
        let edges: Vec<Option<char>> = entries
            .iter()
            .map(|entry| {
                let w = word(entry);
                match edge {
                    Edge::First => w.chars().next(),
                    Edge::Last => w.chars().next_back(),
                }
            })
            .collect();
        let mut buckets_of = CharSlots::new();
        let mut buckets: Vec<Vec<u32>> = Vec::new();
        let mut others: StdHashMap<char, Vec<u32>, BuildHasherDefault<Fnv>> = StdHashMap::default();
        for (i, c) in edges.iter().enumerate() {
            let (Some(c), Ok(i)) = (*c, u32::try_from(i)) else {
                continue;
            };
            let code = c as usize;
            if code >= 0x10000 || buckets.len() >= usize::from(u16::MAX - 1) {
                others.entry(c).or_default().push(i);
                continue;
            }
            let bucket = match buckets_of.get(code) {
                Some(bucket) => bucket,
                None => {
                    buckets_of.insert(code, buckets.len() as u16);
                    buckets.push(Vec::new());
                    buckets.len() - 1
                }
            };
            buckets[bucket].push(i);
        }
        let mut bucket_starts = Vec::with_capacity(buckets.len() + 1);
        let mut order = Vec::with_capacity(entries.len());
        for bucket in &buckets {
            bucket_starts.push(order.len() as u32);
            order.extend_from_slice(bucket);
        }
        bucket_starts.push(order.len() as u32);
        ByEdge {
            entries,
            edge,
            buckets_of,
            bucket_starts,
            order,
            others,
        }
    }

    /// The entries whose word may begin `text` (for [`Edge::First`]) or
    /// end it (for [`Edge::Last`]): those that share its edge character.
    #[inline]
    pub(crate) fn at<'a>(&'a self, text: &str) -> impl Iterator<Item = &'a T> + 'a {
        let code = match self.edge {
            Edge::First => first_code(text),
            Edge::Last => last_code(text),
        };
        let bucket = match code {
            Some(code) if code < 0x10000 => self.bmp_bucket(code as usize),
            // Outside the plane (or no character): the general way.
            _ => self.bucket(code.and_then(char::from_u32)),
        };
        bucket.iter().map(|&i| &self.entries[i as usize])
    }

    /// The entries whose edge character is `c`, in list order.
    pub(crate) fn with_edge(&self, c: char) -> impl Iterator<Item = &T> + '_ {
        self.bucket(Some(c))
            .iter()
            .map(|&i| &self.entries[i as usize])
    }

    /// The indices of the entries whose edge character is `c`.
    fn bucket(&self, c: Option<char>) -> &[u32] {
        let Some(c) = c else {
            return &[];
        };
        if u32::from(c) >= 0x10000 {
            return self.others.get(&c).map_or(&[], Vec::as_slice);
        }
        self.bmp_bucket(c as usize)
    }

    /// The indices of the entries whose edge character is the BMP
    /// character `code`.
    #[inline]
    fn bmp_bucket(&self, code: usize) -> &[u32] {
        match self.buckets_of.get(code) {
            Some(bucket) => {
                let (start, end) = (self.bucket_starts[bucket], self.bucket_starts[bucket + 1]);
                &self.order[start as usize..end as usize]
            }
            None => &[],
        }
    }
}

/// The code point of the first character of `text`: an ASCII byte or a
/// character of three bytes (Han, CJK punctuation) read from its bytes,
/// any other through the decoder.
#[inline]
fn first_code(text: &str) -> Option<u32> {
    match *text.as_bytes() {
        [b0, ..] if b0 < 0x80 => Some(u32::from(b0)),
        [b0 @ 0xE0..=0xEF, b1, b2, ..] => Some(three_byte_code(b0, b1, b2)),
        _ => text.chars().next().map(u32::from),
    }
}

/// The code point of the last character of `text`, read as [`first_code`]
/// reads the first.
#[inline]
fn last_code(text: &str) -> Option<u32> {
    match *text.as_bytes() {
        [.., b2] if b2 < 0x80 => Some(u32::from(b2)),
        [.., b0 @ 0xE0..=0xEF, b1, b2] => Some(three_byte_code(b0, b1, b2)),
        _ => text.chars().next_back().map(u32::from),
    }
}

/// The code point a three-byte UTF-8 sequence encodes.
#[inline]
pub(crate) fn three_byte_code(b0: u8, b1: u8, b2: u8) -> u32 {
    u32::from(b0 & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F)
}

impl<T> std::ops::Deref for ByEdge<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        &self.entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "# a header line\n# another\n上半年 下半年\n\n  全年\n# 注释\n";

    #[test]
    fn char_bits_read_from_bytes_agree_with_decoding() {
        let set = CharBits::of("年9é€".chars());
        let text = "9a年月é€😀";
        let mut read = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            let (member, width) = set.at(text, pos);
            read.push((&text[pos..pos + width], member));
            pos += width;
        }
        assert_eq!(
            read,
            [
                ("9", true),
                ("a", false),
                ("年", true),
                ("月", false),
                ("é", true),
                ("€", true),
                ("😀", false)
            ]
        );
    }

    #[test]
    fn three_byte_bits_hold_the_characters_of_three_bytes_only() {
        let set = ThreeByteBits::of("年a\u{800}\u{FFFF}é𠀀".chars());
        assert!(set.contains(0xE5, 0xB9, 0xB4));
        assert!(set.contains(0xE0, 0xA0, 0x80));
        assert!(set.contains(0xEF, 0xBF, 0xBF));
        assert!(!set.contains(0xE5, 0xB9, 0xB5));
        // The first bytes of characters of one, two and four bytes.
        for c in "a\u{7F}é\u{7FF}𠀀".chars() {
            let mut bytes = [0xBF; 4];
            c.encode_utf8(&mut bytes);
            assert!(!set.contains(bytes[0], bytes[1], bytes[2]), "{c:?}");
        }
    }

    #[test]
    fn entries_skip_headers_and_blank_lines() {
        assert_eq!(
            entries(LIST).collect::<Vec<_>>(),
            ["上半年", "下半年", "全年"]
        );
        assert!(set(LIST).contains("全年"));
        assert!(!set(LIST).contains("# a header line"));
    }

    #[test]
    fn word_sets_know_the_edge_characters_of_their_words() {
        let set = set(LIST);
        assert!(set.may_open("上半年以来"));
        assert!(set.may_open("全"));
        assert!(!set.may_open("年初"));
        assert!(!set.may_open(""));
        assert!(set.may_close("今年上半年"));
        assert!(!set.may_close("上半"));
    }

    #[test]
    fn rows_split_on_tabs() {
        let rows: Vec<_> = rows("# name\tlevel\n潍坊\tcity\n山东\tprovince\n").collect();
        assert_eq!(rows, [vec!["潍坊", "city"], vec!["山东", "province"]]);
    }

    #[test]
    fn by_edge_reads_the_entries_of_one_character_in_list_order() {
        let first = ByEdge::new(vec!["亿元", "元", "亿", "美元"], Edge::First, |w| w);
        assert_eq!(first.at("亿元以上").collect::<Vec<_>>(), [&"亿元", &"亿"]);
        assert_eq!(first.at("").count(), 0);
        let last = ByEdge::new(vec!["人民币", "币", "美元"], Edge::Last, |w| w);
        assert_eq!(last.at("约人民币").collect::<Vec<_>>(), [&"人民币", &"币"]);
        assert_eq!(last.len(), 3);
    }

    #[test]
    fn edge_codes_read_from_bytes_agree_with_decoding() {
        for text in [
            "", "a", "é", "元", "𠀀", "a元", "元a", "é元", "元é", "𠀀元", "元𠀀", "aé", "éa",
        ] {
            assert_eq!(
                first_code(text),
                text.chars().next().map(u32::from),
                "{text}"
            );
            assert_eq!(
                last_code(text),
                text.chars().next_back().map(u32::from),
                "{text}"
            );
        }
        let words = ByEdge::new(vec!["𠀀元", "é", "元𠀀"], Edge::First, |w| w);
        assert_eq!(words.at("𠀀").collect::<Vec<_>>(), [&"𠀀元"]);
        assert_eq!(words.at("éa").collect::<Vec<_>>(), [&"é"]);
        let words = ByEdge::new(vec!["𠀀元", "é", "元𠀀"], Edge::Last, |w| w);
        assert_eq!(words.at("a𠀀").collect::<Vec<_>>(), [&"元𠀀"]);
        assert_eq!(words.at("aé").collect::<Vec<_>>(), [&"é"]);
    }

    #[test]
    fn long_words_that_share_their_ends_hash_apart() {
        let hash = |word: &str| {
            let mut hasher = WordEnds::default();
            hasher.write(word.as_bytes());
            hasher.finish()
        };
        assert_ne!(hash("山东省潍坊市人民政府"), hash("山东省济南市人民政府"));
        assert_ne!(hash("潍坊"), hash("济南"));
        assert_eq!(hash("山东省潍坊市人民政府"), hash("山东省潍坊市人民政府"));
    }

    #[test]
    fn windows_decode_characters_of_every_length() {
        let text = "a©潍𠀋";
        let mut pos = 0;
        for c in text.chars() {
            let window = window_at(text.as_bytes(), pos);
            assert_eq!(code_in(window), (u32::from(c), c.len_utf8()));
            pos += c.len_utf8();
        }
    }

    #[test]
    fn windows_read_past_the_end_as_zero_and_compare_heads() {
        assert_eq!(window_at("a©".as_bytes(), 0), 0x00_00_00_00_00_a9_c2_61);
        let window = window_at("潍坊市人民政府".as_bytes(), 0);
        let (head, mask) = head_of("潍坊");
        assert_eq!(window & mask, head);
        let (head, mask) = head_of("潍坊市人民");
        assert_eq!(window & mask, head);
        let (head, mask) = head_of("潍县");
        assert_ne!(window & mask, head);
    }

    #[test]
    fn differences_of_sets() {
        let set = CharBits::of("潍坊市".chars());
        let difference = set.without(&CharBits::of("坊".chars()));
        assert!(difference.contains('潍') && difference.contains('市'));
        assert!(!difference.contains('坊'));
    }

    #[test]
    fn char_tables_hold_a_byte_for_every_character_of_the_plane() {
        let table = CharTable::of(|code| u8::from(code == 0x6F4D) | u8::from(code < 0x80) << 1);
        assert_eq!(table.get(0x6F4D), 1);
        assert_eq!(table.get(u32::from('a')), 2);
        assert_eq!(table.get(0x6F4E), 0);
        assert_eq!(table.get(0xFFFF), 0);
        assert_eq!(table.get(0x1_0000), 0);
    }

    #[test]
    fn char_bits_hold_bmp_characters_only() {
        let bits = CharBits::of("潍坊𠀋".chars());
        assert!(bits.contains('潍'));
        assert!(!bits.contains('山'));
        assert!(!bits.contains('𠀋'));
    }
}
