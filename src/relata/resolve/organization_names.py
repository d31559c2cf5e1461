"""Organisation names written again in short: the last words or first word of a name given
before (``the Journal`` after ``The Wall Street Journal``), its initials (``the KNU``), and
acronyms defined in brackets (``Chinese Communist Party (CCP)``)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from relata.mentions.dictionary import ActorDictionary
from relata.mentions.names import name_key
from relata.records import EntityMention
from relata.resolve.matching import match_known

ACRONYM = re.compile(r"^[A-Z][A-Z&.\-]{1,7}$")


def join_short_organization_names(
    mentions: Sequence[EntityMention], actor_ids: list[str | None], dictionary: ActorDictionary
) -> None:
    """``the Journal`` after ``The Wall Street Journal``: an organisation the dictionary does not
    know, written as the last words of one named before it (or as its first word, ``Polisario``
    after ``the Polisario Front``), is that one (the nearest)."""
    full: list[tuple[list[str], str]] = []
    for position, m in enumerate(mentions):
        actor_id = actor_ids[position]
        if m.label != "ORG" or actor_id is None:
            continue
        words = name_key(m.text).split()
        # "the Journal" after "The Wall Street Journal"; "Polisario" after "the Polisario Front"
        longer = next((i for w, i in reversed(full) if len(w) > len(words) and (
            w[-len(words):] == words or len(words) == 1 and len(words[0]) >= 4 and w[0] == words[0])), None)
        if longer is not None and words and actor_id not in dictionary.actors:
            actor_ids[position] = longer
        else:
            full.append((words, actor_id))


_INITIALS_SKIP = frozenset({"of", "and", "for", "the", "on", "in", "&"})


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in _INITIALS_SKIP and w[0].isupper())


def join_initials(mentions: Sequence[EntityMention], actor_ids: list[str | None], dictionary: ActorDictionary) -> None:
    """``the Karen National Union ... the KNU's capture``: an acronym the dictionary does not know,
    never defined in brackets, is the latest organisation named before it whose initials it spells."""
    named: list[tuple[str, str]] = []
    for position, m in enumerate(mentions):
        actor_id = actor_ids[position]
        if m.label != "ORG" or actor_id is None:
            continue
        if ACRONYM.match(m.text) and m.text.isupper() and match_known(m.text, m.label, dictionary) is None:
            found = next((a for initials, a in reversed(named) if initials == m.text and a != actor_id), None)
            if found is not None:
                actor_ids[position] = found
                continue
        if len(m.text.split()) > 1:
            named.append((_initials(m.text), actor_id))


def acronym_definitions(doc, mentions, spans) -> dict[str, tuple[str, str]]:
    """``Chinese Communist Party (CCP)``: the acronym -> the full name and its label."""
    found = {}
    for m, span in zip(mentions, spans, strict=True):
        after = span.end + (1 if span.end < len(doc) and doc[span.end].tag_ == "POS" else 0)
        if after + 2 < len(doc) and doc[after].text == "(" and doc[after + 2].text == ")":
            acronym = doc[after + 1].text
            if ACRONYM.match(acronym) and m.label != "PERSON":
                found[acronym] = (m.text, m.label)
    return found
