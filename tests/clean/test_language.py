"""Language of a body by paragraph, on texts written for these tests: the language most of the
words are in wins, and paragraphs that cannot change that are not classified."""

from __future__ import annotations

from collections import Counter

import py3langid
import pytest

from relata.clean import language
from relata.clean.language import detect_language

_EN = ("The river commission met on Tuesday to discuss the dam and the water it holds back for the "
       "farms downstream, and its chair said talks would go on.")
_FR = ("La commission du fleuve s'est réunie mardi pour discuter du barrage et de l'eau qu'il retient "
       "pour les fermes en aval, et sa présidente a dit que les discussions continueraient.")
_DE = "Die Kommission traf sich am Dienstag, um über den Damm und das Wasser zu sprechen."
_ZH = "河流委员会周二开会讨论大坝及其为下游农场蓄水的问题，主席表示谈判将继续进行。"


def _every_paragraph(text: str) -> str:
    """The answer with every paragraph classified (what the skipping must reproduce)."""
    weights: Counter[str] = Counter()
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip()
        if len(paragraph) < 20:
            continue
        lang, _ = py3langid.classify(paragraph)
        cjk = 0 if paragraph.isascii() else len(language._IDEOGRAPHIC.findall(paragraph))
        weights[lang] += len(paragraph.split()) + cjk / 1.5
    if not weights:
        lang, _ = py3langid.classify(text) if text.strip() else ("und", 0)
        return language._TO_ISO_639_1.get(lang, lang)
    best = weights.most_common(1)[0][0]
    return language._TO_ISO_639_1.get(best, best)


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        ([_EN] * 6, "en"),
        ([_EN, _EN, _FR, _FR, _FR], "fr"),  # the translation outweighs the original: French
        ([_FR, _EN, _EN, _EN, _FR, _DE], "en"),
        ([_ZH, _ZH, _ZH, _EN], "zh"),
        ([_EN, _ZH, _ZH, _ZH, _ZH, _ZH, _ZH], "zh"),
        ([_FR, _EN], "fr"),  # a tie in words: the language met first
        (["Short.", "Too short too."], "en"),
    ],
)
def test_skipped_paragraphs_never_change_the_answer(paragraphs, expected):
    text = "\n".join(paragraphs)
    assert detect_language(text) == _every_paragraph(text) == expected


def test_paragraphs_that_cannot_change_the_answer_are_not_classified(monkeypatch):
    classified = []
    original = py3langid.classify

    def classify(paragraph):
        classified.append(paragraph)
        return original(paragraph)

    monkeypatch.setattr(language.py3langid, "classify", classify)
    monkeypatch.setattr(language, "_plainly_english", lambda paragraph: False)
    assert detect_language("\n".join([_EN] * 9 + [_FR])) == "en"
    # six of ten paragraphs of equal length in English: the other four cannot outweigh them
    assert len(classified) == 6


_NL = ("De commissie was in Den Haag bijeen en het overleg is in een goede sfeer verlopen, zei de "
       "voorzitter, die had gehoopt dat er in april een akkoord zou zijn.")


def test_a_paragraph_plainly_english_by_its_function_words_skips_the_classifier():
    assert language._plainly_english(_EN) and py3langid.classify(_EN)[0] == "en"
    # other languages in Latin letters share a few short words ("in", "was"), never a quarter
    assert not any(language._plainly_english(p) for p in (_FR, _DE, _NL))
    assert py3langid.classify(_NL)[0] == "nl"
    # a headline is too short to tell by its words alone
    assert not language._plainly_english("Clinton Breaks With Obama On 9/11 Lawsuit Bill.")
