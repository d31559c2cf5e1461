"""Live sources: article pages, RSS/Atom feeds and sitemaps fetched over HTTP, politely and
incrementally, into the same store as files.

``client`` speaks HTTP (identity, timeouts, retries, size limit, per-host delay); ``robots``
reads robots.txt; ``feeds`` and ``sitemaps`` list article URLs; ``pages`` turns a response into a
raw document; ``state`` remembers every URL; ``runner`` ties them into ``fetch`` and ``watch``
rounds. Nothing here prints or exits.
"""

from relata.fetch.client import Client, ClientSettings
from relata.fetch.runner import FeedOutcome, PageOutcome, fetch_urls, watch_round
from relata.fetch.watchlist import parse_interval, read_watchlist

__all__ = [
    "Client", "ClientSettings", "FeedOutcome", "PageOutcome", "fetch_urls", "watch_round",
    "parse_interval", "read_watchlist",
]
