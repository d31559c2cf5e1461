"""The benchmark runs end to end on a few documents and prints its tables (no timing is asserted)."""

import pytest
from benchmarks.__main__ import main


@pytest.mark.slow
def test_smoke_run_prints_the_tables(capsys):
    assert main(["--smoke"]) == 0
    out = capsys.readouterr().out
    assert "| raw spaCy `nlp.pipe` |" in out and "| Relata, full pipeline |" in out
    assert "ratio Relata / raw spaCy" in out
    assert "| `relata ingest`, 1 worker |" in out and "| `relata ingest --workers 2` |" in out
    assert "20 added" in out and "20 unchanged" in out
