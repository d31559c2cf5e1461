"""Quotation-mark scanning: styles, apostrophes, multi-paragraph quotes, unbalanced marks."""

from __future__ import annotations

import time

from relata.relations.quote_marks import find_quoted_spans


def _texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in find_quoted_spans(text)]


def test_double_quotes_straight_and_curly():
    assert _texts('He said "we are ready" and “so are they”.') == ["we are ready", "so are they"]


def test_single_quotes_are_not_apostrophes():
    text = "The farmers' union called it 'a betrayal' and didn't back down."
    assert _texts(text) == ["a betrayal"]


def test_guillemets_and_corner_brackets():
    assert _texts("Il a dit «non merci» puis 「好的」 et 『是』.") == ["non merci", "好的", "是"]


def test_nested_quotes_stay_inside_the_outer_one():
    assert _texts("“He told me ‘never again’ twice,” she said.") == ["He told me ‘never again’ twice,"]


def test_multi_paragraph_quote_gives_one_span_per_paragraph():
    text = "“The first paragraph has no closing mark.\n\n“The second one closes,” she said."
    spans = find_quoted_spans(text)
    assert [text[s.start:s.end] for s in spans] == [
        "The first paragraph has no closing mark.", "The second one closes,"]
    assert spans[0].continued and spans[1].continuation


def test_unbalanced_mark_is_ignored():
    assert _texts('An opening " mark that never closes.\n\nNext paragraph.') == []


def test_linear_time_on_a_large_input():
    text = ('“A quote,” he said. An "unclosed mark and an apostrophe\'s tail. ' * 20000)[:1_000_000]
    started = time.perf_counter()
    find_quoted_spans(text)
    assert time.perf_counter() - started < 5


def test_closing_mark_typed_as_opener_at_a_paragraph_start():
    text = "Readers wrote in.\n\n”Fear. I am truly afraid of the vote.” ― Ana Ruiz"
    assert _texts(text) == ["Fear. I am truly afraid of the vote."]


def test_closing_mark_inside_a_paragraph_does_not_open():
    assert _texts("The word” was left over and ”nothing” else.") == []


def test_a_paragraph_of_only_quotation_marks():
    assert _texts("“”“”\"\"''‘’«»\n\n\"\"\"\"\n\n”“”“") == []


def test_five_thousand_word_quotation_is_one_span():
    body = " ".join(["word"] * 5000)
    assert _texts(f"She said: “{body}.” Then she left.") == [body + "."]


def test_nested_and_unbalanced_marks_together():
    text = "“He said ‘we will never stop’ and left,” she said. An open “ mark. ‘Also unclosed."
    assert _texts(text) == ["He said ‘we will never stop’ and left,"]


def test_nested_quotation_with_the_same_marks():
    text = "“I’d rather live in what he calls “hell” than live under him.” ― Ana Ruiz"
    assert _texts(text) == ["I’d rather live in what he calls “hell” than live under him."]


def test_unbalanced_nesting_ends_at_the_first_close():
    assert _texts("“He said “yes.” Then he left.") == ["He said “yes."]
