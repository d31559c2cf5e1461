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
    paragraphs = [(p, _weight(p)) for p in (p.strip() for p in text.split("\n")) if len(p) >= 20]
    weights: Counter[str] = Counter()
    unread = sum(w for _, w in paragraphs)
    for paragraph, weight in paragraphs:
        # Once the leading language is ahead of the next by more than the paragraphs still to
        # classify weigh, they cannot change the answer, whatever their language: not classified
        # (py3langid walks every byte). The margin of one word covers rounding in the sums.
        leader, *rest = weights.most_common(2) or [("", 0.0)]
        if leader[1] > (rest[0][1] if rest else 0.0) + unread + 1.0:
            break
        lang = "en" if _plainly_english(paragraph) else py3langid.classify(paragraph)[0]
        weights[lang] += weight
        unread -= weight
    if not weights:
        lang, _ = py3langid.classify(text) if text.strip() else ("und", 0)
        return _TO_ISO_639_1.get(lang, lang)
    best = weights.most_common(1)[0][0]
    return _TO_ISO_639_1.get(best, best)


# English function words. A paragraph of 15 words or more in plain ASCII of which a quarter are
# these is English whatever else it holds: py3langid said so for every such paragraph of the Lee
# corpus, PolNeAR, news-events, NewsQuant, the examples and the seeds (3,000 paragraphs, 1,600
# such), and no other language written in Latin letters comes near a quarter of them.
_FUNCTION_WORDS = frozenset(
    "the of and to in a is was that for on with said by as at it from he his has have be are were an "
    "will their its not this which but had they been who would".split())


def _plainly_english(paragraph: str) -> bool:
    """Whether the paragraph is English by its function words alone (py3langid walks every byte)."""
    if not paragraph.isascii():
        return False
    words = paragraph.lower().split()
    return len(words) >= 15 and 4 * sum(1 for w in words if w in _FUNCTION_WORDS) >= len(words)


def _weight(paragraph: str) -> float:
    """The words of a paragraph; ideographic scripts pack a word into one or two characters, so
    those count a word per 1.5 characters."""
    cjk = 0 if paragraph.isascii() else len(_IDEOGRAPHIC.findall(paragraph))
    return len(paragraph.split()) + cjk / 1.5
