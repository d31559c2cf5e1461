"""PLOVER events. PLACEHOLDER: being written."""

from __future__ import annotations

from collections.abc import Sequence

from relata.nlp import ParsedDocument
from relata.records import Event, Quote, TimeExpression
from relata.resolve.actors import DocumentActors


def extract_events(
    parsed: ParsedDocument,
    actors: DocumentActors,
    times: Sequence[TimeExpression],
    quotes: Sequence[Quote],
) -> tuple[Event, ...]:
    return ()
