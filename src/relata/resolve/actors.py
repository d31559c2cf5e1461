"""Actors of one document: its entity mentions grouped into canonical actors, and the resolution
of any noun phrase (name, title description, pronoun) to one of them.

States are keyed by ISO alpha-3 code (names, demonyms, capitals and seats of power all lead to
the state); known organisations and people by their dictionary id; actors the dictionary does
not know by a slug of their name, so the same actor gets the same id in every document.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from relata.mentions.dictionary import ActorDictionary, load_dictionary
from relata.mentions.gender import given_name_gender, honorific_gender, is_honorific, pronoun, pronouns
from relata.mentions.names import name_key, slug
from relata.mentions.places import find_place
from relata.mentions.tables import data_path, read_table
from relata.nlp import ParsedDocument, doc_text, sentence_of, token_positions
from relata.records import Actor, EntityMention
from relata.resolve import coref, descriptions
from relata.resolve.agency import (
    acting_organization,
    acting_state,
    country_of_untold_office,
    has_untold_office,
    private_qualifier,
)
from relata.resolve.dated_roles import join_split_names, people_matches
from relata.resolve.ethnic_groups import country_in_group_name, country_of_people
from relata.resolve.groups import find_groups
from relata.resolve.index import DocumentIndex, RoleFact
from relata.resolve.matching import match_known
from relata.resolve.mention_labels import (
    common_words_capitalised,
    head_label,
    in_a_named_place,
    named_after_a_title,
)
from relata.resolve.missed_names import with_missed_speakers
from relata.resolve.nationality import (
    country_after_place,
    country_in_name,
    country_of_modifier,
    named_as_a_place,
)
from relata.resolve.organization_names import (
    acronym_definitions,
    join_initials,
    join_short_organization_names,
)
from relata.resolve.people import group_people
from relata.resolve.role_nouns import find_role_nouns, office_place, state_title
from relata.resolve.sectors import actor_sector
from relata.resolve.titles import Description, apposition, describe, premodifiers

_UNKNOWN_KIND = {
    "ORG": "organization",
    "NORP": "group",
    "GPE": "location",
    "LOC": "location",
    "FAC": "location",
}
_COMBINING_PREFIXES = {
    "sino",
    "anti",
    "pro",
    "post",
    "pre",
    "euro",
    "afro",
    "indo",
    "russo",
    "franco",
    "anglo",
}
_RELATIVE_PRONOUNS = {"who", "whom", "whose", "which"}


@dataclass(frozen=True)
class DocumentActors:
    """The actors one document mentions, and where.

    - ``actors``: each actor once.
    - ``mentions``: entity mentions with their ``actor`` id filled in (or ``None``).
    """

    actors: tuple[Actor, ...] = ()
    mentions: tuple[EntityMention, ...] = ()
    _by_id: dict = field(default_factory=dict, repr=False, compare=False)
    _index: DocumentIndex | None = field(default=None, repr=False, compare=False)
    # phrase -> actor id: quotes, events and claims ask about the same subjects and objects
    _resolved: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self):
        self._by_id.update({a.id: a for a in self.actors})

    def get(self, actor_id: str | None) -> Actor | None:
        return self._by_id.get(actor_id) if actor_id else None

    def at(self, start: int, end: int) -> Actor | None:
        """The actor of the longest resolved mention overlapping ``[start, end)``."""
        best = None
        for m in self.mentions:
            if m.actor and m.start < end and start < m.end:
                if best is None or (m.end - m.start) > (best.end - best.start):
                    best = m
        return self.get(best.actor) if best else None

    def resolve(self, phrase: Span | Token, *, role_nouns: bool = False) -> Actor | None:
        """The actor a noun phrase refers to: a name, a title description, or a pronoun; with
        ``role_nouns``, also a role noun without a name that the text gives a country (``police``
        in a Kenyan story: the Kenyan police, :mod:`relata.resolve.role_nouns`). Event arguments
        want those; a quote's speaker does not (``diplomats said``: an unnamed source)."""
        if self._index is None or phrase.doc is not self._index.doc:
            if isinstance(phrase, Token):
                return self.at(phrase.idx, phrase.idx + len(phrase.text))
            return self.at(phrase.start_char, phrase.end_char)
        key = (phrase.i, -1, role_nouns) if isinstance(phrase, Token) else (phrase.start, phrase.end, role_nouns)
        if key not in self._resolved:
            self._resolved[key] = _resolve_phrase(self._index, phrase, role_nouns)
        return self.get(self._resolved[key])

    def unnamed(self, actor: Actor) -> bool:
        """Whether ``actor`` is one a role noun stands for (``police``, ``the army``), not a name."""
        return self._index is not None and actor.id in self._index.unnamed

    def acting_for(self, actor: Actor) -> Actor:
        """The state ``actor`` acts for (an official, a state organ), else ``actor`` itself:
        see :mod:`relata.resolve.agency`."""
        if self._index is None or actor.kind == "state":
            return actor
        state = self.get(acting_state(self._index, actor))
        return state if state is not None else actor

    def coded_as(self, actor: Actor) -> Actor:
        """The actor an event codes ``actor``'s official acts as: the state it acts for, else the
        international organisation whose office it holds, else ``actor`` itself."""
        acting = self.acting_for(actor)
        if acting is not actor or self._index is None:
            return acting
        organization = self.get(acting_organization(self._index, actor))
        return organization if organization is not None else actor


def resolve_actors(
    parsed: ParsedDocument, mentions: Sequence[EntityMention], dictionary: ActorDictionary | None = None
) -> DocumentActors:
    dictionary = dictionary or load_dictionary()
    doc = parsed.doc
    mentions = join_split_names(doc_text(doc), with_missed_speakers(doc, mentions, dictionary), parsed.published,
                                lambda name: match_known(name, "PERSON", dictionary) is not None)
    index = DocumentIndex(doc, dictionary, _year(parsed.published), published=parsed.published)
    spans = []
    for position, m in enumerate(mentions):
        span = doc.char_span(m.start, m.end, alignment_mode="expand") or _covering_tokens(doc, m)
        spans.append(span)
        index.add_mention_span(position, span)
    index.spans = spans
    actor_ids: list[str | None] = [None] * len(mentions)
    surface: dict[str, list[str]] = defaultdict(list)

    acronyms = acronym_definitions(doc, mentions, spans)
    short_names = {full: acronym for acronym, (full, label) in acronyms.items() if label == "ORG"}
    for position, m in enumerate(mentions):
        label = "NORP" if m.label == "PERSON" and _people_named(m.text, dictionary) else m.label
        if label in ("PERSON", "ORG") and (named_as_a_place(spans[position]) or in_a_named_place(spans[position])) \
                and match_known(m.text, label, dictionary) is None:
            label = "GPE"  # "Myawaddy, a town in Myanmar" (tagged as a person), "Qamishli, a city in ..." (ORG)
            mentions[position] = replace(m, label=label)
        if label == "PERSON" and " " not in m.text and any(
                o.label == "ORG" and o.start < m.start and o.text.split()[0] == m.text for o in mentions) \
                and not any(o.label == "PERSON" and " " in o.text and m.text in o.text.split() for o in mentions) \
                and match_known(m.text, label, dictionary) is None:
            label = "ORG"  # "Polisario, which fought ...": the NER model's person is the Polisario Front
            mentions[position] = replace(m, label=label)
        if label == "ORG" and named_after_a_title(spans[position]) and match_known(m.text, label, dictionary) is None:
            label = "PERSON"  # "her Kazakh counterpart Murat Nurtleu" (tagged as an organisation)
            mentions[position] = replace(m, label=label)
        by_head = head_label(m.text) if label == "ORG" else None
        if by_head and match_known(m.text, label, dictionary) is None:
            # "the Simon Bolivar International Bridge": a place; "the Reciprocal Access Agreement": a
            # document; neither a party
            label = by_head
            mentions[position] = replace(m, label=label)
        if label == "PERSON":
            continue
        if label == "ORG" and common_words_capitalised(spans[position], m.text, dictionary):
            continue  # "Farmers rallied ...", "Truck drivers blocked ...": the tagger's organisation
        full = acronyms.get(m.text)
        actor = _non_person_actor(full or (m.text, label), dictionary)
        short = (full or (m.text,))[0]
        if actor and actor.id == slug(short) and short in short_names:
            # an organisation the dictionary does not know goes by the short name it is given
            # ("... Commission (IEBC)"): the id another story writing only "IEBC" also gets
            actor = replace(actor, id=slug(short_names[short]))
        if actor:
            index.actors.setdefault(actor.id, actor)
            actor_ids[position] = actor.id
    join_short_organization_names(mentions, actor_ids, dictionary)
    join_initials(mentions, actor_ids, dictionary)
    index.mentions = [
        EntityMention(m.start, m.end, m.text, m.label, a) for m, a in zip(mentions, actor_ids, strict=True)
    ]
    _countries_from_modifiers(index, actor_ids)
    groups = find_groups(doc, lambda t: a if (a := index.actor_of(t)) is not None and a.kind == "state" else None)
    for token_index, group in groups.items():
        index.actors.setdefault(group.id, group)
        index.groups[token_index] = group.id

    for position, place_id in _places_taken_for_people(mentions, spans, index, dictionary).items():
        actor_ids[position] = place_id
    people = group_people([(p, _with_honorific(spans[p], m.text)) for p, m in enumerate(mentions)
                           if m.label == "PERSON" and not _people_named(m.text, dictionary)
                           and actor_ids[p] is None], dictionary)
    countries: dict[str, str | None] = {}
    for position, person in sorted(people.items()):
        pid = person.id
        if pid in index.actors and index.actors[pid].kind != "person":
            pid = f"{pid}-person"  # "Jordan" the man in a story that also names Jordan the place
        actor_ids[position] = pid
        if person.known:
            index.known[pid] = person.known
            index.genders[pid] = person.known.gender
            countries[pid] = person.known.country
        index.actors[pid] = Actor(pid, person.name, "person", countries.get(pid))
    index.mentions = [
        EntityMention(m.start, m.end, m.text, m.label, a) for m, a in zip(mentions, actor_ids, strict=True)
    ]
    for position in sorted(people):
        _learn_person_facts(index, position, actor_ids[position], countries)
    unknown = {actor_ids[p]: person for p, person in people.items() if not person.known}
    index.phoenix = people_matches(((pid, person.name, len(person.name.split()) == 1)
                                    for pid, person in unknown.items()), parsed.published)
    for pid, match in index.phoenix.items():
        # whose official or citizen the dated tables say; an IGO official's own country otherwise
        nationality = match.country or (match.actor.countries[0] if len(match.actor.countries) == 1 else None)
        if countries.get(pid) is None and nationality:
            countries[pid] = nationality
    sole_state_asked: set[str] = set()
    for position in sorted(people):
        pid = actor_ids[position]
        if countries.get(pid) is not None or pid in index.known:
            continue
        if pid not in sole_state_asked:  # the document's one state: the same answer for every mention
            sole_state_asked.add(pid)
            countries[pid] = country_of_untold_office(index, pid)
        if countries.get(pid) is None and has_untold_office(index, pid):
            countries[pid] = office_place(index, spans[position].root)
    for pid in list(index.actors):
        actor = index.actors[pid]
        if actor.kind == "person":
            if index.genders.get(pid) is None:
                index.genders[pid] = given_name_gender(actor.name)
            index.actors[pid] = Actor(pid, actor.name, "person", countries.get(pid))

    for token_index, actor in find_role_nouns(index).items():
        index.actors.setdefault(actor.id, actor)
        index.role_nouns[token_index] = actor.id
        index.unnamed.add(actor.id)

    for m, actor_id in zip(mentions, actor_ids, strict=True):
        if actor_id and m.text not in surface[actor_id]:
            surface[actor_id].append(m.text)
    for token in map(doc.__getitem__, token_positions(doc, lower=tuple(pronouns()))):
        if pronoun(token.text):
            actor_id = coref.antecedent(index, token)
            if actor_id and token.lower_ not in surface[actor_id]:
                surface[actor_id].append(token.lower_)
    ordered = list(dict.fromkeys([*(a for a in actor_ids if a), *index.groups.values(), *index.role_nouns.values()]))
    for group_id in index.groups.values():
        if not surface[group_id]:
            surface[group_id].append(index.actors[group_id].name)
    for token_index, actor_id in index.role_nouns.items():
        token = doc[token_index]
        text = doc[token.left_edge.i if token.left_edge.dep_ != "det" else token.left_edge.i + 1:token.i + 1].text
        if text not in surface[actor_id] and len(text) <= 60:
            surface[actor_id].append(text)
    actors = tuple(
        Actor(a.id, a.name, a.kind, a.country, tuple(surface[a.id]), a.sector)
        for a in (index.actors[i] for i in ordered)
    )
    actors += _states_acted_for(index, actors)
    index.actors = {a.id: a for a in actors}
    actors = tuple(replace(a, sector=actor_sector(index, a)) for a in actors)
    index.actors = {a.id: a for a in actors}
    return DocumentActors(actors=actors, mentions=tuple(index.mentions), _index=index)


def _places_taken_for_people(mentions, spans, index: DocumentIndex, dictionary) -> dict[int, str]:
    """Mentions tagged as people that repeat the name of a town the same story places
    (``3,000 fleeing Myawaddy`` in a headline, ``the border town of Myawaddy`` below): one name,
    one sense per story. Not a name the people table knows, nor one after an honorific."""
    places = {name_key(a.name): a.id for a in index.actors.values() if a.kind == "location"}
    if not places:
        return {}
    out = {}
    for position, m in enumerate(mentions):
        place_id = places.get(name_key(m.text)) if m.label == "PERSON" else None
        if place_id is None or match_known(m.text, "PERSON", dictionary) is not None:
            continue
        if spans[position].root.dep_ in ("nsubj", "nsubjpass"):
            continue  # "Jordan said": who acts or speaks is a person, whatever else shares the name
        if _with_honorific(spans[position], m.text) != m.text:
            continue
        out[position] = place_id
    return out


def _with_honorific(span: Span, text: str) -> str:
    """``Mrs. Okafor``: the name with the honorific NER left out, which says the gender."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return f"{before.text} {text}" if before is not None and is_honorific(before.text.rstrip(".")) else text


def _states_acted_for(index: DocumentIndex, actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """States that officials or organs in the document act for but that no mention names
    (``Putin`` alone stands for Russia): listed so that an event can point at them."""
    present = {a.id for a in actors}
    added: list[Actor] = []
    for actor in actors:
        state = acting_state(index, actor)
        known = index.dictionary.actors.get(state) if state else None
        if known is not None and state not in present:
            present.add(state)
            added.append(Actor(known.id, known.name, "state", known.id, ()))
        body = acting_organization(index, actor) if state is None else None
        known = index.dictionary.actors.get(body) if body else None
        if known is not None and body not in present:  # "NATO Secretary General X" alone names NATO
            present.add(body)
            added.append(Actor(known.id, known.name, known.kind, known.country, ()))
    return tuple(added)


def _covering_tokens(doc, mention: EntityMention) -> Span:
    """The tokens a mention overlaps, for offsets spaCy will not align (at least one token)."""
    inside = [t.i for t in doc if t.idx < mention.end and mention.start < t.idx + len(t.text)]
    if not inside:
        last = max(0, min(len(doc) - 1, sum(1 for t in doc if t.idx < mention.start) - 1))
        return doc[last : last + 1]
    return doc[inside[0] : inside[-1] + 1]


def _year(published: str | None) -> int | None:
    return int(published[:4]) if published and published[:4].isdigit() else None


def _people_named(text: str, dictionary: ActorDictionary) -> bool:
    """A "person" that is a people (``Bosnian Serbs``, ``Tamils``): a plural led by a state's demonym,
    or a people of the ethnic-groups table. NER often labels these PERSON."""
    words = text.split()
    if country_of_people(text) is not None:
        return True
    if len(words) != 2 or not words[1].endswith("s"):
        return False
    states = [f for f in dictionary.lookup(words[0]) if f.actor.kind == "state"]
    # "Bosnian Serbs" (a demonym first), "Kosovo Serbs" (a state, then a people's demonym)
    return any(f.form == "demonym" for f in states) or (bool(states) and any(
        f.form == "demonym" and f.actor.kind == "state" for f in dictionary.lookup(words[1])))


def _non_person_actor(mention: tuple[str, str], dictionary: ActorDictionary) -> Actor | None:
    text, label = mention
    known = match_known(text, label, dictionary)
    if known:
        return Actor(known.id, known.name, known.kind, known.country)
    kind = _UNKNOWN_KIND.get(label)
    if kind is None or _joins_states(text, dictionary):
        return None
    people = country_of_people(text)
    if people is not None:  # "Yoruba", "Tamils": a people, whatever label NER gave it
        return Actor(slug(text), text, "group", people)
    # a place's own lists come first: "Northern Ireland" names Ireland but is in the UK
    # NER sometimes labels a town NORP ("the town of Samarra"): a gazetteer place is a place
    place = find_place(text) if kind == "location" or label == "NORP" else None
    if place is not None:
        return Actor(place.id, text, "location", place.country or country_in_name(text, dictionary))
    country = country_in_name(text, dictionary) or country_in_group_name(text)
    return Actor(slug(text), text, kind, country)


def _countries_from_modifiers(index: DocumentIndex, actor_ids: list[str | None]) -> None:
    """``Iraqi Kurds``: an actor the dictionary does not know takes the state of a demonym before it."""
    def state_of(token):
        actor = index.actor_of(token)
        return actor.id if actor is not None and actor.kind == "state" else None

    found: dict[str, list[tuple[int, str | None]]] = defaultdict(list)
    split = False
    for position, actor_id in enumerate(actor_ids):
        actor = index.actors.get(actor_id or "")
        if actor is None or actor.kind in ("state", "person") or actor.country or actor_id in index.dictionary.actors:
            continue
        country = country_of_modifier(index.spans[position], state_of)
        if country is None and actor.kind == "location":
            country = country_after_place(index.spans[position], state_of)
        found[actor_id].append((position, country))
    for actor_id, places in found.items():
        actor = index.actors[actor_id]
        countries = list(dict.fromkeys(c for _, c in places if c))
        if len(countries) == 1:
            index.actors[actor_id] = Actor(actor.id, actor.name, actor.kind, countries[0])
        elif len(countries) > 1:
            # "Armenia's Defence Ministry ... Azerbaijan's Defence Ministry": two bodies of one name;
            # a mention without a state of its own is the last one named
            last = None
            for position, country in places:
                last = country or last
                if last is not None:
                    own_id = f"{actor_id}-{last.lower()}"
                    index.actors.setdefault(own_id, Actor(own_id, actor.name, actor.kind, last))
                    actor_ids[position] = own_id
            if actor_id not in actor_ids:
                del index.actors[actor_id]
            split = True
    if split:
        index.mentions = [replace(m, actor=a) for m, a in zip(index.mentions, actor_ids, strict=True)]


def _joins_states(text: str, dictionary: ActorDictionary) -> bool:
    """``Sino-Russian``, ``China-Russia``, ``anti-American``: about states, not one actor."""
    parts = [p for p in re.split(r"[-\u2013/]", text) if p.strip()]
    if len(parts) < 2:
        return False
    prefixes = {r["prefix"] for r in read_table(data_path("combining_prefixes.tsv"))}
    return parts[0].lower() in prefixes or any(
        f.actor.kind == "state" for p in parts for f in dictionary.lookup(p)
    )


def _learn_person_facts(index: DocumentIndex, position: int, actor_id: str, countries: dict) -> None:
    """Gender, country and roles from the words around a name: ``Mr.``, ``Russian President``,
    ``, a spokeswoman for the Pakistani foreign office``."""
    span = index.spans[position]
    doc = index.doc
    if span.start > 0 and index.genders.get(actor_id) is None:
        index.genders[actor_id] = honorific_gender(doc[span.start - 1].text.rstrip("."))
    for tokens in (premodifiers(doc, span.start), apposition(span.root, span)):
        if not tokens:
            continue
        description = describe(tokens, index.actor_of, index.dictionary)
        agent = state_title([t.lower_ for t in tokens if t.pos_ in ("NOUN", "PROPN")])
        if agent is not None and (description is None or description.role is None):
            # "Kenyan army chief X", "Chief Justice X": an office of the agents table, not of titles.tsv
            description = Description(agent.replace(" ", "_"), description.country if description else None,
                                      description.organization if description else None, None)
        if description is None:
            continue
        if description.role is None and description.country:
            # "his Bolivian counterpart, Celinda Sosa": the office of the one whose counterpart
            role = _counterpart_role(index, tokens)
            description = replace(description, role=role) if role else description
        if description.role:
            acting = not private_qualifier([t.text for t in tokens])
            index.roles[actor_id].add(
                RoleFact(description.role, description.country, description.organization, acting)
            )
            if description.gender and index.genders.get(actor_id) is None:
                index.genders[actor_id] = description.gender
        if description.country and countries.get(actor_id) is None and actor_id not in index.known:
            countries[actor_id] = description.country
    state = _state_after_name(index, span)
    if state is not None and any(f.country is None and f.organization is None for f in index.roles[actor_id]):
        # "King Hassan of Morocco", "President X of Y": the title's state follows the name
        for fact in [f for f in index.roles[actor_id] if f.country is None and f.organization is None]:
            index.roles[actor_id].discard(fact)
            index.roles[actor_id].add(RoleFact(fact.role, state, None, fact.acting))
        if countries.get(actor_id) is None and actor_id not in index.known:
            countries[actor_id] = state


def _counterpart_role(index: DocumentIndex, tokens) -> str | None:
    """The state office of the clause's subject when ``tokens`` call someone its counterpart
    (``X spoke with his Bolivian counterpart, Y``: Y holds X's office, for Bolivia)."""
    word = next((t for t in tokens if t.lemma_.lower() == "counterpart"), None)
    if word is None:
        return None
    verb = word
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    position = index.mention_at(subject.i) if subject is not None else None
    actor_id = index.mentions[position].actor if position is not None else None
    # the office, whether or not the text says whose ("Foreign Minister X and her Kazakh counterpart Y")
    offices = sorted(index.person_roles(actor_id), key=lambda f: f.country is None) if actor_id else []
    offices = [f.role for f in offices if f.organization is None]
    return offices[0] if offices else None


def _state_after_name(index: DocumentIndex, span: Span) -> str | None:
    """The state of an ``of`` phrase right after a name (``Hassan of Morocco``), or ``None``."""
    doc = index.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "of":
        return None
    actor = index.actor_of(doc[span.end + 1])
    return actor.id if actor is not None and actor.kind == "state" else None


def _resolve_phrase(index: DocumentIndex, phrase: Span | Token, role_nouns: bool = False) -> str | None:
    if isinstance(phrase, Token):
        head, tokens = phrase, None
    else:
        if len(phrase) == 0:
            return None
        head, tokens = phrase.root, list(phrase)
    if head.lower_ in _RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        head = head.head.head  # "Putin, who said ..." -> Putin
        tokens = None
    position = index.mention_at(head.i)
    if position is not None and (index.mentions[position].actor or head.i not in index.role_nouns):
        return index.mentions[position].actor
    if head.i in index.groups:
        return index.groups[head.i]
    named = _named_person_nearby(index, head)
    if named:
        return named
    if pronoun(head.text) or head.lower_ == "it":
        found = coref.antecedent(index, head)
        return found if found is not None or not role_nouns else _role_noun_before(index, head)
    # only a noun describes someone: the phrase's words are gathered (a walk of its subtree) for nouns
    found = descriptions.refer(index, tokens or descriptions.noun_phrase(head), head) \
        if head.pos_ in descriptions.DESCRIBING_POS else None
    return found if found is not None or not role_nouns else index.role_nouns.get(head.i)


_PERSON_OBJECT_PRONOUNS = frozenset({"him", "her"})


def _role_noun_before(index: DocumentIndex, pronoun_token: Token) -> str | None:
    """``expelled a senior Peruvian diplomat, accusing him of ...``: an object pronoun no named
    person answers refers to the nearest person described before it in its sentence."""
    if pronoun_token.lower_ not in _PERSON_OBJECT_PRONOUNS:
        return None
    sent = sentence_of(pronoun_token)
    for i in sorted((i for i in index.role_nouns if sent.start <= i < pronoun_token.i), reverse=True):
        actor = index.actors.get(index.role_nouns[i])
        if actor is not None and actor.kind == "person":
            return actor.id
    return None


def _named_person_nearby(index: DocumentIndex, head: Token) -> str | None:
    """A title word that hangs on a name (``President`` in ``President Putin``) or has one in
    apposition (``the spokeswoman, Mumtaz Baloch,``). Names deeper in the phrase do not count:
    ``a spokesman for Putin`` is not Putin."""
    candidates = [head.head] if head.dep_ in {"compound", "flat", "appos"} else []
    candidates += [c for c in head.children if c.dep_ == "appos"]
    people = set()
    for t in candidates:
        position = index.mention_at(t.i)
        if (
            position is not None
            and index.mentions[position].label == "PERSON"
            and index.mentions[position].actor
        ):
            people.add(index.mentions[position].actor)
    return people.pop() if len(people) == 1 else None
