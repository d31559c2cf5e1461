"""Ingestion: from paths, globs and stdin to decoded raw documents, each with its own source.

``read_inputs`` yields :class:`RawDocument` objects and :class:`~relata.errors.InputError`
objects in input order, so one bad file never stops the others.
"""

from relata.ingest.raw import RawDocument
from relata.ingest.reader import DEFAULT_MAX_BYTES, read_inputs

__all__ = ["RawDocument", "read_inputs", "DEFAULT_MAX_BYTES"]
