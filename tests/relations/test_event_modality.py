"""Events that are wished for, conditional or open questions are not facts: our own sentences."""

from __future__ import annotations

import pytest

from relata import nlp
from relata.mentions.entities import extract_entities
from relata.mentions.times import extract_times
from relata.relations.events import extract_events
from relata.resolve.actors import resolve_actors


def types_of(text: str) -> list[str]:
    parsed = nlp.parse(text, published="2024-05-16")
    actors = resolve_actors(parsed, extract_entities(parsed))
    return [e.type for e in extract_events(parsed, actors, extract_times(parsed), ())]


@pytest.mark.parametrize("text, absent", [
    ("Sylvania wanted to send aid to Freedonia, but its ministers refused.", {"AID", "AGREE"}),
    ("The premier hopes to sign a trade deal with Japan.", {"SUPPORT", "AGREE"}),
    ("If it draws sanctions from the European Union, the economy will shrink.", {"SANCTION"}),
    ("Officials are debating whether it is wise to accept the concessions of Russia.", {"CONCEDE"}),
    ("Once attacked by Russia, the small town would fall within days.", {"ASSAULT", "THREATEN"}),
    ("His spokeswoman declined to say when the president would travel to Dushanbe.", {"AGREE", "CONSULT"}),
    ("Reporters asked how Kyrgyzstan might retaliate against Tajikistan.", {"ASSAULT", "THREATEN", "COERCE"}),
    ("Nepal said it hoped India and China would settle their differences peacefully.", {"AGREE"}),
    ("Nepal hopes that India will sign the border treaty with China.", {"AGREE", "SUPPORT"}),
])
def test_not_coded(text, absent):
    assert not absent & set(types_of(text))


def test_a_question_word_without_a_modal_reports_what_happened():
    assert "ASSAULT" in types_of("Witnesses described how Kyrgyz soldiers attacked Tajik border guards.")


def test_a_demand_verb_with_an_indicative_clause_asserts_and_demands_nothing():
    assert "REQUEST" not in types_of("Kyrgyzstan insisted that Tajik engineers had diverted the canal.")
    assert "REQUEST" not in types_of("Kyrgyzstan insisted that Tajikistan is stealing its water.")
    # a subjunctive or a "should" clause demands
    assert "REQUEST" in types_of("Kyrgyzstan insisted that Tajikistan withdraw its troops from the canal.")
    assert "REQUEST" in types_of("Kyrgyzstan demanded that Tajikistan should return the pumps.")


def test_stated_intention_is_still_coded():
    assert "AGREE" in types_of("Japan plans to send aid to the Philippines.")


def test_negation_stays_in_its_own_clause():
    types = types_of("Pakistan did not agree to drop its complaint, and India rejected a Pakistani proposal "
                     "for an inspection of the dam sites.")
    assert "REJECT" in types and "AGREE" not in types


def test_negation_carries_to_a_conjunct_sharing_the_subject():
    assert "SUPPORT" not in types_of("Freedonia did not sign or ratify the treaty with Sylvania.")


def test_a_reported_intention_to_meet_is_an_agreement_not_a_meeting():
    types = types_of("Rebel leaders said on Wednesday they would meet the U.N. mediator in Geneva.")
    assert "AGREE" in types and "CONSULT" not in types
    assert "AID" in types_of("The minister said Spain would send $40 million in aid to Chile.")


@pytest.mark.parametrize("text", [
    "Turkey ruled out sending troops to Syria.",
    "Egypt stopped short of recalling its ambassador from Israel.",
    "Greece has no plans to expel Turkish diplomats, a spokesman said.",
    "Turkey refrained from attacking Syria.",
    "Turkey avoided sending troops to Syria.",
])
def test_acts_ruled_out_stopped_short_of_refrained_from_or_not_planned_are_not_coded(text):
    assert not {"MOBILIZE", "SANCTION", "ASSAULT", "THREATEN"} & set(types_of(text)), text


def test_ruling_out_a_meeting_rejects_it():
    assert types_of("Turkey ruled out meeting Syrian officials.") == ["REJECT"]


def test_mock_attacks_are_no_attacks_but_cancelling_a_planned_visit_is_an_act():
    assert "ASSAULT" not in types_of("Russian jets staged mock attacks on a Dutch frigate in the Black Sea.")
    assert "SANCTION" in types_of("A French minister cancelled a planned visit to Haiti.")


def test_no_intention_of_an_act_is_no_act_and_a_deepened_row_no_cooperation():
    assert not types_of("Taye said Ethiopia had no intention of annexing any part of Somalia.")
    assert "COOPERATE" not in types_of("Somalia's expulsion of Ethiopia's military attache deepened a months-long row.")
    assert "COOPERATE" in types_of("Kenya and Ethiopia deepened ties on Monday.")


@pytest.mark.parametrize("text", [
    "He added that Baku was not considering withdrawing its diplomats from Tehran for now.",
    "Baku is considering withdrawing its diplomats from Tehran.",
    "The EU is weighing sanctions against Minsk.",
])
def test_an_act_weighed_is_no_fact_and_weighing_is_no_consultation(text):
    assert types_of(text) == []
