//! What a number is about: the period, place and direction of a count,
//! percentage or amount of money, read from the text around it.
//!
//! `2023年上半年，潍坊市万元GDP能耗下降3.1%`: the percentage `3.1%` gets
//! the period `2023年上半年`, the place `潍坊市` and the direction `down`.
//! The period and place are the nearest time and place (or organisation)
//! facts before the number in its sentence, else in its paragraph, else
//! for the place the document's first place; the direction is the last
//! word of rise or fall in the clause before the number. What is not found
//! is left out.

use crate::fact::{About, Direction, Fact, Kind};
use crate::lexicon::CharBits;
use crate::span::Span;
use std::sync::LazyLock;

/// Words that say a quantity rose, longest first where they overlap.
const UP_WORDS: &[&str] = &[
    "增长", "增加", "上升", "提高", "上涨", "增幅", "涨幅", "扩大", "提升", "回升", "增至", "升至",
    "多增", "上调", "拉动", "高于", "快于", "上修", "推升", "成长", "年增", "增速", "涨",
];

/// Words that say a quantity fell.
const DOWN_WORDS: &[&str] = &[
    "下降",
    "减少",
    "降低",
    "下跌",
    "回落",
    "降幅",
    "跌幅",
    "缩小",
    "收窄",
    "下滑",
    "降至",
    "减至",
    "少增",
    "下调",
    "萎缩",
    "低于",
    "慢于",
    "下修",
    "衰退",
    "负成长",
    "负增长",
    "年减",
    "跌",
    "降",
];

/// The last characters of the words of rise and fall.
static DIRECTION_LAST_CHARS: LazyLock<CharBits> = LazyLock::new(|| {
    let words = UP_WORDS.iter().chain(DOWN_WORDS);
    CharBits::of(words.filter_map(|w| w.chars().next_back()))
});

/// Characters that end a sentence. Semicolons join the clauses of one
/// sentence: a period named before one holds after it.
const SENTENCE_ENDS: [char; 5] = ['。', '！', '？', '!', '?'];

/// Adds `about` to the counts, percentages and money among `facts`.
/// `spans` are the facts' spans in the normalized `text`, in the same
/// order (by start).
pub(crate) fn link(text: &str, spans: &[Span], facts: &mut [Fact]) {
    let main_place = main_place(text, spans, facts);
    for i in 0..facts.len() {
        if !matches!(facts[i].kind(), Kind::Count | Kind::Percent | Kind::Money) {
            continue;
        }
        let start = spans[i].start;
        // 减少21.9千公顷(32.9万亩): a value in brackets restates the one before.
        if i > 0 && facts[i - 1].about.is_some() {
            let between = &text[spans[i - 1].end..start];
            if matches!(between, "(" | "（") {
                facts[i].about = facts[i - 1].about.clone();
                continue;
            }
        }
        let before = &text[..start];
        let paragraph_start = before.rfind('\n').map_or(0, |p| p + 1);
        let sentence_start = before
            .rfind(SENTENCE_ENDS)
            .map_or(0, |p| {
                p + before[p..].chars().next().map_or(1, char::len_utf8)
            })
            .max(paragraph_start);
        let period = period_before(text, spans, facts, i, sentence_start)
            .or_else(|| period_of_introduction(text, spans, facts, i, paragraph_start));
        let place = place_before(text, spans, facts, i, sentence_start).or(main_place);
        let direction = direction_before(text, sentence_start, start, spans, facts, i);
        if period.is_some() || place.is_some() || direction.is_some() {
            facts[i].about = Some(About {
                subject: None,
                direction,
                period,
                place,
            });
        }
    }
}

/// The place the document is about: the first place it names outside a
/// dateline (`新华社北京10月3日电` names where the report was filed).
fn main_place(text: &str, spans: &[Span], facts: &[Fact]) -> Option<usize> {
    (0..facts.len()).find(|&k| {
        let dateline = facts.get(k + 1).is_some_and(|next| {
            next.kind() == Kind::Time && text[spans[k + 1].end..].starts_with(['电', '讯'])
        });
        facts[k].kind() == Kind::Place && !dateline
    })
}

/// The time fact of the sentence that the number at `i` is about: the
/// nearest before it that is not a base of comparison (比2022年, 较上年);
/// a reference back (同期, 这期间) stands for the time it refers to.
fn period_before(
    text: &str,
    spans: &[Span],
    facts: &[Fact],
    i: usize,
    sentence_start: usize,
) -> Option<usize> {
    let mut found = None;
    for j in (0..i).rev() {
        if spans[j].start < sentence_start {
            break;
        }
        if facts[j].kind() != Kind::Time {
            continue;
        }
        let before = &text[..spans[j].start];
        let base = ["比", "较", "与", "和", "同"]
            .iter()
            .any(|w| before.ends_with(w));
        if !base {
            found = Some(j);
            break;
        }
    }
    let j = found?;
    if facts[j].rule == "time.same_period" {
        // 这期间: the time named before it.
        return (0..j)
            .rev()
            .find(|&k| facts[k].kind() == Kind::Time && facts[k].rule != "time.same_period");
    }
    Some(j)
}

/// The period of the sentence that introduces a list (`2023年全国早稻…如下：`)
/// for a number in one of the list's items (`一、全国早稻播种面积…`).
fn period_of_introduction(
    text: &str,
    spans: &[Span],
    facts: &[Fact],
    i: usize,
    paragraph_start: usize,
) -> Option<usize> {
    let mut end = paragraph_start;
    // Walk back over the items before this one.
    loop {
        let before = text[..end].trim_end();
        if before.ends_with([':', '：']) {
            let intro_start = before.rfind(['\n', '。', '！', '？']).map_or(0, |p| {
                p + before[p..].chars().next().map_or(1, char::len_utf8)
            });
            let j = (0..i).rev().find(|&j| {
                spans[j].start >= intro_start
                    && spans[j].end <= before.len()
                    && facts[j].kind() == Kind::Time
            })?;
            return (spans[j].start >= intro_start).then_some(j);
        }
        let paragraph = before.rfind('\n').map_or(0, |p| p + 1);
        let item = text[paragraph..].trim_start();
        let enumerated = [
            "一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、",
        ]
        .iter()
        .any(|e| item.starts_with(e));
        if paragraph == 0 || !enumerated || before.is_empty() {
            return None;
        }
        end = paragraph;
    }
}

/// The place a clause of the number's sentence starts with (after its
/// time), the number's own clause first: `2023年上半年，潍坊市…`,
/// `东部地区进出口…，东北地区进出口8259.3亿元`. Places further in name
/// the things counted (入选山东省高端品牌培育企业142家) and are not taken.
fn place_before(
    text: &str,
    spans: &[Span],
    facts: &[Fact],
    i: usize,
    sentence_start: usize,
) -> Option<usize> {
    let sentence = &text[sentence_start..spans[i].start];
    let clause_starts = std::iter::once(sentence_start).chain(
        sentence
            .match_indices(['，', ',', '；', ';'])
            .map(|(p, comma)| sentence_start + p + comma.len()),
    );
    let clause_starts: Vec<usize> = clause_starts.collect();
    clause_starts
        .iter()
        .rev()
        .find_map(|&clause_start| place_at_start(text, spans, facts, i, clause_start))
}

/// The place fact that opens the text at `at` (after a time), before fact `i`.
fn place_at_start(
    text: &str,
    spans: &[Span],
    facts: &[Fact],
    i: usize,
    mut at: usize,
) -> Option<usize> {
    let first = spans[..i].partition_point(|s| s.start < at);
    for j in first..i {
        if spans[j].start < at {
            continue;
        }
        let gap = text[at..spans[j].start]
            .trim_matches(|c: char| c.is_whitespace() || "，,、".contains(c));
        if gap.chars().count() > 2 {
            return None;
        }
        match facts[j].kind() {
            Kind::Place => return Some(j),
            Kind::Time => at = spans[j].end,
            _ => return None,
        }
    }
    None
}

/// `up` or `down` from the last word of rise or fall between the previous
/// number of the clause (or its start) and the number at `start`.
fn direction_before(
    text: &str,
    sentence_start: usize,
    start: usize,
    spans: &[Span],
    facts: &[Fact],
    i: usize,
) -> Option<Direction> {
    let before = &text[sentence_start..start];
    let clause_start = before
        .rfind(['，', ',', '：', ':'])
        .map_or(sentence_start, |p| {
            sentence_start + p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    // Only the words after the previous number of the clause speak for this
    // one; a time or a name between them does not cut the clause
    // (高于同期我国外贸整体增速4.1个百分点).
    let from = (0..i)
        .rev()
        .filter(|&j| {
            !matches!(
                facts[j].kind(),
                Kind::Time | Kind::Place | Kind::Org | Kind::Person
            )
        })
        .map(|j| spans[j].end)
        .find(|&end| end <= start)
        .map_or(clause_start, |end| end.max(clause_start));
    let window = text.get(from..start)?;
    // The word that ends last, the longer of two that end together
    // (负增长 over 增长).
    for (p, c) in window.char_indices().rev() {
        if !DIRECTION_LAST_CHARS.contains(c) {
            continue;
        }
        let upto = &window[..p + c.len_utf8()];
        let up = UP_WORDS
            .iter()
            .filter(|w| upto.ends_with(**w))
            .map(|w| w.len())
            .max();
        let down = DOWN_WORDS
            .iter()
            .filter(|w| upto.ends_with(**w))
            .map(|w| w.len())
            .max();
        match (up, down) {
            (Some(u), Some(d)) => {
                return Some(if u > d {
                    Direction::Up
                } else {
                    Direction::Down
                })
            }
            (Some(_), None) => return Some(Direction::Up),
            (None, Some(_)) => return Some(Direction::Down),
            (None, None) => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::{Document, Extractor, Kind};

    /// Text of the number, direction, period text, place text.
    type Link = (String, Option<String>, Option<String>, Option<String>);

    /// The links of every count, percentage and amount of money in `text`.
    fn links(text: &str) -> Vec<Link> {
        static EXTRACTOR: std::sync::LazyLock<Extractor> = std::sync::LazyLock::new(Extractor::new);
        let document = Document::new(text).with_published("2023-09-27T00:00:00".parse().unwrap());
        let report = EXTRACTOR.extract_document(&document);
        let text_of = |k: Option<usize>| k.map(|k| report.facts[k].text.clone());
        report
            .facts
            .iter()
            .filter(|f| matches!(f.kind(), Kind::Count | Kind::Percent | Kind::Money))
            .map(|f| {
                let about = f.about.clone().unwrap_or_default();
                (
                    f.text.clone(),
                    about.direction.map(|d| match d {
                        crate::Direction::Up => "up".to_string(),
                        _ => "down".to_string(),
                    }),
                    text_of(about.period),
                    text_of(about.place),
                )
            })
            .collect()
    }

    fn some(text: &str) -> Option<String> {
        Some(text.to_string())
    }

    #[test]
    fn period_place_and_direction_of_a_rate() {
        assert_eq!(
            links("2023年上半年，潍坊市万元GDP能耗下降3.1%。"),
            [(
                "3.1%".into(),
                some("down"),
                some("2023年上半年"),
                some("潍坊市")
            )]
        );
    }

    #[test]
    fn a_base_of_comparison_is_no_period() {
        let found = links("2023年全国早稻总产量2833.7万吨，比2022年增加21.5万吨(4.3亿斤)。");
        assert_eq!(
            found[1],
            ("21.5万吨".into(), some("up"), some("2023年"), None)
        );
        // The bracketed value restates the one before it.
        assert_eq!(
            found[2],
            ("4.3亿斤".into(), some("up"), some("2023年"), None)
        );
    }

    #[test]
    fn each_clause_has_its_own_place_and_direction() {
        let found =
            links("前8个月，东部地区进出口22.94万亿元，同比增长6.7%；东北地区进出口8259.3亿元，下降2.2%。");
        let places: Vec<_> = found.iter().map(|f| f.3.clone()).collect();
        assert_eq!(
            places,
            [
                some("东部地区"),
                some("东部地区"),
                some("东北地区"),
                some("东北地区")
            ]
        );
        let directions: Vec<_> = found.iter().map(|f| f.1.clone()).collect();
        assert_eq!(directions, [None, some("up"), None, some("down")]);
        assert!(found.iter().all(|f| f.2 == some("前8个月")));
    }

    #[test]
    fn a_number_with_nothing_around_it_has_no_about() {
        assert_eq!(links("共有33个品牌。"), [("33个".into(), None, None, None)]);
    }
}
