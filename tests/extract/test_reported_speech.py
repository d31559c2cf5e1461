"""Reported speech found in the dependency parse (content spans and cues)."""

from __future__ import annotations

from relata import nlp
from relata.extract.reported_speech import find_reports


def _reports(text: str):
    return [(r.cue.text, text[r.start:r.end]) for r in find_reports(nlp.parse(text).doc)]


def test_that_clause_without_its_complementizer():
    assert ("told", "the plan would fail") in _reports("Smith told reporters that the plan would fail.")


def test_clause_before_the_cue():
    assert ("said", "The economy is strong") in _reports("The economy is strong, he said.")


def test_according_to():
    assert ("According to", "the bridge collapsed") in _reports("According to officials, the bridge collapsed.")


def test_content_never_crosses_a_paragraph_break():
    text = "The mayor spoke on Monday.\n\nShe said the budget would be cut."
    for _, content in _reports(text):
        assert "\n" not in content
