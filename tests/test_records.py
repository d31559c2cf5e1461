"""The record's optional contract fields: present when known, left out when not, and round-tripped."""

from __future__ import annotations

from relata.records import Actor, DocumentRecord, Event, Location, from_dict, to_dict

TEXT = "Russia imposed sanctions on Estonia in Tallinn."


def _record(cameo=None, sector=None, lat=None, lon=None) -> DocumentRecord:
    event = Event(0, len(TEXT), "imposed sanctions", "SANCTION", None, -5.0, "RUS", "EST", None, None,
                  location=Location("Tallinn", "EST", lat, lon), cameo=cameo)
    actors = (Actor("RUS", "Russia", "state", "RUS", ("Russia",), sector=sector),
              Actor("EST", "Estonia", "state", "EST", ("Estonia",)))
    return DocumentRecord("abc", "mem", None, None, None, "2024-05-16", "en", TEXT, actors=actors,
                          events=(event,))


def test_optional_fields_are_written_when_known(record_validator):
    data = to_dict(_record(cameo="163", sector="GOV", lat=59.437, lon=24.754))
    record_validator(data)
    assert data["events"][0]["cameo"] == "163"
    assert data["events"][0]["location"] == {"name": "Tallinn", "country": "EST", "lat": 59.437, "lon": 24.754}
    assert data["actors"][0]["sector"] == "GOV"
    assert from_dict(data) == _record(cameo="163", sector="GOV", lat=59.437, lon=24.754)


def test_unknown_optional_fields_are_left_out(record_validator):
    data = to_dict(_record())
    record_validator(data)
    assert "cameo" not in data["events"][0]
    assert data["events"][0]["location"] == {"name": "Tallinn", "country": "EST"}
    assert all("sector" not in a for a in data["actors"])
    assert from_dict(data) == _record()
