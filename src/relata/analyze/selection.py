"""What a caller asks a table for: filters given as keyword arguments, checked before any query.

Shared by the Python API (:class:`relata.Store`), the CLI listings (``relata events``, ``quotes``,
``claims``) and the event-data export, so that one filter means the same everywhere:

- ``actor``: a name, alias or id (a state includes its people, :mod:`relata.analyze.actor_lookup`);
  for events either side, for quotes the speaker, for claims whoever states the figure;
- ``source`` / ``target``: the same, for one side of an event;
- ``types``: PLOVER types (events) or quote kinds (quotes);
- ``date_from`` / ``date_to``: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a ``datetime.date``,
  inclusive (``date_to="2024-05"`` runs to 31 May); for events the day the event is placed at,
  for quotes and claims the publication date;
- ``outlet``: exact, case-insensitive; ``document``: a document id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import duckdb

from relata.analyze.actor_lookup import ActorDirectory
from relata.analyze.event_groups import date_interval
from relata.errors import RelataError

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class InvalidFilterError(RelataError, ValueError):
    """A filter value that names nothing a table can be narrowed by (a bad date, an unknown type)."""


def _day(value: str | date | None, name: str, last: bool) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    interval = date_interval(text) if _DATE.match(text) else None
    if interval is None:
        raise InvalidFilterError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return interval[1] if last else interval[0]


def _names(value: str | Iterable[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = value.split(",")
    return tuple(v.strip() for v in value if v and v.strip())


@dataclass(frozen=True)
class Selection:
    """Validated filters; ``None`` or empty means "any"."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    types: tuple[str, ...] = ()
    first_day: date | None = None
    last_day: date | None = None
    outlet: str | None = None
    document: str | None = None

    @classmethod
    def of(cls, *, actor: str | None = None, source: str | None = None, target: str | None = None,
           types: str | Iterable[str] | None = None, date_from: str | date | None = None,
           date_to: str | date | None = None, outlet: str | None = None, document: str | None = None,
           allowed_types: Iterable[str] = ()) -> Selection:
        """Filters from keyword arguments; raises :class:`InvalidFilterError` for a bad value.
        ``types`` is a string (``"CONSULT"``, ``"CONSULT,AID"``) or an iterable of strings."""
        allowed = {t.upper(): t for t in allowed_types}
        chosen = []
        for kind in _names(types):
            if allowed and kind.upper() not in allowed:
                raise InvalidFilterError(f"unknown type {kind!r} (one of {', '.join(allowed.values())})")
            chosen.append(allowed.get(kind.upper(), kind))
        first, last = _day(date_from, "date_from", False), _day(date_to, "date_to", True)
        if first and last and first > last:
            raise InvalidFilterError(f"date_from {first} is after date_to {last}")
        return cls(actor=(actor or "").strip() or None, source=(source or "").strip() or None,
                   target=(target or "").strip() or None, types=tuple(chosen), first_day=first,
                   last_day=last, outlet=(outlet or "").strip() or None,
                   document=(document or "").strip() or None)


class ActorIds:
    """Actor filters resolved to id lists, loading the store's actor directory only when needed."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self._con = con
        self._directory: ActorDirectory | None = None

    def __call__(self, query: str) -> list[str]:
        """The ids ``query`` stands for; raises UnknownActorError when nothing matches."""
        if self._directory is None:
            self._directory = ActorDirectory.load(self._con)
        return list(self._directory.resolve(query).member_ids)


@dataclass
class Where:
    """SQL conditions with their bound parameters, joined with AND."""

    clauses: list[str]
    params: list

    def __init__(self) -> None:
        self.clauses, self.params = [], []

    def add(self, clause: str, *params) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""


def published_filters(where: Where, selection: Selection, alias: str = "d") -> None:
    """Outlet, document and publication-date filters on the documents table ``alias``. A
    publication date known only to the month or year passes when that period overlaps the range."""
    if selection.outlet:
        where.add(f"lower({alias}.outlet) = lower(?)", selection.outlet)
    if selection.document:
        where.add(f"{alias}.id = ?", selection.document)
    if selection.first_day:
        where.add(f"{alias}.published IS NOT NULL AND rpad({alias}.published, 10, '-99') >= ?",
                  selection.first_day.isoformat())
    if selection.last_day:
        where.add(f"{alias}.published IS NOT NULL AND left({alias}.published, 10) <= ?",
                  selection.last_day.isoformat())


__all__ = ["InvalidFilterError", "Selection", "ActorIds", "Where", "published_filters"]
