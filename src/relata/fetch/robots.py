"""``robots.txt``: fetched once per host per round, through the same polite client.

Unavailable files follow RFC 9309: a 4xx means no rules (everything allowed); a 5xx or no answer
means the host may be struggling, so nothing is fetched from it this round.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from relata.errors import InputError
from relata.fetch.client import Client
from relata.fetch.errors import FetchError, HttpStatusError, RobotsDisallowedError
from relata.ingest.decoding import decode

# A Crawl-delay larger than this is read as this: a typo should not stall a whole round.
MAX_CRAWL_DELAY = 60.0
ROBOTS_MAX_BYTES = 500_000  # RFC 9309 asks crawlers to read at least 500 KiB


class RobotsPolicy:
    """Answers "may we fetch this URL?", fetching each host's ``robots.txt`` the first time."""

    def __init__(self, client: Client):
        self._client = client
        self._rules: dict[str, RobotFileParser] = {}
        self._agent = client.settings.user_agent.split("/", 1)[0]  # the product token, "Relata"

    def check(self, url: str) -> None:
        """Raise :class:`RobotsDisallowedError` when ``robots.txt`` forbids ``url`` to us."""
        rules = self._rules_for(url)
        if not rules.can_fetch(self._agent, url):
            raise RobotsDisallowedError(url, "disallowed by robots.txt")

    def _rules_for(self, url: str) -> RobotFileParser:
        parts = urlsplit(url)
        origin = (parts.scheme, parts.netloc.lower())
        key = "://".join(origin)
        if key not in self._rules:
            self._rules[key] = self._load(urlunsplit((*origin, "/robots.txt", "", "")))
            delay = self._rules[key].crawl_delay(self._agent)
            if delay:
                self._client.slow_down(url, min(float(delay), MAX_CRAWL_DELAY))
        return self._rules[key]

    def _load(self, robots_url: str) -> RobotFileParser:
        rules = RobotFileParser(robots_url)
        try:
            response = self._client.get(robots_url)
        except HttpStatusError as exc:
            if exc.status < 500:
                rules.allow_all = True
            else:
                rules.disallow_all = True
            return rules
        except FetchError:
            rules.disallow_all = True
            return rules
        try:
            text = decode(robots_url, response.body[:ROBOTS_MAX_BYTES])
        except InputError:  # empty or not text: no rules in it
            text = ""
        rules.parse(text.splitlines())
        return rules
