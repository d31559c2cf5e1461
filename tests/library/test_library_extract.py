"""``relata.extract``: one document's record from a text, a path string or a Path."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES

import relata
from relata.library import extract as extract_module


def test_extract_text_gives_a_valid_record(record_validator):
    text = "Kenya and Uganda signed a trade pact in Kampala on Tuesday, officials said."
    record = relata.extract(text, published="2024-03-12", title="Pact signed")
    assert isinstance(record, relata.DocumentRecord)
    assert record.title == "Pact signed" and record.published == "2024-03-12"
    data = record.to_dict()
    record_validator(data)
    assert relata.DocumentRecord.from_dict(data) == record
    kinds = {(e.type, e.source, e.target) for e in record.events}
    assert any(source in ("KEN", "UGA") for _, source, _ in kinds), kinds
    located = [e.location for e in record.events if e.location is not None]
    assert located and located[0].name == "Kampala" and located[0].country == "UGA"
    assert located[0].lat == pytest.approx(0.32, abs=0.2) and located[0].lon == pytest.approx(32.58, abs=0.2)


def test_extract_a_file_by_string_or_path():
    by_string = relata.extract(str(EXAMPLES / "chile_spain_aid.txt"))
    by_path = relata.extract(EXAMPLES / "chile_spain_aid.txt")
    assert by_string == by_path
    assert by_path.title == "Chile and Spain sign aid pact" and by_path.source.endswith("chile_spain_aid.txt")
    assert by_path.events and by_path.quotes


def test_a_file_of_several_documents_is_refused_with_its_name():
    with pytest.raises(relata.InputError, match=r"wire_briefs\.jsonl: holds 3 documents"):
        relata.extract(EXAMPLES / "wire_briefs.jsonl")


def test_bad_inputs_raise_input_errors(tmp_path):
    with pytest.raises(relata.InputError, match="no such file"):
        relata.extract(Path(tmp_path / "missing.txt"))
    with pytest.raises(relata.InputError, match="not a date"):
        relata.extract("Officials met on Monday.", published="soon")
    with pytest.raises(relata.InputError):
        relata.extract("   ")


def test_extract_many_yields_records_and_errors_in_order(tmp_path):
    missing = tmp_path / "missing.txt"
    items = list(relata.extract_many([EXAMPLES / "wire_briefs.jsonl", missing]))
    assert [type(i).__name__ for i in items] == ["DocumentRecord"] * 3 + ["UnreadableInputError"]


def test_the_docstring_examples_run():
    result = doctest.testmod(extract_module, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 3 and result.failed == 0


def test_import_relata_is_light():
    import subprocess
    import sys

    code = ("import sys, relata; heavy = [m for m in ('spacy', 'duckdb', 'pyarrow', 'relata.pipeline', "
            "'relata.store') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
