"""Who acts for a state, unnamed groups with a country, and countries read from names: the
packaged dictionary, our own sentences and invented people."""

from __future__ import annotations

from relata import nlp
from relata.mentions.dictionary import load_dictionary
from relata.mentions.entities import extract_entities
from relata.resolve.actors import resolve_actors
from relata.resolve.agency import acting_organization, acting_state, is_state_organ, private_qualifier
from relata.resolve.nationality import country_in_name


def analyse(text: str, published: str | None = "2024-05-16"):
    parsed = nlp.parse(text, published)
    return parsed, resolve_actors(parsed, extract_entities(parsed))


def test_officials_act_for_their_state_and_others_do_not():
    _, actors = analyse("Chinese Foreign Minister Li Wen met Russian scholar Ivan Petrov and "
                        "Kenyan opposition leader Tendai Moyo.")
    assert actors.acting_for(actors.get("li-wen")).id == "CHN"
    assert actors.acting_for(actors.get("ivan-petrov")).id == "ivan-petrov"
    assert actors.acting_for(actors.get("tendai-moyo")).id == "tendai-moyo"


def test_dictionary_office_needs_the_publication_year():
    _, actors = analyse("Xi Jinping spoke.", published="2024-05-16")
    assert actors.acting_for(actors.get("xi-jinping")).id == "CHN"
    _, actors = analyse("Xi Jinping spoke.", published="2005-01-01")  # before his presidency
    assert actors.acting_for(actors.get("xi-jinping")).id == "xi-jinping"


def test_organ_and_qualifier_words():
    assert is_state_organ("Russian Defence Ministry") and is_state_organ("People's Liberation Army")
    assert not is_state_organ("Kurdistan Workers' Party")
    assert private_qualifier(["former", "president"]) and not private_qualifier(["Chinese", "President"])


def test_country_inside_an_unknown_name():
    dictionary = load_dictionary()
    assert country_in_name("Latvian Constitutional Court", dictionary) == "LVA"
    assert country_in_name("Bosnian Serbs", dictionary) == "BIH"  # the leading word says whose
    assert country_in_name("Green Valley Farmers", dictionary) is None


def test_demonym_before_an_unknown_group_gives_its_country():
    _, actors = analyse("Thousands of Iraqi Kurds marched on Sunday.")
    assert actors.get("kurds").country == "IRQ"


def test_sector_noun_groups_are_group_actors_with_a_country():
    parsed, actors = analyse("Iraqi rebels clashed with Iraqi police.")
    rebels = actors.resolve(next(t for t in parsed.doc if t.text == "rebels"))
    assert (rebels.kind, rebels.country) == ("group", "IRQ")
    assert rebels.sector == "REB" and actors.acting_for(rebels) is rebels
    police_token = next(t for t in parsed.doc if t.text == "police")
    assert actors.resolve(police_token) is None  # unnamed: no one a quote could be given to
    police = actors.resolve(police_token, role_nouns=True)  # an event's argument
    # a state's own agents are no group: a body of the state, acting for it, with its sector
    assert (police.kind, police.country, police.sector) == ("organization", "IRQ", "COP")
    assert actors.acting_for(police).id == "IRQ"


def test_untitled_office_takes_the_only_state_named():
    _, actors = analyse("President Samuel Okoro spoke to Nigerian farmers.")
    assert actors.get("samuel-okoro").country == "NGA"
    _, actors = analyse("President Samuel Okoro spoke to Nigerian and Ghanaian farmers.")
    assert actors.get("samuel-okoro").country is None


def test_a_head_of_several_states_acts_for_his_own():
    from tests.relations.test_events import events_of
    found = {(e.type, e.source, e.target) for e in events_of("King Charles III criticized Russia on Monday.")[0]}
    assert ("ACCUSE", "GBR", "RUS") in found


def test_a_year_two_offices_share_goes_by_the_title_the_text_gives():
    # Mark Rutte: prime minister of the Netherlands until mid-2024, NATO Secretary General after
    text = ("NATO said it would step up surveillance. Secretary General Mark Rutte met Finnish President "
            "Alexander Stubb in Helsinki on Thursday.")
    parsed = nlp.parse(text, "2024-11-21")
    actors = resolve_actors(parsed, extract_entities(parsed))
    rutte = actors.get("mark-rutte")
    assert acting_state(actors._index, rutte) is None
    assert acting_organization(actors._index, rutte) == "nato"
    parsed = nlp.parse("Dutch Prime Minister Mark Rutte met Finnish President Sauli Niinisto.", "2024-03-02")
    actors = resolve_actors(parsed, extract_entities(parsed))
    assert acting_state(actors._index, actors.get("mark-rutte")) == "NLD"
