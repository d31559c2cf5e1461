"""Title descriptions and institution nouns resolved to the actor they point at."""

from __future__ import annotations


def resolved(actors, tok):
    actor = actors.resolve(tok)
    return actor.id if actor else None


def test_country_and_role_go_to_the_office_holder_named_in_the_document(analyse, token):
    parsed, actors = analyse("Xi Jinping met the press. Later the Chinese leader said trade would grow.")
    assert resolved(actors, token(parsed, "leader")) == "xi-jinping"


def test_office_holder_depends_on_the_publication_year(analyse, token):
    text = "Putin and Medvedev met. The Russian president said the economy was strong."
    parsed, actors = analyse(text, "2010-03-01")
    assert resolved(actors, token(parsed, "president")) == "dmitry-medvedev"
    parsed, actors = analyse(text, "2015-03-01")
    assert resolved(actors, token(parsed, "president")) == "vladimir-putin"


def test_role_from_the_text_itself(analyse, token):
    parsed, actors = analyse(
        "Pakistani foreign office spokeswoman Mumtaz Zahra Baloch spoke. The spokeswoman said Pakistan would act."
    )
    assert resolved(actors, token(parsed, "spokeswoman", 1)) == "mumtaz-zahra-baloch"


def test_role_without_a_holder_falls_back_to_the_organisation(analyse, token):
    parsed, actors = analyse("A spokesperson for the State Department said the talks had failed.")
    assert resolved(actors, token(parsed, "spokesperson")) == "us-state-department"


def test_role_without_a_holder_or_institution_falls_back_to_the_state(analyse, token):
    parsed, actors = analyse("Russia was quiet. The Russian foreign minister declined to comment.")
    assert resolved(actors, token(parsed, "minister")) == "RUS"


def test_bare_role_with_two_holders_gives_none(analyse, token):
    parsed, actors = analyse("Putin met Xi Jinping in Beijing. The president said little.")
    assert resolved(actors, token(parsed, "president")) is None


def test_title_before_a_name_resolves_through_the_name(analyse):
    parsed, actors = analyse("President Xi said the talks went well.")
    span = parsed.doc[0:2]
    assert actors.resolve(span).id == "xi-jinping"


def test_institution_noun_goes_back_to_the_named_organisation(analyse, token):
    parsed, actors = analyse("The State Department issued a warning. The department said travel was unsafe.")
    assert resolved(actors, token(parsed, "department")) == "us-state-department"


def test_government_of_a_named_state(analyse, token):
    parsed, actors = analyse("The Chinese government said it would help.")
    assert resolved(actors, token(parsed, "government")) == "CHN"


def test_unrelated_common_noun_gives_none(analyse, token):
    parsed, actors = analyse("Putin arrived. The weather said nothing, and the crowd cheered.")
    assert resolved(actors, token(parsed, "crowd")) is None
    assert resolved(actors, token(parsed, "weather")) is None


def test_title_word_resolves_through_the_name_it_hangs_on(analyse, token):
    parsed, actors = analyse("President Putin met President Xi Jinping.")
    assert resolved(actors, token(parsed, "President", 0)) == "vladimir-putin"
    assert resolved(actors, token(parsed, "President", 1)) == "xi-jinping"


def test_description_with_a_name_in_apposition(analyse, token):
    parsed, actors = analyse("The spokeswoman, Mumtaz Zahra Baloch, said Pakistan would act.")
    assert resolved(actors, token(parsed, "spokeswoman")) == "mumtaz-zahra-baloch"


def test_relative_pronoun_resolves_to_its_noun(analyse, token):
    parsed, actors = analyse("Putin, who spoke first, was tired.")
    assert resolved(actors, token(parsed, "who")) == "vladimir-putin"


def test_a_name_deeper_in_the_phrase_is_not_the_referent(analyse):
    parsed, actors = analyse("A spokesman for Putin declined to comment.")
    assert actors.resolve(parsed.doc[0:4]) is None or actors.resolve(parsed.doc[0:4]).id != "vladimir-putin"


def test_institution_noun_of_another_state_is_not_the_earlier_organisation(analyse, token):
    parsed, actors = analyse("The Russian Foreign Ministry said the truce held. "
                             "China's foreign ministry thanked Russia for its role.")
    assert resolved(actors, token(parsed, "ministry")) == "CHN"


def test_a_described_leader_of_one_state_is_not_a_titled_person_of_another(analyse, token):
    parsed, actors = analyse("The Chinese leader met President Putin in Moscow.")
    assert resolved(actors, token(parsed, "leader")) != "vladimir-putin"


def test_a_bloc_goes_back_to_the_intergovernmental_organisation(analyse, token):
    parsed, actors = analyse("The European Union met Chinese officials. The bloc later imposed tariffs.")
    assert resolved(actors, token(parsed, "bloc")) == "european-union"


def test_an_organisation_noun_without_the_is_no_reference(analyse, token):
    parsed, actors = analyse("NATO met in Vilnius. Turkey calls the groups terrorist organisations.")
    assert resolved(actors, token(parsed, "organisations")) is None
