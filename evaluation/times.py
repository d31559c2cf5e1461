"""Time expressions: TIMEX value accuracy on the date cases of Recognizers-Text DateTimeModel.

Which cases count: cases not marked ``NotSupported``/``NotSupportedByDesign`` whose every
expected result is a ``datetimeV2.date`` or ``datetimeV2.daterange`` whose TIMEX value is in
Relata's value vocabulary: a date, month, year, ISO week, quarter, half, season or decade. A
range counts when it is exactly one of those periods (``(2013-01-01,2013-04-01,P3M)`` is
``2013-Q1``); other ranges (``between 10/1-11/7``), weekdays without a date (``XXXX-WXX-1``)
and clock times are skipped. The reference date's day is the publication date.

A case is correct when, for every expected result, a time expression of ours overlapping the
expected span has one of the expected values. Equivalence: an expected value with unknown parts
(``XXXX-02-29``, ``XXXX-XX-04``; Recognizers leaves the year open even with a reference date)
matches ours when every known part agrees (``2020-02-29``); a season without a year (``WI``)
is read as ``XXXX-WI``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from evaluation.scoring import Score

VALUE = re.compile(r"^([0-9]{3,4}|XXXX)(-[0-9X]{2}(-[0-9X]{2})?|-W[0-9]{2}|-Q[1-4]|-SU|-SP|-FA|-WI|-H[12])?$")
RANGE = re.compile(r"^\((\d{4})-(\d{2})-(\d{2}),(\d{4})-(\d{2})-(\d{2}),P(\d+)([DWMY])\)$")
DATE_TYPES = ("datetimeV2.date", "datetimeV2.daterange")


def period_value(timex: str) -> str | None:
    """A gold TIMEX in Relata's vocabulary, or ``None`` when it has no single-period form."""
    if timex in ("SU", "SP", "FA", "WI"):
        return "XXXX-" + timex
    if VALUE.match(timex):
        return timex
    m = RANGE.match(timex)
    if not m:
        return None
    y, mo, d, y2, mo2, d2, n, unit = m.groups()
    start = dt.date(int(y), int(mo), int(d))
    end = dt.date(int(y2), int(mo2), int(d2))
    n = int(n)
    if unit == "M" and n == 3 and d == "01" and int(mo) % 3 == 1:
        return f"{y}-Q{(int(mo) - 1) // 3 + 1}"
    if unit == "M" and n == 1 and d == "01":
        return f"{y}-{mo}"
    if unit == "Y" and n == 1 and mo == "01" and d == "01":
        return y
    if unit == "Y" and n == 10 and mo == "01" and d == "01" and y.endswith("0"):
        return y[:3]
    if (unit == "W" and n == 1) or (unit == "D" and (end - start).days == 7):
        if start.isoweekday() == 1:
            iso = start.isocalendar()
            return f"{iso[0]:04d}-W{iso[1]:02d}"
    if unit == "D" and n == 1:
        return start.isoformat()
    return None


def equivalent(gold: str, ours: str | None) -> bool:
    if ours is None or len(gold) != len(ours):
        return False
    return all(g == o or g == "X" for g, o in zip(gold, ours, strict=True))


def cases(dev: Path):
    data = json.loads((dev / "recognizers" / "DateTimeModel.json").read_text(encoding="utf-8-sig"))
    for case in data:
        if case.get("NotSupported") or case.get("NotSupportedByDesign") or not case.get("Results"):
            continue
        golds = []
        for r in case["Results"]:
            values = [period_value(v.get("timex", "")) for v in r["Resolution"].get("values", [])]
            values = [v for v in values if v]
            if r.get("TypeName") not in DATE_TYPES or not values:
                golds = None
                break
            golds.append((r["Start"], r["End"] + 1, values))
        if golds:
            ref = case.get("Context", {}).get("ReferenceDateTime", "")[:10] or None
            yield case["Input"], ref, golds


def evaluate(dev: Path | None, limit: int | None = None) -> list[Score]:
    if dev is None:
        return []
    from relata import nlp
    from relata.mentions.times import extract_times

    selected = list(cases(dev))[:limit]
    correct = 0
    for parsed, (_text, _ref, golds) in zip(
        nlp.parse_many((text, ref) for text, ref, _ in selected), selected, strict=True
    ):
        times = extract_times(parsed)
        if all(
            any(t.start < end and start < t.end and any(equivalent(g, t.value) for g in values)
                for t in times)
            for start, end, values in golds
        ):
            correct += 1
    return [Score("Recognizers DateTimeModel (date cases)", "times", "TIMEX value accuracy",
                  correct=correct, total=len(selected),
                  note="partial gold values (XXXX-MM-DD) match on their known parts")]


def failures(dev: Path, limit: int | None = None):
    """(input, reference, expected, ours) for the cases :func:`evaluate` counts wrong."""
    from relata import nlp
    from relata.mentions.times import extract_times

    for text, ref, golds in list(cases(dev))[:limit]:
        times = extract_times(nlp.parse(text, ref))
        ok = all(any(t.start < e and s < t.end and any(equivalent(g, t.value) for g in v) for t in times)
                 for s, e, v in golds)
        if not ok:
            yield text, ref, [(text[s:e], v) for s, e, v in golds], [(t.text, t.value) for t in times]
