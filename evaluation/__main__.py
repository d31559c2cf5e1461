"""Run every evaluation module and print the accuracy table (Markdown, for the README)."""

from __future__ import annotations

import argparse
import importlib
import sys
import time

from evaluation.scoring import Score, shared_dev

MODULES = ["golden", "entities", "quotes", "events", "news_events", "claims", "times", "coordinates"]


def _fmt(x: float | None) -> str:
    return "" if x is None else f"{x:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation")
    parser.add_argument("areas", nargs="*", default=MODULES, help=f"subset of {MODULES}")
    parser.add_argument("--limit", type=int, default=None, help="at most N gold items per set")
    args = parser.parse_args(argv)
    dev = shared_dev()
    if dev is None:
        print("note: ../shared/dev not found: public gold sets skipped, project golden set only",
              file=sys.stderr)
    rows: list[Score] = []
    for name in args.areas:
        try:
            module = importlib.import_module(f"evaluation.{name}")
        except ModuleNotFoundError as exc:
            print(f"note: evaluation.{name} not available ({exc})", file=sys.stderr)
            continue
        started = time.perf_counter()
        got = module.evaluate(dev, limit=args.limit)
        print(f"{name}: {len(got)} rows in {time.perf_counter() - started:.1f}s", file=sys.stderr)
        rows.extend(got)
    print("| dataset | extractor | measure | system | n | P | R | F1 / acc | note |")
    print("|---|---|---|---|---:|---:|---:|---:|---|")
    for r in rows:
        print(f"| {r.dataset} | {r.extractor} | {r.measure} | {r.system} | {r.n} | "
              f"{_fmt(r.precision)} | {_fmt(r.recall)} | {_fmt(r.f1)} | {r.note} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
