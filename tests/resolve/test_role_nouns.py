"""relata.resolve.role_nouns: role nouns without a name take a country from the phrase, the
clause, the sentence, the dateline or the story, and a sector from the agents tables. Our own
sentences."""

from __future__ import annotations

import pytest

from relata import nlp
from relata.mentions.entities import extract_entities
from relata.resolve.actors import resolve_actors
from relata.resolve.role_nouns import dateline_country, role_sector


def role(text: str, word: str, published: str | None = "2024-05-16", occurrence: int = 0):
    parsed = nlp.parse(text, published)
    actors = resolve_actors(parsed, extract_entities(parsed))
    token = [t for t in parsed.doc if t.text == word][occurrence]
    return actors, actors.resolve(token, role_nouns=True)


@pytest.mark.parametrize(("text", "word", "country", "sector"), [
    ("Thai police detained two activists on Sunday.", "police", "THA", "COP"),  # phrase: demonym
    ("Venezuela's National Guard fired on the crowd.", "Guard", "VEN", "MIL"),  # possessive, a name
    ("Police in Kisumu arrested 20 people.", "Police", "KEN", "COP"),  # after: a town in Kenya
    ("The army of Chad withdrew from the town.", "army", "TCD", "MIL"),
    ("Police fired tear gas in Nairobi on Tuesday.", "Police", "KEN", "COP"),  # the clause's place
    ("Egyptian police opened fire to disperse demonstrators.", "demonstrators", "EGY", "OPP"),  # sentence
    ("NAIROBI - Police said rebels attacked a convoy on the highway.", "rebels", "KEN", "REB"),  # dateline
    ("Ghana recalled its envoy. Later the opposition rejected the decision.", "opposition", "GHA", "OPP"),
    ("The coast guard seized a fishing boat off Sri Lanka.", "guard", "LKA", "MIL"),
    ("The junta in Niger banned protests in Niamey.", "junta", "NER", "GOV"),
    ("Security forces detained 40 rioters in Osh.", "forces", "KGZ", "COP"),
    # the tagger's "organisation" at the start of a sentence or after a dateline is a role noun
    ("WARSAW - Protesters rallied outside the parliament on Monday.", "Protesters", "POL", "OPP"),
    ("WARSAW - Farmers blocked roads on Monday, demanding curbs on Ukrainian grain.", "Farmers", "POL", "AGR"),
    # an amount of people: the other party of the clause is not theirs
    ("LA PAZ - Hundreds of truck drivers blocked the border crossing with Chile on Tuesday.", "drivers", "BOL", "LAB"),
])
def test_a_role_noun_takes_a_country_and_a_sector(text, word, country, sector):
    _, actor = role(text, word)
    assert actor is not None, text
    assert (actor.country, actor.sector) == (country, sector)


def test_state_agents_act_for_their_state_others_do_not():
    actors, police = role("Thai police detained two activists on Sunday.", "police")
    assert (police.id, police.name, police.kind) == ("thai-police", "Thai police", "organization")
    assert actors.acting_for(police).id == "THA"
    actors, rebels = role("NAIROBI - Police said rebels attacked a convoy on the highway.", "rebels")
    assert (rebels.kind, rebels.name) == ("group", "Kenyan rebels")
    assert actors.acting_for(rebels) is rebels


def test_unnamed_sources_stay_unnamed_for_quotes():
    parsed = nlp.parse("Thai police said two activists were detained.", "2024-05-16")
    actors = resolve_actors(parsed, extract_entities(parsed))
    police = next(t for t in parsed.doc if t.text == "police")
    assert actors.resolve(police) is None
    assert actors.resolve(police, role_nouns=True).id == "thai-police"


@pytest.mark.parametrize(("text", "word"), [
    ("Militants fired rockets into Israel.", "Militants"),  # the other party is not their country
    ("Rebels attacked a convoy.", "Rebels"),  # no country anywhere
    ("Colombian and Venezuelan police raided a warehouse.", "police"),  # two countries: the coder lists them
    ("Police in Colombia and Venezuela raided warehouses.", "Police"),
    ("Kenyan and Ugandan officials met as police watched the crowd.", "police"),  # ambiguous sentence
    ("Hamas militants fired rockets.", "militants"),  # a named group owns the phrase
    ("Thailand deployed additional troops along the river.", "troops"),  # its own instrument
    ("Moscow declined to send soldiers.", "soldiers"),  # the subject of "send" is Moscow
    ("The defence minister in Abidjan ordered troops to the border.", "troops"),  # an unnamed official's
    ("Syria agreed to withdraw its troops from Lebanon.", "troops"),  # a pronoun's own agents
    ("President Samuel Okoro of Ghana met the press.", "President"),  # a title of a name
])
def test_no_country_no_role_actor(text, word):
    actors, actor = role(text, word)
    assert actor is None or not actors.unnamed(actor), (text, actor)


def test_a_title_two_people_hold_is_left_alone():
    # after two presidents met, "the president" is neither; the story's country must not decide
    _, actor = role("Putin met Xi Jinping in Beijing. The president said little.", "president")
    assert actor is None


def test_role_sector_reads_relatas_table_first():
    assert role_sector("opposition") == "OPP"  # Relata's own row: the agents table has compounds only
    assert role_sector("riot police") == "COP"
    assert role_sector("people") is None  # a generic noun names no role
    assert role_sector("teapot") is None


@pytest.mark.parametrize(("text", "country"), [
    ("NAIROBI - Police said.", "KEN"),
    ("MAE SOT, Thailand - Police said.", "THA"),  # the region after the place
    ("SAO PAULO -- Police said.", "BRA"),  # a city of the gazetteer
    ("No dateline here - police said.", None),
])
def test_dateline_country_without_the_coordinates_gazetteer(text, country):
    parsed = nlp.parse(text, "2024-05-16")
    actors = resolve_actors(parsed, extract_entities(parsed))
    assert dateline_country(actors._index, text) == country


def test_counted_role_nouns_refer_back():
    # "the two ministers" are the two named before, not a country's ministers by the dateline
    _, actor = role("BERLIN - Boris Pistorius met Sebastien Lecornu. The two ministers agreed to "
                    "create a single company.", "ministers")
    assert actor is None


def test_members_of_a_body_named_before_are_of_its_country():
    text = ("The Mauritanian coast guard seized 14 Senegalese canoes. Several of the fishermen were beaten by "
            "coast guard officers during the arrest.")
    _, actor = role(text, "officers")
    assert actor is not None and actor.country == "MRT" and actor.sector == "MIL"


def test_what_a_participle_on_the_noun_acts_on_is_another_party():
    _, actor = role("Police arrested farmers protesting against Ukrainian imports.", "farmers")
    assert actor is None or actor.country != "UKR"


def test_an_embassy_a_crowd_gathers_at_is_another_party():
    _, actor = role("MANILA - Hundreds of fishermen rallied outside the Chinese embassy on Wednesday.", "fishermen")
    assert actor is not None and actor.country == "PHL"


def test_the_same_noun_again_is_the_named_body_before():
    text = "KINSHASA - Congo accused Rwanda of backing M23 rebels. The rebels entered Kibumba on Tuesday."
    _, actor = role(text, "rebels", occurrence=1)
    assert actor is not None and actor.id == "m23"


def test_the_same_noun_again_is_the_group_named_before():
    text = ("BOGOTA - Fourteen Colombian truck drivers were detained by Venezuela's National Guard. Venezuela "
            "later freed the oldest of the detained drivers. Venezuelan Foreign Minister Yvan Gil denied that "
            "any of the drivers had been mistreated.")
    _, actor = role(text, "drivers", occurrence=2)
    assert actor is not None and actor.country == "COL"
    # a phrase that says whose keeps its own country
    _, actor = role("Colombian drivers were detained. Venezuelan drivers protested.", "drivers", occurrence=1)
    assert actor is not None and actor.country == "VEN"
    # two groups named before with the noun: the nearer one
    text = ("Uganda detained 12 Kenyan fishermen on Monday. Tanzania detained 23 Malawian fishermen on Tuesday. "
            "Tanzanian police released the fishermen on Friday.")
    _, actor = role(text, "fishermen", occurrence=2)
    assert actor is not None and actor.country == "MWI"


def test_a_named_group_before_the_noun_is_no_role_noun_of_the_dateline():
    actors, actor = role("NAIROBI - Al-Shabaab militants attacked a convoy.", "militants")
    assert actor is None or actor.id == "al-shabaab"
    assert not any(a.id.startswith("nairobi") or a.id == "kenyan-militants" for a in actors.actors)
