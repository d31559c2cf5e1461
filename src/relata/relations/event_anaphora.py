"""Roles an event's own clause leaves open, from what its words refer back to earlier.

- **An earlier event.** ``Russia accused Ukraine of shelling the plant. Kyiv rejected the charge.``:
  *the charge* is Russia's accusation, so the rejection targets Russia. A trigger whose object
  (``rejected the demand``), cause (``retaliated for the raid``, ``responded to the attack``) or
  relative head (``a charge Iran denies``) is a definite noun naming an event, and which has no
  target of its own, targets the source of the latest earlier event of that type in the document
  that was aimed at the trigger's own source (or at nobody named). When that earlier event was the
  trigger's own source's (``Venezuela detained 14 drivers ... Venezuela freed the detained
  drivers``, ``lifted the sanctions``), the trigger carries on or undoes it: same target. A
  participle says what was done to a noun's people (``the detained drivers``: the detention), and
  ``the release`` of people refers back to their detention (``demanded the drivers' release``).
- **A pair named earlier.** ``the two countries``, ``both governments``, ``the two neighbours``,
  ``both sides``: the last two states named together (``Mali and Burkina Faso``) shortly before,
  else the two parties of the latest earlier event between two different states, else the last two
  states the text named before the phrase.

The nouns that refer back without being event triggers themselves (``charge``, ``allegation``,
``proposal``) are data: ``relata/data/event_reference_nouns.tsv``; the others are the event nouns
of the pattern table (``demand``, ``raid``, ``talks``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from relata.mentions.tables import data_path, read_table
from relata.nlp import has_child, sentence_of
from relata.records import Actor
from relata.relations.event_patterns import bare_verb_row, match_noun, table
from relata.relations.event_words import GO_BETWEEN_VERBS, lemmas
from relata.resolve.actors import DocumentActors

DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})
# Prepositions whose object is what a response answers: "retaliated for the raid".
CAUSE_PREPS = frozenset({"for", "to", "over", "against", "after"})
PAIR_WORDS = frozenset({"two", "both"})
_GO_BETWEEN = tuple(verb.rstrip("e") for verb in GO_BETWEEN_VERBS)  # the stems of a trigger's text
# nouns whose bare definite plural ("the delegations", "the sides") means the parties of a dispute or talks
PARTY_NOUNS = frozenset({"delegation", "side"})
# Pair nouns that name people: the pair is two states' officials named before ("both leaders").
_PERSON_PAIRS = frozenset({"leader", "president", "minister", "premier", "chancellor", "counterpart"})


@dataclass(frozen=True)
class PriorEvent:
    """An event already coded in the document, at state level (as the record has it)."""

    type: str
    source: str | None
    target: str | None
    position: int  # character offset of its clause
    trigger: str = ""


@cache
def _tables() -> tuple[dict[str, str], frozenset[str]]:
    text = resources.files("relata.data").joinpath("event_reference_nouns.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    nouns: dict[str, str] = {}
    groups: set[str] = set()
    for noun, kind, *_ in rows[1:]:
        if kind.strip() == "PAIR":
            groups.add(noun.strip().lower())
        else:
            nouns[noun.strip().lower()] = kind.strip()
    return nouns, frozenset(groups)


def referred_type(noun: Token, definite: bool = True) -> str | None:
    """The type of event a noun refers back to (``the charge`` -> ACCUSE), or ``None``. Only a
    definite noun refers back, unless ``definite`` is False (the head of a relative clause)."""
    if noun.pos_ != "NOUN":
        # "freed the oldest / two / some of the detained drivers": a part of the people named
        return _done_to(noun) if noun.pos_ in ("ADJ", "NUM", "PRON", "DET") else None
    done = _done_to(noun)
    if done is not None:
        return done  # "the detained drivers": the detention
    nouns, _ = _tables()
    # "denied any involvement", "rejected allegations": a noun of the table points back with
    # "any" or with no determiner too
    listed = nouns.get(noun.lemma_.lower(), ANY) != ANY  # ("took measures": no step named before)
    if definite and not any((c.dep_ == "det" and (c.lower_ in DEFINITE or c.lower_ == "any" and listed))
                            or c.dep_ == "poss" for c in noun.children) \
            and not (listed and not has_child(noun, "det")):
        return None
    found = nouns.get(noun.lemma_.lower()) or nouns.get(noun.lower_)
    if found is not None:
        return found
    match = match_noun(noun)
    if match is not None:
        return match.type
    # "condemned the shooting", "the sinking": a definite -ing form of an event verb
    row = bare_verb_row(noun) if noun.lower_.endswith("ing") else None
    return row.type if row is not None else None


def _done_to(noun: Token) -> str | None:
    """``the detained drivers``, ``the seized tanker``: a participle naming what was done to them."""
    for child in noun.children:
        if child.dep_ == "amod" and child.tag_ == "VBN":
            for lemma in lemmas(child):
                rows = [p for p in table().verbs.get(lemma, ()) if p.type and not p.objects and not p.prep]
                if rows:
                    return rows[0].type
    for prep in noun.children:  # "the oldest of the detained drivers"
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and (found := _done_to(pobj)) is not None:
                    return found
    return None


def _referring_nouns(verb: Token) -> list[tuple[Token, bool]]:
    """The nouns that may name what the verb answers, each with whether it must be definite."""
    out = [(c, True) for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    # "criticised the timing of the raids": an aspect of a named act names the act
    out += [(p, True) for c, _ in list(out) for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for p in prep.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
    out += [(p, True) for c in verb.children if c.dep_ == "prep" and c.lower_ in CAUSE_PREPS
            for p in c.children if p.dep_ == "pobj"]
    if verb.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in verb.children):
        out.append((verb.head, False))  # "a charge Iran denies"
    return out


def answers_a_cause(verb: Token) -> bool:
    """``retaliated for the tariffs``, ``responded to the attack``: a cause phrase naming an event
    (whom the act answers outranks any target its means name: ``by halting transit of X's goods``)."""
    return any(referred_type(p) is not None for c in verb.children if c.dep_ == "prep"
               and c.lower_ in CAUSE_PREPS for p in c.children if p.dep_ == "pobj")


ANY = "ANY"  # a reference noun that names whatever was done last ("the move", "the step")
_OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my"})


def _names(wanted: str, coded: str) -> bool:
    """Whether a noun naming an event of type ``wanted`` can name one coded ``coded``: "the
    protest" is also a diplomatic protest (an accusation, CAMEO 11), "lodged a protest"."""
    return wanted in (coded, ANY) or wanted == "PROTEST" and coded == "ACCUSE"


def antecedent_target(verb: Token, sources: Sequence[Actor], prior: Sequence[PriorEvent],
                      actors: DocumentActors, judged: bool = False) -> Actor | None:
    """Whom a response answers: the source of the earlier event its object names. A judgement
    (``judged``: condemning, welcoming) answers that doer whoever the act was done to (``The AU
    criticised the shelling``); other answers only an act aimed at the answerer's side."""
    found = _answered(verb, sources, prior, actors, judged)
    return found[0] if found is not None else None


# Hostile acts that may answer an earlier act (retaliation): their doer is the earlier act's target.
RETALIATION_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "ACCUSE", "PROTEST", "MOBILIZE"})


def retaliating_side(head: Token, type_: str, roles, prior: Sequence[PriorEvent],
                     actors: DocumentActors) -> Actor | None:
    """``The junta retaliated for the seizure`` (also ``... by suspending flights``): retaliation
    comes from the one the earlier act was done to, never from its doer's side, whatever state
    the description guessed; ``None`` to keep the clause's own sources."""
    answering = head
    if answering.dep_ == "pcomp" and answering.head.lower_ == "by":
        answering = answering.head.head  # "retaliated for the seizure by suspending flights"
    if type_ not in RETALIATION_TYPES or not answers_a_cause(answering) or (
            roles.subject is not None and roles.subject.pos_ == "PROPN"):
        return None
    doer, done_to = _answered(answering, (), prior, actors) or (None, None)
    guessed = {actors.coded_as(a).id for a in roles.sources}
    if doer is not None and done_to is not None and (not guessed or guessed == {actors.coded_as(doer).id}):
        return done_to
    return None


@cache
def _response_verbs() -> frozenset[str]:
    return frozenset(row["verb"].lower() for row in read_table(data_path("response_verbs.tsv")))


def responds(verb: Token) -> bool:
    """``retaliated``, ``responded``, or any verb answering a named cause (``for the seizure``)."""
    return verb.pos_ in ("VERB", "AUX") and (answers_a_cause(verb) or verb.lemma_.lower() in _response_verbs())


def means_coded(head: Token, coded: dict[int, str | None]) -> bool:
    """Whether a response verb (``retaliated``, ``responded``) names its act in a ``by`` phrase
    that was coded as an event of its own: that event is what the response was."""
    if not responds(head):
        return False
    return any(coded.get(g.i) for c in head.children if c.dep_ == "prep" and c.lower_ == "by"
               for g in c.children if g.dep_ == "pcomp")


def _answered(verb: Token, sources: Sequence[Actor], prior: Sequence[PriorEvent],
              actors: DocumentActors, judged: bool = False) -> tuple[Actor | None, Actor | None] | None:
    """The source and the target of the earlier event a response's object or cause phrase names."""
    own = own_ids(sources, actors)
    own_states = own | {a.country for a in sources if a.country}
    for noun, definite in _referring_nouns(verb):
        wanted = referred_type(noun, definite)
        if wanted is None:
            continue
        # the event named with the same word first ("the arrests" after "arrested"), then the latest
        stem = noun.lemma_.lower()[:5]
        # ... and, for a judgement, an act done to the judge's own side before another's
        # ("Jordan bombed hideouts in Syria after traffickers ambushed a patrol. Syria condemned the strikes")
        ordered = sorted(reversed(prior), key=lambda e: (
            not e.trigger.lower().startswith(stem),
            judged and bool(own) and not (e.target and aimed_at(e.target, own, own_states, actors))))
        # "Hungary dropped its objections": one's own earlier act only, never another's
        # ("demanded its release": the possessor of what undoes a detention is the one held)
        own_only = wanted != "COERCE" and any(c.dep_ == "poss" and c.lower_ in _OWN_POSSESSIVES for c in noun.children)
        for event in ordered:
            # the same word names the same act, whichever type its verb and noun rows give ("raided" ... "the raids")
            if not (_names(wanted, event.type) or event.trigger.lower().startswith(stem)) \
                    or event.position >= verb.idx or event.source is None:
                continue
            if own_only and event.source not in own:
                continue
            if wanted == ANY and (event.target is None or not own or event.source in own):
                continue  # "condemned the move": only another's act done to the speaker's side (checked below)
            if event.source in own:
                # one's own earlier act, carried on or undone ("freed the detained drivers", "lifted
                # the sanctions"): the same target
                if event.target is not None and event.target not in own:
                    return actors.get(event.target), None
                continue
            if judged and event.type in _BETWEEN_TWO:
                continue  # "criticised the talks": both parties (parties_of_referred), not the first named
            if own and event.target is not None and not judged and not aimed_at(event.target, own, own_states, actors):
                continue
            return actors.get(event.source), actors.get(event.target) if event.target else None
    return None


# Agreements and meetings between two parties that a third may welcome, back or reject.
_BETWEEN_TWO = frozenset({"AGREE", "CONSULT", "COOPERATE", "SUPPORT"})


def parties_of_referred(verb: Token, sources: Sequence[Actor], prior: Sequence[PriorEvent],
                        actors: DocumentActors) -> list[Actor]:
    """``Kenya and Ethiopia signed a border deal. Somalia welcomed the deal.``: what a third party
    says of an agreement or meeting named earlier is said of its two parties."""
    own = own_ids(sources, actors)
    for noun, definite in _referring_nouns(verb):
        wanted = referred_type(noun, definite)
        if wanted not in _BETWEEN_TWO:
            continue
        earlier = [e for e in prior if e.position < verb.idx and e.type in _BETWEEN_TWO]
        # the latest of the type the noun names ("the rapprochement": cooperation), else the latest
        # agreement or meeting ("welcomed the deal" after "signed a deal")
        same = [e for e in earlier if e.type == wanted]
        for event in (same or earlier)[-1:]:
            if event.source and event.target and not {event.source, event.target} & own:
                found = [actors.get(event.source), actors.get(event.target)]
                return [a for a in found if a is not None]
    return []


def _named_together(token: Token, actors: DocumentActors, exclude: frozenset[str]) -> list[Actor]:
    """The last two states named together (``Mali and Burkina Faso warned ...``) in the sentence
    before the pair phrase's, or earlier in its own; not the ``exclude``d (the clause's own subject)."""
    doc = token.doc
    start = max(0, sentence_of(token).start - 80)
    for t in reversed(doc[start:token.i]):
        if t.dep_ != "conj" or t.head.i >= t.i:
            continue
        pair = [actors.resolve(t.head), actors.resolve(t)]
        if all(a is not None for a in pair):
            states = [actors.coded_as(a) for a in pair]
            if all(a.kind == "state" and a.id not in exclude for a in states) and states[0].id != states[1].id:
                return states
    return []


def own_ids(sources: Sequence[Actor], actors: DocumentActors) -> set[str]:
    """The ids of ``sources`` and of the states they act for: who counts as the same side."""
    return {actors.coded_as(a).id for a in sources} | {a.id for a in sources}


def side_ids(sources: Sequence[Actor], actors: DocumentActors) -> tuple[set[str], set[str]]:
    """:func:`own_ids`, and those with the countries they act for (the ``own_states`` of
    :func:`aimed_at`)."""
    own = own_ids(sources, actors)
    return own, own | {actors.coded_as(a).country for a in sources} - {None}


def aimed_at(target: str, own: set[str], own_states: set[str], actors: DocumentActors) -> bool:
    """Whether an earlier event's target is the responder, or a place or body of its state
    (``Israeli jets struck Gaza. Hamas retaliated ...``)."""
    if target in own:
        return True
    actor = actors.get(target)
    return actor is not None and actor.country is not None and actor.country in own_states


def pair_phrase(token: Token | None) -> bool:
    """``the two countries``, ``both governments``, ``the two neighbours``, ``the delegations``, ``between them``;
    ``the two`` or a bare definite plural alone as a subject (``... spoke with his counterpart, and
    the two agreed``, ``... and the presidents agreed``)."""
    if token is not None and token.lower_ == "two" and token.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return True
    if token is not None and token.lower_ == "them" and token.dep_ == "pobj" and token.head.lower_ == "between":
        return True  # "offered to host talks between them"
    if token is None or token.pos_ != "NOUN" or token.tag_ not in ("NNS", "NNPS"):
        return False
    _, groups = _tables()
    if token.lemma_.lower() not in groups:
        return False
    bare = [c.lower_ for c in token.children if c.dep_ != "punct"] == ["the"]
    if bare and (token.lemma_.lower() in PARTY_NOUNS or token.dep_ == "nsubj"):
        # "the delegations also exchanged data", "... and the presidents agreed": the parties named before
        return True
    return any(c.lower_ in PAIR_WORDS and c.dep_ in ("nummod", "det", "predet", "amod") for c in token.children)


def pair_antecedents(token: Token, prior: Sequence[PriorEvent], actors: DocumentActors,
                     exclude: frozenset[str] = frozenset()) -> list[Actor]:
    """The two states a pair phrase refers back to (see the module docstring), or []; never one of
    ``exclude`` (``The US and Britain urged both camps``: not themselves)."""
    named = _named_together(token, actors, exclude)
    if named:
        return named
    if token.lemma_.lower() in _PERSON_PAIRS:
        # "urged both leaders": the last two state officials named, of two states
        officials: list[Actor] = []
        for mention in sorted(actors.mentions, key=lambda m: m.start, reverse=True):
            actor = actors.get(mention.actor) if mention.start < token.idx and mention.actor else None
            state = actors.coded_as(actor) if actor is not None and actor.kind == "person" else None
            if state is not None and state.kind == "state" and state.id not in exclude and state not in officials:
                officials.append(state)
                if len(officials) == 2:
                    return officials[::-1]
    for event in reversed(prior):
        if event.position >= token.idx or event.trigger.lower().startswith(_GO_BETWEEN):
            continue  # (a mediator and one party are not the pair)
        pair = [actors.get(event.source), actors.get(event.target)]
        if all(a is not None and a.kind == "state" and a.id not in exclude for a in pair) and pair[0].id != pair[1].id:
            return pair
    states: list[Actor] = []
    people: list[Actor] = []
    for mention in sorted(actors.mentions, key=lambda m: m.start, reverse=True):
        if mention.start >= token.idx or mention.actor is None:
            continue
        actor = actors.get(mention.actor)
        state = actors.coded_as(actor) if actor is not None else None
        if state is not None and state.kind == "state" and state not in states and state.id not in exclude:
            states.append(state)
            if len(states) == 2:
                return states[::-1]
        if actor is not None and actor.kind == "person" and actor not in people and len(people) < 2:
            people.append(actor)
    # no two states: the last two people named, rivals of one state ("Odinga ... Ruto ... urged
    # both camps"), are that state's two sides, and the state is the one addressed
    if len(people) == 2 and people[0].country and people[0].country == people[1].country:
        home = actors.get(people[0].country)
        if home is not None and home.id not in exclude:
            return [home]
    return []
