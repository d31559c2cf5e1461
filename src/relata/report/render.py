"""Turning views into HTML: the Jinja2 environment, link schemes and chart specifications.

Shared by the static report (links between files) and the web app (links between routes): the
templates only ever call ``urls.*`` to link, so the same template serves both. Autoescaping is on
for every template; the only markup not escaped by Jinja is the highlighted document text, built
from escaped pieces by :mod:`relata.views.highlight`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import quote, urlencode

import jinja2

from relata.analyze.dyad import A_TO_B, DyadTimeline
from relata.records import PLOVER_TYPES
from relata.views.highlight import KIND_LABELS
from relata.views.model import Count
from relata.views.params import Filters

TEMPLATES = Path(str(resources.files("relata.report") / "templates"))
STATIC = Path(str(resources.files("relata.report") / "static"))
# The Content-Security-Policy of every page: no inline script, no inline style, nothing remote.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
# A <meta> policy for report files opened from disk (frame-ancestors only works as a header).
META_CSP = CSP.replace("; frame-ancestors 'none'", "")


class StaticUrls:
    """Links between the files of a static report: every page sits in one directory."""

    live = False

    def index(self) -> str:
        return "index.html"

    def actors(self) -> str:
        return "actors.html"

    def dyads(self) -> str:
        return "dyads.html"

    def dyad(self, a: str, b: str) -> str:
        return f"dyad-{file_key(a)}--{file_key(b)}.html"

    def events(self) -> str:
        return "events.html"

    def map(self) -> str:
        return "map.html"

    def quotes(self) -> str:
        return "quotes.html"

    def claims(self) -> str:
        return "claims.html"

    def documents(self) -> str:
        return "documents.html"

    def document(self, document_id: str, anchor: str | None = None) -> str:
        return f"doc-{file_key(document_id)}.html" + (f"#{anchor}" if anchor else "")

    def asset(self, name: str) -> str:
        return f"assets/{name}"


class WebUrls(StaticUrls):
    """Links between the web app's routes."""

    live = True

    def index(self) -> str:
        return "/"

    def actors(self) -> str:
        return "/actors"

    def dyads(self) -> str:
        return "/dyads"

    def dyad(self, a: str, b: str) -> str:
        return f"/dyads/{quote(a, safe='')}/{quote(b, safe='')}"

    def events(self) -> str:
        return "/events"

    def map(self) -> str:
        return "/map"

    def quotes(self) -> str:
        return "/quotes"

    def claims(self) -> str:
        return "/claims"

    def documents(self) -> str:
        return "/documents"

    def document(self, document_id: str, anchor: str | None = None) -> str:
        return f"/documents/{quote(document_id, safe='')}" + (f"#{anchor}" if anchor else "")

    def asset(self, name: str) -> str:
        return f"/static/{quote(name)}"

    def search(self) -> str:
        return "/search"

    def api_docs(self) -> str:
        return "/docs"

    def with_query(self, path: str, params: dict) -> str:
        kept = {k: v for k, v in params.items() if v not in (None, "")}
        return f"{path}?{urlencode(kept)}" if kept else path


def file_key(value: str) -> str:
    """A file-name-safe form of an id (ids are slugs or hashes; anything else is replaced)."""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", value)[:120] or "_"


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,  # every template, whatever its extension
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["chart"] = chart_attribute
    env.filters["number"] = number
    env.globals.update(
        PLOVER_TYPES=PLOVER_TYPES, KIND_LABELS=KIND_LABELS, A_TO_B=A_TO_B, meta_csp=META_CSP,
        # Page variables most templates take; pages that have them pass their own.
        charts=False, map_page=False, page_url=None, query="", outlets=(), speakers=None, filters=Filters(),
    )
    return env


def number(value: float) -> str:
    """A figure as people write it: 240100000000 -> 240,100,000,000; 2.5 -> 2.5."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.4g}"


def chart_attribute(spec: dict) -> str:
    """A chart spec as JSON for a ``data-chart`` attribute (Jinja escapes it as an attribute value)."""
    return json.dumps(spec, ensure_ascii=False, separators=(",", ":"))


# --- charts: Plotly figure specifications, drawn by assets/relata.js ---------------------------

_LAYOUT = {"margin": {"l": 50, "r": 50, "t": 40, "b": 60}, "height": 320,
           "font": {"family": "system-ui, sans-serif", "size": 12}}


def chart_text(text: str) -> str:
    """Text for a Plotly label: Plotly reads a few HTML tags in labels (``<b>``, ``<a href>``), so
    article strings are entity-escaped; Plotly shows the entities as the characters they stand for."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def bar_chart(counts: tuple[Count, ...], title: str, horizontal: bool = False) -> dict:
    labels, values = [chart_text(c.label) for c in counts], [c.count for c in counts]
    trace = ({"type": "bar", "y": labels[::-1], "x": values[::-1], "orientation": "h"}
             if horizontal else {"type": "bar", "x": labels, "y": values})
    layout = {**_LAYOUT, "title": {"text": title}}
    if horizontal:
        layout["margin"] = {**_LAYOUT["margin"], "l": 220}
        layout["height"] = max(240, 26 * len(labels) + 80)
    else:
        layout["xaxis"] = {"type": "category"}
    return {"data": [trace], "layout": layout}


def dyad_chart(timeline: DyadTimeline) -> dict:
    """Events per period stacked by PLOVER type, and the mean intensity per period as a line."""
    periods = [chart_text(p.label) for p in timeline.periods]
    types = [t for t in PLOVER_TYPES if any(c.type == t for p in timeline.periods for c in p.counts)]
    data = []
    for kind in types:
        data.append({
            "type": "bar", "name": kind, "x": periods,
            "y": [sum(c.events for c in p.counts if c.type == kind) for p in timeline.periods],
        })
    data.append({"type": "scatter", "mode": "lines+markers", "name": "mean intensity", "yaxis": "y2",
                 "x": periods, "y": [p.mean_intensity for p in timeline.periods],
                 "line": {"color": "#222", "dash": "dot"}})
    layout = {
        **_LAYOUT, "barmode": "stack", "height": 380,
        "title": {"text": chart_text(f"{timeline.a.label} ↔ {timeline.b.label}: events per {timeline.by}")},
        "xaxis": {"type": "category", "title": {"text": timeline.by}},
        "yaxis": {"title": {"text": "distinct events"}, "rangemode": "tozero"},
        "yaxis2": {"title": {"text": "mean intensity (Goldstein)"}, "overlaying": "y", "side": "right",
                   "range": [-10, 10], "dtick": 5, "zeroline": True},
        "legend": {"orientation": "h", "y": -0.25},
    }
    return {"data": data, "layout": layout}


@dataclass(frozen=True)
class Renderer:
    """Renders named templates with a link scheme; one per site (report or web app)."""

    env: jinja2.Environment
    urls: StaticUrls

    @classmethod
    def create(cls, urls: StaticUrls) -> Renderer:
        return cls(environment(), urls)

    def render(self, template: str, **context) -> str:
        return self.env.get_template(template).render(urls=self.urls, **context)
