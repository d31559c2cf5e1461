"""``python -m benchmarks.tables``: the cost of the PETRARCH-2 tables (``data/petrarch/``).

Each figure is measured in fresh processes (the tables load once per process, on first use), the
median of ``--runs``:

1. load time and resident memory added by ``relata.relations.cameo_patterns`` (verb patterns) and
   ``relata.resolve.phoenix`` (actors, agents), and by parsing every actor's roles (the worst
   case: a resolver never does that);
2. ``relata extract`` of one short article, start-up included, as it is and with both tables
   loaded first (what it costs once the event coder and the resolver use them).

Not a timed test: the numbers depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHORT_ARTICLE = ROOT / "examples" / "chile_spain_aid.txt"

_LOAD = """
import gc, json, time
def rss():
    with open('/proc/self/status') as f:
        return next(int(l.split()[1]) for l in f if l.startswith('VmRSS')) / 1024
from relata.relations import cameo_patterns
from relata.resolve import phoenix
gc.collect(); r0, t0 = rss(), time.perf_counter()
cameo_patterns._tables(); t1 = time.perf_counter(); gc.collect(); r1 = rss()
phoenix._tables(); t2 = time.perf_counter(); gc.collect(); r2 = rss()
for actor_id in list(phoenix._tables().rows):
    phoenix._actor(actor_id)
t3 = time.perf_counter(); gc.collect(); r3 = rss()
print(json.dumps({"patterns_s": t1 - t0, "patterns_mb": r1 - r0, "phoenix_s": t2 - t1, "phoenix_mb": r2 - r1,
                  "all_actors_s": t3 - t2, "all_actors_mb": r3 - r2}))
"""

_EXTRACT_PRELOADED = """
import sys
from relata.relations import cameo_patterns
from relata.resolve import phoenix
cameo_patterns._tables(); phoenix._tables()
from relata.cli import main
sys.argv = ["relata", "extract", sys.argv[1]]
main()
"""


def _load_figures(runs: int) -> dict[str, float]:
    rows = [json.loads(subprocess.run([sys.executable, "-c", _LOAD], check=True, capture_output=True,
                                      text=True).stdout) for _ in range(runs)]
    return {key: statistics.median(r[key] for r in rows) for key in rows[0]}


def _wall(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of ``command``, each run a fresh process.
    The CPU time says more on a machine shared with other work, where the wall time swings."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.tables", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per figure (default 3)")
    parser.add_argument("--article", type=Path, default=SHORT_ARTICLE, help="the short article to extract")
    args = parser.parse_args(argv)
    load = _load_figures(args.runs)
    relata = str(Path(sys.executable).with_name("relata"))
    plain = _wall([relata, "extract", str(args.article)], args.runs)
    preloaded = _wall([sys.executable, "-c", _EXTRACT_PRELOADED, str(args.article)], args.runs)
    print("| measure | result |")
    print("|---|---:|")
    print(f"| verb patterns (cameo_patterns): load | {load['patterns_s']:.2f} s, +{load['patterns_mb']:.0f} MB |")
    print(f"| Phoenix actors and agents (phoenix): load | {load['phoenix_s']:.2f} s, +{load['phoenix_mb']:.0f} MB |")
    print(f"| every actor's roles parsed (worst case) | +{load['all_actors_s']:.2f} s, "
          f"+{load['all_actors_mb']:.0f} MB |")
    print(f"| `relata extract` {args.article.name} ({args.article.stat().st_size} bytes), start-up included "
          f"| {plain[0]:.2f} s wall, {plain[1]:.2f} s CPU |")
    print(f"| the same with both tables loaded first | {preloaded[0]:.2f} s wall, {preloaded[1]:.2f} s CPU "
          "(target < 4 s) |")
    print(f"(median of {args.runs} fresh processes each)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
