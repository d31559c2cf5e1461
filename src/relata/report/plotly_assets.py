"""Plotly's JavaScript and stylesheet, both read from the installed ``plotly`` Python package.

Plotly.js normally injects its stylesheet as inline ``<style>`` rules, which the pages'
Content-Security-Policy (``style-src 'self'``) forbids. Plotly.js skips the injection when the
page links a stylesheet with id ``plotly.js-style-global`` and class ``no-inline-styles``; that
stylesheet is derived here from the rule table inside the shipped bundle (the same rules plotly
would inject), so it always matches the installed version. Nothing is fetched from a network.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

PLOTLY_JS = "plotly.min.js"
PLOTLY_CSS = "plotly.css"
# The rule table starts with this key; "X" stands for the plot, "Y" for the notifier.
_TABLE_START = '{"X,X div"'
_STRING = r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\''
_PAIR = re.compile(rf"\s*({_STRING})\s*:\s*({_STRING})\s*,?")


def plotly_js() -> Path:
    """The bundled, minified Plotly.js of the installed ``plotly`` package."""
    return Path(str(resources.files("plotly") / "package_data" / PLOTLY_JS))


@lru_cache(maxsize=1)
def plotly_css() -> str:
    """Plotly.js's stylesheet as CSS text (empty when the bundle's layout is not recognised)."""
    source = plotly_js().read_text(encoding="utf-8")
    start = source.find(_TABLE_START)
    if start < 0:
        return ""
    rules, position = [], start + 1
    while (match := _PAIR.match(source, position)) is not None:
        selector, body = (_unquote(group) for group in match.groups())
        selector = selector.replace("X", ".js-plotly-plot .plotly").replace("Y", ".plotly-notifier")
        rules.append(f"{selector} {{{body}}}")
        position = match.end()
    return "\n".join(rules) + "\n" if rules else ""


def _unquote(literal: str) -> str:
    return re.sub(r"\\(.)", r"\1", literal[1:-1])
