"""Rows of the converted tables, built from the parsed PETRARCH-2 files (no I/O here)."""

from __future__ import annotations

import hashlib
import re

from .actors import Entry
from .agents import Agent, Discard
from .codes import SECTORS, first_part_kind, split_code
from .crosswalk import Crosswalk
from .verbs import Pattern, VerbDictionary

_SLOT_TOKENS = {"$": "source", "+": "target"}


def pattern_id(p: Pattern) -> str:
    key = f"{p.block}|{p.before}|{p.after}|{p.code}|{p.direction}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _tokens(text: str) -> list[str]:
    return re.findall(r"[(){}]|[^\s(){}]+", text)


def flat_words(text: str) -> str:
    """``police (to border)`` -> ``police to border``; ``{&military attack}`` -> ``&military attack``;
    slot markers ``$`` and ``+`` stay where they are, ``^`` and ``%`` go."""
    return " ".join(t.replace("_", " ") for t in _tokens(text) if t not in "(){}^%")


def prepositions(text: str) -> list[str]:
    tokens = _tokens(text)
    return [tokens[i + 1] for i, t in enumerate(tokens[:-1]) if t == "(" and tokens[i + 1] not in "()"]


def _slot(p: Pattern, marker: str) -> str:
    places = [where for where, text in (("before", p.before), ("after", p.after)) if marker in _tokens(text)]
    return "|".join(places)


def pattern_rows(d: VerbDictionary, crosswalk: Crosswalk) -> list[dict]:
    rows: dict[tuple, dict] = {}
    for p in d.patterns:
        key = (p.block, p.before, p.after, p.code, p.direction)
        if key in rows:  # the same pattern written twice in a block: the first line is kept
            continue
        plover = crosswalk.plover(p.code)
        rows[key] = {
            "id": pattern_id(p), "block": p.block, "verb": p.verb, "cameo": p.code,
            "direction": p.direction, "plover_type": plover.type, "plover_mode": plover.mode,
            "plover_context": plover.context, "plover_rule": plover.rule,
            "before": p.before, "after": p.after, "words": flat_words(p.after),
            "prepositions": "|".join(prepositions(f"{p.before} {p.after}")),
            "source_slot": _slot(p, "$"), "target_slot": _slot(p, "+"),
            "synsets": "|".join(sorted(set(re.findall(r"&[a-z0-9_]+", f"{p.before} {p.after}")))),
            "line": p.line,
        }
    return sorted(rows.values(), key=lambda r: (r["block"], r["cameo"], r["direction"], r["before"],
                                                r["after"]))


def verb_rows(d: VerbDictionary, crosswalk: Crosswalk) -> list[dict]:
    rows: dict[tuple, dict] = {}
    for v in d.verbs:
        key = (v.block, v.before, v.lemma, v.after)
        if key in rows:  # listed twice in a block (STUN): one row, the forms of both
            forms = rows[key]["forms"].split("|") if rows[key]["forms"] else []
            rows[key]["forms"] = "|".join(dict.fromkeys([*forms, *v.forms]))
            continue
        plover = crosswalk.plover(v.code)
        reverse = crosswalk.plover(v.reverse_code) if v.reverse_code else None
        rows[key] = {
            "lemma": v.lemma, "before": v.before, "after": v.after, "block": v.block,
            "cameo": v.code, "reverse_cameo": v.reverse_code, "plover_type": plover.type,
            "plover_mode": plover.mode, "reverse_plover_type": reverse.type if reverse else "",
            "forms": "|".join(v.forms), "line": v.line,
        }
    return sorted(rows.values(), key=lambda r: (r["lemma"], r["after"], r["before"], r["block"]))


def synset_rows(d: VerbDictionary) -> list[dict]:
    rows: dict[tuple, dict] = {}
    for m in d.synsets:
        key = (m.synset, m.phrase)
        if key not in rows or (rows[key]["plural_of"] and not m.plural_of):
            rows[key] = {"synset": m.synset, "phrase": m.phrase, "plural_of": m.plural_of, "line": m.line}
    return sorted(rows.values(), key=lambda r: (r["synset"], r["phrase"]))


def crosswalk_rows(codes: set[str], crosswalk: Crosswalk) -> list[dict]:
    rows = []
    for code in sorted(codes):
        p = crosswalk.plover(code)
        rows.append({"cameo": code, "plover_type": p.type, "plover_mode": p.mode,
                     "plover_context": p.context, "rule": p.rule})
    return rows


def display_name(words: str) -> str:
    """``vladimir v. putin`` -> ``Vladimir V. Putin``; ``fsb`` -> ``FSB`` (a short word without a
    vowel, or with dots, is an acronym); ``ii`` -> ``II``. An approximation: the source is in capitals."""
    out = []
    for word in words.split():
        if re.fullmatch(r"[ivx]+", word) and word != "xi" or (
                word.isalpha() and len(word) <= 4 and not re.search(r"[aeiouy]", word)):
            out.append(word.upper())
        elif "." in word and len(word) > 2 and word.count(".") >= 2:
            out.append(word.upper())
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def actor_rows(files: list[tuple[str, list[Entry]]], iso: frozenset[str]) -> tuple[list[dict], list[dict]]:
    """(roles, names): one row per dated role of every entry, one per name form."""
    roles, names = [], []
    seen: dict[str, int] = {}
    for source, entries in files:
        for e in entries:
            count = seen[e.key] = seen.get(e.key, 0) + 1
            actor_id = e.key if count == 1 else f"{e.key}~{count}"
            name = display_name(e.names[0])
            for r in e.roles:
                parts = split_code(r.code, iso)
                roles.append({
                    "id": actor_id, "name": name, "source": source, "code": r.code,
                    "country": parts.country, "sector": parts.sector, "sectors": "|".join(parts.sectors),
                    "other": "|".join(parts.other),
                    "start": r.start.isoformat() if r.start else "",
                    "end": r.end.isoformat() if r.end else "", "line": e.line,
                })
            for form in e.names:
                names.append({"name": form, "id": actor_id})
    unique_roles = {tuple(r.values()): r for r in roles}
    unique_names = {(n["name"], n["id"]): n for n in names}
    return (sorted(unique_roles.values(), key=lambda r: (r["id"], r["start"], r["end"], r["code"])),
            sorted(unique_names.values(), key=lambda n: (n["name"], n["id"])))


def country_code_rows(codes: set[str], iso: frozenset[str]) -> list[dict]:
    rows = []
    for part in sorted({c[:3] for c in codes if c}):
        kind, country, note = first_part_kind(part, iso)
        rows.append({"cameo": part, "iso": country, "kind": kind, "note": note})
    return rows


def agent_rows(agents: list[Agent]) -> list[dict]:
    rows = {(a.noun, a.code, a.placement): {"noun": a.noun, "code": a.code, "sector": a.code[:3] if a.code[:3] in SECTORS else "",
                                            "placement": a.placement, "plural_of": a.plural_of,
                                            "line": a.line}
            for a in reversed(agents)}  # reversed: the first line of a duplicate wins
    return sorted(rows.values(), key=lambda r: (r["noun"], r["line"], r["code"]))


def discard_rows(discards: list[Discard]) -> list[dict]:
    rows = {(d.phrase, d.scope): {"phrase": d.phrase, "scope": d.scope,
                                  "whole_word": "1" if d.whole_word else "0", "line": d.line}
            for d in reversed(discards)}
    return sorted(rows.values(), key=lambda r: (r["phrase"], r["scope"]))
