"""What an act's parties make of it: crowds, diplomatic protests, trips abroad, own-side threats."""

from __future__ import annotations

from relata import nlp
from relata.mentions.entities import extract_entities
from relata.records import Actor
from relata.relations.event_actors import Roles
from relata.relations.party_acts import by_a_crowd, foreign_destinations
from relata.resolve.actors import resolve_actors

PROTESTERS = Actor("iranian-protesters", "Iranian protesters", "group", "IRN")
IRAN = Actor("IRN", "Iran", "state", "IRN")


def test_a_crowd_is_known_by_its_noun_whoever_else_acts():
    assert by_a_crowd(Roles(sources=(PROTESTERS,), targets=()))
    assert not by_a_crowd(Roles(sources=(PROTESTERS, IRAN), targets=()))
    # no source resolved: the subject's words decide
    doc = nlp.parse("Demonstrators stormed the building.").doc
    assert by_a_crowd(Roles(sources=(), targets=(), subject=doc[0]))


def test_a_trip_goes_only_to_another_states_places():
    parsed = nlp.parse("Iranian Foreign Minister Abbas Araghchi flew to Tehran and then to Baghdad.")
    actors = resolve_actors(parsed, extract_entities(parsed))
    minister = actors.get("abbas-araghchi")
    places = [actors.resolve(t) for t in parsed.doc if t.text in ("Tehran", "Baghdad")]
    found = foreign_destinations(Roles(sources=(minister,), targets=tuple(places)), actors)
    assert [a.country for a in found] == ["IRQ"]
