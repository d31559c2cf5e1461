"""The report and the web app as a person uses them, in Debian's Chromium (Playwright).

Screenshots of every page visited go to the test's tmp dir (``screenshots/``).
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from relata.store import open_store

pytestmark = pytest.mark.slow


def _wait_for_charts(page, count: int) -> None:
    # A locator, not a JavaScript predicate: the pages' policy forbids evaluating strings.
    page.locator(".chart.drawn").nth(count - 1).wait_for(timeout=15000)


def test_web_app_from_overview_to_the_highlighted_sentence(live_server, page):
    p = page.page
    p.goto(live_server + "/")
    _wait_for_charts(p, 3)
    assert p.locator(".card").count() == 6
    page.shot("01-overview")

    p.locator("a.dyad-link").first.click()
    p.wait_for_url(re.compile(r"/dyads/[^/]+/[^/]+$"))
    _wait_for_charts(p, 1)
    assert p.locator("li.event").count() >= 1
    page.shot("02-dyad")

    report = p.locator("a.report-link").first
    sentence = report.inner_text().strip("“”")
    report.click()
    p.wait_for_url(re.compile(r"/documents/[^#]+#event-\d+$"))
    anchor = urlsplit(p.url).fragment
    focused = p.locator(f'mark.focus[data-ref="{anchor}"]')
    assert focused.count() >= 1
    assert focused.first.is_visible()
    assert "".join(focused.all_inner_texts()).replace("\n", " ")[:40] in sentence.replace("\n", " ")
    assert p.locator("aside.legend .legend-item").count() == 5
    page.shot("03-document")
    assert page.errors == [] and page.dialogs == []


def test_search_and_filters(live_server, page):
    p = page.page
    p.goto(live_server + "/")
    p.fill("header form.search input[name=q]", "Putin")
    p.press("header form.search input[name=q]", "Enter")
    p.wait_for_url(re.compile(r"/search\?q=Putin"))
    assert p.locator("ul.hits li").count() >= 1
    assert p.locator("mark.hit").first.inner_text().lower() == "putin"
    page.shot("04-search")

    p.goto(live_server + "/events")
    p.select_option("form.filters select[name=type]", "CONSULT")
    p.click("form.filters button[type=submit]")
    p.wait_for_url(re.compile(r"type=CONSULT"))
    types = p.locator("table tbody tr td:first-child").all_inner_texts()
    assert types and set(types) == {"CONSULT"}
    page.shot("05-events-filtered")

    p.fill("form.filters input[name=date_from]", "not a date")
    p.click("form.filters button[type=submit]")
    assert "date_from must be" in p.locator("p.error").inner_text()


def test_paging_through_the_api(live_server, page):
    p = page.page
    seen, url = [], live_server + "/api/documents?limit=7"
    total = None
    while url:
        response = p.goto(url)
        assert response.status == 200 and "application/json" in response.headers["content-type"]
        body = json.loads(p.locator("body").inner_text())
        total = body["total"]
        seen += [d["id"] for d in body["items"]]
        offset = body["offset"] + body["limit"]
        url = f"{live_server}/api/documents?limit=7&offset={offset}" if offset < total else None
    assert len(seen) == len(set(seen)) == total > 7
    page.shot("06-api-json")

    p.goto(live_server + "/docs")
    assert p.locator("section.operation").count() >= 10
    form = p.locator("section.operation form.try").first
    form.locator("input[name=limit]").fill("2")
    form.locator("button").click()
    assert parse_qs(urlsplit(p.url).query)["limit"] == ["2"]
    assert len(json.loads(p.locator("body").inner_text())["items"]) <= 2
    p.goto(live_server + "/docs")
    page.shot("07-api-docs")
    assert page.errors == []


def _hostile_ids(db) -> list[str]:
    with open_store(db, read_only=True) as con:
        return [r[0] for r in con.execute(
            "SELECT id FROM documents WHERE title ILIKE '%<script>%' OR text ILIKE '%onerror=%' ORDER BY id"
        ).fetchall()]


def test_hostile_articles_run_no_script(live_server, ingested_db, report_site, page):
    ids = _hostile_ids(ingested_db)
    assert len(ids) == 2, "both hostile articles are stored"
    p = page.page
    for number, document_id in enumerate(ids):
        p.goto(f"{live_server}/documents/{document_id}")
        p.wait_for_load_state("load")
        text = p.locator("article.text").inner_text()
        assert "onerror=alert(" in text  # shown as text
        assert p.locator("article.text img, article.text script, article.text svg, article.text a").count() == 0
        assert p.locator("a[href^='javascript:' i]").count() == 0
        page.shot(f"08-hostile-{number}")
    assert "<script>alert(" in p.locator("h1").inner_text()  # the title, as text
    p.goto(live_server + "/")
    p.locator(".chart.drawn").nth(2).wait_for(timeout=15000)
    assert p.locator(".chart svg text", has_text="<b>Evil Wire</b>").count() == 1  # a label, as text
    assert p.locator(".chart svg a, .chart svg b").count() == 0
    for path in ("/documents", "/quotes", "/events", "/search?q=%3Cscript%3E", "/search?q=onerror"):
        p.goto(live_server + path)
        p.wait_for_load_state("load")
    assert p.locator("ul.hits li").count() >= 1
    assert page.dialogs == [], page.dialogs
    assert p.evaluate("document.querySelectorAll('img[src=x], svg[onload]').length") == 0

    for document_id in ids:
        p.goto((report_site / f"doc-{document_id}.html").as_uri())
        assert "onerror=alert(" in p.locator("article.text").inner_text()
    assert page.dialogs == [], page.dialogs


def test_static_report_opens_from_disk(report_site, page):
    site = report_site
    p = page.page
    requests: list[str] = []
    p.on("request", lambda request: requests.append(request.url))
    p.goto((site / "index.html").as_uri())
    _wait_for_charts(p, 3)
    page.shot("09-report-overview")
    p.locator("a.dyad-link").first.click()
    _wait_for_charts(p, 1)
    page.shot("10-report-dyad")
    p.locator("a.report-link").first.click()
    anchor = urlsplit(p.url).fragment
    assert p.locator(f'mark.focus[data-ref="{anchor}"]').count() >= 1
    page.shot("11-report-document")
    assert all(url.startswith("file://") for url in requests), [u for u in requests if not u.startswith("file:")]
    assert page.errors == [] and page.dialogs == []
