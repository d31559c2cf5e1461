"""Transcript labels matched against the document's actors."""

from __future__ import annotations

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
