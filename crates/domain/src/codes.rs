//! The closed code lists of `docs/data-model.md#code-lists`: target sectors,
//! modus operandi, status and date precision. Labels live in the translation
//! catalogues.

macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// What the code list is called in messages.
            pub const WHAT: &'static str = $what;

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Parses a code, ignoring case and surrounding spaces.
            pub fn parse(input: &str) -> Option<$name> {
                let input = input.trim();
                Self::ALL.iter().copied().find(|v| v.code().eq_ignore_ascii_case(input))
            }

            /// The valid codes, for error messages.
            pub fn codes() -> String {
                Self::ALL.iter().map(|v| v.code()).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }
    };
}

code_enum!(
    /// Target sector (`target`).
    Target, "target sector" {
        Military => "military",
        Security => "security",
        Government => "government",
        Civilians => "civilians",
        Religious => "religious",
        Education => "education",
        Business => "business",
        Infrastructure => "infrastructure",
        Humanitarian => "humanitarian",
        Media => "media",
        Diplomatic => "diplomatic",
        ArmedGroups => "armed_groups",
        Other => "other",
        Unknown => "unknown",
    }
);

code_enum!(
    /// Modus operandi (`method`).
    Method, "modus operandi" {
        ArmedAssault => "armed_assault",
        Ambush => "ambush",
        Explosive => "explosive",
        Suicide => "suicide",
        IndirectFire => "indirect_fire",
        Drone => "drone",
        Kidnapping => "kidnapping",
        HostageTaking => "hostage_taking",
        Assassination => "assassination",
        FacilityAttack => "facility_attack",
        Other => "other",
        Unknown => "unknown",
    }
);

code_enum!(
    /// Verification status: statistics count verified incidents only.
    Status, "status" {
        Draft => "draft",
        Verified => "verified",
    }
);

code_enum!(
    /// How exact an incident's `date` is.
    DatePrecision, "date precision" {
        Day => "day",
        Week => "week",
        Month => "month",
        // GTD rows whose month is unknown (`docs/data-model.md#date-precision`)
        Year => "year",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_exactly_those_of_the_data_model() {
        let targets: Vec<_> = Target::ALL.iter().map(|t| t.code()).collect();
        assert_eq!(
            targets,
            [
                "military",
                "security",
                "government",
                "civilians",
                "religious",
                "education",
                "business",
                "infrastructure",
                "humanitarian",
                "media",
                "diplomatic",
                "armed_groups",
                "other",
                "unknown"
            ]
        );
        let methods: Vec<_> = Method::ALL.iter().map(|m| m.code()).collect();
        assert_eq!(
            methods,
            [
                "armed_assault",
                "ambush",
                "explosive",
                "suicide",
                "indirect_fire",
                "drone",
                "kidnapping",
                "hostage_taking",
                "assassination",
                "facility_attack",
                "other",
                "unknown"
            ]
        );
    }

    #[test]
    fn parse_ignores_case_and_rejects_unknown() {
        assert_eq!(Target::parse(" Military "), Some(Target::Military));
        assert_eq!(Method::parse("IED"), None);
        assert_eq!(Status::parse("VERIFIED"), Some(Status::Verified));
        assert_eq!(DatePrecision::parse("year"), Some(DatePrecision::Year));
        assert_eq!(DatePrecision::parse("decade"), None);
    }
}
