"""The load test of `python -m benchmarks.load` against a real `relata serve` over the examples:
no error under concurrency, and every malformed, oversized or hostile request gets a 4xx."""

from __future__ import annotations

import pytest

from benchmarks import load

# The full run (2,000 requests) takes 100 s on 2 busy cores; this one keeps every bad request.
REQUESTS = 400


@pytest.mark.slow
def test_load_run_has_no_errors_and_bad_requests_get_4xx(ingested_db, tmp_path):
    log = tmp_path / "serve.log"
    result = load.run(ingested_db, requests=REQUESTS, concurrency=load.DEFAULT_CONCURRENCY, log=log)
    print(result.summary())
    assert result.errors == [], result.summary()
    assert result.requests == REQUESTS == sum(result.statuses.values())
    assert not [s for s in result.statuses if s >= 500]
    assert result.bad_statuses and all(400 <= s < 500 for s in result.bad_statuses)
    assert sum(result.bad_statuses.values()) >= len(load.bad_probes())  # each bad one was sent
    assert result.statuses[200] > result.requests / 2
    assert "Traceback" not in log.read_text()


def test_the_plan_sends_every_bad_request_and_good_ones_with_real_ids():
    sample = {"ids": ["doc-1"], "actors": ["China"], "dyads": [("China", "Russia")]}
    probes = load.plan(sample, 300)
    assert len(probes) == 300
    bad = {p.path for p in probes if p.kind == "bad"}
    assert bad == {p.path for p in load.bad_probes()}
    assert any(p.path == "/api/documents/doc-1" for p in probes)
    assert any(len(p.path) > 10_000 for p in probes)
    assert all(p.expect == load.OK for p in probes if p.kind != "bad")
