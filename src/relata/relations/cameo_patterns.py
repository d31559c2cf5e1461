"""PETRARCH-2's CAMEO verb dictionary (``data/petrarch/``), indexed by verb lemma.

A pure data reader: it parses the tables written by ``scripts/convert_petrarch.py`` once per
process, on first use, and answers lookups; matching the patterns against a parse is the event
coder's job. The tables' format is in ``data/petrarch/README.md``.

- :func:`verb_patterns` -- the patterns that apply to a verb: those of every block (synonym set)
  the verb belongs to, most specific first;
- :func:`verb_entries` -- the verb's own rows: particles of phrasal verbs, and what it codes with no
  pattern matched;
- :func:`cameo_plover` -- the PLOVER type, mode and context of a CAMEO code;
- :func:`synset_members`, :func:`discards`.

A missing table reads as empty (fewer matches, no failure), like the other data tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

FOLDER = "petrarch"
_TOKEN = re.compile(r"[(){}]|[^\s(){}]+")
_SLOTS = {"$": "source", "+": "target", "^": "any", "%": "compound"}


@dataclass(frozen=True, slots=True)
class Noun:
    """A noun phrase: one of ``head`` (words or phrases: ``armed forces``), after ``modifiers``
    (each a set of alternatives) in that order. ``synset`` names the synset the head came from."""

    head: frozenset[str]
    modifiers: tuple[frozenset[str], ...] = ()
    synset: str = ""


@dataclass(frozen=True, slots=True)
class Slot:
    """Where an actor stands: ``source`` ($), ``target`` (+), ``any`` noun phrase (^), ``compound`` (%)."""

    role: str


@dataclass(frozen=True, slots=True)
class Prep:
    """A prepositional phrase: one of ``prepositions``, then its objects (possibly none)."""

    prepositions: frozenset[str]
    objects: tuple[Noun | Slot, ...] = ()


Element = Noun | Slot | Prep


@dataclass(frozen=True, slots=True)
class PloverClass:
    type: str  # "" when the code is no PLOVER event (CAMEO 01 statements, the null code ---)
    mode: str
    context: str
    rule: str  # how the crosswalk gave it: exact, parent, appeal, statement, root, null


@dataclass(frozen=True, slots=True)
class VerbPattern:
    id: str
    block: str
    verb: str  # the verb it was written for ("" if unnamed); it applies to the whole block
    cameo: str  # "---" = explicitly no event
    direction: str  # "forward": source -> target; "reverse": target -> source
    plover: PloverClass
    before: tuple[Element, ...]  # elements before the verb
    after: tuple[Element, ...]  # elements after the verb
    source_slot: str  # "before", "after" or "" (then the subject)
    target_slot: str  # "before", "after" or "" (then the object)
    words: tuple[str, ...]  # the words after the verb, flattened
    line: int  # line in CAMEO.2.0.txt

    @property
    def size(self) -> int:
        """How much the pattern asks for: more elements, more specific."""
        return len(self.before) + len(self.after) + sum(
            len(e.objects) for e in (*self.before, *self.after) if isinstance(e, Prep))


@dataclass(frozen=True, slots=True)
class VerbEntry:
    lemma: str
    before: str  # other words of a multi-word verb before it ("")
    after: str  # its particle ("down" in "shut down"), "" for a one-word verb
    block: str
    cameo: str  # what the verb codes with no pattern ("---": nothing)
    reverse_cameo: str  # the paired event from the target ("043" for visit), usually ""
    plover: PloverClass
    reverse_plover: PloverClass | None
    forms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Discard:
    phrase: str
    scope: str  # "sentence" or "story"
    whole_word: bool


def _rows(name: str):
    path = resources.files("relata.data").joinpath(FOLDER).joinpath(name)
    if not path.is_file():
        return
    header = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        yield dict(zip(header, cells, strict=False))


@dataclass(frozen=True)
class _Tables:
    plover: dict[str, PloverClass]
    synsets: dict[str, frozenset[str]]
    entries: dict[str, tuple[VerbEntry, ...]]  # lemma and listed forms -> entries
    blocks: dict[str, tuple[VerbPattern, ...]]  # block -> its patterns, most specific first
    discards: tuple[Discard, ...]


@cache
def _tables() -> _Tables:
    plover = {r["cameo"]: PloverClass(r["plover_type"], r["plover_mode"], r["plover_context"], r["rule"])
              for r in _rows("cameo_plover.tsv")}
    members: dict[str, set[str]] = {}
    for r in _rows("synsets.tsv"):
        members.setdefault(r["synset"], set()).add(r["phrase"])
    synsets = {name: frozenset(words) for name, words in members.items()}
    by_block: dict[str, list[VerbPattern]] = {}
    for r in _rows("verb_patterns.tsv"):
        pattern = VerbPattern(
            r["id"], r["block"], r["verb"], r["cameo"], r["direction"],
            PloverClass(r["plover_type"], r["plover_mode"], r["plover_context"], r["plover_rule"]),
            parse_elements(r["before"], synsets), parse_elements(r["after"], synsets),
            r["source_slot"], r["target_slot"], tuple(r["words"].split()), int(r["line"]))
        by_block.setdefault(pattern.block, []).append(pattern)
    entries: dict[str, list[VerbEntry]] = {}
    for r in _rows("verbs.tsv"):
        reverse = plover.get(r["reverse_cameo"]) if r["reverse_cameo"] else None
        entry = VerbEntry(r["lemma"], r["before"], r["after"], r["block"], r["cameo"], r["reverse_cameo"],
                          plover.get(r["cameo"], PloverClass("", "", "", "")), reverse,
                          tuple(f for f in r["forms"].split("|") if f))
        for word in dict.fromkeys((entry.lemma, *entry.forms)):
            entries.setdefault(word, []).append(entry)
    blocks = {block: tuple(sorted(found, key=_specific_first)) for block, found in by_block.items()}
    discards = tuple(Discard(r["phrase"], r["scope"], r["whole_word"] == "1") for r in _rows("discards.tsv"))
    return _Tables(plover, synsets, {k: tuple(v) for k, v in entries.items()}, blocks, discards)


def _specific_first(p: VerbPattern) -> tuple:
    return (-p.size, p.block, p.id)


def parse_elements(text: str, synsets: dict[str, frozenset[str]]) -> tuple[Element, ...]:
    """``police (to border)`` -> (Noun({police}), Prep({to}, (Noun({border}),))).

    The syntax (README): a word heads a noun phrase, ``a_b`` are consecutive words, ``{a b c}`` a
    noun phrase headed by ``c``, ``(prep ...)`` a prepositional phrase, ``&name`` a synset,
    ``$`` ``+`` ``^`` ``%`` slots, ``a|b`` alternatives."""
    tokens = _TOKEN.findall(text)
    elements: list[Element] = []
    at = 0
    while at < len(tokens):
        token = tokens[at]
        if token == "(":
            close = _closing(tokens, at, ")")
            inner = tokens[at + 1:close]
            if inner:
                objects = [e for e in _nouns(inner[1:], synsets) if not isinstance(e, Prep)]
                elements.append(Prep(_alternatives(inner[0]), tuple(objects)))
            at = close + 1
        else:
            found, at = _noun_at(tokens, at, synsets)
            elements.extend(found)
    return tuple(elements)


def _closing(tokens: list[str], at: int, closing: str) -> int:
    for i in range(at + 1, len(tokens)):
        if tokens[i] == closing:
            return i
    return len(tokens)


def _nouns(tokens: list[str], synsets) -> list[Element]:
    found: list[Element] = []
    at = 0
    while at < len(tokens):
        more, at = _noun_at(tokens, at, synsets)
        found.extend(more)
    return found


def _noun_at(tokens: list[str], at: int, synsets) -> tuple[list[Element], int]:
    token = tokens[at]
    if token == "{":
        close = _closing(tokens, at, "}")
        words = [t for t in tokens[at + 1:close] if t not in "()"]
        if not words:
            return [], close + 1
        head = _word(words[-1], synsets)
        return [Noun(head, tuple(_word(w, synsets) for w in words[:-1]),
                     words[-1] if words[-1].startswith("&") else "")], close + 1
    if token in _SLOTS:
        return [Slot(_SLOTS[token])], at + 1
    if token in "(){}":
        return [], at + 1
    return [Noun(_word(token, synsets), (), token if token.startswith("&") else "")], at + 1


def _word(token: str, synsets) -> frozenset[str]:
    if token.startswith("&"):
        return synsets.get(token, frozenset())
    return _alternatives(token)


def _alternatives(token: str) -> frozenset[str]:
    return frozenset(alt.replace("_", " ") for alt in token.split("|") if alt)


def verb_patterns(lemma: str) -> tuple[VerbPattern, ...]:
    """The patterns of every block ``lemma`` (a verb's lemma or a listed irregular form) is in,
    most specific first; () for a verb the dictionary does not know."""
    return _patterns_of(lemma.lower())


@cache
def _patterns_of(word: str) -> tuple[VerbPattern, ...]:
    tables = _tables()
    blocks = dict.fromkeys(e.block for e in tables.entries.get(word, ()))
    if len(blocks) == 1:
        return tables.blocks.get(next(iter(blocks)), ())
    return tuple(sorted((p for b in blocks for p in tables.blocks.get(b, ())), key=_specific_first))


def block_patterns(block: str) -> tuple[VerbPattern, ...]:
    """The patterns of one verb block (``TRADE``), most specific first."""
    return _tables().blocks.get(block, ())


def cameo_codes() -> dict[str, PloverClass]:
    """Every CAMEO code the dictionary uses, with its PLOVER class."""
    return _tables().plover


@cache
def verb_words() -> frozenset[str]:
    """Every word (lower case) the dictionary has rows for: :func:`verb_entries` finds none for
    another."""
    return frozenset(_tables().entries)


def verb_entries(lemma: str) -> tuple[VerbEntry, ...]:
    """The dictionary's rows for ``lemma``: one per block and particle (``call``; ``call off``)."""
    return _tables().entries.get(lemma.lower(), ())


def cameo_plover(code: str) -> PloverClass | None:
    """The PLOVER class of a CAMEO event code used by the dictionary (``042`` -> CONSULT, visit)."""
    return _tables().plover.get(code)


def synset_members(name: str) -> frozenset[str]:
    """``&military`` -> {"army", "armies", "armed forces", ...}."""
    return _tables().synsets.get(name if name.startswith("&") else "&" + name, frozenset())


def discards() -> tuple[Discard, ...]:
    return _tables().discards


def table_sizes() -> dict[str, int]:
    """Counts of what was loaded (for benchmarks and checks)."""
    t = _tables()
    return {"verbs": len(t.entries), "patterns": sum(len(ps) for ps in t.blocks.values()),
            "synsets": len(t.synsets), "cameo codes": len(t.plover), "discards": len(t.discards)}
