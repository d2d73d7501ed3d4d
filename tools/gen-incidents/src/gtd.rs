//! Rows in the layout of the Global Terrorism Database's release CSV: 135
//! columns, Windows-1252 text, CRLF line ends, RFC 4180 quoting, `-9` and
//! `-99` for unknown values, `imonth`/`iday` 0 when the month or day is not
//! known, 12-digit event ids (`YYYYMMDD` and a 4-digit number).
//!
//! The text stays within Latin-1 (é is 0xE9, as in Windows-1252): DuckDB's
//! `encoding='latin-1'` refuses Windows-1252's bytes 0x80–0x9F (curly
//! quotes, dashes), and the benchmark loads this file as it is into DuckDB.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::datasets::{self, Info, MONTHS, gtd_gname, short_name};
use crate::{COUNTRIES, Place, Rng, civil_from_days, days_from_civil};

/// The release's columns, in order (as in `crates/formats/src/dataset/gtd.rs`).
pub const HEADER: &str = "eventid,iyear,imonth,iday,approxdate,extended,resolution,country,country_txt,region,\
    region_txt,provstate,city,latitude,longitude,specificity,vicinity,location,summary,crit1,crit2,crit3,doubtterr,\
    alternative,alternative_txt,multiple,success,suicide,attacktype1,attacktype1_txt,attacktype2,attacktype2_txt,\
    attacktype3,attacktype3_txt,targtype1,targtype1_txt,targsubtype1,targsubtype1_txt,corp1,target1,natlty1,\
    natlty1_txt,targtype2,targtype2_txt,targsubtype2,targsubtype2_txt,corp2,target2,natlty2,natlty2_txt,targtype3,\
    targtype3_txt,targsubtype3,targsubtype3_txt,corp3,target3,natlty3,natlty3_txt,gname,gsubname,gname2,gsubname2,\
    gname3,gsubname3,motive,guncertain1,guncertain2,guncertain3,individual,nperps,nperpcap,claimed,claimmode,\
    claimmode_txt,claim2,claimmode2,claimmode2_txt,claim3,claimmode3,claimmode3_txt,compclaim,weaptype1,\
    weaptype1_txt,weapsubtype1,weapsubtype1_txt,weaptype2,weaptype2_txt,weapsubtype2,weapsubtype2_txt,weaptype3,\
    weaptype3_txt,weapsubtype3,weapsubtype3_txt,weaptype4,weaptype4_txt,weapsubtype4,weapsubtype4_txt,weapdetail,\
    nkill,nkillus,nkillter,nwound,nwoundus,nwoundte,property,propextent,propextent_txt,propvalue,propcomment,\
    ishostkid,nhostkid,nhostkidus,nhours,ndays,divert,kidhijcountry,ransom,ransomamt,ransomamtus,ransompaid,\
    ransompaidus,ransomnote,hostkidoutcome,hostkidoutcome_txt,nreleased,addnotes,scite1,scite2,scite3,dbsource,\
    INT_LOG,INT_IDEO,INT_MISC,INT_ANY,related";

pub const COLUMNS: usize = 135;

/// The years covered (the GTD's last release ends in 2021).
const FIRST_YEAR: i64 = 2014;
const LAST_YEAR: i64 = 2021;

/// Event numbers run from 0001 to 9999 within one `iyear imonth iday`.
const PER_DATE: u16 = 9999;

/// A GTD category: numeric code and text.
type Code = (u8, &'static str);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Attack {
    Assassination,
    ArmedAssault,
    Bombing,
    Hijacking,
    Barricade,
    Kidnapping,
    Facility,
    Unarmed,
    Unknown,
}

impl Attack {
    fn code(self) -> Code {
        match self {
            Attack::Assassination => (1, "Assassination"),
            Attack::ArmedAssault => (2, "Armed Assault"),
            Attack::Bombing => (3, "Bombing/Explosion"),
            Attack::Hijacking => (4, "Hijacking"),
            Attack::Barricade => (5, "Hostage Taking (Barricade Incident)"),
            Attack::Kidnapping => (6, "Hostage Taking (Kidnapping)"),
            Attack::Facility => (7, "Facility/Infrastructure Attack"),
            Attack::Unarmed => (8, "Unarmed Assault"),
            Attack::Unknown => (9, "Unknown"),
        }
    }

    fn hostages(self) -> bool {
        matches!(self, Attack::Hijacking | Attack::Barricade | Attack::Kidnapping)
    }
}

const ATTACKS: &[(Attack, u32)] = &[
    (Attack::ArmedAssault, 360),
    (Attack::Bombing, 290),
    (Attack::Kidnapping, 130),
    (Attack::Assassination, 60),
    (Attack::Facility, 80),
    (Attack::Unknown, 60),
    (Attack::Barricade, 8),
    (Attack::Hijacking, 4),
    (Attack::Unarmed, 8),
];

/// A weapon type with its sub-types.
struct Weapon {
    code: Code,
    subs: &'static [Code],
}

const FIREARMS: Weapon =
    Weapon { code: (5, "Firearms"), subs: &[(2, "Automatic or Semi-Automatic Rifle"), (5, "Unknown Gun Type")] };
const EXPLOSIVES: Weapon = Weapon {
    code: (6, "Explosives"),
    subs: &[
        (16, "Unknown Explosive Type"),
        (8, "Landmine"),
        (12, "Remote Device (trigger, control, timer)"),
        (11, "Projectile (rockets, mortars, RPGs, etc.)"),
        (15, "Vehicle"),
    ],
};
const SUICIDE_EXPLOSIVES: Weapon =
    Weapon { code: (6, "Explosives"), subs: &[(13, "Suicide (carried bodily by human being)"), (15, "Vehicle")] };
const INCENDIARY: Weapon = Weapon { code: (8, "Incendiary"), subs: &[(18, "Arson/Fire")] };
const MELEE: Weapon = Weapon { code: (9, "Melee"), subs: &[(23, "Knife or Other Sharp Object")] };
const UNKNOWN_WEAPON: Weapon = Weapon { code: (13, "Unknown"), subs: &[] };

/// A target type: code, sub-types, `target1` descriptions.
struct Target {
    code: Code,
    subs: &'static [Code],
    targets: &'static [&'static str],
}

const TARGETS: &[(Target, u32)] = &[
    (
        Target {
            code: (14, "Private Citizens & Property"),
            subs: &[(67, "Unnamed Civilian/Unspecified"), (75, "Village/City/Town/Suburb"), (72, "Farmer")],
            targets: &["Civilians", "Residents of the village", "Herders", "Market traders"],
        },
        34,
    ),
    (
        Target {
            code: (4, "Military"),
            subs: &[
                (35, "Military Personnel (soldiers, troops, officers, forces)"),
                (27, "Military Barracks/Base/Headquarters/Checkpost"),
                (28, "Military Unit/Patrol/Convoy"),
            ],
            targets: &["Soldiers", "Military base", "Military convoy", "Army patrol"],
        },
        26,
    ),
    (
        Target {
            code: (3, "Police"),
            subs: &[(22, "Police Building (headquarters, station, school)"), (25, "Police Security Forces/Officers")],
            targets: &["Police station", "Gendarmes", "Police officers"],
        },
        12,
    ),
    (
        Target {
            code: (2, "Government (General)"),
            subs: &[(18, "Government Personnel (excluding police, military)"), (16, "Judge/Attorney/Court")],
            targets: &["Village chief", "Mayor", "Local official"],
        },
        6,
    ),
    (Target { code: (1, "Business"), subs: &[(7, "Retail/Grocery/Bakery")], targets: &["Shop", "Gold mine"] }, 4),
    (
        Target {
            code: (15, "Religious Figures/Institutions"),
            subs: &[(86, "Religious Figure"), (87, "Place of Worship")],
            targets: &["Imam", "Church", "Mosque", "Pastor"],
        },
        3,
    ),
    (
        Target {
            code: (8, "Educational Institution"),
            subs: &[(50, "School/University/Educational Building"), (51, "Teacher/Professor/Instructor")],
            targets: &["School", "Teacher"],
        },
        2,
    ),
    (
        Target {
            code: (19, "Transportation"),
            subs: &[(98, "Bus (excluding tourists)"), (100, "Highway/Road/Toll/Traffic Signal")],
            targets: &["Passenger bus", "Road", "Bridge"],
        },
        3,
    ),
    (Target { code: (21, "Utilities"), subs: &[(107, "Electricity")], targets: &["Power line", "Water point"] }, 2),
    (
        Target {
            code: (16, "Telecommunication"),
            subs: &[(94, "Telephone/Telegraph")],
            targets: &["Telecommunications tower"],
        },
        1,
    ),
    (Target { code: (12, "NGO"), subs: &[(62, "Domestic NGO")], targets: &["Aid workers", "Humanitarian convoy"] }, 2),
    (
        Target {
            code: (10, "Journalists & Media"),
            subs: &[(54, "Newspaper Journalist/Staff/Facility")],
            targets: &["Journalist"],
        },
        1,
    ),
    (
        Target {
            code: (7, "Government (Diplomatic)"),
            subs: &[(46, "International Organization (peacekeeper, aid agency, compound)")],
            targets: &["United Nations peacekeepers"],
        },
        1,
    ),
    (
        Target {
            code: (17, "Terrorists/Non-State Militia"),
            subs: &[(93, "Non-State Militia")],
            targets: &["Self-defence militia members", "Koglweogo members"],
        },
        2,
    ),
    (Target { code: (20, "Unknown"), subs: &[], targets: &["Unknown"] }, 1),
];

const SOURCES: &[&str] = &[
    "Agence France Presse",
    "Associated Press",
    "Reuters",
    "BBC Monitoring Africa",
    "Radio France Internationale",
    "Xinhua General News Service",
    "All Africa",
    "Le Faso.net",
    "Agence d'Information du Burkina",
    "Le Monde",
];

/// Headlines; `{}` is the city. French ones carry Latin-1 accents.
const HEADLINES: &[&str] = &[
    "Gunmen kill villagers near {}",
    "Soldiers killed in attack on army post in {}",
    "Suspected jihadists attack {}",
    "Attaque meurtrière près de {}",
    "Des hommes armés attaquent un poste à {}",
    "Attentat à l'engin explosif près de {} : plusieurs soldats tués",
    "Enlèvement de civils à {}",
];

/// One row's bytes: fields separated by commas, text encoded to Latin-1
/// and quoted when needed.
struct Row {
    bytes: Vec<u8>,
    fields: usize,
}

impl Row {
    fn next(&mut self) {
        if self.fields > 0 {
            self.bytes.push(b',');
        }
        self.fields += 1;
    }

    fn empty(&mut self) {
        self.next();
    }

    fn empties(&mut self, n: usize) {
        for _ in 0..n {
            self.next();
        }
    }

    fn num(&mut self, value: i64) {
        self.next();
        let _ = write!(self.bytes, "{value}");
    }

    fn maybe(&mut self, value: Option<i64>) {
        match value {
            Some(value) => self.num(value),
            None => self.empty(),
        }
    }

    /// A whole number as the release writes its float columns (`12.0`).
    fn decimal(&mut self, value: Option<i64>) {
        self.next();
        if let Some(value) = value {
            let _ = write!(self.bytes, "{value}.0");
        }
    }

    fn code(&mut self, (code, text): Code) {
        self.num(code.into());
        self.text(text);
    }

    fn text(&mut self, value: &str) {
        self.next();
        let quote = value.contains([',', '"', '\n', '\r']);
        if quote {
            self.bytes.push(b'"');
        }
        if value.is_ascii() && !quote {
            self.bytes.extend_from_slice(value.as_bytes());
        } else {
            for c in value.chars() {
                if c == '"' {
                    self.bytes.push(b'"');
                }
                // Latin-1 = Windows-1252 outside 0x80–0x9F, which is never written
                let byte = u32::from(c);
                self.bytes.push(if byte < 0x80 || (0xA0..0x100).contains(&byte) { byte as u8 } else { b'?' });
            }
        }
        if quote {
            self.bytes.push(b'"');
        }
    }

    fn end(&mut self) {
        debug_assert_eq!(self.fields, COLUMNS);
        self.bytes.extend_from_slice(b"\r\n");
    }
}

/// A casualty figure: victims and perpetrators, `None` when unknown.
struct Toll {
    all: Option<i64>,
    us: Option<i64>,
    perpetrators: Option<i64>,
}

fn toll(rng: &mut Rng, scale: f64, perpetrators_scale: f64) -> Toll {
    if rng.chance(5) {
        return Toll { all: None, us: None, perpetrators: None };
    }
    let victims = i64::from(rng.skewed(scale));
    let perpetrators = match rng.below(100) {
        0..=69 => Some(0),
        70..=89 => Some(i64::from(rng.skewed(perpetrators_scale))),
        _ => None,
    };
    Toll { all: Some(victims + perpetrators.unwrap_or(0)), us: Some(0), perpetrators }
}

fn push_count(out: &mut String, value: Option<i64>, what: &str) {
    match value {
        Some(n) => {
            let _ = write!(out, "{n} {what}");
        }
        None => {
            let _ = write!(out, "an unknown number of {what}");
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn summary(
    out: &mut String,
    (year, month, day): (i64, i64, i64),
    target: &str,
    city: &str,
    place: &Place,
    info: &Info,
    killed: Option<i64>,
    wounded: Option<i64>,
    gname: &str,
    claimed: i64,
) {
    out.clear();
    // the date as the GTD's summaries give it: 03/15/2019, 06/2018 (day 0) or 2018 (month 0)
    let _ = match (month, day) {
        (0, _) => write!(out, "{year}: "),
        (_, 0) => write!(out, "{month:02}/{year}: "),
        _ => write!(out, "{month:02}/{day:02}/{year}: "),
    };
    let _ = write!(
        out,
        "Assailants attacked {} in {city} town, {} region, {}. In the attack, ",
        target.to_lowercase(),
        place.admin1,
        info.name
    );
    push_count(out, killed, "people");
    out.push_str(" were killed and ");
    push_count(out, wounded, "others");
    out.push_str(" were injured. ");
    if gname == "Unknown" {
        out.push_str("No group claimed responsibility for the incident.");
    } else if claimed == 1 {
        let _ = write!(out, "{gname} claimed responsibility for the incident.");
    } else {
        let _ = write!(
            out,
            "No group claimed responsibility for the incident; however, sources attributed the attack to {gname}."
        );
    }
}

fn citation(out: &mut String, rng: &mut Rng, city: &str, day: i64) {
    out.clear();
    let (year, month, dom) = civil_from_days(day + rng.range(0, 3));
    let headline = rng.pick(HEADLINES);
    let (before, after) = headline.split_once("{}").unwrap_or((headline, ""));
    let _ =
        write!(out, "\"{before}{city}{after},\" {}, {} {dom}, {year}.", rng.pick(SOURCES), MONTHS[month as usize - 1]);
}

fn push_mdy(out: &mut String, day: i64) {
    let (y, m, d) = civil_from_days(day);
    let _ = write!(out, "{m}/{d}/{y}");
}

pub fn generate(n: u64, seed: u64, out: &mut dyn Write) -> io::Result<()> {
    let mut rng = Rng::new(seed);
    let first_day = days_from_civil(FIRST_YEAR, 1, 1);
    let last_day = days_from_civil(LAST_YEAR, 12, 31);
    let days = (last_day - first_day + 1) as u64;
    if n > days * u64::from(PER_DATE) / 2 {
        return Err(io::Error::other(format!(
            "at most {} GTD rows: the event ids of {FIRST_YEAR}–{LAST_YEAR} would run out",
            days * u64::from(PER_DATE) / 2
        )));
    }
    let country_weights: Vec<(usize, u32)> = COUNTRIES.iter().enumerate().map(|(i, c)| (i, c.weight)).collect();
    // rows per iyear-imonth-iday (month and day 0 included)
    let mut per_date = vec![0u16; ((LAST_YEAR - FIRST_YEAR + 1) * 13 * 32) as usize];
    let mut row = Row { bytes: Vec::with_capacity(4096), fields: 0 };
    let mut text = String::with_capacity(512);
    let mut city_buf = String::with_capacity(64);

    out.write_all(HEADER.as_bytes())?;
    out.write_all(b"\r\n")?;
    for _ in 0..n {
        row.bytes.clear();
        row.fields = 0;
        let country = &COUNTRIES[*rng.weighted(&country_weights)];
        let info = datasets::country(country.code);
        let place = rng.pick(country.places);
        let mut day = rng.range(first_day, last_day);
        let (mut year, mut month, mut dom) = civil_from_days(day);
        // 0.3 % of the rows with neither month nor day, 1.5 % without the day
        let (mut imonth, mut iday) = match rng.below(1000) {
            0..=2 => (0, 0),
            3..=17 => (month, 0),
            _ => (month, dom),
        };
        let seq = loop {
            let key = (((year - FIRST_YEAR) * 13 + imonth) * 32 + iday) as usize;
            if per_date[key] < PER_DATE {
                per_date[key] += 1;
                break per_date[key];
            }
            // that date's numbers are used up: the next day
            day = if day == last_day { first_day } else { day + 1 };
            (year, month, dom) = civil_from_days(day);
            (imonth, iday) = (month, dom);
        };
        let attack = *rng.weighted(ATTACKS);
        let suicide = attack == Attack::Bombing && rng.chance(12);
        let weapon = match attack {
            Attack::Bombing if suicide => &SUICIDE_EXPLOSIVES,
            Attack::Bombing => &EXPLOSIVES,
            Attack::ArmedAssault | Attack::Assassination if rng.chance(8) => &EXPLOSIVES,
            Attack::ArmedAssault | Attack::Assassination | Attack::Barricade => &FIREARMS,
            Attack::Kidnapping | Attack::Hijacking if rng.chance(45) => &UNKNOWN_WEAPON,
            Attack::Kidnapping | Attack::Hijacking => &FIREARMS,
            Attack::Facility if rng.chance(80) => &INCENDIARY,
            Attack::Facility => &EXPLOSIVES,
            Attack::Unarmed => &MELEE,
            Attack::Unknown => *rng.weighted(&[(&UNKNOWN_WEAPON, 50), (&FIREARMS, 30), (&EXPLOSIVES, 20)]),
        };
        let target = rng.weighted(TARGETS);
        let group = *rng.weighted(country.groups);
        let gname = gtd_gname(group);
        let claimed = if group == "unknown" { 0 } else { *rng.weighted(&[(1i64, 25), (0, 60), (-9, 15)]) };
        let kill = toll(&mut rng, 25.0, 10.0);
        let wound = toll(&mut rng, 30.0, 3.0);
        let city = if rng.chance(4) { "Unknown" } else { short_name(place.location) };

        // eventid, iyear, imonth, iday, approxdate
        row.next();
        let _ = write!(row.bytes, "{year:04}{imonth:02}{iday:02}{seq:04}");
        let eventid_end = row.bytes.len();
        row.num(year);
        row.num(imonth);
        row.num(iday);
        if iday == 0 && rng.chance(50) {
            text.clear();
            if imonth > 0 {
                let _ = write!(text, "{} {year}", MONTHS[month as usize - 1]);
            } else {
                let _ = write!(text, "Unknown date in {year}");
            }
            row.text(&text);
        } else {
            row.empty();
        }
        // extended, resolution
        if rng.chance(3) {
            row.num(1);
            text.clear();
            push_mdy(&mut text, day + rng.range(1, 40));
            row.text(&text);
        } else {
            row.num(0);
            row.empty();
        }
        // country, country_txt, region, region_txt, provstate, city
        row.num(info.gtd_code.into());
        row.text(info.name);
        row.code(info.gtd_region);
        row.text(place.admin1);
        row.text(city);
        // latitude, longitude, specificity, vicinity, location
        let specificity = if rng.chance(3) {
            row.empties(2);
            5
        } else {
            let specificity = *rng.weighted(&[(1i64, 60), (2, 20), (3, 12), (4, 8)]);
            let spread = 0.02 * specificity as f64;
            let lat = place.lat + (rng.unit() * 2.0 - 1.0) * spread;
            let lon = place.lon + (rng.unit() * 2.0 - 1.0) * spread;
            row.next();
            let _ = write!(row.bytes, "{lat:.6}");
            row.next();
            let _ = write!(row.bytes, "{lon:.6}");
            specificity
        };
        row.num(specificity);
        row.num(*rng.weighted(&[(0i64, 85), (1, 14), (-9, 1)]));
        if rng.chance(15) {
            city_buf.clear();
            let _ = write!(city_buf, "The attack took place near the market of {city}.");
            row.text(&city_buf);
        } else {
            row.empty();
        }
        // summary
        let target_name = *rng.pick(target.targets);
        if rng.chance(90) {
            let victims = |t: &Toll| t.all.map(|all| all - t.perpetrators.unwrap_or(0));
            summary(
                &mut text,
                (year, imonth, iday),
                target_name,
                city,
                place,
                info,
                victims(&kill),
                victims(&wound),
                gname,
                claimed,
            );
            row.text(&text);
        } else {
            row.empty();
        }
        // crit1, crit2, crit3, doubtterr, alternative, alternative_txt, multiple, success, suicide
        row.num(1);
        row.num(1);
        row.num(if rng.chance(5) { 0 } else { 1 });
        let doubt = *rng.weighted(&[(0i64, 88), (1, 8), (-9, 4)]);
        row.num(doubt);
        if doubt == 1 {
            row.code(
                *rng.weighted(&[((1, "Insurgency/Guerilla Action"), 70), ((3, "Inter/Intra-Group Conflict"), 30)]),
            );
        } else {
            row.empties(2);
        }
        let multiple = rng.chance(10);
        row.num(multiple.into());
        row.num(if rng.chance(90) { 1 } else { 0 });
        row.num(suicide.into());
        // attacktype1..3 and their texts
        row.code(attack.code());
        if attack == Attack::ArmedAssault && rng.chance(6) {
            row.code(Attack::Facility.code());
        } else {
            row.empties(2);
        }
        row.empties(2);
        // targtype1, targtype1_txt, targsubtype1, targsubtype1_txt, corp1, target1, natlty1, natlty1_txt
        row.code(target.code);
        if target.subs.is_empty() {
            row.empties(2);
        } else {
            row.code(*rng.pick(target.subs));
        }
        match target.code.0 {
            4 => row.text(info.army),
            14 | 15 | 17 => row.text("Not Applicable"),
            20 => row.text("Unknown"),
            _ => {
                text.clear();
                let _ = write!(text, "{}, {}", city, place.admin1);
                row.text(&text);
            }
        }
        row.text(target_name);
        row.num(info.gtd_code.into());
        row.text(info.name);
        // the second target (8 columns) sometimes, the third (8) never
        if rng.chance(6) {
            row.code((14, "Private Citizens & Property"));
            row.code((67, "Unnamed Civilian/Unspecified"));
            row.text("Not Applicable");
            row.text("Civilians");
            row.num(info.gtd_code.into());
            row.text(info.name);
        } else {
            row.empties(8);
        }
        row.empties(8);
        // gname, gsubname, gname2, gsubname2, gname3, gsubname3, motive
        row.text(gname);
        row.empties(5);
        if rng.chance(40) {
            row.text("The specific motive for the attack is unknown.");
        } else {
            row.empty();
        }
        // guncertain1..3, individual, nperps, nperpcap
        row.num(if group != "unknown" && rng.chance(12) { 1 } else { 0 });
        row.empties(2);
        row.num(0);
        row.num(if rng.chance(75) { -99 } else { rng.range(2, 200) });
        row.num(if rng.chance(85) { 0 } else { -99 });
        // claimed, claimmode, claimmode_txt, claim2 .. claimmode3_txt (6), compclaim
        row.num(claimed);
        if claimed == 1 {
            row.code(*rng.weighted(&[
                ((7, "Posted to website, blog, etc."), 50),
                ((10, "Unknown"), 30),
                ((8, "Personal claim"), 20),
            ]));
        } else {
            row.empties(2);
        }
        row.empties(6);
        row.empty();
        // weaptype1, weaptype1_txt, weapsubtype1, weapsubtype1_txt, weapons 2 to 4 (12)
        row.code(weapon.code);
        if weapon.subs.is_empty() {
            row.empties(2);
        } else {
            row.code(*rng.pick(weapon.subs));
        }
        if attack != Attack::Facility && rng.chance(10) {
            row.code(INCENDIARY.code);
            row.code(INCENDIARY.subs[0]);
            row.empties(8);
        } else {
            row.empties(12);
        }
        // weapdetail
        match weapon.code.0 {
            5 if rng.chance(50) => row.text("Firearms were used in the attack."),
            6 if rng.chance(50) => row.text("An explosive device was used in the attack."),
            _ => row.empty(),
        }
        // nkill, nkillus, nkillter, nwound, nwoundus, nwoundte (the release
        // writes all but the US figures as decimals: 12.0)
        for figures in [&kill, &wound] {
            row.decimal(figures.all);
            row.maybe(figures.us);
            row.decimal(figures.perpetrators);
        }
        // property, propextent, propextent_txt, propvalue, propcomment
        let property = *rng.weighted(&[(1i64, 40), (0, 40), (-9, 20)]);
        row.num(property);
        if property == 1 {
            row.code(*rng.weighted(&[((3, "Minor (likely < $1 million)"), 60), ((4, "Unknown"), 40)]));
            row.num(-99);
            if rng.chance(40) {
                row.text("Several houses, shops and vehicles were burned.");
            } else {
                row.empty();
            }
        } else {
            row.empties(4);
        }
        // ishostkid, then nhostkid .. nreleased (15)
        let hostages: i64 = if attack.hostages() {
            1
        } else if rng.chance(5) {
            -9
        } else {
            0
        };
        row.num(hostages);
        if hostages == 1 {
            row.num(if rng.chance(20) { -99 } else { rng.range(1, 40) });
            row.num(0);
            row.num(-99);
            row.num(if rng.chance(60) { -99 } else { rng.range(1, 60) });
            row.empty();
            row.text(info.name);
            let ransom = *rng.weighted(&[(0i64, 50), (-9, 40), (1, 10)]);
            row.num(ransom);
            if ransom == 1 {
                row.num(-99);
                row.empty();
                row.num(-99);
                row.empties(2);
            } else {
                row.empties(5);
            }
            row.code(*rng.weighted(&[
                ((7, "Unknown"), 60),
                ((2, "Hostage(s) released by perpetrators"), 25),
                ((4, "Hostage(s) killed (not during rescue attempt)"), 15),
            ]));
            row.num(-99);
        } else {
            row.empties(15);
        }
        // addnotes, scite1, scite2, scite3, dbsource
        if rng.chance(10) {
            row.text("The victims were returning from the weekly market.");
        } else {
            row.empty();
        }
        for percent in [95, 60, 30] {
            if rng.chance(percent) {
                citation(&mut text, &mut rng, city, day);
                row.text(&text);
            } else {
                row.empty();
            }
        }
        row.text("START Primary Collection");
        // INT_LOG, INT_IDEO, INT_MISC, INT_ANY, related
        row.num(*rng.weighted(&[(-9i64, 60), (0, 40)]));
        row.num(*rng.weighted(&[(-9i64, 50), (0, 30), (1, 20)]));
        row.num(0);
        row.num(*rng.weighted(&[(-9i64, 50), (0, 30), (1, 20)]));
        if multiple {
            text.clear();
            text.push_str(std::str::from_utf8(&row.bytes[..eventid_end]).unwrap_or_default());
            let _ = write!(text, ", {year:04}{imonth:02}{iday:02}{:04}", (seq % PER_DATE) + 1);
            row.text(&text);
        } else {
            row.empty();
        }
        row.end();
        out.write_all(&row.bytes)?;
    }
    out.flush()
}
