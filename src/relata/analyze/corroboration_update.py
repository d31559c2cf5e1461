"""Corroboration brought up to date after a round of new or changed documents, reading only what
they touch: the tables end up exactly as a full rebuild (``rebuild_corroboration``) would leave
them.

Why that is possible: whether two items are linked (the same figure, the same quote, two
conflicting figures) depends on the two items alone. Same figures are looked for among claims
of the same unit and direction with values within the tolerance (a range query, as the full
rebuild's sliding window); quotes and conflicting figures among the items sharing an LSH band
key (stored per item by ``corroboration_bands``: the pairs a full rebuild proposes). So a group
can change only if a touched document adds items linked to it or takes items out of it:

1. the groups that held items of touched documents are dissolved, and their remaining items,
   with the touched documents' new items, are the seeds;
2. from the seeds, links are followed (breadth first, one query per step) until no new item is
   reached; an item of an untouched group brings its whole group along without being explored
   (its other links are the ones the group was made of), an item in no group is explored (it
   was alone, or in a one-document component, which is small);
3. the components found are grouped as a full rebuild groups them; figures: conflicts of the
   new components are looked for among the stored items sharing a band key, and a figure
   conflicting with one in no group brings that figure's component in;
4. untouched groups keep their rows; their conflicts with dissolved groups are dropped (and
   found again from the new side where they still hold), and a group kept only by such a
   conflict goes;
5. every kept group is numbered again by first publication, as the full rebuild numbers them:
   the group tables are rewritten (they hold the groups, a small fraction of the items).

The update needs the stored band keys, so it runs only when a full rebuild (or update) left
them and both the quotes and the dated claims are above the LSH threshold before and after the
round; otherwise :func:`update_corroboration` returns ``None`` and the caller rebuilds in full.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

import duckdb

from relata.analyze.corroborate_claims import (
    EXACT_TOLERANCE,
    QUALIFIED_TOLERANCE,
    claim_group,
    claims_conflict,
    conflict_text,
    same_claim,
)
from relata.analyze.corroborate_claims import first_key as claim_first_key
from relata.analyze.corroborate_quotes import first_key as quote_first_key
from relata.analyze.corroborate_quotes import quotable, quote_group, same_normalised
from relata.analyze.corroboration import MIN_DOCUMENTS, claim_mentions, quote_mentions
from relata.analyze.corroboration_bands import (
    CONFLICTS,
    IDENTITY_BAND,
    QUOTES,
    BandState,
    band_rows_for,
    read_state,
    write_state,
)
from relata.analyze.corroboration_bands import TABLE as BANDS
from relata.analyze.corroboration_model import ClaimMention, DocumentInfo, QuoteMention
from relata.analyze.corroboration_pairs import LSH_MIN_ITEMS, normalise
from relata.analyze.corroboration_store import DOCUMENT_COLUMNS, insert_rows, mention_from_row
from relata.analyze.provenance import publication_order

Key = tuple[str, int]  # (document_id, position) of a stored claim or quote

_CLAIM_COLUMNS = "c.position, c.text, c.value, c.unit, c.qualifier, c.measure, c.period, c.change"
_QUOTE_COLUMNS = "q.position, q.text, q.kind, q.speaker, q.speaker_name"
_WIDEST = max(EXACT_TOLERANCE, QUALIFIED_TOLERANCE)


def update_corroboration(
    con: duckdb.DuckDBPyConnection, touched: list[str], lsh_min_items: int = LSH_MIN_ITEMS
) -> tuple[int, int] | None:
    """Update the group tables for the documents ``touched`` (added or removed since the tables
    were last right), in the caller's transaction. Returns the numbers of claim and quote groups,
    or ``None`` (nothing written) when only a full rebuild can give the same tables."""
    state = read_state(con)
    if state is None or state.lsh_min_items != lsh_min_items or not state.uses_lsh():
        return None
    new_quotes = [m for m in quote_mentions(con, touched) if quotable(m)]
    new_claims = [m for m in claim_mentions(con, touched) if m.measure]
    new_dated = [m for m in new_claims if m.period is not None]
    gone = dict(con.execute(
        f"SELECT kind, count(*) FROM {BANDS} WHERE band = {IDENTITY_BAND} "
        "AND document_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY kind", [touched]).fetchall())
    after = BandState(lsh_min_items, state.quotes - gone.get(QUOTES, 0) + len(new_quotes),
                      state.dated_claims - gone.get(CONFLICTS, 0) + len(new_dated))
    if not after.uses_lsh():
        return None
    con.execute(f"DELETE FROM {BANDS} WHERE document_id IN (SELECT unnest(?::VARCHAR[]))", [touched])
    band_rows_for(QUOTES, new_quotes, [normalise(m.text) for m in new_quotes]).insert(con)
    band_rows_for(CONFLICTS, new_dated, [conflict_text(m) for m in new_dated]).insert(con)
    write_state(con, after)
    touched_set = set(touched)
    try:
        quotes = _QuoteUpdate(con, touched_set).run(new_quotes)
        claims = _ClaimUpdate(con, touched_set).run(new_claims)
    finally:
        con.execute("DROP TABLE IF EXISTS _items")
    return claims, quotes


class _Components:
    """Union-find over item keys."""

    def __init__(self):
        self.parent: dict[Key, Key] = {}

    def add(self, key: Key) -> None:
        self.parent.setdefault(key, key)

    def root(self, key: Key) -> Key:
        parent = self.parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, a: Key, b: Key) -> None:
        self.add(a)
        self.add(b)
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def components(self) -> dict[Key, list[Key]]:
        out: dict[Key, list[Key]] = defaultdict(list)
        for key in self.parent:
            out[self.root(key)].append(key)
        return out


class _Update:
    """What claims and quotes share: the stored groups, the search from the seeds, the rewrite."""

    groups_table: str
    members_table: str

    def __init__(self, con: duckdb.DuckDBPyConnection, touched: set[str]):
        self.con = con
        self.touched = touched
        self.members: dict[int, list[Key]] = defaultdict(list)  # stored group -> members by rank
        for group_id, document_id, position in con.execute(
            f"SELECT group_id, document_id, position FROM {self.members_table} ORDER BY group_id, rank"
        ).fetchall():
            self.members[group_id].append((document_id, position))
        self.group_of: dict[Key, int] = {key: g for g, keys in self.members.items() for key in keys}
        self.dissolved = {g for g, keys in self.members.items() if any(d in touched for d, _ in keys)}
        self.absorbed: set[int] = set()  # untouched groups a new component took in
        self.items: dict[Key, object] = {}  # the mentions met so far
        self.explored: list[Key] = []  # items whose links were followed (not absorbed ones)
        self.links = _Components()

    # -- search ---------------------------------------------------------------------------------
    def seeds(self, new: list) -> list:
        remaining = [key for g in self.dissolved for key in self.members[g] if key[0] not in self.touched]
        return new + self.fetch(remaining)

    def explore(self, seeds: list, neighbours: Callable[[list], Iterable[tuple[Key, object]]],
                linked: Callable[[object, object], bool]) -> None:
        """Follow links from ``seeds`` until no new item is reached."""
        queued = {_key(m) for m in seeds}
        for m in seeds:
            self.items[_key(m)] = m
            self.links.add(_key(m))
        frontier = seeds
        while frontier:
            self.explored += [_key(m) for m in frontier]
            reached = []
            links = self.links
            for x_key, y in neighbours(frontier):
                y_key = _key(y)
                if y_key == x_key or (y_key in links.parent and links.root(x_key) == links.root(y_key)):
                    continue  # linked already, through others (copies of one quote in a group)
                if not linked(self.items[x_key], y):
                    continue
                self.items.setdefault(y_key, y)
                links.union(x_key, y_key)
                if y_key in queued:
                    continue
                group = self.group_of.get(y_key)
                if group is not None and group not in self.dissolved:
                    self.absorb(group)
                else:
                    queued.add(y_key)
                    reached.append(y)
            frontier = reached

    def absorb(self, group: int) -> None:
        """An untouched group joins a new component whole; its members are not explored again
        (their links to each other made the group; their links to new items are found from
        the new side)."""
        if group in self.absorbed:
            return
        self.absorbed.add(group)
        keys = self.members[group]
        for key in keys:
            self.links.union(keys[0], key)

    def complete(self) -> None:
        """Read the absorbed groups' members not met yet, in one query."""
        missing = [key for key in self.links.parent if key not in self.items]
        for mention in self.fetch(missing):
            self.items[_key(mention)] = mention

    def new_components(self) -> dict[Key, list]:
        """The components met, by root: mentions."""
        self.complete()
        return {root: [self.items[k] for k in keys] for root, keys in self.links.components().items()}

    # -- rewrite --------------------------------------------------------------------------------
    def untouched(self) -> list[int]:
        return [g for g in self.members if g not in self.dissolved and g not in self.absorbed]

    def first_keys(self, groups: list[int]) -> dict[int, tuple]:
        """The order key of stored groups: their rank-0 member is their first by publication."""
        if not groups:
            return {}
        rows = self.con.execute(
            f"SELECT m.group_id, {DOCUMENT_COLUMNS}, m.position FROM {self.members_table} m "
            "JOIN documents d ON d.id = m.document_id WHERE m.rank = 0 "
            "AND m.group_id IN (SELECT unnest(?::INTEGER[]))", [groups]).fetchall()
        return {row[0]: publication_order(DocumentInfo(*row[1:6])) + (row[6],) for row in rows}

    def rewrite(self, kept: list[tuple[tuple, int | None, object]], remap_row: Callable,
                new_rows: Callable) -> None:
        """``kept``: (order key, stored group id or None, new group or None) for every group the
        tables must hold, in the order that numbers them from 1, as a full rebuild does. The
        group rows are written again (a few hundred); the members of stored groups only change
        group number, in place."""
        stored_rows = {row[0]: row for row in self.con.execute(f"SELECT * FROM {self.groups_table}").fetchall()}
        groups, members, renumber = [], [], []
        for n, (_, stored, fresh) in enumerate(kept, start=1):
            if stored is not None:
                groups.append(remap_row(stored_rows[stored], n))
                renumber.append((stored, n))
            else:
                group_row, group_members = new_rows(fresh, n)
                groups.append(group_row)
                members += group_members
        self.con.execute(f"DELETE FROM {self.groups_table}")
        insert_rows(self.con, self.groups_table, groups)
        self.con.execute("CREATE OR REPLACE TEMP TABLE _renumber AS SELECT unnest(?::INTEGER[]) AS old, "
                         "unnest(?::INTEGER[]) AS new", [[old for old, _ in renumber], [new for _, new in renumber]])
        table = self.members_table
        self.con.execute(f"DELETE FROM {table} WHERE group_id NOT IN (SELECT old FROM _renumber)")
        self.con.execute(f"UPDATE {table} SET group_id = r.new FROM _renumber r WHERE {table}.group_id = r.old")
        self.con.execute("DROP TABLE _renumber")
        insert_rows(self.con, table, members)

    def fetch(self, keys: list[Key]) -> list:
        raise NotImplementedError


class _QuoteUpdate(_Update):
    groups_table, members_table = "quote_groups", "quote_group_members"

    def __init__(self, con, touched):
        super().__init__(con, touched)
        self.normalised: dict[Key, str] = {}

    def run(self, new: list[QuoteMention]) -> int:
        from relata.analyze.corroboration_store import quote_group_rows

        self.explore(self.seeds(new), self.neighbours, self.same)
        kept = [(quote_first_key(c), None, c) for c in self.new_components().values()
                if len({m.document.id for m in c}) >= MIN_DOCUMENTS]
        untouched = self.untouched()
        first = self.first_keys(untouched)
        kept += [(first[g], g, None) for g in untouched]
        kept.sort(key=lambda item: item[0])
        self.rewrite(kept, lambda row, n: (n, *row[1:]),
                     lambda members, n: quote_group_rows(quote_group(n, members)))
        return len(kept)

    def same(self, a: QuoteMention, b: QuoteMention) -> bool:
        return same_normalised(self.text(a), self.text(b))

    def text(self, m: QuoteMention) -> str:
        key = _key(m)
        if key not in self.normalised:
            self.normalised[key] = normalise(m.text)
        return self.normalised[key]

    def neighbours(self, frontier: list[QuoteMention]):
        """Stored quotes sharing a band key with a frontier quote."""
        _items_table(self.con, [_key(m) for m in frontier])
        rows = self.con.execute(
            f"{_band_pairs(QUOTES)} SELECT p.fd, p.fp, {DOCUMENT_COLUMNS}, {_QUOTE_COLUMNS} FROM quotes q "
            "JOIN pairs p ON p.document_id = q.document_id AND p.position = q.position "
            "JOIN documents d ON d.id = q.document_id").fetchall()
        return (((row[0], row[1]), mention_from_row(QuoteMention, row, 2)) for row in rows)

    def fetch(self, keys: list[Key]) -> list[QuoteMention]:
        rows = _fetch(self.con, keys, f"{DOCUMENT_COLUMNS}, {_QUOTE_COLUMNS} FROM quotes q "
                      "JOIN documents d ON d.id = q.document_id", "q")
        return [mention_from_row(QuoteMention, row) for row in rows]


class _ClaimUpdate(_Update):
    groups_table, members_table = "claim_groups", "claim_group_members"

    def run(self, new: list[ClaimMention]) -> int:
        from relata.analyze.corroboration_store import claim_group_rows

        self.explore(self.seeds(new), self.same_claim_neighbours, same_claim)
        found = self.conflicts()
        components = self.new_components()
        root_of = {key: root for root, keys in self.links.components().items() for key in keys}
        untouched = self.untouched()
        alive = set(untouched)
        stored_conflicts = dict(self.con.execute("SELECT id, conflicts FROM claim_groups").fetchall())

        def component(stored_group: int):
            """What a stored group is now: itself, the new component that took it in, or gone."""
            if stored_group in alive:
                return ("group", stored_group)
            if stored_group in self.absorbed:
                return root_of[self.members[stored_group][0]]
            return None  # dissolved: its items' conflicts were searched again

        partners: dict[object, set] = defaultdict(set)  # by component root or ("group", stored id)
        pairs = [(root_of[a], root_of.get(b) or component(self.group_of[b])) for a, b in found]
        # Conflicts between stored groups hold still (both items old); an absorbed group brings
        # its own to the component that took it in.
        for g in untouched + sorted(self.absorbed):
            pairs += [(component(g), component(other)) for other in stored_conflicts.get(g) or ()]
        for a, b in pairs:
            if a is not None and b is not None and a != b:
                partners[a].add(b)
                partners[b].add(a)
        documents = dict(self.con.execute("SELECT id, documents FROM claim_groups").fetchall())
        kept = [(claim_first_key(members), None, root) for root, members in components.items()
                if partners[root] or len({m.document.id for m in members}) >= MIN_DOCUMENTS]
        kept_groups = [g for g in untouched if partners[("group", g)] or documents[g] >= MIN_DOCUMENTS]
        first = self.first_keys(kept_groups)
        kept += [(first[g], g, None) for g in kept_groups]
        kept.sort(key=lambda item: item[0])
        number = {("group", stored) if stored is not None else fresh: n
                  for n, (_, stored, fresh) in enumerate(kept, start=1)}

        def conflict_ids(which) -> list[int]:
            return sorted(number[other] for other in partners[which])

        self.rewrite(
            kept,
            lambda row, n: (n, *row[1:9], conflict_ids(("group", row[0])), *row[10:]),
            lambda root, n: claim_group_rows(claim_group(n, components[root], conflict_ids(root))),
        )
        return len(kept)

    def conflicts(self) -> list[tuple[Key, Key]]:
        """Conflicting pairs with an explored item (new, of a dissolved group, or met in no group):
        pairs of two items of stored groups are in those groups' conflict lists already. A figure
        in no group found conflicting is followed into its own component (kept now, for the
        conflict), whose items are then searched too."""
        pairs: list[tuple[Key, Key]] = []
        searched = 0
        while searched < len(self.explored):
            todo = [self.items[k] for k in self.explored[searched:] if self.items[k].period is not None]
            searched = len(self.explored)
            unexplored = {}
            for x_key, y in self.conflict_neighbours(todo):
                y_key = _key(y)
                if y_key == x_key or not claims_conflict(self.items[x_key], y):
                    continue
                pairs.append((x_key, y_key))
                if y_key not in self.links.parent and self.group_of.get(y_key) is None:
                    unexplored[y_key] = y
            if unexplored:
                self.explore(list(unexplored.values()), self.same_claim_neighbours, same_claim)
        return pairs

    def same_claim_neighbours(self, frontier: list[ClaimMention]):
        """Stored claims that may be the same figure as a frontier claim: same unit and direction,
        compatible periods, values within tolerance (a superset: ``same_claim`` decides)."""
        _items_table(self.con, [_key(m) for m in frontier], frontier_columns(frontier))
        rows = self.con.execute(
            f"SELECT k.document_id, k.position, {DOCUMENT_COLUMNS}, {_CLAIM_COLUMNS} FROM _items k "
            "JOIN claims c ON c.unit = k.unit AND c.change = k.change AND c.value BETWEEN k.low AND k.high "
            "JOIN documents d ON d.id = c.document_id WHERE c.measure IS NOT NULL AND c.measure <> '' "
            "AND (c.period IS NULL OR k.period IS NULL OR c.period = k.period)"
        ).fetchall()
        return (((row[0], row[1]), mention_from_row(ClaimMention, row, 2)) for row in rows)

    def conflict_neighbours(self, frontier: list[ClaimMention]):
        """Stored dated claims sharing a band key with a frontier claim, of the same unit,
        direction and period (``claims_conflict`` decides)."""
        if not frontier:
            return iter(())
        _items_table(self.con, [_key(m) for m in frontier], frontier_columns(frontier))
        rows = self.con.execute(
            f"{_band_pairs(CONFLICTS)} SELECT p.fd, p.fp, {DOCUMENT_COLUMNS}, {_CLAIM_COLUMNS} FROM pairs p "
            "JOIN _items k ON k.document_id = p.fd AND k.position = p.fp "
            "JOIN claims c ON c.document_id = p.document_id AND c.position = p.position "
            "AND c.unit = k.unit AND c.change = k.change AND c.period = k.period "
            "JOIN documents d ON d.id = c.document_id").fetchall()
        return (((row[0], row[1]), mention_from_row(ClaimMention, row, 2)) for row in rows)

    def fetch(self, keys: list[Key]) -> list[ClaimMention]:
        rows = _fetch(self.con, keys, f"{DOCUMENT_COLUMNS}, {_CLAIM_COLUMNS} FROM claims c "
                      "JOIN documents d ON d.id = c.document_id", "c")
        return [mention_from_row(ClaimMention, row) for row in rows]


def frontier_columns(frontier: list[ClaimMention]) -> dict[str, tuple[str, list]]:
    """What the claim queries filter on, per frontier claim: unit, direction, period, value range."""
    bounds = [_value_window(m.value) for m in frontier]
    return {"unit": ("VARCHAR", [m.unit for m in frontier]), "change": ("BOOLEAN", [m.change for m in frontier]),
            "period": ("VARCHAR", [m.period for m in frontier]), "low": ("DOUBLE", [b[0] for b in bounds]),
            "high": ("DOUBLE", [b[1] for b in bounds])}


def _key(mention) -> Key:
    return mention.document.id, mention.position


def _value_window(value: float) -> tuple[float, float]:
    """A range holding every value that can agree with ``value`` (the exact test decides)."""
    slack = 1 - 2 * _WIDEST
    low, high = sorted((value * slack, value / slack))
    return low, high


def _items_table(con: duckdb.DuckDBPyConnection, keys: list[Key],
                columns: dict[str, tuple[str, list]] | None = None) -> None:
    """A temporary table ``_items`` of item keys, with further ``columns`` (name: (type, values))."""
    extra = columns or {}
    select = ", ".join(["unnest(?::VARCHAR[]) AS document_id", "unnest(?::INTEGER[]) AS position",
                        *(f"unnest(?::{kind}[]) AS {name}" for name, (kind, _) in extra.items())])
    con.execute(f"CREATE OR REPLACE TEMP TABLE _items AS SELECT {select}",
                [[k[0] for k in keys], [k[1] for k in keys], *(values for _, values in extra.values())])


def _band_pairs(kind: str) -> str:
    """A ``pairs`` CTE: ``(fd, fp)`` of ``_items`` and every stored item of ``kind`` sharing a band
    key with it, each pair once."""
    return f"""WITH pairs AS (
        SELECT DISTINCT k.document_id AS fd, k.position AS fp, o.document_id, o.position
        FROM _items k
        JOIN {BANDS} mine ON mine.kind = '{kind}' AND mine.document_id = k.document_id
            AND mine.position = k.position
        JOIN {BANDS} o ON o.kind = '{kind}' AND o.band = mine.band AND o.key = mine.key)"""


def _fetch(con: duckdb.DuckDBPyConnection, keys: list[Key], select: str, alias: str) -> list[tuple]:
    if not keys:
        return []
    _items_table(con, keys)
    return con.execute(f"SELECT {select} JOIN _items k ON k.document_id = {alias}.document_id "
                       f"AND k.position = {alias}.position").fetchall()


__all__ = ["update_corroboration"]
