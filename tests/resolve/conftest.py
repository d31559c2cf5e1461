"""Fixtures for the resolver tests, over the tiny test dictionary (``dictionary`` in tests/conftest.py)."""

from __future__ import annotations

import pytest

from relata import nlp
from relata.mentions.entities import extract_entities
from relata.resolve.actors import resolve_actors


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
