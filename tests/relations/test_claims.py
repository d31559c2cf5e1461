"""Numeric claims on sentences written for these tests: values, units, qualifiers, changes,
measures, periods, attribution, and figures that are not claims."""

from __future__ import annotations

import pytest

from relata import nlp
from relata.mentions.entities import extract_entities
from relata.mentions.quantities import find_quantities
from relata.mentions.times import extract_times
from relata.records import QUALIFIERS
from relata.relations.claims import extract_claims
from relata.resolve.actors import resolve_actors


def _claims(text: str, published: str | None = "2024-05-16"):
    parsed = nlp.parse(text, published)
    actors = resolve_actors(parsed, extract_entities(parsed))
    claims = extract_claims(parsed, actors, extract_times(parsed), ())
    for c in claims:
        assert text[c.start:c.end] == c.text
        assert c.qualifier in QUALIFIERS and c.unit
    return claims


def _one(text: str, fragment: str):
    found = [c for c in _claims(text) if fragment in c.text]
    assert found, (fragment, _claims(text))
    return found[0]


@pytest.mark.parametrize(
    ("text", "fragment", "value", "unit"),
    [
        ("Trade reached $240.1 billion last year.", "$240.1 billion", 240_100_000_000, "USD"),
        ("The fund holds 1.2 billion yuan.", "1.2 billion yuan", 1_200_000_000, "CNY"),
        ("The deal is worth 300 million rubles.", "300 million rubles", 300_000_000, "RUB"),
        ("Seoul pledged 5 trillion won.", "5 trillion won", 5_000_000_000_000, "KRW"),
        ("The grant was €3bn.", "€3bn", 3_000_000_000, "EUR"),
        ("Fares rose to £45.", "£45", 45, "GBP"),
        ("Inflation hit 8.5% in March.", "8.5%", 8.5, "percent"),
        ("Rates rose 0.25 percentage points.", "0.25 percentage points", 0.25, "percentage point"),
        ("He has visited 38 times.", "38", 38, "time"),
        ("Three soldiers were wounded.", "Three", 3, "soldier"),
        ("The turbine produces 5kW.", "5kW", 5, "kilowatt"),
    ],
)
def test_values_and_units(text, fragment, value, unit):
    c = _one(text, fragment)
    assert (c.value, c.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "fragment", "qualifier"),
    [
        ("More than 40 soldiers were killed.", "40", "more_than"),
        ("Nearly 300 people fled.", "300", "about"),
        ("About 70% voted against.", "70%", "about"),
        ("Up to 500 troops may deploy.", "500", "up_to"),
        ("At least 12 civilians died.", "12", "more_than"),
        ("Less than 5% of voters agreed.", "5%", "less_than"),
        ("Dozens of protesters gathered.", "Dozens", "more_than"),
    ],
)
def test_qualifiers(text, fragment, qualifier):
    c = _one(text, fragment)
    assert c.qualifier == qualifier
    assert c.text.lower().startswith(fragment.lower()) or c.qualifier != "exact"


def test_change_measure_and_period():
    text = "Bilateral commerce between the two countries reached $240.1 billion in 2023, up 26.3%."
    money = _one(text, "$240.1 billion")
    assert money.measure == "Bilateral commerce between the two countries"
    assert money.period == "2023" and money.change is False
    pct = _one(text, "26.3%")
    assert pct.text == "up 26.3%" and pct.change is True


def test_changes():
    assert _one("Exports fell by a third.", "third").change is True
    assert _one("Exports fell by a third.", "third").value == pytest.approx(33.333, rel=1e-3)
    doubled = _one("Prices doubled last year.", "doubled")
    assert (doubled.value, doubled.unit, doubled.change) == (100, "percent", True)
    assert _one("Sales saw a 5% rise.", "5%").change is True


def test_range_shares_scale_and_unit():
    claims = _claims("The project will cost $5-7 billion.")
    assert [(c.value, c.unit) for c in claims] == [(5e9, "USD"), (7e9, "USD")]
    claims = _claims("Between 5 and 7 percent of voters agreed.")
    assert [(c.value, c.unit) for c in claims] == [(5, "percent"), (7, "percent")]


def test_attribution_from_according_to():
    c = _one("Trade rose 26.3%, according to Chinese customs data.", "26.3%")
    assert c.attributed_to is not None and "ch" in c.attributed_to.lower()


@pytest.mark.parametrize(
    "text",
    [
        "The G20 met in 2023.",
        "Russia flew Su-57 jets.",
        "COVID-19 spread quickly.",
        "Call 202-555-0100 for details.",
        "Article 5 of the treaty applies.",
        "They met at 10:30 a.m. on May 3.",
        "He was the 3rd son.",
        "One of them left.",
        "It was signed on 22/03/2023.",
        "The iPhone 11 Pro sold well.",
        "The game ended 2-1.",
        "The two countries signed a deal.",
        "Wheat exports in the 2021-22 season were steady.",
        "The 9/11 attacks changed everything.",
        "For more information contact the press office on +260 211 252 640.",
        "Media contact: Ruth Zulu, tel. (260) 977-123456, or 020 7946 0000.",
        "Write to press2024@river-commission.org or see www.example.org/report-2023.",
        "The guide (ISBN 978-3-16-148410-0) is out.",
        "Under clause 3(b) and articles 5 and 6 of the charter, members must report.",
    ],
)
def test_not_claims(text):
    assert _claims(text) == ()


def test_number_words_reader():
    text = "twenty-five, a dozen, two thirds, seven hundred million"
    assert [q.value for q in find_quantities(text)] == pytest.approx([25, 12, 2 / 3, 7e8])


def test_age_apposition_and_unit_abbreviations():
    assert [(c.value, c.unit) for c in _claims("Schiff, 56, who has served in Congress, spoke.")] == [(56, "year")]
    assert _one("The car has a 185-hp engine.", "185").unit == "horsepower"


def test_change_after_a_figure_shares_its_measure():
    claims = _claims("Spain would send $40 million in aid to Chile, up 20 percent from last year.", "2024-01-10")
    money, change = claims
    assert change.text == "up 20 percent" and change.change and change.measure == money.measure


def test_no_publication_date_gives_no_period_from_relative_times():
    claims = _claims("Exports rose 5% last year.", None)
    assert claims[0].period is None


def test_figure_inside_a_quote_is_attributed_to_its_speaker():
    from relata.records import Quote

    text = '"Exports rose 25% last year," the minister said.'
    parsed = nlp.parse(text, "2024-05-16")
    actors = resolve_actors(parsed, extract_entities(parsed))
    quote = Quote(1, 29, text[1:29], "direct", "some-minister", "Some Minister", "said")
    claims = extract_claims(parsed, actors, extract_times(parsed), (quote,))
    assert [(c.text, c.attributed_to, c.period, c.change) for c in claims] == [
        ("25%", "some-minister", "2023", True)]


def test_a_currency_name_several_states_share_takes_the_named_states_code():
    norway = _claims("OSLO - Norway will give Ukraine 1.5 billion crowns to repair power plants.")
    assert [(c.value, c.unit) for c in norway] == [(1.5e9, "NOK")]
    both = _claims("Norway and Sweden each pledged 2 billion crowns to the fund.")
    assert [c.unit for c in both] == ["crown"]  # two states named: the word stays


def test_the_figure_patterns_match_as_pythons_re_does():
    """Compiled by the `regex` package for speed (as the time patterns): `re` finds the same."""
    import re

    from tests.conftest import EXAMPLES

    from relata.mentions.quantities import _figure, _words

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts += [t.upper() for t in texts] + [t.lower() for t in texts]
    found = 0
    for pattern in (_figure(), _words()):
        plain = re.compile(pattern.pattern, re.IGNORECASE)
        for text in texts:
            ours = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert ours == [(m.span(), m.groupdict()) for m in plain.finditer(text)]
            found += len(ours)
    assert found > 300
