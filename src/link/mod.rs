//! What a number is about: the subject, direction, period and place of a
//! count, percentage or amount of money, read from the text around it.
//!
//! `2023年上半年，潍坊市万元GDP能耗下降3.1%`: the percentage `3.1%` gets
//! the subject `万元GDP能耗`, the period `2023年上半年`, the place `潍坊市`
//! and the direction `down`. Each part has its module: `subject`,
//! `period`, `place`, `direction`. What is not found is left out.
//!
//! The sentences and paragraphs of the text are found once, so a fact's
//! sentence is a binary search, not a scan back over the text.

mod direction;
mod period;
mod place;
mod subject;

use crate::fact::{About, Fact, Kind};
use crate::lexicon::{ByEdge, Edge};
use crate::span::Span;
use crate::text::region::Region;
use crate::text::segment::Words;
use direction::direction_before;
use period::{period_before, period_of_introduction};
use place::{main_place, place_at_start, place_before};
use subject::subject;

/// `2011年、2012年…分别为190825件、222078件`, `对日本、韩国分别出口120亿元、95亿元`:
/// after 分别, the k-th number of a list takes the k-th fact of `kind` of
/// the list before 分别 in its sentence.
/// `listing` is what [`respective_numbers`] gives for fact `i`.
fn distributed(
    text: &str,
    spans: &[Span],
    facts: &[Fact],
    i: usize,
    sentence_start: usize,
    kind: Kind,
    listing: Option<&(usize, Vec<usize>)>,
) -> Option<usize> {
    let (first, numbers) = listing?;
    let (first, numbers) = (*first, numbers.as_slice());
    let position = numbers.iter().position(|&j| j == i)?;
    // The facts of `kind` before 分别, in the last list of them.
    let wanted = |j: usize| match kind {
        Kind::Place => matches!(facts[j].kind(), Kind::Place | Kind::Org),
        other => facts[j].kind() == other,
    };
    let mut list: Vec<usize> = Vec::new();
    for j in (0..first).rev() {
        if spans[j].end <= sentence_start {
            break;
        }
        if !wanted(j) {
            continue;
        }
        if let Some(&next) = list.last() {
            let between = text[spans[j].end..spans[next].start].trim();
            if !matches!(between, "、" | "和" | "与" | "及" | "," | "，") {
                break;
            }
        }
        list.push(j);
    }
    list.reverse();
    (list.len() >= 2 && list.len() == numbers.len()).then(|| list[position])
}

/// The most facts read after 分别 before the first number of its list.
const MAX_BEFORE_LIST: usize = 8;

/// The numbers of the list after the last 分别 before fact `i` in its
/// sentence, joined by 、 or 和, with the index of the first fact after
/// 分别; `None` when no 分别 stands before it.
fn respective_numbers(
    text: &str,
    spans: &[Span],
    facts: &[Fact],
    i: usize,
    sentence_start: usize,
) -> Option<(usize, Vec<usize>)> {
    let before = &text[sentence_start..spans[i].start];
    // The last 别 after a 分, found by its bytes from the end (no search
    // for the two characters is set up for every number).
    let respectively = sentence_start
        + before
            .rmatch_indices('别')
            .map(|(p, _)| p)
            .find(|&p| before[..p].ends_with('分'))?
        - '分'.len_utf8();
    let first = spans[..i].partition_point(|s| s.start < respectively);
    let is_number = |j: usize| matches!(facts[j].kind(), Kind::Count | Kind::Percent | Kind::Money);
    let joins = |a: usize, b: usize| {
        let between = text[spans[a].end..spans[b].start].trim();
        matches!(between, "、" | "和" | "与" | "及" | "," | "，")
    };
    let mut numbers: Vec<usize> = Vec::new();
    for j in first..facts.len() {
        if !is_number(j) {
            // Another fact after a number ends the list; before the first
            // (分别在北京、上海签约…) only a few are passed over, so a 分别
            // with no list costs no more than these a number.
            if !numbers.is_empty() || j - first >= MAX_BEFORE_LIST {
                break;
            }
            continue;
        }
        if let Some(&last) = numbers.last() {
            if !joins(last, j) {
                break;
            }
        }
        numbers.push(j);
    }
    Some((first, numbers))
}

/// Endings of the names of public bodies and news outlets (see the
/// list's header), by their last character.
static PUBLIC_BODY_ENDINGS: std::sync::LazyLock<ByEdge<&'static str>> =
    std::sync::LazyLock::new(|| {
        let endings = crate::lexicon::entries(include_str!(
            "../../data/words/link_public_body_endings.txt"
        ));
        ByEdge::new(endings.collect(), Edge::Last, |end| end)
    });

/// True for a body of government or an outlet (`经科局`, `央视网`): the figures of its
/// paragraph are not its own results.
fn is_public_body(name: &str) -> bool {
    PUBLIC_BODY_ENDINGS.at(name).any(|end| name.ends_with(end))
}

/// Characters that end a sentence. Semicolons join the clauses of one
/// sentence: a period named before one holds after it. ([`Outline::of`]
/// knows them by their bytes; the tests check it against these.)
#[cfg(test)]
const SENTENCE_ENDS: [char; 5] = ['。', '！', '？', '!', '?'];

/// Characters that end a clause within a sentence.
#[cfg(test)]
const CLAUSE_ENDS: [char; 6] = ['，', ',', '；', ';', '：', ':'];

/// How far before a number its sentence is read, in bytes (some 400
/// characters): the words that speak for a number stand near it, and a
/// sentence without end (a page of digits) costs no more than this a number.
const MAX_LOOK_BACK: usize = 1200;

/// The starts of the sentences, paragraphs and clauses of a text, found once.
struct Outline {
    sentences: Vec<usize>,
    paragraphs: Vec<usize>,
    /// The offsets right after each character that ends a clause: `，`,
    /// `,`, `；`, `;`, `：`, `:`.
    clauses: Vec<usize>,
    /// The offsets right after each character after which a clause may
    /// open with its place ([`place_before`]): `，`, `,`, `；`, `;`, `)`,
    /// `）`, `】`.
    openings: Vec<usize>,
    /// The offsets right after each comma or colon, after which the words
    /// of a direction start ([`direction_before`]): `，`, `,`, `：`, `:`.
    commas: Vec<usize>,
    /// The offsets of the closing brackets `)` and `）`: a subject's words
    /// are read for an aside or a dateline only where one stands.
    closings: Vec<usize>,
}

impl Outline {
    fn of(text: &str) -> Outline {
        // Room for a mark every 32 bytes (some ten characters) from the
        // start: the lists grow rarely.
        let room = text.len() / 32 + 1;
        let mut sentences = Vec::with_capacity(room);
        sentences.push(0);
        let mut paragraphs = vec![0];
        let mut clauses = Vec::with_capacity(room);
        clauses.push(0);
        let mut openings = Vec::with_capacity(room);
        let mut commas = Vec::with_capacity(room);
        let mut closings = Vec::new();
        // The text is read a character at a time by its first byte, and
        // each mark known by its UTF-8 bytes: the marks beyond ASCII are
        // `。` and `】` (E3 80 xx) and the full-width forms EF BC xx.
        let bytes = text.as_bytes();
        let mut p = 0;
        while p < bytes.len() {
            let lead = bytes[p];
            let next = match lead {
                // Most characters are Han (leads E4 to E9), none of them a mark.
                0xE4..=0xE9 => {
                    p += 3;
                    continue;
                }
                0..=0x7F => p + 1,
                0xC0..=0xDF => p + 2,
                0xE0..=0xEF => p + 3,
                _ => p + 4,
            };
            match (lead, bytes.get(p + 1..next)) {
                (b'\n', _) => {
                    paragraphs.push(next);
                    sentences.push(next);
                }
                (b'!' | b'?', _)
                | (0xE3, Some([0x80, 0x82]))
                | (0xEF, Some([0xBC, 0x81 | 0x9F])) => sentences.push(next),
                // `,`, `，`.
                (b',', _) | (0xEF, Some([0xBC, 0x8C])) => {
                    openings.push(next);
                    commas.push(next);
                    clauses.push(next);
                }
                // `;`, `；`.
                (b';', _) | (0xEF, Some([0xBC, 0x9B])) => {
                    openings.push(next);
                    clauses.push(next);
                }
                // `:`, `：`.
                (b':', _) | (0xEF, Some([0xBC, 0x9A])) => {
                    commas.push(next);
                    clauses.push(next);
                }
                // `)`, `）`.
                (b')', _) | (0xEF, Some([0xBC, 0x89])) => {
                    openings.push(next);
                    closings.push(p);
                }
                // `】`.
                (0xE3, Some([0x80, 0x91])) => openings.push(next),
                _ => {}
            }
            p = next;
        }
        Outline {
            sentences,
            paragraphs,
            clauses,
            openings,
            commas,
            closings,
        }
    }

    /// True when a closing bracket stands between `from` and `to`.
    fn closes_within(&self, from: usize, to: usize) -> bool {
        let first = self.closings.partition_point(|&at| at < from);
        self.closings.get(first).is_some_and(|&at| at < to)
    }

    /// The start of the clause holding `offset` within the sentence that
    /// starts at `sentence_start`: after the last clause end before it.
    fn clause_start(&self, sentence_start: usize, offset: usize) -> usize {
        let i = self.clauses.partition_point(|&s| s <= offset);
        self.clauses[i.saturating_sub(1)].max(sentence_start)
    }

    /// The start of the sentence holding `offset`.
    fn sentence_start(&self, offset: usize) -> usize {
        let i = self.sentences.partition_point(|&s| s <= offset);
        self.sentences[i.saturating_sub(1)]
    }

    /// The start of the paragraph holding `offset`.
    fn paragraph_start(&self, offset: usize) -> usize {
        let i = self.paragraphs.partition_point(|&s| s <= offset);
        self.paragraphs[i.saturating_sub(1)]
    }
}

/// A text with what is read of it once a document: its words and its
/// outline.
struct Page<'t> {
    text: &'t str,
    words: &'t Words<'t>,
    outline: Outline,
}

/// The names of places that stand for an article's region.
fn region_names(region: Option<Region>) -> &'static [&'static str] {
    match region {
        Some(Region::Mainland) => &["中国"],
        Some(Region::HongKong) => &["香港", "香港特区"],
        Some(Region::Macau) => &["澳门", "澳门特区"],
        Some(Region::Taiwan) => &["台湾"],
        Some(Region::Singapore) => &["新加坡"],
        Some(Region::Malaysia) => &["马来西亚", "大马"],
        _ => &[],
    }
}

/// Adds `about` to the counts, percentages and money among `facts`.
/// `spans` are the facts' spans in the normalized `text`, in the same
/// order (by start); `headline_end` ends the headline when the article has
/// one.
pub(crate) fn link(
    text: &str,
    words: &Words<'_>,
    spans: &[Span],
    facts: &mut [Fact],
    headline_end: Option<usize>,
    region: Option<Region>,
) {
    let linked = |fact: &Fact| {
        matches!(
            fact.kind(),
            Kind::Count | Kind::Percent | Kind::Money | Kind::Number
        )
    };
    // The outline is asked about no offset past the start of the last fact
    // that is linked: the text after it is not read, nor a text without one.
    let Some(last) = facts.iter().rposition(linked) else {
        return;
    };
    let page = Page {
        text,
        words,
        outline: Outline::of(&text[..spans[last].start]),
    };
    let outline = &page.outline;
    let main_place = main_place(text, spans, facts, headline_end, region_names(region));
    // The subject of the last number of the current sentence.
    let mut carried: Option<(usize, String)> = None;
    // The subjects of the items of the last list before 分别, with the index
    // of the first number after it.
    let mut respective: Option<(usize, Vec<String>)> = None;
    // The place or organisation a sentence of the current paragraph opened
    // with (西北化工1至6月份净利润… 每股收益为…).
    let mut paragraph_place: Option<(usize, usize)> = None;
    // The period the last number was about, with its paragraph: a sentence
    // that names none goes on with it (…净利润为116.7万元。每股收益为…).
    let mut period_in_focus: Option<(usize, usize)> = None;
    for i in 0..facts.len() {
        // 每股收益为0.382,较去年同期增长210.57%: a bare number has no links
        // of its own, but says what the comparison after it is about.
        if !linked(&facts[i]) {
            continue;
        }
        let bare_number = facts[i].kind() == Kind::Number;
        let start = spans[i].start;
        // 减少21.9千公顷(32.9万亩): a value in brackets restates the one before.
        if i > 0 && facts[i - 1].about.is_some() {
            let between = &text[spans[i - 1].end..start];
            if matches!(between, "(" | "（") {
                facts[i].about = facts[i - 1].about.clone();
                continue;
            }
        }
        let paragraph_start = outline.paragraph_start(start);
        let whole_sentence_start = outline.sentence_start(start).max(paragraph_start);
        // What is read of the sentence: at most MAX_LOOK_BACK bytes.
        let mut sentence_start = whole_sentence_start.max(start.saturating_sub(MAX_LOOK_BACK));
        while !text.is_char_boundary(sentence_start) {
            sentence_start += 1;
        }
        let clause_start = outline.clause_start(sentence_start, start);
        crate::work::add(start - sentence_start);
        if bare_number {
            // Its subject is only carried to the next number of its
            // sentence: without one, it is not read. (A later bare number
            // ends the facts passed over here, so each is passed once.)
            let next = facts[i + 1..=last].iter().position(linked);
            let carried_on = next.is_some_and(|k| {
                let next_start = spans[i + 1 + k].start;
                outline
                    .sentence_start(next_start)
                    .max(outline.paragraph_start(next_start))
                    == whole_sentence_start
            });
            if !carried_on {
                continue;
            }
            let carried_here = carried
                .as_ref()
                .filter(|(s, _)| *s == whole_sentence_start)
                .map(|(_, subject)| subject.as_str());
            if let Some(found) = subject(&page, spans, facts, i, clause_start, carried_here) {
                carried = Some((whole_sentence_start, found));
            }
            continue;
        }
        // The list after 分别 that fact `i` may be one of, read once for
        // its period, place and subject.
        let listing = respective_numbers(text, spans, facts, i, sentence_start);
        let period = distributed(
            text,
            spans,
            facts,
            i,
            sentence_start,
            Kind::Time,
            listing.as_ref(),
        )
        .or_else(|| period_before(text, spans, facts, i, sentence_start))
        .or_else(|| period_of_introduction(text, outline, spans, facts, i, paragraph_start))
        .or(period_in_focus.map(|(_, k)| k));
        if let Some(period) = period {
            period_in_focus = Some((paragraph_start, period));
        }
        if let Some(opening) = place_at_start(text, spans, facts, i, whole_sentence_start) {
            paragraph_place = Some((paragraph_start, opening));
        }
        let sentence_place = distributed(
            text,
            spans,
            facts,
            i,
            sentence_start,
            Kind::Place,
            listing.as_ref(),
        )
        .or_else(|| place_before(text, spans, facts, i, sentence_start, &outline.openings));
        let paragraph_place_here = sentence_place.or_else(|| {
            paragraph_place
                .filter(|&(p, _)| p == paragraph_start)
                .map(|(_, k)| k)
        });
        let place = paragraph_place_here.or(main_place);
        let mut direction = direction_before(
            text,
            sentence_start,
            start,
            spans,
            facts,
            i,
            &outline.commas,
        );
        // 分别增长43.8%、18.5%: a number listed after another shares its
        // predicate.
        if direction.is_none() && i > 0 && facts[i - 1].kind() == facts[i].kind() {
            let between = text[spans[i - 1].end..start].trim();
            if matches!(between, "、" | "和" | "与" | "及") {
                direction = facts[i - 1].about.as_ref().and_then(|a| a.direction);
            }
        }
        let carried_here = carried
            .as_ref()
            .filter(|(s, _)| *s == whole_sentence_start)
            .map(|(_, subject)| subject.as_str());
        // 金属制品业、纺织服装服饰业增加值分别增长43.8%、12.2%: the k-th
        // number of a list after 分别 measures the k-th item before it.
        let listed = listing
            .filter(|(_, numbers)| numbers.len() >= 2)
            .and_then(|(_, numbers)| {
                let position = numbers.iter().position(|&j| j == i)?;
                Some((position, numbers.len(), numbers[0]))
            });
        if let Some((0, count, _)) = listed {
            respective = subject::respective_subjects(&page, spans, facts, i, clause_start, count)
                .map(|items| (i, items));
        }
        let item = listed.and_then(|(position, _, first)| {
            respective
                .as_ref()
                .filter(|(k, _)| *k == first)
                .and_then(|(_, items)| items.get(position).cloned())
        });
        let mut subject =
            item.or_else(|| subject(&page, spans, facts, i, clause_start, carried_here));
        if let Some(subject) = &subject {
            carried = Some((whole_sentence_start, subject.clone()));
        }
        // 鸿海第2季税后净利: a company's figure is the company's, and says so
        // when its paragraph names the company, unless the subject names an
        // organisation of its own (位于第六名的华为全年份额), or the company
        // is one of a list (建成X质检中心等3家…).
        if let (Some(found), Some(k)) = (&mut subject, paragraph_place_here) {
            if let Some(name) = facts[k]
                .value
                .name()
                .filter(|_| facts[k].kind() == Kind::Org)
                .filter(|name| !is_public_body(name))
                .filter(|_| !text[spans[k].end..].starts_with(['等', '、']))
            {
                let own_org = (0..i)
                    .rev()
                    .take_while(|&j| spans[j].end > sentence_start)
                    .any(|j| {
                        facts[j].kind() == Kind::Org
                            && facts[j]
                                .value
                                .name()
                                .is_some_and(|other| found.contains(other))
                    });
                if !found.contains(name) && !own_org {
                    found.insert_str(0, name);
                }
            }
        }
        if subject.is_some() || period.is_some() || place.is_some() || direction.is_some() {
            facts[i].about = Some(About {
                subject,
                direction,
                period,
                place,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Document, Extractor, Kind};

    #[test]
    fn the_outline_finds_the_marks_by_their_bytes() {
        let text =
            "一、今年，GDP增长5%；出口:下降!真的？是。\n新段落a,b;c：d！e?f\u{FF0D}\u{3003}𠀋é。";
        let outline = super::Outline::of(text);
        let after = |marks: &[char]| -> Vec<usize> {
            std::iter::once(0)
                .chain(
                    text.char_indices()
                        .filter(|(_, c)| marks.contains(c))
                        .map(|(p, c)| p + c.len_utf8()),
                )
                .collect()
        };
        let mut sentence_marks = super::SENTENCE_ENDS.to_vec();
        sentence_marks.push('\n');
        assert_eq!(outline.sentences, after(&sentence_marks));
        assert_eq!(outline.paragraphs, after(&['\n']));
        assert_eq!(outline.clauses, after(&super::CLAUSE_ENDS));
        let openings = ['，', ',', '；', ';', ')', '）', '】'];
        assert_eq!(outline.openings, after(&openings)[1..]);
        assert_eq!(outline.commas, after(&['，', ',', '：', ':'])[1..]);
        let text = "鸿海(台北)分别）a)分别(）";
        let outline = super::Outline::of(text);
        let closings: Vec<usize> = text
            .char_indices()
            .filter(|&(_, c)| matches!(c, ')' | '）'))
            .map(|(p, _)| p)
            .collect();
        assert_eq!(outline.closings, closings);
        assert!(outline.closes_within(0, 14) && !outline.closes_within(14, 20));
        // The outline of a text's head is the whole one's, cut at the head's end.
        let head = super::Outline::of(&text[..23]);
        let cut = |marks: &[usize]| -> Vec<usize> {
            marks.iter().copied().filter(|&m| m <= 23).collect()
        };
        assert_eq!(head.closings, cut(&outline.closings));
        assert_eq!(head.openings, cut(&outline.openings));
        assert_eq!(head.sentences, cut(&outline.sentences));
    }

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
    fn the_value_right_after_a_base_is_the_base_s() {
        let found = links("第2季合并营收1283.37亿元，比第1季929.33亿元成长21.45%。");
        assert_eq!(found[0].2, some("第2季"));
        assert_eq!(found[1].2, some("第1季"));
        assert_eq!(found[2], ("21.45%".into(), some("up"), some("第2季"), None));
    }

    #[test]
    fn respectively_gives_each_number_its_own_period() {
        let found = links("2011年、2012年全国案件数量分别为190825件、222078件。");
        let periods: Vec<_> = found.iter().map(|f| f.2.clone()).collect();
        assert_eq!(periods, [some("2011年"), some("2012年")]);
    }

    #[test]
    fn a_listed_number_shares_the_predicate_and_a_sentence_its_period() {
        let found =
            links("1—10月份，纺织业、食品业增加值同比分别增长43.8%、18.5%。其中服装增长7.6%。");
        let directions: Vec<_> = found.iter().map(|f| f.1.clone()).collect();
        assert_eq!(directions, [some("up"), some("up"), some("up")]);
        assert!(found.iter().all(|f| f.2 == some("1—10月份")), "{found:?}");
    }

    #[test]
    fn a_point_counted_up_to_stands_for_the_period_before_it() {
        let found =
            links("政府公布本财政年度首九个月的财务状况，截至2025年12月31日，录得439亿港元盈余。");
        assert_eq!(found[0].2, some("本财政年度首九个月"));
    }

    /// The subject of every count, percentage and amount of money in `text`.
    fn subjects(text: &str) -> Vec<Option<String>> {
        static EXTRACTOR: std::sync::LazyLock<Extractor> = std::sync::LazyLock::new(Extractor::new);
        let report = EXTRACTOR.extract_document(&Document::new(text));
        report
            .facts
            .iter()
            .filter(|f| matches!(f.kind(), Kind::Count | Kind::Percent | Kind::Money))
            .map(|f| f.about.as_ref().and_then(|a| a.subject.clone()))
            .collect()
    }

    #[test]
    fn respectively_gives_each_number_its_own_item() {
        assert_eq!(
            subjects("其中，金属制品业、纺织服装服饰业、专用设备制造业增加值同比分别增长43.8%、12.2%、11.9%。"),
            [
                some("金属制品业增加值"),
                some("纺织服装服饰业增加值"),
                some("专用设备制造业增加值")
            ]
        );
        assert_eq!(
            subjects("本财政年度首9个月的整体开支及收入分别为5,598亿港元及4,940亿港元。"),
            [some("整体开支"), some("收入")]
        );
        // Items not as many as the numbers: the list is not split.
        let found = subjects("纺织业、食品业增加值同比分别增长43.8%、18.5%、7.6%。");
        assert_eq!(found[0], some("纺织业、食品业增加值"));
    }

    #[test]
    fn respectively_after_an_item_that_ends_in_a_bracket() {
        // The last item loses its closing bracket to the trim; its head was
        // cut at a byte offset off by the bracket's length, inside a character.
        let found = subjects("1年期和5年期以上贷款市场报价利率（LPR）分别为3.35%和3.85%。");
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn a_dateline_is_no_part_of_a_subject() {
        assert_eq!(
            subjects("(中央社记者钟荣峰台北12日电)鸿海第2季税后净利为新台币228.8亿元。")[0],
            some("鸿海第2季税后净利")
        );
        // A bracket inside the phrase stays.
        assert_eq!(
            subjects("早稻在国家调查县(市)的产量达2833.7万吨。")[0],
            some("早稻在国家调查县(市)的产量")
        );
    }

    #[test]
    fn an_age_is_the_age_of_whom_it_names() {
        assert_eq!(
            subjects("现年74岁的被告黄荣雀被判入狱。")[0],
            some("被告黄荣雀的年龄")
        );
        assert_eq!(subjects("共有74家企业参加。")[0], some("企业参加"));
    }

    #[test]
    fn a_gap_to_another_figure_follows_what_the_sentence_spoke_of() {
        let found = subjects(
            "机械装备产业增加值同比增长7.6%，增速比1—9月份加快0.8个百分点，快于全市平均水平4.2个百分点。",
        );
        assert_eq!(
            found,
            [
                some("机械装备产业增加值"),
                some("机械装备产业增加值增速"),
                some("机械装备产业增加值增速快于全市平均水平")
            ]
        );
    }

    #[test]
    fn a_public_body_is_not_put_before_a_subject() {
        let found = subjects("据经科局公布，超过2,360万元电子优惠已被核销。");
        assert_eq!(found[0], some("电子优惠"));
    }

    #[test]
    fn a_verb_that_rises_is_a_subject() {
        assert_eq!(subjects("出货同比增长6%。")[0], some("出货"));
        assert_eq!(subjects("企稳在16%。")[0], None);
    }

    #[test]
    fn a_unit_joined_to_its_noun_still_counts_the_noun() {
        // The segmenter reads 所华小 as one word.
        assert_eq!(
            subjects("他说,柔佛州217所华小,每所华小可获拨款。")[0],
            some("华小")
        );
        // A stray character joined to the unit is no noun.
        assert_eq!(subjects("日产量达到100万份，同比增长。")[0], some("日产量"));
    }

    #[test]
    fn a_count_after_examples_counts_the_noun_after_it() {
        let found = subjects("建成国家内燃机质检中心等3家国家级质检中心和7家省级质检中心。");
        assert_eq!(found[0], some("国家级质检中心"));
        // Without 等 the words before stay.
        assert_eq!(
            subjects("全市新建3家国家级质检中心。")[0],
            some("新建国家级质检中心")
        );
    }

    #[test]
    fn the_noun_of_the_count_before_is_not_the_next_one_s() {
        let found = subjects("全国9600多万名党员和490多万个基层党组织。");
        assert_eq!(found[1], some("基层党组织"));
        // 及 before 以上 is no joiner: 地级及以上城市 is one noun.
        let found = subjects("全国338个地级及以上城市平均空气质量优良天数比例为91.9%。");
        assert_eq!(found[1], some("地级及以上城市平均空气质量优良天数比例"));
        // A phrase that runs into the next number (共汇款|近3万元) is no
        // panic (a slice ran backwards here).
        let found = subjects("两个月来有11人共汇款近3万元购买。");
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn a_numbered_part_of_a_year_stays_in_the_subject() {
        let found = subjects("鸿海第2季合并毛利率5.91%，上半年税后净利249.64亿元。");
        assert_eq!(
            found,
            [some("鸿海第2季合并毛利率"), some("鸿海上半年税后净利")]
        );
        // A year, a day, or a time before a comma is the period, not the figure.
        let found =
            subjects("2012年人民法院审结案件22万件。2023年上半年，潍坊市万元GDP能耗下降3.1%。");
        assert_eq!(found, [some("人民法院审结案件"), some("万元GDP能耗")]);
        // A time alone says nothing of what is measured.
        assert_eq!(subjects("今年上半年又下降3.1%。")[0], None);
    }

    #[test]
    fn a_percentage_before_a_noun_is_a_share_of_it() {
        assert_eq!(
            subjects("一是超五成行业实现正增长。")[0],
            some("行业实现正增长")
        );
        assert_eq!(subjects("合格率稳定在98%以上。")[0], some("合格率"));
    }

    #[test]
    fn a_bare_number_gives_its_subject_to_the_comparison_after_it() {
        assert_eq!(
            subjects("每股收益为0.382,较去年同期增长210.57%。")[0],
            some("每股收益")
        );
        // A number in another sentence gives nothing.
        assert_eq!(
            subjects("每股收益为0.382。较去年同期增长210.57%。")[0],
            None
        );
    }

    #[test]
    fn respectively_without_a_list_reads_a_few_facts_only() {
        // 分别 before a long run of names: the list is looked for over a few
        // facts, then given up, and the number keeps its own subject.
        let names = "北京、上海、广州、深圳、天津、重庆、南京、杭州、武汉、成都、西安";
        let found = subjects(&format!("两国分别在{names}签约，投资额达3亿元。"));
        assert_eq!(found[0], some("投资额"));
    }

    #[test]
    fn a_number_with_nothing_around_it_has_no_about() {
        assert_eq!(links("共有33个品牌。"), [("33个".into(), None, None, None)]);
    }
}
