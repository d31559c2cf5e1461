import gzip

import pytest

from relata.errors import MalformedInputError
from relata.fetch.listing import Entry
from relata.fetch.sitemaps import is_sitemap, read_sitemap

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://x.example/a</loc><lastmod>2024-06-01</lastmod>
    <news:news><news:publication><news:name>X</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2024-05-30T08:00:00+00:00</news:publication_date><news:title>A</news:title></news:news>
  </url>
  <url><loc> https://x.example/b </loc><lastmod>2024-06-01</lastmod></url>
  <url><lastmod>2024-06-01</lastmod></url>
</urlset>"""


def test_news_sitemap_dates_come_from_publication_date_not_lastmod():
    listing = read_sitemap("https://x.example/sitemap.xml", NEWS_SITEMAP)
    assert listing.entries == (Entry("https://x.example/a", "2024-05-30"), Entry("https://x.example/b", None))


def test_sitemap_index_lists_sitemaps():
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://x.example/s1.xml</loc></sitemap><sitemap><loc>https://x.example/s2.xml.gz</loc></sitemap>
    </sitemapindex>"""
    listing = read_sitemap("https://x.example/index.xml", index)
    assert listing.sitemaps == ("https://x.example/s1.xml", "https://x.example/s2.xml.gz")
    assert listing.entries == ()


def test_feeds_and_pages_are_not_sitemaps():
    assert is_sitemap(NEWS_SITEMAP)
    assert not is_sitemap(b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>')
    assert not is_sitemap(b"<html><body>hi</body></html>")
    assert not is_sitemap(gzip.compress(NEWS_SITEMAP))  # the caller decompresses first
    with pytest.raises(MalformedInputError):
        read_sitemap("https://x.example/feed", b"<rss/>")


def test_entities_are_not_expanded():
    bomb = b"""<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file:///etc/passwd">]>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/&e;</loc></url></urlset>"""
    entries = read_sitemap("https://x.example/s.xml", bomb).entries
    assert all("root:" not in entry.url for entry in entries)
