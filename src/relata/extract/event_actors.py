"""Who did it to whom: the source and target actors of an event trigger.

- Source: the subject (``Russia attacked``), the ``by`` agent of a passive (``X was attacked by Y``),
  the subject inherited by a conjoined verb or an ``xcomp`` chain (``agreed to withdraw``), the noun a
  relative clause modifies (``rebels who attacked``); for a nominal event the possessor
  (``Putin's visit``), a ``by`` phrase, or an actor modifier (``Israeli raids``).
- Target: the object (``visited China``), the dative, or the object of a target preposition
  (``talks with X``, ``sanctions on/against X``, ``visit to X``, ``withdraw from X``); the passive
  subject (``X was attacked``).
- A noun phrase refers to the actor it names (``Putin``, ``it`` by the resolver's coreference), else
  to the actor of its modifiers (``Hungarian officials`` -> Hungary, ``Chile's president`` -> Chile,
  ``the president of France`` -> France). Coordinated phrases (``Hungarian and Romanian officials``)
  give every actor; the caller emits one event per source/target pair.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from relata.extract.event_modality import CONDITIONAL, is_infinitival_advcl, role_of
from relata.extract.event_patterns import PatternMatch
from relata.nlp import doc_text
from relata.records import Actor
from relata.resolve.actors import DocumentActors

TARGET_PREPS = ("with", "to", "on", "upon", "against", "at", "into", "toward", "towards", "from", "between", "in")
NOUN_TARGET_PREPS = ("on", "against", "to", "with", "into", "at", "upon", "toward", "towards", "for", "of",
                     "between")
# An object that names no actor may still point at one: "calls by Belarus", "crimes by Croat forces".
INNER_PREPS = ("by", "of", "from", "with", "against", "to", "on", "for")
MODIFIER_DEPS = ("poss", "compound", "amod", "nmod", "npadvmod")
PHRASE_PREPS = ("of", "from", "in")  # "the president of France", "officials from Hungary"
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
ETHNIC_WORDS = frozenset({"ethnic"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_PREPS = ("in", "at", "near", "outside", "inside", "throughout", "across")
# Nouns that introduce a place's name: "the town of Samarra", "the province of Sindh".
PLACE_NOUNS = frozenset({"town", "city", "village", "province", "region", "district", "capital",
                         "enclave", "port", "area", "state", "territory"})
SUBJECT_DEPS = ("nsubj", "csubj")
# Branches the nearest-actor search does not enter: other clauses' subjects and events, speech.
CLOSED_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "conj", "cc", "parataxis", "punct", "mark", "aux",
                         "auxpass", "neg", "ccomp", "relcl", "advmod", "npadvmod", "appos"})
NEAREST_DEPTH = 4


@dataclass(frozen=True)
class Roles:
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]
    subject: Token | None = None
    passive: bool = False


def phrase_actors(token: Token | None, actors: DocumentActors, depth: int = 0) -> list[Actor]:
    """The actors a noun phrase headed by ``token`` refers to (several when coordinated)."""
    if token is None or depth > 3:
        return []
    found = _head_actor(token, actors, depth)
    out = [found] if found else []
    for conj in token.conjuncts:
        if conj.i > token.i:
            a = _head_actor(conj, actors, depth)
            if a is not None and a not in out:
                out.append(a)
    return out


def _head_actor(token: Token, actors: DocumentActors, depth: int) -> Actor | None:
    direct = actors.resolve(token)
    if direct is not None and not _ethnic_people(token, direct):
        return direct
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return _head_actor(token.head.head, actors, depth + 1)
    children = list(token.children)
    for dep in MODIFIER_DEPS:
        for child in children:
            if child.dep_ == dep and child.i < token.i:
                found = actors.resolve(child) or _modifier_actor(child, actors)
                if found is not None:
                    return found
    for child in children:
        if child.dep_ == "appos":
            found = _head_actor(child, actors, depth + 1)
            if found is not None:
                return found
    for child in children:
        if child.dep_ == "prep" and child.lower_ in PHRASE_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found = _head_actor(pobj, actors, depth + 1)
                    if found is not None:
                        return found
    return None


def _ethnic_people(token: Token, actor: Actor) -> bool:
    """``ethnic Albanians``: a people, not the state its name also names; such a group is coded
    by where the phrase puts it (``ethnic Albanians in south Serbia``), else by nothing."""
    return actor.kind == "state" and any(c.dep_ == "amod" and c.lower_ in ETHNIC_WORDS for c in token.children)


def _modifier_actor(token: Token, actors: DocumentActors) -> Actor | None:
    """``Hungarian and Romanian``: the first conjunct is the modifier, others follow via conjuncts."""
    for child in token.children:
        if child.dep_ in ("compound", "poss", "npadvmod") and child.i < token.i:  # "Vietnamese-led"
            found = actors.resolve(child)
            if found is not None:
                return found
    return None


def modifier_conjunct_actors(token: Token, actors: DocumentActors) -> list[Actor]:
    """Actors of coordinated modifiers: ``Hungarian and Romanian officials`` -> both."""
    out: list[Actor] = []
    for child in token.children:
        if child.dep_ in MODIFIER_DEPS and child.i < token.i:
            for t in (child, *child.conjuncts):
                a = actors.resolve(t)
                if a is not None and a not in out:
                    out.append(a)
            if out:
                return out
    return out


def np_actors(token: Token | None, actors: DocumentActors) -> list[Actor]:
    if token is None:
        return []
    out = phrase_actors(token, actors)
    if len(out) <= 1 and actors.resolve(token) is None:
        more = modifier_conjunct_actors(token, actors)
        if len(more) > len(out):
            return more
    return out


def _subject(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The subject of a verb and whether the clause is passive."""
    if depth > 5:
        return None, False
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    # A headline parsed into the next sentence gives the verb a second subject above a blank line.
    for c in sorted(verb.children, key=lambda c: not _near(verb, c)):
        if c.dep_ in SUBJECT_DEPS:
            own = _paragraph_subject(verb) if not _near(verb, c) else None
            if own is not None:
                return own, passive
            if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head, passive
            return c, passive
    if passive:
        return None, True
    if verb.dep_ == "relcl":
        return None, False
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return None, True
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in verb.children):
        return None, True  # "Once sanctioned by the United States, ...": a participle is passive
    if verb.dep_ in ("conj", "xcomp", "advcl", "acomp") or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        if not _near(verb, verb.head):
            return _paragraph_subject(verb), False
        if verb.dep_ == "acl":
            return verb.head, False
        return _subject(verb.head, depth + 1)[0], False
    return None, False


def _paragraph_subject(verb: Token) -> Token | None:
    """A verb the parser hung on a headline above a blank line (``Putin to visit Xi\n\nChina's top
    leader, Xi Jinping, met ...``) inherits nothing from it: its subject is the noun phrase that
    opens its own paragraph before it, if one does."""
    start = doc_text(verb.doc).rfind("\n\n", 0, verb.idx)
    before = [t for t in verb.doc[verb.sent.start:verb.i] if t.idx > start and not t.is_space]
    inside = {t.i for t in before}
    roots = [t for t in before if t.head.i not in inside and t.pos_ in ("NOUN", "PROPN", "PRON")]
    return roots[0] if roots else None


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


def _prep_objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    out = []
    for c in head.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            out.extend(p for p in c.children if p.dep_ == "pobj")
        elif c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(c)
    return out


def _near(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.idx, b.idx))
    return "\n\n" not in doc_text(a.doc)[lo:hi]


def _choose(candidates: list[Token], actors: DocumentActors, sources: list[Actor],
            anchor: Token | None = None) -> list[Actor]:
    first: list[Actor] = []
    for token in candidates:
        if anchor is not None and not _near(anchor, token):
            continue
        found = np_actors(token, actors)
        if not found and token.pos_ in ("NOUN", "PROPN"):
            for inner in _prep_objects(token, INNER_PREPS):
                found = np_actors(inner, actors)
                if found:
                    break
        if not found:
            continue
        others = [a for a in found if a not in sources]
        if others:
            return others
        first = first or found
    return first


def verb_roles(match: PatternMatch, actors: DocumentActors) -> Roles:
    verb = match.head
    subject, passive = _subject(verb)
    if passive:
        source_tok = _agent(verb)
        sources = np_actors(source_tok, actors)
        target_cands = [t for t in (_passive_target(verb),) if t is not None]
    else:
        sources = np_actors(subject, actors)
        if not sources and subject is not None and verb.dep_ == "acl" and subject.dep_ == "dobj":
            # "the party issued a declaration demanding ...": the declaration's author demands
            sources = np_actors(_subject(subject.head)[0], actors)
        target_cands = [c for c in verb.children if c.dep_ in ("dative",)]
        target_cands += [c for c in verb.children if c.dep_ == "dobj" and c is not match.noun]
    if match.noun is not None:
        target_cands += _prep_objects(match.noun, NOUN_TARGET_PREPS)
    target_cands += _prep_objects(verb, TARGET_PREPS)
    for c in verb.children:
        if c.dep_ == "prt":
            target_cands += _prep_objects(c, TARGET_PREPS)
    targets = _choose(target_cands, actors, sources, verb)
    if not targets:
        targets = _complement_targets(verb, actors, sources)
    if not targets:
        targets = _nearest_in_clause(match, actors, sources, subject)
    return Roles(sources=tuple(sources), targets=tuple(targets), subject=subject, passive=passive)


def _complement_targets(verb: Token, actors: DocumentActors, sources: list[Actor]) -> list[Actor]:
    """``threatened to break relations with Russia``: the target named inside the complement."""
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            cands = [d for d in c.children if d.dep_ in ("dative", "dobj", "nsubj", "nsubjpass")]
            cands += _prep_objects(c, TARGET_PREPS)
            for d in c.children:
                if d.dep_ == "dobj":
                    cands += _prep_objects(d, NOUN_TARGET_PREPS)
            found = _choose(cands, actors, sources, verb)
            if found:
                return found
    return []


def _nearest_in_clause(match: PatternMatch, actors: DocumentActors, sources: list[Actor],
                       subject: Token | None) -> list[Actor]:
    """The last resort for a target: the actor nearest the trigger (fewest dependency steps) in
    what the trigger governs: ``staged a hunger strike to protest President Assad's failure``,
    ``demand the return of property seized by Algerian forces``. Subjects, speech clauses and
    conjoined events are not searched: they have actors of their own."""
    frontier = [match.head] + ([match.noun] if match.noun is not None else [])
    seen = {t.i for t in frontier}
    for _ in range(NEAREST_DEPTH):
        found_next: list[Token] = []
        for token in frontier:
            for child in token.children:
                if child.i in seen or child.dep_ in CLOSED_DEPS or child is subject:
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
            others = [a for a in np_actors(token, actors) if a not in sources]
            if others:
                return others
        frontier = found_next
    return []


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


def noun_roles(noun: Token, actors: DocumentActors) -> Roles:
    sources: list[Actor] = []
    for c in noun.children:
        if c.dep_ == "poss":
            sources = np_actors(c, actors)
    if not sources:
        agent = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
                      for p in c.children if p.dep_ == "pobj"), None)
        sources = np_actors(agent, actors)
    if not sources:
        sources = modifier_conjunct_actors(noun, actors)
    targets = _choose(_prep_objects(noun, NOUN_TARGET_PREPS), actors, sources)
    return Roles(sources=tuple(sources), targets=tuple(targets))


def preceding_subject_actors(pronoun: Token, actors: DocumentActors) -> list[Actor]:
    """``it``/``they`` that the resolver left open: the nearest subject before it in the sentence
    that names a state, organisation or group (``while Beijing does not provide weapons, it still
    assists ...`` -> Beijing)."""
    for token in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
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
                    of = [q for o in p.children if o.dep_ == "prep" and o.lower_ == "of"
                          for q in o.children if q.dep_ == "pobj" and q.ent_type_ in PLACE_LABELS]
                    if of:
                        return of[0]
    return None
