//! Numbers as text writes them: the numeral parser, numeric expressions
//! (sign, range, qualifier) found once per document, and the table of units.

mod bounds;
pub(crate) mod expr;
pub(crate) mod memory;
pub(crate) mod numeral;
pub(crate) mod stops;
pub(crate) mod units;
pub(crate) mod words;
pub(crate) use bounds::Bounds;
