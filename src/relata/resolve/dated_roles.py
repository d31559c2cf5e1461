"""People the team's dictionary does not know, found in the Phoenix actor tables with the role they
held on the document's date (:mod:`relata.resolve.phoenix`).

The team's ``people.tsv`` stays the override: it is more recent (Phoenix ends in 2015, see
:func:`relata.resolve.phoenix.horizon`), so a person it knows is never looked up here. For the
others, only names the parse or the dictionary already found as PERSON mentions are matched:
the 35,000 Phoenix names are never searched for in the text (precision, and speed). A person's
longest full name in the document is matched first; a surname alone (a document naming
``Kibaki`` only) only when the tables list that word as a name of one entry, and no other person
of the document has it (people grouping already gave such a word to its full name).

A document dated after the tables' horizon (2015) is not matched at all: they say nothing of
offices then, and a decade on, a name in the news is as likely a namesake as the official they
list (the famous ones are in ``people.tsv``). Undated documents are matched (undated roles only).

Entries from the non-state file (armed groups) and entries without a sector-bearing role
(capitals, provinces: a bare country code) are no people: a PERSON mention that matches one is
left alone. What a match gives:

- ``in_office`` with a state role (``KENGOV`` on the date): the person acts for the state
  (:func:`relata.resolve.agency.acting_state`), with the role's sector;
- ``in_office`` with an IGO or NGO role (``IGOUNO``): the person acts for the organisation when
  ``data/actors/cameo_organizations.tsv`` maps its code to one of Relata's organisations;
- out of office: a person of the country the roles name, with the sector then in force (``ELI``)
  or none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import cache

from relata.mentions.names import name_key
from relata.mentions.tables import data_path, read_table
from relata.records import EntityMention
from relata.resolve.phoenix import PhoenixMatch, as_date, horizon, phoenix_actor, phoenix_entries

PERSON_SOURCES = frozenset({"countries", "international"})


@cache
def cameo_organizations() -> dict[str, tuple[str, str]]:
    """CAMEO organisation code (``UNO``) -> (Relata organisation id, class ``IGO``/``NGO``)."""
    return {r["cameo"]: (r["id"], r["class"]) for r in read_table(data_path("actors", "cameo_organizations.tsv"))
            if r.get("cameo") and r.get("id")}


@cache
def organization_classes() -> dict[str, str]:
    """Relata organisation id -> ``IGO`` or ``NGO``, for the organisations the crosswalk lists."""
    return {i: c for i, c in cameo_organizations().values()}


def _is_person(match: PhoenixMatch) -> bool:
    actor = match.actor
    return actor.source in PERSON_SOURCES and any(r.sector for r in actor.roles)


def _past_horizon(on_date: str | None) -> bool:
    last = horizon()
    day = as_date(on_date) if on_date else None
    return day is not None and last is not None and day > last


def match_person(name: str, on_date: str | None, single_word: bool = False) -> PhoenixMatch | None:
    """The Phoenix person ``name`` is on ``on_date``, or ``None``. A single word matches only an
    entry that lists that word as one of its names, only when one entry does, and only as the
    last word of that entry's full name (a surname)."""
    words = name_key(name).split()
    if not words or (len(words) == 1) != single_word or _past_horizon(on_date):
        return None
    if single_word:
        # a surname of one entry whose full name ends with it ("Maduro"), never a one-word entry
        # ("Hassan": which one?)
        entries = {e.id.split("~")[0]: e for e in phoenix_entries(words)}
        if len(entries) != 1 or name_key(next(iter(entries.values())).name).split()[-1:] != words \
                or len(next(iter(entries.values())).name.split()) < 2:
            return None
    match = phoenix_actor(words, on_date)
    return match if match is not None and _is_person(match) else None


def organization_of(match: PhoenixMatch | None) -> str | None:
    """The Relata organisation an IGO/NGO office holder acts for (``UNO`` -> ``un``), or ``None``."""
    if match is None or not match.in_office or match.role is None or match.role.sector not in ("IGO", "NGO"):
        return None
    for code in reversed(match.role.other):
        found = cameo_organizations().get(code)
        if found is not None:
            return found[0]
    return None


def state_office(match: PhoenixMatch | None) -> str | None:
    """The state an office holder acts for on the date (``KENGOV`` -> ``KEN``), or ``None``."""
    if match is None or not match.in_office or match.role is None or not match.role.state:
        return None
    return match.country or None


def listed_person(name: str) -> bool:
    """Whether the Phoenix tables list ``name`` (two words or more) as a person, on any date."""
    words = name_key(name).split()
    return len(words) > 1 and any(e.source in PERSON_SOURCES and any(r.sector for r in e.roles)
                                  for e in phoenix_entries(words))


def people_matches(names: Iterable[tuple[str, str, bool]], on_date: str | None) -> dict[str, PhoenixMatch]:
    """``(person id, name, single word)`` -> the Phoenix match of each person that has one."""
    found: dict[str, PhoenixMatch] = {}
    for person_id, name, single in names:
        match = match_person(name, on_date, single_word=single)
        if match is not None:
            found[person_id] = match
    return found


def join_split_names(text: str, mentions: Sequence[EntityMention], on_date: str | None,
                     known: Callable[[str], bool]) -> list[EntityMention]:
    """``Moussa`` (PERSON) + ``Faki Mahamat`` (ORG): one name the parse cut in two, joined into one
    PERSON mention when the whole is a person the dictionary (``known``) or the Phoenix tables list
    (on any date: that the words are one person's name does not age)."""
    out: list[EntityMention] = []
    i = 0
    while i < len(mentions):
        first = mentions[i]
        second = mentions[i + 1] if i + 1 < len(mentions) else None
        if (second is not None and "PERSON" in (first.label, second.label)
                and second.start == first.end + 1 and text[first.end:second.start] == " "):
            joined = text[first.start:second.end]
            if known(joined) or listed_person(joined):
                out.append(EntityMention(first.start, second.end, joined, "PERSON"))
                i += 2
                continue
        out.append(first)
        i += 1
    return out
