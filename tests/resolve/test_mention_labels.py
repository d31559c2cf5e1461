"""What a tagged name really is (relata.resolve.mention_labels), on our own sentences."""

from __future__ import annotations

from relata import nlp
from relata.mentions.dictionary import load_dictionary
from relata.resolve.mention_labels import (
    common_words_capitalised,
    head_label,
    in_a_named_place,
    named_after_a_title,
)


def span(text: str, words: str):
    doc = nlp.parse(text, "2024-05-16").doc
    first = words.split()[0]
    start = next(t.i for t in doc if t.text == first)
    return doc[start:start + len(words.split())]


def test_a_role_noun_or_amount_after_a_dateline_is_no_name():
    dictionary = load_dictionary()
    assert common_words_capitalised(span("WARSAW - Farmers rallied outside the parliament.", "Farmers"),
                                    "Farmers", dictionary)
    assert common_words_capitalised(span("LA PAZ - Hundreds of drivers blocked the road.", "Hundreds"),
                                    "Hundreds", dictionary)
    assert not common_words_capitalised(span("Officials said Farmers Bank had closed.", "Farmers Bank"),
                                        "Farmers Bank", dictionary)


def test_a_name_right_after_a_title_is_a_person_unless_an_institution_word_says_otherwise():
    assert named_after_a_title(span("Fidan met his Kazakh counterpart, Murat Nurtleu.", "Murat Nurtleu"))
    assert not named_after_a_title(span("Fidan met his counterpart at Halyk Bank.", "Halyk Bank"))


def test_facilities_documents_and_towns_after_a_preposition_of_place():
    assert head_label("Simon Bolivar International Bridge") == "FAC"
    assert head_label("Reciprocal Access Agreement") == "LAW"
    assert head_label("Bridge") is None
    assert in_a_named_place(span("Russian troops advanced into Kherson on Monday.", "Kherson"))
    assert in_a_named_place(span("Russia pulled its forces out of Kherson.", "Kherson"))
    assert not in_a_named_place(span("Russian troops met Kherson officials.", "Kherson"))
