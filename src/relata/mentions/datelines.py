"""Datelines (``NAIROBI - ...``, ``SAO PAULO -- ...``): where a story was filed, which the parse
often takes for a name or a subject. The pieces every extractor checks a dateline by."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from relata.nlp import doc_text

DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def in_capitals(tokens: Iterable[Token]) -> bool:
    """Whether the words before a dateline's dash are a dateline's: the place in capitals
    (punctuation and spaces aside), optionally followed by a comma and its country or state as a
    name (``MAE SOT, Thailand -``, ``KYIV, Ukraine (Reuters) -``)."""
    words = [t for t in tokens if not t.is_space]
    comma = next((k for k, t in enumerate(words) if t.text == ","), len(words))
    place, rest = words[:comma], words[comma + 1:]
    if not place or not all(t.text.isupper() or t.is_punct for t in place):
        return False
    return all(t.is_punct or t.text[:1].isupper() for t in rest)


def opens_line(token: Token) -> bool:
    """Whether nothing but blanks stands before ``token`` on its line."""
    text = doc_text(token.doc)
    return not text[text.rfind("\n", 0, token.idx) + 1:token.idx].strip()


def is_dateline_place(token: Token) -> bool:
    """Whether ``token`` is the place of a dateline (``DUBAI - Iran and Bahrain ...``): capitals
    opening a line, a dash after them."""
    if not token.text.isupper() or not opens_line(token.doc[token.left_edge.i]):
        return False
    after = token.doc[token.i + 1:token.i + 5]
    dash = next((t for t in after if t.text in DASHES), None)
    return dash is not None and in_capitals(token.doc[token.left_edge.i:dash.i])
