"""Exceptions raised by the library. Only the CLI turns them into messages and exit codes."""

from __future__ import annotations


class RelataError(Exception):
    """Base class of every error Relata raises on purpose."""


class InputError(RelataError):
    """An input that cannot become a document. ``source`` names it, ``reason`` says why."""

    def __init__(self, source: str, reason: str, line: int | None = None):
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class EmptyInputError(InputError):
    """The input holds no text (empty or whitespace only)."""


class BinaryInputError(InputError):
    """The input is binary data, not text."""


class DecodingError(InputError):
    """The input's bytes could not be decoded as text in any known encoding."""


class TooLargeError(InputError):
    """The input is larger than the configured ``max_bytes``."""


class MalformedInputError(InputError):
    """The input's structure is broken (a JSON Lines record that is not JSON, a feed that is not XML)."""


class UnreadableInputError(InputError):
    """The input could not be read from disk (missing, permission denied, vanished mid-run)."""


class ExtractionError(InputError):
    """An extractor failed on this document (a bug): the document is skipped, the run goes on."""


class StoreError(RelataError):
    """The store could not be opened or written."""


class StoreBusyError(StoreError):
    """Another process holds the store's lock (an ingest writing, or readers a writer must wait for)."""


class QueryError(RelataError):
    """A query against the store was rejected (not read-only, or invalid SQL)."""


class UnknownActorError(RelataError):
    """A name given by the user matches no actor in the store."""
