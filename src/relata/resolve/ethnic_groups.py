"""Peoples without a state of their own, and the state news means by them.

``Tamil rebels``, ``Chechen refugees``, ``Yoruba leaders``: the people's name is no state's name
or demonym, yet CAMEO-style coding puts such groups in a state (Sri Lanka, Russia, Nigeria). The
table (``data/people/ethnic_groups.tsv``) holds only peoples that live mostly in one state; a
people split between several (Kurds, Hutu) is left to a demonym or place in the text. Used only
where no better actor exists: a state or known actor named by the mention always wins.
"""

from __future__ import annotations

from functools import cache

from relata.mentions.names import name_key
from relata.mentions.tables import data_path, read_table, split_list


@cache
def _countries() -> dict[str, str]:
    out: dict[str, str] = {}
    for row in read_table(data_path("people", "ethnic_groups.tsv")):
        for text in (row["name"], *split_list(row.get("forms"))):
            out.setdefault(name_key(text), row["country"].upper())
    return out


def country_of_people(text: str) -> str | None:
    """The state of the people ``text`` names (``Tamils``, ``Chechen``), or ``None``."""
    return _countries().get(name_key(text))


def country_in_group_name(text: str) -> str | None:
    """The state of a people named by the first word of a group's name (``Tamil Tigers``,
    ``Chechen rebels``), or ``None``."""
    words = text.split()
    return country_of_people(words[0]) if words else None
