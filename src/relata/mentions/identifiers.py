"""Numbers and addresses that identify rather than count: telephone numbers, e-mail and web
addresses, social media handles, ISBN/ISSN, references to numbered parts of a text (``Article 21``, ``clause 3(b)``).

They are never numeric claims (their digits count nothing) and never what someone said (``For
more information call +260 211 252 640`` reports no speech). Patterns:
``data/identifier_patterns.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from relata.mentions.tables import data_path, read_table, split_list

# Words that make a line or sentence holding a telephone number or an address a contact line.
_CONTACT_WORDS = re.compile(
    r"\b(?:contacts?|call|phone|telephone|tel|fax|e-?mail|mail|enquiries|inquiries|press office|media office|"
    r"information|visit|write to|reach|dial|hotline|helpline|website|spokes(?:wo)?man|spokesperson|follow|"
    r"twitter|facebook|instagram|telegram|linkedin)\b",
    re.IGNORECASE,
)
ADDRESS_KINDS = frozenset({"phone", "email", "url", "handle"})


@dataclass(frozen=True)
class Identifier:
    start: int
    end: int
    kind: str  # phone, email, url, isbn, issn, reference


@cache
def _patterns() -> tuple[tuple[str, int, re.Pattern, tuple[str, ...]], ...]:
    """``(kind, min_digits, pattern, needs)``: ``needs`` is what every match holds once case-folded."""
    return tuple((row["kind"], int(row["min_digits"] or 0), re.compile(row["pattern"], re.IGNORECASE),
                  split_list(row.get("needs"))) for row in read_table(data_path("identifier_patterns.tsv")))


@cache
def pattern_of(kind: str) -> str:
    """One regular expression for every pattern of ``kind`` (for the boilerplate line patterns)."""
    return "(?:" + "|".join(p.pattern.replace("(?P<id>", "(?:") for k, _, p, _ in _patterns() if k == kind) + ")"


def find_identifiers(text: str) -> list[Identifier]:
    """Every identifier in ``text``, in text order, overlaps resolved in favour of the longer."""
    found: list[Identifier] = []
    folded = None
    for kind, min_digits, pattern, needs in _patterns():
        # A pattern cannot match a text without what each of its matches holds (no '@', no
        # e-mail address): not run there. A substring search costs far less than the regex scan.
        if needs:
            folded = text.casefold() if folded is None else folded
            if not any(n in folded for n in needs):
                continue
        group = "id" if "id" in pattern.groupindex else 0
        for m in pattern.finditer(text):
            if sum(ch.isdigit() for ch in m.group(group)) >= min_digits:
                found.append(Identifier(m.start(group), m.end(group), kind))
    found.sort(key=lambda i: (i.start, -(i.end - i.start)))
    out: list[Identifier] = []
    for ident in found:
        if out and ident.start < out[-1].end:
            if ident.end > out[-1].end and ident.end - ident.start > out[-1].end - out[-1].start:
                out[-1] = ident
            continue
        out.append(ident)
    return out


def is_contact(text: str) -> bool:
    """Whether ``text`` (a sentence or a line) gives contact details: a telephone number, an
    e-mail or web address, with a word that offers it (``call``, ``contact``, ``press office``)."""
    return any(i.kind in ADDRESS_KINDS for i in find_identifiers(text)) and bool(_CONTACT_WORDS.search(text))
