"""A body with no person named speaks for the state or organisation its words name."""

from __future__ import annotations

import pytest

from relata import nlp
from relata.mentions.entities import extract_entities
from relata.relations.quotes import extract_quotes
from relata.resolve.actors import resolve_actors


def _speakers(text: str) -> list[str | None]:
    parsed = nlp.parse(text, "2024-03-01")
    actors = resolve_actors(parsed, extract_entities(parsed))
    return [q.speaker_name for q in extract_quotes(parsed, actors) if q.kind == "indirect"]


@pytest.mark.parametrize("text, speaker", [
    ("Japan's foreign ministry said the fishing ban would stay in place.", "Japan"),
    ("Brazilian officials said the shipment had left the port.", "Brazil"),
    ("Officials in Nairobi said the vote would be recounted.", "Kenya"),
    ("A spokesman for NATO said the exercise would go ahead.", "North Atlantic Treaty Organization"),
    ("Turkey's mission to the UN said Ankara would respond.", "Turkey"),
])
def test_an_unnamed_organ_or_official_speaks_for_its_state_or_organisation(text, speaker):
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize("text", [
    "Industry officials said exports had fallen.",  # no state named: nobody
    "Officials said the bridge would reopen.",
])
def test_unnamed_officials_of_no_one_stay_anonymous(text):
    assert _speakers(text) == [None]


def test_a_named_person_keeps_their_name():
    assert _speakers("Japanese Foreign Minister Yoko Kamikawa said the ban would stay.") == ["Yoko Kamikawa"]


def test_a_bare_state_body_speaks_for_the_state_of_the_dateline():
    from relata.clean.document import CleanDocument
    from relata.pipeline import build_record

    def speakers(text):
        record = build_record(CleanDocument("x", text), nlp.parse(text))
        return [q.speaker_name for q in record.quotes]

    assert speakers("NEW DELHI - India will allow a shipment of wheat to leave for Egypt, the government "
                    "said on Tuesday.") == ["India"]
    assert speakers("The plan works, the government said.") == [None]  # no dateline: whose is unknown
    assert speakers("CHARLOTTE - The man was armed, police said.") == [None]  # police are often local
