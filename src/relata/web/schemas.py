"""The JSON API's response models (they make the OpenAPI schema). Field names follow the contract."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int = Field(description="How many match in all.")
    limit: int
    offset: int


class ErrorMessage(BaseModel):
    detail: str = Field(description="What was wrong, in words.")


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    source: str
    language: str
    quotes: int
    events: int
    claims: int


class EntityMention(BaseModel):
    start: int
    end: int
    text: str
    label: str
    actor: str | None


class Actor(BaseModel):
    id: str
    name: str
    kind: str
    country: str | None
    aliases: list[str]


class Quote(BaseModel):
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_name: str | None
    cue: str | None


class Location(BaseModel):
    name: str
    country: str | None


class Event(BaseModel):
    start: int
    end: int
    trigger: str
    type: str
    mode: str | None
    intensity: float
    source: str | None
    target: str | None
    date: str | None
    attributed_to: str | None
    location: Location | None = None


class Claim(BaseModel):
    start: int
    end: int
    text: str
    value: float
    unit: str
    qualifier: str
    measure: str | None
    period: str | None
    change: bool
    attributed_to: str | None = None


class TimeExpression(BaseModel):
    start: int
    end: int
    text: str
    value: str | None


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


class ActorInfo(BaseModel):
    id: str
    name: str
    kind: str
    country: str | None
    documents: int
    mentions: int
    events: int
    aliases: list[str]


class QuoteRow(BaseModel):
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
    group_id: int | None


class EventRow(BaseModel):
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


class ClaimRow(BaseModel):
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


class DyadSummary(BaseModel):
    a: str
    b: str
    a_name: str
    b_name: str
    events: int
    documents: int
    first: str | None
    last: str | None


class ActorSelection(BaseModel):
    query: str
    matched: list[ActorInfo]
    how: str
    member_ids: list[str]


class Report(BaseModel):
    document_id: str
    position: int
    document_source: str
    title: str | None
    outlet: str | None
    published: str | None
    start: int
    end: int
    sentence: str
    trigger: str
    source: str
    target: str
    date: str | None
    intensity: float


class DyadEvent(BaseModel):
    id: str
    type: str
    direction: str
    source: str
    target: str
    source_name: str
    target_name: str
    date: str | None
    period: str
    intensity: float
    reports: list[Report]


class TypeCount(BaseModel):
    type: str
    direction: str
    events: int
    reports: int
    mean_intensity: float


class Period(BaseModel):
    label: str
    events: int
    reports: int
    mean_intensity: float
    counts: list[TypeCount]


class DyadTimeline(BaseModel):
    a: ActorSelection
    b: ActorSelection
    by: str
    periods: list[Period]
    events: list[DyadEvent]


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
