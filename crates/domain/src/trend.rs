//! The comparison rules of the monthly table: trend arrows and the rounded
//! percentage change.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    Up,
    Down,
    Same,
}

impl Trend {
    pub fn of(previous: u64, current: u64) -> Trend {
        match current.cmp(&previous) {
            std::cmp::Ordering::Greater => Trend::Up,
            std::cmp::Ordering::Less => Trend::Down,
            std::cmp::Ordering::Equal => Trend::Same,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Trend::Up => "up",
            Trend::Down => "down",
            Trend::Same => "same",
        }
    }

    /// The arrow of the human renderings.
    pub fn arrow(self) -> &'static str {
        match self {
            Trend::Up => "↑",
            Trend::Down => "↓",
            Trend::Same => "=",
        }
    }
}

/// (current − previous) / previous × 100, rounded half away from zero, in
/// exact integer arithmetic; `None` when previous is 0.
pub fn change_pct(previous: u64, current: u64) -> Option<i64> {
    if previous == 0 {
        return None;
    }
    let numerator = (i128::from(current) - i128::from(previous)) * 100;
    let denominator = i128::from(previous);
    let quotient = numerator / denominator;
    let remainder = numerator % denominator;
    let rounded = if 2 * remainder.abs() >= denominator { quotient + numerator.signum() } else { quotient };
    Some(rounded as i64)
}

/// A figure this month against last month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Change {
    pub previous: u64,
    pub current: u64,
    pub trend: Trend,
    pub change_pct: Option<i64>,
}

impl Change {
    pub fn new(previous: u64, current: u64) -> Change {
        Change { previous, current, trend: Trend::of(previous, current), change_pct: change_pct(previous, current) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(change_pct(6, 7), Some(17)); // 16.67
        assert_eq!(change_pct(197, 175), Some(-11)); // -11.17
        assert_eq!(change_pct(40, 41), Some(3)); // 2.5
        assert_eq!(change_pct(40, 39), Some(-3)); // -2.5
        assert_eq!(change_pct(200, 201), Some(1)); // 0.5
        assert_eq!(change_pct(200, 199), Some(-1)); // -0.5
        assert_eq!(change_pct(3, 3), Some(0));
        assert_eq!(change_pct(167, 98), Some(-41));
        assert_eq!(change_pct(3, 0), Some(-100));
        assert_eq!(change_pct(0, 5), None);
        assert_eq!(change_pct(0, 0), None);
    }

    #[test]
    fn trends() {
        assert_eq!(Trend::of(3, 3), Trend::Same);
        assert_eq!(Trend::of(0, 2), Trend::Up);
        assert_eq!(Trend::of(167, 98), Trend::Down);
        assert_eq!(Change::new(30, 60).change_pct, Some(100));
    }
}
