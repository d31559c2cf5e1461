"""A small hand-written store for the view, report and web tests (independent of the extractors).

It holds the dyad fixture of ``tests/analyze/test_dyad.py`` (China, Russia, their leaders, six
documents) plus two documents written here: one with quotes, a claim, times and entities whose
spans nest and cross, and one hostile document whose title, text and source carry HTML and
JavaScript payloads. Corroboration groups are built, as an ingest would.
"""

from __future__ import annotations

from tests.analyze.test_dyad import CHINA, PUTIN, RUSSIA, XI, build_fixture_store

from relata.analyze.derived import rebuild_derived
from relata.records import Actor, Claim, DocumentRecord, EntityMention, Event, Quote, TimeExpression
from relata.store import write_record

TALKS_TEXT = ('Xi Jinping said on Monday that "trade with Russia grew 25% to $240 billion" last year. '
              "Putin praised Xi.")
XSS_TITLE = '<script>alert("title")</script> Ministers meet'
XSS_TEXT = ('Officials said <img src=x onerror=alert("body")> and <script>alert("body")</script> '
            'appeared in the page. China met Russia. Visit javascript:alert("text") now.')
XSS_SOURCE = 'javascript:alert("source")'


def _span(text: str, piece: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def talks_record() -> DocumentRecord:
    t = TALKS_TEXT
    said = _span(t, 'Xi Jinping said on Monday that "trade with Russia grew 25% to $240 billion" last year.')
    quote = _span(t, "trade with Russia grew 25% to $240 billion")
    # A claim that crosses the quote's end on purpose: "$240 billion\" last".
    claim_start, _ = _span(t, "$240 billion")
    claim_end = _span(t, "last")[1]
    return DocumentRecord(
        id="doc-talks", source="https://example.org/news/talks?a=1&b=2", title="Xi & Putin talk trade",
        author="A. Writer", outlet="Example Post", published="2024-05-20", language="en", text=t,
        entities=(EntityMention(*_span(t, "Xi Jinping"), "Xi Jinping", "PERSON", "xi-jinping"),
                  EntityMention(*_span(t, "Russia"), "Russia", "GPE", "RUS"),
                  EntityMention(*_span(t, "Putin"), "Putin", "PERSON", "vladimir-putin"),
                  EntityMention(*_span(t, "Xi", 1), "Xi", "PERSON", "xi-jinping")),
        actors=(XI, PUTIN, RUSSIA, CHINA),
        quotes=(Quote(*quote, t[quote[0]:quote[1]], "direct", "xi-jinping", "Xi Jinping", "said"),),
        events=(Event(*said, "said", "CONSULT", None, 1.0, "xi-jinping", "RUS", "2024-05-20", None),
                Event(*_span(t, "Putin praised Xi."), "praised", "SUPPORT", None, 3.5, "vladimir-putin",
                      "xi-jinping", None, None)),
        claims=(Claim(claim_start, claim_end, t[claim_start:claim_end], 240e9, "USD", "exact",
                      "trade with Russia", "2023", False, "xi-jinping"),),
        times=(TimeExpression(*_span(t, "on Monday"), "on Monday", "2024-05-20"),
               TimeExpression(*_span(t, "last year"), "last year", "2023")),
    )


def hostile_record() -> DocumentRecord:
    t = XSS_TEXT
    evil = Actor("evil", '<img src=x onerror=alert("actor")>', "person", None, ("<b>evil</b>",))
    return DocumentRecord(
        id="doc-xss", source=XSS_SOURCE, title=XSS_TITLE, author=None, outlet="<i>Evil Outlet</i>",
        published="2024-05-21", language="en", text=t,
        entities=(EntityMention(*_span(t, "<img src=x onerror=alert(\"body\")>"), "<img", "PERSON", "evil"),),
        actors=(evil, CHINA, RUSSIA),
        quotes=(Quote(*_span(t, '<script>alert("body")</script>'), '<script>alert("body")</script>',
                      "indirect", "evil", '<img src=x onerror=alert("actor")>', "said"),),
        events=(Event(*_span(t, "China met Russia."), "met", "CONSULT", None, 1.0, "CHN", "RUS", None, None),
                Event(*_span(t, "Officials said"), "said", "ACCUSE", None, -2.0, "evil", "CHN", None, None)),
    )


def build_store(path):
    """Write the fixture store at ``path`` and close it (tests open it read-only)."""
    con = build_fixture_store(path)
    write_record(con, talks_record(), "fixture/talks.txt", "talks")
    write_record(con, hostile_record(), "fixture/xss.txt", "xss")
    rebuild_derived(con)
    con.close()
    return path
