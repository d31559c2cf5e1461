"""The rules of corroboration, on hand-made mentions: no store, no extraction."""

from datetime import date

import pytest

from relata.analyze.corroborate_claims import (
    claims_conflict,
    measures_similar,
    same_claim,
    significant_digits,
    values_agree,
    values_conflict,
)
from relata.analyze.corroborate_quotes import quotable, same_quote
from relata.analyze.corroboration_model import ClaimMention, DocumentInfo, QuoteMention
from relata.analyze.corroboration_pairs import candidate_pairs, connected_groups, shingles
from relata.analyze.provenance import date_interval, first_reported

DOC = DocumentInfo("d1", "Outlet", "2024-01-12", "d1.txt")


def claim(value, qualifier="exact", measure="trade between China and Russia", period="2023",
          unit="USD", change=False):
    return ClaimMention(DOC, 0, str(value), value, unit, qualifier, measure, period, change)


def doc(doc_id, published):
    return DocumentInfo(doc_id, f"Outlet {doc_id}", published, f"{doc_id}.txt")


# Values -------------------------------------------------------------------------------------

def test_rounded_exact_value_agrees_within_two_percent():
    assert values_agree(claim(240.1e9), claim(240e9))
    assert values_agree(claim(26.3, unit="percent"), claim(26, unit="percent"))
    assert not values_agree(claim(110.9e9), claim(119.0e9))


def test_about_widens_the_tolerance():
    # 4% apart: too far for two exact figures, close enough when one says "about".
    assert not values_agree(claim(240.1e9), claim(230e9))
    assert values_agree(claim(240.1e9), claim(230e9, qualifier="about"))


def test_bounds_that_hold_are_not_conflicts():
    assert not values_conflict(claim(300e9, qualifier="more_than"), claim(240e9, qualifier="more_than"))
    assert not values_conflict(claim(200e9, qualifier="more_than"), claim(240.1e9))
    assert values_conflict(claim(300e9, qualifier="more_than"), claim(240.1e9))
    assert not values_conflict(claim(600e6, qualifier="up_to"), claim(450e6))
    assert values_conflict(claim(600e6, qualifier="up_to"), claim(900e6))
    assert values_conflict(claim(110.9e9), claim(119.0e9))


@pytest.mark.parametrize("value, digits", [(240_100_000_000, 4), (240e9, 2), (26.3, 3), (0.05, 1), (119.0e9, 3)])
def test_significant_digits(value, digits):
    assert significant_digits(value) == digits


# Measures and whole claims ------------------------------------------------------------------

def test_reordered_measure_is_the_same_measure_for_any_figure():
    a = claim(2e9, measure="trade between China and Russia")
    b = claim(2e9, measure="bilateral trade between Russia and China")
    assert measures_similar(a, b)


def test_a_shared_content_word_is_enough_only_for_a_precise_figure():
    headline = "China-Russia trade hits record"
    plain = "Trade between China and Russia"
    assert measures_similar(claim(240.1e9, measure=headline), claim(240.1e9, measure=plain))
    # 2 billion of something "trade": too common a figure to trust a one-word overlap.
    assert not measures_similar(claim(2e9, measure="trade deficit with Japan"),
                                claim(2e9, measure="arms trade"))
    assert not measures_similar(claim(240.1e9, measure=None), claim(240.1e9))


def test_same_claim_needs_unit_direction_and_compatible_period():
    base = claim(240.1e9)
    assert same_claim(base, claim(240e9, qualifier="about"))
    assert same_claim(base, claim(240.1e9, period=None))
    assert not same_claim(base, claim(240.1e9, period="2022"))
    assert not same_claim(base, claim(240.1e9, unit="EUR"))
    assert not same_claim(base, claim(240.1e9, change=True))


def test_conflict_needs_the_same_known_period_and_nearly_the_same_measure():
    exports = "China's exports to Russia"
    assert claims_conflict(claim(110.9e9, measure=exports), claim(119.0e9, measure=exports))
    assert not claims_conflict(claim(110.9e9, measure=exports), claim(119.0e9, measure=exports, period=None))
    assert not claims_conflict(claim(110.9e9, measure=exports), claim(119.0e9, measure=exports, period="2022"))
    assert not claims_conflict(claim(110.9e9, measure=exports),
                               claim(95.2e9, measure="Russian energy exports to China"))
    assert not claims_conflict(claim(110.9e9, measure=exports), claim(111e9, measure=exports))


# Quotes -------------------------------------------------------------------------------------

FULL = "Our trade has reached a level that neither sanctions nor distance can undo, and next year we will build on it"


def test_verbatim_trimmed_and_reworded_quotes_are_the_same_quote():
    assert same_quote(FULL, FULL + ",")
    assert same_quote(FULL, "Our trade has reached a level that neither sanctions nor distance can undo")
    assert same_quote(FULL, FULL.replace("that", "which").replace("undo", "reverse"))
    assert same_quote("The growth reflects demand on both sides, not politics,",
                      "The growth reflects demand on both sides and not politics")


def test_different_or_too_short_fragments_are_not_the_same_quote():
    assert not same_quote(FULL, "Our trade with Europe has collapsed and we will not pretend otherwise")
    assert not same_quote(FULL, "neither sanctions nor distance")  # under 40% of the longer quote
    assert not same_quote("", FULL)


def test_only_quoted_words_of_some_length_are_quotable():
    def quote(text, kind="direct"):
        return QuoteMention(DOC, 0, text, kind, None, None)

    assert quotable(quote(FULL)) and quotable(quote(FULL, "partial"))
    assert not quotable(quote(FULL, "indirect"))
    assert not quotable(quote("No comment"))


# Provenance ---------------------------------------------------------------------------------

def test_date_interval_reads_three_precisions_and_rejects_the_rest():
    assert date_interval("2024-02-29") == (date(2024, 2, 29), date(2024, 2, 29))
    assert date_interval("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert date_interval("2023") == (date(2023, 1, 1), date(2023, 12, 31))
    assert date_interval("2023-02-30") is None
    assert date_interval("March 3") is None and date_interval(None) is None


def test_first_reported_clear_tie_and_undated():
    clear = first_reported([doc("b", "2024-01-13"), doc("a", "2024-01-12"), doc("u", None)])
    assert (clear.status, clear.first, clear.published, clear.undated) == ("clear", ("a",), "2024-01-12", ("u",))
    tie = first_reported([doc("c", "2024-01-15"), doc("d", "2024-01-15"), doc("e", "2024-01-18")])
    assert (tie.status, tie.first) == ("tie", ("c", "d"))
    unknown = first_reported([doc("u", None), doc("v", "soon")])
    assert (unknown.status, unknown.first, unknown.published, unknown.undated) == ("unknown", (), None, ("u", "v"))


def test_a_month_only_date_overlapping_the_earliest_day_is_a_tie():
    result = first_reported([doc("day", "2024-01-12"), doc("month", "2024-01"), doc("later", "2024-02-01")])
    assert result.status == "tie" and result.first == ("month", "day")
    # ... but a month that ended before the earliest day is simply first.
    assert first_reported([doc("day", "2024-02-12"), doc("month", "2024-01")]).first == ("month",)


def test_the_same_document_twice_is_one_reporter():
    result = first_reported([doc("a", "2024-01-12"), doc("a", "2024-01-12")])
    assert (result.status, result.first) == ("clear", ("a",))


# Candidate pairs ----------------------------------------------------------------------------

def test_connected_groups_are_transitive_and_ordered():
    assert connected_groups(5, [(3, 4), (0, 2), (2, 4)]) == [[0, 2, 3, 4], [1]]
    assert connected_groups(0, []) == []


def test_lsh_candidates_find_near_duplicates_and_skip_unrelated_texts():
    pytest.importorskip("datasketch")
    texts = [FULL, FULL.replace("undo", "reverse"), "A completely different sentence about fishing quotas",
             "Our trade has reached a level that neither sanctions nor distance can undo"]
    exact = set(candidate_pairs(texts, lsh_min_items=100))
    lsh = set(candidate_pairs(texts, lsh_min_items=0))
    assert exact == {(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)}
    assert {(0, 1), (0, 3), (1, 3)} <= lsh
    assert not {(0, 2), (1, 2), (2, 3)} & lsh


def test_shingles_normalise_case_and_punctuation():
    assert shingles("Undo!") == shingles("undo") == {"undo"}
    assert shingles("Trade, up") == {"trad", "rade", "ade ", "de u", "e up"}
