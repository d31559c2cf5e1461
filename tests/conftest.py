"""Shared fixtures. Tests that read ../shared skip with a clear message when it is absent."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
# A tiny actor dictionary written for the tests, so behaviour is pinned independently of the
# growing packaged dictionary.
FIXTURE_ACTORS = ROOT / "tests" / "fixtures" / "actors"


@pytest.fixture(scope="session")
def dictionary():
    from relata.mentions.dictionary import load_dictionary

    return load_dictionary(FIXTURE_ACTORS)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project (only in dev sessions and CI)")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared_dir) -> list[Path]:
    paths = sorted((shared_dir / "seeds").glob("*.txt"))
    if not paths:
        pytest.skip("../shared/seeds has no seed articles")
    return paths


@pytest.fixture(scope="session")
def record_validator():
    """Validates records against the contract's JSON Schema (the project's copy of it)."""
    import jsonschema

    schema = json.loads(resources.files("relata.data").joinpath("document.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)

    def validate(record: dict) -> None:
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])
        text = record["text"]
        for kind in ("entities", "quotes", "claims", "times"):
            for item in record[kind]:
                assert 0 <= item["start"] <= item["end"] <= len(text), (kind, item)
                assert text[item["start"]:item["end"]] == item["text"], (kind, item)
        for event in record["events"]:
            assert 0 <= event["start"] <= event["end"] <= len(text), event
        ids = {a["id"] for a in record["actors"]}
        for q in record["quotes"]:
            assert q["speaker"] is None or q["speaker"] in ids, q

    return validate


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory) -> Path:
    """A store of the bundled examples, ingested once per test session as a user would (with
    its event groups and corroboration built). Open it read-only."""
    from typer.testing import CliRunner

    from relata.cli import app

    db = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), "-q"])
    assert result.exit_code in (0, 1), result.output  # 1: inputs refused on purpose are reported
    return db
