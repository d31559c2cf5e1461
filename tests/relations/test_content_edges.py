"""Content edges: where a reported-speech content starts and ends."""

from __future__ import annotations

from relata import nlp
from relata.relations.content_edges import out_of_heading


def test_a_heading_cue_never_takes_its_content_from_the_text_after_it():
    text = "EVEN THE MAYOR’S DRIVER THINKS HE’S FULL OF HOT AIR — The head of the transport board agreed."
    doc = nlp.parse(text).doc
    thinks = next(t for t in doc if t.text == "THINKS")
    after = doc.char_span(text.index("The head"), text.index(" agreed"))
    heading = doc.char_span(text.index("HE’S"), text.index(" —"))
    assert out_of_heading(thinks, after)
    assert not out_of_heading(thinks, heading)
