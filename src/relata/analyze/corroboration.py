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
from relata.analyze.corroboration_store import create_tables, load_corroboration, write_groups

KINDS = ("claims", "quotes", "all")
# "Several documents": an item reported once is not corroborated (it is kept only when it
# conflicts with another figure).
MIN_DOCUMENTS = 2

_DOCUMENT_COLUMNS = "d.id, d.outlet, d.published, d.source, d.title"


def corroborate(
    con: duckdb.DuckDBPyConnection, kind: str = "all", min_documents: int = MIN_DOCUMENTS,
    lsh_min_items: int = LSH_MIN_ITEMS,
) -> Corroboration:
    """The claim and/or quote groups of the stored corpus (``kind``: claims, quotes or all)."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    claims = quotes = ()
    if kind in ("claims", "all"):
        claims = tuple(group_claims(claim_mentions(con), min_documents, lsh_min_items))
    if kind in ("quotes", "all"):
        quotes = tuple(group_quotes(quote_mentions(con), min_documents, lsh_min_items))
    return Corroboration(claims=claims, quotes=quotes)


def rebuild_corroboration(
    con: duckdb.DuckDBPyConnection, lsh_min_items: int = LSH_MIN_ITEMS
) -> Corroboration:
    """Recompute every group from the stored claims and quotes and replace the group tables, in
    one transaction: readers see the old groups or the new ones, never a mix. Running it twice
    on the same store gives the same tables."""
    con.execute("BEGIN TRANSACTION")
    try:
        create_tables(con)
        result = corroborate(con, "all", MIN_DOCUMENTS, lsh_min_items)
        write_groups(con, result)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return result


def claim_mentions(con: duckdb.DuckDBPyConnection) -> list[ClaimMention]:
    cursor = con.execute(
        f"SELECT {_DOCUMENT_COLUMNS}, c.position, c.text, c.value, c.unit, c.qualifier, c.measure, "
        "c.period, c.change FROM claims c JOIN documents d ON d.id = c.document_id "
        "ORDER BY d.id, c.position"
    )
    return [ClaimMention(document, *rest) for document, rest in _rows_by_document(cursor)]


def quote_mentions(con: duckdb.DuckDBPyConnection) -> list[QuoteMention]:
    """The quotes corroboration compares: quoted words only (see ``corroborate_quotes.quotable``)."""
    kinds = ", ".join(f"'{kind}'" for kind in QUOTED_KINDS)
    cursor = con.execute(
        f"SELECT {_DOCUMENT_COLUMNS}, q.position, q.text, q.kind, q.speaker, q.speaker_name "
        f"FROM quotes q JOIN documents d ON d.id = q.document_id WHERE q.kind IN ({kinds}) "
        "ORDER BY d.id, q.position"
    )
    return [QuoteMention(document, *rest) for document, rest in _rows_by_document(cursor)]


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
