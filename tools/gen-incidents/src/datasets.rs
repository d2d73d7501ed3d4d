//! What the ACLED and GTD generators add to the native generator's places
//! and groups: each country's names and codes in those datasets, and each
//! group's name as ACLED (`actor1`) and the GTD (`gname`) write it.
//!
//! Every group name here is one the shipped register resolves
//! (`crates/domain/data/groups.toml`), except ACLED's "Unidentified Armed
//! Group (COUNTRY)", which is the real file's spelling.

/// A country as the two datasets write it.
pub struct Info {
    /// English name (ACLED `country`, GTD `country_txt`).
    pub name: &'static str,
    /// ACLED `event_id_cnty` prefix.
    pub acled_prefix: &'static str,
    /// ISO 3166-1 numeric (ACLED `iso`).
    pub iso_numeric: u16,
    /// ACLED `region`.
    pub acled_region: &'static str,
    /// GTD `country`.
    pub gtd_code: u16,
    /// GTD `region` and `region_txt`.
    pub gtd_region: (u8, &'static str),
    /// The period suffixes of ACLED's state forces ("Military Forces of
    /// Mali (2021-)"), each from a year on.
    pub regimes: &'static [(i64, &'static str)],
    /// GTD `corp1` of the armed forces.
    pub army: &'static str,
}

const WEST: &str = "Western Africa";
const SSA: (u8, &str) = (11, "Sub-Saharan Africa");
const MENA: (u8, &str) = (10, "Middle East & North Africa");
const SOUTH_ASIA: (u8, &str) = (6, "South Asia");

#[allow(clippy::too_many_arguments)]
const fn info(
    name: &'static str,
    acled_prefix: &'static str,
    iso_numeric: u16,
    acled_region: &'static str,
    gtd_code: u16,
    gtd_region: (u8, &'static str),
    regimes: &'static [(i64, &'static str)],
    army: &'static str,
) -> Info {
    Info { name, acled_prefix, iso_numeric, acled_region, gtd_code, gtd_region, regimes, army }
}

const BF: Info =
    info("Burkina Faso", "BFO", 854, WEST, 31, SSA, &[(0, "(2015-2022)"), (2022, "(2022-)")], "Burkinabe Armed Forces");
const ML: Info = info(
    "Mali",
    "MLI",
    466,
    WEST,
    118,
    SSA,
    &[(0, "(2013-2020)"), (2020, "(2020-2021)"), (2021, "(2021-)")],
    "Malian Armed Forces (FAMa)",
);
const NE: Info = info(
    "Niger",
    "NIR",
    562,
    WEST,
    145,
    SSA,
    &[(0, "(2011-2021)"), (2021, "(2021-2023)"), (2023, "(2023-)")],
    "Nigerien Armed Forces",
);
const TD: Info =
    info("Chad", "CHA", 148, "Middle Africa", 41, SSA, &[(0, "(1990-2021)"), (2021, "(2021-)")], "Chadian Army");
const MR: Info =
    info("Mauritania", "MAU", 478, WEST, 120, SSA, &[(0, "(2009-2019)"), (2019, "(2019-)")], "Mauritanian Army");
const NG: Info =
    info("Nigeria", "NIG", 566, WEST, 147, SSA, &[(0, "(2015-2023)"), (2023, "(2023-)")], "Nigerian Armed Forces");
const CM: Info = info("Cameroon", "CAO", 120, "Middle Africa", 36, SSA, &[(0, "(1982-)")], "Cameroonian Armed Forces");
const SO: Info = info(
    "Somalia",
    "SOM",
    706,
    "Eastern Africa",
    182,
    SSA,
    &[(0, "(2017-2022)"), (2022, "(2022-)")],
    "Somali National Army (SNA)",
);
const KE: Info = info(
    "Kenya",
    "KEN",
    404,
    "Eastern Africa",
    104,
    SSA,
    &[(0, "(2013-2022)"), (2022, "(2022-)")],
    "Kenya Defence Forces (KDF)",
);
const PK: Info = info(
    "Pakistan",
    "PAK",
    586,
    "South Asia",
    153,
    SOUTH_ASIA,
    &[(0, "(2013-2018)"), (2018, "(2018-2022)"), (2022, "(2022-)")],
    "Pakistan Army",
);
const AF: Info = info(
    "Afghanistan",
    "AFG",
    4,
    "South Asia",
    4,
    SOUTH_ASIA,
    &[(0, "(2014-2021)"), (2021, "(2021-)")],
    "Afghan National Army (ANA)",
);
const YE: Info = info("Yemen", "YEM", 887, "Middle East", 228, MENA, &[(0, "(2012-)")], "Yemeni Armed Forces");
const SY: Info = info("Syria", "SYR", 760, "Middle East", 200, MENA, &[(0, "(2000-2024)")], "Syrian Arab Army");
const IQ: Info =
    info("Iraq", "IRQ", 368, "Middle East", 95, MENA, &[(0, "(2014-2022)"), (2022, "(2022-)")], "Iraqi Army");
const EG: Info = info("Egypt", "EGY", 818, "Northern Africa", 60, MENA, &[(0, "(2014-)")], "Egyptian Armed Forces");
const LY: Info =
    info("Libya", "LBY", 434, "Northern Africa", 113, MENA, &[(0, "(2014-)")], "Libyan National Army (LNA)");
const MZ: Info = info(
    "Mozambique",
    "MOZ",
    508,
    "Eastern Africa",
    135,
    SSA,
    &[(0, "(2015-)")],
    "Mozambique Armed Defence Forces (FADM)",
);
const BJ: Info = info("Benin", "BEN", 204, WEST, 26, SSA, &[(0, "(2016-)")], "Beninese Armed Forces");
const TG: Info = info("Togo", "TOG", 768, WEST, 204, SSA, &[(0, "(2005-)")], "Togolese Armed Forces");

/// The dataset names of a country of the native generator's table.
pub fn country(code: &str) -> &'static Info {
    match code {
        "BF" => &BF,
        "ML" => &ML,
        "NE" => &NE,
        "TD" => &TD,
        "MR" => &MR,
        "NG" => &NG,
        "CM" => &CM,
        "SO" => &SO,
        "KE" => &KE,
        "PK" => &PK,
        "AF" => &AF,
        "YE" => &YE,
        "SY" => &SY,
        "IQ" => &IQ,
        "EG" => &EG,
        "LY" => &LY,
        "MZ" => &MZ,
        "BJ" => &BJ,
        "TG" => &TG,
        _ => unreachable!("no dataset names for country {code}"),
    }
}

impl Info {
    /// ACLED's period suffix of the state forces in a year.
    pub fn regime(&self, year: i64) -> &'static str {
        self.regimes.iter().rev().find(|(from, _)| *from <= year).map_or("", |(_, suffix)| suffix)
    }
}

/// ACLED's `actor1` name of a group in a country and year; `None` for
/// `unknown` (written "Unidentified Armed Group (COUNTRY)").
pub fn acled_actor(group: &str, country: &str, year: i64) -> Option<&'static str> {
    Some(match group {
        "jnim" => "JNIM: Group for Support of Islam and Muslims",
        // renamed by ACLED in 2022
        "is-sahel" if year < 2022 => "Islamic State (Greater Sahara)",
        "is-sahel" => "Islamic State (Sahel)",
        "ansarul-islam" => "Ansaroul Islam",
        "katiba-macina" => "Katiba Macina",
        "iswap" => "Islamic State (West Africa)",
        "boko-haram" => "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
        "ansaru" => "Ansaru",
        "lakurawa" => "Lakurawa",
        "aqim" => "AQIM: Al Qaeda in the Islamic Maghreb",
        "al-shabaab" => "Al Shabaab",
        "is-somalia" => "Islamic State (Somalia)",
        "ttp" => "TTP: Tehreek-i-Taliban Pakistan",
        "bla" => "Baloch Liberation Army",
        "is-pakistan" => "Islamic State Pakistan Province",
        "lashkar-e-jhangvi" => "Lashkar-e-Jhangvi",
        "is-khorasan" => "Islamic State Khorasan Province",
        "aqap" => "AQAP: Al Qaeda in the Arabian Peninsula",
        "is" if country == "IQ" => "Islamic State (Iraq)",
        "is" if country == "SY" => "Islamic State (Syria)",
        "is" => "Islamic State",
        "hts" => "HTS: Hayat Tahrir al Sham",
        "is-sinai" => "Sinai Province of the Islamic State",
        "is-mozambique" => "Islamic State Mozambique Province",
        "unknown" => return None,
        _ => unreachable!("no ACLED name for group {group}"),
    })
}

/// The GTD's `gname` of a group.
pub fn gtd_gname(group: &str) -> &'static str {
    match group {
        "jnim" => "Jamaat Nusrat al-Islam wal Muslimin (JNIM)",
        "is-sahel" => "Islamic State in the Greater Sahara (ISGS)",
        "ansarul-islam" => "Ansar al-Islam (Burkina Faso)",
        "katiba-macina" => "Macina Liberation Front (FLM)",
        "iswap" => "Islamic State West Africa Province (ISWAP)",
        "boko-haram" => "Boko Haram",
        "ansaru" => "Ansaru (Jama'atu Ansarul Muslimina Fi Biladis Sudan)",
        "lakurawa" => "Lakurawa",
        "aqim" => "Al-Qaida in the Islamic Maghreb (AQIM)",
        "al-shabaab" => "Al-Shabaab",
        "is-somalia" => "Islamic State in Somalia",
        "ttp" => "Tehrik-i-Taliban Pakistan (TTP)",
        "bla" => "Baloch Liberation Army (BLA)",
        "is-pakistan" | "is-khorasan" => "Khorasan Chapter of the Islamic State",
        "lashkar-e-jhangvi" => "Lashkar-e-Jhangvi",
        "aqap" => "Al-Qaida in the Arabian Peninsula (AQAP)",
        "is" => "Islamic State of Iraq and the Levant (ISIL)",
        "hts" => "Hay'at Tahrir al-Sham",
        "is-sinai" => "Sinai Province of the Islamic State",
        "is-mozambique" => "Ansar al-Sunna (Mozambique)",
        "unknown" => "Unknown",
        _ => unreachable!("no GTD name for group {group}"),
    }
}

pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A place name without what follows its first comma ("Tin-Akoff, Oudalan"
/// → "Tin-Akoff"): the datasets keep such details in other columns.
pub fn short_name(location: &str) -> &str {
    location.split_once(',').map_or(location, |(name, _)| name)
}
