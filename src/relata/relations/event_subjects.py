"""The subject of a PLOVER trigger verb and whether its clause is passive, through the parser's slips.

:func:`subject_of` follows conjuncts, complements and participles up to the verb that has the
subject; it reads a stative passive (``X is opposed to Y``) as active, a headline hung above a blank
line as no subject (:func:`near`), and a full-stop sentence the parser rooted in a noun
(``An official newspaper called on Arabs to unite.``) as having that noun for subject.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from relata.mentions.datelines import DASHES, in_capitals, opens_line
from relata.nlp import doc_text, sentence_of

SUBJECT_DEPS = ("nsubj", "csubj")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
STATIVE_PARTICIPLES = frozenset({"oppose", "commit", "dedicate", "determine"})


def _stative(verb: Token) -> bool:
    """``X is opposed to Y``, ``X is committed to Y``: a state of the subject, active in sense."""
    return verb.lemma_.lower() in STATIVE_PARTICIPLES and not any(
        c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in verb.children)


def subject_of(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The subject of a verb and whether the clause is passive."""
    if depth > 5:
        return None, False
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive and _stative(verb):
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is not None:
            return subject, False
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if len(subjects) > 1 and all(c.i < verb.i and near(verb, c) for c in subjects):
        # "..., a step Kosovo called a provocation": the noun a reduced relative clause hangs on
        # was made a second subject; the verb's own is the one just before it
        return _past_dateline(max(subjects, key=lambda c: c.i)), passive
    # A headline parsed into the next sentence gives the verb a second subject above a blank line.
    for c in sorted(verb.children, key=lambda c: not near(verb, c)):
        if c.dep_ in SUBJECT_DEPS:
            own = _paragraph_subject(verb) if not near(verb, c) else None
            if own is not None:
                return own, passive
            if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head, passive
            return _past_dateline(c), passive
    if passive:
        return None, True
    if verb.dep_ == "relcl":
        noun = verb.head
        if is_infinitival_relcl(verb) and noun.dep_ in ("pobj", "dobj") and near(verb, noun):
            # "converged for a rally to protest ...": the rally's people, the governing verb's subject
            governor = noun.head.head if noun.dep_ == "pobj" else noun.head
            if governor.pos_ in ("VERB", "AUX"):
                return subject_of(governor, depth + 1)[0], False
        return None, False
    if verb.dep_ == "acl" and verb.head.dep_ == "dobj" and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children) \
            and verb.head.head.pos_ in ("VERB", "AUX") and not any(c.dep_ == "dative" for c in verb.head.head.children):
        # "expressed its intention to cooperate", "made an offer to mediate": who has the intention acts
        return subject_of(verb.head.head, depth + 1)[0], False
    if main_verb_read_as_participle(verb):
        return sentence_of(verb).root, False  # "An official newspaper called on Arabs to unite."
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return None, True
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in verb.children):
        return None, True  # "Once sanctioned by the United States, ...": a participle is passive
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and \
            verb.head.head.pos_ in ("VERB", "AUX") and near(verb, verb.head.head):
        return subject_of(verb.head.head, depth + 1)[0], False  # "flew home after meeting Xi"
    if verb.dep_ in ("conj", "xcomp", "advcl", "acomp") or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        if not near(verb, verb.head):
            return _paragraph_subject(verb), False
        if verb.dep_ == "acl":
            return verb.head, False
        controller = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i
                           and c.pos_ in ("PROPN", "NOUN")), None) if verb.dep_ == "xcomp" else None
        if controller is not None and verb.head.tag_ == "VBG":
            return controller, False  # "..., prompting Algeria to suspend a treaty": Algeria suspends
        return subject_of(verb.head, depth + 1)[0], False
    return None, False


def _past_dateline(subject: Token) -> Token:
    """``SAO PAULO - Brazil and Argentina agreed``: the parser takes the dateline for the subject
    and the real one for its apposition; the place is where, not who."""
    text = doc_text(subject.doc)
    line_start = text.rfind("\n", 0, subject.idx) + 1
    # the subtree can reach back over a headline the parser joined to the paragraph
    words = [t for t in subject.subtree if not t.is_space and t.idx >= line_start]
    dash = next((k for k, t in enumerate(words) if t.text in DASHES), None)
    if dash is None or dash == 0 or not in_capitals(words[:dash]) or not opens_line(words[0]):
        return subject
    after = next((c for c in subject.children if c.dep_ == "appos" and c.i > words[dash].i), None)
    if after is None:  # "ASTANA - Xi and Putin met": the real subject a second subject of the verb
        after = next((c for c in subject.head.children if c.dep_ in SUBJECT_DEPS and c.i > words[dash].i), None)
    return after if after is not None else subject


def main_verb_read_as_participle(verb: Token) -> bool:
    """``An official newspaper called on Arabs to unite.``, ``The Mission, which co-chairs the
    meetings, called for ...``: a sentence the parser rooted in its subject noun, its main verb
    read as a participle on it."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD"):
        return False
    sent = sentence_of(verb)
    return _verbless(sent) and _active_participle(verb) and _in_phrase_of(verb, sent.root)


def _verbless(sent: Span) -> bool:
    """A full stop-ended sentence the parser rooted in a noun: its main verb was read as a
    participle on the subject (a headline, with no full stop, is left alone)."""
    words = [t for t in sent if not t.is_space]
    return sent.root.pos_ in ("NOUN", "PROPN") and bool(words) and words[-1].text == "." and len(words) > 6


def _active_participle(verb: Token) -> bool:
    """A participle with an object or an infinitive (``Sri Lanka, which ..., offered to host talks``),
    or a conjunct past tense with an object: read as the main verb."""
    objects = ("dobj", "oprd", "dative")
    if any(c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" or a.dep_ == "mark"
                                                 and a.lower_ == "for" for a in c.children)
           for c in verb.children) \
            and not any(c.dep_ == "agent" for c in verb.children):
        return True
    return any(c.dep_ in objects for c in verb.children) or any(
        c.tag_ == "VBD" and any(o.dep_ in objects for o in c.children) for c in verb.conjuncts)


def _in_phrase_of(verb: Token, root: Token) -> bool:
    """Whether ``verb`` hangs on ``root``'s noun phrase (``Doctors from two groups donated``)."""
    t = verb.head
    for _ in range(4):
        if t == root:
            return True
        if t.dep_ not in ("pobj", "prep") or not near(t, t.head):
            return False
        t = t.head
    return False


def is_infinitival_relcl(verb: Token) -> bool:
    """``a rally to protest ...``: a subjectless ``to`` relative clause."""
    children = list(verb.children)
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children) and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in children)


def _paragraph_subject(verb: Token) -> Token | None:
    """A verb the parser hung on a headline above a blank line (``Putin to visit Xi\n\nChina's top
    leader, Xi Jinping, met ...``) inherits nothing from it: its subject is the noun phrase that
    opens its own paragraph before it, if one does."""
    start = doc_text(verb.doc).rfind("\n\n", 0, verb.idx)
    before = [t for t in verb.doc[sentence_of(verb).start:verb.i] if t.idx > start and not t.is_space]
    inside = {t.i for t in before}
    dash = next((k for k, t in enumerate(before[:4]) if t.text in DASHES), None)
    if dash is not None and in_capitals(before[:dash]):
        before = before[dash + 1:]  # a dateline ("ASTANA - ...") is where, not who
        inside = {t.i for t in before}  # the subject may hang on the dateline ("PAULO - Brazil")
    roots = [t for t in before if t.head.i not in inside and t.pos_ in ("NOUN", "PROPN", "PRON")]
    return roots[0] if roots else None


def near(a: Token, b: Token) -> bool:
    """Whether no blank line (a paragraph break) lies between two tokens."""
    lo, hi = sorted((a.idx, b.idx))
    return "\n\n" not in doc_text(a.doc)[lo:hi]


FIRST_PERSON = frozenset({"we", "i"})


def quoted_speaker(token: Token | None, quotes) -> str | None:
    """``"We have asked Dar es Salaam to release them"``: the speaker (an actor id) of the quotation
    a first-person subject stands in, else ``None``."""
    if token is None or token.lower_ not in FIRST_PERSON:
        return None
    return next((q.speaker for q in quotes if q.start <= token.idx < q.end and q.speaker), None)
