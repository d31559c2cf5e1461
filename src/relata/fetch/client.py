"""The HTTP client: who we say we are, how long we wait, how often we retry, how much we read, and
how gently we treat each host.

Requests are made one at a time, so there is never more than one request in flight to a host;
between two requests to the same host at least ``delay`` seconds pass.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from relata import __version__
from relata.fetch.errors import (
    FetchError,
    HttpStatusError,
    NetworkError,
    ResponseTooLargeError,
    UnsupportedContentError,
)
from relata.ingest import DEFAULT_MAX_BYTES

USER_AGENT = f"Relata/{__version__} (news article reader; python-httpx/{httpx.__version__})"
# Retry-After can ask for hours; a round should not stall on one host for that long.
MAX_RETRY_AFTER = 60.0
_RETRY_STATUSES = {429, 500, 502, 503, 504}
_DNS_HINTS = ("name or service not known", "nodename nor servname", "getaddrinfo", "name resolution")


@dataclass(frozen=True)
class ClientSettings:
    user_agent: str = USER_AGENT
    timeout: float = 20.0  # seconds, for connecting and for each read
    retries: int = 2  # further attempts after the first, for transient failures only
    backoff: float = 2.0  # seconds before the first retry, doubled for each one after
    delay: float = 1.0  # seconds between two requests to the same host
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 10


@dataclass(frozen=True)
class Response:
    url: str  # as requested
    final_url: str  # after redirects
    status: int  # 200-299, or 304 for a conditional request whose resource is unchanged
    content_type: str  # media type only, lower case ("text/html"), "" when not given
    charset: str | None
    etag: str | None
    last_modified: str | None
    body: bytes

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class _Retry(Exception):
    """A transient failure worth another attempt, carrying the error to raise if none is left."""

    def __init__(self, error: FetchError, wait: float | None = None):
        self.error = error
        self.wait = wait


class Client:
    """A polite HTTP GET client. Use as a context manager, or call :meth:`close`.

    ``transport``, ``sleep`` and ``clock`` are there for tests (an ``httpx.MockTransport``, a
    recording sleep).
    """

    def __init__(
        self,
        settings: ClientSettings | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.settings = settings or ClientSettings()
        self._sleep = sleep
        self._clock = clock
        self._last_request: dict[str, float] = {}
        self._host_delay: dict[str, float] = {}
        self._http = httpx.Client(
            headers={"User-Agent": self.settings.user_agent},
            timeout=self.settings.timeout,
            follow_redirects=True,
            max_redirects=self.settings.max_redirects,
            transport=transport,
        )

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def slow_down(self, url: str, delay: float) -> None:
        """Wait at least ``delay`` seconds between requests to ``url``'s host (robots.txt Crawl-delay)."""
        host = _host(url)
        self._host_delay[host] = max(delay, self._host_delay.get(host, 0.0))

    def get(
        self,
        url: str,
        etag: str | None = None,
        last_modified: str | None = None,
        content_types: tuple[str, ...] = (),
    ) -> Response:
        """GET ``url``, retrying transient failures with exponential backoff.

        With ``etag``/``last_modified`` the request is conditional and an unchanged resource comes
        back as a 304 :class:`Response` with an empty body. ``content_types`` (media types or
        prefixes such as ``"text/"``) rejects other responses before their body is read.
        Raises a :class:`FetchError` subclass.
        """
        check_url(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                return self._attempt(url, headers, content_types)
            except _Retry as retry:
                if attempt >= self.settings.retries:
                    raise retry.error from None
                wait = self.settings.backoff * 2**attempt
                if retry.wait is not None:
                    wait = max(wait, min(retry.wait, MAX_RETRY_AFTER))
                self._sleep(wait)
                attempt += 1

    def _attempt(self, url: str, headers: dict[str, str], content_types: tuple[str, ...]) -> Response:
        host = _host(url)
        self._wait_for(host)
        try:
            with self._http.stream("GET", url, headers=headers) as response:
                return self._read(url, response, content_types)
        except httpx.TimeoutException:
            raise _Retry(NetworkError(url, f"timed out after {self.settings.timeout:g}s")) from None
        except httpx.TooManyRedirects:
            raise FetchError(url, f"more than {self.settings.max_redirects} redirects") from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise FetchError(url, f"not a fetchable URL ({exc})") from None
        except httpx.ConnectError as exc:
            raise _Retry(NetworkError(url, _connect_reason(exc))) from None
        except httpx.TransportError as exc:
            raise _Retry(NetworkError(url, f"connection failed ({exc or type(exc).__name__})")) from None
        finally:
            # Measured from the end of a request, so a slow host also gets its full pause.
            self._last_request[host] = self._clock()

    def _read(self, url: str, response: httpx.Response, content_types: tuple[str, ...]) -> Response:
        status = response.status_code
        if status in _RETRY_STATUSES:
            error = HttpStatusError(url, status, response.reason_phrase)
            raise _Retry(error, _retry_after(response.headers.get("Retry-After")))
        if status >= 400:
            raise HttpStatusError(url, status, response.reason_phrase)
        if status != 304 and not 200 <= status < 300:
            raise HttpStatusError(url, status, response.reason_phrase or "unexpected status")
        media_type, charset = _content_type(response.headers.get("Content-Type", ""))
        if status != 304 and content_types and media_type and not media_type.startswith(content_types):
            raise UnsupportedContentError(url, f"unwanted content type {media_type}")
        body = b"" if status == 304 else self._body(url, response)
        return Response(
            url=url,
            final_url=str(response.url),
            status=status,
            content_type=media_type,
            charset=charset,
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
            body=body,
        )

    def _body(self, url: str, response: httpx.Response) -> bytes:
        limit = self.settings.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise ResponseTooLargeError(url, f"{declared} bytes is over the limit ({limit} bytes)")
        chunks, size = [], 0
        # Counted as it arrives (and after decompression), so a lying or missing length is caught too.
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise ResponseTooLargeError(url, f"body is over the limit ({limit} bytes)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_for(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is None:
            return
        delay = max(self._host_delay.get(host, 0.0), self.settings.delay)
        wait = last + delay - self._clock()
        if wait > 0:
            self._sleep(wait)


def check_url(url: str) -> None:
    """Raise :class:`FetchError` unless ``url`` is an absolute http(s) URL."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(url, "not an http(s) URL")


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _content_type(header: str) -> tuple[str, str | None]:
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"').lower()
    return media_type.strip().lower(), charset


def _connect_reason(exc: httpx.ConnectError) -> str:
    message = str(exc)
    if any(hint in message.lower() for hint in _DNS_HINTS):
        return f"cannot resolve host ({message})"
    return f"cannot connect ({message or 'connection refused'})"


def _retry_after(value: str | None) -> float | None:
    """Seconds asked for by a Retry-After header (a number or an HTTP date), if any."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
