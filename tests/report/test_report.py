"""The static report: every page written, self-contained (no network), untrusted text escaped."""

from __future__ import annotations

import re

import pytest
from tests.views.fixture_store import build_store
from typer.testing import CliRunner

from relata.cli import app
from relata.report import write_report
from relata.report.plotly_assets import plotly_css
from relata.store import open_store


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("report")
    db = build_store(root / "store.duckdb")
    with open_store(db, read_only=True) as con:
        summary = write_report(con, root / "site")
    return summary


def _pages(site):
    return {p.name: p.read_text(encoding="utf-8") for p in site.out.glob("*.html")}


def test_every_page_is_written(site):
    names = set(_pages(site))
    assert {"index.html", "documents.html", "actors.html", "dyads.html", "events.html", "quotes.html",
            "claims.html", "map.html", "doc-doc-talks.html", "doc-doc-xss.html", "dyad-CHN--RUS.html"} <= names
    assert site.documents == 9 and site.pages == len(names)
    for asset in ("relata.css", "relata.js", "plotly.min.js", "plotly.css", "relata-map.js", "world-110m.js"):
        assert (site.out / "assets" / asset).stat().st_size > 0


def test_pages_load_nothing_from_the_network_and_have_no_inline_script(site):
    for name, html in _pages(site).items():
        for src in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html):
            assert src.startswith("assets/"), (name, src)
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), name  # every script is a file
        assert "Content-Security-Policy" in html
        assert not re.search(r"\son[a-z]+=", re.sub(r"&[a-z#0-9]+;", "", html).replace("onerror=alert", "")), name


def test_links_between_pages_resolve(site):
    names = set(_pages(site))
    for name, html in _pages(site).items():
        for href in re.findall(r'href="([^"#]+\.html)(?:#[^"]*)?"', html):
            assert href in names, (name, href)


def test_hostile_document_is_shown_as_text(site):
    html = (site.out / "doc-doc-xss.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html and "<i>Evil" not in html
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html.lower()
    assert "javascript:alert(&#34;source&#34;)" in html  # the source, shown but not linked


def test_document_page_highlights_spans_with_a_legend(site):
    html = (site.out / "doc-doc-talks.html").read_text(encoding="utf-8")
    for anchor in ("event-0", "event-1", "quote-0", "claim-0", "time-0", "time-1", "entity-3"):
        assert f'id="{anchor}"' in html
    assert 'class="legend"' in html and 'href="https://example.org/news/talks?a=1&amp;b=2"' in html


def test_dyad_page_links_each_report_to_its_sentence(site):
    html = (site.out / "dyad-CHN--RUS.html").read_text(encoding="utf-8")
    assert 'data-chart="' in html
    assert 'href="doc-doc-1.html#event-0"' in html


def test_plotly_stylesheet_is_derived_from_the_bundle():
    css = plotly_css()
    assert ".js-plotly-plot .plotly" in css and "X" not in css.split("{")[0]


def test_report_command(tmp_path):
    db = build_store(tmp_path / "s.duckdb")
    result = CliRunner().invoke(app, ["report", "--db", str(db), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "index.html").exists()
    missing = CliRunner().invoke(app, ["report", "--db", str(tmp_path / "no.duckdb"), "--out", str(tmp_path / "o")])
    assert missing.exit_code == 1 and "no such store" in missing.output


def test_chart_labels_cannot_carry_plotly_markup():
    from relata.report.render import bar_chart
    from relata.views.model import Count

    spec = bar_chart((Count('<a href="javascript:alert(1)">x</a> & co', 2),), "t")
    assert spec["data"][0]["x"] == ['&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt; &amp; co']
