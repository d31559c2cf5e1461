"""Span highlighting: escaped text, nested marks, crossing spans split, anchors once per span."""

from __future__ import annotations

import re

from tests.views.fixture_store import hostile_record, talks_record

from relata.views.highlight import Span, document_spans, highlight


def _text_of(html: str) -> str:
    import html as html_module

    return html_module.unescape(re.sub(r"<[^>]+>", "", html))


def test_text_is_escaped_and_recoverable():
    text = '<script>alert("x")</script> & <img onerror=y>'
    out = str(highlight(text, [Span(0, 8, "entity", "entity-0", 'a"b<c>')]))
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out
    assert 'title="a&#34;b&lt;c&gt;"' in out
    assert _text_of(out) == text


def test_spans_nest_and_crossing_spans_are_split():
    text = "abcdefghij"
    spans = [Span(0, 10, "event", "event-0", "e"), Span(2, 6, "quote", "quote-0", "q"),
             Span(4, 8, "claim", "claim-0", "c")]
    out = str(highlight(text, spans))
    assert _text_of(out) == text
    assert out.count('data-ref="claim-0"') == 2  # split at the quote's end
    assert out.count('id="claim-0"') == 1  # the anchor only once
    # Well nested: every <mark> closes in order.
    depth = 0
    for tag in re.findall(r"</?mark", out):
        depth += 1 if tag == "<mark" else -1
        assert depth >= 0
    assert depth == 0
    assert out.startswith('<mark id="event-0"')


def test_empty_and_out_of_range_spans_are_ignored():
    out = str(highlight("abc", [Span(1, 1, "time", "time-0", ""), Span(2, 99, "time", "time-1", "")]))
    assert _text_of(out) == "abc"
    assert 'id="time-0"' not in out and 'id="time-1"' in out


def test_every_item_of_a_record_gets_an_anchor():
    record = talks_record()
    out = str(highlight(record.text, document_spans(record)))
    for kind, items in (("event", record.events), ("quote", record.quotes), ("claim", record.claims),
                        ("time", record.times), ("entity", record.entities)):
        for i in range(len(items)):
            assert out.count(f'id="{kind}-{i}"') == 1
    assert _text_of(out) == record.text


def test_hostile_record_renders_no_markup_of_its_own():
    record = hostile_record()
    out = str(highlight(record.text, document_spans(record)))
    assert "<script" not in out and "<img" not in out and "onerror=alert" in out  # as text only
    assert _text_of(out) == record.text
