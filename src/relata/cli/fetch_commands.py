"""Commands that read the web: ``fetch`` (article URLs) and ``watch`` (feeds and sitemaps)."""

from __future__ import annotations

import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from relata.cli.app import (
    DbOption,
    MaxBytesOption,
    NoDeriveOption,
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
from relata.errors import RelataError
from relata.ingest import DEFAULT_MAX_BYTES

if TYPE_CHECKING:  # imported when a command runs, to keep `relata --help` fast
    from relata.fetch import ClientSettings

DelayOption = Annotated[
    float, typer.Option("--delay", help="Seconds between two requests to the same host.", min=0)
]
TimeoutOption = Annotated[float, typer.Option("--timeout", help="Seconds to wait for a response.", min=0.001)]
RetriesOption = Annotated[
    int, typer.Option("--retries", help="Further attempts after a timeout, a network error or a 5xx.", min=0)
]
BackoffOption = Annotated[
    float, typer.Option("--backoff", help="Seconds before the first retry, doubled for each next one.", min=0)
]
_ORDER = ("added", "replaced", "linked", "unchanged", "skipped", "failed")


@app.command()
def fetch(
    urls: Annotated[list[str], typer.Argument(help="Article page URLs.", show_default=False)],
    db: DbOption = Path("relata.duckdb"),
    delay: DelayOption = 1.0,
    timeout: TimeoutOption = 20.0,
    retries: RetriesOption = 2,
    backoff: BackoffOption = 2.0,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    workers: WorkersOption = None,
    quiet: QuietOption = False,
    no_derive: NoDeriveOption = False,
) -> None:
    """Fetch article pages, extract and store them under their canonical (or final) URL."""
    from relata.fetch import Client, fetch_urls

    settings = _settings(delay, timeout, retries, backoff, max_bytes)
    counts: Counter[str] = Counter()
    changes = _Changes()
    with _store(db, changes, derive=not no_derive) as con, Client(settings) as client, \
            progress(quiet, "fetching") as bar:
        for outcome in fetch_urls(con, urls, client, workers_or_default(workers)):
            counts[outcome.status] += 1
            changes.note(outcome)
            _report_page(outcome, quiet)
            if bar:
                bar[0].update(bar[1], description="fetching: " + _summary(counts))
    if not quiet:
        err.print(f"relata: {db}: " + _summary(counts), markup=False, soft_wrap=True)
    raise typer.Exit(1 if counts["failed"] else 0)


@app.command()
def watch(
    feeds_file: Annotated[
        Path, typer.Argument(help="Feeds file: one RSS/Atom feed or sitemap URL per line, # comments.")
    ],
    db: DbOption = Path("relata.duckdb"),
    every: Annotated[str, typer.Option("--every", help="Time between rounds: 30m, 1h, 1d ...")] = "30m",
    once: Annotated[bool, typer.Option("--once", help="One round, then exit (for cron).")] = False,
    delay: DelayOption = 1.0,
    timeout: TimeoutOption = 20.0,
    retries: RetriesOption = 2,
    backoff: BackoffOption = 2.0,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    workers: WorkersOption = None,
    quiet: QuietOption = False,
    no_derive: NoDeriveOption = False,
) -> None:
    """Follow feeds and sitemaps: fetch and store the articles not stored yet, round after round."""
    from relata.fetch import parse_interval

    try:
        interval = parse_interval(every)
    except ValueError as exc:
        fail(str(exc), 2)
    settings = _settings(delay, timeout, retries, backoff, max_bytes)
    while True:
        failed = _watch_round(feeds_file, db, settings, quiet, derive=not no_derive,
                              workers=workers_or_default(workers))
        if once:
            raise typer.Exit(1 if failed else 0)
        if not quiet:
            err.print(f"relata: next round in {every}", markup=False, soft_wrap=True)
        time.sleep(interval)


def _watch_round(feeds_file: Path, db: Path, settings: ClientSettings, quiet: bool, derive: bool = True,
                 workers: int = 1) -> int:
    """One round; the number of failed pages and feeds. The store is open only during the round,
    so ``relata query`` and ``stats`` can read it in between."""
    from relata.fetch import Client, FeedOutcome, read_watchlist, watch_round

    # Read every round, so edits to the file apply without a restart.
    try:
        feeds, bad_lines = read_watchlist(feeds_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{feeds_file}: cannot read the feeds file ({exc})", 2)
    for number, line in bad_lines:
        err.print(f"relata: {feeds_file}:{number}: not an http(s) URL: {line}", markup=False, soft_wrap=True)
    if not feeds:
        fail(f"{feeds_file}: no feed URLs in it", 2)
    failed = 0
    changes = _Changes()
    with _store(db, changes, derive) as con, Client(settings) as client, progress(quiet, "watching") as bar:
        for outcome in watch_round(con, feeds, client, workers):
            changes.note(outcome)
            if isinstance(outcome, FeedOutcome):
                failed += outcome.failures
                for error in outcome.errors:
                    report_error(error)
                if not quiet:
                    err.print(_feed_line(outcome), markup=False, soft_wrap=True)
                continue
            _report_page(outcome, quiet)
            if bar:
                bar[0].update(bar[1], description=f"watching: {outcome.url}")
    return failed


class _Changes:
    """Whether a run stored anything new, so that derived tables are updated only then (a
    watch round that finds nothing new costs nothing; one that does, time growing with what
    it found)."""

    def __init__(self) -> None:
        self.stored = False

    def note(self, outcome) -> None:
        self.stored = self.stored or getattr(outcome, "status", None) in ("added", "replaced")


@contextmanager
def _store(db: Path, changes: _Changes, derive: bool = True):
    """The store opened for writing and closed on the way out; its derived tables updated when
    ``changes`` saw a document added or replaced (unless ``derive`` is off)."""
    from relata.store import open_store

    try:
        con = open_store(db)
    except RelataError as exc:
        fail(str(exc))
    try:
        yield con
        if changes.stored and derive:
            from relata.analyze.derived import update_derived

            update_derived(con)
    finally:
        con.close()


def _settings(delay: float, timeout: float, retries: int, backoff: float, max_bytes: int) -> ClientSettings:
    from relata.fetch import ClientSettings

    return ClientSettings(timeout=timeout, retries=retries, backoff=backoff, delay=delay, max_bytes=max_bytes)


def _report_page(outcome, quiet: bool) -> None:
    if outcome.status == "failed":
        report_error(outcome.error)
    elif not quiet:
        detail = outcome.error.reason if outcome.error else outcome.source
        where = f" ({detail})" if detail and detail != outcome.url else ""
        err.print(f"relata: {outcome.url}: {outcome.status}{where}", markup=False, soft_wrap=True)


def _feed_line(outcome) -> str:
    listed = "not modified" if outcome.status == "unchanged" else f"{outcome.entries} entries, {outcome.new} new"
    if outcome.status in ("failed", "skipped"):
        listed = outcome.status
    pages = _summary(Counter(outcome.pages)) if outcome.pages else "no pages to fetch"
    return f"relata: {outcome.feed}: {listed}; {pages}"


def _summary(counts: Counter) -> str:
    return count_summary(counts, _ORDER)
