"""Where a whole ``relata extract`` process spends its time, stage by stage.

    python -m benchmarks.profile FILE...      # `relata extract --workers 1 FILE...`
    python -m benchmarks.profile --lee 4      # the Lee corpus four times (short articles)
    python -m benchmarks.profile --long 8     # the examples and seeds, eight times (long ones)

The command runs in this process with its records sent to ``/dev/null``; the functions that make
up each stage (``STAGES``) are wrapped with timers. Time is exclusive: while a stage runs inside
another (a table loaded on an extractor's first call, an import), it counts for the inner one
only, so the rows add up to the whole process. Times are CPU seconds of this process (the parse
is single-threaded), so other load on the machine does not shift the shares. Sampling profilers lose spaCy's Cython frames
(the parse and the ``Token`` objects extractors create show up under no caller); timers do not.
For the call tree inside a stage, use ``python -m cProfile -m relata extract --workers 1 ...``.
"""

from __future__ import annotations

import argparse
import builtins
import contextlib
import functools
import importlib
import inspect
import os
import sys
import tempfile
import time
from pathlib import Path

# (stage, module, attribute): the attribute is replaced by a timed wrapper while profiling.
STAGES = (
    ("reading inputs", "relata.corpus", "read_inputs"),
    ("cleaning: HTML (trafilatura)", "relata.clean", "extract_html"),
    ("cleaning: language id", "relata.clean", "detect_language"),
    ("cleaning: header, boilerplate, normalising", "relata.corpus", "clean_document"),
    ("spaCy model load", "relata.nlp", "load"),
    ("parse (`nlp.pipe`)", "relata.nlp", "parse_many"),
    ("entities", "relata.pipeline", "extract_entities"),
    ("actor resolution", "relata.pipeline", "resolve_actors"),
    ("times", "relata.pipeline", "extract_times"),
    ("quotes", "relata.pipeline", "extract_quotes"),
    ("events", "relata.pipeline", "extract_events"),
    ("events", "relata.pipeline", "overlong_sentences"),
    ("claims", "relata.pipeline", "extract_claims"),
    ("record building", "relata.pipeline", "build_record"),
    ("record to JSON", "relata.records", "to_dict"),
    ("record to JSON", "json", "dumps"),
)


class StageClock:
    """Exclusive time per stage: entering a stage pauses the one it runs in."""

    def __init__(self, stages=STAGES):
        self.seconds: dict[str, float] = {stage: 0.0 for stage, _, _ in stages}
        self.seconds["imports (after start-up)"] = 0.0
        self.seconds["other (CLI, batching, output)"] = 0.0
        self.current = "other (CLI, batching, output)"
        self.since = time.process_time()

    def switch(self, stage: str) -> str:
        now = time.process_time()
        self.seconds[self.current] += now - self.since
        previous, self.current, self.since = self.current, stage, now
        return previous

    def timed(self, stage: str, function):
        if inspect.isgeneratorfunction(function):
            @functools.wraps(function)
            def generator(*args, **kwargs):
                inner = function(*args, **kwargs)
                while True:
                    previous = self.switch(stage)
                    try:
                        item = next(inner)
                    except StopIteration:
                        return
                    finally:
                        self.switch(previous)
                    yield item
            return generator

        @functools.wraps(function)
        def call(*args, **kwargs):
            previous = self.switch(stage)
            try:
                return function(*args, **kwargs)
            finally:
                self.switch(previous)
        return call


@contextlib.contextmanager
def instrumented(clock: StageClock, stages=STAGES):
    """The stage functions wrapped with ``clock``'s timers, restored afterwards."""
    saved = []
    for stage, module_name, attribute in stages:
        module = importlib.import_module(module_name)
        original = getattr(module, attribute)
        saved.append((module, attribute, original))
        setattr(module, attribute, clock.timed(stage, original))
    original_import = builtins.__import__
    builtins.__import__ = clock.timed("imports (after start-up)", original_import)
    try:
        yield clock
    finally:
        builtins.__import__ = original_import
        for module, attribute, original in reversed(saved):
            setattr(module, attribute, original)


def profile(inputs: list[str], extra: tuple = ()) -> tuple[dict[str, float], float]:
    """CPU seconds per stage of ``relata extract --workers 1 INPUTS``, and the whole run's (CPU
    time, not wall-clock: on a shared machine the shares stay right)."""
    started = time.process_time()
    from relata.cli import main as relata_main

    stages = STAGES + tuple(extra)
    for _, module_name, _ in stages:  # imported here to be wrapped: counted as start-up
        importlib.import_module(module_name)
    clock = StageClock(stages)
    clock.seconds["start-up: importing the CLI and the pipeline"] = clock.since - started
    argv = sys.argv
    sys.argv = ["relata", "extract", "--workers", "1", "--quiet", *inputs]
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink), instrumented(clock, stages):
        try:
            relata_main()
        except SystemExit:
            pass
        finally:
            clock.switch(clock.current)
            sys.argv = argv
    return clock.seconds, time.process_time() - started


def table(seconds: dict[str, float], total: float) -> str:
    lines = ["| stage | CPU seconds | share of the process |", "|---|---:|---:|"]
    small = []
    for stage, value in sorted(seconds.items(), key=lambda item: -item[1]):
        if value >= 0.005:
            lines.append(f"| {stage} | {value:.2f} | {value / total:.1%} |")
        elif value > 0:
            small.append(value)
    if small:  # listed together, so the rows still add up to the process
        lines.append(f"| {len(small)} stages under 5 ms each | {sum(small):.2f} | {sum(small) / total:.1%} |")
    lines.append(f"| **whole process** | **{total:.2f}** | |")
    outside = total - seconds.get("parse (`nlp.pipe`)", 0.0)
    lines.append(f"\noutside the parse: {outside:.2f} s, {outside / total:.1%} of the process")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from benchmarks import whole

    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__.split("\n")[0])
    parser.add_argument("inputs", nargs="*", help="inputs of `relata extract`")
    parser.add_argument("--lee", type=int, default=0, help="the Lee corpus this many times")
    parser.add_argument("--long", type=int, default=0, help="the examples and seeds this many times")
    parser.add_argument("--stage", action="append", default=[], metavar="MODULE:ATTRIBUTE",
                        help="also time this function as a stage of its own, e.g. "
                             "relata.mentions.times:find_time_mentions (repeatable)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="relata-profile-") as scratch:
        inputs = list(args.inputs)
        if args.lee:
            inputs += [str(whole.write_short(Path(scratch), args.lee).relata)]
        if args.long:
            inputs += [str(p) for p in whole.write_long(Path(scratch) / "long", args.long, texts=False).relata_inputs]
        if not inputs:
            parser.error("give inputs, --lee N or --long N")
        extra = [(spec, *spec.split(":", 1)) for spec in args.stage]
        seconds, total = profile(inputs, extra)
    print(f"{whole.load()}")
    print(table(seconds, total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
