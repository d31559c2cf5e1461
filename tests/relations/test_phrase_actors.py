"""Who a noun phrase names (relata.relations.phrase_actors), on our own sentences."""

from __future__ import annotations

from relata import nlp
from relata.mentions.entities import extract_entities
from relata.relations.phrase_actors import np_actors
from relata.resolve.actors import resolve_actors


def actors_of(text: str, word: str) -> list[str]:
    parsed = nlp.parse(text, published="2024-05-16")
    actors = resolve_actors(parsed, extract_entities(parsed))
    token = next(t for t in parsed.doc if t.text == word)
    return [a.id for a in np_actors(token, actors)]


def test_coordinated_modifiers_and_of_phrases_give_every_actor():
    assert actors_of("Hungarian and Romanian officials met on Monday.", "officials") == ["HUN", "ROU"]
    assert actors_of("Officials from India and Pakistan met on Monday.", "Officials") == ["IND", "PAK"]


def test_the_place_of_an_agreement_is_no_party_but_a_possessor_is():
    assert actors_of("Russia tore up the Minsk agreement.", "agreement") == []
    assert actors_of("Ukraine rejected Russia's proposal.", "proposal") == ["RUS"]


def test_a_stance_names_no_actor_of_the_phrase():
    assert "UKR" not in actors_of("Pro-Kyiv forces shelled the town.", "forces")


def test_a_first_name_hung_on_a_second_is_a_party_too():
    found = actors_of("Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti will meet "
                      "in Brussels.", "Kurti")
    assert len(found) == 2


def test_a_dateline_is_no_modifier_and_a_group_name_before_its_noun_is_the_actor():
    # the small model hangs "Al-Shabaab" on the dateline and the dateline on "militants"
    assert actors_of("NAIROBI - Al-Shabaab militants attacked a convoy.", "militants") == ["al-shabaab"]
