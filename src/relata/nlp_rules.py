"""Relata's attribute ruler and lemmatizer: the token attributes spaCy's ``attribute_ruler`` and
``lemmatizer`` pipes set, computed from those pipes' own data, without their per-word Python work.

spaCy's ruler runs a :class:`~spacy.matcher.Matcher` of some 180 patterns over every word and sets
each match's attributes through a ``Span`` and a ``Token``; its lemmatizer creates a ``Token`` per
word and looks its lemma up by that token. On short news articles the two took as much CPU as the
tagger and parser together. Here a pattern of one word is a test of the word's attributes (tag,
lower-case form, dependency, ...), so its answer is known for every word with the same attributes:
it is worked out once per distinct attribute row and kept. The few longer patterns ("gon na",
"let 's") are matched with numpy over the document's columns. The lemma of a word depends only on
its form, coarse tag and morphology, so it too is worked out once per such triple, by the spaCy
lemmatizer's own function (and its own cache). Columns are read and written with
``Doc.to_array`` / ``Doc.from_array``.

The result is the same as spaCy's, word for word (``benchmarks/same_parse.py`` and
``tests/test_nlp_rules.py`` compare them). A pattern or lemmatizer of a shape not understood here
raises :class:`UnsupportedRule` when the pipe is built, and the caller keeps spaCy's pipe: never a
silently different answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id
from spacy.tokens import Doc

ATTRIBUTE_RULER = "relata_attribute_ruler"
LEMMATIZER = "relata_lemmatizer"

# Word attributes a pattern may test: those the Matcher reads straight from the token or its
# lexeme (``get_token_attr``), which ``Doc.to_array`` reads the same way. (SENT_START is not
# among them: the Matcher reads it differently.)
_TESTABLE = frozenset(IDS[name] for name in (
    "ORTH", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "TAG", "POS", "DEP", "LEMMA",
    "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_PUNCT", "IS_SPACE", "IS_TITLE",
    "IS_UPPER", "LIKE_URL", "LIKE_NUM", "IS_STOP", "ENT_TYPE"))
# Attributes a ruler rule may set. spaCy sets them on the token (and tries the lexeme, which
# has none of these), exactly what ``Doc.from_array`` does with a column.
_SETTABLE = (POS, TAG, MORPH, LEMMA, DEP)
# Answers kept per distinct attribute row (and lemmas per form, tag and morphology); past this
# many they are forgotten and worked out again (the answers do not depend on it, only the time).
_MAX_CACHED_ROWS = 200_000


class UnsupportedRule(ValueError):
    """A ruler pattern or a lemmatizer these pipes cannot reproduce exactly."""


# The attribute whose value picks a pattern's candidates, most selective first (the word's form
# narrows the 180 patterns to a few; the tag to a dozen).
_INDEX_ORDER = tuple(IDS[name] for name in ("ORTH", "LOWER", "NORM", "LEMMA", "TAG", "POS", "DEP"))


class _WordTest:
    """The Matcher's test of one word against one token pattern (``{"TAG": "VBZ", "LOWER":
    {"IN": [...]}}``), on the word's row of attributes. ``columns`` gives (and grows) each
    attribute's place in the row. ``keys``: the attribute column and the values one of which
    the word must have to match, for an index of patterns by value (None: no such attribute)."""

    def __init__(self, spec: dict, strings, columns: dict[int, int]) -> None:
        self._tests: list[Callable[[tuple], bool]] = []
        required: dict[int, frozenset] = {}
        for key, value in spec.items():
            name = key.upper() if isinstance(key, str) else key
            name = {"TEXT": "ORTH"}.get(name, name)
            attr = IDS.get(name) if isinstance(name, str) else name
            if attr not in _TESTABLE:
                raise UnsupportedRule(f"token pattern key {key!r}")
            col = columns.setdefault(attr, len(columns))
            if isinstance(value, dict):
                for predicate, argument in value.items():
                    self._tests.append(_predicate_test(col, predicate, argument, strings))
                    if predicate == "IN":
                        required[attr] = frozenset(get_string_id(v) for v in argument)
            elif isinstance(value, bool):  # as the Matcher reads a pattern (_get_attr_values)
                self._tests.append(lambda row, col=col, want=int(value): row[col] == want)
            elif isinstance(value, str):
                want = strings.add(value)
                self._tests.append(lambda row, col=col, want=want: row[col] == want)
                required[attr] = frozenset((want,))
            else:
                raise UnsupportedRule(f"token pattern value {value!r}")
        attr = next((a for a in _INDEX_ORDER if a in required), None)
        self.keys = None if attr is None else (columns[attr], required[attr])

    def __call__(self, row: tuple) -> bool:
        return all(test(row) for test in self._tests)


def _predicate_test(col: int, predicate: str, argument, strings) -> Callable[[tuple], bool]:
    """The Matcher's IN, NOT_IN and REGEX predicates (``spacy/matcher/matcher.pyx``)."""
    if predicate in ("IN", "NOT_IN"):
        if not isinstance(argument, list) or not all(isinstance(v, str) for v in argument):
            raise UnsupportedRule(f"{predicate} argument {argument!r}")
        wanted = frozenset(get_string_id(v) for v in argument)
        if predicate == "IN":
            return lambda row: row[col] in wanted
        return lambda row: row[col] not in wanted
    if predicate == "REGEX" and isinstance(argument, str):
        regex = re.compile(argument)
        return lambda row: bool(regex.search(strings[row[col]]))
    raise UnsupportedRule(f"predicate {predicate!r}")


class _TestIndex:
    """Word tests by number, indexed by the attribute value a word needs to pass each (a test
    with none is tried on every word): a row meets a handful of tests, not all 180."""

    def __init__(self) -> None:
        self._by_value: dict[int, dict[int, list[tuple[int, _WordTest]]]] = {}
        self._always: list[tuple[int, _WordTest]] = []
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, number: int, test: _WordTest) -> int:
        self._count = max(self._count, number + 1)
        if test.keys is None:
            self._always.append((number, test))
        else:
            col, values = test.keys
            for value in values:
                self._by_value.setdefault(col, {}).setdefault(value, []).append((number, test))
        return number

    def matching(self, row: tuple) -> list[int]:
        """The numbers of the tests ``row`` passes, ascending."""
        candidates = list(self._always)
        for col, tests in self._by_value.items():
            candidates += tests.get(row[col], ())
        candidates.sort(key=lambda candidate: candidate[0])
        return [number for number, test in candidates if test(row)]


class RuleAttributes:
    """The attributes spaCy's :class:`AttributeRuler` sets, rule for rule.

    spaCy matches every pattern against the document as it comes in, then applies the matches
    sorted by pattern number, so for each word and attribute the last pattern that sets it wins.
    Here: each one-word pattern's answer for a distinct attribute row is kept (which attribute
    values the row gets and from which pattern), the longer patterns are matched over the
    document, and a longer pattern's value replaces a one-word one's only when it comes later.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        columns: dict[int, int] = {}
        # One-word patterns (by pattern number) and the words of longer ones (by slot number):
        # by the value of their most selective attribute, or to try on every row.
        self._single = _TestIndex()
        self._slots = _TestIndex()
        self._longer: list[tuple[int, list[int], int]] = []  # (number, word slots, target)
        for number, entry in enumerate(ruler.patterns):
            attrs = ruler.attrs[number]
            if not set(attrs) <= set(_SETTABLE):
                raise UnsupportedRule(f"pattern {number} sets {sorted(attrs)}")
            for pattern in entry["patterns"]:
                if not pattern or any("OP" in spec or "op" in spec for spec in pattern):
                    raise UnsupportedRule(f"pattern {number} {pattern!r}")
                tests = [_WordTest(spec, strings, columns) for spec in pattern]
                index = entry["index"]
                if not -len(pattern) <= index < len(pattern):
                    raise UnsupportedRule(f"pattern {number} index {index}")
                if len(pattern) > 1:
                    slots = [self._slots.add(len(self._slots), test) for test in tests]
                    self._longer.append((number, slots, index % len(pattern)))
                else:
                    self._single.add(number, tests[0])
        if len(self._slots) > 64:
            raise UnsupportedRule(f"{len(self._slots)} words in longer patterns (64 at most)")
        self._attrs = ruler.attrs
        self._set = [attr for attr in _SETTABLE if any(attr in a for a in ruler.attrs)]
        self._read = sorted(columns, key=columns.get)
        # The answer for each attribute row met so far: its number in the row index, and at that
        # position in the arrays the values the row's word gets (one column per settable
        # attribute), the numbers of the patterns they come from (-1: none), and a bit per
        # longer-pattern word the row's word matches.
        self._rows: dict[tuple, int] = {}
        self._values = numpy.zeros((1024, len(self._set)), dtype=numpy.uint64)
        self._numbers = numpy.full((1024, len(self._set)), -1, dtype=numpy.int64)
        self._masks = numpy.zeros(1024, dtype=numpy.uint64)

    def _row_number(self, row: tuple) -> int:
        """The number of ``row``'s answer, worked out now if the row is new."""
        found = self._rows.get(row)
        if found is not None:
            return found
        number = len(self._rows)
        if number == len(self._masks):
            self._values = numpy.concatenate([self._values, numpy.zeros_like(self._values)])
            self._numbers = numpy.concatenate([self._numbers, numpy.full_like(self._numbers, -1)])
            self._masks = numpy.concatenate([self._masks, numpy.zeros_like(self._masks)])
        self._values[number], self._numbers[number] = 0, -1
        for pattern in self._single.matching(row):  # in pattern order: the last one wins
            for attr, value in self._attrs[pattern].items():
                k = self._set.index(attr)
                self._values[number, k], self._numbers[number, k] = value, pattern
        self._masks[number] = sum(1 << slot for slot in self._slots.matching(row))
        self._rows[row] = number
        return number

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0 or not self._set:
            return doc
        read = len(self._read)
        table = doc.to_array(self._read + self._set).reshape(n, read + len(self._set))
        rows = list(zip(*table[:, :read].T.tolist(), strict=True))
        if len(self._rows) > _MAX_CACHED_ROWS:  # between documents: a number is kept for one
            self._rows.clear()
        get = self._rows.get
        found = [get(row, -1) for row in rows]
        if -1 in found:
            found = [self._row_number(row) for row in rows]
        found = numpy.array(found, dtype=numpy.intp)
        numbers = self._numbers[found]
        out = numpy.where(numbers >= 0, self._values[found], table[:, read:])
        if self._longer:
            self._apply_longer(self._masks[found], out, numbers)
        doc.from_array(self._set, out)
        return doc

    def _apply_longer(self, masks: numpy.ndarray, out: numpy.ndarray, numbers: numpy.ndarray) -> None:
        """Longer patterns, in pattern order: a match sets its word's attributes where no later
        one-word pattern did."""
        n = len(out)
        present = int(numpy.bitwise_or.reduce(masks))
        for number, pattern_slots, target in self._longer:
            length = len(pattern_slots)
            if length > n or any(not present >> slot & 1 for slot in pattern_slots):
                continue
            starts = numpy.ones(n - length + 1, dtype=bool)
            for offset, slot in enumerate(pattern_slots):
                starts &= (masks[offset:n - length + 1 + offset] >> numpy.uint64(slot)) & numpy.uint64(1) == 1
            for start in numpy.flatnonzero(starts).tolist():
                i = start + target
                for attr, value in self._attrs[number].items():
                    k = self._set.index(attr)
                    if number > numbers[i, k]:
                        out[i, k], numbers[i, k] = value, number


class RuleLemmas:
    """The lemmas spaCy's rule (or lookup) :class:`Lemmatizer` sets: for each word without a
    lemma (or every word, with ``overwrite``), the first form its ``lemmatize`` gives.

    That function depends on the word's form, coarse tag and morphology alone (the rule
    lemmatizer's own cache is keyed by them), so its answer per triple is kept and the
    lemmatizer is asked once per triple, through a spaCy ``Token`` of the document as before.

    It is asked through a twin of the pipe: the same class, mode and tables, sharing the pipe's
    cache, except that the ``lemma_index`` word lists (57,000 nouns) are sets. The rule
    lemmatizer only asks whether a candidate form is ``in`` them, and a list answers that by
    reading it through: most of its time on a new word."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        kind = type(lemmatizer)
        function = getattr(lemmatizer.lemmatize, "__func__", None)
        if kind not in (Lemmatizer, EnglishLemmatizer) or function not in (
                Lemmatizer.rule_lemmatize, Lemmatizer.lookup_lemmatize):
            raise UnsupportedRule(f"lemmatizer {kind.__name__} in mode {lemmatizer.mode!r}")
        if not lemmatizer._validated:  # spaCy checks its tables on the first document
            lemmatizer._validate_tables()
        twin = kind(lemmatizer.vocab, lemmatizer.model, lemmatizer.name, mode=lemmatizer.mode,
                    overwrite=lemmatizer.overwrite)
        twin.lookups = Lookups()
        for name in lemmatizer.lookups.tables:
            table = lemmatizer.lookups.get_table(name)
            if name == "lemma_index":
                sets = Table(name)
                for key, words in table.items():
                    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                        raise UnsupportedRule(f"lemma_index entry of type {type(words).__name__}")
                    sets[key] = frozenset(words)
                table = sets
            twin.lookups.set_table(name, table)
        twin._validate_tables()
        twin.cache = lemmatizer.cache
        self._lemmatizer = twin
        self._cache: dict[tuple, int] = {}  # (orth, pos, morph) -> the lemma's string hash

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        lemmatize = self._lemmatizer.lemmatize
        if doc.vocab.in_memory_zone:
            # Strings added inside spaCy's memory zone are dropped when it ends, so a kept lemma
            # (a string's hash) could outlive its string: here, as spaCy does it, word by word.
            for token in doc:
                if self._lemmatizer.overwrite or token.lemma == 0:
                    token.lemma_ = lemmatize(token)[0]
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA]).reshape(n, 4)
        todo = (numpy.arange(n) if self._lemmatizer.overwrite
                else numpy.flatnonzero(table[:, 3] == 0))
        if not len(todo):
            return doc
        keys = list(zip(*table[todo, :3].T.tolist(), strict=True))
        if len(self._cache) > _MAX_CACHED_ROWS:
            self._cache.clear()
        get = self._cache.get
        lemmas = [get(key) for key in keys]
        if None in lemmas:
            strings = doc.vocab.strings
            for k, (key, i) in enumerate(zip(keys, todo.tolist(), strict=True)):
                if lemmas[k] is None:
                    lemma = get(key)
                    if lemma is None:
                        lemma = self._cache[key] = strings.add(lemmatize(doc[i])[0])
                    lemmas[k] = lemma
        column = table[:, 3].copy()
        column[todo] = lemmas
        doc.from_array([LEMMA], column)
        return doc


@Language.factory(ATTRIBUTE_RULER, default_config={"source": "attribute_ruler"})
def make_rule_attributes(nlp: Language, name: str, source: str) -> RuleAttributes:
    return RuleAttributes(nlp.get_pipe(source))


@Language.factory(LEMMATIZER, default_config={"source": "lemmatizer"})
def make_rule_lemmas(nlp: Language, name: str, source: str) -> RuleLemmas:
    return RuleLemmas(nlp.get_pipe(source))


def replace_rule_pipes(nlp: Language) -> list[str]:
    """Put Relata's ruler and lemmatizer in the place of spaCy's (kept in the pipeline, disabled).
    Returns the names of the pipes replaced: a pipe these cannot reproduce is left as it is."""
    replaced = []
    for stock, ours in (("attribute_ruler", ATTRIBUTE_RULER), ("lemmatizer", LEMMATIZER)):
        if stock not in nlp.pipe_names:
            continue
        try:
            nlp.add_pipe(ours, after=stock, config={"source": stock})
        except UnsupportedRule:
            continue
        nlp.disable_pipe(stock)
        replaced.append(stock)
    return replaced
