"""PolNeAR (dev split) gold attributions, the fixed tune/check halves, and the antecedent rule
for pronoun sources.

Gold: ``polnear-dev/attributions/NAME.ann`` (BRAT standoff; ``Source``/``Cue``/``Content``
spans tied by ``E`` lines, discontinuous spans as ``START END;START END``) over
``polnear-dev/text/NAME.txt``. A ``Source`` that is one lower-case word with a ``Cue`` that is one
capitalised word (``said`` / ``Hester``) is read with the labels swapped back.

**Halves.** The articles are ordered by the SHA-256 of their file name; the first half is the
*tune* half (study its errors), the second the *check* half (only ever measured). The split
depends on nothing but the names, so it is the same on every machine and for every change.
(``evaluation.splits`` ranks other sets by SHA-1; this split was fixed, and its tune half
studied, before that module landed: ranking PolNeAR by SHA-1 now would put studied articles in
the check half.)

**Pronoun sources.** PolNeAR annotates no coreference: its ``.ann`` files hold only ``T``
(spans) and ``E`` (attribution) lines, no relation between ``Source`` spans. A pronoun source's
referent is therefore set by this rule, stricter than the nearest earlier named source it
replaces (which sent ``she`` to ``Mr. Obama`` and ``He`` to ``India and Pakistan``):

1. a first-person source (``I``, ``we``) inside another attribution's content refers to that
   attribution's source (``"I think ...," Trump said``: Trump);
2. otherwise the referent is the nearest earlier gold source that agrees with the pronoun:
   ``he``/``she`` a named single person not of the other gender (``Mr.``/``Mrs.``/``Ms.`` or a
   given name, in the source or with the same surname elsewhere in the article: ``Clinton`` is
   female where the article says ``Hillary Clinton``); ``it`` a single non-person, named or not
   (``the report``); ``they`` several, or a group (an organisation, a plural noun), named or not;
   a pronoun source of the same kind passes its own referent on (``She said ... she added``);
3. ``you``, and any pronoun with no agreeing source before it, cannot be scored.

A referent that is unnamed (``a source``) wants no speaker; a description (``the GOP
candidate``) accepts none or its name, as such sources themselves do.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from evaluation.splits import HALVES
from relata.mentions.gender import gendered_nouns, given_names, honorifics, noun_gender
from relata.mentions.tables import data_path, read_table

DATASET = "polnear-dev"
PRONOUNS = frozenset("he she they i we him her them it his its their you who that which me us our my".split())
RELATIVE = frozenset({"who", "that", "which"})
_MARKS = frozenset('"“”«»')
_NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE"})
_GROUP_ENTITIES = frozenset({"ORG", "NORP", "GPE", "FAC"})
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_NEUTER = frozenset({"it", "its"})
_PLURAL = frozenset({"they", "them", "their"})
_FIRST = frozenset({"i", "me", "my", "we", "us", "our"})


@dataclass
class GoldAttribution:
    content: list[tuple[int, int]]
    cue: str = ""
    source: str | None = None
    source_start: int = -1
    antecedent: str | None = None  # a pronoun source's referent (see the module's rule)
    antecedent_named: bool = False
    antecedent_description: bool = False
    named: bool = False  # the source names someone (has a proper noun)
    description: bool = False  # ... but is headed by a common noun ("the Trump campaign")
    clause: bool = False  # the content is a clause or a quotation, not a noun phrase ("criticized his rhetoric")
    person: bool = False  # the source is a person (a person's name, a title, an honorific)
    plural: bool = False  # the source is several ("Obama and Clinton", "officials")
    group: bool = False  # the source is an organisation or a body ("the Security Council")
    gender: str | None = None  # "m", "f", or None when the source does not say


def article_names(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / "text").glob("*.txt"))


def halves(names: list[str]) -> dict[str, str]:
    """Each name's half: the first half of the names ordered by SHA-256 is ``tune``."""
    ordered = sorted(names, key=lambda n: hashlib.sha256(n.encode("utf-8")).hexdigest())
    cut = (len(ordered) + 1) // 2
    return {n: HALVES[0] if i < cut else HALVES[1] for i, n in enumerate(ordered)}


def read_gold(ann: Path, text: str, doc=None) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, ranges = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
            spans[parts[0]] = (label, pieces)
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(item.split(":", 1) for item in parts[1].split() if ":" in item)
            events.append(roles)
    out = []
    for roles in events:
        if "Content" not in roles or roles["Content"] not in spans:
            continue
        gold = GoldAttribution(content=spans[roles["Content"]][1])
        if roles.get("Cue") in spans:
            gold.cue = " ".join(text[s:e] for s, e in spans[roles["Cue"]][1])
        if roles.get("Source") in spans:
            pieces = spans[roles["Source"]][1]
            gold.source = " ".join(text[s:e] for s, e in pieces)
            gold.source_start = pieces[0][0]
            if _swapped(gold.source, gold.cue):
                # '..." said Hester.' annotated Source "said", Cue "Hester": the labels swapped
                gold.source, gold.cue = gold.cue, gold.source
                gold.source_start = spans[roles["Cue"]][1][0][0]
        out.append(gold)
    for g in out:
        g.named = bool(g.source) and _has_name(g.source, g.source_start, doc)
        g.description = g.named and _is_description(g.source, g.source_start, doc)
        g.clause = _is_clause_content(g, text, doc)
        if g.source and not is_pronoun(g.source):
            _describe(g, text, doc)
    _resolve_pronouns(out)
    for g in out:
        if g.source and g.source.strip().lower() in RELATIVE:
            # "officials who said ...": the words before the relative pronoun name its antecedent
            g.antecedent, g.antecedent_named = text[max(0, g.source_start - 80):g.source_start], True
    return out


def _swapped(source: str, cue: str) -> bool:
    """A source that is one lower-case word and a cue that is one capitalised name: an
    annotator's slip (five in the dev split), read the right way round."""
    return bool(re.fullmatch(r"[a-z]+", source)) and bool(re.fullmatch(r"[A-Z][a-z]+", cue)) and not is_pronoun(source)


def is_pronoun(text: str) -> bool:
    return text.strip().lower() in PRONOUNS


def has_marks(text: str, gold: GoldAttribution) -> bool:
    return any(ch in _MARKS for s, e in gold.content for ch in text[s:e])


def _resolve_pronouns(golds: list[GoldAttribution]) -> None:
    ordered = sorted((g for g in golds if g.source), key=lambda g: g.source_start)
    # third person first, in text order (a referent may be an earlier pronoun's); then the first
    # person, whose speaker may be a third-person pronoun said after it ("'I ...,' she said")
    for first_person in (False, True):
        for i, g in enumerate(ordered):
            word = g.source.strip().lower()
            if is_pronoun(g.source) and word not in RELATIVE and (word in _FIRST) == first_person:
                _resolve(g, word, ordered[:i], golds)


def _resolve(g: GoldAttribution, word: str, earlier: list[GoldAttribution], golds: list[GoldAttribution]) -> None:
    """Set ``g``'s referent (relative pronouns are read apart: see ``read_gold``)."""
    referent = _enclosing_source(g, golds) if word in _FIRST else None
    if referent is None and word not in _FIRST - {"we", "us", "our"}:
        referent = _agreeing_before(word, earlier)
    if referent is not None:
        if is_pronoun(referent.source):
            g.antecedent = referent.antecedent
            g.antecedent_named, g.antecedent_description = referent.antecedent_named, referent.antecedent_description
        else:
            g.antecedent = referent.source
            g.antecedent_named, g.antecedent_description = referent.named, referent.description


def _enclosing_source(g: GoldAttribution, golds: list[GoldAttribution]) -> GoldAttribution | None:
    """The attribution whose content holds ``g``'s source (the speaker of ``I`` in a quotation)."""
    inside = [o for o in golds if o is not g and o.source
              and any(s <= g.source_start < e for s, e in o.content)]
    inside.sort(key=lambda o: sum(e - s for s, e in o.content))  # the innermost
    for o in inside:
        if not is_pronoun(o.source):
            return o
        if o.antecedent is not None:
            return o
    return None


def _agreeing_before(word: str, earlier: list[GoldAttribution]) -> GoldAttribution | None:
    for cand in reversed(earlier):
        if is_pronoun(cand.source):
            other = cand.source.strip().lower()
            if cand.antecedent is not None and _same_kind(word, other):
                return cand
            continue
        if _agrees(word, cand):
            return cand
    return None


def _same_kind(a: str, b: str) -> bool:
    return any(a in group and b in group for group in (_MALE, _FEMALE, _NEUTER, _PLURAL, {"we", "us", "our"}))


def _agrees(word: str, cand: GoldAttribution) -> bool:
    if word in _MALE or word in _FEMALE:
        wanted = "m" if word in _MALE else "f"
        return cand.named and not cand.description and cand.person and not cand.plural and cand.gender in (None, wanted)
    if word in _NEUTER:
        return not cand.plural and not cand.person
    if word in _PLURAL:
        return cand.plural or cand.group
    return word in ("we", "us", "our")  # a person speaking for a group, or the group itself


def _describe(g: GoldAttribution, text: str, doc) -> None:
    """Set whether a source is a person, several, a group, and the gender it shows. A person is a
    source headed by a person's name or by a name after an honorific; the gender comes from an
    honorific, a gendered noun before the name (``widow``), the given name, or, for a surname
    alone, from the article (``Hillary Clinton`` elsewhere). A surname the parse did not read as
    a person's here (``Husted`` tagged as an organisation) is one when the article names a
    person by it elsewhere."""
    span = doc.char_span(g.source_start, g.source_start + len(g.source), alignment_mode="expand") \
        if doc is not None else None
    if span is None:
        g.plural = " and " in f" {g.source.lower()} "
        return
    root = span.root
    g.plural = root.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in root.children) or "&" in g.source
    if root.pos_ != "PROPN":
        # "the Trump campaign" is a group; "the FBI director" a person described
        g.group = not _person_noun(root.lemma_) and any(t.ent_type_ in _GROUP_ENTITIES for t in span) and not any(
            t.ent_type_ == "PERSON" for t in span)
        return
    name = [t for t in root.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"] + [root]
    words = [t.lower_.rstrip(".") for t in name]
    titled = [honorifics()[w] for w in words if w in honorifics()]
    g.person = root.ent_type_ == "PERSON" or bool(titled) or root.text in _people(doc) or (
        len(words) > 1 and _person_noun(words[0]))  # "Mayor Ana Ruiz": a title before a name
    if not g.person:
        g.group = root.ent_type_ in _GROUP_ENTITIES
        return
    given = [t.lower_ for t in name if t.ent_type_ == "PERSON" and t.lower_.rstrip(".") not in honorifics()] or [
        w for w in words if w not in honorifics()]  # "President Barack Obama": Barack is the given name
    nouns = [noun_gender(t.lemma_) for t in root.lefts if t.pos_ == "NOUN"]
    g.gender = next((x for x in titled + nouns if x), None) or (
        given_names().get(given[0]) if len(given) > 1 else _article_gender(root.text, text))


@cache
def _person_nouns() -> frozenset[str]:
    titles = {r["title"] for r in read_table(data_path("actors", "titles.tsv"))}
    return frozenset(titles | set(gendered_nouns()))


def _person_noun(lemma: str) -> bool:
    return lemma.lower() in _person_nouns() or lemma.lower().endswith(("or", "ist", "man", "woman", "person"))


def _people(doc) -> frozenset[str]:
    """The last words of the person names the parse finds anywhere in the article."""
    cached = doc.user_data.get("polnear_people")
    if cached is None:
        cached = doc.user_data["polnear_people"] = frozenset(e[-1].text for e in doc.ents if e.label_ == "PERSON")
    return cached


def _article_gender(surname: str, text: str) -> str | None:
    """The gender the article gives a surname elsewhere (``Mrs. Clinton``, ``Hillary Clinton``),
    when it gives only one."""
    found = set()
    for m in re.finditer(rf"\b([A-Z][a-z]+)\.? {re.escape(surname)}\b", text):
        word = m.group(1).lower()
        gender = honorifics().get(word) or given_names().get(word)
        if gender:
            found.add(gender)
    return found.pop() if len(found) == 1 else None


def _has_name(source: str, start: int, doc) -> bool:
    """Whether a source names someone: a proper noun in the parse (a capitalised word that is
    not the first of the span when there is no parse)."""
    if doc is not None and start >= 0:
        span = doc.char_span(start, start + len(source), alignment_mode="expand")
        if span is not None:
            # a name the tagger read as a common noun ("Sanders" tagged NOUN) is still a name
            # when the entity recogniser marks it
            return any(t.pos_ == "PROPN" or t.ent_type_ in _NAME_ENTITIES for t in span)
    words = re.findall(r"[\w’']+", source)
    return any(w[0].isupper() and w.lower() not in PRONOUNS for w in words[1:])


def _is_clause_content(gold: GoldAttribution, text: str, doc) -> bool:
    """Whether the content is what a quote extractor reports: a quotation, or a clause (its root a
    verb with a subject, or an infinitive: ``urged Congress to act``), as opposed to a noun phrase
    that is the object of an act (``criticized his rhetoric``, ``lifted the curfew``)."""
    if has_marks(text, gold):
        return True
    if doc is None:
        return False
    start, end = gold.content[0]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.pos_ in ("VERB", "AUX") and (
        any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux") for c in root.children))


def _is_description(source: str, start: int, doc) -> bool:
    """A source headed by a common noun (``A Bloomberg poll``, ``the Trump campaign``)."""
    if doc is None:
        return False
    span = doc.char_span(start, start + len(source), alignment_mode="expand")
    return span is not None and span.root.pos_ == "NOUN"
