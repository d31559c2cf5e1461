"""Places the dictionary does not know get the state they lie in (relata.mentions.places)."""

from relata.mentions.places import Place, find_place


def test_city_resolves_to_its_country():
    assert find_place("Basra").country == "IRQ"
    assert find_place("Tel Aviv").country == "ISR"


def test_most_populous_city_of_a_name_wins():
    assert find_place("Tripoli").country == "LBY"


def test_own_name_beats_an_alternate_spelling_of_a_bigger_city():
    assert find_place("Dili").country == "TLS"


def test_region_file_and_place_words():
    assert find_place("the Gaza Strip").country == "PSE"
    assert find_place("Sindh province").country == "PAK"
    assert find_place("West Darfur State").country == "SDN"


def test_region_list_beats_a_state_named_inside():
    assert find_place("Northern Ireland").country == "GBR"


def test_contested_region_has_no_country():
    assert find_place("Kashmir") == Place("Kashmir", None)


def test_us_state():
    assert find_place("Texas").country == "USA"


def test_unknown_place():
    assert find_place("Qwxzzy Flats") is None


def test_id_carries_the_country():
    assert Place("Basrah", "IRQ").id == "basrah-irq"
    assert Place("Kashmir", None).id == "kashmir"


def test_a_region_named_like_a_state_is_not_a_foreign_city():
    # "Montenegro" is also a Brazilian town; "Montenegro province" is the Balkan one
    assert find_place("Montenegro") is not None
    assert find_place("Montenegro province") is None
    assert find_place("Tyumen region").country == "RUS"  # a region named after its city keeps it


def test_a_city_is_found_by_its_own_name_without_accents():
    from relata.mentions.places import find_place

    # Valparaíso (Chile, 300,000 people) over Valparaiso (Indiana), which spells it without accent
    assert find_place("Valparaiso").country == "CHL"
    assert find_place("Valparaíso").country == "CHL"
