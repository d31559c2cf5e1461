"""Transcript labels matched against the document's actors."""

from __future__ import annotations

from relata import nlp
from relata.extract.speakers import match_label
from relata.records import Actor
from relata.resolve.actors import DocumentActors


def _actors(*names: str) -> DocumentActors:
    return DocumentActors(actors=tuple(
        Actor(id=n.lower().replace(" ", "-"), name=n, kind="person", country=None, aliases=(n,))
        for n in names))


def test_label_with_honorific_matches_the_surname():
    assert match_label("MR MILLER", _actors("Jason Miller", "Ann Lee")).name == "Jason Miller"


def test_first_name_label_matches_the_full_name():
    assert match_label("Simone", _actors("Simone Varga")).name == "Simone Varga"


def test_unknown_label_matches_nobody():
    assert match_label("Q", _actors("Jason Miller")) is None
    assert match_label("Mr.", _actors("Jason Miller")) is None


def _speaker_of(text: str, fragment: str):
    from relata.extract.entities import extract_entities
    from relata.extract.quotes import extract_quotes
    from relata.resolve.actors import resolve_actors

    parsed = nlp.parse(text)
    quotes = extract_quotes(parsed, resolve_actors(parsed, extract_entities(parsed)))
    return min((q for q in quotes if fragment in q.text), key=lambda q: len(q.text)).speaker_name


def test_gerund_after_by_shares_the_subject():
    text = "Howard Dean responded by saying he would never diagnose anyone through television."
    assert _speaker_of(text, "diagnose") == "Howard Dean"


def test_gerund_after_for_belongs_to_the_object_not_the_critic():
    text = "Donald Trump attacked Hillary Clinton for saying that his supporters were deplorable."
    assert _speaker_of(text, "supporters were deplorable") != "Donald Trump"


def test_reporting_noun_speaker_is_the_possessor():
    assert _speaker_of("Maria Lopez’s claim that the bridge was unsafe was disputed.", "bridge") == "Maria Lopez"
