#!/usr/bin/env python3
"""Build countries.json (and countries-LICENSE.txt) for Vigie from the npm
package `i18n-iso-countries`.

Usage (from any directory):

    mkdir -p /tmp/countries-build && cd /tmp/countries-build
    npm install i18n-iso-countries cldr-core
    python3 /path/to/crates/domain/data/convert-countries.py /tmp/countries-build/node_modules

The first argument is a node_modules directory that contains
`i18n-iso-countries` (required) and `cldr-core` (optional, only used to copy
the Unicode licence text).  Output files are written next to this script.

Output: a JSON array sorted by alpha2, one country per line:

    {"alpha2":"TD","alpha3":"TCD","numeric":"148",
     "names":{"en":"Chad","fr":"Tchad","ar":"تشاد"},"aliases":[...]}

* names.xx  = first (official short) name of the package for language xx
* aliases   = every further name of the package in en/fr/ar, plus the
              hand-maintained EXTRA_ALIASES below (spellings used by
              conflict datasets - UCDP GED, ACLED, GTD - and common French
              and Arabic press variants).

The script fails (exit 1) if, after normalisation (NFD, combining marks
removed, case-folded, every non-alphanumeric character -> one space), one
name/alias string would point to two different countries.
"""

import json
import os
import sys
import unicodedata

LANGS = ("en", "fr", "ar")

# --------------------------------------------------------------------------
# Package alternates that are dropped because they are ambiguous.
# i18n-iso-countries lists "Congo" as an alternate of both CG and CD; in ISO
# 3166 and in UCDP/ACLED usage the bare "Congo" is the Republic of the Congo
# (CG), so it is removed from CD.
# --------------------------------------------------------------------------
PACKAGE_ALIAS_EXCLUDE = {
    "CD": ["Congo"],
}

# --------------------------------------------------------------------------
# Codes overridden on purpose.
# Kosovo has no ISO 3166-1 code.  The package uses XK / XKK / 983; Vigie uses
# the user-assigned XK with alpha-3 XKX (as used by the World Bank and the
# European Commission) and no numeric code.
# --------------------------------------------------------------------------
CODE_OVERRIDES = {
    "XK": {"alpha3": "XKX", "numeric": ""},
}

# Used only if a future package version drops Kosovo.
KOSOVO_FALLBACK = {
    "alpha2": "XK",
    "alpha3": "XKX",
    "numeric": "",
    "names": {"en": "Kosovo", "fr": "Kosovo", "ar": "كوسوفو"},
}

# --------------------------------------------------------------------------
# Hand-maintained aliases, keyed by alpha2.  Sources of the English forms:
#   UCDP  = UCDP GED / Gleditsch-Ward country names ("DR Congo (Zaire)", ...)
#   ACLED = ACLED `country` values ("Democratic Republic of Congo", ...)
#   GTD   = Global Terrorism Database `country_txt` values ("West Germany
#           (FRG)", "Slovak Republic", ...)
#   ISO   = ISO 3166 / UN formal short forms not carried by the package
# Historic states are mapped only where the successor is unambiguous
# (Yugoslavia, Czechoslovakia and Serbia-Montenegro are deliberately absent).
# "Somaliland" is deliberately absent.
# --------------------------------------------------------------------------
EXTRA_ALIASES = {
    "AE": ["UAE", "U.A.E.",
           "Émirats arabes unis", "Emirats arabes unis",
           "الإمارات", "دولة الإمارات العربية المتحدة"],
    "BA": ["Bosnia-Herzegovina",  # UCDP, GTD
           "Bosnia", "Bosnia & Herzegovina"],
    "BF": ["Burkina Faso (Upper Volta)",  # Gleditsch-Ward / UCDP
           "Upper Volta", "Burkina", "Haute-Volta",
           "بوركينافاسو"],
    "BN": ["Brunei"],
    "BO": ["Bolivia, Plurinational State of"],
    "BQ": ["Caribbean Netherlands"],  # ACLED
    "BY": ["Belarus (Byelorussia)",  # Gleditsch-Ward / UCDP
           "Byelorussia", "Biélorussie", "Bélarus", "بيلاروسيا"],
    "CD": ["DR Congo (Zaire)",  # UCDP
           "Democratic Republic of Congo",  # ACLED
           "Congo, Democratic Republic of the",
           "Congo, The Democratic Republic of the",  # ISO
           "Congo, Democratic Republic of (Zaire)",  # Gleditsch-Ward
           "Congo, Dem. Rep.", "Congo (Kinshasa)", "Congo-Kinshasa",
           "DR Congo", "DRC", "D.R. Congo",
           "Zaire",  # GTD (historic)
           "RDC", "RD Congo", "Zaïre",
           "الكونغو الديمقراطية"],
    "CF": ["CAR", "C.A.R.",
           "République centrafricaine", "Centrafrique", "RCA",
           "أفريقيا الوسطى", "إفريقيا الوسطى", "جمهورية إفريقيا الوسطى"],
    "CG": ["Republic of Congo",  # ACLED
           "Republic of the Congo", "Congo",  # UCDP ("Congo")
           "Congo, Rep.", "Congo (Brazzaville)", "Congo-Brazzaville",
           "People's Republic of the Congo",  # GTD (historic)
           "République du Congo",
           "الكونغو", "الكونغو برازافيل"],
    "CI": ["Ivory Coast",  # UCDP, ACLED, GTD
           "Cote d'Ivoire", "Côte d'Ivoire", "Cote D'Ivoire",
           "Côte-d'Ivoire", "Côte d’Ivoire", "Cote d’Ivoire",
           "كوت ديفوار"],
    "CV": ["Cape Verde", "Cabo Verde", "Cap-Vert", "كابو فيردي"],
    "CZ": ["Czech Republic", "Czechia", "République tchèque", "Tchéquie"],
    "DE": ["West Germany (FRG)", "East Germany (GDR)",  # GTD (historic)
           "West Germany", "East Germany",
           "German Federal Republic", "German Democratic Republic",  # G-W
           "Germany (Prussia)"],  # Gleditsch-Ward
    "EG": ["جمهورية مصر العربية"],
    "FK": ["Falkland Islands"],  # GTD, ACLED
    "FM": ["Micronesia"],  # ACLED
    "GB": ["UK", "U.K.", "Great Britain",  # GTD
           "Northern Ireland",  # GTD (coded as a country)
           "Grande-Bretagne", "بريطانيا"],
    "GG": ["Bailiwick of Guernsey"],  # ACLED
    "GM": ["Gambia", "The Gambia", "Gambia, The", "Gambie"],
    "JE": ["Bailiwick of Jersey"],  # ACLED
    "SX": ["Sint Maarten"],  # ACLED
    "IQ": ["جمهورية العراق"],
    "IR": ["Iran", "Iran (Persia)",  # UCDP / Gleditsch-Ward
           "Iran, Islamic Republic of",  # ISO
           "جمهورية إيران الإسلامية"],
    "IT": ["Italy/Sardinia"],  # Gleditsch-Ward
    "JO": ["المملكة الأردنية الهاشمية"],
    "KG": ["Kyrgyz Republic", "Kirghizia"],
    "KH": ["Cambodia (Kampuchea)",  # UCDP
           "Kampuchea"],
    "KN": ["St. Kitts and Nevis"],  # GTD
    "KP": ["North Korea", "DPRK", "Korea, Democratic People's Republic of",
           "Korea, People's Republic of"],  # Gleditsch-Ward
    "KR": ["South Korea", "Korea, Republic of", "Republic of Korea"],
    "LA": ["Laos", "Lao PDR"],
    "LC": ["St. Lucia"],  # GTD
    "LK": ["Sri Lanka (Ceylon)", "Ceylon"],
    "MA": ["المملكة المغربية"],
    "MD": ["Moldova", "Republic of Moldova", "Moldavia"],
    "MF": ["Saint-Martin"],  # ACLED
    "MG": ["Madagascar (Malagasy)",  # UCDP
           "Malagasy Republic"],
    "MK": ["Macedonia", "North Macedonia",  # GTD, ACLED
           "Macedonia, FYR",  # UCDP (older versions)
           "Former Yugoslav Republic of Macedonia", "FYROM",
           "Macédoine"],
    "ML": ["جمهورية مالي"],
    "MM": ["Myanmar (Burma)",  # UCDP
           "Burma", "Birmanie", "ميانمار"],
    "MO": ["Macau"],  # GTD
    "MR": ["Mauritanie", "Islamic Republic of Mauritania",
           "République islamique de Mauritanie",
           "الجمهورية الإسلامية الموريتانية", "موريطانيا"],
    "NE": ["جمهورية النيجر"],
    "NG": ["جمهورية نيجيريا الاتحادية"],
    "PS": ["Palestine", "West Bank and Gaza Strip",  # GTD
           "West Bank and Gaza", "Palestinian Territories",
           "Occupied Palestinian Territory", "Palestine, State of",
           "Territoires palestiniens",
           "دولة فلسطين", "الأراضي الفلسطينية"],
    "RO": ["Rumania"],  # Gleditsch-Ward
    "RS": ["Serbia (Yugoslavia)"],  # UCDP
    "RU": ["Russia", "Russia (Soviet Union)",  # UCDP
           "Soviet Union", "USSR",  # GTD (historic)
           "Union soviétique", "URSS",
           "الاتحاد الروسي", "الاتحاد السوفيتي"],
    "SA": ["KSA", "Kingdom of Saudi Arabia",
           "Arabie saoudite",
           "المملكة العربية السعودية", "العربية السعودية"],
    "SH": ["Saint Helena, Ascension and Tristan da Cunha"],
    "SK": ["Slovak Republic"],  # GTD
    "SO": ["Federal Republic of Somalia", "جمهورية الصومال الفيدرالية"],
    "SR": ["Surinam"],  # Gleditsch-Ward
    "SY": ["Syria", "سورية", "الجمهورية العربية السورية"],
    "SZ": ["Kingdom of eSwatini (Swaziland)",  # UCDP
           "eSwatini",  # ACLED
           "Swaziland",  # GTD
           "Eswatini", "إسواتيني"],
    "TD": ["Tchad", "Republic of Chad", "جمهورية تشاد"],
    "TL": ["East Timor",  # ACLED
           "Timor Leste", "Timor oriental"],
    "TR": ["Turkey", "Türkiye", "Turkiye",
           "Turkey (Ottoman Empire)"],  # Gleditsch-Ward
    "TZ": ["Tanzania", "Tanzania, United Republic of",
           "Tanzania (Tanganyika)"],  # Gleditsch-Ward
    "US": ["United States", "USA", "United States of America",
           "Etats-Unis", "États-Unis",
           "الولايات المتحدة الأمريكية", "أمريكا"],
    "VA": ["Vatican City",  # GTD, ACLED
           "Holy See", "Vatican", "Cité du Vatican"],
    "VE": ["Venezuela, Bolivarian Republic of"],
    "VG": ["British Virgin Islands"],
    "VI": ["Virgin Islands (U.S.)",  # GTD
           "United States Virgin Islands", "US Virgin Islands"],
    "VN": ["Vietnam (North Vietnam)",  # UCDP
           "South Vietnam", "North Vietnam",  # GTD (historic)
           "Viet Nam", "Viêt Nam"],
    "VU": ["New Hebrides"],  # GTD (historic)
    "YE": ["Yemen (North Yemen)",  # UCDP
           "North Yemen", "South Yemen",  # GTD (historic)
           "Republic of Yemen", "Yemen, Rep.",
           "الجمهورية اليمنية"],
    "ZW": ["Zimbabwe (Rhodesia)",  # UCDP
           "Rhodesia"],  # GTD (historic)
}


def normalise(s: str) -> str:
    """NFD, drop combining marks, case-fold, non-alphanumerics -> space."""
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if not unicodedata.category(ch).startswith("M"))
    s = s.casefold()
    s = "".join(ch if ch.isalnum() else " " for ch in s)
    return " ".join(s.split())


def as_list(v):
    return v if isinstance(v, list) else [v]


def main() -> int:
    node_modules = sys.argv[1] if len(sys.argv) > 1 else "/tmp/countries-build/node_modules"
    pkg = os.path.join(node_modules, "i18n-iso-countries")
    out_dir = os.path.dirname(os.path.abspath(__file__))

    with open(os.path.join(pkg, "codes.json"), encoding="utf-8") as f:
        codes = {row[0]: row for row in json.load(f)}
    langs = {}
    for lang in LANGS:
        with open(os.path.join(pkg, "langs", f"{lang}.json"), encoding="utf-8") as f:
            langs[lang] = json.load(f)["countries"]

    unknown = set(EXTRA_ALIASES) - set(codes) - {"XK"}
    if unknown:
        print(f"EXTRA_ALIASES has unknown codes: {sorted(unknown)}", file=sys.stderr)
        return 1

    countries = []
    for a2, row in codes.items():
        _, a3, num = row[0], row[1], row[2]
        names, aliases = {}, []
        for lang in LANGS:
            vals = as_list(langs[lang][a2])
            names[lang] = vals[0]
            aliases.extend(v for v in vals[1:] if v not in PACKAGE_ALIAS_EXCLUDE.get(a2, []))
        c = {"alpha2": a2, "alpha3": a3, "numeric": str(num).zfill(3) if num else "",
             "names": names, "aliases": aliases}
        c.update(CODE_OVERRIDES.get(a2, {}))
        countries.append(c)
    if "XK" not in codes:
        countries.append(dict(KOSOVO_FALLBACK, aliases=[]))

    for c in countries:
        seen = set(c["names"].values())
        merged = []
        for a in c["aliases"] + EXTRA_ALIASES.get(c["alpha2"], []):
            if a not in seen:
                seen.add(a)
                merged.append(a)
        c["aliases"] = merged

    # Collision check: no normalised string may designate two countries.
    owner, errors = {}, []
    for c in countries:
        for s in list(c["names"].values()) + c["aliases"]:
            k = normalise(s)
            if not k:
                errors.append(f"{c['alpha2']}: {s!r} normalises to empty")
                continue
            prev = owner.setdefault(k, (c["alpha2"], s))
            if prev[0] != c["alpha2"]:
                errors.append(f"{s!r} ({c['alpha2']}) collides with {prev[1]!r} ({prev[0]}) as {k!r}")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1

    countries.sort(key=lambda c: c["alpha2"])
    with open(os.path.join(out_dir, "countries.json"), "w", encoding="utf-8") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(c, ensure_ascii=False, separators=(",", ":"))
                           for c in countries))
        f.write("\n]\n")

    write_licence(node_modules, out_dir)
    n_alias = sum(len(c["aliases"]) for c in countries)
    print(f"wrote {len(countries)} countries, {n_alias} aliases")
    return 0


def write_licence(node_modules: str, out_dir: str) -> None:
    def read(*p):
        with open(os.path.join(node_modules, *p), encoding="utf-8") as f:
            return f.read().strip()

    with open(os.path.join(node_modules, "i18n-iso-countries", "package.json"), encoding="utf-8") as f:
        version = json.load(f)["version"]
    parts = [
        "countries.json is generated by convert-countries.py from the npm package",
        f"i18n-iso-countries {version} (https://github.com/michaelwittig/node-i18n-iso-countries),",
        "with hand-maintained aliases added by the Vigie project.",
        "",
        "=" * 72,
        "i18n-iso-countries - MIT License",
        "=" * 72,
        "",
        read("i18n-iso-countries", "LICENSE"),
        "",
        "=" * 72,
        "Unicode CLDR - Unicode License v3",
        "=" * 72,
        "",
        "The localised country names carried by i18n-iso-countries originate,",
        "for the most part, from the Unicode Common Locale Data Repository",
        "(CLDR, https://cldr.unicode.org/), which is distributed under the",
        "following licence (text copied from the npm package cldr-core):",
        "",
    ]
    try:
        parts.append(read("cldr-core", "LICENSE"))
    except FileNotFoundError:
        parts.append("(cldr-core not installed: see https://www.unicode.org/license.txt)")
    with open(os.path.join(out_dir, "countries-LICENSE.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(parts) + "\n")


if __name__ == "__main__":
    sys.exit(main())
