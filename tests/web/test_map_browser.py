"""The events map in Debian's Chromium: opened offline from the static report, points drawn on
the world shapes shipped with the package, filters, clicking a point, hostile text as text.

Set RELATA_UPDATE_SCREENSHOTS=1 to refresh docs/img/map.png from the examples' report."""

from __future__ import annotations

import os
import re
import shutil
from urllib.parse import urlsplit

import pytest
from tests.conftest import ROOT

from relata.report import write_report
from relata.store import open_store

pytestmark = pytest.mark.slow
SCREENSHOT = ROOT / "docs" / "img" / "map.png"


@pytest.fixture(scope="module")
def examples_site(examples_db, tmp_path_factory):
    site = tmp_path_factory.mktemp("map-report") / "site"
    with open_store(examples_db, read_only=True) as con:
        write_report(con, site)
    return site


def _marks(p) -> int:
    return p.locator("#event-map .scattergeo .point").count()


def test_the_map_opens_offline_and_lists_a_points_events(examples_site, page):
    p = page.page
    requests: list[str] = []
    p.on("request", lambda request: requests.append(request.url))
    p.goto((examples_site / "map.html").as_uri())
    p.locator("#event-map.drawn").wait_for(timeout=15000)
    rows = p.locator("table.map-table tbody tr").count()
    assert rows >= 6  # the examples' events with a place
    assert _marks(p) >= 6
    assert p.locator("#event-map .geo .countries path, #event-map path.countries").count() >= 1  # the shapes drew
    assert p.locator("#event-map .legend .traces").count() >= 3  # one legend entry per PLOVER type
    shot = page.shot("map")
    if os.environ.get("RELATA_UPDATE_SCREENSHOTS"):
        shutil.copyfile(shot, SCREENSHOT)

    p.locator("#event-map .scattergeo .point").first.click(force=True)
    panel = p.locator("section.map-selection")
    panel.wait_for(state="visible", timeout=5000)
    link = panel.locator("a.report-link").first
    sentence = link.inner_text().strip("“”")
    assert sentence and sentence in p.locator("table.map-table").inner_text()
    page.shot("map-clicked")
    link.click()
    p.wait_for_url(re.compile(r"doc-[0-9a-f]+\.html#event-\d+$"))
    anchor = urlsplit(p.url).fragment
    assert p.locator(f'mark.focus[data-ref="{anchor}"]').count() >= 1

    assert all(url.startswith("file://") for url in requests), [u for u in requests if not u.startswith("file:")]
    assert page.errors == [] and page.dialogs == []


def test_the_filters_narrow_the_points(examples_site, page):
    p = page.page
    p.goto((examples_site / "map.html").as_uri())
    p.locator("#event-map.drawn").wait_for(timeout=15000)
    everything = _marks(p)
    p.select_option("form.map-filters select[name=type]", "CONSULT")
    p.wait_for_function("document.querySelector('.map-count').textContent.indexOf('of') > 0")
    consult = _marks(p)
    assert 1 <= consult < everything
    assert p.locator("#event-map .legend .traces").count() == 1
    p.select_option("form.map-filters select[name=type]", "")
    options = p.locator("form.map-filters select[name=dyad] option").all_inner_texts()
    assert len(options) >= 2
    p.select_option("form.map-filters select[name=dyad]", index=1)
    p.wait_for_timeout(300)
    assert 1 <= _marks(p) < everything
    p.select_option("form.map-filters select[name=dyad]", index=0)
    months = p.locator("form.map-filters select[name=from] option").all_inner_texts()[1:]
    p.select_option("form.map-filters select[name=from]", months[-1])
    p.wait_for_timeout(300)
    assert 1 <= _marks(p) < everything
    assert page.errors == []


def test_the_web_map_shows_hostile_text_as_text(live_server, page):
    p = page.page
    p.goto(live_server + "/map?type=CONSULT")
    p.locator("#event-map.drawn").wait_for(timeout=15000)
    assert p.locator("form.map-filters select[name=type]").input_value() == "CONSULT"
    hostile = p.locator("table.map-table tr", has_text="onerror=alert")
    assert hostile.count() >= 1  # the hostile article's Beijing meeting, drawn and listed as text
    beijing = p.locator("#event-map .scattergeo .point")
    for i in range(beijing.count()):
        beijing.nth(i).click(force=True)
        if "onerror=alert" in p.locator("section.map-selection").inner_text():
            break
    assert "onerror=alert" in p.locator("section.map-selection").inner_text()
    assert p.locator("section.map-selection img, section.map-selection script, #event-map svg image").count() == 0
    assert page.dialogs == [] and page.errors == []
