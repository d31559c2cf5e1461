"""Properties that hold for any text: offsets in range and pointing at their text, a schema-valid
record, and the same record (and id) for the same input every time."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relata.clean import clean_document
from relata.errors import EmptyInputError
from relata.ingest import RawDocument
from relata.nlp import parse
from relata.pipeline import build_record
from relata.records import to_dict

# Pieces of news prose with the marks extractors react to: quotes, numbers, dates, names, titles.
PIECES = [
    "President Maria Silva", "said", "told reporters", "according to officials", "he said", "she added",
    '"', "“", "”", "'", "«", "»", "「", "」", ":", "Q:", "MR LEE:", "\n\n", "\n", ". ", ", ", " — ",
    "$4.5 billion", "12 percent", "up 3%", "nearly 40 soldiers", "on Tuesday", "last month", "May 16",
    "March. 22, 2023", "in 2019", "yesterday", "Russia", "China", "the Kremlin", "Beijing", "NATO",
    "visited", "sanctioned", "did not agree", "may attack", "accused", "Xi Jinping", "Vladimir Putin",
    "the minister", "They", "a third", "two", "1,200", "©", "Share", "Leave a Reply", "é", "中国", "😀",
]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), min_size=1, max_size=60).map(" ".join)


def _record(text: str, published: str | None):
    try:
        clean = clean_document(RawDocument(source="prop.txt", body=text, kind="text"), published=published)
    except EmptyInputError:
        return None
    parsed = parse(clean.text, clean.published, clean.language) if clean.language == "en" else None
    return to_dict(build_record(clean, parsed))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from([None, "2024-05-16", "2019-01"]))
def test_any_text_gives_a_valid_stable_record(record_validator, text, published):
    first = _record(text, published)
    if first is None:
        return
    record_validator(first)
    text_out = first["text"]
    for kind in ("entities", "quotes", "claims", "times", "events"):
        starts = [item["start"] for item in first[kind]]
        assert all(0 <= s <= len(text_out) for s in starts)
    assert _record(text, published) == first
