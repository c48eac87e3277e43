//! One name per document: a name found once with evidence is the same name
//! wherever the document repeats it, and so are its short forms.
//!
//! - a team (a place, or a place and a word after it, beside a score or a
//!   word of a match: `浙江0:2不敌深圳`, `天津津门虎队员`) is an organisation
//!   ([`teams`]);
//! - a company named with its legal ending is the same company without it
//!   (`苹果公司` … `苹果`), and so is a name given by `（以下简称X）`
//!   ([`aliases`]);
//! - every other occurrence of an organisation's name is that organisation,
//!   and a name read as a place somewhere is no person elsewhere
//!   ([`same_name`]).

use super::words::{
    char_set, head_key, head_of, head_of_class, org_suffix, Class, Found, AFTER_NAME_WORD,
    BEFORE_NAME_WORD, CLASSIFIER_TAG, COUNT_TAG, KIND_MARKER, LEXICON, ROLE_BEFORE_WORD,
    SPEECH_WORD, TITLE,
};
use crate::fact::Kind;
use crate::lexicon::{entries, set, ByEdge, CharBits, Edge, WordEnds, WordSet};
use crate::span::Span;
use crate::text::normalize::is_han;
use crate::text::segment::Word;
use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

/// A set of a document's names, hashed by their ends
/// ([`crate::lexicon::WordEnds`]): only looked up, never walked.
type NameSet<'t> = HashSet<&'t str, BuildHasherDefault<WordEnds>>;
/// A map from a document's names, hashed like [`NameSet`].
type NameMap<'t, V> = HashMap<&'t str, V, BuildHasherDefault<WordEnds>>;

static KIND_CLASSIFIERS: LazyLock<CharBits> =
    LazyLock::new(|| char_set(include_str!("../../data/words/org_kind_classifiers.txt")));
static MATCH_CUES: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("../../data/words/org_match_cues.txt")));
/// The legal endings of companies, longest first, by their last character.
static ALIAS_SUFFIXES: LazyLock<ByEdge<&'static str>> = LazyLock::new(|| {
    let mut list: Vec<&str> =
        entries(include_str!("../../data/words/org_alias_suffixes.txt")).collect();
    list.sort_by_key(|s| std::cmp::Reverse(s.len()));
    ByEdge::new(list, Edge::Last, |s| s)
});

/// Words of a match that name the players of a side (外援, 队员): after a
/// bare place they name its nationals, not a team.
const MEMBER_CUES: [&str; 6] = ["外援", "队员", "球员", "主帅", "主教练", "门将"];

/// A name the rules found, with its kind.
pub(super) type Named = (Kind, Found);

/// Settles the names of one document: teams and aliases become
/// organisations, their other occurrences too, and a name read as a place
/// is no person.
pub(super) fn settle(text: &str, words: &[Word<'_>], classes: &[Class], names: &mut Vec<Named>) {
    names.retain(|(k, f)| *k != Kind::Place || !super::place::pair_with_china(text, words, f.span));
    drop_kinds(text, words, classes, names);
    short_names_in_brackets(text, words, names);
    let teams = teams(text, words, names);
    // Teams never overlap one another: a name inside one lies inside the
    // last team that starts at or before it.
    names.retain(|(_, f)| {
        let k = teams.partition_point(|t| t.start <= f.span.start);
        !k.checked_sub(1).is_some_and(|k| teams[k].contains(f.span))
    });
    names.extend(teams.iter().map(|&span| {
        (
            Kind::Org,
            Found {
                span,
                rule: "org.team",
            },
        )
    }));
    let org_names: Vec<&str> = names
        .iter()
        .filter(|(k, _)| *k == Kind::Org)
        .map(|(_, f)| &text[f.span.range()])
        .collect();
    let aliases = aliases(text, names);
    // One pass over the words finds the occurrences of every name that
    // [`after_title`] and [`same_name`] look for: each name's occurrences
    // are what a search of it alone finds. The names of two characters or
    // more are told by their second, not by a count of them all.
    let mut searched: Vec<&str> = org_names
        .iter()
        .copied()
        .filter(|o| o.chars().nth(1).is_some())
        .chain(aliases.iter().copied())
        .collect();
    searched.sort_unstable();
    searched.dedup();
    let starts = occurrences_at_words(text, words, classes, &searched);
    let occurrences = Occurrences {
        names: &searched,
        starts: &starts,
    };
    let titled = after_title(words, classes, &aliases, &occurrences);
    // The organisations' names are those searched for, less the aliases a
    // title stands before that name no organisation too, told by their
    // indices among those searched. Longest first, then in order of their
    // bytes (as searched, kept by a stable sort): the same document always
    // settles its clashes the same way.
    let mut unique: Vec<usize> = (0..searched.len())
        .filter(|&k| !titled.contains(&searched[k]) || org_names.contains(&searched[k]))
        .collect();
    unique.sort_by_key(|&k| std::cmp::Reverse(searched[k].len()));
    same_name(text, words, classes, &unique, &occurrences, names);
}

/// The occurrences at words of the names settling searches for, found
/// once ([`occurrences_at_words`]).
struct Occurrences<'a, 't> {
    /// The names, sorted, no two alike.
    names: &'a [&'t str],
    /// The starts of each.
    starts: &'a [Vec<usize>],
}

impl Occurrences<'_, '_> {
    /// Where `name`, one of the names searched for, starts a word.
    fn of(&self, name: &str) -> &[usize] {
        self.names
            .binary_search(&name)
            .map_or(&[], |k| &self.starts[k])
    }
}

/// Drops the names the document uses for a kind, not one of its members.
/// Organisations the segmenter read from one word (交易所, 营业部,
/// 上市公司): an occurrence of the word comes right after a numeral or
/// classifier of institutions (一个营业部, ３８３家上市公司) or a determiner
/// or quantifier (`data/words/org_kind_markers.txt`: 有的营业部, 各交易所).
/// Persons (养路工, a job the dictionary tags as a name): an occurrence
/// comes after a number and a classifier of people (9名养路工) or before the
/// plural 们 (养路工们). One organisation's or person's name takes none of
/// these.
fn drop_kinds(text: &str, words: &[Word<'_>], classes: &[Class], names: &mut Vec<Named>) {
    let single: NameSet<'_> = names
        .iter()
        .filter(|(k, f)| *k == Kind::Org && f.rule == "org.segmenter")
        .map(|(_, f)| &text[f.span.range()])
        .collect();
    let persons = names.iter().any(|(k, _)| *k == Kind::Person);
    if single.is_empty() && !persons {
        return;
    }
    // One pass over the words: the words that come as kinds. The classes
    // rule most pairs out first: a kind comes after a marker, numeral or
    // classifier, or (a person's) before 们, which begins the word after
    // the next and so gives it the head of 们 ([`head_of_class`]).
    let mut before_bits = if single.is_empty() {
        0
    } else {
        KIND_MARKER | COUNT_TAG
    };
    if persons {
        before_bits |= CLASSIFIER_TAG;
    }
    // The head of 们, or one no word has when the document has no persons.
    let plural_head = if persons {
        u16::from(head_of(PLURAL.as_bytes()))
    } else {
        u16::MAX
    };
    let mut org_kinds = NameSet::default();
    let mut people_kinds = NameSet::default();
    let mut read = |k: usize| {
        let [org, person] = kinds_after(text, words, classes, &single, persons, k);
        org_kinds.extend(org);
        people_kinds.extend(person);
    };
    let ruled_out = |k: usize| {
        if cfg!(any(debug_assertions, test)) {
            let found = kinds_after(text, words, classes, &single, persons, k);
            assert_eq!(found, [None, None], "a gate ruled out a kind");
        }
    };
    // Each word's gate reads its class and the head of the word after the
    // next; the last but one word has no word after the next. The next
    // word whose gate holds is searched for with no call in between.
    let gate = |three: &[Class]| {
        three[0] & before_bits != 0 || u16::from(head_of_class(three[2])) == plural_head
    };
    let mut from = 0;
    while let Some(skipped) = classes[from..].windows(3).position(gate) {
        (from..from + skipped).for_each(ruled_out);
        read(from + skipped);
        from += skipped + 1;
    }
    (from..classes.len().saturating_sub(2)).for_each(ruled_out);
    if let Some(k) = classes.len().checked_sub(2) {
        if classes[k] & before_bits != 0 {
            read(k);
        } else {
            ruled_out(k);
        }
    }
    if org_kinds.is_empty() && people_kinds.is_empty() {
        return;
    }
    names.retain(|(k, f)| {
        let name = &text[f.span.range()];
        match k {
            Kind::Org => !org_kinds.contains(name),
            Kind::Person => !people_kinds.contains(name),
            _ => true,
        }
    });
}

/// The plural suffix of persons (养路工们).
const PLURAL: &str = "们";

/// The word after word `k` as a kind of organisation (one of `single`
/// after a marker, or a numeral or classifier of institutions) and as a
/// kind of person (after a count of people or before 们, when the
/// document has `persons`), for [`drop_kinds`].
fn kinds_after<'t>(
    text: &'t str,
    words: &[Word<'_>],
    classes: &[Class],
    single: &NameSet<'_>,
    persons: bool,
    k: usize,
) -> [Option<&'t str>; 2] {
    let (before, word) = (&words[k], &words[k + 1]);
    let before_class = classes[k];
    let w = &text[word.span.range()];
    let mut found = [None, None];
    if !single.is_empty() && before_class & (KIND_MARKER | COUNT_TAG) != 0 && before.span.len() <= 6
    {
        let counted = || {
            before_class & COUNT_TAG != 0
                && text[before.span.range()].ends_with(|c: char| KIND_CLASSIFIERS.contains(c))
        };
        if (before_class & KIND_MARKER != 0 || counted()) && single.contains(w) {
            found[0] = Some(w);
        }
    }
    if persons
        && word.span.len() >= 6
        && (text.as_bytes().get(word.span.end..word.span.end + 3) == Some(PLURAL.as_bytes())
            || before_class & CLASSIFIER_TAG != 0 && super::person::counted(text, words, k + 1))
    {
        found[1] = Some(w);
    }
    found
}

/// Persons that are the short name of an organisation in brackets right
/// after it (巴勒斯坦伊斯兰圣战组织（杰哈德）): the word before the bracket
/// ends in an organisation suffix and the name fills the bracket. They are
/// that organisation, here and (by [`same_name`]) wherever the document
/// repeats the name.
fn short_names_in_brackets(text: &str, words: &[Word<'_>], names: &mut [Named]) {
    for (kind, found) in names.iter_mut() {
        if *kind != Kind::Person {
            continue;
        }
        let before = &text[..found.span.start];
        let Some(open) = before.strip_suffix(['（', '(']) else {
            continue;
        };
        if !text[found.span.end..].starts_with(['）', ')']) {
            continue;
        }
        let org_before = words
            .binary_search_by_key(&open.len(), |w| w.span.end)
            .is_ok_and(|k| {
                let w = &text[words[k].span.range()];
                w.chars().count() >= 2 && org_suffix(w).is_some()
            });
        if org_before {
            *kind = Kind::Org;
            found.rule = "org.short_in_brackets";
        }
    }
}

/// True for a score of a game: one digit, a colon, one digit (`4:1`), not
/// a clock time (`9:30`).
fn score_at(text: &str, at: usize) -> Option<usize> {
    let b = text.as_bytes().get(at..)?;
    let fits = b.len() >= 3
        && b[0].is_ascii_digit()
        && b[1] == b':'
        && b[2].is_ascii_digit()
        && !b.get(3).is_some_and(|c| c.is_ascii_digit() || *c == b':');
    let before_digit = at
        .checked_sub(1)
        .is_some_and(|p| text.as_bytes()[p].is_ascii_digit());
    (fits && !before_digit).then_some(at + 3)
}

/// True when `bytes` hold `byte`. Each block of 64 bytes is read whole,
/// with no test between its bytes, so that they are compared many at once.
fn holds_byte(bytes: &[u8], byte: u8) -> bool {
    let mut blocks = bytes.chunks_exact(64);
    let in_block = |block: &[u8]| block.iter().fold(false, |any, &b| any | (b == byte));
    blocks.by_ref().any(in_block) || blocks.remainder().contains(&byte)
}

/// True when a score ends at byte `at`.
fn score_before(text: &str, at: usize) -> bool {
    at >= 3 && score_at(text, at - 3) == Some(at)
}

/// The match cue at byte `at`: a score, or a word of the list.
fn cue_at(text: &str, words: &[Word<'_>], at: usize) -> Option<&'static str> {
    if score_at(text, at).is_some() {
        return Some("score");
    }
    let k = words.binary_search_by_key(&at, |w| w.span.start).ok()?;
    let w = &text[words[k].span.range()];
    MATCH_CUES.get(w).copied()
}

/// The byte length of the listed place (two to three characters) that
/// starts `w`.
fn leading_place(w: &str) -> Option<usize> {
    (2..=3).rev().find_map(|n| {
        let end = w.char_indices().nth(n).map_or(w.len(), |(i, _)| i);
        (w[..end].chars().count() == n && LEXICON.is_place(&w[..end])).then_some(end)
    })
}

/// Teams of a match report: a name that opens with a listed place, right
/// before a score or a word of a match (`长春亚泰0:0`, `天津津门虎队员`), or
/// right after a word that takes a side (`战平上海申花`). A bare place is a
/// team beside a score or such a word only, not beside 外援 or 队员. Only a
/// document that reports a score has teams.
fn teams(text: &str, words: &[Word<'_>], names: &[Named]) -> Vec<Span> {
    // Most documents have no colon at all: that is told first.
    let has_score = holds_byte(text.as_bytes(), b':')
        && text
            .match_indices(':')
            .any(|(at, _)| at >= 1 && score_at(text, at - 1).is_some());
    if !has_score {
        return Vec::new();
    }
    let mut found: Vec<Span> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let w = &text[word.span.range()];
        let Some(place_end) = leading_place(w) else {
            continue;
        };
        if !w.chars().all(is_han) || w.chars().count() > 6 {
            continue;
        }
        let bare_place = place_end == w.len();
        // Extend over one or two short noun words: 天津 + 津门虎, 广州 + 城.
        let mut ends = vec![(i, bare_place)];
        for (k, next) in words.iter().enumerate().skip(i + 1).take(2) {
            let nw = &text[next.span.range()];
            let total = text[word.span.start..next.span.end].chars().count();
            let noun = matches!(next.tag, "n" | "nz" | "ns" | "nr" | "j" | "ng");
            if !noun || total > 6 || !nw.chars().all(is_han) || MATCH_CUES.contains(nw) {
                break;
            }
            ends.push((k, false));
        }
        for &(k, bare) in ends.iter().rev() {
            let span = Span::new(word.span.start, words[k].span.end);
            if span_is_team(text, words, span, k, bare) {
                // Teams come in text order: only the last may overlap.
                if !found.last().is_some_and(|f| f.overlaps(span)) {
                    found.push(span);
                }
                break;
            }
        }
    }
    // A team is no name of another kind at its place: drop those that
    // cut across a longer name already found (a person, an organisation).
    if found.is_empty() {
        return found;
    }
    // Each name is read at most twice: teams do not overlap, so a name
    // starts or ends inside one team at most.
    let longer = SpanIndex::new(
        names
            .iter()
            .filter(|(kind, _)| *kind != Kind::Place)
            .map(|(_, f)| f.span),
    );
    found.retain(|&span| {
        let long = |f: &Span| f.overlaps(span) && f.len() >= span.len();
        let covers = longer.starts.reach_before(span.start) >= span.end;
        !(covers
            || longer
                .starts
                .starting_in(span.start, span.end)
                .iter()
                .any(long)
            || longer.ending_in(span.start + 1, span.end).iter().any(long))
    });
    found
}

/// The spans of a document's names in order of start, with the furthest
/// end reached before each, for the overlap tests of one name per
/// document: each test is a binary search, so settling a document costs
/// its length times a logarithm, not its names squared.
struct Reach {
    /// The spans in order of start.
    by_start: Vec<Span>,
    /// `reach[k]`: the furthest end of `by_start[..k]`.
    reach: Vec<usize>,
}

impl Reach {
    fn new(spans: impl Iterator<Item = Span>) -> Reach {
        let mut by_start: Vec<Span> = spans.collect();
        // A document's names come nearly in text order: the stable sort
        // merges the runs they make.
        by_start.sort();
        let mut reach = Vec::with_capacity(by_start.len() + 1);
        reach.push(0);
        for span in &by_start {
            reach.push(span.end.max(*reach.last().unwrap_or(&0)));
        }
        Reach { by_start, reach }
    }

    /// The furthest end of the spans that start before byte `at` (0 when
    /// none does).
    fn reach_before(&self, at: usize) -> usize {
        self.reach[self.by_start.partition_point(|s| s.start < at)]
    }

    /// The spans that start in `from..to`.
    fn starting_in(&self, from: usize, to: usize) -> &[Span] {
        let a = self.by_start.partition_point(|s| s.start < from);
        let b = self.by_start.partition_point(|s| s.start < to);
        crate::work::add(b.saturating_sub(a));
        &self.by_start[a..b.max(a)]
    }
}

/// A [`Reach`] with the spans in order of end too, for the tests of the
/// names that end inside a span.
struct SpanIndex {
    /// The spans by start.
    starts: Reach,
    /// The spans in order of end.
    by_end: Vec<Span>,
}

impl SpanIndex {
    fn new(spans: impl Iterator<Item = Span>) -> SpanIndex {
        let starts = Reach::new(spans);
        let mut by_end = starts.by_start.clone();
        by_end.sort_unstable_by_key(|s| (s.end, s.start));
        SpanIndex { starts, by_end }
    }

    /// The spans that end in `from..to`.
    fn ending_in(&self, from: usize, to: usize) -> &[Span] {
        let a = self.by_end.partition_point(|s| s.end < from);
        let b = self.by_end.partition_point(|s| s.end < to);
        crate::work::add(b.saturating_sub(a));
        &self.by_end[a..b.max(a)]
    }
}

/// True when `span` (ending with word `last`) stands where a team does.
fn span_is_team(text: &str, words: &[Word<'_>], span: Span, last: usize, bare: bool) -> bool {
    let member = |cue: &str| MEMBER_CUES.contains(&cue);
    // Right after, or after one adverb (武汉三镇最终4:1).
    let after = cue_at(text, words, span.end).or_else(|| {
        let next = words.get(last + 1)?;
        let adverb = matches!(next.tag, "d" | "t" | "ad") && next.span.len() <= 6;
        adverb
            .then(|| cue_at(text, words, next.span.end))
            .flatten()
            .filter(|c| !member(c))
    });
    if after.is_some_and(|c| !(bare && member(c))) {
        return true;
    }
    // Right before: a score or a word that takes a side, and the name
    // ends its clause (战平上海申花。).
    let before = score_before(text, span.start)
        || words
            .binary_search_by_key(&span.start, |w| w.span.end)
            .ok()
            .is_some_and(|k| {
                let w = &text[words[k].span.range()];
                MATCH_CUES.contains(w) && !member(w)
            });
    let ends_clause = text[span.end..]
        .chars()
        .next()
        .is_none_or(|c| !is_han(c) && !c.is_ascii_alphanumeric());
    before && ends_clause
}

/// Short forms the document gives its organisations: a company's name
/// without its legal ending (苹果公司 → 苹果; not a word for the nation:
/// 国家集团 → 国家 is none), and `X` in `（以下简称X）`
/// or `（下称X）` after an organisation.
fn aliases<'t>(text: &'t str, names: &[Named]) -> Vec<&'t str> {
    let mut out = Vec::new();
    for (kind, found) in names {
        if *kind != Kind::Org {
            continue;
        }
        let name = &text[found.span.range()];
        if let Some(short) = ALIAS_SUFFIXES.at(name).find_map(|s| name.strip_suffix(s)) {
            if short.chars().count() >= 2
                && !LEXICON.is_place(short)
                && !super::org::is_national(short)
            {
                out.push(short);
            }
        }
        if let Some(short) = called(&text[found.span.end..]) {
            out.push(short);
        }
    }
    out
}

/// The names of `names` that the document puts a title or a role right
/// before (美国总统 + 川普): a company named after its owner (川普集团)
/// leaves his name to him, so the short form is no organisation. Their
/// occurrences are those of the one search of settling (`occurrences`).
fn after_title<'t>(
    words: &[Word<'_>],
    classes: &[Class],
    names: &[&'t str],
    occurrences: &Occurrences<'_, '_>,
) -> Vec<&'t str> {
    let mut unique: Vec<&str> = names.to_vec();
    unique.sort_unstable();
    unique.dedup();
    unique
        .into_iter()
        .filter(|name| {
            occurrences.of(name).iter().any(|&at| {
                let k = words.partition_point(|w| w.span.start < at);
                k.checked_sub(1).is_some_and(|b| {
                    classes[b] & (TITLE | BEFORE_NAME_WORD | ROLE_BEFORE_WORD) != 0
                })
            })
        })
        .collect()
}

/// The name in `（以下简称X）` or `（下称X）` at the start of `after`.
fn called(after: &str) -> Option<&str> {
    let rest = after
        .strip_prefix('（')
        .or_else(|| after.strip_prefix('('))?;
    let rest = ["以下简称", "下称", "简称", "以下称"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))?;
    let rest = rest.trim_start_matches(['“', '"', '「', '《']);
    let end = rest.find(|c: char| !(is_han(c) || c.is_ascii_alphanumeric()))?;
    let name = &rest[..end];
    (name.chars().count() >= 2).then_some(name)
}

/// Every other occurrence of an organisation's name (`unique`: indices of
/// names searched for, longest first) that starts a word (and ends one, for short
/// names) is that organisation, in place of the names of other kinds inside
/// it; and a name that is a place somewhere is no person elsewhere.
fn same_name(
    text: &str,
    words: &[Word<'_>],
    classes: &[Class],
    unique: &[usize],
    occurrences: &Occurrences<'_, '_>,
    names: &mut Vec<Named>,
) {
    let added = other_occurrences(words, unique, occurrences, names);
    if !added.is_empty() {
        let taken: BTreeMap<usize, usize> = added
            .iter()
            .map(|(_, f)| (f.span.start, f.span.end))
            .collect();
        names.retain(|(_, f)| !overlaps_taken(&taken, f.span));
        names.extend(added);
    }
    mostly_persons(text, words, classes, names);
    if !names.iter().any(|(k, _)| *k == Kind::Person) {
        return;
    }
    // A place and its name without 州, 省 or 市 (顿涅茨克州 … 顿涅茨克).
    let places: NameSet<'_> = names
        .iter()
        .filter(|(k, _)| *k == Kind::Place)
        .flat_map(|(_, f)| {
            let name = &text[f.span.range()];
            let stem = name
                .strip_suffix(['州', '省', '市'])
                .filter(|s| s.chars().count() >= 2);
            [Some(name), stem].into_iter().flatten()
        })
        .collect();
    for (kind, found) in names.iter_mut() {
        if *kind == Kind::Person && places.contains(&text[found.span.range()]) {
            *kind = Kind::Place;
            found.rule = "place.same_name";
        }
    }
}

/// The places of no list that the document reads more often as a person
/// than as a place, and as a place only after a word that points to one
/// ([`super::place::after_place_cue`]: 在), are that person (阿尔希波夫:
/// twice after 在, nineteen times a person): a transliteration the
/// dictionary holds names persons and places alike, and the document's
/// majority settles which, when one of the person readings has a title or
/// speech beside it. Listed places stay places, and so do names another
/// place rule reads or no cue makes a person (克里米亚 + 大桥).
fn mostly_persons(text: &str, words: &[Word<'_>], classes: &[Class], names: &mut [Named]) {
    if !names
        .iter()
        .any(|(k, f)| *k == Kind::Place && f.rule == "place.after_place_cue")
    {
        return;
    }
    // Persons, places, places read from a word before them alone, and
    // persons beside a title or speech.
    let mut counts: NameMap<'_, (usize, usize, usize, bool)> = NameMap::default();
    for (kind, found) in names.iter() {
        let entry = counts.entry(&text[found.span.range()]).or_default();
        match kind {
            Kind::Person => {
                entry.0 += 1;
                entry.3 |= beside_person_cue(words, classes, found.span);
            }
            Kind::Place => {
                entry.1 += 1;
                entry.2 += usize::from(found.rule == "place.after_place_cue");
            }
            _ => {}
        }
    }
    for (kind, found) in names.iter_mut() {
        let name = &text[found.span.range()];
        let mostly = counts
            .get(name)
            .is_some_and(|&(persons, places, cued, titled)| {
                persons > places && cued == places && titled
            });
        if *kind == Kind::Place && mostly && !LEXICON.is_place(name) {
            *kind = Kind::Person;
            found.rule = "person.same_name";
        }
    }
}

/// True when a title or role stands right before `span` or speech or an
/// address right after it (名誉主席 + 阿尔希波夫, 阿尔希波夫 + 说).
fn beside_person_cue(words: &[Word<'_>], classes: &[Class], span: Span) -> bool {
    let before = words
        .binary_search_by_key(&span.start, |w| w.span.end)
        .is_ok_and(|k| classes[k] & (TITLE | ROLE_BEFORE_WORD | BEFORE_NAME_WORD) != 0);
    let after = words
        .binary_search_by_key(&span.end, |w| w.span.start)
        .is_ok_and(|k| classes[k] & (SPEECH_WORD | AFTER_NAME_WORD) != 0);
    before || after
}

/// The other occurrences of the names searched for whose indices are
/// `unique` (longest first) that start
/// a word, end one (for short names) and cross no other name: each is the organisation. An occurrence
/// clashes with an organisation it overlaps, with a name of another kind
/// that reaches out of it, and with an occurrence taken before it; names of
/// other kinds inside it give way to it ([`occurrences_at_words`] finds them).
fn other_occurrences(
    words: &[Word<'_>],
    unique: &[usize],
    occurrences: &Occurrences<'_, '_>,
    names: &[Named],
) -> Vec<Named> {
    if unique.is_empty() {
        return Vec::new();
    }
    let all = Reach::new(names.iter().map(|(_, f)| f.span));
    let orgs = Reach::new(
        names
            .iter()
            .filter(|(k, _)| *k == Kind::Org)
            .map(|(_, f)| f.span),
    );
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut added: Vec<Named> = Vec::new();
    for &k in unique {
        let (name, starts) = (occurrences.names[k], &occurrences.starts[k]);
        crate::work::add(starts.len());
        let short = name.chars().count() <= 4;
        for &at in starts {
            let span = Span::new(at, at + name.len());
            let clash = orgs.reach_before(span.end) > span.start
                || all.reach_before(span.start) > span.start
                || all.reach_before(span.end) > span.end
                || overlaps_taken(&taken, span);
            if clash || short && !ends_word(words, span.end) {
                continue;
            }
            taken.insert(span.start, span.end);
            added.push((
                Kind::Org,
                Found {
                    span,
                    rule: "org.same_name",
                },
            ));
        }
    }
    added
}

/// True when a word of the segmenter ends at byte `at`: an occurrence of
/// a short name (four characters or fewer) that ends inside a word is a
/// part of another word (太岳区党 in 太岳区 + 党员, 中介 in 中介机构), not
/// the name; a long name is seldom the start of another word's text.
fn ends_word(words: &[Word<'_>], at: usize) -> bool {
    words.binary_search_by_key(&at, |w| w.span.end).is_ok()
}

/// The most names whose occurrences may overlap one another that
/// [`occurrences_at_words`] and [`same_after_each`] search the text
/// for one by one: nearly every article names fewer, and reading the text
/// a few times is cheaper than building an automaton; past it, one
/// automaton reads the text once.
const FEW_NAMES: usize = 16;

/// The most names [`occurrences_at_words`] looks for word by word: every
/// article of the corpora names fewer. Past it one automaton reads the
/// text once. Either way the cost is linear in the length of the text.
const MANY_NAMES: usize = 64;

/// The occurrences of each of `names` (no two alike, none empty) in `text`
/// that start a word: of those `str::match_indices` gives for the name
/// (from the left, not overlapping one another), the ones at the start of
/// a word. `classes` holds the class of each word, with its head
/// ([`head_of_class`]).
pub(super) fn occurrences_at_words(
    text: &str,
    words: &[Word<'_>],
    classes: &[Class],
    names: &[&str],
) -> Vec<Vec<usize>> {
    let at_word = |at: &usize| words.binary_search_by_key(at, |w| w.span.start).is_ok();
    if names.len() > MANY_NAMES {
        let mut starts = all_occurrences(text, names);
        for list in &mut starts {
            list.retain(at_word);
        }
        return starts;
    }
    let mut starts: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    // Two occurrences of a name overlap only when the name begins the way
    // it ends (啊啊): only then may `match_indices` pass over one, and only
    // then is the text read for it (and for a name of one or two bytes,
    // shorter than the heads compared below).
    let mut tested: Vec<usize> = Vec::new();
    let mut overlapping: Vec<usize> = Vec::new();
    for (k, name) in names.iter().enumerate() {
        if has_border(name) || (1..3).contains(&name.len()) {
            overlapping.push(k);
        } else if !name.is_empty() {
            tested.push(k);
        }
    }
    if overlapping.len() > FEW_NAMES {
        let read: Vec<&str> = overlapping.iter().map(|&k| names[k]).collect();
        for (&k, mut list) in overlapping.iter().zip(all_occurrences(text, &read)) {
            list.retain(at_word);
            starts[k] = list;
        }
    } else {
        for &k in &overlapping {
            crate::work::add(text.len());
            starts[k] = text
                .match_indices(names[k])
                .map(|(at, _)| at)
                .filter(at_word)
                .collect();
        }
    }
    if tested.is_empty() {
        return starts;
    }
    // Each word is told by its first three bytes, with no character
    // decoded: their hash (read once for every word by the class pass),
    // looked up in a table of the names' hashes, rules most words out at
    // once with one load, and the names whose head is the
    // same (found by a binary search of the heads in order) are the only
    // ones compared whole.
    let mut name_heads: Vec<(u32, usize)> = tested
        .iter()
        .map(|&k| (head_key(names[k].as_bytes()), k))
        .collect();
    name_heads.sort_unstable();
    let mut wanted = [false; 256];
    for &(_, k) in &name_heads {
        wanted[usize::from(head_of(names[k].as_bytes()))] = true;
    }
    crate::work::add(words.len());
    let bytes = text.as_bytes();
    for (word, &class) in words.iter().zip(classes) {
        if !wanted[usize::from(head_of_class(class))] {
            continue;
        }
        let at = word.span.start;
        let Some(b) = bytes.get(at..at + 3) else {
            continue;
        };
        let h = head_key(b);
        let first = name_heads.partition_point(|&(name_head, _)| name_head < h);
        for &(_, k) in name_heads[first..]
            .iter()
            .take_while(|&&(name_head, _)| name_head == h)
        {
            if bytes[at..].starts_with(names[k].as_bytes()) {
                starts[k].push(at);
            }
        }
    }
    starts
}

/// For each of `names` (no two alike), the character after every one of
/// its occurrences (those `str::match_indices` gives for it, wherever they
/// stand) when it has two or more and the same character follows each;
/// `None` otherwise. A name searched on its own is read only up to the
/// first occurrence that another character (or the end) follows.
pub(super) fn same_after_each(text: &str, names: &[&str]) -> Vec<Option<char>> {
    let after = |name: &str, at: usize| text[at + name.len()..].chars().next();
    let common = |name: &str, starts: &mut dyn Iterator<Item = usize>| {
        let c = after(name, starts.next()?)?;
        let mut count = 1;
        for at in starts {
            if after(name, at) != Some(c) {
                return None;
            }
            count += 1;
        }
        (count >= 2).then_some(c)
    };
    // A few names are each searched on their own: building an automaton
    // costs more than reading the text a few times.
    if names.len() <= FEW_NAMES {
        let each = |name: &&str| {
            crate::work::add(text.len());
            common(name, &mut text.match_indices(*name).map(|(at, _)| at))
        };
        return names.iter().map(each).collect();
    }
    crate::work::add(text.len());
    all_occurrences(text, names)
        .into_iter()
        .zip(names)
        .map(|(starts, name)| common(name, &mut starts.into_iter()))
        .collect()
}

/// True when `name` begins with some of the bytes it ends with (啊啊,
/// 上海上), so that two of its occurrences may overlap.
fn has_border(name: &str) -> bool {
    let b = name.as_bytes();
    // The first byte is compared before the slices.
    (1..b.len()).any(|k| b[0] == b[b.len() - k] && b[..k] == b[b.len() - k..])
}

/// The occurrences of each of `names` that `str::match_indices` gives for
/// it, all found in one pass of one automaton over `text`.
fn all_occurrences(text: &str, names: &[&str]) -> Vec<Vec<usize>> {
    let mut starts: Vec<Vec<usize>> = vec![Vec::new(); names.len()];
    // Built for each document: the automaton that is cheapest to build.
    // Building fails only past its size limits, far beyond the names of
    // any document.
    let matcher = AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(names);
    let Ok(matcher) = matcher else {
        return starts;
    };
    for m in matcher.find_overlapping_iter(text) {
        crate::work::add(1);
        let at = &mut starts[m.pattern().as_usize()];
        // A name's occurrences come in text order; one that overlaps the
        // last kept is no occurrence of its own, as in `match_indices`.
        if at.last().is_none_or(|&last| m.start() >= last + m.len()) {
            at.push(m.start());
        }
    }
    starts
}

/// True when `span` overlaps one of `taken` (start to end), spans that do
/// not overlap one another.
fn overlaps_taken(taken: &BTreeMap<usize, usize>, span: Span) -> bool {
    taken
        .range(..span.end)
        .next_back()
        .is_some_and(|(_, &end)| end > span.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_not_clocks() {
        assert_eq!(score_at("浙江0:2不敌", "浙江".len()), Some("浙江0:2".len()));
        assert_eq!(score_at("9:30开始", 0), None);
        assert_eq!(score_at("10:3", 1), None);
        assert!(score_before("4:1获胜", 3));
    }

    #[test]
    fn occurrences_are_those_of_match_indices_at_words() {
        let text = "上海上海上海申花与上海队交手，啊啊啊啊";
        let words = super::super::words::testing::SEGMENTER.segment(text);
        let classes = super::super::words::word_classes(text, &words);
        let names = ["上海上海", "上海申花", "啊啊", "上海"];
        let expected: Vec<Vec<usize>> = names
            .iter()
            .map(|name| {
                let at_word = |at: &usize| words.iter().any(|w| w.span.start == *at);
                text.match_indices(name)
                    .map(|(at, _)| at)
                    .filter(at_word)
                    .collect()
            })
            .collect();
        assert!(has_border("上海上海") && has_border("啊啊") && !has_border("上海申花"));
        assert_eq!(
            occurrences_at_words(text, &words, &classes, &names),
            expected
        );
        // Past FEW_NAMES names the words are still read one by one, and
        // past MANY_NAMES the automaton finds the same.
        for fillers in [FEW_NAMES, MANY_NAMES] {
            let fillers: Vec<String> = (0..fillers).map(|k| format!("名{k}")).collect();
            let many: Vec<&str> = names
                .iter()
                .copied()
                .chain(fillers.iter().map(String::as_str))
                .collect();
            let found = occurrences_at_words(text, &words, &classes, &many);
            assert_eq!(found[..names.len()], expected[..]);
        }
        assert!(
            expected.iter().all(|starts| !starts.is_empty()),
            "{expected:?}"
        );
    }

    #[test]
    fn short_forms_in_brackets() {
        assert_eq!(called("（以下简称“中芯”）表示"), Some("中芯"));
        assert_eq!(called("(下称中芯国际)"), Some("中芯国际"));
        assert_eq!(called("（记者）"), None);
    }
}
