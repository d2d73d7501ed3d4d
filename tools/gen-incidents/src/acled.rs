//! Rows in the layout of ACLED's current export (31 columns, `DD Month
//! YYYY` dates, actor types by name as since 2024: `inter1` "Rebel group",
//! `interaction` "State forces-Rebel group"), UTF-8 with a byte-order mark,
//! LF line ends, RFC 4180 quoting.
//! About 10 % of the rows are protests and riots and 4 % strategic
//! developments, which `vigie import` leaves out by default.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::datasets::{self, Info, MONTHS, acled_actor, short_name};
use crate::{COUNTRIES, Place, Rng, civil_from_days, days_from_civil, push_field};

pub const HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,\
                          actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,\
                          region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,\
                          source_scale,notes,fatalities,tags,timestamp";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Civilians,
    Battle,
    Explosion,
    Strategic,
    Protest,
    Riot,
}

/// Event type, disorder type, sub-event types with weights; weight of the type.
pub struct EventType {
    kind: Kind,
    pub name: &'static str,
    disorder: &'static str,
    pub subs: &'static [(&'static str, u32)],
}

pub const EVENT_TYPES: &[(EventType, u32)] = &[
    (
        EventType {
            kind: Kind::Civilians,
            name: "Violence against civilians",
            disorder: "Political violence",
            subs: &[("Attack", 70), ("Abduction/forced disappearance", 26), ("Sexual violence", 4)],
        },
        30,
    ),
    (
        EventType {
            kind: Kind::Battle,
            name: "Battles",
            disorder: "Political violence",
            subs: &[
                ("Armed clash", 90),
                ("Non-state actor overtakes territory", 5),
                ("Government regains territory", 5),
            ],
        },
        34,
    ),
    (
        EventType {
            kind: Kind::Explosion,
            name: "Explosions/Remote violence",
            disorder: "Political violence",
            subs: &[
                ("Remote explosive/landmine/IED", 50),
                ("Air/drone strike", 18),
                ("Shelling/artillery/missile attack", 16),
                ("Suicide bomb", 8),
                ("Grenade", 8),
            ],
        },
        22,
    ),
    (
        EventType {
            kind: Kind::Strategic,
            name: "Strategic developments",
            disorder: "Strategic developments",
            subs: &[
                ("Looting/property destruction", 35),
                ("Arrests", 20),
                ("Change to group/activity", 15),
                ("Headquarters or base established", 8),
                ("Disrupted weapons use", 12),
                ("Non-violent transfer of territory", 4),
                ("Agreement", 3),
                ("Other", 3),
            ],
        },
        4,
    ),
    (
        EventType {
            kind: Kind::Protest,
            name: "Protests",
            disorder: "Demonstrations",
            subs: &[
                ("Peaceful protest", 85),
                ("Protest with intervention", 11),
                ("Excessive force against protesters", 4),
            ],
        },
        7,
    ),
    (
        EventType {
            kind: Kind::Riot,
            name: "Riots",
            disorder: "Demonstrations",
            subs: &[("Violent demonstration", 55), ("Mob violence", 45)],
        },
        3,
    ),
];

/// ACLED's actor types ("inter" codes), written by name (`INTER`).
const STATE: u8 = 1;
const REBEL: u8 = 2;
const MILITIA: u8 = 3;
const RIOTERS: u8 = 5;
const PROTESTERS: u8 = 6;
const CIVILIANS: u8 = 7;

/// The names of the actor types 1 to 8.
const INTER: [&str; 9] = [
    "",
    "State forces",
    "Rebel group",
    "Political militia",
    "Identity militia",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
];

/// An actor: its name (written into a buffer) and inter code.
struct Actor {
    name: String,
    inter: u8,
}

impl Actor {
    fn new() -> Actor {
        Actor { name: String::with_capacity(64), inter: 0 }
    }

    fn clear(&mut self) {
        self.name.clear();
        self.inter = 0;
    }

    fn group(&mut self, group: &str, code: &str, info: &Info, year: i64) {
        self.clear();
        match acled_actor(group, code, year) {
            Some(name) => {
                self.name.push_str(name);
                self.inter = REBEL;
            }
            None => {
                let _ = write!(self.name, "Unidentified Armed Group ({})", info.name);
                self.inter = MILITIA;
            }
        }
    }

    fn forces(&mut self, which: &str, info: &Info, year: i64) {
        self.clear();
        let _ = write!(self.name, "{which} Forces of {} {}", info.name, info.regime(year));
        self.inter = STATE;
    }

    fn people(&mut self, who: &str, info: &Info, inter: u8) {
        self.clear();
        let _ = write!(self.name, "{who} ({})", info.name);
        self.inter = inter;
    }
}

const SOURCES: &[(&str, &str)] = &[
    ("Local Source", "Local partner-National"),
    ("AFP", "International"),
    ("Reuters", "International"),
    ("RFI", "International"),
    ("Undisclosed Source", "Local partner-Other"),
    ("Whatsapp", "New media"),
    ("Twitter", "New media-National"),
    ("Le Faso.net; Whatsapp", "New media-National"),
    ("Jeune Afrique; AFP", "Regional-International"),
    ("Garowe Online; Radio Dalsan", "National"),
    ("Dawn; The Express Tribune", "National"),
    ("Daily Trust; Premium Times", "National"),
    ("ActuNiger; Aniamey", "National"),
    ("Sahel Intelligence", "Regional"),
];

const VICTIMS: &[&str] =
    &["Farmers", "Fulani Ethnic Group", "Christian Group", "Muslim Group", "Teachers", "Health Workers", "Traders"];

const PROTEST_GROUPS: &[&str] = &["Students", "Women", "Labor Group", "Traders", "Teachers"];

/// A row's notes, in ACLED's style.
#[allow(clippy::too_many_arguments)]
fn notes(
    out: &mut String,
    rng: &mut Rng,
    (year, month, day): (i64, i64, i64),
    sub: &str,
    actor1: &Actor,
    actor2: &Actor,
    place: &str,
    admin1: &str,
    fatalities: u32,
) {
    out.clear();
    let _ = write!(out, "On {day} {} {year}, ", MONTHS[month as usize - 1]);
    let who = &actor1.name;
    let whom = match actor2.inter {
        0 => "unidentified people",
        CIVILIANS => "civilians",
        _ => &actor2.name,
    };
    match sub {
        "Attack" => {
            let _ = write!(out, "{who} attacked {whom} in {place} ({admin1}), burning houses and stealing cattle.");
        }
        "Abduction/forced disappearance" => {
            let _ = write!(out, "{who} abducted {} {whom} near {place} ({admin1}).", rng.range(1, 30));
        }
        "Sexual violence" => {
            let _ = write!(out, "{who} raped a woman near {place} ({admin1}).");
        }
        "Armed clash" => {
            let _ = write!(out, "{who} clashed with {whom} near {place} ({admin1}).");
        }
        "Non-state actor overtakes territory" | "Government regains territory" => {
            let _ = write!(out, "{who} took control of {place} ({admin1}) after clashes with {whom}.");
        }
        "Remote explosive/landmine/IED" => {
            let _ = write!(out, "a vehicle of {whom} hit an IED planted by {who} on the road near {place} ({admin1}).");
        }
        "Air/drone strike" => {
            let _ = write!(out, "{who} carried out a drone strike on positions of {whom} near {place} ({admin1}).");
        }
        "Shelling/artillery/missile attack" => {
            let _ = write!(out, "{who} fired mortar shells at {whom} in {place} ({admin1}).");
        }
        "Suicide bomb" => {
            let _ = write!(out, "a suicide bomber of {who} blew himself up among {whom} in {place} ({admin1}).");
        }
        "Grenade" => {
            let _ = write!(out, "{who} threw a grenade at {whom} in {place} ({admin1}).");
        }
        "Peaceful protest" | "Protest with intervention" | "Excessive force against protesters" => {
            let _ = write!(out, "people demonstrated in {place} ({admin1}) against insecurity in the region.");
        }
        "Violent demonstration" | "Mob violence" => {
            let _ = write!(out, "a crowd burned tyres and attacked a police post in {place} ({admin1}).");
        }
        _ => {
            let _ = write!(out, "{who} were reported in {place} ({admin1}) [{sub}].");
        }
    }
    let _ = write!(out, " {fatalities} fatalities.");
    if fatalities > 0 && rng.chance(20) {
        out.push_str(" The toll is \"provisional\", according to local sources.");
    }
}

/// `interaction`: the two actor types, the lower code first ("State
/// forces-Rebel group"), or one ("Protesters only").
fn push_interaction(line: &mut String, a: u8, b: u8) {
    if b == 0 {
        let _ = write!(line, "{} only", INTER[a as usize]);
    } else {
        let _ = write!(line, "{}-{}", INTER[a.min(b) as usize], INTER[a.max(b) as usize]);
    }
}

pub fn generate(n: u64, seed: u64, out: &mut dyn Write) -> io::Result<()> {
    let mut rng = Rng::new(seed);
    let first_day = days_from_civil(2014, 1, 1);
    let last_day = days_from_civil(2024, 12, 31);
    let country_weights: Vec<(usize, u32)> = COUNTRIES.iter().enumerate().map(|(i, c)| (i, c.weight)).collect();
    let type_weights: Vec<(usize, u32)> = EVENT_TYPES.iter().enumerate().map(|(i, (_, w))| (i, *w)).collect();
    // per country, the next event number (ACLED's ids are per country)
    let mut next_id: Vec<u64> = (0..COUNTRIES.len() as u64).map(|i| 1000 + 37 * i).collect();
    let mut line = String::with_capacity(1024);
    let mut text = String::with_capacity(512);
    let mut date = String::with_capacity(32);
    let mut actor1 = Actor::new();
    let mut actor2 = Actor::new();
    let mut assoc1 = String::with_capacity(64);
    let mut assoc2 = String::with_capacity(64);

    out.write_all("\u{feff}".as_bytes())?;
    out.write_all(HEADER.as_bytes())?;
    out.write_all(b"\n")?;
    for _ in 0..n {
        line.clear();
        let country_index = *rng.weighted(&country_weights);
        let country = &COUNTRIES[country_index];
        let info = datasets::country(country.code);
        let place: &Place = rng.pick(country.places);
        let day = rng.range(first_day, last_day);
        let (year, month, dom) = civil_from_days(day);
        date.clear();
        let _ = write!(date, "{dom:02} {} {year}", MONTHS[month as usize - 1]);
        let event = &EVENT_TYPES[*rng.weighted(&type_weights)].0;
        let sub = *rng.weighted(event.subs);
        let group = *rng.weighted(country.groups);

        // actors
        actor1.clear();
        actor2.clear();
        assoc1.clear();
        assoc2.clear();
        let mut civilian_targeting = false;
        match event.kind {
            Kind::Civilians => {
                if rng.chance(12) {
                    actor1.forces("Military", info, year);
                } else {
                    actor1.group(group, country.code, info, year);
                }
                actor2.people("Civilians", info, CIVILIANS);
                if rng.chance(25) {
                    let _ = write!(assoc2, "{} ({})", rng.pick(VICTIMS), info.name);
                }
                civilian_targeting = true;
            }
            Kind::Battle => {
                actor1.group(group, country.code, info, year);
                let other = *rng.weighted(country.groups);
                if other != group && rng.chance(8) {
                    // two groups fighting each other
                    actor2.group(other, country.code, info, year);
                } else {
                    actor2.forces("Military", info, year);
                    if country.code == "BF" && rng.chance(30) {
                        assoc2.push_str("VDP: Volunteers for the Defense of the Homeland");
                    } else if country.code == "ML" && year >= 2022 && rng.chance(30) {
                        assoc2.push_str("Wagner Group");
                    }
                    // the army attacks as often as it is attacked
                    if rng.chance(40) || sub == "Government regains territory" {
                        std::mem::swap(&mut actor1, &mut actor2);
                        std::mem::swap(&mut assoc1, &mut assoc2);
                    }
                }
            }
            Kind::Explosion => {
                if sub == "Air/drone strike" || (sub == "Shelling/artillery/missile attack" && rng.chance(60)) {
                    actor1.forces("Military", info, year);
                    if rng.chance(15) {
                        actor2.people("Civilians", info, CIVILIANS);
                        civilian_targeting = true;
                    } else {
                        actor2.group(group, country.code, info, year);
                    }
                } else {
                    actor1.group(group, country.code, info, year);
                    if rng.chance(55) {
                        actor2.forces("Military", info, year);
                    } else {
                        actor2.people("Civilians", info, CIVILIANS);
                        civilian_targeting = true;
                    }
                }
            }
            Kind::Strategic => match sub {
                "Arrests" | "Disrupted weapons use" => {
                    actor1.forces(if rng.chance(50) { "Police" } else { "Military" }, info, year);
                    if rng.chance(60) {
                        actor2.group(group, country.code, info, year);
                    }
                }
                "Agreement" => {
                    actor1.group(group, country.code, info, year);
                    actor2.people("Civilians", info, CIVILIANS);
                }
                _ => actor1.group(group, country.code, info, year),
            },
            Kind::Protest => {
                actor1.people("Protesters", info, PROTESTERS);
                if rng.chance(30) {
                    let _ = write!(assoc1, "{} ({})", rng.pick(PROTEST_GROUPS), info.name);
                }
                if sub != "Peaceful protest" {
                    actor2.forces("Police", info, year);
                }
            }
            Kind::Riot => {
                actor1.people("Rioters", info, RIOTERS);
                if sub == "Mob violence" {
                    actor2.people("Civilians", info, CIVILIANS);
                } else if rng.chance(50) {
                    actor2.forces("Police", info, year);
                }
            }
        }
        // figures
        let fatalities: u32 = match (event.kind, sub) {
            (Kind::Protest, "Excessive force against protesters") => rng.range(0, 3) as u32,
            (Kind::Protest, _) | (Kind::Strategic, _) => 0,
            (Kind::Riot, _) => rng.chance(15) as u32,
            (_, "Abduction/forced disappearance") => rng.chance(10) as u32,
            (Kind::Battle, _) => rng.skewed(40.0),
            _ => rng.skewed(20.0),
        };

        // event_id_cnty, event_date, year, time_precision
        let id = &mut next_id[country_index];
        *id += 1;
        let _ = write!(line, "{}{},{date},{year},", info.acled_prefix, id);
        line.push(*rng.weighted(&[('1', 85), ('2', 10), ('3', 5)]));
        line.push(',');
        // disorder_type, event_type, sub_event_type
        if sub == "Excessive force against protesters" || sub == "Mob violence" {
            line.push_str("Political violence; Demonstrations");
        } else {
            line.push_str(event.disorder);
        }
        line.push(',');
        line.push_str(event.name);
        line.push(',');
        line.push_str(sub);
        line.push(',');
        // actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction
        push_field(&mut line, &actor1.name);
        line.push(',');
        push_field(&mut line, &assoc1);
        let _ = write!(line, ",{},", INTER[actor1.inter as usize]);
        push_field(&mut line, &actor2.name);
        line.push(',');
        push_field(&mut line, &assoc2);
        line.push(',');
        line.push_str(INTER[actor2.inter as usize]);
        line.push(',');
        push_interaction(&mut line, actor1.inter, actor2.inter);
        line.push(',');
        // civilian_targeting, iso, region, country
        if civilian_targeting {
            line.push_str("Civilian targeting");
        }
        let _ = write!(line, ",{},{},{},", info.iso_numeric, info.acled_region, info.name);
        // admin1, admin2, admin3, location, latitude, longitude, geo_precision
        let location = short_name(place.location);
        push_field(&mut line, place.admin1);
        line.push(',');
        push_field(&mut line, location);
        line.push_str(",,");
        push_field(&mut line, location);
        let geo_precision = *rng.weighted(&[(1u32, 70), (2, 25), (3, 5)]);
        let spread = 0.05 * geo_precision as f64;
        let lat = place.lat + (rng.unit() * 2.0 - 1.0) * spread;
        let lon = place.lon + (rng.unit() * 2.0 - 1.0) * spread;
        let _ = write!(line, ",{lat:.4},{lon:.4},{geo_precision},");
        // source, source_scale
        let (source, scale) = rng.pick(SOURCES);
        push_field(&mut line, source);
        line.push(',');
        line.push_str(scale);
        line.push(',');
        // notes, fatalities, tags, timestamp
        notes(&mut text, &mut rng, (year, month, dom), sub, &actor1, &actor2, location, place.admin1, fatalities);
        push_field(&mut line, &text);
        let _ = write!(line, ",{fatalities},");
        match event.kind {
            Kind::Protest | Kind::Riot => {
                if rng.chance(70) {
                    line.push_str("crowd size=no report");
                } else {
                    let _ = write!(line, "crowd size=around {}", 50 * rng.range(1, 40));
                }
            }
            Kind::Civilians if rng.chance(5) => line.push_str("women targeted: Girls"),
            _ if rng.chance(3) => line.push_str("local administrators"),
            _ => {}
        }
        let updated = (day + rng.range(3, 90)) * 86_400 + rng.range(0, 86_399);
        let _ = write!(line, ",{updated}");
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    out.flush()
}
