"""Mention text -> dictionary actor: exact normalised lookup, then a strict fuzzy match."""

from __future__ import annotations

from relata.mentions.names import name_key, slug, without_initials
from relata.resolve.matching import match_known


def known_id(text, label, dictionary):
    actor = match_known(text, label, dictionary)
    return actor.id if actor else None


def test_name_key_normalises_surface_variants():
    assert name_key("the U.S.") == name_key("US") == "us"
    assert name_key("Putin’s") == name_key("Putin's") == "putin"
    assert without_initials(name_key("Vladimir V. Putin")) == "vladimir putin"


def test_name_key_of_plain_names_and_of_names_needing_rewriting():
    """Plain ASCII names take a short path; the keys are those of the full normalisation."""
    assert name_key("  New   York ") == "new york"
    assert name_key("Theodore Roosevelt") == "theodore roosevelt"  # "the" only as a word
    assert name_key("The Hague") == name_key("THE\tHague") == "hague"
    assert name_key("Côte d’Ivoire") == "côte d'ivoire"
    assert name_key("St. Petersburg, Florida") == "st petersburg florida"
    assert name_key("back`tick") == "back'tick"


def test_slug_is_ascii_and_stable():
    assert slug("Cheng Chin-mo") == "cheng-chin-mo"
    assert slug("José Ramos-Horta") == "jose-ramos-horta"
    assert slug("O’Brien") == "obrien"
    assert slug("???") == "actor"


def test_exact_forms_by_label(dictionary):
    assert known_id("the Kremlin", "ORG", dictionary) == "RUS"
    assert known_id("Russian", "NORP", dictionary) == "RUS"
    assert known_id("CCP", "ORG", dictionary) == "ccp"
    assert known_id("Vladimir V. Putin", "PERSON", dictionary) == "vladimir-putin"
    assert known_id("Joseph R. Biden", "PERSON", dictionary) == "joe-biden"


def test_label_restricts_kind(dictionary):
    assert known_id("Georgia", "GPE", dictionary) == "GEO"
    assert known_id("Georgia", "PERSON", dictionary) is None
    assert known_id("Putin", "GPE", dictionary) is None


def test_transliteration_variants_match_fuzzily(dictionary):
    assert known_id("Sergei Lavrov", "PERSON", dictionary) == "sergey-lavrov"
    assert known_id("Vladimir Poutine", "PERSON", dictionary) == "vladimir-putin"


def test_fuzzy_match_is_strict(dictionary):
    assert known_id("Vladimir Potanin", "PERSON", dictionary) is None
    assert known_id("Xi", "PERSON", dictionary) == "xi-jinping"
    assert known_id("Xu", "PERSON", dictionary) is None
    assert known_id("", "PERSON", dictionary) is None


def test_shared_surname_is_ambiguous(dictionary):
    assert known_id("Kim", "PERSON", dictionary) is None


def test_slug_collapses_initialisms():
    assert slug("U.S. Department of Agriculture") == "us-department-of-agriculture"


def test_a_place_label_may_name_an_armed_group_the_dictionary_knows():
    from relata.mentions.dictionary import load_dictionary
    full = load_dictionary()
    assert known_id("M23", "GPE", full) == "m23"
    assert known_id("Rwanda", "GPE", full) == "RWA"
