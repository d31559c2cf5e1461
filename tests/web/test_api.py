"""The web app in-process: JSON API, pagination, 4xx on bad parameters, docs offline, security."""

from __future__ import annotations

import hashlib

import pytest
from fastapi.testclient import TestClient
from tests.views.fixture_store import build_store

from relata.records import PLOVER_TYPES
from relata.web import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("web") / "web.duckdb")


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as test_client:
        yield test_client


@pytest.mark.parametrize("path", [
    "/api/documents", "/api/actors", "/api/quotes", "/api/events", "/api/claims", "/api/dyads",
    "/api/corroboration/claims", "/api/corroboration/quotes",
])
def test_listings_are_pages(client, path):
    body = client.get(path, params={"limit": 2}).json()
    assert set(body) == {"items", "total", "limit", "offset"}
    assert body["limit"] == 2 and len(body["items"]) <= 2


def test_paging_through_documents_visits_each_once(client):
    seen, offset = [], 0
    while True:
        body = client.get("/api/documents", params={"limit": 4, "offset": offset}).json()
        seen += [d["id"] for d in body["items"]]
        offset += 4
        if offset >= body["total"]:
            break
    assert len(seen) == len(set(seen)) == 9


def test_one_document_is_the_contract_record(client, record_validator):
    body = client.get("/api/documents/doc-talks").json()
    assert body["schema"] == "relata.document/1"
    record_validator(body)


def test_dyad_timeline_and_filters(client):
    body = client.get("/api/dyads/China/Russia", params={"by": "year"}).json()
    assert body["by"] == "year" and body["periods"][0]["label"] == "2024"
    events = client.get("/api/events", params={"actor": "Russia", "type": "accuse"}).json()
    assert events["total"] == 3
    quotes = client.get("/api/quotes", params={"date_from": "2024-05-20", "date_to": "2024-05-20"}).json()
    assert [q["document_id"] for q in quotes["items"]] == ["doc-talks"]


@pytest.mark.parametrize("path, params, status", [
    ("/api/documents", {"limit": 0}, 422),
    ("/api/documents", {"limit": 501}, 422),
    ("/api/documents", {"limit": "9" * 40}, 422),
    ("/api/documents", {"offset": -1}, 422),
    ("/api/documents", {"offset": "9" * 40}, 422),
    ("/api/documents", {"limit": "ten"}, 422),
    ("/api/documents", {"limit": "1e3"}, 422),
    ("/api/events", {"type": "NUKE"}, 422),
    ("/api/events", {"date_from": "2024-02-30x"}, 422),
    ("/api/events", {"date_to": "yesterday"}, 422),
    ("/api/quotes", {"q": "a\x00b"}, 422),
    ("/api/quotes", {"q": "x" * 5000}, 422),
    ("/api/events", {"actor": "Atlantis Republic"}, 404),
    ("/api/dyads/China/Atlantis", {}, 404),
    ("/api/dyads/China/Russia", {"by": "week"}, 422),
    ("/api/documents/no-such-id", {}, 404),
    ("/api/documents/" + "x" * 300, {}, 422),
    ("/api/nothing-here", {}, 404),
])
def test_bad_parameters_get_a_4xx_with_a_message(client, path, params, status):
    response = client.get(path, params=params)
    assert response.status_code == status
    message = response.json()["detail"]
    assert isinstance(message, str) and message


def test_html_pages_answer_errors_as_pages(client):
    response = client.get("/documents/no-such-id")
    assert response.status_code == 404 and "no document with id" in response.text
    assert response.headers["content-type"].startswith("text/html")
    assert client.get("/documents", params={"limit": 0}).status_code == 422


def test_openapi_schema_and_offline_docs(client):
    spec = client.get("/api/openapi.json").json()
    assert {"/api/documents", "/api/documents/{document_id}", "/api/dyads/{a}/{b}",
            "/api/corroboration/claims"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/documents" in docs.text
    assert "cdn" not in docs.text.lower() and "https://" not in docs.text
    assert client.get("/redoc").status_code == 404


def test_security_headers_and_static_files(client):
    response = client.get("/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/plotly.min.js").status_code == 200
    assert client.get("/static/plotly.css").text.startswith(".js-plotly-plot")
    for probe in ("/static/..%2F..%2Fpyproject.toml", "/static/../app.py", "/static/%2Fetc%2Fpasswd"):
        assert client.get(probe).status_code == 404


def test_hostile_text_is_escaped_in_pages(client):
    html = client.get("/documents/doc-xss").text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert 'href="javascript:' not in html.lower()
    for page in ("/", "/documents", "/quotes", "/events", "/actors", "/search?q=script"):
        body = client.get(page).text
        assert "<script>alert" not in body and "<img src=x" not in body, page


@pytest.mark.parametrize("page", ["/", "/documents", "/actors", "/dyads", "/dyads/China/Russia", "/events",
                                  "/quotes", "/quotes?actor=Xi", "/claims", "/search?q=russia", "/search",
                                  "/documents/doc-talks"])
def test_every_page_renders(client, page):
    assert client.get(page).status_code == 200


def test_type_filter_menu_offers_every_plover_type(client):
    html = client.get("/events").text
    assert all(f'<option value="{t}"' in html for t in PLOVER_TYPES)


def test_the_store_is_opened_read_only(db):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    app = create_app(db)
    with pytest.raises(Exception, match="read-only"), app.state.store.cursor() as cursor:
        cursor.execute("DELETE FROM documents")
    with TestClient(app) as c:
        c.get("/api/documents")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_serve_command_refuses_a_missing_store_and_binds_localhost_by_default(tmp_path):
    from typer.testing import CliRunner

    from relata.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code == 1 and "no such store" in result.output
    help_text = CliRunner().invoke(app, ["serve", "--help"]).output
    assert "127.0.0.1" in help_text


def test_map_page_and_its_scripts_are_served(client):
    html = client.get("/map").text
    assert 'id="event-map"' in html and "/static/world-110m.js" in html and "/static/relata-map.js" in html
    assert "<img src=x" not in html and "<script>alert" not in html
    shapes = client.get("/static/world-110m.js")
    assert shapes.status_code == 200 and "window.PlotlyGeoAssets.topojson.world_110m" in shapes.text
    assert "Natural Earth" in shapes.text and "javascript" in shapes.headers["content-type"]
    assert client.get("/static/relata-map.js").status_code == 200
