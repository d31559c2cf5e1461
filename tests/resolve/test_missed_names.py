"""Speakers the entity recogniser missed become person actors, so quotes can name them."""

from __future__ import annotations

from relata import nlp
from relata.records import EntityMention
from relata.relations.quotes import extract_quotes
from relata.resolve.missed_names import with_missed_speakers


def _people(actors) -> dict[str, str]:
    return {a.name: a.kind for a in actors.actors if a.kind == "person"}


def test_untagged_subject_of_said_becomes_a_person(analyse):
    parsed, actors = analyse("Revesz said the rule was unlawful.")
    assert _people(actors) == {"Revesz": "person"}
    assert [q.speaker_name for q in extract_quotes(parsed, actors)] == ["Revesz"]


def test_transcript_label_becomes_a_person(analyse):
    parsed, actors = analyse("Simone: Hello there.\n\nSimone: Thanks for watching.\n")
    quotes = extract_quotes(parsed, actors)
    assert [q.speaker_name for q in quotes] == ["Simone", "Simone"]


def test_plural_and_known_non_person_subjects_are_not_people(analyse):
    _, actors = analyse("Republicans said the bill was dead. The Kremlin said it was not.")
    assert _people(actors) == {}


def _mention(text: str, word: str, label: str, occurrence: int = 0) -> EntityMention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    return EntityMention(start, start + len(word), word, label)


def test_organisation_label_on_a_speaker_named_as_a_person_is_fixed(dictionary):
    text = "Tomasz Wexley chairs the panel. Later Wexley told reporters the deal was dead."
    doc = nlp.parse(text).doc
    mentions = [_mention(text, "Tomasz Wexley", "PERSON"), _mention(text, "Wexley", "ORG", 1)]
    fixed = with_missed_speakers(doc, mentions, dictionary)
    assert [m.label for m in fixed] == ["PERSON", "PERSON"]


def test_organisation_label_without_a_person_marker_is_kept(dictionary):
    text = "Later Wexley told reporters the deal was dead."
    doc = nlp.parse(text).doc
    fixed = with_missed_speakers(doc, [_mention(text, "Wexley", "ORG")], dictionary)
    assert [m.label for m in fixed] == ["ORG"]


def test_name_without_a_speaking_role_is_not_added(analyse):
    _, actors = analyse("The rule was drafted in Revesz style.")
    assert _people(actors) == {}


def test_place_label_on_a_surname_of_a_named_person_is_fixed(dictionary):
    text = "Alicia Okafor won the pageant in 1996. Critics in Okafor were quiet."
    doc = nlp.parse(text).doc
    mentions = [_mention(text, "Alicia Okafor", "PERSON"), _mention(text, "Okafor", "GPE", 1)]
    assert [m.label for m in with_missed_speakers(doc, mentions, dictionary)] == ["PERSON", "PERSON"]
