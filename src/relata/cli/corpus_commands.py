"""Commands that read inputs: ``extract`` (records to stdout) and ``ingest`` (records to the store)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import typer

from relata.cli.app import (
    DbOption,
    InputsArgument,
    MaxBytesOption,
    NoDeriveOption,
    PublishedOption,
    QuietOption,
    WorkersOption,
    app,
    count_summary,
    err,
    fail,
    progress,
    report_error,
    workers_or_default,
)
from relata.errors import InputError, RelataError
from relata.ingest import DEFAULT_MAX_BYTES


@app.command()
def extract(
    inputs: InputsArgument,
    published: PublishedOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    workers: WorkersOption = None,
    quiet: QuietOption = False,
) -> None:
    """Write one JSON record per document to standard output (JSON Lines)."""
    from relata.corpus import extract_records
    from relata.records import to_dict

    failed = done = 0
    with progress(quiet, "extracting") as bar:
        for item in extract_records(inputs, published=published, max_bytes=max_bytes,
                                      workers=workers_or_default(workers), own_process=True):
            if isinstance(item, InputError):
                failed += 1
                report_error(item)
            else:
                done += 1
                sys.stdout.write(json.dumps(to_dict(item), ensure_ascii=False) + "\n")
                sys.stdout.flush()
            if bar:
                bar[0].update(bar[1], description=f"extracting: {done} records, {failed} failed")
    raise typer.Exit(1 if failed else 0)


@app.command()
def ingest(
    inputs: InputsArgument,
    db: DbOption = Path("relata.duckdb"),
    published: PublishedOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    workers: WorkersOption = None,
    quiet: QuietOption = False,
    no_derive: NoDeriveOption = False,
) -> None:
    """Extract and store documents. Unchanged inputs are skipped; changed ones replaced; never duplicated."""
    from relata.corpus import ingest as ingest_inputs
    from relata.store import open_store

    try:
        con = open_store(db)
    except RelataError as exc:
        fail(str(exc))
    counts: Counter[str] = Counter()
    with progress(quiet, "ingesting") as bar:
        for outcome in ingest_inputs(con, inputs, published=published, max_bytes=max_bytes,
                                     workers=workers_or_default(workers), own_process=True):
            counts[outcome.status] += 1
            if outcome.error is not None:
                report_error(outcome.error)
            if bar:
                bar[0].update(bar[1], description="ingesting: " + _summary(counts))
        if (counts["added"] or counts["replaced"]) and not no_derive:
            from relata.analyze.derived import update_derived

            if bar:
                bar[0].update(bar[1], description="grouping events and corroborating claims")
            update_derived(con)
    con.close()
    if not quiet:
        err.print(f"relata: {db}: " + _summary(counts), markup=False, soft_wrap=True)
        if no_derive and (counts["added"] or counts["replaced"]):
            err.print(f"relata: event groups and corroboration not rebuilt: run `relata derive --db {db}`",
                      markup=False, soft_wrap=True)
    raise typer.Exit(1 if counts["failed"] else 0)


_ORDER = ("added", "replaced", "linked", "unchanged", "failed")


def _summary(counts: Counter) -> str:
    return count_summary(counts, _ORDER)
