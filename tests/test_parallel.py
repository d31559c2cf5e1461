"""Worker processes give exactly the single-process output, and unchanged inputs never reach them."""

import json
import pickle

import pytest
from tests.conftest import EXAMPLES

import relata.parallel
from relata.corpus import extract_records, ingest
from relata.errors import ExtractionError, InputError
from relata.parallel import PendingBatch, WorkerPool, _Failure
from relata.records import to_dict
from relata.store import open_store
from relata.store.schema import RECORD_TABLES, written_columns


def _rows(con) -> dict[str, list[tuple]]:
    out = {}
    for table in RECORD_TABLES + ("sources",):
        columns = ", ".join(f'"{name}"' for name, _ in written_columns(table))
        out[table] = con.execute(f"SELECT {columns} FROM {table} ORDER BY ALL").fetchall()
    return out


def _as_comparable(items):
    return [to_dict(i) if not isinstance(i, InputError) else (type(i).__name__, str(i)) for i in items]


@pytest.mark.slow
def test_two_workers_give_the_single_process_records():
    inputs = [str(EXAMPLES)]
    one = _as_comparable(extract_records(inputs, batch_size=4))
    two = _as_comparable(extract_records(inputs, batch_size=4, workers=2))
    assert len(one) > 10
    assert two == one


@pytest.mark.slow
def test_two_workers_fill_the_store_alike_and_skip_unchanged_before_parsing(tmp_path, monkeypatch):
    single, parallel = open_store(tmp_path / "one.duckdb"), open_store(tmp_path / "two.duckdb")
    first = [(o.source, o.status, o.document_id) for o in ingest(single, [str(EXAMPLES)])]
    second = [(o.source, o.status, o.document_id) for o in ingest(parallel, [str(EXAMPLES)], workers=2)]
    assert second == first
    assert _rows(parallel) == _rows(single)

    def no_workers(*args, **kwargs):
        raise AssertionError("an unchanged corpus must not start workers")

    monkeypatch.setattr(relata.parallel, "ProcessPoolExecutor", no_workers)
    again = [o.status for o in ingest(parallel, [str(EXAMPLES)], workers=2)]
    assert set(again) == {"unchanged"} and len(again) == len(first)


def test_extraction_errors_cross_the_process_boundary():
    failure = pickle.loads(pickle.dumps(_Failure("a.txt", "extraction failed (KeyError: 'x')")))
    error = failure.error()
    assert isinstance(error, ExtractionError)
    assert (error.source, error.reason) == ("a.txt", "extraction failed (KeyError: 'x')")

    class Done:
        def result(self):
            return [failure]

    assert isinstance(PendingBatch(Done()).result()[0], ExtractionError)


def test_workers_must_be_positive():
    with pytest.raises(ValueError):
        WorkerPool(0)
    with pytest.raises(ValueError):
        list(extract_records([str(EXAMPLES)], workers=0))


@pytest.mark.slow
def test_extract_uses_every_core_by_default_with_the_one_worker_output(tmp_path, monkeypatch):
    """`relata extract` without --workers parses in one process per core; its JSON Lines are
    those of --workers 1, line for line. Inputs: the examples, and the Lee-like wire copies of
    them as JSON Lines, so that several batches are in flight."""
    from typer.testing import CliRunner

    from relata.cli import app
    from relata.parallel import default_workers

    started = []
    real_pool = relata.parallel.WorkerPool.__init__

    def counting(self, workers):
        started.append(workers)
        real_pool(self, workers)

    monkeypatch.setattr(relata.parallel.WorkerPool, "__init__", counting)
    monkeypatch.setattr(relata.parallel, "default_workers", lambda: 2)
    lines = tmp_path / "copies.jsonl"
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))
             if not any(odd in p.name for odd in ("zh", "utf16", "cp1252"))]
    lines.write_text("".join(json.dumps({"url": f"https://x.example/{n}", "text": t}) + "\n"
                             for n, t in enumerate(texts * 3)), encoding="utf-8")
    runner = CliRunner()
    default = runner.invoke(app, ["extract", "-q", str(EXAMPLES), str(lines)])
    one = runner.invoke(app, ["extract", "-q", "--workers", "1", str(EXAMPLES), str(lines)])
    assert started == [2] and default_workers() == 2
    assert default.exit_code == one.exit_code
    assert len(one.stdout.splitlines()) > 50
    assert default.stdout == one.stdout


@pytest.mark.slow
def test_documents_cleaned_in_the_workers_fail_in_their_place(tmp_path):
    """With workers, cleaning (language identification included) happens in them; a document
    with no text left after cleaning comes back as the same error, in the same place."""
    texts = sorted(EXAMPLES.glob("*_talks.txt")) + sorted(EXAMPLES.glob("*_aid.txt"))
    inputs = []
    for n, path in enumerate(texts):
        inputs.append(tmp_path / f"{n}a.txt")
        inputs[-1].write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        inputs.append(tmp_path / f"{n}b.txt")
        inputs[-1].write_text("Share this article\nSign up for our newsletter\n", encoding="utf-8")
    one = _as_comparable(extract_records([str(p) for p in inputs], batch_size=2))
    two = _as_comparable(extract_records([str(p) for p in inputs], batch_size=2, workers=2))
    assert [type(i).__name__ for i in one].count("tuple") == len(texts)
    assert ("EmptyInputError", f"{inputs[1]}: no article text left after cleaning") in one
    assert two == one
