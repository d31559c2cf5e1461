"""Identifiers on lines written for these tests: telephone numbers, addresses, ISBN/ISSN and
references to numbered parts of a text are found; counts, ranges and years are not."""

from __future__ import annotations

import re
import sys

import pytest

from relata.mentions import identifiers
from relata.mentions.identifiers import _patterns, find_identifiers, is_contact


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[i.start:i.end], i.kind) for i in find_identifiers(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ring the desk on +260 211 252 640 today.", [("+260 211 252 640", "phone")]),
        ("tel. (260) 977-123456", [("(260) 977-123456", "phone")]),
        ("Call 555-123-4567 or 020 7946 0000.", [("555-123-4567", "phone"), ("020 7946 0000", "phone")]),
        ("Phone: 5551234", [("5551234", "phone")]),
        ("Write to press@river-commission.org", [("press@river-commission.org", "email")]),
        ("See https://example.org/report.html, page two.", [("https://example.org/report.html", "url")]),
        ("ISBN 978-3-16-148410-0", [("ISBN 978-3-16-148410-0", "isbn")]),
        ("Follow her on Twitter @pamkeyNEN.", [("@pamkeyNEN", "handle")]),
        ("ISSN 0317-8471", [("ISSN 0317-8471", "issn")]),
        ("Under Article 21 of the charter", [("Article 21", "reference")]),
        ("clause 3(b) and articles 5 and 6", [("clause 3(b)", "reference"), ("articles 5 and 6", "reference")]),
    ],
)
def test_identifiers_found(text, expected):
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The ministry counted 10 000 000 visitors in 2023.",
        "Exports rose 12.5 percent between 1990-2000.",
        "The score was 2-1 after 90 minutes.",
        "About 3.5 million people live in the valley.",
    ],
)
def test_counts_and_years_are_not_identifiers(text):
    assert _found(text) == []


def test_contact_needs_an_address_and_a_word_offering_it():
    assert is_contact("For more information call the press office on +260 211 252 640.")
    assert is_contact("Media enquiries: press@river-commission.org")
    assert not is_contact("The office on the 4th floor handles 1,200 requests a year.")
    assert not is_contact("Call the vote, the speaker said.")


def test_what_a_pattern_needs_holds_for_every_character_it_matches():
    """A pattern is skipped on a text whose case-folded form lacks what it ``needs``: sound only
    when every character that matches a needed one case-insensitively case-folds to it ('s'
    matches the long s 'ſ', which casefolds to 's'; 'i' matches the dotted 'İ', which does not
    casefold to 'i', so no 'i' is needed)."""
    needed = {ch for *_, needs in _patterns() for need in needs for ch in need}
    assert needed  # the table names what e-mail addresses, handles, URLs, ISBN and ISSN need
    for ch in needed:
        matcher = re.compile(re.escape(ch), re.IGNORECASE)
        assert ch == ch.casefold()
        matching = [chr(x) for x in range(sys.maxunicode + 1) if matcher.fullmatch(chr(x))]
        assert all(m.casefold() == ch for m in matching), (ch, matching)


@pytest.mark.parametrize(
    "text",
    [
        "Visit WWW.RIVER-COMMISSION.ORG or Www.example.org for the text.",
        "HTTPS://EXAMPLE.ORG/a and ftp://files.example.org/b",
        "IſBN 978-3-16-148410-0, iSsN 0317-8471, ISSN 0317-847X",
        "Mail PRESS@EXAMPLE.ORG or follow @River_Desk.",
        "Under Article 21, no address: call 555-123-4567.",
    ],
)
def test_skipping_patterns_finds_what_running_all_finds(text, monkeypatch):
    skipping = _found(text)
    assert skipping
    every = tuple((kind, digits, pattern, ()) for kind, digits, pattern, _ in _patterns())
    monkeypatch.setattr(identifiers, "_patterns", lambda: every)
    assert _found(text) == skipping
