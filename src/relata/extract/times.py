"""Time expressions normalised to TIMEX3 values. PLACEHOLDER: being written."""

from __future__ import annotations

from relata.nlp import ParsedDocument
from relata.records import TimeExpression


def extract_times(parsed: ParsedDocument) -> tuple[TimeExpression, ...]:
    return ()
