"""CAMEO event codes -> PLOVER type, mode and context, through the OEDA crosswalk.

``CAMEO2PLOVER-2021.txt`` (Open Event Data Alliance, PLOVER repository, CC BY-SA 4.0) has one line
per CAMEO code, ``CODE: TYPE, MODE, CONTEXT # description``, plus a header line per two-digit root
(``03: AGREE``). It is coarser than the codes the PETRARCH-2 dictionaries use, so every code is
mapped by the first rule that applies (the rule is written beside each row of the tables):

- ``null``: ``---``, CAMEO's "no event" code, gets no PLOVER type;
- ``exact``: the code has its own line;
- ``parent``: a four-digit code without a line takes its three-digit parent's line (``1952`` ->
  ``195``), as CAMEO's sub-codes refine their parent;
- ``appeal``: CAMEO 02 (Appeal) is not in the crosswalk; PLOVER's REQUEST merges CAMEO 02 (appeal)
  and 10 (demand), whose sub-codes run in parallel (021/101 material cooperation, 022/102
  diplomatic, 023/103 aid, 024/104 reform, 025/105 yield, 026/106 meet, 027/107 settle, 028/108
  mediation), so ``02XY`` takes the line of ``10XY`` (then of its parent);
- ``statement``: CAMEO 01 (Make public statement: comments, claims of responsibility, symbolic
  acts) is not an event type in PLOVER: no type;
- ``root``: any other code takes its two-digit root's header type, without mode or context.

A code that none of these map is an error: the conversion stops and names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_LINE = re.compile(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#\s*(.*))?$")


@dataclass(frozen=True)
class Plover:
    """The PLOVER class of one CAMEO code, and the rule that gave it."""

    type: str
    mode: str
    context: str
    rule: str


class CrosswalkError(ValueError):
    """A crosswalk line cannot be read, or a CAMEO code has no mapping."""


@dataclass(frozen=True)
class Crosswalk:
    codes: dict[str, tuple[str, str, str]]  # three- and four-digit codes -> (type, mode, context)
    roots: dict[str, str]  # two-digit roots -> type (the first header line of the root)

    def plover(self, code: str) -> Plover:
        if code == "---":
            return Plover("", "", "", "null")
        if not re.fullmatch(r"\d{2,4}", code):
            raise CrosswalkError(f"not a CAMEO event code: {code!r}")
        found = self._lookup(code)
        if found:
            return Plover(*found[0], found[1])
        if code.startswith("01"):
            return Plover("", "", "", "statement")
        if code.startswith("02") and len(code) >= 3:
            found = self._lookup("10" + code[2:])
            if found:
                return Plover(*found[0], "appeal")
        if code[:2] in self.roots:
            return Plover(self.roots[code[:2]], "", "", "root")
        raise CrosswalkError(f"CAMEO code {code} has no PLOVER mapping in the crosswalk")

    def _lookup(self, code: str):
        if code in self.codes:
            return self.codes[code], "exact"
        if len(code) == 4 and code[:3] in self.codes:
            return self.codes[code[:3]], "parent"
        return None


def read_crosswalk(path: Path) -> Crosswalk:
    codes: dict[str, tuple[str, str, str]] = {}
    roots: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#") or line.startswith("~"):
            continue
        match = _LINE.match(line)
        if not match:
            raise CrosswalkError(f"{path}:{number}: unreadable line {raw!r}")
        code, body = match.group(1), match.group(2)
        fields = [" ".join(f.split()) for f in body.split(",")]
        fields += [""] * (3 - len(fields))
        if len(code) == 2:
            roots.setdefault(code, fields[0])  # 08 is both CONCEDE and RETREAT: its codes all have lines
            continue
        if not fields[0]:
            raise CrosswalkError(f"{path}:{number}: code {code} without a PLOVER type")
        # The first line of a code wins (175 is listed twice, identically).
        codes.setdefault(code, (fields[0], fields[1], fields[2].replace("; ", ";")))
    return Crosswalk(codes, roots)
