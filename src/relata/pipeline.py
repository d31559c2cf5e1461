"""From a cleaned document to its record: parse once, run every extractor on the same parse."""

from __future__ import annotations

import gc
import hashlib
import sys
from collections.abc import Iterable, Iterator

from relata import nlp
from relata.clean.document import CleanDocument
from relata.errors import ExtractionError
from relata.mentions.entities import extract_entities
from relata.mentions.times import extract_times
from relata.records import Actor, DocumentRecord
from relata.relations.claims import extract_claims
from relata.relations.events import MAX_SENTENCE_TOKENS, extract_events, overlong_sentences
from relata.relations.quotes import extract_quotes
from relata.resolve.actors import resolve_actors
from relata.resolve.coordinates import locate_events

NO_DATE_WARNING = "no publication date found; relative dates left unresolved"


def document_id(text: str) -> str:
    """Stable id: the same cleaned text gives the same id on any machine."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def build_record(clean: CleanDocument, parsed: nlp.ParsedDocument | None) -> DocumentRecord:
    """The full record of one document. ``parsed`` is ``None`` for documents not in English."""
    base = dict(
        id=document_id(clean.text),
        source=clean.source,
        title=clean.title,
        author=clean.author,
        outlet=clean.outlet,
        published=clean.published,
        language=clean.language,
        text=clean.text,
    )
    warnings = list(clean.warnings)
    if parsed is None:
        return DocumentRecord(**base, warnings=tuple(warnings))
    mentions = extract_entities(parsed)
    actors = resolve_actors(parsed, mentions)
    times = extract_times(parsed)
    quotes = extract_quotes(parsed, actors)
    events = locate_events(extract_events(parsed, actors, times, quotes), actors.actors, clean.text)
    claims = extract_claims(parsed, actors, times, quotes)
    overlong = overlong_sentences(parsed)
    if overlong:
        warnings.append(
            f"{overlong} sentence(s) longer than {MAX_SENTENCE_TOKENS} tokens (text without punctuation?): "
            "no events coded in them"
        )
    if clean.published is None and NO_DATE_WARNING not in warnings:
        warnings.append(NO_DATE_WARNING)
    return DocumentRecord(
        **base,
        entities=actors.mentions,
        actors=_actors_in_use(actors.actors, actors.mentions, quotes, events, claims),
        quotes=quotes,
        events=events,
        claims=claims,
        times=times,
        warnings=tuple(warnings),
    )


# A few sentences touching every extractor and table (actors, places, quotes, events, claims,
# times), for :func:`warm_up`.
_WARM_UP_TEXT = (
    "Russian President Vladimir Putin met Chinese leader Xi Jinping in Beijing on Tuesday, "
    "officials in Moscow said. \u201cOur trade reached $240 billion last year,\u201d Putin told "
    "reporters. The United Nations urged both sides to send aid to Basra, where 3,000 people fled."
)


def warm_up() -> None:
    """Load the model and every table and matcher the extractors build on first use, once per
    process, so that the first document costs what the others do (and a process that wants to
    can set the loaded objects aside from garbage collection afterwards: ``gc.freeze``)."""
    clean = CleanDocument(source="warm-up", text=_WARM_UP_TEXT, title=None, author=None, outlet=None,
                          published="2024-01-02", language="en", warnings=())
    # The model and the tables loaded here are hundreds of thousands of objects that live as
    # long as the process; the garbage collector, run as they grow, walked them all again each
    # time (4 full collections, 0.5 CPU s of a 1.5 s warm-up) and found nothing to free. A zero
    # threshold stops automatic collection (gc.disable would not hold: srsly's msgpack loader,
    # reading the model, enables the collector again after each read).
    thresholds = gc.get_threshold()
    gc.set_threshold(0)
    try:
        for _ in process([clean], batch_size=1):
            pass
    finally:
        gc.set_threshold(*thresholds)


def freeze_loaded() -> None:
    """Set every object alive now (the model, the tables) aside from garbage collection
    (``gc.freeze``) until the process exits; for processes that exist to parse. A full
    collection otherwise walks them all again, a few times a minute."""
    import atexit

    gc.freeze()
    # A parse allocates tens of thousands of short-lived objects per document (tokens, spans,
    # records), and the default youngest-generation threshold (700 allocations) set a collection
    # off every few hundred words: 1,521 collections, 0.84 s of CPU on the Lee corpus x4. At
    # 10,000 it is 96 collections, 0.23 s, and what they free is the same garbage, later.
    gc.set_threshold(10_000, *gc.get_threshold()[1:])
    # Back in reach at exit, so that extension modules see their objects released (nanobind,
    # under DuckDB, reports frozen ones as leaked). Only then: the collection at exit would
    # otherwise walk every one of them (0.3 CPU s), for a process that never loaded DuckDB.
    atexit.register(_unfreeze_for_duckdb)


def _unfreeze_for_duckdb() -> None:
    if "_duckdb" in sys.modules:
        gc.unfreeze()


def _actors_in_use(actors, mentions, quotes, events, claims) -> tuple[Actor, ...]:
    used = {m.actor for m in mentions}
    used |= {q.speaker for q in quotes}
    for e in events:
        used |= {e.source, e.target, e.attributed_to}
    used |= {c.attributed_to for c in claims}
    return tuple(a for a in actors if a.id in used)


def process(
    cleaned: Iterable[CleanDocument], batch_size: int = 16
) -> Iterator[DocumentRecord | ExtractionError]:
    """Records for cleaned documents, in order; English ones are parsed in ``nlp.pipe`` batches.

    A document on which an extractor fails yields an :class:`ExtractionError` instead of a record.
    """
    batch: list[CleanDocument] = []
    for clean in cleaned:
        batch.append(clean)
        if len(batch) >= batch_size:
            yield from _process_batch(batch, batch_size)
            batch = []
    if batch:
        yield from _process_batch(batch, batch_size)


def _process_batch(
    batch: list[CleanDocument], batch_size: int
) -> Iterator[DocumentRecord | ExtractionError]:
    english = [c for c in batch if c.language == "en"]
    parsed = nlp.parse_many(((c.text, c.published) for c in english), batch_size=batch_size)
    by_position = {id(c): p for c, p in zip(english, parsed, strict=True)}
    for clean in batch:
        try:
            yield build_record(clean, by_position.get(id(clean)))
        except Exception as exc:  # an extractor bug must not cost the other documents
            yield ExtractionError(clean.source, f"extraction failed ({type(exc).__name__}: {exc})")
