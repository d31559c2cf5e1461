"""Who did it to whom: the source and target actors of an event trigger.

- Source: the subject (``Russia attacked``), the ``by`` agent of a passive (``X was attacked by Y``),
  the subject inherited by a conjoined verb or an ``xcomp`` chain (``agreed to withdraw``), the noun a
  relative clause modifies (``rebels who attacked``; found by :mod:`relata.relations.event_subjects`);
  for a nominal event the possessor (``Putin's visit``), a ``by`` phrase, or an actor modifier
  (``Israeli raids``).
- Target: the object (``visited China``), the dative, or the object of a target preposition
  (``talks with X``, ``sanctions on/against X``, ``visit to X``, ``withdraw from X``); the passive
  subject (``X was attacked``).
- A noun phrase refers to the actor it names (``Putin``, ``it`` by the resolver's coreference), else
  to the actor of its modifiers (``Hungarian officials`` -> Hungary, ``Chile's president`` -> Chile,
  ``the president of France`` -> France). Coordinated phrases (``Hungarian and Romanian officials``)
  give every actor; the caller emits one event per source/target pair.
- Words that say where, not who: a city or capital naming an event (``the Minsk agreement``, ``an
  Astana meeting``), the place words of a war (``the Ukrainian war``), ``on the sidelines of`` a
  summit, a dateline (``ASTANA - ...``).
- As CAMEO codes them, a people or an actor with no country of its own is coded by the place its
  phrase gives (``the Albanians of southern Serbia`` -> SRB, ``a missionary from Calgary`` -> CAN).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from relata.mentions.datelines import is_dateline_place
from relata.nlp import sentence_of
from relata.records import Actor
from relata.relations.event_modality import CONDITIONAL, is_infinitival_advcl, role_of
from relata.relations.event_patterns import (
    PatternMatch,
    is_separated_particle,
    kept_object,
    match_noun,
    noun_agent,
)
from relata.relations.event_subjects import RELATIVE_PRONOUNS
from relata.relations.event_subjects import near as _near
from relata.relations.event_subjects import subject_of as _subject
from relata.relations.phrase_actors import (
    MODIFIER_DEPS,
    modifier_conjunct_actors,
    np_actors,
    where_not_who,
)
from relata.resolve.actors import DocumentActors
from relata.resolve.role_nouns import MISSION_NOUNS

TARGET_PREPS = ("with", "to", "on", "upon", "against", "at", "into", "toward", "towards", "from", "between", "in",
                "for")
NOUN_TARGET_PREPS = ("on", "against", "to", "with", "into", "at", "upon", "toward", "towards", "for", "of",
                     "between")
# An object that names no actor may still point at one: "calls by Belarus", "crimes by Croat forces".
INNER_PREPS = ("by", "of", "from", "with", "against", "to", "on", "for", "between", "into")
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = ("in", "at", "near", "off", "outside", "inside", "throughout", "across")
VENUE_PREPS = ("in", "at")
CATAPHORIC = frozenset({"his", "her"})  # "During his visit to X, President Y ...": points forward
MUTUAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Nouns that introduce a place's name: "the town of Samarra", "the province of Sindh".
PLACE_NOUNS = frozenset({"town", "city", "village", "province", "region", "district", "capital",
                         "enclave", "port", "area", "state", "territory"})
# Branches the nearest-actor search does not enter: other clauses' subjects and events, speech.
CLOSED_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "conj", "cc", "parataxis", "punct", "mark", "aux",
                         "auxpass", "neg", "ccomp", "relcl", "advmod", "npadvmod", "appos"})
NEAREST_DEPTH = 4
# Prepositions of a circumstance, not a complement: what they hold is an event of its own, with
# actors of its own ("closed its borders because of fighting between X and Y").
CIRCUMSTANCE_PREPS = frozenset({"after", "before", "during", "amid", "despite", "following", "because",
                                "since"})
THEATRE, SETTING, OPPOSING = "theatre", "setting", "opposing"  # cue roles, see data/event_cues.tsv


@dataclass(frozen=True)
class Roles:
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]
    subject: Token | None = None
    passive: bool = False


def _passive_target(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            return c
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    return None


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            for pobj in c.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _noun_agent(noun: Token) -> Token | None:
    """The ``by`` agent of an event noun, also where the parse hung it on the noun's object
    (``the expulsion of four diplomats by Norway``)."""
    for t in noun.subtree:
        if t.dep_ == "prep" and t.lower_ == "by" and t.head.dep_ not in ("acl", "relcl") and (
                t.head == noun or t.head.head.head == noun):
            return next((p for p in t.children if p.dep_ == "pobj"), None)
    return None


def _prep_objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    out = []
    for c in head.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            out.extend(p for p in c.children if p.dep_ == "pobj")
        elif c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(c)
    return out


def _choose(candidates: list[Token], actors: DocumentActors, sources: list[Actor],
            anchor: Token | None = None) -> list[Actor]:
    first: list[Actor] = []
    unplaced: list[Actor] = []
    for token in candidates:
        if (anchor is not None and not _near(anchor, token)) or role_of(token) == SETTING:
            continue
        found = np_actors(token, actors)
        if all(a in sources for a in found):
            found = _inner_actors(token, actors, sources) or found
        if not found:
            continue
        others = [a for a in found if a not in sources]
        if others and all(_unplaced(a) for a in others):
            # "closed the Simon Bolivar Bridge to cargo from Colombia": a place in no known state
            # is where; a party named further on is whom
            unplaced = unplaced or others
            continue
        if others:
            return others
        first = first or found
    return unplaced or first


def _unplaced(actor: Actor) -> bool:
    """A place in no known state (a named bridge, a shoal, a sea): where, not whom, when a party is named."""
    return actor.kind == "location" and actor.country is None


def _inner_actors(token: Token, actors: DocumentActors, sources: list[Actor], depth: int = 0) -> list[Actor]:
    """Actors inside an object that names none but the source's: ``reneged on his commitment to the
    Zambian people``, ``crimes committed by Croat forces``, ``demands that Burundi's government
    grant ...``, ``tons of aid to refugees fleeing the war in Liberia``."""
    if depth > 2 or token.pos_ not in ("NOUN", "PROPN"):
        return []
    # "met his Ethiopian counterpart": the possessive says whose counterpart, the demonym who
    named = [a for c in token.children if c.dep_ == "amod" and c.tag_ == "JJ" and not _after_hyphen(c)
             if (a := actors.resolve(c)) is not None and a.kind == "state" and a not in sources]
    if named:
        return named
    inner = _prep_objects(token, INNER_PREPS) + _clause_actor_tokens(token)
    for t in inner:
        found = np_actors(t, actors)
        if found and not all(a in sources for a in found):
            return found
    for t in inner:
        found = _inner_actors(t, actors, sources, depth + 1)
        if found:
            return found
    return []


def _after_hyphen(token: Token) -> bool:
    """``anti-Iran``, ``pro-Russian``: a state named after a stance prefix is not the noun's own."""
    return token.i > 0 and token.doc[token.i - 1].text == "-"


def _clause_actor_tokens(noun: Token) -> list[Token]:
    """The agent of a participle on ``noun`` or the subject of a ``that`` clause on it."""
    out: list[Token] = []
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            agent = _agent(clause)
            out += [agent] if agent is not None else []
        elif clause.dep_ == "acl" and clause.tag_ == "VBG":  # "refugees fleeing the war in Liberia"
            out += [c for c in clause.children if c.dep_ == "dobj"] + _prep_objects(clause, ("in", "from"))
        elif clause.dep_ in ("acl", "ccomp") and clause.pos_ in ("VERB", "AUX"):
            out += [c for c in clause.children if c.dep_ == "nsubj"]
    return out


def _headline_co_subjects(verb: Token, subject: Token | None, actors: DocumentActors) -> list[Actor]:
    """``India, China agree to ...``: a headline joins two subjects with a comma, and the parser
    hangs the first on the verb as a modifier; it is a subject too."""
    if subject is None or subject.pos_ != "PROPN" or subject.i < 2 or subject.doc[subject.i - 1].text != ",":
        return []
    first = subject.doc[subject.i - 2]
    if first.head.i != verb.i or first.dep_ not in ("npadvmod", "nmod", "dep", "nsubj") or first.pos_ != "PROPN":
        return []
    return [a for a in (actors.resolve(first),) if a is not None and a.kind in ("state", "organization")]


def verb_roles(match: PatternMatch, actors: DocumentActors) -> Roles:
    verb = match.head
    subject, passive = _subject(verb)
    if passive:
        source_tok = _agent(verb)
        sources = np_actors(source_tok, actors)
        if not sources and match.noun is not None:
            # "the expulsion of four diplomats by Norway was announced": the event noun's own agent
            sources = np_actors(_noun_agent(match.noun), actors)
        target_cands = [t for t in (_passive_target(verb),) if t is not None]
        target_cands += _served_parties(verb)
        if not sources and match.type == "MOBILIZE" and target_cands:
            # "Russian troops were deployed to the border with Ukraine": the forces moved are the
            # mover's own, not whom the move is aimed at
            sources = np_actors(target_cands[0], actors)
            target_cands = target_cands[1:] if sources else target_cands
    else:
        sources = np_actors(subject, actors)
        sources += [a for a in _headline_co_subjects(verb, subject, actors) if a not in sources]
        if subject is not None and sources and is_dateline_place(subject):
            # "DUBAI - Iran and Bahrain exchanged prisoners": the parser coordinated the place
            place = actors.resolve(subject)
            sources = [a for a in sources if a != place]
        if not sources and subject is None and verb.pos_ == "NOUN":
            # a headline parsed as one noun phrase: "India and Pakistan resume water talks"
            sources = modifier_conjunct_actors(verb, actors)
        if not sources and subject is not None and verb.dep_ == "acl" and subject.dep_ == "dobj":
            # "the party issued a declaration demanding ...": the declaration's author demands
            sources = np_actors(_subject(subject.head)[0], actors)
        if verb.dep_ == "conj" and (not sources or _tense_breaks(verb)) \
                and (teller := _teller_of(verb.head)) is not None and _near(verb, teller):
            # "X told Y that ties were good and thanked Z": the conjunct hung on the reported
            # clause, whose subject names no actor (or cannot share its modal: "said the Salcininkai
            # checkpoints would stay shut, and accused Minsk"), continues the teller's sentence
            sources = np_actors(_subject(teller)[0], actors) or sources
        target_cands = [c for c in verb.children if c.dep_ in ("dative",)]
        # an event-noun object ("held talks") names no actor, so it may stay among the candidates;
        # an object the pattern requires ("expelled diplomats") is the target
        target_cands += [c for c in verb.children if c.dep_ == "dobj"]
        if (kept := kept_object(verb)) is not None:
            target_cands.append(kept)  # "kept the crossing with Afghanistan closed"
        if verb.pos_ == "NOUN" and verb.dep_ == "ROOT":
            # a headline parsed as a noun phrase: "Georgia summons Azerbaijani envoy over ..."
            target_cands += [c for c in verb.children if c.dep_ == "appos"]
    if match.type == "PROTEST":  # "blocked streets in Hong Kong in defiance of Chinese authorities"
        target_cands = _opposed(verb) + target_cands
    if match.noun is not None:
        # "hosted talks between Honiara and Canberra in Suva", "lodged a protest with India over
        # ...": the event noun's own partner phrase comes before anything else its phrase holds
        target_cands = _prep_objects(match.noun, ("between",)) + _prep_objects(match.noun, NOUN_TARGET_PREPS) \
            + [t for t in target_cands if t != match.noun] + ([match.noun] if match.noun in target_cands else [])
    if match.type == "ACCUSE":  # "complained to the UN over Israeli raids": the accused, not the addressee
        target_cands += _prep_objects(verb, ("over", "about"))
    preps = TARGET_PREPS
    # "met in Geneva", "a joint operation in Villazon": where, not with whom
    venue_only = match.type in MUTUAL and match.mode != "visit"
    if venue_only:
        preps = tuple(p for p in preps if p not in VENUE_PREPS)
    target_cands += _prep_objects(verb, preps)
    for c in verb.children:
        if c.dep_ == "prt" or is_separated_particle(c):
            target_cands += _prep_objects(c, preps)
    targets = _choose(target_cands, actors, sources, verb)
    placeless = targets if targets and all(_unplaced(a) for a in targets) else []
    if placeless:
        targets = []  # a place in no known state yields to a party named anywhere in the clause
    if not targets and not passive:
        targets = _choose(_relative_object(verb), actors, sources, verb)
    if not targets:
        targets = complement_targets(verb, actors, sources)
    if not targets:
        targets = _nearest_in_clause(match, actors, sources, subject, VENUE_PREPS if venue_only else ())
    if placeless and (not targets or all(_unplaced(a) for a in targets)):
        targets = placeless
    return Roles(sources=tuple(sources), targets=tuple(targets), subject=subject, passive=passive)


def _tense_breaks(verb: Token) -> bool:
    """A past-tense conjunct of a bare verb after a modal (``would stay shut, and accused``)."""
    head = verb.head
    return verb.tag_ == "VBD" and head.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)


def _teller_of(clause: Token) -> Token | None:
    """The verb that reports ``clause``: ``said [that ...]``, or ``said in a statement [that ...]``
    (the model may hang the reported clause on the statement noun)."""
    if clause.dep_ == "ccomp":
        return clause.head
    noun = clause.head
    if clause.dep_ == "acl" and noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "AUX") \
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return noun.head.head
    return None


def _served_parties(verb: Token) -> list[Token]:
    """``Saudi Arabia and Iran restored ties in talks brokered by China``, ``Under a deal brokered by
    Turkey, Russia and Ukraine resumed exports``: a participle on the noun of a phrase hung on a
    clause serves that clause's subject."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or noun.dep_ != "pobj" or _agent(verb) is None:
        return []
    clause = noun.head
    for _ in range(4):  # "agreed to a truce in talks mediated by Egypt": up through the phrases
        if clause.pos_ in ("VERB", "AUX") or clause.dep_ not in ("prep", "pobj", "dobj"):
            break
        clause = clause.head
    subject, passive = _subject(clause)
    if clause.pos_ not in ("VERB", "AUX") or subject is None or passive:
        return []
    # "DUBAI - Iran and Bahrain exchanged prisoners": the parser coordinated the dateline
    return list(subject.conjuncts) if is_dateline_place(subject) else [subject]


def _opposed(verb: Token) -> list[Token]:
    """The object of ``in defiance of X``, ``in protest at X``: whom a protest opposes; the
    mission of ``rallied outside the Chinese embassy``."""
    missions = [noun for noun in _prep_objects(verb, ("outside", "at", "near", "before", "in"))
                if noun.lemma_.lower() in MISSION_NOUNS]
    return missions + [inner for noun in _prep_objects(verb, ("in",)) if role_of(noun) == OPPOSING
                       for inner in _prep_objects(noun, ("of", "at", "against", "to", "over"))]


def _relative_object(verb: Token) -> list[Token]:
    """``the country he visited``: a relative clause with its own subject and no object has the
    noun it modifies as object; ``the first leader he visited was X``: the noun's complement, X."""
    if verb.dep_ != "relcl" or any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in RELATIVE_PRONOUNS:
        return []
    noun = verb.head
    if noun.dep_ in ("nsubj", "attr") and noun.head.lemma_ == "be":  # "X is the country he visited"
        other = "attr" if noun.dep_ == "nsubj" else "nsubj"
        return [c for c in noun.head.children if c.dep_ == other] + [noun]
    return [noun]


def complement_targets(verb: Token, actors: DocumentActors, sources: list[Actor],
                       foreign: bool = False) -> list[Actor]:
    """``threatened to break relations with Russia``: the target named inside the complement;
    ``foreign``: only one not of the sources' own state (``warned that the government would close
    the crossing to Tanzanian freight``: not the government)."""
    own = {actors.coded_as(a).id for a in sources}
    for c in verb.children:
        # a ccomp is a clause even where the tagger took its verb for a noun ("that Bolivia release")
        if c.dep_ in ("xcomp", "ccomp") and (c.pos_ in ("VERB", "AUX") or c.dep_ == "ccomp"):
            cands = [d for d in c.children if d.dep_ in ("dative", "dobj", "nsubj", "nsubjpass")]
            cands += _prep_objects(c, TARGET_PREPS)
            for d in c.children:
                if d.dep_ == "dobj":
                    # a foreign party may hang on the object ("close the crossing to Tanzanian freight")
                    cands += _prep_objects(d, TARGET_PREPS if foreign else NOUN_TARGET_PREPS)
            if foreign:
                cands = [d for d in cands if not all(actors.coded_as(a).id in own for a in np_actors(d, actors)[:1])]
            found = _choose(cands, actors, sources, verb)
            if foreign:
                found = [a for a in found if actors.coded_as(a).id not in own]
            if found:
                return found
    return []


def _nearest_in_clause(match: PatternMatch, actors: DocumentActors, sources: list[Actor],
                       subject: Token | None, skip_preps: tuple[str, ...] = ()) -> list[Actor]:
    """The last resort for a target: the actor nearest the trigger (fewest dependency steps) in
    what the trigger governs: ``staged a hunger strike to protest President Assad's failure``,
    ``demand the return of property seized by Algerian forces``. Subjects, speech clauses and
    conjoined events are not searched: they have actors of their own."""
    frontier = [match.head] + ([match.noun] if match.noun is not None else [])
    seen = {t.i for t in frontier}
    unplaced: list[Actor] = []
    for _ in range(NEAREST_DEPTH):
        found_next: list[Token] = []
        for token in frontier:
            for child in token.children:
                if child.i in seen or child.dep_ in CLOSED_DEPS or child == subject or role_of(child) == SETTING:
                    continue
                if child.dep_ == "prep" and child.lower_ in skip_preps and token == match.head:
                    continue
                if child.dep_ == "prep" and child.lower_ in CIRCUMSTANCE_PREPS:
                    continue
                if child.dep_ == "advcl" and not is_infinitival_advcl(child):
                    continue  # "When X met Y, Z ordered drills": a time clause has its own actors
                if not _near(match.head, child):
                    continue
                seen.add(child.i)
                found_next.append(child)
        for token in sorted(found_next, key=lambda t: t.i):
            if token.pos_ not in ("NOUN", "PROPN"):
                continue
            others = [a for a in np_actors(token, actors) if a not in sources and not _names_where(token, a)]
            if others and all(_unplaced(a) for a in others):
                unplaced = unplaced or others  # a party further in goes first
            elif others:
                return others
        frontier = found_next
    return unplaced


def _names_where(token: Token, actor: Actor) -> bool:
    """A modifier of an event noun that says where it happened (``an Astana meeting``)."""
    head = token.head
    return (token.dep_ in MODIFIER_DEPS and token.dep_ != "poss" and head.pos_ == "NOUN"
            and match_noun(head) is not None and where_not_who(token, actor, head))


def condition_targets(verb: Token, actors: DocumentActors, sources: tuple[Actor, ...]) -> list[Actor]:
    """The target of a threat is whoever must meet its condition: ``threatened to strike unless
    Israel rescinded the law``, ``will stop the talks if the United States deploys missiles``."""
    clauses = [verb] + [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    for clause in clauses:
        for c in clause.children:
            if c.dep_ != "advcl" or not any(m.dep_ == "mark" and role_of(m) == CONDITIONAL for m in c.children):
                continue
            subject = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
            found = [a for a in np_actors(subject, actors) if a not in sources]
            if found:
                return found
    return []


# "drew condemnation from Egypt", "prompting a protest from Taiwan": a response drawn from someone
DRAWING_VERBS = frozenset({"draw", "prompt", "spark", "trigger", "provoke", "earn", "attract", "elicit", "bring"})


def _drawn_response(noun: Token, actors: DocumentActors) -> Roles | None:
    """``The Israeli raid drew condemnation from Egypt``: the one it came from responds to the
    drawing clause's subject (a noun of an act gives its doer)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in DRAWING_VERBS:
        return None
    sources = [a for p in _prep_objects(noun, ("from",)) + _prep_objects(verb, ("from",)) for a in np_actors(p, actors)]
    if not sources:
        return None
    subject, passive = _subject(verb)
    targets = [a for a in np_actors(subject, actors) if a not in sources] if not passive else []
    return Roles(sources=tuple(sources[:3]), targets=tuple(targets[:3]))


def noun_roles(noun: Token, actors: DocumentActors) -> Roles:
    drawn = _drawn_response(noun, actors)
    if drawn is not None:
        return drawn
    sources: list[Actor] = []
    for c in noun.children:
        if c.dep_ == "poss":
            main = _fronted_subject(noun) if c.lower_ in CATAPHORIC else None
            sources = np_actors(main if main is not None else c, actors)
    if not sources:
        sources = np_actors(noun_agent(noun), actors)
    if not sources:
        sources = modifier_conjunct_actors(noun, actors)
    target_preps = NOUN_TARGET_PREPS
    event = match_noun(noun)
    if not sources and event is not None:
        # "cooperation between China and Russia": each is the other's partner; "fighting between
        # Azerbaijanis and Armenians": each fights the other (coded as the first against the second)
        between = _prep_objects(noun, ("between",))
        pair = list(dict.fromkeys(a for p in between for a in np_actors(p, actors)))
        if len(pair) == 1 and len(between) == 1:
            # "between a Pakistani delegation led by Mohammad Sadiq and Afghan Deputy Prime Minister
            # Baradar": the second party was hung on a name inside the first; between takes two
            second = [c for t in between[0].subtree if t.i > between[0].i for c in t.conjuncts if c.i > t.i]
            pair = list(dict.fromkeys(pair + [a for c in second[:1] for a in np_actors(c, actors)]))
        if len(pair) >= 2:
            if event.type in MUTUAL:
                return Roles(sources=tuple(pair), targets=())
            return Roles(sources=(pair[0],), targets=(pair[1],))
    held = _spell_of(noun) if event is not None and event.type in MUTUAL else None
    if not sources and held is not None and held.dep_ == "pobj" and held.head.lower_ in _TALKS_PREPS:
        # "negotiators return to Geneva for talks", "agreed ... after two days of talks": whoever
        # comes for the talks holds them
        subject = _clause_subject(held)
        if subject is None and held.head.head.pos_ in ("VERB", "AUX"):
            subject = _subject(held.head.head)[0]  # "agreed to reopen the border after talks"
        sources = np_actors(subject, actors)
    if not sources and event is not None and event.mode == "visit":
        # "the visit of the Chinese president", "returned from a trip to Europe": the visitor
        visitor = next((p for p in _prep_objects(noun, ("of",))), None)
        visitor = visitor if visitor is not None else _clause_subject(noun)
        sources = np_actors(visitor, actors)
        target_preps = tuple(p for p in NOUN_TARGET_PREPS if p != "of")
    targets = _choose(_prep_objects(noun, target_preps), actors, sources)
    return Roles(sources=tuple(sources), targets=tuple(targets))


_TALKS_PREPS = frozenset({"for", "during", "at", "after", "following"})
_SPELLS = frozenset({"day", "week", "month", "hour", "round", "year"})


def _spell_of(noun: Token) -> Token:
    """``days`` in "after two days of talks": the phrase a span of time makes of the event noun."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in _SPELLS:
        return noun.head.head
    return noun


def _clause_subject(noun: Token) -> Token | None:
    """The subject of the verb whose prepositional phrase holds ``noun`` (``returned from a trip``)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in prep.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _fronted_subject(noun: Token) -> Token | None:
    """``During his visit to Russia, Chinese President X held talks``: a possessive pronoun in a
    phrase put before the main clause points forward, at that clause's subject."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ == "PRON" or not prep.i < subject.i < verb.i:
        return None
    return subject


def preceding_subject_actors(pronoun: Token, actors: DocumentActors) -> list[Actor]:
    """``it``/``they`` that the resolver left open: the nearest subject before it in the sentence
    that names a state, organisation or group (``while Beijing does not provide weapons, it still
    assists ...`` -> Beijing)."""
    for token in reversed(pronoun.doc[sentence_of(pronoun).start:pronoun.i]):
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ != "PRON":
            found = [a for a in np_actors(token, actors) if a.kind in ("state", "organization", "group")]
            if found:
                return found
    return []


def subject_actors(verb: Token, actors: DocumentActors) -> list[Actor]:
    subject, _ = _subject(verb)
    return np_actors(subject, actors)


def place_of(head: Token) -> Token | None:
    """The place a clause says the event happened (``in Beijing``): a GPE/LOC/FAC ``in``/``at``
    object, also through a place noun (``near the town of Samarra``, ``outside of Basra``)."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
            objects = [p for p in c.children if p.dep_ == "pobj"]
            objects += [p for o in c.children if o.dep_ == "prep" and o.lower_ == "of"
                        for p in o.children if p.dep_ == "pobj"]  # "outside of Basra"
            for p in objects:
                if p.ent_type_ in PLACE_LABELS:
                    return p
                if p.lemma_.lower() in PLACE_NOUNS:
                    # "the town of X" names a place whatever label NER gave X
                    of = [q for o in p.children if o.dep_ == "prep" and o.lower_ == "of"
                          for q in o.children if q.dep_ == "pobj" and (q.ent_type_ or q.pos_ == "PROPN")]
                    if of:
                        return of[0]
    return None
