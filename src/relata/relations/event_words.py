"""The words of events: a trigger's lemma and its fallbacks, and the modality cue table.

Shared by the pattern tables (:mod:`relata.relations.event_patterns`,
:mod:`relata.relations.cameo_match`) and the modality reader
(:mod:`relata.relations.event_modality`). The cue words are data: ``relata/data/event_cues.tsv``.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from spacy.tokens import Token

# A go-between's verbs: who hosts, mediates, brokers or facilitates talks serves two parties and is
# neither of them ("Qatar mediated between X and Y"; "the two sides" are X and Y, not Qatar).
GO_BETWEEN_VERBS = frozenset({"host", "mediate", "broker", "facilitate"})


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def lemmas(token: Token) -> tuple[str, ...]:
    """The token's lemma, then fallbacks for lemmatizer slips (``staged`` -> ``stag``): the lower-case
    form and simple de-inflections of it."""
    return _forms(token.lemma_, token.lower_)


@lru_cache(maxsize=50_000)
def _forms(lemma: str, lower: str) -> tuple[str, ...]:
    # asked for every token of every sentence by several tables: a corpus repeats its words
    out = [lemma.lower(), lower]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
                         ("es", ""), ("s", "")):
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            out.append(lower[: -len(suffix)] + repl)
    return tuple(dict.fromkeys(out))


@cache
def cues() -> dict[str, str]:
    """Cue word (lower case) -> role, read once from ``event_cues.tsv``."""
    text = resources.files("relata.data").joinpath("event_cues.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {cue.strip().lower(): role.strip() for cue, role, *_ in rows[1:]}


@cache
def _phrasal_lemmas() -> frozenset[str]:
    return frozenset(cue.split()[0] for cue in cues() if " " in cue)


def role_of(token: Token) -> str | None:
    """The modality role of a cue word (``plan`` -> intent, ``not`` -> negation), or ``None``."""
    pos, lemma, lower = token.pos_, token.lemma_, token.lower_
    if pos == "VERB" and lemma.lower() in _phrasal_lemmas():
        # a phrasal verb's own row first: "ruled out sending troops"
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
        if particle is not None and (phrasal := cues().get(f"{lemma.lower()} {particle}")):
            return phrasal
    return _role(pos, lemma, lower)


@lru_cache(maxsize=50_000)
def _role(pos: str, lemma: str, lower: str) -> str | None:
    # asked of most words of every trigger's clause: a corpus repeats its words
    table = cues()
    found = table.get(lower) or table.get(lemma.lower())
    if found is None and pos in ("VERB", "AUX"):
        # lemmatizer slips ("hopes" -> "hop"): the de-inflected forms the pattern table also tries
        found = next((table[f] for f in _forms(lemma, lower) if f in table), None)
    return found
