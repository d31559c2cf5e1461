"""Spans between quotation marks, found in one linear pass over the text.

Handles straight and curly double and single quotes (telling apostrophes apart), guillemets,
low-high German marks and CJK corner brackets. A quotation that is still open at the end of a
paragraph continues when the next paragraph opens with a quotation mark (the newspaper
convention for multi-paragraph quotes); each paragraph's part is then its own span. A mark that
is never closed is ignored. Nested quotations stay inside their outer span, also when they use
the outer one's marks. A closing mark
that starts a paragraph right before a word opens a quotation there (``”Fear. I am ...”``, a
common slip in pasted text) and is closed by the same mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from relata.mentions.quote_lexicon import lexicon

# Marks that double as apostrophes: they open only before a word and close only after one.
_APOSTROPHES = frozenset("'’‘‚")
_OPEN_BEFORE = frozenset(" \t\n([{—–-/")


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """The text between one pair of marks (``start``/``end`` exclude the marks themselves)."""

    start: int
    end: int
    open_at: int  # offset of the opening mark
    close_at: int  # offset just past the closing mark (the paragraph end for a continued part)
    continued: bool = False  # part of a multi-paragraph quote that runs on to the next paragraph
    continuation: bool = False  # a later paragraph of a multi-paragraph quote


@cache
def _mark_pattern() -> re.Pattern:
    marks = set(lexicon().mark_pairs)
    for closers in lexicon().mark_pairs.values():
        marks.update(closers)
    return re.compile("|".join(re.escape(m) for m in sorted(marks, key=lambda m: (-len(m), m))))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph: blank-line separated, or line by line in texts
    that have no blank lines."""
    sep = re.compile(r"\n[ \t\r\f\v]*\n\s*" if "\n\n" in text or re.search(r"\n[ \t]+\n", text) else r"\n\s*")
    out, pos = [], 0
    for m in sep.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


@cache
def _closing_marks() -> frozenset[str]:
    return frozenset(m for closers in lexicon().mark_pairs.values() for m in closers)


def _mistyped_opener(text: str, i: int, mark: str, p_start: int) -> bool:
    """A closing-only mark at a paragraph start, before a word: it opens the quotation."""
    j = i + len(mark)
    return (i == p_start and mark not in lexicon().mark_pairs and mark in _closing_marks()
            and j < len(text) and _is_word(text[j]))


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _can_open(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    j = i + len(mark)
    after = text[j] if j < len(text) else " "
    if after.isspace():
        return False
    if mark in _APOSTROPHES:
        return (before in _OPEN_BEFORE or before in "\"“") and (_is_word(after) or after in "\"“…")
    if mark in ('"', "''", "``"):
        return not _is_word(before)
    return True


def _can_close(text: str, i: int, mark: str) -> bool:
    before = text[i - 1] if i > 0 else " "
    j = i + len(mark)
    after = text[j] if j < len(text) else " "
    if mark in _APOSTROPHES:
        return not before.isspace() and not _is_word(after)
    return not (before.isspace() and _is_word(after))


def _span(text: str, start: int, end: int, open_at: int, close_at: int, **flags) -> QuotedSpan | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start < 1 or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return QuotedSpan(start, end, open_at, close_at, **flags)


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every outermost quotation in ``text``, in order. An opening mark met again inside its own
    quotation (``“... what he calls “hell” than ...”``) nests one level deeper; when the nesting
    never balances out in the paragraph, the quotation ends at its first closing mark."""
    pairs = lexicon().mark_pairs
    pattern = _mark_pattern()
    paras = paragraphs(text)
    out: list[QuotedSpan] = []
    carried: str | None = None  # opening mark of a quote running on from the previous paragraph
    for index, (p_start, p_end) in enumerate(paras):
        opener: str | None = None
        open_at = -1
        continuation = False
        depth = 0
        first_close: tuple[int, int] | None = None  # where the quote ends if nesting never balances
        for m in pattern.finditer(text, p_start, p_end):
            mark, i = m.group(), m.start()
            if opener is None:
                if mark in pairs and _can_open(text, i, mark) or _mistyped_opener(text, i, mark, p_start):
                    opener, open_at = mark, i
                    continuation = carried is not None and i == p_start and mark == carried
                    depth, first_close = 0, None
                continue
            closers = pairs.get(opener, (opener,))
            if mark == opener and mark not in closers and _can_open(text, i, mark):
                depth += 1
                continue
            if mark in closers and _can_close(text, i, mark):
                if depth > 0:
                    depth -= 1
                    first_close = first_close or (i, m.end())
                    continue
                span = _span(text, open_at + len(opener), i, open_at, m.end(), continuation=continuation)
                if span:
                    out.append(span)
                opener, continuation = None, False
        if opener is not None and first_close is not None:
            span = _span(text, open_at + len(opener), first_close[0], open_at, first_close[1],
                         continuation=continuation)
            if span:
                out.append(span)
            opener = None
        carried = None
        if opener is not None and opener not in _APOSTROPHES and index + 1 < len(paras):
            nxt = paras[index + 1][0]
            if text.startswith(opener, nxt):
                span = _span(text, open_at + len(opener), p_end, open_at, p_end, continued=True,
                             continuation=continuation)
                if span:
                    out.append(span)
                carried = opener
    return out
