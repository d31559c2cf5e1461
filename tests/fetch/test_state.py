import pytest

from relata.fetch import state
from relata.fetch.listing import Entry
from relata.store import open_store


@pytest.fixture
def con(tmp_path):
    con = open_store(tmp_path / "s.duckdb")
    state.ensure_table(con)
    state.ensure_table(con)  # idempotent
    yield con
    con.close()


def test_enqueue_records_new_entries_once(con):
    assert state.enqueue(con, "F", [Entry("u1", "2024-01-01"), Entry("u2"), Entry("u1", "2024-01-01")]) == 2
    assert state.enqueue(con, "G", [Entry("u1"), Entry("u3")]) == 1
    row = state.get(con, "u1")
    assert (row.status, row.feed, row.listed_date, row.attempts) == ("pending", "F", "2024-01-01", 0)


def test_a_url_fetched_by_hand_is_adopted_by_the_feed_that_lists_it(con):
    state.record(con, "u", "page", "failed", error="timeout")
    assert state.enqueue(con, "F", [Entry("u", "2024-02-03")]) == 0
    row = state.get(con, "u")
    assert (row.status, row.feed, row.listed_date) == ("failed", "F", "2024-02-03")
    assert [r.url for r in state.due(con, "F")] == ["u"]


def test_record_counts_attempts_and_keeps_what_it_is_not_told(con):
    state.record(con, "u", "page", "added", etag='"e1"', source="https://x/u", http_status=200)
    state.record(con, "u", "page", "failed", error="HTTP 500", http_status=500)
    row = state.get(con, "u")
    assert (row.status, row.error, row.etag, row.source, row.attempts) == ("failed", "HTTP 500", '"e1"', "https://x/u", 2)
    assert row.fetched_at is not None
    with pytest.raises(ValueError):
        state.record(con, "u", "page", "fine")


def test_due_lists_unstored_pages_of_the_feed(con):
    state.enqueue(con, "F", [Entry("new"), Entry("broken"), Entry("done"), Entry("ingested")])
    state.enqueue(con, "G", [Entry("other")])
    state.record(con, "broken", "page", "failed", error="timeout")
    state.record(con, "done", "page", "added")
    # A page already in the store under that URL (e.g. read from a feed file by `relata ingest`).
    con.execute("INSERT INTO sources VALUES ('ingested', 'doc', 'hash', now())")
    assert sorted(row.url for row in state.due(con, "F")) == ["broken", "new"]


def test_a_page_gone_for_good_is_given_up_after_a_few_rounds(con):
    state.enqueue(con, "F", [Entry("gone"), Entry("flaky")])
    for _ in range(state.GIVE_UP_AFTER - 1):
        state.record(con, "gone", "page", "failed", error="HTTP 404 Not Found", http_status=404)
        state.record(con, "flaky", "page", "failed", error="HTTP 503", http_status=503)
    assert sorted(row.url for row in state.due(con, "F")) == ["flaky", "gone"]
    state.record(con, "gone", "page", "failed", error="HTTP 404 Not Found", http_status=404)
    state.record(con, "flaky", "page", "failed", error="HTTP 503", http_status=503)
    assert [row.url for row in state.due(con, "F")] == ["flaky"]  # 5xx is transient: always again
