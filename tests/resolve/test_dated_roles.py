"""relata.resolve.dated_roles: people the team's table does not know, resolved through the Phoenix
tables on the document's date. The sentences are the team's own; the people are real officials
of the tables (Vladimir Norov, Uzbek foreign minister 2006-2010; Kanat Saudabayev, Kazakh
foreign minister from 2009; Mohamed ElBaradei, IAEA director general 1997-2009) that
``people.tsv`` does not list."""

from __future__ import annotations

import pytest

from relata import nlp
from relata.mentions.dictionary import load_dictionary
from relata.mentions.entities import extract_entities
from relata.records import EntityMention
from relata.relations.events import extract_events
from relata.resolve.actors import resolve_actors
from relata.resolve.dated_roles import (
    join_split_names,
    listed_person,
    match_person,
    organization_of,
    state_office,
)
from relata.resolve.phoenix import horizon

MEETING = "Vladimir Norov met Kanat Saudabayev in Astana on Monday."


def resolved(text: str, published: str | None):
    parsed = nlp.parse(text, published)
    actors = resolve_actors(parsed, extract_entities(parsed))
    return actors, extract_events(parsed, actors, (), ())


def test_the_table_does_not_know_them():
    people = {a.name for a in load_dictionary().actors.values() if a.kind == "person"}
    assert not {"Vladimir Norov", "Kanat Saudabayev", "Mohamed ElBaradei"} & people


@pytest.mark.parametrize(("published", "norov", "norov_sector", "event"), [
    ("2005-03-01", "vladimir-norov", None, ("vladimir-norov", "KAZ")),  # before his office: a person
    ("2008-03-01", "UZB", "GOV", ("UZB", "kanat-saudabayev")),  # in office; Saudabayev between offices
    ("2010-03-01", "UZB", "GOV", ("UZB", "KAZ")),  # both in office: state to state
    ("2012-03-01", "vladimir-norov", None, ("vladimir-norov", "KAZ")),  # after his office
])
def test_the_same_name_before_during_and_after_an_office(published, norov, norov_sector, event):
    actors, events = resolved(MEETING, published)
    person = actors.get("vladimir-norov")
    assert (person.kind, person.country, person.sector) == ("person", "UZB", norov_sector)
    assert actors.acting_for(person).id == norov
    assert [(e.source, e.target) for e in events if e.type == "CONSULT"] == [event]


def test_out_of_office_keeps_the_sector_then_in_force():
    actors, _ = resolved("Mohamed ElBaradei criticized Iran on Monday.", "2011-06-01")
    person = actors.get("mohamed-elbaradei")
    assert (person.country, person.sector) == ("EGY", "ELI")  # between his IAEA and Egyptian offices


def test_an_igo_official_acts_for_the_organisation():
    actors, events = resolved("Mohamed ElBaradei criticized Iran on Monday.", "2006-06-01")
    person = actors.get("mohamed-elbaradei")
    assert (person.country, person.sector) == ("EGY", "IGO")  # his own country, the IAEA's office
    assert actors.coded_as(person).id == "iaea"
    assert [(e.source, e.target) for e in events if e.type == "ACCUSE"] == [("iaea", "IRN")]
    assert organization_of(match_person("Mohamed ElBaradei", "2006-06-01")) == "iaea"


def test_the_text_takes_a_person_out_of_office():
    # the tables still list Bakiyev's presidency as open in June 2010; the text knows better
    actors, _ = resolved("Ousted president Kurmanbek Bakiyev denied the charges.", "2010-06-14")
    person = actors.get("kurmanbek-bakiyev")
    assert match_person("Kurmanbek Bakiyev", "2010-06-14").in_office
    assert (person.country, person.sector) == ("KGZ", None)
    assert actors.acting_for(person) is person


def test_the_team_table_overrides_the_tables():
    # Phoenix lists Putin as president from 2008 with no end; people.tsv knows the 2008-2012 premiership
    actors, _ = resolved("Vladimir Putin spoke on Monday.", "2010-03-01")
    assert "vladimir-putin" in {a.id for a in actors.actors}  # the dictionary's id, not Phoenix's


def test_no_match_past_the_horizon_or_for_a_namesake_word():
    assert str(horizon()) == "2015-02-17"
    assert match_person("Vladimir Norov", "2024-03-01") is None  # the tables say nothing then
    actors, _ = resolved(MEETING, "2024-03-01")
    assert actors.get("vladimir-norov").country is None
    assert match_person("Vladimir Norov", None).country == "UZB"  # undated: who he is, no office
    assert match_person("Maduro", "2014-01-01", single_word=True).id == "NICOLAS_MADURO"  # a surname
    assert match_person("Hassan", "2000-01-01", single_word=True) is None  # a one-word entry: whose?
    assert match_person("Taliban", "2010-01-01") is None  # the non-state file lists no people
    assert match_person("Kabul", "2010-01-01") is None  # a capital: no sector, no person


def test_state_office_of_a_match():
    assert state_office(match_person("Vladimir Norov", "2008-03-01")) == "UZB"
    assert state_office(match_person("Vladimir Norov", "2005-03-01")) is None
    assert state_office(None) is None


def test_a_name_cut_in_two_is_joined():
    text = "Chairperson Moussa Faki Mahamat spoke."
    cut = [EntityMention(12, 18, "Moussa", "PERSON"), EntityMention(19, 31, "Faki Mahamat", "ORG")]
    joined = join_split_names(text, cut, "2024-02-01", lambda name: False)
    assert [(m.text, m.label) for m in joined] == [("Moussa Faki Mahamat", "PERSON")]
    assert listed_person("Moussa Faki Mahamat") and not listed_person("Moussa")
    apart = [EntityMention(0, 6, "Moussa", "PERSON"), EntityMention(8, 20, "Faki Mahamat", "ORG")]
    assert join_split_names("Moussa, Faki Mahamat", apart, None, lambda name: False) == apart
