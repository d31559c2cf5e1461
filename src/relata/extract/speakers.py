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
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "we", "they", "it"})


def subject_of(cue: Token) -> Token | None:
    """The token naming who speaks through ``cue``: its subject, the agent of a passive, the
    object of ``according to``, or the subject borrowed from the verb a participle hangs on."""
    if cue.lower_ in ("according", "quoted", "cited", "reported", "words") or cue.dep_ == "prep":
        for prep in cue.children:
            for obj in prep.children if prep.dep_ == "prep" else (prep,):
                if obj.dep_ == "pobj":
                    return obj
    if cue.tag_ == "VBG" and cue.i > 0 and cue.doc[cue.i - 1].pos_ == "PROPN":
        return cue.doc[cue.i - 1]  # "footage of Clinton asking, ..."
    if cue.pos_ == "NOUN" and cue.lemma_.lower() in lexicon().cue_nouns and not any(
            c.dep_ in _SUBJECTS for c in cue.children):
        return _noun_source(cue)
    token = cue
    for _ in range(5):
        for child in token.children:
            if child.dep_ in _SUBJECTS:
                return child
        for child in token.children:
            if child.dep_ == "agent":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
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
    return None


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
    return token is not None and (token.pos_ == "PRON" or token.lower_ in PERSONAL_PRONOUNS)


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
