"""The ``relata`` command: thin commands over the library. Only this package prints or exits.

Each module registers its commands on the shared Typer ``app``.
"""

from __future__ import annotations

import os
import sys

from relata.cli import (  # noqa: F401  (registers the commands)
    analysis_commands,
    corpus_commands,
    corroborate_commands,
    fetch_commands,
    listing_commands,
    report_commands,
    spark_commands,
    store_commands,
)
from relata.cli.app import app, err


def main() -> None:
    debug = "--debug" in sys.argv[1:] or bool(os.environ.get("RELATA_DEBUG"))
    try:
        app()
    except KeyboardInterrupt:
        err.print("relata: interrupted", markup=False, soft_wrap=True)
        sys.exit(130)
    except Exception as exc:  # a bug: one line for the user, the traceback only on request
        if debug:
            raise
        err.print(f"relata: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
                  markup=False, soft_wrap=True)
        sys.exit(1)


__all__ = ["app", "main"]
