"""The ``relata`` command: thin commands over the library. Only this package prints or exits.

Each module registers its commands on the shared Typer ``app``.
"""

from __future__ import annotations

import sys

from relata.cli import (  # noqa: F401  (registers the commands)
    analysis_commands,
    corpus_commands,
    corroborate_commands,
    fetch_commands,
    store_commands,
)
from relata.cli.app import app, err


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("relata: interrupted", markup=False)
        sys.exit(130)


__all__ = ["app", "main"]


if __name__ == "__main__":
    main()
