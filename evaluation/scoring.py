"""Precision/recall/F1 bookkeeping shared by the evaluation modules."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Score:
    """One row of the accuracy table.

    For set-matching tasks give ``tp``, ``fp``, ``fn``; for accuracy-style measures give
    ``correct`` out of ``total`` (then P/R/F1 columns show the accuracy once, under F1).
    """

    dataset: str
    extractor: str
    measure: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int | None = None
    total: int | None = None
    system: str = "relata"
    note: str = ""

    @property
    def precision(self) -> float | None:
        if self.correct is not None:
            return None
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float | None:
        if self.correct is not None:
            return None
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        if self.correct is not None:
            return self.correct / self.total if self.total else 0.0
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def n(self) -> int:
        return self.total if self.total is not None else self.tp + self.fn


def shared_dev() -> Path | None:
    """``../shared/dev`` beside the project (or ``$RELATA_SHARED_DEV``), or ``None`` if absent."""
    env = os.environ.get("RELATA_SHARED_DEV")
    path = Path(env) if env else Path(__file__).resolve().parent.parent.parent / "shared" / "dev"
    return path if path.is_dir() else None
