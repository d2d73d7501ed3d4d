//! Region groups: named, ordered lists of countries whose membership may
//! change over time. Defaults ship in `data/regions.toml`; a file overrides.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::country::{CountryCode, Names, countries};
use crate::month::Month;

#[derive(Debug, thiserror::Error)]
pub enum RegionError {
    #[error("{0}")]
    Toml(#[from] toml::de::Error),
    #[error("region {region:?}: {message}")]
    Invalid { region: String, message: String },
}

/// What a report does with a country whose membership ended before the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FormerMembers {
    #[default]
    Exclude,
    Include,
}

#[derive(Debug, Deserialize)]
struct RawMember {
    country: String,
    from: Option<String>,
    until: Option<String>,
}

#[derive(Debug, Deserialize)]
struct RawRegion {
    id: String,
    name: Names,
    phrase: Option<Names>,
    #[serde(default)]
    former_members: FormerMembers,
    members: Vec<RawMember>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    region: Vec<RawRegion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Member {
    pub country: CountryCode,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RegionGroup {
    pub id: String,
    pub name: Names,
    /// How the group is named inside a sentence ("le G5 Sahel").
    pub phrase: Names,
    pub former_members: FormerMembers,
    pub members: Vec<Member>,
}

/// Which countries a report of one month covers, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Membership {
    /// The countries of the table, in the group's order.
    pub countries: Vec<CountryCode>,
    /// Countries in the table whose membership had ended by the month.
    pub former: Vec<Member>,
    /// Countries left out: membership ended (rule `exclude`) or not yet begun.
    pub excluded: Vec<Member>,
    pub former_members: FormerMembers,
}

impl RegionGroup {
    pub fn name(&self, lang: Lang) -> &str {
        self.name.get(lang)
    }

    /// The countries a filter by this group and by the `listed` countries
    /// means: its members, or those of `listed` that are members; `None`
    /// when none of `listed` is.
    pub fn members_among(&self, listed: Vec<CountryCode>) -> Option<Vec<CountryCode>> {
        let members: Vec<CountryCode> = self.members.iter().map(|m| m.country).collect();
        if listed.is_empty() {
            return Some(members);
        }
        let both: Vec<CountryCode> = listed.into_iter().filter(|c| members.contains(c)).collect();
        (!both.is_empty()).then_some(both)
    }

    /// The membership of the group for a month: a country counts if its
    /// membership overlaps the month; former members follow the group's rule.
    pub fn membership(&self, month: Month) -> Membership {
        let first = month.first_day();
        let last = month.last_day();
        let mut membership = Membership {
            countries: Vec::new(),
            former: Vec::new(),
            excluded: Vec::new(),
            former_members: self.former_members,
        };
        for member in &self.members {
            let not_yet = member.from.is_some_and(|from| from > last);
            let ended = member.until.is_some_and(|until| until < first);
            if not_yet || (ended && self.former_members == FormerMembers::Exclude) {
                membership.excluded.push(member.clone());
            } else {
                membership.countries.push(member.country);
                if member.until.is_some_and(|until| until <= last) {
                    membership.former.push(member.clone());
                }
            }
        }
        membership
    }
}

#[derive(Debug, Clone)]
pub struct Regions {
    groups: Vec<RegionGroup>,
}

impl Regions {
    /// The defaults shipped with Vigie.
    pub fn builtin() -> Regions {
        Regions::from_toml(include_str!("../data/regions.toml"))
            .expect("the shipped regions.toml is valid (checked by tests)")
    }

    pub fn from_toml(text: &str) -> Result<Regions, RegionError> {
        let file: RawFile = toml::from_str(text)?;
        let mut groups: Vec<RegionGroup> = Vec::new();
        for raw in file.region {
            let invalid = |message: String| RegionError::Invalid { region: raw.id.clone(), message };
            if groups.iter().any(|g| g.id == raw.id) {
                return Err(invalid("defined twice".into()));
            }
            if raw.members.is_empty() {
                return Err(invalid("has no members".into()));
            }
            let mut members = Vec::new();
            for member in &raw.members {
                let country = countries()
                    .resolve(&member.country)
                    .ok_or_else(|| invalid(format!("unknown country {:?}", member.country)))?
                    .code;
                if members.iter().any(|m: &Member| m.country == country) {
                    return Err(invalid(format!("country {country} listed twice")));
                }
                let date = |value: &Option<String>, what: &str| -> Result<Option<Date>, RegionError> {
                    value
                        .as_deref()
                        .map(|v| {
                            v.parse::<Date>().map_err(|_| {
                                invalid(format!(
                                    "{country}: {what} {} is not a date (YYYY-MM-DD)",
                                    crate::text::quoted(v)
                                ))
                            })
                        })
                        .transpose()
                };
                let from = date(&member.from, "from")?;
                let until = date(&member.until, "until")?;
                if let (Some(from), Some(until)) = (from, until)
                    && until < from
                {
                    return Err(invalid(format!("{country}: until {until} is before from {from}")));
                }
                members.push(Member { country, from, until });
            }
            groups.push(RegionGroup {
                phrase: raw.phrase.unwrap_or_else(|| raw.name.clone()),
                id: raw.id,
                name: raw.name,
                former_members: raw.former_members,
                members,
            });
        }
        Ok(Regions { groups })
    }

    pub fn get(&self, id: &str) -> Option<&RegionGroup> {
        self.groups.iter().find(|g| g.id == id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &RegionGroup> {
        self.groups.iter()
    }

    pub fn ids(&self) -> String {
        self.groups.iter().map(|g| g.id.as_str()).collect::<Vec<_>>().join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(list: &[CountryCode]) -> Vec<String> {
        list.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn defaults_have_the_data_model_groups_in_order() {
        let regions = Regions::builtin();
        let order = |id: &str| -> Vec<String> {
            regions.get(id).unwrap().members.iter().map(|m| m.country.to_string()).collect()
        };
        assert_eq!(order("g5-sahel"), ["BF", "ML", "NE", "TD", "MR"]);
        assert_eq!(order("lake-chad"), ["NG", "NE", "TD", "CM"]);
        assert_eq!(order("gcc"), ["SA", "AE", "BH", "KW", "OM", "QA"]);
        assert_eq!(order("horn-of-africa"), ["SO", "DJ", "ER", "ET", "KE", "SD"]);
        assert!(regions.get("members").unwrap().members.len() >= 40);
    }

    #[test]
    fn g5_sahel_keeps_former_members_as_the_bulletin_does() {
        let regions = Regions::builtin();
        let g5 = regions.get("g5-sahel").unwrap();
        let december = g5.membership(Month::parse("2023-12").unwrap());
        assert_eq!(codes(&december.countries), ["BF", "ML", "NE", "TD", "MR"]);
        let former: Vec<_> = december.former.iter().map(|m| m.country.to_string()).collect();
        assert_eq!(former, ["BF", "ML", "NE"]);
    }

    #[test]
    fn exclude_rule_and_not_yet_members() {
        let regions = Regions::from_toml(
            r#"[[region]]
id = "x"
name = { fr = "X", en = "X", ar = "X" }
members = [ { country = "Mali", until = "2022-05-15" }, { country = "TCD" }, { country = "NE", from = "2024-01-10" } ]
"#,
        )
        .unwrap();
        let x = regions.get("x").unwrap();
        assert_eq!(codes(&x.membership(Month::parse("2022-05").unwrap()).countries), ["ML", "TD"]);
        assert_eq!(codes(&x.membership(Month::parse("2023-12").unwrap()).countries), ["TD"]);
        assert_eq!(codes(&x.membership(Month::parse("2024-01").unwrap()).countries), ["TD", "NE"]);
    }

    #[test]
    fn a_group_narrows_the_countries_listed_to_its_members() {
        let regions = Regions::builtin();
        let g5 = regions.get("g5-sahel").unwrap();
        let code = |c: &str| CountryCode::new(c).unwrap();
        assert_eq!(g5.members_among(Vec::new()).unwrap().len(), g5.members.len());
        assert_eq!(g5.members_among(vec![code("BF"), code("SA")]), Some(vec![code("BF")]));
        assert_eq!(g5.members_among(vec![code("SA")]), None);
    }

    #[test]
    fn bad_files_say_what_is_wrong() {
        let err = Regions::from_toml(
            "[[region]]\nid = \"x\"\nname = { fr = \"X\", en = \"X\", ar = \"X\" }\nmembers = [ { country = \"Atlantis\" } ]\n",
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "region \"x\": unknown country \"Atlantis\"");
        assert!(Regions::from_toml("[[region]]\nid = 3\n").is_err());
    }
}
