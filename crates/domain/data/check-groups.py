#!/usr/bin/env python3
"""Sanity checks for groups.toml (Python >= 3.11, standard library only).

    python3 crates/domain/data/check-groups.py [path/to/groups.toml]

Fails (exit 1) when:
  * an id is duplicated, or is not lowercase-with-hyphens;
  * a required id is missing;
  * a group lacks a non-empty fr/en/ar name or has an empty alias;
  * after normalisation (NFD, combining marks removed, case-folded, every
    non-alphanumeric character - apostrophes, hyphens, colons, parentheses,
    slashes... - turned into a space, spaces collapsed) one string (alias or
    name) belongs to two groups;
  * a deliberately banned ambiguous string appears anywhere.
Duplicates inside one group are only reported as notes.
"""

import os
import re
import sys
import tomllib
import unicodedata

REQUIRED_IDS = {
    "jnim", "is-sahel", "iswap", "boko-haram", "ansarul-islam", "aqim",
    "al-shabaab", "is-somalia", "aqap", "ttp", "is-khorasan", "unknown",
}

# Strings that are ambiguous between real groups and must not be used.
BANNED = [
    "Ansar al-Islam",      # Burkina Faso's Ansarul Islam vs Iraqi Kurdish Ansar al-Islam
    "أنصار الإسلام",        # same, in Arabic
    "ISSP",                # IS Sahel Province vs IS Somalia Province
    "ADF",                 # Allied Democratic Forces vs Ambazonia Defence Forces
    "JEM",                 # Jaish-e-Mohammed vs Justice and Equality Movement (Sudan)
    "Ahlu Sunnah Wa-Jama", # Somali Sufi militia vs Mozambique insurgents
    "al-Murabitun",        # also the Lebanese Nasserist militia
]

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def normalise(s: str) -> str:
    s = unicodedata.normalize("NFD", s)
    s = "".join(ch for ch in s if not unicodedata.category(ch).startswith("M"))
    s = s.casefold()
    s = "".join(ch if ch.isalnum() else " " for ch in s)
    return " ".join(s.split())


def main() -> int:
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "groups.toml")
    with open(path, "rb") as f:
        groups = tomllib.load(f)["group"]

    errors, notes = [], []
    banned = {normalise(b): b for b in BANNED}
    ids, owner = set(), {}
    n_alias = 0
    for g in groups:
        gid = g.get("id", "")
        if not ID_RE.match(gid):
            errors.append(f"bad id {gid!r}")
        if gid in ids:
            errors.append(f"duplicate id {gid!r}")
        ids.add(gid)
        names = g.get("name", {})
        for lang in ("fr", "en", "ar"):
            if not isinstance(names.get(lang), str) or not names[lang].strip():
                errors.append(f"{gid}: missing name.{lang}")
        aliases = g.get("aliases", [])
        n_alias += len(aliases)
        seen_here = {}
        for s in aliases + [names.get(lang, "") for lang in ("fr", "en", "ar")]:
            k = normalise(s) if isinstance(s, str) else ""
            if not k:
                errors.append(f"{gid}: empty alias/name {s!r}")
                continue
            if k in banned:
                errors.append(f"{gid}: banned ambiguous string {s!r} (~ {banned[k]!r})")
            if k in seen_here and seen_here[k] != s:
                notes.append(f"{gid}: {s!r} equals {seen_here[k]!r} after normalisation")
            seen_here.setdefault(k, s)
            prev = owner.setdefault(k, (gid, s))
            if prev[0] != gid:
                errors.append(f"{s!r} ({gid}) collides with {prev[1]!r} ({prev[0]}) as {k!r}")

    missing = REQUIRED_IDS - ids
    if missing:
        errors.append(f"missing required ids: {sorted(missing)}")

    for n in notes:
        print("note:", n)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    print(f"ok: {len(groups)} groups, {n_alias} aliases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
