"""Identifiers on lines written for these tests: telephone numbers, addresses, ISBN/ISSN and
references to numbered parts of a text are found; counts, ranges and years are not."""

from __future__ import annotations

import pytest

from relata.mentions.identifiers import find_identifiers, is_contact


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
