"""Fetching URLs into the store, and one round of watching feeds and sitemaps.

Both yield an outcome per URL as it is done, so the caller can report progress; a URL that fails
is recorded in the fetch state and the run goes on. Pages go through the same cleaning and
extraction as files, one document at a time, so each is stored as soon as it is fetched.
"""

from __future__ import annotations

from collections import Counter
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


class Fetcher:
    """Fetches pages and listings into ``con`` for one round: one client, one robots.txt cache."""

    def __init__(self, con: duckdb.DuckDBPyConnection, client: Client):
        state.ensure_table(con)
        self._con = con
        self._client = client
        self._robots = RobotsPolicy(client)

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
        try:
            known, response = self._conditional_get(url, PAGE_TYPES)
            if response.not_modified:
                state.record(self._con, url, "page", "unchanged", http_status=304, error=None)
                return PageOutcome(url, "unchanged", source=known.source if known else None)
            page = read_page(response)
            outcome = self._store(page, listed_date)
        except RobotsDisallowedError as exc:
            state.record(self._con, url, "page", state.SKIPPED, error=exc.reason, http_status=None)
            return PageOutcome(url, state.SKIPPED, error=exc)
        except InputError as exc:
            status = getattr(exc, "status", None)
            state.record(self._con, url, "page", state.FAILED, error=exc.reason, http_status=status)
            return PageOutcome(url, state.FAILED, error=exc)
        state.record(
            self._con, url, "page", outcome.status, http_status=response.status, error=None,
            final_url=page.final_url, canonical=page.canonical, source=page.source,
            etag=response.etag, last_modified=response.last_modified,
        )
        return outcome

    def _store(self, page: Page, listed_date: str | None) -> PageOutcome:
        raw = page.raw_document()
        # The same form as ``relata ingest`` uses, with the listing's date as the given date.
        content_hash = source_hash(raw, listed_date)
        if stored_hash(self._con, page.source) == content_hash:
            return PageOutcome(page.url, "unchanged", source=page.source)
        clean = clean_document(raw, fallback_published=listed_date)
        record = next(process([clean], batch_size=1))
        if isinstance(record, InputError):
            raise record
        result = write_record(self._con, record, page.source, content_hash)
        return PageOutcome(page.url, result.status, page.source, result.document_id)

    def follow(self, feed: str) -> Iterator[PageOutcome | FeedOutcome]:
        """Read ``feed`` (RSS, Atom, sitemap or sitemap index) and fetch the pages not yet stored,
        including those that failed or were skipped in earlier rounds."""
        status, entries, errors = self._read_listing(feed, nested=False)
        new = state.enqueue(self._con, feed, entries)
        pages: Counter[str] = Counter()
        for row in state.due(self._con, feed):
            outcome = self.fetch_page(row.url, row.listed_date)
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


def fetch_urls(con: duckdb.DuckDBPyConnection, urls: Iterable[str], client: Client) -> Iterator[PageOutcome]:
    """Fetch and store each of ``urls`` (once each, in order), conditionally when fetched before."""
    fetcher = Fetcher(con, client)
    for url in dict.fromkeys(urls):
        previous = state.get(con, url)
        yield fetcher.fetch_page(url, previous.listed_date if previous else None)


def watch_round(
    con: duckdb.DuckDBPyConnection, feeds: Iterable[str], client: Client
) -> Iterator[PageOutcome | FeedOutcome]:
    """One round over ``feeds``: each one's new pages, then the feed's summary."""
    fetcher = Fetcher(con, client)
    for feed in dict.fromkeys(feeds):
        yield from fetcher.follow(feed)


def _parse_listing(response: Response, client: Client) -> Listing:
    data = response.body
    if data.startswith(GZIP_MAGIC):  # sitemap.xml.gz is common
        data = gunzip(response.url, data, client.settings.max_bytes)
    if is_sitemap(data):
        return read_sitemap(response.final_url, data)
    return read_feed(response.final_url, data)
