"""The LSH band keys of the stored quotes and dated claims, kept so that corroboration can be
updated from a few new documents (``relata.analyze.corroboration_update``) without sketching
the whole store again.

Above ``LSH_MIN_ITEMS`` items a full rebuild pairs two texts when they share a band key
(``corroboration_pairs``); a text's keys depend on that text alone, so the keys stored by one
run and those computed for new texts in a later one compare exactly. One row per item and band;
band ``-1`` holds a hash of the whole text, which pairs identical texts the way a full rebuild
does (every copy of a text is paired, whether or not it has shingles to sketch).

``store_info`` keeps what the stored keys were computed for: the item counts and the LSH
threshold of the last rebuild or update. Below the threshold no keys are kept (a full rebuild
then scores every pair, which a small store affords).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

TABLE = "corroboration_bands"
COLUMNS = ("kind VARCHAR NOT NULL, document_id VARCHAR NOT NULL, position INTEGER NOT NULL, "
           "band SMALLINT NOT NULL, key UBIGINT NOT NULL")
QUOTES, CONFLICTS = "quote", "claim_conflict"
IDENTITY_BAND = -1
_STATE = {"lsh_min_items": "corroboration.lsh_min_items", "quotes": "corroboration.quote_items",
          "dated_claims": "corroboration.dated_claims"}


@dataclass(frozen=True)
class BandState:
    """What the stored band keys cover: the LSH threshold, and how many quotable quotes and
    dated claims (with a measure) the store held when they were written."""

    lsh_min_items: int
    quotes: int
    dated_claims: int

    def uses_lsh(self) -> bool:
        return min(self.quotes, self.dated_claims) >= self.lsh_min_items


def create_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} ({COLUMNS})")


def identity_key(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


class BandRows:
    """Rows for the bands table, collected from ``group_quotes``/``group_claims`` (full rebuild)
    or computed for new items (update); kept as Arrow columns (a store of 10,000 articles has
    about a million), written with one insert each."""

    def __init__(self):
        self.tables: list = []  # pyarrow tables, one per call of add
        self.items: dict[str, int] = {}  # items added, by kind

    def sink(self, kind: str):
        """A ``bands(items, texts, distinct, keys)`` callback for the grouping functions."""
        def collect(items, texts, distinct, keys):
            self.add(kind, items, texts, distinct, keys)
        return collect

    def add(self, kind: str, items: Sequence, texts: Sequence[str], distinct: Sequence[int], keys) -> None:
        """``items[i]`` (mentions with ``document`` and ``position``) compared on ``texts[i]``;
        ``keys[n]`` are the band keys of ``texts[distinct[n]]``."""
        import numpy as np
        import pyarrow as pa

        self.items[kind] = self.items.get(kind, 0) + len(items)
        if not items:
            return
        row_of = {texts[index]: n for n, index in enumerate(distinct)}
        keyed = np.array([row_of.get(text, -1) for text in texts], dtype=np.int64)
        has = np.flatnonzero(keyed >= 0)
        width = keys.shape[1] if len(distinct) else 0
        everyone = np.arange(len(items))
        # Every item's identity row, then a row per band for the items whose text has keys.
        item_of_row = np.concatenate([everyone, np.repeat(has, width)])
        band = np.concatenate([np.full(len(items), IDENTITY_BAND, dtype=np.int16),
                               np.tile(np.arange(width, dtype=np.int16), len(has))])
        value = np.concatenate([np.array([identity_key(text) for text in texts], dtype=np.uint64),
                                keys[keyed[has]].reshape(-1).astype(np.uint64)])
        documents = pa.array([item.document.id for item in items], pa.string())
        positions = np.array([item.position for item in items], dtype=np.int32)
        self.tables.append(pa.table({
            "kind": pa.DictionaryArray.from_arrays(pa.array(np.zeros(len(item_of_row), np.int32)), pa.array([kind])),
            "document_id": pa.DictionaryArray.from_arrays(pa.array(item_of_row.astype(np.int32)), documents),
            "position": pa.array(positions[item_of_row]),
            "band": pa.array(band),
            "key": pa.array(value),
        }))

    def insert(self, con: duckdb.DuckDBPyConnection) -> None:
        for table in self.tables:
            con.register("_relata_bands", table)
            try:
                con.execute(f"INSERT INTO {TABLE} SELECT kind::VARCHAR, document_id::VARCHAR, position, band, key "
                            "FROM _relata_bands")
            finally:
                con.unregister("_relata_bands")


def band_rows_for(kind: str, items: Sequence, texts: Sequence[str]) -> BandRows:
    """The rows of ``items`` compared on ``texts``, sketched now (a few new items)."""
    from relata.analyze.corroboration_pairs import band_keys, shingles

    rows = BandRows()
    distinct_texts = list(dict.fromkeys(t for t in texts if shingles(t)))
    first = {text: index for index, text in reversed(list(enumerate(texts)))}
    rows.add(kind, items, texts, [first[t] for t in distinct_texts], band_keys(distinct_texts))
    return rows


def read_state(con: duckdb.DuckDBPyConnection) -> BandState | None:
    values = dict(con.execute("SELECT key, value FROM store_info WHERE key IN (SELECT unnest(?))",
                              [list(_STATE.values())]).fetchall())
    if len(values) < len(_STATE):
        return None
    return BandState(*(int(values[key]) for key in _STATE.values()))


def write_state(con: duckdb.DuckDBPyConnection, state: BandState) -> None:
    for field, key in _STATE.items():
        con.execute("INSERT OR REPLACE INTO store_info VALUES (?, ?)", [key, str(getattr(state, field))])


def clear_state(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("DELETE FROM store_info WHERE key IN (SELECT unnest(?))", [list(_STATE.values())])
