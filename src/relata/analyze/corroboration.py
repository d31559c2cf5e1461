"""Corroboration over a stored corpus: which figures and quotes several documents report, who
reported each first, and which figures contradict each other.

``corroborate(con)`` computes it from the store's claims and quotes; ``rebuild_corroboration(con)``
also writes it to the store's ``claim_groups``/``quote_groups`` tables (with their members) for
the report and the web app, and ``load_corroboration(con)`` reads it back.
"""

from __future__ import annotations

import duckdb

from relata.analyze.corroborate_claims import group_claims
from relata.analyze.corroborate_quotes import QUOTED_KINDS, group_quotes
from relata.analyze.corroboration_bands import (
    CONFLICTS,
    QUOTES,
    BandRows,
    BandState,
    clear_state,
    write_state,
)
from relata.analyze.corroboration_bands import TABLE as BANDS_TABLE
from relata.analyze.corroboration_bands import create_table as create_band_table
from relata.analyze.corroboration_model import (
    ClaimGroup,
    ClaimMention,
    Corroboration,
    DocumentInfo,
    Provenance,
    QuoteGroup,
    QuoteMention,
)
from relata.analyze.corroboration_pairs import LSH_MIN_ITEMS
from relata.analyze.corroboration_store import (
    DOCUMENT_COLUMNS,
    create_tables,
    load_corroboration,
    write_groups,
)

KINDS = ("claims", "quotes", "all")
# "Several documents": an item reported once is not corroborated (it is kept only when it
# conflicts with another figure).
MIN_DOCUMENTS = 2


def corroborate(
    con: duckdb.DuckDBPyConnection, kind: str = "all", min_documents: int = MIN_DOCUMENTS,
    lsh_min_items: int = LSH_MIN_ITEMS, bands: BandRows | None = None,
) -> Corroboration:
    """The claim and/or quote groups of the stored corpus (``kind``: claims, quotes or all).
    ``bands`` collects the LSH band keys computed on the way, for the store to keep."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    claims = quotes = ()
    if kind in ("claims", "all"):
        sink = bands.sink(CONFLICTS) if bands is not None else None
        claims = tuple(group_claims(claim_mentions(con), min_documents, lsh_min_items, sink))
    if kind in ("quotes", "all"):
        sink = bands.sink(QUOTES) if bands is not None else None
        quotes = tuple(group_quotes(quote_mentions(con), min_documents, lsh_min_items, sink))
    return Corroboration(claims=claims, quotes=quotes)


def rebuild_corroboration(
    con: duckdb.DuckDBPyConnection, lsh_min_items: int = LSH_MIN_ITEMS
) -> Corroboration:
    """Recompute every group from the stored claims and quotes and replace the group tables, in
    one transaction: readers see the old groups or the new ones, never a mix. Running it twice
    on the same store gives the same tables. The LSH band keys computed on the way are kept
    (``corroboration_bands``) for later updates from a few new documents."""
    con.execute("BEGIN TRANSACTION")
    try:
        result = build_corroboration(con, lsh_min_items)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return result


def build_corroboration(con: duckdb.DuckDBPyConnection, lsh_min_items: int = LSH_MIN_ITEMS) -> Corroboration:
    """:func:`rebuild_corroboration` in the caller's transaction."""
    create_tables(con)
    create_band_table(con)
    bands = BandRows()
    result = corroborate(con, "all", MIN_DOCUMENTS, lsh_min_items, bands)
    write_groups(con, result)
    con.execute(f"DELETE FROM {BANDS_TABLE}")
    # LSH ran for both (its keys were collected) exactly when both counts reach the threshold.
    state = BandState(lsh_min_items, bands.items.get(QUOTES, 0), bands.items.get(CONFLICTS, 0))
    if QUOTES in bands.items and CONFLICTS in bands.items:
        bands.insert(con)
        write_state(con, state)
    else:  # a full rebuild scores every pair: no keys to keep, and no update from them
        clear_state(con)
    return result


def claim_mentions(con: duckdb.DuckDBPyConnection, documents: list[str] | None = None) -> list[ClaimMention]:
    """The stored claims (of ``documents`` only, when given) with their documents' metadata."""
    where, params = _only(documents)
    cursor = con.execute(
        f"SELECT {DOCUMENT_COLUMNS}, c.position, c.text, c.value, c.unit, c.qualifier, c.measure, "
        f"c.period, c.change FROM claims c JOIN documents d ON d.id = c.document_id {where} "
        "ORDER BY d.id, c.position", params
    )
    return [ClaimMention(document, *rest) for document, rest in _rows_by_document(cursor)]


def quote_mentions(con: duckdb.DuckDBPyConnection, documents: list[str] | None = None) -> list[QuoteMention]:
    """The quotes corroboration compares: quoted words only (see ``corroborate_quotes.quotable``);
    of ``documents`` only, when given."""
    kinds = ", ".join(f"'{kind}'" for kind in QUOTED_KINDS)
    where, params = _only(documents)
    cursor = con.execute(
        f"SELECT {DOCUMENT_COLUMNS}, q.position, q.text, q.kind, q.speaker, q.speaker_name "
        f"FROM quotes q JOIN documents d ON d.id = q.document_id {where or 'WHERE TRUE'} "
        f"AND q.kind IN ({kinds}) ORDER BY d.id, q.position", params
    )
    return [QuoteMention(document, *rest) for document, rest in _rows_by_document(cursor)]


def _only(documents: list[str] | None) -> tuple[str, list]:
    if documents is None:
        return "", []
    return "WHERE d.id IN (SELECT unnest(?::VARCHAR[]))", [list(documents)]


def _rows_by_document(cursor, chunk: int = 10_000):
    """``(DocumentInfo, rest of the row)`` for rows ordered by document, read ``chunk`` rows at a
    time; the mentions of one document share one DocumentInfo (not a copy of its title each)."""
    document = None
    while rows := cursor.fetchmany(chunk):
        for row in rows:
            if document is None or document.id != row[0]:
                document = DocumentInfo(*row[:5])
            yield document, row[5:]


def provenance_dict(provenance: Provenance, documents: dict[str, DocumentInfo]) -> dict:
    return {
        "status": provenance.status,
        "published": provenance.published,
        "first": [_document_dict(documents[doc_id]) for doc_id in provenance.first],
        "undated": list(provenance.undated),
    }


def claim_group_dict(group: ClaimGroup) -> dict:
    """A claim group as plain JSON-ready data."""
    documents = {m.document.id: m.document for m in group.members}
    return {
        "id": group.id,
        "value": group.value,
        "unit": group.unit,
        "qualifier": group.qualifier,
        "measure": group.measure,
        "period": group.period,
        "change": group.change,
        "documents": len(group.documents),
        "outlets": list(group.outlets),
        "first": provenance_dict(group.provenance, documents),
        "conflicts": list(group.conflicts),
        "members": [
            {**_document_dict(m.document), "position": m.position, "text": m.text, "value": m.value,
             "qualifier": m.qualifier, "measure": m.measure, "period": m.period}
            for m in group.members
        ],
    }


def quote_group_dict(group: QuoteGroup) -> dict:
    """A quote group as plain JSON-ready data."""
    documents = {m.document.id: m.document for m in group.members}
    return {
        "id": group.id,
        "text": group.text,
        "speaker": group.speaker,
        "speaker_name": group.speaker_name,
        "speakers": list(group.speakers),
        "documents": len(group.documents),
        "outlets": list(group.outlets),
        "first": provenance_dict(group.provenance, documents),
        "members": [
            {**_document_dict(m.document), "position": m.position, "text": m.text, "kind": m.kind,
             "speaker_name": m.speaker_name}
            for m in group.members
        ],
    }


def corroboration_dict(result: Corroboration) -> dict:
    """The whole result as plain JSON-ready data: claim groups, quote groups, conflicts."""
    return {
        "claims": [claim_group_dict(group) for group in result.claims],
        "quotes": [quote_group_dict(group) for group in result.quotes],
        "conflicts": [{"group": c.group, "other": c.other} for c in result.conflicts],
    }


def _document_dict(document: DocumentInfo) -> dict:
    return {
        "document_id": document.id, "outlet": document.outlet, "published": document.published,
        "source": document.source, "title": document.title,
    }


__all__ = [
    "KINDS", "MIN_DOCUMENTS", "corroborate", "rebuild_corroboration", "load_corroboration",
    "claim_mentions", "quote_mentions", "corroboration_dict", "claim_group_dict", "quote_group_dict",
]
