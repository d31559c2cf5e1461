"""The timeline of a dyad: what A did to B and B to A, event by event, each with its reports.

An event of the dyad is a group of reports (:mod:`relata.analyze.event_groups`) whose source is
covered by one side and whose target by the other (:mod:`relata.analyze.actor_lookup`: a state
covers its people). Each event keeps every report, with the sentence it came from and the
document that carried it; counts give distinct events and reports separately.

Intensities are averaged per event first (the mean of its reports), then per period and type
over events, so an event reported ten times weighs as much as one reported once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from statistics import fmean

import duckdb

from relata.analyze.actor_lookup import ActorDirectory, ActorSelection
from relata.analyze.event_groups import EventReport, group_reports

# Period granularities: how many leading characters of an ISO date name the period.
PERIOD_LENGTHS = {"day": 10, "month": 7, "year": 4}
UNDATED = "undated"
A_TO_B, B_TO_A = "a_to_b", "b_to_a"


@dataclass(frozen=True, slots=True)
class Report:
    """One mention of an event in one document, with the sentence it came from."""

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


@dataclass(frozen=True, slots=True)
class DyadEvent:
    """One real-world event of the dyad and every report of it."""

    id: str
    type: str
    direction: str  # A_TO_B or B_TO_A, from the earliest report
    source: str
    target: str
    source_name: str
    target_name: str
    date: str | None  # when, as precisely as known (2024-05-16, 2024-05, 2013), from the earliest report
    period: str
    intensity: float  # mean of the reports' intensities
    reports: tuple[Report, ...]


@dataclass(frozen=True, slots=True)
class TypeCount:
    """Events of one type and direction in one period."""

    type: str
    direction: str
    events: int
    reports: int
    mean_intensity: float


@dataclass(frozen=True, slots=True)
class Period:
    # "2024-05" (by month), "2024-05-16" (by day), "2024" (by year); coarser for events whose date
    # is known only that far ("2013" by month); or UNDATED.
    label: str
    events: int
    reports: int
    mean_intensity: float
    counts: tuple[TypeCount, ...]


@dataclass(frozen=True, slots=True)
class DyadTimeline:
    a: ActorSelection
    b: ActorSelection
    by: str
    periods: tuple[Period, ...]
    events: tuple[DyadEvent, ...]

    @property
    def event_count(self) -> int:
        return len(self.events)

    @property
    def report_count(self) -> int:
        return sum(len(event.reports) for event in self.events)


_DYAD_REPORTS_SQL = """
    SELECT e.document_id, e.position, d.source, d.title, d.outlet, d.published, e.start, e."end",
           substr(d.text, e.start + 1, e."end" - e.start) AS sentence, e.trigger, e.source, e.target,
           e.date, e.intensity, e.type
    FROM events e JOIN documents d ON d.id = e.document_id
    WHERE (list_contains($a, e.source) AND list_contains($b, e.target))
       OR (list_contains($b, e.source) AND list_contains($a, e.target))
    ORDER BY d.published NULLS LAST, e.document_id, e.position"""


def dyad_timeline(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "month") -> DyadTimeline:
    """The timeline between the actors named ``a`` and ``b`` (names, aliases or ids), both ways.

    Raises :class:`~relata.errors.UnknownActorError` for a name no actor matches and
    ``ValueError`` for an unknown ``by``.
    """
    if by not in PERIOD_LENGTHS:
        raise ValueError(f"unknown period {by!r} ({', '.join(PERIOD_LENGTHS)})")
    directory = ActorDirectory.load(con)
    side_a, side_b = directory.resolve(a), directory.resolve(b)
    rows = con.execute(
        _DYAD_REPORTS_SQL, {"a": list(side_a.member_ids), "b": list(side_b.member_ids)}
    ).fetchall()
    reports = [
        (Report(*row[:14]), EventReport(row[0], row[1], row[14], row[10], row[11], row[12], row[5]))
        for row in rows
    ]
    names = {actor.id: actor.name for actor in directory.actors}
    events = _events(reports, set(side_a.member_ids), names, by)
    return DyadTimeline(a=side_a, b=side_b, by=by, periods=_periods(events), events=events)


def _events(rows: list[tuple[Report, EventReport]], side_a: set[str], names: dict[str, str], by: str
            ) -> tuple[DyadEvent, ...]:
    # Grouping only these reports gives the same groups as grouping the whole store: a group's
    # reports share one dyad key, so a dyad's reports hold whole groups.
    by_position = {(r.document_id, r.position): (r, e) for r, e in rows}
    groups: dict[str, list] = defaultdict(list)
    for m in group_reports(e for _, e in rows):
        groups[m.group_id].append(m)
    events = []
    for group_id, members in groups.items():
        members.sort(key=lambda m: (m.anchor is None, m.anchor and m.anchor.day, m.document_id, m.position))
        lead, lead_event = by_position[(members[0].document_id, members[0].position)]
        when = members[0].anchor
        reports = tuple(by_position[(m.document_id, m.position)][0] for m in members)
        events.append(DyadEvent(
            id=group_id,
            type=lead_event.type,
            direction=A_TO_B if lead.source in side_a else B_TO_A,
            source=lead.source,
            target=lead.target,
            source_name=names.get(lead.source, lead.source),
            target_name=names.get(lead.target, lead.target),
            date=when.label if when else None,
            period=when.label[:PERIOD_LENGTHS[by]] if when else UNDATED,
            intensity=round(fmean(r.intensity for r in reports), 2),
            reports=reports,
        ))
    # By day, then type; on the same day and type the most reported first.
    events.sort(key=lambda e: (e.date is None, e.date or "", e.type, -len(e.reports), e.id))
    return tuple(events)


def _periods(events: Iterable[DyadEvent]) -> tuple[Period, ...]:
    by_period: dict[str, list[DyadEvent]] = defaultdict(list)
    for event in events:
        by_period[event.period].append(event)
    periods = []
    for label in sorted(by_period, key=lambda p: (p == UNDATED, p)):
        in_period = by_period[label]
        by_type: dict[tuple[str, str], list[DyadEvent]] = defaultdict(list)
        for event in in_period:
            by_type[(event.type, event.direction)].append(event)
        counts = tuple(
            TypeCount(type=kind, direction=direction, events=len(group),
                      reports=sum(len(e.reports) for e in group),
                      mean_intensity=round(fmean(e.intensity for e in group), 2))
            for (kind, direction), group in sorted(by_type.items())
        )
        periods.append(Period(
            label=label,
            events=len(in_period),
            reports=sum(len(e.reports) for e in in_period),
            mean_intensity=round(fmean(e.intensity for e in in_period), 2),
            counts=counts,
        ))
    return tuple(periods)


__all__ = [
    "PERIOD_LENGTHS", "UNDATED", "A_TO_B", "B_TO_A", "Report", "DyadEvent", "TypeCount", "Period",
    "DyadTimeline", "dyad_timeline",
]
