"""The five real seed articles in ../shared/seeds through `relata extract` (skipped without ../shared)."""

import json
import re

import pytest
from typer.testing import CliRunner

from relata.clean.normalize import normalize_text
from relata.cli import app

# Publication dates the seeds state in their own header lines.
STATED_DATES = {"000_": "2024-05-18", "004_": "2023-03-22"}


@pytest.fixture(scope="module")
def seed_records(seeds):
    result = CliRunner().invoke(app, ["extract", *map(str, seeds)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    return {r["source"].rsplit("/", 1)[1]: r for r in records}


def test_five_schema_valid_records(seeds, seed_records, record_validator):
    assert len(seed_records) == len(seeds) == 5
    for record in seed_records.values():
        record_validator(record)
        assert record["language"] == "en"


def test_stated_publication_dates_found(seed_records):
    for prefix, date in STATED_DATES.items():
        record = next(r for name, r in seed_records.items() if name.startswith(prefix))
        assert record["published"] == date


def test_every_article_paragraph_kept(seeds, seed_records):
    for path in seeds:
        text = seed_records[path.name]["text"]
        for line in path.read_text(encoding="utf-8").splitlines():
            line = normalize_text(line)
            if len(line) > 80:
                assert line in text, (path.name, line[:80])


def test_furniture_dropped(seed_records):
    furniture = [
        r"^Go to contents$", r"^Leave a Reply$", r"Your email address will not be published",
        r"Please enter your (comment|name)", r"^©", r"Get latest news delivered daily",
        r"^Source link$", r"^Home News ",
    ]
    for name, record in seed_records.items():
        for pattern in furniture:
            assert not re.search(pattern, record["text"], re.MULTILINE), (name, pattern)
