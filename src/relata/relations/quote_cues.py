"""Cue words around and inside sentences: which token attributes a quotation or a clause.

A cue is a verb from the cue lexicon (``said``, ``told``, ``believes``) or the head word of a cue
phrase (``according`` in ``according to``). For a quotation the cue is looked for in the words
right after the closing mark (``"...," she said.``) and right before the opening mark
(``She told reporters: "..."``), never inside the quotation itself.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from relata.mentions.quote_lexicon import BELIEF, NOUN, SPEECH, lexicon
from relata.nlp import has_child, token_positions

_SENTENCE_END = frozenset({".", "!", "?", "…"})
_AFTER_LIMIT = 14
_BEFORE_LIMIT = 30


@dataclass(frozen=True)
class Cue:
    """The attributing word(s): ``head`` is the token whose subject or object is the source."""

    head: Token
    text: str
    kind: str  # speech, cognition, intention, or "phrase" for "according to"


def cue_at(token: Token) -> Cue | None:
    """The cue ``token`` starts, if any: a cue verb or the first word of a cue phrase."""
    lex = lexicon()
    if put_it_aside(token):
        return Cue(token, "put it", SPEECH)  # "..., as a Homeland Security memo put it"
    if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") or _verb_tagged_as_noun(token):
        kind = _verb_class(token)
        if kind is not None and not (token.lemma_ == "say" and token.dep_ == "amod"):
            return Cue(token, _cue_text(token), kind)
    lower = token.lower_
    for phrase in lex.cue_phrases:
        if phrase[0] == lower and token.i + len(phrase) <= len(token.doc):
            words = tuple(t.lower_ for t in token.doc[token.i:token.i + len(phrase)])
            if words == phrase:
                span = token.doc[token.i:token.i + len(phrase)]
                return Cue(token, span.text, "phrase")
    return None


# Every token a cue can start on (:func:`cue_at` and the other cue finders): a verb, noun or
# adjective, a verb by its fine tag, the lemma of ``put it``, or the first word of a cue phrase.
_CUE_POS = ("VERB", "AUX", "NOUN", "ADJ")
_VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")


def cue_positions(doc: Doc) -> list[int]:
    """Indices of the tokens that may start a cue, in text order: a document's other words are
    never visited (a ``Token`` object and its attribute look-ups for every word otherwise)."""
    first_words = tuple(sorted({phrase[0] for phrase in lexicon().cue_phrases}))
    return token_positions(doc, pos=_CUE_POS, tags=_VERB_TAGS, lower=first_words, lemmas=("put",))


def put_it_aside(token: Token) -> bool:
    """``as one diplomat put it``: *put it* in an *as* aside words what it hangs on."""
    return token.lemma_ == "put" and has_child(token, "dobj") and any(
        c.dep_ == "dobj" and c.lower_ == "it" for c in token.children) and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in token.children)


def attitude_cue(token: Token) -> Cue | None:
    """``is determined to ...``, ``were not sure whether ...``: an attitude adjective after a copula
    with a clause or an infinitive of its own; its content is that clause, its source the
    copula's subject."""
    if token.pos_ != "ADJ" or token.dep_ != "acomp" or token.lemma_.lower() not in lexicon().attitude_adjectives:
        return None
    for child in token.rights:
        if child.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
            return Cue(token, token.text, BELIEF)
        if child.dep_ == "ccomp" and any(g.dep_ in ("mark", "nsubj", "nsubjpass") for g in child.children):
            return Cue(token, token.text, BELIEF)
    return None


_QUESTION_PREPOSITIONS = frozenset({"about", "over", "on", "as"})
QUESTION_WORDS = frozenset({"whether", "if", "how", "what", "why", "when", "where", "who", "which", "whom"})


def open_question(verb: Token) -> Token | None:
    """The head of the open question a verb is about: ``spar over whether ...``, ``weighed in
    about whether ...``, ``pressed him on how ...`` (a preposition whose clause opens with a
    question word)."""
    for prep in verb.rights:
        if prep.dep_ == "prep" and prep.lower_ in _QUESTION_PREPOSITIONS:
            for clause in prep.children:
                if clause.dep_ == "pcomp" and clause.pos_ in ("VERB", "AUX") and (
                        clause.left_edge.lower_ in QUESTION_WORDS):
                    return clause
    return None


def question_cue(token: Token) -> Cue | None:
    """A verb outside the lexicon with a subject and an open question it is about (``India and
    Pakistan spar over whether ...``): a position on the question is attributed."""
    if token.pos_ not in ("VERB", "NOUN") or token.lemma_.lower() in lexicon().noncue_verbs:
        return None
    if token.dep_ not in ("ROOT", "ccomp", "conj") or not has_child(token, "nsubj", "nsubjpass"):
        return None
    return Cue(token, _cue_text(token), "speech") if open_question(token) is not None else None


def clause_cue(token: Token) -> Cue | None:
    """A verb outside the lexicon that still attributes a clause: it has a subject and a
    ``that``/``whether`` complement (``X hinted that ...``), and is not a verb like ``ensure``."""
    if token.pos_ != "VERB" or token.lemma_.lower() in lexicon().noncue_verbs:
        return None
    if not has_child(token, "nsubj", "nsubjpass") or not has_child(token, "ccomp"):
        return None  # (no subject, or no clause for the loop below to find)
    for child in token.children:
        if child.dep_ == "ccomp" and any(
                g.dep_ == "mark" and g.lower_ in ("that", "whether") for g in child.children):
            return Cue(token, _cue_text(token), "speech")
    return None


def _verb_class(token: Token) -> str | None:
    """The cue class of a verb, by its lemma or, when the lemmatizer slips (``hoped`` -> ``hop``),
    by its inflection undone (``hoped`` -> ``hope``, ``hoping`` -> ``hope``)."""
    return _verb_class_of(token.lemma_, token.lower_)


@lru_cache(maxsize=50_000)
def _verb_class_of(lemma: str, word: str) -> str | None:
    # asked of every verb of every document: a corpus repeats its words
    lex = lexicon()
    kind = lex.cue_class(lemma)
    if kind is not None:
        return kind
    for suffix, restore in (("d", ""), ("s", ""), ("ing", "e"), ("ing", ""), ("ed", ""), ("es", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            kind = lex.cue_class(word[:-len(suffix)] + restore)
            if kind is not None:
                return kind
    return None


def noun_cue(token: Token) -> Cue | None:
    """``Trump's claim that ...``: a reporting noun with a that-clause of its own. A clause whose
    ``that`` is a relative pronoun (``the claim that he made``) is not its content."""
    if token.pos_ != "NOUN":
        return None
    lemma = token.lemma_.lower()
    if lemma in lexicon().intent_nouns and _has_owner(token) and any(
            child.dep_ in ("acl", "relcl") and child.tag_ == "VB" and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in child.children) for child in token.rights):
        return Cue(token, token.text, NOUN)  # "her decision to run"
    if lemma not in lexicon().cue_nouns:
        return None
    for child in token.rights:
        if child.dep_ in ("acl", "relcl", "ccomp", "appos") and any(
                g.dep_ == "mark" and g.lower_ == "that" and g.i < child.i for g in child.children):
            return Cue(token, token.text, NOUN)
    return None


def _has_owner(noun: Token) -> bool:
    """``her decision``, ``Lynch's refusal``, ``made the decision``: a noun of will whose holder is
    named; ``a candidate's decision to release ...`` in general is nobody's."""
    if has_child(noun, "poss"):
        # "after Britain's decision to leave", "are not affected by an individual's decision to
        # release ...": inside a phrase the noun names the act as a circumstance, not a report
        return noun.dep_ != "pobj"
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in lexicon().light_verbs and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in noun.head.children)


def _verb_tagged_as_noun(token: Token) -> bool:
    """``Trump claims that ...``, ``the campaign plans to ...`` tagged NOUN but parsed as a verb
    with subject and clause."""
    if token.pos_ != "NOUN":
        return False
    return has_child(token, "nsubj") and has_child(token, "ccomp", "xcomp")


def _cue_text(verb: Token) -> str:
    """The cue's surface form with its particle (``called for``, ``pointed out``)."""
    doc = verb.doc
    end = verb.i + 1
    if end < len(doc) and doc[end].dep_ == "prt" and doc[end].head.i == verb.i:
        end += 1
    return doc[verb.i:end].text


class TokenIndex:
    """Character offset -> token lookups for one parsed document."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = doc.to_array(IDX).tolist()  # every token's offset, without a Token for each

    def first_at_or_after(self, offset: int) -> int:
        return bisect_left(self.starts, offset)

    def last_before(self, offset: int) -> int:
        return bisect_left(self.starts, offset) - 1


def _is_mark(token: Token) -> bool:
    return token.is_quote or token.text in lexicon().mark_pairs


def after_window(index: TokenIndex, close_at: int) -> list[Token]:
    """Tokens after a closing mark up to the end of the attribution (``he said.``)."""
    doc, out = index.doc, []
    i = index.first_at_or_after(close_at)
    while i < len(doc) and len(out) < _AFTER_LIMIT:
        token = doc[i]
        if "\n" in token.text or _is_mark(token) or token.text in _SENTENCE_END:
            break
        if token.i > 0 and "\n" in doc[token.i - 1].whitespace_ + doc[token.i - 1].text:
            break
        out.append(token)
        i += 1
    return out


def before_window(index: TokenIndex, open_at: int) -> list[Token]:
    """Tokens before an opening mark back to the previous sentence end or quotation."""
    doc, out = index.doc, []
    i = index.last_before(open_at)
    while i >= 0 and len(out) < _BEFORE_LIMIT:
        token = doc[i]
        if "\n" in token.text or "\n" in token.whitespace_ or _is_mark(token) or token.text in _SENTENCE_END:
            break
        out.append(token)
        i -= 1
    out.reverse()
    return out


def first_cue(tokens: list[Token]) -> Cue | None:
    """The attribution right after a quotation (``he said``, ``said Smith``, ``according to``):
    the scan stops at a subordinate clause (``when Clinton blasted him``), another verb, or a
    coordinating conjunction (``..." and X responded, "...``: X speaks next, not here)."""
    for token in tokens:
        cue = cue_at(token)
        if cue is not None and cue.kind != "intention":
            return cue
        if token.pos_ in ("SCONJ", "VERB", "CCONJ") or token.tag_ in ("WRB", "WDT", "WP"):
            return None
    return None


def last_cue(tokens: list[Token]) -> Cue | None:
    for token in reversed(tokens):
        cue = cue_at(token)
        if cue is not None and cue.kind != "intention":
            return cue
    return None


def scare_marked(text: str, open_at: int) -> bool:
    """True when a scare-quote marker (``so-called``, ``dubbed``) stands right before the mark."""
    before = text[max(0, open_at - 30):open_at].lower().rstrip()
    return any(before.endswith(marker) for marker in lexicon().scare_markers)
