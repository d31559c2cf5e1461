"""CAMEO QuadClass and Goldstein-style scores for events, from the CAMEO -> PLOVER crosswalk.

``data/cameo_plover.tsv`` (converted from the Open Event Data Alliance's CAMEO2PLOVER-2021
crosswalk, CC BY-SA 4.0, by ``scripts/convert_cameo_plover.py``) gives every CAMEO code its
QuadClass and a Goldstein-style score. An event with a CAMEO code takes the code's values (a code
the table lacks, such as a root ``04``, the nearest listed parent's or, failing that, its root's
QuadClass); an event without one takes its PLOVER type's: the QuadClass every CAMEO code of that
type shares in the crosswalk, and the project's intensity for its type and mode
(``data/goldstein_plover.tsv``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from relata.mentions.tables import data_path, read_table

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    plover_type: str
    plover_mode: str | None
    plover_context: str | None
    quad_class: int
    goldstein: float
    description: str


@dataclass(frozen=True)
class _Tables:
    codes: dict[str, CameoCode]
    type_quads: dict[str, int]
    weights: dict[tuple[str, str | None], float]


def root_quad_class(code: str) -> int | None:
    """The QuadClass of a CAMEO code's root (its first two digits), ``None`` for no CAMEO code."""
    try:
        root = int(code[:2])
    except (TypeError, ValueError):
        return None
    for quad, (low, high) in enumerate(((1, 5), (6, 8), (9, 13), (14, 20)), start=1):
        if low <= root <= high:
            return quad
    return None


@cache
def _tables() -> _Tables:
    codes = {}
    quads: dict[str, set[int]] = defaultdict(set)
    for row in read_table(data_path("cameo_plover.tsv")):
        entry = CameoCode(row["cameo"], row["plover_type"], row["plover_mode"] or None,
                          row["plover_context"] or None, int(row["quad_class"]), float(row["goldstein"]),
                          row["description"])
        codes[entry.code] = entry
        quads[entry.plover_type].add(entry.quad_class)
    weights = {}
    for row in read_table(data_path("goldstein_plover.tsv")):
        weights[(row["type"], None if row["mode"] == "-" else row["mode"])] = float(row["intensity"])
    # every type's codes share one QuadClass in the crosswalk (checked by the tests)
    return _Tables(codes, {kind: min(q) for kind, q in quads.items()}, weights)


def cameo_code(code: str | None) -> CameoCode | None:
    """The crosswalk's entry for ``code``, or for its nearest listed parent (``0431`` -> ``043``)."""
    codes = _tables().codes
    while code:
        if code in codes:
            return codes[code]
        code = code[:-1] if len(code) > 3 else None
    return None


def type_quad_class(plover_type: str) -> int | None:
    """The QuadClass the crosswalk's CAMEO codes of a PLOVER type share."""
    return _tables().type_quads.get(plover_type)


def type_goldstein(plover_type: str, mode: str | None) -> float | None:
    """The project's Goldstein-style intensity of a PLOVER type and mode (the type's default if
    the mode is not listed)."""
    weights = _tables().weights
    return weights.get((plover_type, mode), weights.get((plover_type, None)))


def quad_and_goldstein(cameo: str | None, plover_type: str, mode: str | None) -> tuple[int | None, float | None]:
    """``(QuadClass, Goldstein-style score)`` of an event (rules in the module docstring)."""
    entry = cameo_code(cameo)
    if entry is not None:
        return entry.quad_class, entry.goldstein
    if cameo:
        return root_quad_class(cameo), type_goldstein(plover_type, mode)
    return type_quad_class(plover_type), type_goldstein(plover_type, mode)


def crosswalk_rows() -> list[CameoCode]:
    """Every CAMEO code of the table, in code order."""
    return [entry for _, entry in sorted(_tables().codes.items())]


__all__ = [
    "QUAD_CLASSES", "CameoCode", "root_quad_class", "cameo_code", "type_quad_class", "type_goldstein",
    "quad_and_goldstein", "crosswalk_rows",
]
