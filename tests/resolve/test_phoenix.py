"""relata.resolve.phoenix: names resolved on a date through their dated roles, role nouns to sectors."""

from __future__ import annotations

from datetime import date

import pytest

from relata.mentions.names import name_key
from relata.resolve import phoenix
from relata.resolve.phoenix import PhoenixActor, PhoenixRole, agent_code, agent_sector, phoenix_actor


def _role(code, country, sector, start=None, end=None, other=()):
    return PhoenixRole(code, country, sector, (sector,) if sector else (), other, start, end)


# An invented office holder: the team's own entry, not one of the dictionary's.
KOVAC = PhoenixActor("MARTA_KOVAC", "Marta Kovac", "countries", (
    _role("HRVELI", "HRV", "ELI", date(1970, 1, 1), date(2015, 2, 18)),
    _role("HRVGOV", "HRV", "GOV", date(2015, 2, 19), date(2020, 2, 18)),
    _role("HRVELI", "HRV", "ELI"),
))


@pytest.mark.parametrize(("day", "code", "in_office"), [
    (date(2010, 6, 1), "HRVELI", False),  # before the office: a person
    (date(2015, 2, 19), "HRVGOV", True),  # the first day in office: the state
    (date(2020, 2, 18), "HRVGOV", True),  # the last day
    (date(2023, 1, 1), "HRVELI", False),  # after: no dated role holds, the undated one does
    (None, "HRVELI", False),  # no date: only undated roles hold
])
def test_role_on_a_date(day, code, in_office):
    role = KOVAC.role_on(day)
    assert role.code == code
    assert phoenix._match(KOVAC, role).in_office is in_office


def test_no_role_out_of_every_range_and_no_undated_one():
    only_dated = PhoenixActor("X", "X", "countries", (_role("NORGOV", "NOR", "GOV", date(2001, 1, 1), date(2005, 1, 1)),))
    match = phoenix._match(only_dated, only_dated.role_on(date(2010, 1, 1)))
    assert (match.role, match.country, match.sector, match.in_office) == (None, "NOR", "", False)


@pytest.mark.parametrize(("day", "sector", "in_office"), [
    ("1990-01-01", "ELI", False),  # before Downing Street
    ("2000-01-01", "GOV", True),  # prime minister
    ("2010-01-01", "ELI", False),  # after
])
def test_the_same_name_before_during_and_after_an_office(day, sector, in_office):
    match = phoenix_actor("Tony Blair", day)
    assert (match.id, match.country, match.sector, match.in_office) == ("TONY_BLAIR", "GBR", sector, in_office)


def test_name_forms_compare_by_name_key():
    for form in ("Vladimir V. Putin", "VLADIMIR V PUTIN", ["vladimir", "v.", "putin"], "Putin's"):
        match = phoenix_actor(form, date(2004, 3, 1))
        assert (match.id, match.country, match.sector, match.in_office) == ("VLADIMIR_PUTIN", "RUS", "GOV", True)
    assert phoenix_actor("Putin", "1995-06-01").sector == "ELI"
    assert phoenix_actor("Nobody Anybody", "2004-03-01") is None


def test_an_international_official_acts_for_the_organisation():
    match = phoenix_actor("Kofi Annan", "2003-02-01")
    assert (match.country, match.sector, match.in_office, match.organisation) == ("", "IGO", True, "UNO")
    assert phoenix_actor("Kofi Annan", "2010-02-01").in_office is False


def test_bodies_places_and_groups():
    kremlin = phoenix_actor("the Kremlin", "2012-01-01")
    assert (kremlin.country, kremlin.sector, kremlin.in_office) == ("RUS", "GOV", True)
    kabul = phoenix_actor("Kabul", "2012-01-01")  # a capital stands for the country, no sector
    assert (kabul.country, kabul.sector) == ("AFG", "")
    taliban = phoenix_actor("Taliban", "2012-01-01")
    assert (taliban.country, taliban.sector, taliban.in_office) == ("AFG", "REB", False)


@pytest.mark.parametrize(("noun", "sector"), [
    ("president", "GOV"), ("presidents", "GOV"), ("rebels", "REB"), ("rebel", "REB"), ("police", "COP"),
    ("protesters", "OPP"), ("the army", "MIL"), ("defence minister", "GOV"), ("defense ministry", "GOV"),
    ("soldiers", "MIL"), ("bishop", None), ("teapot", None),
])
def test_agent_sector(noun, sector):
    assert agent_sector(noun) == sector


def test_agent_code_keeps_the_full_code_and_placement():
    code = agent_code("defence minister")
    assert (code.code, code.sector, code.placement) == ("GOVMIL", "GOV", "after")
    assert agent_code("bishop").code == "CHR"


def test_the_fast_table_key_equals_name_key():
    """The loader skips name_key for plain ASCII table names; that must give the same key."""
    lines = phoenix._lines("actor_names.tsv")[1:] + phoenix._lines("agents.tsv")[1:]
    names = {line.split("\t")[0] for line in lines}
    assert len(names) > 30000
    assert [n for n in names if phoenix._table_key(n) != name_key(n)] == []


def test_dates_in_several_forms():
    assert phoenix.as_date("2004-03-01T10:00:00Z") == date(2004, 3, 1)
    assert phoenix.as_date("2004-03") == date(2004, 3, 15)
    assert phoenix.as_date("2004") == date(2004, 7, 1)
    assert phoenix.as_date(None) is None


def test_the_lazy_name_search_equals_the_full_index():
    """A process's first names are searched in the tables' text one at a time (one short article
    builds no index); that must find what the full index, used after that, holds, names not
    written as their key included."""
    index = phoenix._tables().by_name
    keys = sorted(index)[::25] + list(phoenix._raw().odd_names)
    assert len(keys) > 2000
    assert [k for k in keys if phoenix._searched_ids(k) != index[k]] == []
    assert phoenix._searched_ids("nobody anybody") == ()


def test_a_process_reading_many_names_switches_to_the_index(monkeypatch):
    monkeypatch.setattr(phoenix, "_searches", 0)
    phoenix._ids_named.cache_clear()
    names = sorted(phoenix._tables().by_name)[::200]
    assert len(names) > phoenix.INDEX_AFTER_SEARCHES
    found = [phoenix._ids_named(k) for k in names]
    assert phoenix._searches == phoenix.INDEX_AFTER_SEARCHES
    assert found == [phoenix._tables().by_name[k] for k in names]
    assert phoenix._rows(found[-1][0]) == phoenix._tables().rows[found[-1][0]]
