"""Relata's attribute ruler and lemmatizer (relata.nlp_rules) set exactly what spaCy's pipes set.

Whole corpora are compared by ``python -m benchmarks.same_parse``; here our own sentences, chosen
for the rules that are easy to get wrong: pronouns and their morphology, "'d", "but" as an
adverb, modals, "that" as a relative pronoun, runs of spaces and line breaks (the ruler's last
patterns re-tag them), "there is" (a two-word pattern naming its second word) and the two-word
colloquial forms ("gonna", "let's", "y'all", "ain't") whose lemmas the ruler sets itself.
"""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.tokens import Doc

from relata import nlp, nlp_rules

PARAGRAPH = (
    "She'd said that they would not sign, but he insisted it was theirs.  The minister, who\n"
    "\n"
    "arrived late, told reporters: \"We'll see. There is no deal yet, and there were never any "
    "talks that mattered.\" Y'all know I'm gonna ask again, let's be honest; it ain't over.\n\n"
    "   Officials in Nairobi couldn't confirm whether 1,200 troops had been withdrawn by 3 p.m. "
    "Their statement read: 'Ours is a better offer.' But others, however, disagreed — strongly. "
    "C'mon, he gotta be kidding!  Myself, I'd rather wait; you'd better ask her. Whom did you see?"
)

COLUMNS = [ORTH, TAG, POS, MORPH, LEMMA, DEP]


@pytest.fixture(scope="module")
def pipelines():
    return nlp.new_pipeline(own_rule_pipes=False), nlp.new_pipeline()


def _attributes(doc: Doc) -> list[tuple[str, str, str, str, str, str]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def test_relata_pipeline_runs_its_own_pipes_in_place_of_spacys(pipelines):
    stock, ours = pipelines
    assert "attribute_ruler" in stock.pipe_names and "lemmatizer" in stock.pipe_names
    at = ours.pipe_names.index(nlp_rules.ATTRIBUTE_RULER)
    assert ours.pipe_names[at - 1:at + 3] == ["parser", nlp_rules.ATTRIBUTE_RULER,
                                              nlp_rules.LEMMATIZER, "ner"]
    assert {"attribute_ruler", "lemmatizer"} <= set(ours.disabled)
    assert nlp.load().pipe_names == ours.pipe_names


def test_a_varied_paragraph_gets_the_same_pos_morph_and_lemmas(pipelines):
    stock, ours = pipelines
    expected, got = stock(PARAGRAPH), ours(PARAGRAPH)
    assert _attributes(got) == _attributes(expected)
    assert (got.to_array(COLUMNS) == expected.to_array(COLUMNS)).all()
    # The paragraph does reach the rules it is written for (else the comparison proves little).
    by_text = {t.text: t for t in got}
    assert by_text["She"].morph.get("PronType") == ["Prs"] and by_text["She"].lemma_ == "she"
    assert by_text["'d"].lemma_ in ("would", "have")
    assert by_text["would"].pos_ == "AUX" and by_text["'ll"].morph.get("VerbType") == ["Mod"]
    assert any(t.is_space and t.pos_ == "SPACE" and t.tag_ == "_SP" for t in got)
    assert any(t.lower_ == "that" and t.tag_ == "WDT" and t.morph.get("PronType") for t in got)
    assert [t.lemma_ for t in got if t.lower_ in ("gon", "na")] == ["go", "to"]
    assert [t.lemma_ for t in got if t.lower_ == "'s" and t.nbor(-1).lower_ == "let"] == ["us"]
    assert [t.lemma_ for t in got if t.lower_ in ("ai", "c'm")] == ["be", "come"]


# (word, two tags, two dependency labels): the parser would never tag some of these so; the
# rules read tags and labels, so hand-set ones reach more of them ("but" as an adverb, "i" as an
# object, "did" as a main verb, a word tagged as a space, "nothin'").
HAND_SET = [
    ("there", "EX", "EX", "expl", "nsubj"), ("is", "VBZ", "VBZ", "ROOT", "ROOT"),
    ("gon", "VBG", "NN", "aux", "dep"), ("na", "TO", "NN", "aux", "dep"),
    ("let", "VB", "VB", "dep", "ROOT"), ("'s", "PRP", "POS", "nsubj", "case"),
    ("y'", "PRP", "UH", "nsubj", "dep"), ("all", "DT", "PDT", "det", "dobj"),
    ("ai", "VBP", "VBZ", "aux", "ROOT"), ("n't", "RB", "RB", "neg", "neg"),
    ("c'm", "VB", "NNP", "ROOT", "dep"), ("on", "RP", "IN", "prt", "prep"),
    ("got", "VBD", "VBN", "aux", "ROOT"), ("ta", "TO", "TO", "aux", "dep"),
    ("but", "CC", "RB", "advmod", "cc"), (" ", "_SP", "NN", "dep", "dep"),
    ("x", "_SP", "NN", "dep", "dobj"), ("\n\n", "_SP", "_SP", "", "dep"),
    ("that", "WDT", "DT", "nsubj", "det"), ("'d", "MD", "VBD", "aux", "ROOT"),
    ("i", "PRP", "PRP", "nsubj", "dobj"), ("did", "VBD", "VBD", "ROOT", "aux"),
    ("nothin'", "NN", "NN", "dobj", "dobj"), ("Us", "PRP", "NNP", "dobj", "pobj"),
    ("runs", "VBZ", "NNS", "conj", "nsubj"),
]


def test_the_rule_pipes_agree_on_hand_set_tags_and_dependencies(pipelines):
    """Both rulers and lemmatizers on documents whose tags and labels are set by hand, in four
    combinations, two-word patterns included."""
    stock, ours = pipelines
    words = [w for w, *_ in HAND_SET]
    got = {}
    for tag_column in (1, 2):
        for dep_column in (3, 4):
            tags = [row[tag_column] for row in HAND_SET]
            deps = [row[dep_column] for row in HAND_SET]
            results = []
            for pipeline, ruler, lemmatizer in (
                    (stock, "attribute_ruler", "lemmatizer"),
                    (ours, nlp_rules.ATTRIBUTE_RULER, nlp_rules.LEMMATIZER)):
                doc = Doc(pipeline.vocab, words=words, tags=tags, deps=deps)
                doc = pipeline.get_pipe(lemmatizer)(pipeline.get_pipe(ruler)(doc))
                results.append(_attributes(doc))
            assert results[0] == results[1], (tag_column, dep_column)
            got[tag_column, dep_column] = {a[0]: a for a in results[1]}
    # The combinations do fire the rules they are there for.
    assert got[1, 3]["but"][2] == "ADV" and got[1, 4]["but"][2] == "CCONJ"
    assert [got[1, 3][w][4] for w in ("gon", "na", "'s", "y'", "ai", "c'm", "ta")] == [
        "go", "to", "us", "you", "be", "come", "to"]
    assert got[1, 3]["nothin'"][4] == "nothing"
    assert got[1, 3]["is"][2] == "VERB"  # "there is": the second word's pattern
    assert got[1, 3]["x"][2] == "X" and got[1, 3][" "][2] == "SPACE"
    assert got[1, 3]["i"][3] != got[1, 4]["i"][3]  # nominative against accusative
    assert got[1, 3]["did"][2] == "VERB" and got[1, 4]["did"][2] == "AUX"


def test_a_pattern_shape_it_does_not_know_leaves_spacys_pipe_in_place():
    pipeline = nlp.new_pipeline(own_rule_pipes=False)
    ruler = pipeline.get_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"POS": "ADJ"})
    with pytest.raises(nlp_rules.UnsupportedRule):
        nlp_rules.RuleAttributes(ruler)
    assert nlp_rules.replace_rule_pipes(pipeline) == ["lemmatizer"]
    assert "attribute_ruler" in pipeline.pipe_names
    assert nlp_rules.ATTRIBUTE_RULER not in pipeline.pipe_names


def test_forgetting_kept_answers_between_documents_changes_nothing(pipelines, monkeypatch):
    stock, _ = pipelines
    monkeypatch.setattr(nlp_rules, "_MAX_CACHED_ROWS", 3)
    ours = nlp.new_pipeline()
    sentences = [s + "." for s in PARAGRAPH.split(".") if s.strip()]
    for expected, got in zip(stock.pipe(sentences), ours.pipe(sentences), strict=True):
        assert _attributes(got) == _attributes(expected)
    assert len(ours.get_pipe(nlp_rules.ATTRIBUTE_RULER)._rows) < 60  # it did forget
