"""CAMEO verb patterns (PETRARCH-2's dictionary, :mod:`relata.relations.cameo_patterns`) on a parse.

PETRARCH reads a pattern such as ``- * FIRE [193]`` under the block of ``trade``/``exchange`` as
"the verb, then somewhere in its phrase the noun *fire*". Here a verb's phrase is the words it
governs (objects, particles, prepositional phrases and what they hold; a passive subject counts as
the object), in text order, without the clauses it governs, which have events of their own. A
pattern matches when its elements occur in that order:

- a noun element: a word (or consecutive words) equal to one of its heads, by lemma, form or the
  dictionary's stems (``restor`` for *restore*, *restoration*), after its modifiers;
- a prepositional element: the preposition, then its objects;
- ``$``/``+``: the next noun phrase head, which becomes the event's source or target.

The most specific pattern wins (more elements first, as the dictionary sorts them). A verb no
pattern matches codes as its block's default, if the block has one; a phrasal verb's particle
(``walk out``, ``give in``) selects its own block. The dictionary's explicit no-event code (``---``)
and CAMEO's public statements (01), which are no PLOVER type, code nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import numpy
from spacy.attrs import IS_QUOTE
from spacy.tokens import Doc, Token

from relata.nlp import has_child, positions_in, sentence_of
from relata.relations.cameo_patterns import (
    Noun,
    Prep,
    Slot,
    VerbEntry,
    VerbPattern,
    block_patterns,
    cameo_codes,
    verb_entries,
)
from relata.relations.event_words import lemmas, role_of

NO_EVENT = "---"
# Dependents whose words belong to a verb's phrase; clauses and the subject are left out.
PHRASE_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "prep", "agent", "prt", "acomp", "advmod",
                         "npadvmod", "xcomp", "nsubjpass", "pobj", "compound", "amod", "nmod", "poss",
                         "det", "nummod", "quantmod", "pcomp", "case", "conj", "cc", "appos"})
OPEN_DEPS = frozenset({"relcl", "ccomp", "advcl", "acl", "parataxis", "punct", "mark", "nsubj", "csubj"})
OBJECT, PREP_OBJECT = "object", "prep-object"
OBJECT_ROLES = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative", "npadvmod", "acomp", "advmod", "xcomp"})
PREP_OBJECT_ROLES = frozenset({"pobj", "pcomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Endings a dictionary stem may take: "restor" -> restore, restored, restoration.
STEM_ENDINGS = ("", "s", "es", "e", "ed", "d", "ing", "ion", "ions", "ation", "ations", "ment", "ments",
                "al", "y", "ies", "ied")
SLOT_DEPS = frozenset({"dobj", "pobj", "dative", "nsubjpass", "attr", "appos", "conj", "nsubj", "npadvmod"})


@dataclass(frozen=True)
class CameoMatch:
    """A CAMEO code for a verb: the pattern (``None`` for the block default), the code's PLOVER
    type and mode, the pattern's words, and the tokens its ``$``/``+`` slots took."""

    cameo: str
    type: str
    mode: str | None
    pattern: VerbPattern | None
    tokens: tuple[Token, ...] = ()
    source: Token | None = None
    target: Token | None = None
    reverse: bool = False
    own: bool = False  # the pattern was written for this very verb, not another of its block


def _particles(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "advmod", "dobj")}


def entries_for(verb: Token) -> tuple[VerbEntry, ...]:
    """The dictionary rows that apply to ``verb``: those of its particle if it has one
    (``walk out``), else its plain rows."""
    for lemma in lemmas(verb):
        found = [e for e in verb_entries(lemma) if not e.before]
        if not found:
            continue
        # the verb's particles (a walk of its children) matter only to a phrasal row
        particles = _particles(verb) if any(e.after for e in found) else set()
        phrasal = [e for e in found if e.after and all(w in particles for w in e.after.split())]
        if phrasal:
            return tuple(phrasal)
        plain = [e for e in found if not e.after]
        # the block named after the verb first ("blacklist": BLACKLIST before EXCLUDE)
        plain.sort(key=lambda e: e.block.lower().replace("_", " ") != lemma)
        return tuple(plain)
    return ()


def match_pattern(verb: Token) -> CameoMatch | None:
    """The most specific pattern of the verb's blocks that its phrase matches, or ``None``
    (computed once per verb of a parse: the coder asks again for a CAMEO code)."""
    cache = verb.doc.user_data.setdefault(_MATCHES_KEY, {})
    if verb.i not in cache:
        cache[verb.i] = _match_pattern(verb)
    return cache[verb.i]


_MATCHES_KEY = "relata.cameo_matches"


def _coded_entries(verb: Token) -> tuple[VerbEntry, ...]:
    """The rows that code ``verb`` (none for a modal verb), found once per verb of a parse: the
    pattern match and the block default both ask."""
    found = verb.doc.user_data.setdefault(_ENTRIES_KEY, {})
    if verb.i not in found:
        found[verb.i] = _entries_of(verb)
    return found[verb.i]


_ENTRIES_KEY = "relata.cameo_entries"
# What the rows depend on: the verb's coarse tag, lemma and form, and its particles, prepositions,
# adverbs and objects (the phrasal rows and the cue table's phrasal verbs read them), in order
_PARTICLE_DEPS = ("prt", "prep", "advmod", "dobj")
_ENTRIES: dict[tuple, tuple[VerbEntry, ...]] = {}


def _entries_of(verb: Token) -> tuple[VerbEntry, ...]:
    """:func:`_coded_entries` worked out once per process for each verb of the same words: a
    corpus says "said", "met" and "agreed to" again and again."""
    particles = tuple((c.dep_, c.lower_) for c in verb.children if c.dep_ in _PARTICLE_DEPS) \
        if has_child(verb, *_PARTICLE_DEPS) else ()
    key = (verb.pos_, verb.lemma_, verb.lower_, particles)
    found = _ENTRIES.get(key)
    if found is None:
        if len(_ENTRIES) > 100_000:  # (a bound on memory; the answers do not depend on it)
            _ENTRIES.clear()
        found = _ENTRIES[key] = () if _modal(verb) else entries_for(verb)
    return found


def _match_pattern(verb: Token) -> CameoMatch | None:
    entries = _coded_entries(verb)
    if not entries:
        return None
    phrase = _forms(_phrase(verb))
    before = _forms(_before(verb))
    # every word a pattern asks for must be among these, whatever the order: most patterns of a
    # block fail this set test, so the ordered match runs for a few
    words = _keys(phrase) | _keys(before)
    blocks = tuple(dict.fromkeys(e.block for e in entries))
    if words.isdisjoint(_block_words(blocks)):
        return None  # no word any pattern of the verb's blocks asks for
    seen: set[str] = set()
    patterns = _patterns(blocks)
    for position in _candidate_positions(blocks, words):
        pattern = patterns[position]
        if pattern.id in seen or not (pattern.after or pattern.before):
            continue
        if any(alternatives.isdisjoint(words) for alternatives in _required(pattern)):
            continue
        found = _match(pattern.after, phrase)
        if found is None:
            continue
        found_before = _match(pattern.before, before) if pattern.before else ([], {})
        if found_before is None:
            continue
        seen.add(pattern.id)
        tokens, slots = found
        if not any(_content(t) for t in tokens + found_before[0]):
            continue  # only prepositions matched ("demanded on Thursday"): no evidence of the sense
        slots = {**found_before[1], **slots}
        if pattern.cameo == NO_EVENT or not pattern.plover.type:
            return CameoMatch(pattern.cameo, "", None, pattern, tuple(tokens))
        return CameoMatch(pattern.cameo, pattern.plover.type, pattern.plover.mode or None, pattern,
                          tuple(found_before[0] + tokens), slots.get("source"), slots.get("target"),
                          reverse=pattern.direction == "reverse",
                          own=pattern.verb in {e.lemma for e in entries})
    return None


@cache
def _patterns(blocks: tuple[str, ...]) -> tuple[VerbPattern, ...]:
    """The blocks' patterns, most specific first; a pattern coded both ways (``[042:043]``)
    once, by its forward row."""
    rows = [p for b in blocks for p in block_patterns(b)]
    forward = {(p.block, p.line) for p in rows if p.direction == "forward"}
    rows = [p for p in rows if p.direction == "forward" or (p.block, p.line) not in forward]
    return tuple(sorted(rows, key=lambda p: (-p.size, p.line)))


# A phrase's token with what the patterns compare: (token, lower-case form, lower-case lemma, the
# words a pattern's word can equal there). Read once per verb: every pattern tried walks the
# phrase again, and each ``Token`` attribute is a look-up and a new string.
_Form = tuple[Token, str, str, set[str]]


def _forms(tokens: list[Token]) -> list[_Form]:
    out = []
    for t in tokens:
        lower, lemma = t.lower_, t.lemma_.lower()
        keys: set[str] = set()  # filled in the order the matcher always did: it tries them in set order
        keys.add(lower)
        keys.add(lemma)
        keys.update(_stems(lower))
        out.append((t, lower, lemma, keys))
    return out


def _keys(forms: list[_Form]) -> set[str]:
    """The words a pattern's word can equal in a phrase: forms, lemmas and the dictionary stems
    they extend (``restor`` for *restoration*)."""
    out: set[str] = set()
    for form in forms:
        out |= form[3]
    return out


@lru_cache(maxsize=50_000)
def _stems(lower: str) -> tuple[str, ...]:
    # asked for every word of every verb's phrase: a corpus repeats its words
    return tuple(lower[: -len(ending)] for ending in STEM_ENDINGS
                 if ending and lower.endswith(ending) and len(lower) - len(ending) >= 4)


def _candidate_positions(blocks: tuple[str, ...], words: set[str]) -> list[int]:
    """Positions in ``_patterns(blocks)`` of the patterns whose first required word is among
    ``words``, or that require none, in order: the others cannot match (a verb's blocks hold
    a few dozen patterns, its phrase's words meet the first word of one or two)."""
    unconditional, by_first_word = _first_word_index(blocks)
    found = set(unconditional)
    for word in words:
        found.update(by_first_word.get(word, ()))
    return sorted(found)


@cache
def _first_word_index(blocks: tuple[str, ...]) -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    unconditional: list[int] = []
    by_first_word: dict[str, list[int]] = {}
    for position, pattern in enumerate(_patterns(blocks)):
        required = _required(pattern)
        if not required:
            unconditional.append(position)
        for word in required[0] if required else ():
            by_first_word.setdefault(word, []).append(position)
    return tuple(unconditional), {w: tuple(p) for w, p in by_first_word.items()}


@cache
def _block_words(blocks: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for p in _patterns(blocks) for alternatives in _required(p) for w in alternatives)


@cache
def _required(pattern: VerbPattern) -> tuple[frozenset[str], ...]:
    """For each word a pattern asks for, the first words of its alternatives."""
    out = []
    for element in (*pattern.before, *pattern.after):
        for kind, value in _steps(element):
            if kind != "slot":
                out.append(frozenset(alt.split()[0] for alt in value if alt))
    return tuple(out)


def default_code(verb: Token) -> CameoMatch | None:
    """What the verb codes when no pattern matched: its block's default code, or ``None``."""
    particle = has_child(verb, "prt")
    for entry in _coded_entries(verb):
        if particle and not entry.after:
            return None  # "tore up": a phrasal verb the dictionary does not list means something else
        if entry.cameo and entry.cameo != NO_EVENT and entry.plover.type:
            return CameoMatch(entry.cameo, entry.plover.type, entry.plover.mode or None, None, (verb,))
        return None
    return None


def code_for(verb: Token | None, type_: str, mode: str | None) -> str | None:
    """A CAMEO code for an event coded as ``type_``/``mode`` by other means (Relata's own
    patterns): the verb's own pattern or default when it has that type, else the most general code
    of that PLOVER type and mode."""
    if verb is not None and verb.pos_ in ("VERB", "AUX"):
        for found in (match_pattern(verb), default_code(verb)):
            if found is not None and found.type == type_ and (mode is None or found.mode in (None, mode)):
                return found.cameo
    return general_code(type_, mode)


@cache
def general_code(type_: str, mode: str | None) -> str | None:
    """The most general CAMEO code of a PLOVER type (and mode): the shortest, then lowest."""
    codes = cameo_codes()
    with_mode = [c for c, p in codes.items() if p.type == type_ and (p.mode or None) == mode]
    plain = [c for c, p in codes.items() if p.type == type_]
    for found in (with_mode, plain):
        if found:
            return min(found, key=lambda c: (len(c), c))
    return None


def _modal(verb: Token) -> bool:
    """A verb of saying, intending, trying or refusing (``plan``, ``try``, ``say``): Relata reads its
    complement as the event, with that modality, so the verb codes nothing itself."""
    return role_of(verb) is not None


def _content(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "VERB")


def _phrase(verb: Token) -> list[Token]:
    """The verb's phrase in text order, a passive subject first (it is the verb's object); words of a
    short quoted name left out (``campaigned on an "India Out" platform`` pushes no one out)."""
    out: list[Token] = []
    passive: list[Token] = []
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            passive.extend(_subtree(child))
        elif child.dep_ in PHRASE_DEPS and child.dep_ not in OPEN_DEPS:
            out.extend(_subtree(child))
    named = _quoted_names(verb)
    return [t for t in passive + sorted(out, key=lambda t: t.i) if t.i not in named]


def _quoted_names(verb: Token) -> set[int]:
    """Token positions inside quotation marks that enclose at most three words, in the verb's
    sentence: found once per sentence of a parse (every verb of it asks)."""
    sent = sentence_of(verb)
    found = verb.doc.user_data.setdefault(_QUOTED_NAMES_KEY, {})
    if sent.start not in found:
        marks = positions_in(_quote_marks(verb.doc), sent)
        inside: set[int] = set()
        for open_at, close_at in zip(marks[::2], marks[1::2], strict=False):  # an unclosed mark pairs with nothing
            if 0 < close_at - open_at - 1 <= 3:
                inside.update(range(open_at + 1, close_at))
        found[sent.start] = inside
    return found[sent.start]


_QUOTED_NAMES_KEY = "relata.cameo_quoted_names"


def _quote_marks(doc: Doc) -> list[int]:
    """Positions of the quotation marks (``Token.is_quote``), read once per document from its
    array, not by a walk of every sentence's tokens."""
    found = doc.user_data.get(_QUOTE_MARKS_KEY)
    if found is None:
        found = doc.user_data[_QUOTE_MARKS_KEY] = numpy.flatnonzero(doc.to_array(IS_QUOTE)).tolist()
    return found


_QUOTE_MARKS_KEY = "relata.quote_marks"


def _before(verb: Token) -> list[Token]:
    """The words before the verb that a pattern's ``before`` part may name: its subject's."""
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.i < verb.i:
            out.extend(_subtree(child))
    return sorted(out, key=lambda t: t.i)


def _subtree(token: Token) -> list[Token]:
    if token.dep_ in ("prep", "npadvmod") and _says_when(token):
        return []  # "on Tuesday", "last week": when, not what
    out = [token]
    for child in token.children:
        if child.dep_ not in OPEN_DEPS:
            out.extend(_subtree(child))
    return out


def _says_when(token: Token) -> bool:
    objects = [c for c in token.children if c.dep_ == "pobj"] if token.dep_ == "prep" else [token]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _match(elements, phrase: list[_Form]) -> tuple[list[Token], dict[str, Token]] | None:
    """The tokens the elements match in order in ``phrase`` (and the slots' tokens), or ``None``."""
    at = 0
    matched: list[Token] = []
    slots: dict[str, Token] = {}
    for element in elements:
        steps = _steps(element)
        for kind, value in steps:
            found = _find(kind, value, phrase, at)
            if found is None:
                return None
            index, tokens = found
            if kind == "slot":
                if value in ("source", "target"):
                    slots[value] = tokens[-1]
            else:
                matched.extend(tokens)
            at = index + len(tokens)
    return matched, slots


@cache
def _steps(element, inside: str = OBJECT) -> tuple[tuple[str, object], ...]:
    """What to find, in order: modifier words, a noun phrase's head (as the verb's object, or as
    the object of the preposition before it), a preposition, a slot."""
    if isinstance(element, Slot):
        return (("slot", element.role),)
    if isinstance(element, Noun):
        return (*[("word", m) for m in element.modifiers], (inside, element.head))
    if isinstance(element, Prep):
        steps: list[tuple[str, object]] = [("word", element.prepositions)]
        for inner in element.objects:
            steps.extend(_steps(inner, PREP_OBJECT))
        return tuple(steps)
    return ()


def _find(kind: str, value, phrase: list[_Form], start: int) -> tuple[int, list[Token]] | None:
    for i in range(start, len(phrase)):
        token = phrase[i][0]
        if kind == "slot":
            if token.dep_ in SLOT_DEPS and token.pos_ in ("NOUN", "PROPN", "PRON"):
                return i, [token]
            continue
        by_first = _by_first_word(value)
        for key in phrase[i][3]:
            for words in by_first.get(key, ()):
                window = phrase[i:i + len(words)]
                if len(window) == len(words) and all(_word_matches(w, f) for w, f in zip(words, window, strict=True)):
                    if kind in (OBJECT, PREP_OBJECT) and not _in_role(window[-1][0], kind):
                        continue
                    return i, [f[0] for f in window]
    return None


@cache
def _by_first_word(alternatives: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """A set of alternatives (a synset can hold hundreds) indexed by their first word."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for alternative in alternatives:
        words = tuple(alternative.split())
        if words:
            out.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in out.items()}


def _in_role(token: Token, role: str) -> bool:
    """Whether a pattern's noun found in the phrase heads a noun phrase in the role the pattern
    gives it: the verb's object (``- * AID``: *suspended aid*, not *an aid worker was detained*),
    or a preposition's object. Particles and prepositions written as bare words (``TALKS WITH``)
    keep any role."""
    if token.pos_ not in ("NOUN", "PROPN", "NUM", "ADJ"):
        return True
    while token.dep_ == "conj":
        token = token.head
    wanted = OBJECT_ROLES if role == OBJECT else PREP_OBJECT_ROLES
    return token.dep_ in wanted


def _word_matches(word: str, form: _Form) -> bool:
    _, lower, lemma, _ = form
    if lower == word or lemma == word:
        return True
    if len(word) >= 4 and lower.startswith(word):
        return lower[len(word):] in STEM_ENDINGS
    return False
