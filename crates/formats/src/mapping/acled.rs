//! How ACLED's categories map onto Vigie's codes. Every table is documented,
//! entry by entry, in `docs/mapping-acled.md` (a test below checks it).
//!
//! ACLED codes one event between (at most) two actors: `actor1` and
//! `actor2`, each with an actor type `inter1`/`inter2` (a number 1–8 up to
//! 2023, its name since), an `event_type` and, since 2019, a
//! `sub_event_type`. Values are matched ignoring case, surrounding spaces and
//! spaces around `-` and `/` ("Battle - No change of territory" is
//! "Battle-No change of territory").

/// `sub_event_type` (all ACLED sub-event types since 2019) → `method`.
pub const METHOD_BY_SUB_EVENT_TYPE: &[(&str, &str)] = &[
    // Battles
    ("Armed clash", "armed_assault"),
    ("Government regains territory", "armed_assault"),
    ("Non-state actor overtakes territory", "armed_assault"),
    // Explosions/Remote violence
    ("Chemical weapon", "other"),
    ("Air/drone strike", "drone"),
    ("Suicide bomb", "suicide"),
    ("Shelling/artillery/missile attack", "indirect_fire"),
    ("Remote explosive/landmine/IED", "explosive"),
    ("Grenade", "explosive"),
    // Violence against civilians
    ("Sexual violence", "other"),
    ("Attack", "armed_assault"),
    ("Abduction/forced disappearance", "kidnapping"),
    // Protests (skipped unless all events are asked for)
    ("Peaceful protest", "other"),
    ("Protest with intervention", "other"),
    ("Excessive force against protesters", "armed_assault"),
    // Riots (skipped unless all events are asked for)
    ("Violent demonstration", "other"),
    ("Mob violence", "other"),
    // Strategic developments (skipped unless all events are asked for)
    ("Agreement", "other"),
    ("Arrests", "other"),
    ("Change to group/activity", "other"),
    ("Disrupted weapons use", "other"),
    ("Headquarters or base established", "other"),
    ("Looting/property destruction", "facility_attack"),
    ("Non-violent transfer of territory", "other"),
    ("Other", "other"),
];

/// `event_type` → `method`, used when the row has no `sub_event_type` (the
/// legacy layouts before 2019) or one this table set does not know.
pub const METHOD_BY_EVENT_TYPE: &[(&str, &str)] = &[
    // since 2019
    ("Battles", "armed_assault"),
    ("Explosions/Remote violence", "explosive"),
    ("Violence against civilians", "armed_assault"),
    ("Protests", "other"),
    ("Riots", "other"),
    ("Strategic developments", "other"),
    // legacy layouts (version 7 and earlier)
    ("Battle-No change of territory", "armed_assault"),
    ("Battle-Government regains territory", "armed_assault"),
    ("Battle-Non-state actor overtakes territory", "armed_assault"),
    ("Remote violence", "explosive"),
    ("Riots/Protests", "other"),
    ("Strategic development", "other"),
    ("Non-violent transfer of territory", "other"),
    ("Headquarters or base established", "other"),
];

/// Event types that are not terrorist operations: left out of an import
/// unless all events are asked for (`--all-events`).
pub const SKIPPED_EVENT_TYPES: &[&str] = &[
    "Protests",
    "Riots",
    "Strategic developments",
    "Riots/Protests",
    "Strategic development",
    "Non-violent transfer of territory",
    "Headquarters or base established",
];

/// Two-sided event types: ACLED's actor order does not say who attacked, so
/// the perpetrator is the non-state armed actor when there is one.
pub const BATTLE_EVENT_TYPES: &[&str] = &[
    "Battles",
    "Battle-No change of territory",
    "Battle-Government regains territory",
    "Battle-Non-state actor overtakes territory",
];

/// `inter1`/`inter2` → ACLED actor type (1 state forces … 8 external/other
/// forces): numbers up to 2023, names since.
pub const ACTOR_TYPES: &[(&str, u8)] = &[
    ("1", 1),
    ("State forces", 1),
    ("2", 2),
    ("Rebel group", 2),
    ("3", 3),
    ("Political militia", 3),
    ("4", 4),
    ("Identity militia", 4),
    ("5", 5),
    ("Rioters", 5),
    ("6", 6),
    ("Protesters", 6),
    ("7", 7),
    ("Civilians", 7),
    ("8", 8),
    ("External/Other forces", 8),
];

/// The actor types that can be a perpetrator group in a battle: rebel
/// groups, political militias, identity militias.
pub const ARMED_ACTOR_TYPES: &[u8] = &[2, 3, 4];

/// The target's actor type → `target`.
pub const TARGET_BY_ACTOR_TYPE: &[(u8, &str)] = &[
    (1, "military"),
    (2, "armed_groups"),
    (3, "armed_groups"),
    (4, "armed_groups"),
    (5, "civilians"),
    (6, "civilians"),
    (7, "civilians"),
    (8, "military"),
];

/// `civilian_targeting` (since 2023) → `target`.
pub const TARGET_BY_CIVILIAN_TARGETING: &[(&str, &str)] = &[("Civilian targeting", "civilians")];

/// Refinements of a `military` or `civilians` target by the words of the
/// target actor's name or of its associated actors (first match wins).
pub const TARGET_BY_ACTOR_NAME: &[(&str, &str)] = &[
    ("Police Forces", "security"),
    ("Private Security Forces", "security"),
    ("Government of", "government"),
    ("United Nations", "diplomatic"),
    ("Aid Workers", "humanitarian"),
    ("Journalists", "media"),
    ("Teachers", "education"),
    ("Students", "education"),
];

/// Perpetrator names that name nobody: the perpetrator is `unknown`.
pub const PERPETRATOR_BY_NAME_PREFIX: &[(&str, &str)] = &[("Unidentified", "unknown")];

/// A word of `notes` that refines an `armed_assault` (ACLED has no
/// sub-event type for ambushes).
pub const METHOD_BY_NOTES_WORD: &[(&str, &str)] = &[("ambush", "ambush")];

/// `time_precision` → `date_precision`.
pub const DATE_PRECISION: &[(&str, &str)] = &[("1", "day"), ("2", "week"), ("3", "month")];

/// `geo_precision` → `geo_precision` (the same scale).
pub const GEO_PRECISION: &[(&str, &str)] = &[("1", "1"), ("2", "2"), ("3", "3")];

/// A value's matching key: lower case, spaces collapsed, none around `-`
/// and `/`.
fn key(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut space = false;
    for ch in value.trim().chars() {
        if ch.is_whitespace() {
            space = true;
            continue;
        }
        let joiner = ch == '-' || ch == '/';
        if space && !joiner && !out.ends_with(['-', '/']) && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(ch.to_lowercase());
    }
    out
}

fn lookup<T: Copy>(table: &[(&str, T)], value: &str) -> Option<T> {
    let value = key(value);
    if value.is_empty() {
        return None;
    }
    table.iter().find(|(name, _)| key(name) == value).map(|&(_, code)| code)
}

fn listed(list: &[&str], value: &str) -> bool {
    let value = key(value);
    !value.is_empty() && list.iter().any(|name| key(name) == value)
}

/// An event type left out unless all events are asked for.
pub fn is_skipped(event_type: &str) -> bool {
    listed(SKIPPED_EVENT_TYPES, event_type)
}

/// The precision code of `time_precision` (`None` for other values).
pub fn date_precision(time_precision: &str) -> Option<&'static str> {
    lookup(DATE_PRECISION, number(time_precision))
}

/// The precision of `geo_precision` (`None` for other values).
pub fn geo_precision(value: &str) -> Option<&'static str> {
    lookup(GEO_PRECISION, number(value))
}

/// ACLED's actor type 1–8 from `inter1`/`inter2`; `None` when empty, `0`
/// (no such actor) or unknown.
pub fn actor_type(inter: &str) -> Option<u8> {
    lookup(ACTOR_TYPES, number(inter))
}

/// "3.0" (a spreadsheet's number) is "3".
fn number(value: &str) -> &str {
    let value = value.trim();
    value.strip_suffix(".0").filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())).unwrap_or(value)
}

/// The method of an event: its sub-event type, else its event type, then an
/// `armed_assault` whose notes speak of an ambush is an `ambush`.
pub fn method(event_type: &str, sub_event_type: &str, notes: &str) -> &'static str {
    let method = lookup(METHOD_BY_SUB_EVENT_TYPE, sub_event_type)
        .or_else(|| lookup(METHOD_BY_EVENT_TYPE, event_type))
        .unwrap_or("unknown");
    if method == "armed_assault" {
        let notes = notes.to_lowercase();
        if let Some(&(_, refined)) = METHOD_BY_NOTES_WORD.iter().find(|(word, _)| notes.contains(word)) {
            return refined;
        }
    }
    method
}

/// One of the two actors of an ACLED event.
#[derive(Debug, Clone, Copy, Default)]
pub struct Actor<'a> {
    /// `actor1` / `actor2`.
    pub name: &'a str,
    /// `assoc_actor_1` / `assoc_actor_2` (`ALLY_ACTOR_1`/`_2` in the legacy
    /// layout): names separated by `;`.
    pub associated: &'a str,
    /// `inter1` / `inter2`.
    pub inter: &'a str,
}

impl Actor<'_> {
    fn is_present(&self) -> bool {
        !self.name.trim().is_empty()
    }

    fn kind(&self) -> Option<u8> {
        actor_type(self.inter)
    }

    fn is_armed_group(&self) -> bool {
        self.is_present() && self.kind().is_some_and(|kind| ARMED_ACTOR_TYPES.contains(&kind))
    }
}

/// Who did it to whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sides {
    /// The perpetrator's name as ACLED spells it (the register resolves it),
    /// or `unknown`.
    pub perpetrator: String,
    pub target: &'static str,
}

/// The perpetrator and the target of an event. The perpetrator is `actor1`
/// (ACLED's acting side), except in battles, where it is the first of
/// `actor1`, `actor2` that is a non-state armed group (a battle between the
/// army and JNIM counts as a JNIM operation against the military). The
/// target follows from the other actor.
pub fn sides(event_type: &str, civilian_targeting: &str, actor1: Actor<'_>, actor2: Actor<'_>) -> Sides {
    let battle = listed(BATTLE_EVENT_TYPES, event_type);
    let (perpetrator, other) =
        if battle && !actor1.is_armed_group() && actor2.is_armed_group() { (actor2, actor1) } else { (actor1, actor2) };
    Sides { perpetrator: perpetrator_name(perpetrator.name), target: target(civilian_targeting, other) }
}

/// The name passed to the register: ACLED's, or `unknown` for an
/// unidentified or missing actor. ACLED dates state actors by government
/// ("Military Forces of Mali (2021-)", "… (2012-2013)"); the period is
/// dropped so that one army is one group.
pub fn perpetrator_name(name: &str) -> String {
    let name = without_period(name.trim());
    if name.is_empty() {
        return "unknown".into();
    }
    let lower = name.to_lowercase();
    match PERPETRATOR_BY_NAME_PREFIX.iter().find(|(prefix, _)| lower.starts_with(&prefix.to_lowercase())) {
        Some(&(_, code)) => code.into(),
        None => name.into(),
    }
}

/// "Military Forces of Mali (2021-)" → "Military Forces of Mali": a final
/// parenthesis holding only a year range (`YYYY-`, `YYYY-YYYY`) goes.
fn without_period(name: &str) -> &str {
    let Some(open) = name.rfind(" (") else { return name };
    let inside = &name[open + 2..];
    let Some(range) = inside.strip_suffix(')') else { return name };
    let years: Vec<&str> = range.split('-').collect();
    let is_year = |part: &str| part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit());
    let period = match years.as_slice() {
        [from, to] => is_year(from) && (to.is_empty() || is_year(to)),
        _ => false,
    };
    if period { name[..open].trim_end() } else { name }
}

/// The target sector of the actor on the receiving end.
fn target(civilian_targeting: &str, other: Actor<'_>) -> &'static str {
    let base = lookup(TARGET_BY_CIVILIAN_TARGETING, civilian_targeting)
        .or_else(|| {
            if other.is_present() { other.kind() } else { None }
                .and_then(|kind| TARGET_BY_ACTOR_TYPE.iter().find(|(k, _)| *k == kind).map(|&(_, code)| code))
        })
        .unwrap_or("unknown");
    if base != "military" && base != "civilians" {
        return base;
    }
    let names = std::iter::once(other.name).chain(other.associated.split(';')).map(str::to_lowercase);
    for name in names {
        if let Some(&(_, code)) = TARGET_BY_ACTOR_NAME.iter().find(|(word, _)| name.contains(&word.to_lowercase())) {
            return code;
        }
    }
    base
}

#[cfg(test)]
mod tests {

    #[test]
    fn state_actors_lose_their_period() {
        assert_eq!(perpetrator_name("Military Forces of Mali (2021-)"), "Military Forces of Mali");
        assert_eq!(perpetrator_name("Military Forces of Mali (2013-2020)"), "Military Forces of Mali");
        assert_eq!(perpetrator_name("Islamic State (Sahel)"), "Islamic State (Sahel)");
        assert_eq!(
            perpetrator_name("Police Forces of Niger (2023-) Gendarmerie"),
            "Police Forces of Niger (2023-) Gendarmerie"
        );
        assert_eq!(perpetrator_name("Unidentified Armed Group (Mali)"), "unknown");
    }

    use super::*;

    const DOC: &str = include_str!("../../../../docs/mapping-acled.md");

    fn doc_has_row(value: &str, code: &str) -> bool {
        DOC.contains(&format!("| {value} | {code} |"))
    }

    /// The lines of the document's tables whose first cell is `value`.
    fn doc_rows(value: &str) -> Vec<&'static str> {
        DOC.lines().filter(|line| line.starts_with(&format!("| {value} |"))).collect()
    }

    #[test]
    fn every_table_entry_is_documented() {
        let pairs = METHOD_BY_SUB_EVENT_TYPE
            .iter()
            .chain(METHOD_BY_EVENT_TYPE)
            .chain(TARGET_BY_CIVILIAN_TARGETING)
            .chain(TARGET_BY_ACTOR_NAME)
            .chain(PERPETRATOR_BY_NAME_PREFIX)
            .chain(METHOD_BY_NOTES_WORD)
            .chain(DATE_PRECISION)
            .chain(GEO_PRECISION);
        for (value, code) in pairs {
            assert!(doc_has_row(value, code), "docs/mapping-acled.md lacks the row | {value} | {code} |");
        }
        for (value, kind) in ACTOR_TYPES {
            assert!(doc_has_row(value, &kind.to_string()), "docs/mapping-acled.md lacks | {value} | {kind} |");
        }
        for (kind, code) in TARGET_BY_ACTOR_TYPE {
            let armed = if ARMED_ACTOR_TYPES.contains(kind) { "yes" } else { "no" };
            assert!(
                DOC.contains(&format!("| {kind} | {code} | {armed} |")),
                "docs/mapping-acled.md lacks the row | {kind} | {code} | {armed} |"
            );
        }
        for event_type in SKIPPED_EVENT_TYPES {
            let rows = doc_rows(event_type);
            assert!(rows.iter().any(|row| row.contains("| skipped |")), "{event_type} is not documented as skipped");
        }
        for event_type in BATTLE_EVENT_TYPES {
            let rows = doc_rows(event_type);
            assert!(rows.iter().any(|row| row.contains("two-sided")), "{event_type} is not documented as two-sided");
        }
        for (event_type, _) in METHOD_BY_EVENT_TYPE {
            let rows = doc_rows(event_type);
            let skipped = rows.iter().any(|row| row.contains("| skipped |"));
            assert_eq!(skipped, is_skipped(event_type), "the document and the code disagree on {event_type}");
        }
    }

    #[test]
    fn codes_are_vigie_codes() {
        use vigie_domain::codes::{DatePrecision, Method, Target};
        let methods = METHOD_BY_SUB_EVENT_TYPE.iter().chain(METHOD_BY_EVENT_TYPE).chain(METHOD_BY_NOTES_WORD);
        for (_, code) in methods {
            assert!(Method::parse(code).is_some(), "{code}");
        }
        let targets = TARGET_BY_CIVILIAN_TARGETING.iter().chain(TARGET_BY_ACTOR_NAME).map(|(_, code)| *code);
        for code in targets.chain(TARGET_BY_ACTOR_TYPE.iter().map(|(_, code)| *code)) {
            assert!(Target::parse(code).is_some(), "{code}");
        }
        for (_, code) in DATE_PRECISION {
            assert!(DatePrecision::parse(code).is_some(), "{code}");
        }
    }

    #[test]
    fn values_match_whatever_their_case_and_spacing() {
        assert_eq!(method("", " armed CLASH ", ""), "armed_assault");
        assert_eq!(method("Battle - No change of territory", "", ""), "armed_assault");
        assert_eq!(method("Explosions / Remote violence", "Remote explosive / landmine / IED", ""), "explosive");
        assert!(is_skipped("RIOTS/PROTESTS"));
        assert!(is_skipped("strategic  developments"));
        assert!(!is_skipped("Violence against civilians"));
        assert!(!is_skipped(""));
        assert_eq!(key("  Non-state   actor - overtakes "), "non-state actor-overtakes");
    }

    #[test]
    fn methods_fall_back_to_the_event_type_then_unknown() {
        assert_eq!(method("Explosions/Remote violence", "Air/drone strike", ""), "drone");
        assert_eq!(method("Remote violence", "", ""), "explosive");
        assert_eq!(method("Violence against civilians", "A new sub-event type", ""), "armed_assault");
        assert_eq!(method("", "", ""), "unknown");
        assert_eq!(method("Something else", "", ""), "unknown");
    }

    #[test]
    fn an_armed_assault_told_as_an_ambush_is_an_ambush() {
        assert_eq!(method("Battles", "Armed clash", "JNIM militants AMBUSHED a convoy"), "ambush");
        assert_eq!(method("Violence against civilians", "Attack", "an ambush on the road"), "ambush");
        // other methods are kept
        assert_eq!(
            method("Explosions/Remote violence", "Remote explosive/landmine/IED", "ambush with IED"),
            "explosive"
        );
    }

    #[test]
    fn precisions_and_actor_types() {
        assert_eq!(date_precision("1"), Some("day"));
        assert_eq!(date_precision("2.0"), Some("week"));
        assert_eq!(date_precision(" 3 "), Some("month"));
        assert_eq!(date_precision("4"), None);
        assert_eq!(date_precision(""), None);
        assert_eq!(geo_precision("2"), Some("2"));
        assert_eq!(geo_precision("0"), None);
        assert_eq!(actor_type("1"), Some(1));
        assert_eq!(actor_type("state forces"), Some(1));
        assert_eq!(actor_type("External/Other forces"), Some(8));
        assert_eq!(actor_type("0"), None);
        assert_eq!(actor_type(""), None);
    }

    fn actor<'a>(name: &'a str, inter: &'a str) -> Actor<'a> {
        Actor { name, associated: "", inter }
    }

    #[test]
    fn the_acting_side_is_the_perpetrator() {
        let jnim = actor("JNIM: Group for Support of Islam and Muslims", "Rebel group");
        let army = actor("Military Forces of Mali (2021-)", "State forces");
        let civilians = actor("Civilians (Mali)", "Civilians");
        // one-sided: actor1 acts, even when it is the state
        let strike = sides("Explosions/Remote violence", "", army, jnim);
        assert_eq!(strike, Sides { perpetrator: "Military Forces of Mali".into(), target: "armed_groups" });
        let attack = sides("Violence against civilians", "Civilian targeting", jnim, civilians);
        assert_eq!(attack, Sides { perpetrator: jnim.name.into(), target: "civilians" });
        // battles: the non-state armed actor, whatever the order
        assert_eq!(sides("Battles", "", army, jnim), Sides { perpetrator: jnim.name.into(), target: "military" });
        assert_eq!(sides("Battles", "", jnim, army), Sides { perpetrator: jnim.name.into(), target: "military" });
        let is = actor("Islamic State (Sahel)", "2");
        assert_eq!(
            sides("Battle-No change of territory", "", is, jnim),
            Sides { perpetrator: is.name.into(), target: "armed_groups" }
        );
        // state against state: actor1
        let police = actor("Police Forces of Mali (2021-)", "1");
        assert_eq!(
            sides("Battles", "", army, police),
            Sides { perpetrator: "Military Forces of Mali".into(), target: "security" }
        );
    }

    #[test]
    fn unidentified_and_missing_actors_are_unknown() {
        let unidentified = actor("Unidentified Armed Group (Niger)", "3");
        let army = actor("Military Forces of Niger (2023-)", "1");
        assert_eq!(
            sides("Battles", "", army, unidentified),
            Sides { perpetrator: "unknown".into(), target: "military" }
        );
        let alone = sides("Explosions/Remote violence", "", actor("", ""), actor("", "0"));
        assert_eq!(alone, Sides { perpetrator: "unknown".into(), target: "unknown" });
        let no_target = sides("Explosions/Remote violence", "", actor("Al Shabaab", "2"), actor("", ""));
        assert_eq!(no_target.target, "unknown");
    }

    #[test]
    fn targets_are_refined_by_names() {
        let jnim = actor("JNIM: Group for Support of Islam and Muslims", "2");
        let target_of = |other: Actor<'_>, civilian_targeting: &str| {
            sides("Violence against civilians", civilian_targeting, jnim, other).target
        };
        let aid = Actor { name: "Civilians (Mali)", associated: "Women (Mali); Aid Workers (Mali)", inter: "7" };
        assert_eq!(target_of(aid, "Civilian targeting"), "humanitarian");
        assert_eq!(target_of(actor("Civilians (Mali)", "7"), ""), "civilians");
        assert_eq!(target_of(actor("Police Forces of Mali (2021-) Gendarmerie", "1"), ""), "security");
        assert_eq!(target_of(actor("Government of Mali (2021-)", "1"), ""), "government");
        let minusma = actor("MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali", "8");
        assert_eq!(target_of(minusma, ""), "diplomatic");
        assert_eq!(target_of(actor("Wagner Group", "External/Other forces"), ""), "military");
        assert_eq!(target_of(actor("Rioters (Mali)", "5"), ""), "civilians");
        assert_eq!(target_of(actor("Dozo Communal Militia (Mali)", "4"), ""), "armed_groups");
        // civilian targeting wins over the actor type
        assert_eq!(target_of(actor("Dozo Communal Militia (Mali)", "4"), "Civilian targeting"), "civilians");
        let students = Actor { name: "Civilians (Nigeria)", associated: "Students (Nigeria)", inter: "7" };
        assert_eq!(target_of(students, ""), "education");
    }
}
