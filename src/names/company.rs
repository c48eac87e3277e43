//! Companies named without a legal ending, read from what the document
//! says of them:
//! - a brand (苹果, vivo) in a report on a market (出货, 市场份额) ([`brands`]);
//! - a Latin name right after a word of a company or an outlet
//!   (市场分析公司Canalys, 外媒GSMArena), or in brackets right after an
//!   organisation as its other name ([`latin_names`]);
//! - stock names in a report on results: a line that opens with one before
//!   its results (西北化工1至6月份净利润…), and a list of them before 公布业绩
//!   (现代投资、武汉塑料、泛海建设公布了业绩预告) ([`stock_names`]).
//!
//! One name per document then finds their other occurrences.

use super::document::Named;
use super::words::{
    is_modifier, Class, Classes, Found, BRAND, BRAND_WORDS, EARNINGS, LATIN_START, LEXICON,
};
use crate::fact::Kind;
use crate::lexicon::{set, WordSet};
use crate::span::Span;
use crate::text::normalize::is_han;
use crate::text::segment::Word;
use std::sync::LazyLock;

static BRANDS: LazyLock<WordSet> = LazyLock::new(|| set(BRAND_WORDS));
static BRAND_CUES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::lexicon::entries(include_str!("../../data/words/org_brand_cues.txt")).collect()
});
static LATIN_CUES: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("../../data/words/org_latin_cues.txt")));
static EARNINGS_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("../../data/words/org_earnings_words.txt")));
static NOT_NAMES: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("../../data/words/org_company_not_names.txt")));

/// The words after which a list of stock names reports results.
const PUBLISH_VERBS: [&str; 4] = ["公布", "发布", "披露", "公告"];

/// Adds the companies of this module to `names`.
/// `classes` holds what the lists say of each word: the bits of all of
/// them tell which rules may find anything in the document at all.
pub(super) fn companies(text: &str, words: &[Word<'_>], classes: &Classes, names: &mut Vec<Named>) {
    if classes.any(BRAND | LATIN_START) {
        brands(text, words, classes, names);
    }
    latin_names(text, words, classes.any(LATIN_START), names);
    if classes.any(EARNINGS) {
        stock_names(text, words, classes, names);
    }
}

/// Brands of `data/words/org_brands.txt` in a document with two words of a
/// market report: the brand, with 公司 or 集团 when it follows.
/// The brands come first: most documents name none, and then the text is
/// not searched for the words of a market. A word's class tells a brand
/// of Han characters (with 公司 or 集团 or without): only those, and words
/// that open with a Latin letter, are looked up.
fn brands(text: &str, words: &[Word<'_>], classes: &[Class], names: &mut Vec<Named>) {
    let mut found: Vec<Span> = Vec::new();
    for (k, word) in words.iter().enumerate() {
        if classes[k] & (BRAND | LATIN_START) == 0 {
            continue;
        }
        let w = &text[word.span.range()];
        // The segmenter may keep 苹果公司 as one word.
        let stem = w.strip_suffix("公司").or_else(|| w.strip_suffix("集团"));
        if !BRANDS.contains(w) && !stem.is_some_and(|s| BRANDS.contains(s)) {
            continue;
        }
        let mut span = word.span;
        if let Some(next) = words.get(k + 1) {
            if matches!(&text[next.span.range()], "公司" | "集团") {
                span.end = next.span.end;
            }
        }
        found.push(span);
    }
    if found.is_empty() || BRAND_CUES.iter().filter(|c| text.contains(*c)).count() < 2 {
        return;
    }
    let rule = "org.brand";
    names.extend(
        found
            .into_iter()
            .map(|span| (Kind::Org, Found { span, rule })),
    );
}

/// The byte length of the Latin name at the start of `s`: letters, with
/// digits inside it (GSMArena, 3M) but not a number after it (GSMArena1月);
/// `spaced` lets capitalised words join it (Yayasan Sultanah Rogayah).
fn latin_len(s: &str, spaced: bool) -> usize {
    let b = s.as_bytes();
    let mut end = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphabetic() {
            i += 1;
            end = i;
        } else if b[i].is_ascii_digit() && end > 0 {
            let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if !b.get(i + digits).is_some_and(u8::is_ascii_alphabetic) {
                break;
            }
            i += digits;
        } else if spaced
            && b[i] == b' '
            && end > 0
            && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
        {
            i += 1;
        } else {
            break;
        }
    }
    end
}

/// Latin names of organisations: right after a word of
/// `data/words/org_latin_cues.txt` (外媒GSMArena), and in brackets right
/// after an organisation (…基金会(Yayasan Sultanah Rogayah)). The words
/// cover the text, so a letter after a word opens a word:
/// `latin_words` says whether any word opens with one.
fn latin_names(text: &str, words: &[Word<'_>], latin_words: bool, names: &mut Vec<Named>) {
    for word in words.iter().filter(|_| latin_words) {
        // A Latin name opens with a letter: look the cue up only then.
        let letter_after = text
            .as_bytes()
            .get(word.span.end)
            .is_some_and(u8::is_ascii_alphabetic);
        if !letter_after || !LATIN_CUES.contains(&text[word.span.range()]) {
            continue;
        }
        let start = word.span.end;
        let len = latin_len(&text[start..], false);
        if len >= 3 {
            let span = Span::new(start, start + len);
            let rule = "org.latin_after_cue";
            names.push((Kind::Org, Found { span, rule }));
        }
    }
    let orgs: Vec<usize> = names
        .iter()
        .filter(|(kind, _)| *kind == Kind::Org)
        .map(|(_, f)| f.span.end)
        .collect();
    for end in orgs {
        let after = &text[end..];
        let Some(open) = ["(", "（"].iter().find(|o| after.starts_with(**o)) else {
            continue;
        };
        let start = end + open.len();
        let len = latin_len(&text[start..], true);
        let closed = text[start + len..].starts_with([')', '）']);
        if len >= 3 && closed && text[start..].starts_with(|c: char| c.is_ascii_uppercase()) {
            let span = Span::new(start, start + len);
            let rule = "org.latin_alias";
            names.push((Kind::Org, Found { span, rule }));
        }
    }
}

/// True for a word that may stand in a stock name: a noun or proper word of
/// Han characters, or a single capital letter of a share class (黔轮胎A).
/// In a list, words the segmenter reads as times may stand in names too
/// (现代/t + 投资): `in_list`.
fn stock_word(text: &str, word: &Word<'_>, in_list: bool) -> bool {
    let w = &text[word.span.range()];
    let tag_fits = is_modifier(word.tag) || word.tag == "f" || (in_list && word.tag == "t");
    let han = w.chars().all(is_han) && tag_fits;
    han || (w.len() == 1 && matches!(w, "A" | "B" | "H"))
}

/// True when the words `first..=last` read as a stock name: two to six
/// characters, no word of `org_company_not_names.txt`, not a lone place or
/// common noun.
fn is_stock_name(text: &str, words: &[Word<'_>], first: usize, last: usize) -> bool {
    let name = &text[words[first].span.start..words[last].span.end];
    let count = name.chars().count();
    let single = first == last && !matches!(words[first].tag, "nz" | "nt" | "j" | "nr");
    (2..=6).contains(&count)
        && !single
        && !LEXICON.is_place(name)
        && !(first..=last).any(|k| NOT_NAMES.contains(&text[words[k].span.range()]))
}

/// The clause from byte `at` to the next punctuation.
fn clause(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let end = rest
        .find(['，', ',', '。', '；', ';', '\n', '：', ':'])
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Stock names in a document on results (the caller reads only those with a word of
/// `org_earnings_words.txt`): a line's opening name followed by a time or a
/// number, in a clause with a word of results; and every name of a list
/// joined by 、 right before 公布 (or 发布, 披露) and a word of results.
fn stock_names(text: &str, words: &[Word<'_>], classes: &[Class], names: &mut Vec<Named>) {
    let results = |k: usize| classes.get(k).is_some_and(|c| c & EARNINGS != 0);
    let rule_line = "org.stock_line";
    for (i, word) in words.iter().enumerate() {
        let line_start = i == 0 || text[..word.span.start].ends_with('\n');
        if !line_start || !stock_word(text, word, false) {
            continue;
        }
        let mut last = i;
        while words
            .get(last + 1)
            .is_some_and(|w| stock_word(text, w, false))
            && last < i + 3
        {
            last += 1;
        }
        let Some(next) = words.get(last + 1) else {
            continue;
        };
        let timed =
            next.tag == "t" || text[next.span.range()].starts_with(|c: char| c.is_ascii_digit());
        let in_clause = clause(text, next.span.start);
        let reports = EARNINGS_WORDS.iter().any(|w| in_clause.contains(w));
        if timed && reports && is_stock_name(text, words, i, last) {
            let span = Span::new(word.span.start, words[last].span.end);
            names.push((
                Kind::Org,
                Found {
                    span,
                    rule: rule_line,
                },
            ));
        }
    }
    for (v, verb) in words.iter().enumerate() {
        if !PUBLISH_VERBS.contains(&&text[verb.span.range()]) || !(v + 1..v + 4).any(results) {
            continue;
        }
        let mut items: Vec<Span> = Vec::new();
        let mut end = v;
        loop {
            let mut first = end;
            while first > 0 && stock_word(text, &words[first - 1], true) && end - first < 4 {
                first -= 1;
            }
            if first == end || !is_stock_name(text, words, first, end - 1) {
                items.clear();
                break;
            }
            items.push(Span::new(words[first].span.start, words[end - 1].span.end));
            if first >= 2 && &text[words[first - 1].span.range()] == "、" {
                end = first - 1;
                continue;
            }
            let opens = first == 0
                || text[..words[first].span.start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !is_han(c) && !c.is_ascii_alphanumeric());
            if !opens {
                items.clear();
            }
            break;
        }
        if items.len() >= 2 {
            for span in items {
                let rule = "org.stock_list";
                names.push((Kind::Org, Found { span, rule }));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_names_stop_at_numbers_and_take_capitalised_words() {
        assert_eq!(latin_len("GSMArena1月29日", false), "GSMArena".len());
        assert_eq!(latin_len("3M", false), 0);
        assert_eq!(
            latin_len("Yayasan Sultanah Rogayah)及", true),
            "Yayasan Sultanah Rogayah".len()
        );
        assert_eq!(latin_len("Canalys 1月", true), "Canalys".len());
    }

    #[test]
    fn every_brand_passes_the_test_of_its_class() {
        for brand in BRANDS.iter() {
            assert!(
                brand.starts_with(is_han) || brand.as_bytes()[0].is_ascii_alphabetic(),
                "{brand}"
            );
            for text in [
                brand.to_string(),
                format!("{brand}公司"),
                format!("{brand}集团"),
            ] {
                let word = Word {
                    span: Span::new(0, text.len()),
                    tag: "n",
                    known: false,
                    common: false,
                };
                let class = super::super::words::word_classes(&text, &[word])[0];
                assert!(class & (BRAND | LATIN_START) != 0, "{text}");
            }
        }
    }

    #[test]
    fn clauses_end_at_punctuation() {
        assert_eq!(
            clause("1至6月份净利润为116.7万元,较", 0),
            "1至6月份净利润为116.7万元"
        );
    }
}
