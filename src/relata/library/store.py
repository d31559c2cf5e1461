"""``relata.Store``: a store (a DuckDB file) from Python, every listing as an Arrow table.

The tables are the ones ``relata events``, ``quotes``, ``claims``, ``actors``, ``dyad`` and
``corroborate`` print as JSON or CSV (:mod:`relata.analyze.event_data`,
:mod:`relata.analyze.item_tables`): the command line is a thin layer over the same functions.
``.to_pandas()`` turns any of them into a DataFrame when pandas is installed; ``.to_pylist()``
gives plain dicts without it.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from relata.errors import InputError, StoreError
from relata.ingest import DEFAULT_MAX_BYTES
from relata.records import DocumentRecord

if TYPE_CHECKING:
    import duckdb
    import pyarrow as pa

    from relata.analyze.derived import DerivedCounts

DateLike = str | date | None


@dataclass(frozen=True)
class IngestResult:
    """What :meth:`Store.ingest` did: how many inputs were added, replaced, linked (the same text
    under another source), unchanged or failed, and why each failure failed."""

    counts: dict[str, int]
    errors: tuple[InputError, ...] = ()
    derived: DerivedCounts | None = field(default=None)

    @property
    def failed(self) -> int:
        return self.counts.get("failed", 0)


class Store:
    """A Relata store: the DuckDB file ``relata ingest`` writes.

    Opened read-only by default, which several processes may do at once; ``read_only=False``
    creates the file if needed and lets :meth:`ingest` write (one writer at a time: another
    process holding the file makes the constructor wait up to ``wait`` seconds, then raise
    :class:`~relata.errors.StoreBusyError`). Use it as a context manager, or :meth:`close` it, so
    that other processes can write again.

    >>> import relata
    >>> with relata.Store(getfixture("examples_db")) as store:
    ...     events = store.events(actor="China", type="CONSULT")
    >>> events.num_rows >= 1, events.column_names[:4]
    (True, ['event_id', 'event_group_id', 'reports', 'date'])
    >>> sorted({row["source_id"] for row in events.to_pylist()} | {row["target_id"] for row in events.to_pylist()})
    ['AUS', 'CHN', 'IRN', 'RUS', 'SAU']
    """

    def __init__(self, path: str | os.PathLike[str], *, read_only: bool = True, wait: float | None = None):
        from relata.store.connection import DEFAULT_WAIT, open_store

        self.path = Path(path)
        self.read_only = read_only
        self._con: duckdb.DuckDBPyConnection | None = open_store(
            self.path, read_only=read_only, wait=DEFAULT_WAIT if wait is None else wait)

    def __repr__(self) -> str:
        state = "closed" if self._con is None else "read-only" if self.read_only else "writable"
        return f"Store({str(self.path)!r}, {state})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Let go of the file (idempotent)."""
        if self._con is not None:
            self._con.close()
            self._con = None

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The open DuckDB connection, for SQL the methods do not cover."""
        if self._con is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._con

    # --- writing -------------------------------------------------------------------------------

    def ingest(self, paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, workers: int = 1,
               published: str | None = None, derive: bool = True,
               max_bytes: int = DEFAULT_MAX_BYTES) -> IngestResult:
        """Extract and store documents, as ``relata ingest`` does: unchanged inputs are skipped
        before parsing, changed ones replaced, nothing duplicated; ``workers`` processes parse in
        parallel. Inputs that cannot be read are reported in the result, not raised. With
        ``derive`` (the default) the event groups and corroboration are rebuilt afterwards when
        anything changed."""
        from relata.corpus import ingest

        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; open it with Store(path, read_only=False) to ingest")
        inputs = [os.fspath(paths)] if isinstance(paths, str | os.PathLike) else [os.fspath(p) for p in paths]
        counts: Counter[str] = Counter()
        errors = []
        for outcome in ingest(self.connection, inputs, published=published, max_bytes=max_bytes, workers=workers):
            counts[outcome.status] += 1
            if outcome.error is not None:
                errors.append(outcome.error)
        derived = self.derive() if derive and (counts["added"] or counts["replaced"]) else None
        return IngestResult(counts=dict(counts), errors=tuple(errors), derived=derived)

    def derive(self) -> DerivedCounts:
        """Rebuild the event groups and corroboration tables from the whole store (``relata derive``)."""
        from relata.analyze.derived import rebuild_derived

        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; open it with Store(path, read_only=False) to derive")
        return rebuild_derived(self.connection)

    # --- reading -------------------------------------------------------------------------------

    def stats(self) -> dict:
        """Counts of documents, actors, entities, quotes, events, claims, times, and the top
        speakers (``relata stats --json``)."""
        from relata.store import stats

        return stats(self.connection)

    def record(self, document_id: str) -> DocumentRecord | None:
        """One stored document's full record, or ``None``."""
        from relata.store import record

        return record(self.connection, document_id)

    def records(self) -> Iterator[DocumentRecord]:
        """Every stored document's record, by publication date."""
        from relata.store import records

        return records(self.connection)

    def events(self, *, actor: str | None = None, source: str | None = None, target: str | None = None,
               type: str | Iterable[str] | None = None, date_from: DateLike = None, date_to: DateLike = None,
               outlet: str | None = None, document: str | None = None) -> pa.Table:
        """Event data: one row per event mention, in the columns of ``docs/event-data.md``
        (what ``relata export --format events-csv`` writes).

        ``actor`` matches either side, ``source``/``target`` one side (names, aliases or ids; a
        state includes its people); ``type`` one PLOVER type or several; ``date_from``/``date_to``
        (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or a date, inclusive) the day the event is placed at.
        """
        from relata.analyze.event_data import event_table
        from relata.analyze.selection import Selection
        from relata.records import PLOVER_TYPES

        selection = Selection.of(actor=actor, source=source, target=target, types=type, date_from=date_from,
                                 date_to=date_to, outlet=outlet, document=document, allowed_types=PLOVER_TYPES)
        return event_table(self.connection, selection)

    def quotes(self, *, speaker: str | None = None, kind: str | Iterable[str] | None = None,
               date_from: DateLike = None, date_to: DateLike = None, outlet: str | None = None,
               document: str | None = None) -> pa.Table:
        """Quotes, one row each: ``speaker`` (a name, alias or id), ``kind`` (direct, partial,
        indirect), publication dates, outlet, document."""
        from relata.analyze.item_tables import QUOTE_KINDS, quotes_table
        from relata.analyze.selection import Selection

        selection = Selection.of(actor=speaker, types=kind, date_from=date_from, date_to=date_to, outlet=outlet,
                                 document=document, allowed_types=QUOTE_KINDS)
        return quotes_table(self.connection, selection)

    def claims(self, *, actor: str | None = None, unit: str | Iterable[str] | None = None,
               date_from: DateLike = None, date_to: DateLike = None, outlet: str | None = None,
               document: str | None = None) -> pa.Table:
        """Numeric claims, one row each: ``actor`` is whoever states the figure, ``unit`` one or
        several (``USD``, ``percent``, ``person`` ...), publication dates, outlet, document."""
        from relata.analyze.item_tables import claims_table
        from relata.analyze.selection import Selection

        selection = Selection.of(actor=actor, types=unit, date_from=date_from, date_to=date_to, outlet=outlet,
                                 document=document)
        return claims_table(self.connection, selection)

    def actors(self, *, limit: int | None = None) -> pa.Table:
        """Actors across the store, most mentioned first: kind, country, documents, mentions,
        events, aliases (``relata actors``)."""
        from relata.analyze.item_tables import actors_table

        return actors_table(self.connection, limit)

    def dyad(self, a: str, b: str, *, by: str = "month") -> pa.Table:
        """What ``a`` did to ``b`` and ``b`` to ``a`` (``relata dyad``): one row per report, with
        its event (one real-world event across reports), period (``day``, ``month``, ``year``),
        direction and sentence. Raises :class:`~relata.errors.UnknownActorError` for a name no
        actor matches."""
        from relata.analyze.item_tables import dyad_table

        return dyad_table(self.connection, a, b, by=by)

    def corroboration(self, *, kind: str = "all", min_documents: int = 2) -> pa.Table:
        """Figures (``kind="claims"``) and quotes (``"quotes"``) reported by at least
        ``min_documents`` documents (``relata corroborate``): one row per report, with its group,
        who reported it first, and conflicting figures."""
        from relata.analyze.item_tables import corroboration_table

        return corroboration_table(self.connection, kind, min_documents)

    def query(self, sql: str) -> pa.Table:
        """A read-only SQL query (DuckDB dialect) as an Arrow table (``relata query``)."""
        from relata.store.reader import query_table

        return query_table(self.connection, sql)

    def export(self, fmt: str, out: str | os.PathLike[str]) -> list[Path]:
        """Write the store: ``jsonl`` (full records), ``csv``/``parquet`` (one file per table)
        or ``events-csv``/``events-parquet`` (event data, one file). Returns the files written."""
        from relata.analyze.event_data import EXPORT_FORMATS, write_events
        from relata.store import export

        if fmt in EXPORT_FORMATS:
            return [write_events(self.connection, fmt, Path(out))]
        return export(self.connection, fmt, Path(out))


__all__ = ["Store", "IngestResult"]
