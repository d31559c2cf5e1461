import pytest
from tests.fetch.website import EXAMPLES

from relata.errors import MalformedInputError
from relata.fetch.feeds import read_feed
from relata.fetch.listing import Entry


def test_rss_entries_with_dates():
    listing = read_feed("https://x.example/feed", (EXAMPLES / "world_news_feed.xml").read_bytes())
    assert listing.entries[0] == Entry("https://meridiannewswire.example/world/saudi-iran-restore-ties", "2023-03-11")
    assert len(listing.entries) == 3 and listing.sitemaps == ()


def test_atom_entries_and_relative_links():
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
      <entry><title>A</title><link href="/story/a"/><id>tag:a</id><updated>2024-05-02T10:00:00Z</updated>
        <published>2024-05-01T10:00:00Z</published></entry>
      <entry><title>B</title><link href="https://y.example/b"/><id>tag:b</id><updated>2024-05-03T10:00:00Z</updated></entry>
      <entry><title>no link</title><id>tag:c</id></entry>
    </feed>"""
    listing = read_feed("https://x.example/feeds/atom.xml", atom)
    assert listing.entries == (
        Entry("https://x.example/story/a", "2024-05-01"),
        Entry("https://y.example/b", "2024-05-03"),
    )


def test_an_html_page_is_not_a_feed():
    with pytest.raises(MalformedInputError, match="not an RSS/Atom feed"):
        read_feed("https://x.example/", b"<html><body><p>Welcome</p></body></html>")
