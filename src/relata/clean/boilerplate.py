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
_HEADING = re.compile(r"[^.!?]{1,60}:|[^.!?:]{1,40}")  # a short line with nothing after its colon


@dataclass(frozen=True)
class BoilerplatePattern:
    category: str
    regex: re.Pattern


def _rows(name: str) -> list[list[str]]:
    text = resources.files("relata.data").joinpath(name).read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in rows[1:]]


@lru_cache(maxsize=1)
def _placeholders() -> dict[str, str]:
    """``<phone>``, ``<email>``, ``<url>`` -> the identifier patterns of that kind (the same
    table :mod:`relata.mentions.identifiers` reads for quotes and claims, later in the pipeline)."""
    kinds: dict[str, list[str]] = {}
    for kind, *_, pattern in _rows("identifier_patterns.tsv"):  # kind first, pattern last
        kinds.setdefault(kind, []).append(pattern.strip().replace("(?P<id>", "(?:"))
    return {f"<{kind}>": "(?:" + "|".join(found) + ")" for kind, found in kinds.items()}


@lru_cache(maxsize=1)
def patterns() -> tuple[BoilerplatePattern, ...]:
    out = []
    for category, pattern in _rows("boilerplate.tsv"):
        for name, expansion in _placeholders().items():
            pattern = pattern.replace(name, expansion)
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
        if category == "related" or category == "contact" and _HEADING.fullmatch(stripped):
            in_related = RELATED_LIST_MAX_LINES  # "Media contacts:" and the name and number lines after it
    return kept, dropped
