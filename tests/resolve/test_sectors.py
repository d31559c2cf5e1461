"""relata.resolve.sectors: the CAMEO sector of every actor of a document. Our own sentences;
Samuel Okoro, Jane Wambui and Tendai Moyo are invented."""

from __future__ import annotations

from relata import nlp
from relata.mentions.entities import extract_entities
from relata.resolve.actors import resolve_actors


def sectors(text: str, published: str | None = "2024-05-16") -> dict[str, str | None]:
    parsed = nlp.parse(text, published)
    return {a.id: a.sector for a in resolve_actors(parsed, extract_entities(parsed)).actors}


def test_state_officials_have_the_sector_of_their_office():
    found = sectors("Russian President Vladimir Putin met Kenyan army chief Samuel Okoro, Kenyan police "
                    "chief Jane Wambui and Chief Justice Martha Koome of Kenya.")
    assert found["vladimir-putin"] == "GOV"  # the team's table: an office held in 2024
    assert found["samuel-okoro"] == "MIL"  # the title's role noun: army chief
    assert found["jane-wambui"] == "COP"
    assert found["martha-koome"] == "JUD"
    assert found["RUS"] is None and found["KEN"] is None  # a state has no sector


def test_a_phoenix_office_on_the_date_gives_the_sector():
    assert sectors("Vladimir Norov met Kanat Saudabayev in Astana.", "2010-03-01")["vladimir-norov"] == "GOV"
    assert sectors("Vladimir Norov met Kanat Saudabayev in Astana.", "2005-03-01")["vladimir-norov"] is None


def test_people_out_of_office_have_no_state_sector():
    found = sectors("Kenyan opposition leader Tendai Moyo met former president Uhuru Kenyatta.")
    assert found["tendai-moyo"] is None and found["uhuru-kenyatta"] is None


def test_international_officials_and_bodies():
    found = sectors("UN Secretary-General Antonio Guterres, MSF and NATO criticized Iraqi rebels and the Taliban.")
    assert (found["antonio-guterres"], found["un"], found["nato"], found["msf"]) == ("IGO", "IGO", "IGO", "NGO")
    assert found["iraqi-rebels"] == "REB"  # a group of a state: its noun's sector
    assert found["taliban"] == "REB"  # the Phoenix non-state table's


def test_state_bodies():
    found = sectors("The Russian Foreign Ministry and Venezuela's National Guard responded.")
    assert found["russia-mfa"] == "GOV"
    assert found["national-guard"] == "MIL"
