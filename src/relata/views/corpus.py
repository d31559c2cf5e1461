"""Whole-corpus views: the overview, the dyads, quotes by speaker, corroboration, a dyad timeline."""

from __future__ import annotations

import duckdb

from relata.analyze.corroboration import corroborate, load_corroboration
from relata.analyze.corroboration_model import Corroboration
from relata.analyze.dyad import PERIOD_LENGTHS, DyadTimeline, dyad_timeline
from relata.views.catalog import DOCUMENT_ORDER, documents, quotes_of_speakers
from relata.views.model import Count, DyadSummary, Overview, SpeakerQuotes
from relata.views.params import NO_FILTERS, InvalidParameterError, PageRequest

UNDATED = "undated"
COUNTED = ("documents", "actors", "quotes", "events", "claims", "times")


def overview(con: duckdb.DuckDBPyConnection, top: int = 10) -> Overview:
    """What the store holds: counts, documents by outlet and month, the busiest speakers and dyads."""

    def counts(sql: str) -> tuple[Count, ...]:
        return tuple(Count(str(label), n) for label, n in con.execute(sql).fetchall())

    return Overview(
        counts=tuple(Count(name, con.execute(f"SELECT count(*) FROM {name}").fetchone()[0])
                     for name in COUNTED),
        by_outlet=counts("SELECT coalesce(outlet, 'unknown outlet') AS o, count(*) AS n FROM documents "
                         "GROUP BY o ORDER BY n DESC, o"),
        by_month=counts(f"SELECT coalesce(left(published, 7), '{UNDATED}') AS m, count(*) FROM documents "
                        f"GROUP BY m ORDER BY m = '{UNDATED}', m"),
        by_event_type=counts("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC, type"),
        top_speakers=counts(f"SELECT speaker_name, count(*) AS n FROM quotes WHERE speaker_name IS NOT NULL "
                            f"GROUP BY speaker_name ORDER BY n DESC, speaker_name LIMIT {int(top)}"),
        top_dyads=dyads(con, limit=top),
        latest=documents(con, NO_FILTERS, PageRequest(limit=top)).items,
    )


_DYADS_SQL = """
    SELECT least(e.source, e.target) AS a, greatest(e.source, e.target) AS b,
           any_value(coalesce(x.name, least(e.source, e.target))),
           any_value(coalesce(y.name, greatest(e.source, e.target))),
           count(*) AS n, count(DISTINCT e.document_id), min(coalesce(e.date, d.published)),
           max(coalesce(e.date, d.published))
    FROM events e JOIN documents d ON d.id = e.document_id
    LEFT JOIN actors x ON x.id = least(e.source, e.target)
    LEFT JOIN actors y ON y.id = greatest(e.source, e.target)
    WHERE e.source IS NOT NULL AND e.target IS NOT NULL AND e.source <> e.target
    GROUP BY 1, 2 ORDER BY n DESC, a, b"""


def dyads(con: duckdb.DuckDBPyConnection, limit: int | None = None) -> tuple[DyadSummary, ...]:
    """Pairs of actors with events between them, most reported first (ids as stored)."""
    sql = _DYADS_SQL + (f" LIMIT {int(limit)}" if limit is not None else "")
    return tuple(DyadSummary(*row) for row in con.execute(sql).fetchall())


def dyad(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "month") -> DyadTimeline:
    """The timeline between ``a`` and ``b`` (ids, names or aliases); see :mod:`relata.analyze.dyad`."""
    if by not in PERIOD_LENGTHS:
        raise InvalidParameterError(f"by must be one of {', '.join(PERIOD_LENGTHS)}, not {by!r}")
    return dyad_timeline(con, a, b, by=by)


def quotes_by_speaker(con: duckdb.DuckDBPyConnection, speakers: int = 30,
                      per_speaker: int = 20) -> tuple[SpeakerQuotes, ...]:
    """The most quoted speakers, each with their quotes (newest first)."""
    rows = con.execute(
        "SELECT any_value(speaker), speaker_name, count(*) AS n FROM quotes WHERE speaker_name IS NOT NULL "
        "GROUP BY speaker_name ORDER BY n DESC, speaker_name LIMIT ?", [speakers]).fetchall()
    quotes = quotes_of_speakers(con, [name for _, name, _ in rows], per_speaker)
    return tuple(SpeakerQuotes(speaker=speaker, speaker_name=name, total=n, quotes=quotes[name])
                 for speaker, name, n in rows)


def corroboration(con: duckdb.DuckDBPyConnection) -> Corroboration:
    """The stored corroboration groups, or groups computed now when the store has none yet."""
    stored = load_corroboration(con)
    return stored if stored is not None else corroborate(con)


def document_ids(con: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    return tuple(r[0] for r in con.execute(f"SELECT d.id FROM documents d ORDER BY {DOCUMENT_ORDER}").fetchall())
