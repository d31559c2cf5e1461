"""Coordinates of event locations: how many located events get coordinates, and whether any lands
in another state than the location's own.

There is no gold for coordinates here (the unit test ``tests/resolve/test_coordinates.py`` holds a
table of true locations for the examples); this measures, on whole articles, the two things the
rule promises: coverage (events with a location that get coordinates) and never a point across
states (the gazetteer city nearest to the point lies in the location's state). Sets: the bundled
examples, the news-events articles and the seed articles (the latter two from ../shared).
"""

from __future__ import annotations

from pathlib import Path

from evaluation.scoring import Score

ROOT = Path(__file__).resolve().parent.parent


def _records(paths: list[Path]):
    from relata.corpus import extract_records
    from relata.records import DocumentRecord

    return [r for r in extract_records([str(p) for p in paths]) if isinstance(r, DocumentRecord)]


def measure(records) -> dict:
    from relata.resolve.coordinates import nearest_city

    located = [e.location for r in records for e in r.events if e.location is not None]
    with_point = [loc for loc in located if loc.lat is not None]
    same_state = [loc for loc in with_point if nearest_city(loc.lat, loc.lon).country == loc.country]
    return {"locations": len(located), "points": len(with_point), "same_state": len(same_state),
            "missing": sorted({f"{loc.name} ({loc.country})" for loc in located if loc.lat is None})}


def _rows(dataset: str, result: dict) -> list[Score]:
    return [
        Score(dataset, "coordinates", "event locations with coordinates", correct=result["points"],
              total=result["locations"], note="none: " + ", ".join(result["missing"]) if result["missing"] else ""),
        Score(dataset, "coordinates", "coordinates in the location's own state", correct=result["same_state"],
              total=result["points"], note="nearest GeoNames city's state"),
    ]


def evaluate(dev: Path | None, limit: int | None = None) -> list[Score]:
    sets = {"examples": sorted(p for p in (ROOT / "examples").iterdir() if p.name != "README.md")}
    if dev is not None:
        sets["news-events"] = sorted((dev / "news-events" / "text").glob("*.txt"))
        sets["seeds"] = sorted((dev.parent / "seeds").glob("*.txt"))
    rows = []
    for name, paths in sets.items():
        if paths:
            rows += _rows(name, measure(_records(paths[:limit] if limit else paths)))
    return rows
