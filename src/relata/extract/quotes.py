"""Quotes and their speakers. PLACEHOLDER: being written."""

from __future__ import annotations

from relata.nlp import ParsedDocument
from relata.records import Quote
from relata.resolve.actors import DocumentActors


def extract_quotes(parsed: ParsedDocument, actors: DocumentActors) -> tuple[Quote, ...]:
    return ()
