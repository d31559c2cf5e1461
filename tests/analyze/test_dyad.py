"""The dyad timeline on a small hand-written store (independent of the extractors' quality).

:func:`build_fixture_store` is also used by the actor-lookup and CLI tests. The store holds:

* one visit (Putin in Beijing, 2024-05-16) reported by three outlets, in both directions and once
  with only an ISO week as its date: one event, three reports;
* the foreign ministers meeting the same day: a separate event (different dyad);
* Chinese aid to Russia (no event date: the publication day is used);
* a second Putin-Xi meeting two weeks later: a separate event;
* Russia accusing China (two outlets, two days apart: one event) and China accusing Russia the
  next day (the opposite direction: a separate event);
* events outside the dyad (United States sanctions, a meeting without a target).
"""

from __future__ import annotations

import pytest

from relata.analyze.dyad import A_TO_B, B_TO_A, UNDATED, dyad_timeline
from relata.analyze.event_groups import rebuild_event_groups
from relata.errors import UnknownActorError
from relata.records import Actor, DocumentRecord, Event
from relata.store import open_store, write_record

CHINA = Actor("CHN", "China", "state", "CHN", ("China", "Beijing", "People's Republic of China"))
RUSSIA = Actor("RUS", "Russia", "state", "RUS", ("Russia", "Moscow", "Russian Federation"))
USA = Actor("USA", "United States", "state", "USA", ("United States", "Washington"))
XI = Actor("xi-jinping", "Xi Jinping", "person", "CHN", ("Xi Jinping", "Xi", "he"))
PUTIN = Actor("vladimir-putin", "Vladimir Putin", "person", "RUS", ("Vladimir Putin", "Putin"))
WANG = Actor("wang-yi", "Wang Yi", "person", "CHN", ("Wang Yi",))
LAVROV = Actor("sergey-lavrov", "Sergey Lavrov", "person", "RUS", ("Sergey Lavrov", "Lavrov"))

# (document id, outlet, published, [(sentence, type, source, target, date, intensity), ...])
DOCUMENTS = [
    ("doc-1", "Reuters", "2024-05-16", [
        ("Russian President Vladimir Putin arrived in Beijing for talks with Xi Jinping.",
         "CONSULT", "vladimir-putin", "xi-jinping", "2024-05-16", 1.0),
        ("Foreign ministers Wang Yi and Sergey Lavrov met separately.",
         "CONSULT", "wang-yi", "sergey-lavrov", "2024-05-16", 2.0),
        ("China pledged economic aid to Russia.", "AID", "CHN", "RUS", None, 7.0),
        ("Putin said he was pleased with the talks.", "CONSULT", "vladimir-putin", None, None, 1.0),
    ]),
    ("doc-2", "AP", "2024-05-17", [
        ("Xi Jinping welcomed Vladimir Putin in Beijing on Thursday.",
         "CONSULT", "xi-jinping", "vladimir-putin", "2024-05-16", 1.0),
        ("The United States sanctioned two Chinese banks.", "SANCTION", "USA", "CHN", None, -4.5),
    ]),
    ("doc-3", "Xinhua", "2024-05-18", [
        ("Xi and Putin held talks in Beijing this week.",
         "CONSULT", "xi-jinping", "vladimir-putin", "2024-W20", 4.0),
    ]),
    ("doc-4", "TASS", "2024-05-30", [
        ("Putin met Xi again on the sidelines of a summit.",
         "CONSULT", "vladimir-putin", "xi-jinping", "2024-05-30", 1.0),
    ]),
    ("doc-5", "Kommersant", "2024-06-20", [
        ("Russia accused China of stalling the pipeline talks.", "ACCUSE", "RUS", "CHN", None, -2.0),
    ]),
    ("doc-6", "Global Times", "2024-06-21", [
        ("China accused Russia of breaking the gas contract.", "ACCUSE", "CHN", "RUS", None, -3.0),
    ]),
    ("doc-7", "Interfax", "2024-06-22", [
        ("Moscow again accused Beijing of stalling.", "ACCUSE", "RUS", "CHN", None, -4.0),
    ]),
]
ACTORS = (CHINA, RUSSIA, USA, XI, PUTIN, WANG, LAVROV)


def fixture_record(document_id: str, outlet: str, published: str, events: list[tuple]) -> DocumentRecord:
    text = " ".join(sentence for sentence, *_ in events)
    built = []
    for sentence, kind, source, target, date, intensity in events:
        start = text.index(sentence)
        built.append(Event(start=start, end=start + len(sentence), trigger=sentence.split()[1],
                           type=kind, mode=None, intensity=intensity, source=source, target=target,
                           date=date, attributed_to=None))
    used = {e.source for e in built} | {e.target for e in built}
    return DocumentRecord(
        id=document_id, source=f"fixture/{document_id}.txt", title=f"{outlet} on China and Russia",
        author=None, outlet=outlet, published=published, language="en", text=text,
        actors=tuple(a for a in ACTORS if a.id in used), events=tuple(built),
    )


def build_fixture_store(path):
    """A store at ``path`` holding :data:`DOCUMENTS`; returns the open connection."""
    con = open_store(path)
    for document_id, outlet, published, events in DOCUMENTS:
        write_record(con, fixture_record(document_id, outlet, published, events),
                     f"fixture/{document_id}.txt", document_id)
    return con


@pytest.fixture
def store(tmp_path):
    con = build_fixture_store(tmp_path / "fixture.duckdb")
    yield con
    con.close()


def test_a_visit_reported_three_times_is_one_event_with_three_reports(store):
    timeline = dyad_timeline(store, "China", "Russia")
    visit = [e for e in timeline.events if e.type == "CONSULT" and e.date == "2024-05-16"
             and {e.source, e.target} == {"xi-jinping", "vladimir-putin"}]
    assert len(visit) == 1
    assert [r.document_id for r in visit[0].reports] == ["doc-1", "doc-2", "doc-3"]
    assert visit[0].intensity == pytest.approx(2.0)  # mean of 1.0, 1.0, 4.0
    assert timeline.event_count == 6 and timeline.report_count == 9


def test_counts_by_period_type_and_direction(store):
    timeline = dyad_timeline(store, "China", "Russia", by="month")
    may, june = timeline.periods
    assert (may.label, may.events, may.reports) == ("2024-05", 4, 6)
    assert (june.label, june.events, june.reports) == ("2024-06", 2, 3)
    # Events weigh equally, however often reported: (2.0 + 2.0 + 7.0 + 1.0) / 4.
    assert may.mean_intensity == pytest.approx(3.0)
    counts = {(c.type, c.direction): (c.events, c.reports, c.mean_intensity) for c in may.counts}
    assert counts == {
        ("AID", A_TO_B): (1, 1, 7.0),
        ("CONSULT", A_TO_B): (1, 1, 2.0),          # Wang Yi -> Lavrov
        ("CONSULT", B_TO_A): (2, 4, 1.5),          # the visit (led by Reuters' Putin -> Xi) and 05-30
    }
    june_counts = {(c.type, c.direction): (c.events, c.reports) for c in june.counts}
    assert june_counts == {("ACCUSE", B_TO_A): (1, 2), ("ACCUSE", A_TO_B): (1, 1)}


def test_reports_link_to_their_sentence_and_document(store):
    timeline = dyad_timeline(store, "Russia", "China")
    texts = dict(store.execute("SELECT id, text FROM documents").fetchall())
    for event in timeline.events:
        for report in event.reports:
            assert report.sentence == texts[report.document_id][report.start:report.end]
            assert report.title and report.published and report.document_source.startswith("fixture/")
    aid = next(e for e in timeline.events if e.type == "AID")
    assert aid.reports[0].sentence == "China pledged economic aid to Russia."
    assert aid.direction == B_TO_A  # A is Russia here
    assert aid.date == "2024-05-16"  # no event date: the publication day


def test_person_dyad_does_not_widen(store):
    timeline = dyad_timeline(store, "Xi", "Putin", by="day")
    assert {e.type for e in timeline.events} == {"CONSULT"}
    assert [p.label for p in timeline.periods] == ["2024-05-16", "2024-05-30"]
    assert [len(e.reports) for e in timeline.events] == [3, 1]


def test_names_ids_and_aliases_give_the_same_timeline(store):
    by_name = dyad_timeline(store, "China", "Russia")
    by_id = dyad_timeline(store, "chn", "RUS")
    by_alias = dyad_timeline(store, "Beijing", "Russian Federation")
    assert [e.id for e in by_name.events] == [e.id for e in by_id.events] == [e.id for e in by_alias.events]


def test_event_ids_match_the_persisted_groups(store):
    rebuild_event_groups(store)
    persisted = dict(store.execute(
        "SELECT document_id || ':' || position, group_id FROM event_groups").fetchall())
    for event in dyad_timeline(store, "China", "Russia").events:
        assert {persisted[f"{r.document_id}:{r.position}"] for r in event.reports} == {event.id}


def test_coarse_dates_and_undated_events_keep_their_precision(tmp_path):
    con = build_fixture_store(tmp_path / "s.duckdb")
    text = "China threatened Russia. In 2013 China visited Russia."
    write_record(con, DocumentRecord(
        id="doc-undated", source="fixture/undated.txt", title=None, author=None, outlet=None,
        published=None, language="en", text=text, actors=(CHINA, RUSSIA),
        events=(Event(0, 24, "threatened", "THREATEN", None, -6.0, "CHN", "RUS", None, None),
                Event(25, 54, "visited", "CONSULT", None, 1.9, "CHN", "RUS", "2013", None)),
    ), "fixture/undated.txt", "undated")
    by_year = dyad_timeline(con, "China", "Russia", by="year")
    assert [p.label for p in by_year.periods] == ["2013", "2024", UNDATED]
    assert by_year.periods[-1].counts[0].type == "THREATEN"
    by_month = dyad_timeline(con, "China", "Russia", by="month")
    assert [p.label for p in by_month.periods] == ["2013", "2024-05", "2024-06", UNDATED]
    assert by_month.events[0].date == "2013"  # not the 2013-01-01 used for grouping
    with pytest.raises(ValueError):
        dyad_timeline(con, "China", "Russia", by="week")


def test_unknown_actor_is_an_error(store):
    with pytest.raises(UnknownActorError, match="Narnia"):
        dyad_timeline(store, "China", "Narnia")


def test_no_events_between_known_actors(store):
    timeline = dyad_timeline(store, "United States", "Russia")
    assert timeline.events == () and timeline.periods == ()
