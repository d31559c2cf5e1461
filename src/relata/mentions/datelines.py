"""Datelines (``NAIROBI - ...``, ``SAO PAULO -- ...``): where a story was filed, which the parse
often takes for a name or a subject. The pieces every extractor checks a dateline by."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from relata.nlp import doc_text

DASHES = frozenset({"-", "--", "\u2013", "\u2014"})


def in_capitals(tokens: Iterable[Token]) -> bool:
    """Whether the words before a dateline's dash are all capitals (punctuation and spaces aside)."""
    return all(t.text.isupper() or t.is_punct for t in tokens if not t.is_space)


def opens_line(token: Token) -> bool:
    """Whether nothing but blanks stands before ``token`` on its line."""
    text = doc_text(token.doc)
    return not text[text.rfind("\n", 0, token.idx) + 1:token.idx].strip()
