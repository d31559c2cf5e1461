"""Where the map draws an event: the location's coordinates, a whole state at its centre, a place
actor; nothing guessed, and the filters' options."""

from __future__ import annotations

import pytest

from relata.records import Actor, DocumentRecord, Event, Location
from relata.store import open_store, write_record
from relata.views.event_map import COUNTRY, PLACE, PLACE_ACTOR, country_points, event_map

TEXT = "Leaders met in Dubai. Police raided Basra. Talks in China. Troops left. A deal in Springfield."


def _span(piece: str) -> tuple[int, int]:
    start = TEXT.index(piece)
    return start, start + len(piece)


@pytest.fixture
def con(tmp_path):
    actors = (Actor("IND", "India", "state", "IND"), Actor("PAK", "Pakistan", "state", "PAK"),
              Actor("IRQ", "Iraq", "state", "IRQ"), Actor("basra-irq", "Basra", "location", "IRQ"),
              Actor("USA", "United States", "state", "USA"))
    events = (
        Event(*_span("Leaders met in Dubai."), "met", "CONSULT", None, 1.0, "IND", "PAK", "2024-05-20", None,
              location=Location("Dubai", "ARE", 25.07725, 55.30927)),
        Event(*_span("Police raided Basra."), "raided", "COERCE", None, -7.0, "IRQ", "basra-irq", "2024-06-02", None),
        Event(*_span("Talks in China."), "talks", "CONSULT", None, 1.0, "IND", "PAK", "2024-06-03", None,
              location=Location("China", "CHN")),
        Event(*_span("Troops left."), "left", "RETREAT", None, 7.0, "USA", "IRQ", None, None),
        Event(*_span("A deal in Springfield."), "deal", "AGREE", None, 4.0, "USA", None, None, None,
              location=Location("Springfield", "USA")),  # too many Springfields: not drawn
    )
    record = DocumentRecord(id="doc-map", source="map.txt", title="Map", author=None, outlet="Wire",
                            published="2024-06-05", language="en", text=TEXT, actors=actors, events=events)
    connection = open_store(tmp_path / "map.duckdb")
    write_record(connection, record, "map.txt", "h")
    yield connection
    connection.close()


def test_where_each_event_is_drawn(con):
    drawn = event_map(con)
    assert drawn.total == 5 and drawn.drawn == 3
    by_trigger = {e["trigger"]: e for e in drawn.events}
    assert set(by_trigger) == {"met", "raided", "talks"}
    assert by_trigger["met"]["precision"] == PLACE and by_trigger["met"]["place"] == "Dubai"
    assert (by_trigger["met"]["lat"], by_trigger["met"]["lon"]) == (25.0772, 55.3093)
    assert by_trigger["raided"]["precision"] == PLACE_ACTOR and by_trigger["raided"]["place"] == "Basra"
    assert by_trigger["raided"]["lat"] == pytest.approx(30.5, abs=0.1)
    china = by_trigger["talks"]
    assert china["precision"] == COUNTRY and (china["lat"], china["lon"]) == pytest.approx(country_points()["CHN"], abs=1e-3)
    assert by_trigger["met"]["dyad"] == "IND|PAK" and by_trigger["met"]["sentence"] == "Leaders met in Dubai."


def test_filter_options(con):
    drawn = event_map(con)
    assert drawn.months == ("2024-05", "2024-06")
    assert drawn.types == ("CONSULT", "COERCE")
    assert [(d.key, d.label, d.events) for d in drawn.dyads] == [
        ("IND|PAK", "India ↔ Pakistan", 2), ("IRQ|basra-irq", "Iraq ↔ Basra", 1)]


def test_country_points_lie_inside_their_country():
    points = country_points()
    assert len(points) > 150
    lat, lon = points["FRA"]
    assert 42 < lat < 51 and -5 < lon < 8
