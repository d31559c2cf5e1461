"""Pronoun coreference: ``he``, ``she``, ``they`` -> the actor they stand for.

Deliberately cautious, because quote speakers and event sources are taken from it and a wrong
actor is worse than none. The antecedent is looked for in the pronoun's sentence (before it),
then up to three sentences back (names inside quotations do not count); in the first sentence that offers compatible candidates, one
distinct actor wins outright, otherwise the unique one that is the clause subject, otherwise
nothing. ``they`` takes a state, organisation or group, and only when it is the nearest subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from relata.resolve.gender import compatible, noun_gender, pronoun
from relata.resolve.index import SUBJECT_DEPS, DocumentIndex

SENTENCES_BACK = 3
_COLLECTIVE_KINDS = {"state", "organization", "group"}


def antecedent(index: DocumentIndex, token: Token) -> str | None:
    """The actor id ``token`` (a third-person pronoun) refers to, or ``None``."""
    word = pronoun(token.text)
    if word is None:
        return None
    if word.plural:
        return _collective_antecedent(index, token)
    if word.gender and _gendered_noun_before(index, token, word.gender):
        return None
    quoted = index.in_quotation(token.idx)
    for sent_start, sent_end in _sentence_starts(token):
        found = []
        for position in index.positions_within(sent_start, min(sent_end, token.i)):
            actor = index.actors.get(index.mentions[position].actor or "")
            if actor is None or actor.kind != "person":
                continue
            if not quoted and index.in_quotation(index.mentions[position].start):
                continue  # a name someone else says is seldom who "he said" is
            if compatible(index.genders.get(actor.id), word.gender):
                found.append((position, actor.id))
        if not found:
            continue
        distinct = {actor_id for _, actor_id in found}
        subjects = {actor_id for position, actor_id in found if index.is_subject(position)}
        if not subjects and sent_start == token.sent.start and token.dep_ in SUBJECT_DEPS:
            possessors = {a for p, a in found if index.spans[p].root.dep_ == "poss"}
            # "Campaigning against Romney, he ...": an object in another clause is not the subject
            if possessors != distinct:
                return None
        if len(distinct) == 1 and (subjects or not _rival_subject(index, token, word.gender, distinct)):
            return found[0][1]
        return subjects.pop() if len(subjects) == 1 else None
    return None


def _gendered_noun_before(index: DocumentIndex, token: Token, gender: str) -> bool:
    """``His mother ... and she``: a person noun of the pronoun's gender earlier in the sentence,
    other than a title on a name (``spokeswoman Mao Ning``, ``Mao Ning, the spokeswoman,``)."""
    for t in token.doc[token.sent.start : token.i]:
        if t.pos_ != "NOUN" or noun_gender(t.lemma_) != gender:
            continue
        if index.mention_at(t.head.i) is None and not any(
            index.mention_at(c.i) is not None for c in t.children if c.dep_ == "appos"
        ):
            return True
    return False


def _rival_subject(index: DocumentIndex, token: Token, gender: str | None, chosen: set[str]) -> bool:
    """Whether the previous sentence's subject is another compatible person: in "Putin won. He
    needs Xi's help for his face", ``his`` is Putin, not the non-subject Xi before it."""
    sent = token.sent
    if sent.start == 0:
        return False
    previous = index.doc[sent.start - 1].sent
    for position in index.positions_within(previous.start, previous.end):
        if not index.is_subject(position):
            continue
        actor = index.actors.get(index.mentions[position].actor or "")
        if (
            actor
            and actor.kind == "person"
            and actor.id not in chosen
            and compatible(index.genders.get(actor.id), gender)
        ):
            return True
    return False


def _sentence_starts(token: Token) -> list[tuple[int, int]]:
    """Token bounds of the pronoun's sentence (cut at the pronoun) and the ones before it."""
    doc = token.doc
    sent = token.sent
    out = [(sent.start, token.i)]
    start = sent.start
    for _ in range(SENTENCES_BACK):
        if start == 0:
            break
        previous = doc[start - 1].sent
        out.append((previous.start, previous.end))
        start = previous.start
    return out


def _collective_antecedent(index: DocumentIndex, token: Token) -> str | None:
    """``they`` -> the state/organisation/group that is the nearest preceding subject."""
    for sent_start, sent_end in _sentence_starts(token):
        subjects = [
            t
            for t in token.doc[sent_start : min(sent_end, token.i)]
            if t.dep_ in SUBJECT_DEPS and t.i != token.i
        ]
        if not subjects:
            continue
        subject = subjects[-1]
        if any(c.dep_ == "conj" for c in subject.children) or subject.dep_ == "conj":
            return None  # "Russia and China ... they": a pair, not one actor
        actor = index.actor_of(subject)
        if actor is None or actor.kind not in _COLLECTIVE_KINDS:
            return None
        return actor.id
    return None
