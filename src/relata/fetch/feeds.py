"""RSS and Atom feeds as listings: each entry's link and date (the article is fetched from the link).

Unlike :mod:`relata.ingest.feeds`, which turns entries into documents from the feed's own text,
this reads only where the articles are.
"""

from __future__ import annotations

import io
import time
from urllib.parse import urljoin, urlsplit

import feedparser

from relata.errors import MalformedInputError
from relata.fetch.listing import Entry, Listing


def read_feed(source: str, data: bytes) -> Listing:
    """The entries of the RSS/Atom feed in ``data``; raises :class:`MalformedInputError`."""
    # A stream of bytes: feedparser honours the XML encoding declaration itself, and never takes
    # the data for a URL or file name to open.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries and not parsed.get("version"):
        detail = f" ({parsed.get('bozo_exception')})" if parsed.bozo else ""
        raise MalformedInputError(source, "not an RSS/Atom feed nor a sitemap" + detail)
    entries = []
    for entry in parsed.entries:
        # feedparser falls back to a permalink GUID itself; a "tag:" or "urn:" id is no address.
        link = urljoin(source, entry.get("link") or "")
        if entry.get("link") and urlsplit(link).scheme in ("http", "https"):
            entries.append(Entry(link, _date(entry)))
    return Listing(tuple(entries))


def _date(entry) -> str | None:
    # Atom's required <updated> stands in when <published> is absent, as in relata.ingest.feeds.
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None
