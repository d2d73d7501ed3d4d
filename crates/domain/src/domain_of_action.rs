//! The coalition's domains of action: the four lines of work an activity or
//! an article belongs to. Labels live in the translation catalogues.

/// One of the coalition's four domains of action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Domain {
    Ideological,
    Communication,
    CounterFinancing,
    Military,
}

impl Domain {
    pub const ALL: [Domain; 4] =
        [Domain::Ideological, Domain::Communication, Domain::CounterFinancing, Domain::Military];
    /// How the list is called in messages.
    pub const WHAT: &'static str = "domain";
    /// How several domains are separated in a CSV cell.
    pub const SEPARATOR: &'static str = " ; ";

    pub fn code(self) -> &'static str {
        match self {
            Domain::Ideological => "ideological",
            Domain::Communication => "communication",
            Domain::CounterFinancing => "counter_financing",
            Domain::Military => "military",
        }
    }

    /// Parses a code, ignoring case and surrounding spaces.
    pub fn parse(input: &str) -> Option<Domain> {
        let input = input.trim();
        Domain::ALL.into_iter().find(|d| d.code().eq_ignore_ascii_case(input))
    }

    /// The valid codes, for error messages.
    pub fn codes() -> String {
        Domain::ALL.map(Domain::code).join(", ")
    }
}

impl std::fmt::Display for Domain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl serde::Serialize for Domain {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for domain in Domain::ALL {
            assert_eq!(Domain::parse(domain.code()), Some(domain));
        }
        assert_eq!(Domain::parse(" Counter_Financing "), Some(Domain::CounterFinancing));
        assert_eq!(Domain::parse("financing"), None);
        assert_eq!(Domain::codes(), "ideological, communication, counter_financing, military");
    }
}
