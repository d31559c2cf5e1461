"""Where a reported-speech content starts and ends: the edges ``reported_speech`` trims after
the parse has given a content its words.

- before a second attribution joined to it (``..., arguing that ...``; ``..., though she noted
  ...``), unless that attribution is inside a quotation the content opens;
- an open question (``whether ...``) before an adverbial after a comma (``..., even as ...``);
- inside the cue's paragraph, on to the sentence end when the parser split the sentence, on the
  cue's side of a semicolon, without a dateline, past a closing mark it leaves open;
- never a lone adverbial clause (``said before he died``) nor, for a cue in a capitalised
  heading, the ordinary text after it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from relata.mentions.quote_lexicon import SPEECH
from relata.nlp import positions_in, sentence_of, token_positions
from relata.relations.quote_cues import Cue, cue_at

_CONCESSIVE = frozenset({"though", "although", "while", "whereas"})
TRIM = frozenset(",.;:—–-\"'“”‘’()[]")  # edge punctuation of a content


def before_next_attribution(cue: Cue, span: tuple[int, int]) -> tuple[int, int]:
    """``span`` cut before a later attribution joined to its clause: ``said he did not believe
    it, arguing that ...`` (a participle cue after a comma) or ``said fathers would not be
    eligible, and ... the mother replied, "..."`` (a coordinated clause with a cue and a subject
    of its own) are second reports, not part of the first one's content."""
    doc = cue.head.doc
    start, end = span
    # only an adverbial clause or a conjunct can attribute anew: the others are not visited
    for token in map(doc.__getitem__, positions_in(token_positions(doc, deps=("advcl", "conj")), doc[start:end])):
        if token.i <= cue.head.i or not start <= token.head.i < end:
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        marks = [c.lower_ for c in token.children if c.dep_ == "mark"]
        if marks and own_subject and all(m in _CONCESSIVE for m in marks) and cue_at(token) is not None:
            cut = token.left_edge.i  # "said the demands erase barriers, though she noted ...": a second report
            while cut > start and doc[cut - 1].is_punct:
                cut -= 1
            if cut > start and not inside_quotation(doc, start, cut):
                return start, cut
        if cue_at(token) is None or marks:
            continue  # "... and that the other side should respond": a second clause of the same report
        before = token.i - 1
        while before > start and doc[before].is_quote:
            before -= 1  # '..., "the CCP will not stop," pointing out that ...'
        participle = token.tag_ == "VBG" and before >= 0 and doc[before].text == ","
        # "said it was opposed to the test and warned Pyongyang ...": a second speech verb joined
        # to the content, with no subject of its own, is the speaker's second report
        speech = token.dep_ == "conj" and token.tag_ in ("VBD", "VBZ") and cue_at(token).kind == SPEECH
        if not (participle or own_subject and token.dep_ == "conj" or speech):
            continue
        cut = token.left_edge.i
        while cut > start and (doc[cut - 1].is_punct or doc[cut - 1].pos_ == "CCONJ"):
            cut -= 1
        if cut > start and cut < end and not inside_quotation(doc, start, cut):
            return start, cut
    return span


def question_without_adjunct(cue: Cue, span: tuple[int, int]) -> tuple[int, int]:
    """An open question as content ends before an adverbial that follows it after a comma:
    ``wondered whether the moderators will be fair, engaging in age-old tactics`` and ``weighed in
    about whether the video should be released, even as footage circulated`` ask only the
    question; the rest is the writer's."""
    doc = cue.head.doc
    start, end = span
    if cue.head.i >= start or start >= end:
        return span
    opening = doc[start - 1] if start > 0 and doc[start - 1].dep_ == "mark" else doc[start]
    if opening.lower_ not in ("whether", "if") and opening.tag_ not in ("WRB", "WP", "WDT"):
        return span  # no question opens the content (tested before the walk for its root)
    root = min((t for t in doc[start:end] if not start <= t.head.i < end or t.head.i == t.i), key=lambda t: t.i, default=None)
    if root is None:
        return span
    if opening.lower_ not in ("whether", "if") and not (opening.tag_ in ("WRB", "WP", "WDT") and opening.head.i == root.i):
        return span
    for child in root.rights:
        if child.dep_ == "advcl" and child.left_edge.i - 1 > start and doc[child.left_edge.i - 1].text == ",":
            if not inside_quotation(doc, start, child.left_edge.i):
                return start, child.left_edge.i - 1
    return span


def inside_quotation(doc: Doc, start: int, at: int) -> bool:
    """Whether token ``at`` lies inside a quotation opened after ``start`` and not yet closed:
    ``said he had fought ''for the nation's rights, knowing that ...''`` quotes the participle
    too, so it is no second report."""
    opened = 0
    for token in doc[start:at]:
        if token.text in ("“", "``"):
            opened += 1
        elif token.text == "”":
            opened = max(0, opened - 1)
        elif token.text in ('"', "''"):
            opened = 1 - opened if opened <= 1 else opened - 1
    return opened > 0


def clip_to_paragraph(text: str, at: int, start: int, end: int) -> tuple[int, int] | None:
    """The part of ``[start, end)`` in the paragraph of offset ``at`` (parses can run on
    across a paragraph break, and content in another paragraph is not this cue's)."""
    left = text.rfind("\n", 0, at) + 1
    right = text.find("\n", at)
    right = len(text) if right < 0 else right
    if left <= start and end <= right:
        return start, end
    start, end = max(start, left), min(end, right)
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRIM):
        end -= 1
    return (start, end) if end - start > 1 else None


_TERMINATORS = frozenset({".", "!", "?", "…"})
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*(?=\s|$)")


def run_on(doc: Doc, text: str, cue: Cue, start: int, end: int) -> int:
    """``end`` carried to the end of the sentence when the parser cut the sentence short inside
    the content (a long sentence split in two, the rest of the content lost): only for content
    after its cue, and never past the paragraph."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or cue.head.i >= span.start:
        return end
    sent = sentence_of(span[-1])
    last = next((t for t in reversed(sent) if not t.is_space), sent[-1])
    ends_properly = last.text in _TERMINATORS or last.is_quote and doc[last.i - 1].text in _TERMINATORS
    if last.i > span[-1].i + 2 or ends_properly:
        return end  # the sentence goes on after the content, or ends where the parser says
    para_end = text.find("\n", end)
    para_end = len(text) if para_end < 0 else para_end
    stop = _SENTENCE_END.search(text, end, para_end)
    if stop is None:
        return end
    new_end = stop.start()
    while new_end > end and (text[new_end - 1] in TRIM or text[new_end - 1].isspace()):
        new_end -= 1
    return max(end, new_end)


_DATELINE = re.compile(r"[A-Z][A-Z.'’ ]+(?:,[ A-Za-z.]+)? ?[-–—]+ ?")


def after_dateline(text: str, start: int, end: int) -> tuple[int, int]:
    """The content without the dateline opening its paragraph (``OSLO - Norway will ..., the
    government said``): the place of the report, not what was said."""
    if start > 0 and text[start - 1] != "\n":
        return start, end
    m = _DATELINE.match(text, start, end)
    return (m.end(), end) if m and m.end() < end else (start, end)


def within_semicolons(text: str, at: int, start: int, end: int) -> tuple[int, int]:
    """The part of the content on the cue's side of a semicolon: ``said the timing was not
    intentional; they only learned of it on Friday`` reports the first clause (the parse often
    joins the second to it), and ``X; Y, he said`` reports Y."""
    if at < start:
        cut = text.find(";", start, end)
        return (start, cut) if cut > start else (start, end)
    cut = text.rfind(";", start, end)
    if cut < 0:
        return start, end
    new = cut + 1
    while new < end and text[new].isspace():
        new += 1
    return (new, end) if new < end else (start, end)


_CLOSING = {"“": "”", '"': '"', "‘": "’"}


def balance_marks(text: str, start: int, end: int) -> int:
    """``end`` moved past a closing mark when the content opens a quotation it does not close
    (the parse hangs the closing mark on the verb outside the clause)."""
    for opener, closer in _CLOSING.items():
        inside = text[start:end]
        unclosed = inside.count(opener) > inside.count(closer) if opener != closer else inside.count(opener) % 2
        if unclosed and text[end:end + 2].lstrip(".,")[:1] == closer:
            return text.index(closer, end) + 1
    return end


_ADVERBIAL_MARKS = frozenset({"after", "before", "until", "since", "once", "although", "though"})


def adverbial(content) -> bool:
    """Whether a content is only an adverbial clause (``said before he died``, ``feel stung
    after the crisis ...``): when or why, not what was said."""
    first = content[0]
    return first.dep_ == "mark" and first.lower_ in _ADVERBIAL_MARKS and first.head.i == content.root.i


def out_of_heading(cue: Token, content) -> bool:
    """Whether a cue in a capitalised heading (``EVEN OZ'S BOSS THINKS HE'S FULL OF IT —``) took
    its content from the ordinary text after it: the parse runs the heading into the next
    sentence, and what the heading's verb reports is in the heading."""
    return cue.is_upper and len(cue) > 1 and not all(t.is_upper or not t.is_alpha for t in content)
