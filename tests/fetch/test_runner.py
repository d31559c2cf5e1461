import gzip

import pytest
from tests.fetch.website import UNDATED_ARTICLE, example_page, rss

from relata.fetch import state
from relata.fetch.client import Client, ClientSettings
from relata.fetch.runner import FeedOutcome, PageOutcome, fetch_urls, watch_round
from relata.store import open_store

SETTINGS = ClientSettings(timeout=0.3, retries=1, backoff=0.01, delay=0.0, max_bytes=200_000)


@pytest.fixture
def con(tmp_path):
    con = open_store(tmp_path / "relata.duckdb")
    yield con
    con.close()


@pytest.fixture
def newsroom(site):
    """A site with robots.txt, articles, a redirect and each kind of failure, all in one feed."""
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.add("/articles/eu", example_page("eu_sanctions_page.html"))
    site.add("/articles/turkey", example_page("turkey_sweden_nato_page.html"))
    site.redirect("/old/turkey", site.url("/articles/turkey"))
    site.add("/articles/ghana", UNDATED_ARTICLE)
    site.add("/private/memo", UNDATED_ARTICLE)
    site.add("/broken", "oops", status=500, cache=False)
    site.add("/slow", UNDATED_ARTICLE, delay=1.0)
    site.add("/huge", "<p>" + "x" * 1_000_000 + "</p>")
    site.add("/photo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    listed = [
        ("/articles/eu", "Wed, 01 Jan 2020 10:00:00 GMT"),  # the page's own date must win
        ("/old/turkey", None),
        ("/articles/ghana", "Tue, 06 Feb 2024 09:00:00 GMT"),  # the page has none: this one is used
        ("/private/memo", None),
        ("/broken", None),
        ("/slow", None),
        ("/huge", None),
        ("/photo.png", None),
    ]
    site.add("/feed.xml", rss([(site.url(path), date) for path, date in listed]), content_type="application/rss+xml")
    return site


def _round(con, feeds):
    with Client(SETTINGS) as client:
        outcomes = list(watch_round(con, feeds, client))
    pages = {o.url.rsplit("/", 1)[1]: o for o in outcomes if isinstance(o, PageOutcome)}
    return pages, [o for o in outcomes if isinstance(o, FeedOutcome)]


def _published(con):
    return dict(con.execute("SELECT source, published FROM documents").fetchall())


def test_watch_round_stores_skips_and_records_failures(con, newsroom):
    pages, feeds = _round(con, [newsroom.url("/feed.xml")])
    assert {name: o.status for name, o in pages.items()} == {
        "eu": "added", "turkey": "added", "ghana": "added", "memo": "skipped",
        "broken": "failed", "slow": "failed", "huge": "failed", "photo.png": "failed",
    }
    assert pages["turkey"].source == newsroom.url("/articles/turkey")  # the URL after the redirect
    assert "robots.txt" in pages["memo"].error.reason and not newsroom.hits("/private/memo")
    assert "HTTP 500" in pages["broken"].error.reason and len(newsroom.hits("/broken")) == 2  # retried
    assert "timed out" in pages["slow"].error.reason
    assert "limit" in pages["huge"].error.reason
    assert "image/png" in pages["photo.png"].error.reason
    assert feeds == [FeedOutcome(newsroom.url("/feed.xml"), "read", 8, 8,
                                 {"added": 3, "skipped": 1, "failed": 4}, ())]
    assert _published(con) == {
        newsroom.url("/articles/eu"): "2023-06-24",  # page metadata, not the feed's 2020 date
        newsroom.url("/articles/turkey"): "2024-01-24",
        newsroom.url("/articles/ghana"): "2024-02-06",  # the feed's date, never the fetch date
    }
    broken = state.get(con, newsroom.url("/broken"))
    assert (broken.status, broken.http_status, broken.attempts) == ("failed", 500, 1)


def test_next_round_retries_only_failures_and_the_feed_answers_304(con, newsroom):
    _round(con, [newsroom.url("/feed.xml")])
    newsroom.add("/broken", UNDATED_ARTICLE.replace("Ghana and Togo", "Benin and Niger"))  # back up
    newsroom.requests.clear()
    pages, feeds = _round(con, [newsroom.url("/feed.xml")])
    assert feeds[0].status == "unchanged" and feeds[0].entries == 0
    assert newsroom.hits("/feed.xml")[0].status == 304
    assert set(pages) == {"memo", "broken", "slow", "huge", "photo.png"}  # stored pages not fetched again
    assert pages["broken"].status == "added" and pages["memo"].status == "skipped"
    assert not newsroom.hits("/articles/eu") and not newsroom.hits("/old/turkey")
    assert state.get(con, newsroom.url("/broken")).attempts == 2
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 4


def test_news_sitemap_index_gzipped(con, site):
    site.add("/articles/eu", example_page("eu_sanctions_page.html"))
    site.add("/articles/ghana", UNDATED_ARTICLE)
    urlset = f"""<?xml version="1.0" encoding="UTF-8"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>{site.url("/articles/ghana")}</loc><lastmod>2025-01-01</lastmod>
        <news:news><news:publication_date>2024-03-05</news:publication_date></news:news></url>
      <url><loc>{site.url("/articles/eu")}</loc></url>
    </urlset>"""
    site.add("/news.xml.gz", gzip.compress(urlset.encode()), content_type="application/gzip")
    site.add("/missing-index-child.xml", "gone", status=410)
    index = f"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>{site.url("/news.xml.gz")}</loc></sitemap><sitemap><loc>{site.url("/missing-index-child.xml")}</loc></sitemap>
    </sitemapindex>"""
    site.add("/sitemap.xml", index, content_type="application/xml")
    pages, feeds = _round(con, [site.url("/sitemap.xml")])
    assert {name: o.status for name, o in pages.items()} == {"ghana": "added", "eu": "added"}
    assert feeds[0].status == "read" and feeds[0].entries == 2
    assert [e.source for e in feeds[0].errors] == [site.url("/missing-index-child.xml")]
    assert feeds[0].failures == 1
    assert _published(con)[site.url("/articles/ghana")] == "2024-03-05"  # news date, not lastmod


def test_one_article_two_urls_one_document(con, site):
    page = UNDATED_ARTICLE.replace("<head>", f'<head><link rel="canonical" href="{site.url("/articles/ghana")}">')
    site.add("/articles/ghana", page)
    site.add("/amp/ghana", page)
    with Client(SETTINGS) as client:
        first, second = fetch_urls(con, [site.url("/amp/ghana"), site.url("/articles/ghana")], client)
    assert (first.status, second.status) == ("added", "unchanged")
    assert first.source == second.source == site.url("/articles/ghana")
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert con.execute("SELECT source FROM sources").fetchall() == [(site.url("/articles/ghana"),)]


def test_fetching_again_is_conditional(con, site):
    url = site.add("/articles/ghana", UNDATED_ARTICLE)
    with Client(SETTINGS) as client:
        [first] = fetch_urls(con, [url], client)
        [again] = fetch_urls(con, [url, url], client)  # duplicates fetched once
    assert first.status == "added" and again.status == "unchanged"
    assert again.source == url
    assert [r.status for r in site.hits("/articles/ghana")] == [200, 304]
    assert _published(con) == {url: None}  # no date anywhere: none is made up


def test_bad_url_is_a_failure_not_a_crash(con):
    with Client(SETTINGS) as client:
        [outcome] = fetch_urls(con, ["notaurl"], client)
    assert outcome.status == "failed" and "not an http(s) URL" in outcome.error.reason


@pytest.mark.slow
def test_a_round_with_workers_stores_and_reports_as_one_worker(tmp_path, newsroom):
    """Pages parsed in two worker processes while the next ones are fetched: the outcomes, in
    order, and every stored row are those of a round parsed in this process."""
    def round_with(workers):
        con = open_store(tmp_path / f"{workers}.duckdb")
        with Client(SETTINGS) as client:
            outcomes = [(type(o).__name__, o.url if isinstance(o, PageOutcome) else o.feed, o.status,
                         getattr(o, "document_id", None)) for o in watch_round(con, [newsroom.url("/feed.xml")],
                                                                               client, workers)]
        rows = {table: con.execute(f"SELECT * EXCLUDE (ingested_at) FROM {table} ORDER BY ALL").fetchall()
                for table in ("documents",)}
        rows.update({table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
                     for table in ("entities", "quotes", "events", "claims", "times")})
        con.close()
        return outcomes, rows

    one, two = round_with(1), round_with(2)
    assert [o[2] for o in one[0]].count("added") == 3
    assert two == one
