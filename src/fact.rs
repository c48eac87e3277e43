//! Facts: what the extractors find, with their kinds and typed values.

use crate::span::Span;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use std::fmt;

/// The kinds of fact, as named in reports (`"number"`, `"count"`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A quantity with no unit of its own: `一万三千`, `1.3万`.
    Number,
    /// A position in a sequence: `第46`, `第一`.
    Ordinal,
    /// A numeral with its classifier or measure word: `33个`, `159万吨`.
    Count,
    /// A percentage or share: `12.6%`, `三成`, `2个百分点`.
    Percent,
    /// An amount of money: `4.3亿元`, `5美元`.
    Money,
    /// A point or period in time: `今年上半年`, `9月27日下午`.
    Time,
    /// A length of time: `三天`, `一年半`.
    Duration,
    /// An organisation: `新华社`, `潍坊日报社`.
    Org,
    /// A place: `潍坊`, `山东省`.
    Place,
    /// A person: `贺德良`.
    Person,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 10] = [
        Kind::Number,
        Kind::Ordinal,
        Kind::Count,
        Kind::Percent,
        Kind::Money,
        Kind::Time,
        Kind::Duration,
        Kind::Org,
        Kind::Place,
        Kind::Person,
    ];

    /// The kind's name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Ordinal => "ordinal",
            Kind::Count => "count",
            Kind::Percent => "percent",
            Kind::Money => "money",
            Kind::Time => "time",
            Kind::Duration => "duration",
            Kind::Org => "org",
            Kind::Place => "place",
            Kind::Person => "person",
        }
    }

    /// The kind named `name` (as in reports), if any.
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    pub(crate) fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which side of a one-sided bound a quantity gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bound {
    /// At least the number: `98%以上`, `超过100`.
    Min,
}

/// A numeric value as news writes it: exact, approximate, a range or a bound.
///
/// `number` is the value or the lower bound; `max` is the upper bound of a
/// range (`3至5个`) and stands alone for an upper-bound-only expression
/// (`1.2元以下`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Quantity {
    /// The value, or the lower bound of a range.
    pub number: Option<f64>,
    /// The upper bound.
    pub max: Option<f64>,
    /// True for 约, 近, 余, 多, 左右 and the like.
    pub approx: bool,
    /// Set when only a lower bound is given.
    pub bound: Option<Bound>,
}

impl Quantity {
    /// An exact value.
    pub fn exact(number: f64) -> Quantity {
        Quantity {
            number: Some(number),
            ..Quantity::default()
        }
    }
}

/// The typed value of a fact; the variant is the fact's kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// See [`Kind::Number`].
    Number(Quantity),
    /// See [`Kind::Ordinal`].
    Ordinal(Quantity),
    /// See [`Kind::Count`].
    Count {
        /// The numeral's value.
        quantity: Quantity,
        /// The classifier or measure word, Simplified: `个`, `万吨` → `吨`.
        unit: String,
        /// The counted noun when it follows directly: `品牌` in `33个品牌`.
        noun: Option<String>,
    },
    /// See [`Kind::Percent`].
    Percent {
        /// The value in percent.
        quantity: Quantity,
        /// True for percentage points (百分点).
        points: bool,
    },
    /// See [`Kind::Money`].
    Money {
        /// The amount in the currency's main unit.
        quantity: Quantity,
        /// ISO 4217 code: `CNY`, `USD`.
        currency: String,
    },
    /// See [`Kind::Time`]: a half-open interval of local time.
    Time {
        /// Start, ISO 8601 local time.
        start: Option<String>,
        /// End (exclusive), ISO 8601 local time.
        end: Option<String>,
        /// True when the value depends on an earlier sentence (`同期`).
        context_dependent: bool,
    },
    /// See [`Kind::Duration`].
    Duration {
        /// Length in seconds (a month is 30 days, a year 365); `None` for
        /// units of no fixed length (`5个工作日`).
        seconds: Option<f64>,
    },
    /// An organisation, place or person: the name in Simplified script.
    Name {
        /// The kind: org, place or person.
        kind: Kind,
        /// The name, Simplified.
        name: String,
    },
}

impl Value {
    /// The kind of fact this value belongs to.
    pub fn kind(&self) -> Kind {
        match self {
            Value::Number(_) => Kind::Number,
            Value::Ordinal(_) => Kind::Ordinal,
            Value::Count { .. } => Kind::Count,
            Value::Percent { .. } => Kind::Percent,
            Value::Money { .. } => Kind::Money,
            Value::Time { .. } => Kind::Time,
            Value::Duration { .. } => Kind::Duration,
            Value::Name { kind, .. } => *kind,
        }
    }

    /// The numeric part of a number, ordinal, count, percent or money value.
    pub fn quantity(&self) -> Option<&Quantity> {
        match self {
            Value::Number(q) | Value::Ordinal(q) => Some(q),
            Value::Count { quantity, .. }
            | Value::Percent { quantity, .. }
            | Value::Money { quantity, .. } => Some(quantity),
            _ => None,
        }
    }
}

/// What a number measures, as a reader links it: its subject, direction,
/// period and place.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct About {
    /// What is measured: `万元GDP能耗`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// `up` or `down` when the text says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    /// Index into the report's facts of the time fact it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<usize>,
    /// Index into the report's facts of the place or organisation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<usize>,
}

/// One fact: where it is, what it says and what it means.
///
/// `span` points into the original input and `text` is that slice.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// Byte span in the original input.
    pub span: Span,
    /// The original text at `span`.
    pub text: String,
    /// The normalized value; its variant gives the kind.
    pub value: Value,
    /// The name of the rule that produced the fact.
    pub rule: &'static str,
    /// What the fact measures, where known.
    pub about: Option<About>,
}

impl Fact {
    /// The kind of the fact.
    pub fn kind(&self) -> Kind {
        self.value.kind()
    }
}

impl Serialize for Fact {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", &self.kind())?;
        map.serialize_entry("start", &self.span.start)?;
        map.serialize_entry("end", &self.span.end)?;
        map.serialize_entry("text", &self.text)?;
        map.serialize_entry("value", &self.value)?;
        map.serialize_entry("rule", self.rule)?;
        if let Some(about) = &self.about {
            map.serialize_entry("about", about)?;
        }
        map.end()
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        let quantity_fields = |map: &mut S::SerializeMap, q: &Quantity, first: &'static str| {
            if let Some(n) = q.number {
                map.serialize_entry(first, &Num(n))?;
            }
            if let Some(max) = q.max {
                map.serialize_entry("max", &Num(max))?;
            }
            if q.approx {
                map.serialize_entry("approx", &true)?;
            }
            if let Some(bound) = q.bound {
                map.serialize_entry("bound", &bound)?;
            }
            Ok(())
        };
        match self {
            Value::Number(q) | Value::Ordinal(q) => quantity_fields(&mut map, q, "number")?,
            Value::Count {
                quantity,
                unit,
                noun,
            } => {
                quantity_fields(&mut map, quantity, "number")?;
                map.serialize_entry("unit", unit)?;
                if let Some(noun) = noun {
                    map.serialize_entry("noun", noun)?;
                }
            }
            Value::Percent { quantity, points } => {
                quantity_fields(&mut map, quantity, "number")?;
                if *points {
                    map.serialize_entry("points", &true)?;
                }
            }
            Value::Money { quantity, currency } => {
                quantity_fields(&mut map, quantity, "amount")?;
                map.serialize_entry("currency", currency)?;
            }
            Value::Time {
                start,
                end,
                context_dependent,
            } => {
                if let Some(start) = start {
                    map.serialize_entry("start", start)?;
                }
                if let Some(end) = end {
                    map.serialize_entry("end", end)?;
                }
                if *context_dependent {
                    map.serialize_entry("context_dependent", &true)?;
                }
            }
            Value::Duration { seconds } => {
                if let Some(seconds) = seconds {
                    map.serialize_entry("seconds", &Num(*seconds))?;
                }
            }
            Value::Name { name, .. } => map.serialize_entry("name", name)?,
        }
        map.end()
    }
}

/// A number written without a fraction when it is integral (`13000`, not
/// `13000.0`).
struct Num(f64);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        if self.0.fract() == 0.0 && self.0.abs() < EXACT {
            serializer.serialize_i64(self.0 as i64)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}
