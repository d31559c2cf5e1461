"""Coordinates of places: the located events of the examples against the true locations, and the
rules that keep a place from landing in another country."""

from __future__ import annotations

import pytest

from relata.records import Actor, Event, Location
from relata.resolve.coordinates import (
    dateline_country,
    distance_km,
    locate,
    locate_actor,
    locate_events,
    nearest_city,
)
from relata.store import open_store

# place -> country -> where it truly is (city centre, degrees; from atlases, not from GeoNames).
# Every located event of the examples must be listed here; None: no single point (a whole state).
TRUTH = {
    ("Berlin", "DEU"): (52.520, 13.405),
    ("Paris", "FRA"): (48.857, 2.352),
    ("Seoul", "KOR"): (37.567, 126.978),
    ("Washington", "USA"): (38.907, -77.037),
    ("Dubai", "ARE"): (25.205, 55.271),
    ("Vienna", "AUT"): (48.208, 16.373),
    ("Nairobi", "KEN"): (-1.286, 36.817),
    ("Kisumu", "KEN"): (-0.092, 34.768),
    ("China", "CHN"): None,
}
# More places, as the pipeline may meet them (alternate spellings, homonyms, small states).
MORE = {
    ("Astana", "KAZ"): (51.169, 71.449),
    ("Geneva", "CHE"): (46.204, 6.143),
    ("Kiev", "UKR"): (50.450, 30.523),
    ("Tripoli", "LBY"): (32.887, 13.191),
    ("Tripoli", "LBN"): (34.437, 35.850),
    ("Gaza", "PSE"): (31.502, 34.467),
    ("Basra", "IRQ"): (30.508, 47.783),
    ("Sao Paulo", "BRA"): (-23.551, -46.633),
    ("Derna", "LBY"): (32.767, 22.637),
    ("central Seoul", "KOR"): (37.567, 126.978),
    ("Singapore", "SGP"): (1.290, 103.850),
    ("Kabul", None): (34.528, 69.172),  # no state given, but every Kabul is in Afghanistan
    ("Cordoba", "ARG"): (-31.417, -64.183),  # accents ignored: Córdoba
    ("Valparaiso", "CHL"): (-33.047, -71.613),
}
WITHIN_KM = 50


def _assert_near(found, truth, label):
    assert found is not None, f"{label}: no coordinates"
    km = distance_km(found.lat, found.lon, *truth)
    assert km <= WITHIN_KM, f"{label}: {km:.0f} km from the true location"


@pytest.mark.parametrize(("place", "country"), sorted(MORE, key=str))
def test_places_are_located_within_50_km(place, country):
    _assert_near(locate(place, country), MORE[(place, country)], place)


@pytest.mark.parametrize(("place", "country", "context"), [
    ("China", "CHN", ()),  # a whole state is not a point
    ("Paris", None, ()),  # Paris, France and Paris, Texas: no state, no context
    ("Tripoli", None, ()),
    ("Tripoli", None, ("LBY", "LBN")),  # the event involves both states: still open
    ("Springfield", "USA", ()),  # several of one size in one state
    ("Jermuk", "TUR", ("ARM", "AZE")),  # only an alternate name of a town in another state
    ("Alsace", None, ()),  # a region: no coordinates in the installed data
    ("Berlin", "USA", ()),  # no Berlin of 15,000 people in the USA: never Germany's
    ("Valparaiso", "USA", ("ARG", "CHL")),  # the story's Valparaiso is Chile's, larger than Indiana's
])
def test_unsure_places_get_no_coordinates(place, country, context):
    assert locate(place, country, context) is None


def test_the_context_picks_the_state_of_a_place_without_one():
    found = locate("Tripoli", None, ("LBN", "SYR"))
    _assert_near(found, MORE[("Tripoli", "LBN")], "Tripoli in the context of Lebanon")
    assert found.country == "LBN"


def test_dateline_country():
    assert dateline_country("Title\n\nNEW DELHI - Senior officials met.") == "IND"
    assert dateline_country("SAO PAULO, Brazil -- Brazil and Argentina agreed.") == "BRA"
    assert dateline_country("ASTANA (Reuters) - Leaders met.") == "KAZ"
    assert dateline_country("Leaders met in Astana on Monday.") is None


def test_locate_events_uses_the_dateline_for_a_place_without_a_state():
    text = "Talks\n\nTRIPOLI - Officials met in Tripoli."
    event = Event(9, 40, "met", "CONSULT", None, 1.0, "un", None, None, None, location=Location("Tripoli", None))
    plain = locate_events([event], [Actor("un", "United Nations", "organization", None)], text)[0]
    assert plain.location.lat is None  # the dateline is Tripoli too: which one is still open
    beirut = text.replace("TRIPOLI", "BEIRUT")
    located = locate_events([event], [Actor("un", "United Nations", "organization", None)], beirut)[0]
    _assert_near(located.location, MORE[("Tripoli", "LBN")], "Tripoli under a Beirut dateline")


def test_place_actors_are_located():
    _assert_near(locate_actor(Actor("basra-irq", "Basra", "location", "IRQ")), MORE[("Basra", "IRQ")], "Basra")
    assert locate_actor(Actor("IRQ", "Iraq", "state", "IRQ")) is None


def test_located_events_of_the_examples(examples_db):
    with open_store(examples_db, read_only=True) as con:
        rows = con.execute("SELECT location_name, location_country, location_lat, location_lon FROM events "
                           "WHERE location_name IS NOT NULL").fetchall()
    assert rows
    located = 0
    for name, country, lat, lon in rows:
        assert (name, country) in TRUTH, f"add {(name, country)} and its true location to TRUTH"
        truth = TRUTH[(name, country)]
        if truth is None:
            assert lat is None and lon is None, name
            continue
        _assert_near(locate(name, country) if lat is None else _Point(lat, lon), truth, name)
        located += lat is not None
        # none lands in another state: the nearest city of the point is in the location's state
        assert nearest_city(lat, lon).country == country, name
    assert located / len(rows) >= 0.8, f"{located} of {len(rows)} located events have coordinates"


class _Point:
    def __init__(self, lat, lon):
        self.lat, self.lon = lat, lon
