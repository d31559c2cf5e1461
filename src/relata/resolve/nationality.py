"""The country of an actor the dictionary does not know, from the words that name it.

- A state named inside the name by its name or demonym: ``Latvian Constitutional Court``,
  ``Montenegro Assembly``, ``South Lebanon`` (not by a capital: ``The Valley`` is a capital, the
  ``Green Valley Farmers`` are not Anguillan). Names that join states (``Sino-Russian``) never
  reach here.
- A state demonym or name right before the mention and modifying it: ``Iraqi Kurds``,
  ``Palestinian Hamas``.

Known actors keep the dictionary's country; people get theirs from titles
(:mod:`relata.resolve.titles`), never from these rules.
"""

from __future__ import annotations

from spacy.tokens import Span

from relata.mentions.dictionary import ActorDictionary

_MAX_WORDS = 3  # "Bosnia and Herzegovina" is the longest state name worth looking for inside a name
_MODIFIER_DEPS = {"amod", "compound", "nmod", "poss"}


def _state_forms(text: str, dictionary: ActorDictionary) -> list[str]:
    # names and demonyms only: capitals are too often ordinary words ("The Valley", "Victoria")
    return [f.actor.id for f in dictionary.lookup(text) if f.actor.kind == "state" and f.form != "metonym"]


def country_in_name(text: str, dictionary: ActorDictionary) -> str | None:
    """The state a name mentions, or ``None``. With several, the leading one: in ``Bosnian Serbs``
    the first word says whose Serbs they are."""
    words = text.replace("'s", "").replace("’s", "").split()
    found: list[tuple[int, str]] = []
    for size in range(1, _MAX_WORDS + 1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i:i + size])
            if phrase[:1].isupper():
                found.extend((i, state) for state in _state_forms(phrase, dictionary))
    if not found and len(words) > 2 and words[-2] == "of":
        # "United Bus Company of Tehran", "University of Nairobi": a capital naming the seat
        found = [(0, f.actor.id) for f in dictionary.lookup(words[-1])
                 if f.actor.kind == "state" and f.form == "metonym" and words[-1][:1].isupper()]
    return min(found)[1] if found else None


def country_of_modifier(span: Span, state_of_token) -> str | None:
    """The state of a demonym or state name modifying the mention from just before it."""
    if span.start == 0:
        return None
    before = span.doc[span.start - 1]
    if before.tag_ == "POS" and span.start > 1:
        before = span.doc[span.start - 2]
    inside = range(span.start, span.end)
    if before.dep_ not in _MODIFIER_DEPS or before.head.i not in inside:
        return None
    return state_of_token(before)


# Nouns of a place's appositive: "Myawaddy, a town in Myanmar".
_PLACE_NOUNS = frozenset({"town", "city", "village", "district", "region", "province", "port", "capital",
                          "state", "county", "area", "settlement", "camp", "crossing", "hub", "enclave"})


def country_after_place(span: Span, state_of_token) -> str | None:
    """The state a place is said to lie in right after it: ``Beledweyne in Somalia``,
    ``Myawaddy, a town in eastern Myanmar``, ``Bunia, Congo,``. Only for places (the caller's
    rule): ``troops in Mali`` says nothing of where the troops come from."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].lower_ == "in":
        return _state_at(doc, i + 1, state_of_token)
    if i < len(doc) and doc[i].text == ",":
        state = state_of_token(doc[i + 1]) if i + 1 < len(doc) else None
        end = _entity_end(doc, i + 1)  # past the state's name: "Bunia, Congo," / "Bissau, Guinea-Bissau,"
        if state is not None and (end >= len(doc) or not doc[i + 2].is_alpha or not doc[end].is_alpha):
            return state
        j = _place_appositive(span)
        if j is not None:
            return _state_at(doc, j, state_of_token)
    return None


def named_as_a_place(span: Span) -> bool:
    """``Myawaddy, a town in Myanmar``, ``Kidal, the main city of ...``: an appositive says the
    name is a place (the small model tags many an unfamiliar town as a person)."""
    return _place_appositive(span) is not None


def _place_appositive(span: Span) -> int | None:
    """The token after ``in``/``of`` of an appositive ``, a town in``, or ``None``."""
    doc, i = span.doc, span.end
    if i >= len(doc) or doc[i].text != ",":
        return None
    j = i + 1
    while j < len(doc) and j < i + 6 and doc[j].lower_ not in _PLACE_NOUNS:
        if doc[j].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "ADV"):
            return None
        j += 1
    if j + 1 < len(doc) and j > i + 1 and doc[j].lower_ in _PLACE_NOUNS and doc[j + 1].lower_ in ("in", "of") \
            and doc[i + 1].pos_ == "DET":
        return j + 2
    return None


def _state_at(doc, i: int, state_of_token) -> str | None:
    """The state named at token ``i``, after up to two direction words (``eastern``, ``northern``)."""
    for _ in range(3):
        if i >= len(doc):
            return None
        state = state_of_token(doc[i])
        if state is not None:
            return state
        if doc[i].pos_ not in ("ADJ", "DET"):
            return None
        i += 1
    return None


def _entity_end(doc, i: int) -> int:
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end
