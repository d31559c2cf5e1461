"""The shared parse helpers of relata.nlp on a real article: token positions by tag and form,
sentence bounds, the cached text."""

from __future__ import annotations

from tests.conftest import EXAMPLES

from relata import nlp


def _doc():
    text = (EXAMPLES / "india_pakistan_talks.txt").read_text(encoding="utf-8")
    return nlp.parse(text, "2024-01-10").doc


def test_token_positions_are_the_tokens_a_loop_over_the_document_would_pick():
    doc = _doc()
    cases = [
        ({"pos": ("VERB",)}, lambda t: t.pos_ == "VERB"),
        ({"pos": ("NOUN", "PROPN")}, lambda t: t.pos_ in ("NOUN", "PROPN")),
        ({"tags": ("NNS", "NNPS"), "lower": ("talks",)}, lambda t: t.tag_ in ("NNS", "NNPS") or t.lower_ == "talks"),
        ({"lower": ("he", "she", "they", "it")}, lambda t: t.lower_ in ("he", "she", "they", "it")),
        ({"lower": ("no-such-word-anywhere",)}, lambda t: False),
        ({"lemmas": ("say", "be")}, lambda t: t.lemma_ in ("say", "be")),
        ({"pos": ("ADJ",), "lemmas": ("talk",)}, lambda t: t.pos_ == "ADJ" or t.lemma_ == "talk"),
        ({"deps": ("advcl", "conj")}, lambda t: t.dep_ in ("advcl", "conj")),
        ({"deps": ("ROOT",), "pos": ("NOUN",)}, lambda t: t.dep_ == "ROOT" or t.pos_ == "NOUN"),
    ]
    for kwargs, wanted in cases:
        expected = [t.i for t in doc if wanted(t)]
        assert nlp.token_positions(doc, **kwargs) == expected, kwargs
        assert nlp.token_positions(doc, **kwargs) == expected  # the kept answer is the same
    assert nlp.token_positions(doc, pos=("VERB",))  # a news article has verbs
    assert nlp.token_positions(nlp.parse("").doc, pos=("VERB",)) == []


def test_positions_in_a_sentence_are_that_sentences_share():
    doc = _doc()
    verbs = nlp.token_positions(doc, pos=("VERB", "AUX"))
    shares = [nlp.positions_in(verbs, sent) for sent in doc.sents]
    assert [i for share in shares for i in share] == verbs
    for sent, share in zip(doc.sents, shares, strict=True):
        assert share == [t.i for t in sent if t.pos_ in ("VERB", "AUX")]


def test_sentence_of_and_doc_text_agree_with_spacy():
    doc = _doc()
    assert nlp.doc_text(doc) == doc.text
    for token in list(doc)[::7]:
        assert (nlp.sentence_of(token).start, nlp.sentence_of(token).end) == (token.sent.start, token.sent.end)


def test_lower_ids_are_the_tokens_lower_case_forms():
    doc = _doc()
    ids = nlp.lower_ids(doc)
    assert len(ids) == len(doc)
    assert [doc.vocab.strings[i] for i in ids] == [t.lower_ for t in doc]
    assert nlp.lower_ids(doc) is ids  # read once per document


def test_has_child_is_a_walk_of_the_tokens_children():
    doc = _doc()
    labels = sorted({t.dep_ for t in doc})
    assert "ROOT" in labels and "nsubj" in labels
    for token in doc:
        children = {c.dep_ for c in token.children}
        for label in labels:
            assert nlp.has_child(token, label) == (label in children), (token.text, label)
        assert nlp.has_child(token, "nsubj", "nsubjpass") == bool(children & {"nsubj", "nsubjpass"})
    said = nlp.parse("The minister said it.").doc[2]
    assert nlp.has_child(said, "nsubj") and nlp.has_child(said, "dobj") and not nlp.has_child(said, "ROOT")
    assert not nlp.has_child(nlp.parse("Hello").doc[0], "ROOT", "dep")
