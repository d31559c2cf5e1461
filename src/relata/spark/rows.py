"""What the Spark job computes per document, and the Spark types of the store's tables.

Nothing here imports pyspark at module level except the schema builders, so executors run the
same Relata code as ``relata ingest``: read (:mod:`relata.ingest`), clean and parse in batches
(:func:`relata.corpus.batched_records`), then :func:`relata.store.writer.record_rows`, the mapping
the DuckDB writer uses, so the Parquet columns are the store's columns.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from relata.corpus import batched_records, cleaned, source_hash
from relata.errors import InputError
from relata.ingest import RawDocument, read_inputs
from relata.ingest.reader import read_data
from relata.store.schema import RECORD_TABLES, columns, written_columns
from relata.store.writer import record_rows

# Leading fields of a document row; one array of row structs per record table follows.
HEAD_FIELDS = ("order", "source", "content_hash", "error")


@dataclass(frozen=True)
class Input:
    """One input of the job: a path every executor can read, or a file's name and bytes."""

    order: str  # sorts like the inputs on the command line
    location: str
    data: bytes | None = None


def read_input(item: Input, max_bytes: int) -> Iterator[tuple[str, RawDocument | str]]:
    """``(order, raw document or error message)`` for each document of ``item``, in order."""
    if item.data is None:
        found = read_inputs([item.location], max_bytes=max_bytes)
    else:
        found = read_data(item.location, item.data, max_bytes)
    for n, raw in enumerate(found):
        yield f"{item.order}:{n:09d}", str(raw) if isinstance(raw, InputError) else raw


def document_rows(
    items: Iterable[tuple[str, RawDocument | str]], published: str | None, batch_size: int
) -> Iterator[tuple]:
    """One row per document: :data:`HEAD_FIELDS`, then its rows for each of ``RECORD_TABLES``.

    The model is loaded once per Python worker (``relata.nlp``), at the first document parsed.
    """
    orders: deque[str] = deque()  # batched_records yields one result per item, in order
    messages: dict[str, str] = {}

    def raws():
        for order, raw in items:
            orders.append(order)
            if isinstance(raw, str):  # an input error, carried as its message
                messages[order] = raw
                yield InputError("", raw)
            else:
                yield raw

    empty = [[] for _ in RECORD_TABLES]
    for result, raw in batched_records(cleaned(raws(), published), batch_size):
        order = orders.popleft()
        if isinstance(result, InputError):
            message = messages.pop(order, None) or str(result)
            yield (order, result.source or None, None, message, *empty)
        else:
            rows = record_rows(result)
            yield (order, raw.source, source_hash(raw, published), None, *(rows[t] for t in RECORD_TABLES))


def table_schema(table: str):
    """The Spark schema of a store table, all its columns (time stamps included), in order."""
    from pyspark.sql.types import StructField, StructType

    return StructType([StructField(name, spark_type(kind), True) for name, kind in columns(table)])


def document_schema():
    from pyspark.sql.types import ArrayType, StringType, StructField, StructType

    fields = [StructField(name, StringType(), name != "order") for name in HEAD_FIELDS]
    for table in RECORD_TABLES:
        row = StructType([StructField(n, spark_type(k), True) for n, k in written_columns(table)])
        fields.append(StructField(table, ArrayType(row, False), False))
    return StructType(fields)


def spark_type(kind: str):
    from pyspark.sql import types

    simple = {
        "VARCHAR": types.StringType(), "INTEGER": types.IntegerType(), "DOUBLE": types.DoubleType(),
        "BOOLEAN": types.BooleanType(), "TIMESTAMP": types.TimestampNTZType(),
    }
    if kind.endswith("[]"):
        return types.ArrayType(simple[kind[:-2]], True)
    return simple[kind]
