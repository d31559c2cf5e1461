"""Figures in text: numbers in digits or words with their scale, currency, percent or unit.

``$240.1 billion`` -> 240100000000 USD; ``26.3%`` -> 26.3 percent; ``1.2 million`` ->
1200000; ``a quarter`` -> 0.25; ``dozens`` -> 24 (a lower bound); ``5kW`` -> 5 kilowatt.
This module reads characters only; whether a figure is a claim (not a year, a name, a phone
number) and what it counts is decided on the parse in :mod:`relata.relations.claims`.
Lexicons: ``data/currencies.tsv``, ``data/claim_units.tsv``, ``data/number_words.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from relata.mentions.number_words import cardinal_words, lexicon, words_value


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    value: float
    unit: str | None
    kind: str  # money, percent, measure, number, words, vague, fraction
    scaled: bool = False
    bound: str | None = None  # qualifier implied by the figure itself ("dozens" -> more_than)


def _table(name: str) -> list[list[str]]:
    text = resources.files("relata.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def currencies() -> tuple[dict[str, str], dict[str, str]]:
    """(symbols written before an amount, words written after it) -> ISO 4217 code."""
    symbols, words = {}, {}
    for kind, form, code in _table("currencies.tsv"):
        (symbols if kind == "symbol" else words)[form if kind == "symbol" else form.lower()] = code
    return symbols, words


@cache
def shared_currencies() -> dict[str, list[tuple[str, re.Pattern]]]:
    """Currency names several states use (``crowns``) -> (ISO code, pattern of words naming that
    state), from ``data/currency_names_shared.tsv``."""
    table: dict[str, list[tuple[str, re.Pattern]]] = {}
    for lemma, code, names in _table("currency_names_shared.tsv"):
        table.setdefault(lemma, []).append((code, re.compile(rf"\b(?:{names})\b")))
    return table


@cache
def units() -> dict[str, str]:
    """Unit abbreviations (case-sensitive) -> unit name."""
    return {abbr: name for abbr, name in _table("claim_units.tsv")}


@cache
def folded_units() -> dict[str, str]:
    """The abbreviations longer than two letters, lower-cased (``KWH`` -> ``kwh``) -> unit name:
    compared with a word's lower-case form."""
    return {abbr.lower(): name for abbr, name in units().items() if len(abbr) > 2}


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _figure() -> regex.Pattern:
    symbols, words = currencies()
    word_symbols = [s for s in symbols if s[-1].isalpha()]
    sign_symbols = [s for s in symbols if not s[-1].isalpha()]
    sign_symbols += [s[:-1] + " $" for s in sign_symbols if len(s) > 1 and s.endswith("$") and s[0] != "$"]
    lettered = [s for s in sign_symbols if any(c.isalpha() for c in s)]
    spaced = [s for s in lettered if " " in s and s[0] not in "ARS"]  # "HK $", "c $" in lower-cased text
    lettered = [s for s in lettered if s not in spaced]
    pure = [s for s in sign_symbols if s not in lettered]
    scale = r"(?P<scale>(?:hundred\s+)?(?:thousand|million|billion|trillion)|hundred|thousand|million|billion|trillion|mn|mln|bln|bn|tn|trn|tln|lakh|crore)"
    post_words = _alt(words)
    unit_abbr = _alt(u for u in units() if len(u) > 2 or u in ("km", "kg", "mm", "cm", "ft", "lb", "hp", "kW", "MW", "GW", "GB", "MB", "TB", "Hz", "mi"))
    attached = _alt(u for u in units() if len(u) <= 2)
    return regex.compile(
        rf"(?<![\w.,:/#])(?:(?<=sub-)|(?<![A-Za-z]-))"
        rf"(?:(?P<sym>(?-i:{_alt(lettered)})|{_alt(pure)})\s?|(?P<wsym>(?-i:{_alt(word_symbols)}))\s?)?"
        rf"(?P<neg>(?<![\w.])[-−](?=\d)|(?<!or\s)minus[\s-](?=\d))?"
        rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d{{1,3}}(?:[\u202f\u00a0]\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?!\.?\d|,\d{{3}}|:\d|/\d)"
        rf"(?:(?:\s|-)?{scale}\b|(?P<abbr>k|K|m|b|M|B)(?![A-Za-z]))?"
        rf"(?:\s?(?P<pct>%|percent\b|per\s?cent\b|pct\b|percentage points?\b|percentage\b|basis points?\b|bps\b|(?-i:pc)\b)"
        rf"|(?P<psym>[€£$¥₹₽₩])|\s(?P<cur>{post_words})\b(?!-)|\s?(?P<iso>(?-i:[A-Z]{{3}}))\b|\s?(?P<unit>(?-i:{unit_abbr}))(?![\w°])|(?P<unit1>(?-i:{attached}))(?![\w°]))?"
        rf"(?![A-Za-z0-9])",
        regex.IGNORECASE | regex.V0,  # `re` semantics, faster (see time_patterns)
    )


@cache
def _words() -> regex.Pattern:
    lex = lexicon()
    word = rf"(?:{_alt(cardinal_words())}|dozen)"
    denominators = _alt([*(w + "s" for w in lex["ordinal"]), *lex["ordinal"], "half", "halves", "quarter", "quarters"])
    small = _alt([w for w, v in lex["unit"].items() if 1 <= v <= 19])
    vague = _alt(lex["vague"])
    return regex.compile(
        rf"\b(?P<wneg>(?:minus|negative)\s+)?(?:(?P<frac>(?:a|an|{small})[\s-]+(?:{denominators})|half(?=\s+(?:of|a|an|the)\b))"
        rf"|(?P<vague>{vague})(?=\s+of\b|\s+[a-z]+s\b)"
        rf"|(?P<words>(?:(?:a|an)\s+(?=hundred|thousand|million|billion|trillion|dozen))?{word}"
        rf"(?:(?:\s+and\s+|[\s-]+){word})*(?:\s+dozens|\s+and\s+an?\s+(?:half|quarter))?)(?:\s+(?P<wpct>percent|per\s?cent|percentage(?!\s+points?))|\s+(?P<wcur>{_alt(currencies()[1])}))?)\b",
        regex.IGNORECASE | regex.V0,  # `re` semantics, faster (see time_patterns)
    )


def _number(raw: str) -> float:
    return float(re.sub(r"[,\u202f\u00a0]", "", raw))


def _scale(words: str | None) -> float:
    """``million`` -> 1e6; ``hundred million`` -> 1e8."""
    factor = 1.0
    for word in (words or "").lower().split():
        factor *= lexicon()["scale"].get(word, 1.0)
    return factor


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text``, in order, non-overlapping (digits win over words)."""
    symbols, words = currencies()
    found: list[Quantity] = []
    for m in _figure().finditer(text):
        g = m.groupdict()
        if g["sym"] and " " in g["sym"]:
            g["sym"] = g["sym"].replace(" ", "").upper()
        value = _number(g["num"]) * _scale(g["scale"])
        if g["neg"]:
            value = -value
        scaled = bool(g["scale"])
        unit, kind = None, "number"
        sym = g["sym"] or g["wsym"] or g["psym"]
        abbr = g["abbr"]
        if abbr:
            distance = _DISTANCE_AFTER.match(text[m.end():m.end() + 20])
            if abbr in "kKMB" or sym or abbr == "b" or (abbr == "m" and not distance):
                value *= {"k": 1e3, "m": 1e6, "b": 1e9}[abbr.lower()]
                scaled = True
            elif abbr == "m":
                unit, kind = units()["m"], "measure"
            else:
                continue
        if sym:
            unit, kind = symbols[sym], "money"
            if sym == "¥" and _CHINA.search(text, max(0, m.start() - 200), m.end() + 200):
                unit = "CNY"
        if g["pct"]:
            pct = g["pct"].lower()
            unit = "percentage point" if "point" in pct else "basis point" if pct.startswith(("basis", "bp")) else "percent"
            kind = "percent"
        elif g["cur"]:
            code = words[g["cur"].lower()]
            if unit is None or unit == code:
                unit, kind = code, "money"
        elif g["iso"]:
            if g["iso"] in symbols.values() or g["iso"] in symbols:
                unit, kind = symbols.get(g["iso"], g["iso"]), "money"
            else:
                end = m.start("iso")
                found.append(Quantity(m.start(), end, value, unit, kind, scaled))
                continue
        elif (g["unit"] or g["unit1"]) and unit is None:
            unit, kind = units()[g["unit"] or g["unit1"]], "measure"
        end = m.end()
        if (g["unit"] or g["unit1"]) and kind != "measure":
            end = m.start("unit" if g["unit"] else "unit1")
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        found.append(Quantity(m.start(), end, value, unit, kind, scaled))
    for m in _words().finditer(text):
        if any(q.start < m.end() and m.start() < q.end for q in found):
            continue
        phrase = m.group()
        if m.group("frac"):
            value = words_value(phrase)
            kind = "fraction"
        elif m.group("vague"):
            found.append(Quantity(m.start(), m.end(), lexicon()["vague"][phrase.lower()], None, "vague",
                                  bound="more_than"))
            continue
        else:
            if phrase.split()[0].lower() in lexicon()["scale"]:  # "several hundred"
                continue
            cut = m.start("wpct") if m.group("wpct") else m.start("wcur") if m.group("wcur") else m.end()
            number = text[m.start("words"):cut]
            value = words_value(number)
            kind = "words"
            if value is not None and m.group("wneg"):
                value = -value
            if value is not None and m.group("wpct"):
                found.append(Quantity(m.start(), m.end(), value, "percent", "percent"))
                continue
            if value is not None and m.group("wcur"):
                found.append(Quantity(m.start(), m.end(), value, currencies()[1][m.group("wcur").lower()], "money"))
                continue
        if value is None:
            continue
        found.append(Quantity(m.start(), m.end(), value, None, kind,
                              scaled=bool(re.search(r"hundred|thousand|illion", phrase, re.I))))
    return _join_ranges(text, sorted(found, key=lambda q: q.start))


_CHINA = re.compile(r"\b(?:yuan|renminbi|RMB|China|Chinese)\b", re.I)
_DISTANCE_AFTER = re.compile(r"^\s*(?:long|tall|high|wide|deep|away|above|below|under|race|dash|sprint|freestyle|hurdles|metres|meters)\b", re.I)
_RANGE = re.compile(r"^\s*(?:-|–|—|to|and)\s*$")


def _join_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """``$5-7 billion`` and ``between 5 and 7 percent``: the first figure takes the second's
    scale and unit when it has none of its own."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        between = text[a.end:b.start]
        if not _RANGE.match(between):
            continue
        lead = text[max(0, a.start - 14):a.start]
        if between.strip() == "and" and not re.search(r"between\s+\S*\s*$", lead, re.I):
            continue
        if between.strip() == "to" and a.unit is not None and not re.search(r"(?:from|between)\s+\S*\s*$", lead, re.I):
            continue
        value, unit, kind = a.value, a.unit, a.kind
        if b.scaled and not a.scaled:
            factor = b.value / _raw(text, b)
            if factor > 1 and a.value * factor <= b.value * 1.0001:
                value = a.value * factor
        if unit is None and b.unit is not None:
            unit, kind = b.unit, b.kind
        elif b.unit is None and unit is not None:
            b = Quantity(b.start, b.end, b.value, unit, kind, b.scaled)
        out[i] = Quantity(a.start, a.end, value, unit, kind, a.scaled or b.scaled, "range_low")
        out[i + 1] = Quantity(b.start, b.end, b.value, b.unit, b.kind, b.scaled, "range_high")
    return out


def _raw(text: str, q: Quantity) -> float:
    scale = re.search(r"\b(hundred|thousand|million|billion|trillion)\b", text[q.start:q.end], re.I)
    if scale and not re.search(r"\d", text[q.start:q.end]):
        return q.value / _scale(scale.group(1))
    m = re.search(r"\d[\d,]*(?:\.\d+)?|\.\d+", text[q.start:q.end])
    if m:
        return _number(m.group()) or 1.0
    return q.value or 1.0
