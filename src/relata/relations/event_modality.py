"""Is an event a fact? Negation, modality, conditions, questions, intentions and demands.

:func:`assess` reads the trigger's clause (its auxiliaries, its ``not``, the governors of an
``xcomp`` chain such as ``plan to`` or ``be willing to``, a conditional ``if``/``unless``, a question
mark, the speech verb whose complement it is) into a :class:`Modality`; :func:`decide` turns a
PLOVER type and its modality into the type to code, or ``None`` when nothing is coded:

- ``may/might/could attack``, ``if they attack``, ``will they attack?`` -> nothing; so is anything
  inside a condition or an open question further up (``debating whether to accept``) or an
  adverbial clause of a merely possible main clause (``once sanctioned, it would decline``);
- ``wanted to help``, ``hopes to sign`` (a wish, not a commitment) -> nothing;
- ``did not attack`` -> nothing; ``will not withdraw`` (a refusal to cooperate) -> REJECT;
- ``failed to reach an agreement`` -> REJECT;
- ``will release``, ``is willing to withdraw`` (stated intent) -> AGREE for cooperative acts,
  THREATEN for conflictual ones (PLOVER codes intentions this way); verbal acts keep their type;
- ``X said Y must withdraw`` -> REQUEST by X (a demand); ``Y must withdraw`` alone -> nothing;
- ``X said Spain would send aid`` -> the act itself (future in reported speech);
- ``will close its airspace if X does not ...``, ``said it would ask for sanctions unless ...`` (an
  act promised on a condition) -> THREATEN, or AGREE (an offer) for cooperative acts.

The cue words are data: ``relata/data/event_cues.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from relata.nlp import doc_text, has_child, sentence_of
from relata.relations.event_words import role_of

NEGATION, HYPOTHETICAL, REPORTED, FUTURE = "negation", "hypothetical", "reported", "future"
OBLIGATION, CONDITIONAL, INTENT, ATTEMPT = "obligation", "conditional", "intent", "attempt"
CONTINUE, REFUSE, SPEECH, UNREAL = "continue", "refuse", "speech", "unreal"
DESIRE, UNREAL_HEAD, WITHOUT = "desire", "unreal-head", "without"

VERBAL = frozenset({"AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"})
# "have to", "need to": obligation by governor rather than by auxiliary.
OBLIGATION_GOVERNORS = frozenset({"have", "need"})
AUX_DEPS = frozenset({"aux", "auxpass"})






@dataclass(frozen=True)
class Modality:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    obligation: bool = False
    reported: bool = False
    refused_by: Token | None = None
    speech: Token | None = None  # the speech/claim verb whose complement holds the event
    clause_head: Token | None = None  # top of the trigger's xcomp chain (its clause)
    conditioned: bool = False  # the clause has a condition of its own: "would close ... if X ..."
    possible: bool = False  # hypothetical only by a modal of possibility ("could suspend")


def is_infinitival_advcl(token: Token) -> bool:
    """``staged rallies to demand reforms``, ``sworn to fight``: a subjectless ``to`` clause."""
    if token.dep_ not in ("advcl", "acl"):
        return False  # (asked of every verb a trigger's modality walk passes: no list of children)
    children = list(token.children)
    return (any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in children))


def subjunctive(verb: Token) -> bool:
    """``demanded that Israel ease restrictions``: a bare verb with its own subject and no auxiliary."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ccomp", "acl"):
        return False
    return has_child(verb, "nsubj") and not has_child(verb, *AUX_DEPS)


def _is_conditional(clause: Token) -> bool:
    return clause.dep_ == "advcl" and _conditional_mark(clause)


def _conditional_mark(clause: Token) -> bool:
    """Whether the clause opens with ``if``, ``unless`` or another conditional mark."""
    return has_child(clause, "mark") and any(c.dep_ == "mark" and role_of(c) == CONDITIONAL for c in clause.children)


def same_paragraph(a: Token, b: Token) -> bool:
    """False when a blank line separates the two tokens (a headline parsed into the next sentence)."""
    lo, hi = sorted((a.idx, b.idx))
    return "\n\n" not in doc_text(a.doc)[lo:hi]


def _speech_governor(clause: Token) -> Token | None:
    """The speech verb of which this clause is the complement (``X said [that ...]``)."""
    t = clause
    for _ in range(6):
        if not same_paragraph(t, t.head):
            return None
        if t.dep_ in ("ccomp", "parataxis") or (t.dep_ == "conj" and t.head.dep_ == "ccomp"):
            head = t.head if t.dep_ != "conj" else t.head.head
            if head.pos_ in ("VERB", "AUX") and role_of(head) == SPEECH:
                return head
            t = head
            continue
        if t.dep_ == "ROOT":
            # "X attacked Y, officials said": the speech verb may hang off the event as parataxis/ccomp.
            for c in t.children:
                if c.dep_ in ("parataxis", "ccomp") and c.i > clause.i and role_of(c) == SPEECH and any(
                    s.dep_ == "nsubj" for s in c.children
                ) and not any(x.dep_ in ("ccomp", "dobj") for x in c.children):
                    return c
        return None
    return None


def _inside_unreal_clause(clause: Token) -> bool:
    """Whether an enclosing clause puts this one out of the facts: a condition or an open question
    anywhere above it (``if it attracts sanctions``, ``debating whether to accept concessions``), or,
    for an adverbial clause, a main clause that is only possible (``Once sanctioned by the United
    States, the economy would decline``)."""
    t = clause
    for _ in range(8):
        if t.dep_ in ("advcl", "ccomp", "xcomp", "acomp", "conj", "pcomp") and _conditional_mark(t):
            return True
        if _of_unreal_noun(t) or _open_question(t):
            return True
        if t.dep_ == "ccomp" and t.head.pos_ in ("VERB", "AUX") and role_of(t.head) == DESIRE:
            return True  # "said it hoped India and China would settle their differences": a wish
        if t.head == t or not same_paragraph(t, t.head):
            return False
        if t.dep_ == "advcl" and not is_infinitival_advcl(t) and any(
            c.dep_ in AUX_DEPS and role_of(c) in (HYPOTHETICAL, REPORTED) for c in t.head.children
        ) and _speech_governor(t.head) is None:
            return True
        t = t.head
    return False


_QUESTION_WORDS = frozenset({"when", "where", "how", "why", "what", "whom", "who"})
_OPEN_MODALS = frozenset({"would", "will", "could", "might", "may", "should", "'ll", "'d"})


def _open_question(t: Token) -> bool:
    """``declined to say when the president would travel``, ``asked how Seoul might respond``: a
    complement clause opened by a question word with a modal of its own asks about an act that has
    not happened (``described how soldiers beat protesters`` has no modal: it reports one)."""
    return t.dep_ in ("ccomp", "advcl", "xcomp", "pcomp") and t.left_edge.lower_ in _QUESTION_WORDS and any(
        c.dep_ == "aux" and c.lower_ in _OPEN_MODALS for c in t.children)


def _of_unreal_noun(t: Token) -> bool:
    """``a scenario where China arms Russia``, ``the possibility of an invasion``: the clause or
    ``of`` object of a noun that presents it as possible only."""
    if t.dep_ in ("relcl", "acl") and role_of(t.head) == UNREAL_HEAD:
        return True
    return t.dep_ in ("pobj", "pcomp") and t.head.lower_ == "of" and role_of(t.head.head) == UNREAL_HEAD


def _without(t: Token) -> bool:
    """``left without making concessions``, ``stopped short of recalling its ambassador``: a
    gerund under ``without`` (or ``short of``) did not happen; nor did the act of ``no plans to
    expel``."""
    if t.dep_ == "acl" and _denied(t.head):
        return True
    if t.dep_ != "pcomp" or t.head.dep_ != "prep":
        return False
    prep, governor = t.head, t.head.head
    if prep.lower_ == "of":  # "had no intention of annexing", "stopped short of recalling"
        return _denied(governor) or role_of(governor) == WITHOUT
    # "refrained from attacking": the act a refusal governs through "from" did not happen
    return role_of(prep) == WITHOUT or prep.lower_ == "from" and role_of(governor) == REFUSE


def _denied(noun: Token) -> bool:
    """A noun its determiner negates: ``no foreign leader``, ``no plans``, ``no intention``."""
    return any(d.dep_ == "det" and role_of(d) == NEGATION for d in noun.children)


def _no_one(c: Token) -> bool:
    """A subject that names nobody: ``no foreign leader has visited``, ``nobody attacked``."""
    return c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("nobody", "none") or _denied(c))


def _clause_verbs(head: Token, clause_head: Token) -> list[Token]:
    """The verbs of the trigger's clause: its head, the trigger and the ``xcomp`` chain below it
    (``would ask the EU to consider sanctions if ...``: the condition hangs on *consider*)."""
    verbs = [clause_head, head]
    for _ in range(3):
        below = [c for v in verbs[-1:] for c in v.children if c.dep_ == "xcomp"]
        if not below:
            break
        verbs.extend(below)
    return verbs


def assess(head: Token) -> Modality:
    """The modality of the clause a verb trigger heads."""
    negated = hypothetical = future = obligation = reported = False
    modal = False  # "could", "might": possible, not (yet) hypothetical
    refused_by = None
    t = head
    clause_head = head
    for _ in range(8):
        for c in t.children:
            # a child's cue role matters for an adverb or an auxiliary alone: looked up for those
            dep = c.dep_
            if dep == "neg" or (dep == "advmod" and role_of(c) == NEGATION) or _no_one(c):
                negated = True
            elif dep in AUX_DEPS and (role := role_of(c)) is not None:
                if role == HYPOTHETICAL:
                    modal = True
                elif role == REPORTED:
                    reported = True
                elif role == FUTURE:
                    future = True
                elif role == OBLIGATION:
                    obligation = True
        if t.i == head.i and subjunctive(t):
            obligation = True
        if _without(t):
            negated = True
        if _is_conditional(t):
            hypothetical = True
        if t.dep_ == "acl" and t.head.pos_ == "NOUN" and role_of(t.head) == INTENT \
                and t.head.head.pos_ in ("VERB", "AUX"):
            # "expressed its intention to cooperate": an intended act, stated by the verb's subject
            future = True
            t = clause_head = t.head.head
            continue
        if is_infinitival_advcl(t):
            governor = t.head
            if role_of(governor) == INTENT:
                future = True
                t = governor
                clause_head = t
                continue
            break
        if t.dep_ == "xcomp" or (t.dep_ == "acomp" and t.pos_ == "ADJ"):
            governor = t.head
            role = role_of(governor) if t.dep_ == "xcomp" else None
            if t.dep_ == "xcomp" and governor.pos_ == "ADJ" and role_of(governor) == INTENT:
                future = True
            elif t.dep_ == "xcomp":
                if role in (DESIRE, UNREAL):  # "wants to help", "is expected to accuse"
                    hypothetical = True
                elif role == INTENT:
                    future = True
                elif role == REFUSE:
                    refused_by = governor
                elif governor.lemma_.lower() in OBLIGATION_GOVERNORS:
                    obligation = True
                elif role not in (ATTEMPT, CONTINUE):
                    break
            t = governor
            clause_head = t
            continue
        if t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            # "did not sign or ratify it": the conjunct shares the first verb's subject and
            # negation; "Pakistan did not agree, and India rejected ...": its own clause, not
            t = t.head
            continue
        break
    while clause_head.dep_ == "acomp" or (clause_head.pos_ == "ADJ" and clause_head.dep_ != "ROOT"):
        clause_head = clause_head.head
    if _sentence_text(head).rstrip().rstrip("\"'”’").endswith("?") or _inside_unreal_clause(clause_head):
        hypothetical = True
    conditioned = any(_is_conditional(c) for t in _clause_verbs(head, clause_head) for c in t.children)
    return Modality(negated=negated, hypothetical=hypothetical or modal, future=future, obligation=obligation,
                    reported=reported, refused_by=refused_by, speech=_speech_governor(clause_head),
                    clause_head=clause_head, conditioned=conditioned, possible=modal and not hypothetical)


def _sentence_text(token: Token) -> str:
    sent = sentence_of(token)
    return doc_text(token.doc)[sent.start_char:sent.end_char]


def unreal_noun(noun: Token) -> bool:
    """``a possible attack``, ``mock dogfights``: an event noun its modifier makes no fact."""
    return any(c.dep_ in ("amod", "compound") and role_of(c) == UNREAL for c in noun.children)


def assess_noun(noun: Token) -> Modality:
    """The modality of a nominal event: ``a possible attack`` is not a fact; ``the visit will ...``."""
    unreal = unreal_noun(noun) or _of_unreal_noun(noun)
    negated = any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
    verb = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        base = assess(verb)
        return Modality(negated=negated or base.negated, hypothetical=unreal or base.hypothetical,
                        future=base.future, obligation=base.obligation, reported=base.reported,
                        speech=base.speech, clause_head=None)
    return Modality(negated=negated, hypothetical=unreal or _sentence_text(noun).rstrip().endswith("?"))


def asserts_a_fact(verb: Token) -> bool:
    """``insisted that engineers had measured a drop``, ``demanded ... that the canal is theirs``: a
    demand verb whose that-clause is in the indicative past or present asserts something; only a
    subjunctive or a ``should`` clause (``insisted that Russia withdraw``) demands it. A plural
    present (VBP) reads like a subjunctive (``demanded that the partners refuse``) and counts as one."""
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.i < verb.i or not any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in clause.children):
            continue
        if any(t.text in (",", ";", "(", "—", "–") for t in verb.doc[verb.i + 1:clause.left_edge.i + 1]):
            continue  # "demanded X, calling ..., diplomats quoted": a parenthetical, not what is demanded
        auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        if auxes & {"should", "must", "shall"}:
            return False
        if clause.tag_ in ("VBD", "VBZ") or auxes & {"had", "has", "have", "was", "were", "is", "are"}:
            return True
    return False


def decide(type_: str, modality: Modality) -> str | None:
    """The PLOVER type to code for an event of ``type_`` under ``modality``; ``None``: code nothing."""
    if modality.hypothetical:
        if modality.possible and modality.conditioned and modality.speech is not None and not modality.negated:
            # "told a rally that Dakar could suspend permits if the crews were not freed": a
            # possible act announced on a condition is still a threat (or an offer)
            return "AGREE" if type_ in COOPERATIVE else "THREATEN"
        return None
    if modality.refused_by is not None:
        return "REJECT" if type_ in COOPERATIVE else None
    if modality.negated:
        return "REJECT" if (modality.future or modality.reported) and type_ in COOPERATIVE else None
    if modality.obligation:
        return "REQUEST" if modality.speech is not None else None
    if modality.conditioned and (modality.future or (modality.reported and modality.speech is not None)):
        # "will close its airspace if X does not ...", "said it would ask for sanctions unless ...":
        # an act promised on a condition is a threat, or an offer when it is cooperative (CAMEO 13/03)
        return "AGREE" if type_ in COOPERATIVE else "THREATEN"
    if modality.future:
        if type_ in VERBAL or type_ == "AID" and modality.reported and modality.speech is not None:
            # "Tokyo will give Manila five radar systems, Kamikawa said": aid announced is aid, as
            # "said Spain would send aid" is (the contract's example); unannounced, an intent (CAMEO 033)
            return type_
        return "AGREE" if type_ in COOPERATIVE else "THREATEN"
    if modality.reported:
        if modality.speech is None:
            return None
        # Future in reported speech: a cooperative act is coded as the act (the contract's example,
        # "said Spain would send aid" -> AID); a conflictual one is a threat.
        if type_ == "CONSULT":
            return "AGREE"  # "said they would meet X": an intent to meet (CAMEO 036), not a meeting
        return type_ if type_ in COOPERATIVE or type_ in VERBAL else "THREATEN"
    return type_


def generic_relative(verb: Token) -> bool:
    """A present-tense relative clause on a bare plural (``banks that help Russia``, ``countries
    that harbour militants``): it says what such things do, not that any did."""
    noun = verb.head
    return verb.dep_ == "relcl" and verb.tag_ in ("VBP",) and noun.tag_ == "NNS" and not any(
        c.dep_ in ("det", "poss", "nummod") for c in noun.children)


def charged_act(verb: Token) -> Token | None:
    """The act an accusation charges (``accused X of firing``, ``blamed X for shelling``)."""
    return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "for")
                 for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
