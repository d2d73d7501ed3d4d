//! Calendar months (`YYYY-MM`), the unit of Vigie's statistics.

use jiff::civil::Date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month {
    year: i16,
    month: i8,
}

impl Month {
    pub fn new(year: i16, month: i8) -> Option<Month> {
        ((1..=12).contains(&month) && (1..=9999).contains(&year)).then_some(Month { year, month })
    }

    /// Parses `YYYY-MM`.
    pub fn parse(input: &str) -> Option<Month> {
        let input = input.trim();
        let (year, month) = input.split_once('-')?;
        if year.len() != 4 || month.len() != 2 || !year.bytes().chain(month.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        Month::new(year.parse().ok()?, month.parse().ok()?)
    }

    pub fn of(date: Date) -> Month {
        Month { year: date.year(), month: date.month() }
    }

    pub fn year(self) -> i16 {
        self.year
    }

    /// 1 to 12.
    pub fn number(self) -> i8 {
        self.month
    }

    pub fn previous(self) -> Month {
        if self.month == 1 {
            Month { year: self.year - 1, month: 12 }
        } else {
            Month { year: self.year, month: self.month - 1 }
        }
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month { year: self.year + 1, month: 1 }
        } else {
            Month { year: self.year, month: self.month + 1 }
        }
    }

    pub fn first_day(self) -> Date {
        Date::new(self.year, self.month, 1).expect("a valid month has a first day")
    }

    pub fn last_day(self) -> Date {
        self.first_day().last_of_month()
    }

    pub fn contains(self, date: Date) -> bool {
        Month::of(date) == self
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl serde::Serialize for Month {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_steps() {
        let december = Month::parse("2023-12").unwrap();
        assert_eq!(december.previous().to_string(), "2023-11");
        assert_eq!(december.next().to_string(), "2024-01");
        assert_eq!(Month::parse("2024-01").unwrap().previous().to_string(), "2023-12");
        assert_eq!(december.last_day().to_string(), "2023-12-31");
        assert_eq!(Month::parse("2024-02").unwrap().last_day().to_string(), "2024-02-29");
    }

    #[test]
    fn rejects_malformed() {
        for bad in ["2023-13", "2023-00", "23-12", "2023-1", "2023/12", "", "abcd-ef", "2023-12-01"] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }
}
