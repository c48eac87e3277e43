//! Subject: what a number measures, as a short Simplified noun phrase read
//! from the clause around it.
//!
//! - A number after its subject takes the words of its clause before it,
//!   less the clause's opening time and place, its connectives and its
//!   predicate: `全市万元GDP能耗累计下降12.6%` → `万元GDP能耗`,
//!   `省高端品牌培育企业达142家` → `省高端品牌培育企业`.
//! - A count or amount before its noun takes the noun phrase after it,
//!   and when it opens its clause the rest of the clause too:
//!   `33个品牌入选“好品山东”` → `品牌入选“好品山东”`.
//! - A number whose clause says nothing of its own (`同比增长10.1%`,
//!   `比2022年减少21.9千公顷`) measures what the number before it in its
//!   sentence measured.

use super::Page;
use crate::fact::{Fact, Kind, Value};
use crate::lexicon::{self, WordSet};
use crate::span::Span;
use crate::text::segment::Words;
use std::sync::LazyLock;

/// Words that open a clause without being part of its subject.
static LEADING: LazyLock<WordSet> =
    LazyLock::new(|| lexicon::set(include_str!("../../data/words/link_subject_leading.txt")));

/// Words that end the words before a number without being part of its
/// subject: the predicate and its adverbs (`累计下降`, `稳定在`, `达`), and
/// the words of rise and fall.
static TRAILING: LazyLock<WordSet> = LazyLock::new(|| {
    let mut words = lexicon::set(include_str!("../../data/words/link_subject_trailing.txt"));
    words.extend(lexicon::entries(include_str!(
        "../../data/words/link_up_words.txt"
    )));
    words.extend(lexicon::entries(include_str!(
        "../../data/words/link_down_words.txt"
    )));
    words
});

/// The words of rise and fall (`增长`, `下降`).
static MOVES: LazyLock<WordSet> = LazyLock::new(|| {
    let mut words = lexicon::set(include_str!("../../data/words/link_up_words.txt"));
    words.extend(lexicon::entries(include_str!(
        "../../data/words/link_down_words.txt"
    )));
    words
});

/// Words right after a number that make it an age (`74岁`, `七旬`).
static AGE_UNITS: LazyLock<WordSet> =
    LazyLock::new(|| lexicon::set(include_str!("../../data/words/link_subject_age_units.txt")));

/// Words that open a comparison with another figure (`快于全市平均水平`):
/// the number is the gap, and the subject is what was compared.
static COMPARATIVES: LazyLock<WordSet> = LazyLock::new(|| {
    lexicon::set(include_str!(
        "../../data/words/link_subject_comparatives.txt"
    ))
});

/// The longest words of the lists, in characters.
const LONGEST_WORD: usize = 5;

/// The length in bytes of the longest word of `set` that opens `text`.
fn word_opening(set: &WordSet, text: &str) -> Option<usize> {
    if !set.may_open(text) {
        return None;
    }
    let mut ends = [0usize; LONGEST_WORD];
    let mut count = 0;
    for (i, c) in text.char_indices().take(LONGEST_WORD) {
        ends[count] = i + c.len_utf8();
        count += 1;
    }
    ends[..count]
        .iter()
        .rev()
        .copied()
        .find(|&end| set.contains(&text[..end]))
}

/// The length in bytes of the longest word of `set` that closes `text`.
fn word_closing(set: &WordSet, text: &str) -> Option<usize> {
    if !set.may_close(text) {
        return None;
    }
    let mut starts = [0usize; LONGEST_WORD];
    let mut count = 0;
    for (i, _) in text.char_indices().rev().take(LONGEST_WORD) {
        starts[count] = i;
        count += 1;
    }
    starts[..count]
        .iter()
        .rev()
        .copied()
        .find(|&start| set.contains(&text[start..]))
        .map(|start| text.len() - start)
}

/// The longest subject a number is given, in characters.
const MAX_CHARS: usize = 24;

/// The longest phrase a subject takes after its number, in characters.
const MAX_AFTER_CHARS: usize = 20;

/// Characters a clause's edges shed: spaces and punctuation.
fn is_edge(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '、' | '，'
                | ','
                | '：'
                | ':'
                | '；'
                | ';'
                | '（'
                | '）'
                | '('
                | ')'
                | '「'
                | '」'
                | '『'
                | '』'
                | '…'
                | '—'
                | '-'
                | '·'
                | '.'
                | '。'
        )
}

/// The length of a list marker at the start of `text`: `一、`, `3.`,
/// `（二）`, `1、`.
fn list_marker_len(text: &str) -> usize {
    let numeral = |c: char| {
        c.is_ascii_digit()
            || matches!(
                c,
                '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            )
    };
    // Most clauses open with none of a marker's first characters.
    if !text.starts_with(|c: char| numeral(c) || matches!(c, '（' | '(')) {
        return 0;
    }
    let digits = text.find(|c: char| !numeral(c)).unwrap_or(text.len());
    if digits > 0 && text[digits..].starts_with(['、', '.', '．']) {
        return digits + text[digits..].chars().next().map_or(0, char::len_utf8);
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = text.strip_prefix(open) {
            let digits = inner.find(|c: char| !numeral(c)).unwrap_or(inner.len());
            if digits > 0 && inner[digits..].starts_with(close) {
                return open.len_utf8() + digits + close.len_utf8();
            }
        }
    }
    0
}

/// The subject of fact `i`, whose clause starts at `clause_start`; `carried`
/// is the subject of the number before it in its sentence.
pub(super) fn subject(
    page: &Page<'_>,
    spans: &[Span],
    facts: &[Fact],
    i: usize,
    clause_start: usize,
    carried: Option<&str>,
) -> Option<String> {
    let (text, words) = (page.text, page.words);
    let start = spans[i].start;
    let from = after_previous_number(spans, facts, i, clause_start);
    let from = after_previous_noun(text, words, spans, facts, i, from);
    let before = strip_before(page, spans, facts, i, from, start);
    let comparison = before.starts_with(['比', '较']) || before.starts_with("与");
    let before_start = before.as_ptr() as usize - text.as_ptr() as usize;
    let before_end = before_start + before.len();
    // A short rest with no noun is a bare verb (`企稳在`, `已售出`);
    // longer ones hold their noun even where the tags call it a verb (合并营收),
    // and so does one that rises or falls (出货同比增长6%: 出货). A part of
    // a year kept at its start (下半年推荐) is not counted.
    let k = spans[..i].partition_point(|s| s.start < before_start);
    let core_start = if k < i && spans[k].start == before_start && facts[k].kind() == Kind::Time {
        spans[k].end.min(before_end)
    } else {
        before_start
    };
    let nominal = text[core_start..before_end].chars().count() > 3
        || has_noun(words, core_start, before_end)
        || moves_between(text, words, before_end, start);
    let before = if comparison || !nominal { "" } else { before };
    // 增速比1—9月份加快0.5个百分点: the 增速 of what the sentence spoke of.
    if let Some(noun) = before
        .strip_suffix(['比', '较'])
        .filter(|noun| !noun.is_empty())
    {
        return Some(capped([carried.unwrap_or(""), noun].concat()));
    }
    // 快于全市平均水平5.1个百分点: the gap between what the sentence spoke
    // of and another figure.
    if let Some(carried) = carried {
        let compared = word_opening(&COMPARATIVES, before)
            .is_some_and(|len| before[len..].chars().count() >= 2);
        if compared {
            return Some(capped([carried, before].concat()));
        }
    }
    // 74岁的被告黄荣雀, 七旬的士司机: an age is the age of whom it names.
    if matches!(&facts[i].value, Value::Count { unit, .. } if AGE_UNITS.contains(unit.as_str())) {
        let after_age = spans[i].end
            + if words
                .at(spans[i].end)
                .is_some_and(|w| &text[w.span.range()] == "的")
            {
                '的'.len_utf8()
            } else {
                0
            };
        let whom = noun_phrase_after(text, words, after_age, false).unwrap_or(before);
        return (whom.chars().count() >= 2).then(|| capped([whom, "的年龄"].concat()));
    }
    let after = match facts[i].kind() {
        // 33个品牌入选…: a count opening its clause takes the rest of it.
        Kind::Count => noun_phrase_after(text, words, spans[i].end, before.is_empty()),
        Kind::Money if !comparison => noun_phrase_after(text, words, spans[i].end, false),
        // 16%的市场份额: a share of what follows.
        // (在…下降12.6%的基础上 is a frame, not what is measured.)
        Kind::Percent if share_of_what_follows(text, spans[i].end).is_some() => noun_phrase_after(
            text,
            words,
            share_of_what_follows(text, spans[i].end)?,
            false,
        ),
        // 超五成行业实现正增长: a share of the noun right after it, and when
        // it opens its clause, of what the clause says of that noun.
        Kind::Percent if noun_starts_at(words, spans[i].end) => {
            noun_phrase_after(text, words, spans[i].end, before.is_empty())
        }
        _ => None,
    };
    // 建成国家内燃机质检中心等3家国家级质检中心: what is counted is the noun
    // after the number; the examples before it (X等) are no part of it.
    let before = match after {
        Some(after) if after.chars().count() >= 2 && before.ends_with('等') => "",
        _ => before,
    };
    let subject = match (before, after) {
        ("", None) => return carried.map(str::to_string),
        (before, None) => before.to_string(),
        ("", Some(after)) => after.to_string(),
        (before, Some(after)) => [before, after].concat(),
    };
    if subject.chars().nth(1).is_none() {
        return carried.map(str::to_string);
    }
    Some(capped(subject))
}

/// `16%的市场份额`, `16% 的市场份额`: where the noun a percentage is a
/// share of starts, after its 的 (`在…12.6%的基础上` is a frame, not a share).
fn share_of_what_follows(text: &str, end: usize) -> Option<usize> {
    let rest = text[end..].trim_start_matches([' ', '\u{3000}']);
    let noun = rest.strip_prefix('的')?;
    (!noun.starts_with("基础")).then(|| text.len() - noun.len())
}

/// True when a noun starts right at `offset` (`超五成|行业`).
fn noun_starts_at(words: &Words<'_>, offset: usize) -> bool {
    words
        .at(offset)
        .is_some_and(|w| w.span.start == offset && w.tag.starts_with('n'))
}

/// True when a word of rise or fall stands between `from` and `to`.
fn moves_between(text: &str, words: &Words<'_>, from: usize, to: usize) -> bool {
    let first = words.all().partition_point(|w| w.span.end <= from);
    words.all()[first..]
        .iter()
        .take_while(|w| w.span.end <= to)
        .any(|w| MOVES.contains(&text[w.span.range()]))
}

/// `3家国家级质检中心和7家省级质检中心`: when the words before fact `i`
/// start right after a count or amount, the noun phrase after that one and
/// the joiner after it (和, 与, 、; not 及: 地级及以上) are its own, not fact `i`'s.
fn after_previous_noun(
    text: &str,
    words: &Words<'_>,
    spans: &[Span],
    facts: &[Fact],
    i: usize,
    from: usize,
) -> usize {
    let previous = i
        .checked_sub(1)
        .filter(|&j| spans[j].end == from && matches!(facts[j].kind(), Kind::Count | Kind::Money));
    let Some(phrase) = previous.and_then(|_| noun_phrase_after(text, words, from, false)) else {
        return from;
    };
    let after = from + phrase.len();
    // The phrase may run into fact `i` itself (11人共汇款|近3万元).
    let Some(rest) = text.get(after..spans[i].start) else {
        return from;
    };
    match ["和", "与", "、", "以及"]
        .iter()
        .find(|j| rest.starts_with(**j))
    {
        Some(joiner) => after + joiner.len(),
        None => from,
    }
}

/// Where the words that speak of fact `i` start: after the previous number
/// of its clause, else at `clause_start`.
fn after_previous_number(spans: &[Span], facts: &[Fact], i: usize, clause_start: usize) -> usize {
    for j in (0..i).rev() {
        if spans[j].end <= clause_start {
            break;
        }
        // Names, times and ordinals (位于第六名的华为…) are words of the
        // clause, not numbers that close what speaks of another.
        if !matches!(
            facts[j].kind(),
            Kind::Count | Kind::Percent | Kind::Money | Kind::Number
        ) {
            continue;
        }
        return clause_start.max(spans[j].end);
    }
    clause_start
}

/// `金属制品业、纺织服装服饰业增加值同比分别增长43.8%、12.2%`: the subjects of
/// the `count` numbers listed after 分别, the first of them fact `i`, one
/// for each item of the list before it, each with the head the last item
/// ends with (`金属制品业增加值`, `纺织服装服饰业增加值`). `None` when the
/// items are not as many as the numbers.
pub(super) fn respective_subjects(
    page: &Page<'_>,
    spans: &[Span],
    facts: &[Fact],
    i: usize,
    clause_start: usize,
    count: usize,
) -> Option<Vec<String>> {
    let (text, words) = (page.text, page.words);
    let from = after_previous_number(spans, facts, i, clause_start);
    let before = strip_before(page, spans, facts, i, from, spans[i].start);
    let mut items: Vec<&str> = before.split('、').collect();
    if items.len() + 1 == count {
        let last = items.pop()?;
        let join = ["和", "及", "与"]
            .iter()
            .find_map(|j| last.find(j).map(|p| (p, j.len())));
        let (p, len) = join?;
        items.push(&last[..p]);
        items.push(&last[p + len..]);
    }
    let items: Vec<&str> = items
        .iter()
        .map(|item| item.trim_matches(is_edge))
        .collect();
    if items.len() != count || items.iter().any(|item| item.chars().count() < 2) {
        return None;
    }
    // The head: from the last 的 of the last item (`…的起点标准`), else its
    // last word when that is not the whole item.
    let last = *items.last()?;
    // The last item as trimmed (…利率（LPR）loses its bracket), so its end
    // is found from the slice, not from the end of the words before.
    let last_start = last.as_ptr() as usize - text.as_ptr() as usize;
    let last_end = last_start + last.len();
    let head_start = match last.rfind('的') {
        Some(p) => last_start + p,
        None => words
            .at(last_end - 1)
            .map_or(last_end, |w| w.span.start)
            .max(last_start),
    };
    let head_start = if head_start > last_start {
        head_start
    } else {
        last_end
    };
    let head = &text[head_start..last_end];
    let subjects = items
        .iter()
        .enumerate()
        .map(|(k, item)| {
            let item = if k + 1 == count {
                &text[last_start..head_start]
            } else {
                item
            };
            capped([item, head].concat())
        })
        .collect();
    Some(subjects)
}

/// `subject` cut to its last [`MAX_CHARS`] characters.
fn capped(mut subject: String) -> String {
    // No more bytes than the cap, so no more characters.
    if subject.len() <= MAX_CHARS {
        return subject;
    }
    let chars = subject.chars().count();
    if chars > MAX_CHARS {
        // The characters before the last MAX_CHARS are dropped in place.
        let start = subject
            .char_indices()
            .nth(chars - MAX_CHARS)
            .map_or(subject.len(), |(at, _)| at);
        subject.drain(..start);
    }
    subject
}

/// The words from `from` to `to` less the clause's opening time and place,
/// its connectives, and the predicate at its end.
fn strip_before<'t>(
    page: &Page<'t>,
    spans: &[Span],
    facts: &[Fact],
    i: usize,
    mut from: usize,
    mut to: usize,
) -> &'t str {
    let (text, words) = (page.text, page.words);
    // A word of a list is stripped only where the segmenter has a word
    // boundary: 为 ends 华为 but is no predicate there.
    // The end of a fact is a boundary too (…12月31日为: 为 after a date).
    let boundary = |offset: usize| {
        words.at(offset).is_none_or(|w| w.span.start == offset)
            || spans[..i].iter().rev().take(4).any(|s| s.end == offset)
    };
    // `(中央社记者X台北12日电)鸿海…`: what stands before a bracket closed
    // without opening is a dateline or an aside, not the subject.
    // Most clauses close no bracket: the outline's list of them says so.
    if page.outline.closes_within(from, to) {
        if let Some(end) = unopened_close(&text[from..to]) {
            from += end;
        }
    } else if cfg!(any(debug_assertions, test)) {
        // In debug builds and tests the gate is checked: what it passes
        // holds nothing the full reading finds.
        assert_eq!(unopened_close(&text[from..to]), None, "{}", &text[from..to]);
    }
    loop {
        let rest = &text[from..to];
        let trimmed = rest.trim_start_matches(is_edge);
        from = to - trimmed.len();
        let marker = list_marker_len(trimmed);
        if marker > 0 {
            from += marker;
            continue;
        }
        // An opening time or place (今年上半年，潍坊市…) is no subject.
        let k = spans[..i].partition_point(|s| s.start < from);
        // A part of a year that runs into the words after it (第2季合并营收,
        // 上半年税后净利, 10月份增加值) says which figure is meant and stays;
        // a year (2012年人民法院…) is the period, not the figure.
        let touching_time = k < i
            && facts[k].kind() == Kind::Time
            && spans[k].end < to
            && part_of_a_year(&text[spans[k].range()])
            && !text[spans[k].end..].starts_with(|c: char| is_edge(c) || c == '的')
            && spans[k + 1..i]
                .first()
                .is_none_or(|next| next.start != spans[k].end);
        if k < i
            && spans[k].start == from
            && matches!(facts[k].kind(), Kind::Time | Kind::Place)
            && !touching_time
        {
            from = spans[k].end.min(to);
            continue;
        }
        if let Some(len) = word_opening(&LEADING, trimmed).filter(|&len| boundary(from + len)) {
            from += len;
            continue;
        }
        break;
    }
    loop {
        let rest = &text[from..to];
        let trimmed = rest
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '，' | ',' | '、' | '的'));
        to = from + trimmed.len();
        if let Some(len) = word_closing(&TRAILING, trimmed).filter(|&len| boundary(to - len)) {
            to -= len;
            continue;
        }
        // A time at the end (…增速比1—9月份) is no part of the subject.
        let k = spans[..i].partition_point(|s| s.end <= to);
        if k > 0
            && spans[k - 1].end == to
            && spans[k - 1].start >= from
            && facts[k - 1].kind() == Kind::Time
        {
            to = spans[k - 1].start;
            continue;
        }
        break;
    }
    // 今年上半年又下降3.1%: a time alone says nothing of what is measured.
    let k = spans[..i].partition_point(|s| s.start < from);
    if k < i && spans[k].start == from && spans[k].end == to && facts[k].kind() == Kind::Time {
        return &text[to..to];
    }
    &text[from..to]
}

/// True when the text of a time names months, a quarter or a half of a
/// year by number, and no year: `第2季`, `上半年`, `10月份`, `前三季度`,
/// not `2012年`, `去年同期`, `本财政年度首9个月`, `这个月`, `6月26日`,
/// `11月1日以来`.
fn part_of_a_year(time: &str) -> bool {
    let halves = time.contains("上半年") || time.contains("下半年");
    let rest = if halves {
        std::borrow::Cow::Owned(time.replace("上半年", "").replace("下半年", ""))
    } else {
        std::borrow::Cow::Borrowed(time)
    };
    let numbered = rest.contains(|c: char| {
        c.is_ascii_digit()
            || matches!(
                c,
                '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            )
    }) && (rest.contains('月') || rest.contains('季'));
    let point = rest.contains(['年', '日', '号', '起']) || rest.contains("以来");
    !point && (halves || numbered)
}

/// The offset right after the last bracket of `text` that closes without
/// having opened in it, or that holds a dateline (`…3日电(记者夏亮)`,
/// `(新山21日讯)`): what stands before either is no part of a subject.
fn unopened_close(text: &str) -> Option<usize> {
    let dateline = |c: Option<char>| matches!(c, Some('电' | '讯'));
    let mut opened: Vec<usize> = Vec::new();
    let mut end = None;
    for (p, c) in text.char_indices() {
        match c {
            '(' | '（' => opened.push(p),
            ')' | '）' => {
                let after = p + c.len_utf8();
                match opened.pop() {
                    None => end = Some(after),
                    Some(open) => {
                        if dateline(text[..open].chars().next_back())
                            || dateline(text[..p].chars().next_back())
                        {
                            end = Some(after);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    end
}

/// True when the words from `from` to `to` hold a noun: a subject is a
/// thing, not a bare verb (`企稳在`, `已售出`).
fn has_noun(words: &Words<'_>, from: usize, to: usize) -> bool {
    let first = words.all().partition_point(|w| w.span.end <= from);
    words.all()[first..]
        .iter()
        .take_while(|w| w.span.start < to)
        .any(|w| w.tag.starts_with('n') || matches!(w.tag, "vn" | "eng" | "j" | "l" | "i"))
}

/// True for the characters that end the phrase after a number.
fn is_clause_end(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '。'
            | '；'
            | ';'
            | '：'
            | ':'
            | '！'
            | '？'
            | '!'
            | '?'
            | '\n'
            | '、'
            | '('
            | '（'
            | ')'
            | '）'
    )
}

/// The noun phrase that follows a count or amount at `end` (`33个` →
/// `品牌`), and when `whole_clause` the rest of its clause too (`品牌入选
/// “好品山东”`).
fn noun_phrase_after<'t>(
    text: &'t str,
    words: &Words<'_>,
    end: usize,
    whole_clause: bool,
) -> Option<&'t str> {
    let first = words.all().partition_point(|w| w.span.start < end);
    let mut stop = end;
    // 217所华小: the segmenter may join the unit to the noun (所华小); the
    // rest of that word starts the noun when it is a word's length or the
    // noun goes on after it (个测|产地块), not a stray character (万份).
    let mut straddled = None;
    if let Some(straddling) = words.at(end).filter(|w| w.span.start < end) {
        let rest = &text[end..straddling.span.end];
        if !rest.starts_with(|c: char| is_clause_end(c) || c.is_ascii_digit()) {
            stop = straddling.span.end;
            straddled = (rest.chars().count() == 1).then_some(stop);
        }
    }
    // The characters from `end` to the end of the last word read, counted
    // a word at a time.
    let (mut counted_to, mut chars) = (end, 0);
    for word in &words.all()[first..] {
        let w = &text[word.span.range()];
        let clause_ends = w.starts_with(is_clause_end);
        if clause_ends || w.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        let nominal = word.tag.starts_with('n')
            || matches!(word.tag, "vn" | "a" | "b" | "f" | "uj" | "l" | "zg")
            || (word.tag == "x" && w.starts_with(['“', '”', '"']));
        if !nominal && !whole_clause {
            break;
        }
        chars += text[counted_to..word.span.end].chars().count();
        counted_to = word.span.end;
        if chars > MAX_AFTER_CHARS {
            break;
        }
        stop = word.span.end;
    }
    if straddled == Some(stop) {
        stop = end;
    }
    let phrase = text[end..stop].trim_end_matches(['的', '和', '及', '与']);
    (!phrase.is_empty()).then_some(phrase)
}
