"""The dateparser reading of DATE entities the calendar patterns leave."""

from __future__ import annotations

import datetime as dt

import pytest

from relata.mentions import time_freeform


@pytest.mark.parametrize("base", [time_freeform._PLACEHOLDER, dt.datetime(2001, 6, 15), dt.datetime(2099, 12, 31)])
def test_a_year_alone_is_read_as_a_year_so_it_is_not_asked(base):
    # freeform_mentions skips a DATE entity that is a year alone without asking dateparser: that
    # is right only while dateparser reads every such year as a year (a period it does not keep)
    parser = time_freeform._parser(base)
    for year in range(1600, 2100):
        text = str(year)
        assert time_freeform._BARE_YEAR.fullmatch(text)
        data = parser.get_date_data(text)
        assert data.period == "year" and data.date_obj.year == year, text


@pytest.mark.parametrize("text", ["1999", "2000-2001", "the 1999 season", "20011", "199"])
def test_bare_year_is_four_digits_of_a_year_only(text):
    assert bool(time_freeform._BARE_YEAR.fullmatch(text)) == (text == "1999")
