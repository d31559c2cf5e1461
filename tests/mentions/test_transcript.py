"""Transcript lines ``Name: text``."""

from __future__ import annotations

from relata.mentions.transcript import find_transcript_lines


def _lines(text: str, known=lambda label: False):
    return [(line.label, text[line.start:line.end], line.questioner)
            for line in find_transcript_lines(text, known)]


def test_repeated_speakers_make_a_transcript():
    text = "ANNA BERG: We start tonight in Oslo.\nQ: What did you see?\nANNA BERG: Long queues."
    assert _lines(text) == [
        ("ANNA BERG", "We start tonight in Oslo.", False),
        ("Q", "What did you see?", True),
        ("ANNA BERG", "Long queues.", False),
    ]


def test_header_fields_are_not_speakers():
    text = "Release Date: May 18, 2024\n\nTopic: Trade talks resume\n\nNote: corrected on Friday."
    assert _lines(text) == []


def test_a_single_line_counts_when_the_label_names_a_known_person():
    text = "Mr. Lund: We will not resign.\n\nThe meeting ended late."
    assert _lines(text, known=lambda label: label == "Mr. Lund") == [("Mr. Lund", "We will not resign.", False)]


def test_quoted_transcript_line_loses_its_marks():
    text = '"KARL: We are live.\n\n"KARL: Still live."'
    assert [t for _, t, _ in _lines(text)] == ["We are live.", "Still live."]


def test_clock_times_and_sentences_with_colons_are_not_labels():
    text = "The vote starts at 10:30 today.\n\nHe said: nothing changes.\n\nHe said: nothing at all."
    assert _lines(text) == []


def test_role_label_naming_its_speaker_gives_the_role_that_name():
    text = ("HOST (Maya Collins): Welcome back.\nERIK LINDQVIST: Thank you.\n"
            "HOST: Is that realistic?\nERIK LINDQVIST: Not now.")
    lines = find_transcript_lines(text)
    hosts = [(text[line.start:line.end], line.named) for line in lines if line.label == "HOST"]
    assert hosts == [("Welcome back.", "Maya Collins"), ("Is that realistic?", "Maya Collins")]
    assert text[lines[0].named_start:].startswith("Maya Collins)")


def test_bracket_that_is_not_a_name_is_no_label():
    assert _lines("Note (updated): the figures were revised on Friday.") == []
