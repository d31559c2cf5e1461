"""The quote lexicons (cue verbs, act verbs, cue phrases, quotation marks, scare-quote markers, transcript
labels, honorifics), read once from ``relata/data/quote_*`` (tables as ``.tsv``, word lists as ``.txt``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources

SPEECH, COGNITION, INTENTION, STANCE = "speech", "cognition", "intention", "stance"
BELIEF, QUOTATION = "belief", "quotation"  # clause content only / quotations only
CLAUSE = "clause"  # a that-clause only: "agreed that ..." reports a view, "agreed to ..." an act
NOUN = "noun"  # a reporting noun with a that-clause ("Trump's claim that ...")


def _lines(name: str) -> list[str]:
    text = resources.files("relata.data").joinpath(name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class QuoteLexicon:
    cue_verbs: dict[str, str]  # lemma -> class (speech, cognition, intention, stance, belief, clause, quotation)
    cue_phrases: tuple[tuple[str, ...], ...]  # lower-case word tuples ("according", "to")
    mark_pairs: dict[str, tuple[str, ...]]  # opening mark -> possible closing marks
    scare_markers: tuple[str, ...]
    non_speaker_labels: frozenset[str]
    questioner_labels: frozenset[str]
    honorifics: frozenset[str]
    noncue_verbs: frozenset[str]  # verbs whose that-clause is not attributed ("ensure that")
    cue_nouns: frozenset[str] = frozenset()  # reporting nouns ("claim", "statement")
    intent_nouns: frozenset[str] = frozenset()  # nouns of will with a to-infinitive ("decision to")
    light_verbs: frozenset[str] = frozenset()  # verbs handing their subject to a cue noun ("issued")
    # adjectives attributing a clause or infinitive to their copula's subject ("is determined to")
    attitude_adjectives: frozenset[str] = frozenset()
    # cue verbs whose bare object is a target, not content -> prepositions whose object is content
    act_verbs: dict[str, frozenset[str]] = field(default_factory=dict)

    def cue_class(self, lemma: str) -> str | None:
        return self.cue_verbs.get(lemma.lower())


@cache
def lexicon() -> QuoteLexicon:
    cues: dict[str, str] = {}
    for line in _lines("quote_cues.tsv"):
        lemma, _, kind = line.partition("\t")
        cues.setdefault(lemma.strip().lower(), kind.strip() or SPEECH)
    pairs: dict[str, tuple[str, ...]] = {}
    for line in _lines("quote_marks.tsv"):
        marks = line.split("\t")
        pairs.setdefault(marks[0], tuple(marks[1:]))
    nouns: dict[str, set[str]] = {"noun": set(), "intent": set(), "light": set()}
    for line in _lines("quote_noun_cues.tsv"):
        word, _, role = line.partition("\t")
        nouns.setdefault(role.strip(), set()).add(word.strip().lower())
    return QuoteLexicon(
        cue_verbs=cues,
        cue_phrases=tuple(tuple(line.lower().split()) for line in _lines("quote_phrases.txt")),
        mark_pairs=pairs,
        scare_markers=tuple(line.lower() for line in _lines("quote_scare_markers.txt")),
        non_speaker_labels=frozenset(line.lower() for line in _lines("quote_transcript_labels.txt")),
        questioner_labels=frozenset(line.lower() for line in _lines("quote_questioners.txt")),
        honorifics=frozenset(line.lower() for line in _lines("quote_honorifics.txt")),
        noncue_verbs=frozenset(line.lower() for line in _lines("quote_noncue_verbs.txt")),
        cue_nouns=frozenset(nouns["noun"]),
        intent_nouns=frozenset(nouns["intent"]),
        light_verbs=frozenset(nouns["light"]),
        attitude_adjectives=frozenset(line.lower() for line in _lines("quote_attitude_adjectives.txt")),
        act_verbs={words[0]: frozenset(words[1:]) for words in (line.lower().split() for line in _lines("quote_act_verbs.txt"))},
    )
