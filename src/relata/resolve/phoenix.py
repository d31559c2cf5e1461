"""The Phoenix actor and agent dictionaries (``data/petrarch/``): names -> dated roles, role nouns -> sectors.

Read once per process, on first use, from the tables written by ``scripts/convert_petrarch.py``
(format in ``data/petrarch/README.md``).

- :func:`phoenix_actor` resolves a name on a date. A person in office then acts for the state
  (or, in an IGO role, for the organisation), with the office's sector (``Vladimir Putin`` on 2015-03-01: RUS, GOV, in office); before or after
  the office, the same name is a person (``in_office`` false; ``country`` the one their roles name,
  ``sector`` that of the role then in force, such as ``ELI``, or empty).
- :func:`agent_sector` / :func:`agent_code` give the sector of a role noun ("rebels" -> REB,
  "riot police" -> COP, "defense minister" -> GOV).

Which role holds on a date follows TABARI: the dated roles whose range contains the date (an office
first, then the latest start); if none, the undated roles (an office first); if none,
no role. Without a date only undated roles hold. The tables end at their *horizon* (the latest
date they hold, :func:`horizon`, 2015): past it, a role still open then is not known to hold any
more (offices end; the tables were not updated), and an undated role says nothing either, so a
name on a later date has no role, only its country (:func:`phoenix_actor`). Names compare by
:func:`relata.mentions.names.name_key`, so ``Vladimir V. Putin``, ``VLADIMIR V PUTIN`` and
``vladimir v. putin`` are one name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from importlib import resources

from relata.mentions.names import name_key

FOLDER = "petrarch"
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
SOURCES = ("countries", "international", "nonstate")  # the order candidates are preferred in


@dataclass(frozen=True, slots=True)
class PhoenixRole:
    code: str  # CAMEO actor code: "RUSGOV"
    country: str  # ISO alpha-3, "" for none
    sector: str  # "GOV", "ELI", "REB", "IGO" ... "" for a bare country
    sectors: tuple[str, ...]
    other: tuple[str, ...]  # organisations, regions, religions in the code ("UNO", "MUS")
    start: date | None
    end: date | None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def state(self) -> bool:
        """A role in which the holder acts for a state (government, military, police, courts,
        legislature, intelligence)."""
        return bool(self.country) and self.sector in STATE_SECTORS

    @property
    def office(self) -> bool:
        """A role in which the holder acts for a state or for an international organisation (IGO)."""
        return self.state or self.sector == "IGO"


@dataclass(frozen=True, slots=True)
class PhoenixActor:
    id: str  # "VLADIMIR_PUTIN"
    name: str  # "Vladimir Putin"
    source: str  # "countries", "international", "nonstate"
    roles: tuple[PhoenixRole, ...]

    def role_on(self, day: date | None, horizon: date | None = None) -> PhoenixRole | None:
        """The role in force on ``day``; past ``horizon`` only a dated role that ends later holds."""
        if day is not None:
            dated = [r for r in self.roles if r.dated and r.holds_on(day)]
            if horizon is not None and day > horizon:
                dated = [r for r in dated if r.end is not None]
                return max(dated, key=lambda r: (r.office, r.start or date.min)) if dated else None
            if dated:
                return max(dated, key=lambda r: (r.office, r.start or date.min))
        undated = [r for r in self.roles if not r.dated]
        return max(undated, key=lambda r: r.office) if undated else None

    @property
    def countries(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.country for r in self.roles if r.country))


@dataclass(frozen=True, slots=True)
class PhoenixMatch:
    """What a name stands for on a date."""

    actor: PhoenixActor
    role: PhoenixRole | None  # the role in force, None when none is
    country: str  # the role's country; out of any role, the one country the roles name ("" if several)
    sector: str  # the role's sector ("" out of any role or for a bare country)
    in_office: bool  # the role in force is an office: the name acts for ``country`` (a state
    # role) or for ``organisation`` (an IGO role)

    @property
    def organisation(self) -> str:
        """The CAMEO organisation code of an IGO role (``UNO``, ``NAT``), else ""."""
        if self.role is None or self.role.sector != "IGO":
            return ""
        return self.role.other[-1] if self.role.other else ""

    @property
    def id(self) -> str:
        return self.actor.id

    @property
    def name(self) -> str:
        return self.actor.name


@dataclass(frozen=True, slots=True)
class AgentCode:
    noun: str
    code: str  # "GOV", "GOVMED", "REBMUS"
    sector: str  # first three letters when a sector, else ""
    placement: str  # "after" the country (~GOV) or "before" it (IGO~)


def _lines(name: str) -> list[str]:
    """The data lines of a table (header first), or [] when it is missing."""
    path = resources.files("relata.data").joinpath(FOLDER).joinpath(name)
    if not path.is_file():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


_KEY_CHANGES = frozenset(".,'`")


def _table_key(words: str) -> str:
    """name_key of a table's name, skipping the work for the plain ASCII names (most) it would
    return unchanged: the tables are lower-case and single-spaced already."""
    if words.isascii() and not _KEY_CHANGES.intersection(words) and not words.startswith("the "):
        return words
    return name_key(words)


@dataclass(frozen=True)
class _Tables:
    rows: dict[str, list[str]]  # actor id -> its role lines, parsed into a PhoenixActor on first use
    columns: dict[str, int]
    by_name: dict[str, tuple[str, ...]]  # name_key -> actor ids, in preference order


@cache
def _tables() -> _Tables:
    lines = _lines("actors.tsv")
    columns = {c: i for i, c in enumerate(lines[0].split("\t"))} if lines else {}
    rows: dict[str, list[str]] = {}
    for line in lines[1:]:
        rows.setdefault(line[:line.index("\t")], []).append(line)
    rank = {source: n for n, source in enumerate(SOURCES)}
    source = columns.get("source", 2)
    source_rank = {i: rank.get(found[0].split("\t", source + 1)[source], 9) for i, found in rows.items()}
    found: dict[str, list[str]] = {}
    for line in _lines("actor_names.tsv")[1:]:
        name, _, actor_id = line.partition("\t")
        if actor_id in rows:
            found.setdefault(_table_key(name), []).append(actor_id)
    by_name = {key: tuple(sorted(dict.fromkeys(ids), key=lambda i: (source_rank[i], i)))
               for key, ids in found.items()}
    return _Tables(rows, columns, by_name)


@cache
def _agents() -> dict[str, AgentCode]:
    """The agents table alone: role nouns are looked up in every document, the 37,000 actor rows
    only for people of documents the tables cover (:func:`horizon`)."""
    agents: dict[str, AgentCode] = {}
    agent_lines = _lines("agents.tsv")
    if agent_lines:
        head = {c: i for i, c in enumerate(agent_lines[0].split("\t"))}
        cells = sorted((line.split("\t") for line in agent_lines[1:]), key=lambda c: int(c[head["line"]]))
        for c in cells:
            agents.setdefault(_table_key(c[head["noun"]]), AgentCode(
                c[head["noun"]], c[head["code"]], c[head["sector"]], c[head["placement"]]))
    return agents


_ISO_DATE = re.compile(r"\t(\d{4}-\d\d-\d\d)(?=\t)")


@cache
def horizon() -> date | None:
    """The latest date the actor tables hold (a role's start or end): they say nothing later.
    Read by a scan of the dates alone, so that a document past it never loads the tables."""
    path = resources.files("relata.data").joinpath(FOLDER).joinpath("actors.tsv")
    if not path.is_file():
        return None
    return _day(max(_ISO_DATE.findall(path.read_text(encoding="utf-8")), default=""))


@dataclass(frozen=True)
class _Raw:
    """The actor and name tables as text, searched for one name at a time: a document names a
    handful of people, and building the full index (:func:`_tables`) costs a tenth of a second."""

    actors: str  # "\n" + the data lines + "\n": every row found by "\n<id>\t"
    columns: dict[str, int]
    names: str
    odd_names: dict[str, tuple[str, ...]]  # name_key -> ids, for the names not written as their key


def _as_text(lines: list[str]) -> str:
    return "\n" + "\n".join(lines) + "\n"


@cache
def _raw() -> _Raw:
    actor_lines = _lines("actors.tsv")
    columns = {c: i for i, c in enumerate(actor_lines[0].split("\t"))} if actor_lines else {}
    names = _as_text(_lines("actor_names.tsv")[1:])
    odd: dict[str, list[str]] = {}
    for found in _ODD_NAME.finditer(names):
        key = _table_key(found.group(1))
        if key != found.group(1):
            odd.setdefault(key, []).append(found.group(2))
    return _Raw(_as_text(actor_lines[1:]), columns, names, {k: tuple(v) for k, v in odd.items()})


# a name line whose name may differ from its name_key: "the ...", dots, commas, quotes, non-ASCII
_ODD_NAME = re.compile(r"^((?:the |[^\t\n]*[.,'`\u0080-\uffff])[^\t\n]*)\t([^\n]*)$", re.MULTILINE)


def _found_after(text: str, needle: str) -> list[str]:
    """The rest of every line of ``text`` that starts with ``needle``."""
    out = []
    at = text.find(needle)
    while at != -1:
        end = text.index("\n", at + 1)
        out.append(text[at + len(needle):end])
        at = text.find(needle, end)
    return out


# After this many names searched in the text, a process is reading a corpus: the full index
# (:func:`_tables`, a tenth of a second) pays for itself within a few documents.
INDEX_AFTER_SEARCHES = 100
_searches = 0


def _indexed() -> bool:
    return _searches >= INDEX_AFTER_SEARCHES


def _rows(actor_id: str) -> list[str]:
    if _indexed():
        return _tables().rows.get(actor_id, [])
    return [actor_id + "\t" + rest for rest in _found_after(_raw().actors, "\n" + actor_id + "\t")]


@lru_cache(maxsize=100_000)
def _ids_named(key: str) -> tuple[str, ...]:
    """The ids of the entries with the name ``key``, in preference order (as :func:`_tables`)."""
    global _searches
    if _indexed():
        return _tables().by_name.get(key, ())
    _searches += 1
    return _searched_ids(key)


def _searched_ids(key: str) -> tuple[str, ...]:
    raw = _raw()
    ids = [i for i in dict.fromkeys([*_found_after(raw.names, "\n" + key + "\t"), *raw.odd_names.get(key, ())])
           if _rows(i)]
    rank = {source: n for n, source in enumerate(SOURCES)}
    column = raw.columns.get("source", 2)
    return tuple(sorted(ids, key=lambda i: (rank.get(_rows(i)[0].split("\t")[column], 9), i)))


@cache
def _actor(actor_id: str) -> PhoenixActor:
    col = _raw().columns
    rows = [line.split("\t") for line in _rows(actor_id)]
    roles = tuple(PhoenixRole(
        r[col["code"]], r[col["country"]], r[col["sector"]],
        tuple(p for p in r[col["sectors"]].split("|") if p), tuple(p for p in r[col["other"]].split("|") if p),
        _day(r[col["start"]]), _day(r[col["end"]])) for r in rows)
    return PhoenixActor(actor_id, rows[0][col["name"]], rows[0][col["source"]], roles)


def as_date(on_date: date | datetime | str | None) -> date | None:
    if on_date is None or on_date == "":
        return None
    if isinstance(on_date, datetime):
        return on_date.date()
    if isinstance(on_date, date):
        return on_date
    text = str(on_date).strip()
    if len(text) == 4 and text.isdigit():  # a year: its middle, so an office held all year is found
        return date(int(text), 7, 1)
    if len(text) == 7:  # YYYY-MM
        return date.fromisoformat(text + "-15")
    return date.fromisoformat(text[:10])


def _key(name_words: str | Iterable[str]) -> str:
    return name_key(name_words if isinstance(name_words, str) else " ".join(name_words))


def phoenix_entries(name_words: str | Iterable[str]) -> tuple[PhoenixActor, ...]:
    """Every Phoenix entry listing this name (several for a name the dictionaries share)."""
    return tuple(_actor(i) for i in _ids_named(_key(name_words)))


def phoenix_actor(name_words: str | Iterable[str], on_date: date | datetime | str | None) -> PhoenixMatch | None:
    """What ``name_words`` stands for on ``on_date`` (a date, or ISO ``YYYY-MM-DD``/``YYYY-MM``/``YYYY``),
    or None for a name the dictionaries do not list.

    Among several entries with the name, one in office on the date comes first, then one in
    any role, then the countries file before the international and non-state ones."""
    entries = phoenix_entries(name_words)
    if not entries:
        return None
    day = as_date(on_date)
    matches = [_match(actor, actor.role_on(day, horizon())) for actor in entries]
    return max(matches, key=lambda m: (m.in_office, m.role is not None, -entries.index(m.actor)))


def _match(actor: PhoenixActor, role: PhoenixRole | None) -> PhoenixMatch:
    if role is not None:
        return PhoenixMatch(actor, role, role.country, role.sector, role.office)
    countries = actor.countries
    return PhoenixMatch(actor, None, countries[0] if len(countries) == 1 else "", "", False)


def agent_code(noun: str | Iterable[str]) -> AgentCode | None:
    """The agents table's row for a role noun (singular or plural): "riot police" -> COP."""
    return _agents().get(_key(noun))


def agent_sector(noun: str | Iterable[str]) -> str | None:
    """The sector of a role noun: "president" -> GOV, "rebels" -> REB, "police" -> COP; None for
    a noun the table does not list or whose code is no sector (religions: "bishop" -> CHR)."""
    found = agent_code(noun)
    return found.sector or None if found else None


def table_sizes() -> dict[str, int]:
    t = _tables()
    return {"actors": len(t.rows), "roles": sum(len(r) for r in t.rows.values()),
            "names": len(t.by_name), "agents": len(_agents())}
