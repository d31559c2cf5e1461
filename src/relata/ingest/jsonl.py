"""JSON Lines (or a JSON array) of articles: one document per object."""

from __future__ import annotations

import json
from collections.abc import Iterator

from relata.errors import EmptyInputError, MalformedInputError
from relata.ingest.formats import HTML, sniff
from relata.ingest.raw import RawDocument

BODY_FIELDS = ("text", "content", "body", "article", "maintext", "html")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = ("published", "date", "pubdate", "published_at", "publication_date", "date_publish", "datetime")
URL_FIELDS = ("url", "link", "source_url")
AUTHOR_FIELDS = ("author", "authors", "byline")
OUTLET_FIELDS = ("outlet", "source", "site_name", "sitename", "publisher", "domain")


def read_jsonl(source: str, text: str) -> Iterator[RawDocument | MalformedInputError | EmptyInputError]:
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
        except ValueError as exc:
            yield MalformedInputError(source, f"invalid JSON array ({exc.msg})", line=exc.lineno)
            return
        for number, item in enumerate(items, 1):
            yield _document(source, number, item, "item")
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            yield MalformedInputError(source, f"malformed JSON line ({exc.msg})", line=number)
            continue
        yield _document(source, number, item, "line")


def _first(item: dict, fields: tuple[str, ...]) -> str | None:
    for key in fields:
        value = item.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if isinstance(value, dict):
            value = value.get("name")
        if value not in (None, ""):
            return str(value).strip()
    return None


def _document(source: str, number: int, item, unit: str) -> RawDocument | MalformedInputError | EmptyInputError:
    if not isinstance(item, dict):
        return MalformedInputError(source, f"{unit} is not a JSON object", line=number)
    lowered = {str(k).lower(): v for k, v in item.items()}
    body = _first(lowered, BODY_FIELDS)
    if not body:
        return EmptyInputError(source, f"no text field (one of {', '.join(BODY_FIELDS)})", line=number)
    url = _first(lowered, URL_FIELDS)
    return RawDocument(
        source=url or f"{source}:{number}",
        body=body,
        kind=HTML if sniff(body) == HTML else "text",
        title=_first(lowered, TITLE_FIELDS),
        author=_first(lowered, AUTHOR_FIELDS),
        outlet=_first(lowered, OUTLET_FIELDS),
        published=_first(lowered, DATE_FIELDS),
        url=url,
    )
