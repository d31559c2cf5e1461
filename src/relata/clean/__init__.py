"""Cleaning: from a raw document to its article text and metadata.

HTML goes through trafilatura; every body (HTML-derived or plain) is then normalised, its header
lines read for metadata, and boilerplate lines dropped with the patterns in ``data/boilerplate.tsv``.
"""

from __future__ import annotations

from relata.clean.boilerplate import remove_boilerplate
from relata.clean.document import CleanDocument
from relata.clean.header import read_header, read_headline
from relata.clean.html import extract_html
from relata.clean.language import detect_language
from relata.clean.normalize import normalize_text
from relata.errors import EmptyInputError, InputError
from relata.ingest.dates import parse_publication_date
from relata.ingest.raw import RawDocument

SUPPORTED_LANGUAGES = ("en",)


def clean_document(
    raw: RawDocument, published: str | None = None, fallback_published: str | None = None
) -> CleanDocument:
    """The cleaned document. ``published`` (``YYYY[-MM[-DD]]``) overrides any date found;
    ``fallback_published`` (a feed entry's date, say) ranks after the page's own metadata and
    before dates read from the text's header lines.

    Raises :class:`EmptyInputError` when no article text is left.
    """
    html_meta = None
    body = raw.body
    if raw.kind == "html":
        html_meta = extract_html(body, url=raw.url)
        body = html_meta.text
    lines = normalize_text(body).split("\n")
    lines, header = read_header(lines)
    lines, _ = remove_boilerplate(lines)
    if raw.title or (html_meta and html_meta.title):
        header.title = header.title or raw.title or html_meta.title
    lines = read_headline(lines, header)
    outlet = raw.outlet or (html_meta.outlet if html_meta else None) or header.outlet
    text = normalize_text("\n".join(lines))
    if not text:
        raise EmptyInputError(raw.source, "no article text left after cleaning")

    def pick(*values):
        return next((v for v in values if v), None)

    if published is not None and parse_publication_date(published) is None:
        raise InputError(raw.source, f"--published {published!r} is not a date (YYYY-MM-DD)")
    date = pick(
        parse_publication_date(published),
        parse_publication_date(raw.published),
        html_meta.published if html_meta else None,
        parse_publication_date(fallback_published),
        header.published,
    )
    language = detect_language(text)
    warnings = []
    if language not in SUPPORTED_LANGUAGES:
        warnings.append(f"language {language!r} is not supported: no extraction was run")
    return CleanDocument(
        source=raw.source,
        text=text,
        title=_tidy(pick(raw.title, html_meta.title if html_meta else None, header.title)),
        author=_tidy(pick(raw.author, html_meta.author if html_meta else None, header.author)),
        outlet=_tidy(outlet),
        published=date,
        language=language,
        warnings=tuple(warnings),
    )


def _tidy(value: str | None) -> str | None:
    if value is None:
        return None
    value = normalize_text(value).replace("\n", " ").strip()
    return value or None


__all__ = ["clean_document", "CleanDocument"]
