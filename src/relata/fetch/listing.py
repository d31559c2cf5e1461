"""What a feed or sitemap lists: article URLs with the date it gives them, and further sitemaps."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Entry:
    url: str
    published: str | None = None  # YYYY-MM-DD as the listing gives it; a fallback for the page's own


@dataclass(frozen=True)
class Listing:
    entries: tuple[Entry, ...] = ()
    sitemaps: tuple[str, ...] = field(default=())  # a sitemap index names other sitemaps to read
