"""``python -m relata``: the same as the ``relata`` command."""

from relata.cli import main

main()
