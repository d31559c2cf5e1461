"""Transcript lines ``Name: text`` (``Wang Yi: ...``, ``MR MILLER: ...``, ``Q: ...``).

A line counts as a transcript line when its label looks like a name (one to four capitalised
words, or an upper-case label) that is not a known heading (``Note:``, ``Photo:``), and the
label names one of the document's actors, is an interviewer's label (``Q:``, ``Reporter:``), or
labels at least two lines (speakers come back; header fields such as ``Release Date:`` do not).

A role label may name its speaker once in brackets (``HOST (Maya Collins): ...``); later lines
with the bare role (``HOST: ...``) are that person's too.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from relata.mentions.quote_lexicon import lexicon

_LINE = re.compile(
    r"^[ \t]*(?P<open>[\"“‘']?)(?P<label>[^\W\d_][\w.'’\-]*(?:[ \t]+[\w.'’\-]+){0,3})"
    r"(?:[ \t]*\((?P<named>[^\W\d_][^()\n:]{1,38})\))?[ \t]*:[ \t]+(?P<body>\S[^\n]*)",
    re.MULTILINE,
)
_MAX_LABEL = 40


@dataclass(frozen=True)
class TranscriptLine:
    label: str
    label_start: int
    start: int  # the spoken text, without surrounding quotation marks
    end: int
    questioner: bool  # an unnamed interviewer or narrator (``Q:``, ``Reporter:``)
    line_start: int  # the line's start: its label, or the quotation mark before the label
    named: str | None = None  # the person a role label stands for (``HOST (Maya Collins):``)
    named_start: int = -1  # where that name is written


def _looks_like_name(label: str) -> bool:
    words = label.split()
    if not words or len(label) > _MAX_LABEL:
        return False
    if label.isupper():
        return True
    return all(w[0].isupper() or w.lower() in ("de", "van", "von", "al", "bin", "la", "le", "da") for w in words)


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    pairs = lexicon().mark_pairs
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 2 and text[start] in pairs and text[end - 1] in pairs[text[start]]:
        inner = text[start + 1:end - 1]
        if not any(ch == text[start] or ch in pairs[text[start]] for ch in inner):
            start, end = start + 1, end - 1
    return start, end


def find_transcript_lines(text: str, is_known_speaker=lambda label: False) -> list[TranscriptLine]:
    """Transcript lines of ``text``; ``is_known_speaker(label)`` says whether a label names one of
    the document's actors (a single such line is then enough)."""
    lex = lexicon()
    found: list[TranscriptLine] = []
    for m in _LINE.finditer(text):
        label = m.group("label").strip()
        lower = label.lower().rstrip(".")
        if lower in lex.non_speaker_labels or not _looks_like_name(label):
            continue
        start, end = _strip_marks(text, m.start("body"), m.end("body"))
        opener = m.group("open")
        if opener and end > start and text[end - 1] in lexicon().mark_pairs[opener]:
            end -= 1  # a quoted transcript line: "NAME: text"
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start < 2:
            continue
        named = m.group("named")
        if named is not None and not _looks_like_name(named.strip()):
            continue  # "Note (updated):": a heading, not a speaker
        found.append(TranscriptLine(label, m.start("label"), start, end, lower in lex.questioner_labels,
                                    m.start("open"), named.strip() if named else None,
                                    m.start("named") if named else -1))
    roles = {}
    for line in found:
        if line.named is not None:
            roles.setdefault(line.label.lower(), (line.named, line.named_start))
    found = [replace(line, named=roles[line.label.lower()][0], named_start=roles[line.label.lower()][1])
             if line.named is None and line.label.lower() in roles else line for line in found]
    counts = Counter(line.label.lower() for line in found)
    return [line for line in found
            if line.questioner or counts[line.label.lower()] >= 2 or is_known_speaker(line.label)
            or line.named is not None and is_known_speaker(line.named)]
