"""Reported (indirect) speech from the dependency parse.

- ``X said (that) CLAUSE`` / ``X told Y that CLAUSE``: the cue's clausal complement.
- ``CLAUSE, X said.``: the same complement, parsed before the cue.
- ``CLAUSE, X said, CLAUSE``: the cue hangs on the clause it interrupts (parataxis).
- ``according to X, CLAUSE``: the clause the phrase modifies, without the phrase.
- ``X wants / pledged / urged Y to ...``: intention cues take a to-infinitive complement.

The content span is the complement clause (with its ``that``), punctuation trimmed.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from relata.extract.quote_cues import Cue, clause_cue, cue_at
from relata.extract.quote_lexicon import BELIEF, INTENTION, QUOTATION
from relata.nlp import doc_text

_CLAUSE_DEPS = ("ccomp",)
_INTENT_DEPS = ("ccomp", "xcomp")
_INTERRUPT_DEPS = ("parataxis",)
_MIN_TOKENS = 1
# Verbs whose object is the person addressed, not what is said ("told reporters").
_ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "notify", "assure", "warn", "urge", "say", "order"})
_TOPIC_PREPOSITIONS = frozenset({"for", "about", "of", "on", "against"})
_OBJECT_DEPS = frozenset({"dobj", "oprd", "attr", "prep", "dative", "acomp", "xcomp", "ccomp"})
_TRIM = frozenset(",.;:—–-\"'“”‘’()[]")


@dataclass(frozen=True)
class Report:
    """One reported-speech candidate: the cue and the character span of what is reported."""

    cue: Cue
    start: int
    end: int


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range ``[start, end)`` without edge punctuation, as character offsets."""
    while start < end and (doc[start].is_punct or doc[start].text in _TRIM or doc[start].is_space):
        start += 1
    if end - start > 1 and doc[start].dep_ == "mark" and doc[start].lower_ in ("that", "whether", "if"):
        start += 1  # the content is the clause itself, without its complementizer
    while end > start and (doc[end - 1].is_punct or doc[end - 1].text in _TRIM or doc[end - 1].is_space):
        end -= 1
    if end - start < _MIN_TOKENS:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _subtree_range(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _without(outer: tuple[int, int], inner: tuple[int, int]) -> tuple[int, int]:
    """The larger side of ``outer`` once ``inner`` is cut out of it."""
    left = (outer[0], inner[0])
    right = (inner[1], outer[1])
    return left if left[1] - left[0] >= right[1] - right[0] else right


def _trailing(cue: Cue) -> tuple[int, int] | None:
    """``CLAUSE, X said.`` parsed with the cue hanging off the clause: the sentence before the
    comma that opens the attribution."""
    head = cue.head
    if head.dep_ not in ("parataxis", "conj", "ccomp") or not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return None
    if any(c.dep_ == "mark" for c in head.children):
        return None  # "..., after the leaders announced ...": a subordinate clause
    sent = head.sent
    left, right = head.left_edge.i, head.right_edge.i
    while right + 1 < sent.end and sent.doc[right + 1].is_punct:
        right += 1
    if right + 1 < sent.end or left - 1 <= sent.start or sent.doc[left - 1].text not in (",", "—", "–"):
        return None
    return sent.start, left - 1


def _object(cue: Cue) -> tuple[int, int] | None:
    """``denied the allegations`` / ``condemned the launch as "reckless"``: what follows the cue
    in its own phrase (objects, their complements, prepositional phrases) as the content."""
    head = cue.head
    if head.lemma_ in _ADDRESSEE_VERBS:
        return None
    right = []
    for child in head.rights:
        if child.dep_ == "punct" and not right:
            continue
        as_after_object = child.lower_ in ("as", "to") and any(c.dep_ == "dobj" for c in right)
        if child.dep_ not in _OBJECT_DEPS or (
                child.dep_ == "prep" and child.lower_ not in _TOPIC_PREPOSITIONS and not as_after_object):
            break  # adjuncts ("in early-morning tweets", "during the debate") end the content
        right.append(child)
    if not right or len(right) == 1 and right[0].dep_ == "dobj" and right[0].pos_ == "PRON":
        return None
    if not any(c.dep_ in ("dobj", "oprd", "attr") or c.dep_ == "prep" for c in right):
        return None
    end = right[-1].right_edge.i + 1
    for token in right[-1].subtree:
        if token.dep_ in ("relcl", "acl") and token.i > right[-1].i and token.doc[token.left_edge.i - 1].text == ",":
            end = min(end, token.left_edge.i - 1)  # ", which ...": an aside, not the content
    return right[0].left_edge.i, end


def _complement(cue: Cue) -> tuple[int, int] | None:
    head = cue.head
    deps = _CLAUSE_DEPS if head.lemma_ == "say" else _INTENT_DEPS
    best = None
    for child in head.children:
        if child.dep_ in deps and (child.dep_ == "xcomp" or child.pos_ in ("VERB", "AUX")):
            span = _subtree_range(child)
            if best is None or span[1] - span[0] > best[1] - best[0]:
                best = span
    if best is None and (cue.kind == INTENTION or head.lemma_ in _ADDRESSEE_VERBS):
        # "urged Congress to act": the infinitive hangs on the object.
        for child in head.children:
            if child.dep_ in ("dobj", "pobj"):
                for grand in child.children:
                    if grand.dep_ in ("xcomp", "ccomp", "acl") and grand.pos_ in ("VERB", "AUX"):
                        return _subtree_range(grand)
    if best is None and head.dep_ in _INTERRUPT_DEPS and head.head is not head:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            return _without(_subtree_range(head.head), _subtree_range(head))
    if best is None:
        best = _trailing(cue)
    if best is None and cue.kind != BELIEF:
        best = _object(cue)
    return best


def _phrase_content(cue: Cue) -> tuple[int, int] | None:
    """``according to X, CLAUSE`` / ``CLAUSE, according to X``: the clause around the phrase."""
    head = cue.head
    governor = head.head
    if governor is head:
        return None
    clause = governor
    while clause.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "parataxis") and clause.head is not clause:
        clause = clause.head
    return _without(_subtree_range(clause), _subtree_range(head))


def _clip_to_paragraph(text: str, at: int, start: int, end: int) -> tuple[int, int] | None:
    """The part of ``[start, end)`` in the paragraph of offset ``at`` (parses can run on
    across a paragraph break)."""
    if "\n" not in text[start:end]:
        return start, end
    left = text.rfind("\n", 0, at) + 1
    right = text.find("\n", at)
    right = len(text) if right < 0 else right
    start, end = max(start, left), min(end, right)
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRIM):
        end -= 1
    return (start, end) if end - start > 1 else None


_CLOSING = {"“": "”", '"': '"', "‘": "’"}


def _balance_marks(text: str, start: int, end: int) -> int:
    """``end`` moved past a closing mark when the content opens a quotation it does not close
    (the parse hangs the closing mark on the verb outside the clause)."""
    for opener, closer in _CLOSING.items():
        inside = text[start:end]
        unclosed = inside.count(opener) > inside.count(closer) if opener != closer else inside.count(opener) % 2
        if unclosed and text[end:end + 2].lstrip(".,")[:1] == closer:
            return text.index(closer, end) + 1
    return end


def find_reports(doc: Doc) -> list[Report]:
    """Every reported-speech candidate in ``doc``, in text order."""
    out: list[Report] = []
    for token in doc:
        cue = cue_at(token) or clause_cue(token)
        if cue is None or cue.kind == QUOTATION:
            continue
        span = _phrase_content(cue) if cue.kind == "phrase" else _complement(cue)
        if span is None:
            continue
        chars = _trimmed(doc, *span)
        if chars is not None:
            chars = _clip_to_paragraph(doc_text(doc), token.idx, chars[0], _balance_marks(doc_text(doc), *chars))
        if chars is None:
            continue
        out.append(Report(cue, *chars))
    return out
