"""What the pages show, as frozen dataclasses: nothing here knows about HTML, HTTP or the CLI."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One window of a listing: ``items`` from ``offset``, ``total`` matching in all."""

    items: tuple[T, ...]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None

    @property
    def previous_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    source: str
    language: str
    quotes: int
    events: int
    claims: int


@dataclass(frozen=True, slots=True)
class Count:
    """A label and how many: documents of an outlet, of a month, quotes of a speaker ..."""

    label: str
    count: int


@dataclass(frozen=True, slots=True)
class DyadSummary:
    """Two actors linked by events in either direction (as stored, not widened to countries)."""

    a: str
    b: str
    a_name: str
    b_name: str
    events: int  # event mentions (reports); the dyad page counts distinct events
    documents: int
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class Overview:
    counts: tuple[Count, ...]  # documents, actors, quotes, events, claims, times
    by_outlet: tuple[Count, ...]
    by_month: tuple[Count, ...]  # publication month; "undated" last
    by_event_type: tuple[Count, ...]
    top_speakers: tuple[Count, ...]
    top_dyads: tuple[DyadSummary, ...]
    latest: tuple[DocumentSummary, ...]


@dataclass(frozen=True, slots=True)
class QuoteRow:
    document_id: str
    position: int
    title: str | None
    outlet: str | None
    published: str | None
    text: str
    kind: str
    speaker: str | None
    speaker_name: str | None
    cue: str | None
    group_id: int | None  # its corroboration group, when several documents carry it


@dataclass(frozen=True, slots=True)
class SpeakerQuotes:
    speaker: str | None
    speaker_name: str
    total: int
    quotes: tuple[QuoteRow, ...]


@dataclass(frozen=True, slots=True)
class EventRow:
    document_id: str
    position: int
    title: str | None
    outlet: str | None
    published: str | None
    sentence: str
    trigger: str
    type: str
    mode: str | None
    intensity: float
    source: str | None
    source_name: str | None
    target: str | None
    target_name: str | None
    date: str | None


@dataclass(frozen=True, slots=True)
class ClaimRow:
    document_id: str
    position: int
    title: str | None
    outlet: str | None
    published: str | None
    text: str
    value: float
    unit: str
    qualifier: str
    measure: str | None
    period: str | None
    change: bool
    group_id: int | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A document whose title or text contains the query, with the text around the first match."""

    document: DocumentSummary
    before: str
    match: str
    after: str


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: str
    documents: Page[SearchHit]
    quotes: Page[QuoteRow]
    actors: tuple  # ActorInfo, at most one page
