"""A local web site for the fetch tests, and the pages and feeds they serve.

A :class:`Site` serves whatever a test puts in it (``site.add(path, body, ...)``), answers
conditional requests with 304 when the ETag or Last-Modified matches, and records every request.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from relata.fetch.client import ClientSettings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
LAST_MODIFIED = "Mon, 01 Jan 2024 00:00:00 GMT"
# Tiny delays, short timeouts: the politeness machinery is exercised, not waited for.
FAST = ClientSettings(timeout=0.5, retries=1, backoff=0.01, delay=0.0, max_bytes=200_000)


@dataclass
class Resource:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering
    cache: bool = True  # send ETag/Last-Modified and honour conditional requests
    length: bool = True  # send Content-Length (else the body ends when the connection closes)


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    status: int


class Site:
    def __init__(self):
        self.resources: dict[str, Resource] = {}
        self.requests: list[Request] = []
        self.base = ""

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: str | bytes, **kwargs) -> str:
        self.resources[path] = Resource(body.encode() if isinstance(body, str) else body, **kwargs)
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 301) -> str:
        return self.add(path, b"", status=status, headers={"Location": to}, cache=False)

    def hits(self, path: str) -> list[Request]:
        return [r for r in self.requests if r.path == path]


def handler_for(site: Site):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):  # noqa: N802 (http.server's naming)
            resource = site.resources.get(self.path)
            if resource is None:
                resource = Resource(b"not found", status=404, content_type="text/plain", cache=False)
            etag = '"' + hashlib.sha1(resource.body).hexdigest()[:12] + '"'
            fresh = resource.cache and (
                self.headers.get("If-None-Match") == etag or self.headers.get("If-Modified-Since") == LAST_MODIFIED
            )
            status = 304 if fresh else resource.status
            site.requests.append(Request(self.path, dict(self.headers), status))
            if resource.delay:
                time.sleep(resource.delay)
            body = b"" if status == 304 else resource.body
            self.send_response(status)
            self.send_header("Content-Type", resource.content_type)
            if resource.length:
                self.send_header("Content-Length", str(len(body)))
            else:
                self.send_header("Connection", "close")
                self.close_connection = True
            if resource.cache:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", LAST_MODIFIED)
            for name, value in resource.headers.items():
                self.send_header(name, value)
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout, size limit): that is what some tests want

        def log_message(self, *args):
            pass

    return Handler


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients that hang up early (timeouts, size limits) are part of the tests


def example_page(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def rss(items: list[tuple[str, str | None]]) -> str:
    """An RSS feed listing ``(url, pubDate or None)`` items."""
    body = "".join(
        f"<item><title>Item {n}</title><link>{url}</link>"
        + (f"<pubDate>{date}</pubDate>" if date else "")
        + "</item>"
        for n, (url, date) in enumerate(items, 1)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test wire</title>{body}</channel></rss>'


UNDATED_ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ghana and Togo reopen their border</title></head>
<body><article><h1>Ghana and Togo reopen their border</h1>
<p>Ghana and Togo agreed to reopen their shared border to traders, the Ghanaian government said in a
statement, ending a closure that had lasted for several months.</p>
<p>"This is good news for the markets on both sides," said Kwame Mensah, a trader in Aflao. Officials
from the two countries will meet again to review customs rules.</p>
</article></body></html>"""
