#!/usr/bin/env python3
"""Consistency checks for the actor dictionary in ``src/relata/data/actors/``.

Plain Python, standard library only. Run from anywhere::

    python3 tests/data/check_actor_tables.py            # the packaged tables
    python3 tests/data/check_actor_tables.py --dir DIR  # another copy
    python3 tests/data/check_actor_tables.py --coverage # also list years without office holders

Checks (each is reported as passed or failed; the script exits 1 if any failed):

- every table exists, is UTF-8, has the expected header and the right number of cells per row;
- cells have no stray spaces, ``|`` lists have no empty or repeated items, and no row lists a
  form twice up to case, dots and a leading "the" (the resolver does not tell them apart);
- ids are unique and well formed (ISO alpha-3 for states, lowercase slugs otherwise);
- country codes used by organisations and people exist in ``countries.tsv``;
- ``roles`` parse as ``ROLE@TARGET:START-[END]`` where ROLE is in the role vocabulary and
  TARGET is a state id (``RUS``) or, for offices of international bodies, an organisation id
  (``un``, ``nato``, ``eu``); START <= END, years within 1900..2025;
- titles are lowercase, unique, and map to a known role;
- no surface form (name, alias, demonym, metonym) is claimed by two different actors of the
  same table, unless listed in ``INTENDED_SHARED`` below. Forms are compared the way the
  resolver compares them (``relata.mentions.names.name_key``: case-folded, no leading "the",
  no dots), and also with accents removed.

Forms shared across tables (a country metonym that is also an organisation alias, say) are
listed as information only.

The importable entry point is :func:`check`, which returns ``(results, info)``.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_DIR = HERE.parent.parent / "src" / "relata" / "data" / "actors"

SCHEMA = {
    "countries.tsv": ["id", "name", "aliases", "demonyms", "metonyms"],
    "organizations.tsv": ["id", "name", "kind", "country", "aliases"],
    "people.tsv": ["id", "name", "gender", "country", "aliases", "roles"],
    "titles.tsv": ["title", "role", "gender"],
}
LIST_COLUMNS = {"aliases", "demonyms", "metonyms"}

# Offices a person can hold (people.tsv ``roles``).
ROLES = {
    "president",
    "vice_president",
    "prime_minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emperor",
    "emir",
    "crown_prince",
    "supreme_leader",
    "general_secretary",
    "chairman",
    "foreign_minister",
    "secretary_of_state",
    "defence_minister",
    "spokesperson",
    "secretary_general",
    "commission_president",
    "council_president",
    "high_representative",
    # deputies: in the vocabulary so that their titles do not resolve to the principal
    "deputy_prime_minister",
    "vice_premier",
    "deputy_foreign_minister",
    "deputy_secretary_of_state",
    "deputy_defence_minister",
    "deputy_spokesperson",
    "vice_chairman",
    "deputy_secretary_general",
    "deputy_crown_prince",
}
# Generic roles that a title may name but nobody holds as such (resolved through
# data/people/generic_roles.tsv).
# Roles a title can name without any office spell in people.tsv (generic officials).
TITLE_ONLY_ROLES = {
    "head_of_state", "head_of_government", "leader", "minister", "ambassador", "envoy", "negotiator",
    "judge", "general", "governor", "senator", "commander",
}

ORG_KINDS = {"organization", "group"}
GENDERS = {"m", "f"}
MIN_YEAR, MAX_YEAR = 1900, 2025

STATE_ID = re.compile(r"^[A-Z]{3}$")
SLUG_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ROLE_SPELL = re.compile(
    r"^(?P<role>[a-z_]+)@(?P<target>[A-Z]{3}|[a-z0-9]+(?:-[a-z0-9]+)*)"
    r":(?P<start>\d{4})-(?P<end>\d{4})?$"
)

# Surface forms deliberately shared by several actors of one table: key -> the ids sharing it.
# Keep this short; each entry needs a reason. (Empty: every collision found so far was resolved
# by giving the form to one actor, see README.md "Ambiguous forms".)
INTENDED_SHARED: dict[str, set[str]] = {}

# Countries whose office holders the dictionary promises to cover (README.md "Coverage").
HEAD_COVERAGE = (
    "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN MEX RUS SAU ZAF KOR TUR GBR USA "
    "UKR PRK IRN ISR PAK TWN HUN SRB BLR POL EGY QAT ARE KEN NGA CHL ESP SWE FIN NLD PHL VNM"
).split()
HEAD_OF_STATE_ROLES = {
    "president",
    "king",
    "queen",
    "emperor",
    "emir",
    "supreme_leader",
    "general_secretary",
}
HEAD_OF_GOVERNMENT_ROLES = {"prime_minister", "premier", "chancellor"}

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"'s?$")


def name_key(text: str) -> str:
    """Same normal form as ``relata.mentions.names.name_key`` (kept in sync by hand)."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).translate(_DASHES)
    text = _LEADING_THE.sub("", text.strip())
    text = _POSSESSIVE.sub("", text)
    text = text.replace(".", " ").replace(",", " ")
    return " ".join(text.split()).casefold()


def without_initials(key: str) -> str:
    parts = key.split()
    if len(parts) <= 2:
        return key
    return " ".join([parts[0], *(p for p in parts[1:-1] if len(p) > 1), parts[-1]])


def ascii_fold(key: str) -> str:
    text = unicodedata.normalize("NFKD", key.replace("đ", "d").replace("ı", "i"))
    return "".join(c for c in text if not unicodedata.combining(c))


def compare_keys(text: str) -> set[str]:
    key = name_key(text)
    keys = {key, without_initials(key)}
    return keys | {ascii_fold(k) for k in keys}


class Table:
    def __init__(self, name: str, header: list[str], rows: list[tuple[int, dict[str, str]]]):
        self.name, self.header, self.rows = name, header, rows


def read(path: Path, expected: list[str], problems: list[str]) -> Table:
    rows: list[tuple[int, dict[str, str]]] = []
    header: list[str] | None = None
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(f"{path.name}: missing")
        return Table(path.name, [], [])
    except UnicodeDecodeError as exc:
        problems.append(f"{path.name}: not UTF-8 ({exc})")
        return Table(path.name, [], [])
    if text.startswith("\ufeff"):
        problems.append(f"{path.name}: starts with a byte-order mark")
    if "\r" in text:
        problems.append(f"{path.name}: has carriage returns (use LF line ends)")
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if header != expected:
                problems.append(f"{path.name}:{n}: header {header} != expected {expected}")
            continue
        if len(cells) != len(expected):
            problems.append(f"{path.name}:{n}: {len(cells)} cells, expected {len(expected)}: {line!r}")
            continue
        for col, cell in zip(expected, cells, strict=True):
            if cell != cell.strip():
                problems.append(f"{path.name}:{n}: {col} has leading/trailing spaces: {cell!r}")
            if col in LIST_COLUMNS and cell:
                items = cell.split("|")
                if any(not i.strip() or i != i.strip() for i in items):
                    problems.append(f"{path.name}:{n}: {col} has an empty or padded item: {cell!r}")
                dupes = {i for i in items if items.count(i) > 1}
                if dupes:
                    problems.append(f"{path.name}:{n}: {col} repeats {sorted(dupes)}")
        rows.append((n, dict(zip(expected, cells, strict=True))))
    if header is None:
        problems.append(f"{path.name}: no header")
    return Table(path.name, header or [], rows)


def split(cell: str) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


def surfaces(table: str, row: dict[str, str]) -> list[str]:
    if table == "countries.tsv":
        return [row["name"], *split(row["aliases"]), *split(row["demonyms"]), *split(row["metonyms"])]
    return [row["name"], *split(row["aliases"])]


def parse_roles(cell: str) -> list[dict]:
    """The role spells of a ``roles`` cell; raises ValueError on a malformed one."""
    spells = []
    for part in (cell or "").split(";"):
        if not part.strip():
            raise ValueError(f"empty role spell in {cell!r}")
        m = ROLE_SPELL.match(part)
        if not m:
            raise ValueError(f"malformed role spell {part!r}")
        spells.append(
            {
                "role": m["role"],
                "target": m["target"],
                "start": int(m["start"]),
                "end": int(m["end"]) if m["end"] else None,
                "text": part,
            }
        )
    return spells


def check(directory: Path = DEFAULT_DIR, coverage: bool = False):
    """Run every check on the tables in ``directory``.

    Returns ``(results, info)``: ``results`` maps check name -> list of problems (empty = passed),
    ``info`` maps a heading -> list of informational lines.
    """
    results: dict[str, list[str]] = {}
    info: dict[str, list[str]] = {}

    fmt: list[str] = []
    tables = {name: read(directory / name, cols, fmt) for name, cols in SCHEMA.items()}
    countries, orgs, people, titles = (tables[n] for n in SCHEMA)
    # a form that only differs from another form of the same row by case, dots or a leading
    # "the" is redundant: the resolver compares forms by name_key
    for table in (countries, orgs, people):
        for n, row in table.rows:
            seen_keys: dict[str, str] = {}
            for text in surfaces(table.name, row):
                key = name_key(text)
                if key in seen_keys:
                    fmt.append(f"{table.name}:{n}: {row['id']}: {text!r} repeats {seen_keys[key]!r}")
                seen_keys.setdefault(key, text)
    results["format (header, cell counts, spacing, list items)"] = fmt

    # ids
    problems = []
    for table, pattern in ((countries, STATE_ID), (orgs, SLUG_ID), (people, SLUG_ID)):
        seen: dict[str, int] = {}
        for n, row in table.rows:
            rid = row["id"]
            if not pattern.match(rid):
                problems.append(f"{table.name}:{n}: malformed id {rid!r}")
            if rid in seen:
                problems.append(f"{table.name}:{n}: duplicate id {rid!r} (first on line {seen[rid]})")
            seen.setdefault(rid, n)
            if not row["name"]:
                problems.append(f"{table.name}:{n}: empty name")
    state_ids = {row["id"] for _, row in countries.rows}
    org_ids = {row["id"] for _, row in orgs.rows}
    # A role target is a state when upper case and an organisation when lower case; keep the two
    # apart even for a reader that ignores case (an organisation "nam" would read as Namibia).
    for n, row in orgs.rows:
        if row["id"].upper() in state_ids:
            problems.append(f"organizations.tsv:{n}: id {row['id']!r} equals a state id but for case")
    results["ids unique and well formed"] = problems

    # references and enumerations
    problems = []
    if len(state_ids) < 249:
        problems.append(f"countries.tsv: {len(state_ids)} rows, ISO 3166-1 has 249")
    for n, row in orgs.rows:
        if row["kind"] not in ORG_KINDS:
            problems.append(f"organizations.tsv:{n}: kind {row['kind']!r} not in {sorted(ORG_KINDS)}")
        if row["country"] and row["country"] not in state_ids:
            problems.append(f"organizations.tsv:{n}: unknown country {row['country']!r}")
    for n, row in people.rows:
        if row["gender"] not in GENDERS:
            problems.append(f"people.tsv:{n}: gender {row['gender']!r} not in {sorted(GENDERS)}")
        if row["country"] not in state_ids:
            problems.append(f"people.tsv:{n}: unknown country {row['country']!r}")
    results["country codes and enumerations"] = problems

    # roles
    problems = []
    spells_by_person: dict[str, list[dict]] = {}
    for n, row in people.rows:
        if not row["roles"]:
            spells_by_person[row["id"]] = []
            continue
        try:
            spells = parse_roles(row["roles"])
        except ValueError as exc:
            problems.append(f"people.tsv:{n}: {row['id']}: {exc}")
            continue
        spells_by_person[row["id"]] = spells
        seen_spells = set()
        for s in spells:
            where = f"people.tsv:{n}: {row['id']}: {s['text']}"
            if s["role"] not in ROLES:
                problems.append(f"{where}: role {s['role']!r} not in the vocabulary")
            target = s["target"]
            if target.isupper() and target not in state_ids:
                problems.append(f"{where}: unknown state {target!r}")
            if target.islower() and target not in org_ids:
                problems.append(f"{where}: unknown organisation {target!r}")
            if not MIN_YEAR <= s["start"] <= MAX_YEAR:
                problems.append(f"{where}: start year out of range")
            if s["end"] is not None and not (s["start"] <= s["end"] <= MAX_YEAR):
                problems.append(f"{where}: end year before start or out of range")
            key = (s["role"], target, s["start"])
            if key in seen_spells:
                problems.append(f"{where}: repeated spell")
            seen_spells.add(key)
        for a in spells:
            for b in spells:
                if a is b or (a["role"], a["target"]) != (b["role"], b["target"]):
                    continue
                a_end = a["end"] if a["end"] is not None else 9999
                if a["start"] < b["start"] < a_end:
                    problems.append(
                        f"people.tsv:{n}: {row['id']}: overlapping spells {a['text']} / {b['text']}"
                    )
    results["roles parse (ROLE@TARGET:START-[END])"] = problems

    # titles
    problems = []
    seen_titles: dict[str, int] = {}
    for n, row in titles.rows:
        title = row["title"]
        if title != " ".join(title.lower().split()):
            problems.append(f"titles.tsv:{n}: title {title!r} is not lowercase single-spaced")
        if title in seen_titles:
            problems.append(f"titles.tsv:{n}: duplicate title {title!r} (first on line {seen_titles[title]})")
        seen_titles.setdefault(title, n)
        if row["role"] not in ROLES | TITLE_ONLY_ROLES:
            problems.append(f"titles.tsv:{n}: role {row['role']!r} not in the vocabulary")
        if row["gender"] and row["gender"] not in GENDERS:
            problems.append(f"titles.tsv:{n}: gender {row['gender']!r} not m, f or empty")
    results["titles"] = problems

    # collisions inside one table
    problems = []
    collisions_info = []
    owners_all: dict[str, dict[str, set[str]]] = {}
    for table in (countries, orgs, people):
        owners: dict[str, set[str]] = defaultdict(set)
        shown: dict[str, set[str]] = defaultdict(set)
        for _, row in table.rows:
            for text in surfaces(table.name, row):
                for key in compare_keys(text):
                    owners[key].add(row["id"])
                    shown[key].add(text)
        owners_all[table.name] = owners
        reported = set()
        for key, ids in sorted(owners.items()):
            if len(ids) < 2:
                continue
            group = (frozenset(ids), frozenset(shown[key]))
            if group in reported:
                continue
            reported.add(group)
            line = f"{table.name}: {sorted(shown[key])} claimed by {sorted(ids)}"
            if INTENDED_SHARED.get(key) == ids:
                collisions_info.append(line + " (intended)")
            else:
                problems.append(line)
    results["no surface form claimed by two actors of one table"] = problems
    if collisions_info:
        info["intended shared forms"] = collisions_info

    # forms shared across tables (information only)
    cross = []
    names = list(owners_all)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            for key in sorted(set(owners_all[a]) & set(owners_all[b])):
                cross.append(f"{key!r}: {a} {sorted(owners_all[a][key])} / {b} {sorted(owners_all[b][key])}")
    if cross:
        info["forms shared across tables (resolved by context, not an error)"] = sorted(set(cross))

    if coverage:
        info.update(coverage_gaps(people, spells_by_person))

    counts = {name: len(t.rows) for name, t in tables.items()}
    info["row counts"] = [f"{name}: {count}" for name, count in counts.items()]
    return results, info


def coverage_gaps(people: Table, spells_by_person: dict[str, list[dict]]) -> dict[str, list[str]]:
    """Years in which a covered country has no head of state (2000-2025), no head of government
    (2000-2025, but only between the first and last year the office appears at all, so that
    presidential systems are not flagged), or no foreign or defence minister (2010-2025), in
    people.tsv. Informational: some gaps are real (an office held by the head of government, an
    interregnum, a caretaker left out)."""
    held: dict[tuple[str, str], set[int]] = defaultdict(set)
    for spells in spells_by_person.values():
        for s in spells:
            if s["role"] in HEAD_OF_STATE_ROLES:
                group = "head_of_state"
            elif s["role"] in HEAD_OF_GOVERNMENT_ROLES:
                group = "head_of_government"
            elif s["role"] == "secretary_of_state":
                group = "foreign_minister"
            else:
                group = s["role"]
            end = s["end"] if s["end"] is not None else MAX_YEAR
            held[(s["target"], group)].update(range(s["start"], end + 1))
    gaps = []
    for iso in HEAD_COVERAGE:
        for group, first in (
            ("head_of_state", 2000),
            ("head_of_government", 2000),
            ("foreign_minister", 2010),
            ("defence_minister", 2010),
        ):
            years = held[(iso, group)]
            last = MAX_YEAR
            if group == "head_of_government":
                if not years:
                    continue
                first, last = max(first, min(years)), min(last, max(years))
            missing = [y for y in range(first, last + 1) if y not in years]
            if missing:
                gaps.append(f"{iso} {group}: no holder in {compress(missing)}")
    return {"coverage gaps": gaps} if gaps else {}


def compress(years: list[int]) -> str:
    out, start, prev = [], years[0], years[0]
    for y in years[1:] + [None]:
        if y is not None and y == prev + 1:
            prev = y
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if y is not None:
            start = prev = y
    return ", ".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="folder holding the tables")
    parser.add_argument("--coverage", action="store_true", help="also list years without office holders")
    parser.add_argument("--quiet", action="store_true", help="no informational sections")
    args = parser.parse_args(argv)

    results, info = check(args.dir, coverage=args.coverage)
    if not args.quiet:
        for heading, lines in info.items():
            print(f"== {heading} ({len(lines)})")
            for line in lines:
                print(f"   {line}")
    failed = 0
    for name, problems in results.items():
        print(f"{'FAIL' if problems else 'ok  '}  {name}")
        for p in problems:
            print(f"      {p}")
        failed += bool(problems)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
