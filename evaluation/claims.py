"""Numeric claims against public gold sets.

- NewsQuant (CQE evaluation set): every quantity of 590 news sentences. A gold quantity is
  found when one of our claims in its sentence has the same value (relative tolerance 1e-4) and
  a compatible unit; a gold range (``200-4000000``) needs both ends. Unit compatibility: gold
  ``-`` (no unit) takes any unit; currency names map to ISO 4217 (``dollar`` takes any dollar
  code, since a bare ``$`` is read as USD); ``percentage`` is ``percent``; otherwise the units
  agree when one's words contain the other's last word (``year of age`` ~ ``year``,
  ``public housing property`` ~ ``property``); a gold quantity written without a unit
  (surface unit ``-``) takes any unit; a vague count (``dozens``: more than 12) matches the
  gold range it opens (``12-120``). Unmatched claims are false positives.
  A second row scores change/qualifier on the found pairs: gold ``up``/``down`` must be
  ``change``; ``~``, ``>``, ``<`` must be ``about``, ``more_than``/``up_to``... (see ``_CHANGE``).
- Recognizers-Text NumberModel: value accuracy of the figure reader
  (:func:`relata.mentions.quantities.find_quantities`) on the English cases not marked
  ``NotSupported``: the inputs are bare numbers (``two thirds``) that are not claims by
  themselves, so the reading layer is what is measured. A case is correct when every expected
  number is read with its value by a figure overlapping its span, and a case expecting nothing
  gets nothing.
- PercentModel / CurrencyModel: the same, through the full claim extractor, counting only our
  percent claims (resp. money claims: an ISO code, ``cent`` or ``penny``); currency also needs
  the ISO code.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from evaluation.scoring import Score

CURRENCY_NAMES = {
    "dollar": {"USD", "AUD", "CAD", "HKD", "NZD", "SGD", "TWD"}, "united states dollar": {"USD"},
    "australian dollar": {"AUD"}, "canadian dollar": {"CAD"}, "hong kong dollar": {"HKD"},
    "japanese yen": {"JPY"}, "chinese yuan": {"CNY"}, "euro": {"EUR"}, "pound sterling": {"GBP"},
    "pound": {"GBP"}, "british pound": {"GBP"}, "malaysian ringgit": {"MYR"}, "shekel": {"ILS"},
    "israeli new shekel": {"ILS"}, "indian rupee": {"INR"}, "rupee": {"INR"}, "swiss franc": {"CHF"},
    "franc": {"CHF"}, "russian ruble": {"RUB"}, "south korean won": {"KRW"}, "cent": {"cent"},
    "pence": {"penny"}, "penny": {"penny"}, "new zealand dollar": {"NZD"}, "singapore dollar": {"SGD"},
    "danish krone": {"DKK"}, "swedish krona": {"SEK"}, "norwegian krone": {"NOK"},
    "south african rand": {"ZAR"}, "mexican peso": {"MXN"}, "turkish lira": {"TRY"},
    "brazilian real": {"BRL"}, "philippine peso": {"PHP"}, "new taiwan dollar": {"TWD"},
    "thai baht": {"THB"}, "ukrainian hryvnia": {"UAH"}, "new israeli shekel": {"ILS"},
}
_CHANGE = {"up": ("change", True), "down": ("change", True), "=": ("change", False),
           "~": ("qualifier", {"about"}), ">": ("qualifier", {"more_than"}),
           "<": ("qualifier", {"less_than", "up_to"})}


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-4, abs_tol=1e-9)


def _same(claim, value: float, gold_unit: str) -> bool:
    """Same value and a compatible unit; a gold fraction (``0.33``, unit ``%``...) may be given
    by us in percent (``33.3 percent``)."""
    if gold_unit.startswith("%") and claim.unit == "percent":
        return _close(claim.value, value * 100) or _close(claim.value, value)
    return _close(claim.value, value) and unit_matches(gold_unit, claim.unit)


def _spelling(unit: str) -> str:
    """One spelling for units: kilometer/kilometre, liter/litre, ton/tonne."""
    return unit.replace("tonne", "ton").replace("metre", "meter").replace("litre", "liter")


def unit_matches(gold: str, ours: str) -> bool:
    gold, ours = gold.lower().strip(), ours.lower().strip()
    if gold in ("-", "") or gold == ours:
        return True
    if " per " in gold and " per " not in ours:  # "dollar per barrel", "percentage per year"
        gold = gold.split(" per ")[0]
    gold, ours = _spelling(gold), _spelling(ours)
    if gold == ours or (gold == "count" and ours == "time"):
        return True
    if gold in CURRENCY_NAMES:
        return ours.upper() in CURRENCY_NAMES[gold] or ours in CURRENCY_NAMES[gold]
    if gold == "percentage":
        return ours == "percent"
    if gold == "point":
        return ours in ("percentage point", "point", "basis point")
    gold_words, our_words = gold.replace("-", " ").split(), ours.replace("-", " ").split()
    return our_words[-1] in gold_words or gold_words[-1] in our_words or (
        gold_words[-1].rstrip("s") == our_words[-1].rstrip("s"))


def _values(raw: str) -> list[float] | None:
    try:
        parts = raw.split("-") if raw.count("-") == 1 and not raw.startswith("-") else [raw]
        return [float(p) for p in parts]
    except ValueError:
        return None


def match_sentence(claims: list, quantities: list[dict]):
    """(found (gold, claim) pairs, missed gold quantities, unmatched claims) for one sentence."""
    used: set[int] = set()
    found, missed = [], []
    for gold in quantities:
        values = _values(gold["value"])
        if values is None:
            missed.append(gold)
            continue
        unit = "-" if gold["unit"].strip() == "-" else gold["normalized_unit"]
        picks = []
        if len(values) == 2 and values[1] > values[0]:  # "dozens" (more than 12) ~ 12-120
            lower = next((i for i, c in enumerate(claims) if i not in used and c.qualifier == "more_than"
                          and _same(c, values[0], unit)), None)
            if lower is not None:
                values, picks = [], [lower]
        for v in values:
            pick = next((i for i, c in enumerate(claims) if i not in used and i not in picks
                         and _same(c, v, unit)), None)
            picks.append(pick)
        if all(p is not None for p in picks):
            used.update(picks)
            found.append((gold, claims[picks[0]]))
        else:
            missed.append(gold)
    return found, missed, [c for i, c in enumerate(claims) if i not in used]


def _newsquant(dev: Path, limit: int | None) -> list[Score]:
    from relata import nlp
    from relata.mentions.times import extract_times
    from relata.relations.claims import extract_claims
    from relata.resolve.actors import DocumentActors

    data = json.loads((dev / "newsquant" / "NewsQuant.json").read_text(encoding="utf-8-sig"))[:limit]
    tp = fp = fn = 0
    context_ok = context_total = 0
    for parsed, item in zip(nlp.parse_many((s["text"], None) for s in data), data, strict=True):
        claims = list(extract_claims(parsed, DocumentActors(), extract_times(parsed), ()))
        found, missed, unused = match_sentence(claims, item["quantities"])
        tp, fn, fp = tp + len(found), fn + len(missed), fp + len(unused)
        for gold, got in found:
            field, want = _CHANGE.get(gold["change"], ("change", False))
            context_total += 1
            context_ok += (got.change == want) if field == "change" else (got.qualifier in want)
    return [
        Score("NewsQuant", "claims", "quantity value+unit", tp=tp, fp=fp, fn=fn,
              note="published: CQE F1 92.0, quantulum3 73.0"),
        Score("NewsQuant", "claims", "change/qualifier on found quantities", correct=context_ok,
              total=context_total),
    ]


def _recognizer_cases(dev: Path, name: str, limit: int | None):
    data = json.loads((dev / "recognizers" / f"{name}.json").read_text(encoding="utf-8-sig"))
    cases = [c for c in data if not c.get("NotSupported") and not c.get("NotSupportedByDesign")]
    return cases[:limit]


def _is_money(unit: str) -> bool:
    return (len(unit) == 3 and unit.isupper()) or unit in ("cent", "penny")


def _currency_unit(resolution: dict) -> set[str]:
    if resolution.get("isoCurrency"):
        return {resolution["isoCurrency"]}
    return CURRENCY_NAMES.get(resolution.get("unit", "").lower(), {"?"})


def _gold_value(resolution: dict) -> float | None:
    raw = str(resolution.get("value", "")).rstrip("%")
    try:
        return float(raw)
    except ValueError:
        return None


def _recognizers(dev: Path, name: str, limit: int | None) -> Score:
    from relata import nlp
    from relata.mentions.quantities import find_quantities
    from relata.mentions.times import extract_times
    from relata.relations.claims import extract_claims
    from relata.resolve.actors import DocumentActors

    cases = _recognizer_cases(dev, name, limit)
    correct = 0
    for parsed, case in zip(nlp.parse_many((c["Input"], None) for c in cases), cases, strict=True):
        if name == "NumberModel":
            items = [(q.start, q.end, q.value, q.unit) for q in find_quantities(parsed.text)]
        else:
            claims = extract_claims(parsed, DocumentActors(), extract_times(parsed), ())
            wanted = _is_money if name == "CurrencyModel" else (lambda unit: unit == "percent")
            items = [(c.start, c.end, c.value, c.unit) for c in claims if wanted(c.unit)]
        results = case["Results"]
        if not results:
            correct += not items
            continue
        ok = True
        for r in results:
            value = _gold_value(r["Resolution"])
            start, end = r["Start"], r["End"] + 1
            want_unit = _currency_unit(r["Resolution"]) if name == "CurrencyModel" else None
            ok &= value is not None and any(
                s < end and start < e and _close(v, value) and (want_unit is None or u in want_unit)
                for s, e, v, u in items)
        correct += ok
    measure = "value and currency accuracy" if name == "CurrencyModel" else "value accuracy"
    layer = "quantities" if name == "NumberModel" else "claims"
    return Score(f"Recognizers {name}", layer, measure, correct=correct, total=len(cases))


def evaluate(dev: Path | None, limit: int | None = None) -> list[Score]:
    if dev is None:
        return []
    rows = _newsquant(dev, limit)
    for name in ("NumberModel", "PercentModel", "CurrencyModel"):
        rows.append(_recognizers(dev, name, limit))
    return rows
