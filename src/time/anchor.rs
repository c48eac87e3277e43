//! The document context of the time scan: what the text has named so far,
//! which later expressions resolve against.
//!
//! - the **year in focus**: the year last named for a period the text talks
//!   about (`2022年`, `去年`), not one inside a `since` or comparison phrase
//!   (`自2016年以来`, `比2019年`, `较上年`); dates without a year take it;
//! - the **period in focus**: the last interval the text talks about, not a
//!   base of comparison (`比第1季`) and not itself a reference back (`同期`):
//!   `同期`, `去年同期`, `2006年同期` shift it, so a chain of `上年同期`
//!   does not drift a year each time;
//! - the **day of the event**: the last date named, which `当天`, `次日`,
//!   `同日` and a bare clock time in a story about a past event count from;
//! - the last interval resolved, whatever it was (`当月`, `次年`).

use crate::civil::calendar::to_moment;
use crate::civil::datetime::DateTime;
use crate::text::region::Region;

/// An interval whose end may be unknown.
pub(crate) type Interval = (DateTime, Option<DateTime>);

/// What earlier time expressions of the document fix for later ones.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Anchor {
    /// The publication time.
    pub reference: Option<DateTime>,
    /// The article's region: its fiscal year, its calendar of years.
    pub region: Option<Region>,
    /// The year in focus.
    pub year: Option<i32>,
    /// The year in focus is the first of a fiscal year that starts after
    /// January (2025 for 本财年 2025/26 in Hong Kong).
    pub fiscal_year: bool,
    /// The interval last resolved.
    pub previous: Option<Interval>,
    /// The period in focus.
    pub focus: Option<Interval>,
    /// Midnight of the day of the event narrated.
    pub day: Option<DateTime>,
}

/// What the scan knows of where an expression stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Role {
    /// A base of comparison (`比第1季`, `较上年`): it moves no focus.
    pub base: bool,
}

impl Anchor {
    /// An anchor for a document with this reference time and region.
    pub fn new(reference: Option<DateTime>, region: Option<Region>) -> Anchor {
        Anchor {
            reference,
            region,
            year: None,
            fiscal_year: false,
            previous: None,
            focus: None,
            day: None,
        }
    }

    /// The month the region's fiscal year starts in (January when unknown).
    pub fn fiscal_start_month(&self) -> u32 {
        self.region.map_or(1, Region::fiscal_year_start_month)
    }

    /// True when bare three-digit years are years of the Republic (Taiwan).
    pub fn roc_years(&self) -> bool {
        self.region == Some(Region::Taiwan)
    }

    /// The day of the event, else the interval last resolved, else the
    /// reference: what `当天` and `次日` count from.
    pub fn event_day(&self) -> Option<DateTime> {
        self.day.or(self.previous.map(|p| p.0)).or(self.reference)
    }

    /// True when a day of the event was named before.
    pub fn has_event_day(&self) -> bool {
        self.day.is_some()
    }

    /// The period in focus, else the interval last resolved.
    pub fn focus_period(&self) -> Option<Interval> {
        self.focus.or(self.previous)
    }

    /// Remembers a resolved interval: always as the last one, as the focus
    /// unless it is a base or a reference back, and its day as the event's
    /// when it names one.
    pub fn note(&mut self, interval: Interval, role: Role, refers_back: bool, names_day: bool) {
        self.previous = Some(interval);
        if role.base || refers_back {
            return;
        }
        self.focus = Some(interval);
        if names_day {
            let (days, _) = to_moment(interval.0);
            self.day = crate::civil::calendar::from_moment(days, 0);
        }
    }
}
