"""Loading the actor tables: columns by header, offices with dates, tolerant of gaps."""

from __future__ import annotations

from relata.mentions.dictionary import Office, load_dictionary


def test_fixture_tables_load(dictionary):
    assert dictionary.actors["RUS"].kind == "state"
    assert dictionary.actors["ccp"].country == "CHN"
    assert dictionary.actors["hamas"].kind == "group"
    putin = dictionary.actors["vladimir-putin"]
    assert putin.gender == "m"
    assert Office("prime_minister", "RUS", 2008, 2012) in putin.offices


def test_offices_by_year(dictionary):
    assert [a.id for a in dictionary.office_holders("president", "RUS", 2010)] == ["dmitry-medvedev"]
    assert [a.id for a in dictionary.office_holders("president", "RUS", 2020)] == ["vladimir-putin"]
    assert Office("president", "RUS", 2012, None).held_in(None)
    assert not Office("president", "RUS", 2008, 2012).held_in(None)


def test_titles_are_lowercase_phrases(dictionary):
    assert dictionary.title("Foreign  Minister").role == "foreign_minister"
    assert dictionary.title("spokeswoman").gender == "f"
    assert dictionary.title("plumber") is None


def test_missing_directory_gives_an_empty_dictionary(tmp_path):
    empty = load_dictionary(tmp_path)
    assert empty.actors == {} and empty.lookup("Russia") == []


def test_packaged_dictionary_loads():
    dictionary = load_dictionary()
    assert all(a.id for a in dictionary.actors.values())


def test_capital_city_and_seat_of_an_organisation_name():
    from relata.mentions.dictionary import load_dictionary
    from relata.resolve.nationality import country_in_name

    dictionary = load_dictionary()
    assert dictionary.city_of_state("Minsk") and not dictionary.city_of_state("Belarus")
    assert not dictionary.city_of_state("Kremlin")  # a seat of power acts; a city is a place
    assert country_in_name("United Tram Company of Nairobi", dictionary) == "KEN"
    assert country_in_name("Green Valley Farmers", dictionary) is None
