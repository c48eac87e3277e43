//! The names' lexicon: one map from every listed word to what the lists of
//! `data/words/` say of it, the word lists that rules of more than one kind
//! read, and what the segmenter's tags say of a word.
//!
//! Every word of a document is looked up once in the map (a hot path), and
//! bitmaps of the characters that begin and end listed words rule most words
//! out before any lookup.

use crate::lexicon::{
    entries, le_u32, le_u64, rows, set, ByEdge, CharBits, Edge, LookupMap, WordMap, WordSet,
};
use crate::span::Span;
use crate::text::normalize::is_han;
use crate::text::segment::Word;
use std::cell::RefCell;
use std::sync::LazyLock;

/// A name found by a rule: where it is and the rule's name.
#[derive(Clone, Copy, Debug)]
pub(super) struct Found {
    /// Byte span in the normalized text.
    pub(super) span: Span,
    /// The name of the rule (the function) that found it.
    pub(super) rule: &'static str,
}

/// What the lists, the tag and the characters say of a word: the bits
/// of the lists are bits 0 to 20; the rest are those [`word_classes`]
/// reads from the tag and the characters, with the word's number of
/// characters and the hash of its head.
pub(super) type Class = u64;

/// A listed place: a division, country, city or alias.
pub(super) const PLACE: Class = 1;
/// Short forms of county names (钟山 for 钟山县): places when the segmenter
/// tags them so and they are not common words.
pub(super) const COUNTY_SHORT: Class = 1 << 1;
/// A place word that is a common word too (城市, 和平).
pub(super) const COMMON_PLACE: Class = 1 << 2;
/// A part of an organisation written after its name (政治局).
pub(super) const SUB_UNIT: Class = 1 << 3;
/// An institution named by its kind alone (人民法院).
pub(super) const GENERIC_ORG: Class = 1 << 4;
/// A word ending like an organisation that is none (部署).
pub(super) const NOT_ORG: Class = 1 << 5;
/// An organisation known by a name without a suffix (新华社).
pub(super) const ORG_NAME: Class = 1 << 6;
/// A region named by direction or landmark (东南亚).
pub(super) const REGION: Class = 1 << 7;
/// A role right before a name (工程师).
pub(super) const ROLE_BEFORE_WORD: Class = 1 << 8;
/// A role or title right before a name (记者, 总理).
pub(super) const BEFORE_NAME_WORD: Class = 1 << 9;
/// Speech, a title or an action right after a name (说, 同志, 出席).
pub(super) const AFTER_NAME_WORD: Class = 1 << 10;
/// A direction that names part of a country (东部).
pub(super) const COMPASS_WORD: Class = 1 << 11;
/// A title or form of address after a surname (书记).
pub(super) const TITLE: Class = 1 << 12;
/// 说, 表示, 同志: speech or address right after a name.
pub(super) const SPEECH_WORD: Class = 1 << 13;
/// A word for the whole nation (国家, 全国, 中国).
pub(super) const NATIONAL: Class = 1 << 14;
/// A word of datelines and credits the segmenter tags as a name (日电, 本报讯).
pub(super) const DATELINE: Class = 1 << 15;
/// A government or party committee named by its level (市政府).
pub(super) const GOVERNMENT_LEVEL: Class = 1 << 16;
/// A word that ends the name of a street (街, 大道).
pub(super) const STREET_ENDING: Class = 1 << 17;
/// A word of a company's results (净利润, 营业收入).
pub(super) const EARNINGS: Class = 1 << 18;

/// A determiner or quantifier of `data/words/org_kind_markers.txt` (各,
/// 有的): the word after it names a kind of institution.
pub(super) const KIND_MARKER: Class = 1 << 19;
/// A brand of `data/words/org_brands.txt` that begins with a Han
/// character, alone or with 公司 or 集团 (苹果, 苹果公司): the brands of
/// Latin letters (vivo) are words with [`LATIN_START`].
pub(super) const BRAND: Class = 1 << 20;

// The bits below say what a word of a document is by its tag and its
// characters, not by the lists: [`word_classes`] sets them once per word,
// so that the rules tried at every word read a bit where they would test
// a tag or decode a character again.

/// The word begins with a Latin letter (ASCII).
pub(super) const LATIN_START: Class = 1 << 46;
/// The word's tag is one of [`is_modifier`]'s.
pub(super) const MODIFIER: Class = 1 << 38;
/// The word's tag is one of a person's name (nr, nrfg, nrt).
pub(super) const NAME_TAG: Class = 1 << 39;
/// Where the flags of a word's characters ([`CharFlags`]) stand in its
/// class: [`FACILITY_END`] to [`NAME_DOT`] are those flags, shifted.
const FLAG_SHIFT: u32 = 40;
/// The word ends with the last character of a facility suffix: only then
/// may [`facility_suffix`] find one.
pub(super) const FACILITY_END: Class = 1 << 40;
/// The word ends with the last character of an organisation suffix or of
/// a known organisation: only then may it end an organisation's name.
pub(super) const ORG_HEAD_END: Class = 1 << 41;
/// The word is a dot that joins the parts of a transliterated name (·).
pub(super) const NAME_DOT: Class = 1 << 48;
/// Every character of the word is a Han character (`is_han`).
pub(super) const ALL_HAN: Class = 1 << 47;
/// The word's first character is a Han character (`is_han`).
const FIRST_HAN: Class = 1 << 60;
/// The word's tag is that of a numeral or a classifier (m, q).
pub(super) const COUNT_TAG: Class = 1 << 37;
/// The word's tag is that of a classifier (q).
pub(super) const CLASSIFIER_TAG: Class = 1 << 54;
/// The word begins with a single-character surname.
pub(super) const SURNAME_START: Class = 1 << 45;
/// A listed place of two characters or more.
pub(super) const LISTED_PLACE: Class = 1 << 58;
/// The word's tag is that of a time (t).
pub(super) const TIME_TAG: Class = 1 << 59;
/// The word's tag is that of a word the segmenter does not know (x).
pub(super) const UNKNOWN_TAG: Class = 1 << 49;
/// A name may start at the word ([`may_start_at`]). Verbs, adverbs,
/// particles and numbers start none.
pub(super) const MAY_START: Class = 1 << 50;
/// The word's tag is one of [`is_proper`]'s.
pub(super) const PROPER_TAG: Class = 1 << 51;
/// The word's tag is that of an organisation (nt).
pub(super) const ORG_TAG: Class = 1 << 52;
/// The word's tag is that of a plain noun (n).
pub(super) const NOUN_TAG: Class = 1 << 53;
/// The word ends with 部 or 委, as the ministries and committees do that
/// the segmenter calls plain nouns (公安部).
pub(super) const MINISTRY_END: Class = 1 << 42;
/// The word's tag is that of a place (ns).
pub(super) const PLACE_TAG: Class = 1 << 55;
/// The word's tag is that of a plain, verbal or adjectival noun (n, vn,
/// an).
pub(super) const NOUN_KIND_TAG: Class = 1 << 56;
/// The word's tag is one a person's name may carry, its own or one the
/// segmenter gives names by mistake (nr, nrt, nrfg; t, x, ns, nz).
pub(super) const NAME_LIKE_TAG: Class = 1 << 57;
/// The word ends with 区: only then may it end with 地区 (西部地区).
pub(super) const DISTRICT_END: Class = 1 << 43;
/// The word ends with 部 or 会: only then may it end with 部 or 委员会
/// (农村部, 法律委员会).
pub(super) const MINISTRY_HEAD_END: Class = 1 << 44;

/// Where a word's number of characters stands in its class: five bits,
/// so a word of 31 characters or more reads as 31 (the rules compare
/// counts far below that). The rules count a word's characters again and
/// again; [`word_classes`] counts them once.
const CHARS_SHIFT: u32 = 32;
/// The largest count the class holds.
const MAX_CHARS: usize = 31;

/// The number of characters of the word whose class is `class` (at most
/// 31: see [`CHARS_SHIFT`]).
pub(super) fn chars_of(class: Class) -> usize {
    (class >> CHARS_SHIFT) as usize & MAX_CHARS
}

/// The number of characters of the word `w`, whose class is `class`:
/// counted again only past what the class holds.
pub(super) fn chars_in(w: &str, class: Class) -> usize {
    match chars_of(class) {
        MAX_CHARS => w.chars().count(),
        n => n,
    }
}

/// The number of characters of the word at `span` of `text`, whose class
/// is `class`: its text is read only past what the class holds.
pub(super) fn chars_at(text: &str, span: Span, class: Class) -> usize {
    match chars_of(class) {
        MAX_CHARS => text[span.range()].chars().count(),
        n => n,
    }
}

static PLACES_CN: &str = include_str!("../../data/words/places_cn.txt");
static PLACES_WORLD: &str = include_str!("../../data/words/places_world.txt");
static PLACES_CITIES: &str = include_str!("../../data/words/places_world_cities.txt");
static PLACE_ALIASES: &str = include_str!("../../data/words/place_aliases.txt");
static PLACES_HK_MO_TW_MY: &str = include_str!("../../data/words/places_hk_mo_tw_my.txt");
static COMMON_PLACE_WORDS: &str = include_str!("../../data/words/place_common_words.txt");
static ETHNIC_GROUPS: &str = include_str!("../../data/words/place_ethnic_groups.txt");
static ADMIN_SUFFIXES: &str = include_str!("../../data/words/place_admin_suffixes.txt");
static REGIONS: &str = include_str!("../../data/words/place_regions.txt");
static COMPASS: &str = include_str!("../../data/words/place_compass.txt");
static FACILITY_SUFFIXES: &str = include_str!("../../data/words/place_facility_suffixes.txt");
static SURNAMES: &str = include_str!("../../data/words/surnames.txt");
static SURNAMES_EXTRA: &str = include_str!("../../data/words/surnames_extra.txt");
static KNOWN_ORGS: &str = include_str!("../../data/words/orgs_known.txt");
static ORG_SUFFIXES: &str = include_str!("../../data/words/org_suffixes.txt");
static NOT_ORGS: &str = include_str!("../../data/words/org_not_orgs.txt");
static GENERIC_ORGS: &str = include_str!("../../data/words/org_generic.txt");
static ROLES_BEFORE: &str = include_str!("../../data/words/person_roles.txt");
static BEFORE_NAME: &str = include_str!("../../data/words/person_before_name.txt");
static AFTER_NAME: &str = include_str!("../../data/words/person_after_name.txt");
static SPEECH: &str = include_str!("../../data/words/names_speech.txt");
static TRANSLITERATION_CHARS: &str =
    include_str!("../../data/words/person_transliteration_chars.txt");
/// Titles and forms of address after a surname (孔书记, 朱师傅).
pub(super) static TITLES: &str = include_str!("../../data/words/person_titles.txt");
/// Parts of an organisation written after its name (中共中央 + 政治局).
pub(super) static SUB_UNITS: &str = include_str!("../../data/words/org_sub_units.txt");
static NATIONAL_WORDS: &str = include_str!("../../data/words/org_national_words.txt");
static DATELINE_WORDS: &str = include_str!("../../data/words/org_dateline_words.txt");
static GOVERNMENT_LEVELS: &str = include_str!("../../data/words/org_government_levels.txt");
static STREET_ENDINGS: &str = include_str!("../../data/words/place_street_endings.txt");
static EARNINGS_WORDS: &str = include_str!("../../data/words/org_earnings_words.txt");
/// Determiners and quantifiers before the name of a kind of institution.
static KIND_MARKERS: &str = include_str!("../../data/words/org_kind_markers.txt");
/// Companies that news name by their brand alone (苹果, vivo).
pub(super) static BRAND_WORDS: &str = include_str!("../../data/words/org_brands.txt");

/// The segmenter keeps 融媒 (a county's media centre, 潍坊融媒) as one
/// organisation word, so that a place before it makes an organisation.
const MEDIA_CENTRE: &str = "融媒";

/// The word lists, loaded once.
pub(crate) struct Lexicon {
    /// Every listed word with what the lists say of it (`PLACE`, `TITLE`…),
    /// so that one lookup answers every question about a word.
    classes: WordTable,
    /// The listed places of two characters or more that the segmenter
    /// should keep whole, in the order they have always been added to it
    /// (that of the [`WordMap`] the lists were first gathered in): what
    /// the segmenter does with a word may depend on the words added
    /// before it.
    segmenter_places: Vec<&'static str>,
    /// The pairs of first and last characters of the words in `classes`,
    /// hashed to bits: a word whose pair has no bit set is in no list,
    /// without a lookup.
    ends: EndPairs,
    surnames: WordSet,
    /// The single-character surnames: a one-character word may start a
    /// name only when it is one.
    surname_chars: CharBits,
    /// The first characters of the surnames of two characters or more.
    long_surname_starts: CharBits,
    /// What [`word_classes`] asks of each character.
    char_flags: CharFlags,
}

impl Lexicon {
    /// The bits the word lists give `word`; 0 for a word in none.
    /// Ends of three bytes (as Han characters have) are decoded at once.
    pub(super) fn class(&self, word: &str) -> Class {
        let b = word.as_bytes();
        let n = b.len();
        if let [b0 @ 0xe0..=0xef, b1, b2, ..] = *b {
            if let [l0 @ 0xe0..=0xef, l1, l2] = b[n - 3..] {
                let (first, last) = (three_byte_code(b0, b1, b2), three_byte_code(l0, l1, l2));
                if !self.ends.may_hold(first, last) {
                    return 0;
                }
                return self.classes.get(b, first, last);
            }
        }
        match (word.chars().next(), word.chars().next_back()) {
            (Some(first), Some(last)) => self.class_by_ends(word, first, last),
            _ => 0,
        }
    }

    /// [`Lexicon::class`] of `word`, whose first and last characters are
    /// `first` and `last`. The filter, which rules most words out, is
    /// inlined where it is called; the lookup is not.
    #[inline]
    fn class_by_ends(&self, word: &str, first: char, last: char) -> Class {
        let (first, last) = (u32::from(first), u32::from(last));
        if !self.ends.may_hold(first, last) {
            return 0;
        }
        self.classes.get(word.as_bytes(), first, last)
    }

    /// True for a listed place.
    pub(super) fn is_place(&self, word: &str) -> bool {
        self.class(word) & PLACE != 0
    }

    /// True for a listed surname of one or two characters. A single
    /// character of the Basic Multilingual Plane is told by its bit, and a
    /// longer word that begins with one is looked up only when a listed
    /// surname of two characters or more begins with it.
    pub(super) fn is_surname(&self, word: &str) -> bool {
        let mut chars = word.chars();
        if let Some(c) = chars.next().filter(|&c| u32::from(c) < 0x10000) {
            if chars.next().is_none() {
                return self.surname_chars.contains(c);
            }
            if !self.long_surname_starts.contains(c) {
                return false;
            }
        }
        self.surnames.contains(word)
    }

    /// True for a single-character surname.
    pub(super) fn is_surname_char(&self, c: char) -> bool {
        self.surname_chars.contains(c)
    }

    /// Words the segmenter should keep whole, with their tags: listed places
    /// (ns) and known organisations (nt).
    pub(crate) fn segmenter_words(
        &self,
    ) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        let orgs = KNOWN_ORG_NAMES
            .iter()
            .chain(&[MEDIA_CENTRE])
            .map(|w| (*w, "nt"));
        self.segmenter_places.iter().map(|p| (*p, "ns")).chain(orgs)
    }
}

/// True when the character at byte `at` of `text` (a character boundary)
/// is a Han character (`is_han`): one of three bytes is told by its first
/// two, which say which block of 64 characters it is in.
pub(super) fn han_at(text: &str, at: usize) -> bool {
    match *text.as_bytes().get(at..).unwrap_or(&[]) {
        [0xe3, b1, ..] => b1 >= 0x90,
        [0xe4, b1, ..] => b1 != 0xb7,
        [0xe5..=0xe9, ..] => true,
        [0xef, b1, ..] => (0xa4..=0xab).contains(&b1),
        [0xf0..=0xff, ..] => text[at..].chars().next().is_some_and(is_han),
        _ => false,
    }
}

/// True when the word lists give `word` any of `bits`.
pub(super) fn has(word: &str, bits: Class) -> bool {
    LEXICON.class(word) & bits != 0
}

/// The lexicon of names, built on first use (`Extractor::new` forces it).
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let common_place_words = set(COMMON_PLACE_WORDS);
    let admin_suffixes: Vec<&str> = entries(ADMIN_SUFFIXES).collect();
    let short_form = |name: &'static str| {
        let short = admin_suffixes
            .iter()
            .find_map(|suffix| name.strip_suffix(suffix))?;
        Some(without_ethnic_names(short))
    };
    let mut places = WordSet::default();
    let mut county_short = WordSet::default();
    for row in rows(PLACES_CN) {
        let name = row[0];
        let county = row.get(1).is_some_and(|level| *level == "county");
        if county && common_place_words.contains(name) {
            continue; // 郊区, 城区: districts named by their kind
        }
        places.insert(name);
        // Short forms of counties (和平区 → 和平) are often common words.
        if let Some(short) = short_form(name) {
            if county {
                if short.chars().count() >= 2 && !common_place_words.contains(short) {
                    county_short.insert(short);
                }
            } else if short.chars().count() >= 2 {
                places.insert(short);
            }
        }
    }
    for name in first_fields(PLACES_WORLD).chain(first_fields(PLACES_CITIES)) {
        if !name.contains(['（', '(']) {
            places.insert(name);
        }
    }
    let surnames: WordSet = first_fields(SURNAMES)
        .chain(first_fields(SURNAMES_EXTRA))
        .collect();
    places.extend(entries(PLACE_ALIASES));
    places.extend(entries(PLACES_HK_MO_TW_MY));
    let mut classes: WordMap<Class> = WordMap::default();
    let mut mark = |words: &mut dyn Iterator<Item = &'static str>, bits: Class| {
        for word in words {
            *classes.entry(word).or_default() |= bits;
        }
    };
    mark(&mut places.into_iter(), PLACE);
    mark(&mut county_short.into_iter(), COUNTY_SHORT);
    let lists = [
        (COMMON_PLACE_WORDS, COMMON_PLACE),
        (SUB_UNITS, SUB_UNIT),
        (GENERIC_ORGS, GENERIC_ORG),
        (NOT_ORGS, NOT_ORG),
        (REGIONS, REGION),
        (ROLES_BEFORE, ROLE_BEFORE_WORD),
        (BEFORE_NAME, BEFORE_NAME_WORD),
        (AFTER_NAME, AFTER_NAME_WORD),
        (COMPASS, COMPASS_WORD),
        (TITLES, TITLE),
        (SPEECH, SPEECH_WORD),
        (NATIONAL_WORDS, NATIONAL),
        (DATELINE_WORDS, DATELINE),
        (GOVERNMENT_LEVELS, GOVERNMENT_LEVEL),
        (STREET_ENDINGS, STREET_ENDING),
        (EARNINGS_WORDS, EARNINGS),
    ];
    for (list, bits) in lists {
        mark(&mut entries(list), bits);
    }
    mark(&mut KNOWN_ORG_NAMES.iter().copied(), ORG_NAME);
    // Words that begin or end outside the Basic Multilingual Plane have
    // never been looked up (the character bitmaps that ruled words out
    // before a lookup held no such character): they stay out.
    let in_bmp = |c: Option<char>| c.is_some_and(|c| u32::from(c) < 0x10000);
    let mut lookup: LookupMap<Class> = classes
        .iter()
        .filter(|(w, _)| in_bmp(w.chars().next()) && in_bmp(w.chars().next_back()))
        .map(|(w, class)| (*w, *class))
        .collect();
    // The brands join the lookup only, not `classes`: the order of the
    // places for the segmenter stays that of the lists above. Their forms
    // with 公司 and 集团 are built once, for the life of the program.
    for brand in entries(BRAND_WORDS).filter(|b| b.starts_with(is_han)) {
        let company = |ending: &str| -> &'static str {
            Box::leak(format!("{brand}{ending}").into_boxed_str())
        };
        for form in [brand, company("公司"), company("集团")] {
            *lookup.entry(form).or_default() |= BRAND;
        }
    }
    // The kind markers join the lookup only too, for the same reason.
    for marker in entries(KIND_MARKERS) {
        *lookup.entry(marker).or_default() |= KIND_MARKER;
    }
    let ends = EndPairs::of(lookup.keys().copied());
    let lookup = WordTable::of(&lookup);
    let surname_chars = CharBits::of(
        surnames
            .iter()
            .filter(|s| s.chars().count() == 1)
            .filter_map(|s| s.chars().next()),
    );
    let long_surname_starts = CharBits::of(
        surnames
            .iter()
            .filter(|s| s.chars().count() >= 2)
            .filter_map(|s| s.chars().next()),
    );
    let segmenter_places = classes
        .iter()
        .filter(|(p, class)| *class & PLACE != 0 && p.chars().count() >= 2)
        .map(|(p, _)| *p)
        .collect();
    let char_flags = CharFlags::new(&surname_chars);
    Lexicon {
        classes: lookup,
        segmenter_places,
        ends,
        surnames,
        surname_chars,
        long_surname_starts,
        char_flags,
    }
});

/// A filter of words by their first and last characters: a bit for each
/// pair, hashed into 65,536 bits. The lexicon's few thousand words set a
/// small share of them, so most words outside it are told by one load.
struct EndPairs(Box<[u64; 1024]>);

impl EndPairs {
    /// The filter that holds the ends of each of `words`.
    fn of(words: impl Iterator<Item = &'static str>) -> EndPairs {
        let mut bits = Box::new([0u64; 1024]);
        for w in words {
            if let (Some(first), Some(last)) = (w.chars().next(), w.chars().next_back()) {
                let bit = EndPairs::bit(u32::from(first), u32::from(last));
                bits[bit / 64] |= 1 << (bit % 64);
            }
        }
        EndPairs(bits)
    }

    /// The bit of a pair of ends.
    fn bit(first: u32, last: u32) -> usize {
        let mixed = first.wrapping_mul(0x9e37_79b9) ^ last.wrapping_mul(0x85eb_ca6b);
        (mixed >> 16) as usize
    }

    /// False when no word of the filter begins with `first` and ends with
    /// `last`.
    #[inline]
    fn may_hold(&self, first: u32, last: u32) -> bool {
        let bit = EndPairs::bit(first, last);
        self.0[bit / 64] & 1 << (bit % 64) != 0
    }
}

/// The listed words and their classes, in an open table whose slots are
/// found by a hash of a word's first and last characters and its length,
/// which the callers have at hand: no hash of its bytes, and a word's
/// bytes are compared only with a listed word of the same ends and length.
struct WordTable {
    /// A power of two of slots, at most half of them taken; linear probing.
    slots: Box<[Slot]>,
    /// 64 less the number of bits of a slot's index: the home slot of a
    /// key is the high bits of its product with an odd constant.
    shift: u32,
}

/// A slot of a [`WordTable`]: its key ([`WordTable::key`]; 0 when it is
/// empty), its word and the word's class.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u64,
    word: &'static str,
    class: Class,
}

impl WordTable {
    /// The table of the words of `classes`, which begin and end with
    /// characters of the Basic Multilingual Plane.
    fn of(classes: &LookupMap<Class>) -> WordTable {
        let size = (2 * classes.len()).next_power_of_two().max(2);
        let shift = 64 - size.trailing_zeros();
        let mut slots = vec![Slot::default(); size].into_boxed_slice();
        for (&word, &class) in classes {
            let code = |c: Option<char>| c.map_or(0x10000, u32::from);
            let (first, last) = (code(word.chars().next()), code(word.chars().next_back()));
            assert!(first < 0x10000 && last < 0x10000, "{word}");
            let key = WordTable::key(word.as_bytes(), first, last);
            let mut at = WordTable::home(key, shift);
            while slots[at].key != 0 {
                at = (at + 1) & (size - 1);
            }
            slots[at] = Slot { key, word, class };
        }
        WordTable { slots, shift }
    }

    /// The key of the word of bytes `word`, whose first and last characters
    /// have the codes `first` and `last` (of the Basic Multilingual Plane,
    /// as listed words have): never 0.
    #[inline]
    fn key(word: &[u8], first: u32, last: u32) -> u64 {
        1 << 63 | u64::from(first) << 40 | u64::from(last) << 20 | (word.len() as u64 & 0xf_ffff)
    }

    /// The slot where the search for `key` starts, of `1 << (64 - shift)`
    /// slots.
    #[inline]
    fn home(key: u64, shift: u32) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
    }

    /// The class of the word of bytes `word`, whose first and last
    /// characters have the codes `first` and `last`; 0 for a word the table
    /// does not hold. A word of
    /// one or two characters of three bytes is all its key says, so a slot
    /// of the same key holds it without its bytes compared.
    #[inline]
    fn get(&self, word: &[u8], first: u32, last: u32) -> Class {
        let key = WordTable::key(word, first, last);
        let three_bytes = |code: u32| (0x800..0x10000).contains(&code);
        let told_by_key = word.len() <= 6 && three_bytes(first) && three_bytes(last);
        let size = self.slots.len();
        let mut at = WordTable::home(key, self.shift);
        loop {
            let slot = &self.slots[at];
            if slot.key == key && (told_by_key || slot.word.as_bytes() == word) {
                if cfg!(any(debug_assertions, test)) {
                    assert_eq!(slot.word.as_bytes(), word, "a key told a word wrong");
                }
                return slot.class;
            }
            if slot.key == 0 {
                return 0;
            }
            at = (at + 1) & (size - 1);
        }
    }

    /// Every word the table holds.
    #[cfg(test)]
    fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.slots.iter().filter(|s| s.key != 0).map(|s| s.word)
    }
}

/// What the lists, the tags and the characters say of the words of one
/// document ([`word_classes`]): read as the slice of every word's class.
pub(super) struct Classes {
    /// The class of each word.
    of: Vec<Class>,
    /// The indices of the words some list holds, in order: the rules that
    /// start only at such words read these, not every class.
    listed: Vec<usize>,
    /// Every bit some word's class has: a rule whose bits no word has
    /// finds nothing in the document.
    present: Class,
}

impl Classes {
    /// The indices of the words whose class has any of `bits`, which are
    /// bits the lists give ([`PLACE`] to [`EARNINGS`], [`BRAND`]), in order.
    pub(super) fn with(&self, bits: Class) -> impl Iterator<Item = usize> + '_ {
        self.listed
            .iter()
            .copied()
            .filter(move |&k| self.of[k] & bits != 0)
    }

    /// True when some word's class has any of `bits`.
    pub(super) fn any(&self, bits: Class) -> bool {
        self.present & bits != 0
    }
}

/// The three bytes `b` as one number.
pub(super) fn head_key(b: &[u8]) -> u32 {
    u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16
}

/// One of 256 bits for the first three bytes of `b`, 0 for fewer: a
/// character of three bytes is hashed by its code, as the class pass has
/// it at hand ([`head_of_class`]).
pub(super) fn head_of(b: &[u8]) -> u8 {
    match *b {
        [b0 @ 0xe0..=0xef, b1, b2, ..] => head_bit(three_byte_code(b0, b1, b2)),
        [_, _, _, ..] => head_bit(head_key(b)),
        _ => 0,
    }
}

/// The hash of [`head_of`].
fn head_bit(key: u32) -> u8 {
    (key.wrapping_mul(0x9e37_79b9) >> 24) as u8
}

/// Where the [`head_of`] the text at a word's start stands in its class.
const HEAD_SHIFT: u32 = 24;

/// The [`head_of`] the text at the start of the word whose class is
/// `class`.
pub(super) fn head_of_class(class: Class) -> u8 {
    (class >> HEAD_SHIFT) as u8
}

impl std::ops::Deref for Classes {
    type Target = [Class];

    fn deref(&self) -> &[Class] {
        &self.of
    }
}

/// What the lists say of each word, looked up once, with the bits of its
/// tag and its characters ([`MODIFIER`] and those after it) and its number
/// of characters ([`chars_of`]). Every listed word starts with a Han
/// character. Each character of a word is decoded once, here: a word of
/// three-byte characters (as Han characters are) is read in one pass that
/// gives its count, its ends and what [`CharFlags`] says of them. A word of
/// one to seven bytes met before on this thread (most words: a corpus uses
/// the same few thousand) is read from what [`KnownWords`] remembers.
///
/// A function of its own, not inlined into the rules: its loop keeps its
/// values in registers.
#[inline(never)]
pub(super) fn word_classes(text: &str, words: &[Word<'_>]) -> Classes {
    // Room for a share of listed words few documents pass.
    let mut listed = Vec::with_capacity(words.len() / 4);
    let of: Vec<Class> = KNOWN_WORDS.with_borrow_mut(|known| {
        words
            .iter()
            .enumerate()
            .map(|(k, word)| {
                let class = word_class(known, text, word);
                if class & LIST_BITS != 0 {
                    listed.push(k);
                }
                class
            })
            .collect()
    });
    // Apart from the pass: its loop keeps one value fewer.
    let present = of.iter().fold(0, |all, &class| all | class);
    Classes {
        of,
        listed,
        present,
    }
}

/// The bits of a list ([`PLACE`] to [`BRAND`]).
const LIST_BITS: Class = (1 << 21) - 1;

/// The class of `word` ([`word_classes`]): what its characters give it,
/// remembered by `known` for a short word, with what its tag gives it.
#[inline(always)]
fn word_class(known: &mut KnownWords, text: &str, word: &Word<'_>) -> Class {
    let by_chars = match KnownWords::key(text.as_bytes(), word.span) {
        Some(key) => known.class(key, text, word.span),
        None => class_by_chars(text, word.span),
    };
    let by_tag = tag_class(word.tag);
    // An unknown word that begins with a Han character may start a name:
    // the one bit is moved onto the other, and the two onto `MAY_START`.
    let unknown_han = (by_chars >> HAN_TO_UNKNOWN & by_tag & UNKNOWN_TAG) << UNKNOWN_TO_START;
    let class = by_chars | by_tag | unknown_han;
    if cfg!(any(debug_assertions, test)) {
        assert_eq!(by_chars, class_by_chars(text, word.span), "{word:?}");
        let may_start = class & MAY_START != 0;
        assert_eq!(may_start, may_start_at(text, word, class), "{word:?}");
        let head = head_of(&text.as_bytes()[word.span.start..]);
        assert_eq!(head_of_class(class), head, "{word:?}");
        let first_han = text[word.span.start..].starts_with(is_han);
        assert_eq!(class & FIRST_HAN != 0, first_han, "{word:?}");
    }
    class
}

/// How far [`FIRST_HAN`] stands above [`UNKNOWN_TAG`].
const HAN_TO_UNKNOWN: u32 = FIRST_HAN.trailing_zeros() - UNKNOWN_TAG.trailing_zeros();
/// How far [`MAY_START`] stands above [`UNKNOWN_TAG`].
const UNKNOWN_TO_START: u32 = MAY_START.trailing_zeros() - UNKNOWN_TAG.trailing_zeros();

/// What the characters of the word at `span` of `text` give its class,
/// whatever its tag: the lists' bits, those of [`edges_of`] and
/// [`LISTED_PLACE`], [`MAY_START`] when a name may start at it by its
/// characters alone, and [`FIRST_HAN`].
///
/// Apart from the pass, which calls it only for a word it has not met:
/// the pass keeps its values in registers.
#[inline(never)]
fn class_by_chars(text: &str, span: Span) -> Class {
    let lexicon = &*LEXICON;
    let edges = edges_of(text, span, &lexicon.char_flags);
    let mut class = edges.class;
    if edges.first_han && lexicon.ends.may_hold(edges.first, edges.last) {
        let lists = lexicon
            .classes
            .get(&text.as_bytes()[span.range()], edges.first, edges.last);
        class |= lists;
        // Every listed word begins with a Han character.
        if class & PLACE != 0 && span.len() >= 6 {
            class |= LISTED_PLACE;
        }
    }
    // A character past the plane has no flags: only then is it read again.
    let first_han = edges.first_han || edges.first == 0x10000 && han_at(text, span.start);
    if first_han {
        class |= FIRST_HAN;
    }
    if class & (LISTED_PLACE | COMPASS_WORD) != 0 || span.len() <= 4 && class & SURNAME_START != 0 {
        class |= MAY_START;
    }
    class
}

/// The number of sets of two words [`KnownWords`] keeps (a power of two).
const KNOWN_SETS: usize = 1 << 13;

/// What [`class_by_chars`] gave the words of one to seven bytes met last on
/// this thread, in [`KNOWN_SETS`] sets of two where a word finds one set by
/// its key: the word met last first, and a word met anew takes the place
/// of the other. It depends on the lexicon alone, built once for the life
/// of the program.
struct KnownWords {
    sets: Box<[[KnownWord; 2]; KNOWN_SETS]>,
}

/// A word of [`KnownWords`]: its key ([`KnownWords::key`], 0 for none)
/// and what [`class_by_chars`] gave it.
#[derive(Clone, Copy, Default)]
struct KnownWord {
    key: u64,
    class: Class,
}

impl Default for KnownWords {
    fn default() -> KnownWords {
        KnownWords {
            sets: Box::new([[KnownWord::default(); 2]; KNOWN_SETS]),
        }
    }
}

impl KnownWords {
    /// The key of the word at `span` of `text`, of one to seven bytes with
    /// eight to read from its start: its bytes (and those up to its third,
    /// which its head reads: see [`head_of`]), moved to the highest bytes,
    /// and its length in the lowest (never 0). `None` for another word.
    #[inline(always)]
    fn key(text: &[u8], span: Span) -> Option<u64> {
        let n = span.len();
        let eight = text.get(span.start..)?.first_chunk::<8>()?;
        if n.wrapping_sub(1) >= 7 {
            return None;
        }
        let read = n.max(3);
        Some(u64::from_le_bytes(*eight) << (64 - 8 * read) | n as u64)
    }

    /// [`class_by_chars`] of the word at `span` of `text`, whose key is
    /// `key`: read from its set, or computed and kept there.
    #[inline(always)]
    fn class(&mut self, key: u64, text: &str, span: Span) -> Class {
        let bits = KNOWN_SETS.trailing_zeros();
        let set = &mut self.sets[(key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize];
        if set[0].key == key {
            return set[0].class;
        }
        if set[1].key != key {
            set[1] = KnownWord {
                key,
                class: class_by_chars(text, span),
            };
        }
        set.swap(0, 1);
        set[0].class
    }
}

thread_local! {
    static KNOWN_WORDS: RefCell<KnownWords> = RefCell::new(KnownWords::default());
}

/// What a word's characters give its class: the bits of [`class_of_chars`]
/// and its head ([`head_of`]), with the codes of its first and last
/// characters ([`WordChars`]) and whether the first is a Han character.
struct Edges {
    class: Class,
    first: u32,
    last: u32,
    first_han: bool,
}

/// The [`Edges`] of the word at `span` of `text`. A word of one or two
/// three-byte characters (most words) is read without a loop, each
/// character's flags with one load.
#[inline(always)]
fn edges_of(text: &str, span: Span, flags: &CharFlags) -> Edges {
    let b = &text.as_bytes()[span.range()];
    let han = |f: u16| f & CharFlags::HAN != 0;
    let head = |first: u32| Class::from(head_bit(first)) << HEAD_SHIFT;
    let count = |n: Class| n << CHARS_SHIFT;
    match *b {
        [a0 @ 0xe0..=0xef, a1, a2] => {
            let code = three_byte_code(a0, a1, a2);
            // One character: its flags are those of the first, the last and
            // every one, and a dot is one alone.
            let f = flags.of(code);
            Edges {
                class: count(1) | Class::from(f) << FLAG_SHIFT | head(code),
                first: code,
                last: code,
                first_han: han(f),
            }
        }
        [a0 @ 0xe0..=0xef, a1, a2, z0 @ 0xe0..=0xef, z1, z2] => {
            let (first, last) = (three_byte_code(a0, a1, a2), three_byte_code(z0, z1, z2));
            let (ff, lf) = (flags.of(first), flags.of(last));
            let f = lf & CharFlags::OF_LAST | ff & CharFlags::OF_FIRST | ff & lf & CharFlags::HAN;
            Edges {
                class: count(2) | Class::from(f) << FLAG_SHIFT | head(first),
                first,
                last,
                first_han: han(ff),
            }
        }
        _ => {
            let (chars, head) = match three_byte_chars(b, flags) {
                Some(chars) => {
                    let head = head(chars.first);
                    (chars, head)
                }
                None => {
                    let chars = any_chars(&text[span.range()], flags);
                    let head = Class::from(head_of(&text.as_bytes()[span.start..])) << HEAD_SHIFT;
                    (chars, head)
                }
            };
            Edges {
                class: class_of_chars(&chars) | head,
                first: chars.first,
                last: chars.last,
                first_han: han(chars.first_flags),
            }
        }
    }
}

/// True when a name may start at `word` (`class` what the lists and its
/// tag say of it), read from its text: what [`MAY_START`] says, checked
/// against it in debug and test builds.
fn may_start_at(text: &str, word: &Word<'_>, class: Class) -> bool {
    let at = word.span.start;
    let listed_place =
        class & PLACE != 0 && word.span.len() >= 6 && text.as_bytes()[word.span.start] >= 0x80;
    listed_place
        || class & (COMPASS_WORD | MODIFIER) != 0
        || word.tag == "t"
        || word.tag == "x" && !word.span.is_empty() && han_at(text, at)
        || word.span.len() <= 4
            && !word.span.is_empty()
            && text[at..]
                .chars()
                .next()
                .is_some_and(|c| LEXICON.is_surname_char(c))
}

/// The bits of [`word_classes`] that a word's characters (`chars`) give it:
/// the flags of its last and first characters, of all of them and of a
/// dot alone stand where [`FLAG_SHIFT`] puts them.
#[inline]
fn class_of_chars(chars: &WordChars) -> Class {
    let dot = if chars.count == 1 {
        chars.last_flags & CharFlags::NAME_DOT
    } else {
        0
    };
    let flags = chars.last_flags & CharFlags::OF_LAST
        | chars.first_flags & CharFlags::OF_FIRST
        | chars.all_flags & CharFlags::HAN
        | dot;
    ((chars.count.min(MAX_CHARS) as Class) << CHARS_SHIFT) | Class::from(flags) << FLAG_SHIFT
}

/// What [`word_classes`] reads of a word's characters.
struct WordChars {
    /// How many there are.
    count: usize,
    /// The codes of the first and last, 0 for none or one past the Basic
    /// Multilingual Plane (no listed word begins or ends with such a
    /// character, and no flag holds one).
    first: u32,
    last: u32,
    /// The flags of the first and last ([`CharFlags`]).
    first_flags: u16,
    last_flags: u16,
    /// The flags every character has: [`CharFlags::HAN`] when every
    /// character is a Han character (`is_han`), the others unset.
    all_flags: u16,
}

/// The characters of a word that is all three-byte characters, read in one
/// pass; `None` for a word with another character (or none).
#[inline]
fn three_byte_chars(b: &[u8], flags: &CharFlags) -> Option<WordChars> {
    let [b0 @ 0xe0..=0xef, b1, b2, ..] = *b else {
        return None;
    };
    let first = three_byte_code(b0, b1, b2);
    let first_flags = flags.of(first);
    let (mut last, mut last_flags, mut all) = (first, first_flags, first_flags);
    let mut rest = &b[3..];
    while let [b0, b1, b2, ref tail @ ..] = *rest {
        if !(0xe0..=0xef).contains(&b0) {
            return None;
        }
        last = three_byte_code(b0, b1, b2);
        last_flags = flags.of(last);
        all &= last_flags;
        rest = tail;
    }
    if !rest.is_empty() {
        return None;
    }
    Some(WordChars {
        count: b.len() / 3,
        first,
        last,
        first_flags,
        last_flags,
        all_flags: all & CharFlags::HAN,
    })
}

/// The code of the character whose three bytes of UTF-8 are `b0 b1 b2`.
#[inline]
fn three_byte_code(b0: u8, b1: u8, b2: u8) -> u32 {
    u32::from(b0 & 0x0f) << 12 | u32::from(b1 & 0x3f) << 6 | u32::from(b2 & 0x3f)
}

/// [`three_byte_chars`] for any word, character by character: the few
/// words of digits, Latin letters and spaces. A word of ASCII alone has
/// as many characters as bytes, and none of them is a Han character.
#[cold]
#[inline(never)]
fn any_chars(w: &str, flags: &CharFlags) -> WordChars {
    let b = w.as_bytes();
    if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
        if b.is_ascii() {
            let (first, last) = (u32::from(first), u32::from(last));
            return WordChars {
                count: b.len(),
                first,
                last,
                first_flags: flags.of(first),
                last_flags: flags.of(last),
                all_flags: 0,
            };
        }
    }
    let bmp = |c: Option<char>| c.map_or(0, u32::from).min(0x10000);
    let (first, last) = (bmp(w.chars().next()), bmp(w.chars().next_back()));
    WordChars {
        count: char_count(w),
        first,
        last,
        first_flags: flags.of(first),
        last_flags: flags.of(last),
        all_flags: if w.chars().all(is_han) {
            CharFlags::HAN
        } else {
            0
        },
    }
}

/// What a few tests of [`word_classes`] ask of a character of the Basic
/// Multilingual Plane, one byte for each: is it a Han character, the last
/// one of a facility suffix or of an organisation's head, a dot between
/// the parts of a name. One load answers them all.
pub(super) struct CharFlags(Box<[u16; 0x10001]>);

impl CharFlags {
    /// `is_han`.
    const HAN: u16 = 1 << 7;
    /// The last character of a facility suffix.
    const FACILITY_LAST: u16 = 1 << 0;
    /// The last character of an organisation suffix or known name.
    const ORG_HEAD_LAST: u16 = 1 << 1;
    /// A character that alone is a dot of a name (`is_name_dot`).
    const NAME_DOT: u16 = 1 << 8;
    /// A single-character surname (`surname_chars`).
    const SURNAME: u16 = 1 << 5;
    /// A Latin letter (ASCII).
    const LATIN: u16 = 1 << 6;
    /// 部 or 委, the last characters of ministries and committees.
    const MINISTRY_LAST: u16 = 1 << 2;
    /// 区, the last character of 地区.
    const DISTRICT_LAST: u16 = 1 << 3;
    /// 部 or 会, the last characters of 部 and 委员会.
    const MINISTRY_HEAD_LAST: u16 = 1 << 4;
    /// The flags a word's last character gives its class.
    const OF_LAST: u16 = (1 << 5) - 1;
    /// The flags a word's first character gives its class.
    const OF_FIRST: u16 = CharFlags::SURNAME | CharFlags::LATIN;

    /// The flags of every character; code 0x10000 stands for the
    /// characters past the plane, which have none.
    fn new(surname_chars: &CharBits) -> CharFlags {
        let mut flags = Box::new([0u16; 0x10001]);
        let mut mark = |c: char, flag: u16| {
            let code = u32::from(c) as usize;
            if code < 0x10000 {
                flags[code] |= flag;
            }
        };
        for c in (0..0x10000)
            .filter_map(char::from_u32)
            .filter(|&c| is_han(c))
        {
            mark(c, CharFlags::HAN);
        }
        for s in FACILITY_SUFFIX_LIST
            .iter()
            .filter_map(|w| w.chars().next_back())
        {
            mark(s, CharFlags::FACILITY_LAST);
        }
        let heads = ORG_SUFFIX_LIST.iter().chain(KNOWN_ORG_NAMES.iter());
        for c in heads.filter_map(|w| w.chars().next_back()) {
            mark(c, CharFlags::ORG_HEAD_LAST);
        }
        for dot in ["·", "•", "・"] {
            for c in dot.chars() {
                mark(c, CharFlags::NAME_DOT);
            }
        }
        for c in (0..0x10000)
            .filter_map(char::from_u32)
            .filter(|&c| surname_chars.contains(c))
        {
            mark(c, CharFlags::SURNAME);
        }
        for c in ('a'..='z').chain('A'..='Z') {
            mark(c, CharFlags::LATIN);
        }
        for c in ['部', '委'] {
            mark(c, CharFlags::MINISTRY_LAST);
        }
        mark('区', CharFlags::DISTRICT_LAST);
        for c in ['部', '会'] {
            mark(c, CharFlags::MINISTRY_HEAD_LAST);
        }
        CharFlags(flags)
    }

    /// The flags of the character whose code is `code` (at most 0x10000).
    #[inline]
    fn of(&self, code: u32) -> u16 {
        self.0.get(code as usize).copied().unwrap_or(0)
    }
}

/// What [`word_classes`] gives a word for its tag ([`class_of_tag`]): a
/// tag of one byte, or of two from `` ` `` to DEL (the lowercase letters
/// among them, as most tags are), reads it from a table.
#[inline]
fn tag_class(tag: &str) -> Class {
    let high = |b: u8| usize::from(b.wrapping_sub(0x60));
    // The lengths are tested one by one, the commonest first, and the
    // rare tags read apart: a match of every length jumps through a table.
    match *tag.as_bytes() {
        [a] => ONE_BYTE_TAGS[usize::from(a)],
        [a, b] if high(a) < 32 && high(b) < 32 => TWO_BYTE_TAGS[high(a) << 5 | high(b)],
        ref other => rare_tag_class(other),
    }
}

/// [`class_of_tag`] of a tag the tables of [`tag_class`] do not hold.
#[cold]
#[inline(never)]
fn rare_tag_class(tag: &[u8]) -> Class {
    class_of_tag(tag)
}

/// [`class_of_tag`] of every tag of one byte, by its byte.
static ONE_BYTE_TAGS: [Class; 256] = {
    let mut table = [0; 256];
    let mut a = 0;
    while a < 256 {
        table[a] = class_of_tag(&[a as u8]);
        a += 1;
    }
    table
};

/// [`class_of_tag`] of every tag of two bytes from 0x60 to 0x7f: that of
/// the bytes `a` and `b` at `(a - 0x60) * 32 + b - 0x60`.
static TWO_BYTE_TAGS: [Class; 32 * 32] = {
    let mut table = [0; 32 * 32];
    let mut k = 0;
    while k < 32 * 32 {
        table[k] = class_of_tag(&[0x60 + (k >> 5) as u8, 0x60 + (k & 31) as u8]);
        k += 1;
    }
    table
};

/// What [`word_classes`] gives a word for its tag: the tag's bits
/// ([`bits_of_tag`]) and [`MAY_START`] for a modifier or a time, which a
/// name may start at.
const fn class_of_tag(tag: &[u8]) -> Class {
    let bits = bits_of_tag(tag);
    if bits & (MODIFIER | TIME_TAG) != 0 {
        bits | MAY_START
    } else {
        bits
    }
}

/// The bits [`word_classes`] gives a word for its tag, by the tag's bytes.
const fn bits_of_tag(tag: &[u8]) -> Class {
    match tag {
        [b'n', b'r'] | [b'n', b'r', b't'] | [b'n', b'r', b'f', b'g'] => {
            MODIFIER | NAME_TAG | PROPER_TAG | NAME_LIKE_TAG
        }
        [b'n', b't'] => MODIFIER | PROPER_TAG | ORG_TAG,
        [b'n', b's'] => MODIFIER | PROPER_TAG | PLACE_TAG | NAME_LIKE_TAG,
        [b'n', b'z'] => MODIFIER | PROPER_TAG | NAME_LIKE_TAG,
        [b'n'] => MODIFIER | NOUN_TAG | NOUN_KIND_TAG,
        [b'v' | b'a', b'n'] => MODIFIER | NOUN_KIND_TAG,
        [b'j'] => MODIFIER | PROPER_TAG,
        [b'b' | b'l'] | [b'n', b'g' | b'l'] => MODIFIER,
        [b'm'] => COUNT_TAG,
        [b'q'] => COUNT_TAG | CLASSIFIER_TAG,
        [b't'] => TIME_TAG | NAME_LIKE_TAG,
        [b'x'] => UNKNOWN_TAG | NAME_LIKE_TAG,
        _ => 0,
    }
}

/// The number of characters of `w`: its bytes less those that continue a
/// character (`10xxxxxx`), counted eight bytes at a time.
fn char_count(w: &str) -> usize {
    // The high bit of each byte that continues a character, summed.
    let continuations = |x: u64| {
        let high = x & !(x << 1) & 0x8080_8080_8080_8080;
        ((high >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
    };
    let b = w.as_bytes();
    let mut chunks = b.chunks_exact(8);
    let mut continued: usize = chunks.by_ref().map(|c| continuations(le_u64(c))).sum();
    let rest = chunks.remainder();
    let n = rest.len();
    continued += if n >= 4 {
        // The first and last four bytes, their overlap dropped from the last.
        let head = le_u32(&rest[..4]);
        let tail = le_u32(&rest[n - 4..]) >> (8 * (8 - n));
        continuations(head | tail << 32)
    } else {
        rest.iter().filter(|&&b| b & 0xc0 == 0x80).count()
    };
    b.len() - continued
}

/// The first field of every row of a tab-separated list.
fn first_fields(list: &'static str) -> impl Iterator<Item = &'static str> {
    rows(list).map(|row| row[0])
}

/// The place name before the ethnic groups of an autonomous area's name:
/// 湘西土家族苗族 → 湘西; other names unchanged.
fn without_ethnic_names(name: &'static str) -> &'static str {
    static GROUPS: LazyLock<Vec<&'static str>> = LazyLock::new(|| entries(ETHNIC_GROUPS).collect());
    for (i, _) in name.char_indices().skip(2) {
        let rest = &name[i..];
        if GROUPS
            .iter()
            .any(|g| rest.strip_prefix(g).is_some_and(|r| r.starts_with('族')))
        {
            return &name[..i];
        }
    }
    name
}

/// Organisations known by a name without a suffix (工信部, 新华社), in the
/// order of their list.
pub(super) static KNOWN_ORG_NAMES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(KNOWN_ORGS).collect());

/// The organisation suffixes, longest first.
pub(super) static ORG_SUFFIX_LIST: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = entries(ORG_SUFFIXES).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
});

/// The last characters of the organisation suffixes, to rule words out quickly.
static ORG_SUFFIX_LAST_CHARS: LazyLock<CharBits> =
    LazyLock::new(|| CharBits::of(ORG_SUFFIX_LIST.iter().filter_map(|w| w.chars().next_back())));

/// The last characters of organisation suffixes and known names.
pub(super) static ORG_HEAD_LAST_CHARS: LazyLock<CharBits> = LazyLock::new(|| {
    let words = ORG_SUFFIX_LIST.iter().chain(KNOWN_ORG_NAMES.iter());
    CharBits::of(words.filter_map(|w| w.chars().next_back()))
});

/// The organisation suffix a word ends with, if the word is not a common word.
pub(super) fn org_suffix(word: &str) -> Option<&'static str> {
    let last = word.chars().next_back()?;
    if !ORG_SUFFIX_LAST_CHARS.contains(last) {
        return None;
    }
    org_suffix_of(word, LEXICON.class(word))
}

/// `org_suffix` for a word whose list bits (`class`) are known.
pub(super) fn org_suffix_of(word: &str, class: Class) -> Option<&'static str> {
    let last = word.chars().next_back()?;
    if !ORG_SUFFIX_LAST_CHARS.contains(last) || class & NOT_ORG != 0 {
        return None;
    }
    ORG_SUFFIXES_BY_LAST
        .at(word)
        .copied()
        .find(|s| word.ends_with(s))
}

/// The organisation suffixes by last character, in the order of their list.
static ORG_SUFFIXES_BY_LAST: LazyLock<ByEdge<&'static str>> =
    LazyLock::new(|| ByEdge::new(ORG_SUFFIX_LIST.clone(), Edge::Last, |s| s));

/// The facility suffixes, in the order of their list.
static FACILITY_SUFFIX_LIST: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| entries(FACILITY_SUFFIXES).collect());

/// The facility suffixes by last character, in the order of their list.
static FACILITY_SUFFIXES_BY_LAST: LazyLock<ByEdge<&'static str>> =
    LazyLock::new(|| ByEdge::new(FACILITY_SUFFIX_LIST.clone(), Edge::Last, |s| s));

/// The facility suffix (广场, 宾馆, 大会堂…) a word ends with: the first of
/// the list, read among those that end with its last character.
pub(super) fn facility_suffix(word: &str) -> Option<&'static str> {
    FACILITY_SUFFIXES_BY_LAST
        .at(word)
        .copied()
        .find(|s| word.ends_with(s))
}

/// A set of characters from a list whose entries are runs of characters.
pub(super) fn char_set(list: &'static str) -> CharBits {
    CharBits::of(entries(list).flat_map(str::chars))
}

/// True when every character is one used to transliterate foreign names.
/// Characters of three bytes (as Han characters are) are read without
/// being decoded; from the first other one on, they are decoded.
pub(super) fn is_transliteration(name: &str) -> bool {
    static CHARS: LazyLock<CharBits> = LazyLock::new(|| char_set(TRANSLITERATION_CHARS));
    let chars = &*CHARS;
    let mut rest = name.as_bytes();
    while let [lead @ 0xe0..=0xef, second, third, ref tail @ ..] = *rest {
        if !chars.contains_three_bytes(lead, second, third) {
            return false;
        }
        rest = tail;
    }
    name[name.len() - rest.len()..]
        .chars()
        .all(|c| chars.contains(c))
}

// The tests of tags below match the tag's bytes: a match of string
// literals compares each by a call, and these run at every word.

/// True for words that may stand in a name: places, organisations, names,
/// nouns and abbreviations (ns, nt, nz, nr, nrt, nrfg, n, vn, j, b, an,
/// ng, nl, l), not verbs or function words.
pub(super) fn is_modifier(tag: &str) -> bool {
    matches!(
        tag.as_bytes(),
        [b'n' | b'j' | b'b' | b'l']
            | [b'n', b's' | b't' | b'z' | b'r' | b'g' | b'l']
            | [b'v' | b'a', b'n']
            | [b'n', b'r', b't']
            | [b'n', b'r', b'f', b'g']
    )
}

/// True for the tags of a person's name (nr, nrfg, nrt).
pub(super) fn is_name_tag(tag: &str) -> bool {
    matches!(
        tag.as_bytes(),
        [b'n', b'r'] | [b'n', b'r', b't'] | [b'n', b'r', b'f', b'g']
    )
}

/// True for the dots that join the parts of a transliterated name.
pub(super) fn is_name_dot(word: &str) -> bool {
    matches!(word, "·" | "•" | "・")
}

/// True for the tags of proper names: places, organisations, persons,
/// other proper nouns and abbreviations.
pub(super) fn is_proper(tag: &str) -> bool {
    matches!(
        tag.as_bytes(),
        [b'j'] | [b'n', b's' | b't' | b'z' | b'r'] | [b'n', b'r', b't'] | [b'n', b'r', b'f', b'g']
    )
}

/// What the tests of the name rules share: a segmenter like the
/// extractor's and the facts of a text.
#[cfg(test)]
pub(super) mod testing {
    use super::{word_classes, Class, LEXICON};
    use crate::text::segment::{Segmenter, Word};
    use crate::Extractor;
    use std::sync::LazyLock;

    /// A segmenter that knows the listed names, as the extractor's does.
    pub(in crate::names) static SEGMENTER: LazyLock<Segmenter> = LazyLock::new(|| {
        let mut segmenter = Segmenter::new();
        for (word, tag) in LEXICON.segmenter_words() {
            segmenter.add_word_if_new(word, tag);
        }
        segmenter
    });

    static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(Extractor::new);

    /// The words of `text` and what the lists say of each.
    pub(in crate::names) fn words_of(text: &str) -> (Vec<Word<'_>>, Vec<Class>) {
        let words = SEGMENTER.segment(text);
        let classes = word_classes(text, &words).to_vec();
        (words, classes)
    }

    /// The rule of the name reported in `text` whose text is `name`.
    pub(in crate::names) fn found(text: &str, name: &str) -> Option<&'static str> {
        let report = EXTRACTOR.extract(text);
        let fact = report.facts.into_iter().find(|f| f.text == name)?;
        match fact.rule {
            std::borrow::Cow::Borrowed(rule) if fact.kind().is_name() => Some(rule),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_lookup_says_what_the_lists_say() {
        assert_eq!(LEXICON.class("潍坊") & PLACE, PLACE);
        assert_eq!(LEXICON.class("山东省") & PLACE, PLACE);
        assert_eq!(LEXICON.class("书记") & TITLE, TITLE);
        assert_eq!(LEXICON.class("新华社") & ORG_NAME, ORG_NAME);
        assert_eq!(LEXICON.class("城市") & (PLACE | COMMON_PLACE), COMMON_PLACE);
        assert_eq!(LEXICON.class("桌子"), 0);
    }

    #[test]
    fn every_listed_surname_is_one() {
        assert!(LEXICON.surnames.iter().all(|s| LEXICON.is_surname(s)));
        assert!(LEXICON.is_surname("欧阳") && !LEXICON.is_surname("桌子"));
    }

    #[test]
    fn every_listed_word_is_found_in_the_table() {
        for slot in LEXICON.classes.slots.iter().filter(|s| s.key != 0) {
            assert_eq!(LEXICON.class(slot.word), slot.class, "{}", slot.word);
        }
        assert_eq!(LEXICON.class("潍坊市场"), 0);
    }

    #[test]
    fn classes_count_characters_up_to_their_limit() {
        let text = "潍坊a·";
        let words = [(0, 6), (6, 7), (7, 9)].map(|(start, end)| Word {
            span: Span::new(start, end),
            tag: "x",
            known: false,
            common: false,
        });
        let classes = word_classes(text, &words);
        assert_eq!(
            classes.iter().map(|&c| chars_of(c)).collect::<Vec<_>>(),
            [2, 1, 1]
        );
        assert_ne!(classes[0] & PLACE, 0);
        assert_ne!(classes[2] & NAME_DOT, 0);
        let long = "长".repeat(40);
        let word = Word {
            span: Span::new(0, long.len()),
            tag: "n",
            known: false,
            common: false,
        };
        assert_eq!(chars_of(word_classes(&long, &[word])[0]), 31);
        for w in [
            "",
            "a",
            "ab",
            "·",
            "潍",
            "潍坊",
            "a潍坊",
            "潍坊ab",
            "潍坊市",
            "中华人民共和国",
            "é𠀋潍ab·c",
            "，",
            "潍，",
            "𠀋潍",
            "潍𠀋",
            "潍坊a",
            "•",
            "潍•",
            "•潍",
            "部",
            "孔部",
        ] {
            assert_eq!(char_count(w), w.chars().count(), "{w}");
            let flags = &LEXICON.char_flags;
            let chars =
                three_byte_chars(w.as_bytes(), flags).unwrap_or_else(|| any_chars(w, flags));
            let bmp = |c: Option<char>| c.map_or(0, u32::from).min(0x10000);
            assert_eq!(chars.count, w.chars().count(), "{w}");
            assert_eq!(chars.first, bmp(w.chars().next()), "{w}");
            assert_eq!(chars.last, bmp(w.chars().next_back()), "{w}");
            assert_eq!(
                chars.all_flags == CharFlags::HAN,
                w.chars().all(is_han),
                "{w}"
            );
            // The paths without a loop give what the loop gives.
            let edges = edges_of(w, Span::new(0, w.len()), flags);
            let by_char = any_chars(w, flags);
            let head = Class::from(head_of(w.as_bytes())) << HEAD_SHIFT;
            assert_eq!(edges.class, class_of_chars(&by_char) | head, "{w}");
            assert_eq!(
                (edges.first, edges.last),
                (by_char.first, by_char.last),
                "{w}"
            );
            assert_eq!(
                edges.first_han,
                by_char.first_flags & CharFlags::HAN != 0,
                "{w}"
            );
        }
    }

    #[test]
    fn a_remembered_class_is_the_one_read_afresh() {
        // A word of fewer than three bytes has the head of the text after
        // it: before other text it is another word to remember. (The debug
        // checks of the pass compare what it remembers with what it reads.)
        for text in ["a潍坊书记", "a坊潍书记", "a潍坊书记"] {
            let words = [(0, 1), (1, 4), (4, 7), (7, 13)].map(|(start, end)| Word {
                span: Span::new(start, end),
                tag: "x",
                known: false,
                common: false,
            });
            let classes = word_classes(text, &words);
            assert_eq!(head_of_class(classes[0]), head_of(text.as_bytes()));
            assert_ne!(classes[3] & TITLE, 0);
        }
    }

    #[test]
    fn the_flags_of_characters_are_their_class_bits() {
        let at = |flag: u16| Class::from(flag) << FLAG_SHIFT;
        assert_eq!(at(CharFlags::FACILITY_LAST), FACILITY_END);
        assert_eq!(at(CharFlags::ORG_HEAD_LAST), ORG_HEAD_END);
        assert_eq!(at(CharFlags::MINISTRY_LAST), MINISTRY_END);
        assert_eq!(at(CharFlags::DISTRICT_LAST), DISTRICT_END);
        assert_eq!(at(CharFlags::MINISTRY_HEAD_LAST), MINISTRY_HEAD_END);
        assert_eq!(at(CharFlags::SURNAME), SURNAME_START);
        assert_eq!(at(CharFlags::LATIN), LATIN_START);
        assert_eq!(at(CharFlags::HAN), ALL_HAN);
        assert_eq!(at(CharFlags::NAME_DOT), NAME_DOT);
        assert_eq!(
            CharFlags::OF_LAST,
            CharFlags::FACILITY_LAST
                | CharFlags::ORG_HEAD_LAST
                | CharFlags::MINISTRY_LAST
                | CharFlags::DISTRICT_LAST
                | CharFlags::MINISTRY_HEAD_LAST
        );
        let computed = [
            LATIN_START,
            MODIFIER,
            NAME_TAG,
            FACILITY_END,
            ORG_HEAD_END,
            NAME_DOT,
            ALL_HAN,
            COUNT_TAG,
            CLASSIFIER_TAG,
            SURNAME_START,
            LISTED_PLACE,
            TIME_TAG,
            UNKNOWN_TAG,
            MAY_START,
            PROPER_TAG,
            ORG_TAG,
            NOUN_TAG,
            MINISTRY_END,
            PLACE_TAG,
            NOUN_KIND_TAG,
            NAME_LIKE_TAG,
            DISTRICT_END,
            MINISTRY_HEAD_END,
            FIRST_HAN,
        ];
        // No two bits alike, and none among the lists', the count's or the
        // head's.
        let all = computed.iter().fold(0, |all, &bit| {
            assert_eq!(all & bit, 0, "{bit:#x}");
            all | bit
        });
        let lists = (1 << 21) - 1;
        let count_and_head = (MAX_CHARS as Class) << CHARS_SHIFT | 0xff << HEAD_SHIFT;
        assert_eq!(all & (count_and_head | lists), 0);
    }

    #[test]
    fn han_characters_are_told_by_their_bytes() {
        let chars = (0..0x10000).chain(0x1f000..0x32000);
        for c in chars.filter_map(char::from_u32) {
            let text = format!("{c}a");
            assert_eq!(han_at(&text, 0), is_han(c), "{c}");
        }
        assert!(!han_at("a", 1));
    }

    #[test]
    fn every_listed_word_starts_with_a_han_character() {
        // `word_classes` looks up only words that do, and rules may read a
        // word's list bits from its class instead of `has`.
        assert!(LEXICON.classes.words().all(|w| w.starts_with(is_han)));
    }

    #[test]
    fn autonomous_areas_have_short_forms_without_their_groups() {
        assert_eq!(without_ethnic_names("湘西土家族苗族"), "湘西");
        assert_eq!(without_ethnic_names("潍坊"), "潍坊");
        assert!(LEXICON.is_place("湘西"));
    }

    #[test]
    fn suffixes_are_read_longest_first() {
        assert_eq!(org_suffix("潍坊日报社"), Some("日报社"));
        assert_eq!(org_suffix("部署"), None);
        assert_eq!(facility_suffix("北京京西宾馆"), Some("宾馆"));
        assert_eq!(facility_suffix("北京"), None);
    }

    #[test]
    fn tags_are_read_by_their_bytes() {
        let modifiers = [
            "ns", "nt", "nz", "nr", "nrt", "nrfg", "n", "vn", "j", "b", "an", "ng", "nl", "l",
        ];
        let others = [
            "v", "nx", "nrf", "vd", "a", "t", "x", "m", "q", "", "nrfgx", "jn",
        ];
        assert!(modifiers.iter().all(|t| is_modifier(t)));
        assert!(others.iter().all(|t| !is_modifier(t)));
        let proper = ["ns", "nt", "nz", "j", "nr", "nrt", "nrfg"];
        assert!(proper.iter().all(|t| is_proper(t)));
        assert!(["n", "vn", "b", "l", "ng", "nl", "an"]
            .iter()
            .all(|t| !is_proper(t)));
        assert!(["nr", "nrt", "nrfg"].iter().all(|t| is_name_tag(t)));
        for tag in modifiers.iter().chain(&others) {
            let bits = |yes: bool, bit: Class| if yes { bit } else { 0 };
            let want = bits(is_modifier(tag), MODIFIER)
                | bits(is_name_tag(tag), NAME_TAG)
                | bits(matches!(*tag, "m" | "q"), COUNT_TAG)
                | bits(*tag == "q", CLASSIFIER_TAG)
                | bits(*tag == "t", TIME_TAG)
                | bits(*tag == "x", UNKNOWN_TAG)
                | bits(is_proper(tag), PROPER_TAG)
                | bits(*tag == "nt", ORG_TAG)
                | bits(*tag == "n", NOUN_TAG)
                | bits(*tag == "ns", PLACE_TAG)
                | bits(matches!(*tag, "n" | "vn" | "an"), NOUN_KIND_TAG)
                | bits(
                    matches!(*tag, "t" | "x" | "nr" | "ns" | "nz" | "nrt" | "nrfg"),
                    NAME_LIKE_TAG,
                );
            let class = tag_class(tag);
            assert_eq!(class & !MAY_START, want, "{tag}");
            let starts = is_modifier(tag) || *tag == "t";
            assert_eq!(class & MAY_START != 0, starts, "{tag}");
        }
        assert!(["n", "ns", "nrf", "nrtg"].iter().all(|t| !is_name_tag(t)));
        // The tables give what the bytes give, for any tag of one or two
        // ASCII bytes.
        for a in 0..128u8 {
            let one = [a];
            assert_eq!(
                tag_class(std::str::from_utf8(&one).unwrap()),
                class_of_tag(&one)
            );
            for b in 0..128u8 {
                let two = [a, b];
                let tag = std::str::from_utf8(&two).unwrap();
                assert_eq!(tag_class(tag), class_of_tag(&two), "{tag}");
            }
        }
    }

    #[test]
    fn surnames_and_transliterations() {
        assert!(LEXICON.is_surname("欧阳"));
        assert!(LEXICON.is_surname_char('孔'));
        assert!(!LEXICON.is_surname_char('的'));
        assert!(is_transliteration("克林顿"));
        assert!(!is_transliteration("江泽民"));
        // The bytes read three at a time say what the characters say.
        let chars = char_set(TRANSLITERATION_CHARS);
        for w in [
            "",
            "克林顿",
            "江泽民",
            "克林顿a",
            "a克林顿",
            "克é林",
            "克𠀋",
            "·克",
        ] {
            let by_char = w.chars().all(|c| chars.contains(c));
            assert_eq!(is_transliteration(w), by_char, "{w}");
        }
    }
}
