"""Fixtures for the browser tests: a store ingested from the examples plus hostile articles, the
web app on a free port of 127.0.0.1, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from typer.testing import CliRunner

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
XSS_TITLE = "<script>alert('title')</script>Ministers meet <img src=x onerror=alert('title-img')>"
XSS_URL = "javascript:alert('url')"
XSS_BODY = ("Foreign ministers of China and Russia met in Beijing on Monday, officials said. "
            "The statement read <img src=x onerror=alert('body')> and <script>alert('body')</script> "
            "and <a href=\"javascript:alert('link')\">click</a> in full. "
            "Wang Yi said the talks were \"frank and useful <svg onload=alert('quote')>\". "
            "Sergey Lavrov told reporters that trade grew by 25 percent last year.")
XSS_HTML = """<!doctype html><html><head><title>&lt;script&gt;alert('html-title')&lt;/script&gt; Summit</title>
<meta property="og:url" content="javascript:alert('og')"></head><body><article>
<h1>&lt;script&gt;alert('html-title')&lt;/script&gt; Summit</h1>
<p>Published May 20, 2024. The leaders of France and Germany met in Paris on Tuesday to discuss defence.</p>
<p>The communique quoted &lt;img src=x onerror=alert('html-body')&gt; as the heading of its annex.</p>
<script>alert('inline')</script>
<p>President Emmanuel Macron said the two countries would "work together on javascript:alert('q') and more".</p>
</article></body></html>"""


def _write_hostile_inputs(directory: Path) -> list[Path]:
    jsonl = directory / "hostile.jsonl"
    jsonl.write_text(json.dumps({"title": XSS_TITLE, "url": XSS_URL, "published": "2024-05-20",
                                 "outlet": "<b>Evil Wire</b>", "text": XSS_BODY}) + "\n", encoding="utf-8")
    page = directory / "hostile_page.html"
    page.write_text(XSS_HTML, encoding="utf-8")
    return [jsonl, page]


@pytest.fixture(scope="session")
def ingested_db(tmp_path_factory) -> Path:
    """A store of the bundled examples and two hostile articles, ingested as a user would."""
    from relata.cli import app

    root = tmp_path_factory.mktemp("ingested")
    db = root / "store.duckdb"
    hostile = _write_hostile_inputs(root)
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), *map(str, hostile), "--db", str(db), "-q"])
    assert result.exit_code in (0, 1), result.output  # 1: some example inputs may be refused on purpose
    return db


@pytest.fixture(scope="session")
def report_site(ingested_db, tmp_path_factory) -> Path:
    """The static report of the ingested store."""
    from relata.report import write_report
    from relata.store import open_store

    site = tmp_path_factory.mktemp("report") / "site"
    with open_store(ingested_db, read_only=True) as con:
        write_report(con, site)
    return site


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(ingested_db):
    """The web app served by uvicorn in a thread on 127.0.0.1; yields its base URL."""
    import uvicorn

    from relata.web import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(ingested_db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web app did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("browser tests need Debian's Chromium at /usr/bin/chromium "
                    "(run scripts/install-browser.sh)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A browser page that records dialogs, page errors and console messages."""

    def __init__(self, page, shots: Path):
        self.page = page
        self.shots = shots
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.console: list[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.on("console", lambda msg: self.console.append(f"{msg.type}: {msg.text}"))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def shot(self, name: str) -> Path:
        path = self.shots / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture
def page(browser, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    shots = tmp_path / "screenshots"
    shots.mkdir()
    watched = Watched(context.new_page(), shots)
    yield watched
    context.close()
