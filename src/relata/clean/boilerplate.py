"""Dropping page furniture from plain text, line by line, with patterns kept as data."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# After a "Related stories" heading, the short headline lines that follow are the list.
RELATED_LIST_MAX_LINES = 12
RELATED_ITEM_MAX_CHARS = 140
_SENTENCE_END = re.compile(r"[.?!\"”’)]$")


@dataclass(frozen=True)
class BoilerplatePattern:
    category: str
    regex: re.Pattern


@lru_cache(maxsize=1)
def patterns() -> tuple[BoilerplatePattern, ...]:
    text = resources.files("relata.data").joinpath("boilerplate.tsv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    out = []
    for line in rows[1:]:
        category, pattern = line.split("\t", 1)
        out.append(BoilerplatePattern(category, re.compile(pattern.strip(), re.IGNORECASE)))
    return tuple(out)


def category_of(line: str) -> str | None:
    """The boilerplate category a whole line belongs to, or ``None`` for article text."""
    stripped = line.strip()
    if not stripped or len(stripped) > 300:
        return None
    for pattern in patterns():
        if pattern.regex.fullmatch(stripped):
            return pattern.category
    return None


def remove_boilerplate(lines: list[str]) -> tuple[list[str], int]:
    """The lines that are not boilerplate, and how many were dropped."""
    kept: list[str] = []
    dropped = 0
    in_related = 0
    for line in lines:
        stripped = line.strip()
        if in_related and stripped:
            if len(stripped) <= RELATED_ITEM_MAX_CHARS and not _SENTENCE_END.search(stripped):
                in_related -= 1
                dropped += 1
                continue
            in_related = 0
        category = category_of(line)
        if category is None:
            kept.append(line)
            continue
        dropped += 1
        if category == "related":
            in_related = RELATED_LIST_MAX_LINES
    return kept, dropped
