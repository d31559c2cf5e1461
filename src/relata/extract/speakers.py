"""Who said it: the source of a cue (its grammatical subject, or the object of ``according to``)
resolved to an actor, and transcript labels matched against the document's actors."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from relata.extract.quote_lexicon import lexicon
from relata.records import Actor
from relata.resolve.actors import DocumentActors

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Dependents of a cue that take their subject from the verb they hang on ("..., adding that").
_BORROWED_SUBJECT = ("advcl", "xcomp", "conj", "pcomp", "dep")
# Prepositions whose gerund shares the subject of the phrase they hang on ("right in saying",
# "responded by saying"); not "for" ("attacked Clinton for saying": the object said it).
_SAME_SUBJECT_PREPOSITIONS = frozenset({"in", "by", "while", "when", "after", "before", "without"})
# Cue words whose source is the object of a preposition, and those prepositions.
_SOURCE_PREPOSITION_CUES = frozenset({"according", "quoted", "cited", "reported", "words"})
_SOURCE_PREPOSITIONS = frozenset({"to", "by", "of", "in"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "we", "they", "it"})


def subject_of(cue: Token) -> Token | None:
    """The token naming who speaks through ``cue``: its subject, the agent of a passive (never
    the passive's subject: ``was asked`` names who was asked), the object of ``according to``
    (or who made the document it names), or the subject borrowed from the verb a participle
    hangs on."""
    if cue.lower_ in _SOURCE_PREPOSITION_CUES or cue.dep_ == "prep":
        for prep in cue.children:
            # "according to X", "as reported by X", "in the words of X"; not "reported on Monday"
            if prep.dep_ == "prep" and prep.lower_ not in _SOURCE_PREPOSITIONS:
                continue
            for obj in prep.children if prep.dep_ == "prep" else (prep,):
                if obj.dep_ == "pobj":
                    return _document_source(obj)
    if _passive(cue):
        # "Quiros was accused of ...", "Asked about it, ...": the subject is the one spoken to or
        # about; the speaker is the agent ("was criticized by X"), if named at all
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        return next((o for o in agent.children if o.dep_ == "pobj"), None) if agent is not None else None
    opening = _opening_participle_subject(cue)
    if opening is not None:
        return opening
    if cue.tag_ == "VBG" and cue.i > 0 and cue.doc[cue.i - 1].pos_ == "PROPN":
        return cue.doc[cue.i - 1]  # "footage of Clinton asking, ..."
    if cue.pos_ == "NOUN" and cue.lemma_.lower() in lexicon().cue_nouns and not any(
            c.dep_ in _SUBJECTS for c in cue.children):
        return _noun_source(cue)
    token = cue
    for _ in range(5):
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        if subjects:
            # two subjects come from a misparse ("12:15 p.m. \n Donald Trump says"): the nearest
            return min(subjects, key=lambda c: abs(c.i - token.i))
        for child in token.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        if token.dep_ == "acl" and token.head.pos_ == "NOUN" and token.head.lemma_.lower() in lexicon().cue_nouns:
            # "made a remark supporting X": whoever made the remark
            source = _noun_source(token.head)
            if source is not None:
                return source
            if token.head.dep_ == "dobj":
                token = token.head.head
                continue
            return None
        if token.dep_ == "acl" and token.head.pos_ in ("PROPN", "NOUN", "PRON"):
            return token.head  # "footage of Clinton asking, ..."
        if token.dep_ in _BORROWED_SUBJECT and token.head is not token:
            token = token.head
        elif token.dep_ == "prep" and token.lower_ == "for" and token.i > cue.i - 3:
            # "attacked Clinton for saying ...": the one blamed or praised said it
            return next((c for c in token.head.children if c.dep_ == "dobj"), None)
        elif token.dep_ == "prep" and token.lower_ in _SAME_SUBJECT_PREPOSITIONS and token.head is not token:
            token = token.head  # "Flynn says Trump was right in saying ...": via the preposition
        else:
            break
    return _name_before(cue) if cue.tag_ in ("VBD", "VBZ", "VBP") and token.i == cue.i else None


def _name_before(verb: Token) -> Token | None:
    """A finite cue verb the parse left without a subject (``In Washington, Marc Morial, the
    league's chief, told ...`` read as a list of places): the name right before it, when only
    its own apposition, commas and adverbs stand between."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and (doc[i].is_punct or doc[i].dep_ == "advmod" and doc[i].head.i == verb.i):
        i -= 1
    if i < 0:
        return None
    # climb from the last word before the verb to the name whose apposition it ends
    token = doc[i]
    while token.dep_ != "appos" and token.head.i != token.i and token.i - 12 <= token.head.i < verb.i:
        token = token.head
    if token.dep_ == "appos":
        name = token.head
    elif doc[i].ent_type_ == "PERSON":
        name = doc[i]
    else:
        return None
    if name.pos_ != "PROPN" or name.dep_ in ("compound", "flat"):
        return None
    between = doc[name.i + 1 : verb.i]
    inside = {t.i for t in name.subtree}
    if all(t.i in inside or t.is_punct or t.dep_ == "advmod" and t.head.i == verb.i for t in between):
        return name
    return None


def _document_source(obj: Token) -> Token:
    """``according to a speech Mrs. Clinton delivered``, ``according to a Kremlin statement``:
    whoever made the statement, where the phrase names them."""
    if obj.pos_ != "NOUN":
        return obj
    for child in obj.children:
        if child.dep_ == "poss" or child.dep_ == "compound" and child.pos_ == "PROPN":
            return child
        if child.dep_ == "relcl":
            subject = next((c for c in child.children if c.dep_ in _SUBJECTS), None)
            if subject is not None and subject.pos_ in ("PROPN", "PRON"):
                return subject
    return obj


def _opening_participle_subject(cue: Token) -> Token | None:
    """``Bemoaning the "phony system," Trump accused ...``: a participle opening its sentence
    shares the subject of the clause after it, whatever verb the parse hangs it on."""
    doc = cue.doc
    before = doc[cue.i - 1] if cue.i > 0 else None
    starts = before is None or before.is_space or "\n" in before.whitespace_ or before.text in {".", "\n"}
    if cue.tag_ != "VBG" or not starts:
        return None
    for t in doc[cue.right_edge.i + 1 : min(len(doc), cue.right_edge.i + 12)]:
        if t.dep_ in _SUBJECTS and t.pos_ in ("PROPN", "NOUN", "PRON"):
            return t
        if t.is_space or "\n" in t.text:
            break
    return None


def _passive(verb: Token) -> bool:
    """A passive cue verb (``was asked``), or a past participle standing for one (``Asked about
    it, she ...``, ``leaders expected to visit``); not ``has said``."""
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ != "VBN":
        return False
    children = {c.dep_ for c in verb.children}
    if "nsubjpass" in children or "auxpass" in children:
        return True
    return verb.dep_ in ("advcl", "acl", "amod") and not children & {"nsubj", "aux"}


def _noun_source(noun: Token) -> Token | None:
    """``Trump's claim``: the possessor; ``the ministry issued a statement``: the subject of a
    light verb. ``rejected the claim`` names no source (whoever rejects it did not make it)."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon().light_verbs:
        for child in noun.head.children:
            if child.dep_ in _SUBJECTS:
                return child
    return None


def _core(token: Token) -> Span:
    """The noun phrase headed by ``token`` without its post-modifiers (appositions, clauses)."""
    doc = token.doc
    start = token.i
    for left in reversed(list(token.lefts)):
        if left.dep_ in ("punct", "cc", "prep") or left.is_punct:
            break
        start = left.left_edge.i
    return doc[start:token.i + 1]


def resolve_speaker(token: Token | None, actors: DocumentActors) -> Actor | None:
    """The actor ``token``'s noun phrase refers to, trying the phrase, then its appositions,
    then (for a name the entity recogniser missed) the document's actors by name; ``None`` when
    nothing resolves."""
    if token is None:
        return None
    core = _core(token)
    actor = actors.resolve(core)
    if actor is None and token.pos_ == "NOUN":
        # "a spokesperson for the State Department": the title's complement says whose
        actor = actors.resolve(token)
    if actor is not None:
        return actor
    if token.pos_ == "PROPN":
        # a name the entity recogniser missed ("Revesz said"): match it against known actors
        actor = match_label(" ".join(t.text for t in core if t.pos_ == "PROPN"), actors)
        if actor is not None:
            return actor
    for child in token.children:
        if child.dep_ == "appos":
            actor = actors.resolve(_core(child))
            if actor is not None:
                return actor
    return None


def is_pronoun(token: Token | None) -> bool:
    """A personal pronoun standing for someone named before (``he said``), whom a run of quotes
    may name; not ``some``, ``all``, ``those``, ``one``, who are other, unnamed people."""
    return token is not None and token.lower_ in PERSONAL_PRONOUNS


def _name_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w’'-]+", text.lower())]


def match_label(label: str, actors: DocumentActors) -> Actor | None:
    """The actor a transcript label names ("Wang Yi", "MR MILLER", "Simone"): a full or partial
    match of the label's words (honorifics dropped) against each actor's name and aliases."""
    honorifics = lexicon().honorifics
    words = [w for w in _name_words(label) if w not in honorifics and w.rstrip(".") not in honorifics]
    if not words:
        return None
    best, best_score = None, 0
    for actor in actors.actors:
        for name in (actor.name, *actor.aliases):
            name_words = _name_words(name)
            if not name_words:
                continue
            if words == name_words:
                score = 3
            elif all(w in name_words for w in words):
                score = 2 if words[-1] == name_words[-1] else 1
            else:
                continue
            if score > best_score or (score == best_score and actor.kind == "person" and best.kind != "person"):
                best, best_score = actor, score
    return best
