"""Quotes on PolNeAR (dev split): content spans, speakers and cues against the annotators'
attributions, with textacy's ``direct_quotations`` as a peer on the same parses.

Gold: ``polnear-dev/attributions/NAME.ann`` (BRAT standoff; ``Source``/``Cue``/``Content``
spans tied by ``E`` lines, discontinuous spans as ``START END;START END``) over
``polnear-dev/text/NAME.txt``. The raw text goes through the full pipeline unchanged, so the
record's offsets are the gold offsets (checked per document).

Measures:
- content overlap: one-to-one matching (greedy, best overlap first); a predicted and a gold
  content match when their shared characters are at least 30% of the longer of the two.
  A predicted quote lying wholly inside another predicted quote (a partial quotation inside the
  reported speech it belongs to) is part of that quote, not scored on its own.
  Parts of a split quotation that fall inside the pieces of one discontinuous gold content are
  scored as one prediction (PolNeAR annotates them as one content).
- content exact: same, but the spans must be equal (ignoring edge punctuation and a leading
  ``that``, which PolNeAR includes in the content).
- speaker accuracy on matched quotes: right when a word of the predicted speaker's name or
  aliases (3+ letters; a possessive ``’s`` dropped, an initialism's dots closed up) occurs in
  the gold source text; for a pronoun source, in the nearest
  earlier gold source that names someone; a gold attribution without a source, or with an
  unnamed one (``a source``, ``officials``: no proper noun and no person, organisation or
  place entity in the parse), expects no speaker;
  a description (proper noun inside, common-noun head: ``the Trump campaign``, ``a Bloomberg
  poll``) accepts no speaker as well as a matching name; for a relative pronoun (``who``) the 80
  characters before it stand in for its antecedent. The ``strict`` row keeps only named and
  pronoun sources and wants a matching name for every one of them.
- cue accuracy on matched quotes: a word of the predicted cue occurs in the gold cue.
- content by kind: PolNeAR annotates every attribution, including acts whose content is a noun
  phrase (``criticized his rhetoric``, ``lifted the curfew``), which a quote extractor does not
  report; recall is printed apart for clause or quotation contents and for noun-phrase contents,
  and one row scores against the clause/quotation gold only (predictions matched to
  noun-phrase gold set aside, every other prediction still a false positive).
The last two rows restrict to gold contents that contain a double quotation mark (the part
textacy's direct quotations can reach), for a like-for-like comparison.
For textacy the speaker is its token list, right when one of its words occurs in the gold
source text, whatever the source (pronouns and descriptions included: more lenient than for
Relata, whose speaker must be a resolved actor).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.scoring import Score

DATASET = "polnear-dev"
MIN_OVERLAP = 0.3
_PRONOUNS = frozenset("he she they i we him her them it his its their you who that which".split())
_RELATIVE = frozenset({"who", "that", "which"})
_EDGE = " \t\n,.;:\"'“”‘’—–-()"
_MARKS = frozenset('"“”«»')
_NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE"})


@dataclass
class GoldAttribution:
    content: list[tuple[int, int]]
    cue: str = ""
    source: str | None = None
    source_start: int = -1
    antecedent: str | None = None  # for a pronoun source: the nearest earlier named source
    named: bool = False  # the source names someone (has a proper noun)
    description: bool = False  # ... but is headed by a common noun ("the Trump campaign")
    clause: bool = False  # the content is a clause or a quotation, not a noun phrase ("criticized his rhetoric")


@dataclass
class Predicted:
    start: int
    end: int
    speaker_names: tuple[str, ...] = ()
    cue: str | None = None
    kind: str = ""
    pieces: list[tuple[int, int]] = field(default_factory=list)  # set when merged from parts

    @property
    def ranges(self) -> list[tuple[int, int]]:
        return self.pieces or [(self.start, self.end)]


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact_tp: int = 0
    speaker: list[int] = field(default_factory=lambda: [0, 0])
    speaker_named: list[int] = field(default_factory=lambda: [0, 0])
    cue: list[int] = field(default_factory=lambda: [0, 0])
    quoted_found: list[int] = field(default_factory=lambda: [0, 0])  # gold with quotation marks
    clause_found: list[int] = field(default_factory=lambda: [0, 0])  # gold whose content is a clause
    phrase_found: list[int] = field(default_factory=lambda: [0, 0])  # gold whose content is a noun phrase
    speaker_quoted: list[int] = field(default_factory=lambda: [0, 0])


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
        out.append(gold)
    for g in out:
        g.named = bool(g.source) and _has_name(g.source, g.source_start, doc)
        g.description = g.named and _is_description(g.source, g.source_start, doc)
    for g in out:
        g.clause = _is_clause_content(g, text, doc)
    named = sorted((g.source_start, g.source) for g in out if g.named)
    for g in out:
        if g.source and _is_pronoun(g.source):
            if g.source.strip().lower() in _RELATIVE:
                g.antecedent = text[max(0, g.source_start - 80):g.source_start]
            else:
                earlier = [s for start, s in named if start < g.source_start]
                g.antecedent = earlier[-1] if earlier else None
    return out


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
    return any(w[0].isupper() and w.lower() not in _PRONOUNS for w in words[1:])


def _is_clause_content(gold: GoldAttribution, text: str, doc) -> bool:
    """Whether the content is what a quote extractor reports: a quotation, or a clause (its root a
    verb with a subject, or an infinitive: ``urged Congress to act``), as opposed to a noun phrase
    that is the object of an act (``criticized his rhetoric``, ``lifted the curfew``)."""
    if any(ch in _MARKS for s, e in gold.content for ch in text[s:e]):
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


def _is_pronoun(text: str) -> bool:
    return text.strip().lower() in _PRONOUNS


def _words(text: str) -> set[str]:
    """Lower-case words, a possessive ``’s`` dropped (``Trump’s`` names Trump) and the dots of an
    initialism closed up (``S.E.C.`` is one word, not three letters too short to compare)."""
    text = re.sub(r"\b((?:\w\.){2,})", lambda m: m.group(1).replace(".", ""), text)
    return {re.sub(r"[’']s$", "", w.lower()) for w in re.findall(r"[\w’']+", text)}


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    if text[start:start + 5].lower() == "that ":
        start += 5
    return start, end


def _shared(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _overlap(pred: Predicted, gold: GoldAttribution) -> float:
    shared = _shared(pred.ranges, gold.content)
    longer = max(sum(e - s for s, e in pred.ranges), sum(e - s for s, e in gold.content))
    return shared / longer if longer else 0.0


def _merge_split_quotes(preds: list[Predicted], golds: list[GoldAttribution]) -> list[Predicted]:
    """Parts of one split quotation (``"...," she said, "..."``) that fall in the pieces of one
    discontinuous gold content are scored together, as PolNeAR annotates them as one content."""
    merged: set[int] = set()
    out: list[Predicted] = []
    for gold in golds:
        if len(gold.content) < 2:
            continue
        parts = [i for i, p in enumerate(preds) if i not in merged
                 and _shared(p.ranges, gold.content) >= 0.5 * (p.end - p.start)]
        if len(parts) < 2:
            continue
        merged.update(parts)
        first = preds[parts[0]]
        out.append(Predicted(first.start, preds[parts[-1]].end, first.speaker_names, first.cue, first.kind,
                             pieces=[(preds[i].start, preds[i].end) for i in parts]))
    return [p for i, p in enumerate(preds) if i not in merged] + out


def _has_marks(text: str, gold: GoldAttribution) -> bool:
    return any(ch in _MARKS for s, e in gold.content for ch in text[s:e])


def _speaker_right(names: tuple[str, ...], gold: GoldAttribution, lenient: bool,
                   strict: bool = False) -> bool | None:
    """Whether the predicted speaker fits the gold source; ``None`` when not scorable."""
    source = gold.source
    if lenient:  # textacy: its speaker tokens against the source text, whatever it is
        return not names if source is None else bool(_words(" ".join(names)) & _words(source))
    if gold.description and not names and not strict:
        return True  # declining to name "the Trump campaign" or "a Bloomberg poll" is not wrong
    if source is None or not (gold.named or _is_pronoun(source)):
        return not names
    if _is_pronoun(source):
        source = gold.antecedent
        if source is None:
            return None
    wanted = _words(source)
    return any(w in wanted for name in names for w in _words(name) if len(w) >= 3)


def _score(text: str, preds: list[Predicted], golds: list[GoldAttribution], tally: Tally,
           lenient: bool = False) -> None:
    preds = [p for p in preds
             if not any(o is not p and o.start <= p.start and p.end <= o.end
                        and (o.start, o.end) != (p.start, p.end) for o in preds)]
    preds = _merge_split_quotes(preds, golds)
    pairs = sorted(((_overlap(p, g), i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)),
                   reverse=True)
    used_p, used_g = set(), set()
    for score, i, j in pairs:
        if score < MIN_OVERLAP:
            break
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pred, gold = preds[i], golds[j]
        if len(gold.content) == len(pred.ranges) and all(
                _trim(text, *a) == _trim(text, *b) for a, b in zip(pred.ranges, gold.content, strict=True)):
            tally.exact_tp += 1
        right = _speaker_right(pred.speaker_names, gold, lenient)
        if right is not None and _has_marks(text, gold):
            tally.speaker_quoted[0] += right
            tally.speaker_quoted[1] += 1
        if right is not None:
            tally.speaker[0] += right
            tally.speaker[1] += 1
        strict = _speaker_right(pred.speaker_names, gold, lenient, strict=True)
        if strict is not None and gold.source and (gold.named or _is_pronoun(gold.source)):
            tally.speaker_named[0] += strict
            tally.speaker_named[1] += 1
        if gold.cue:
            cue_words = _words(pred.cue or "")
            tally.cue[0] += bool(cue_words & _words(gold.cue)) or (pred.cue == ":" and ":" in gold.cue)
            tally.cue[1] += 1
    for j, gold in enumerate(golds):
        if _has_marks(text, gold):
            tally.quoted_found[0] += j in used_g
            tally.quoted_found[1] += 1
        found = tally.clause_found if gold.clause else tally.phrase_found
        found[0] += j in used_g
        found[1] += 1
    tally.tp += len(used_p)
    tally.fp += len(preds) - len(used_p)
    tally.fn += len(golds) - len(used_g)


def _relata_predictions(record) -> list[Predicted]:
    actors = {a.id: a for a in record.actors}
    out = []
    for q in record.quotes:
        names: tuple[str, ...] = ()
        if q.speaker_name:
            actor = actors.get(q.speaker)
            names = (q.speaker_name, *(actor.aliases if actor else ()))
        out.append(Predicted(q.start, q.end, names, q.cue, q.kind))
    return out


def _textacy_predictions(doc, direct_quotations) -> list[Predicted] | None:
    """textacy's direct quotations, or ``None`` when it refuses the text (unbalanced marks)."""
    out = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:
        return None
    for triple in triples:
        start, end = triple.content.start_char, triple.content.end_char
        text = doc.text
        while start < end and (text[start] in _EDGE):
            start += 1
        while end > start and text[end - 1] in "\"“”'‘’ ":
            end -= 1
        speaker = " ".join(t.text for t in triple.speaker)
        out.append(Predicted(start, end, (speaker,) if speaker else (), " ".join(t.text for t in triple.cue)))
    return out


def _textacy():
    try:
        from textacy.extract.triples import direct_quotations
    except Exception as exc:  # noqa: BLE001 - a peer that cannot load is reported, not fatal
        print(f"note: textacy unavailable ({exc.__class__.__name__}: {exc}); peer rows skipped",
              file=sys.stderr)
        return None
    return direct_quotations


def _rows(system: str, tally: Tally, docs: int, refused: int = 0) -> list[Score]:
    speaker_note = ("its speaker text against the source text" if system != "relata"
                    else "unnamed source: none wanted; description: none or its name")
    note = f"{docs} articles" + (f"; refused {refused} (unbalanced quotation marks): scored empty" if refused else "")
    return [
        Score(DATASET, "quotes", "content overlap>=0.3", tally.tp, tally.fp, tally.fn, system=system, note=note),
        Score(DATASET, "quotes", "content exact", tally.exact_tp, tally.tp + tally.fp - tally.exact_tp,
              tally.tp + tally.fn - tally.exact_tp, system=system, note=note),
        Score(DATASET, "quotes", "speaker acc (matched)", correct=tally.speaker[0], total=tally.speaker[1],
              system=system, note=speaker_note),
        Score(DATASET, "quotes", "speaker acc strict (named/pronoun source)", correct=tally.speaker_named[0],
              total=tally.speaker_named[1], system=system, note="a description must be named too"),
        Score(DATASET, "quotes", "cue acc (matched)", correct=tally.cue[0], total=tally.cue[1], system=system),
        Score(DATASET, "quotes", "recall, gold with quotation marks", correct=tally.quoted_found[0],
              total=tally.quoted_found[1], system=system, note="overlap>=0.3"),
        Score(DATASET, "quotes", "content overlap>=0.3, clause/quotation gold only", tally.clause_found[0], tally.fp,
              tally.clause_found[1] - tally.clause_found[0], system=system,
              note="noun-phrase gold and the predictions matched to it set aside"),
        Score(DATASET, "quotes", "recall, gold content a clause or quotation", correct=tally.clause_found[0],
              total=tally.clause_found[1], system=system, note="overlap>=0.3"),
        Score(DATASET, "quotes", "recall, gold content a noun phrase", correct=tally.phrase_found[0],
              total=tally.phrase_found[1], system=system, note="the object of an act: \"criticized his rhetoric\""),
        Score(DATASET, "quotes", "speaker acc, gold with quotation marks", correct=tally.speaker_quoted[0],
              total=tally.speaker_quoted[1], system=system),
    ]


def evaluate(dev: Path | None, limit: int | None = None) -> list[Score]:
    if dev is None:
        return []
    root = dev / "polnear-dev"
    if not (root / "text").is_dir():
        return []
    from relata import nlp
    from relata.clean.document import CleanDocument
    from relata.pipeline import build_record

    names = sorted(p.stem for p in (root / "text").glob("*.txt"))[:limit]
    texts = [(root / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    direct_quotations = _textacy()
    ours, peer = Tally(), Tally()
    refused = 0
    for name, text, parsed in zip(names, texts, nlp.parse_many((t, None) for t in texts), strict=True):
        golds = read_gold(root / "attributions" / f"{name}.ann", text, parsed.doc)
        record = build_record(CleanDocument(name, text), parsed)
        if record.text != text:
            raise ValueError(f"{name}: record text differs from the gold text; offsets would not align")
        _score(text, _relata_predictions(record), golds, ours)
        if direct_quotations is not None:
            predicted = _textacy_predictions(parsed.doc, direct_quotations)
            refused += predicted is None
            _score(text, predicted or [], golds, peer, lenient=True)
    rows = _rows("relata", ours, len(names))
    if direct_quotations is not None:
        rows += _rows("textacy", peer, len(names), refused)
    return rows
