//! The register of perpetrator groups: ids, names in fr/en/ar and aliases,
//! so that "JNIM", "GSIM" and "جماعة نصرة الإسلام والمسلمين" all mean `jnim`.

use std::collections::HashMap;

use serde::Deserialize;

use crate::Lang;
use crate::country::Names;
use crate::fold::{fold, name_key};
use crate::hash::Fnv64;

/// The id of the group that stands for "not claimed or not attributed".
pub const UNKNOWN_GROUP: &str = "unknown";

/// Where a group of the register comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupOrigin {
    /// Shipped with Vigie.
    Builtin,
    /// Added by an administrator.
    Added,
    /// Created by an import (`--new-groups`) from a name nobody knew.
    Imported,
}

impl GroupOrigin {
    pub fn code(self) -> &'static str {
        match self {
            GroupOrigin::Builtin => "builtin",
            GroupOrigin::Added => "added",
            GroupOrigin::Imported => "imported",
        }
    }

    pub fn parse(code: &str) -> Option<GroupOrigin> {
        match code {
            "builtin" => Some(GroupOrigin::Builtin),
            "added" => Some(GroupOrigin::Added),
            "imported" => Some(GroupOrigin::Imported),
            _ => None,
        }
    }
}

/// What kind of actor a group is. The terrorism statistics leave out the
/// incidents of state forces (`docs/data-model.md#perpetrator-kinds`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    /// A jihadist organisation.
    Jihadist,
    /// Another non-state armed group (separatist, rebel, …).
    ArmedGroup,
    /// A militia (communal, ethnic, political, self-defence).
    Militia,
    /// A state's own forces: army, police, gendarmerie, government.
    StateForces,
    /// Not known (what a group created by an import is until an analyst
    /// says otherwise, unless its name says it is a state's).
    #[default]
    Unknown,
}

impl GroupKind {
    pub const ALL: [GroupKind; 5] =
        [GroupKind::Jihadist, GroupKind::ArmedGroup, GroupKind::Militia, GroupKind::StateForces, GroupKind::Unknown];

    pub fn code(self) -> &'static str {
        match self {
            GroupKind::Jihadist => "jihadist",
            GroupKind::ArmedGroup => "armed_group",
            GroupKind::Militia => "militia",
            GroupKind::StateForces => "state_forces",
            GroupKind::Unknown => "unknown",
        }
    }

    pub fn parse(code: &str) -> Option<GroupKind> {
        GroupKind::ALL.into_iter().find(|kind| kind.code() == code.trim())
    }

    /// The kind an actor's name tells, in the datasets' naming: UCDP's
    /// `Government of …`, ACLED's `Military Forces of …` and `Police
    /// Forces of …` are state forces; ACLED's `… Militia` (`Communal
    /// Militia (Mali)`, `Dozo Militia`) a militia; anything else is not
    /// known from its name.
    pub fn of_actor_name(name: &str) -> GroupKind {
        let name = name.trim().to_lowercase();
        const STATE: [&str; 3] = ["government of ", "military forces of ", "police forces of "];
        if STATE.iter().any(|prefix| name.starts_with(prefix)) {
            GroupKind::StateForces
        } else if name.split(|c: char| !c.is_alphanumeric()).any(|word| word == "militia") {
            GroupKind::Militia
        } else {
            GroupKind::Unknown
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
pub struct Group {
    pub id: String,
    pub name: Names,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub kind: GroupKind,
    #[serde(skip_deserializing, default = "builtin")]
    pub origin: GroupOrigin,
}

fn builtin() -> GroupOrigin {
    GroupOrigin::Builtin
}

impl Group {
    /// The name in `lang`; when that one is empty, the English, then the
    /// French, then the Arabic one.
    pub fn name(&self, lang: Lang) -> &str {
        crate::partner::first_of(&self.name, lang)
    }

    /// Whether its name in `lang` is still to be written: empty, or, in
    /// Arabic, without an Arabic letter (an import copies the name it met
    /// into every language).
    pub fn name_awaits(&self, lang: Lang) -> bool {
        let name = self.name.get(lang).trim();
        name.is_empty() || (lang == Lang::Ar && !name.chars().any(crate::text::is_arabic_letter))
    }

    /// A group created from a name found in imported data, known by that
    /// name in every language until an administrator names it properly.
    pub fn from_unknown_name(name: &str) -> Group {
        let name = name.trim().to_string();
        Group {
            id: slug(&name),
            name: Names { fr: name.clone(), en: name.clone(), ar: name.clone() },
            kind: GroupKind::of_actor_name(&name),
            aliases: vec![name],
            origin: GroupOrigin::Imported,
        }
    }
}

/// The most characters of a folded name a slug keeps before it is cut and
/// made unique by a hash (ids stay within `valid_group_id`'s 64 bytes).
const SLUG_KEPT: usize = 40;

/// A lower-case, hyphenated id derived from a name ("Katiba Serma" →
/// `katiba-serma`), the same for every spelling `name_key` makes equal and
/// different for different keys: a name too long to keep whole is cut and
/// followed by a hash of its key, a name with no letter or digit ("???") is
/// `group-` and that hash.
pub fn slug(name: &str) -> String {
    let plain = fold(name).replace(' ', "-");
    if plain.len() <= 56 && valid_group_id(&plain) {
        return plain;
    }
    let mut hash = Fnv64::default();
    hash.write(name_key(name).as_bytes());
    // what a valid id may hold of the name, cut to leave room for the hash
    let mut kept: String = plain.chars().filter(|&c| c == '-' || (c.is_alphanumeric() && !c.is_uppercase())).collect();
    while kept.chars().count() > SLUG_KEPT || kept.len() > 64 - 17 {
        kept.pop();
    }
    let kept = kept.trim_matches('-');
    let kept = if kept.is_empty() { "group" } else { kept };
    format!("{kept}-{:016x}", hash.finish())
}

/// Checks that an id is usable as a stable group id.
pub fn valid_group_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        && id.chars().all(|c| !c.is_uppercase())
}

#[derive(Deserialize)]
struct GroupsFile {
    group: Vec<Group>,
}

/// All known groups, with a lookup from every id, name and alias.
#[derive(Debug, Clone, Default)]
pub struct GroupRegister {
    groups: Vec<Group>,
    by_id: HashMap<String, usize>,
    by_folded: HashMap<String, usize>,
}

impl GroupRegister {
    /// The groups shipped with Vigie (`data/groups.toml`).
    pub fn builtin() -> GroupRegister {
        let file: GroupsFile = toml::from_str(include_str!("../data/groups.toml"))
            .expect("the shipped groups.toml is valid (checked by tests)");
        let mut register = GroupRegister::default();
        for group in file.group {
            register.insert(group);
        }
        register
    }

    pub fn from_groups(groups: impl IntoIterator<Item = Group>) -> GroupRegister {
        let mut register = GroupRegister::default();
        for group in groups {
            register.insert(group);
        }
        register
    }

    /// Adds a group; the first group to claim a name keeps it.
    pub fn insert(&mut self, group: Group) {
        let index = self.groups.len();
        self.by_id.insert(group.id.clone(), index);
        let names = [&group.id, &group.name.fr, &group.name.en, &group.name.ar];
        for key in names.into_iter().chain(group.aliases.iter()) {
            let folded = name_key(key);
            if !folded.is_empty() {
                self.by_folded.entry(folded).or_insert(index);
            }
        }
        self.groups.push(group);
    }

    /// Resolves an id, a name in any language or an alias.
    pub fn resolve(&self, input: &str) -> Option<&Group> {
        let trimmed = input.trim();
        if let Some(&index) = self.by_id.get(trimmed) {
            return Some(&self.groups[index]);
        }
        self.by_folded.get(&name_key(trimmed)).map(|&index| &self.groups[index])
    }

    pub fn get(&self, id: &str) -> Option<&Group> {
        self.by_id.get(id).map(|&index| &self.groups[index])
    }

    /// The name of a group in a language, or its id when unknown.
    pub fn name(&self, id: &str, lang: Lang) -> String {
        self.get(id).map(|g| g.name(lang).to_string()).unwrap_or_else(|| id.to_string())
    }

    pub fn iter(&self) -> impl Iterator<Item = &Group> {
        self.groups.iter()
    }

    pub fn len(&self) -> usize {
        self.groups.len()
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(input: &str) -> Option<String> {
        GroupRegister::builtin().resolve(input).map(|g| g.id.clone())
    }

    #[test]
    fn ships_the_required_groups() {
        let register = GroupRegister::builtin();
        for required in [
            "jnim",
            "is-sahel",
            "iswap",
            "boko-haram",
            "ansarul-islam",
            "aqim",
            "al-shabaab",
            "is-somalia",
            "aqap",
            "ttp",
            "is-khorasan",
            "unknown",
        ] {
            let group = register.get(required).unwrap_or_else(|| panic!("{required} missing"));
            assert!(!group.name.fr.is_empty() && !group.name.en.is_empty() && !group.name.ar.is_empty());
        }
    }

    #[test]
    fn resolves_aliases_in_three_languages() {
        for alias in [
            "JNIM",
            "GSIM",
            "Jama'at Nusrat al-Islam wal-Muslimin",
            "JNIM: Group for Support of Islam and Muslims",
            "جماعة نصرة الإسلام والمسلمين",
            "jnim",
        ] {
            assert_eq!(id(alias).as_deref(), Some("jnim"), "{alias}");
        }
        assert_eq!(id("EIGS").as_deref(), Some("is-sahel"));
        assert_eq!(id("Islamic State (Sahel)").as_deref(), Some("is-sahel"));
        assert_eq!(id("Al Shabaab").as_deref(), Some("al-shabaab"));
        assert_eq!(id("Boko Haram").as_deref(), Some("boko-haram"));
        assert_eq!(id("No such group"), None);
    }

    #[test]
    fn no_alias_names_two_groups() {
        let file: GroupsFile = toml::from_str(include_str!("../data/groups.toml")).unwrap();
        let mut seen: HashMap<String, String> = HashMap::new();
        for group in &file.group {
            assert!(valid_group_id(&group.id), "bad id {}", group.id);
            let mut keys = vec![group.id.clone(), group.name.fr.clone(), group.name.en.clone(), group.name.ar.clone()];
            keys.extend(group.aliases.iter().cloned());
            for key in keys {
                if let Some(other) = seen.insert(fold(&key), group.id.clone()) {
                    assert_eq!(other, group.id, "{key:?} names both {other} and {}", group.id);
                }
            }
        }
    }

    #[test]
    fn slugs_unknown_names() {
        assert_eq!(slug("Katiba Serma"), "katiba-serma");
        let long = slug(&"Afisare, Anaguta, Birom, Irigwe and many other communities of Plateau state".repeat(2));
        assert!(long.len() <= 64 && valid_group_id(&long) && !long.ends_with('-'), "{long}");
        let other = slug(&"Afisare, Anaguta, Birom, Irigwe and many other communities of Plateau state".repeat(3));
        assert_ne!(long, other, "names cut to the same start keep apart");
        assert!(slug("???").starts_with("group-") && valid_group_id(&slug("???")));
        assert_eq!(slug("???"), slug(" ??? "));
        assert_ne!(slug("???"), slug("-"));
        assert_eq!(slug("…"), slug("..."));
        assert_eq!(Group::from_unknown_name(" Ansar Dine (Mali) ").id, "ansar-dine-mali");
        assert!(valid_group_id("is-sahel"));
        assert!(!valid_group_id("IS Sahel"));
    }
}

/// The longest name of a group in one language.
pub const MAX_GROUP_NAME: usize = 200;

/// A group's names as typed (`name_fr`, `name_en`, `name_ar`): each one line
/// of at most [`MAX_GROUP_NAME`] characters, without a hidden character,
/// and at least one given; or what is wrong with each.
pub fn group_names(fr: &str, en: &str, ar: &str) -> Result<Names, Vec<crate::FieldError>> {
    let mut errors = Vec::new();
    let mut one = |column: &str, value: &str| {
        crate::activity::text(column, &Some(value.to_string()), MAX_GROUP_NAME, false, &mut errors)
    };
    let names = Names { fr: one("name_fr", fr), en: one("name_en", en), ar: one("name_ar", ar) };
    if errors.is_empty() && names.fr.is_empty() && names.en.is_empty() && names.ar.is_empty() {
        let columns = ["name_fr", "name_en", "name_ar"].map(String::from).to_vec();
        errors.push(crate::FieldError::new("name_en", crate::FieldErrorKind::AtLeastOneOf { columns }, ""));
    }
    if errors.is_empty() { Ok(names) } else { Err(errors) }
}

#[cfg(test)]
mod name_tests {
    use super::*;

    #[test]
    fn a_name_awaits_its_arabic_until_it_is_written_in_arabic_letters() {
        let mut group = Group::from_unknown_name("Katiba Serma");
        assert!(group.name_awaits(Lang::Ar));
        assert!(!group.name_awaits(Lang::Fr) && !group.name_awaits(Lang::En));
        group.name.ar = "كتيبة سيرما".into();
        assert!(!group.name_awaits(Lang::Ar));
        group.name.ar = "2023 ،".into();
        assert!(group.name_awaits(Lang::Ar), "digits and punctuation are not a name");
        group.name.fr = " ".into();
        assert!(group.name_awaits(Lang::Fr));
    }

    #[test]
    fn names_are_one_line_each_and_one_at_least() {
        assert_eq!(group_names(" Katiba ", "", "كتيبة").unwrap().fr, "Katiba");
        let errors = group_names("a\nb", &"x".repeat(MAX_GROUP_NAME + 1), "").unwrap_err();
        let columns: Vec<&str> = errors.iter().map(|e| e.column.as_str()).collect();
        assert_eq!(columns, ["name_fr", "name_en"]);
        assert_eq!(group_names("", " ", "").unwrap_err()[0].column, "name_en");
        assert!(group_names("a\u{202E}b", "", "").is_err(), "no hidden character");
    }
}
