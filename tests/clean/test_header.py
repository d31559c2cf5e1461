import pytest

from relata.clean.header import read_header
from relata.ingest.dates import parse_publication_date


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Release Date: May 18, 2024", "2024-05-18"),
        ("Posted March. 22, 2023 08:01", "2023-03-22"),
        ("May 16, 2024 | Updated", "2024-05-16"),
        ("Published: 2021-07-09T14:00:00Z", "2021-07-09"),
        ("Updated on 3 June 2022, 11:45 a.m.", "2022-06-03"),
    ],
)
def test_dated_header_lines(line, expected):
    lines = ["Ministers meet in Nairobi", "", line, "", "The ministers met on Monday to discuss grain exports."]
    kept, meta = read_header(lines)
    assert meta.published == expected
    assert line not in kept
    assert "The ministers met on Monday to discuss grain exports." in kept


def test_first_dated_line_wins_over_updated():
    _, meta = read_header(["Posted March. 22, 2023 07:58,", "Updated March. 24, 2023 09:00", "Body text here."])
    assert meta.published == "2023-03-22"


def test_date_deep_in_body_is_not_publication():
    body = [f"Paragraph {i} of the story has ordinary sentences in it." for i in range(20)]
    _, meta = read_header(body + ["Release Date: May 18, 2024"])
    assert meta.published is None


def test_byline_topic_and_breadcrumb():
    lines = [
        "Home World Chile and Spain sign aid pact",
        "Chile and Spain sign aid pact",
        "By Ana Ruiz | Example Wire",
        "Topic: Chile and Spain sign aid pact -- Ana Ruiz",
        "MADRID - Spain will send aid to Chile, the minister said.",
        "© 2024 Example Wire. All rights reserved.",
    ]
    kept, meta = read_header(lines)
    assert meta.author == "Ana Ruiz" and meta.outlet == "Example Wire"
    assert meta.title == "Chile and Spain sign aid pact"
    assert kept[0] == "Chile and Spain sign aid pact"
    assert "MADRID - Spain will send aid to Chile, the minister said." in kept


@pytest.mark.parametrize("value", ["yesterday", "May 16", "Tuesday", "", None, "last week"])
def test_no_year_no_date(value):
    assert parse_publication_date(value) is None


def test_partial_dates_keep_their_precision():
    assert parse_publication_date("March 2023") == "2023-03"
    assert parse_publication_date("2019") == "2019"


def test_headline_among_outlet_and_section_labels():
    from relata.clean.header import HeaderMetadata, read_headline

    lines = [
        "ANDES REPORT",
        "Politics | Water",
        "",
        "Peru and Bolivia sign water pact",
        "",
        "LIMA - Peru and Bolivia signed an agreement on Monday to share water from Lake Titicaca.",
    ]
    meta = HeaderMetadata()
    kept = read_headline(lines, meta)
    assert meta.title == "Peru and Bolivia sign water pact"
    assert meta.outlet == "ANDES REPORT"
    assert kept[0] == "" and "Peru and Bolivia sign water pact" in kept and lines[-1] in kept
    assert "Politics | Water" not in kept


def test_short_text_without_body_keeps_every_line():
    from relata.clean.header import HeaderMetadata, read_headline

    lines = ["Talks end", "in Bogota today"]
    assert read_headline(lines, HeaderMetadata()) == lines


def test_dotted_dates_are_day_first():
    assert parse_publication_date("04.07.2024") == "2024-07-04"
