//! The numeric kinds, one file of rules each: number, ordinal, count,
//! percent, money and duration.

pub(crate) mod count;
pub(crate) mod duration;
pub(crate) mod money;
pub(crate) mod number;
pub(crate) mod ordinal;
pub(crate) mod percent;
