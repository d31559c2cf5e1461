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
  the gold source text; a pronoun source stands for its referent, set by the rule in
  ``evaluation/polnear.py`` (PolNeAR annotates no coreference: an ``I`` in a quotation is the
  quotation's source, otherwise the nearest earlier gold source agreeing in gender and number;
  ``you`` and pronouns with no agreeing source are not scored); a gold attribution without a
  source, or with an unnamed one (``a source``, ``officials``: no proper noun and no person,
  organisation or place entity in the parse), expects no speaker;
  a description (proper noun inside, common-noun head: ``the Trump campaign``, ``a Bloomberg
  poll``) accepts no speaker as well as a matching name; for a relative pronoun (``who``) the 80
  characters before it stand in for its antecedent. The ``strict`` row keeps only named sources
  and pronouns whose referent is named, and wants a matching name for every one of them.
- cue accuracy on matched quotes: a word of the predicted cue occurs in the gold cue.
- content by kind: PolNeAR annotates every attribution, including acts whose content is a noun
  phrase (``criticized his rhetoric``, ``lifted the curfew``), which a quote extractor does not
  report; recall is printed apart for clause or quotation contents and for noun-phrase contents,
  and one row scores against the clause/quotation gold only (predictions matched to
  noun-phrase gold set aside, every other prediction still a false positive).
The rows restricted to gold contents that contain a double quotation mark are the part
textacy's direct quotations can reach, for a like-for-like comparison.
For textacy the speaker is its token list, right when one of its words occurs in the gold
source text, whatever the source (pronouns and descriptions included: more lenient than for
Relata, whose speaker must be a resolved actor).

The articles fall in two fixed halves (``evaluation/polnear.py``): the headline rows are printed
for the *tune* half (whose errors ``python -m evaluation.quote_errors`` lists), the *check* half
(never studied) and the whole set. Quotes on the news-events articles (recall of the listed
snippets, speaker accuracy; measured, never tuned on) are rows of ``python -m evaluation
news_events``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

from evaluation.polnear import (
    DATASET,
    HALVES,
    GoldAttribution,
    article_names,
    halves,
    has_marks,
    is_pronoun,
    read_gold,
)
from evaluation.scoring import Score

MIN_OVERLAP = 0.3
_EDGE = " \t\n,.;:\"'“”‘’—–-()"


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


def _speaker_right(names: tuple[str, ...], gold: GoldAttribution, lenient: bool,
                   strict: bool = False) -> bool | None:
    """Whether the predicted speaker fits the gold source; ``None`` when not scorable (and, for
    the strict row, when the source names no one)."""
    source = gold.source
    if lenient:  # textacy: its speaker tokens against the source text, whatever it is
        if strict and not (source and (gold.named or is_pronoun(source) and gold.antecedent_named)):
            return None  # the strict row keeps named sources (and pronouns standing for one) only
        return not names if source is None else bool(_words(" ".join(names)) & _words(source))
    named, description = gold.named, gold.description
    if source is not None and is_pronoun(source):
        if gold.antecedent is None:
            return None
        source, named, description = gold.antecedent, gold.antecedent_named, gold.antecedent_description
    if description and not names and not strict:
        return True  # declining to name "the Trump campaign" or "a Bloomberg poll" is not wrong
    if source is None or not named:
        return None if strict else not names
    wanted = _words(source)
    return any(w in wanted for name in names for w in _words(name) if len(w) >= 3)


def add(into: Tally, part: Tally) -> None:
    """Add one article's counts to a half's or the whole set's."""
    for f in fields(Tally):
        mine, theirs = getattr(into, f.name), getattr(part, f.name)
        if isinstance(mine, list):
            mine[0] += theirs[0]
            mine[1] += theirs[1]
        else:
            setattr(into, f.name, mine + theirs)


def score(text: str, preds: list[Predicted], golds: list[GoldAttribution], tally: Tally,
          lenient: bool = False, log: list | None = None) -> None:
    """Match ``preds`` to ``golds`` and count into ``tally``; with ``log``, append each error as
    ``(kind, prediction or None, gold or None)``: ``match`` (every matched pair), ``miss``,
    ``false``, ``speaker`` (the strict verdict is wrong or the lenient one is), ``cue``."""
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
        if log is not None:
            log.append(("match", pred, gold))
        if len(gold.content) == len(pred.ranges) and all(
                _trim(text, *a) == _trim(text, *b) for a, b in zip(pred.ranges, gold.content, strict=True)):
            tally.exact_tp += 1
        right = _speaker_right(pred.speaker_names, gold, lenient)
        if right is not None and has_marks(text, gold):
            tally.speaker_quoted[0] += right
            tally.speaker_quoted[1] += 1
        if right is not None:
            tally.speaker[0] += right
            tally.speaker[1] += 1
        strict = _speaker_right(pred.speaker_names, gold, lenient, strict=True)
        if strict is not None:
            tally.speaker_named[0] += strict
            tally.speaker_named[1] += 1
        if log is not None and (right is False or strict is False):
            log.append(("speaker", pred, gold))
        if gold.cue:
            cue_words = _words(pred.cue or "")
            cue_right = bool(cue_words & _words(gold.cue)) or (pred.cue == ":" and ":" in gold.cue)
            tally.cue[0] += cue_right
            tally.cue[1] += 1
            if log is not None and not cue_right:
                log.append(("cue", pred, gold))
    for j, gold in enumerate(golds):
        if has_marks(text, gold):
            tally.quoted_found[0] += j in used_g
            tally.quoted_found[1] += 1
        found = tally.clause_found if gold.clause else tally.phrase_found
        found[0] += j in used_g
        found[1] += 1
    tally.tp += len(used_p)
    tally.fp += len(preds) - len(used_p)
    tally.fn += len(golds) - len(used_g)
    if log is not None:
        log += [("miss", None, g) for j, g in enumerate(golds) if j not in used_g]
        log += [("false", p, None) for i, p in enumerate(preds) if i not in used_p]


def relata_predictions(record) -> list[Predicted]:
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


def _rows(system: str, tally: Tally, docs: int, refused: int = 0, dataset: str = DATASET,
          headline: bool = False) -> list[Score]:
    """The table rows for one system on one set of articles; ``headline``: only the measures the
    halves are compared on."""
    speaker_note = ("its speaker text against the source text" if system != "relata"
                    else "unnamed source: none wanted; description: none or its name")
    note = f"{docs} articles" + (f"; refused {refused} (unbalanced quotation marks): scored empty" if refused else "")
    clause = Score(dataset, "quotes", "content overlap>=0.3, clause/quotation gold only", tally.clause_found[0],
                   tally.fp, tally.clause_found[1] - tally.clause_found[0], system=system,
                   note="headline: noun-phrase gold and the predictions matched to it set aside")
    overlap = Score(dataset, "quotes", "content overlap>=0.3", tally.tp, tally.fp, tally.fn, system=system,
                    note=note + "; every attribution, noun-phrase contents included")
    speaker = Score(dataset, "quotes", "speaker acc (matched)", correct=tally.speaker[0], total=tally.speaker[1],
                    system=system, note=speaker_note)
    strict = Score(dataset, "quotes", "speaker acc strict (named/pronoun source)", correct=tally.speaker_named[0],
                   total=tally.speaker_named[1], system=system,
                   note="a description must be named too; pronouns by the agreement rule")
    cue = Score(dataset, "quotes", "cue acc (matched)", correct=tally.cue[0], total=tally.cue[1], system=system)
    if headline:
        return [clause, overlap, speaker, strict, cue]
    return [
        clause,
        overlap,
        Score(dataset, "quotes", "content exact", tally.exact_tp, tally.tp + tally.fp - tally.exact_tp,
              tally.tp + tally.fn - tally.exact_tp, system=system, note=note),
        speaker,
        strict,
        cue,
        Score(dataset, "quotes", "recall, gold with quotation marks", correct=tally.quoted_found[0],
              total=tally.quoted_found[1], system=system, note="overlap>=0.3"),
        Score(dataset, "quotes", "recall, gold content a clause or quotation", correct=tally.clause_found[0],
              total=tally.clause_found[1], system=system, note="overlap>=0.3"),
        Score(dataset, "quotes", "recall, gold content a noun phrase", correct=tally.phrase_found[0],
              total=tally.phrase_found[1], system=system,
              note="for information: the object of an act (\"criticized his rhetoric\")"),
        Score(dataset, "quotes", "speaker acc, gold with quotation marks", correct=tally.speaker_quoted[0],
              total=tally.speaker_quoted[1], system=system),
    ]


@dataclass
class Article:
    name: str
    half: str
    text: str
    golds: list[GoldAttribution]
    record: object
    parsed: object


def articles(dev: Path, limit: int | None = None, half: str | None = None):
    """Each PolNeAR dev article parsed, extracted and read with its gold, in name order."""
    from relata import nlp
    from relata.clean.document import CleanDocument
    from relata.pipeline import build_record

    root = dev / "polnear-dev"
    names = article_names(root)
    split = halves(names)
    names = [n for n in names if half is None or split[n] == half][:limit]
    texts = [(root / "text" / f"{n}.txt").read_text(encoding="utf-8") for n in names]
    for name, text, parsed in zip(names, texts, nlp.parse_many((t, None) for t in texts), strict=True):
        golds = read_gold(root / "attributions" / f"{name}.ann", text, parsed.doc)
        record = build_record(CleanDocument(name, text), parsed)
        if record.text != text:
            raise ValueError(f"{name}: record text differs from the gold text; offsets would not align")
        yield Article(name, split[name], text, golds, record, parsed)


def evaluate(dev: Path | None, limit: int | None = None) -> list[Score]:
    if dev is None or not (dev / "polnear-dev" / "text").is_dir():
        return []
    direct_quotations = _textacy()
    ours, peer = Tally(), Tally()
    per_half = {h: Tally() for h in HALVES}
    docs = dict.fromkeys(HALVES, 0)
    refused = 0
    for article in articles(dev, limit):
        tally = Tally()
        score(article.text, relata_predictions(article.record), article.golds, tally)
        add(ours, tally)
        add(per_half[article.half], tally)
        docs[article.half] += 1
        if direct_quotations is not None:
            predicted = _textacy_predictions(article.parsed.doc, direct_quotations)
            refused += predicted is None
            score(article.text, predicted or [], article.golds, peer, lenient=True)
    rows = []
    for half in HALVES:
        rows += _rows("relata", per_half[half], docs[half], dataset=f"{DATASET}, {half} half", headline=True)
    rows += _rows("relata", ours, sum(docs.values()))
    if direct_quotations is not None:
        rows += _rows("textacy", peer, sum(docs.values()), refused)
    return rows
