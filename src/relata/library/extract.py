"""``relata.extract``: one document's record from a text or a file, without a store."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace

from relata.errors import InputError
from relata.records import DocumentRecord

# A string this long, or with a line break, is an article, never a path.
_MAX_PATH = 4096
TEXT_SOURCE = "<text>"


def extract(text_or_path: str | os.PathLike[str], *, published: str | None = None,
            title: str | None = None) -> DocumentRecord:
    """The record of one document: actors, quotes, PLOVER events, claims and times, each with
    the offsets of the text it came from.

    ``text_or_path`` is the article's text, or the path of a file in any format ``relata
    extract`` reads (text, HTML, JSON, RSS/Atom, gzip). A :class:`~pathlib.Path` is always a path;
    a string is a path when it names an existing file (and has no line break), else text.
    ``published`` (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) overrides the date found in the
    document and resolves relative dates (``on Monday``); ``title`` sets the title.

    Raises :class:`~relata.errors.InputError` (naming the input and the reason) for a file that
    cannot be read, text left empty by cleaning, a bad ``published``, or a file holding several
    documents (use :func:`extract_many` or :meth:`relata.Store.ingest` for those).

    >>> import relata
    >>> record = relata.extract("Russia and China held talks in Beijing on Monday.", published="2024-05-20")
    >>> [(e.type, e.source, e.target, e.date) for e in record.events]
    [('CONSULT', 'RUS', 'CHN', '2024-05-20')]
    >>> record.events[0].location
    Location(name='Beijing', country='CHN', lat=39.9075, lon=116.39723)
    >>> record.to_dict()["schema"]
    'relata.document/1'
    """
    raws = _raw_documents(text_or_path)
    documents = [raw for raw in raws if not isinstance(raw, InputError)]
    errors = [raw for raw in raws if isinstance(raw, InputError)]
    if errors:
        raise errors[0]
    if len(documents) != 1:
        source = os.fspath(text_or_path) if _is_path(text_or_path) else TEXT_SOURCE
        raise InputError(source, f"holds {len(documents)} documents, not one: use relata.extract_many "
                                 "or relata.Store(...).ingest")
    raw = replace(documents[0], title=title) if title else documents[0]
    return _record(raw, published)


def extract_many(inputs: Iterable[str | os.PathLike[str]], *, published: str | None = None,
                 workers: int = 1, max_bytes: int | None = None) -> Iterator[DocumentRecord | InputError]:
    """A record for every document in ``inputs`` (files, directories, globs), in order, as
    ``relata extract`` writes them; an input that cannot be read gives its
    :class:`~relata.errors.InputError` in its place instead of stopping the others. ``max_bytes``:
    inputs larger than this are refused (default 20 MiB)."""
    from relata.corpus import extract_records
    from relata.ingest import DEFAULT_MAX_BYTES

    yield from extract_records([os.fspath(i) for i in inputs], published=published,
                               max_bytes=max_bytes or DEFAULT_MAX_BYTES, workers=workers)


def _is_path(value: str | os.PathLike[str]) -> bool:
    if isinstance(value, os.PathLike):
        return True
    return len(value) < _MAX_PATH and "\n" not in value and os.path.isfile(value)


def _raw_documents(text_or_path: str | os.PathLike[str]) -> list:
    from relata.ingest.reader import read_inputs, read_text

    if _is_path(text_or_path):
        return list(read_inputs([os.fspath(text_or_path)]))
    if not isinstance(text_or_path, str):
        raise TypeError(f"extract() takes a text or a path, not {type(text_or_path).__name__}")
    return list(read_text(TEXT_SOURCE, text_or_path))


def _record(raw, published: str | None) -> DocumentRecord:
    from relata.clean import clean_document
    from relata.pipeline import process

    clean = clean_document(raw, published=published)
    (result,) = process([clean])
    if isinstance(result, InputError):
        raise result
    return result


__all__ = ["extract", "extract_many", "TEXT_SOURCE"]
