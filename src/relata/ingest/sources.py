"""Expanding what the user named (files, directories, globs, ``-``) into input locations."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from relata.errors import InputError, UnreadableInputError

STDIN = "-"
# Files that are never articles, met when a directory is walked (named explicitly, they are read).
SKIPPED_NAMES = {".DS_Store", "Thumbs.db"}
SKIPPED_PREFIXES = ("README", "LICENSE", "LICENCE", "CHANGELOG")


def expand(inputs: Iterable[str]) -> Iterator[str | InputError]:
    """Each input file once, in a stable order; errors for names that match nothing."""
    seen: set[str] = set()
    for item in inputs:
        if item == STDIN:
            yield STDIN
            continue
        if any(ch in item for ch in "*?[") and not os.path.exists(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield UnreadableInputError(item, "no file matches this pattern")
            for match in matches:
                yield from _expand_path(Path(match), seen)
            continue
        yield from _expand_path(Path(item), seen)


def _expand_path(path: Path, seen: set[str]) -> Iterator[str | InputError]:
    if path.is_dir():
        yield from _walk(path, seen)
    elif path.exists() or path.is_symlink():
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            yield str(path)
    else:
        yield UnreadableInputError(str(path), "no such file or directory")


def _walk(root: Path, seen: set[str]) -> Iterator[str | InputError]:
    # followlinks with a visited set of real directories: symlinked folders are read once,
    # and a symlink loop ends instead of recursing forever.
    visited_dirs: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        real = os.path.realpath(dirpath)
        if real in visited_dirs:
            dirnames[:] = []
            continue
        visited_dirs.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or name in SKIPPED_NAMES or name.upper().startswith(SKIPPED_PREFIXES):
                continue
            path = os.path.join(dirpath, name)
            key = os.path.realpath(path)
            if key in seen:
                continue
            seen.add(key)
            yield path
