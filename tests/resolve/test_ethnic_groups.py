"""Peoples without a state of their own (relata.resolve.ethnic_groups)."""

from relata.resolve.ethnic_groups import country_in_group_name, country_of_people


def test_people_forms():
    assert country_of_people("Tamils") == "LKA"
    assert country_of_people("Chechen") == "RUS"
    assert country_of_people("Ibo") == "NGA"


def test_split_peoples_are_left_to_the_text():
    assert country_of_people("Kurds") is None


def test_group_name_led_by_a_people():
    assert country_in_group_name("Tamil Tigers") == "LKA"
    assert country_in_group_name("Green Party") is None
