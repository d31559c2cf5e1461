"""Numeric claims: figures with their unit, qualifier, measure, period and attribution.

Figures are found by :mod:`relata.mentions.quantities`; this module drops what is not a claim
(years and dates, clock times, telephone numbers, e-mail and web addresses, ISBNs and numbering
such as ``Article 5`` or ``clause 3(b)`` (:mod:`relata.mentions.identifiers`), numbers inside
names such as ``G20`` or ``Su-57``, bare ``one``), reads the context with
:mod:`relata.relations.claim_context` and attributes the figure to a quote's speaker or to the
``according to X`` source of its sentence.

Conventions (documented choices): ``at least`` is ``more_than``; ``nearly``/``almost`` are
``about``; a vague count (``dozens``) is its lower bound with ``more_than``; a fraction with no
counted noun (``a third of the vote``, ``fell by half``) is given in percent; ``doubled`` /
``tripled`` / ``halved`` are changes of 100 / 200 / 50 percent; each end of a range
(``between 5 and 7``, ``$5-7 billion``) is its own claim, sharing scale and unit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from relata.mentions.identifiers import find_identifiers
from relata.mentions.quantities import Quantity, find_quantities, folded_units, shared_currencies, units
from relata.nlp import ParsedDocument, doc_text, token_positions
from relata.records import Claim, Quote, TimeExpression
from relata.relations.claim_context import (
    change_marker,
    change_words,
    counted_noun,
    figure_tokens,
    find_measure,
    find_period,
    find_qualifier,
    is_change,
)
from relata.resolve.actors import DocumentActors

_CLOCK_AFTER = re.compile(r"^\s*(?:a\.?m\b\.?|p\.?m\b\.?|o'clock\b|(?-i:hrs? GMT|GMT|UTC|EST|EDT|CET|BST)\b)", re.I)
_NUMBERING = {
    "no", "no.", "nos", "number", "article", "articles", "section", "chapter", "page", "pages",
    "paragraph", "item", "clause", "rule", "line", "route", "room", "flight", "episode", "season",
    "vol", "volume", "p", "pp", "resolution", "grade", "phase", "stage", "week", "day", "game",
    "round", "act", "part", "table", "figure", "fig", "version", "model", "channel", "gate",
    "platform", "terminal", "highway", "interstate", "district", "ward", "suite", "floor", "box",
    "code", "id", "#", "category", "level", "tier", "group", "annex", "protocol", "amendment",
    "title", "lane", "street", "avenue", "road", "block", "building", "hole", "mile", "minute",
}
_SCORE_AFTER = re.compile(r"^[-–]\d{1,2}\b(?![.,]\d|\s*(?:%|percent|per))")
_SCORE_BEFORE = re.compile(r"\b\d{1,4}[-–]$")
_AGE = re.compile(r"^[\s-]*(year|month|week|day)s?[\s-]+old\b", re.I)
_DEFINITE = {"the", "these", "those"}
_NOT_COUNTED_ONE = {"no", "the", "this", "that", "any", "every", "each", "which", "only", "another"}


def extract_claims(
    parsed: ParsedDocument,
    actors: DocumentActors,
    times: Sequence[TimeExpression],
    quotes: Sequence[Quote],
) -> tuple[Claim, ...]:
    text, doc = parsed.text, parsed.doc
    # telephone numbers, addresses, ISBNs and "Article 21" identify; their digits count nothing
    blocked = [(t.start, t.end) for t in times] + [(i.start, i.end) for i in find_identifiers(text)]
    claims: list[Claim] = []
    for q in find_quantities(text):
        if any(s < q.end and q.start < e for s, e in blocked):
            continue
        span = figure_tokens(doc, q.start, q.end)
        if span is None or len(span) == 0:
            continue
        claim = _claim(parsed, q, span, times)
        if claim is not None:
            claims.append(_attribute(claim, span, actors, quotes))
    for i in token_positions(doc, pos=("VERB",)):  # "doubled", "halved": only verbs are read
        token = doc[i]
        claim = _multiplier(token, times)
        if claim is not None:
            claims.append(_attribute(claim, doc[token.i:token.i + 1], actors, quotes))
    return tuple(_share_measures(text, _inherit_units(text, sorted(claims, key=lambda c: c.start))))


_COMPARED = re.compile(r"\b(?:from|versus|vs\.?|compared (?:with|to)|against|than|including)\b", re.I)
_RANGE_GAP = re.compile(r"^\s*(?:-|–|to|and|or)\s*$")


def _inherit_units(text: str, claims: list[Claim]) -> list[Claim]:
    """``3.9 million headsets, up from 2.4 million``: a bare figure compared with a counted one
    shortly before it counts the same thing."""
    out: list[Claim] = []
    for i, claim in enumerate(claims):
        if claim.unit == "number" and out:
            before = out[-1]
            between = text[before.end:claim.start]
            if (before.unit not in ("number", "percent", "percentage point") and not before.unit.isupper()
                    and len(between) <= 60
                    and "." not in between and _COMPARED.search(between)):
                claim = _with(claim, unit=before.unit)
        if claim.unit == "number" and i + 1 < len(claims):
            after = claims[i + 1]
            if after.unit != "number" and _RANGE_GAP.match(text[claim.end:after.start]):
                claim = _with(claim, unit=after.unit)
        out.append(claim)
    return out


def _share_measures(text: str, claims: list[Claim]) -> list[Claim]:
    """``$40 million in aid, up 20 percent``: a change written right after a figure measures the
    same thing."""
    out: list[Claim] = []
    for claim in claims:
        if claim.change and out and out[-1].measure and not out[-1].change:
            between = text[out[-1].end:claim.start]
            if len(between) <= 40 and re.fullmatch(r"[^.;:!?]*,\s*", between) and " and " not in between:
                claim = _with(claim, measure=out[-1].measure)
        out.append(claim)
    return out


def _with(claim: Claim, **changes) -> Claim:
    return Claim(**{**{f: getattr(claim, f) for f in claim.__slots__}, **changes})


def _claim(parsed: ParsedDocument, q: Quantity, span: Span, times) -> Claim | None:
    text, doc = parsed.text, parsed.doc
    first = span[0]
    prev = doc[first.i - 1] if first.i > 0 else None
    bare = q.unit is None
    if _CLOCK_AFTER.match(text[q.end:q.end + 8]):
        return None
    noun = counted_noun(span) if bare or q.kind == "money" else None
    if noun is not None and len(noun.text) == 1 and noun.text not in units():
        noun = None  # "S&P 500 e-minis"
    if bare and text[q.start] in "-−" and prev is not None and prev.pos_ == "PROPN":
        return None  # "COVID -19"
    if noun is not None and any(t.start <= noun.idx < t.end for t in times):
        noun = None  # "2.1 last year": the noun belongs to a time expression
    if bare:
        if prev is not None and (prev.lower_ in _NUMBERING or prev.text == "#"):
            return None
        if prev is not None and not prev.is_sent_start and (
                prev.pos_ == "PROPN" or (prev.is_title and prev.pos_ == "NOUN")):
            inside_name = span.end < len(doc) and doc[span.end].pos_ == "PROPN"
            counts = noun is not None and (noun.tag_ == "NNS" or unit_name(noun) in units().values())
            if not counts or inside_name:  # "Boeing 737", "iPhone 12 Mini deal", "HIV 2 drug"
                return None
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and nxt.pos_ == "PROPN" and nxt.is_title and q.kind == "number" and noun is None:
            return None
        if q.kind == "number" and re.fullmatch(r"(1[89]|20)\d\d", text[q.start:q.end]) and (
                noun is None or span.root.ent_type_ == "DATE" or noun.tag_ != "NNS" or int(q.value) % 100):
            return None  # a year ("in 2023", "2018 sales"); round counts ("2000 hires") stay
        if span.root.ent_type_ == "ORDINAL" and q.kind != "fraction":
            return None
        if q.kind == "fraction" and text[q.end:q.end + 1] == "-":  # "third-party"
            return None
        if q.kind == "fraction" and prev is not None and prev.lower_ in ("the", "first", "second", "other"):
            return None  # "the second half"
        if prev is not None and prev.text == "(" and first.i > 1 and doc[first.i - 2].pos_ == "PROPN":
            return None  # "Dak Prescott (4)"
        if q.kind == "number" and _is_score(doc, q, noun):
            return None  # "ended 2-2", "beat Charlton 2-1", "ISO 3888-2"
        if re.search(r"\b(?:1[89]|20)\d\d[-–/]$", text[max(0, q.start - 5):q.start]):
            return None  # "the 2021-22 season"
        if q.kind == "words" and q.value <= 10 and prev is not None and (
                prev.lower_ in _DEFINITE):
            return None  # "the two countries": a reference, not a figure
        if q.kind in ("words", "fraction") and q.value == 1 and text[q.start:q.end].lower() in ("one", "a", "an"):
            if q.bound == "range_low":
                pass
            elif noun is None or (prev is not None and prev.lower_ in _NOT_COUNTED_ONE):
                return None
            if span.end < len(doc) and doc[span.end].lower_ in ("of", "'s", "’s"):
                return None
    change = is_change(span)
    value, unit = q.value, q.unit
    if unit is None:
        following = text[q.end:q.end + 5].lower()
        if q.kind == "fraction" and (noun is None or following.startswith(" of ")):
            if not (change or following.startswith((" of", " the"))):
                return None
            value, unit = round(q.value * 100, 6), "percent"  # "a third of the vote"
        elif _AGE.match(text[q.end:q.end + 14]):
            unit = _AGE.match(text[q.end:q.end + 14]).group(1).lower()
        elif noun is not None:
            unit = unit_name(noun)
        elif _is_age(doc, span):
            unit = "year"
        elif q.bound == "range_low":
            unit = "number"
        elif q.kind in ("words", "vague"):
            return None
        else:
            unit = "number"
    qualifier, start, end = find_qualifier(text, q.start, q.end)
    if qualifier is None and q.bound == "more_than":
        qualifier = "more_than"
    marker = change_marker(text, start)
    if marker is not None:
        start, change = marker, True
    return Claim(
        start=start, end=end, text=text[start:end], value=value, unit=unit,
        qualifier=qualifier or "exact", measure=find_measure(span, noun),
        period=find_period(span, times), change=change,
    )


def _is_score(doc, q: Quantity, noun: Token | None) -> bool:
    """``ended 2-2``, ``beat Charlton 2-1 thanks to``, ``ISO 3888-2``: not a range of things
    (``15-22 miles`` is one)."""
    text = doc_text(doc)
    after = _SCORE_AFTER.match(text[q.end:q.end + 4])
    before = _SCORE_BEFORE.search(text[max(0, q.start - 5):q.start])
    if not (after or before):
        return False
    if noun is None and after:
        position = q.end + after.end()
        nxt = next((t for t in doc if t.idx >= position and not t.is_space), None)
        noun = nxt if nxt is not None and nxt.pos_ == "NOUN" else None
    if noun is None:
        return True
    return noun.lower_ in ("thanks", "lead", "win", "victory", "defeat", "loss", "draw", "scoreline")


def unit_name(noun: Token) -> str:
    """The unit a counted noun names: an abbreviation spelled out (``hp`` -> horsepower),
    else the noun's lemma."""
    table = units()
    if noun.text in table:
        return table[noun.text]
    folded = folded_units()
    if noun.lower_ in folded:
        return folded[noun.lower_]
    lemma = noun.lemma_.lower() if noun.pos_ != "PROPN" else noun.text.lower()
    return _shared_currency(noun, lemma) or lemma


def _shared_currency(noun: Token, lemma: str) -> str | None:
    """``1.5 billion crowns`` in a paragraph about Norway: NOK. A currency name several states
    use takes the code of the one state its paragraph names, else stays the word."""
    options = shared_currencies().get(lemma)
    if not options:
        return None
    text = doc_text(noun.doc)
    start, end = text.rfind("\n", 0, noun.idx) + 1, text.find("\n", noun.idx)
    paragraph = text[start:end if end >= 0 else len(text)]
    named = {code for code, pattern in options if pattern.search(paragraph)}
    return named.pop() if len(named) == 1 else None


def _is_age(doc, span: Span) -> bool:
    """``Senard, 65,`` and ``women aged 25``: a person's age."""
    first = span[0]
    if first.i > 0 and doc[first.i - 1].lower_ == "aged":
        return True
    if first.i < 2 or span.end >= len(doc):
        return False
    before, after = doc[first.i - 1], doc[span.end]
    if not (before.text == "," and after.text in (",", ".") and span.text.isdigit() and 0 < int(span.text) < 120):
        return False
    name = doc[first.i - 2]
    return name.ent_type_ == "PERSON" or (name.pos_ == "PROPN" and name.is_title)


def _multiplier(token: Token, times) -> Claim | None:
    """``doubled``, ``tripled``, ``halved``: a change with no figure written."""
    percent = change_words()["multiplier"].get(token.lemma_.lower())
    if percent is None or token.pos_ != "VERB":
        return None
    span = token.doc[token.i:token.i + 1]
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")), None)
    measure = None
    if subject is not None and subject.pos_ != "PRON":
        measure = doc_text(token.doc)[subject.left_edge.idx: subject.idx + len(subject.text)]
    return Claim(start=token.idx, end=token.idx + len(token.text), text=token.text, value=percent,
                 unit="percent", qualifier="exact", measure=measure,
                 period=find_period(span, times), change=True)


def _attribute(claim: Claim, span: Span, actors: DocumentActors, quotes: Sequence[Quote]) -> Claim:
    """Who states the figure: the speaker of a quote containing it, else ``according to X``."""
    speaker = next((q.speaker for q in quotes if q.start <= claim.start and claim.end <= q.end and q.speaker), None)
    if speaker is None:
        sent = span.sent
        for token in sent:
            if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
                objects = [c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"]
                target = objects[0] if objects else None
                if target is not None:
                    source = token.doc[target.left_edge.i: target.right_edge.i + 1]
                    # "according to Chinese customs data": the actor named inside the source
                    actor = actors.resolve(source) or actors.at(source.start_char, source.end_char)
                    speaker = actor.id if actor else None
                break
    if speaker is None:
        return claim
    return _with(claim, attributed_to=speaker)
