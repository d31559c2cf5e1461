"""PLOVER events against the PLOVER gold standard records (``plover/PLOVER_GSR_CAMEO.txt``).

Each record is one sentence, run through the full pipeline on its own. Measures:

- ``type accuracy``: over all gold records, whether the gold type (mapped from the 2016 PLOVER
  draft to the 16 types of 2021, see ``LEGACY_TYPES``) is among the predicted events' types; the
  predicted event *best matching* a record is the first predicted event of the gold type, else the
  first predicted event. ``no event`` counts the sentences with no predicted event at all.
- ``source country`` / ``target country``: over records whose gold source (target) list has at
  least one 3-letter country code (CAMEO non-state codes such as IGO, NGO, IMG excluded), whether
  the country of the best-matching event's source (target) actor is one of the gold codes.
- :func:`confusion` gives the gold-type x predicted-type table (best-matching event, ``-`` for none).

Every measure is reported for the whole set and for its two fixed halves (``evaluation.splits``:
records ranked by the SHA-1 of ``id + "\\n" + text``, as one id is used by two records; 161 + 161):
a *tune* half to study and a *check* half that shows whether a change generalises. The
per-record errors and the confusion table (stderr) are printed for the tune half only.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from evaluation.scoring import Score
from evaluation.splits import CHECK, HALVES, TUNE, halves

DATASET = "PLOVER GSR (CAMEO manual examples)"
GOLD = Path("plover") / "PLOVER_GSR_CAMEO.txt"
# The gold set follows the 2016 PLOVER draft; its types map onto the 2021 set the contract uses.
LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
# CAMEO actor codes that are 3 letters but not countries.
NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS", "REB", "GOV", "MIL", "COP", "OPP", "SPY",
                             "UAF", "EUR", "AFR", "ASA", "MEA", "WST", "CVL", "BUS", "MED", "EDU",
                             "REL", "JUD", "LAB", "LEG", "INS", "SEP", "AGR", "CRM", "ELI", "HLH",
                             "IGC", "INT", "PTY", "REF", "RAD", "MOD", "SET", "TOP", "MID", "LOW",
                             "ISM", "CHR", "JEW", "MOS", "BUD", "HIN"})


# Codes the gold writes for states where they differ from ISO 3166 alpha-3 (the contract's ids).
GOLD_STATE_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def gold_type(record: dict) -> str:
    return LEGACY_TYPES.get(record["event"], record["event"])


def record_key(record: dict) -> str:
    return f"{record['id']}\n{record.get('text', '')}"


def load(dev: Path, limit: int | None = None, half: str | None = None) -> list[dict]:
    """The gold records (documentation record left out), each with its ``half``; only one half's
    records when ``half`` is given. The halves are fixed on the whole set, before ``limit``."""
    records = json.loads((dev / GOLD).read_text(encoding="utf-8"))
    records = [r for r in records if r.get("event") != "DOCUMENT"]
    split = halves(record_key(r) for r in records)
    records = [{**r, "half": split[record_key(r)]} for r in records]
    if half is not None:
        records = [r for r in records if r["half"] == half]
    return records[:limit] if limit else records


def _countries(items: list[dict] | None) -> set[str]:
    items = [x for x in items if isinstance(x, dict)] if isinstance(items, list) else []
    return {GOLD_STATE_CODES.get(x["code"], x["code"]) for x in items
            if len(x.get("code", "")) == 3 and x["code"].isalpha()
            and x["code"].isupper() and x["code"] not in NON_STATE_CODES}


def predict(records: list[dict]):
    """(record, predicted events, actors by id) per gold record, through the full pipeline."""
    from relata.clean.document import CleanDocument
    from relata.pipeline import process

    docs = [CleanDocument(r["id"], r["text"], published=r.get("date")) for r in records]
    for record, doc in zip(records, process(docs), strict=True):
        yield record, doc.events, {a.id: a for a in doc.actors}


def _gold_names(items) -> list[str]:
    items = [x for x in items if isinstance(x, dict)] if isinstance(items, list) else []
    return [x["actorText"] for x in items if x.get("actorText")]


def _words(text: str) -> set[str]:
    words = (w.lower().removesuffix("'s").removesuffix("’s").strip(".,'\"()’") for w in text.split())
    return {w for w in words if len(w) >= 2 and w not in ("the", "of", "and")}


def _name_match(gold_names: list[str], actor) -> bool:
    """Whether the predicted actor's name or an alias shares a word with a gold actor text."""
    mine = _words(" ".join((actor.name, *actor.aliases)))
    return any(_words(g) & mine for g in gold_names)


def best_match(events, wanted: str):
    return next((e for e in events if e.type == wanted), events[0] if events else None)


def _country(actor_id: str | None, actors: dict) -> str | None:
    actor = actors.get(actor_id) if actor_id else None
    return actor.country if actor is not None else None


def run(dev: Path, limit: int | None = None) -> dict:
    """Counts for the whole set and each half, the tune half's confusion table, and its errors."""
    counts = {name: Counter() for name in ("whole", *HALVES)}
    confusion: Counter = Counter()
    errors: list[str] = []
    for record, events, actors in predict(load(dev, limit)):
        outcome = Counter()
        wanted = gold_type(record)
        outcome["total"] += 1
        if not events:
            outcome["no_event"] += 1
        best = best_match(events, wanted)
        predicted = best.type if best else "-"
        outcome["type_correct"] += predicted == wanted
        wrong = [] if predicted == wanted else [f"type {predicted}"]
        for role in ("source", "target"):
            gold = _countries(record.get(role))
            if not gold:
                continue
            outcome[f"{role}_total"] += 1
            got = _country(getattr(best, role), actors) if best else None
            outcome[f"{role}_correct"] += got in gold
            if got not in gold:
                wrong.append(f"{role} {got or '-'} not {'/'.join(sorted(gold))}")
        for role in ("source", "target"):
            names = _gold_names(record.get(role))
            if not names:
                continue
            outcome[f"{role}_name_total"] += 1
            actor = actors.get(getattr(best, role)) if best else None
            outcome[f"{role}_name_correct"] += actor is not None and _name_match(names, actor)
        counts["whole"].update(outcome)
        counts[record["half"]].update(outcome)
        if record["half"] == TUNE:
            confusion[(wanted, predicted)] += 1
            if wrong:
                errors.append(f"{record['id']} [{wanted}]: {'; '.join(wrong)} | {record['text']}")
    return {"counts": counts, "confusion": confusion, "errors": errors}


def confusion(dev: Path, limit: int | None = None) -> list[list[str]]:
    """The tune half's confusion table as rows (header first): gold type, then counts per predicted type."""
    table = run(dev, limit)["confusion"]
    return confusion_rows(table)


def confusion_rows(table: Counter) -> list[list[str]]:
    gold = sorted({g for g, _ in table})
    predicted = sorted({p for _, p in table})
    rows = [["gold \\ predicted", *predicted]]
    for g in gold:
        rows.append([g, *(str(table[(g, p)] or "") for p in predicted)])
    return rows


def half_label(half: str | None) -> str:
    return DATASET if half is None else f"{DATASET}, {half} half"


def evaluate(dev: Path | None, limit: int | None = None) -> list[Score]:
    if dev is None or not (dev / GOLD).is_file():
        return []
    result = run(dev, limit)
    print("PLOVER GSR, tune half: confusion (gold type x best-matching predicted type)", file=sys.stderr)
    for row in confusion_rows(result["confusion"]):
        print("\t".join(row), file=sys.stderr)
    print(f"PLOVER GSR, tune half: {len(result['errors'])} records with an error "
          "(the check half's are not shown: study the tune half only)", file=sys.stderr)
    for line in result["errors"]:
        print(f"  {line}", file=sys.stderr)
    rows: list[Score] = []
    for name in ("whole", TUNE, CHECK):
        rows.extend(_scores(half_label(None if name == "whole" else name), result["counts"][name]))
    return rows


def _scores(dataset: str, c: Counter) -> list[Score]:
    return [
        Score(dataset, "events", "type accuracy (best-matching event)", correct=c["type_correct"],
              total=c["total"], note=f"{c['no_event']} of {c['total']} sentences got no event"),
        Score(dataset, "events", "source country accuracy", correct=c["source_correct"],
              total=c["source_total"], note="records with a gold source country code"),
        Score(dataset, "events", "target country accuracy", correct=c["target_correct"],
              total=c["target_total"], note="records with a gold target country code"),
        Score(dataset, "events", "source+target country accuracy",
              correct=c["source_correct"] + c["target_correct"],
              total=c["source_total"] + c["target_total"], note="pooled over both roles"),
        Score(dataset, "events", "source actor name match", correct=c["source_name_correct"],
              total=c["source_name_total"], note="predicted source actor shares a word with gold actorText"),
        Score(dataset, "events", "target actor name match", correct=c["target_name_correct"],
              total=c["target_name_total"], note="predicted target actor shares a word with gold actorText"),
    ]


def misses(dev: Path, limit: int | None = None):
    """(role, gold codes, predicted actor or None, sentence) for every wrong source/target country
    of the tune half: the list to read when working on actor resolution."""
    for record, events, actors in predict(load(dev, limit, half=TUNE)):
        best = best_match(events, gold_type(record))
        for role in ("source", "target"):
            gold = _countries(record.get(role))
            actor = actors.get(getattr(best, role)) if best else None
            if gold and (actor.country if actor else None) not in gold:
                yield role, sorted(gold), actor, record["text"]


if __name__ == "__main__":
    # python -m evaluation.events: the tune half's misses, one per line, for reading (not a score)
    from evaluation.scoring import shared_dev

    for role, gold, actor, text in misses(shared_dev()):
        got = f"{actor.id} ({actor.kind}, {actor.country})" if actor else "-"
        print(f"{role}\t{'/'.join(gold)}\t{got}\t{text}")
