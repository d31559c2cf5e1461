"""Time expressions normalised to TIMEX3 values (``2024-01-09``, ``2023-Q4``, ``2024-W02``...).

Spans come from :mod:`relata.mentions.time_patterns` (calendar regexes), dates in other formats
inside spaCy's DATE entities read by dateparser (:mod:`relata.mentions.time_freeform`) and the
years inside the remaining DATE entities; each span is checked against the parse (a bare ``May`` must be a month,
``the 20th century`` is not a day) and resolved by :mod:`relata.mentions.time_anchoring` against
the publication date and the tense of its clause. Relative expressions in a document without a
publication date keep their span with value ``None``.
"""

from __future__ import annotations

import re

from relata.mentions.time_anchoring import UNAMBIGUOUS_MONTHS, Anchor, clause_tense, resolve
from relata.mentions.time_freeform import freeform_mentions
from relata.mentions.time_patterns import TimeMention, find_time_mentions
from relata.nlp import ParsedDocument
from relata.records import TimeExpression

_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
_MONTH_CUES = {"in", "since", "until", "till", "by", "from", "during", "through", "of", "early",
               "late", "mid", "last", "next", "this", "before", "after", "end", "throughout",
               "between", "and", "to", "or"}
_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "jun", "jul", "aug", "oct", "nov", "dec",
                     "sep", "apr", "feb"}


def extract_times(parsed: ParsedDocument) -> tuple[TimeExpression, ...]:
    text, doc = parsed.text, parsed.doc
    anchor = Anchor.parse(parsed.published)
    mentions = [m for m in find_time_mentions(text) if _plausible(m, parsed)]
    freeform = dict(freeform_mentions(doc.ents, mentions, anchor))
    mentions += list(freeform)
    mentions += _entity_years(parsed, mentions)
    out = []
    for m in sorted(mentions, key=lambda m: m.start):
        if m in freeform:
            value = freeform[m]
        else:
            value = resolve(m, text, anchor, clause_tense(doc, m.start, m.end))
        out.append(TimeExpression(m.start, m.end, text[m.start:m.end], value))
    return tuple(out)


def _previous_word(text: str, start: int) -> str:
    words = re.findall(r"[A-Za-z]+", text[max(0, start - 20):start])
    return words[-1].lower() if words else ""


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s*([A-Za-z]+)", text[end:end + 30])
    return m.group(1) if m else ""


def _plausible(m: TimeMention, parsed: ParsedDocument) -> bool:
    text, g = parsed.text, m.groups
    surface = text[m.start:m.end]
    if m.kind == "month" and "year" not in g:
        word = g["month"]
        bare = "rel" not in g and "mod" not in g
        if bare and not word[0].isupper():
            return word.lower() in UNAMBIGUOUS_MONTHS and _previous_word(text, m.start) in _MONTH_CUES | {"the"}
        if bare and word.lower().rstrip(".") in _AMBIGUOUS_MONTHS:
            return _previous_word(text, m.start) in _MONTH_CUES
        return True
    if m.kind == "season" and "year" not in g and re.match(r"\s+[A-Z]", text[m.end:m.end + 2]):
        return False  # "the Winter Olympics"
    if m.kind == "season" and "year" not in g and "rel" not in g and "mod" not in g:
        if surface[0].isupper() and _sentence_start(parsed, m.start):
            return True
        if _previous_word(text, m.start) not in ("the", "in", "this", "last", "next", "of", "during"):
            return False
        return g["season"].lower() not in ("fall", "spring") or _previous_word(text, m.start) != "in"
    if m.kind == "dayord":
        following = _next_word(text, m.end)
        if g.get("ofmonth"):
            return True
        if following and following.lower() not in ("and", "or", "to", "until", "through"):
            return False
        return bool(re.match(r"\d", g["day"])) or not following
    if m.kind == "year":
        following = _next_word(text, m.end)
        return not (following and following.islower() and following not in (
            "and", "or", "to", "when", "as", "after", "before", "but", "the", "until", "through", "in"))
    if m.kind == "quarter" and "year" not in g and "qn" in g and not surface[:1].isupper():
        return False
    if m.kind == "holiday":
        return surface[0].isupper() or "independence" in surface.lower()
    if m.kind == "weekday" and surface.lower().startswith("sun"):
        return surface[0].isupper()
    return True


def _sentence_start(parsed: ParsedDocument, start: int) -> bool:
    span = parsed.doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and span[0].is_sent_start


def _entity_years(parsed: ParsedDocument, taken: list[TimeMention]) -> list[TimeMention]:
    """Years inside spaCy DATE entities that no pattern covered (``2019 to 2021``, ``2023``)."""
    extra = []
    for ent in parsed.doc.ents:
        if ent.label_ != "DATE":
            continue
        for y in _YEAR.finditer(ent.text):
            start, end = ent.start_char + y.start(), ent.start_char + y.end()
            if all(end <= t.start or start >= t.end for t in taken + extra):
                extra.append(TimeMention(start, end, "year", {"year": y.group()}))
    return extra
