"""Time expressions on sentences written for these tests: spans, TIMEX values, tense-aware
anchoring against the publication date, and documents without one."""

from __future__ import annotations

import re

import pytest

from relata import nlp
from relata.mentions.times import extract_times

VALUE = re.compile(r"^([0-9]{2,4}|XXXX)(-[0-9]{2}(-[0-9]{2})?|-W[0-9]{2}|-Q[1-4]|-SU|-SP|-FA|-WI|-H[12])?$")


def _times(text: str, published: str | None) -> dict[str, str | None]:
    times = extract_times(nlp.parse(text, published))
    for t in times:
        assert text[t.start:t.end] == t.text
        assert t.value is None or VALUE.match(t.value), t.value
    return {t.text: t.value for t in times}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The minister said on Tuesday that talks had failed.", "2024-01-10", {"Tuesday": "2024-01-09"}),
        ("The talks will resume on Tuesday.", "2024-01-10", {"Tuesday": "2024-01-16"}),
        ("He arrived yesterday.", "2024-05-16", {"yesterday": "2024-05-15"}),
        ("Sales fell last month.", "2024-01-10", {"last month": "2023-12"}),
        ("The plant closed two years ago.", "2024-05-16", {"two years ago": "2022"}),
        ("Earlier this year the border reopened.", "2024-05-16", {"Earlier this year": "2024"}),
        ("They will meet next week.", "2024-05-16", {"next week": "2024-W21"}),
        ("The vote was held on the 20th.", "2024-05-16", {"the 20th": "2024-04-20"}),
        ("The vote will be held on the 20th.", "2024-05-16", {"the 20th": "2024-05-20"}),
        ("It was signed on March. 22, 2023 in Paris.", "2024-05-16", {"March. 22, 2023": "2023-03-22"}),
        ("It was signed on 22/03/2023.", None, {"22/03/2023": "2023-03-22"}),
        ("It was signed on 2023-03-22.", None, {"2023-03-22": "2023-03-22"}),
        ("Output peaked in the 1990s.", None, {"the 1990s": "199"}),
        ("Profit rose in the third quarter of 2023.", None, {"the third quarter of 2023": "2023-Q3"}),
        ("Profit rose in the third quarter.", "2024-01-10", {"the third quarter": "2023-Q3"}),
        ("Trade grew in 2023.", None, {"2023": "2023"}),
        ("The drought of summer 2022 was severe.", None, {"summer 2022": "2022-SU"}),
        ("The offensive began in December.", "2024-02-01", {"December": "2023-12"}),
        ("He was born on Christmas Day 1950.", None, {"Christmas Day 1950": "1950-12-25"}),
        ("It began on June 16th of last year.", "2016-09-10", {"June 16th of last year": "2015-06-16"}),
        ("The poll ran from Sept. 19 to 22.", "2016-09-25", {"Sept. 19 to 22": "2016-09-19"}),
        ("Sales fell in early 2023.", None, {"early 2023": "2023"}),
        ("Prices fell last quarter.", "2019-07-04", {"last quarter": "2019-Q2"}),
    ],
)
def test_values(text, published, expected):
    got = _times(text, published)
    for surface, value in expected.items():
        assert got.get(surface, "missing") == value, got


def test_no_publication_date_leaves_relative_expressions_unresolved():
    got = _times("He arrived yesterday and will leave on Monday, after talks last month.", None)
    assert got == {"yesterday": None, "Monday": None, "last month": None}


def test_year_missing_from_text_and_no_publication_date_is_xxxx():
    assert _times("The ceasefire began on March 22.", None) == {"March 22": "XXXX-03-22"}


def test_year_is_never_taken_from_today():
    got = _times("The ceasefire began on March 22.", "2019-06-01")
    assert got == {"March 22": "2019-03-22"}


def test_partial_publication_date_resolves_what_it_can():
    got = _times("Last year exports fell; last week imports rose.", "2024")
    assert got == {"Last year": "2023", "last week": None}


@pytest.mark.parametrize(
    "text",
    [
        "It may rain and troops march on.",
        "He scored in the 20th minute of the match.",
        "Prices fall in spring markets, he said.",
        "The G20 summit drew 2,000 delegates.",
        "He attended the Winter Olympics.",
    ],
)
def test_not_time_expressions(text):
    got = _times(text, "2024-05-16")
    assert not any(k in ("May", "may", "march", "the 20th", "fall", "2,000", "2000", "Winter") for k in got), got


def test_past_decade_is_a_duration_not_a_decade():
    assert _times("Over the past decade, prices rose.", "2016-09-10") == {"past decade": None}


def test_day_of_month_missing_from_the_anchor_month_moves_to_a_month_that_has_it():
    assert _times("It happened on the 31st.", "2024-02-29") == {"the 31st": "2024-01-31"}


def test_other_formats_are_read_by_dateparser_with_the_year_the_text_gives():
    assert _times("On 2016 10 16, the conference started.", "2016-11-07") == {"2016 10 16": "2016-10-16"}


def test_the_patterns_match_as_pythons_re_does():
    """The patterns are compiled by the `regex` package (V0: `re`'s semantics) because it scans
    faster; `re` finds exactly the same matches and groups, here on every example article in
    its original case, upper-cased and lower-cased."""
    from tests.conftest import EXAMPLES

    from relata.mentions.time_patterns import _patterns

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts += [t.upper() for t in texts] + [t.lower() for t in texts]
    found = 0
    for _, pattern in _patterns():
        plain = re.compile(pattern.pattern, re.IGNORECASE)
        for text in texts:
            ours = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
            assert ours == [(m.span(), m.groupdict()) for m in plain.finditer(text)], pattern.pattern[:60]
            found += len(ours)
    assert found > 200


def test_a_pattern_skipped_for_want_of_its_word_would_have_found_nothing():
    """A pattern naming a month, season, holiday, weekday, "ago", a quarter, a half, a decade, a
    relative day, a full year or a relative period's unit is skipped on a text without that word; running every pattern on every text
    finds the same mentions (example articles in
    their own case, upper- and lower-cased, and lines made to sit on the edges: a season running
    on into a longer word, a dotted month, a holiday with an apostrophe)."""
    from tests.conftest import EXAMPLES

    from relata.mentions import time_patterns

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(EXAMPLES.glob("*.txt"))]
    texts += [t.upper() for t in texts] + [t.lower() for t in texts]
    texts += ["Prices fell in springtime 2003.", "Talks resumed on Sept. 5 and ended Thurs.",
              "The parade on New Year's Day drew crowds.", "He left three weeks from now? No: ago.",
              "Nothing here names a time at all.", "fall 2001", "ſeptember 5, 2001",
              "Results for Q1 2020, 2020Q3 and q2; H1 2021, h22021; Q5 and H3 2020 are no periods.",
              "The 1990s, the '80s, 1980's, mid-2000S, the late 1960ſ; the first half of 2019.",
              "TONIGHT, the day before yesterday, last night, this morning; a fiscal-quarter; halftime.",
              "By the end of thisweek, LATER IN THE MONTH; for the day, during the year; mid-2003.",
              "In 1999 and since 2001-02; late 1800s; the rest of the Year; the weekend; next decade.",
              "Over the year, prices rose; the start of themonth; earlier in this week."]

    def every_pattern(text):
        original = time_patterns._scan
        time_patterns._scan = lambda: tuple((kind, p, None) for kind, p, _ in original())
        try:
            return time_patterns.find_time_mentions(text)
        finally:
            time_patterns._scan = original

    skipped = 0
    for text in texts:
        full = [(m.start, m.end, m.kind, m.groups) for m in every_pattern(text)]
        assert [(m.start, m.end, m.kind, m.groups) for m in time_patterns.find_time_mentions(text)] == full
        folded = text.casefold()
        skipped += sum(1 for _, _, needs in time_patterns._scan() if needs and not needs.found_in(text, folded))
    assert skipped > 20  # the words are missing often enough for the check to mean something
