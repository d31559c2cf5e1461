"""Reading the tab-separated data tables shipped under ``relata/data``.

Format: lines starting with ``#`` are comments (source and licence), the first other line is the
header, every later line one row. A missing table reads as empty, so a partial install degrades
to fewer matches instead of failing.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path


def data_path(*parts: str) -> Path:
    return Path(str(files("relata").joinpath("data", *parts)))


@cache
def read_table(path: Path) -> tuple[dict[str, str], ...]:
    """The rows of the table at ``path`` as dicts keyed by the header's column names."""
    if not path.is_file():
        return ()
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = [c.lower() for c in cells]
            continue
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=False)))
    return tuple(rows)


def split_list(cell: str | None) -> tuple[str, ...]:
    """A ``|``-separated cell as its non-empty parts."""
    return tuple(p.strip() for p in (cell or "").split("|") if p.strip())
