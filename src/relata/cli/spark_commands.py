"""``relata spark``: the PySpark job, for corpora beyond one machine (the optional ``spark`` extra)."""

from __future__ import annotations

import importlib.util
from typing import Annotated

import typer

from relata.cli.app import InputsArgument, MaxBytesOption, PublishedOption, QuietOption, app, err, fail
from relata.ingest import DEFAULT_MAX_BYTES


@app.command()
def spark(
    inputs: InputsArgument,
    out: Annotated[str, typer.Option("--out", help="Output folder or URI: one Parquet folder per table.")],
    master: Annotated[
        str | None, typer.Option("--master", help="Spark master, e.g. local[2]; default: spark-submit's.")
    ] = None,
    partitions: Annotated[
        int | None, typer.Option("--partitions", min=1, help="Partitions to parse in (default 2 per core).")
    ] = None,
    published: PublishedOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    quiet: QuietOption = False,
) -> None:
    """Extract with a PySpark job and write the store's tables as Parquet under --out."""
    if importlib.util.find_spec("pyspark") is None:
        fail("pyspark is not installed (pip install 'relata[spark]'; it needs Java 17 or later)", 2)
    from relata.spark import run
    from relata.spark.catalog import write_catalog

    result = run(inputs, out, master=master, published=published, max_bytes=max_bytes, partitions=partitions)
    for message in result.errors:
        err.print(f"relata: {message}", markup=False, soft_wrap=True)
    catalog = None if "://" in out else write_catalog(out)
    if not quiet:
        summary = f"{result.documents} documents from {result.sources} sources, {len(result.errors)} failed"
        err.print(f"relata: {out}: {summary}", markup=False, soft_wrap=True)
        if catalog is not None:
            err.print(f"relata: query it with: relata stats --db {catalog}; event groups and corroboration: "
                      f"relata derive --db {catalog}", markup=False, soft_wrap=True)
    raise typer.Exit(1 if result.errors else 0)
