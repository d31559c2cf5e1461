"""A fetched article page: its text, the URL it is known by, and the raw document to clean.

The URL a document is stored under is the page's canonical link when it has a usable one, else
the URL reached after redirects; so an article reached by two URLs is one document.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from lxml import etree, html

from relata.fetch.client import Response
from relata.fetch.errors import UnsupportedContentError
from relata.ingest.decoding import decode
from relata.ingest.formats import HTML, sniff
from relata.ingest.raw import RawDocument

PAGE_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class Page:
    url: str  # as requested
    final_url: str
    canonical: str | None
    html: str

    @property
    def source(self) -> str:
        """The URL the document is stored under."""
        return self.canonical or self.final_url

    def raw_document(self) -> RawDocument:
        # No ``published`` here: the page's own metadata comes first (see runner).
        return RawDocument(source=self.source, body=self.html, kind="html", url=self.source)


def read_page(response: Response) -> Page:
    """The page in ``response``; raises an :class:`InputError` when it is not readable HTML."""
    text = _decode(response)
    if not response.content_type and sniff(text) != HTML:
        raise UnsupportedContentError(response.url, "not a web page (no content type, not HTML)")
    final_url = _without_fragment(response.final_url)
    return Page(response.url, final_url, canonical_url(text, final_url), text)


def canonical_url(page_html: str, base_url: str) -> str | None:
    """The page's ``<link rel="canonical">``, made absolute, when it is an http(s) URL worth trusting."""
    try:
        tree = html.fromstring(page_html)
    except (etree.ParserError, ValueError):
        return None
    for link in tree.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rels and href:
            url = _without_fragment(urljoin(base_url, href))
            if urlsplit(url).scheme not in ("http", "https"):
                return None
            # A site that points every article at its home page would merge them all into one.
            if urlsplit(url).path in ("", "/") and urlsplit(base_url).path not in ("", "/"):
                return None
            return url
    return None


def _decode(response: Response) -> str:
    # The charset the server declares is tried first; without one, the bytes decide.
    if response.charset:
        try:
            return response.body.decode(response.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(response.url, response.body)


def _without_fragment(url: str) -> str:
    return urlunsplit(urlsplit(url)._replace(fragment=""))
