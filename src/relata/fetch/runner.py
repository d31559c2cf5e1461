"""Fetching URLs into the store, and one round of watching feeds and sitemaps.

Both yield an outcome per URL as it is done, so the caller can report progress; a URL that fails
is recorded in the fetch state and the run goes on. Pages go through the same cleaning and
extraction as files, one document at a time, so each is stored as soon as it is fetched.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import duckdb

from relata.clean import clean_document
from relata.corpus import source_hash
from relata.errors import InputError
from relata.fetch import state
from relata.fetch.client import Client, Response, check_url
from relata.fetch.errors import RobotsDisallowedError
from relata.fetch.feeds import read_feed
from relata.fetch.listing import Entry, Listing
from relata.fetch.pages import PAGE_TYPES, Page, read_page
from relata.fetch.robots import RobotsPolicy
from relata.fetch.sitemaps import is_sitemap, read_sitemap
from relata.ingest.decoding import GZIP_MAGIC, gunzip
from relata.parallel import WorkerPool
from relata.pipeline import process
from relata.store import stored_hash, write_record


@dataclass(frozen=True)
class PageOutcome:
    url: str
    status: str  # added, replaced, linked, unchanged, skipped, failed
    source: str | None = None  # the key the document is stored under (canonical or final URL)
    document_id: str | None = None
    error: InputError | None = None  # why it failed, or why it was skipped


@dataclass(frozen=True)
class FeedOutcome:
    feed: str
    status: str  # read, unchanged (HTTP 304), skipped, failed
    entries: int = 0  # listed in this round's response (0 when unchanged)
    new: int = 0  # of which never seen before
    pages: dict[str, int] = field(default_factory=dict)  # page outcomes by status
    errors: tuple[InputError, ...] = ()  # the feed's own, and those of sitemaps its index names

    @property
    def failures(self) -> int:
        """Pages and listings that failed (a listing skipped for robots.txt is not a failure)."""
        listings = sum(not isinstance(error, RobotsDisallowedError) for error in self.errors)
        return self.pages.get(state.FAILED, 0) + listings


@dataclass(frozen=True)
class _Fetched:
    url: str
    response: Response
    page: Page


@dataclass(frozen=True)
class _Parsed:
    """Records parsed in this process, with the interface of a worker's pending batch."""

    records: list

    def result(self) -> list:
        return self.records


@dataclass(frozen=True)
class _Parsing:
    fetched: _Fetched
    content_hash: str
    pending: object  # PendingBatch or _Parsed

    @property
    def page(self) -> Page:
        return self.fetched.page


def _ready(item: PageOutcome | _Parsing) -> bool:
    if isinstance(item, PageOutcome) or isinstance(item.pending, _Parsed):
        return True
    return item.pending.future.done()


class Fetcher:
    """Fetches pages and listings into ``con`` for one round: one client, one robots.txt cache.

    With ``workers`` > 1 pages are parsed in worker processes (:mod:`relata.parallel`) while the
    next ones are fetched; they are still stored, recorded and reported one by one in the order
    they were fetched, so the store and the outcomes are those of one worker. Use as a context
    manager (or call :meth:`close`) to stop the workers."""

    def __init__(self, con: duckdb.DuckDBPyConnection, client: Client, workers: int = 1):
        state.ensure_table(con)
        self._con = con
        self._client = client
        self._robots = RobotsPolicy(client)
        self._pool = WorkerPool(workers) if workers > 1 else None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def _conditional_get(self, url: str, content_types: tuple[str, ...] = ()):
        """The last successful fetch of ``url`` (or ``None``) and a polite GET of it: the URL checked,
        robots.txt obeyed, that fetch's validators sent so an unchanged resource answers 304."""
        previous = state.get(self._con, url)
        known = previous if previous and previous.status in state.DONE else None
        check_url(url)
        self._robots.check(url)
        response = self._client.get(
            url,
            etag=known.etag if known else None,
            last_modified=known.last_modified if known else None,
            content_types=content_types,
        )
        return known, response

    def fetch_page(self, url: str, listed_date: str | None = None) -> PageOutcome:
        """Fetch ``url`` and store its article. ``listed_date`` (a feed's) ranks after the page's
        metadata and before the date lines in its text."""
        return next(self.fetch_pages([(url, listed_date)]))

    def fetch_pages(self, pages: Iterable[tuple[str, str | None]]) -> Iterator[PageOutcome]:
        """Fetch and store ``(url, listed_date)`` pages; an outcome per page, in their order."""
        waiting: deque[PageOutcome | _Parsing] = deque()
        window = self._pool.window if self._pool is not None else 0
        for url, listed_date in pages:
            fetched = self._fetch(url)
            if isinstance(fetched, _Fetched) and any(
                    isinstance(w, _Parsing) and w.page.source == fetched.page.source for w in waiting):
                # The same article under another URL: stored first, as one worker would have.
                while waiting:
                    yield self._finish(waiting.popleft())
            waiting.append(self._parse(fetched, listed_date) if isinstance(fetched, _Fetched) else fetched)
            while waiting and (len(waiting) > window or _ready(waiting[0])):
                yield self._finish(waiting.popleft())
        while waiting:
            yield self._finish(waiting.popleft())

    def _fetch(self, url: str) -> PageOutcome | _Fetched:
        """The page at ``url`` read, or the outcome of a page there is nothing to parse for."""
        try:
            known, response = self._conditional_get(url, PAGE_TYPES)
            if response.not_modified:
                state.record(self._con, url, "page", "unchanged", http_status=304, error=None)
                return PageOutcome(url, "unchanged", source=known.source if known else None)
            return _Fetched(url, response, read_page(response))
        except (RobotsDisallowedError, InputError) as exc:
            return self._failed(url, exc)

    def _parse(self, fetched: _Fetched, listed_date: str | None) -> PageOutcome | _Parsing:
        """The page's article cleaned and sent to be parsed, unless it is stored already."""
        page = fetched.page
        raw = page.raw_document()
        # The same form as ``relata ingest`` uses, with the listing's date as the given date.
        content_hash = source_hash(raw, listed_date)
        try:
            if stored_hash(self._con, page.source) == content_hash:
                return self._recorded(fetched, PageOutcome(page.url, "unchanged", source=page.source))
            clean = clean_document(raw, fallback_published=listed_date)
        except InputError as exc:
            return self._failed(fetched.url, exc)
        if self._pool is not None:
            pending = self._pool.submit([clean], 1)
        else:
            pending = _Parsed(list(process([clean], batch_size=1)))
        return _Parsing(fetched, content_hash, pending)

    def _finish(self, item: PageOutcome | _Parsing) -> PageOutcome:
        """The outcome of a fetched page: its record written once parsed."""
        if isinstance(item, PageOutcome):
            return item
        record = item.pending.result()[0]
        if isinstance(record, InputError):
            return self._failed(item.fetched.url, record)
        page = item.page
        result = write_record(self._con, record, page.source, item.content_hash)
        return self._recorded(item.fetched, PageOutcome(page.url, result.status, page.source, result.document_id))

    def _recorded(self, fetched: _Fetched, outcome: PageOutcome) -> PageOutcome:
        page, response = fetched.page, fetched.response
        state.record(
            self._con, fetched.url, "page", outcome.status, http_status=response.status, error=None,
            final_url=page.final_url, canonical=page.canonical, source=page.source,
            etag=response.etag, last_modified=response.last_modified,
        )
        return outcome

    def _failed(self, url: str, exc: InputError) -> PageOutcome:
        if isinstance(exc, RobotsDisallowedError):
            state.record(self._con, url, "page", state.SKIPPED, error=exc.reason, http_status=None)
            return PageOutcome(url, state.SKIPPED, error=exc)
        status = getattr(exc, "status", None)
        state.record(self._con, url, "page", state.FAILED, error=exc.reason, http_status=status)
        return PageOutcome(url, state.FAILED, error=exc)

    def follow(self, feed: str) -> Iterator[PageOutcome | FeedOutcome]:
        """Read ``feed`` (RSS, Atom, sitemap or sitemap index) and fetch the pages not yet stored,
        including those that failed or were skipped in earlier rounds."""
        status, entries, errors = self._read_listing(feed, nested=False)
        new = state.enqueue(self._con, feed, entries)
        pages: Counter[str] = Counter()
        for outcome in self.fetch_pages((row.url, row.listed_date) for row in state.due(self._con, feed)):
            pages[outcome.status] += 1
            yield outcome
        yield FeedOutcome(feed, status, len(entries), new, dict(pages), tuple(errors))

    def _read_listing(self, url: str, nested: bool) -> tuple[str, list[Entry], list[InputError]]:
        try:
            _, response = self._conditional_get(url)
            listing = Listing() if response.not_modified else _parse_listing(response, self._client)
        except RobotsDisallowedError as exc:
            state.record(self._con, url, "listing", state.SKIPPED, error=exc.reason, http_status=None)
            return state.SKIPPED, [], [exc]
        except InputError as exc:
            status = getattr(exc, "status", None)
            state.record(self._con, url, "listing", state.FAILED, error=exc.reason, http_status=status)
            return state.FAILED, [], [exc]
        status = "unchanged" if response.not_modified else "read"
        fields = dict(http_status=response.status, error=None)
        if not response.not_modified:
            fields.update(final_url=response.final_url, etag=response.etag, last_modified=response.last_modified)
        state.record(self._con, url, "listing", status, **fields)
        entries, errors = list(listing.entries), []
        # Sitemap indexes do not nest (sitemaps.org), so one level is read and no loop is possible.
        for child in () if nested else listing.sitemaps:
            _, child_entries, child_errors = self._read_listing(child, nested=True)
            entries += child_entries
            errors += child_errors
        return status, entries, errors


def fetch_urls(
    con: duckdb.DuckDBPyConnection, urls: Iterable[str], client: Client, workers: int = 1
) -> Iterator[PageOutcome]:
    """Fetch and store each of ``urls`` (once each, in order), conditionally when fetched before;
    pages parsed in ``workers`` processes."""
    with Fetcher(con, client, workers) as fetcher:
        pages = ((url, _listed_date(con, url)) for url in dict.fromkeys(urls))
        yield from fetcher.fetch_pages(pages)


def _listed_date(con: duckdb.DuckDBPyConnection, url: str) -> str | None:
    previous = state.get(con, url)
    return previous.listed_date if previous else None


def watch_round(
    con: duckdb.DuckDBPyConnection, feeds: Iterable[str], client: Client, workers: int = 1
) -> Iterator[PageOutcome | FeedOutcome]:
    """One round over ``feeds``: each one's new pages, then the feed's summary; pages parsed in
    ``workers`` processes."""
    with Fetcher(con, client, workers) as fetcher:
        for feed in dict.fromkeys(feeds):
            yield from fetcher.follow(feed)


def _parse_listing(response: Response, client: Client) -> Listing:
    data = response.body
    if data.startswith(GZIP_MAGIC):  # sitemap.xml.gz is common
        data = gunzip(response.url, data, client.settings.max_bytes)
    if is_sitemap(data):
        return read_sitemap(response.final_url, data)
    return read_feed(response.final_url, data)
