"""The Spark job behind ``relata spark``: the store's tables as Parquet, computed on many machines.

Stages: the driver lists the inputs (local paths the executors can read as they are, or URIs such
as ``s3a://bucket/news/`` read with ``binaryFiles``); executors read each file into raw documents;
these are spread over ``partitions`` partitions; each partition cleans, parses (``nlp.pipe``
batches, the model loaded once per Python worker) and extracts, as ``relata ingest`` does; rows
are deduplicated like the store does (one document per cleaned text, its first source kept) and
written as ``OUT/<table>/part-*.parquet`` with the DuckDB store's columns.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from relata.corpus import BATCH_SIZE
from relata.ingest import DEFAULT_MAX_BYTES
from relata.ingest.sources import STDIN, expand
from relata.spark.rows import Input, document_rows, document_schema, read_input, table_schema
from relata.store.schema import RECORD_TABLES

TABLES = RECORD_TABLES + ("sources",)


@dataclass(frozen=True)
class JobResult:
    documents: int  # distinct documents written
    sources: int  # inputs that gave a record
    errors: tuple[str, ...]  # one message per input that gave none, in input order


def run(
    inputs: Sequence[str], out: str, master: str | None = None, published: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES, partitions: int | None = None, batch_size: int = BATCH_SIZE,
    spark=None,
) -> JobResult:
    """Run the job; with ``spark`` None a session is started for ``master`` (or spark-submit's)
    and stopped at the end."""
    session = spark if spark is not None else start_session(master)
    try:
        return _run(session, inputs, out, published, max_bytes, partitions, batch_size)
    finally:
        if spark is None:
            session.stop()


def start_session(master: str | None = None, app_name: str = "relata"):
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master is not None:
        builder = builder.master(master)
    if master is not None and master.startswith("local"):
        # Local workers run the driver's interpreter, where relata and the model are installed.
        # pyspark reads the variable when the context starts; the config key alone is not enough.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = (builder.config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS"))
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def job_inputs(inputs: Iterable[str]) -> tuple[list[Input], list[tuple[str, str]], list[str]]:
    """Local files (ordered as ``relata ingest`` reads them), URIs (with their order prefix), and
    the errors of local inputs that do not exist."""
    local, remote, errors = [], [], []
    paths = []
    for n, given in enumerate(inputs):
        if "://" in given:
            remote.append((f"R{n:06d}", given))
        elif given == STDIN:
            errors.append(f"{given}: standard input cannot be read by Spark executors")
        else:
            paths.append(given)
    for n, location in enumerate(expand(paths)):
        if isinstance(location, str):
            local.append(Input(order=f"L{n:09d}", location=location))
        else:
            errors.append(str(location))
    return local, remote, errors


def _run(spark, inputs, out, published, max_bytes, partitions, batch_size) -> JobResult:
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    sc = spark.sparkContext
    local, remote, errors = job_inputs(inputs)
    partitions = partitions or 2 * sc.defaultParallelism
    # The deduplication shuffles: as many partitions as the parse, not Spark's default 200.
    spark.conf.set("spark.sql.shuffle.partitions", str(partitions))
    files = sc.parallelize(local, max(1, min(len(local), partitions)))
    for order, uri in remote:
        files = files.union(sc.binaryFiles(uri).map(
            lambda named, order=order: Input(order=f"{order}:{named[0]}", location=named[0], data=named[1])))
    rows = (files.flatMap(lambda item: read_input(item, max_bytes))
            .repartition(partitions)
            .mapPartitions(lambda items: document_rows(items, published, batch_size)))
    docs = spark.createDataFrame(rows, document_schema(), verifySchema=False)
    docs = docs.persist(StorageLevel.MEMORY_AND_DISK)
    cached = [docs]
    try:
        ok = docs.where(F.col("error").isNull()).withColumn("document_id", F.col("documents")[0]["id"])
        # The store keeps a document once, under the first source that gave its text ...
        first = Window.partitionBy("document_id").orderBy("order")
        unique = ok.withColumn("_n", F.row_number().over(first)).where("_n = 1")
        unique = unique.persist(StorageLevel.MEMORY_AND_DISK)
        cached.append(unique)
        # ... and per source the last document read for it.
        latest = Window.partitionBy("source").orderBy(F.col("order").desc())
        sources = (ok.withColumn("_n", F.row_number().over(latest)).where("_n = 1")
                   .withColumn("updated_at", F.current_timestamp()))
        for table in RECORD_TABLES:
            exploded = unique.select(F.explode(table).alias("row")).select("row.*")
            if table == "documents":
                exploded = exploded.withColumn("ingested_at", F.current_timestamp())
            _write(exploded, table, out)
        _write(sources, "sources", out)
        failed = docs.where(F.col("error").isNotNull()).orderBy("order").select("error").collect()
        return JobResult(
            documents=unique.count(), sources=sources.count(),
            errors=tuple(errors) + tuple(row.error for row in failed),
        )
    finally:
        for frame in cached:
            frame.unpersist()


def _write(frame, table: str, out: str) -> None:
    from pyspark.sql import functions as F

    schema = table_schema(table)
    columns = [F.col(f"`{field.name}`").cast(field.dataType).alias(field.name) for field in schema.fields]
    frame.select(*columns).write.mode("overwrite").parquet(f"{out.rstrip('/')}/{table}")
