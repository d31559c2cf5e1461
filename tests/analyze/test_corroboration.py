"""Corroboration over a hand-built store: records written with ``write_record``, so the grouping is
tested independently of how well the extractors do."""

import random

import pytest

from relata.analyze import corroboration as corroboration_module
from relata.analyze.corroboration import (
    claim_mentions,
    corroborate,
    corroboration_dict,
    load_corroboration,
    rebuild_corroboration,
)
from relata.records import Claim, DocumentRecord, Quote
from relata.store import open_store, write_record

ORLOV = "Our trade has reached a level that neither sanctions nor distance can undo, and next year we will build on it"
LIN = "The growth reflects demand on both sides, not politics"


def article(doc_id, outlet, published, claims=(), quotes=()):
    """A record whose text is its claims and quotes one after another, spans and all.
    ``claims``: (phrase, value, unit, qualifier, measure, period, change); ``quotes``: (words, speaker)."""
    text, claim_items, quote_items = "", [], []
    for phrase, value, unit, qualifier, measure, period, change in claims:
        start = len(text)
        text += phrase
        claim_items.append(Claim(start, len(text), phrase, value, unit, qualifier, measure, period, change))
        text += ". "
    for words, speaker in quotes:
        text += '"'
        start = len(text)
        text += words
        slug = speaker.lower().replace(" ", "-") if speaker else None
        quote_items.append(Quote(start, len(text), words, "direct", slug, speaker, "said"))
        text += '," someone said. '
    return DocumentRecord(
        id=doc_id, source=f"{doc_id}.txt", title=None, author=None, outlet=outlet, published=published,
        language="en", text=text, claims=tuple(claim_items), quotes=tuple(quote_items),
    )


def trade(phrase, value, qualifier="exact", measure="trade between China and Russia", period="2023"):
    return (phrase, value, "USD", qualifier, measure, period, False)


def exports(phrase, value):
    return (phrase, value, "USD", "exact", "China's exports to Russia", "2023", False)


CORPUS = [
    article("a", "Baltic Courier", "2024-01-12",
            [trade("$240.1 billion", 240.1e9), exports("$110.9 billion", 110.9e9),
             ("26.3%", 26.3, "percent", "exact", "bilateral trade", None, True)],
            [(ORLOV, "Pavel Orlov")]),
    article("b", "Eastern Trade Wire", "2024-01-13",
            [trade("240.1 billion dollars", 240.1e9, measure="commerce between China and Russia"),
             exports("$110.9 billion", 110.9e9)],
            [(ORLOV, "Pavel Orlov"), (LIN, "Lin Yaqing")]),
    article("c", "Harbour Ledger", "2024-01-15",
            [trade("about $240 billion", 240e9, qualifier="about"),
             ("26.3 percent", 26.3, "percent", "exact", "bilateral trade growth", "2023", True)],
            [(ORLOV.split(",")[0], "Pavel Orlov"), ("The border crossings need new rail lines before the winter",
                                                   "Irina Sokolova")]),
    article("d", "Steppe Observer", "2024-01-15",
            [("two", 2.0, "government", "exact", "governments", None, False)],
            [(LIN, "Lin Yaqing"), ("The border crossings need new rail lines before the winter", "Irina Sokolova")]),
    article("f", "Continental Monitor", "2024-01-20", [exports("$119.0 billion", 119.0e9)],
            [(ORLOV.replace("that", "which").replace("undo", "reverse"), "Pavel Orlov")]),
    article("g", "Morning Digest", None, [trade("$240.1 billion", 240.1e9, period=None)],
            [(ORLOV, "Pavel Orlov"), ("We will see what happens next week", "Pavel Orlov")]),
]


@pytest.fixture
def con(tmp_path):
    con = open_store(tmp_path / "hand.duckdb")
    for record in CORPUS:
        write_record(con, record, record.source, record.id)
    yield con
    con.close()


def documents(group):
    return sorted(group.documents)


def test_repeated_figures_are_grouped_with_their_first_source(con):
    result = corroborate(con, "claims")
    assert [documents(g) for g in result.claims] == [
        ["a", "b", "c", "g"], ["a", "b"], ["a", "c"], ["f"],
    ]
    # Ordered by first report, then by position in that document.
    trade_group, exports_group, growth, other_exports = result.claims
    assert (trade_group.value, trade_group.unit, trade_group.period) == (240.1e9, "USD", "2023")
    assert trade_group.provenance.first == ("a",) and trade_group.provenance.undated == ("g",)
    assert growth.change and growth.value == 26.3 and growth.period == "2023"
    assert [g.id for g in result.claims] == [1, 2, 3, 4]
    assert trade_group.outlets == ("Baltic Courier", "Eastern Trade Wire", "Harbour Ledger", "Morning Digest")


def test_the_conflicting_figure_is_flagged_both_ways(con):
    result = corroborate(con, "claims")
    exports_group, other = result.claims[1], result.claims[3]
    assert exports_group.value == 110.9e9 and other.value == 119.0e9
    assert exports_group.conflicts == (other.id,) and other.conflicts == (exports_group.id,)
    assert [(c.group, c.other) for c in result.conflicts] == [(exports_group.id, other.id)]
    assert not result.claims[0].conflicts and not result.claims[2].conflicts


def test_min_documents_and_claims_without_partners(con):
    every = corroborate(con, "claims", min_documents=1)
    assert ["d"] in [documents(g) for g in every.claims]  # "two governments": reported once
    three = corroborate(con, "claims", min_documents=3)
    # Only the 240.1 billion figure has three documents; the conflicting pair stays visible.
    assert [documents(g) for g in three.claims] == [["a", "b", "c", "g"], ["a", "b"], ["f"]]


def test_repeated_quotes_are_grouped_with_ties_and_undated_members(con):
    result = corroborate(con, "quotes")
    assert [documents(g) for g in result.quotes] == [["a", "b", "c", "f", "g"], ["b", "d"], ["c", "d"]]
    orlov, lin, sokolova = result.quotes
    assert orlov.text == ORLOV and orlov.speaker_name == "Pavel Orlov" and orlov.speakers == ("Pavel Orlov",)
    assert (orlov.provenance.status, orlov.provenance.first, orlov.provenance.undated) == ("clear", ("a",), ("g",))
    assert (lin.provenance.status, lin.provenance.first) == ("clear", ("b",))
    assert (sokolova.provenance.status, sokolova.provenance.first) == ("tie", ("c", "d"))
    assert sokolova.provenance.published == "2024-01-15"


def test_the_same_figure_twice_in_one_document_is_one_source(tmp_path):
    con = open_store(tmp_path / "one.duckdb")
    record = article("x", "Solo", "2024-03-01", [trade("$240.1 billion", 240.1e9), trade("$240.1bn", 240.1e9)])
    write_record(con, record, record.source, record.id)
    assert corroborate(con).claims == ()
    assert [len(g.members) for g in corroborate(con, min_documents=1).claims] == [2]


def test_unknown_kind_is_an_error(con):
    with pytest.raises(ValueError, match="kind"):
        corroborate(con, "events")


def test_rebuild_is_idempotent_and_reads_back(con):
    first = rebuild_corroboration(con)

    def snapshot():
        return {
            table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
            for table in ("claim_groups", "claim_group_members", "quote_groups", "quote_group_members")
        }

    tables = snapshot()
    assert rebuild_corroboration(con) == first
    assert snapshot() == tables
    assert load_corroboration(con) == first == corroborate(con)
    assert len(tables["claim_groups"]) == 4 and len(tables["quote_group_members"]) == 9
    conflicts = con.execute("SELECT id, conflicts FROM claim_groups WHERE len(conflicts) > 0 ORDER BY id").fetchall()
    assert conflicts == [(2, [4]), (4, [2])]


def test_rebuild_follows_a_replaced_document(con):
    rebuild_corroboration(con)
    write_record(con, article("f2", "Continental Monitor", "2024-01-20", [exports("$110.9 billion", 110.9e9)]),
                 "f.txt", "new")
    result = rebuild_corroboration(con)
    assert all(not g.conflicts for g in result.claims)
    assert ["a", "b", "f2"] in [documents(g) for g in result.claims]
    assert con.execute("SELECT count(*) FROM claim_group_members WHERE document_id = 'f'").fetchone() == (0,)


def test_a_failed_rebuild_leaves_the_previous_groups(con, monkeypatch):
    before = rebuild_corroboration(con)

    def half_write(con, result):
        con.execute("DELETE FROM claim_groups")
        raise RuntimeError("disk full")

    monkeypatch.setattr(corroboration_module, "write_groups", half_write)
    with pytest.raises(RuntimeError):
        rebuild_corroboration(con)
    assert load_corroboration(con) == before


def test_load_before_any_rebuild_is_none(con):
    assert load_corroboration(con) is None


def test_lsh_candidates_give_the_same_groups_as_all_pairs(con):
    pytest.importorskip("datasketch")
    exact = corroborate(con, lsh_min_items=10**9)
    assert corroborate(con, lsh_min_items=0) == exact
    assert corroboration_dict(exact)["conflicts"] == [{"group": 2, "other": 4}]


def test_lsh_path_on_a_corpus_above_the_threshold(tmp_path):
    """600 distinct random quotes (LSH is used from 500) with near-duplicates planted across
    documents: LSH must find exactly the groups that scoring every pair finds."""
    pytest.importorskip("datasketch")
    rng = random.Random(7)
    words = ("trade sanctions border rail winter growth demand politics level distance minister talks "
             "budget energy exports harbour freight reserves currency ceasefire summit").split()
    sentences = [" ".join(rng.choice(words) for _ in range(12)) for _ in range(600)]
    planted = {3: "c1", 150: "c2", 420: "c3"}
    con = open_store(tmp_path / "big.duckdb")
    for n in range(60):
        batch = [(sentences[n * 10 + k], None) for k in range(10)]
        write_record(con, article(f"doc{n:02d}", f"Outlet {n}", f"2024-02-{n % 28 + 1:02d}", quotes=batch),
                     f"doc{n}.txt", f"h{n}")
    for index, doc_id in planted.items():
        copy = sentences[index].replace(sentences[index].split()[-1], "reserves", 1)
        write_record(con, article(doc_id, "Copy Desk", "2024-03-01", quotes=[(copy, None)]), doc_id, doc_id)
    with_lsh = corroborate(con, "quotes")
    exact = corroborate(con, "quotes", lsh_min_items=10**9)
    assert with_lsh == exact
    assert len(con.execute("SELECT * FROM quotes").fetchall()) >= 500
    planted_groups = [g for g in exact.quotes if set(g.documents) & set(planted.values())]
    assert len(planted_groups) == 3 and all(len(g.documents) == 2 for g in planted_groups)


def test_claim_mentions_carry_document_metadata(con):
    mention = next(m for m in claim_mentions(con) if m.document.id == "g")
    assert mention.document.outlet == "Morning Digest" and mention.document.published is None
    assert mention.document.source == "g.txt" and mention.position == 0
