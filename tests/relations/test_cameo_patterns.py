"""relata.relations.cameo_patterns: PETRARCH-2's verb patterns read from data/petrarch, indexed by lemma."""

from __future__ import annotations

from relata.relations.cameo_patterns import (
    Noun,
    Prep,
    Slot,
    cameo_plover,
    discards,
    parse_elements,
    synset_members,
    verb_entries,
    verb_patterns,
)

SYNSETS = {"&vessel": frozenset({"ship", "ships", "patrol boat"})}


def test_pattern_elements():
    assert parse_elements("police (to border)", {}) == (
        Noun(frozenset({"police"})), Prep(frozenset({"to"}), (Noun(frozenset({"border"})),)))
    assert parse_elements("{seized &vessel} (to $) +", SYNSETS) == (
        Noun(SYNSETS["&vessel"], (frozenset({"seized"}),), "&vessel"),
        Prep(frozenset({"to"}), (Slot("source"),)),
        Slot("target"))
    assert parse_elements("(by|with grenade) debt_relief ^", {}) == (
        Prep(frozenset({"by", "with"}), (Noun(frozenset({"grenade"})),)),
        Noun(frozenset({"debt relief"})), Slot("any"))
    assert parse_elements("(to)", {}) == (Prep(frozenset({"to"}), ()),)


def test_patterns_of_a_verb_come_from_its_block():
    rush = verb_patterns("rush")
    police = [p for p in rush if p.words == ("police", "to", "border")]
    assert [(p.cameo, p.plover.type, p.plover.mode) for p in police] == [("153", "MOBILIZE", "police")]
    # "rush" shares the ACCELERATE block with "expedite": same patterns
    assert {p.id for p in verb_patterns("expedite")} == {p.id for p in rush}
    sizes = [p.size for p in rush]
    assert sizes == sorted(sizes, reverse=True)  # most specific first


def test_paired_events_and_irregular_forms():
    visit = [p for p in verb_patterns("rush") if p.words == ("to",)]
    assert {(p.cameo, p.direction) for p in visit} == {("042", "forward"), ("043", "reverse")}
    assert verb_patterns("sought") == verb_patterns("seek") != ()
    assert verb_patterns("flibbertigibbet") == ()


def test_phrasal_verbs_keep_their_particle():
    assert {(e.after, e.block) for e in verb_entries("shut")} == {("", "SHUT"), ("down", "CANCEL")}
    call = {e.after: e for e in verb_entries("call")}
    assert call["off"].plover.type == "SANCTION"
    assert (call[""].cameo, call[""].reverse_cameo, call[""].plover.mode) == ("041", "041", "phone")


def test_crosswalk_and_synsets_and_discards():
    appeal = cameo_plover("0233")  # appeal for humanitarian aid
    assert (appeal.type, appeal.context, appeal.rule) == ("REQUEST", "humanitarian", "appeal")
    assert cameo_plover("010").type == "" and cameo_plover("9999") is None
    assert {"army", "armies", "armed forces"} <= synset_members("&military")
    assert synset_members("military") == synset_members("&military")
    assert any(d.phrase == "world cup" for d in discards())
