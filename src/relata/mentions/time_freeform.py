"""Dates in formats the calendar patterns do not cover (``2020/23/Sep``, ``2016 10 16``), read
by dateparser inside spaCy DATE entities.

Conservative by design: only entities that contain a digit and a year written in full, that
are not durations (``13 years``), and that dateparser reads as a day or a month (never a clock
time). dateparser's relative base is the publication date or a fixed placeholder, never today;
the year must be the one the text gives, so nothing is invented.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from dateparser.date import DateDataParser

from relata.mentions.time_anchoring import Anchor
from relata.mentions.time_patterns import TimeMention

_YEAR = re.compile(r"(?<!\d)((?:1[6-9]|20)\d\d)(?!\d)")
# A year alone ("the 1999 season" tagged DATE as "1999"): dateparser reads it as a year, a period
# kept by neither branch below, whatever the relative base (tests/mentions/test_time_freeform.py
# asks it for every such year). Most DATE entities left to this module are one, and dateparser
# takes some 3 ms to say so.
_BARE_YEAR = re.compile(r"(?:1[6-9]|20)\d\d")
_DURATION = re.compile(r"\b(?:years?|months?|weeks?|days?|decades?|hours?|minutes?|centur(?:y|ies)|old|ago|age)\b", re.I)
_PLACEHOLDER = dt.datetime(2000, 1, 1)


@cache
def _parser(base: dt.datetime) -> DateDataParser:
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})


def freeform_mentions(ents, taken: list[TimeMention], anchor: Anchor) -> list[tuple[TimeMention, str]]:
    """(mention, value) for DATE entities no pattern matched, where dateparser can read them."""
    base = dt.datetime.combine(anchor.date, dt.time()) if anchor.date else _PLACEHOLDER
    out = []
    for ent in ents:
        if ent.label_ != "DATE":
            continue
        start, end = ent.start_char, ent.end_char
        text = ent.text
        while text and text[-1] in " .,;":
            text, end = text[:-1], end - 1
        if any(t.start < end and start < t.end for t in taken) or not re.search(r"\d", text):
            continue
        year = _YEAR.search(text)
        if year is None or _BARE_YEAR.fullmatch(text) or _DURATION.search(text) or len(text) > 40:
            continue
        data = _parser(base).get_date_data(text)
        when = data.date_obj
        if when is None or when.time() != dt.time() or when.year != int(year.group(1)):
            continue
        if data.period == "day":
            value = when.date().isoformat()
        elif data.period == "month":
            value = f"{when.year:04d}-{when.month:02d}"
        else:
            continue
        out.append((TimeMention(start, end, "freeform", {}), value))
    return out
