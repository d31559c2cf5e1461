"""Where time expressions are: regular expressions over the text, built from the calendar and
number lexicons (``data/time_words.tsv``, ``data/number_words.tsv``).

Each match is a :class:`TimeMention` with a ``kind`` and the named groups it captured; turning
those into TIMEX3 values is :mod:`relata.mentions.time_anchoring`'s job. Matches that overlap are
resolved longest-first, so ``Tuesday, March 5, 2024`` is one mention, not three.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import regex

from relata.mentions.number_words import lexicon as number_lexicon


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    kind: str
    groups: dict = field(default_factory=dict, compare=False)


@cache
def calendar() -> dict[str, dict[str, str]]:
    """``kind -> word -> value`` from ``time_words.tsv`` (month, weekday, season, part)."""
    table: dict[str, dict[str, str]] = {}
    text = resources.files("relata.data").joinpath("time_words.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, word, value = (line.split("\t") + [""])[:3]
            table.setdefault(kind, {})[word] = value
    return table


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _scan() -> tuple[tuple[str, regex.Pattern, _Anchor | None], ...]:
    """``(kind, pattern, the search for a word it needs, if any)`` for every time pattern."""
    cal = calendar()
    nums = number_lexicon()
    month = rf"(?P<month>(?:{_alt(cal['month'])})\.?)"
    weekday_full = _alt(w for w in cal["weekday"] if len(w) > 4)
    weekday = rf"(?:{_alt(cal['weekday'])})\.?"
    ordinals = _alt(nums["ordinal"])
    tens = "twenty|thirty"
    units = _alt(w for w, v in nums["unit"].items() if 1 <= v <= 9)
    day_words = rf"(?:(?:{tens})[\s-]+(?:{ordinals}|{units})|{ordinals}|{tens})"
    day = rf"(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])|{day_words})"
    year = r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d,]\d)"
    year_rel = r"\s+(?:of\s+)?(?P<yrel>last|this|next)\s+year\b"
    modifier = r"(?:(?P<mod>early|mid|late|the end of|the start of|the beginning of|the middle of)[\s-]+)"
    rel = r"(?P<rel>this past|this coming|last|next|this|coming|previous|past)"
    count = rf"(?P<n>\d+|{_alt(nums['unit'])}|{_alt(nums['tens'])}|a|an|a couple of|a few|several)"
    ago_units = r"(?P<unit>day|week|month|year|decade)s?"
    # written once for the pattern and for the word search that lets a text without them skip it
    # (the relative days are the words of the "relday" pattern)
    seasons = ("spring", "summer", "autumn", "fall", "winter")
    directions = ("ago", "from now", "from today", "after today", "hence")
    reldays = ("the day before yesterday", "the day after tomorrow", "today", "yesterday", "tomorrow", "tonight",
               "last night", "this morning", "this afternoon", "this evening")
    prep_year = r"(?:in|since|by|during|until|till|from|before|after|through|throughout|for|fiscal|FY|of)"
    raw = [
        ("ymd", r"\b(?P<year>\d{4})([-/.])(?P<month>0?[1-9]|1[0-2])\2(?P<day>0?[1-9]|[12]\d|3[01])\b", None),
        ("numeric", r"\b(?P<a>\d{1,2})([/.-])(?P<b>\d{1,2})\2(?P<year>\d{4}|\d{2})\b(?![/.-]\d)", None),
        ("numeric", r"\b(?:on|by|until|till|from|before|after|since)\s+(?P<core>(?P<a>\d{1,2})/(?P<b>\d{1,2}))\b(?![/.-]?\d)", None),
        ("date", rf"\b(?:(?P<wd>{weekday}),?\s+)?(?:the\s+)?{day}(?:\s+(?:day\s+)?of)?[\s/-]+{month}(?:,?[\s/-]+(?:of\s+|in\s+)?{year}|{year_rel})?\b", "month"),
        ("date", rf"\b(?:(?P<wd>{weekday}),?\s+)?{month},?[\s/-]+(?:the\s+)?{day}\b(?:\s*(?:-|–|to|through)\s*(?:3[01]|[12]\d|0?[1-9])\b(?!\s*(?:%|percent|per\b|[a-z])))?(?:(?:\s*,\s*|[\s/-]+)(?:of\s+|in\s+)?{year}\b|{year_rel})?", "month"),
        ("date", rf"\b{year}[\s/-]+{month}[\s/-]+(?P<day>0?[1-9]|[12]\d|3[01])\b", "month"),
        ("month", rf"\b{modifier}?{month},?(?:\s+|/|-)(?:of\s+)?{year}\b", "month"),
        ("month", rf"\b{year}\s+{month}\b", "month"),
        ("month", rf"\b(?:{rel}\s+|{modifier})?{month}(?!\.?\s*\d)\b", "month"),
        ("quarter", rf"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter\b(?:\s+of\s+|,?\s+)?(?:{year}\b)?", "quarter"),
        ("quarter", rf"\bQ(?P<qn>[1-4])(?:\s+|[-/])?(?:of\s+)?(?:{year}\b)?", "q1-q4"),
        ("quarter", rf"\b{year}[-\s]?Q(?P<qn>[1-4])\b", "q1-q4"),
        ("half", rf"\b(?:the\s+)?(?P<h>first|second|1st|2nd)\s+half\s+of\s+(?:the\s+year\s+)?{year}?\b", "half"),
        ("half", rf"\bH(?P<hn>[12])\s*{year}\b", "h1-h2"),
        ("season", rf"\b(?:{rel}\s+|{modifier})?(?P<season>{_alt(seasons)})(?:\s+(?:of\s+)?{year}\b)?", "season"),
        ("decade", r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<dec>(?:1[6-9]|20)\d)0'?s\b", "0s"),
        ("decade", r"(?<!\w)(?:the\s+)?'(?P<dec2>\d)0s\b", "0s"),
        ("year", rf"\b{modifier}{year}\b", "year"),
        ("year", rf"\b{prep_year}\s+(?P<core>{year})\b(?!\s*(?:%|percent|per\b|-))", "year"),
        ("relday", r"\b(?P<rd>the day before yesterday|the day after tomorrow|today|yesterday|tomorrow|tonight|last night|this (?:morning|afternoon|evening))\b", "relday"),
        ("relunit", r"\b(?P<rel>earlier this|later this|early this|late this|this past|this coming|last|next|this|previous|coming|following|current|past|the previous|the coming|the following|the current)\s+(?P<unit>week|weekend|month|year|quarter|decade)\b", "unit"),
        ("relunit", r"\b(?:the\s+)?(?:end|start|beginning|middle|rest|remainder)\s+of\s+(?P<rel>the|this)?\s*(?P<unit>week|month|year)\b", "unit run on"),
        ("relunit", r"\b(?:earlier|later)\s+in\s+(?P<rel>the|this)\s+(?P<unit>week|month|year)\b", "earlier"),
        ("relunit", r"\b(?:for|of|during|throughout)\s+(?P<core>the\s+(?P<unit>day|week|month|year))\b(?!\s+(?:of|before|after|to|ago|earlier|later|that|when|in|since)\b)", "the unit"),
        ("holiday", rf"\b(?:{rel}\s+)?(?P<holiday>{_alt(cal['holiday'])})(?:\s+(?:of\s+)?(?:{year}|(?P<yrel>this|last|next)\s+year))?\b", "holiday"),
        ("weekday", rf"\b(?P<wrel>next|last|previous|this)\s+week[\s,-]+(?P<wd>{weekday_full})\b", "weekday"),
        ("ago", rf"\b{count}\s+{ago_units}\s+(?P<dir>{_alt(directions)})\b", "ago"),
        ("weekday", rf"\b(?:{rel}\s+)?(?P<wd>{weekday_full})(?:\s+(?P<part>morning|afternoon|evening|night))?(?:\s+(?:of|in)\s+(?P<wrel>next|last|this|the following|the previous|the next|the coming)\s+week)?\b", "weekday"),
        ("dayord", rf"\b(?:on\s+)?(?P<core>the\s+(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|{day_words})(?P<ofmonth>\s+(?:day\s+)?of\s+(?:the|this|(?P<mrel>next|last|previous))\s+month)?)", None),
    ]
    # A pattern that names a month, season, holiday, weekday, "ago", "quarter", "half", a relative
    # day, a full year or the unit of a relative period matches only where the text
    # has that word, whole (before it the pattern has \b or a space, after it a space, a comma, a
    # dot or \b; a season may run on: "fall" in "falls"). Most texts have none of them (on wire
    # copy seven in ten name no month), and one search for the word is far cheaper than the
    # pattern's scan, so the pattern is skipped there: same matches, about half the time.
    needs = {
        "month": _word_anchor(cal["month"]),
        "season": _word_anchor(seasons, whole=False),
        "holiday": _word_anchor(cal["holiday"]),
        "weekday": _word_anchor(w for w in cal["weekday"] if len(w) > 4),
        "ago": _word_anchor(directions),
        "quarter": _word_anchor(("quarter",)),
        "half": _word_anchor(("half",)),
        "relday": _word_anchor(reldays),
        # codes and decades run on from a digit ("2020Q1", "1990s"): no word boundary asked for
        "q1-q4": _Anchor(("q1", "q2", "q3", "q4"), _compiled("q[1-4]")),
        "h1-h2": _Anchor(("h1", "h2"), _compiled("h[12]")),
        "0s": _Anchor(("0s", "0's"), _compiled("0'?s")),
        # a year written in full (1600-2099): most short wire stories have none (five in six of
        # the Lee corpus); its first two digits are ASCII, so the substring test holds
        "year": _Anchor(("16", "17", "18", "19", "20"), _compiled(r"(?:1[6-9]|20)\d\d")),
        # the unit of a relative period; "of thisweek" runs the unit on from "this": no \b before
        "unit": _word_anchor(("week", "weekend", "month", "year", "quarter", "decade")),
        "unit run on": _Anchor(("week", "month", "year"), _compiled(r"(?:week|month|year)\b")),
        "earlier": _word_anchor(("earlier", "later")),
        "the unit": _word_anchor(("day", "week", "month", "year")),
    }
    # Compiled by the `regex` package (its V0 mode is `re`'s syntax and semantics): the same
    # matches, found about 1.5x faster over case-insensitive alternations; this scan is the
    # largest cost of the time extractor.
    return tuple((kind, _compiled(rx), needs[need] if need else None) for kind, rx, need in raw)


def _compiled(rx: str) -> regex.Pattern:
    return regex.compile(rx, regex.IGNORECASE | regex.V0)


@dataclass(frozen=True)
class _Anchor:
    """Words a pattern needs, and whether a text has one of them."""

    words: tuple[str, ...]  # case-folded
    search: regex.Pattern

    def found_in(self, text: str, folded: str) -> bool:
        # A substring test first: the text case-folded has every letter that a case-insensitive
        # match can equal ("ſ" is "s"), so a word missing from it is missing from the text.
        return any(w in folded for w in self.words) and self.search.search(text) is not None


def _word_anchor(words, whole: bool = True) -> _Anchor:
    """A search for any of ``words``, bounded by word boundaries only on the sides where every
    word has a word character, so that it finds every place a pattern naming the words can match."""
    words = tuple(words)
    start = r"\b" if all(regex.match(r"\w", w) for w in words) else ""
    end = r"\b" if whole and all(regex.search(r"\w$", w) for w in words) else ""
    return _Anchor(tuple(w.casefold() for w in words), _compiled(rf"{start}(?:{_alt(words)}){end}"))


def _patterns() -> tuple[tuple[str, regex.Pattern], ...]:
    """``(kind, pattern)`` of every time pattern, in the order they are tried."""
    return tuple((kind, pattern) for kind, pattern, _ in _scan())


_MONEY_BEFORE = re.compile(r"[$€£¥]\s*$")


def find_time_mentions(text: str) -> list[TimeMention]:
    """Candidate time expressions in ``text``, non-overlapping, in text order."""
    found: list[TimeMention] = []
    folded = text.casefold()
    has_word: dict[_Anchor, bool] = {}
    for kind, pattern, needs in _scan():
        if needs is not None:
            if needs not in has_word:
                has_word[needs] = needs.found_in(text, folded)
            if not has_word[needs]:
                continue
        for m in pattern.finditer(text):
            if _MONEY_BEFORE.search(text, max(0, m.start() - 4), m.start()):
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            start, end = m.span("core") if "core" in groups else m.span()
            while end > start and text[end - 1] in " ,-/":
                end -= 1
            if end > start:
                found.append(TimeMention(start, end, kind, groups))
    found.sort(key=lambda t: (-(t.end - t.start), t.start))
    chosen: list[TimeMention] = []
    for mention in found:
        if all(mention.end <= c.start or mention.start >= c.end for c in chosen):
            chosen.append(mention)
    return sorted(chosen, key=lambda t: t.start)
