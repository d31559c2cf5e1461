"""The five real seed articles in ../shared/seeds through `relata extract` (skipped without ../shared)."""

import json
import re

import pytest
from typer.testing import CliRunner

from relata.clean.normalize import normalize_text
from relata.cli import app
from relata.mentions.dictionary import load_dictionary

# Publication dates the seeds state in their own header lines.
STATED_DATES = {"000_": "2024-05-18", "004_": "2023-03-22"}


@pytest.fixture(scope="module")
def seed_records(seeds):
    result = CliRunner().invoke(app, ["extract", *map(str, seeds)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    return {r["source"].rsplit("/", 1)[1]: r for r in records}


def test_five_schema_valid_records(seeds, seed_records, record_validator):
    assert len(seed_records) == len(seeds) == 5
    for record in seed_records.values():
        record_validator(record)
        assert record["language"] == "en"


def test_stated_publication_dates_found(seed_records):
    for prefix, date in STATED_DATES.items():
        record = next(r for name, r in seed_records.items() if name.startswith(prefix))
        assert record["published"] == date


def test_every_article_paragraph_kept(seeds, seed_records):
    for path in seeds:
        text = seed_records[path.name]["text"]
        for line in path.read_text(encoding="utf-8").splitlines():
            line = normalize_text(line)
            if len(line) > 80:
                assert line in text, (path.name, line[:80])


def test_furniture_dropped(seed_records):
    furniture = [
        r"^Go to contents$", r"^Leave a Reply$", r"Your email address will not be published",
        r"Please enter your (comment|name)", r"^©", r"Get latest news delivered daily",
        r"^Source link$", r"^Home News ",
    ]
    for name, record in seed_records.items():
        for pattern in furniture:
            assert not re.search(pattern, record["text"], re.MULTILINE), (name, pattern)


# Speakers the seed texts give for quotes, by a fragment of the quote (pronoun and run speakers
# included: "he added" after Gabuev's quote, "he said" after Medeiros' name).
SEED_SPEAKERS = {
    "is a luxury he no longer has": "Alexander Gabuev",
    "This is more like a survival mode": "Alexander Gabuev",
    "strategic leapfrog works better": "Evan Medeiros",
    "The purpose is to demonstrate the close cooperation": "Sun Yun",
    "Putin will continue to be dependent on the CCP": "Cheng Chin-mo",
    "He is concerned that China, whose economy is in decline": "Cheng Chin-mo",
    "he never took it off since": "Vladimir Putin",
    "The two countries have many common goals": "Vladimir Putin",
    "Russia is a reliable partner": "Xi Jinping",
    "Ukraine is an important member of Xi": "The Wall Street Journal",  # "The Journal argues"
}
_PARTICLES = {"the", "of", "for", "and", "de", "al", "van", "von"}
_NOT_A_NAME = {"he", "she", "they", "it", "him", "her", "them", "his", "i", "we", "you", "who"}


def _quotes(seed_records):
    return [(name, q) for name, r in sorted(seed_records.items()) for q in r["quotes"]]


def test_seed_quotes_have_their_speakers_full_names(seed_records):
    for fragment, speaker in SEED_SPEAKERS.items():
        found = [q for _, q in _quotes(seed_records) if fragment in q["text"]]
        assert found, fragment
        assert {q["speaker_name"] for q in found} == {speaker}, (fragment, [q["speaker_name"] for q in found])


def test_transcript_lines_name_a_person(seed_records):
    lines = [(name, q) for name, q in _quotes(seed_records) if q["cue"] == ":"]
    assert len(lines) >= 20
    for name, q in lines:
        actors = {a["id"]: a for a in seed_records[name]["actors"]}
        assert q["speaker"] in actors and actors[q["speaker"]]["kind"] == "person", q["text"][:60]
    labels = {q["speaker_name"] for _, q in lines}
    assert {"Wang Yi", "Qin Gang", "Jiang Feng", "Simone"} <= labels


def test_no_speaker_is_a_pronoun_or_a_bare_title(seed_records):
    dictionary = load_dictionary()
    for name, q in _quotes(seed_records):
        speaker = q["speaker_name"]
        if speaker is None:
            continue
        assert speaker.lower() not in _NOT_A_NAME, (name, q["text"][:60])
        words = [w for w in speaker.split() if w.lower() not in _PARTICLES]
        assert words and all(w[:1].isupper() for w in words), (name, speaker)
        assert dictionary.title(speaker.lower().removeprefix("the ")) is None, (name, speaker)


def test_seed_events_have_the_right_actors(seed_records):
    """Visits come out with visitor and host; a place or demonym naming a war or an agreement
    (``the Ukrainian war``, ``the Minsk agreement``) is no party to any event."""
    def pairs(prefix, type_):
        record = next(r for name, r in seed_records.items() if name.startswith(prefix))
        return {(e["source"], e["target"]) for e in record["events"] if e["type"] == type_}

    assert ("RUS", "CHN") in pairs("000_", "CONSULT")  # "the first person he visited was Xi Jinping"
    assert ("USA", "CHN") in pairs("003_", "CONSULT")  # "During his April visit to China, ... Blinken"
    assert ("CHN", "RUS") in pairs("004_", "CONSULT")
    for record in seed_records.values():
        for event in record["events"]:
            assert "BLR" not in (event["source"], event["target"]), event
            assert not (event["type"] == "ASSAULT" and event["source"] == "UKR"), event


def test_seed_trips_are_visits_and_negated_visits_are_not_coded(seed_records):
    record = next(r for name, r in seed_records.items() if name.startswith("001_"))
    consults = [e for e in record["events"] if e["type"] == "CONSULT"]
    assert any((e["source"], e["target"]) == ("RUS", "CHN") and e["trigger"] == "went to" for e in consults)
    # "... the National Defense Department, which no foreign leaders have visited"
    assert not any(e["trigger"] == "visited" and e["source"] is None for e in consults)
