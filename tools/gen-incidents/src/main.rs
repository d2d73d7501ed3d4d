//! `gen-incidents N [--format native|acled|gtd] [--seed S] [-o FILE]`: writes
//! N synthetic incidents in Vigie's native CSV (see `docs/data-model.md`), in the
//! layout of ACLED's export (`acled.rs`) or of the GTD's release (`gtd.rs`),
//! for benchmarks.
//!
//! The output depends only on N, the format and the seed: the same arguments
//! give the same bytes on every run and every machine. No dependencies: the
//! random numbers come from a splitmix64 generator.

// a command-line tool: it prints its files
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod acled;
mod datasets;
mod gtd;

use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

const HEADER: &str = "id,date,date_end,date_precision,country,admin1,location,latitude,longitude,geo_precision,\
                      perpetrator,target,method,killed,wounded,kidnapped,perpetrators_killed,description,sources,status";

const USAGE: &str = "usage: gen-incidents N [--format native|acled|gtd] [--seed S] [-o FILE]\n\
                     Writes N synthetic incidents (standard output unless -o): in Vigie's native CSV (default),\n\
                     in ACLED's export layout (31 columns, UTF-8) or in the GTD release's (135 columns,\n\
                     Windows-1252, CRLF). The same N, format and seed always give the same bytes (default seed 1).";

const DEFAULT_SEED: u64 = 1;

/// splitmix64 (Steele, Lea, Flood 2014): tiny, fast and good enough here.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (multiply-shift; the bias is negligible for small n).
    fn below(&mut self, n: u64) -> u64 {
        ((self.next_u64() as u128 * n as u128) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// Picks from `(item, weight)` pairs.
    fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut ticket = self.below(total as u64) as u32;
        for (item, weight) in items {
            if ticket < *weight {
                return item;
            }
            ticket -= weight;
        }
        &items[items.len() - 1].0
    }

    /// A small, right-skewed count: mostly 0–5, sometimes tens, rarely more.
    fn skewed(&mut self, scale: f64) -> u32 {
        let u = self.unit();
        let mut n = (u * u * u * scale) as u32;
        if self.chance(1) {
            n += self.range(20, 200) as u32;
        }
        n
    }
}

/// A place: first-level region, place name and its rough coordinates.
struct Place {
    admin1: &'static str,
    location: &'static str,
    lat: f64,
    lon: f64,
}

const fn p(admin1: &'static str, location: &'static str, lat: f64, lon: f64) -> Place {
    Place { admin1, location, lat, lon }
}

/// A country: code, weight (per mille of incidents), places and the groups
/// active there with their weights.
struct Country {
    code: &'static str,
    weight: u32,
    places: &'static [Place],
    groups: &'static [(&'static str, u32)],
}

const COUNTRIES: &[Country] = &[
    Country {
        code: "BF",
        weight: 140,
        places: &[
            p("Sahel", "Djibo", 14.10, -1.63),
            p("Sahel", "Dori", 14.03, -0.03),
            p("Sahel", "Arbinda", 14.23, -0.87),
            p("Sahel", "Gorom-Gorom", 14.44, -0.23),
            p("Sahel", "Tin-Akoff, Oudalan", 14.97, -0.15),
            p("Est", "Fada N'Gourma", 12.06, 0.36),
            p("Est", "Diapaga", 12.07, 1.79),
            p("Centre-Nord", "Kaya", 13.09, -1.08),
            p("Centre-Nord", "Barsalogho", 13.42, -1.06),
            p("Nord", "Ouahigouya", 13.58, -2.42),
            p("Boucle du Mouhoun", "Dédougou", 12.46, -3.46),
        ],
        groups: &[("jnim", 45), ("is-sahel", 20), ("ansarul-islam", 10), ("unknown", 25)],
    },
    Country {
        code: "ML",
        weight: 120,
        places: &[
            p("Ménaka", "Ménaka", 15.92, 2.40),
            p("Gao", "Gao", 16.27, -0.04),
            p("Gao", "Ansongo", 15.66, 0.50),
            p("Tombouctou", "Tombouctou", 16.77, -3.01),
            p("Tombouctou", "Ber, \"camp\" de la MINUSMA", 16.08, -2.47),
            p("Mopti", "Mopti", 14.49, -4.18),
            p("Mopti", "Bandiagara", 14.35, -3.61),
            p("Mopti", "Boni", 15.02, -1.97),
            p("Ségou", "Niono", 14.25, -5.99),
            p("Ségou", "Macina", 13.96, -5.36),
            p("Kidal", "Kidal", 18.44, 1.41),
        ],
        groups: &[("jnim", 45), ("is-sahel", 25), ("katiba-macina", 8), ("unknown", 22)],
    },
    Country {
        code: "NE",
        weight: 100,
        places: &[
            p("Tillabéri", "Tillabéri", 14.21, 1.45),
            p("Tillabéri", "Ayorou", 14.73, 0.92),
            p("Tillabéri", "Téra", 14.01, 0.75),
            p("Tillabéri", "Ouallam", 14.32, 2.09),
            p("Tillabéri", "Inatès, poste militaire", 15.18, 1.62),
            p("Tahoua", "Tahoua", 14.89, 5.26),
            p("Tahoua", "Tillia", 16.14, 4.79),
            p("Diffa", "Diffa", 13.32, 12.61),
            p("Diffa", "Bosso", 13.70, 13.31),
            p("Dosso", "Dosso", 13.05, 3.19),
            p("Maradi", "Maradi", 13.50, 7.10),
        ],
        groups: &[("is-sahel", 40), ("jnim", 20), ("iswap", 10), ("boko-haram", 5), ("lakurawa", 3), ("unknown", 22)],
    },
    Country {
        code: "TD",
        weight: 40,
        places: &[
            p("Lac", "Bol", 13.46, 14.71),
            p("Lac", "Baga Sola", 13.53, 14.32),
            p("Lac", "Ngouboua", 13.60, 14.08),
            p("N'Djaména", "N'Djaména", 12.11, 15.04),
            p("Tibesti", "Bardaï", 21.35, 17.00),
            p("Ouaddaï", "Abéché", 13.83, 20.83),
        ],
        groups: &[("boko-haram", 45), ("iswap", 30), ("unknown", 25)],
    },
    Country {
        code: "MR",
        weight: 15,
        places: &[
            p("Hodh Ech Chargui", "Néma", 16.62, -7.26),
            p("Hodh Ech Chargui", "Bassikounou", 15.87, -5.96),
            p("Hodh El Gharbi", "Aïoun", 16.66, -9.61),
            p("Nouakchott-Ouest", "Nouakchott", 18.09, -15.98),
            p("Tiris Zemmour", "Zouérat", 22.73, -12.47),
        ],
        groups: &[("aqim", 50), ("jnim", 20), ("unknown", 30)],
    },
    Country {
        code: "NG",
        weight: 150,
        places: &[
            p("Borno", "Maiduguri", 11.85, 13.16),
            p("Borno", "Gwoza", 11.08, 13.69),
            p("Borno", "Monguno", 12.67, 13.61),
            p("Borno", "Bama", 11.52, 13.69),
            p("Yobe", "Damaturu", 11.75, 11.96),
            p("Yobe", "Geidam", 12.89, 11.93),
            p("Adamawa", "Mubi", 10.27, 13.26),
            p("Zamfara", "Gusau", 12.16, 6.66),
            p("Kaduna", "Kaduna", 10.52, 7.44),
            p("Niger", "Shiroro", 9.96, 6.83),
            p("Sokoto", "Tangaza", 13.36, 4.93),
        ],
        groups: &[("iswap", 35), ("boko-haram", 35), ("ansaru", 5), ("lakurawa", 5), ("unknown", 20)],
    },
    Country {
        code: "CM",
        weight: 60,
        places: &[
            p("Extrême-Nord", "Kolofata", 11.17, 14.02),
            p("Extrême-Nord", "Mora", 11.05, 14.14),
            p("Extrême-Nord", "Maroua", 10.59, 14.32),
            p("Extrême-Nord", "Mokolo", 10.74, 13.80),
            p("Extrême-Nord", "Fotokol, Logone-et-Chari", 12.37, 14.22),
        ],
        groups: &[("boko-haram", 50), ("iswap", 25), ("unknown", 25)],
    },
    Country {
        code: "SO",
        weight: 110,
        places: &[
            p("Banaadir", "Mogadishu", 2.04, 45.34),
            p("Lower Shabelle", "Afgooye", 2.14, 45.12),
            p("Lower Shabelle", "Marka", 1.71, 44.77),
            p("Middle Shabelle", "Jowhar", 2.78, 45.50),
            p("Bay", "Baidoa", 3.11, 43.65),
            p("Hiiraan", "Beledweyne", 4.74, 45.20),
            p("Lower Juba", "Kismayo", -0.36, 42.55),
            p("Gedo", "Bardera", 2.34, 42.28),
            p("Bari", "Bosaso", 11.28, 49.18),
        ],
        groups: &[("al-shabaab", 80), ("is-somalia", 8), ("unknown", 12)],
    },
    Country {
        code: "KE",
        weight: 15,
        places: &[
            p("Garissa", "Garissa", -0.45, 39.65),
            p("Lamu", "Mpeketoni", -2.39, 40.70),
            p("Mandera", "Mandera", 3.94, 41.86),
        ],
        groups: &[("al-shabaab", 80), ("unknown", 20)],
    },
    Country {
        code: "PK",
        weight: 60,
        places: &[
            p("Khyber Pakhtunkhwa", "Peshawar", 34.01, 71.58),
            p("Khyber Pakhtunkhwa", "Bannu", 32.99, 70.60),
            p("Khyber Pakhtunkhwa", "Dera Ismail Khan", 31.83, 70.90),
            p("Khyber Pakhtunkhwa", "Miranshah, North Waziristan", 33.00, 70.07),
            p("Balochistan", "Quetta", 30.18, 66.98),
            p("Balochistan", "Turbat", 26.00, 63.05),
            p("Sindh", "Karachi", 24.86, 67.01),
        ],
        groups: &[("ttp", 45), ("bla", 20), ("is-pakistan", 8), ("lashkar-e-jhangvi", 5), ("unknown", 22)],
    },
    Country {
        code: "AF",
        weight: 40,
        places: &[
            p("Kabul", "Kabul", 34.53, 69.17),
            p("Nangarhar", "Jalalabad", 34.43, 70.45),
            p("Kunduz", "Kunduz", 36.73, 68.86),
            p("Kandahar", "Kandahar", 31.63, 65.71),
            p("Balkh", "Mazar-i-Sharif", 36.71, 67.11),
        ],
        groups: &[("is-khorasan", 60), ("unknown", 40)],
    },
    Country {
        code: "YE",
        weight: 25,
        places: &[
            p("Abyan", "Zinjibar", 13.13, 45.38),
            p("Shabwah", "Ataq", 14.54, 46.83),
            p("Hadramawt", "Mukalla", 14.54, 49.12),
            p("Aden", "Aden", 12.79, 45.02),
            p("Al Bayda", "Al Bayda", 13.99, 45.57),
        ],
        groups: &[("aqap", 70), ("unknown", 30)],
    },
    Country {
        code: "SY",
        weight: 35,
        places: &[
            p("Deir ez-Zor", "Deir ez-Zor", 35.33, 40.14),
            p("Deir ez-Zor", "Al-Bukamal", 34.45, 40.92),
            p("Homs", "Palmyra", 34.55, 38.27),
            p("Idlib", "Idlib", 35.93, 36.63),
            p("Al-Hasakah", "Al-Hasakah", 36.50, 40.75),
            p("Raqqa", "Raqqa", 35.95, 39.01),
        ],
        groups: &[("is", 60), ("hts", 15), ("unknown", 25)],
    },
    Country {
        code: "IQ",
        weight: 30,
        places: &[
            p("Nineveh", "Mosul", 36.34, 43.13),
            p("Anbar", "Ramadi", 33.42, 43.30),
            p("Kirkuk", "Kirkuk", 35.47, 44.39),
            p("Diyala", "Baqubah", 33.75, 44.64),
            p("Salah al-Din", "Tikrit", 34.60, 43.68),
            p("Baghdad", "Baghdad", 33.31, 44.37),
        ],
        groups: &[("is", 75), ("unknown", 25)],
    },
    Country {
        code: "EG",
        weight: 15,
        places: &[
            p("North Sinai", "El Arish", 31.13, 33.80),
            p("North Sinai", "Rafah", 31.28, 34.24),
            p("North Sinai", "Sheikh Zuweid", 31.21, 34.11),
            p("Cairo", "Cairo", 30.04, 31.24),
        ],
        groups: &[("is-sinai", 75), ("unknown", 25)],
    },
    Country {
        code: "LY",
        weight: 10,
        places: &[
            p("Fezzan", "Sabha", 27.04, 14.43),
            p("Sirte", "Sirte", 31.21, 16.59),
            p("Derna", "Derna", 32.76, 22.64),
            p("Tripoli", "Tripoli", 32.89, 13.19),
        ],
        groups: &[("is", 60), ("unknown", 40)],
    },
    Country {
        code: "MZ",
        weight: 25,
        places: &[
            p("Cabo Delgado", "Mocímboa da Praia", -11.35, 40.36),
            p("Cabo Delgado", "Palma", -10.78, 40.47),
            p("Cabo Delgado", "Macomia", -12.25, 40.12),
            p("Cabo Delgado", "Pemba", -12.97, 40.52),
            p("Niassa", "Mecula", -12.08, 37.65),
        ],
        groups: &[("is-mozambique", 80), ("unknown", 20)],
    },
    Country {
        code: "BJ",
        weight: 7,
        places: &[p("Alibori", "Karimama", 12.07, 3.18), p("Atacora", "Tanguiéta", 10.62, 1.27)],
        groups: &[("jnim", 70), ("is-sahel", 10), ("unknown", 20)],
    },
    Country {
        code: "TG",
        weight: 3,
        places: &[p("Savanes", "Dapaong", 10.86, 0.21)],
        groups: &[("jnim", 80), ("unknown", 20)],
    },
];

const TARGETS: &[(&str, u32)] = &[
    ("military", 25),
    ("security", 15),
    ("government", 6),
    ("civilians", 30),
    ("religious", 3),
    ("education", 2),
    ("business", 4),
    ("infrastructure", 4),
    ("humanitarian", 2),
    ("media", 1),
    ("diplomatic", 1),
    ("armed_groups", 3),
    ("other", 2),
    ("unknown", 2),
];

const METHODS: &[(&str, u32)] = &[
    ("armed_assault", 35),
    ("ambush", 15),
    ("explosive", 15),
    ("suicide", 4),
    ("indirect_fire", 5),
    ("drone", 2),
    ("kidnapping", 8),
    ("hostage_taking", 1),
    ("assassination", 5),
    ("facility_attack", 6),
    ("other", 2),
    ("unknown", 2),
];

const PRECISIONS: &[(&str, u32)] = &[("day", 85), ("week", 10), ("month", 5)];

/// Openings of a description; `{}` is replaced by the place name.
const OPENINGS_EN: &[&str] = &[
    "Unidentified gunmen on motorbikes attacked {} in the early morning",
    "An improvised explosive device struck a military convoy on the road near {}",
    "Armed men raided a village market close to {}, burning shops and stealing cattle",
    "A checkpoint of the security forces outside {} came under sustained fire",
    "Militants ambushed a supply column between {} and the regional capital",
    "Several civilians were abducted from their homes in {} overnight",
    "Witnesses said the attackers \"came in large numbers\" and surrounded {}",
    "A mortar attack targeted a military camp on the outskirts of {}",
    "Gunmen stormed a school in {} and set the classrooms on fire",
    "A local official was shot dead in front of his house in {}",
];

const OPENINGS_FR: &[&str] = &[
    "Des hommes armés non identifiés ont attaqué un poste de gendarmerie à {}",
    "Une embuscade tendue à une patrouille de l'armée près de {} a fait plusieurs victimes",
    "Un engin explosif a sauté au passage d'un véhicule civil sur l'axe menant à {}",
    "Des assaillants ont incendié le marché de {} et emporté du bétail",
];

const OPENINGS_AR: &[&str] = &[
    "هاجم مسلحون مجهولون موقعا عسكريا قرب {}، وأسفر الهجوم عن سقوط قتلى وجرحى",
    "انفجرت عبوة ناسفة على طريق قريب من {} أثناء مرور دورية للجيش",
];

const CLAUSES_EN: &[&str] = &[
    ", according to local sources",
    "; the toll is provisional",
    ", a security source said",
    "; reinforcements were sent the next day",
    ", and the assailants fled toward the border",
    "; the army said it \"neutralised\" several attackers",
    ", before withdrawing into the bush",
    "; humanitarian access to the area remains limited",
    ", the second such attack this month",
    "; the claim could not be verified independently",
];

const CLAUSES_FR: &[&str] = &[
    ", selon des sources locales",
    " ; le bilan reste provisoire",
    ", a indiqué une source sécuritaire",
    " ; des renforts ont été dépêchés sur place",
];

const CLAUSES_AR: &[&str] = &["، بحسب مصادر محلية", "، ولم تتبن أي جهة الهجوم حتى الآن"];

const AGENCIES: &[&str] = &[
    "AFP",
    "Reuters",
    "RFI",
    "AP",
    "Agence Nigérienne de Presse",
    "Local sources",
    "Ministry of Defence, communiqué",
    "Garowe Online",
    "Dawn",
    "Al Jazeera",
    "Le Faso.net",
    "OCHA situation report",
];

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number (inverse of `days_from_civil`).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + if m <= 2 { 1 } else { 0 }, m, d)
}

fn push_date(out: &mut String, day: i64) {
    let (y, m, d) = civil_from_days(day);
    let _ = write!(out, "{y:04}-{m:02}-{d:02}");
}

/// Appends a CSV field, quoted when it needs to be (RFC 4180).
fn push_field(out: &mut String, value: &str) {
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        for c in value.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn push_count(out: &mut String, value: Option<u32>) {
    if let Some(n) = value {
        let _ = write!(out, "{n}");
    }
}

/// A description of 60 to 200 characters, mostly English, some French and
/// a few Arabic.
fn description(rng: &mut Rng, place: &Place, buf: &mut String) {
    buf.clear();
    let (openings, clauses) = match rng.below(100) {
        0..=79 => (OPENINGS_EN, CLAUSES_EN),
        80..=94 => (OPENINGS_FR, CLAUSES_FR),
        _ => (OPENINGS_AR, CLAUSES_AR),
    };
    let opening = rng.pick(openings);
    let (before, after) = opening.split_once("{}").unwrap_or((opening, ""));
    buf.push_str(before);
    buf.push_str(place.location);
    buf.push_str(after);
    let wanted = rng.range(60, 200) as usize;
    let mut len = buf.chars().count();
    let mut used = 0u32;
    for _ in 0..6 {
        if len >= wanted {
            break;
        }
        let index = rng.below(clauses.len() as u64) as usize;
        if used & (1 << index) != 0 {
            continue;
        }
        used |= 1 << index;
        let clause = clauses[index];
        let n = clause.chars().count();
        if len + n + 1 > 200 {
            break;
        }
        buf.push_str(clause);
        len += n;
    }
    while len < 59 {
        buf.push_str(" (bis)");
        len += 6;
    }
    buf.push('.');
}

fn sources(rng: &mut Rng, buf: &mut String) {
    buf.clear();
    let _ = write!(buf, "https://example.org/report/{}", rng.range(1, 999_999));
    if rng.chance(30) {
        let _ = write!(buf, " ; https://news.example.com/{}/{}", rng.range(2014, 2024), rng.range(1000, 99_999));
    }
    buf.push_str(" ; ");
    buf.push_str(rng.pick::<&str>(AGENCIES));
}

fn generate(n: u64, seed: u64, out: &mut dyn Write) -> io::Result<()> {
    let mut rng = Rng::new(seed);
    let first_day = days_from_civil(2014, 1, 1);
    let last_day = days_from_civil(2024, 12, 31);
    let country_weights: Vec<(usize, u32)> = COUNTRIES.iter().enumerate().map(|(i, c)| (i, c.weight)).collect();
    let mut line = String::with_capacity(1024);
    let mut text = String::with_capacity(512);

    out.write_all(HEADER.as_bytes())?;
    out.write_all(b"\n")?;
    for i in 1..=n {
        line.clear();
        let country = &COUNTRIES[*rng.weighted(&country_weights)];
        let place = rng.pick(country.places);
        let day = rng.range(first_day, last_day);
        let method = *rng.weighted(METHODS);

        // id, date, date_end, date_precision
        let _ = write!(line, "gen-{i:09},");
        push_date(&mut line, day);
        line.push(',');
        if rng.chance(5) {
            push_date(&mut line, day + rng.range(1, 3));
        }
        line.push(',');
        line.push_str(rng.weighted::<&str>(PRECISIONS));
        line.push(',');

        // country, admin1, location, latitude, longitude, geo_precision
        line.push_str(country.code);
        line.push(',');
        push_field(&mut line, place.admin1);
        line.push(',');
        push_field(&mut line, place.location);
        line.push(',');
        let geo_precision = *rng.weighted(&[(1u32, 50), (2, 35), (3, 15)]);
        if rng.chance(10) {
            line.push_str(",,");
        } else {
            let spread = 0.05 * geo_precision as f64;
            let lat = place.lat + (rng.unit() * 2.0 - 1.0) * spread;
            let lon = place.lon + (rng.unit() * 2.0 - 1.0) * spread;
            let decimals = rng.range(2, 4) as usize;
            let _ = write!(line, "{lat:.decimals$},{lon:.decimals$},");
        }
        let _ = write!(line, "{geo_precision},");

        // perpetrator, target, method
        line.push_str(rng.weighted::<&str>(country.groups));
        line.push(',');
        line.push_str(rng.weighted::<&str>(TARGETS));
        line.push(',');
        line.push_str(method);
        line.push(',');

        // killed, wounded, kidnapped, perpetrators_killed
        let killed = (!rng.chance(10)).then(|| rng.skewed(25.0));
        let wounded = (!rng.chance(10)).then(|| rng.skewed(30.0));
        let kidnapped = match method {
            "kidnapping" | "hostage_taking" => Some(rng.range(1, 30) as u32),
            _ if rng.chance(10) => Some(rng.range(0, 5) as u32),
            _ => None,
        };
        let perpetrators_killed = rng.chance(35).then(|| rng.skewed(15.0));
        for value in [killed, wounded, kidnapped, perpetrators_killed] {
            push_count(&mut line, value);
            line.push(',');
        }

        // description, sources, status
        description(&mut rng, place, &mut text);
        push_field(&mut line, &text);
        line.push(',');
        sources(&mut rng, &mut text);
        push_field(&mut line, &text);
        line.push(',');
        line.push_str(if rng.chance(90) { "verified" } else { "draft" });
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    out.flush()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Native,
    Acled,
    Gtd,
}

impl Format {
    fn generate(self, n: u64, seed: u64, out: &mut dyn Write) -> io::Result<()> {
        match self {
            Format::Native => generate(n, seed, out),
            Format::Acled => acled::generate(n, seed, out),
            Format::Gtd => gtd::generate(n, seed, out),
        }
    }
}

struct Args {
    count: u64,
    format: Format,
    seed: u64,
    output: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut count = None;
    let mut format = Format::Native;
    let mut seed = DEFAULT_SEED;
    let mut output = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--seed" | "-s" => {
                let value = args.next().ok_or("--seed needs a value")?;
                seed = value.parse().map_err(|_| format!("--seed: not a whole number: {value:?}"))?;
            }
            "--format" | "-f" => {
                let value = args.next().ok_or("--format needs a value: native, acled or gtd")?;
                format = match value.as_str() {
                    "native" => Format::Native,
                    "acled" => Format::Acled,
                    "gtd" => Format::Gtd,
                    _ => return Err(format!("--format: native, acled or gtd, not {value:?}")),
                };
            }
            "-o" | "--output" => output = Some(args.next().ok_or("-o needs a file name")?),
            _ if arg.starts_with('-') && arg.len() > 1 => return Err(format!("unknown option {arg:?}")),
            _ if count.is_none() => {
                let digits = arg.replace('_', "");
                count = Some(digits.parse().map_err(|_| format!("N: not a whole number: {arg:?}"))?);
            }
            _ => return Err(format!("unexpected argument {arg:?}")),
        }
    }
    Ok(Args { count: count.ok_or("N is required")?, format, seed, output })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) if message.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("gen-incidents: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let Args { count, format, seed, .. } = args;
    let result = match &args.output {
        Some(path) if path != "-" => File::create(path)
            .and_then(|file| format.generate(count, seed, &mut BufWriter::with_capacity(1 << 20, file))),
        _ => format.generate(count, seed, &mut BufWriter::with_capacity(1 << 20, io::stdout().lock())),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("gen-incidents: {error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trip() {
        for day in days_from_civil(2013, 12, 1)..days_from_civil(2025, 2, 1) {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        assert_eq!(days_from_civil(1970, 1, 1), 0);
    }

    #[test]
    fn same_seed_same_bytes() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        generate(500, 7, &mut a).unwrap();
        generate(500, 7, &mut b).unwrap();
        assert_eq!(a, b);
        let mut c = Vec::new();
        generate(500, 8, &mut c).unwrap();
        assert_ne!(a, c);
    }

    /// FNV-1a, 64 bits.
    fn fnv(bytes: &[u8]) -> u64 {
        bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
    }

    #[test]
    fn native_output_is_unchanged() {
        // the bytes of the generator before the ACLED and GTD formats were added
        let mut out = Vec::new();
        Format::Native.generate(2000, 7, &mut out).unwrap();
        assert_eq!((out.len(), fnv(&out)), (639_426, 0x4c6f_c6a0_d5ab_77b7));
    }

    /// The records of a CSV file (RFC 4180 quoting, LF or CRLF line ends),
    /// each field as bytes, with the line-end bytes of each record.
    fn records(bytes: &[u8]) -> Vec<(Vec<Vec<u8>>, Vec<u8>)> {
        let mut records = Vec::new();
        let mut fields = Vec::new();
        let mut field = Vec::new();
        let mut quoted = false;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if quoted {
                if b == b'"' && bytes.get(i + 1) == Some(&b'"') {
                    field.push(b'"');
                    i += 1;
                } else if b == b'"' {
                    quoted = false;
                } else {
                    field.push(b);
                }
            } else if b == b'"' {
                assert!(field.is_empty(), "quote inside a field at byte {i}");
                quoted = true;
            } else if b == b',' {
                fields.push(std::mem::take(&mut field));
            } else if b == b'\r' || b == b'\n' {
                let end = if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                fields.push(std::mem::take(&mut field));
                records.push((std::mem::take(&mut fields), bytes[i..i + end].to_vec()));
                i += end - 1;
            } else {
                field.push(b);
            }
            i += 1;
        }
        assert!(!quoted && field.is_empty() && fields.is_empty(), "the file does not end with a line end");
        records
    }

    fn text(field: &[u8]) -> &str {
        std::str::from_utf8(field).unwrap()
    }

    fn generated(format: Format, n: u64, seed: u64) -> Vec<u8> {
        let mut out = Vec::new();
        format.generate(n, seed, &mut out).unwrap();
        let mut again = Vec::new();
        format.generate(n, seed, &mut again).unwrap();
        assert!(out == again, "same arguments, different bytes");
        let mut other = Vec::new();
        format.generate(n, seed + 1, &mut other).unwrap();
        assert!(out != other, "another seed, the same bytes");
        out
    }

    #[test]
    fn headers_have_31_and_135_distinct_columns() {
        for (header, count) in [(acled::HEADER, 31), (gtd::HEADER, gtd::COLUMNS)] {
            let mut names: Vec<&str> = header.split(',').collect();
            assert_eq!(names.len(), count);
            assert!(names.iter().all(|n| !n.is_empty() && n.trim() == *n), "{names:?}");
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), count);
        }
        assert_eq!(gtd::COLUMNS, 135);
        assert!(gtd::HEADER.starts_with("eventid,iyear,imonth,iday,approxdate,extended,resolution,country,"));
        assert!(gtd::HEADER.ends_with(",dbsource,INT_LOG,INT_IDEO,INT_MISC,INT_ANY,related"));
    }

    #[test]
    fn acled_rows() {
        let bytes = generated(Format::Acled, 5000, 3);
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).expect("a byte-order mark");
        let records = records(bytes);
        assert_eq!(records.len(), 5001);
        let header: Vec<&str> = records[0].0.iter().map(|f| text(f)).collect();
        assert_eq!(header.join(","), acled::HEADER);
        let column = |name: &str| header.iter().position(|n| *n == name).unwrap();
        let (id, date, year, event_type, sub) = (
            column("event_id_cnty"),
            column("event_date"),
            column("year"),
            column("event_type"),
            column("sub_event_type"),
        );
        let (inter1, interaction, actor1, fatalities) =
            (column("inter1"), column("interaction"), column("actor1"), column("fatalities"));
        let mut ids = std::collections::HashSet::new();
        let mut demonstrations = 0;
        for (fields, end) in &records[1..] {
            assert_eq!(fields.len(), 31);
            assert_eq!(end, b"\n");
            assert!(ids.insert(text(&fields[id])), "duplicate id {}", text(&fields[id]));
            // DD Month YYYY
            let parts: Vec<&str> = text(&fields[date]).split(' ').collect();
            assert_eq!(parts.len(), 3, "{:?}", text(&fields[date]));
            assert_eq!(parts[0].len(), 2);
            assert!((1..=31).contains(&parts[0].parse::<u32>().unwrap()));
            assert!(datasets::MONTHS.contains(&parts[1]));
            assert_eq!(parts[2], text(&fields[year]));
            assert!(
                ["State forces", "Rebel group", "Political militia", "Rioters", "Protesters"]
                    .contains(&text(&fields[inter1]))
            );
            let interaction = text(&fields[interaction]);
            assert!(interaction.ends_with(" only") || interaction.contains('-'), "{interaction}");
            assert!(!fields[actor1].is_empty());
            text(&fields[fatalities]).parse::<u32>().unwrap();
            let event_type = text(&fields[event_type]);
            if matches!(event_type, "Protests" | "Riots") {
                demonstrations += 1;
            }
            assert!(
                acled::EVENT_TYPES
                    .iter()
                    .any(|(t, _)| t.name == event_type && t.subs.iter().any(|(s, _)| *s == text(&fields[sub]))),
                "{event_type} / {}",
                text(&fields[sub])
            );
        }
        // about 10 % protests and riots
        assert!((350..650).contains(&demonstrations), "{demonstrations}");
        assert!(bytes.windows(2).any(|w| w == "é".as_bytes()), "UTF-8 accents");
    }

    #[test]
    fn gtd_rows() {
        let bytes = generated(Format::Gtd, 5000, 3);
        // Windows-1252 (Latin-1) bytes, not UTF-8, and nothing in 0x80–0x9F
        assert!(std::str::from_utf8(&bytes).is_err());
        assert!(bytes.contains(&0xE9));
        assert!(!bytes.iter().any(|b| (0x80..0xA0).contains(b)));
        let records = records(&bytes);
        assert_eq!(records.len(), 5001);
        let header: Vec<&str> = records[0].0.iter().map(|f| text(f)).collect();
        assert_eq!(header.join(","), gtd::HEADER);
        let column = |name: &str| header.iter().position(|n| *n == name).unwrap();
        let (eventid, iyear, imonth, iday) = (column("eventid"), column("iyear"), column("imonth"), column("iday"));
        let (attack, attack_txt, nkill, nkillter) =
            (column("attacktype1"), column("attacktype1_txt"), column("nkill"), column("nkillter"));
        let mut ids = std::collections::HashSet::new();
        let (mut no_day, mut no_month, mut minus_9, mut minus_99) = (0, 0, 0, 0);
        for (fields, end) in &records[1..] {
            assert_eq!(fields.len(), 135);
            assert_eq!(end, b"\r\n");
            let id = text(&fields[eventid]);
            assert!(id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit()), "{id}");
            assert!(ids.insert(id.to_string()), "duplicate id {id}");
            let (y, m, d) = (text(&fields[iyear]), text(&fields[imonth]), text(&fields[iday]));
            assert_eq!(&id[..8], format!("{y}{:02}{:02}", m.parse::<u8>().unwrap(), d.parse::<u8>().unwrap()));
            no_day += (d == "0") as u32;
            no_month += (m == "0") as u32;
            minus_9 += fields.iter().filter(|f| f.as_slice() == b"-9").count();
            minus_99 += fields.iter().filter(|f| f.as_slice() == b"-99").count();
            let code: usize = text(&fields[attack]).parse().unwrap();
            let names = [
                "Assassination",
                "Armed Assault",
                "Bombing/Explosion",
                "Hijacking",
                "Hostage Taking (Barricade Incident)",
                "Hostage Taking (Kidnapping)",
                "Facility/Infrastructure Attack",
                "Unarmed Assault",
                "Unknown",
            ];
            assert_eq!(text(&fields[attack_txt]), names[code - 1]);
            // nkill counts the perpetrators too; both written as decimals (12.0) or empty
            let figure = |f: &[u8]| -> Option<u32> {
                let value = text(f);
                (!value.is_empty()).then(|| value.strip_suffix(".0").expect(value).parse().unwrap())
            };
            if let (Some(all), Some(perpetrators)) = (figure(&fields[nkill]), figure(&fields[nkillter])) {
                assert!(all >= perpetrators);
            }
        }
        assert!(no_day > 30 && no_month > 0, "{no_day} {no_month}");
        assert!(minus_9 > 1000 && minus_99 > 1000, "{minus_9} {minus_99}");
    }

    #[test]
    fn dataset_group_names_cover_the_groups() {
        for country in COUNTRIES {
            let info = datasets::country(country.code);
            assert!(!info.regime(2014).is_empty() && !info.regime(2024).is_empty());
            for (group, _) in country.groups {
                datasets::gtd_gname(group);
                datasets::acled_actor(group, country.code, 2020);
            }
        }
    }
}
