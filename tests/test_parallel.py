"""Worker processes give exactly the single-process output, and unchanged inputs never reach them."""

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
