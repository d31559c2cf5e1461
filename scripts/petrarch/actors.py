"""Read the Phoenix actor dictionaries (TABARI format) into entries with dated roles.

The format, from the files' headers, TABARI's manual and PETRARCH-2's
``PETRreader.read_actor_dictionary``:

- an entry starts with its primary name (``VLADIMIR_PUTIN_``; underscores join words, a final
  ``_`` asks for a whole-word match), followed by ``+VARIANT`` lines;
- codes come in brackets, on the name's line or on their own (indented) lines after the
  variants: ``[RUS]``, ``[RUSGOV 991231-080507]``, ``[RUSGOV >080508]``, ``[USRARM <900823]``;
- a code is a CAMEO actor code: a three-letter country (or region, or ``IGO``/``NGO``/``IMG``/
  ``MNC``/...) followed by three-letter role codes (``GOV``, ``MIL``, ``ELI``, ...);
- a date range restricts the code: ``A-B`` from A to B inclusive, ``>A`` from A on, ``<B`` until
  B; an undated code holds whenever no dated one does. Dates are ``YYMMDD`` (``00``-``30`` read
  as 20YY, the rest as 19YY, PETRARCH's rule) or ``YYYYMMDD``.

Repairs (each counted in the conversion's report): several ``+`` variants on one line are split;
text after the last code on a line (sales figures in the MNC section) is dropped; a bare date is
read as ``>date``; five mistyped dates are repaired (``REPAIRED_DATES``); a range that ends
before it starts, or a date that is not a calendar
date in either form drops that role (named in the report); entries without codes on consecutive lines take the codes of
the entry right below them (``LEONID_BREZHNEV`` over ``LEONID_ILYICH_BREZHNEV`` ... ``[RUSGOV ...]``),
as in TABARI; a name without codes followed by a blank line is dropped.
A trailing ``(ACRONYM)`` on a name is also listed as a variant of its own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass(frozen=True)
class Role:
    code: str  # CAMEO actor code as written: "RUSGOV"
    start: date | None
    end: date | None


@dataclass
class Entry:
    key: str  # the primary name as written, without the final "_": "VLADIMIR_PUTIN"
    names: list[str]  # plain lower-case word forms, primary first: "vladimir putin", "putin", ...
    roles: list[Role]
    line: int
    comment: str = ""


@dataclass
class ActorFile:
    entries: list[Entry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def plain_words(name: str) -> str:
    """``PRIME_MINISTER_VLADIMIR_V._PUTIN_`` -> ``prime minister vladimir v. putin``."""
    name = unicodedata.normalize("NFC", name).replace("]", "").replace("[", "")
    return " ".join(name.replace("_", " ").replace("\t", " ").split()).casefold()


def name_variants(name: str) -> list[str]:
    """The plain words of a name, and of its trailing acronym in parentheses as a name of its own
    (``ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_`` -> ``aden abyan islamic army``, ``aaia``)."""
    words = plain_words(name)
    match = re.fullmatch(r"(.+?)\s*\(([^()\s]+)\)", words)
    if match:
        return [match.group(1), match.group(2)]
    return [words] if words else []


# Dates mistyped in the source, repaired where the office's date is a matter of record.
REPAIRED_DATES = {
    "1920030320": "20030320",  # IRQOCC: the occupation of Iraq from 20 March 2003 ("19" doubled)
    "1920050709": "20050709",  # SDNSSDAUT: South Sudan's autonomy from 9 July 2005 ("19" doubled)
    "201005011": "20100511",  # GBRGOV: David Cameron prime minister from 11 May 2010
    "9008223": "900823",  # ARMUNR: Armenia's declaration of independence, 23 August 1990
    "2004017": "20040117",  # KORGOVBUS: Ban Ki-moon foreign minister from 17 January 2004
}


def parse_date(text: str) -> date:
    """``991231`` -> 1999-12-31, ``080507`` -> 2008-05-07, ``19930120`` -> 1993-01-20."""
    text = REPAIRED_DATES.get(text, text)
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        return date(year, int(text[2:4]), int(text[4:6]))
    if len(text) == 8:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    raise ValueError(f"date {text!r} is neither YYMMDD nor YYYYMMDD")


def parse_role(text: str) -> Role:
    """``RUSGOV 991231-080507`` -> Role; raises ValueError on a date that cannot be read."""
    code, _, spec = text.strip().partition(" ")
    spec = spec.replace(" ", "")
    if not spec:
        return Role(code, None, None)
    if spec.startswith(">"):
        return Role(code, parse_date(spec[1:]), None)
    if spec.startswith("<"):
        return Role(code, None, parse_date(spec[1:]))
    if "-" in spec:
        first, _, second = spec.partition("-")
        start, end = parse_date(first), parse_date(second)
        if end < start:
            raise ValueError(f"range ends before it starts: {spec}")
        return Role(code, start, end)
    return Role(code, parse_date(spec), None)


def read_actor_file(path: Path) -> ActorFile:
    result = ActorFile()
    current: Entry | None = None
    last_line = [0]  # the line of the last name or code read

    pending: list[Entry] = []  # uncoded names waiting for the codes of the entry right below

    def flush(next_line: int) -> None:
        if current is None:
            return
        if current.roles:
            for waiting in pending:
                result.entries.append(Entry(waiting.key, waiting.names, list(current.roles),
                                            waiting.line, waiting.comment))
            if pending:
                result.notes.append(f"{path.name}:{pending[0].line}: {len(pending)} name(s) without codes "
                                    f"take those of {current.key} right below")
            pending.clear()
            result.entries.append(current)
        elif next_line == last_line[0] + 1:
            pending.append(current)
        else:
            for waiting in (*pending, current):
                result.notes.append(f"{path.name}:{waiting.line}: {waiting.key} has no code: dropped")
            pending.clear()

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        text, _, comment = raw.partition("#")
        if not text.strip():
            continue
        codes = _CODE.findall(text)
        name_part = text.split("[")[0] if codes else text
        if codes and text[text.rindex("]") + 1:].strip():
            result.notes.append(f"{path.name}:{number}: text after the codes dropped: {raw.strip()[:80]}")
        name_part = name_part.strip()
        if name_part.startswith("+"):
            if current is None:
                result.notes.append(f"{path.name}:{number}: variant before any entry, skipped")
            else:
                for variant in re.split(r"\s*\+", name_part):
                    for form in name_variants(variant):
                        if form not in current.names:
                            current.names.append(form)
        elif not codes and re.match(r"source\s*:", name_part, re.IGNORECASE):
            result.notes.append(f"{path.name}:{number}: not a name, skipped: {name_part}")
            continue
        elif name_part:
            flush(number)
            key = "_".join(name_part.replace("\t", " ").split()).rstrip("_")
            current = Entry(key, [], [], number, comment.strip())
            for form in name_variants(name_part):
                if form not in current.names:
                    current.names.append(form)
        if current is None:
            continue
        for code_text in codes:
            try:
                current.roles.append(parse_role(code_text))
            except ValueError as exc:
                result.notes.append(f"{path.name}:{number}: role [{code_text}] dropped: {exc}")
        last_line[0] = number
    flush(-1)
    return result
