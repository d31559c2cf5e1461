"""Reading inputs: bytes from disk or stdin, decompression, decoding, and the format's reader."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator

from relata.errors import InputError, TooLargeError, UnreadableInputError
from relata.ingest.decoding import GZIP_MAGIC, decode, gunzip
from relata.ingest.formats import FEED, HTML, JSONL, sniff
from relata.ingest.jsonl import read_jsonl
from relata.ingest.raw import RawDocument
from relata.ingest.sources import STDIN, expand

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def read_inputs(
    inputs: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | InputError]:
    """Every document found in ``inputs``, or the error that kept one from being read."""
    for location in expand(inputs):
        if isinstance(location, InputError):
            yield location
            continue
        try:
            data = _read_bytes(location, max_bytes)
        except InputError as exc:
            yield exc
            continue
        yield from read_data("<stdin>" if location == STDIN else location, data, max_bytes)


def read_data(source: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | InputError]:
    """Documents in the bytes of one input (gzip-compressed or not), named ``source``."""
    try:
        if data.startswith(GZIP_MAGIC):
            data = gunzip(source, data, max_bytes)
            name_hint = source[:-3] if source.endswith(".gz") else source
        else:
            name_hint = source
        text = decode(source, data)
    except InputError as exc:
        yield exc
        return
    yield from read_text(source, text, name_hint)


def read_text(source: str, text: str, name_hint: str = "") -> Iterator[RawDocument | InputError]:
    """Documents in an already decoded input, by its sniffed format."""
    fmt = sniff(text, name_hint.lower())
    if fmt == JSONL:
        yield from read_jsonl(source, text)
    elif fmt == FEED:
        # feedparser (about 30 ms to import) only for a feed: most runs read none
        from relata.ingest.feeds import read_feed

        yield from read_feed(source, text)
    else:
        yield RawDocument(source=source, body=text, kind=HTML if fmt == HTML else "text")


def _read_bytes(location: str, max_bytes: int) -> bytes:
    if location == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise TooLargeError("<stdin>", f"larger than --max-bytes ({max_bytes} bytes)")
        return data
    try:
        if not os.path.lexists(location):
            raise FileNotFoundError(location)
        if not os.path.isfile(location):
            raise UnreadableInputError(location, "not a regular file (a broken link, a device or a pipe)")
        size = os.path.getsize(location)
        if size > max_bytes:
            raise TooLargeError(location, f"{size} bytes is over --max-bytes ({max_bytes})")
        with open(location, "rb") as handle:
            return handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise UnreadableInputError(location, "no such file (it may have been removed)") from None
    except PermissionError:
        raise UnreadableInputError(location, "permission denied") from None
    except IsADirectoryError:
        raise UnreadableInputError(location, "is a directory") from None
    except OSError as exc:
        raise UnreadableInputError(location, exc.strerror or str(exc)) from None
