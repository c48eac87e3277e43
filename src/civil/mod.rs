//! Civil time: dates and times of day, the proleptic Gregorian calendar,
//! and the Chinese lunisolar calendar with its solar terms.

pub(crate) mod calendar;
pub(crate) mod datetime;
pub(crate) mod lunar;
