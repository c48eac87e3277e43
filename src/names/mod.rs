//! Names of organisations, places and persons.
//!
//! The segmenter's tags (nt, ns, nr) are the start; rules read the way a
//! news reader does on top of them:
//! - an organisation is a proper word (place, organisation, name) plus an
//!   organisation suffix (`潍坊` + `日报社`, `北京石景山` + `发电总厂`),
//!   extended over further suffixes (`中共中央` + `政治局`) ([`org`]);
//! - a place is a place word or a listed place (`data/words/places_*.txt`),
//!   and a proper word with a facility suffix (`绿城广场`, `人民大会堂`)
//!   ([`place`]);
//! - a person is a name that starts with a listed surname
//!   (`data/words/surnames.txt`) and is not a common word, a transliterated
//!   name joined by `·` (`穆罕默德·拉斐克·塔拉尔`), or a surname before a
//!   title (`孔书记`) ([`person`]).
//!
//! All three read one lexicon ([`words`]): every word is looked up once.
//! This module holds the order in which the kinds are tried at each word,
//! which is the policy between them. Nested names follow the People's
//! Daily convention: the outermost name is the fact (`中国国务院` is one
//! organisation, not a place and one).

mod company;
mod cut;
mod document;
mod org;
mod person;
mod place;
mod things;
mod words;

pub(crate) use words::LEXICON;

use crate::context::{Candidate, Context};
use crate::fact::{Kind, Value};
use crate::text::segment::Word;
use words::{
    chars_of, word_classes, Class, Found, COMPASS_WORD, DISTRICT_END, FACILITY_END,
    GOVERNMENT_LEVEL, LISTED_PLACE, MAY_START, MINISTRY_END, MINISTRY_HEAD_END, NAME_DOT, NAME_TAG,
    NATIONAL, NOUN_KIND_TAG, NOUN_TAG, ORG_HEAD_END, ORG_NAME, ORG_TAG, PLACE, PLACE_TAG,
    PROPER_TAG, REGION,
};

/// Adds organisations, places and persons to `out`.
///
/// At each word the kinds are tried in this order, and the first that finds
/// a name takes its words: a dotted foreign name, a mission, an
/// organisation, a region, a facility, a listed place, a place the
/// segmenter tags, a place that opens a compound, a person. Names read from
/// the characters around roles and speech, and names the document confirms,
/// come last.
pub(crate) fn extract(context: &Context<'_>, out: &mut Vec<Candidate>) {
    let words = context.words.all();
    let text = context.text;
    let classes = word_classes(text, words);
    // Room for a name every eight words spares most documents the growth
    // of the list.
    let mut names: Vec<document::Named> = Vec::with_capacity(words.len() / 8 + 8);
    let mut push = |kind: Kind, found: Found| names.push((kind, found));
    let mut evidence = person::Evidence::default();
    // Most documents have no dot that joins the parts of a name.
    let dotted = classes.any(NAME_DOT);
    // The class of each word, read at every word.
    let of: &[Class] = &classes;
    let mut i = 0;
    loop {
        i = next_candidate(text, words, of, i, dotted);
        if i >= words.len() {
            break;
        }
        let word = &words[i];
        let dotted_name = dotted
            .then(|| person::dotted_name(text, words, i, of))
            .flatten();
        if let Some((found, taken)) = dotted_name {
            push(Kind::Person, found);
            i += taken;
            continue;
        }
        if let Some(last) = person::foreign_run(text, words, i, of) {
            if let Some((found, last)) = place::foreign_place(text, words, i, last) {
                push(Kind::Place, found);
                i = last + 1;
                continue;
            }
            let start = cut::joined_start(text, words, i, last);
            let span = crate::span::Span::new(start, words[last].span.end);
            let as_place = place::foreign_ending(text, span)
                .or_else(|| place::in_list_of_places(text, words, of, span, last))
                .or_else(|| {
                    (last == i)
                        .then(|| place::after_place_cue(text, words, i, of))
                        .flatten()
                })
                .or_else(|| {
                    (last == i)
                        .then(|| place::after_listed_place(text, words, i, of))
                        .flatten()
                });
            if let Some(found) = as_place {
                push(Kind::Place, found);
                i = last + 1;
                continue;
            }
            if last > i {
                let rule = "person.foreign_run";
                push(Kind::Person, Found { span, rule });
                i = last + 1;
                continue;
            }
        }
        if of[i] & MAY_START == 0 {
            i += 1;
            continue;
        }
        let listed = place::listed(word, of[i]);
        let multiword = org::mission(text, words, i, of)
            .or_else(|| org::joined_ministry(text, words, i, of))
            .map(|(found, last)| (Kind::Org, found, last))
            .or_else(|| org::organisation(text, words, i, of).map(|(f, last)| (Kind::Org, f, last)))
            .or_else(|| place::region(text, words, i, of).map(|(f, l)| (Kind::Place, f, l)))
            .or_else(|| place::facility(text, words, i, of).map(|(f, l)| (Kind::Place, f, l)));
        if let Some((kind, found, last)) = multiword {
            push(kind, found);
            i = last + 1;
            continue;
        }
        let one_word = listed
            .or_else(|| {
                place::tagged(text, word, of[i])
                    .filter(|_| !place::no_place_here(text, words, i, of))
            })
            .or_else(|| place::compound_prefix(text, word));
        if let Some(found) = one_word {
            push(Kind::Place, found);
        } else if let Some((mut found, sure)) = person::person(text, words, i, of) {
            if found.span.start == word.span.start {
                found.span.start = cut::joined_start(text, words, i, i);
            }
            if found.span.end == word.span.end {
                found.span.end = cut::joined_end(text, words, found.span, i);
            }
            // The word the name ends in: the words before word `i` end
            // before it does.
            let end = found.span.end.saturating_sub(1);
            let last = (i..words.len())
                .find(|&k| words[k].span.end > end)
                .unwrap_or(words.len());
            debug_assert_eq!(last, words.partition_point(|w| w.span.end <= end));
            let place = place::in_list_of_places(text, words, of, found.span, last).or_else(|| {
                (found.span == word.span)
                    .then(|| place::after_listed_place(text, words, i, of))
                    .flatten()
            });
            if let Some(place) = place {
                push(Kind::Place, place);
            } else if let Some(found) = evidence.note(text, i, found, sure) {
                push(Kind::Person, found);
            }
        }
        i += 1;
    }
    for found in person::names_in_context(text, words, &classes) {
        push(Kind::Person, found);
    }
    for found in evidence.confirmed(text, words) {
        push(Kind::Person, found);
    }
    let places = place::streets(text, words, &classes)
        .into_iter()
        .chain(place::townships(text, words, &classes));
    names.extend(places.map(|found| (Kind::Place, found)));
    things::things_not_persons(text, words, &classes, &mut names);
    cut::joined_third(text, &mut names);
    company::companies(text, words, &classes, &mut names);
    document::settle(text, words, &classes, &mut names);
    out.extend(
        names
            .into_iter()
            .filter_map(|(kind, found)| candidate(text, kind, found)),
    );
}

/// The first word from `i` on where a rule of the loop of [`extract`] may
/// find a name: one that may start a name and that [`may_find_at`] does
/// not rule out, or one that a dot follows where the document has dots
/// between the parts of names (`dotted`); `words.len()` when none is.
///
/// A function of its own: its loop, which passes over most words, keeps
/// its values in registers.
#[inline(never)]
fn next_candidate(
    text: &str,
    words: &[Word<'_>],
    of: &[Class],
    mut i: usize,
    dotted: bool,
) -> usize {
    let dot_after = |k: usize| of.get(k + 1).is_some_and(|c| c & NAME_DOT != 0);
    loop {
        // The next word that may start a name, or that a dot follows.
        let next = if dotted {
            (i..of.len()).find(|&k| of[k] & MAY_START != 0 || dot_after(k))
        } else {
            of[i..]
                .iter()
                .position(|c| c & MAY_START != 0)
                .map(|k| i + k)
        };
        let Some(k) = next else {
            return of.len();
        };
        if dotted && dot_after(k) || may_find_at(words, k, of) {
            return k;
        }
        if cfg!(any(debug_assertions, test)) {
            assert!(finds_nothing(text, words, k, of), "a gate ruled out a find");
        }
        i = k + 1;
    }
}

/// False where none of the rules of the loop of [`extract`] finds a name
/// at word `i`, which may start one: the union of their gates, told by
/// the bits of the word and of the five after it.
#[inline(always)]
fn may_find_at(words: &[Word<'_>], i: usize, of: &[Class]) -> bool {
    // The bits that open a rule by the word's own class: a foreign run,
    // a listed or tagged place, a mission, an organisation, a region. A
    // word's own facility ending opens a facility only in a word tagged as
    // a place, which these hold.
    const OWN: Class = NAME_TAG
        | PLACE_TAG
        | PLACE
        | LISTED_PLACE
        | ORG_NAME
        | GOVERNMENT_LEVEL
        | ORG_TAG
        | COMPASS_WORD
        | REGION;
    let class = of[i];
    // A ministry of one word is a noun (公安部).
    if class & OWN != 0 || class & (NOUN_TAG | MINISTRY_END) == NOUN_TAG | MINISTRY_END {
        return true;
    }
    // A region that ends in 地区 names something before it (西部地区), and
    // only a noun or a proper word of four characters or more opens a
    // compound of a place: its length is read only past three.
    let long = || words[i].span.len() >= 12;
    if chars_of(class) >= 3
        && (class & DISTRICT_END != 0 || class & (NOUN_TAG | PROPER_TAG) != 0 && long())
    {
        return true;
    }
    let at = |k: usize| of.get(k).copied().unwrap_or(0);
    let (next2, next3, next5) = match of.get(i + 1..i + 6) {
        Some(&[a, b, c, d, e]) => (a | b, a | b | c, a | b | c | d | e),
        _ => {
            let next2 = at(i + 1) | at(i + 2);
            let next3 = next2 | at(i + 3);
            (next2, next3, next3 | at(i + 4) | at(i + 5))
        }
    };
    // A facility's suffix after a proper word, a ministry's head after a
    // noun, an organisation's head.
    class & PROPER_TAG != 0 && next2 & FACILITY_END != 0
        || class & NOUN_KIND_TAG != 0
            && next3 & MINISTRY_HEAD_END != 0
            && org::may_join_ministry(words, i, of)
        || class & (PROPER_TAG | NATIONAL) != 0 && next5 & ORG_HEAD_END != 0
        || person::may_be_person(i, of)
}

/// True when no rule of the loop of [`extract`] finds anything at word
/// `i`: what [`may_find_at`] says where it rules a word out, checked in
/// debug and test builds.
fn finds_nothing(text: &str, words: &[Word<'_>], i: usize, of: &[Class]) -> bool {
    let word = &words[i];
    person::foreign_run(text, words, i, of).is_none()
        && place::listed(word, of[i]).is_none()
        && org::mission(text, words, i, of).is_none()
        && org::joined_ministry(text, words, i, of).is_none()
        && org::organisation(text, words, i, of).is_none()
        && place::region(text, words, i, of).is_none()
        && place::facility(text, words, i, of).is_none()
        && place::tagged(text, word, of[i]).is_none()
        && place::compound_prefix(text, word).is_none()
        && person::person(text, words, i, of).is_none()
}

/// `rule()` where the gate `open` holds, and none where it does not; a
/// gate only rules out words where its rule finds nothing, so debug and
/// test builds run the rule anyway there and require it to find nothing.
#[inline(always)]
fn gated<T>(open: bool, rule: impl Fn() -> Option<T>) -> Option<T> {
    if !open {
        if cfg!(any(debug_assertions, test)) {
            assert!(rule().is_none(), "a gate ruled out a find");
        }
        return None;
    }
    rule()
}

/// The candidate fact for a name a rule found.
fn candidate(text: &str, kind: Kind, found: Found) -> Option<Candidate> {
    let name = text[found.span.range()].to_string();
    Some(Candidate {
        span: found.span,
        value: Value::name_of(kind, name)?,
        rule: found.rule,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::Words;
    use words::testing::SEGMENTER;

    #[test]
    fn the_outermost_name_is_the_fact() {
        let text = "中国政府发表声明";
        let words = Words::new(SEGMENTER.segment(text));
        let mut out = Vec::new();
        extract(&Context::new(text, &words, None), &mut out);
        let names: Vec<&str> = out.iter().map(|c| &text[c.span.range()]).collect();
        assert_eq!(names, ["中国政府"]);
        assert!(matches!(&out[0].value, Value::Org { name } if name == "中国政府"));
    }

    #[test]
    fn verbs_start_no_name() {
        let word = |tag: &'static str, end: usize| Word {
            span: crate::span::Span::new(0, end),
            tag,
            known: false,
            common: false,
        };
        let classes = word_classes("发表", &[word("v", 6)]);
        assert_eq!(classes[0] & MAY_START, 0);
        let classes = word_classes("孔", &[word("v", 3)]);
        assert_ne!(classes[0] & MAY_START, 0);
    }
}
