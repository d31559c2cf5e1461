"""The events map: every event mention that has a place, with what the map page filters and lists.

Where an event is drawn, first match wins:

1. its location's coordinates (``Dubai``, ``central Seoul``: :mod:`relata.resolve.coordinates`);
2. a location that is a whole state (``detained in China``): the state's representative point in
   the shipped world shapes (``data/world/world_110m.json``), drawn as a country-level point;
3. a place actor's coordinates, the target's, else the source's (``raided Jericho``).

Events with none of these (most events between states) are not drawn; the page says how many.
Nothing is guessed: a place the gazetteer could not locate without doubt stays off the map.

The page filters by period (month), PLOVER type and dyad in the browser, so the static report
needs no server; :func:`event_map` gives everything the page needs as plain, JSON-ready data.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

import duckdb

from relata.analyze.event_data import event_table

PLACE, COUNTRY, PLACE_ACTOR = "place", "country", "place actor"
# At most this many mentions go into one page (the data rides in the page itself).
MAX_POINTS = 20000


@dataclass(frozen=True)
class DyadOption:
    key: str  # "<id>|<id>", ids sorted
    label: str
    events: int


@dataclass(frozen=True)
class EventMap:
    events: tuple[dict, ...]  # one per drawn event mention (see _row)
    total: int  # event mentions in the store
    months: tuple[str, ...]  # YYYY-MM of the drawn events, in order
    types: tuple[str, ...]  # PLOVER types of the drawn events, by frequency
    dyads: tuple[DyadOption, ...]  # dyads of the drawn events, most reported first
    truncated: bool = False

    @property
    def drawn(self) -> int:
        return len(self.events)

    @property
    def places(self) -> int:
        return len({(e["lat"], e["lon"]) for e in self.events})

    def data(self) -> dict:
        """What the page's script reads (the ``data-map`` attribute)."""
        return {"events": list(self.events)}


@cache
def country_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-3 -> ``(lat, lon)`` of each state's representative point in the world shapes."""
    path = resources.files("relata.data").joinpath("world/world_110m.json")
    shapes = json.loads(path.read_text(encoding="utf-8"))
    points = {}
    for geometry in shapes["objects"]["countries"]["geometries"]:
        point = (geometry.get("properties") or {}).get("ct")
        if geometry.get("id") and point:
            points[geometry["id"]] = (float(point[1]), float(point[0]))
    return points


def _position(row: dict) -> tuple[float, float, str, str] | None:
    """``(lat, lon, precision, place name)`` of an event, or ``None`` (rules in the docstring)."""
    if row["location_lat"] is not None:
        return row["location_lat"], row["location_lon"], PLACE, row["location_name"]
    if row["location_name"] and row["location_country"]:
        from relata.resolve.coordinates import state_of

        if state_of(row["location_name"]) == row["location_country"]:
            point = country_points().get(row["location_country"])
            if point is not None:
                return point[0], point[1], COUNTRY, row["location_name"]
    for side in ("target", "source"):
        if row[f"{side}_lat"] is not None:
            return row[f"{side}_lat"], row[f"{side}_lon"], PLACE_ACTOR, row[f"{side}_name"]
    return None


def _row(row: dict, position: tuple[float, float, str, str]) -> dict:
    lat, lon, precision, place = position
    sides = sorted(x for x in (row["source_id"], row["target_id"]) if x)
    return {
        "id": row["event_id"], "group": row["event_group_id"], "reports": row["reports"],
        "type": row["plover_type"], "date": row["date"].isoformat() if row["date"] else None,
        "month": row["date"].isoformat()[:7] if row["date"] else None,
        "source": row["source_name"] or row["source_id"], "target": row["target_name"] or row["target_id"],
        "dyad": "|".join(sides) if len(sides) == 2 and sides[0] != sides[1] else None,
        "lat": round(lat, 4), "lon": round(lon, 4), "precision": precision, "place": place,
        "country": row["location_country"], "sentence": row["sentence"], "trigger": row["trigger"],
        "document": row["document_id"], "position": int(row["event_id"].rsplit(":", 1)[1]),
        "title": row["title"], "outlet": row["outlet"], "published": row["published"],
        "intensity": row["intensity"],
    }


def event_map(con: duckdb.DuckDBPyConnection, limit: int = MAX_POINTS) -> EventMap:
    """The drawn events of the store (at most ``limit``, the most recent first when cut)."""
    rows = event_table(con).to_pylist()
    drawn = []
    for row in rows:
        position = _position(row)
        if position is not None:
            drawn.append(_row(row, position))
    truncated = len(drawn) > limit
    if truncated:
        drawn = sorted(drawn, key=lambda e: e["date"] or "", reverse=True)[:limit]
    names: dict[str, str] = {}
    for row in rows:
        for side in ("source", "target"):
            if row[f"{side}_id"]:
                names.setdefault(row[f"{side}_id"], row[f"{side}_name"] or row[f"{side}_id"])
    counts: dict[str, int] = {}
    for e in drawn:
        if e["dyad"]:
            counts[e["dyad"]] = counts.get(e["dyad"], 0) + 1
    dyads = tuple(DyadOption(key, " ↔ ".join(names.get(i, i) for i in key.split("|")), n)
                  for key, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    type_counts: dict[str, int] = {}
    for e in drawn:
        type_counts[e["type"]] = type_counts.get(e["type"], 0) + 1
    return EventMap(
        events=tuple(drawn), total=len(rows),
        months=tuple(sorted({e["month"] for e in drawn if e["month"]})),
        types=tuple(sorted(type_counts, key=lambda t: (-type_counts[t], t))),
        dyads=dyads, truncated=truncated,
    )


__all__ = ["PLACE", "COUNTRY", "PLACE_ACTOR", "MAX_POINTS", "DyadOption", "EventMap", "country_points", "event_map"]
