"""Normal forms of names, so that surface variants of one name compare equal.

``the U.S.`` and ``US``, ``Putin's`` and ``Putin``, ``Vladimir V. Putin`` and ``Vladimir Putin``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"'s?$")
_INITIALISM_DOT = re.compile(r"(?<=\b\w)\.(?=\w\b)")  # the inner dots of "U.S.", "U.K."


def name_key(text: str) -> str:
    """Case-folded lookup key: no leading ``the``, no possessive, no dots, single spaces."""
    # An ASCII name without the characters this rewrites (apostrophes, dots, commas), and not
    # starting with "the", only needs its spaces and case normalised (four substring tests: a set
    # built from the name's characters cost more than the rest).
    if text.isascii() and "." not in text and "'" not in text and "," not in text and "`" not in text:
        # Most names (and the gazetteer's 230,000): nothing to normalise, translate or strip.
        stripped = text.strip()
        if stripped[:3].lower() != "the":
            return " ".join(stripped.split()).lower()
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).translate(_DASHES)
    text = _LEADING_THE.sub("", text.strip())
    text = _POSSESSIVE.sub("", text)
    text = _INITIALISM_DOT.sub("", text).replace(".", " ").replace(",", " ")
    return " ".join(text.split()).casefold()


def fold_accents(text: str) -> str:
    """``text`` without accents: ``córdoba`` -> ``cordoba``."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def without_initials(key: str) -> str:
    """``vladimir v putin`` -> ``vladimir putin``: middle initials dropped (first and last kept)."""
    parts = key.split()
    if len(parts) <= 2:
        return key
    return " ".join([parts[0], *(p for p in parts[1:-1] if len(p) > 1), parts[-1]])


@lru_cache(maxsize=65536)  # asked for every actor of every document: news repeats its names
def slug(name: str) -> str:
    """Stable id for an actor known only from the text: ``Cheng Chin-mo`` -> ``cheng-chin-mo``."""
    text = unicodedata.normalize("NFKD", _INITIALISM_DOT.sub("", name.translate(_APOSTROPHES)))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "actor"
