"""The corroboration tables: claim and quote groups with their members, derived from the store.

They are derived data: ``rebuild_corroboration`` (in ``relata.analyze.corroboration``) replaces
them whole. A member names a stored item by ``(document_id, position)``; each item belongs to at
most one group.
"""

from __future__ import annotations

import re
from collections import defaultdict

import duckdb
import pyarrow as pa

from relata.analyze.corroboration_model import (
    ClaimGroup,
    ClaimMention,
    Corroboration,
    DocumentInfo,
    Provenance,
    QuoteGroup,
    QuoteMention,
)

_PROVENANCE = """
        first_status VARCHAR NOT NULL, first_document_ids VARCHAR[] NOT NULL, first_published VARCHAR,
        undated_document_ids VARCHAR[] NOT NULL"""
_MEMBERS = """
        group_id INTEGER NOT NULL, rank INTEGER NOT NULL, document_id VARCHAR NOT NULL,
        position INTEGER NOT NULL, PRIMARY KEY (document_id, position)"""

TABLES = {
    "claim_groups": """
        id INTEGER PRIMARY KEY, unit VARCHAR NOT NULL, value DOUBLE NOT NULL, qualifier VARCHAR NOT NULL,
        measure VARCHAR, period VARCHAR, change BOOLEAN NOT NULL, documents INTEGER NOT NULL,
        outlets INTEGER NOT NULL, conflicts INTEGER[] NOT NULL,""" + _PROVENANCE,
    "claim_group_members": _MEMBERS,
    "quote_groups": """
        id INTEGER PRIMARY KEY, text VARCHAR NOT NULL, speaker VARCHAR, speaker_name VARCHAR,
        documents INTEGER NOT NULL, outlets INTEGER NOT NULL,""" + _PROVENANCE,
    "quote_group_members": _MEMBERS,
}

# The documents columns a DocumentInfo is built from, in its field order (table alias ``d``).
DOCUMENT_COLUMNS = "d.id, d.outlet, d.published, d.source, d.title"


def mention_from_row(kind: type, row, start: int = 0):
    """A :class:`ClaimMention` or :class:`QuoteMention` (``kind``) from a row that holds
    :data:`DOCUMENT_COLUMNS` at ``start`` and the mention's own columns after them."""
    end = start + 5  # DocumentInfo's fields
    return kind(DocumentInfo(*row[start:end]), *row[end:])


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    for name, columns in TABLES.items():
        con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({columns})")


def write_groups(con: duckdb.DuckDBPyConnection, result: Corroboration) -> None:
    """Replace the tables' rows with ``result`` (inside the caller's transaction)."""
    for name in TABLES:
        con.execute(f"DELETE FROM {name}")
    for groups, rows_of, table in ((result.claims, claim_group_rows, "claim_groups"),
                                   (result.quotes, quote_group_rows, "quote_groups")):
        rows = [rows_of(g) for g in groups]
        insert_rows(con, table, [group for group, _ in rows])
        insert_rows(con, table.replace("groups", "group_members"), [m for _, members in rows for m in members])


def claim_group_rows(g: ClaimGroup) -> tuple[tuple, list[tuple]]:
    """The ``claim_groups`` row of ``g`` and its ``claim_group_members`` rows."""
    return ((g.id, g.unit, g.value, g.qualifier, g.measure, g.period, g.change, len(g.documents),
             len(g.outlets), list(g.conflicts), *_provenance_row(g.provenance)), _member_rows([g]))


def quote_group_rows(g: QuoteGroup) -> tuple[tuple, list[tuple]]:
    """The ``quote_groups`` row of ``g`` and its ``quote_group_members`` rows."""
    return ((g.id, g.text, g.speaker, g.speaker_name, len(g.documents), len(g.outlets),
             *_provenance_row(g.provenance)), _member_rows([g]))


def has_corroboration(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the group tables exist (``rebuild_corroboration`` ran on this store)."""
    names = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    return set(TABLES) <= names


def load_corroboration(con: duckdb.DuckDBPyConnection) -> Corroboration | None:
    """The stored groups, or ``None`` when they were never built. Members whose item is gone
    (its document replaced since the last rebuild) are left out."""
    if not has_corroboration(con):
        return None
    claim_members: dict[int, list[ClaimMention]] = defaultdict(list)
    for row in con.execute(
        f"SELECT m.group_id, {DOCUMENT_COLUMNS}, c.position, c.text, c.value, c.unit, c.qualifier, "
        "c.measure, c.period, c.change FROM claim_group_members m "
        "JOIN claims c ON c.document_id = m.document_id AND c.position = m.position "
        "JOIN documents d ON d.id = m.document_id ORDER BY m.group_id, m.rank"
    ).fetchall():
        claim_members[row[0]].append(mention_from_row(ClaimMention, row, 1))
    quote_members: dict[int, list[QuoteMention]] = defaultdict(list)
    for row in con.execute(
        f"SELECT m.group_id, {DOCUMENT_COLUMNS}, q.position, q.text, q.kind, q.speaker, q.speaker_name "
        "FROM quote_group_members m "
        "JOIN quotes q ON q.document_id = m.document_id AND q.position = m.position "
        "JOIN documents d ON d.id = m.document_id ORDER BY m.group_id, m.rank"
    ).fetchall():
        quote_members[row[0]].append(mention_from_row(QuoteMention, row, 1))
    claims = tuple(
        ClaimGroup(
            id=gid, unit=unit, value=value, qualifier=qualifier, measure=measure, period=period,
            change=change, members=tuple(claim_members[gid]), provenance=_provenance(rest),
            conflicts=tuple(conflicts),
        )
        for gid, unit, value, qualifier, measure, period, change, conflicts, *rest in con.execute(
            "SELECT id, unit, value, qualifier, measure, period, change, conflicts, first_status, "
            "first_document_ids, first_published, undated_document_ids FROM claim_groups ORDER BY id"
        ).fetchall()
    )
    quotes = tuple(
        QuoteGroup(
            id=gid, text=text, speaker=speaker, speaker_name=speaker_name,
            members=tuple(quote_members[gid]), provenance=_provenance(rest),
        )
        for gid, text, speaker, speaker_name, *rest in con.execute(
            "SELECT id, text, speaker, speaker_name, first_status, first_document_ids, first_published, "
            "undated_document_ids FROM quote_groups ORDER BY id"
        ).fetchall()
    )
    return Corroboration(claims=claims, quotes=quotes)


def _provenance_row(provenance: Provenance) -> tuple:
    return provenance.status, list(provenance.first), provenance.published, list(provenance.undated)


def _provenance(row: list) -> Provenance:
    status, first, published, undated = row
    return Provenance(status, tuple(first), published, tuple(undated))


def _member_rows(groups) -> list[tuple]:
    return [
        (group.id, rank, member.document.id, member.position)
        for group in groups
        for rank, member in enumerate(group.members)
    ]


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    """Append ``rows`` (every column, in order) to one of :data:`TABLES` in one statement, as an
    Arrow table (``executemany`` inserts row by row)."""
    if not rows:
        return
    columns = list(zip(*rows, strict=True))
    arrays = [pa.array(list(values), type=_ARROW[kind]) for values, kind in zip(columns, _COLUMN_TYPES[table],
                                                                               strict=True)]
    con.register("_relata_groups", pa.Table.from_arrays(arrays, names=[f"c{n}" for n in range(len(arrays))]))
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _relata_groups")
    finally:
        con.unregister("_relata_groups")


def _column_types(columns: str) -> list[str]:
    out = []
    for definition in re.split(r",(?![^()]*\))", columns):
        words = definition.split()
        if words and words[0] != "PRIMARY":
            out.append(words[1])
    return out


_COLUMN_TYPES = {name: _column_types(columns) for name, columns in TABLES.items()}


_ARROW = {"INTEGER": pa.int32(), "VARCHAR": pa.string(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
          "INTEGER[]": pa.list_(pa.int32()), "VARCHAR[]": pa.list_(pa.string())}
