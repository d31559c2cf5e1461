"""Why a URL could not become a document. Each is an :class:`InputError` naming the URL, so the
CLI reports them like any unreadable file and the run goes on."""

from __future__ import annotations

from relata.errors import InputError


class FetchError(InputError):
    """A URL could not be fetched or its response cannot be used."""


class NetworkError(FetchError):
    """No response: the host name did not resolve, the connection failed or timed out."""


class HttpStatusError(FetchError):
    """The server answered with a 4xx or 5xx status."""

    def __init__(self, source: str, status: int, reason: str):
        self.status = status
        super().__init__(source, f"HTTP {status} {reason}".rstrip())


class UnsupportedContentError(FetchError):
    """The response is not of a content type we read (a PDF or an image where a page was expected)."""


class ResponseTooLargeError(FetchError):
    """The response body is larger than the configured limit."""


class RobotsDisallowedError(FetchError):
    """``robots.txt`` asks crawlers to keep away from this URL: it is skipped, not failed."""
