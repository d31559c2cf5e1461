"""The packaged actor dictionary passes tests/data/check_actor_tables.py (run it for details)."""

import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "check_actor_tables", Path(__file__).with_name("check_actor_tables.py")
)
check_actor_tables = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(check_actor_tables)

RESULTS, INFO = check_actor_tables.check()


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_actor_tables(name):
    problems = RESULTS[name]
    assert not problems, "\n".join(problems[:50])


def test_every_iso_country_is_listed():
    counts = dict(line.split(": ") for line in INFO["row counts"])
    assert int(counts["countries.tsv"]) >= 249
