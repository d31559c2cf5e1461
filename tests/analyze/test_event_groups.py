"""Grouping reports of one real-world event: the anchor date, the key, the window, the table."""

from __future__ import annotations

import random
from datetime import date

import pytest

from relata.analyze.event_groups import (
    DATE_WINDOW_DAYS,
    Anchor,
    EventReport,
    anchor,
    date_interval,
    group_reports,
    rebuild_event_groups,
)
from relata.records import Actor, DocumentRecord, Event
from relata.store import open_store, write_record


def report(doc: str, kind: str = "CONSULT", source: str | None = "RUS", target: str | None = "CHN",
           when: str | None = None, published: str | None = "2024-05-16", position: int = 0) -> EventReport:
    return EventReport(doc, position, kind, source, target, when, published)


def groups(reports: list[EventReport]) -> list[set[str]]:
    by_group: dict[str, set[str]] = {}
    for m in group_reports(reports):
        by_group.setdefault(m.group_id, set()).add(f"{m.document_id}:{m.position}")
    return sorted(by_group.values(), key=sorted)


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-05-16", (date(2024, 5, 16), date(2024, 5, 16))),
    ("2024-02", (date(2024, 2, 1), date(2024, 2, 29))),
    ("2024-12", (date(2024, 12, 1), date(2024, 12, 31))),
    ("2023", (date(2023, 1, 1), date(2023, 12, 31))),
    ("2024-W20", (date(2024, 5, 13), date(2024, 5, 19))),
    ("2024-Q4", (date(2024, 10, 1), date(2024, 12, 31))),
    ("XXXX-05-14", None),
    ("2024-SU", None),
    ("199", None),
    ("2024-13", None),
    (None, None),
])
def test_date_interval(value, expected):
    assert date_interval(value) == expected


@pytest.mark.parametrize(("event_date", "published", "expected"), [
    ("2024-05-14", "2024-05-16", Anchor(date(2024, 5, 14), "2024-05-14")),  # a full day wins
    ("2024-05", "2024-05-16", Anchor(date(2024, 5, 16), "2024-05")),   # coarse, holding the publication
    ("2023", "2024-05-16", Anchor(date(2023, 1, 1), "2023")),          # coarse, elsewhere: its first day
    ("2024-W20", None, Anchor(date(2024, 5, 13), "2024-05")),          # a week within one month
    ("2024-Q2", None, Anchor(date(2024, 4, 1), "2024")),
    (None, "2024-05-16T08:01:00", Anchor(date(2024, 5, 16), "2024-05-16")),  # the publication day
    ("XXXX-05-14", "2024-05-16", Anchor(date(2024, 5, 16), "2024-05-16")),   # unusable event date
    (None, None, None),
    (None, "2024-05", None),                                           # a publication month is not a day
])
def test_anchor(event_date, published, expected):
    assert anchor(event_date, published) == expected


def test_same_key_within_the_window_is_one_event():
    a = report("a", when="2024-05-16")
    b = report("b", when=None, published="2024-05-19")  # exactly DATE_WINDOW_DAYS later
    c = report("c", when="2024-05-23")                   # four days after b
    assert DATE_WINDOW_DAYS == 3
    assert groups([a, b, c]) == [{"a:0", "b:0"}, {"c:0"}]


def test_window_chains_into_connected_components():
    days = ["2024-05-10", "2024-05-13", "2024-05-16", "2024-05-19"]
    chain = [report(f"d{i}", when=day) for i, day in enumerate(days)]
    assert groups(chain) == [{"d0:0", "d1:0", "d2:0", "d3:0"}]
    assert len(groups(chain[::3])) == 2  # without the links in between: two events


def test_symmetric_types_ignore_direction_others_keep_it():
    meeting = [report("a", "CONSULT", "RUS", "CHN"), report("b", "CONSULT", "CHN", "RUS")]
    accusations = [report("a", "ACCUSE", "RUS", "CHN", position=1),
                   report("b", "ACCUSE", "CHN", "RUS", position=1)]
    assert groups(meeting) == [{"a:0", "b:0"}]
    assert groups(accusations) == [{"a:1"}, {"b:1"}]


def test_different_type_or_dyad_is_a_different_event():
    reports = [report("a"), report("b", kind="COOPERATE"), report("c", source="vladimir-putin")]
    assert len(groups(reports)) == 3


def test_reports_without_a_side_or_a_date_stand_alone():
    reports = [report("a", target=None), report("b", target=None),
               report("c", published=None), report("d", published=None)]
    assert len(groups(reports)) == 4


def test_same_document_mentions_merge():
    headline, body = report("a", position=0), report("a", position=5, when="2024-05-15")
    assert groups([headline, body]) == [{"a:0", "a:5"}]


def test_group_ids_do_not_depend_on_input_order():
    reports = [report(f"d{i}", when=f"2024-05-{10 + i:02d}") for i in range(8)]
    reports += [report(f"e{i}", kind="ACCUSE", when=f"2024-06-{1 + 5 * i:02d}") for i in range(4)]
    expected = {(m.document_id, m.position): m.group_id for m in group_reports(reports)}
    shuffled = reports[:]
    random.Random(5).shuffle(shuffled)
    assert {(m.document_id, m.position): m.group_id for m in group_reports(shuffled)} == expected
    assert len(set(expected.values())) == 1 + 4


def _record(document_id: str, published: str, events: tuple[Event, ...]) -> DocumentRecord:
    actors = (Actor("RUS", "Russia", "state", "RUS"), Actor("CHN", "China", "state", "CHN"))
    return DocumentRecord(id=document_id, source=f"{document_id}.txt", title=None, author=None,
                          outlet=None, published=published, language="en",
                          text="Russia and China held talks.", actors=actors, events=events)


def _talks(source="RUS", target="CHN") -> Event:
    return Event(0, 28, "held talks", "CONSULT", None, 1.0, source, target, None, None)


def test_rebuild_persists_groups_idempotently(tmp_path):
    con = open_store(tmp_path / "s.duckdb")
    write_record(con, _record("one", "2024-05-16", (_talks(),)), "one.txt", "h1")
    write_record(con, _record("two", "2024-05-17", (_talks("CHN", "RUS"),)), "two.txt", "h2")
    write_record(con, _record("three", "2024-07-01", (_talks(),)), "three.txt", "h3")
    assert rebuild_event_groups(con) == 2
    first = con.execute("SELECT * FROM event_groups ORDER BY document_id").fetchall()
    assert rebuild_event_groups(con) == 2
    assert con.execute("SELECT * FROM event_groups ORDER BY document_id").fetchall() == first
    rows = {doc: (group, day, label) for doc, _, group, day, label in first}
    assert rows["one"][0] == rows["two"][0] != rows["three"][0]
    assert rows["two"][1:] == (date(2024, 5, 17), "2024-05-17")

    # A document replaced by its source: the next rebuild drops its old rows and adds the new.
    write_record(con, _record("four", "2024-07-02", (_talks(),)), "one.txt", "h4")
    assert rebuild_event_groups(con) == 2
    docs = {row[0] for row in con.execute("SELECT document_id FROM event_groups").fetchall()}
    assert docs == {"two", "three", "four"}


def test_rebuild_on_an_empty_store(tmp_path):
    con = open_store(tmp_path / "s.duckdb")
    assert rebuild_event_groups(con) == 0
    assert con.execute("SELECT count(*) FROM event_groups").fetchone()[0] == 0
