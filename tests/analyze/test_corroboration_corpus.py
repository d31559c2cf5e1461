"""End to end: the fixture articles in tests/fixtures/corroboration are ingested with the real
pipeline, corroborated, and compared with the hand expectations in expected.json.

The expectations are what a reasonable extractor yields (value and unit of money and percent
figures, direct quotes with named speakers); the grouping rules themselves are tested on a
hand-built store in test_corroboration.py.
"""

import json
from pathlib import Path

import pytest

from relata.analyze.corroboration import load_corroboration, rebuild_corroboration
from relata.corpus import ingest
from relata.store import open_store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "corroboration"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    con = open_store(tmp_path_factory.mktemp("corroboration") / "store.duckdb")
    articles = sorted(str(path) for path in FIXTURES.glob("*.txt"))
    assert len(articles) == 7
    outcomes = list(ingest(con, articles))
    assert [o.status for o in outcomes] == ["added"] * len(articles), [o.error for o in outcomes if o.error]
    names = dict(con.execute("SELECT id, source FROM documents").fetchall())
    result = rebuild_corroboration(con)
    yield con, result, {doc_id: Path(source).name for doc_id, source in names.items()}
    con.close()


def files(names, document_ids):
    return sorted(names[doc_id] for doc_id in document_ids)


def as_found(group, names):
    return {
        "documents": files(names, group.documents),
        "first": files(names, group.provenance.first),
        "first_status": group.provenance.status,
        "undated": files(names, group.provenance.undated),
    }


def as_expected(item):
    return {key: sorted(item[key]) if isinstance(item[key], list) else item[key]
            for key in ("documents", "first", "first_status", "undated")}


def find_claim(result, expected):
    matches = [g for g in result.claims
               if g.unit == expected["unit"] and abs(g.value - expected["value"]) <= 0.02 * expected["value"]]
    assert len(matches) == 1, f"{expected['name']}: {len(matches)} groups"
    return matches[0]


@pytest.mark.parametrize("expected", EXPECTED["claims"], ids=lambda e: e["name"])
def test_each_repeated_figure_with_its_first_source(corpus, expected):
    _, result, names = corpus
    group = find_claim(result, expected)
    assert as_found(group, names) == as_expected(expected)
    assert (group.period, group.change) == (expected["period"], expected["change"])
    assert sorted({m.text for m in group.members}) == sorted(expected["wordings"])


def test_the_conflict_is_flagged(corpus):
    _, result, _ = corpus
    by_name = {e["name"]: find_claim(result, e).id for e in EXPECTED["claims"]}
    expected = sorted(tuple(sorted((by_name[a], by_name[b]))) for a, b in EXPECTED["conflicts"])
    assert sorted((c.group, c.other) for c in result.conflicts) == expected


def test_no_other_figure_is_grouped(corpus):
    _, result, _ = corpus
    assert len(result.claims) == len(EXPECTED["claims"])


@pytest.mark.parametrize("expected", EXPECTED["quotes"], ids=lambda e: e["name"])
def test_each_repeated_quote_with_its_first_source(corpus, expected):
    _, result, names = corpus
    matches = [g for g in result.quotes if g.text.startswith(expected["text_starts"])]
    assert len(matches) == 1, [g.text for g in result.quotes]
    group = matches[0]
    assert as_found(group, names) == as_expected(expected)
    assert group.speaker_name == expected["speaker_name"]


def test_no_other_quote_is_grouped_and_the_store_holds_the_same(corpus):
    con, result, _ = corpus
    assert len(result.quotes) == len(EXPECTED["quotes"])
    assert load_corroboration(con) == result
