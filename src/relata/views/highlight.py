"""A document's text as HTML with every extracted span wrapped in ``<mark>``.

The text is untrusted (articles are HTML from anywhere), so the output is built here from escaped
text segments and tags whose every attribute value is escaped too; nothing from the article is
ever inserted raw. Spans nest: an event covers its sentence, a quote lies inside it, an entity
inside the quote. Spans that cross (a quote running past the end of an event's clause) are split
at the boundary of the enclosing one, and every piece carries the span's ``data-ref`` so a page
can light all pieces of one span together; only the first piece carries the ``id`` anchor.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from relata.records import DocumentRecord

# Legend order; also the nesting order for spans with identical bounds (outermost first).
KINDS = ("event", "quote", "claim", "time", "entity")
KIND_LABELS = {
    "event": "event (who did what to whom)",
    "quote": "quote (words said)",
    "claim": "claim (a figure)",
    "time": "time expression",
    "entity": "named entity",
}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str  # one of KINDS
    ref: str  # anchor id, unique in the document: "event-3", "quote-0" ...
    title: str  # a tooltip: what the span was read as
    css: str = ""  # extra class names, e.g. the entity label


def document_spans(record: DocumentRecord, names: dict[str, str] | None = None) -> tuple[Span, ...]:
    """Every extracted item of ``record`` as a span, with a short description as its title."""
    names = dict(names or {})
    names.update({actor.id: actor.name for actor in record.actors})

    def name(actor_id: str | None) -> str:
        return names.get(actor_id, actor_id) if actor_id else "?"

    spans = []
    for i, e in enumerate(record.events):
        where = f" in {e.location.name}" if e.location else ""
        when = f" on {e.date}" if e.date else ""
        spans.append(Span(e.start, e.end, "event", f"event-{i}",
                          f"{e.type}: {name(e.source)} → {name(e.target)}{when}{where} "
                          f"(“{e.trigger}”, intensity {e.intensity:+g})", f"plover-{e.type.lower()}"))
    for i, q in enumerate(record.quotes):
        spans.append(Span(q.start, q.end, "quote", f"quote-{i}",
                          f"{q.kind} quote by {q.speaker_name or 'unknown speaker'}"
                          + (f" (“{q.cue}”)" if q.cue else ""), f"quote-{q.kind}"))
    for i, c in enumerate(record.claims):
        spans.append(Span(c.start, c.end, "claim", f"claim-{i}",
                          f"{c.qualifier} {_figure(c.value)} {c.unit}" + (f" of {c.measure}" if c.measure else "")))
    for i, t in enumerate(record.times):
        spans.append(Span(t.start, t.end, "time", f"time-{i}", f"time: {t.value or 'unresolved'}"))
    for i, m in enumerate(record.entities):
        spans.append(Span(m.start, m.end, "entity", f"entity-{i}",
                          m.label + (f" → {name(m.actor)}" if m.actor else ""), f"label-{m.label.lower()}"))
    return tuple(spans)


def _figure(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def highlight(text: str, spans: tuple[Span, ...] | list[Span]) -> Markup:
    """``text`` escaped, with ``spans`` as nested ``<mark>`` elements (crossing ones split)."""
    size = len(text)
    pending = [(max(0, s.start), min(size, s.end), s, True) for s in spans]
    pending = [p for p in pending if p[0] < p[1]]
    out: list[str] = []
    _render(text, 0, size, pending, out)
    return Markup("".join(out))


def _order(piece: tuple) -> tuple:
    start, end, span, _first = piece
    return start, -end, KINDS.index(span.kind) if span.kind in KINDS else len(KINDS), span.ref


def _render(text: str, lo: int, hi: int, pieces: list[tuple], out: list[str]) -> None:
    pieces = sorted(pieces, key=_order)
    position = lo
    while pieces:
        start, end, span, first = pieces.pop(0)
        inside, rest = [], []
        for piece in pieces:
            p_start, p_end, p_span, p_first = piece
            if p_start >= end:
                rest.append(piece)
            elif p_end <= end:
                inside.append(piece)
            else:  # crosses our end: the part inside nests, the remainder comes after
                inside.append((p_start, end, p_span, p_first))
                rest.append((end, p_end, p_span, False))
        out.append(str(escape(text[position:start])))
        out.append(_open(span, first))
        _render(text, start, end, inside, out)
        out.append("</mark>")
        position = end
        pieces = sorted(rest, key=_order)
    out.append(str(escape(text[position:hi])))


def _open(span: Span, first: bool) -> str:
    classes = " ".join(c for c in ("span", f"span-{span.kind}", span.css) if c)
    anchor = f' id="{escape(span.ref)}"' if first else ""
    return (f'<mark{anchor} class="{escape(classes)}" data-ref="{escape(span.ref)}" '
            f'title="{escape(span.title)}">')


def snippet(text: str, start: int, end: int, context: int = 80) -> tuple[str, str, str]:
    """The text before, at and after ``[start, end)``, cut to about ``context`` characters a side."""
    lo, hi = max(0, start - context), min(len(text), end + context)
    before = ("…" if lo > 0 else "") + text[lo:start]
    after = text[end:hi] + ("…" if hi < len(text) else "")
    return before, text[start:end], after
