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
