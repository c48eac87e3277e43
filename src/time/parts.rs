//! The chain loop: reads the parts of one time expression at an offset,
//! coarse to fine, each with the family of readers for its grain, and
//! names the rule of the finest reader that read.

use std::sync::LazyLock;

use crate::lexicon::CharBits;
use crate::time::chain::{Chain, Grain, Step};
use crate::time::clock::{clock_at, named_part_of_day, short_part_of_day};
use crate::time::day::{day_at, DAY_RULES, EDGE_RULES};
use crate::time::month::MONTH_RULES;
use crate::time::numeric_date::numeric_date_at;
use crate::time::read::{first_match, heads_of, skip_spaces, starts_integer};
use crate::time::relative::{nth_year, SPAN_RULES, WHOLE_WORD_RULES};
use crate::time::week::{WEEKDAY_RULES, WEEK_RULES};
use crate::time::words::{lunar_festival_at, PARTS_OF_DAY, SEASONS};
use crate::time::year::{century, decade, YEAR_RULES};

/// A chain read at an offset: the chain, its end and the rule that decided it.
pub(crate) type ReadChain = (Chain, usize, &'static str);

/// The longest chain of time parts at `pos`, with its end and rule name.
pub(crate) fn chain_at(text: &str, pos: usize) -> Option<ReadChain> {
    let mut chain = Chain::default();
    let (end, rule) = chain_into(text, pos, &mut chain)?;
    Some((chain, end, rule))
}

/// [`chain_at`] read into `chain` (empty on entry, and left undefined
/// when None is returned): its end and rule.
pub(crate) fn chain_into(
    text: &str,
    pos: usize,
    chain: &mut Chain,
) -> Option<(usize, &'static str)> {
    if let Some(read) = numeric_chain_at(text, pos, chain) {
        return Some(read);
    }
    if !crate::time::open::may_open_chain(text, pos) {
        // The gate is exact: where it rules a chain out, none reads.
        if cfg!(any(debug_assertions, test)) {
            assert!(
                parts_at(text, pos, &mut Chain::default()).is_none(),
                "a chain opens where may_open_chain says none may: {:?}",
                &text[pos..]
            );
        }
        return None;
    }
    parts_at(text, pos, chain)
}

/// [`chain_into`] at an offset where the gate of chains is known to let
/// one open ([`may_open_chain`]): it is not asked again.
///
/// [`may_open_chain`]: crate::time::open::may_open_chain
pub(crate) fn opened_chain_into(
    text: &str,
    pos: usize,
    chain: &mut Chain,
) -> Option<(usize, &'static str)> {
    debug_assert!(crate::time::open::may_open_chain(text, pos));
    if let Some(read) = numeric_chain_at(text, pos, chain) {
        return Some(read);
    }
    parts_at(text, pos, chain)
}

/// A numeric date at `pos`, with the part of day and clock time after
/// it, read into `chain`: its end and rule.
fn numeric_chain_at(text: &str, pos: usize, chain: &mut Chain) -> Option<(usize, &'static str)> {
    let (date, mut end) = numeric_date_at(text, pos)?;
    *chain = date;
    let mut rule = "time.numeric_date_at";
    // A part of day and a clock time may follow a numeric date.
    let mut after = skip_spaces(text, end);
    if let Some(part_end) = named_part_of_day(text, after, chain) {
        end = part_end;
        after = end;
        rule = "time.named_part_of_day";
    }
    if chain.hour.is_none() {
        if let Some((clock, clock_end)) = clock_at(text, after, chain) {
            set_clock(chain, &clock);
            end = clock_end;
            rule = "time.clock_at";
        }
    }
    Some((end, rule))
}

/// Copies the clock time read by [`clock_at`] into `chain`.
fn set_clock(chain: &mut Chain, clock: &Chain) {
    chain.hour = clock.hour;
    chain.minute = clock.minute;
    chain.second = clock.second;
    chain.meridiem = clock.meridiem;
}

/// Reads a chain of calendar parts at `pos` into `chain` (empty on
/// entry), coarse to fine, and returns its end and rule.
fn parts_at(text: &str, pos: usize, chain: &mut Chain) -> Option<(usize, &'static str)> {
    let read = read_parts(text, pos, true, chain);
    // The gate of each part is exact: without it the same chain reads.
    if cfg!(any(debug_assertions, test)) {
        let mut ungated = Chain::default();
        let read_ungated = read_parts(text, pos, false, &mut ungated);
        assert_eq!(
            read.map(|(end, rule)| (*chain, end, rule)),
            read_ungated.map(|(end, rule)| (ungated, end, rule)),
            "a part reads where its first character rules every part out: {:?}",
            &text[pos..]
        );
    }
    read
}

/// The characters at which some part of a chain may begin, an integer's
/// aside: a part of day (早, 晚, 下午), 农历, a season, a century (上世纪,
/// 本世纪), 的 (which the week and day readers pass over), and the first
/// characters of every family of readers.
static PART_HEADS: LazyLock<CharBits> = LazyLock::new(|| {
    let families = [
        &YEAR_RULES,
        &MONTH_RULES,
        &WEEK_RULES,
        &WEEKDAY_RULES,
        &DAY_RULES,
        &EDGE_RULES,
    ];
    let words = heads_of(&PARTS_OF_DAY);
    CharBits::of(
        "早晚农阴新春夏秋冬暑寒上本的"
            .chars()
            .chain(words)
            .chain(families.into_iter().flat_map(|rules| rules.heads())),
    )
});

/// Reads a chain of calendar parts at `pos` into `chain` (empty on entry),
/// coarse to fine, and returns its end and rule; with `gated`, a part is
/// not looked for at a character none may begin with.
fn read_parts(
    text: &str,
    pos: usize,
    gated: bool,
    chain: &mut Chain,
) -> Option<(usize, &'static str)> {
    if let Some((end, rule)) = first_match(&WHOLE_WORD_RULES, text, pos, chain) {
        return Some((end, rule));
    }
    if let Some((end, rule)) = first_match(&SPAN_RULES, text, pos, chain) {
        // 六天后的3时1刻: a clock time on that day, found but not resolved.
        if let Some(after) = text[end..].strip_prefix('的') {
            let start = text.len() - after.len();
            let that_day = Chain {
                day: Some(Step::Relative(0)),
                ..Chain::default()
            };
            if let Some((_, clock_end)) = clock_at(text, start, &that_day) {
                let vague = Chain {
                    vague: true,
                    ..Chain::default()
                };
                *chain = vague;
                return Some((clock_end, rule));
            }
        }
        return Some((end, rule));
    }
    if let Some(end) = nth_year(text, pos, chain) {
        return Some((end, "time.nth_year"));
    }
    let mut rule = "";
    let mut p = pos;
    let mut next = Grain::Century; // the next part must be at least this fine
    loop {
        // Between parts: one space (2018年 12月), 的 (2021年的第三个月), or a
        // comma before a weekday (2009年10月12号，星期一). Kept only when a
        // part follows.
        let original = p;
        if p > pos {
            let rest = &text[p..];
            if rest.starts_with(' ') {
                p += 1;
            } else if rest.starts_with('的') {
                p += '的'.len_utf8();
            } else if (rest.starts_with('，') || rest.starts_with(", ")) && chain.day.is_some() {
                let q = p + if rest.starts_with('，') { 3 } else { 2 };
                if chain.weekday.is_none() {
                    if let Some((end, name)) = first_match(&WEEKDAY_RULES, text, q, chain) {
                        p = end;
                        rule = name;
                        continue;
                    }
                }
            }
        }
        let before = p;
        let first = text[p..].chars().next().unwrap_or('\0');
        if gated && !PART_HEADS.contains(first) && !starts_integer(first) {
            p = original;
            break;
        }
        if next <= Grain::PartOfDay && chain.part.is_none() {
            if let Some(end) = short_part_of_day(text, p, chain) {
                p = end;
                next = Grain::Clock;
                rule = "time.short_part_of_day";
                continue;
            }
        }
        // 农历, 阴历: the month and day that follow are lunar. A chain has
        // one such marker (so a run of them is not read from every position).
        for marker in ["农历", "阴历"] {
            if !chain.lunar && text[p..].starts_with(marker) && !lunar_festival_at(&text[p..]) {
                chain.lunar = true;
                p += marker.len();
            }
        }
        if next <= Grain::Week {
            if let Some(end) = season(text, p, chain) {
                p = end;
                next = Grain::Day;
                rule = "time.season";
                continue;
            }
        }
        let read = if next <= Grain::Century {
            century(text, p, chain).map(|end| (end, Grain::Century, "time.century"))
        } else {
            None
        }
        .or_else(|| {
            (next <= Grain::Decade)
                .then(|| decade(text, p, chain))
                .flatten()
                .map(|end| (end, Grain::Decade, "time.decade"))
        })
        .or_else(|| in_family(next, Grain::Year, &YEAR_RULES, text, p, chain))
        .or_else(|| in_family(next, Grain::Month, &MONTH_RULES, text, p, chain))
        .or_else(|| {
            let q = p + usize::from(text[p..].starts_with('的')) * '的'.len_utf8();
            in_family(next, Grain::Week, &WEEK_RULES, text, q, chain)
        })
        .or_else(|| {
            if next > Grain::Day {
                return None;
            }
            let q = p + usize::from(text[p..].starts_with('的') && chain.month.is_some())
                * '的'.len_utf8();
            let (mut end, mut name) = day_at(text, q, chain)?;
            // A weekday may follow a date: 6月1日周六.
            if let Some((weekday_end, weekday_rule)) = first_match(&WEEKDAY_RULES, text, end, chain)
            {
                end = weekday_end;
                name = weekday_rule;
            }
            Some((end, Grain::Day, name))
        })
        .or_else(|| in_family(next, Grain::Edge, &EDGE_RULES, text, p, chain))
        .or_else(|| {
            (next <= Grain::PartOfDay)
                .then(|| named_part_of_day(text, p, chain))
                .flatten()
                .map(|end| (end, Grain::PartOfDay, "time.named_part_of_day"))
        })
        .or_else(|| {
            if next > Grain::Clock {
                return None;
            }
            let (clock, end) = clock_at(text, p, chain)?;
            set_clock(chain, &clock);
            chain.vague |= clock.vague;
            Some((end, Grain::Clock, "time.clock_at"))
        });
        if let Some((end, grain, name)) = read {
            p = end;
            next = grain.next();
            rule = name;
            continue;
        }
        if p == before {
            p = original;
            break;
        }
    }
    // 农历 alone (农历生肖) names no time.
    let marker_only = chain.lunar
        && *chain
            == Chain {
                lunar: true,
                ..Chain::default()
            };
    (p > pos && !marker_only).then_some((p, rule))
}

/// The family of readers of `grain`, when the chain may go on at it.
fn in_family(
    next: Grain,
    grain: Grain,
    rules: &crate::time::read::Rules,
    text: &str,
    pos: usize,
    chain: &mut Chain,
) -> Option<(usize, Grain, &'static str)> {
    if next > grain {
        return None;
    }
    first_match(rules, text, pos, chain).map(|(end, name)| (end, grain, name))
}

/// Seasons: 2021年春, 冬季, 大前年夏季, 去年暑假. Found, not resolved.
fn season(text: &str, pos: usize, chain: &mut Chain) -> Option<usize> {
    let rest = &text[pos..];
    let season_here = rest.starts_with(['新', '春', '夏', '秋', '冬', '暑', '寒']);
    let season = season_here
        .then(|| SEASONS.iter().find(|s| rest.starts_with(**s)))
        .flatten();
    if let Some(season) = season {
        chain.vague = true;
        return Some(pos + season.len());
    }
    if chain.year.is_some() {
        if let Some(c) = rest.chars().next().filter(|c| "春夏秋冬".contains(*c)) {
            let next = text[pos + c.len_utf8()..].chars().next();
            if next.is_none_or(|n| !crate::text::normalize::is_han(n) || "季天".contains(n)) {
                chain.vague = true;
                let mut end = pos + c.len_utf8();
                if text[end..].starts_with(['季', '天']) {
                    end += '季'.len_utf8();
                }
                return Some(end);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::chain::Year;

    #[test]
    fn chain_of_date_and_clock() {
        let (chain, end, rule) = chain_at("2023年9月27日下午3点半开会", 0).unwrap();
        assert_eq!(end, "2023年9月27日下午3点半".len());
        assert_eq!(rule, "time.clock_at");
        assert_eq!(chain.year, Some(Year::Absolute(2023)));
        assert_eq!((chain.hour, chain.minute), (Some(3), Some(30)));
    }

    #[test]
    fn finest_reader_names_the_rule() {
        assert_eq!(
            chain_at("今年上半年", 0).map(|c| c.2),
            Some("time.half_year")
        );
        assert_eq!(chain_at("去年", 0).map(|c| c.2), Some("time.relative_year"));
        assert_eq!(chain_at("2021年春", 0).map(|c| c.2), Some("time.season"));
        assert_eq!(chain_at("农历生肖", 0), None);
    }
}
