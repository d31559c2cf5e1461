"""Numbers written in English words: ``twenty-five``, ``1.2 billion``, ``two thirds``, ``dozens``.

The word lists live in ``relata/data/number_words.tsv`` and are loaded once. This module only
turns words into values; finding them in text is :mod:`relata.mentions.quantities`' job (and
:mod:`relata.mentions.time_patterns` for day ordinals such as ``twenty second``).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_SPLIT = re.compile(r"[\s\-]+")


@cache
def lexicon() -> dict[str, dict[str, float]]:
    """``kind -> word -> value`` from ``number_words.tsv`` (kinds: unit, tens, scale, ordinal,
    fraction, vague)."""
    table: dict[str, dict[str, float]] = {}
    text = resources.files("relata.data").joinpath("number_words.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word, value = line.split("\t")
        table.setdefault(kind, {})[word] = float(value)
    return table


def cardinal_words() -> list[str]:
    """Cardinal words (``one`` ... ``ninety``, ``hundred`` ... ``trillion``), longest first."""
    lex = lexicon()
    words = [*lex["unit"], *lex["tens"], *(w for w in lex["scale"] if len(w) > 3)]
    return sorted(words, key=len, reverse=True)


def ordinal_value(word: str) -> int | None:
    """``third`` -> 3, ``thirds`` -> 3 (as a denominator), ``twenty-second`` -> 22."""
    lex = lexicon()
    parts = [p for p in _SPLIT.split(word.lower().strip()) if p]
    if not parts:
        return None
    last = parts[-1]
    ordinal = lex["ordinal"].get(last)
    if ordinal is None and last.endswith("s"):
        ordinal = lex["ordinal"].get(last[:-1])
    if ordinal is None:
        return None
    if len(parts) == 1:
        return int(ordinal)
    if len(parts) == 2 and parts[0] in lex["tens"]:
        return int(lex["tens"][parts[0]] + ordinal)
    return None


def words_value(phrase: str) -> float | None:
    """The value of a cardinal phrase: ``twenty-five`` -> 25, ``a hundred and two`` -> 102,
    ``two thousand three hundred`` -> 2300, ``half a dozen`` -> 6, ``two thirds`` -> 0.667.
    ``None`` when the phrase is not a number."""
    lex = lexicon()
    words = [w for w in _SPLIT.split(phrase.lower().strip()) if w and w != "and"]
    if not words:
        return None
    frac = _fraction(words)
    if frac is not None:
        return frac
    if len(words) > 2 and words[-2] in ("a", "an") and words[-1] in lex["fraction"]:
        whole = words_value(" ".join(words[:-2]))  # "two and a half"
        return None if whole is None else whole + lex["fraction"][words[-1]]
    total = current = 0.0
    seen = False
    for i, w in enumerate(words):
        if w in ("a", "an", "one") and i == 0 and len(words) > 1:
            current, seen = 1.0, True
        elif w in lex["unit"] or w in lex["tens"]:
            current += lex["unit"].get(w, lex["tens"].get(w, 0.0))
            seen = True
        elif w in ("dozen", "dozens") and (w == "dozen" or current):
            current = (current or 1.0) * 12
            seen = True
        elif w == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif w in lex["scale"] and len(w) > 3:
            total += (current or 1.0) * lex["scale"][w]
            current, seen = 0.0, True
        else:
            return None
    return total + current if seen else None


def _fraction(words: list[str]) -> float | None:
    """``a third``, ``two thirds``, ``three fifths``, ``half``, ``a quarter``, ``half a dozen``."""
    lex = lexicon()
    if words[0] == "half" and len(words) >= 2 and words[-1] == "dozen":
        return 6.0
    if len(words) == 1 and words[0] in lex["fraction"]:
        return lex["fraction"][words[0]]
    if len(words) != 2:
        return None
    head, tail = words
    numerator = 1.0 if head in ("a", "an", "one") else lex["unit"].get(head)
    if numerator is None:
        return None
    if tail in lex["fraction"]:
        return numerator * lex["fraction"][tail]
    if tail in ("second", "seconds", "first"):
        return None
    denominator = ordinal_value(tail)
    if denominator and denominator > 2:
        return numerator / denominator
    return None
