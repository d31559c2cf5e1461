"""The PolNeAR gold reader (evaluation.polnear): fixed tune/check halves, the agreement rule that
stands in for coreference PolNeAR does not annotate, and swapped labels; on BRAT files written
for these tests, plus the halves of the real dev split when ../shared is present."""

from __future__ import annotations

from collections import Counter

import pytest
from evaluation import polnear
from evaluation.scoring import shared_dev
from evaluation.splits import CHECK, TUNE

from relata import nlp


def _gold(tmp_path, text: str, attributions: list[tuple[str, str, str]]):
    """BRAT lines for ``(source, cue, content)`` triples found in ``text`` (source may be '')."""
    lines, t = [], 0
    for e, (source, cue, content) in enumerate(attributions, start=1):
        roles = []
        for label, fragment in (("Source", source), ("Cue", cue), ("Content", content)):
            if not fragment:
                continue
            t += 1
            start = text.index(fragment)
            lines.append(f"T{t}\t{label} {start} {start + len(fragment)}\t{fragment}")
            roles.append(f"{label}:T{t}")
        lines.append(f"E{e}\tAttribution:T{t} " + " ".join(roles))
    ann = tmp_path / "article.ann"
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return polnear.read_gold(ann, text, nlp.parse(text).doc)


def test_halves_are_fixed_by_the_name_hash():
    names = [f"outlet_2016-09-{i:02d}_story" for i in range(1, 31)]
    split = polnear.halves(names)
    assert Counter(split.values()) == {TUNE: 15, CHECK: 15}
    assert polnear.halves(list(reversed(names))) == split


def test_she_is_not_the_man_named_just_before(tmp_path):
    text = ('Mayor Ana Ruiz opened the bridge on Monday. "It took ten years," Mr. Tomas Berg said. '
            '"We waited long enough," she said.')
    golds = _gold(tmp_path, text, [("Mayor Ana Ruiz", "opened", "the bridge"),
                                    ("Mr. Tomas Berg", "said", "It took ten years,"),
                                    ("she", "said", "We waited long enough,")])
    she = next(g for g in golds if g.source == "she")
    assert she.antecedent == "Mayor Ana Ruiz" and she.antecedent_named


def test_it_and_they_go_to_a_thing_or_a_group_not_a_person(tmp_path):
    text = ("The report says exports fell. Senator Omar Haddad said the figures were old. "
            "It also says imports rose.")
    golds = _gold(tmp_path, text, [("The report", "says", "exports fell"),
                                    ("Senator Omar Haddad", "said", "the figures were old"),
                                    ("It", "says", "imports rose")])
    it = next(g for g in golds if g.source == "It")
    assert it.antecedent == "The report" and not it.antecedent_named


def test_i_in_a_quotation_is_its_speaker(tmp_path):
    text = '"I think the deal is fair," Governor Lena Hart said.'
    golds = _gold(tmp_path, text, [("Governor Lena Hart", "said", "I think the deal is fair,"),
                                    ("I", "think", "the deal is fair")])
    first_person = next(g for g in golds if g.source == "I")
    assert first_person.antecedent == "Governor Lena Hart"


def test_you_and_pronouns_with_no_agreeing_source_are_not_scored(tmp_path):
    text = "Let's say you think the fund is safe. She said the fund was safe."
    golds = _gold(tmp_path, text, [("you", "think", "the fund is safe"), ("She", "said", "the fund was safe")])
    assert all(g.antecedent is None for g in golds)


def test_swapped_source_and_cue_are_read_back(tmp_path):
    text = '"Nobody wants to wait," said Hester.'
    golds = _gold(tmp_path, text, [("said", "Hester", "Nobody wants to wait,")])
    assert (golds[0].source, golds[0].cue) == ("Hester", "said")


def test_the_dev_split_halves_are_pinned():
    dev = shared_dev()
    if dev is None:
        pytest.skip("../shared/dev not found beside the project: the development sets are not available here")
    names = polnear.article_names(dev / "polnear-dev")
    split = polnear.halves(names)
    assert Counter(split.values()) == {TUNE: 42, CHECK: 42}
    # pinned: a change to the hashing would silently move studied articles into the check half
    assert split["breitbart_2016-10-02_washington-post-hit-piece-exploi"] == TUNE
    assert split["breitbart_2016-09-12_stealth-over-health-hillary-clin"] == CHECK
