"""Entry point for ``spark-submit``: ``spark-submit .../relata/spark/submit.py INPUT... --out DIR``.

The same command as ``relata spark`` (the CLI prints and exits); the master comes from spark-submit.
"""

import sys

if __name__ == "__main__":
    from relata.cli import main

    sys.argv = ["relata", "spark", *sys.argv[1:]]
    main()
