"""Grammatical gender and number hints for coreference: pronouns, honorifics, given names,
gendered nouns.

All three lexicons are data files under ``data/people/``; a hint is ``"m"``, ``"f"`` or ``None``
(unknown, compatible with any pronoun).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from relata.mentions.tables import data_path, read_table


@dataclass(frozen=True, slots=True)
class Pronoun:
    gender: str | None
    plural: bool


def _gender(cell: str | None) -> str | None:
    return cell if cell in {"m", "f"} else None


@cache
def pronouns() -> dict[str, Pronoun]:
    return {
        r["pronoun"]: Pronoun(_gender(r.get("gender")), r.get("number") == "pl")
        for r in read_table(data_path("people", "pronouns.tsv"))
    }


@cache
def honorifics() -> dict[str, str | None]:
    return {
        r["honorific"]: _gender(r.get("gender")) for r in read_table(data_path("people", "honorifics.tsv"))
    }


@cache
def given_names() -> dict[str, str | None]:
    return {r["name"]: _gender(r.get("gender")) for r in read_table(data_path("people", "first_names.tsv"))}


@cache
def gendered_nouns() -> dict[str, str | None]:
    return {
        r["noun"]: _gender(r.get("gender")) for r in read_table(data_path("people", "gendered_nouns.tsv"))
    }


def noun_gender(lemma: str) -> str | None:
    """``mother`` -> ``f``; ``None`` for nouns that say nothing about gender."""
    return gendered_nouns().get(lemma.lower())


def pronoun(word: str) -> Pronoun | None:
    return pronouns().get(word.lower())


def is_honorific(word: str) -> bool:
    return word.lower() in honorifics()


def honorific_gender(word: str) -> str | None:
    return honorifics().get(word.lower())


def given_name_gender(full_name: str) -> str | None:
    """Gender signalled by the first word of a multi-word name, if it is a known given name."""
    words = full_name.split()
    return given_names().get(words[0].lower()) if len(words) > 1 else None


def compatible(actor_gender: str | None, wanted: str | None) -> bool:
    return actor_gender is None or wanted is None or actor_gender == wanted
