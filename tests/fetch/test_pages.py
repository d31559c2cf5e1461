import pytest

from relata.fetch.client import Response
from relata.fetch.errors import UnsupportedContentError
from relata.fetch.pages import canonical_url, read_page


def _response(body: bytes, content_type="text/html", charset=None, final_url="https://x.example/news/a?ref=rss"):
    return Response("https://x.example/a", final_url, 200, content_type, charset, None, None, body)


def test_canonical_link_names_the_document():
    page = read_page(_response(b'<html><head><link rel="canonical" href="/news/a#top"></head><body><p>Hi</p></body></html>'))
    assert page.canonical == "https://x.example/news/a"
    assert page.source == "https://x.example/news/a"
    assert page.raw_document().source == page.source and page.raw_document().kind == "html"


def test_without_canonical_the_final_url_names_it():
    page = read_page(_response(b"<html><body><p>Hi</p></body></html>", final_url="https://x.example/b#frag"))
    assert page.canonical is None and page.source == "https://x.example/b"


@pytest.mark.parametrize(
    "link",
    ['<link rel="canonical" href="https://x.example/">', '<link rel="canonical" href="javascript:void(0)">',
     '<link rel="alternate" href="https://x.example/amp/a">'],
)
def test_untrustworthy_or_absent_canonical_ignored(link):
    assert canonical_url(f"<html><head>{link}</head><body><p>Hi</p></body></html>", "https://x.example/news/a") is None


def test_declared_charset_decodes_the_body():
    body = "<html><body><p>Caf\u00e9 in S\u00e3o Paulo</p></body></html>".encode("cp1252")
    assert "Caf\u00e9" in read_page(_response(body, charset="windows-1252")).html


def test_untyped_non_html_refused():
    with pytest.raises(UnsupportedContentError):
        read_page(_response(b"just some words, no markup at all", content_type=""))
