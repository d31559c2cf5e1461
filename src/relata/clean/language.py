"""Language of the body, by paragraph, so a translation appended at the end does not win."""

from __future__ import annotations

import re
from collections import Counter

import py3langid

# langid answers a few ISO 639-3 codes; the record wants ISO 639-1 (Cantonese and Wu are written
# Chinese as far as the record is concerned).
_TO_ISO_639_1 = {"yue": "zh", "wuu": "zh"}
# Kana, CJK ideographs and Hangul syllables, counted by one regex scan, not a loop over characters.
_IDEOGRAPHIC = re.compile("[\u3040-\u9fff\uac00-\ud7af]")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language most of the text is written in (``und`` if unknown)."""
    weights: Counter[str] = Counter()
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip()
        if len(paragraph) < 20:
            continue
        lang, _ = py3langid.classify(paragraph)
        # Ideographic scripts pack a word into one or two characters; weigh by a word estimate.
        cjk = 0 if paragraph.isascii() else len(_IDEOGRAPHIC.findall(paragraph))
        weights[lang] += len(paragraph.split()) + cjk / 1.5
    if not weights:
        lang, _ = py3langid.classify(text) if text.strip() else ("und", 0)
        return _TO_ISO_639_1.get(lang, lang)
    best = weights.most_common(1)[0][0]
    return _TO_ISO_639_1.get(best, best)
