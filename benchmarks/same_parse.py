"""Check that Relata's pipeline parses exactly as spaCy's does: the stock ``attribute_ruler`` and
``lemmatizer`` against Relata's (``relata.nlp_rules``), every token attribute of every document.

    python -m benchmarks.same_parse            # exit 1 and the first differences if any

Texts: the Lee corpus (300 ABC articles), the examples and ../shared/seeds as cleaned for the
parse, and from ../shared/dev the PolNeAR articles, the news-events articles, the PLOVER
sentences and the NewsQuant sentences (the sets there that are missing are skipped, and said so).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, ORTH, POS, SENT_START, TAG

from benchmarks import corpus
from relata import nlp

ATTRIBUTES = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, NORM, SENT_START]
NAMES = ["ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "NORM",
         "SENT_START"]
DEV = corpus.ROOT.parent / "shared" / "dev"


def text_sets() -> Iterator[tuple[str, list[str]]]:
    """(name, texts) for each set that is there; a line on stderr for each that is not."""
    yield "Lee corpus", corpus.lee_articles()
    from relata.corpus import cleaned_inputs

    cleaned = [item[1] for item in cleaned_inputs(corpus.bundled_inputs()) if isinstance(item, tuple)]
    yield "examples + seeds (cleaned)", [c.text for c in cleaned if c.language == "en"]
    sets = {
        "PolNeAR dev articles": lambda: [p.read_text(encoding="utf-8")
                                         for p in sorted((DEV / "polnear-dev" / "text").glob("*.txt"))],
        "news-events articles": lambda: [p.read_text(encoding="utf-8")
                                         for p in sorted((DEV / "news-events" / "text").glob("*.txt"))],
        "PLOVER sentences": lambda: [r["text"] for r in json.loads(
            (DEV / "plover" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8")) if r.get("text")],
        "NewsQuant sentences": lambda: [r["text"] for r in json.loads(
            (DEV / "newsquant" / "NewsQuant.json").read_text(encoding="utf-8-sig"))],
    }
    for name, read in sets.items():
        try:
            yield name, read()
        except FileNotFoundError as error:
            print(f"same_parse: skipped {name}: {error}", file=sys.stderr)


def compare(texts: list[str], stock, ours) -> tuple[int, list[str]]:
    """Tokens compared, and a line per differing token."""
    tokens, differences = 0, []
    for text, a, b in zip(texts, stock.pipe(texts), ours.pipe(texts), strict=True):
        left, right = a.to_array(ATTRIBUTES), b.to_array(ATTRIBUTES)
        tokens += len(a)
        if left.shape != right.shape:
            differences.append(f"{text[:60]!r}: {len(a)} tokens against {len(b)}")
            continue
        for i, column in zip(*numpy.nonzero(left != right), strict=True):
            differences.append(f"{text[:40]!r} token {i} {a[i].text!r}: {NAMES[column]} "
                               f"{a.vocab.strings[int(left[i, column])]!r} against "
                               f"{b.vocab.strings[int(right[i, column])]!r}")
    return tokens, differences


def main() -> int:
    stock = nlp.new_pipeline(own_rule_pipes=False)
    ours = nlp.new_pipeline()
    replaced = [name for name in ("attribute_ruler", "lemmatizer") if name in ours.disabled]
    print(f"stock pipeline: {stock.pipe_names}\nRelata's: {ours.pipe_names} "
          f"(spaCy's {replaced} replaced)")
    total_docs = total_tokens = total_differences = 0
    print("| texts | documents | tokens | differing tokens |\n|---|---:|---:|---:|")
    for name, texts in text_sets():
        tokens, differences = compare(texts, stock, ours)
        print(f"| {name} | {len(texts)} | {tokens:,} | {len(differences)} |", flush=True)
        for line in differences[:20]:
            print(f"    {line}")
        total_docs += len(texts)
        total_tokens += tokens
        total_differences += len(differences)
    print(f"| **all** | {total_docs} | {total_tokens:,} | {total_differences} |")
    print(f"attributes compared: {', '.join(NAMES)}")
    return 1 if total_differences else 0


if __name__ == "__main__":
    sys.exit(main())
