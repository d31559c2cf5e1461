"""XML sitemaps (sitemaps.org), news sitemaps included, and sitemap indexes.

A ``<lastmod>`` is when a page last changed, not when it was published, so only the news
extension's ``<news:publication_date>`` gives an entry its date.
"""

from __future__ import annotations

from lxml import etree

from relata.errors import MalformedInputError
from relata.fetch.listing import Entry, Listing
from relata.ingest.dates import parse_publication_date

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
# No entity expansion, no network access: a sitemap is untrusted input.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=False, huge_tree=False)


def is_sitemap(data: bytes) -> bool:
    """Whether ``data`` is a sitemap or sitemap index (rather than, say, an RSS feed)."""
    return _root(data) is not None


def read_sitemap(source: str, data: bytes) -> Listing:
    """The pages (``<urlset>``) or sitemaps (``<sitemapindex>``) listed in ``data``."""
    root = _root(data)
    if root is None:
        raise MalformedInputError(source, "not a sitemap")
    if etree.QName(root).localname == "sitemapindex":
        locs = (_text(node, "loc") for node in root.iterfind(f"{{{SITEMAP_NS}}}sitemap"))
        return Listing(sitemaps=tuple(loc for loc in locs if loc))
    entries = []
    for node in root.iterfind(f"{{{SITEMAP_NS}}}url"):
        loc = _text(node, "loc")
        if loc:
            date = node.findtext(f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}publication_date")
            entries.append(Entry(loc, parse_publication_date(date.strip()) if date else None))
    return Listing(tuple(entries))


def _root(data: bytes):
    try:
        root = etree.fromstring(data.lstrip(), _PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return None
    qname = etree.QName(root)
    if qname.namespace == SITEMAP_NS and qname.localname in ("urlset", "sitemapindex"):
        return root
    return None


def _text(node, name: str) -> str | None:
    value = node.findtext(f"{{{SITEMAP_NS}}}{name}")
    return value.strip() if value and value.strip() else None
