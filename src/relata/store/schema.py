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
        PRIMARY KEY (document_id, actor_id)""",
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
        attributed_to VARCHAR, location_name VARCHAR, location_country VARCHAR""",
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
               coalesce(sum(m.mentions), 0)::BIGINT AS mentions
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
