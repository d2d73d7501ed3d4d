//! UCDP GED onto Vigie's codes: `type_of_violence` and the two sides give
//! the target and the perpetrator, `date_prec` the date precision and
//! `where_prec` the geographic precision. Every table is documented, row by
//! row, in `docs/mapping-ucdp.md` (the test below keeps the two in step).
//!
//! UCDP has no weapon or tactic field: the method is `unknown` for every
//! type of violence rather than a guess.

/// `type_of_violence` → target sector. A state-based event (1) pits a
/// government against an organised group: the target is the state's armed
/// forces. Non-state conflict (2) is fought between organised groups.
/// One-sided violence (3) is violence against civilians.
pub const TARGETS: &[(&str, &str)] = &[("1", "military"), ("2", "armed_groups"), ("3", "civilians")];

/// `type_of_violence` → method: UCDP says nothing of the modus operandi.
pub const METHODS: &[(&str, &str)] = &[("1", "unknown"), ("2", "unknown"), ("3", "unknown")];

/// `date_prec` → date precision. UCDP codebook: 1 the exact day is known;
/// 2 the event spans 2 to 6 days, dates unspecified; 3 only the week is
/// known; 4 only the month; 5 only the year.
pub const DATE_PRECISIONS: &[(&str, &str)] =
    &[("1", "day"), ("2", "week"), ("3", "week"), ("4", "month"), ("5", "year")];

/// `where_prec` → geo precision (1 exact place, 2 near / district, 3 region
/// or country). UCDP codebook: 1 the exact place; 2 a limited area around a
/// place; 3 a second-order division (district, municipality); 4 a
/// first-order division (province); 5 a part of a country larger than a
/// province, or between two places; 6 the whole country; 7 over water or in
/// international airspace.
pub const GEO_PRECISIONS: &[(&str, &str)] =
    &[("1", "1"), ("2", "2"), ("3", "2"), ("4", "3"), ("5", "3"), ("6", "3"), ("7", "3")];

/// How UCDP names a state's side: "Government of Mali".
pub const GOVERNMENT_PREFIX: &str = "Government of ";

/// UCDP's three types of organised violence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Violence {
    StateBased,
    NonState,
    OneSided,
}

impl Violence {
    pub fn from_code(code: u64) -> Option<Violence> {
        match code {
            1 => Some(Violence::StateBased),
            2 => Some(Violence::NonState),
            3 => Some(Violence::OneSided),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Violence::StateBased => "1",
            Violence::NonState => "2",
            Violence::OneSided => "3",
        }
    }

    /// For descriptions.
    pub fn label(self) -> &'static str {
        match self {
            Violence::StateBased => "State-based conflict",
            Violence::NonState => "Non-state conflict",
            Violence::OneSided => "One-sided violence",
        }
    }
}

/// One of the two sides of a UCDP dyad.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    A,
    B,
}

/// Who did what to whom, as far as a UCDP row tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution<'a> {
    /// The perpetrator's name as UCDP spells it; `None` for `unknown`.
    pub perpetrator: Option<&'a str>,
    /// The side whose deaths (`deaths_a` / `deaths_b`) are the
    /// perpetrators'; `None` when that cannot be said.
    pub perpetrator_side: Option<Side>,
    pub target: &'static str,
    pub method: &'static str,
}

/// A government's side ("Government of Mali", or a coalition of governments).
pub fn is_government(side: &str) -> bool {
    side.trim().starts_with(GOVERNMENT_PREFIX)
}

/// The side's name when it names one actor. UCDP lists the members of a
/// coalition side in alphabetical order, separated by ", " ("Afisare,
/// Anaguta, Birom"): none of them is *the* perpetrator, so `None`, as for an
/// empty side.
pub fn single_actor(side: &str) -> Option<&str> {
    let side = side.trim();
    (!side.is_empty() && !side.contains(", ")).then_some(side)
}

/// Perpetrator, target and method of a row, and whose deaths are the
/// perpetrators':
/// - state-based (1): the perpetrator is the side that is not a government,
///   the target `military`; two governments (an interstate conflict) name no
///   perpetrator; no government side at all (never met: UCDP defines the type
///   by a government's presence) names neither perpetrator nor target;
/// - non-state (2): side A, against `armed_groups` (UCDP's order of the two
///   sides does not say who attacked: side A is a convention);
/// - one-sided (3): side A, against `civilians`; UCDP counts only the
///   civilians killed, so nothing is said of the perpetrators' deaths.
pub fn attribute<'a>(violence: Violence, side_a: &'a str, side_b: &'a str) -> Attribution<'a> {
    let (perpetrator_side, target) = match violence {
        Violence::StateBased => match (is_government(side_a), is_government(side_b)) {
            (true, false) => (Some(Side::B), code(TARGETS, "1")),
            (false, true) => (Some(Side::A), code(TARGETS, "1")),
            (true, true) => (None, code(TARGETS, "1")),
            (false, false) => (None, "unknown"),
        },
        Violence::NonState => (Some(Side::A), code(TARGETS, "2")),
        Violence::OneSided => (Some(Side::A), code(TARGETS, "3")),
    };
    let perpetrator = perpetrator_side.and_then(|side| match side {
        Side::A => single_actor(side_a),
        Side::B => single_actor(side_b),
    });
    let perpetrators_killed_side = if violence == Violence::OneSided { None } else { perpetrator_side };
    Attribution {
        perpetrator,
        perpetrator_side: perpetrators_killed_side,
        target,
        method: code(METHODS, violence.code()),
    }
}

/// `date_prec` → `day`, `week`, `month` or `year`.
pub fn date_precision(date_prec: u64) -> Option<&'static str> {
    lookup(DATE_PRECISIONS, date_prec)
}

/// `where_prec` → `1`, `2` or `3`.
pub fn geo_precision(where_prec: u64) -> Option<&'static str> {
    lookup(GEO_PRECISIONS, where_prec)
}

fn lookup(table: &[(&str, &'static str)], value: u64) -> Option<&'static str> {
    let value = value.to_string();
    table.iter().find(|(key, _)| *key == value).map(|(_, code)| *code)
}

fn code(table: &[(&str, &'static str)], key: &str) -> &'static str {
    table.iter().find(|(k, _)| *k == key).map_or("unknown", |(_, code)| *code)
}

/// UCDP names the Islamic State "IS" wherever it fights; the coalition's
/// statistics follow its provinces. Country as UCDP writes it → group id.
pub const IS_PROVINCES: &[(&str, &str)] = &[
    ("Burkina Faso", "is-sahel"),
    ("Mali", "is-sahel"),
    ("Niger", "is-sahel"),
    ("Nigeria", "iswap"),
    ("Cameroon", "iswap"),
    ("Chad", "iswap"),
    ("Somalia", "is-somalia"),
    ("Afghanistan", "is-khorasan"),
    ("Pakistan", "is-pakistan"),
    ("Mozambique", "is-mozambique"),
    ("DR Congo (Zaire)", "adf"),
    ("Egypt", "is-sinai"),
];

/// UCDP's side name for the Islamic State.
pub const IS_SIDE: &str = "IS";

/// The province of the Islamic State a UCDP "IS" row belongs to: by country,
/// and in Niger by region (Diffa lies in the Lake Chad basin, where the West
/// Africa Province fights; the rest of Niger is the Sahel Province's).
pub fn is_province(country: &str, admin1: &str) -> Option<&'static str> {
    if country == "Niger" && admin1.to_ascii_lowercase().starts_with("diffa") {
        return Some("iswap");
    }
    IS_PROVINCES.iter().find(|(name, _)| *name == country).map(|(_, group)| *group)
}

#[cfg(test)]
mod tests {
    use vigie_domain::codes::{DatePrecision, Method, Target};

    use super::*;

    const DOC: &str = include_str!("../../../../docs/mapping-ucdp.md");

    /// The first two cells of each table row of the document.
    fn doc_rows() -> Vec<(String, String)> {
        DOC.lines()
            .filter(|line| line.trim_start().starts_with('|'))
            .filter_map(|line| {
                let mut cells = line.trim().trim_start_matches('|').split('|').map(|c| c.trim().replace('`', ""));
                Some((cells.next()?, cells.next()?))
            })
            .collect()
    }

    #[test]
    fn every_table_entry_is_documented() {
        let rows = doc_rows();
        for (name, table) in [
            ("TARGETS", TARGETS),
            ("METHODS", METHODS),
            ("DATE_PRECISIONS", DATE_PRECISIONS),
            ("GEO_PRECISIONS", GEO_PRECISIONS),
            ("IS_PROVINCES", IS_PROVINCES),
        ] {
            for (value, code) in table {
                assert!(
                    rows.iter().any(|(v, c)| v == value && c == code),
                    "{name}: no row `| {value} | {code} |` in docs/mapping-ucdp.md"
                );
            }
        }
    }

    #[test]
    fn codes_are_vigie_codes() {
        for (_, code) in TARGETS {
            assert!(Target::parse(code).is_some(), "{code}");
        }
        for (_, code) in METHODS {
            assert!(Method::parse(code).is_some(), "{code}");
        }
        for (_, code) in DATE_PRECISIONS {
            assert!(DatePrecision::parse(code).is_some(), "{code}");
        }
        for (_, code) in GEO_PRECISIONS {
            assert!(["1", "2", "3"].contains(code), "{code}");
        }
    }

    #[test]
    fn islamic_state_provinces() {
        assert_eq!(is_province("Burkina Faso", "Sahel region"), Some("is-sahel"));
        assert_eq!(is_province("Niger", "Tillaberi region"), Some("is-sahel"));
        assert_eq!(is_province("Niger", "Diffa region"), Some("iswap"));
        assert_eq!(is_province("Syria", "Deir ez-Zor"), None);
        let groups = vigie_domain::GroupRegister::builtin();
        for (_, group) in IS_PROVINCES {
            assert!(groups.get(group).is_some(), "{group} is a shipped group");
        }
    }

    #[test]
    fn precisions() {
        assert_eq!(date_precision(1), Some("day"));
        assert_eq!(date_precision(2), Some("week"));
        assert_eq!(date_precision(4), Some("month"));
        assert_eq!(date_precision(5), Some("year"));
        assert_eq!(date_precision(0), None);
        assert_eq!(date_precision(6), None);
        assert_eq!(geo_precision(1), Some("1"));
        assert_eq!(geo_precision(3), Some("2"));
        assert_eq!(geo_precision(4), Some("3"));
        assert_eq!(geo_precision(7), Some("3"));
        assert_eq!(geo_precision(8), None);
    }

    // sides as met in the real files
    #[test]
    fn state_based_names_the_non_government_side() {
        let a = attribute(Violence::StateBased, "Government of Burkina Faso", "JNIM");
        assert_eq!(a.perpetrator, Some("JNIM"));
        assert_eq!(a.perpetrator_side, Some(Side::B));
        assert_eq!((a.target, a.method), ("military", "unknown"));
        let a = attribute(Violence::StateBased, "Government of Myanmar (Burma)", "MNDAA");
        assert_eq!(a.perpetrator, Some("MNDAA"));
        // interstate: no perpetrator
        let a = attribute(Violence::StateBased, "Government of India", "Government of Pakistan");
        assert_eq!((a.perpetrator, a.perpetrator_side, a.target), (None, None, "military"));
        let a = attribute(Violence::StateBased, "UNITA", "Government of Angola");
        assert_eq!((a.perpetrator, a.perpetrator_side), (Some("UNITA"), Some(Side::A)));
        let a = attribute(Violence::StateBased, "UNITA", "FNLA");
        assert_eq!((a.perpetrator, a.target), (None, "unknown"));
    }

    #[test]
    fn non_state_and_one_sided_name_side_a() {
        let a = attribute(Violence::NonState, "Supporters of Awami League", "Supporters of BNP");
        assert_eq!(a.perpetrator, Some("Supporters of Awami League"));
        assert_eq!((a.perpetrator_side, a.target), (Some(Side::A), "armed_groups"));
        let a = attribute(Violence::OneSided, "JNIM", "Civilians");
        assert_eq!((a.perpetrator, a.perpetrator_side, a.target), (Some("JNIM"), None, "civilians"));
        let a = attribute(Violence::OneSided, "Government of Burkina Faso", "Civilians");
        assert_eq!(a.perpetrator, Some("Government of Burkina Faso"));
    }

    #[test]
    fn coalitions_name_no_single_perpetrator() {
        let a = attribute(Violence::NonState, "Afisare, Anaguta, Birom", "Fulani, Hausa");
        assert_eq!((a.perpetrator, a.perpetrator_side), (None, Some(Side::A)));
        assert_eq!(single_actor(" IS "), Some("IS"));
        assert_eq!(single_actor(""), None);
        assert_eq!(
            single_actor("Hizb-i Islami-yi Afghanistan - Khalis faction"),
            Some("Hizb-i Islami-yi Afghanistan - Khalis faction")
        );
    }
}
