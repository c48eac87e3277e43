//! The bounds a numeric expression gives while its rules read it, before
//! they become a [`Quantity`].

use crate::fact::{Extent, Quantity};

/// A quantity as the rules build it up: a value or lower bound, an upper
/// bound, a hedge, and whether only a lower bound is given.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Bounds {
    /// The value, or the lower bound of a range.
    pub number: Option<f64>,
    /// The upper bound.
    pub max: Option<f64>,
    /// True for 约, 近, 余, 多, 左右 and the like.
    pub approx: bool,
    /// True when only a lower bound is given (`98%以上`).
    pub at_least: bool,
}

impl Bounds {
    /// An exact value.
    pub(crate) fn exact(number: f64) -> Bounds {
        Bounds {
            number: Some(number),
            ..Bounds::default()
        }
    }

    /// The quantity these bounds say: a range when both ends are given, at
    /// least or at most when one is, exact otherwise.
    pub(crate) fn quantity(self) -> Quantity {
        let extent = match (self.number, self.max) {
            (Some(min), Some(max)) => Extent::Range { min, max },
            (Some(value), None) if self.at_least => Extent::AtLeast(value),
            (Some(value), None) => Extent::Exact(value),
            (None, Some(max)) => Extent::AtMost(max),
            (None, None) => Extent::Unstated,
        };
        Quantity {
            extent,
            approx: self.approx,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_become_the_quantity_they_say() {
        let range = Bounds {
            number: Some(3.0),
            max: Some(5.0),
            ..Bounds::default()
        };
        assert_eq!(
            range.quantity().extent,
            Extent::Range { min: 3.0, max: 5.0 }
        );
        let at_least = Bounds {
            at_least: true,
            ..Bounds::exact(98.0)
        };
        assert_eq!(at_least.quantity().extent, Extent::AtLeast(98.0));
        let at_most = Bounds {
            max: Some(1.2),
            ..Bounds::default()
        };
        assert_eq!(at_most.quantity().extent, Extent::AtMost(1.2));
        let vague = Bounds {
            approx: true,
            ..Bounds::default()
        };
        assert_eq!(
            vague.quantity(),
            Quantity {
                extent: Extent::Unstated,
                approx: true
            }
        );
    }
}
