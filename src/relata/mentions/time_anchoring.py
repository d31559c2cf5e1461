"""From a time mention to its TIMEX3 value, resolved against the publication date only.

- :class:`Anchor` is the publication date as given (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or
  nothing). Nothing here ever looks at today's date.
- :func:`clause_tense` reads the tense of the clause a mention sits in; it decides which way a
  bare ``Tuesday``, ``March 5`` or ``the 20th`` points (past tense: the latest one on or before
  publication; future tense: the next one on or after it; otherwise the nearest / same year).
- :func:`resolve` returns the value, or ``None`` when the text plus the anchor cannot fix it
  (a relative expression with no publication date). A year the text does not give and the
  anchor cannot supply is written ``XXXX``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc

from relata.mentions.number_words import ordinal_value, words_value
from relata.mentions.time_patterns import TimeMention, calendar

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
QUARTER_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                 "fourth": 4, "4th": 4}
PAST_MODS = ("last", "previous", "past", "this past", "the previous")
UNAMBIGUOUS_MONTHS = ("january", "february", "april", "june", "july", "august", "september",
                      "october", "november", "december")
FUTURE_MODS = ("next", "coming", "this coming", "following", "the coming", "the following",
               "the next")


@dataclass(frozen=True)
class Anchor:
    """The publication date, with only the parts it gives."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, published: str | None) -> Anchor:
        m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", published or "")
        if not m:
            return cls()
        return cls(*(int(g) if g else None for g in m.groups()))

    @property
    def date(self) -> dt.date | None:
        if self.year and self.month and self.day:
            return dt.date(self.year, self.month, self.day)
        return None


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """``past``, ``future``, ``present`` or ``None`` for the clause around ``[start, end)``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "acl", "compound"):
            break
        if token.head.i == token.i:
            break
        token = token.head
    else:
        return None
    if token.pos_ not in ("VERB", "AUX"):
        return None
    words = [token, *(c for c in token.children if c.dep_ in ("aux", "auxpass"))]
    lowered = {w.lower_ for w in words}
    if lowered & {"will", "'ll", "shall", "wo"} or any(
        w.lower_ == "going" and w.i + 1 < len(doc) and doc[w.i + 1].lower_ == "to" for w in words
    ):
        return "future"
    if any(w.tag_ == "VBD" for w in words) or ("VBN" in {w.tag_ for w in words} and lowered & {"has", "have", "had"}):
        return "past"
    if any(w.tag_ in ("VBZ", "VBP") for w in words):
        return "present"
    return None


def resolve(mention: TimeMention, text: str, anchor: Anchor, tense: str | None) -> str | None:
    g = mention.groups
    handler = _HANDLERS[mention.kind]
    return handler(g, anchor, tense, text[mention.start:mention.end].lower())


def _year(raw: str) -> int:
    y = int(raw)
    if len(raw) == 2:
        y += 2000 if y < 50 else 1900
    return y


def _month(raw: str) -> int:
    return int(calendar()["month"][raw.lower().rstrip(".")])


def _day(raw: str) -> int | None:
    raw = raw.lower()
    digits = re.match(r"\d+", raw)
    if digits:
        return int(digits.group())
    value = ordinal_value(raw)
    if value is None:
        number = words_value(raw)
        value = int(number) if number else None
    return value


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _pick_year(month: int, day: int, anchor: Anchor, tense: str | None) -> int | None:
    """The year of a ``month day`` with no year: the anchor's, moved by the clause's tense."""
    if anchor.year is None:
        return None
    if anchor.month is None:
        return anchor.year
    here = (anchor.month, anchor.day or 15)
    if tense == "past" and (month, day) > here:
        return anchor.year - 1
    if tense == "future" and (month, day) < here:
        return anchor.year + 1
    return anchor.year


def _ymd(y: int | None, m: int, d: int, given: bool = False) -> str | None:
    """``YYYY-MM-DD``; a day the calendar lacks (``Feb 30``) is kept as written when the text
    gives the year, else the year is left open."""
    if y is not None and (_valid(y, m, d) or (given and 1 <= m <= 12 and 1 <= d <= 31)):
        return f"{y:04d}-{m:02d}-{d:02d}"
    if 1 <= m <= 12 and 1 <= d <= 31:
        return f"XXXX-{m:02d}-{d:02d}"
    return None


def _date(g, anchor, tense, _text):
    d = _day(g["day"])
    if not d or not 1 <= d <= 31:
        return None
    m = _month(g["month"])
    if "yrel" in g:  # "June 16th of last year"
        if anchor.year is None:
            return None
        return _ymd(anchor.year + {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()], m, d)
    y = _year(g["year"]) if "year" in g else _pick_year(m, d, anchor, tense)
    return _ymd(y, m, d, "year" in g)


def _ymd_digits(g, anchor, tense, _text):
    return _ymd(int(g["year"]), int(g["month"]), int(g["day"]), True)


def _numeric(g, anchor, tense, _text):
    a, b = int(g["a"]), int(g["b"])
    if a > 12 and b <= 12:
        d, m = a, b
    elif a <= 12:
        m, d = a, b
    else:
        return None
    y = _year(g["year"]) if "year" in g else _pick_year(m, d, anchor, tense)
    return _ymd(y, m, d, "year" in g) if 1 <= d <= 31 else None


def _month_value(g, anchor, tense, _text):
    m = _month(g["month"])
    if "year" in g:
        return f"{_year(g['year']):04d}-{m:02d}"
    y = _relative_year(m, g.get("rel"), anchor, tense)
    return f"{y:04d}-{m:02d}" if y else f"XXXX-{m:02d}"


def _relative_year(month: int, rel: str | None, anchor: Anchor, tense: str | None) -> int | None:
    """The year of a month (or season/quarter start) named without one."""
    if anchor.year is None:
        return None
    if anchor.month is None:
        return anchor.year
    rel = (rel or "").lower()
    if rel in PAST_MODS:
        return anchor.year if month < anchor.month else anchor.year - 1
    if rel in FUTURE_MODS:
        return anchor.year if month > anchor.month else anchor.year + 1
    if rel == "this":
        return anchor.year
    if tense == "past" and month > anchor.month:
        return anchor.year - 1
    if tense == "future" and month < anchor.month:
        return anchor.year + 1
    return anchor.year


def _quarter(g, anchor, tense, text):
    q = int(g["qn"]) if "qn" in g else QUARTER_WORDS.get(g.get("q", "").lower())
    if "year" in g:
        y = _year(g["year"])
        q = q or 4
    else:
        if q is None:  # "the last quarter", "the final quarter" of an unnamed year
            return None
        y = _relative_year(3 * q - 2, None, anchor, tense)
    return f"{y:04d}-Q{q}" if y else None


def _half(g, anchor, tense, _text):
    h = int(g["hn"]) if "hn" in g else (1 if g["h"].lower() in ("first", "1st") else 2)
    y = _year(g["year"]) if "year" in g else anchor.year
    return f"{y:04d}-H{h}" if y else None


def _season(g, anchor, tense, _text):
    code = calendar()["season"][g["season"].lower()]
    if "year" in g:
        return f"{_year(g['year']):04d}-{code}"
    first, _last = SEASON_MONTHS[code]
    y = _relative_year(first, g.get("rel"), anchor, tense)
    return f"{y:04d}-{code}" if y else f"XXXX-{code}"


def _decade(g, anchor, tense, _text):
    if "dec" in g:
        return g["dec"]
    digit = g["dec2"]
    return ("19" if anchor.year is None or int(digit) > anchor.year % 100 // 10 else "20") + digit


def _year_value(g, anchor, tense, _text):
    return f"{int(g['year']):04d}"


def _week(day: dt.date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _relday(g, anchor, tense, text):
    base = anchor.date
    if base is None:
        return None
    offsets = {"today": 0, "tonight": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    offset = offsets.get(text, 0)
    return (base + dt.timedelta(days=offset)).isoformat()


def _relunit(g, anchor, tense, text):
    rel, unit = g.get("rel", "this").lower(), g["unit"].lower()
    if unit == "decade" and rel in ("past", "next", "coming", "the coming"):
        return None  # "over the past decade" is ten years back from now, not the 2000s
    step = -1 if rel.endswith(("last", "previous", "past")) else 1 if rel.endswith(
        ("next", "coming", "following")) else 0
    return _shift(anchor, unit, step)


def _shift(anchor: Anchor, unit: str, step: int) -> str | None:
    if unit in ("year", "decade"):
        if anchor.year is None:
            return None
        if unit == "year":
            return f"{anchor.year + step:04d}"
        return str(anchor.year // 10 + step)
    if unit == "month":
        if anchor.year is None or anchor.month is None:
            return None
        shifted = dt.date(anchor.year, anchor.month, 1) + relativedelta(months=step)
        return f"{shifted.year:04d}-{shifted.month:02d}"
    if unit == "quarter":
        if anchor.year is None or anchor.month is None:
            return None
        index = anchor.year * 4 + (anchor.month - 1) // 3 + step
        return f"{index // 4:04d}-Q{index % 4 + 1}"
    base = anchor.date
    if base is None:
        return None
    if unit in ("week", "weekend"):
        return _week(base + dt.timedelta(weeks=step))
    return (base + dt.timedelta(days=step)).isoformat()


def _ago(g, anchor, tense, text):
    n = g["n"].lower()
    if n in ("a few", "several"):
        return None
    count = int(n) if n.isdigit() else 1 if n in ("a", "an") else 2 if n == "a couple of" else words_value(n)
    if not count:
        return None
    step = -int(count) if g["dir"].lower() == "ago" else int(count)
    unit = g["unit"].lower()
    if unit == "decade":
        return _shift(anchor, "year", step * 10)[:3] if anchor.year else None
    if unit == "day":
        return (anchor.date + dt.timedelta(days=step)).isoformat() if anchor.date else None
    return _shift(anchor, unit, step)


def _weekday(g, anchor, tense, _text):
    base = anchor.date
    if base is None:
        return None
    target = int(calendar()["weekday"][g["wd"].lower().rstrip(".")])
    rel = (g.get("rel") or "").lower()
    wrel = (g.get("wrel") or "").lower()
    monday = base - dt.timedelta(days=base.isoweekday() - 1)
    if wrel:
        step = -1 if wrel in ("last", "previous", "the previous") else 0 if wrel == "this" else 1
        day = monday + dt.timedelta(weeks=step, days=target - 1)
    elif rel == "next" or wrel == "next":
        day = monday + dt.timedelta(weeks=1, days=target - 1)
    elif rel == "this":
        day = monday + dt.timedelta(days=target - 1)
    elif rel in ("last", "previous", "past", "this past"):
        day = base - dt.timedelta(days=(base.isoweekday() - target - 1) % 7 + 1)
    elif rel in ("coming", "this coming"):
        day = base + dt.timedelta(days=(target - base.isoweekday() - 1) % 7 + 1)
    else:
        back = base - dt.timedelta(days=(base.isoweekday() - target) % 7)
        ahead = base + dt.timedelta(days=(target - base.isoweekday()) % 7)
        if tense == "past":
            day = back
        elif tense == "future":
            day = ahead
        else:
            day = back if (base - back) <= (ahead - base) else ahead
    return day.isoformat()


def _dayord(g, anchor, tense, _text):
    d = _day(g["day"])
    if not d or not 1 <= d <= 31:
        return None
    if anchor.year is None or anchor.month is None:
        return f"XXXX-XX-{d:02d}"
    month = dt.date(anchor.year, anchor.month, 1)
    mrel = (g.get("mrel") or "").lower()
    if mrel:
        month += relativedelta(months=1 if mrel == "next" else -1)
    elif anchor.day and not g.get("ofmonth"):
        if tense == "past" and d > anchor.day:
            month -= relativedelta(months=1)
        elif tense == "future" and d < anchor.day:
            month += relativedelta(months=1)
    step = 1 if tense == "future" else -1
    for _ in range(2):  # "the 31st" in a 30-day month: the nearest month that has one
        if _valid(month.year, month.month, d):
            break
        month += relativedelta(months=step)
    return _ymd(month.year, month.month, d)


def _holiday(g, anchor, tense, _text):
    m, d = (int(x) for x in calendar()["holiday"][g["holiday"].lower()].split("-"))
    if "year" in g:
        return _ymd(_year(g["year"]), m, d, True)
    yrel = (g.get("yrel") or "").lower()
    if yrel and anchor.year:
        return _ymd(anchor.year + {"this": 0, "last": -1, "next": 1}[yrel], m, d)
    rel = (g.get("rel") or "").lower()
    if anchor.year and rel in PAST_MODS + FUTURE_MODS:
        here = (anchor.month or 12, anchor.day or 31) if rel in PAST_MODS else (anchor.month or 1, anchor.day or 1)
        past = rel in PAST_MODS
        y = anchor.year - 1 if past and (m, d) >= here else anchor.year + 1 if not past and (m, d) <= here else anchor.year
        return _ymd(y, m, d)
    return _ymd(_pick_year(m, d, anchor, tense), m, d)


_HANDLERS = {
    "holiday": _holiday,
    "ymd": _ymd_digits, "numeric": _numeric, "date": _date, "month": _month_value,
    "quarter": _quarter, "half": _half, "season": _season, "decade": _decade,
    "year": _year_value, "relday": _relday, "relunit": _relunit, "ago": _ago,
    "weekday": _weekday, "dayord": _dayord,
}
