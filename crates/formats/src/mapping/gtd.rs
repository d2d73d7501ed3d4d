//! How the Global Terrorism Database's categories map onto Vigie's codes:
//! `attacktype1_txt` (refined by `suicide` and, when the attack type is
//! unknown, by `weaptype1_txt`) → method, `targtype1_txt` → target,
//! `gname` → perpetrator name, `specificity` (and `vicinity`) → geo
//! precision. Every table is documented in `docs/mapping-gtd.md`; a test
//! below checks that the document lists every entry.
//!
//! Values are matched ignoring case and surrounding spaces; a value that is
//! in no table gives `unknown` (never an error: the GTD adds categories
//! rarely, and an unknown one must not stop an import).

use vigie_domain::{Method, Target};

/// `attacktype1_txt` → method. `suicide` = 1 turns any of them into
/// `suicide` (see [`method`]).
pub const ATTACK_TYPES: &[(&str, Method)] = &[
    ("Assassination", Method::Assassination),
    ("Armed Assault", Method::ArmedAssault),
    ("Bombing/Explosion", Method::Explosive),
    ("Hijacking", Method::HostageTaking),
    ("Hostage Taking (Barricade Incident)", Method::HostageTaking),
    ("Hostage Taking (Kidnapping)", Method::Kidnapping),
    ("Facility/Infrastructure Attack", Method::FacilityAttack),
    ("Unarmed Assault", Method::Other),
    ("Unknown", Method::Unknown),
];

/// `weaptype1_txt` → method, used only when the attack type gives
/// `unknown` (the attack type says how, the weapon only what with).
pub const WEAPON_TYPES: &[(&str, Method)] = &[
    ("Explosives", Method::Explosive),
    ("Explosives/Bombs/Dynamite", Method::Explosive),
    ("Firearms", Method::ArmedAssault),
    ("Incendiary", Method::FacilityAttack),
];

/// `targtype1_txt` → target.
pub const TARGET_TYPES: &[(&str, Target)] = &[
    ("Military", Target::Military),
    ("Police", Target::Security),
    ("Government (General)", Target::Government),
    ("Government (Diplomatic)", Target::Diplomatic),
    ("Private Citizens & Property", Target::Civilians),
    ("Religious Figures/Institutions", Target::Religious),
    ("Educational Institution", Target::Education),
    ("Business", Target::Business),
    ("Utilities", Target::Infrastructure),
    ("Telecommunication", Target::Infrastructure),
    ("Transportation", Target::Infrastructure),
    ("Airports & Aircraft", Target::Infrastructure),
    ("Maritime", Target::Infrastructure),
    ("Food or Water Supply", Target::Infrastructure),
    ("NGO", Target::Humanitarian),
    ("Journalists & Media", Target::Media),
    ("Terrorists/Non-State Militia", Target::ArmedGroups),
    ("Violent Political Party", Target::Other),
    ("Tourists", Target::Other),
    ("Abortion Related", Target::Other),
    ("Other", Target::Other),
    ("Unknown", Target::Unknown),
];

/// `specificity` → `geo_precision` (before the `vicinity` rule of
/// [`geo_precision`]).
pub const SPECIFICITY: &[(&str, &str)] = &[("1", "1"), ("2", "2"), ("3", "2"), ("4", "3"), ("5", "3")];

/// `gname` values that mean no known perpetrator.
pub const UNKNOWN_GROUP_NAMES: &[(&str, &str)] = &[("Unknown", "unknown"), ("", "unknown")];

fn find<T: Copy>(table: &[(&str, T)], value: &str) -> Option<T> {
    let value = value.trim();
    table.iter().find(|(name, _)| name.eq_ignore_ascii_case(value)).map(|(_, code)| *code)
}

/// The method of a row: the attack type; any suicide attack is `suicide`;
/// an unknown attack type falls back on the weapon type.
pub fn method(attack_type: &str, weapon_type: &str, suicide: bool) -> Method {
    if suicide {
        return Method::Suicide;
    }
    match find(ATTACK_TYPES, attack_type).unwrap_or(Method::Unknown) {
        Method::Unknown => find(WEAPON_TYPES, weapon_type).unwrap_or(Method::Unknown),
        method => method,
    }
}

/// The target sector of `targtype1_txt`; `unknown` when not in the table.
pub fn target(target_type: &str) -> Target {
    find(TARGET_TYPES, target_type).unwrap_or(Target::Unknown)
}

/// The perpetrator name to resolve: `gname` as the GTD spells it, or
/// `unknown`.
pub fn perpetrator(gname: &str) -> &str {
    find(UNKNOWN_GROUP_NAMES, gname).unwrap_or(gname.trim())
}

/// `geo_precision` from `specificity` (1 to 5) and `vicinity` (the event
/// happened near, not in, the place): an exact place in its vicinity is
/// `2` (near). `None` for a specificity outside 1 to 5.
pub fn geo_precision(specificity: &str, vicinity: bool) -> Option<&'static str> {
    match find(SPECIFICITY, specificity)? {
        "1" if vicinity => Some("2"),
        precision => Some(precision),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = include_str!("../../../../docs/mapping-gtd.md");

    fn documented(value: &str, code: &str) -> bool {
        let row = format!("| {value} | {code} |");
        DOC.lines().any(|line| line.trim().starts_with(&row))
    }

    #[test]
    fn every_table_entry_is_documented() {
        let mut missing = Vec::new();
        for (value, method) in ATTACK_TYPES.iter().chain(WEAPON_TYPES) {
            if !documented(value, method.code()) {
                missing.push(format!("| {value} | {} |", method.code()));
            }
        }
        for (value, target) in TARGET_TYPES {
            if !documented(value, target.code()) {
                missing.push(format!("| {value} | {} |", target.code()));
            }
        }
        for (value, code) in SPECIFICITY {
            if !documented(value, code) {
                missing.push(format!("| {value} | {code} |"));
            }
        }
        for (value, code) in UNKNOWN_GROUP_NAMES.iter().filter(|(value, _)| !value.is_empty()) {
            if !documented(value, code) {
                missing.push(format!("| {value} | {code} |"));
            }
        }
        assert!(missing.is_empty(), "not in docs/mapping-gtd.md: {missing:#?}");
        assert!(documented("(empty)", "unknown"));
    }

    #[test]
    fn the_codebook_values_are_all_mapped() {
        // the 9 attack types and 22 target types of the GTD codebook
        assert_eq!(ATTACK_TYPES.len(), 9);
        assert_eq!(TARGET_TYPES.len(), 22);
        for (value, _) in ATTACK_TYPES.iter().chain(WEAPON_TYPES) {
            assert_eq!(ATTACK_TYPES.iter().chain(WEAPON_TYPES).filter(|(v, _)| v == value).count(), 1, "{value}");
        }
    }

    #[test]
    fn methods_of_real_rows() {
        assert_eq!(method("Armed Assault", "Firearms", false), Method::ArmedAssault);
        assert_eq!(method("Bombing/Explosion", "Explosives", false), Method::Explosive);
        assert_eq!(method("Bombing/Explosion", "Explosives", true), Method::Suicide);
        assert_eq!(method("Armed Assault", "Firearms", true), Method::Suicide);
        assert_eq!(method("Hostage Taking (Kidnapping)", "Firearms", false), Method::Kidnapping);
        assert_eq!(method("Hostage Taking (Barricade Incident)", "Firearms", false), Method::HostageTaking);
        assert_eq!(method("Hijacking", "Unknown", false), Method::HostageTaking);
        assert_eq!(method("Facility/Infrastructure Attack", "Incendiary", false), Method::FacilityAttack);
        assert_eq!(method("Unarmed Assault", "Melee", false), Method::Other);
        assert_eq!(method(" assassination ", "Firearms", false), Method::Assassination);
        // the weapon type only speaks when the attack type is unknown
        assert_eq!(method("Unknown", "Explosives", false), Method::Explosive);
        assert_eq!(method("Unknown", "Explosives/Bombs/Dynamite", false), Method::Explosive);
        assert_eq!(method("Unknown", "Firearms", false), Method::ArmedAssault);
        assert_eq!(method("Unknown", "Melee", false), Method::Unknown);
        assert_eq!(method("", "", false), Method::Unknown);
        assert_eq!(method("Armed Assault", "Explosives", false), Method::ArmedAssault);
        assert_eq!(method("Something new", "Sabotage Equipment", false), Method::Unknown);
    }

    #[test]
    fn targets_of_real_rows() {
        assert_eq!(target("Military"), Target::Military);
        assert_eq!(target("Police"), Target::Security);
        assert_eq!(target("Government (Diplomatic)"), Target::Diplomatic);
        assert_eq!(target("Private Citizens & Property"), Target::Civilians);
        assert_eq!(target("Airports & Aircraft"), Target::Infrastructure);
        assert_eq!(target("NGO"), Target::Humanitarian);
        assert_eq!(target("Terrorists/Non-State Militia"), Target::ArmedGroups);
        assert_eq!(target("Tourists"), Target::Other);
        assert_eq!(target("Unknown"), Target::Unknown);
        assert_eq!(target(""), Target::Unknown);
        assert_eq!(target("journalists & media"), Target::Media);
    }

    #[test]
    fn perpetrators_and_geo_precision() {
        assert_eq!(perpetrator("Unknown"), "unknown");
        assert_eq!(perpetrator("  "), "unknown");
        assert_eq!(perpetrator(" Al-Shabaab "), "Al-Shabaab");
        assert_eq!(geo_precision("1", false), Some("1"));
        assert_eq!(geo_precision("1", true), Some("2"));
        assert_eq!(geo_precision("3", true), Some("2"));
        assert_eq!(geo_precision("4", false), Some("3"));
        assert_eq!(geo_precision("5", true), Some("3"));
        assert_eq!(geo_precision("6", false), None);
        assert_eq!(geo_precision("", false), None);
    }
}
