"""The JSON API's response models (they make the OpenAPI schema). Field names follow the contract.

Where the library already has a frozen dataclass of the right shape (the record's items, the
listing rows, the dyad timeline) it is the response model itself: pydantic validates and documents
stdlib dataclasses, so one definition serves the library, the report and the API. Only shapes the
library does not have as dataclasses (the page envelope, the record with its ``schema`` alias, the
corroboration groups as JSON) are declared here.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from relata.analyze.actor_lookup import ActorInfo
from relata.analyze.dyad import DyadTimeline
from relata.records import Actor, Claim, EntityMention, Event, Quote, TimeExpression
from relata.views.model import ClaimRow, DocumentSummary, DyadSummary, EventRow, QuoteRow

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="How many match in all.")
    limit: int
    offset: int


class ErrorMessage(BaseModel):
    detail: str = Field(description="What was wrong, in words.")


class DocumentRecord(BaseModel):
    """One document's full record, contract ``relata.document/1``."""

    schema_: str = Field(alias="schema", serialization_alias="schema")
    id: str
    source: str
    title: str | None
    author: str | None
    outlet: str | None
    published: str | None
    language: str
    text: str
    entities: list[EntityMention]
    actors: list[Actor]
    quotes: list[Quote]
    events: list[Event]
    claims: list[Claim]
    times: list[TimeExpression]
    warnings: list[str]


class GroupDocument(BaseModel):
    document_id: str
    outlet: str | None
    published: str | None
    source: str
    title: str | None


class Provenance(BaseModel):
    status: str = Field(description="clear, tie or unknown")
    published: str | None
    first: list[GroupDocument]
    undated: list[str]


class ClaimMember(GroupDocument):
    position: int
    text: str
    value: float
    qualifier: str
    measure: str | None
    period: str | None


class ClaimGroup(BaseModel):
    id: int
    value: float
    unit: str
    qualifier: str
    measure: str | None
    period: str | None
    change: bool
    documents: int
    outlets: list[str]
    first: Provenance
    conflicts: list[int]
    members: list[ClaimMember]


class QuoteMember(GroupDocument):
    position: int
    text: str
    kind: str
    speaker_name: str | None


class QuoteGroup(BaseModel):
    id: int
    text: str
    speaker: str | None
    speaker_name: str | None
    speakers: list[str]
    documents: int
    outlets: list[str]
    first: Provenance
    members: list[QuoteMember]


__all__ = [
    "Page", "ErrorMessage", "DocumentRecord", "DocumentSummary", "ActorInfo", "QuoteRow", "EventRow",
    "ClaimRow", "DyadSummary", "DyadTimeline", "ClaimGroup", "QuoteGroup", "Provenance",
    "EntityMention", "Actor", "Quote", "Event", "Claim", "TimeExpression",
]
