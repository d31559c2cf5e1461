"""Convert the CAMEO -> PLOVER crosswalk into the project's data table ``cameo_plover.tsv``.

    python scripts/convert_cameo_plover.py [../shared/dev/plover/CAMEO2PLOVER-2021.txt]

writes ``src/relata/data/cameo_plover.tsv``: one row per CAMEO code with its PLOVER type, mode
and context (as the crosswalk gives them), the CAMEO QuadClass of its root code, a Goldstein-style
score and the code's description. ``tests/analyze/test_cameo.py`` checks that the shipped table is
this script's output for the shared crosswalk.

The Goldstein-style score is the project's value for the code's PLOVER type and mode (or, when
the mode is not listed, its context) in ``goldstein_plover.tsv``: the published CAMEO adaptation
of Goldstein's weights is not copied, as that file explains.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "dev" / "plover" / "CAMEO2PLOVER-2021.txt"
TARGET = ROOT / "src" / "relata" / "data" / "cameo_plover.tsv"
GOLDSTEIN = ROOT / "src" / "relata" / "data" / "goldstein_plover.tsv"

_ROW = re.compile(r"^(?P<code>\d{3,4}):\s*(?P<fields>[^#]*?)\s*(?:#\s*(?P<description>.*))?$")

HEADER = """\
# CAMEO event codes -> PLOVER type, mode and context, CAMEO QuadClass and a Goldstein-style score.
# Source: CAMEO2PLOVER-2021.txt ("CAMEO to PLOVER conversion table", PLOVER manual Draft 0.8,
# 17-September-2021, edited by Philip Schrodt), Open Event Data Alliance PLOVER repository,
# licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). Converted by
# scripts/convert_cameo_plover.py; this derived table is shared under the same licence, CC BY-SA 4.0.
# Changes: one row per code (the crosswalk's two-digit section lines dropped; its one duplicated
# code, 175, kept once); blank modes and contexts left empty; "; " between several contexts.
# quad_class: CAMEO QuadClass of the root code (first two digits): 1 verbal cooperation (01-05),
# 2 material cooperation (06-08), 3 verbal conflict (09-13), 4 material conflict (14-20), as in
# GDELT and ICEWS.
# goldstein: NOT the published CAMEO Goldstein weights (their licence could not be verified): the
# project's Goldstein-style intensity for the code's PLOVER type and mode (else its context, else
# the type's default) from goldstein_plover.tsv (CC BY-SA 4.0).
"""
COLUMNS = ("cameo", "plover_type", "plover_mode", "plover_context", "quad_class", "goldstein", "description")


def quad_class(code: str) -> int:
    root = int(code[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    raise ValueError(f"CAMEO code {code!r} has no root code 01-20")


def goldstein_table(path: Path = GOLDSTEIN) -> dict[tuple[str, str | None], float]:
    table: dict[tuple[str, str | None], float] = {}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:
        kind, mode, value = line.split("\t")[:3]
        table[(kind, None if mode == "-" else mode)] = float(value)
    return table


def goldstein(kind: str, mode: str, context: str, table: dict) -> float:
    for key in (mode, *[c.strip() for c in context.split(";")]):
        if key and (kind, key) in table:
            return table[(kind, key)]
    return table[(kind, None)]


def convert(source: Path) -> list[tuple]:
    weights = goldstein_table()
    rows: dict[str, tuple] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        match = _ROW.match(line.strip())
        if match is None:
            continue
        parts = [p.strip() for p in match.group("fields").split(",")]
        kind, mode, context = (parts + ["", "", ""])[:3]
        context = "; ".join(c.strip() for c in context.split(";") if c.strip())
        code = match.group("code")
        description = " ".join((match.group("description") or "").split())
        rows.setdefault(code, (code, kind, mode, context, quad_class(code),
                               goldstein(kind, mode, context, weights), description))
    return [rows[code] for code in sorted(rows)]


def render(rows: list[tuple]) -> str:
    body = ["\t".join(COLUMNS)] + ["\t".join(str(v) for v in row) for row in rows]
    return HEADER + "\n".join(body) + "\n"


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    if not source.is_file():
        print(f"convert_cameo_plover: {source}: no such file", file=sys.stderr)
        return 2
    TARGET.write_text(render(convert(source)), encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
