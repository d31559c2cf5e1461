"""What the resolvers know about one document: its mentions as token spans, their actors, and
the facts gathered about each person (gender, roles held), looked up by token."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from relata.mentions.dictionary import ActorDictionary, KnownActor
from relata.nlp import doc_text
from relata.records import Actor, EntityMention
from relata.resolve.phoenix import PhoenixMatch

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Dependencies by which a name token hangs off the word that carries its clause role.
_NAME_LINKS = {"compound", "flat", "appos", "amod"}


@dataclass(frozen=True, slots=True)
class RoleFact:
    """A role the text or the dictionary gives a person: ``spokesperson`` for ``PAK``."""

    role: str
    country: str | None
    organization: str | None = None
    acting: bool = True  # False for "opposition leader", "former president": no office held now


@dataclass
class DocumentIndex:
    doc: Doc
    dictionary: ActorDictionary
    year: int | None
    mentions: list[EntityMention] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    known: dict[str, KnownActor] = field(default_factory=dict)
    genders: dict[str, str | None] = field(default_factory=dict)
    roles: dict[str, set[RoleFact]] = field(default_factory=lambda: defaultdict(set))
    groups: dict[int, str] = field(default_factory=dict)  # head noun of "Iraqi rebels" -> group actor id
    published: str | None = None  # the document's date (ISO), for roles held on it
    phoenix: dict[str, PhoenixMatch] = field(default_factory=dict)  # person id -> Phoenix role on the date
    role_nouns: dict[int, str] = field(default_factory=dict)  # head of "police", "the army" -> actor id
    unnamed: set[str] = field(default_factory=set)  # ids of the actors role nouns stand for
    antecedents: dict[int, str | None] = field(default_factory=dict)  # pronoun token -> actor id, once found
    _by_token: dict[int, int] = field(default_factory=dict)
    _starts: list[tuple[int, int]] = field(default_factory=list)
    _quotations: list[tuple[int, int]] | None = None

    def add_mention_span(self, position: int, span: Span) -> None:
        for i in range(span.start, span.end):
            self._by_token[i] = position
        bisect.insort(self._starts, (span.start, position))

    def positions_within(self, start: int, end: int) -> list[int]:
        """Mentions lying inside tokens ``[start, end)``, in text order."""
        low = bisect.bisect_left(self._starts, (start, -1))
        high = bisect.bisect_left(self._starts, (end, -1))
        return [p for _, p in self._starts[low:high] if self.spans[p].end <= end]

    def mention_at(self, token_index: int) -> int | None:
        return self._by_token.get(token_index)

    def actor_of(self, token: Token) -> Actor | None:
        position = self._by_token.get(token.i)
        if position is None:
            return None
        return self.actors.get(self.mentions[position].actor)

    def is_subject(self, position: int) -> bool:
        """Whether mention ``position`` is (part of) its clause's subject."""
        token = self.spans[position].root
        while token.dep_ in _NAME_LINKS and token.head.i != token.i:
            token = token.head
        return token.dep_ in SUBJECT_DEPS

    def person_roles(self, actor_id: str) -> list[RoleFact]:
        """Roles from the text, plus the dictionary's offices held in the publication year, in a
        fixed order (a set's order changes with each process's string hashing, and so did which
        of two roles gave a person's sector)."""
        facts = set(self.roles.get(actor_id, ()))
        known = self.known.get(actor_id)
        if known:
            held = [o for o in known.offices if o.held_in(self.year)]
            told = {f.role for f in facts}
            if any(o.role in told for o in held):
                # a year two offices share ("prime_minister@NLD:2010-2024;secretary_general@nato:2024-"):
                # the title the text gives says which; the one ending that year is over
                held = [o for o in held if o.role in told or o.end != self.year]
            facts |= {RoleFact(o.role, o.country or self._country_of(o.organization), o.organization) for o in held}
        return sorted(facts, key=lambda f: (f.role, f.country or "", f.organization or "", f.acting))

    def _country_of(self, organization: str | None) -> str | None:
        org = self.dictionary.actors.get(organization) if organization else None
        return org.country if org else None

    def in_quotation(self, offset: int) -> bool:
        """Whether character ``offset`` lies between double quotation marks."""
        if self._quotations is None:
            self._quotations = _quotations(doc_text(self.doc))
        i = bisect.bisect_right(self._quotations, (offset, float("inf"))) - 1
        return i >= 0 and self._quotations[i][0] <= offset < self._quotations[i][1]


_QUOTATION_EDGES = re.compile('[\n\u201c\u201d"]')


def _quotations(text: str) -> list[tuple[int, int]]:
    """Spans between “curly” or "straight" double quotes; an unclosed quote ends at the paragraph."""
    spans = []
    opened = None
    # only these characters open or close a span: the scan visits them, not every character
    for found in _QUOTATION_EDGES.finditer(text):
        i, c = found.start(), found.group()
        if c == "\n" and opened is not None and text[i + 1 : i + 2] == "\n":
            spans.append((opened, i))
            opened = None
        elif c == "\u201c" or (c == '"' and opened is None):
            opened = i
        elif (c == "\u201d" or c == '"') and opened is not None:
            spans.append((opened, i + 1))
            opened = None
    return spans
