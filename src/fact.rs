//! Facts: what the extractors find, with their kinds and typed values.

use crate::civil::datetime::DateTime;
use crate::error::Error;
use crate::span::Span;
use serde::de::{self, Deserializer};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// The kinds of fact, as named in reports (`"number"`, `"count"`, …).
///
/// ```
/// use zhfacts::Kind;
/// let kind: Kind = "percent".parse().unwrap();
/// assert_eq!(kind, Kind::Percent);
/// assert_eq!(kind.to_string(), "percent");
/// assert!("百分比".parse::<Kind>().unwrap_err().is_invalid_kind());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
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

    /// True for the kinds of names: organisation, place, person.
    pub fn is_name(self) -> bool {
        matches!(self, Kind::Org | Kind::Place | Kind::Person)
    }

    pub(crate) fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

impl FromStr for Kind {
    type Err = Error;

    fn from_str(name: &str) -> Result<Kind, Error> {
        Kind::from_name(name).ok_or_else(|| {
            let known: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
            Error::kind(format!(
                "unknown kind {name:?} (known: {})",
                known.join(", ")
            ))
        })
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a numeric expression says of its value.
///
/// In a report, `Exact(v)` is `{"number": v}`, `Range` is `{"number": min,
/// "max": max}`, `AtLeast(v)` is `{"number": v, "bound": "min"}` and
/// `AtMost(v)` is `{"max": v}`.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum Extent {
    /// One value: `33个`, `12.6%`.
    Exact(f64),
    /// A range: `3至5个`, `5-10亿美元`.
    Range {
        /// The lower bound.
        min: f64,
        /// The upper bound.
        max: f64,
    },
    /// At least the value: `98%以上`, `超过100`.
    AtLeast(f64),
    /// At most the value: `1.2元以下`, `不超过5天`.
    AtMost(f64),
    /// A quantity the text does not put a number on: `数人`.
    Unstated,
}

/// A numeric value as news writes it: its [`Extent`] (exact, a range, at
/// least or at most) and whether the text hedges it (约, 近, 余, 多, 左右).
///
/// ```
/// use zhfacts::{Extent, Extractor};
/// let report = Extractor::new().extract("合格率稳定在98%以上，新增近7000个地块");
/// let percent = report.facts[0].value.quantity().unwrap();
/// assert_eq!(percent.extent, Extent::AtLeast(98.0));
/// assert_eq!(percent.value(), Some(98.0));
/// let count = report.facts[1].value.quantity().unwrap();
/// assert_eq!((count.extent, count.approx), (Extent::Exact(7000.0), true));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct Quantity {
    /// The value or the bounds the text gives.
    pub extent: Extent,
    /// True for 约, 近, 余, 多, 左右 and the like.
    pub approx: bool,
}

impl Quantity {
    /// An exact value.
    pub fn exact(number: f64) -> Quantity {
        Quantity {
            extent: Extent::Exact(number),
            approx: false,
        }
    }

    /// A hedged value: `约100`.
    pub fn approx(number: f64) -> Quantity {
        Quantity {
            extent: Extent::Exact(number),
            approx: true,
        }
    }

    /// The value, or the lower bound of a range or of "at least": the
    /// report's `number` (`amount` for money).
    pub fn value(&self) -> Option<f64> {
        match self.extent {
            Extent::Exact(v) | Extent::AtLeast(v) | Extent::Range { min: v, .. } => Some(v),
            Extent::AtMost(_) | Extent::Unstated => None,
        }
    }

    /// The upper bound of a range or of "at most": the report's `max`.
    pub fn max(&self) -> Option<f64> {
        match self.extent {
            Extent::Range { max, .. } | Extent::AtMost(max) => Some(max),
            _ => None,
        }
    }

    /// The quantity of a report's fields: `number` (or `amount`), `max`,
    /// `bound: "min"`, `approx`.
    fn from_fields(
        number: Option<f64>,
        max: Option<f64>,
        at_least: bool,
        approx: bool,
    ) -> Quantity {
        let extent = match (number, max) {
            (Some(min), Some(max)) => Extent::Range { min, max },
            (Some(v), None) if at_least => Extent::AtLeast(v),
            (Some(v), None) => Extent::Exact(v),
            (None, Some(max)) => Extent::AtMost(max),
            (None, None) => Extent::Unstated,
        };
        Quantity { extent, approx }
    }
}

/// The typed value of a fact; the variant is the fact's kind.
///
/// Serialized, it is the `value` object of a report's fact: only the fields
/// that say something are written.
///
/// ```
/// use zhfacts::{Extractor, Value};
/// let report = Extractor::new().extract("进口4.3亿元");
/// let Value::Money { quantity, currency } = &report.facts[0].value else { panic!() };
/// assert_eq!((quantity.value(), currency.as_str()), (Some(430_000_000.0), "CNY"));
/// assert_eq!(
///     serde_json::to_string(&report.facts[0].value).unwrap(),
///     r#"{"amount":430000000,"currency":"CNY"}"#
/// );
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
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
        /// Start, local time.
        start: Option<DateTime>,
        /// End (exclusive), local time.
        end: Option<DateTime>,
        /// True when the value depends on an earlier sentence (`同期`).
        context_dependent: bool,
    },
    /// See [`Kind::Duration`].
    Duration {
        /// Length in seconds (a month is 30 days, a year 365); `None` for
        /// units of no fixed length (`5个工作日`).
        seconds: Option<f64>,
    },
    /// See [`Kind::Org`].
    Org {
        /// The name, Simplified.
        name: String,
    },
    /// See [`Kind::Place`].
    Place {
        /// The name, Simplified.
        name: String,
    },
    /// See [`Kind::Person`].
    Person {
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
            Value::Org { .. } => Kind::Org,
            Value::Place { .. } => Kind::Place,
            Value::Person { .. } => Kind::Person,
        }
    }

    /// The value of a name of `kind` (org, place or person); `None` for
    /// any other kind.
    pub fn name_of(kind: Kind, name: String) -> Option<Value> {
        match kind {
            Kind::Org => Some(Value::Org { name }),
            Kind::Place => Some(Value::Place { name }),
            Kind::Person => Some(Value::Person { name }),
            _ => None,
        }
    }

    /// The name of an organisation, place or person, Simplified.
    pub fn name(&self) -> Option<&str> {
        match self {
            Value::Org { name } | Value::Place { name } | Value::Person { name } => Some(name),
            _ => None,
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

/// Which way the text says a quantity moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Direction {
    /// It rose: `增长`, `提高`, `回升`.
    Up,
    /// It fell: `下降`, `回落`, `负增长`.
    Down,
}

/// What a number measures, as a reader links it: its subject, direction,
/// period and place.
///
/// `period` and `place` are indexes into the same report's `facts`. A
/// report made with a kind filter still holds the facts they point at.
///
/// ```
/// use zhfacts::{Direction, Extractor, Kind};
/// let text = "2023年上半年，潍坊市万元GDP能耗下降3.1%。";
/// let report = Extractor::new().extract(text);
/// let percent = report.facts_of(Kind::Percent).next().unwrap();
/// let about = percent.about.as_ref().unwrap();
/// assert_eq!(about.direction, Some(Direction::Down));
/// assert_eq!(report.facts[about.period.unwrap()].text, "2023年上半年");
/// assert_eq!(report.facts[about.place.unwrap()].text, "潍坊市");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct About {
    /// What is measured: `万元GDP能耗`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Up or down, when the text says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    /// Index into the report's facts of the time fact it is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<usize>,
    /// Index into the report's facts of the place or organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<usize>,
}

/// One fact: where it is, what it says and what it means.
///
/// `span` points into the original input and `text` is that slice.
///
/// ```
/// use zhfacts::{Extractor, Kind};
/// let text = "全市1.3萬名包保幹部";
/// let fact = Extractor::new().extract(text).facts.remove(0);
/// assert_eq!((fact.kind(), fact.text.as_str()), (Kind::Count, "1.3萬名"));
/// assert_eq!(&text[fact.span], fact.text);
/// assert_eq!(fact.rule, "count.numeral_unit");
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Fact {
    /// Byte span in the original input.
    pub span: Span,
    /// The original text at `span`.
    pub text: String,
    /// The normalized value; its variant gives the kind.
    pub value: Value,
    /// The name of the rule that produced the fact: `<kind>.<function>`.
    pub rule: Cow<'static, str>,
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
        map.serialize_entry("rule", &self.rule)?;
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
            if let Some(n) = q.value() {
                map.serialize_entry(first, &Num(n))?;
            }
            if let Some(max) = q.max() {
                map.serialize_entry("max", &Num(max))?;
            }
            if q.approx {
                map.serialize_entry("approx", &true)?;
            }
            if matches!(q.extent, Extent::AtLeast(_)) {
                map.serialize_entry("bound", "min")?;
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
            Value::Org { name } | Value::Place { name } | Value::Person { name } => {
                map.serialize_entry("name", name)?
            }
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

/// Every field a serialized value may hold, for reading reports back.
#[derive(Default, Deserialize)]
struct ValueFields {
    kind: Option<Kind>,
    number: Option<f64>,
    amount: Option<f64>,
    max: Option<f64>,
    #[serde(default)]
    approx: bool,
    bound: Option<String>,
    unit: Option<String>,
    noun: Option<String>,
    #[serde(default)]
    points: bool,
    currency: Option<String>,
    start: Option<DateTime>,
    end: Option<DateTime>,
    #[serde(default)]
    context_dependent: bool,
    seconds: Option<f64>,
    name: Option<String>,
}

impl ValueFields {
    /// The kind the fields imply when no kind is given: `amount` is money,
    /// `unit` a count, `points` a percentage, `start`/`end` a time,
    /// `seconds` a duration; a bare `number` reads as a number.
    fn implied_kind(&self) -> Option<Kind> {
        if self.amount.is_some() || self.currency.is_some() {
            Some(Kind::Money)
        } else if self.unit.is_some() {
            Some(Kind::Count)
        } else if self.points {
            Some(Kind::Percent)
        } else if self.start.is_some() || self.end.is_some() || self.context_dependent {
            Some(Kind::Time)
        } else if self.seconds.is_some() {
            Some(Kind::Duration)
        } else if self.name.is_some() {
            None
        } else {
            Some(Kind::Number)
        }
    }

    fn into_value(self, kind: Kind) -> Result<Value, String> {
        let at_least = self.bound.as_deref() == Some("min");
        let quantity =
            |first: Option<f64>| Quantity::from_fields(first, self.max, at_least, self.approx);
        let value = match kind {
            Kind::Number => Value::Number(quantity(self.number)),
            Kind::Ordinal => Value::Ordinal(quantity(self.number)),
            Kind::Count => Value::Count {
                quantity: quantity(self.number),
                unit: self.unit.clone().ok_or("a count needs its unit")?,
                noun: self.noun.clone(),
            },
            Kind::Percent => Value::Percent {
                quantity: quantity(self.number),
                points: self.points,
            },
            Kind::Money => Value::Money {
                quantity: quantity(self.amount),
                currency: self.currency.clone().ok_or("money needs its currency")?,
            },
            Kind::Time => Value::Time {
                start: self.start,
                end: self.end,
                context_dependent: self.context_dependent,
            },
            Kind::Duration => Value::Duration {
                seconds: self.seconds,
            },
            Kind::Org | Kind::Place | Kind::Person => {
                let name = self.name.clone().ok_or("a name needs its name")?;
                Value::name_of(kind, name).ok_or("not a name kind")?
            }
        };
        Ok(value)
    }
}

/// Reads a value as a report writes it. The report's fact gives the kind;
/// a value read on its own may carry a `"kind"` field, and without one the
/// kind is implied by its fields (`amount` money, `unit` a count, `start` a
/// time, …; a bare `number` is a [`Kind::Number`]).
impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        let fields = ValueFields::deserialize(deserializer)?;
        let kind = fields
            .kind
            .or_else(|| fields.implied_kind())
            .ok_or_else(|| de::Error::custom("a name value needs its kind"))?;
        fields.into_value(kind).map_err(de::Error::custom)
    }
}

/// A fact as a report writes it.
#[derive(Deserialize)]
struct FactFields {
    kind: Kind,
    start: usize,
    end: usize,
    text: String,
    value: ValueFields,
    rule: String,
    #[serde(default)]
    about: Option<About>,
}

/// Reads a fact as the report writes it (`{"kind", "start", "end", "text",
/// "value", "rule", "about"?}`).
impl<'de> Deserialize<'de> for Fact {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Fact, D::Error> {
        let fields = FactFields::deserialize(deserializer)?;
        if fields.end < fields.start {
            return Err(de::Error::custom("a fact's end lies before its start"));
        }
        let value = fields
            .value
            .into_value(fields.kind)
            .map_err(de::Error::custom)?;
        Ok(Fact {
            span: Span::new(fields.start, fields.end),
            text: fields.text,
            value,
            rule: Cow::Owned(fields.rule),
            about: fields.about,
        })
    }
}
