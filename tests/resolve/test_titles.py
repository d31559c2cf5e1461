"""Title phrases around names: role, country and gender they give."""

from __future__ import annotations

from relata import nlp
from relata.resolve.titles import apposition, describe, premodifiers, roles_match


def test_premodifiers_stop_at_determiners_and_verbs():
    doc = nlp.parse("Yesterday the Pakistani foreign office spokeswoman Mumtaz Zahra Baloch spoke.").doc
    name_start = [t.text for t in doc].index("Mumtaz")
    assert [t.text for t in premodifiers(doc, name_start)] == [
        "Pakistani",
        "foreign",
        "office",
        "spokeswoman",
    ]


def test_apposition_either_side():
    doc = nlp.parse("China's top leader, Xi Jinping, arrived.").doc
    xi = doc[[t.text for t in doc].index("Jinping")]
    assert "leader" in [t.text for t in apposition(xi, doc[xi.i - 1 : xi.i + 1])]
    doc = nlp.parse("Anna Petrova, the Russian ambassador, arrived.").doc
    petrova = doc[1]
    assert "ambassador" in [t.text for t in apposition(petrova, doc[0:2])]


def test_apposition_keeps_a_state_body_after_for():
    doc = nlp.parse("John Phiri, a spokesman for Rwanda's foreign ministry, criticised Zambia.").doc
    words = [t.text for t in apposition(doc[1], doc[0:2])]
    assert words[:2] == ["a", "spokesman"] and "Rwanda" in words and "ministry" in words
    # a field of study is no body of a state
    doc = nlp.parse("Li Wei, a professor of Chinese studies, criticised Japan.").doc
    assert "Chinese" not in [t.text for t in apposition(doc[1], doc[0:2])]


def test_describe_takes_the_title_nearest_the_name(dictionary):
    doc = nlp.parse("foreign minister and spokeswoman").doc
    description = describe(list(doc), lambda t: None, dictionary)
    assert description.role == "spokesperson" and description.gender == "f"


def test_describe_without_title_or_country_is_none(dictionary):
    doc = nlp.parse("the big red barn").doc
    assert describe(list(doc), lambda t: None, dictionary) is None


def test_generic_roles():
    assert roles_match("leader", "president")
    assert roles_match("president", "president")
    assert not roles_match("president", "foreign_minister")
