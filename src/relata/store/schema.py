"""The DuckDB tables: one for documents, one per item kind, all keyed by document id."""

from __future__ import annotations

import re

SCHEMA_VERSION = "1"

TABLES = {
    "documents": """
        id VARCHAR PRIMARY KEY, source VARCHAR NOT NULL, title VARCHAR, author VARCHAR,
        outlet VARCHAR, published VARCHAR, language VARCHAR NOT NULL, text VARCHAR NOT NULL,
        warnings VARCHAR[], ingested_at TIMESTAMP DEFAULT current_timestamp""",
    # Where each document came from, and the hash of what was read, for skipping unchanged inputs.
    "sources": """
        source VARCHAR PRIMARY KEY, document_id VARCHAR NOT NULL, content_hash VARCHAR NOT NULL,
        updated_at TIMESTAMP DEFAULT current_timestamp""",
    "document_actors": """
        document_id VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, name VARCHAR NOT NULL,
        kind VARCHAR NOT NULL, country VARCHAR, aliases VARCHAR[], position INTEGER NOT NULL,
        sector VARCHAR, PRIMARY KEY (document_id, actor_id)""",
    "entities": """
        document_id VARCHAR NOT NULL, position INTEGER NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, text VARCHAR NOT NULL, label VARCHAR NOT NULL, actor VARCHAR""",
    "quotes": """
        document_id VARCHAR NOT NULL, position INTEGER NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, text VARCHAR NOT NULL, kind VARCHAR NOT NULL, speaker VARCHAR,
        speaker_name VARCHAR, cue VARCHAR""",
    "events": """
        document_id VARCHAR NOT NULL, position INTEGER NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, trigger VARCHAR NOT NULL, type VARCHAR NOT NULL, mode VARCHAR,
        intensity DOUBLE NOT NULL, source VARCHAR, target VARCHAR, date VARCHAR,
        attributed_to VARCHAR, location_name VARCHAR, location_country VARCHAR,
        location_lat DOUBLE, location_lon DOUBLE, cameo VARCHAR""",
    "claims": """
        document_id VARCHAR NOT NULL, position INTEGER NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, text VARCHAR NOT NULL, value DOUBLE NOT NULL, unit VARCHAR NOT NULL,
        qualifier VARCHAR NOT NULL, measure VARCHAR, period VARCHAR, change BOOLEAN NOT NULL,
        attributed_to VARCHAR""",
    "times": """
        document_id VARCHAR NOT NULL, position INTEGER NOT NULL, start INTEGER NOT NULL,
        "end" INTEGER NOT NULL, text VARCHAR NOT NULL, value VARCHAR""",
    "store_info": "key VARCHAR PRIMARY KEY, value VARCHAR",
    # Documents added or removed since the derived tables (event groups, corroboration) were last
    # brought up to date: what `relata derive` updates them from, without reading the whole store.
    "derive_pending": "document_id VARCHAR PRIMARY KEY",
}

# Tables whose rows belong to one document and go when it is replaced.
ITEM_TABLES = ("document_actors", "entities", "quotes", "events", "claims", "times")
# Tables a record fills (``relata.store.writer.record_rows``), in writing order.
RECORD_TABLES = ("documents",) + ITEM_TABLES
# Columns the store fills itself when a row is written.
STAMP_COLUMNS = ("ingested_at", "updated_at")

_COLUMN = re.compile(r'^\s*"?(\w+)"?\s+([A-Z]+(?:\[\])?)')

VIEWS = {
    # One row per actor across the corpus; derived, so it can never disagree with the documents.
    "actors": """
        SELECT a.actor_id AS id, mode(a.name) AS name, mode(a.kind) AS kind,
               mode(a.country) AS country, count(DISTINCT a.document_id) AS documents,
               coalesce(sum(m.mentions), 0)::BIGINT AS mentions, mode(a.sector) AS sector
        FROM document_actors a
        LEFT JOIN (SELECT document_id, actor, count(*) AS mentions FROM entities
                   WHERE actor IS NOT NULL GROUP BY ALL) m
          ON m.document_id = a.document_id AND m.actor = a.actor_id
        GROUP BY a.actor_id""",
}


def create_statements() -> list[str]:
    statements = [f"CREATE TABLE IF NOT EXISTS {name} ({columns})" for name, columns in TABLES.items()]
    statements += [f"CREATE OR REPLACE VIEW {name} AS {query}" for name, query in VIEWS.items()]
    statements.append(
        f"INSERT OR IGNORE INTO store_info VALUES ('schema_version', '{SCHEMA_VERSION}')"
    )
    return statements


def present_columns(con, table: str) -> set[str]:
    """The columns the store's ``table`` has (empty when it has no such table)."""
    return {row[0] for row in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = 'main'",
        [table]).fetchall()}


def missing_columns(con, table: str) -> list[tuple[str, str]]:
    """Columns of ``table``'s definition that the store's table lacks (a store written by an
    older Relata); empty when the table itself is missing."""
    present = present_columns(con, table)
    if not present:
        return []
    return [(name, kind) for name, kind in columns(table) if name not in present]


def migrate(con) -> list[str]:
    """Add the columns later versions defined to a store written by an older one: every added
    column is nullable, so old rows read as "not known". Returns ``table.column`` of each added."""
    added = []
    base = {row[0] for row in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
        "AND table_schema = 'main'").fetchall()}
    for table in TABLES:
        if table not in base:
            continue  # a catalog of views (the Spark job's output) is left as it is
        for name, kind in missing_columns(con, table):
            con.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {kind}')
            added.append(f"{table}.{name}")
    return added


def select_columns(con, table: str, names: list[str], alias: str | None = None) -> str:
    """A select list of ``names`` from ``table``, with ``NULL`` standing in for columns an older
    store (opened read-only, so not migrated) lacks."""
    missing = {name for name, _ in missing_columns(con, table)}
    prefix = f"{alias}." if alias else ""
    return ", ".join(f'NULL AS "{n}"' if n in missing else f'{prefix}"{n}"' for n in names)


def columns(table: str) -> list[tuple[str, str]]:
    """``(name, type)`` of every column of ``table``, in order; types as DuckDB spells them."""
    out = []
    for definition in re.split(r",(?![^()]*\))", TABLES[table]):
        match = _COLUMN.match(definition)
        if match and match.group(1) != "PRIMARY":
            out.append((match.group(1), match.group(2)))
    return out


def written_columns(table: str) -> list[tuple[str, str]]:
    """The columns a writer supplies: all but the time stamps the store adds."""
    return [(name, kind) for name, kind in columns(table) if name not in STAMP_COLUMNS]
