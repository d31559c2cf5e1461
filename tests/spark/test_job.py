"""The Spark job in local mode writes, record for record, what a single-process ingest stores."""

import importlib.util
import shutil

import pytest
from tests.conftest import EXAMPLES

from relata.corpus import ingest
from relata.spark.catalog import attach_parquet
from relata.spark.job import TABLES, job_inputs
from relata.store import open_store, records
from relata.store.schema import written_columns

pytestmark = pytest.mark.slow


def _spark_available() -> str | None:
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed (pip install 'relata[spark]')"
    if shutil.which("java") is None:
        return "java is not on PATH (Spark needs Java 17 or later)"
    return None


@pytest.fixture(scope="module")
def spark_output(tmp_path_factory):
    missing = _spark_available()
    if missing:
        pytest.skip(missing)
    from relata.spark import run

    out = tmp_path_factory.mktemp("spark") / "out"
    result = run([str(EXAMPLES)], str(out), master="local[2]", partitions=2)
    return out, result


def _rows(con, table: str) -> list[tuple]:
    names = ", ".join(f'"{name}"' for name, _ in written_columns(table))
    return con.execute(f"SELECT {names} FROM {table} ORDER BY ALL").fetchall()


def test_spark_output_equals_the_single_process_store(spark_output, tmp_path):
    out, result = spark_output
    store = open_store(tmp_path / "single.duckdb")
    outcomes = list(ingest(store, [str(EXAMPLES)]))
    assert result.errors == ()
    assert result.sources == sum(o.status in ("added", "linked") for o in outcomes)
    import duckdb

    parquet = duckdb.connect()
    attach_parquet(parquet, out)
    for table in TABLES:
        assert _rows(parquet, table) == _rows(store, table), table
    assert list(records(parquet)) == list(records(store))
    assert result.documents == len(_rows(store, "documents")) > 10


def test_parquet_columns_are_the_store_columns(spark_output, tmp_path):
    out, _ = spark_output
    import duckdb

    store = open_store(tmp_path / "empty.duckdb")
    parquet = duckdb.connect()
    attach_parquet(parquet, out)
    for table in TABLES:
        assert parquet.execute(f"SELECT * FROM {table} LIMIT 0").description is not None
        described = [(c[0], c[1]) for c in parquet.execute(f"DESCRIBE {table}").fetchall()]
        expected = [(c[0], c[1]) for c in store.execute(f"DESCRIBE {table}").fetchall()]
        assert described == expected, table


def test_inputs_keep_the_command_line_order_and_refuse_stdin(tmp_path):
    (tmp_path / "b.txt").write_text("b")
    (tmp_path / "a.txt").write_text("a")
    local, remote, errors = job_inputs([str(tmp_path), "s3a://bucket/news/", "-", str(tmp_path / "none.txt")])
    assert [i.location for i in local] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert [o for o, _ in [(i.order, i) for i in local]] == sorted(i.order for i in local)
    assert remote == [("R000001", "s3a://bucket/news/")]
    assert errors[0].startswith("-: standard input") and "none.txt" in errors[1]


def test_derived_tables_from_the_spark_catalog_equal_the_stores(spark_output, tmp_path):
    from relata.analyze.derived import rebuild_derived
    from relata.spark.catalog import write_catalog

    out, _ = spark_output
    store = open_store(tmp_path / "single.duckdb")
    list(ingest(store, [str(EXAMPLES)]))
    catalog = open_store(write_catalog(out))
    assert rebuild_derived(catalog) == rebuild_derived(store)
    for table in ("event_groups", "claim_groups", "quote_groups"):
        assert catalog.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall() == \
            store.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall(), table
