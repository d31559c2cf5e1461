"""One document with its spans highlighted, and search across documents, quotes and actors."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

import duckdb
from markupsafe import Markup

from relata.records import DocumentRecord
from relata.store import record
from relata.views.catalog import DOCUMENT_ORDER, DOCUMENT_SELECT, actors, quotes
from relata.views.highlight import KINDS, Span, document_spans, highlight, snippet
from relata.views.model import Count, DocumentSummary, Page, SearchHit, SearchResults
from relata.views.params import Filters, InvalidParameterError, NotFoundError, PageRequest, like_pattern


@dataclass(frozen=True, slots=True)
class DocumentView:
    record: DocumentRecord
    spans: tuple[Span, ...]
    names: dict  # actor id -> name, for the tables under the text

    @property
    def highlighted(self) -> Markup:
        return highlight(self.record.text, self.spans)

    @property
    def legend(self) -> tuple[Count, ...]:
        counts = Counter(span.kind for span in self.spans)
        return tuple(Count(kind, counts.get(kind, 0)) for kind in KINDS)

    @property
    def source_url(self) -> str | None:
        """The source as a link target, only when it is an http(s) URL (never ``javascript:``)."""
        return safe_url(self.record.source)


SEARCH_PAGE = PageRequest(limit=20)


def safe_url(value: str | None) -> str | None:
    if not value:
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return value.strip()
    return None


def document_view(con: duckdb.DuckDBPyConnection, document_id: str) -> DocumentView:
    found = record(con, document_id)
    if found is None:
        raise NotFoundError(f"no document with id {document_id!r}")
    ids = {e.source for e in found.events} | {e.target for e in found.events} | {
        e.actor for e in found.entities}
    ids.discard(None)
    names = dict(con.execute("SELECT id, name FROM actors WHERE list_contains(?, id)", [sorted(ids)]).fetchall())
    names.update({a.id: a.name for a in found.actors})
    return DocumentView(record=found, spans=document_spans(found, names), names=names)


def search(con: duckdb.DuckDBPyConnection, text: str, page: PageRequest = SEARCH_PAGE) -> SearchResults:
    """Documents (title or text), quotes (words or speaker) and actors (names) containing ``text``."""
    filters = Filters(q=text)
    if not filters.q:
        raise InvalidParameterError("the search needs some text")
    pattern = like_pattern(filters.q)
    where = "WHERE d.title ILIKE $p ESCAPE '\\' OR d.text ILIKE $p ESCAPE '\\'"
    total = con.execute(f"SELECT count(*) FROM documents d {where}", {"p": pattern}).fetchone()[0]
    rows = con.execute(
        f"SELECT {DOCUMENT_SELECT}, d.text, strpos(lower(d.text), lower($q)) FROM documents d {where} "
        f"ORDER BY {DOCUMENT_ORDER} LIMIT $limit OFFSET $offset",
        {"p": pattern, "q": filters.q, "limit": page.limit, "offset": page.offset},
    ).fetchall()
    hits = []
    for row in rows:
        body, found_at = row[9], row[10]
        start = found_at - 1 if found_at > 0 else 0
        end = start + len(filters.q) if found_at > 0 else 0
        hits.append(SearchHit(DocumentSummary(*row[:9]), *snippet(body, start, end)))
    return SearchResults(
        query=filters.q,
        documents=Page(items=tuple(hits), total=total, limit=page.limit, offset=page.offset),
        quotes=quotes(con, filters, page),
        actors=actors(con, filters, PageRequest(limit=page.limit)).items,
    )
