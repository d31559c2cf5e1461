"""The stored LSH band keys: what makes updating corroboration from a few documents possible."""

import pytest

from relata.analyze.corroboration_bands import (
    IDENTITY_BAND,
    QUOTES,
    BandState,
    band_rows_for,
    create_table,
    identity_key,
    read_state,
    write_state,
)
from relata.analyze.corroboration_model import DocumentInfo, QuoteMention
from relata.analyze.corroboration_pairs import band_keys, lsh_shape, normalise
from relata.store import open_store

TEXTS = ["Our trade has reached a level that neither sanctions nor distance can undo",
         "The growth reflects demand on both sides, not politics",
         "The border crossings need new rail lines before the winter"]


def test_a_texts_keys_do_not_depend_on_what_it_is_sketched_with():
    pytest.importorskip("datasketch")
    together = band_keys(TEXTS)
    assert together.shape == (3, lsh_shape()[0])
    for n, text in enumerate(TEXTS):
        assert (band_keys([text])[0] == together[n]).all()
    assert (band_keys(TEXTS[::-1])[::-1] == together).all()


def test_rows_carry_every_band_and_the_identity_band(tmp_path):
    pytest.importorskip("datasketch")
    document = DocumentInfo("d1", "Outlet", "2024-01-02", "d1.txt")
    items = [QuoteMention(document, n, text, "direct", None, None) for n, text in enumerate(TEXTS + [TEXTS[0]])]
    texts = [normalise(m.text) for m in items]
    rows = band_rows_for(QUOTES, items, texts)
    assert rows.items == {QUOTES: 4}
    con = open_store(tmp_path / "s.duckdb")
    create_table(con)
    rows.insert(con)
    bands = lsh_shape()[0]
    per_item = dict(con.execute("SELECT position, count(*) FROM corroboration_bands GROUP BY ALL").fetchall())
    assert per_item == {n: bands + 1 for n in range(4)}
    identity = con.execute(f"SELECT position, key FROM corroboration_bands WHERE band = {IDENTITY_BAND} "
                           "ORDER BY position").fetchall()
    assert [key for _, key in identity] == [identity_key(t) for t in texts]
    same = con.execute("SELECT count(*) FROM corroboration_bands a JOIN corroboration_bands b "
                       "ON a.band = b.band AND a.key = b.key WHERE a.position = 0 AND b.position = 3").fetchone()[0]
    assert same == bands + 1  # a copy shares every key


def test_state_round_trip(tmp_path):
    con = open_store(tmp_path / "s.duckdb")
    assert read_state(con) is None
    write_state(con, BandState(500, 812, 499))
    state = read_state(con)
    assert state == BandState(500, 812, 499) and not state.uses_lsh()
