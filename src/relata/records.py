"""The document record (contract ``relata.document/1``) as frozen dataclasses.

Every extracted item carries ``start``/``end``: code-point offsets into the record's cleaned
``text`` (end exclusive). JSON appears only at the edge, through :func:`to_dict`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from functools import cache

SCHEMA = "relata.document/1"

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
ACTOR_KINDS = ("person", "state", "organization", "group", "location")
QUOTE_KINDS = ("direct", "partial", "indirect")
QUALIFIERS = ("exact", "more_than", "less_than", "about", "up_to")


@dataclass(frozen=True, slots=True)
class EntityMention:
    start: int
    end: int
    text: str
    label: str
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str
    country: str | None
    aliases: tuple[str, ...] = ()
    # CAMEO/Phoenix role sector (GOV, MIL, REB, ...) where the actor tables or a role noun give it.
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_name: str | None
    cue: str | None


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened: the place as the text names it, the state it lies in, and its
    coordinates in degrees (WGS 84) when the gazetteer places it without doubt, else ``None``
    (:mod:`relata.resolve.coordinates`)."""

    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Event:
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
    # The CAMEO code of the pattern that coded the event, for CAMEO-based tools.
    cameo: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
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


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    value: str | None


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    id: str
    source: str
    title: str | None
    author: str | None
    outlet: str | None
    published: str | None
    language: str
    text: str
    entities: tuple[EntityMention, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    warnings: tuple[str, ...] = ()
    schema: str = field(default=SCHEMA)

    def to_dict(self) -> dict:
        """The record as the contract's JSON-ready data (see :func:`to_dict`)."""
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict) -> DocumentRecord:
        """A record from its contract JSON (see :func:`from_dict`)."""
        return from_dict(data)


# Values returned as they are, tested by exact type first: most of a record's values are these
# (the dataclass test on a string looked an attribute up and failed, thousands of times a record).
_LEAVES = frozenset({str, int, float, bool, type(None)})


def _plain(value):
    if type(value) in _LEAVES:
        return value
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    return value


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    """A record class's field names in order (``dataclasses.fields`` builds them again per call:
    thousands of items per document)."""
    return tuple(f.name for f in fields(cls))


def to_dict(record: DocumentRecord) -> dict:
    """The record as plain JSON-ready data, keys in contract order (``schema`` first)."""
    out = {"schema": record.schema}
    for f in fields(record):
        if f.name != "schema":
            out[f.name] = _plain(getattr(record, f.name))
    # Optional contract fields are left out when unknown, so records stay as they were without them.
    for event in out["events"]:
        if event.get("location") is None:
            event.pop("location", None)
        else:
            for key in ("lat", "lon"):
                if event["location"].get(key) is None:
                    event["location"].pop(key)
        if event.get("cameo") is None:
            event.pop("cameo", None)
    for actor in out["actors"]:
        if actor.get("sector") is None:
            actor.pop("sector", None)
    return out


def from_dict(data: dict) -> DocumentRecord:
    """Rebuild a record from its JSON form (the inverse of :func:`to_dict`)."""

    def build(cls, items):
        return tuple(cls(**item) for item in items or ())

    events = []
    for item in data.get("events") or ():
        item = dict(item)
        loc = item.pop("location", None)
        events.append(Event(**item, location=Location(**loc) if loc else None))
    actors = tuple(
        Actor(**{**a, "aliases": tuple(a.get("aliases") or ())}) for a in data.get("actors") or ()
    )
    return DocumentRecord(
        id=data["id"],
        source=data["source"],
        title=data.get("title"),
        author=data.get("author"),
        outlet=data.get("outlet"),
        published=data.get("published"),
        language=data["language"],
        text=data["text"],
        entities=build(EntityMention, data.get("entities")),
        actors=actors,
        quotes=build(Quote, data.get("quotes")),
        events=tuple(events),
        claims=build(Claim, data.get("claims")),
        times=build(TimeExpression, data.get("times")),
        warnings=tuple(data.get("warnings") or ()),
    )


__all__ = [
    "SCHEMA", "PLOVER_TYPES", "ACTOR_KINDS", "QUOTE_KINDS", "QUALIFIERS",
    "EntityMention", "Actor", "Quote", "Location", "Event", "Claim", "TimeExpression",
    "DocumentRecord", "to_dict", "from_dict", "asdict",
]
