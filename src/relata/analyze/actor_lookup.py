"""The store's actors, and what a name typed by a user stands for.

A query (``Putin``, ``RUS``, ``Russia``, ``vladimir-putin``, ``Vladimir Poutine``) is resolved
against every id, canonical name and alias seen in ``document_actors`` (aliases written all in
lower case, such as resolved pronouns ``he`` or ``his``, are not names and are left out):

1. **Exact.** The query and each form are compared after :func:`normalize` (case, accents,
   punctuation and hyphens ignored, so ``vladimir-putin`` equals ``Vladimir Putin`` and ``U.S.``
   equals ``US``). Every actor with an equal form is matched: the resolver may have given one
   person several ids across documents, and all of them are that person.
2. **Near miss.** Otherwise the closest forms by rapidfuzz's ``token_sort_ratio`` (word order
   ignored: ``Jinping Xi``); the best one is taken when it scores at least :data:`FUZZY_ACCEPT`
   (transliterations such as ``Zelenskiy``/``Zelensky``).
3. **Nothing close enough** raises :class:`~relata.errors.UnknownActorError` naming the closest
   actors.

**States stand for their people.** When a matched actor is a ``state``, the selection also holds
every actor whose ``country`` is that state's id: ``China`` (``CHN``) covers ``xi-jinping`` and the
Chinese foreign ministry, so "China met Russia" includes "Xi met Putin". A person or organisation
never widens to anyone else.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import duckdb
from rapidfuzz import fuzz, process

from relata.errors import UnknownActorError

# token_sort_ratio scores: "zelenskiy"/"zelensky" 94, "xi jinpin"/"xi jinping" 95, but also
# "russia"/"prussia" 92 and "iran"/"iraq" 75. 85 accepts spelling variants and rejects different
# short names; a lower score only suggests.
FUZZY_ACCEPT = 85
FUZZY_SUGGEST = 60
SUGGESTIONS = 5


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """One actor across the store: the ``actors`` view plus every surface form seen."""

    id: str
    name: str
    kind: str
    country: str | None
    documents: int
    mentions: int
    events: int
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorSelection:
    """What a query stands for: the actors it matched and every actor id it covers."""

    query: str
    matched: tuple[ActorInfo, ...]
    how: str  # "exact" or "fuzzy"
    member_ids: tuple[str, ...]  # matched ids, then the people of matched states

    @property
    def label(self) -> str:
        return self.matched[0].name

    @property
    def expanded(self) -> tuple[str, ...]:
        """Ids covered only because a matched state is their country."""
        direct = {actor.id for actor in self.matched}
        return tuple(i for i in self.member_ids if i not in direct)


def normalize(text: str) -> str:
    """A comparison form: no accents, case folded, dots and apostrophes dropped, words by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"[.'’]", "", plain)
    return re.sub(r"[\W_]+", " ", plain).strip()


def _is_name(form: str) -> bool:
    # Resolved pronouns and descriptions ("he", "the president") are aliases in the store but
    # name nobody on their own; a name has a capital letter (or no letter case at all: 习近平).
    return form != form.lower() or form == form.upper()


_ACTORS_SQL = """
    SELECT a.id, a.name, a.kind, a.country, a.documents, a.mentions,
           coalesce(e.events, 0) AS events, coalesce(f.forms, []) AS forms
    FROM actors a
    LEFT JOIN (
        SELECT actor_id, list(DISTINCT form ORDER BY form) AS forms FROM (
            SELECT actor_id, unnest(aliases) AS form FROM document_actors
            UNION ALL SELECT actor_id, name FROM document_actors)
        GROUP BY actor_id) f ON f.actor_id = a.id
    LEFT JOIN (
        SELECT actor, count(*) AS events FROM (
            SELECT source AS actor FROM events
            UNION ALL SELECT target FROM events WHERE target IS DISTINCT FROM source)
        WHERE actor IS NOT NULL GROUP BY actor) e ON e.actor = a.id
    ORDER BY a.mentions DESC, a.documents DESC, a.id"""


class ActorDirectory:
    """Every actor of a store, indexed by the normalized forms of its id, name and aliases."""

    def __init__(self, actors: Iterable[ActorInfo]):
        self.actors: tuple[ActorInfo, ...] = tuple(actors)
        self._by_id = {actor.id: actor for actor in self.actors}
        self._by_form: dict[str, list[ActorInfo]] = defaultdict(list)
        for actor in self.actors:
            for form in {normalize(f) for f in (actor.id, actor.name, *actor.aliases)} - {""}:
                self._by_form[form].append(actor)
        self._nationals: dict[str, list[str]] = defaultdict(list)
        for actor in self.actors:
            if actor.country and actor.kind != "state":
                self._nationals[actor.country].append(actor.id)

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection) -> ActorDirectory:
        return cls(
            ActorInfo(id=i, name=n, kind=k, country=c, documents=d, mentions=m, events=e,
                      aliases=tuple(f for f in forms if f != n and _is_name(f)))
            for i, n, k, c, d, m, e, forms in con.execute(_ACTORS_SQL).fetchall()
        )

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, actor_id: str) -> ActorInfo | None:
        return self._by_id.get(actor_id)

    def resolve(self, query: str) -> ActorSelection:
        """The actors ``query`` names (rules in the module docstring); raises UnknownActorError."""
        key = normalize(query)
        matched = self._by_form.get(key)
        how = "exact"
        if not matched:
            best = process.extractOne(key, self._by_form.keys(), scorer=fuzz.token_sort_ratio,
                                      score_cutoff=FUZZY_ACCEPT) if key else None
            if best is None:
                raise UnknownActorError(self._unknown_message(query))
            matched, how = self._by_form[best[0]], "fuzzy"
        matched = sorted(matched, key=lambda a: (-a.mentions, a.id))
        members = [a.id for a in matched]
        for actor in matched:
            if actor.kind == "state":
                members += [i for i in self._nationals.get(actor.id, ()) if i not in members]
        return ActorSelection(query=query, matched=tuple(matched), how=how, member_ids=tuple(members))

    def suggestions(self, query: str, limit: int = SUGGESTIONS) -> list[ActorInfo]:
        """The actors with forms closest to ``query``, best first (may be empty)."""
        found: list[ActorInfo] = []
        for form, _score, _ in process.extract(normalize(query), self._by_form.keys(),
                                               scorer=fuzz.token_sort_ratio,
                                               score_cutoff=FUZZY_SUGGEST, limit=limit * 3):
            found += [a for a in self._by_form[form] if a not in found]
        return found[:limit]

    def _unknown_message(self, query: str) -> str:
        if not self.actors:
            return f"no actor matches {query!r}: the store has no actors"
        close = self.suggestions(query)
        if not close:
            return f"no actor matches {query!r} (see `relata actors` for the names in the store)"
        listed = ", ".join(f"{a.name} ({a.id})" for a in close)
        return f"no actor matches {query!r}; close matches: {listed}"


def list_actors(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> list[ActorInfo]:
    """Actors by mentions (then documents, then id), at most ``limit`` of them."""
    actors = ActorDirectory.load(con).actors
    return list(actors if limit is None else actors[:limit])


__all__ = [
    "FUZZY_ACCEPT", "ActorInfo", "ActorSelection", "ActorDirectory", "normalize", "list_actors",
]
