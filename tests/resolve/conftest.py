"""Fixtures for the resolver tests: a tiny actor dictionary written for the tests, so that
behaviour is pinned independently of the growing packaged dictionary."""

from __future__ import annotations

from pathlib import Path

import pytest

from relata import nlp
from relata.mentions.dictionary import load_dictionary
from relata.mentions.entities import extract_entities
from relata.resolve.actors import resolve_actors

FIXTURE_ACTORS = Path(__file__).parent / "fixtures" / "actors"


@pytest.fixture(scope="session")
def dictionary():
    return load_dictionary(FIXTURE_ACTORS)


@pytest.fixture(scope="session")
def analyse(dictionary):
    """``analyse(text, published)`` -> ``(parsed, DocumentActors)`` with the fixture dictionary."""

    def run(text: str, published: str | None = "2024-05-16"):
        parsed = nlp.parse(text, published)
        return parsed, resolve_actors(parsed, extract_entities(parsed, dictionary), dictionary)

    return run


@pytest.fixture(scope="session")
def token():
    """``token(parsed, word, occurrence=0)``: the ``occurrence``-th token whose text is ``word``."""

    def find(parsed, word: str, occurrence: int = 0):
        return [t for t in parsed.doc if t.text == word][occurrence]

    return find
