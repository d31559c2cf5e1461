"""scripts/convert_petrarch.py: the team's own small dictionary entries in, table rows out; and the
packaged tables are what the conversion writes today (when ../shared is present)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from scripts.convert_petrarch import DEFAULT_OUT, convert
from scripts.petrarch.actors import read_actor_file
from scripts.petrarch.agents import read_agents, read_discards
from scripts.petrarch.codes import split_code
from scripts.petrarch.crosswalk import CrosswalkError, read_crosswalk
from scripts.petrarch.tables import actor_rows, agent_rows, pattern_rows, synset_rows, verb_rows
from scripts.petrarch.verbs import read_verb_dictionary

CROSSWALK = """\
# a crosswalk in the OEDA format, cut down
03: AGREE
036: AGREE,  , diplomatic # Express intent to meet or negotiate
04: CONSULT
042: CONSULT, visit,   # Make a visit
043: CONSULT, visit,   # Host a visit
07: AID
070: AID,   ,  # Provide aid
072: AID,   ,   military # Provide military aid
08: RETREAT
084: RETREAT,   ,  # Return, release
0842: RETREAT, return,   legal # Return, release property
10: REQUEST
106: REQUEST, meet, diplomatic # Demand meeting, negotiation
"""

VERBS = """\
# a verb dictionary in PETRARCH-2's format, written for this test
####### SYNONYM SETS #######

&VESSEL
+SHIP
+PATROL_BOAT
+FERRY
+CRAFT_

&HARBOUR_
+PORT
+HARBOUR

####### VERB PATTERNS #######

---  HAND   [070]  ---
GIVE {GIVES GAVE GIVEN GIVING }
+HAND_OVER {+HANDS_OVER +HANDED_OVER +HANDING_OVER }
- * &VESSEL (TO +)                     [072]   # HAND
- * {SEIZED CARGO} (TO $)              [:0842] # GIVE
- * &VESSEL (TO +)                     [072]   # HAND  (written twice)

---  TOUR   [042:043]  ---
TOUR
- * &HARBOUR                           [042:043] # TOUR
- * (WITH FAMILY)                      [---]     # TOUR
- * (IN &CASTLE)                       [042]     # TOUR

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""

ACTORS = """\
# actors in the Phoenix (TABARI) format, invented for this test
KOSOVO_  [KSV]
+PRISHTINA_

MARTA_KOVAC_  # an invented head of state
+PRESIDENT_KOVAC_ +M._KOVAC_
\t[HRVELI 700101-150218]
\t[HRVGOV 150219-20200218]
\t[HRVELI]
NORTHERN_HILLS_FRONT_(NHF)_ [UGAREB]
JONAS_REED_
JONAS_E._REED_
\t[IGOUNO >20200101]
\t[NORGOV 19990101-191231]

NOBODY_IN_PARTICULAR_

LEFT_WITH_A_BAD_DATE_ [FRAGOV 20101301-20110101]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
BORDER_GUARD [~MIL]   # a regular plural is made
POLICE {} [~COP]
HARBOUR_PILOT {HARBOUR_PILOTS} [~BUS]
CHAIR!PERSON! [~GOV]
AID_AGENCY [NGO~]
INTERIOR_MINIST [~GOV]
BORDER_GUARD [~COP]   # the same noun again: the first line wins in the loader
"""

DISCARDS = """\
# sport and ceremonies
+WORLD CUP_   # a whole story
OPENING CEREMON
"""


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    for name, text in {"CAMEO.2.0.txt": VERBS, "Phoenix.Countries.actors.txt": ACTORS,
                       "Phoenix.International.actors.txt": "# none\n", "Phoenix.MilNonState.actors.txt": "",
                       "Phoenix.agents.txt": AGENTS, "Phoenix.discards.txt": DISCARDS,
                       "CAMEO2PLOVER-2021.txt": CROSSWALK}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_crosswalk_rules(sample):
    cw = read_crosswalk(sample / "CAMEO2PLOVER-2021.txt")
    visit = cw.plover("042")
    assert (visit.type, visit.mode, visit.context, visit.rule) == ("CONSULT", "visit", "", "exact")
    assert (cw.plover("0361").type, cw.plover("0361").rule) == ("AGREE", "parent")
    appeal = cw.plover("026")  # appeal to meet: as the demand 106
    assert (appeal.type, appeal.mode, appeal.context, appeal.rule) == ("REQUEST", "meet", "diplomatic", "appeal")
    assert (cw.plover("013").type, cw.plover("013").rule) == ("", "statement")
    assert (cw.plover("079").type, cw.plover("079").mode, cw.plover("079").rule) == ("AID", "", "root")
    assert cw.plover("---").rule == "null"
    with pytest.raises(CrosswalkError, match="155"):
        cw.plover("155")


def test_synsets_expand_with_plurals(sample):
    rows = synset_rows(read_verb_dictionary(sample / "CAMEO.2.0.txt"))
    members = {(r["synset"], r["phrase"]): r["plural_of"] for r in rows}
    assert members == {
        ("&vessel", "ship"): "", ("&vessel", "ships"): "ship",
        ("&vessel", "patrol boat"): "", ("&vessel", "patrol boats"): "patrol boat",
        ("&vessel", "ferry"): "", ("&vessel", "ferries"): "ferry",
        ("&vessel", "craft"): "",  # CRAFT_: no plural
        ("&harbour", "port"): "", ("&harbour", "harbour"): "",  # &HARBOUR_: none for the whole set
    }


def test_phrasal_verb_and_its_forms(sample):
    d = read_verb_dictionary(sample / "CAMEO.2.0.txt")
    cw = read_crosswalk(sample / "CAMEO2PLOVER-2021.txt")
    rows = {(r["lemma"], r["after"]): r for r in verb_rows(d, cw)}
    hand = rows[("hand", "over")]
    assert (hand["block"], hand["cameo"], hand["plover_type"], hand["forms"]) == ("HAND", "070", "AID",
                                                                                 "hands|handed|handing")
    assert rows[("give", "")]["forms"] == "gives|gave|given|giving"
    tour = rows[("tour", "")]
    assert (tour["cameo"], tour["reverse_cameo"], tour["plover_type"], tour["reverse_plover_type"]) == (
        "042", "043", "CONSULT", "CONSULT")
    assert any("transformation not converted" in n for n in d.notes)


def test_patterns_with_particles_slots_and_directions(sample):
    d = read_verb_dictionary(sample / "CAMEO.2.0.txt")
    rows = pattern_rows(d, read_crosswalk(sample / "CAMEO2PLOVER-2021.txt"))
    hand = [r for r in rows if r["block"] == "HAND"]
    assert len(hand) == 2  # the pattern written twice is one row
    vessel = next(r for r in hand if r["cameo"] == "072")
    assert vessel["after"] == "&vessel (to +)"
    assert vessel["words"] == "&vessel to +"
    assert (vessel["prepositions"], vessel["target_slot"], vessel["source_slot"]) == ("to", "after", "")
    assert (vessel["plover_type"], vessel["plover_context"], vessel["verb"], vessel["synsets"]) == (
        "AID", "military", "hand", "&vessel")
    cargo = next(r for r in hand if r["cameo"] == "0842")
    assert (cargo["direction"], cargo["plover_type"], cargo["plover_mode"], cargo["source_slot"]) == (
        "reverse", "RETREAT", "return", "after")
    assert cargo["verb"] == "give"
    tour = [(r["cameo"], r["direction"], r["plover_rule"]) for r in rows if r["block"] == "TOUR"]
    assert sorted(tour) == [("---", "forward", "null"), ("042", "forward", "exact"), ("043", "reverse", "exact")]
    assert any("undefined synset &castle" in n for n in d.notes)  # that pattern is skipped


def test_actor_with_dated_roles(sample):
    parsed = read_actor_file(sample / "Phoenix.Countries.actors.txt")
    iso = frozenset({"HRV", "UGA", "NOR", "FRA"})
    roles, names = actor_rows([("countries", parsed.entries)], iso)
    kovac = [r for r in roles if r["id"] == "MARTA_KOVAC"]
    assert [(r["code"], r["country"], r["sector"], r["start"], r["end"]) for r in kovac] == [
        ("HRVELI", "HRV", "ELI", "", ""),
        ("HRVELI", "HRV", "ELI", "1970-01-01", "2015-02-18"),
        ("HRVGOV", "HRV", "GOV", "2015-02-19", "2020-02-18"),
    ]
    assert kovac[0]["name"] == "Marta Kovac"
    by_id: dict[str, set[str]] = {}
    for n in names:
        by_id.setdefault(n["id"], set()).add(n["name"])
    assert by_id["MARTA_KOVAC"] == {"marta kovac", "president kovac", "m. kovac"}
    assert by_id["NORTHERN_HILLS_FRONT_(NHF)"] == {"northern hills front", "nhf"}
    assert by_id["KOSOVO"] == {"kosovo", "prishtina"}
    assert [r["country"] for r in roles if r["id"] == "KOSOVO"] == ["XKX"]  # CAMEO KSV
    # a name without codes takes those of the entry on the next line
    reed = {(r["id"], r["code"], r["start"]) for r in roles if "REED" in r["id"]}
    assert ("JONAS_REED", "IGOUNO", "2020-01-01") in reed and ("JONAS_E._REED", "NORGOV", "1999-01-01") in reed
    assert "NOBODY_IN_PARTICULAR" not in by_id
    assert not [r for r in roles if r["id"] == "LEFT_WITH_A_BAD_DATE"]  # month 13: the role is dropped
    assert any("20101301" in n for n in parsed.notes)


def test_actor_codes_split_into_country_and_sectors():
    iso = frozenset({"RUS", "USA", "ARM"})

    def parts(code):
        c = split_code(code, iso)
        return c.country, c.sector, c.sectors, c.other

    assert parts("RUSGOVLEG") == ("RUS", "GOV", ("GOV", "LEG"), ())
    assert parts("IGOWSTNAT") == ("", "IGO", ("IGO",), ("WST", "NAT"))
    assert parts("MNCUSA") == ("USA", "MNC", ("MNC",), ())
    assert split_code("USRARM", iso).country == "ARM"  # a Soviet republic: its own country
    assert split_code("TMPGOV", iso).country == "TLS"
    with pytest.raises(ValueError, match="QQQ"):
        split_code("QQQGOV", iso)


def test_agents_with_plurals_and_markers(sample):
    rows = agent_rows(read_agents(sample / "Phoenix.agents.txt").agents)
    got = {(r["noun"], r["code"], r["placement"], r["plural_of"]) for r in rows}
    assert ("border guard", "MIL", "after", "") in got
    assert ("border guards", "MIL", "after", "border guard") in got
    assert ("border guard", "COP", "after", "") in got  # both kept; the loader takes the first line
    assert {r["noun"] for r in rows if r["code"] == "COP"} == {"police", "border guard", "border guards"}
    assert ("harbour pilots", "BUS", "after", "harbour pilot") in got
    assert {r["noun"] for r in rows if r["noun"].startswith("chair")} == {
        "chairman", "chairmen", "chairwoman", "chairwomen", "chairperson"}
    assert ("aid agencies", "NGO", "before", "aid agency") in got
    assert {r["noun"] for r in rows if r["noun"].startswith("interior")} == {
        "interior minister", "interior ministers", "interior ministry", "interior ministries"}


def test_discards(sample):
    got = [(d.phrase, d.scope, d.whole_word) for d in read_discards(sample / "Phoenix.discards.txt")]
    assert got == [("world cup", "story", True), ("opening ceremon", "sentence", False)]


def test_conversion_writes_sorted_tables(sample, tmp_path):
    out = tmp_path / "out"
    counts = convert(sample, sample / "CAMEO2PLOVER-2021.txt", out)
    assert counts["verb_patterns.tsv"] == 5 and counts["actors.tsv"] >= 5
    lines = [line for line in (out / "actor_names.tsv").read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")][1:]
    assert lines == sorted(lines, key=lambda line: tuple(line.split("\t")))
    first = {p.name: p.read_bytes() for p in out.iterdir()}
    convert(sample, sample / "CAMEO2PLOVER-2021.txt", out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == first


def test_packaged_tables_are_what_the_conversion_writes(shared_dir, tmp_path):
    """Rerunning the conversion on ../shared/dev/petrarch2 writes the committed tables byte for byte."""
    petrarch = shared_dir / "dev" / "petrarch2"
    crosswalk = shared_dir / "dev" / "plover" / "CAMEO2PLOVER-2021.txt"
    if not (petrarch / "CAMEO.2.0.txt").is_file() or not crosswalk.is_file():
        pytest.skip("../shared/dev/petrarch2 or the PLOVER crosswalk is not there")
    convert(petrarch, crosswalk, tmp_path)
    for written in sorted(tmp_path.iterdir()):
        committed = DEFAULT_OUT / written.name
        assert committed.is_file(), f"{written.name} is not committed under {DEFAULT_OUT}"
        assert written.read_bytes() == committed.read_bytes(), (
            f"{written.name} differs from a fresh conversion: rerun scripts/convert_petrarch.py")


def test_dates_are_read_as_petrarch_reads_them():
    from scripts.petrarch.actors import parse_date, parse_role

    assert parse_date("991231") == date(1999, 12, 31)
    assert parse_date("080507") == date(2008, 5, 7)
    assert parse_date("19930120") == date(1993, 1, 20)
    role = parse_role("RUSGOV >080508")
    assert (role.code, role.start, role.end) == ("RUSGOV", date(2008, 5, 8), None)
    assert parse_role("USRARM <900823").end == date(1990, 8, 23)
    with pytest.raises(ValueError):
        parse_role("EGYGOV 20121207-20120802")  # ends before it starts
