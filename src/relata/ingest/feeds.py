"""RSS and Atom feeds: one document per entry, its body from the fullest content field."""

from __future__ import annotations

import time
from collections.abc import Iterator

import feedparser

from relata.errors import EmptyInputError, MalformedInputError
from relata.ingest.dates import parse_publication_date
from relata.ingest.raw import RawDocument


def read_feed(source: str, text: str) -> Iterator[RawDocument | MalformedInputError | EmptyInputError]:
    parsed = feedparser.parse(text)
    if not parsed.entries:
        reason = "feed has no entries"
        if parsed.bozo:
            reason = f"malformed feed ({parsed.get('bozo_exception')})"
        yield MalformedInputError(source, reason)
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, 1):
        contents = [c.get("value", "") for c in entry.get("content", [])]
        body = max(contents + [entry.get("summary", "")], key=len)
        if not body.strip():
            yield EmptyInputError(source, f"feed entry {number} has no text")
            continue
        link = entry.get("link") or None
        yield RawDocument(
            source=link or f"{source}#{number}",
            body=body,
            kind="html",
            title=entry.get("title") or None,
            author=entry.get("author") or None,
            outlet=outlet,
            published=_date(entry),
            url=link,
        )


def _date(entry) -> str | None:
    # The date as the feed wrote it (its own time zone), not feedparser's UTC conversion:
    # an item published at 07:30 +08:00 on May 1 was published on May 1 where it was written.
    for key in ("published", "updated", "created"):
        value = parse_publication_date(entry.get(key))
        if value:
            return value
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return entry.get("published") or entry.get("updated") or None
