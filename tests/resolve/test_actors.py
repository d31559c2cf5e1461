"""Mentions grouped into actors: states, organisations, known and unknown people."""

from __future__ import annotations

import pytest

from relata.records import Actor


def ids(actors) -> set[str]:
    return {a.id for a in actors.actors}


def test_state_names_demonyms_and_metonyms_map_to_the_state(analyse):
    parsed, actors = analyse(
        "The Kremlin said Russian troops left. Moscow denied it. Beijing and China agreed."
    )
    by_text = {m.text: m.actor for m in actors.mentions}
    assert by_text["Kremlin"] == "RUS"
    assert by_text["Russian"] == "RUS"
    assert by_text["Moscow"] == "RUS"
    assert by_text["Beijing"] == by_text["China"] == "CHN"
    russia = actors.get("RUS")
    assert russia == Actor("RUS", "Russia", "state", "RUS", russia.aliases)
    assert set(russia.aliases) >= {"Kremlin", "Russian", "Moscow"}


def test_known_person_variants_share_the_dictionary_id(analyse):
    parsed, actors = analyse(
        "Russian President Vladimir V. Putin arrived. President Putin spoke. Mr. Putin left."
    )
    people = [m for m in actors.mentions if m.label == "PERSON"]
    assert [m.actor for m in people] == ["vladimir-putin"] * 3
    putin = actors.get("vladimir-putin")
    assert (putin.name, putin.kind, putin.country) == ("Vladimir Putin", "person", "RUS")


def test_unknown_person_short_forms_join_the_full_name(analyse):
    parsed, actors = analyse("Cheng Chin-mo, a lawmaker, spoke first. Later Mr. Cheng said Cheng was tired.")
    people = {m.text: m.actor for m in actors.mentions if m.label == "PERSON"}
    assert set(people.values()) == {"cheng-chin-mo"}
    assert actors.get("cheng-chin-mo").name == "Cheng Chin-mo"


def test_unknown_person_country_from_title_and_apposition(analyse):
    _, actors = analyse("Pakistani foreign office spokeswoman Mumtaz Zahra Baloch spoke on Friday.")
    assert actors.get("mumtaz-zahra-baloch").country == "PAK"
    _, actors = analyse("Anna Petrova, a Russian diplomat and ambassador, spoke on Friday.")
    assert actors.get("anna-petrova").country == "RUS"


def test_an_untold_office_serves_the_state_of_its_clause_place(analyse):
    text = ("Kenya and Uganda traded accusations. In Kampala, government spokesman Joseph Okello dismissed "
            "the Kenyan protest.")
    _, actors = analyse(text)
    assert actors.get("joseph-okello").country == "UGA"
    # no place in the clause, two states in the story: nothing is assumed
    _, actors = analyse("Kenya and Uganda traded accusations. Government spokesman Joseph Okello dismissed it.")
    assert actors.get("joseph-okello").country is None


def test_two_bodies_of_one_name_are_two_actors_by_their_states(analyse):
    text = ("Russia's Defence Ministry said Georgian troops opened fire. Georgia's Defence Ministry "
            "rejected the account. The Defence Ministry said Russian units fired first.")
    _, actors = analyse(text)
    ministries = [m for m in actors.mentions if m.text == "Defence Ministry"]
    assert [actors.get(m.actor).country for m in ministries] == ["RUS", "GEO", "GEO"]
    assert len({m.actor for m in ministries}) == 2


def test_longest_name_wins_whatever_the_order(analyse):
    _, actors = analyse("Baloch spoke. Mumtaz Baloch agreed. Mumtaz Zahra Baloch left.")
    assert {m.actor for m in actors.mentions if m.label == "PERSON"} == {"mumtaz-zahra-baloch"}


def test_ids_are_deterministic_across_documents(analyse):
    _, first = analyse("Cheng Chin-mo met officials of the Acme Shipping Corporation in Taipei.")
    _, second = analyse("In Taipei, the Acme Shipping Corporation hosted Cheng Chin-mo.")
    assert ids(first) == ids(second)
    assert "TWN" in ids(first)


def test_ambiguous_short_name_stays_unresolved(analyse):
    _, actors = analyse("Kim spoke first. Later, Kim Jong Un and Kim Yo Jong appeared together.")
    first = next(m for m in actors.mentions if m.text == "Kim")
    assert first.actor is None


def test_mentions_and_aliases_point_into_the_text(analyse):
    text = "“Putin’s war,” said the U.S. envoy, angered the Chinese and the Americans’ allies."
    parsed, actors = analyse(text)
    for m in actors.mentions:
        assert parsed.text[m.start : m.end] == m.text
    by_text = {m.text: m.actor for m in actors.mentions}
    assert by_text.get("Putin") == "vladimir-putin"
    assert by_text.get("U.S.") == "USA"


@pytest.mark.parametrize("text", ["", "   \n\n  ", "!!! ??? ...", "he she they him her his"])
def test_hostile_inputs_give_no_actors_and_no_errors(analyse, text):
    parsed, actors = analyse(text)
    assert actors.actors == () or all(a.id for a in actors.actors)
    for t in parsed.doc:
        assert actors.resolve(t) is None


def test_at_returns_longest_overlapping_mention(analyse):
    parsed, actors = analyse("Russian President Vladimir Putin spoke.")
    start = parsed.text.index("Vladimir")
    assert actors.at(start, start + 3).id == "vladimir-putin"
    assert actors.at(0, len(parsed.text)).id == "vladimir-putin"
    assert actors.at(len(parsed.text), len(parsed.text)) is None


def test_topic_words_do_not_give_a_country(analyse):
    _, actors = analyse(
        "Cheng Chin-mo, a Russian and international affairs specialist at a university, spoke."
    )
    assert actors.get("cheng-chin-mo").country is None
    _, actors = analyse("China expert Jiang Feng said trade would grow.")
    assert actors.get("jiang-feng").country is None
    _, actors = analyse("Chinese dissident Wei Jingsheng said trade would shrink.")
    assert actors.get("wei-jingsheng").country == "CHN"


def test_mentions_given_in_any_form_are_tolerated(analyse, dictionary):
    from relata.records import EntityMention
    from relata.resolve.actors import resolve_actors

    parsed, _ = analyse("Putin  met Xi.")
    odd = [EntityMention(0, 6, "Putin ", "PERSON"), EntityMention(11, 13, "Xi", "PERSON")]
    actors = resolve_actors(parsed, odd, dictionary)
    assert [m.actor for m in actors.mentions] == ["vladimir-putin", "xi-jinping"]


def test_compounds_of_states_are_not_actors(analyse):
    _, actors = analyse("Sino-Russian ties and anti-American feeling grew, as did China-Russia trade.")
    assert not any("sino" in a.id or "anti" in a.id for a in actors.actors)


def test_person_named_like_a_place_gets_a_distinct_id(analyse, dictionary):
    from relata.records import EntityMention
    from relata.resolve.actors import resolve_actors

    parsed, _ = analyse("Jordan said Jordan would help.")
    mentions = [EntityMention(0, 6, "Jordan", "PERSON"), EntityMention(12, 18, "Jordan", "GPE")]
    actors = resolve_actors(parsed, mentions, dictionary)
    person, place = (m.actor for m in actors.mentions)
    assert person != place and actors.get(person).kind == "person"


def test_packaged_dictionary_end_to_end():
    from relata import nlp
    from relata.mentions.entities import extract_entities
    from relata.resolve.actors import resolve_actors

    parsed = nlp.parse(
        "The Kremlin said Russian President Vladimir Putin would meet NATO officials.", "2024-05-16"
    )
    actors = resolve_actors(parsed, extract_entities(parsed))
    by_text = {m.text: m.actor for m in actors.mentions}
    assert by_text["Kremlin"] == by_text["Russian"] == "RUS"
    assert by_text["Vladimir Putin"] == "vladimir-putin"
    assert by_text["NATO"] == "nato"


def test_short_form_of_an_unknown_organisation_joins_the_full_name(analyse):
    _, actors = analyse("The Harbin Daily Tribune broke the story. The Tribune said it stood by the report.")
    by_text = {m.text: m.actor for m in actors.mentions}
    assert by_text["Tribune"] == by_text["Harbin Daily Tribune"] == "harbin-daily-tribune"


def test_title_glued_to_a_name_is_not_part_of_it(analyse):
    _, actors = analyse("Evan MedeirosProfessor of Asian Studies spoke at the panel.")
    assert "Evan Medeiros" in {a.name for a in actors.actors if a.kind == "person"}


def test_epithet_before_a_known_name_is_not_part_of_it(analyse):
    _, actors = analyse("Critics mocked Tsar Vladimir Putin on Friday.")
    assert {m.text: m.actor for m in actors.mentions}.get("Tsar Vladimir Putin") == "vladimir-putin"


def test_short_name_with_a_gendered_honorific_skips_the_other_gender(analyse):
    _, actors = analyse("Maria Okafor and Thomas Okafor arrived. Later Mrs. Okafor spoke.")
    by_text = {m.text: m.actor for m in actors.mentions}
    assert by_text["Okafor"] == "maria-okafor"


def test_a_compound_surname_alone_is_the_person_named_in_full_before(analyse):
    parsed, actors = analyse("Iran's chief negotiator Ali Bagheri Kani rejected the criticism.\n\n"
                             '"Iran came to Vienna with a serious will," Bagheri Kani said.')
    people = [a for a in actors.actors if a.kind == "person"]
    assert [p.name for p in people] == ["Ali Bagheri Kani"]


def test_a_town_tagged_as_a_person_in_the_headline_is_the_town_the_story_places():
    """The small model tags "Beni" as a person in a headline and as a place below it: one name,
    one sense per story. A name after an honorific stays a person."""
    from relata import nlp
    from relata.mentions.entities import extract_entities
    from relata.resolve.actors import resolve_actors

    text = ("Uganda shelters 4,000 fleeing Beni as jets strike rebel positions\n\n"
            "Uganda opened its border to about 4,000 people fleeing fighting around the Congolese city "
            "of Beni on Sunday.")
    parsed = nlp.parse(text, "2024-03-01")
    actors = resolve_actors(parsed, extract_entities(parsed))
    beni = {m.actor for m in actors.mentions if m.text == "Beni"}
    assert len(beni) == 1 and actors.get(beni.pop()).kind == "location"
    assert not any(a.kind == "person" for a in actors.actors)

    parsed = nlp.parse("Mr. Beni met reporters. Fighting spread around the Congolese city of Beni.", "2024-03-01")
    actors = resolve_actors(parsed, extract_entities(parsed))
    assert any(a.kind == "person" for a in actors.actors)


def test_an_unknown_organisation_goes_by_the_short_name_it_is_given(analyse):
    _, actors = analyse(
        "The Electoral Commission of Zambia (ECZ) announced the count on Sunday. "
        "Observers said the ECZ had worked in the open.")
    by_text = {m.text: m.actor for m in actors.mentions}
    assert by_text["ECZ"] == "ecz"
    assert actors.get("ecz").name == "Electoral Commission of Zambia"
    assert "electoral-commission-of-zambia" not in ids(actors)


def test_a_town_tagged_as_an_organisation_after_in_is_a_place(analyse):
    _, actors = analyse("Hundreds of traders marched in Ndola on Friday against the new levy.")
    ndola = next(a for a in actors.actors if a.name == "Ndola")
    assert (ndola.kind, ndola.country) == ("location", "ZMB")


def test_a_town_the_tagger_calls_a_person_after_into_or_near_is_a_place(analyse):
    parsed, actors = analyse("Russian troops advanced into Kherson on Monday.")
    kherson = next(a for a in actors.actors if a.name == "Kherson")
    assert (kherson.kind, kherson.country) == ("location", "UKR")


def _full(text: str):
    """The pipeline's own dictionary (the demonyms of every state), not the fixture's."""
    from relata import nlp
    from relata.mentions.entities import extract_entities
    from relata.resolve.actors import resolve_actors
    parsed = nlp.parse(text, "2024-05-16")
    return parsed, resolve_actors(parsed, extract_entities(parsed))


def test_a_counterpart_the_tagger_calls_an_organisation_is_a_person_of_the_demonyms_state():
    parsed, actors = _full("Turkish Foreign Minister Hakan Fidan met his Kazakh counterpart Murat Nurtleu.")
    nurtleu = next(a for a in actors.actors if a.name == "Murat Nurtleu")
    assert (nurtleu.kind, nurtleu.country) == ("person", "KAZ")


def test_a_counterpart_holds_the_office_even_when_the_text_leaves_its_state_untold():
    parsed, actors = _full("Foreign Minister Battsetseg Batmunkh and her Kazakh counterpart Murat Nurtleu "
                             "signed six agreements in Ulaanbaatar.")
    nurtleu = next(a for a in actors.actors if a.name == "Murat Nurtleu")
    assert actors.acting_for(nurtleu).id == "KAZ"


def test_an_object_pronoun_no_named_person_answers_is_the_person_described_before_it():
    parsed, actors = _full("LA PAZ - Bolivia expelled a senior Peruvian diplomat on Wednesday, accusing him of "
                           "encouraging road blockades, the foreign ministry said.")
    him = next(t for t in parsed.doc if t.text == "him")
    assert actors.resolve(him, role_nouns=True).country == "PER"
