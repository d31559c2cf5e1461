"""spaCy makes a new ``Token`` object on every access (``doc[3] is doc[3]`` is false), so tokens
compared with ``is`` never match: ``token.head is token`` was never true for a root, and the
checks written that way did nothing. Compare positions (``token.head.i == token.i``) or use
``==``. This test reads the package with ``ast`` and fails on ``is`` / ``is not`` with a
``.head`` or a ``doc[...]`` on either side."""

from __future__ import annotations

import ast
from pathlib import Path

import relata
from relata import nlp

PACKAGE = Path(relata.__file__).resolve().parent


def _token_like(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "head" or isinstance(node, ast.Subscript) and (
        isinstance(node.value, ast.Name) and node.value.id == "doc")


def _identity_comparisons(source: str) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops):
            if any(_token_like(side) for side in [node.left, *node.comparators]):
                lines.append(node.lineno)
    return lines


def test_spacy_tokens_are_new_objects_on_every_access():
    doc = nlp.parse("Rains flooded the valley.").doc
    assert doc[1] is not doc[1] and doc[1] == doc[1] and doc[1].head == doc[1]


def test_no_token_is_compared_by_identity():
    found = {str(path.relative_to(PACKAGE)): lines for path in PACKAGE.rglob("*.py")
             if (lines := _identity_comparisons(path.read_text(encoding="utf-8")))}
    assert not found, found


def test_the_check_catches_an_identity_comparison():
    assert _identity_comparisons("if token.head is token:\n    pass\n") == [1]
    assert _identity_comparisons("if token.head.i == token.i:\n    pass\n") == []
