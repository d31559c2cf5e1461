"""People the entity recogniser missed, found where the text has them speak.

A quote can only name an actor the document has, so a speaker NER did not tag (``Revesz said``,
``according to Ms. Okafor``, a transcript label ``Simone:``) would stay unnamed. Here the
proper-noun subject of a cue verb, the object of ``according to`` and a transcript label that
no mention covers become PERSON mentions, and a lone ORG/GPE mention in that place becomes one
when something marks it as a person (an honorific before it, or a name given to a person
elsewhere in the document); so does any ORG/GPE mention that is a surname of a person named in
full (``Machado`` after ``Alicia Machado``). A person NER names only by surname gets the full
name the text gives elsewhere (``Hakainde Hichilema`` untagged, or tagged as a product, beside a
tagged ``Hichilema``). Names the dictionary knows as something other than a person, and plural
proper nouns (``Democrats``), are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from relata.mentions.dictionary import ActorDictionary
from relata.mentions.gender import is_honorific
from relata.mentions.names import name_key
from relata.mentions.quote_lexicon import lexicon
from relata.mentions.transcript import find_transcript_lines
from relata.nlp import doc_text, token_positions
from relata.records import EntityMention

_NAME_LINKS = {"compound", "flat"}
_RELABEL = {"ORG", "GPE", "NORP", "FAC", "LOC"}
_MAX_NAME_TOKENS = 4


def with_missed_speakers(
    doc: Doc, mentions: Sequence[EntityMention], dictionary: ActorDictionary
) -> tuple[EntityMention, ...]:
    """``mentions`` plus PERSON mentions for speakers NER missed (and mislabelled ones fixed),
    in text order."""
    by_token: dict[int, int] = {}
    for position, m in enumerate(mentions):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        for i in range(span.start, span.end) if span is not None else ():
            by_token[i] = position
    person_words = {
        w for m in mentions if m.label == "PERSON" for w in name_key(m.text).split() if len(w) > 2
    }
    surnames = {
        tuple(name_key(m.text).split()[-k:])
        for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1 for k in (1, 2)
    }
    out = [
        replace(m, label="PERSON")
        if m.label in _RELABEL and tuple(name_key(m.text).split()) in surnames and not dictionary.lookup(m.text)
        else m
        for m in mentions
    ]  # "Machado" tagged as a place after "Alicia Machado"
    surnames_alone = {name_key(m.text) for m in mentions if m.label == "PERSON" and len(name_key(m.text).split()) == 1}
    for position, m in enumerate(out):
        if m.label in _RELABEL | {"PRODUCT", "WORK_OF_ART"} and _full_form_of(doc, m, surnames_alone, dictionary):
            out[position] = replace(m, label="PERSON")  # "Ivanka Trump" read as a product
        elif m.label == "PERSON" and len(name_key(m.text).split()) == 1:
            out[position] = _with_given_names(doc, m, dictionary)  # "[Hakainde] Hichilema"
    added: dict[tuple[int, int], EntityMention] = {}
    for span in [*_cue_subjects(doc, dictionary), *_transcript_labels(doc), *_full_forms(doc, surnames_alone, dictionary)]:
        covered = {by_token[i] for i in range(span.start, span.end) if i in by_token}
        if not covered:
            if _plausible_name(span, dictionary):
                added[(span.start_char, span.end_char)] = EntityMention(
                    span.start_char, span.end_char, span.text, "PERSON"
                )
        elif len(covered) == 1:
            position = covered.pop()
            m = out[position]
            if m.label in _RELABEL and _marked_as_person(doc, m, person_words, dictionary):
                out[position] = replace(m, label="PERSON")
    return tuple(sorted([*out, *added.values()], key=lambda m: (m.start, m.end)))


def _full_forms(doc: Doc, surnames: set[str], dictionary: ActorDictionary) -> list[Span]:
    """``Hakainde Hichilema won ...`` NER left untagged while it tags ``Hichilema`` elsewhere: the
    full name of a person the document names by surname, so the surname resolves to it."""
    found = []
    for token in map(doc.__getitem__, token_positions(doc, pos=("PROPN",))):
        if token.dep_ in _NAME_LINKS or name_key(token.text) not in surnames:
            continue
        span = _name_span(token, dictionary)
        if span is not None and len(span) > 1 and _plausible_name(span, dictionary):
            found.append(span)
    return found


def _with_given_names(doc: Doc, mention: EntityMention, dictionary: ActorDictionary) -> EntityMention:
    """A one-word person mention with the proper nouns the parse joins to it before it (``Hakainde
    Hichilema`` where NER took only ``Hichilema``), titles and honorifics left out."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].pos_ != "PROPN" or _title_word(span[0], dictionary):
        return mention
    name = _name_span(span[0], dictionary)
    if name is None or len(name) < 2 or name.end != span.end or not _plausible_name(name, dictionary):
        return mention
    return replace(mention, start=name.start_char, text=name.text)


def _full_form_of(doc: Doc, mention: EntityMention, surnames: set[str], dictionary: ActorDictionary) -> bool:
    """Whether a mention under another label is a person's full name: two or three capitalised
    proper nouns ending in a surname the document gives a person, unknown to the dictionary."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    words = name_key(mention.text).split()
    return (span is not None and 2 <= len(words) <= 3 and words[-1] in surnames
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span)
            and _plausible_name(span, dictionary) and not dictionary.lookup(mention.text))


def _cue_subjects(doc: Doc, dictionary: ActorDictionary) -> list[Span]:
    cues = lexicon().cue_verbs
    found = []
    for token in map(doc.__getitem__, token_positions(doc, pos=("PROPN",))):
        if token.dep_ in _NAME_LINKS:
            continue
        speaks = token.dep_ == "nsubj" and token.head.lemma_.lower() in cues
        according = (
            token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"
        )
        if speaks or according:
            span = _name_span(token, dictionary)
            if span is not None:
                found.append(span)
    return found


def _name_span(head: Token, dictionary: ActorDictionary) -> Span | None:
    """The name a proper-noun head ends: its compound/flat proper nouns, without honorifics or
    title words before them (``Sen. Ann Revesz`` -> ``Ann Revesz``)."""
    doc = head.doc
    start = head.i
    while (
        start > 0
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].dep_ in _NAME_LINKS
        and not _title_word(doc[start - 1], dictionary)
    ):
        start -= 1
    end = head.i + 1
    while end < len(doc) and doc[end].dep_ == "flat" and doc[end].head.i == head.i:
        end += 1
    if end - start > _MAX_NAME_TOKENS or _title_word(doc[start], dictionary):
        return None
    return doc[start:end]


def _title_word(token: Token, dictionary: ActorDictionary) -> bool:
    word = token.text.rstrip(".").lower()
    return is_honorific(word) or dictionary.title(word) is not None


def _transcript_labels(doc: Doc) -> list[Span]:
    """Labels of transcript lines (``Simone: ...``) that name a speaker, honorifics dropped."""
    labels = []
    for line in find_transcript_lines(doc_text(doc)):
        if line.questioner:
            continue
        span = doc.char_span(line.label_start, line.label_start + len(line.label), alignment_mode="expand")
        if span is None:
            continue
        start = span.start
        while start < span.end - 1 and is_honorific(doc[start].text.rstrip(".")):
            start += 1
        labels.append(doc[start : span.end])
    return labels


def _plausible_name(span: Span, dictionary: ActorDictionary) -> bool:
    """Capitalised single words or a short name, not plural, not a known non-person."""
    if not all(t.is_alpha or t.text in {".", "-", "'"} for t in span):
        return False
    words = [t for t in span if t.is_alpha]
    if not words or not all(t.text[0].isupper() for t in words):
        return False
    if any(t.tag_ == "NNPS" for t in span) or any(t.like_num for t in span):
        return False
    return not any(f.actor.kind != "person" for f in dictionary.lookup(span.text))


def _marked_as_person(
    doc: Doc, mention: EntityMention, person_words: set[str], dictionary: ActorDictionary
) -> bool:
    """Whether a mention NER gave another label reads as a person: an honorific right before it,
    or every word a word of a person the document names (``Wexley`` after ``Tomasz Wexley``;
    not ``Trump Organization``)."""
    if dictionary.lookup(mention.text):
        return False
    start = doc.char_span(mention.start, mention.end, alignment_mode="expand").start
    if start > 0 and is_honorific(doc[start - 1].text.rstrip(".")):
        return True
    words = name_key(mention.text).split()
    return bool(words) and all(w in person_words for w in words)
