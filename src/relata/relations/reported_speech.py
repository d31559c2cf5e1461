"""Reported (indirect) speech from the dependency parse.

- ``X said (that) CLAUSE`` / ``X told Y that CLAUSE``: the cue's clausal complement.
- ``CLAUSE, X said.``: the same complement, parsed before the cue.
- ``CLAUSE, X said, CLAUSE``: the cue hangs on the clause it interrupts (parataxis); both sides
  are reported, as two spans with the same cue (a record's span is contiguous, and the words
  between are the attribution, not the content).
- ``As X pointed out, CLAUSE``: the clause the aside hangs on (both sides when it interrupts).
- ``according to X, CLAUSE``: the clause the phrase modifies, without the phrase (both sides
  when the phrase interrupts it).
- ``X wants / pledged / urged Y to ...``: intention cues take a to-infinitive complement.
- ``Trump's claim that CLAUSE``: a reporting noun's that-clause.
- ``condemned the launch`` / ``called the measures "illegitimate"``: the object, except for act
  verbs (``quote_act_verbs.txt``: ``thanked Madrid for the support``, ``welcomed the vote``),
  whose bare object is the target of an act, and objects that are only names (``backed Hillary
  Clinton``, ``blamed Bush``: acts toward someone); ``agreed``/``decided`` report only a that-clause
  (``agreed to reopen the border`` is an act, an event), ``hoped``/``would like`` a clause or an
  infinitive, never an object.
- ``her decision to run`` / ``is determined to ...``: a noun of will with its holder named, or an
  attitude adjective after a copula, with its infinitive or clause.

The content span is the complement clause (without its ``that``), punctuation trimmed, cut at a
semicolon and after a dateline (``OSLO -``), and before a second attribution joined to it
(``..., arguing that ...``; ``..., and the mother replied ...``), which is reported on its own;
those edges live in ``content_edges``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from relata.mentions.quote_lexicon import (
    BELIEF,
    CLAUSE,
    COGNITION,
    INTENTION,
    NOUN,
    QUOTATION,
    SPEECH,
    lexicon,
)
from relata.nlp import doc_text, sentence_of
from relata.relations.content_edges import (
    TRIM,
    adverbial,
    after_dateline,
    balance_marks,
    before_next_attribution,
    clip_to_paragraph,
    out_of_heading,
    question_without_adjunct,
    run_on,
    within_semicolons,
)
from relata.relations.quote_cues import (
    QUESTION_WORDS,
    Cue,
    attitude_cue,
    clause_cue,
    cue_at,
    cue_positions,
    noun_cue,
    open_question,
    put_it_aside,
    question_cue,
)

_CLAUSE_DEPS = ("ccomp",)
_INTENT_DEPS = ("ccomp", "xcomp")
_INTERRUPT_DEPS = ("parataxis",)
_MIN_TOKENS = 1
# Verbs whose object is the person addressed, not what is said ("told reporters").
_ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "notify", "assure", "warn", "urge", "say", "order", "advise",
                              "remind", "brief", "counsel"})
_BEFORE_OBJECT = frozenset({"punct", "prt", "advmod", "npadvmod"})
_TOPIC_PREPOSITIONS = frozenset({"for", "about", "of", "on", "against"})
_OBJECT_DEPS = frozenset({"dobj", "oprd", "attr", "prep", "dative", "acomp", "xcomp", "ccomp"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "PRON", "VERB", "AUX", "ADJ", "NUM"})
QUOTE_CHARS = frozenset('"“”«»')  # double quotation marks, also read by relations.quotes


@dataclass(frozen=True)
class Report:
    """One reported-speech candidate: the cue and the character span of what is reported."""

    cue: Cue
    start: int
    end: int


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range ``[start, end)`` without edge punctuation, as character offsets."""
    while start < end and (doc[start].is_punct or doc[start].text in TRIM or doc[start].is_space):
        start += 1
    if end - start > 1 and doc[start].dep_ == "mark" and doc[start].lower_ in ("that", "whether", "if"):
        start += 1  # the content is the clause itself, without its complementizer
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in TRIM or doc[end - 1].is_space) and not (
            doc[end - 1].text == ")" and any(t.text == "(" for t in doc[start:end - 1])):
        end -= 1  # edge punctuation, but not the closing bracket of "Article 21(3)" or "(R-Tex)"
    if end - start < _MIN_TOKENS:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _subtree_range(token: Token) -> tuple[int, int]:
    """The token range of ``token``'s subtree. Read from the subtree itself: with a crossing arc
    (``she suspected Crutcher was drugged — something a caller also told ...``, the apposition
    hung on ``Crutcher``) the parse's edge attributes stop short."""
    indices = [t.i for t in token.subtree]
    return min(indices), max(indices) + 1


def _without(outer: tuple[int, int], inner: tuple[int, int]) -> tuple[int, int]:
    """The larger side of ``outer`` once ``inner`` is cut out of it."""
    left = (outer[0], inner[0])
    right = (inner[1], outer[1])
    return left if left[1] - left[0] >= right[1] - right[0] else right


def _sides(doc: Doc, outer: tuple[int, int], inner: tuple[int, int]) -> list[tuple[int, int]]:
    """``outer`` with ``inner`` cut out: both sides when each holds a word of content (``The
    talks, he said, were productive``), else the larger side alone (``On Monday, he said, ...``
    keeps only the clause: a lone adverbial is not what was said)."""
    left, right = (outer[0], inner[0]), (inner[1], outer[1])
    if all(any(t.pos_ in _CONTENT_POS for t in doc[a:b]) for a, b in (left, right)) and any(
            t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ in ("nsubj", "nsubjpass", "expl")
            for t in doc[left[0]:left[1]]):
        return [left, right]
    return [_without(outer, inner)]


def _trailing(cue: Cue) -> tuple[int, int] | None:
    """``CLAUSE, X said.`` parsed with the cue hanging off the clause: the sentence before the
    comma that opens the attribution."""
    head = cue.head
    if head.dep_ not in ("parataxis", "conj", "ccomp") or not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return None
    if any(c.dep_ == "mark" for c in head.children):
        return None  # "..., after the leaders announced ...": a subordinate clause
    sent = sentence_of(head)
    left, right = head.left_edge.i, head.right_edge.i
    while right + 1 < sent.end and sent.doc[right + 1].is_punct:
        right += 1
    if right + 1 < sent.end or left - 1 <= sent.start or sent.doc[left - 1].text not in (",", "—", "–"):
        return None
    if all(t.is_upper or t.is_punct or t.is_space for t in sent.doc[sent.start:left - 1]):
        return None  # "MEXICO CITY – Mexico agreed ...": a dateline, not a clause
    return sent.start, left - 1


def _object(cue: Cue) -> tuple[int, int] | None:
    """``denied the allegations`` / ``condemned the launch as "reckless"``: what follows the cue
    in its own phrase (objects, their complements, prepositional phrases) as the content."""
    head = cue.head
    if head.lemma_ in _ADDRESSEE_VERBS:
        return None
    right = []
    for child in head.rights:
        if child.dep_ in _BEFORE_OBJECT and not right:
            continue  # "spoke out Tuesday about ...", "spoke emotionally of ..."
        as_after_object = child.lower_ in ("as", "to") and any(c.dep_ == "dobj" for c in right)
        if right and child.dep_ == "prep" and any(c.dep_ == "oprd" for c in head.rights if c.i > child.i):
            right.append(child)  # "called her vote in favor of the war a mistake": on to the predicate
            continue
        if right and _object_phrase(right[-1], child):
            right.append(child)  # "described crass behavior by Trump behind the scenes": the object's own phrase
            continue
        if child.dep_ not in _OBJECT_DEPS or (
                child.dep_ == "prep" and child.lower_ not in _TOPIC_PREPOSITIONS and not as_after_object):
            break  # adjuncts ("in early-morning tweets", "during the debate") end the content
        right.append(child)
    if not right or len(right) == 1 and right[0].dep_ == "dobj" and right[0].pos_ == "PRON":
        return None
    if not any(c.dep_ in ("dobj", "oprd", "attr") or c.dep_ == "prep" and any(
            g.dep_ in ("pobj", "pcomp") for g in c.children) for c in right):
        return None  # "pleading for | her husband's life came ...": a preposition the parse left without its object
    if not _says_something(cue, right):
        return None
    end = right[-1].right_edge.i + 1
    for token in right[-1].subtree:
        if token.dep_ in ("relcl", "acl") and token.i > right[-1].i and token.doc[token.left_edge.i - 1].text == ",":
            end = min(end, token.left_edge.i - 1)  # ", which ...": an aside, not the content
    start = right[0].left_edge.i
    if right[0].dep_ == "prep" and right[0].i == start:
        objects = [c for c in right[0].children if c.dep_ in ("pobj", "pcomp")]
        if objects:
            start = objects[0].left_edge.i  # "spoke of his flights": what is spoken of
    return start, end


_OBJECT_PHRASE_PREPOSITIONS = frozenset({"by", "in", "at", "with", "from"})


def _object_phrase(obj: Token, prep: Token) -> bool:
    """Whether a phrase the parse hung on the verb right after its object belongs to the object
    (``described crass behavior by Trump``, ``revealed a yawning gulf in the way ...``, ``wrote a
    memoir of her time at the White House``): no comma between, and not a time (``on Tuesday``)
    nor the statement it was made in (``in a statement``)."""
    if obj.dep_ != "dobj" or obj.pos_ in ("PROPN", "PRON") or prep.dep_ != "prep" or prep.i != obj.right_edge.i + 1:
        return False  # "backed Hillary Clinton in the primary": an act toward a name, in a setting
    if prep.lower_ not in _OBJECT_PHRASE_PREPOSITIONS or any(t.ent_type_ in ("DATE", "TIME") for t in prep.subtree):
        return False
    return not any(g.dep_ == "pobj" and g.lemma_.lower() in lexicon().cue_nouns for g in prep.children)


_NAME_PARTS = frozenset({"PROPN", "PRON", "DET", "CCONJ", "PUNCT", "PART"})


def _only_names(span) -> bool:
    """Whether a content is nothing but names or pronouns (``backed Hillary Clinton``, ``blamed
    Bush``, ``attacked the USS Cole``: acts toward someone), with no word that says anything and
    no quotation."""
    return span is not None and all(t.pos_ in _NAME_PARTS or t.is_space for t in span) and not any(
        t.is_quote or t.text in QUOTE_CHARS for t in span)


def _says_something(cue: Cue, right: list[Token]) -> bool:
    """Whether the object of an act verb is content: ``thanked Madrid for the support``,
    ``welcomed the vote``, ``rejected the proposal`` report an act toward a thing, while
    ``welcomed the deal as "historic"``, ``rejected claims that ...`` or ``spoke of his flights``
    say something. Other cue verbs' objects are content (``criticized the plan``)."""
    head = cue.head
    content_preps = lexicon().act_verbs.get(head.lemma_.lower())
    if content_preps is None:
        return True
    for child in right:
        if child.dep_ == "prep" and child.lower_ in content_preps:
            return True  # "called for a ceasefire"
        if child.dep_ in ("oprd", "ccomp", "xcomp"):
            return True  # a predicate or a clause
        if child.dep_ == "prep" and child.lower_ in ("as", "of", "about") and not _clause_as_phrase(child):
            return True  # "described X as Y", "spoke of ..."
        if any(g.dep_ in ("oprd", "acomp") or g.dep_ == "prep" and g.lower_ == "as" for g in child.children):
            return True  # "called the measures illegitimate" with the predicate on the object
    start, end = right[0].left_edge.idx, right[-1].right_edge.idx + len(right[-1].right_edge.text)
    inside = doc_text(head.doc)[start:end]
    # "welcomed the "historic" deal", "calls Obamacare ‘crazy system’" (an opening single mark:
    # the closing one is also an apostrophe)
    return any(ch in inside for ch in QUOTE_CHARS) or "‘" in inside


def _clause_as_phrase(prep: Token) -> bool:
    """``rejects election result as envoys urge calm`` (a headline): a clause the parser read as a
    phrase, betrayed by a verb of saying inside it, not a predicate of the object."""
    return prep.lower_ == "as" and any(
        t is not prep and lexicon().cue_class(t.lemma_.lower()) is not None for t in prep.subtree)


def _addressee(token: Token) -> bool:
    """Whether an object can be asked to act: ``urged Congress to act``, not ``request supplies
    to meet needs`` (an infinitive of purpose on a thing)."""
    return token.pos_ in ("PROPN", "PRON") or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


def _passive_without_agent(verb: Token) -> bool:
    deps = {c.dep_ for c in verb.children}
    return "auxpass" in deps and "agent" not in deps


def _is_clause(token: Token) -> bool:
    """A complement the tagger did not read as a verb (``suggested that the program end``):
    it still has a complementizer or a subject of its own."""
    return any(c.dep_ in ("nsubj", "nsubjpass") or c.dep_ == "mark" and c.lower_ in ("that", "whether")
               for c in token.children)


def _complement(cue: Cue) -> list[tuple[int, int]]:
    """The content ranges of a cue verb: one range, two for an interrupted clause, or none."""
    head = cue.head
    deps = _CLAUSE_DEPS if head.lemma_ == "say" or cue.kind == CLAUSE else _INTENT_DEPS
    best, best_marked = None, False
    for child in head.children:
        if child.dep_ in deps and (child.dep_ == "xcomp" or child.pos_ in ("VERB", "AUX") or _is_clause(child)):
            span = _subtree_range(child)
            opening = head.doc[span[0]]
            if span[0] > head.i and opening.tag_ == "VBG" and cue_at(opening) is not None:
                continue  # "..., Sanders said, suggesting questions, including, "...": the participle's own
            if span[1] <= head.i and any(t.text in (":", ";") for t in head.doc[span[1] - 1:head.i]):
                continue  # "... set off fireworks: Republicans said ...": the clause before a colon is not theirs
            if span[1] <= head.i and (any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children) or any(
                    t.pos_ == "CCONJ" or t.lower_ == "so" for t in head.doc[span[1]:head.i] if t.head.i == head.i)):
                # "... continues to insist, ..., that he wants ...": a that-clause holds no content before it;
                # "CLAUSE, so we rate it Mostly True": a conclusion drawn, not an attribution
                continue
            if span[1] <= head.i and any(span[1] <= c.i < head.i and (
                    c.dep_ == "dobj" or c.dep_ == "npadvmod" and c.pos_ == "PRON") for c in head.children):
                continue  # "CLAUSE, something Xi has opposed": the verb's object is "something", not the clause
            if _bare_attribution(child):
                continue  # '"You winning?" she said, but ... Melanie said yes': "she said" attributes the quotation
            # a that-clause after the cue is its complement, whatever the parse hangs before it
            # ("CLAUSE (her campaign later disclosed that she has pneumonia)")
            marked = span[0] > head.i and head.doc[span[0]].dep_ == "mark" and head.doc[span[0]].lower_ in ("that", "whether")
            before = best is not None and best[1] <= head.i
            if best is None or marked and before or not (best_marked and span[1] <= head.i) and (
                    span[1] - span[0] > best[1] - best[0]):
                best, best_marked = span, marked
    if best is not None and _passive_without_agent(head) and head.doc[best[0]].dep_ == "aux":
        return []  # "is expected to be ratified", "was asked to leave": nobody is reported
    if best is None and (cue.kind == INTENTION or head.lemma_ in _ADDRESSEE_VERBS):
        # "tells his supporters at a rally to “go ...”": an infinitive parsed as an adverbial
        things = [c for c in head.children if c.dep_ == "dobj" and not _addressee(c)
                  and head.lemma_ not in _ADDRESSEE_VERBS]  # "tells his supporters to ..." addresses them
        for child in head.rights if not things else ():  # "called a meeting to discuss ...": a purpose
            if child.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
                return [_subtree_range(child)]
        # "urged Congress to act": the infinitive hangs on the object.
        for child in head.children:
            if child.dep_ in ("dobj", "pobj"):
                for grand in child.children:
                    if grand.dep_ in ("xcomp", "ccomp", "acl") and grand.pos_ in ("VERB", "AUX") and (
                            grand.dep_ != "acl" or _addressee(child)):
                        return [_subtree_range(grand)]
    if best is None and cue.kind not in (INTENTION, CLAUSE):
        # "said after the convention he would not accept it": a clause with its own subject and
        # no subordinator, parsed as an adverbial because a phrase stands between
        for child in head.rights:
            if child.dep_ == "advcl" and child.pos_ in ("VERB", "AUX") and not any(
                    (c.dep_ == "mark" or c.tag_ in ("WRB", "WDT", "WP")) and c.lower_ != "that"
                    for c in child.children) and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                best = _subtree_range(child)
                break
            if child.dep_ == "advcl" and _negated(head) and child.left_edge.lower_ in QUESTION_WORDS:
                best = _subtree_range(child)  # "have not said when they would act": the open question
                break
        # "told a meeting of leaders that few people understood ...": the clause parsed as a
        # relative clause on the object, but its "that" is a complementizer, not a pronoun
        for child in head.rights if best is None else ():
            if child.dep_ == "prep" and child.lower_ == "to":
                child = next((c for c in child.children if c.dep_ == "pobj"), child)  # "yelled to the officers that ..."
            if child.dep_ in ("dobj", "pobj"):
                for clause in child.subtree:
                    if clause.dep_ in ("relcl", "acl") and _complementizer_that(clause):
                        lo, hi = _subtree_range(clause)
                        best = (lo + 1 if head.doc[lo].lower_ == "that" else lo), hi
                        break
    if best is None and head.dep_ in _INTERRUPT_DEPS and head.head.i != head.i:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            return _sides(head.doc, _subtree_range(head.head), _subtree_range(head))
    if best is None and head.dep_ == "advcl" and head.head.i != head.i and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in head.children) and (put_it_aside(head) or not any(
            c.dep_ in ("dobj", "xcomp") or c.dep_ == "prep" and c.lower_ in _TOPIC_PREPOSITIONS
            for c in head.children)) and (
            head.i < head.head.i or _after_break(head.doc, head.left_edge.i)):
        # an aside ("..., as experts noted"), not a time clause ("the footage came as officials praised")
        # nor a verb with its own object ("As Clinton talked about unity, Trump ...")
        # "As experts have pointed out, CLAUSE": the clause the aside hangs on
        return _sides(head.doc, _subtree_range(head.head), _subtree_range(head))
    if best is None:
        question = open_question(head)
        if question is not None:
            return [_subtree_range(question)]  # "wondered aloud about whether ...", "pressed him on how ..."
    if best is None and cue.kind != CLAUSE:
        best = _trailing(cue)
    if best is None and cue.kind not in (BELIEF, CLAUSE) and not _subjectless_finding(cue):
        best = _object(cue)
    return [best] if best is not None else []


def _complementizer_that(clause: Token) -> bool:
    """Whether a clause the parse hung on a noun as a relative clause opens with a complementizer
    ``that``: a subject of its own and either ``that`` read as a marker, or a verb with no gap
    for a relative pronoun (``yelled to the officers that his wife was unarmed``: a copula or a
    passive takes no object)."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that" for c in clause.children):
        return False
    that = next((c for c in clause.children if c.lower_ == "that" and c.i < clause.i), None)
    if that is None:
        return False
    if that.dep_ == "mark":
        return True
    no_gap = clause.lemma_ == "be" or any(c.dep_ == "auxpass" for c in clause.children)
    return that.dep_ in ("dobj", "pobj") and no_gap


def _bare_attribution(verb: Token) -> bool:
    """Whether a clause is only the attribution of a quotation before it (``"You winning?" she
    said, but ...``): a speech verb with its subject and nothing said after it."""
    cue = cue_at(verb)
    if cue is None or cue.kind != SPEECH or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "dobj", "oprd") for c in verb.children):
        return False
    before = verb.left_edge.i - 1
    return before >= 0 and verb.doc[before].is_quote


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _subjectless_finding(cue: Cue) -> bool:
    """A finding verb with nobody finding (``polls, including ones showing Trump leading``,
    ``continue to show signs of enthusiasm``): its object is what is there, not what anyone
    reports. A finding reports a clause; its object only when someone finds."""
    head = cue.head
    return cue.kind == COGNITION and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)


def _after_break(doc: Doc, i: int) -> bool:
    """Whether a comma, dash or bracket comes just before token ``i``, a closing quotation mark
    aside (``... income," as a memo put it``)."""
    j = i - 1
    while j > 0 and doc[j].text in QUOTE_CHARS:
        j -= 1
    return j >= 0 and doc[j].text in (",", "—", "–", "(")


def _phrase_content(cue: Cue) -> list[tuple[int, int]]:
    """``according to X, CLAUSE`` / ``CLAUSE, according to X``: the clause around the phrase."""
    head = cue.head
    governor = head.head
    if governor.i == head.i or governor.pos_ in ("PROPN", "NOUN") and not any(
            g.dep_ == "pobj" for prep in head.children for g in prep.children):
        return _after_opening_phrase(head)
    clause = governor
    while clause.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "parataxis") and clause.head.i != clause.i:
        clause = clause.head
    sides = _sides(head.doc, _subtree_range(clause), _subtree_range(head))
    # "..., according to X, making it the largest partner": a participle after the phrase is the
    # writer's own gloss, not the source's words
    return [side for side in sides if len(sides) == 1 or not _participle_opens(head.doc, side)]


def _after_opening_phrase(head: Token) -> list[tuple[int, int]]:
    """``According to X, CLAUSE`` parsed with the phrase or the name as the root and the clause
    hung on X (a verb read as a noun: ``the move reeks of ...``): the rest of the sentence after
    the comma that follows X's name."""
    sent = sentence_of(head)
    if head.i != sent.start:
        return []
    names = [t for prep in head.children if prep.dep_ == "prep" for t in prep.children if t.dep_ == "pobj"]
    names = names or ([head.head] if head.head.i != head.i else [])  # "According to" hung on the name
    if not names:
        return []
    comma = next((t.i for t in head.doc[names[0].i + 1:sent.end] if t.text == ","), None)
    return [(comma + 1, sent.end)] if comma is not None and comma + 2 < sent.end else []


def _participle_opens(doc: Doc, side: tuple[int, int]) -> bool:
    i = side[0]
    while i < side[1] and (doc[i].is_punct or doc[i].is_space):
        i += 1
    return i < side[1] and doc[i].tag_ == "VBG"


def _noun_content(cue: Cue) -> list[tuple[int, int]]:
    """``her insistence that the bridge was safe``: the that-clause on the noun."""
    for child in cue.head.rights:
        if child.dep_ in ("acl", "relcl", "ccomp", "appos") and any(
                g.dep_ == "mark" and g.lower_ == "that" or g.dep_ == "aux" and g.lower_ == "to" and child.tag_ == "VB"
                for g in child.children):
            return [_subtree_range(child)]
    return []


def _outside_source(cue: Cue, span: tuple[int, int]) -> list[tuple[int, int]]:
    """``span`` without the cue and its subject: what is said never holds who says it (a parse
    can hang ``''...,'' Burman, director of ..., said`` as one clause under the cue). An
    attribution in the middle (``The museum, Mr. Obama said, would ...``) leaves both sides."""
    start, end = span
    head = cue.head
    # a subject before its verb ends there: an apposition the parse hung on it past the verb
    # ("A majority of voters expect Clinton to win ..., the first debate") is not the subject
    parts = [(head.i, head.i + 1)] + [(c.left_edge.i, c.right_edge.i + 1 if c.i > head.i else min(c.right_edge.i + 1, head.i))
                                       for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    inside = [(lo, hi) for lo, hi in parts if lo < end and hi > start]
    if not inside:
        return [span]
    lo, hi = min(p[0] for p in inside), max(p[1] for p in inside)
    if lo > start and hi < end:
        return _sides(head.doc, (start, end), (lo, hi))
    return [(start, lo)] if lo - start >= end - hi else [(hi, end)]


def find_reports(doc: Doc) -> list[Report]:
    """Every reported-speech candidate in ``doc``, in text order."""
    out: list[Report] = []
    text = doc_text(doc)
    for token in map(doc.__getitem__, cue_positions(doc)):
        cue = cue_at(token) or clause_cue(token) or noun_cue(token) or attitude_cue(token) or question_cue(token)
        if cue is None or cue.kind == QUOTATION:
            continue
        if cue.kind == "phrase":
            pieces = _phrase_content(cue)  # the phrase is already cut out
        else:
            spans = _noun_content(cue) if cue.kind == NOUN else _complement(cue)
            pieces = [question_without_adjunct(cue, before_next_attribution(cue, piece))
                      for span in spans for piece in _outside_source(cue, span)]
        for span in pieces:
            chars = _trimmed(doc, *span) if span[1] > span[0] else None
            if chars is not None:
                chars = clip_to_paragraph(text, token.idx, chars[0], balance_marks(text, *chars))
            if chars is not None:
                chars = chars[0], run_on(doc, text, cue, *chars)
                chars = within_semicolons(text, token.idx, *chars)
                chars = after_dateline(text, *chars)
            content = doc.char_span(*chars, alignment_mode="expand") if chars is not None else None
            if content is not None and not _only_names(content) and not adverbial(content) and not out_of_heading(
                    token, content) and not (cue.kind == "phrase" and not any(t.pos_ in _CONTENT_POS for t in content)):
                out.append(Report(cue, *chars))
    return out
