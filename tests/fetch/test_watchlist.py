import pytest

from relata.fetch.watchlist import parse_interval, read_watchlist


def test_feeds_file_urls_comments_and_bad_lines():
    text = "# Outlets followed daily\nhttps://a.example/feed.xml   # A's wire\n\nhttps://b.example/news-sitemap.xml\n" \
           "b.example/no-scheme\nhttps://a.example/feed.xml\n"
    urls, bad = read_watchlist(text)
    assert urls == ["https://a.example/feed.xml", "https://b.example/news-sitemap.xml"]
    assert bad == [(5, "b.example/no-scheme")]


@pytest.mark.parametrize(("value", "seconds"), [("30m", 1800), ("1h30m", 5400), ("90s", 90), ("1d", 86400), ("45", 45)])
def test_intervals(value, seconds):
    assert parse_interval(value) == seconds


@pytest.mark.parametrize("value", ["soon", "0m", "", "30x"])
def test_bad_intervals(value):
    with pytest.raises(ValueError):
        parse_interval(value)
