"""What a figure says, read from the parse around it: the counted noun (its unit), the qualifier
(``more than``, ``about``, ``up to``), whether it is a change (``up 25%``, ``a 5% drop``), what
is measured (``bilateral commerce between the two countries``) and the period it holds for.

Lexicons: ``data/claim_qualifiers.tsv``, ``data/claim_changes.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from relata.mentions.datelines import DASHES, in_capitals, opens_line
from relata.mentions.quantities import units
from relata.nlp import doc_text
from relata.records import TimeExpression

MAX_MEASURE_TOKENS = 8
# nouns that name a measurement rather than the thing measured ("a total of", "the value of")
_HOLLOW = {"total", "value", "amount", "number", "level", "rate", "figure", "sum", "share",
           "percent", "percentage", "%", "cent", "point", "one", "lot"}


def _table(name: str) -> list[list[str]]:
    text = resources.files("relata.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def qualifier_phrases() -> tuple[list[tuple[re.Pattern, str]], list[tuple[re.Pattern, str]]]:
    """(before-phrases, after-phrases) as anchored patterns, longest first."""
    before, after = [], []
    rows = sorted(_table("claim_qualifiers.tsv"), key=lambda r: -len(r[1]))
    for position, phrase, qualifier in rows:
        words = r"\s+".join(re.escape(w) for w in phrase.split())
        if position == "before":
            before.append((re.compile(rf"(?:^|(?<=\W)){words}\s*$", re.I), qualifier))
        else:
            after.append((re.compile(rf"^\s*{words}\b", re.I), qualifier))
    return before, after


@cache
def change_words() -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = {}
    for row in _table("claim_changes.tsv"):
        table.setdefault(row[0], {})[row[1]] = float(row[2]) if len(row) > 2 else 1.0
    return table


def figure_tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def counted_noun(span: Span) -> Token | None:
    """The noun a figure counts: ``40 soldiers`` -> soldiers, ``dozens of people`` -> people,
    ``1,100 public housing properties`` -> properties, ``a 62-year-old`` -> year."""
    doc = span.doc
    last = span[-1]
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.text == "-" and span.end + 1 < len(doc):
        word = doc[span.end + 1]
        if word.is_alpha:
            return word
    if nxt is not None and ((len(nxt.text) > 1 and nxt.text in units()) or (nxt.pos_ == "NOUN" and not nxt.is_title)):
        return nxt
    for tok in doc[span.end: min(len(doc), span.end + 5)]:  # "4.3M digital and physical sales"
        if tok.pos_ == "NOUN" and not tok.is_title:
            return tok
        if tok.pos_ not in ("ADJ", "CCONJ", "ADV") and tok.tag_ not in ("VBN", "VBG"):
            break
    head = last.head
    if (last.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.i > last.i
            and head.pos_ in ("NOUN", "PROPN") and head.i - last.i <= 4
            and not head.is_title):
        return head
    if nxt is not None and nxt.lower_ == "of" and span.end + 1 < len(doc):
        for tok in doc[span.end + 1: min(len(doc), span.end + 5)]:
            if tok.pos_ in ("NOUN", "PROPN") and (tok.dep_ == "pobj" or (tok.dep_ == "compound" and tok.head.dep_ == "pobj")):
                target = tok if tok.dep_ == "pobj" else tok.head
                return None if target.lemma_.lower() in _HOLLOW else target
            if tok.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM", "ADV") and tok.dep_ not in ("poss", "case"):
                break
    return None


def find_qualifier(text: str, start: int, end: int) -> tuple[str | None, int, int]:
    """The qualifier around ``text[start:end]`` and the span widened to include it."""
    before, after = qualifier_phrases()
    window = text[max(0, start - 30):start]
    for pattern, qualifier in before:
        m = pattern.search(window)
        if m:
            return qualifier, start - (len(window) - m.start()), end
    tail = text[end:end + 15]
    for pattern, qualifier in after:
        m = pattern.match(tail)
        if m:
            return qualifier, start, end + m.end()
    return None, start, end


@cache
def _marker() -> re.Pattern:
    words = "|".join(sorted(change_words()["marker"], key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=\W))(?:{words})(?:\s+by)?\s+$", re.I)


def change_marker(text: str, start: int) -> int | None:
    """Start of an ``up`` / ``down`` written right before the figure (``up 20 percent``)."""
    window = text[max(0, start - 12):start]
    m = _marker().search(window)
    return start - (len(window) - m.start()) if m else None


def is_change(span: Span) -> bool:
    """The figure is the size of a change: object / ``by``-phrase of a change verb
    (``rose 5%``, ``fell by a third``) or modifier of a change noun (``a 5% rise``)."""
    words = change_words()
    token = span.root
    for _ in range(3):
        head = token.head
        if head.i == token.i or head.lower_ in ("to", "from", "at", "of"):
            return False
        lemma = head.lemma_.lower()
        if head.pos_ == "VERB" and lemma in words["verb"] and token.dep_ in (
                "dobj", "npadvmod", "advmod", "attr", "prep", "pobj", "nummod", "quantmod"):
            return lemma not in ("go", "add", "raise", "cut", "lose", "gain", "lift", "reduce", "lower") or token.dep_ != "dobj" or span.root.ent_type_ == "PERCENT"
        if head.lower_ == "by" and head.head.pos_ == "VERB" and head.head.lemma_.lower() in words["verb"]:
            return True
        if head.pos_ == "NOUN" and lemma in words["noun"] and head.i > token.i:
            return True
        if token.dep_ not in ("nummod", "quantmod", "pobj", "compound", "nmod", "amod"):
            return False
        token = head
    return False


def _phrase(tokens: Sequence[Token]) -> str | None:
    tokens = [t for t in tokens if not t.is_space]
    dash = next((k for k, t in enumerate(tokens[:8]) if t.text in DASHES), None)
    if dash and in_capitals(tokens[:dash]) and opens_line(tokens[0]):
        tokens = tokens[dash + 1:]  # "BERLIN - China's exports": the dateline is no part of it
    while tokens and (tokens[0].pos_ in ("DET", "ADP", "PRON", "CCONJ", "PUNCT") or tokens[0].lower_ in ("its", "their")):
        tokens = tokens[1:]
    while tokens and tokens[-1].pos_ in ("ADP", "CCONJ", "PUNCT", "DET", "PART"):
        tokens = tokens[:-1]
    if not tokens or not any(t.pos_ in ("NOUN", "PROPN") for t in tokens):
        return None
    tokens = tokens[:MAX_MEASURE_TOKENS]
    while tokens and tokens[-1].pos_ in ("ADP", "CCONJ", "PUNCT", "DET", "PART", "ADJ"):
        tokens = tokens[:-1]
    if not tokens:
        return None
    doc = tokens[0].doc
    return doc_text(doc)[tokens[0].idx: tokens[-1].idx + len(tokens[-1].text)]


def _subtree(token: Token, exclude: Span) -> list[Token]:
    sub = [t for t in token.subtree if not (exclude.start <= t.i < exclude.end)]
    # keep one contiguous stretch from the token's own left edge
    out, last = [], None
    for t in sub:
        if t.dep_ in ("relcl", "acl", "appos", "advcl") and t.i != token.i:
            break
        if last is not None and t.i != last + 1:
            break
        out.append(t)
        last = t.i
    return out


def find_measure(span: Span, noun: Token | None) -> str | None:
    """What the figure measures: the ``of``/``in``/``on`` phrase after it (``$40 million in aid
    to Chile``), the noun it modifies (``a $5 billion deal``), or the subject of its verb
    (``exports rose 5%``)."""
    anchor = noun if noun is not None else span.root
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "on", "for", "to") and child.i > span.end - 1:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                phrase = _phrase(_subtree(objects[0], span))
                if phrase:
                    return phrase
    if noun is not None and noun.lemma_.lower() not in _HOLLOW and noun.pos_ == "NOUN":
        modifiers = [t for t in noun.lefts if t.dep_ in ("compound", "amod") and not (span.start <= t.i < span.end)
                     and t.i > span.end - 1]
        return _phrase([*modifiers, noun])
    head = span.root.head
    hops = 0
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and hops < 3:
        if head.pos_ == "NOUN" and head.i > span.end - 1 and head.lemma_.lower() not in _HOLLOW:
            return _phrase([head])
        head, hops = head.head, hops + 1
    if head.pos_ in ("VERB", "AUX"):
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and not (span.start <= child.i < span.end):
                if child.pos_ == "PRON":
                    return None
                return _phrase(_subtree(child, span))
    return None


_CLAUSE_DEPS = ("ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "acl")


def clause_head(token: Token) -> Token:
    """The verb heading the clause ``token`` sits in (the sentence root at worst)."""
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") and token.dep_ in _CLAUSE_DEPS or token.head.i == token.i:
            return token
        token = token.head
    return token


def find_period(span: Span, times: Sequence[TimeExpression]) -> str | None:
    """The value of the nearest resolved time expression in the figure's clause."""
    sent = span.sent
    doc = span.doc
    clause = clause_head(span.root)
    best, best_distance = None, None
    for t in times:
        if t.value is None or t.start < sent.start_char or t.end > sent.end_char:
            continue
        time_span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if time_span is None or clause_head(time_span.root) != clause:
            continue
        distance = t.start - span.end_char if t.start >= span.end_char else span.start_char - t.end
        if distance < 0:
            continue
        if best_distance is None or distance < best_distance:
            best, best_distance = t.value, distance
    return best
