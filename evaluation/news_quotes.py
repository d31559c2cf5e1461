"""Quotes on news-events (``../shared/dev/news-events``): 10 wire-style articles written for
Relata's development outside the team, each listing the quotes an extractor should find.

Scored as its README says: a gold quote is found when a predicted quote's text contains the
gold ``snippet`` (whitespace and quotation marks normalised); its speaker is right when the
predicted speaker's name, or the actor's id (a country or organisation code), equals one of the
gold ``speaker`` names (case-insensitive, a leading ``the`` dropped). Recall over the listed
quotes and speaker accuracy on the found ones; the articles hold other reported speech that is
not listed, so there is no precision. A second measure only: never tuned on.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from evaluation.scoring import Score

DATASET = "news-events"
_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_MARKS)).strip()


def _name(text: str) -> str:
    text = text.strip().lower()
    return text[4:] if text.startswith("the ") else text


def evaluate(dev: Path | None, limit: int | None = None) -> list[Score]:
    root = dev / "news-events" if dev is not None else None
    if root is None or not (root / "gold.json").is_file():
        return []
    from relata.corpus import extract_records

    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))["docs"]
    names = sorted(gold)[:limit]
    records = extract_records([str(root / "text" / n) for n in names])
    found = total = right = 0
    for name, record in zip(names, records, strict=True):
        if not hasattr(record, "quotes"):
            raise ValueError(f"{name}: no record ({record})")
        actors = {a.id: a for a in record.actors}
        quotes = [(_norm(q.text), q) for q in record.quotes]
        for item in gold[name]["quotes"]:
            total += 1
            snippet = _norm(item["snippet"])
            hit = next((q for text, q in quotes if snippet in text), None)
            if hit is None:
                continue
            found += 1
            wanted = {_name(s) for s in item["speaker"]}
            actor = actors.get(hit.speaker)
            names_given = {_name(hit.speaker_name or "")} | {_name(a) for a in (actor.aliases if actor else ())}
            right += bool(names_given & wanted) or (hit.speaker or "").lower() in wanted
    note = f"{len(names)} articles; snippet inside a predicted quote; never tuned on"
    return [
        Score(DATASET, "quotes", "recall (snippet found)", correct=found, total=total, note=note),
        Score(DATASET, "quotes", "speaker acc (found)", correct=right, total=found, note="name or code in the gold list"),
    ]
