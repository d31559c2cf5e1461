"""Entity mentions: spaCy NER plus dictionary names, trimmed, without overlaps."""

from __future__ import annotations

from pathlib import Path

import pytest

from relata import nlp
from relata.mentions.dictionary import load_dictionary
from relata.mentions.entities import extract_entities

FIXTURE_ACTORS = Path(__file__).parent.parent / "fixtures" / "actors"


@pytest.fixture(scope="module")
def mentions():
    dictionary = load_dictionary(FIXTURE_ACTORS)

    def run(text: str):
        parsed = nlp.parse(text)
        found = extract_entities(parsed, dictionary)
        for m in found:
            assert parsed.text[m.start : m.end] == m.text
            assert 0 <= m.start < m.end <= len(parsed.text)
        assert list(found) == sorted(found, key=lambda m: m.start)
        assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
        return found

    return run


def texts(found, label=None):
    return [m.text for m in found if label is None or m.label == label]


def test_dictionary_fills_what_ner_misses(mentions):
    found = mentions("The Kremlin rejected the CCP statement and NATO stayed silent.")
    assert {"Kremlin", "CCP", "NATO"} <= set(texts(found))


def test_regions_of_the_places_table_fill_what_ner_misses(mentions):
    # the small tagger leaves "Somaliland" untagged here
    found = mentions("Ethiopia signed a memorandum of understanding with Somaliland in January.")
    assert "Somaliland" in texts(found, "GPE")


def test_a_states_possessive_opening_an_organisation_is_the_state():
    text = ("Azerbaijani troops opened fire on Armenian positions near the village of Sotk on Monday, wounding two "
            "soldiers, Armenia's Defence Ministry said, hours before the talks.")
    assert "Armenia's Defence Ministry" in [e.text for e in nlp.parse(text).doc.ents]  # the tagger's one name
    found = extract_entities(nlp.parse(text))  # the project's dictionary
    assert "Armenia" in texts(found, "GPE") and "Defence Ministry" in texts(found, "ORG")
    assert not any("'s" in m.text for m in found)


def test_leading_the_and_possessive_are_trimmed(mentions):
    found = mentions("The United States and Putin's allies met the Chinese Communist Party's leaders.")
    assert "United States" in texts(found)
    assert "Putin" in texts(found, "PERSON")
    assert "Chinese Communist Party" in texts(found)
    assert not any(t.lower().startswith("the ") or t.endswith("'s") for t in texts(found))


def test_honorifics_and_titles_are_not_part_of_person_names(mentions):
    found = mentions("Mr. Cheng met President Xi Jinping and Ms. Baloch on Monday.")
    people = texts(found, "PERSON")
    assert "Xi Jinping" in people
    assert not any(p.startswith(("Mr", "Ms", "President")) for p in people)


def test_demonyms_are_norp(mentions):
    found = mentions("Chinese and Russian officials met Pakistani diplomats.")
    assert set(texts(found, "NORP")) >= {"Chinese", "Russian", "Pakistani"}


def test_person_joined_by_and_is_split(mentions):
    found = mentions("Putin and Xi Jinping Each Gets What They Need")
    assert {"Putin", "Xi Jinping"} <= set(texts(found, "PERSON"))


def test_no_mention_runs_across_a_line_break(mentions):
    found = mentions("Talks in Beijing\nRussia responded")
    assert all("\n" not in m.text for m in found)


def test_lowercase_spans_are_not_names(mentions):
    found = mentions("the kremlin and the white house and nato said nothing.")
    assert all(any(c.isupper() for c in m.text) for m in found)


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "'s 's the the", "((((", "中国和俄罗斯"])
def test_hostile_inputs(mentions, text):
    mentions(text)


def test_default_dictionary_runs():
    parsed = nlp.parse("Putin visited Beijing.")
    assert all(parsed.text[m.start : m.end] == m.text for m in extract_entities(parsed))


def test_headline_words_are_cut_from_person_names(mentions):
    found = mentions("Will Xi’s Support for Putin Cost His Third Term?\nJiang Feng: Politically, it matters.")
    people = texts(found, "PERSON")
    assert "Xi" in people and "Jiang Feng" in people
    assert not any(p.startswith("Will") or ":" in p for p in people)


def test_names_given_once_are_found_again(mentions):
    found = mentions(
        "Mike Pence spoke first.\nWALLACE: Governor?\nPENCE: Thank you. Later Pence left, as pence are coins."
    )
    people = texts(found, "PERSON")
    assert people.count("Mike Pence") == 1
    assert "PENCE" in people and "Pence" in people
    assert "pence" not in people


def test_bracketed_acronym_is_not_part_of_the_name(mentions):
    found = mentions("The U.S. Department of Agriculture (USDA) said exports rose.")
    assert "U.S. Department of Agriculture" in texts(found)


def test_a_dateline_is_not_part_of_the_name_after_it(mentions):
    found = mentions("BRUSSELS - European Union governments on Friday adopted new sanctions.")
    assert "European Union" in texts(found)
    assert not any("BRUSSELS" in t and "Union" in t for t in texts(found))
    assert "Al-Shabaab" in texts(mentions("Officials said Al-Shabaab claimed the attack."))
    # the mention may start after the dateline's place, at its country
    found = mentions("Title\n\nHONIARA, Solomon Islands - The Solomon Islands government on Thursday "
                     "suspended a policing mission.")
    assert not any(" - " in t for t in texts(found)), texts(found)


def test_a_demonym_and_portfolio_before_a_title_are_no_organisation():
    text = '"It is a partner we cannot lose," said Brazilian Trade Secretary Marina Duarte in Brasilia.'
    found = extract_entities(nlp.parse(text))  # the packaged dictionary: its titles and demonyms
    assert "Brazilian Trade" not in texts(found)
    assert ("Brazilian", "NORP") in {(m.text, m.label) for m in found}


def test_a_capitalised_function_word_can_open_a_name_after_a_comma():
    parsed = nlp.parse("Foreign Minister Parnpree said he had asked the junta's foreign minister, Than Swe, "
                       "for urgent talks, but Than Swe declined to meet him.", "2024-05-16")
    assert "Than Swe" in [m.text for m in extract_entities(parsed) if m.label == "PERSON"]


def test_a_weapon_model_is_no_organisation_its_demonym_names_the_state():
    parsed = nlp.parse("Turkish F-16 jets violated Greek airspace on Tuesday.", "2024-05-16")
    found = [(m.text, m.label) for m in extract_entities(parsed)]
    assert ("Turkish", "NORP") in found and not any(label == "ORG" for _, label in found)


def test_a_dictionary_name_in_lower_case_is_found_capitalised_at_a_sentence_start():
    parsed = nlp.parse("NAIROBI - Al-Shabaab militants attacked a convoy.", "2024-05-16")
    assert "Al-Shabaab" in [m.text for m in extract_entities(parsed)]


def test_a_disease_is_no_entity():
    parsed = nlp.parse("China accused the United States of spreading COVID-19.", "2024-05-16")
    assert "COVID-19" not in [m.text for m in extract_entities(parsed)]
