"""Organisation names written again in short (resolve/organization_names.py), through the resolver."""

from __future__ import annotations


def test_acronym_defined_in_text_joins_its_full_name(analyse):
    _, actors = analyse(
        "The Federation of Pacific Fishers (FPF) protested. The FPF said it would strike again."
    )
    orgs = {m.text: m.actor for m in actors.mentions if m.label == "ORG"}
    assert orgs.get("FPF") == orgs.get("Federation of Pacific Fishers")


def test_an_acronym_never_defined_is_the_organisation_whose_initials_it_spells(analyse):
    _, actors = analyse("Fighters of the Arakan Liberation Party attacked a post. "
                        "The ALP's commander said the post had fallen.")
    by_text = {m.text: m.actor for m in actors.mentions}
    assert by_text["ALP"] == by_text["Arakan Liberation Party"]



def test_the_last_words_of_a_name_given_before_are_that_organisation(analyse):
    _, actors = analyse("Reporters for The Lima Evening Journal asked questions. The Journal said it would publish.")
    by_text = {m.text: m.actor for m in actors.mentions if m.label == "ORG"}
    assert by_text.get("Journal") == by_text["Lima Evening Journal"]
