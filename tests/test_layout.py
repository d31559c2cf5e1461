"""Stages point one way: a module never imports from a stage that runs after its own.

Every ``relata`` import in the package, top-level or inside a function, is read with ``ast``
and checked against the stage order below. A new top-level module or package must be given a
stage here, so the order stays written down.
"""

from __future__ import annotations

import ast
from pathlib import Path

import relata

PACKAGE = Path(relata.__file__).resolve().parent

# The pipeline order (README "Layout"). Equal numbers may import each other.
STAGES: dict[str, int] = {
    "errors": 0,
    "records": 0,
    "ingest": 1,
    "clean": 2,
    "nlp": 3,
    "nlp_rules": 3,
    "mentions": 4,
    "resolve": 5,
    "relations": 6,
    "pipeline": 7,
    "parallel": 8,
    "store": 9,
    "corpus": 10,
    "fetch": 11,
    "analyze": 12,
    "views": 13,
    # faces
    "report": 14,
    "web": 15,
    "spark": 15,
    "library": 15,  # the Python API
    "cli": 16,
    "__main__": 17,
    "__init__": 17,
}
# Entry scripts run by other programs, not imported by the package: spark-submit runs this file
# as the `relata spark` command itself.
SCRIPTS = {"spark/submit.py"}


def _stage_of_file(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0].removesuffix(".py")


def _relata_imports(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "relata":
                found += [(node.lineno, alias.name) for alias in node.names]
            elif node.module.startswith("relata."):
                found.append((node.lineno, node.module.split(".")[1]))
        elif isinstance(node, ast.Import):
            found += [
                (node.lineno, a.name.split(".")[1]) for a in node.names if a.name.startswith("relata.")
            ]
    return found


def _modules():
    return [p for p in sorted(PACKAGE.rglob("*.py")) if str(p.relative_to(PACKAGE)) not in SCRIPTS]


def test_every_stage_is_listed():
    unknown = {_stage_of_file(p) for p in _modules()} - STAGES.keys()
    assert not unknown, f"give these modules a stage in STAGES: {sorted(unknown)}"


def test_no_relative_imports():
    relative = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                relative.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not relative, relative


def test_no_stage_imports_a_later_one():
    backwards = []
    for path in _modules():
        stage = _stage_of_file(path)
        for line, target in _relata_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if target in STAGES and STAGES[target] > STAGES[stage]:
                backwards.append(f"{path.relative_to(PACKAGE)}:{line} ({stage}) imports {target}")
            assert target in STAGES or target == "__version__", f"{path}:{line}: unknown {target}"
    assert not backwards, "\n".join(backwards)


def test_the_check_catches_a_backward_import(tmp_path):
    tree = ast.parse("from relata.relations.quotes import extract_quotes\nimport relata.pipeline\n")
    assert _relata_imports(tree) == [(1, "relations"), (2, "pipeline")]
    assert STAGES["relations"] > STAGES["mentions"]
