from __future__ import annotations

import pytest
from tests.views.fixture_store import build_store

from relata.store import open_store


@pytest.fixture(scope="session")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("views") / "views.duckdb")


@pytest.fixture
def con(store_path):
    connection = open_store(store_path, read_only=True)
    yield connection
    connection.close()
