"""What a name the tagger labelled really is, before it becomes an actor: a role noun or an amount
capitalised at a sentence's start or after a dateline (``WARSAW - Farmers rallied``), a person
named right after a title (``her Kazakh counterpart Murat Nurtleu``, tagged as an organisation), a
facility or document by its head noun (``... Bridge``, ``... Agreement``: data/name_head_labels.tsv),
a town the gazetteer holds after a preposition of place (``protested in Kisumu``)."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from relata.mentions.datelines import DASHES
from relata.mentions.dictionary import ActorDictionary
from relata.mentions.places import find_place
from relata.mentions.tables import data_path, read_table
from relata.nlp import sentence_of
from relata.resolve.matching import match_known
from relata.resolve.role_nouns import AMOUNT_WORDS, role_sector

_DATELINE_DASHES = DASHES | {":"}
# A word after which a capitalised name is a person's: "counterpart" whatever its case, the
# titles (all in the dictionary's titles) when capitalised ("Foreign Minister Hakan Fidan").
_PERSON_WORDS = frozenset({"counterpart", "counterparts"})
_PERSON_TITLES = frozenset({"minister", "president", "spokesman", "spokeswoman", "premier", "chancellor"})


def named_after_a_title(span: Span) -> bool:
    """An "organisation" of two or three capitalised words right after a person's title, with or
    without a comma (``her Kazakh counterpart, Murat Nurtleu``, ``Foreign Minister Hakan Fidan``):
    a person's name. A word of an organisation's name (``ministry``, ``bank``) says otherwise."""
    if not span or not 2 <= len(span) <= 3 or span.start == 0:
        return False
    if any(not t.is_title or t.lower_ in _institution_words() for t in span):
        return False
    before = span.doc[span.start - 1]
    if before.text == "," and span.start > 1:
        before = span.doc[span.start - 2]
    return before.lower_ in _PERSON_WORDS or before.is_title and before.lower_ in _PERSON_TITLES


@cache
def _institution_words() -> frozenset[str]:
    words = {row["noun"].lower() for row in read_table(data_path("people/institution_nouns.tsv"))}
    return frozenset(words | set(_name_head_labels()))


def common_words_capitalised(span: Span, text: str, dictionary: ActorDictionary) -> bool:
    """Whether an organisation the tagger found is a role noun or an amount capitalised at the
    start of a sentence ("Farmers", "Truck drivers", "Hundreds of protesters"): a group of people
    for the role-noun resolver, not a name."""
    if not span or len(span) > 2 or match_known(text, "ORG", dictionary):
        return False
    before = span.doc[span.start - 1] if span.start > sentence_of(span[0]).start else None
    if before is not None and before.text not in _DATELINE_DASHES:
        return False
    if any(not t.is_title or t.pos_ == "PROPN" and len(span) > 1 for t in span):
        return False
    last = span[-1]
    head = last.head if last.dep_ == "compound" and last.head.i == last.i + 1 else last
    words = " ".join(t.lower_ for t in span.doc[span.start:head.i + 1])
    return last.lower_ in AMOUNT_WORDS or role_sector(words) is not None or role_sector(head.lower_) is not None


def head_label(text: str) -> str | None:
    """The entity label a name's last word implies (``... Bridge``: FAC, ``... Agreement``: LAW)."""
    words = text.split()
    return _name_head_labels().get(words[-1].lower()) if len(words) > 1 else None


@cache
def _name_head_labels() -> dict[str, str]:
    return {r["noun"].lower(): r["label"] for r in read_table(data_path("name_head_labels.tsv"))}


_PLACE_PREPOSITIONS = frozenset({"in", "into", "near", "towards", "toward", "outside", "around"})


def in_a_named_place(span: Span) -> bool:
    """``protested in Kisumu``, ``pulled out of Kherson``: a name the gazetteer holds, spelt the
    same, right after a preposition of place or direction (the small model tags many a town as an
    organisation or a person)."""
    head = span.root.head
    out_of = head.lower_ == "of" and head.i > 0 and span.doc[head.i - 1].lower_ == "out"
    if span.root.dep_ != "pobj" or not (head.lower_ in _PLACE_PREPOSITIONS or out_of) or span.start == 0 \
            or span.start - 1 != head.i:
        return False
    place = find_place(span.text)
    return place is not None and place.name == span.text
