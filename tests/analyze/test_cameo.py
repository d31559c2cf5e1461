"""The CAMEO crosswalk table: converted from the shared CAMEO2PLOVER file, QuadClass by root code,
and the lookups the event data uses."""

from __future__ import annotations

import importlib.util

import pytest
from tests.conftest import ROOT

from relata.analyze.cameo import (
    cameo_code,
    crosswalk_rows,
    quad_and_goldstein,
    root_quad_class,
    type_quad_class,
)
from relata.records import PLOVER_TYPES

TABLE = ROOT / "src" / "relata" / "data" / "cameo_plover.tsv"


def _converter():
    spec = importlib.util.spec_from_file_location("convert_cameo_plover", ROOT / "scripts" / "convert_cameo_plover.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_table_is_the_conversion_of_the_crosswalk(shared_dir):
    converter = _converter()
    source = shared_dir / "dev" / "plover" / "CAMEO2PLOVER-2021.txt"
    assert TABLE.read_text(encoding="utf-8") == converter.render(converter.convert(source))


def test_the_table_notes_its_source_and_licence():
    header = TABLE.read_text(encoding="utf-8").split("\ncameo\t")[0]
    assert "CAMEO2PLOVER-2021" in header and "CC BY-SA 4.0" in header and "NOT the published" in header


def test_every_plover_type_has_one_quad_class():
    rows = crosswalk_rows()
    assert len(rows) > 250
    for kind in PLOVER_TYPES:
        quads = {r.quad_class for r in rows if r.plover_type == kind}
        assert len(quads) == 1, (kind, quads)
        assert type_quad_class(kind) in quads
    assert all(r.quad_class == root_quad_class(r.code) for r in rows)


@pytest.mark.parametrize(("code", "quad"), [("010", 1), ("0431", 1), ("057", 1), ("061", 2), ("084", 2),
                                            ("091", 3), ("1124", 3), ("138", 3), ("145", 4), ("190", 4),
                                            ("204", 4), ("21", None), (None, None)])
def test_quad_class_by_root_code(code, quad):
    assert root_quad_class(code) == quad


def test_lookups():
    assert cameo_code("0431").code == "043"  # the nearest listed parent
    assert cameo_code("042").plover_mode == "visit"
    assert quad_and_goldstein("042", "CONSULT", "visit") == (1, 1.9)
    assert quad_and_goldstein("04", "CONSULT", None) == (1, 1.0)  # a root code: its class, the type's score
    assert quad_and_goldstein(None, "AID", "humanitarian") == (2, 7.4)
    assert quad_and_goldstein(None, "THREATEN", None) == (3, -6.0)
