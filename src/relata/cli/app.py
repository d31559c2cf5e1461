"""The Typer application, the options shared by commands, and how errors are shown."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from relata import __version__
from relata.errors import InputError

app = typer.Typer(
    name="relata",
    help="Who said and did what to whom, and when: source-linked records from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)
out = Console(highlight=False)

DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")]
NoDeriveOption = Annotated[bool, typer.Option(
    "--no-derive",
    help="Do not update the event groups and corroboration after storing; "
         "run `relata derive` when the batch of loads is done.")]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", help="Refuse inputs larger than this many bytes.", min=1)
]
PublishedOption = Annotated[
    str | None,
    typer.Option("--published", help="Publication date (YYYY-MM-DD) for every input; overrides the documents'."),
]
WorkersOption = Annotated[
    int | None,
    typer.Option("--workers", "-j", min=1, show_default=False,
                 help="Processes that parse in parallel, each loading the model once (default: the "
                      "machine's cores; 1 parses in this process). Records and their order are the "
                      "same whatever the number."),
]
InputsArgument = Annotated[
    list[str], typer.Argument(help="Files, directories (recursive), globs, or - for stdin.", show_default=False)
]


def _version(value: bool) -> None:
    if value:
        out.print(f"relata {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an internal error (also RELATA_DEBUG=1).")
    ] = False,
) -> None:
    """Relata reads news articles (text, HTML, JSON Lines, RSS/Atom, .gz) and records who said and
    did what to whom, and when, each fact linked to the sentence it came from."""


def report_error(error: InputError) -> None:
    # One line per failed input: "relata: PATH[:LINE]: reason".
    err.print(f"relata: {error}", markup=False, soft_wrap=True)


@contextmanager
def progress(quiet: bool, label: str):
    if quiet or not sys.stderr.isatty():
        yield None
        return
    with Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err, transient=True
    ) as progress:
        yield progress, progress.add_task(label, total=None)


def fail(message: str, code: int = 1) -> None:
    err.print(f"relata: {message}", markup=False, soft_wrap=True)
    raise typer.Exit(code)


def count_summary(counts, order: tuple[str, ...]) -> str:
    """``3 added, 1 failed``: the non-zero counts in ``order``."""
    return ", ".join(f"{counts[k]} {k}" for k in order if counts[k]) or "nothing to do"


def workers_or_default(workers: int | None) -> int:
    if workers is not None:
        return workers
    from relata.parallel import default_workers

    return default_workers()
