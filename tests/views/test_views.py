"""The views over a hand-written store: listings, filters, pagination, validation, search."""

from __future__ import annotations

import pytest

from relata import views
from relata.errors import UnknownActorError
from relata.views.params import MAX_LIMIT, Filters, InvalidParameterError, NotFoundError, PageRequest


def test_overview_counts_documents_by_outlet_and_month(con):
    overview = views.overview(con)
    counts = {c.label: c.count for c in overview.counts}
    assert counts["documents"] == 9 and counts["claims"] == 1
    assert sum(c.count for c in overview.by_outlet) == 9
    assert [c.label for c in overview.by_month] == ["2024-05", "2024-06"]
    assert overview.top_dyads[0].events >= overview.top_dyads[-1].events


def test_documents_are_paginated(con):
    first = views.documents(con, page=PageRequest(limit=4))
    second = views.documents(con, page=PageRequest(limit=4, offset=4))
    assert first.total == second.total == 9
    assert len(first.items) == 4 and first.next_offset == 4 and first.previous_offset is None
    assert not {d.id for d in first.items} & {d.id for d in second.items}
    last = views.documents(con, page=PageRequest(limit=4, offset=8))
    assert len(last.items) == 1 and last.next_offset is None


@pytest.mark.parametrize("limit, offset", [(0, 0), (MAX_LIMIT + 1, 0), (10, -1), (10, 10**12)])
def test_bad_page_windows_are_refused(limit, offset):
    with pytest.raises(InvalidParameterError):
        PageRequest(limit=limit, offset=offset)


@pytest.mark.parametrize("field, value", [
    ("type", "BOMB"), ("date_from", "2024-13"), ("date_to", "May 2024"), ("q", "a\x00b"), ("outlet", "x" * 300),
])
def test_bad_filters_are_refused(field, value):
    with pytest.raises(InvalidParameterError):
        Filters(**{field: value})


def test_filters_by_outlet_date_type_and_actor(con):
    assert {d.id for d in views.documents(con, Filters(outlet="reuters")).items} == {"doc-1"}
    june = views.documents(con, Filters(date_from="2024-06"))
    assert {d.published[:7] for d in june.items} == {"2024-06"}
    may = views.documents(con, Filters(date_from="2024-05-17", date_to="2024-05"))
    assert {d.published for d in may.items} == {"2024-05-17", "2024-05-18", "2024-05-20", "2024-05-21", "2024-05-30"}
    accusations = views.events(con, Filters(type="accuse", actor="Russia"))
    assert accusations.total == 3 and {e.type for e in accusations.items} == {"ACCUSE"}
    assert views.quotes(con, Filters(actor="Xi")).total == 1
    with pytest.raises(UnknownActorError):
        views.events(con, Filters(actor="Atlantis Republic"))


def test_text_search_takes_wildcards_literally(con):
    assert views.claims(con, Filters(q="trade")).total == 1
    assert views.documents(con, Filters(q="%")).total == 1  # only the talks text has a percent sign
    assert views.documents(con, Filters(q="_")).total == 0


def test_actors_match_names_and_aliases(con):
    found = views.actors(con, Filters(q="poutine"))
    assert found.total == 0
    assert [a.id for a in views.actors(con, Filters(q="jinping")).items] == ["xi-jinping"]


def test_dyad_view_reuses_the_timeline_and_checks_the_period(con):
    timeline = views.dyad(con, "CHN", "RUS", "year")
    assert timeline.by == "year" and timeline.event_count >= 6
    with pytest.raises(InvalidParameterError):
        views.dyad(con, "CHN", "RUS", "week")
    dyads = views.dyads(con)
    assert ("vladimir-putin", "xi-jinping") in {(d.a, d.b) for d in dyads}


def test_quotes_by_speaker_and_corroboration(con):
    speakers = views.quotes_by_speaker(con)
    assert speakers[0].speaker_name and speakers[0].quotes[0].text
    result = views.corroboration(con)
    assert result.claims == () or all(len(g.documents) >= 1 for g in result.claims)


def test_document_view_and_its_safe_source(con):
    view = views.document_view(con, "doc-talks")
    assert view.source_url == "https://example.org/news/talks?a=1&b=2"
    assert dict((c.label, c.count) for c in view.legend) == {
        "event": 2, "quote": 1, "claim": 1, "time": 2, "entity": 4}
    hostile = views.document_view(con, "doc-xss")
    assert hostile.source_url is None
    with pytest.raises(NotFoundError):
        views.document_view(con, "no-such-document")


@pytest.mark.parametrize("value, expected", [
    ("https://a.example/x", "https://a.example/x"), ("http://a.example", "http://a.example"),
    ("javascript:alert(1)", None), (" JavaScript:alert(1)", None), ("data:text/html,x", None),
    ("/work/file.txt", None), ("https:///nohost", None), (None, None),
])
def test_safe_url(value, expected):
    assert views.safe_url(value) == expected


def test_search_finds_documents_quotes_and_actors(con):
    results = views.search(con, "russia")
    assert results.documents.total >= 2
    # The text around the first match in the body; a title-only match shows the text's start.
    assert {h.match.lower() for h in results.documents.items} == {"russia", ""}
    assert all(h.match or h.after for h in results.documents.items)
    assert results.quotes.total == 1
    assert "RUS" in {a.id for a in results.actors}
    with pytest.raises(InvalidParameterError):
        views.search(con, "   ")


def test_quotes_by_speaker_lists_what_each_speakers_page_lists(con):
    for per_speaker in (1, 20):
        for entry in views.quotes_by_speaker(con, per_speaker=per_speaker):
            page = views.quotes_of(con, entry.speaker_name, PageRequest(limit=per_speaker))
            assert entry.quotes == page.items
            assert entry.total == page.total
