"""Telling the format of a decoded input from its content (the extension is only a hint)."""

from __future__ import annotations

import json
import re

TEXT, HTML, JSONL, FEED = "text", "html", "jsonl", "feed"

_FEED_ROOT = re.compile(r"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_ROOT = re.compile(r"<(!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_HTML_TAGS = re.compile(r"</?(p|div|article|span|a|br|h[1-6]|section|meta|script|li|ul)\b[^>]*>", re.IGNORECASE)


def sniff(text: str, name: str = "") -> str:
    """One of ``text``, ``html``, ``jsonl``, ``feed``."""
    head = text.lstrip()[:4096]
    if head.startswith("{") or head.startswith("["):
        first = head.split("\n", 1)[0].strip()
        if _looks_like_json(first) or head.startswith("[") or name.endswith((".jsonl", ".json", ".ndjson")):
            return JSONL
    if head.startswith("<?xml") or _FEED_ROOT.search(head[:1000]):
        if _FEED_ROOT.search(head):
            return FEED
    if _HTML_ROOT.search(head) or len(_HTML_TAGS.findall(head)) >= 5:
        return HTML
    return TEXT


def _looks_like_json(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return line.startswith("{") and line.endswith("}")
