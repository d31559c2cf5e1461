"""The project's own hand-annotated examples (``examples/`` + ``tests/golden/``), scored per extractor.

Matching rules, the same for every file:
- cleaning: each ``must_keep`` fragment present in the text, each ``must_drop`` fragment absent;
- metadata: title, published, author, language equal (where the annotation gives them);
- actors: gold id present among the record's actors with the same kind and country;
- quotes: a predicted quote overlapping at least 30% of the gold quote's characters (one-to-one);
  speaker right when ``speaker_name`` is equal;
- events: same type, source and target, as tests/golden/README.md defines them: a ``null`` gold
  source or target accepts any value, a ``symmetric`` event either direction (negated/hypothetical
  gold items count as false positives when a predicted event of that type lies in that sentence);
- claims: same value (relative tolerance 1e-6) and unit (``people`` = ``person``, ``tonne`` =
  ``ton``); a predicted duration (``five years``) is neither right nor wrong, as the golden files
  do not annotate durations; times: overlapping span and same value.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.scoring import Score
from evaluation.splits import HALVES, halves

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
OVERLAP = 0.3


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    failures: list[str] = field(default_factory=list)


def golden_files() -> list[Path]:
    return sorted(GOLDEN.glob("*.json"))


def load_records(golden_path: Path) -> tuple[dict, list[dict]]:
    from relata.corpus import extract_records
    from relata.records import to_dict

    gold = json.loads(golden_path.read_text(encoding="utf-8"))
    records = [to_dict(r) for r in extract_records([str(ROOT / gold["file"])]) if hasattr(r, "text")]
    return gold, records


def _find(text: str, fragment: str) -> tuple[int, int] | None:
    at = text.find(fragment)
    return (at, at + len(fragment)) if at >= 0 else None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_document(gold: dict, record: dict, tallies: dict[str, Tally], where: str) -> None:
    text = record["text"]
    clean = tallies["cleaning"]
    for fragment in gold.get("must_keep", []):
        if fragment in text:
            clean.tp += 1
        else:
            clean.fn += 1
            clean.failures.append(f"{where}: lost {fragment[:60]!r}")
    for fragment in gold.get("must_drop", []):
        if fragment in text:
            clean.fp += 1
            clean.failures.append(f"{where}: kept boilerplate {fragment[:60]!r}")
    meta = tallies["metadata"]
    for key in ("title", "published", "author", "language"):
        if key in gold:
            if gold[key] == record.get(key):
                meta.tp += 1
            else:
                meta.fn += 1
                meta.failures.append(f"{where}: {key} {record.get(key)!r} != {gold[key]!r}")
    _score_actors(gold, record, tallies["actors"], where)
    _score_quotes(gold, record, tallies["quotes"], tallies["speakers"], where)
    _score_events(gold, record, tallies["events"], where)
    _score_claims(gold, record, tallies["claims"], where)
    _score_times(gold, record, tallies["times"], where)


def _score_actors(gold, record, tally, where):
    got = {a["id"]: a for a in record["actors"]}
    for actor in gold.get("actors", []):
        found = got.get(actor["id"])
        if found and found["kind"] == actor.get("kind", found["kind"]) and found["country"] == actor.get(
            "country", found["country"]
        ):
            tally.tp += 1
        else:
            tally.fn += 1
            tally.failures.append(f"{where}: actor {actor['id']} missing or wrong ({found})")


def _score_quotes(gold, record, tally, speakers, where):
    text = record["text"]
    predicted = list(record["quotes"])
    used: set[int] = set()
    for quote in gold.get("quotes", []):
        span = _find(text, quote["text"])
        if span is None:
            tally.fn += 1
            tally.failures.append(f"{where}: gold quote not in text {quote['text'][:50]!r}")
            continue
        best, best_overlap = None, 0
        for i, q in enumerate(predicted):
            if i in used:
                continue
            ov = _overlap(span, (q["start"], q["end"]))
            if ov > best_overlap:
                best, best_overlap = i, ov
        if best is not None and best_overlap >= OVERLAP * (span[1] - span[0]):
            used.add(best)
            tally.tp += 1
            if quote.get("speaker_name"):
                if predicted[best]["speaker_name"] == quote["speaker_name"]:
                    speakers.tp += 1
                else:
                    speakers.fn += 1
                    speakers.failures.append(
                        f"{where}: speaker {predicted[best]['speaker_name']!r} != {quote['speaker_name']!r}"
                    )
        else:
            tally.fn += 1
            tally.failures.append(f"{where}: missed quote {quote['text'][:50]!r}")
    tally.fp += len(predicted) - len(used)


def _score_events(gold, record, tally, where):
    text = record["text"]
    predicted = list(record["events"])
    used: set[int] = set()
    for event in gold.get("events", []):
        sentence = _find(text, event["sentence"]) if event.get("sentence") else None
        in_sentence = [
            i for i, e in enumerate(predicted)
            if sentence is None or _overlap(sentence, (e["start"], e["end"])) > 0
        ]
        if event.get("negated_or_hypothetical"):
            wrong = [i for i in in_sentence if predicted[i]["type"] == event["type"]]
            if wrong:
                tally.fp += 1
                used.update(wrong)
                tally.failures.append(f"{where}: coded a negated/hypothetical {event['type']}")
            continue
        match = next(
            (i for i in in_sentence if i not in used and predicted[i]["type"] == event["type"]
             and _same_parties(predicted[i], event)),
            None,
        )
        if match is None:
            tally.fn += 1
            tally.failures.append(
                f"{where}: missed {event['type']} {event.get('source')}->{event.get('target')} ({event.get('trigger')})"
            )
        else:
            used.add(match)
            tally.tp += 1
    # Only events in annotated sentences can be judged as false positives.
    annotated = [_find(text, e["sentence"]) for e in gold.get("events", []) if e.get("sentence")]
    for i, e in enumerate(predicted):
        if i not in used and any(s and _overlap(s, (e["start"], e["end"])) for s in annotated):
            tally.fp += 1


def _same_parties(predicted: dict, gold: dict) -> bool:
    """Source and target as the golden README defines them: ``null`` in the gold (the sentence
    names no such actor) accepts any value; a symmetric event (``India and Pakistan met``) may
    come in either direction."""
    def fits(source, target):
        return (gold.get("source") is None or source == gold["source"]) and (
            gold.get("target") is None or target == gold["target"])
    src, tgt = predicted["source"], predicted["target"]
    return fits(src, tgt) or bool(gold.get("symmetric")) and fits(tgt, src)


# tests/golden/README.md: "For people, the lemma is written person: treat people as equal";
# ton and tonne are one unit spelt two ways; durations ("five years", "two-day") are not annotated.
_UNIT_SPELLINGS = {"people": "person", "tonne": "ton"}
_DURATION_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})


def _unit(unit: str | None) -> str | None:
    return _UNIT_SPELLINGS.get(unit, unit) if unit else unit


def _score_claims(gold, record, tally, where):
    predicted = list(record["claims"])
    used: set[int] = set()
    for claim in gold.get("claims", []):
        match = next(
            (i for i, c in enumerate(predicted) if i not in used and _unit(c["unit"]) == _unit(claim["unit"])
             and math.isclose(c["value"], claim["value"], rel_tol=1e-6)),
            None,
        )
        if match is None:
            tally.fn += 1
            tally.failures.append(f"{where}: missed claim {claim['text']!r} {claim['value']} {claim['unit']}")
        else:
            used.add(match)
            tally.tp += 1
    tally.fp += sum(1 for i, c in enumerate(predicted) if i not in used and c["unit"] not in _DURATION_UNITS)


def _score_times(gold, record, tally, where):
    text = record["text"]
    predicted = list(record["times"])
    used: set[int] = set()
    for time in gold.get("times", []):
        span = _find(text, time["text"])
        match = None
        if span is not None:
            match = next(
                (i for i, t in enumerate(predicted) if i not in used and _overlap(span, (t["start"], t["end"]))
                 and t["value"] == time["value"]),
                None,
            )
        if match is None:
            tally.fn += 1
            tally.failures.append(f"{where}: missed time {time['text']!r} = {time['value']}")
        else:
            used.add(match)
            tally.tp += 1
    tally.fp += len(predicted) - len(used)


AREAS = ("cleaning", "metadata", "actors", "quotes", "speakers", "events", "claims", "times")


def score_all(limit: int | None = None) -> dict[str, Tally]:
    """Every area's tally over the golden files, and ``events:tune`` / ``events:check``: the events
    of each fixed half of the files (:func:`evaluation.splits.halves` of their names)."""
    tallies = {area: Tally() for area in AREAS}
    tallies.update({f"events:{half}": Tally() for half in HALVES})
    files = golden_files()
    split = halves(p.name for p in files)
    for path in files[:limit]:
        gold, records = load_records(path)
        documents = gold["documents"]
        if len(records) != len(documents):
            tallies["cleaning"].failures.append(f"{path.name}: {len(records)} records for {len(documents)} documents")
            tallies["cleaning"].fn += len(documents)
            continue
        for number, (doc, record) in enumerate(zip(documents, records, strict=True)):
            score_document(doc, record, tallies, f"{path.name}#{number}")
            _score_events(doc, record, tallies[f"events:{split[path.name]}"], f"{path.name}#{number}")
    return tallies


def evaluate(dev: Path | None, limit: int | None = None) -> list[Score]:
    if not golden_files():
        return []
    tallies = score_all(limit)
    rows = []
    for area in AREAS:
        t = tallies[area]
        if area in ("metadata", "speakers"):
            rows.append(Score("examples (golden)", area, "accuracy", correct=t.tp, total=t.tp + t.fn))
        else:
            rows.append(Score("examples (golden)", area, "P/R/F1", tp=t.tp, fp=t.fp, fn=t.fn))
    # events, the area tuned hardest, also per fixed half of the files (errors studied on tune only)
    for half in HALVES:
        t = tallies[f"events:{half}"]
        rows.append(Score(f"examples (golden), {half} half", "events", "P/R/F1", tp=t.tp, fp=t.fp, fn=t.fn))
    return rows
