"""Relata: a source-linked record of who said and did what to whom, and when, from news articles.

The Python API (the README's "From Python"):

- :func:`extract` -- the record of one article (text or file), as frozen dataclasses;
  ``record.to_dict()`` is the contract's JSON (``relata.document/1``);
- :class:`Store` -- a store file: ``ingest`` documents, then ``events``, ``quotes``, ``claims``,
  ``actors``, ``dyad`` and ``corroboration`` as Arrow tables (``.to_pandas()`` with pandas);
- the record types (:class:`DocumentRecord`, :class:`Event`, ...) and the errors
  (:class:`RelataError` and its subclasses).

Everything is imported on first use, so ``import relata`` (and the command line) stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"

_LAZY = {
    "Store": "relata.library.store",
    "IngestResult": "relata.library.store",
    "extract": "relata.library.extract",
    "extract_many": "relata.library.extract",
    **{name: "relata.records" for name in (
        "DocumentRecord", "EntityMention", "Actor", "Quote", "Event", "Location", "Claim", "TimeExpression",
        "PLOVER_TYPES")},
    **{name: "relata.errors" for name in (
        "RelataError", "InputError", "StoreError", "StoreBusyError", "QueryError", "UnknownActorError")},
    "InvalidFilterError": "relata.analyze.selection",
}

if TYPE_CHECKING:
    from relata.analyze.selection import InvalidFilterError
    from relata.errors import (
        InputError,
        QueryError,
        RelataError,
        StoreBusyError,
        StoreError,
        UnknownActorError,
    )
    from relata.library.extract import extract, extract_many
    from relata.library.store import IngestResult, Store
    from relata.records import (
        PLOVER_TYPES,
        Actor,
        Claim,
        DocumentRecord,
        EntityMention,
        Event,
        Location,
        Quote,
        TimeExpression,
    )


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'relata' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [  # noqa: RUF022 (grouped as above)
    "__version__", "extract", "extract_many", "Store", "IngestResult",
    "DocumentRecord", "EntityMention", "Actor", "Quote", "Event", "Location", "Claim", "TimeExpression",
    "PLOVER_TYPES", "RelataError", "InputError", "StoreError", "StoreBusyError", "QueryError",
    "UnknownActorError", "InvalidFilterError",
]
