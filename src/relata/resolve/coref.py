"""Pronoun coreference: ``he``, ``she``, ``they`` (and ``it`` as a speaker) -> the actor they
stand for.

Deliberately cautious, because quote speakers and event sources are taken from it and a wrong
actor is worse than none. The antecedent is looked for in the pronoun's sentence (before it),
then up to three sentences back (names inside quotations do not count). Candidates are the
people named there and the earlier pronouns of the same gender that are clause subjects (a
chain: ``She said ... She added ...`` are one person, whoever the first ``she`` is). In the
first sentence that offers compatible candidates, one distinct actor wins outright, otherwise
the unique one that is a clause subject, otherwise the subject of the highest clause, otherwise
nothing. ``they`` takes a state, organisation or group, and only when it is the nearest subject;
``it`` does the same, and only as the subject of a cue verb (``It said``), as ``it`` is mostly
about things. Before all that, a quotation's ``he said`` goes to a person the sentence before
the quotation ends by introducing (first mention, title in apposition, same gender).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from relata.mentions.gender import compatible, noun_gender, pronoun
from relata.mentions.quote_lexicon import lexicon
from relata.nlp import sentence_of
from relata.resolve.index import SUBJECT_DEPS, DocumentIndex

SENTENCES_BACK = 3
_COLLECTIVE_KINDS = {"state", "organization", "group"}
_UNRESOLVED = ""  # a chained pronoun whose own antecedent is unknown


@dataclass(frozen=True, slots=True)
class _Candidate:
    actor: str  # _UNRESOLVED for a chained pronoun that did not resolve
    subject: bool
    depth: int  # clause depth of the word carrying its role: 0 = the main clause
    possessor: bool = False
    governs: bool = False  # its clause has the pronoun's clause inside it


def antecedent(index: DocumentIndex, token: Token) -> str | None:
    """The actor id ``token`` (a third-person pronoun) refers to, or ``None``."""
    if token.i in index.antecedents:
        return index.antecedents[token.i]
    found = _antecedent(index, token)
    index.antecedents[token.i] = found
    return found


def _antecedent(index: DocumentIndex, token: Token) -> str | None:
    if token.lower_ == "it":
        return _speaking_it(index, token)
    word = pronoun(token.text)
    if word is None:
        return None
    if word.plural:
        return _collective_antecedent(index, token)
    if word.gender and _gendered_noun_before(index, token, word.gender):
        return None
    introduced = _introduced_speaker(index, token, word.gender)
    if introduced is not None:
        return introduced
    sent = sentence_of(token)
    for sent_start, sent_end in _sentence_starts(token):
        found = _candidates(index, token, word.gender, sent_start, min(sent_end, token.i))
        if found and sent_start == sent.start and _continues(token) and not any(c.subject for c in found):
            continue  # "For Putin, he added, ...": the one who goes on speaking was named before
        if not found:
            continue
        distinct = {c.actor for c in found}
        subjects = {c.actor for c in found if c.subject}
        if subjects == {_UNRESOLVED}:
            return None  # the chain goes back to someone we could not name
        distinct.discard(_UNRESOLVED)
        subjects.discard(_UNRESOLVED)
        if not subjects and sent_start == sent.start and token.dep_ in SUBJECT_DEPS:
            allowed = {c.actor for c in found if c.possessor or c.governs}
            # "Campaigning against Romney, he ...": an object in another clause is not the subject;
            # "described Obama as a novice when he ran": the clause he is in hangs on Obama's
            if allowed != distinct:
                return None
        if len(distinct) == 1 and (subjects or not _rival_subject(index, token, word.gender, distinct)):
            return next(iter(distinct))
        if len(subjects) == 1:
            return next(iter(subjects))
        return _main_clause_subject([c for c in found if c.subject and c.actor])
    return None


CONTINUING_CUES = frozenset({"add", "continue"})


def _continues(token: Token) -> bool:
    """A pronoun subject of ``added``/``continued``: someone already speaking goes on."""
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in CONTINUING_CUES


def _speaking(root: Token) -> bool:
    """Whether a name is the subject of a cue verb (``McCaskill scolded him: "...," she said``)."""
    return root.dep_ == "nsubj" and lexicon().cue_class(root.head.lemma_) is not None


def _reported_before(token: Token) -> tuple[int, int]:
    """The token range of the clause a pronoun's speech verb reports before it (``CLAUSE, he
    said``), or an empty range."""
    verb = token.head
    if token.dep_ != "nsubj" or verb.i < token.i or lexicon().cue_class(verb.lemma_) is None:
        return (0, 0)
    for child in verb.children:
        if child.dep_ in ("ccomp", "parataxis") and child.i < token.i:
            return (child.left_edge.i, child.right_edge.i + 1)
    return (0, 0)


def _candidates(index: DocumentIndex, token: Token, gender: str | None, start: int, end: int) -> list[_Candidate]:
    """Compatible people named in tokens ``[start, end)``, and same-gender subject pronouns."""
    quoted = index.in_quotation(token.idx)
    reported = _reported_before(token)
    found = []
    for position in index.positions_within(start, end):
        actor = index.actors.get(index.mentions[position].actor or "")
        if actor is None or actor.kind != "person":
            continue
        if not quoted and index.in_quotation(index.mentions[position].start):
            continue  # a name someone else says is seldom who "he said" is
        root = index.spans[position].root
        if reported[0] <= index.spans[position].start < reported[1] and not _speaking(root):
            continue  # nor is one named in what he reports ("Replacing Clinton would be hard, he said")
        if root.dep_ == "compound" and root.head.pos_ == "NOUN":
            continue  # "the Clinton campaign", "Trump supporters": a name used as a modifier
        if compatible(index.genders.get(actor.id), gender):
            found.append(_Candidate(actor.id, index.is_subject(position), _depth(root), root.dep_ == "poss",
                                    _governs(root, token)))
    if gender is None:
        return found
    for t in token.doc[start:end]:
        word = pronoun(t.text)
        if word is None or word.plural or word.gender != gender or t.dep_ not in SUBJECT_DEPS:
            continue
        if index.in_quotation(t.idx) != quoted:
            continue  # "I" and "he" inside a quotation are other people's words
        found.append(_Candidate(antecedent(index, t) or _UNRESOLVED, True, _depth(t)))
    return found


def _introduced_speaker(index: DocumentIndex, token: Token, gender: str | None) -> str | None:
    """``... concerns Henry Crespo, president of X. "...," he said``: the speaker of a quotation
    is the person the sentence before it ends by introducing (first mention, with a title in
    apposition), whoever else is that sentence's subject: news introduces a speaker, then
    quotes them."""
    if token.dep_ != "nsubj" or index.in_quotation(token.idx) or lexicon().cue_class(token.head.lemma_) is None:
        return None
    for sent_start, sent_end in _sentence_starts(token):
        end = min(sent_end, token.i)
        if all(t.is_punct or t.is_space or index.in_quotation(t.idx) for t in token.doc[sent_start:end]):
            continue  # the quotation itself
        people = [p for p in index.positions_within(sent_start, end)
                  if not index.in_quotation(index.mentions[p].start)
                  and (actor := index.actors.get(index.mentions[p].actor or "")) is not None
                  and actor.kind == "person"]
        if not people or sent_start == sentence_of(token).start:
            return None  # the cue's own sentence has words outside the quotation
        last = people[-1]
        actor_id = index.mentions[last].actor
        first = min((p for p, m in enumerate(index.mentions) if m.actor == actor_id),
                    key=lambda p: index.spans[p].start)
        root = index.spans[last].root
        ends = [t for t in token.doc[root.i + 1 : sent_end] if not (t.is_punct or t.is_space)]
        phrase = {d.i for d in root.subtree}
        introduced = any(c.dep_ == "appos" for c in root.children) and all(t.i in phrase for t in ends)
        if first != last or not introduced or gender is None or index.genders.get(actor_id) != gender:
            return None
        return actor_id
    return None


def _governs(name: Token, pronoun_token: Token) -> bool:
    """Whether the clause of ``name`` contains the pronoun's clause (the pronoun lies below the
    verb ``name`` hangs on, and not through ``name`` itself)."""
    verb = name.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(a.i == verb.i for a in pronoun_token.ancestors) and not any(
        a.i == name.i for a in pronoun_token.ancestors)


def _depth(token: Token) -> int:
    """How many clauses down ``token``'s clause lies: 0 for the main clause."""
    depth = 0
    while token.head.i != token.i:
        if token.dep_ in ("ccomp", "advcl", "relcl", "acl", "xcomp", "pcomp", "csubj"):
            depth += 1
        token = token.head
    return depth


def _main_clause_subject(subjects: list[_Candidate]) -> str | None:
    """``Trump said Bush was weak. He added ...``: of two subjects, the main clause's."""
    if not subjects:
        return None
    top = min(c.depth for c in subjects)
    actors = {c.actor for c in subjects if c.depth == top}
    return actors.pop() if len(actors) == 1 else None


def _gendered_noun_before(index: DocumentIndex, token: Token, gender: str) -> bool:
    """``His mother ... and she``: a person noun of the pronoun's gender earlier in the sentence,
    other than a title on a name (``spokeswoman Mao Ning``, ``Mao Ning, the spokeswoman,``)."""
    quoted = index.in_quotation(token.idx)
    for t in token.doc[sentence_of(token).start : token.i]:
        if t.pos_ != "NOUN" or noun_gender(t.lemma_) != gender:
            continue
        if index.in_quotation(t.idx) != quoted:
            continue  # "'As a mother, I ...,' she said": the quoted speaker's own words
        if index.mention_at(t.head.i) is None and not any(
            index.mention_at(c.i) is not None for c in t.children if c.dep_ == "appos"
        ):
            return True
    return False


def _rival_subject(index: DocumentIndex, token: Token, gender: str | None, chosen: set[str]) -> bool:
    """Whether the previous sentence's subject is another compatible person: in "Putin won. He
    needs Xi's help for his face", ``his`` is Putin, not the non-subject Xi before it."""
    sent = sentence_of(token)
    if sent.start == 0:
        return False
    previous = sentence_of(index.doc[sent.start - 1])
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
    sent = sentence_of(token)
    out = [(sent.start, token.i)]
    start = sent.start
    for _ in range(SENTENCES_BACK):
        if start == 0:
            break
        previous = sentence_of(doc[start - 1])
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
        for subject in reversed(subjects):
            if any(c.dep_ == "conj" for c in subject.children) or subject.dep_ == "conj":
                return None  # "Russia and China ... they": a pair, not one actor
            if subject.lower_ == token.lower_:
                return antecedent(index, subject)  # "They said ... They added": the same one
            actor = index.actor_of(subject)
            if actor is None and token.lower_ == "it" and subject.pos_ == "NOUN":
                actor = _owner(index, subject)  # "Donald Trump's campaign ... It said": the campaign's owner
                if actor is None and _reported(subject):
                    continue
                return actor.id if actor is not None else None
            if actor is None or actor.kind not in _COLLECTIVE_KINDS:
                if actor is None and _reported(subject):
                    continue  # "The ministry said the group had been stopped. It accused ...": the teller
                return None
            return actor.id
        return None
    return None


def _reported(subject: Token) -> bool:
    """Whether the subject's clause is reported by another (``said [the group had been stopped]``)."""
    t = subject.head
    for _ in range(6):
        if t.dep_ == "ccomp":
            return True
        if t.head == t:
            return False
        t = t.head
    return False


def _owner(index: DocumentIndex, noun: Token):
    """The named possessor or proper-noun modifier of ``noun`` (``the Trump campaign``)."""
    for child in noun.children:
        if child.dep_ == "poss" or child.dep_ == "compound" and child.pos_ == "PROPN":
            actor = index.actor_of(child)
            if actor is not None:
                return actor
    return None


def _speaking_it(index: DocumentIndex, token: Token) -> str | None:
    """``The ministry issued a statement. It said ...``: ``it`` as the active subject of a cue
    verb is the organisation or state that is the nearest subject before it."""
    if token.dep_ != "nsubj" or lexicon().cue_class(token.head.lemma_) is None:
        return None
    return _collective_antecedent(index, token)
