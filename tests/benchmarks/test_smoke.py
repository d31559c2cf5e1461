"""The benchmark runs end to end on a few documents and prints its tables (no timing is asserted)."""

import pytest
from benchmarks.__main__ import main


@pytest.mark.slow
def test_smoke_run_prints_the_tables(capsys):
    assert main(["--smoke"]) == 0
    out = capsys.readouterr().out
    assert "| raw spaCy `nlp.pipe` |" in out and "| Relata, full pipeline |" in out
    assert "ratio Relata / raw spaCy" in out
    assert "| plain spaCy process (`spacy.load` + `nlp.pipe`) |" in out
    assert "| | | | `relata extract --workers 1` |" in out and "default workers against 1:" in out
    assert "| `relata ingest --workers 1` |" in out and "| `relata ingest` (default workers) |" in out
    assert "20 added" in out and "20 unchanged" in out
    assert "derive: a store of 20 documents, then a round of 20 new ones" in out
    assert "tables identical: **yes**" in out


@pytest.mark.slow
def test_profile_accounts_for_the_whole_process(capsys):
    from benchmarks.profile import main as profile_main
    from tests.conftest import EXAMPLES

    assert profile_main([str(EXAMPLES / "russia_china_summit.txt"), str(EXAMPLES / "wire_briefs.jsonl")]) == 0
    out = capsys.readouterr().out
    rows = {line.split(" | ")[0].strip("| "): line for line in out.splitlines() if line.startswith("| ")}
    # stages under 5 ms each share one row (language id on two short texts can be one, once its
    # model is loaded by an earlier test, and so can times since its month and weekday patterns
    # are skipped on texts without those words): with everything loaded, a dozen of them made 6%
    assert {"parse (`nlp.pipe`)", "events", "quotes"} <= set(rows)
    assert "times" in rows or any(name.endswith("stages under 5 ms each") for name in rows)
    shares = [float(line.split(" | ")[2].rstrip("% |")) for name, line in rows.items()
              if not name.startswith(("stage", "---", "**"))]
    assert 99.0 <= sum(shares) <= 101.0  # exclusive times: the stages add up to the process


def test_the_median_run_is_the_middle_one_by_wall_clock():
    from benchmarks.whole import ProcessRun, median_run

    runs = [ProcessRun(str(s), s, s, 0, "") for s in (52.0, 49.0, 61.0)]
    assert median_run(runs).seconds == 52.0
    assert median_run(runs[:2]).seconds == 49.0  # even: the lower middle
    assert median_run(runs[:1]).seconds == 52.0
