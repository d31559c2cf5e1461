"""Named-entity mentions: spaCy's NER plus the actor dictionary's names that spaCy misses.

spaCy finds most names but misses or mislabels short forms that news leans on (``CCP``,
``the Kremlin``, demonyms in headlines, ``Xi`` tagged as a place). Dictionary matches fill those
gaps; where spans overlap, the longer one wins and spaCy wins ties. Spans are trimmed to the name
itself: no leading ``the``, no honorific or title (``Mr.``, ``President``), no possessive ``'s``.
"""

from __future__ import annotations

from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from relata import nlp
from relata.mentions.datelines import DASHES, in_capitals, opens_line
from relata.mentions.dictionary import ActorDictionary, SurfaceForm, load_dictionary
from relata.mentions.gender import is_honorific
from relata.mentions.names import name_key
from relata.mentions.places import region_names
from relata.mentions.tables import data_path, read_table
from relata.nlp import ParsedDocument, lower_ids
from relata.records import EntityMention

LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_DETERMINERS = {"the"}
_POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
# Words NER sometimes sweeps into a name's start: "Later Pence", "Will Russia".
_NOT_NAME_START = {"ADV", "ADP", "CCONJ", "SCONJ", "AUX", "VERB", "PRON", "PART", "INTJ"}
_NAME_PUNCT = {"-", ".", "'", "\u2019", "&"}


def extract_entities(
    parsed: ParsedDocument, dictionary: ActorDictionary | None = None
) -> tuple[EntityMention, ...]:
    dictionary = dictionary or load_dictionary()
    doc = parsed.doc
    candidates: list[tuple[int, int, str, int]] = []  # (start token, end token, label, priority)
    for ent in doc.ents:
        if ent.label_ not in LABELS or _joins_names(ent) or ent.text.lower() in _diseases():
            continue  # "spreading COVID-19": a disease the tagger calls a person is no actor
        if ent.label_ == "ORG" and _title_premodifier(doc, ent, dictionary):
            # "Brazilian Trade Secretary Marina Duarte": "Brazilian Trade" is part of a title;
            # only its demonym names someone (the state the secretary serves)
            for t in ent:
                label = _dictionary_label(t.text, None, dictionary)
                if label in ("NORP", "GPE"):
                    candidates.append((t.i, t.i + 1, label, 0))
            continue
        split = _owner_split(ent, dictionary) if ent.label_ == "ORG" else None
        if split is not None:
            # "Armenia's Defence Ministry": the state owns the body; each is named on its own
            candidates.append((ent.start, split, "GPE", 0))
            bounds = _trim(doc, split + 1, ent.end, "ORG", dictionary)
            if bounds:
                candidates.append((*bounds, "ORG", 0))
            continue
        if ent.label_ in ("ORG", "PRODUCT") and _equipment(ent, dictionary):
            # "Turkish F-16 jets", "Greek Mirage 2000 fighters": a model named after its maker's
            # state; only the demonym names someone
            first = ent[0]  # its label, NORP or GPE, is what _equipment checked
            candidates.append((first.i, first.i + 1, _dictionary_label(first.text, None, dictionary), 0))
            continue
        bounds = _trim(doc, ent.start, ent.end, ent.label_, dictionary)
        if bounds:
            label = _dictionary_label(doc[bounds[0] : bounds[1]].text, ent.label_, dictionary)
            candidates.append((*bounds, label, 0))
    for key, start, end in _matcher(dictionary)(doc):
        bounds = _trim(doc, start, end, "", dictionary)
        if bounds:
            # a region of the places table the dictionary does not hold is a place
            fallback = "GPE" if doc.vocab.strings[key] == "REGION" else None
            label = _dictionary_label(doc[bounds[0] : bounds[1]].text, fallback, dictionary)
            if label:
                candidates.append((*bounds, label, 1))
    taken = [False] * len(doc)
    chosen = []
    for start, end, label, _ in sorted(candidates, key=lambda c: (c[0] - c[1], c[3], c[0])):
        if not any(taken[start:end]):
            taken[start:end] = [True] * (end - start)
            chosen.append((start, end, label))
    chosen += _repeated_names(doc, chosen, taken)
    mentions = []
    for start, end, label in sorted(chosen):
        begin, finish = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
        mentions.append(EntityMention(begin, finish, parsed.text[begin:finish], label, None))
    return tuple(mentions)


def _repeated_names(doc: Doc, chosen, taken: list[bool]) -> list[tuple[int, int, str]]:
    """Names the document already gave, where NER missed them elsewhere: ``Trump`` after
    ``Donald Trump``, a transcript's ``PENCE:`` after ``Mike Pence``. Marks ``taken``."""
    names: dict[tuple[str, ...], str] = {}
    for start, end, label in chosen:
        if label not in {"PERSON", "ORG"}:
            continue
        words = tuple(t.lower_ for t in doc[start:end])
        if label == "PERSON":
            names[words] = label
            if len(words) > 1 and len(words[-1]) > 2 and doc[end - 1].is_alpha:
                names[words[-1:]] = label
        else:
            names.setdefault(words, label)
    for k, (start, end, label) in enumerate(chosen):
        if label == "ORG" and names.get(tuple(t.lower_ for t in doc[start:end])) == "PERSON":
            chosen[k] = (start, end, "PERSON")  # "Pence" tagged ORG after "Mike Pence"
    # the words compared as string ids: the document's are read from its arrays, not a Token each
    strings = doc.vocab.strings
    by_first: dict[int, list[tuple[tuple[int, ...], tuple[str, ...]]]] = {}
    for words in sorted(names, key=len, reverse=True):  # longest first
        ids = tuple(strings[w] for w in words)
        by_first.setdefault(ids[0], []).append((ids, words))
    lowered = lower_ids(doc)
    found = []
    i = 0
    while i < len(doc):
        for ids, words in by_first.get(lowered[i], ()):
            n = len(ids)
            if (
                tuple(lowered[i : i + n]) == ids
                and not any(taken[i : i + n])
                and _written_as_name(doc[i : i + n])
            ):
                taken[i : i + n] = [True] * n
                found.append((i, i + n, names[words]))
                i += n - 1
                break
        i += 1
    return found


def _written_as_name(window) -> bool:
    """Capitalised words, and a lone word only as a proper noun or in capitals (``PENCE:``)."""
    if not all(t.text[:1].isupper() for t in window if t.is_alpha):
        return False
    return len(window) > 1 or window[0].pos_ == "PROPN" or window[0].text.isupper()


@cache
def _diseases() -> frozenset[str]:
    return frozenset(row["name"].lower() for row in read_table(data_path("diseases.tsv")))


def _joins_names(ent) -> bool:
    """``Putin and Xi`` tagged as one PERSON: two names, left to the dictionary to split."""
    return ent.label_ == "PERSON" and any(t.lower_ in {"and", "&"} for t in ent)


def _after_dateline(doc: Doc, start: int, end: int) -> int:
    """``BRUSSELS - European Union`` read as one name: a dateline opening its line (capitals, then
    a dash) is where the story was filed, not part of the name after it."""
    dash = next((i for i in range(start + 1, min(end, start + 5)) if doc[i].text in DASHES
                 and doc[i].whitespace_), None)
    if dash is None or dash + 1 >= end:
        return start
    # the mention may start at the line or after its place: "HONIARA, [Solomon Islands - The ...]"
    line = start
    while line > 0 and start - line < 6 and not opens_line(doc[line]):
        line -= 1
    if not opens_line(doc[line]) or not in_capitals(doc[line:dash]):
        return start
    return dash + 1


def _name_word(doc: Doc, i: int, dictionary: ActorDictionary) -> bool:
    """Whether a capitalised function word opens a person's name (``minister, Than Swe,``,
    ``President To Lam``), not a headline's or a sentence's first word (``Will Xi's Support``)."""
    token, before = doc[i], doc[i - 1] if i > 0 else None
    return token.is_title and not token.is_sent_start and before is not None \
        and (not before.is_title or _is_title_word(before.text, dictionary)) \
        and before.text not in DASHES and before.text != ":"


def _trim(doc: Doc, start: int, end: int, label: str, dictionary: ActorDictionary):
    """Token bounds of the name proper inside ``doc[start:end]``, or ``None`` if nothing is left."""
    # (each word taken once into a local: ``doc[i]`` makes a new Token object on every call)
    for i in range(start, end):  # a name does not run across a line break or into brackets
        token = doc[i]
        if token.is_space or "\n" in token.text or (token.text in "([" and i > start):
            end = i
            break
    start = _after_dateline(doc, start, end)
    while start < end and _not_name_start(doc, start, label == "PERSON", dictionary):
        start += 1
    if label == "PERSON":
        # "Will Xi's Support" in a headline, "Jiang Feng: Politically": the name ends there
        for i in range(start + 1, end):
            token = doc[i]
            if (
                token.tag_ == "POS"
                or token.text in _POSSESSIVE
                or (token.is_punct and token.text not in _NAME_PUNCT)
            ):
                end = i
                break
        while end - start > 1 and (_is_title_word(doc[start].text, dictionary)
                                   or doc[start].is_stop and not _name_word(doc, start, dictionary)):
            start += 1
        while end - start > 1 and (doc[end - 1].pos_ in _NOT_NAME_START or doc[end - 1].tag_ == "VBD"):
            end -= 1  # "Wang Aoli Contributed" in a byline
    while end > start and (
        doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
    if start >= end or not any(c.isupper() for c in doc[start:end].text):
        return None
    return start, end


def _owner_split(ent, dictionary: ActorDictionary) -> int | None:
    """The position of the ``'s`` in an organisation's name that opens with a state's possessive
    (``Armenia's Defence Ministry``), else ``None``."""
    for t in ent[1:-1]:
        if t.tag_ == "POS":
            owner = ent.doc[ent.start:t.i].text
            if any(f.actor.kind == "state" and f.form in ("name", "metonym") for f in dictionary.lookup(owner)):
                return t.i
            return None
    return None


def _equipment(ent, dictionary: ActorDictionary) -> bool:
    """A weapon or vehicle model the tagger took for an organisation: a demonym, then words one of
    which carries digits (``Turkish F-16``, ``Greek Mirage 2000``, ``Russian Su-35``)."""
    if len(ent) < 2 or dictionary.lookup(ent.text):
        return False
    if _dictionary_label(ent[0].text, None, dictionary) not in ("NORP", "GPE"):
        return False
    return any(any(ch.isdigit() for ch in t.text) for t in ent[1:])


def _not_name_start(doc: Doc, i: int, person: bool, dictionary: ActorDictionary) -> bool:
    """Whether word ``i`` cannot open a name: a determiner, punctuation, a space, or a function
    word, unless it opens a person's name (``minister, Than Swe,``)."""
    token = doc[i]
    if token.lower_ in _DETERMINERS or token.is_punct or token.is_space:
        return True
    return token.pos_ in _NOT_NAME_START and not (person and _name_word(doc, i, dictionary))


def _title_premodifier(doc: Doc, ent, dictionary: ActorDictionary) -> bool:
    """An ORG the dictionary does not know, made only of demonyms and title words, right before a
    title word or a person's name: the start of a title, not an organisation."""
    if dictionary.lookup(ent.text) or ent.end >= len(doc):
        return False
    words = _title_words(dictionary)
    kinds = ["title" if t.lower_ in words else _dictionary_label(t.text, None, dictionary) for t in ent]
    if "title" not in kinds or not all(k in ("title", "NORP", "GPE") for k in kinds):
        return False
    after = doc[ent.end]
    return after.lower_ in words or after.ent_type_ == "PERSON"


def _is_title_word(word: str, dictionary: ActorDictionary) -> bool:
    return is_honorific(word) or (word[:1].isupper() and word.lower() in _title_words(dictionary))


@cache
def _title_words(dictionary: ActorDictionary) -> frozenset[str]:
    return frozenset(w for phrase in dictionary.titles for w in phrase.split())


def _dictionary_label(text: str, spacy_label: str | None, dictionary: ActorDictionary) -> str | None:
    """The label the dictionary implies for ``text``; spaCy's label unless it clearly conflicts."""
    labels = {_form_label(f, dictionary) for f in dictionary.lookup(text)}
    if not labels:
        return spacy_label
    if spacy_label is None:
        for preferred in ("PERSON", "GPE", "NORP", "ORG"):
            if preferred in labels:
                return preferred
    if spacy_label in labels:
        return spacy_label
    if labels == {"PERSON"} or "PERSON" not in labels and spacy_label == "PERSON":
        return sorted(labels)[0]
    return spacy_label


def _form_label(form: SurfaceForm, dictionary: ActorDictionary) -> str:
    if form.actor.kind == "person":
        return "PERSON"
    if form.actor.kind == "state":
        if form.form == "demonym":
            return "NORP"
        if form.form == "metonym" and name_key(form.text) in dictionary.seats:
            return "ORG"  # "the Kremlin", "the White House": institutions standing for the state
        return "GPE"
    return "ORG"


@cache
def _matcher(dictionary: ActorDictionary) -> PhraseMatcher:
    """Case-sensitive matcher over every dictionary name with a capital letter, built once."""
    vocab = nlp.load().vocab
    matcher = PhraseMatcher(vocab, attr="ORTH")
    make_doc = nlp.load().make_doc
    seen = set()
    for form in dictionary.forms:
        text = form.text.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        if len(text) < 2 or not any(c.isupper() for c in text) or text in seen:
            continue
        seen.add(text)
        matcher.add("ACTOR", [make_doc(text)])
        capitalised = text[:1].upper() + text[1:]
        if text[0].islower() and capitalised not in seen:
            # "al-Shabaab" opening a sentence or after a dateline: "Al-Shabaab militants"
            seen.add(capitalised)
            matcher.add("ACTOR", [make_doc(capitalised)])
    matcher.add("REGION", [make_doc(text) for text in region_names() if text not in seen])
    return matcher

