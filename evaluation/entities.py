"""Actor resolution on PolNeAR (dev split): do attribution sources resolve to the right actor?

PolNeAR has no entity gold, but every attribution's ``Source`` span is annotated
(``polnear-dev/attributions/NAME.ann`` over ``polnear-dev/text/NAME.txt``). Measures:

- named sources: sources containing a proper noun (in the parse). ``DocumentActors.resolve`` on
  the source span is right when a word (3+ letters) of the actor's name or aliases occurs in the
  source text. Precision over resolved sources, recall over all named sources.
- pronoun sources (``he``, ``she``): PolNeAR annotates no coreference; the referent is set by
  the agreement rule in ``evaluation/polnear.py`` (the nearest earlier gold source naming a
  single person not of the other gender), the one the quotes evaluation uses; right when a word
  of the resolved actor's name occurs in it. Pronouns the rule cannot place are not scored.
  Precision over resolved pronouns, recall over all.
"""

from __future__ import annotations

import re
from pathlib import Path

from evaluation.polnear import read_gold
from evaluation.scoring import Score
from relata import nlp
from relata.mentions.entities import extract_entities
from relata.resolve.actors import resolve_actors

DATASET = "polnear-dev"
_PRONOUNS = {"he", "she", "him", "her"}


def _sources(ann: Path, text: str, doc) -> list[tuple[int, int, str, str | None]]:
    """Each contiguous gold source once, with what a pronoun source refers to."""
    out = {}
    for g in read_gold(ann, text, doc):
        if g.source:
            referent = g.antecedent if g.antecedent_named else None
            out[g.source_start] = (g.source_start, g.source_start + len(g.source), g.source, referent)
    return sorted(out.values())


def _words(actor) -> set[str]:
    return {w.lower() for n in (actor.name, *actor.aliases) for w in re.findall(r"[A-Za-z]{3,}", n)}


def _mentions_actor(actor, text: str) -> bool:
    return bool(_words(actor) & {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)})


def evaluate(dev: Path | None, limit: int | None = None) -> list[Score]:
    if dev is None or not (dev / "polnear-dev").is_dir():
        return []
    root = dev / "polnear-dev"
    named = {"tp": 0, "fp": 0, "fn": 0}
    pronouns = {"tp": 0, "fp": 0, "fn": 0}
    anns = sorted((root / "attributions").glob("*.ann"))
    for ann in anns[:limit] if limit else anns:
        text_path = root / "text" / f"{ann.stem}.txt"
        if not text_path.is_file():
            continue
        parsed = nlp.parse(text_path.read_text(encoding="utf-8"))
        actors = resolve_actors(parsed, extract_entities(parsed))
        for start, end, source, referent in _sources(ann, parsed.text, parsed.doc):
            span = parsed.doc.char_span(start, end, alignment_mode="expand")
            if span is None or parsed.text[start:end] != source:
                continue
            actor = actors.resolve(span)
            if source.lower() in _PRONOUNS:
                tally = pronouns
                expected = referent
            elif any(t.pos_ == "PROPN" for t in span):
                tally = named
                expected = source
            else:
                continue
            if expected is None:
                continue
            if actor is None:
                tally["fn"] += 1
            elif _mentions_actor(actor, expected):
                tally["tp"] += 1
            else:
                tally["fp"] += 1
                tally["fn"] += 1
    return [
        Score(DATASET, "actors", "named source -> actor", **named),
        Score(DATASET, "actors", "pronoun source -> antecedent (agreement rule)", **pronouns),
    ]
