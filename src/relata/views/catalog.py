"""Listings over the store, filtered and paginated: documents, actors, quotes, events, claims.

Every query takes its values as bound parameters; filters come validated from
:mod:`relata.views.params`. Document-level filters (outlet, publication dates) apply to the
items of those documents too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from relata.analyze.actor_lookup import ActorDirectory, ActorInfo, normalize
from relata.views.model import ClaimRow, DocumentSummary, EventRow, Page, QuoteRow
from relata.views.params import FIRST_PAGE, NO_FILTERS, Filters, PageRequest, like_pattern


@dataclass
class _Where:
    """SQL conditions and their parameters, joined with AND."""

    clauses: list[str] = field(default_factory=list)
    params: list = field(default_factory=list)

    def add(self, clause: str, *params) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""


def _document_filters(where: _Where, filters: Filters, alias: str = "d") -> None:
    if filters.outlet:
        where.add(f"lower({alias}.outlet) = lower(?)", filters.outlet)
    if filters.date_from:
        where.add(f"left({alias}.published, ?) >= ?", len(filters.date_from), filters.date_from)
    if filters.date_to:
        where.add(f"left({alias}.published, ?) <= ?", len(filters.date_to), filters.date_to)


def actor_ids(con: duckdb.DuckDBPyConnection, query: str) -> list[str]:
    """The ids an actor filter stands for; raises UnknownActorError when nothing matches."""
    return list(ActorDirectory.load(con).resolve(query).member_ids)


def _page(con, select: str, frm: str, where: _Where, order: str, page: PageRequest, build) -> Page:
    total = con.execute(f"SELECT count(*) {frm}{where.sql}", where.params).fetchone()[0]
    rows = con.execute(
        f"SELECT {select} {frm}{where.sql} ORDER BY {order} LIMIT ? OFFSET ?",
        [*where.params, page.limit, page.offset],
    ).fetchall()
    return Page(items=tuple(build(row) for row in rows), total=total, limit=page.limit, offset=page.offset)


DOCUMENT_SELECT = """d.id, d.title, d.outlet, d.published, d.source, d.language,
    (SELECT count(*) FROM quotes q WHERE q.document_id = d.id),
    (SELECT count(*) FROM events e WHERE e.document_id = d.id),
    (SELECT count(*) FROM claims c WHERE c.document_id = d.id)"""
DOCUMENT_ORDER = "d.published DESC NULLS LAST, d.id"


def documents(con: duckdb.DuckDBPyConnection, filters: Filters = NO_FILTERS,
              page: PageRequest = FIRST_PAGE) -> Page[DocumentSummary]:
    """Documents, newest first; ``q`` searches the title and the text."""
    where = _Where()
    _document_filters(where, filters)
    if filters.q:
        pattern = like_pattern(filters.q)
        where.add("(d.title ILIKE ? ESCAPE '\\' OR d.text ILIKE ? ESCAPE '\\')", pattern, pattern)
    if filters.actor:
        where.add("d.id IN (SELECT document_id FROM document_actors WHERE list_contains(?, actor_id))",
                  actor_ids(con, filters.actor))
    if filters.type:
        where.add("d.id IN (SELECT document_id FROM events WHERE type = ?)", filters.type)
    return _page(con, DOCUMENT_SELECT, "FROM documents d", where, DOCUMENT_ORDER, page,
                 lambda row: DocumentSummary(*row))


def actors(con: duckdb.DuckDBPyConnection, filters: Filters = NO_FILTERS,
           page: PageRequest = FIRST_PAGE) -> Page[ActorInfo]:
    """Actors by mentions; ``q`` matches ids, names and aliases (accents and case ignored)."""
    found = ActorDirectory.load(con).actors
    if filters.q:
        key = normalize(filters.q)
        found = tuple(a for a in found if any(key in normalize(f) for f in (a.id, a.name, *a.aliases)))
    return Page(items=found[page.offset:page.offset + page.limit], total=len(found),
                limit=page.limit, offset=page.offset)


_QUOTE_SELECT = """q.document_id, q.position, d.title, d.outlet, d.published, q.text, q.kind,
    q.speaker, q.speaker_name, q.cue, {group}"""
_QUOTE_FROM = "FROM quotes q JOIN documents d ON d.id = q.document_id{join}"
_QUOTE_ORDER = "d.published DESC NULLS LAST, q.document_id, q.position"  # newest document first


def quotes(con: duckdb.DuckDBPyConnection, filters: Filters = NO_FILTERS,
           page: PageRequest = FIRST_PAGE) -> Page[QuoteRow]:
    """Quotes, newest document first; ``q`` matches the words and the speaker's name."""
    where = _Where()
    _document_filters(where, filters)
    if filters.q:
        pattern = like_pattern(filters.q)
        where.add("(q.text ILIKE ? ESCAPE '\\' OR q.speaker_name ILIKE ? ESCAPE '\\')", pattern, pattern)
    if filters.actor:
        where.add("list_contains(?, q.speaker)", actor_ids(con, filters.actor))
    return _quote_page(con, where, page)


def quotes_of(con: duckdb.DuckDBPyConnection, speaker_name: str, page: PageRequest = FIRST_PAGE
              ) -> Page[QuoteRow]:
    """The quotes attributed to ``speaker_name`` (the canonical name), newest document first."""
    where = _Where()
    where.add("q.speaker_name = ?", speaker_name)
    return _quote_page(con, where, page)


def _quote_page(con: duckdb.DuckDBPyConnection, where: _Where, page: PageRequest) -> Page[QuoteRow]:
    group, join = _group_join(con, "quote_group_members", "q")
    return _page(con, _QUOTE_SELECT.format(group=group), _QUOTE_FROM.format(join=join), where,
                 _QUOTE_ORDER, page,
                 lambda row: QuoteRow(*row))


def quotes_of_speakers(con: duckdb.DuckDBPyConnection, names: list[str], per_speaker: int
                       ) -> dict[str, tuple[QuoteRow, ...]]:
    """The first ``per_speaker`` quotes of each of ``names`` in :func:`quotes_of`'s order, in one
    query (a page listing 30 speakers must not cost 30 queries)."""
    if not names:
        return {}
    group, join = _group_join(con, "quote_group_members", "q")
    rows = con.execute(
        f"SELECT * EXCLUDE (rank) FROM (SELECT {_QUOTE_SELECT.format(group=group)}, row_number() OVER ("
        f"PARTITION BY q.speaker_name ORDER BY {_QUOTE_ORDER}) AS rank "
        f"{_QUOTE_FROM.format(join=join)} WHERE list_contains(?, q.speaker_name)) WHERE rank <= ? "
        "ORDER BY published DESC NULLS LAST, document_id, position",
        [names, per_speaker]).fetchall()
    found: dict[str, list[QuoteRow]] = {name: [] for name in names}
    for row in rows:
        quote = QuoteRow(*row)
        found[quote.speaker_name].append(quote)
    return {name: tuple(quotes) for name, quotes in found.items()}


def _group_join(con: duckdb.DuckDBPyConnection, members: str, alias: str) -> tuple[str, str]:
    # The corroboration tables exist once an ingest rebuilt them; a store without them has no groups.
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if members not in tables:
        return "NULL::INTEGER", ""
    return "g.group_id", (f" LEFT JOIN {members} g ON g.document_id = {alias}.document_id "
                          f"AND g.position = {alias}.position")


_EVENT_SELECT = """e.document_id, e.position, d.title, d.outlet, d.published,
    substr(d.text, e.start + 1, e."end" - e.start), e.trigger, e.type, e.mode, e.intensity,
    e.source, sa.name, e.target, ta.name, e.date"""
_EVENT_FROM = """FROM events e JOIN documents d ON d.id = e.document_id
    LEFT JOIN actors sa ON sa.id = e.source LEFT JOIN actors ta ON ta.id = e.target"""


def events(con: duckdb.DuckDBPyConnection, filters: Filters = NO_FILTERS,
           page: PageRequest = FIRST_PAGE) -> Page[EventRow]:
    """Event mentions, newest document first; ``actor`` matches either side, ``q`` the sentence."""
    where = _Where()
    _document_filters(where, filters)
    if filters.type:
        where.add("e.type = ?", filters.type)
    if filters.actor:
        ids = actor_ids(con, filters.actor)
        where.add("(list_contains(?, e.source) OR list_contains(?, e.target))", ids, ids)
    if filters.q:
        where.add("substr(d.text, e.start + 1, e.\"end\" - e.start) ILIKE ? ESCAPE '\\'",
                  like_pattern(filters.q))
    return _page(con, _EVENT_SELECT, _EVENT_FROM, where,
                 "d.published DESC NULLS LAST, e.document_id, e.position", page,
                 lambda row: EventRow(*row))


_CLAIM_SELECT = """c.document_id, c.position, d.title, d.outlet, d.published, c.text, c.value,
    c.unit, c.qualifier, c.measure, c.period, c.change, {group}"""
_CLAIM_FROM = "FROM claims c JOIN documents d ON d.id = c.document_id{join}"


def claims(con: duckdb.DuckDBPyConnection, filters: Filters = NO_FILTERS,
           page: PageRequest = FIRST_PAGE) -> Page[ClaimRow]:
    """Numeric claims, newest document first; ``q`` matches the text and the measure."""
    where = _Where()
    _document_filters(where, filters)
    if filters.q:
        pattern = like_pattern(filters.q)
        where.add("(c.text ILIKE ? ESCAPE '\\' OR c.measure ILIKE ? ESCAPE '\\')", pattern, pattern)
    if filters.actor:
        where.add("list_contains(?, c.attributed_to)", actor_ids(con, filters.actor))
    group, join = _group_join(con, "claim_group_members", "c")
    return _page(con, _CLAIM_SELECT.format(group=group), _CLAIM_FROM.format(join=join), where,
                 "d.published DESC NULLS LAST, c.document_id, c.position", page,
                 lambda row: ClaimRow(*row))


def outlets(con: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    """Every outlet name in the store, for filter menus."""
    return tuple(r[0] for r in con.execute(
        "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY outlet").fetchall())
