"""Unnamed groups described by country and sector: ``Iraqi rebels``, ``Croatian extremists``,
``Ugandan opposition candidates``.

Such a phrase is neither the state (rebels do not act for Iraq) nor a named entity. Each one
becomes a ``group`` actor with the state's ``country``, its id a slug of the phrase's demonym and
noun (``iraqi-rebels``), the same in every document. The nouns are data
(``data/people/group_nouns.tsv``); nouns for a state's own agents (officials, troops, police) are
not among them, so ``Israeli police`` still stands for Israel. A people without a state of its
own stands in for the demonym (``Tamil rebels`` -> LKA, :mod:`relata.resolve.ethnic_groups`).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from relata.mentions.datelines import is_dateline_place
from relata.mentions.names import slug
from relata.mentions.tables import data_path, read_table
from relata.nlp import token_positions
from relata.records import Actor
from relata.resolve.ethnic_groups import country_of_people

_MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod"}


@cache
def _group_nouns() -> frozenset[str]:
    return frozenset(r["noun"].lower() for r in read_table(data_path("people", "group_nouns.tsv")))


def _is_group_noun(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"} and (token.lemma_.lower() in _group_nouns()
                                                or token.lower_ in _group_nouns())


def find_groups(doc: Doc, state_of) -> dict[int, Actor]:
    """Head-noun token index -> group actor, for every ``<demonym> [sector words] <group noun>``.
    ``state_of(token)`` gives the state actor a token names, or ``None``."""
    found: dict[int, Actor] = {}
    for token in map(doc.__getitem__, token_positions(doc, tags=("NNS", "NNPS"), lower=("opposition",))):
        if token.tag_ not in {"NNS", "NNPS"} and not (token.lower_ == "opposition" and token.dep_ != "compound"):
            continue
        nouns = [token] + [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
        if not any(_is_group_noun(n) for n in nouns):
            continue
        for child in token.children:
            if child.dep_ not in _MODIFIER_DEPS or child.i > token.i or is_dateline_place(child):
                continue  # "NAIROBI - Al-Shabaab militants": the dateline is where, not whose
            state = state_of(child)
            country = state.id if state is not None else country_of_people(child.text)
            if country is None:
                continue
            words = [child] + [t for t in doc[child.i + 1:token.i + 1] if t.pos_ in {"NOUN", "PROPN", "ADJ"}]
            name = " ".join(t.text for t in words)
            found[token.i] = Actor(slug(name), name, "group", country)
            break
    return found
