"""The quote errors of one half of PolNeAR dev, to study (the tune half; the check half is only
ever measured, never read this way).

    python -m evaluation.quote_errors                  # every error of the tune half
    python -m evaluation.quote_errors --kind speaker   # only wrong speakers (or miss, false, cue)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from evaluation.polnear import HALVES
from evaluation.quotes import Tally, articles, relata_predictions, score
from evaluation.scoring import shared_dev

KINDS = ("miss", "false", "speaker", "cue")


def _clip(text: str, start: int, end: int, limit: int = 160) -> str:
    body = text[start:end].replace("\n", " / ")
    return body if len(body) <= limit else body[: limit // 2] + " ... " + body[-limit // 2:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.quote_errors")
    parser.add_argument("--half", choices=HALVES, default=HALVES[0])
    parser.add_argument("--kind", choices=KINDS, action="append", help="only these kinds (repeatable)")
    parser.add_argument("--clause-only", action="store_true", help="misses: only clause/quotation gold")
    args = parser.parse_args(argv)
    dev = shared_dev()
    if dev is None:
        print("../shared/dev not found", file=sys.stderr)
        return 2
    if args.half != HALVES[0]:
        print(f"note: the {args.half} half is for measuring; study the {HALVES[0]} half", file=sys.stderr)
    kinds = set(args.kind or KINDS)
    counts: Counter[str] = Counter()
    for article in articles(dev, half=args.half):
        log: list = []
        score(article.text, relata_predictions(article.record), article.golds, Tally(), log=log)
        text = article.text
        for kind, pred, gold in log:
            if kind not in kinds or kind == "miss" and args.clause_only and not gold.clause:
                continue
            counts[kind] += 1
            print(f"== {kind} · {article.name}")
            if gold is not None:
                s, e = gold.content[0][0], gold.content[-1][1]
                label = "clause" if gold.clause else "noun phrase"
                print(f"   gold ({label}) cue={gold.cue!r} source={gold.source!r}"
                      + (f" -> {gold.antecedent!r}" if gold.antecedent else ""))
                print(f"     {_clip(text, s, e)}")
            if pred is not None:
                print(f"   ours ({pred.kind}) cue={pred.cue!r} speaker={pred.speaker_names[:1]}")
                print(f"     {_clip(text, pred.start, pred.end)}")
            anchor = gold.content[0][0] if gold is not None else pred.start
            left = text.rfind("\n", 0, anchor) + 1
            right = text.find("\n", anchor)
            print(f"   paragraph: {_clip(text, left, right if right > 0 else len(text), 400)}")
    print(dict(counts), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
