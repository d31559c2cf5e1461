"""The cleaned document: body text and metadata, before any parsing."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CleanDocument:
    source: str
    text: str
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str = "en"
    warnings: tuple[str, ...] = ()
