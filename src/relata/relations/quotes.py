"""Quotes and their speakers: direct quotations, partial quotations inside reported speech,
indirect (reported) speech, and transcript lines.

The parts live in their own modules (quotation-mark scanning in ``quote_marks``, cue words in
``quote_cues``, reported speech in ``reported_speech``, transcript lines in ``transcript``,
speaker resolution in ``speakers``); this module combines them:

1. transcript lines ``Name: text`` are direct quotes with cue ``:``;
2. each quotation is attributed by the cue right after or before it (``"...," she said``,
   ``"..." ― Ana Ruiz``); a short one with no cue (a title, a scare quote, ``the so-called
   "new era"``) is dropped;
3. reported speech found in the parse becomes ``indirect`` unless it is mostly a quotation
   already found (the quotation keeps the cue); a quotation embedded in its content
   (``called the sanctions "illegitimate"``) is ``partial`` with the same speaker and cue, and
   an embedded quotation outside any reported speech is dropped; reported speech said inside
   another report's content or a quotation is part of it (``X said it welcomed ...``), unless a
   second speaker takes over (``..., while Y said ...``);
4. nothing in a contact sentence (``For more information call +260 ...``) is a quote, unless it
   is a quotation someone is said to have said, and nothing that is mostly a telephone number,
   an address, an ISBN or an article number;
5. a quotation with no attribution in its own sentence right after a sentence whose subject is a
   person (``Senator Haddad praised the police. "They saved lives."``, ``Caddell continued:``)
   is that person's; otherwise it, or one attributed to a bare pronoun that does not resolve,
   takes the speaker of the run of quotes it continues.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Span

from relata.mentions.identifiers import find_identifiers, is_contact
from relata.mentions.quote_lexicon import SPEECH
from relata.mentions.transcript import find_transcript_lines
from relata.nlp import ParsedDocument, sentence_of
from relata.records import Actor, Quote
from relata.relations.quote_cues import (
    Cue,
    TokenIndex,
    after_window,
    before_window,
    cue_at,
    first_cue,
    last_cue,
    scare_marked,
)
from relata.relations.quote_marks import QuotedSpan, find_quoted_spans, paragraphs
from relata.relations.reported_speech import QUOTE_CHARS, Report, find_reports
from relata.relations.speakers import is_pronoun, match_label, resolve_speaker, subject_of
from relata.relations.speaking_for import speaking_for
from relata.resolve.actors import DocumentActors

_MIN_UNATTRIBUTED_WORDS = 4  # a shorter quotation with no cue is a term or a title, not speech
_SCARE_MAX_WORDS = 6
_RUN_PARAGRAPHS = 1  # a run of quotes continues over at most this many paragraph breaks
_SAME_QUOTE = 0.8  # reported speech mostly covered by a quotation is that quotation
_WORD = re.compile(r"[A-Za-z]{2,}")
_OPENING = frozenset({",", ":", "—", "–", "-", "(", "["})
_TITLE_SMALL_WORDS = frozenset("a an the of in on at to for and or but nor by with from as vs".split())
_CONTRAST = frozenset({"while", "whereas", "but"})  # "X said ..., while Y said ...": two speakers
_STAGE_DIRECTION = re.compile(r"\s*[(\[][^()\[\]]{1,40}[)\]][\s.,]*")
_BYLINE_DASH = re.compile(r"[ \t\u00a0]*(?:―|—|–|--|-)[ \t\u00a0]*")


@dataclass
class _Draft:
    start: int
    end: int
    kind: str
    cue: str | None = None
    actor: Actor | None = None
    pronoun: bool = False  # attributed to a pronoun that did not resolve
    attributed: bool = False  # a cue was found for it in its own sentence
    fixed: bool = False  # speaker settled (transcript label), never inherited
    line_start: int = -1  # a transcript line's start, label included
    short: bool = False  # a few words with no cue: a term or a title unless a run continues
    introduced: bool = False  # no cue, right after a sentence whose subject is a person ...
    introducer: Actor | None = None  # ... that person, when named
    cue_i: int = -1  # token index of the cue word


def extract_quotes(parsed: ParsedDocument, actors: DocumentActors) -> tuple[Quote, ...]:
    text, doc = parsed.text, parsed.doc
    index = TokenIndex(doc)
    drafts = _transcript_drafts(parsed, actors)
    lines = _Sorted(_Draft(d.line_start, d.end, d.kind) for d in drafts)
    quoted = [s for s in find_quoted_spans(text) if not any(lines.overlapping(s.start, s.end))]
    drafts += [d for s in quoted if (d := _quotation_draft(text, index, s, actors)) is not None]
    drafts = _merge_reports(parsed, actors, drafts)
    drafts = [d for d in drafts if not _contact(text, d) and not _identifier(text, d)]
    _continue_runs(text, drafts)
    out = []
    seen = set()
    for d in sorted(drafts, key=lambda d: (d.start, d.end)):
        if (d.start, d.end) in seen or not d.attributed and (d.kind == "partial" or d.short and not d.actor):
            continue
        seen.add((d.start, d.end))
        actor = d.actor
        out.append(Quote(
            start=d.start, end=d.end, text=text[d.start:d.end], kind=d.kind,
            speaker=actor.id if actor else None, speaker_name=actor.name if actor else None,
            cue=d.cue,
        ))
    return tuple(out)


def _contact(text: str, draft: _Draft) -> bool:
    """Whether a draft lies in a contact sentence (``For more information call +260 ...``,
    ``Media enquiries: press@...``): never a quote. A quotation someone is said to have said
    stays ('"Call 555-0100," the sheriff said')."""
    if draft.fixed or draft.kind == "direct" and draft.cue is not None and draft.actor is not None:
        return False
    left = max(text.rfind(". ", 0, draft.start), text.rfind("\n", 0, draft.start)) + 1
    ends = [at for at in (text.find(". ", draft.end), text.find("\n", draft.end)) if at >= 0]
    sentence = text[left:min(ends, default=len(text))]
    return _digit_or_at(sentence) and is_contact(sentence)


_ASCII_DIGIT_OR_AT = re.compile(r"[0-9@]")


def _digit_or_at(text: str) -> bool:
    """Whether ``text`` has a digit (``str.isdigit``) or an ``@``: one regex scan where the text is
    ASCII (its digits are 0-9 alone), a look at every character otherwise (``²`` is a digit)."""
    if text.isascii():
        return _ASCII_DIGIT_OR_AT.search(text) is not None
    return any(ch.isdigit() or ch == "@" for ch in text)


def _identifier(text: str, draft: _Draft) -> bool:
    """Whether a draft is mostly a number or address that identifies (``ISBN 978-...``,
    ``Article 21``, ``+260 211 252 640``): nothing anyone said."""
    content = text[draft.start:draft.end]
    if not _digit_or_at(content):
        return False
    covered = sum(i.end - i.start for i in find_identifiers(content))
    return covered >= 0.5 * len(content.strip(" .,;:"))


def _transcript_drafts(parsed: ParsedDocument, actors: DocumentActors) -> list[_Draft]:
    def label_actor(label: str, offset: int | None = None) -> Actor | None:
        if offset is not None:
            span = parsed.doc.char_span(offset, offset + len(label), alignment_mode="expand")
            if span is not None:
                actor = actors.resolve(span)
                if actor is not None:
                    return actor
        return match_label(label, actors)

    drafts = []
    def names_person(label: str) -> bool:
        actor = label_actor(label)
        return actor is not None and actor.kind == "person"

    for line in find_transcript_lines(parsed.text, names_person):
        if line.named is not None:  # "HOST (Maya Collins):" and the "HOST:" lines after it
            actor = label_actor(line.named, line.named_start)
        else:
            actor = None if line.questioner else label_actor(line.label, line.label_start)
        drafts.append(_Draft(line.start, line.end, "direct", ":", actor, attributed=True, fixed=True,
                             line_start=line.line_start))
    return drafts


def _quotation_draft(text: str, index: TokenIndex, span: QuotedSpan, actors: DocumentActors) -> _Draft | None:
    before = before_window(index, span.open_at)
    after = after_window(index, span.close_at)
    embedded = bool(before) and before[-1].text not in _OPENING and not _speech_cue(before[-1])
    words = len(text[span.start:span.end].split())
    if words <= _SCARE_MAX_WORDS and scare_marked(text, span.open_at):
        return None
    if _STAGE_DIRECTION.fullmatch(text[span.start:span.end]):
        return None  # "(CROSSTALK.)", "[applause]": what the transcript notes, not what anyone said
    if embedded:
        # a fragment inside a clause: partial, attributed only by the reported speech around it
        return _Draft(span.start, span.end, "partial")
    draft = _Draft(span.start, span.end, "direct")
    byline = _dash_byline(text, index, span.close_at)
    if byline is not None:
        draft.cue, draft.attributed = text[span.close_at:byline.start_char].strip(), True
        draft.actor = actors.resolve(byline) or match_label(byline.text, actors)
        return draft
    cue = _direct_cue(text, span, before, after)
    if cue is not None and _quotation_is_subject(span, cue):
        cue = None  # '"Xi Jinping Thought" was written into the constitution': a name, not speech
    if cue is not None:
        _attribute(draft, cue, actors, _subject_between(after, cue))
    elif _title_case(text[span.start:span.end]) and not span.continuation:
        return None  # "Coal Isn't the Villain.": a headline or a work's title, not speech
    elif words < _MIN_UNATTRIBUTED_WORDS and not span.continuation:
        draft.short = True  # kept only inside reported speech or a run of quotes
    if cue is None and not span.continuation:
        draft.introduced, draft.introducer = _introduced_by(text, index, span, actors)
    return draft


def _introduced_by(text: str, index: TokenIndex, span: QuotedSpan, actors: DocumentActors) -> tuple[bool, Actor | None]:
    """``Senator Omar Haddad then praised the police. "They saved lives."``, ``Caddell
    continued:`` and a quotation in the next paragraph: a quotation with no cue right after a
    finished sentence (or a colon) whose subject is a person is that person's, not the speaker of
    an earlier run. Returns whether such a sentence precedes, and the person when named."""
    doc = index.doc
    if not doc.has_annotation("DEP"):
        return False, None
    i = index.last_before(span.open_at)
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text not in (".", "!", "?", ":"):
        return False, None
    if "\n" in text[doc[i].idx:span.open_at] and doc[i].text != ":":
        return False, None
    sentence = sentence_of(doc[i])
    subject = next((c for c in sentence.root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ not in ("PROPN", "PRON") or subject.lower_ in ("it", "they", "we", "i", "you"):
        return False, None
    actor = resolve_speaker(subject, actors)
    if actor is None:
        return subject.ent_type_ == "PERSON", None
    # a named body or state as the subject: the quotation is someone's there, not the run's
    return actor.kind == "person" or subject.pos_ == "PROPN", actor if actor.kind == "person" else None


def _quotation_is_subject(span: QuotedSpan, cue: Cue) -> bool:
    """Whether the cue verb's subject lies inside the quotation itself: the quoted words are what
    the verb is about (a title, a slogan), not words the verb attributes to someone."""
    subjects = [c for c in cue.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(span.start <= s.idx < span.end for s in subjects) and any(
        c.dep_ == "auxpass" for c in cue.head.children)


def _title_case(quoted: str) -> bool:
    """Every word capitalised but the small ones (``Legend in the Coal Fields``)."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", quoted)]
    big = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS]
    return len(big) >= 2 and all(w[0].isupper() for w in big) and any(w[0].isupper() and not w.isupper() for w in big)


def _dash_byline(text: str, index: TokenIndex, close_at: int) -> Span | None:
    """``"..." ― Carlos Ruiz``: a dash and a name right after the closing mark. Read on the text,
    as tokenizers glue a dash to the mark before it (``”―``)."""
    dash = _BYLINE_DASH.match(text, close_at)
    if dash is None:
        return None
    name = after_window(index, dash.end())
    end = 0
    while end < len(name) and (name[end].pos_ == "PROPN" or name[end].text in (".", "-")):
        end += 1
    if end == 0 or end < len(name) and not (name[end].is_punct or name[end].is_space):
        return None
    return index.doc[name[0].i:name[end - 1].i + 1]


def _speech_cue(token) -> bool:
    """``said "..."``: a speech verb right before the opening mark introduces a direct quote."""
    cue = cue_at(token)
    return cue is not None and cue.kind == SPEECH


def _direct_cue(text: str, span: QuotedSpan, before, after) -> Cue | None:
    tail = text[span.close_at:span.close_at + 3].lstrip()
    ends_open = text[span.start:span.end].rstrip()[-1:] in (",", "—", "–") or tail[:1] in (",", "—")
    if before and before[-1].text == ":" and not ends_open:
        return last_cue(before) or first_cue(after)
    return first_cue(after) or last_cue(before)


def _subject_between(after, cue: Cue):
    """``"...," Flynn, a surrogate, said on Fox``: the noun phrase between the closing mark and
    the cue is the speaker, whatever the parse hangs on the verb as its subject."""
    pre = [t for t in after if t.i < cue.head.i]
    nouns = [t for t in pre if t.pos_ in ("PROPN", "PRON", "NOUN")]
    if not nouns:
        return None
    subjects = [t for t in nouns if t.dep_ in ("nsubj", "nsubjpass")]
    token = subjects[0] if subjects else nouns[0]
    while token.dep_ in ("compound", "flat") and token.head.i < cue.head.i:
        token = token.head
    return token


def _attribute(draft: _Draft, cue: Cue, actors: DocumentActors, subject=None) -> None:
    subject = subject if subject is not None else subject_of(cue.head)
    draft.cue = cue.text
    draft.cue_i = cue.head.i
    draft.attributed = True
    draft.actor = speaking_for(resolve_speaker(subject, actors), subject, actors)
    draft.pronoun = draft.actor is None and is_pronoun(subject)


class _Sorted:
    """Non-overlapping spans in text order, for overlap look-ups in logarithmic time."""

    def __init__(self, items):
        self.items = sorted(items, key=lambda d: d.start)
        self.ends = [d.end for d in self.items]

    def overlapping(self, start: int, end: int):
        i = bisect_right(self.ends, start)
        while i < len(self.items) and self.items[i].start < end:
            yield self.items[i]
            i += 1


def _merge_reports(parsed: ParsedDocument, actors: DocumentActors, drafts: list[_Draft]) -> list[_Draft]:
    """Add reported speech, letting quotations that make up most of it stand for it."""
    lines = _Sorted(d for d in drafts if d.fixed)
    quotes = _Sorted(d for d in drafts if not d.fixed)
    added: list[_Draft] = []
    for report in _outermost(find_reports(parsed.doc)):
        cue_char = report.cue.head.idx
        if any(lines.overlapping(cue_char, cue_char + 1)) or any(
                d.start <= report.start and report.end <= d.end for d in lines.overlapping(report.start, report.end)):
            continue
        if any(d.kind == "direct" and d.start <= report.start and report.end <= d.end and d.start <= cue_char < d.end
               for d in quotes.overlapping(cue_char, cue_char + 1)):
            continue  # '"We told them that it was over," she said': part of the quotation
        if any(d.kind == "direct" and d.start <= cue_char < d.end and not d.start <= report.start < d.end
               for d in quotes.overlapping(cue_char, cue_char + 1)):
            continue  # '"... I would say, ‘That's ridiculous,’" the president added': a quoted cue reports only inside its quotation
        length = report.end - report.start
        inside = list(quotes.overlapping(report.start, report.end))
        same = next((d for d in inside
                     if min(d.end, report.end) - max(d.start, report.start) >= _SAME_QUOTE * length
                     or d.cue_i == report.cue.head.i), None)
        if same is not None and same.kind == "direct" and report.start <= same.start \
                and len(_WORD.findall(parsed.text[same.end:report.end])) >= 2:
            same.kind = "partial"  # 'claimed "Trump exaggerates" the level of ...': a fragment of the clause
            if same.start == report.start and same.start > 0 and parsed.text[same.start - 1] in QUOTE_CHARS:
                report = replace(report, start=same.start - 1)  # the clause opens with the quotation mark
        elif same is not None:
            if not same.attributed:
                _attribute(same, report.cue, actors)
            continue
        draft = _Draft(report.start, report.end, "indirect")
        _attribute(draft, report.cue, actors)
        for d in inside:
            if report.start <= d.start and d.end <= report.end and (d.kind == "partial" or d.short):
                d.kind = "partial"
                d.cue, d.actor, d.pronoun, d.attributed = draft.cue, draft.actor, draft.pronoun, True
        added.append(draft)
    return drafts + added


def _outermost(reports: list[Report]) -> list[Report]:
    """Reports without those said inside another's content (``X said it welcomed the deal``: the
    welcoming is part of what X said, not a second quote)."""
    out: list[Report] = []
    outer: int | None = None  # index in ``out`` of the report reaching furthest right so far
    for report in sorted(reports, key=lambda r: (r.start, -r.end)):
        cue_char = report.cue.head.idx
        last = out[outer] if outer is not None else None
        if (last is not None and report.end <= last.end and (report.start, report.end) != (last.start, last.end)
                and last.start <= cue_char < last.end):
            if last.cue.kind == "phrase" and report.cue.kind != "phrase":
                # "X said ..., according to the ministry": X speaks; the phrase names the channel
                out[outer] = report
                continue
            cut = _another_speaker(report, last)
            if cut is None:
                continue
            out[outer] = Report(last.cue, last.start, cut)
        out.append(report)
        if outer is None or report.end > out[outer].end:
            outer = len(out) - 1
    return sorted(out, key=lambda r: r.cue.head.i)


def _another_speaker(inner: Report, outer: Report) -> int | None:
    """Where ``outer`` ends when ``inner`` is a second speaker's words joined to it (``Japan said
    it would lift the curbs, while Seoul said it would drop its complaint``): the start of the
    inner attribution's clause, if that clause has a named subject of its own."""
    head = inner.cue.head
    if head.dep_ not in ("advcl", "conj") or head.head.i > head.i or head.idx < outer.start:
        return None
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.pos_ not in ("PROPN", "NOUN"):
        return None
    doc = head.doc
    i = head.left_edge.i
    contrast = doc[i].lower_ in _CONTRAST
    while i > 0 and (doc[i - 1].is_punct or doc[i - 1].pos_ in ("CCONJ", "SCONJ")):
        i -= 1
        contrast = contrast or doc[i].lower_ in _CONTRAST
    if not contrast:
        return None
    end = doc[i - 1].idx + len(doc[i - 1].text) if i > 0 else outer.start
    return end if end > outer.start else None


def _continue_runs(text: str, drafts: list[_Draft]) -> None:
    """Quotations with no speaker of their own take the speaker of the run they continue."""
    starts = [p[0] for p in paragraphs(text)]
    current: Actor | None = None
    current_para = -10
    for d in sorted(drafts, key=lambda d: d.start):
        para = bisect_right(starts, d.start) - 1
        if d.introduced and d.actor is None and not d.attributed and not d.fixed:
            d.actor = d.introducer  # a sentence about another person sits between: theirs, not the run's
            current, current_para = d.actor, para
            continue
        recent = current is not None and para - current_para <= (0 if d.short else _RUN_PARAGRAPHS)
        if d.actor is None and not d.fixed and recent and d.kind != "indirect":
            if not d.attributed or d.pronoun:
                d.actor = current
        elif d.actor is None and d.pronoun and recent:
            d.actor = current
        if d.actor is not None:
            current, current_para = d.actor, para
        elif d.attributed and not d.pronoun:
            current = None  # someone else, unnamed, speaks now
