"""Whole wire-style articles with hand-coded events, non-events, quotes, claims and times
(``news-events/``: 10 articles written for Relata outside the team, CC0), scored as the set's
README says.

Each article goes through the full pipeline as a user's file would (``relata extract``): headline
and body are text, the ``By`` and ``Published:`` header lines are metadata, and the publication
date is the reference for times (``metadata`` counts the articles whose date Relata read right).

- Events: predictions deduplicated per document by (type, source, target); a prediction matches
  a gold event when its type is in ``types`` and its source and target actors each match a name
  of the gold lists; matched one-to-one (maximum bipartite matching). P/R/F1. A prediction that
  matches a ``forbidden_events`` item the same way is a violation (count / forbidden events).
  Also the type accuracy on the gold events whose source and target some prediction matches.
- Actor match: names compared case-insensitively after trimming spaces and a leading "the" (and,
  beyond the README's rule, without diacritics: "António" is "Antonio"); the
  actor's name, or its country code, or (an organisation) its id or an upper-case alias (the
  acronym: ``AU``, ``NATO``), equal to a listed name.
- Quotes: a gold quote is found when a predicted quote's text contains the snippet (whitespace
  and quotation marks normalised); the speaker is right when the quote's speaker matches a listed
  name. Recall, and speaker accuracy on the quotes found. (Precision is not meaningful: the
  articles hold reported speech that is not listed.)
- Claims: a prediction matches a gold claim when its span overlaps an occurrence of ``text``, its
  value is equal (relative tolerance 1e-6) and its unit is equal (``count``: any unit that is
  not a currency, a percentage or a physical unit). P/R/F1, where a prediction matching an already
  found claim (the same figure repeated in the text) counts neither way; a prediction
  overlapping a ``forbidden_claims`` string (and matching no gold claim) is counted as an error.
- Times: a gold time is found when a predicted span overlaps an occurrence of ``text``; its value
  is right when in ``value_any``. Detection recall, value accuracy on the found.

Every measure is given for the whole set and its two fixed halves (``evaluation.splits``, by
the SHA-1 of the file name: 5 + 5 articles). Per-article errors are printed (stderr) for the tune
half only.
"""

from __future__ import annotations

import json
import math
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from evaluation.scoring import Score
from evaluation.splits import CHECK, TUNE, halves

DATASET = "news-events"
FOLDER = Path("news-events")
_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00ab": '"',
                         "\u00bb": '"', "\u2032": "'", "`": "'"})
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def norm_name(text: str | None) -> str:
    """Case-folded, single-spaced, without a leading "the" (the README's rule) and without
    diacritics (Relata's canonical "António Guterres" is the gold's "Antonio Guterres")."""
    text = unicodedata.normalize("NFKD", " ".join((text or "").split()))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _LEADING_THE.sub("", text).casefold()


def _norm_text(text: str) -> str:
    return " ".join(text.translate(_QUOTES).split()).casefold()


def load(dev: Path) -> tuple[dict, dict[str, str]]:
    """(gold documents by file name, file name -> half)."""
    gold = json.loads((dev / FOLDER / "gold.json").read_text(encoding="utf-8"))["docs"]
    return gold, halves(gold)


def predict(dev: Path, names: list[str]) -> dict[str, object]:
    from relata.corpus import extract_records

    paths = [str(dev / FOLDER / "text" / name) for name in names]
    out = {}
    for name, record in zip(names, extract_records(paths), strict=True):
        if not hasattr(record, "events"):
            raise RuntimeError(f"news-events: {name}: no record ({record})")
        out[name] = record
    return out


# ---- actors and events ------------------------------------------------------------------------

def actor_matches(actor, names: list[str]) -> bool:
    if actor is None:
        return False
    wanted = {norm_name(n) for n in names}
    if norm_name(actor.name) in wanted or (actor.country and norm_name(actor.country) in wanted):
        return True
    if actor.kind in ("organization", "group"):
        # an organisation is named as the text names it ("Arab League" for the dictionary's
        # "League of Arab States"): its id and every surface form the record keeps
        return any(norm_name(x) in wanted for x in (actor.id, *actor.aliases))
    return False


def _predicted_events(record) -> list[tuple[str, object, object]]:
    """(type, source actor, target actor), one per distinct (type, source, target)."""
    actors = {a.id: a for a in record.actors}
    seen = {}
    for e in record.events:
        seen.setdefault((e.type, e.source, e.target), (e.type, actors.get(e.source), actors.get(e.target)))
    return list(seen.values())


def _fits(prediction, gold: dict, need_type: bool = True) -> bool:
    kind, source, target = prediction
    return ((not need_type or kind in gold["types"]) and actor_matches(source, gold["source"])
            and actor_matches(target, gold["target"]))


def max_matching(edges: dict[int, list[int]]) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths): left item -> right item."""
    owner: dict[int, int] = {}

    def place(left: int, seen: set[int]) -> bool:
        for right in edges.get(left, ()):
            if right in seen:
                continue
            seen.add(right)
            if right not in owner or place(owner[right], seen):
                owner[right] = left
                return True
        return False

    for left in edges:
        place(left, set())
    return {left: right for right, left in owner.items()}


def score_events(record, gold: dict, tally: Counter, errors: list[str]) -> None:
    predictions = _predicted_events(record)
    events = gold["events"]
    edges = {g: [p for p, pred in enumerate(predictions) if _fits(pred, event)] for g, event in enumerate(events)}
    matched = max_matching(edges)
    tally["event_tp"] += len(matched)
    tally["event_fn"] += len(events) - len(matched)
    tally["event_fp"] += len(predictions) - len(matched)
    used = set(matched.values())
    for g, event in enumerate(events):
        dyad = [pred for pred in predictions if _fits(pred, event, need_type=False)]
        if dyad:
            tally["dyad_total"] += 1
            tally["dyad_type_correct"] += any(pred[0] in event["types"] for pred in dyad)
        if g not in matched:
            near = ", ".join(_show(p) for p in dyad) or "no prediction with this source and target"
            errors.append(f"missed {'/'.join(event['types'])} {event['source'][0]} -> {event['target'][0]} "
                          f"({event['hint']!r}); {near}")
    for p, pred in enumerate(predictions):
        if p not in used:
            errors.append(f"extra {_show(pred)}")
    for forbidden in gold.get("forbidden_events", []):
        tally["forbidden_total"] += 1
        hits = [pred for pred in predictions if _fits(pred, forbidden)]
        if hits:
            tally["forbidden_produced"] += 1
            errors.append(f"VIOLATION {_show(hits[0])} matches a non-event ({forbidden['hint']!r})")


def _show(pred) -> str:
    kind, source, target = pred
    return f"{kind} {source.name if source else '-'} -> {target.name if target else '-'}"


# ---- quotes, claims, times --------------------------------------------------------------------

def score_quotes(record, gold: dict, tally: Counter, errors: list[str]) -> None:
    actors = {a.id: a for a in record.actors}
    quotes = [(_norm_text(q.text), q) for q in record.quotes]
    for wanted in gold.get("quotes", []):
        tally["quote_total"] += 1
        snippet = _norm_text(wanted["snippet"])
        found = [q for text, q in quotes if snippet in text]
        if not found:
            errors.append(f"missed quote {wanted['snippet']!r}")
            continue
        tally["quote_found"] += 1
        names = {norm_name(n) for n in wanted["speaker"]}
        right = any(norm_name(q.speaker_name) in names or actor_matches(actors.get(q.speaker), wanted["speaker"])
                    for q in found)
        tally["speaker_correct"] += right
        if not right:
            errors.append(f"speaker {found[0].speaker_name!r} for {wanted['snippet']!r}, not {wanted['speaker'][0]}")


def _spans(text: str, fragment: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(fragment), text)]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(min(end, b) > max(start, a) for a, b in spans)


def _physical_units() -> frozenset[str]:
    from importlib import resources

    text = resources.files("relata.data").joinpath("claim_units.tsv").read_text(encoding="utf-8")
    names = {line.split("\t")[1] for line in text.splitlines() if "\t" in line and not line.startswith("#")}
    return frozenset(names | {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})


def unit_kind(unit: str, physical: frozenset[str]) -> str:
    if re.fullmatch(r"[A-Z]{3}", unit or ""):
        return unit
    if unit in ("percent", "percentage point", "point", "basis point"):
        return "percent" if unit == "percent" else "points"
    return "physical" if unit in physical else "count"


def score_claims(record, gold: dict, tally: Counter, errors: list[str], physical: frozenset[str]) -> None:
    text = record.text
    golds = [(g, _spans(text, g["text"])) for g in gold.get("claims", [])]
    forbidden = [s for f in gold.get("forbidden_claims", []) for s in _spans(text, f)]
    found: set[int] = set()
    for claim in record.claims:
        hit = [i for i, (g, spans) in enumerate(golds)
               if _overlaps(spans, claim.start, claim.end)
               and math.isclose(claim.value, g["value"], rel_tol=1e-6)
               and unit_kind(claim.unit, physical) == g["unit"]]
        if hit:  # a repeat of a found number (the same figure twice in the text) is not counted again
            found.update(hit)
            continue
        tally["claim_wrong_predictions"] += 1
        if _overlaps(forbidden, claim.start, claim.end):
            tally["claim_forbidden"] += 1
            errors.append(f"claim on a non-claim {claim.text!r} ({claim.value:g} {claim.unit})")
        else:
            errors.append(f"extra or wrong claim {claim.text!r} ({claim.value:g} {claim.unit})")
    tally["claim_total"] += len(golds)
    tally["claim_found"] += len(found)
    for i, (g, _) in enumerate(golds):
        if i not in found:
            errors.append(f"missed claim {g['text']!r} = {g['value']:g} {g['unit']}")


def score_times(record, gold: dict, tally: Counter, errors: list[str]) -> None:
    for wanted in gold.get("times", []):
        tally["time_total"] += 1
        spans = _spans(record.text, wanted["text"])
        found = [t for t in record.times if _overlaps(spans, t.start, t.end)]
        if not found:
            errors.append(f"missed time {wanted['text']!r}")
            continue
        tally["time_found"] += 1
        right = any(t.value in wanted["value_any"] for t in found)
        tally["time_value_correct"] += right
        if not right:
            errors.append(f"time {wanted['text']!r} = {found[0].value}, not {wanted['value_any'][0]}")


# ---- the table --------------------------------------------------------------------------------

def run(dev: Path) -> dict:
    gold, split = load(dev)
    names = sorted(gold)
    records = predict(dev, names)
    physical = _physical_units()
    tallies = {name: Counter() for name in ("whole", TUNE, CHECK)}
    errors: dict[str, list[str]] = {}
    for name in names:
        record, wanted, tally, mistakes = records[name], gold[name], Counter(), []
        tally["articles"] += 1
        tally["published_right"] += record.published == wanted["published"]
        if record.published != wanted["published"]:
            mistakes.append(f"published {record.published} read, not {wanted['published']}")
        score_events(record, wanted, tally, mistakes)
        score_quotes(record, wanted, tally, mistakes)
        score_claims(record, wanted, tally, mistakes, physical)
        score_times(record, wanted, tally, mistakes)
        tallies["whole"].update(tally)
        tallies[split[name]].update(tally)
        errors[name] = mistakes
    return {"tallies": tallies, "errors": errors, "split": split}


def half_label(name: str) -> str:
    return DATASET if name == "whole" else f"{DATASET}, {name} half"


def _scores(dataset: str, c: Counter) -> list[Score]:
    n = f"{c['articles']} articles"
    return [
        Score(dataset, "events", "events P/R/F1 (type, source, target)", tp=c["event_tp"], fp=c["event_fp"],
              fn=c["event_fn"], note=f"{n}; one-to-one matching"),
        Score(dataset, "events", "non-events produced (negated, denied, conditional, refused)",
              correct=c["forbidden_produced"], total=c["forbidden_total"], note="lower is better; target 0"),
        Score(dataset, "events", "type accuracy where source and target match", correct=c["dyad_type_correct"],
              total=c["dyad_total"], note="gold events some prediction has the right dyad for"),
        Score(dataset, "quotes", "recall (snippet in a predicted quote)", correct=c["quote_found"],
              total=c["quote_total"], note="the articles hold more reported speech than is listed"),
        Score(dataset, "quotes", "speaker accuracy on found quotes", correct=c["speaker_correct"],
              total=c["quote_found"]),
        Score(dataset, "claims", "claims P/R/F1 (span, value, unit)", tp=c["claim_found"],
              fp=c["claim_wrong_predictions"], fn=c["claim_total"] - c["claim_found"],
              note=f"{c['claim_forbidden']} predictions on non-claims (years, model names, ordinals)"),
        Score(dataset, "times", "detection recall", correct=c["time_found"], total=c["time_total"]),
        Score(dataset, "times", "value accuracy on found times", correct=c["time_value_correct"],
              total=c["time_found"]),
        Score(dataset, "metadata", "publication date read from the header", correct=c["published_right"],
              total=c["articles"]),
    ]


def evaluate(dev: Path | None, limit: int | None = None) -> list[Score]:
    if dev is None or not (dev / FOLDER / "gold.json").is_file():
        return []
    result = run(dev)
    print("news-events, tune half: errors per article (the check half's are not shown)", file=sys.stderr)
    for name, mistakes in result["errors"].items():
        if result["split"][name] == TUNE:
            print(f"{name}: {len(mistakes)} errors", file=sys.stderr)
            for line in mistakes:
                print(f"  {line}", file=sys.stderr)
    rows: list[Score] = []
    for name in ("whole", TUNE, CHECK):
        rows.extend(_scores(half_label(name), result["tallies"][name]))
    return rows
