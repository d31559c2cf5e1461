from tests.fetch.website import UNDATED_ARTICLE, example_page, rss
from typer.testing import CliRunner

from relata.cli import app

runner = CliRunner()
FAST = ["--delay", "0", "--timeout", "0.5", "--retries", "1", "--backoff", "0.01"]


def _feeds_file(tmp_path, *urls):
    path = tmp_path / "feeds.txt"
    path.write_text("# outlets followed daily\n" + "\n".join(urls) + "\n")
    return str(path)


def test_watch_once_then_again_fetches_nothing_new(tmp_path, site):
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    site.add("/a", example_page("eu_sanctions_page.html"))
    site.add("/b", UNDATED_ARTICLE)
    feed = site.add("/feed.xml", rss([(site.url("/a"), None), (site.url("/b"), None)]))
    feeds, db = _feeds_file(tmp_path, feed), str(tmp_path / "s.duckdb")

    first = runner.invoke(app, ["watch", feeds, "--db", db, "--once", *FAST])
    assert first.exit_code == 0, first.stderr
    assert f"relata: {feed}: 2 entries, 2 new; 2 added" in first.stderr

    site.requests.clear()
    second = runner.invoke(app, ["watch", feeds, "--db", db, "--once", *FAST])
    assert second.exit_code == 0, second.stderr
    assert f"relata: {feed}: not modified; no pages to fetch" in second.stderr
    assert [(r.path, r.status) for r in site.requests] == [("/robots.txt", 200), ("/feed.xml", 304)]

    stats = runner.invoke(app, ["query", "--db", db, "SELECT count(*) AS n FROM documents", "--format", "csv"])
    assert stats.stdout.split() == ["n", "2"]


def test_watch_reports_each_failure_and_exits_one(tmp_path, site):
    site.add("/broken", "oops", status=500)
    feed = site.add("/feed.xml", rss([(site.url("/broken"), None)]))
    feeds = _feeds_file(tmp_path, feed, "not a url")
    result = runner.invoke(app, ["watch", feeds, "--db", str(tmp_path / "s.duckdb"), "--once", *FAST])
    assert result.exit_code == 1
    assert f"relata: {site.url('/broken')}: HTTP 500" in result.stderr
    assert f"relata: {feed}: 1 entries, 1 new; 1 failed" in result.stderr
    assert f"relata: {feeds}:3: not an http(s) URL: not a url" in result.stderr


def test_watch_rejects_a_bad_interval(tmp_path):
    result = runner.invoke(app, ["watch", _feeds_file(tmp_path, "http://127.0.0.1:9/f"), "--every", "soon"])
    assert result.exit_code == 2 and "not an interval" in result.stderr


def test_fetch_stores_pages_and_reports_failures(tmp_path, site):
    good = site.add("/a", UNDATED_ARTICLE)
    missing = site.url("/gone")
    db = str(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["fetch", good, missing, "--db", db, *FAST])
    assert result.exit_code == 1
    assert f"relata: {good}: added" in result.stderr
    assert f"relata: {missing}: HTTP 404 Not Found" in result.stderr
    assert result.stderr.strip().endswith("1 added, 1 failed")
    again = runner.invoke(app, ["fetch", good, "--db", db, "-q", *FAST])
    assert again.exit_code == 0 and again.stderr == ""


def test_derived_tables_are_rebuilt_only_when_a_round_stores_something(tmp_path, site):
    import duckdb

    site.add("/a", example_page("eu_sanctions_page.html"))
    feed = site.add("/feed.xml", rss([(site.url("/a"), None)]))
    feeds, db = _feeds_file(tmp_path, feed), str(tmp_path / "s.duckdb")
    assert runner.invoke(app, ["watch", feeds, "--db", db, "--once", *FAST]).exit_code == 0
    with duckdb.connect(db) as con:
        assert con.execute("SELECT count(*) FROM event_groups").fetchone()[0] > 0
        con.execute("DROP TABLE event_groups")  # marks whether the next round rebuilds
    assert runner.invoke(app, ["watch", feeds, "--db", db, "--once", *FAST]).exit_code == 0
    with duckdb.connect(db) as con:
        tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert "event_groups" not in tables  # nothing new: no rebuild of the whole store

    site.add("/b", UNDATED_ARTICLE)
    more = _feeds_file(tmp_path, feed, site.add("/more.xml", rss([(site.url("/b"), None)])))
    third = runner.invoke(app, ["watch", more, "--db", db, "--once", *FAST])
    assert third.exit_code == 0 and "1 added" in third.stderr, third.stderr
    with duckdb.connect(db) as con:
        assert con.execute("SELECT count(*) FROM event_groups").fetchone()[0] > 0
