"""The actor dictionary (``data/actors/*.tsv``) as lookup tables, loaded once per process.

States are keyed by ISO 3166-1 alpha-3 code; their names, aliases, demonyms and metonyms
(capitals, seats of power) all lead to the state. Organisations and people are keyed by slug.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from relata.mentions.names import name_key, without_initials
from relata.mentions.places import find_place
from relata.mentions.tables import data_path, read_table, split_list

_ROLE = re.compile(
    r"^(?P<role>[^@:]+)(?:@(?P<target>[A-Za-z0-9_-]+))?(?::(?P<start>\d{4})?-?(?P<end>\d{4})?)?$"
)


@dataclass(frozen=True, slots=True)
class Office:
    """A role held by a known person: ``president@RUS:2012-`` (a state's office, upper-case
    target) or ``secretary_general@un:2017-`` (an organisation's, lower-case target)."""

    role: str
    country: str | None
    start: int | None
    end: int | None
    organization: str | None = None

    def held_in(self, year: int | None) -> bool:
        if year is None:
            return self.end is None
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)


@dataclass(frozen=True, slots=True)
class KnownActor:
    id: str
    name: str
    kind: str
    country: str | None
    gender: str | None = None
    offices: tuple[Office, ...] = ()


@dataclass(frozen=True, slots=True)
class SurfaceForm:
    """One way of writing a known actor: ``form`` is name, alias, demonym or metonym."""

    text: str
    actor: KnownActor
    form: str


@dataclass(frozen=True, slots=True)
class TitleEntry:
    role: str
    gender: str | None


class ActorDictionary:
    def __init__(self, actors, forms, titles):
        self.actors: dict[str, KnownActor] = {a.id: a for a in actors}
        self.forms: tuple[SurfaceForm, ...] = tuple(forms)
        self.titles: dict[str, TitleEntry] = titles
        self._by_key: dict[str, list[SurfaceForm]] = defaultdict(list)
        for f in self.forms:
            for key in {name_key(f.text), without_initials(name_key(f.text))}:
                if key and f not in self._by_key[key]:
                    self._by_key[key].append(f)
        # seats of power written with "the" (the Kremlin, the White House) are institutions
        self.seats = {
            name_key(f.text) for f in self.forms if f.form == "metonym" and f.text.lower().startswith("the ")
        }
        self.max_title_words = max((len(t.split()) for t in titles), default=0)
        # the first word of every title: a phrase starting with another word is none
        self.title_first_words = frozenset(t.split(" ")[0] for t in titles)

    def lookup(self, text: str) -> list[SurfaceForm]:
        """Every known actor written ``text`` (compared by :func:`name_key`)."""
        key = name_key(text)
        return self._by_key.get(key) or self._by_key.get(without_initials(key)) or []

    def city_of_state(self, text: str) -> bool:
        """Whether ``text`` names a state only by a city, its capital (``Minsk``, ``Astana``), not by
        its name, a demonym or a seat of power (``Kremlin``): where something happened, when it
        modifies an event noun (``the Minsk agreement``, ``an Astana meeting``)."""
        forms = [f for f in self.lookup(text) if f.actor.kind == "state"]
        if not forms or any(f.form != "metonym" for f in forms):
            return False
        place = find_place(text)
        return place is not None and place.country in {f.actor.id for f in forms}

    def keys(self) -> list[str]:
        return list(self._by_key)

    def forms_for_key(self, key: str) -> list[SurfaceForm]:
        return self._by_key.get(key, [])

    def title(self, phrase: str) -> TitleEntry | None:
        return self.titles.get(" ".join(phrase.lower().split()))

    def office_holders(self, role: str, country: str | None, year: int | None) -> list[KnownActor]:
        return [
            a
            for a in self.actors.values()
            if any(
                o.role == role and (country is None or o.country == country) and o.held_in(year)
                for o in a.offices
            )
        ]


def _offices(cell: str) -> tuple[Office, ...]:
    out = []
    for part in (cell or "").split(";"):
        m = _ROLE.match(part.strip())
        if m:
            target = m["target"] or ""
            state = target.isupper() and len(target) == 3
            out.append(
                Office(
                    role=m["role"].strip().lower(),
                    country=target if state else None,
                    start=int(m["start"]) if m["start"] else None,
                    end=int(m["end"]) if m["end"] else None,
                    organization=target.lower() if target and not state else None,
                )
            )
    return tuple(out)


def _none(value: str | None) -> str | None:
    return value.strip() if value and value.strip() not in {"", "-"} else None


@cache
def load_dictionary(root: Path | None = None) -> ActorDictionary:
    """The dictionary in ``root`` (default: the packaged ``data/actors``), read once per root."""
    root = root or data_path("actors")
    actors: list[KnownActor] = []
    forms: list[SurfaceForm] = []

    def add(actor: KnownActor, texts, form: str):
        for text in texts:
            forms.append(SurfaceForm(text, actor, form))

    for row in read_table(root / "countries.tsv"):
        code = (row.get("id") or "").upper()
        if not code or not row.get("name"):
            continue
        actor = KnownActor(code, row["name"], "state", code)
        actors.append(actor)
        add(actor, [row["name"], *split_list(row.get("aliases"))], "name")
        add(actor, split_list(row.get("demonyms")), "demonym")
        add(actor, split_list(row.get("metonyms")), "metonym")
    for row in read_table(root / "organizations.tsv"):
        if not row.get("id") or not row.get("name"):
            continue
        kind = row.get("kind") if row.get("kind") in {"organization", "group"} else "organization"
        country = _none(row.get("country"))
        actor = KnownActor(row["id"], row["name"], kind, country.upper() if country else None)
        actors.append(actor)
        add(actor, [row["name"], *split_list(row.get("aliases"))], "name")
    for row in read_table(root / "people.tsv"):
        if not row.get("id") or not row.get("name"):
            continue
        gender = _none(row.get("gender"))
        country = _none(row.get("country"))
        actor = KnownActor(
            row["id"],
            row["name"],
            "person",
            country.upper() if country else None,
            gender.lower() if gender else None,
            _offices(row.get("roles", "")),
        )
        actors.append(actor)
        add(actor, [row["name"], *split_list(row.get("aliases"))], "name")
    titles = {}
    for row in read_table(root / "titles.tsv"):
        phrase = " ".join((row.get("title") or "").lower().split())
        if phrase and row.get("role"):
            gender = _none(row.get("gender"))
            titles[phrase] = TitleEntry(row["role"].strip().lower(), gender.lower() if gender else None)
    return ActorDictionary(actors, forms, titles)
