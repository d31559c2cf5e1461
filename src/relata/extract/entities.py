"""Named-entity mentions from the parse. FIRST VERSION: spaCy's NER labels as they are."""

from __future__ import annotations

from relata.nlp import ParsedDocument
from relata.records import EntityMention

LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}


def extract_entities(parsed: ParsedDocument) -> tuple[EntityMention, ...]:
    return tuple(
        EntityMention(e.start_char, e.end_char, e.text, e.label_, None)
        for e in parsed.doc.ents
        if e.label_ in LABELS
    )
