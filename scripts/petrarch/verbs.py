"""Read PETRARCH-2's verb dictionary (``CAMEO.2.0.txt``) into synsets, verbs and patterns.

The format, from the file's header and PETRARCH-2's ``PETRreader.read_verb_dictionary``:

- ``&NAME`` opens a synonym set (synset) of nouns; its ``+WORD`` or ``+TWO_WORDS`` lines are the
  members (underscores join words that must be consecutive). Regular plurals are generated unless
  the member or the set's name ends in ``_``.
- ``--- MEANING [CODE] ---`` opens a verb block: the verbs that follow are synonyms (mostly from
  WordNet synsets) and share the block's patterns. ``CODE`` is what a verb codes with no pattern
  (``---``: nothing). A verb line is the base form, optionally its irregular forms in ``{...}``
  (when given, all forms are listed) and its own code in ``[...]``. A multi-word verb joins its
  words with ``_`` and marks the word the parser sees as the verb with ``+``
  (``+SHUT_DOWN {+SHUTS_DOWN ...}``).
- ``- BEFORE * AFTER [CODE] # VERB comment`` is a pattern: ``*`` stands for the verb, words are
  noun heads, ``{A B C}`` a noun phrase headed by C, ``(PREP NOUNS)`` a prepositional phrase,
  ``&NAME`` any member of a synset, ``$`` and ``+`` the source and target where syntax alone
  would not tell them apart, ``^`` (TABARI) any noun phrase, ``%`` (TABARI) a compound actor.
  ``[042:043]`` codes two events, the second from the target to the source; ``[:173]`` only
  that reversed event. The comment names the verb the pattern was written for.
- ``~`` lines after ``TRANSFORMATIONS`` rewrite nested events; they are not converted.

Normalisations (each counted in the conversion's report): words lower-cased; ``A/B`` (a legacy
TABARI alternative, 9 patterns) becomes ``a|b``; a ``*`` glued to a word (``SPY_*_DEAL``) is split
off; a trailing ``!`` on a code (``080!``) is dropped; identical rows are written once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

PATTERNS_HEADER = "####### VERB PATTERNS #######"
TRANSFORMATIONS_HEADER = "######## TRANSFORMATIONS ##########"
_CODE = re.compile(r"\[([^\]]*)\]")
_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")


@dataclass(frozen=True)
class SynsetMember:
    synset: str  # "&military" (lower case, without the no-plural "_")
    phrase: str  # "armed forces"
    plural_of: str  # "" for a listed member, else the member it is the plural of
    line: int


@dataclass(frozen=True)
class Verb:
    block: str  # "ACCELERATE"
    lemma: str  # the word the parser sees as the verb: "shut" in "+SHUT_DOWN"
    before: str  # words of a multi-word verb before it ("" mostly)
    after: str  # words after it: the particle of a phrasal verb ("down")
    code: str  # CAMEO code of the verb without a pattern ("---": none)
    reverse_code: str  # code of the paired event from the target to the source ("" mostly)
    forms: tuple[str, ...]  # irregular forms as listed (verb word only), else ()
    line: int


@dataclass(frozen=True)
class Pattern:
    block: str
    verb: str  # the verb the pattern was written for (from its comment), "" if not named
    before: str  # pattern elements before the verb
    after: str  # pattern elements after the verb
    code: str  # CAMEO code, or "---"
    direction: str  # "forward" (source acts on target) or "reverse" (target acts on source)
    line: int


@dataclass
class VerbDictionary:
    synsets: list[SynsetMember] = field(default_factory=list)
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was normalised or skipped, for the report


def plural(phrase: str) -> str:
    """Regular English plural of the last word: ally -> allies, day -> days, tax -> taxes.

    (PETRARCH's own rule adds IES to every final Y and turns a final S into ES; this one is the
    regular rule, which it approximates.)"""
    head, _, last = phrase.rpartition(" ")
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}".strip()


def _strip_comment(text: str) -> tuple[str, str]:
    body, _, comment = text.partition("#")
    return body, comment.strip()


def _words(text: str) -> str:
    return " ".join(text.replace("_", " ").split()).lower()


def read_verb_dictionary(path: Path) -> VerbDictionary:
    result = VerbDictionary()
    lines = path.read_text(encoding="utf-8").splitlines()
    section = "synsets"
    synset = None
    no_plural = False
    block, block_code = None, "---"
    for number, raw in enumerate(lines, 1):
        if raw.startswith(PATTERNS_HEADER):
            section, synset = "verbs", None
            continue
        if raw.startswith(TRANSFORMATIONS_HEADER):
            section = "transformations"
            continue
        if not raw.strip() or raw.startswith("#") or raw.startswith("<!"):
            continue
        if section == "transformations":
            if raw.startswith("~"):
                result.notes.append(f"line {number}: transformation not converted: {raw.strip()}")
            continue
        if raw.startswith("&"):
            name = raw.split("#")[0].strip()
            no_plural = name.endswith("_")
            synset = "&" + name[1:].rstrip("_").lower()
            continue
        if raw.startswith("+") and synset:
            _add_member(result, synset, no_plural, raw, number)
            continue
        synset = None
        if section != "verbs":
            result.notes.append(f"line {number}: outside any block, skipped: {raw.strip()}")
            continue
        head = _BLOCK.match(raw)
        if head:
            block, block_code = head.group(1), head.group(2).strip() or "---"
            continue
        if raw.startswith("-"):
            _add_patterns(result, block, raw, number)
        elif block:
            _add_verb(result, block, block_code, raw, number)
    _check_synsets(result)
    return result


def _add_member(result: VerbDictionary, synset: str, no_plural: bool, raw: str, number: int) -> None:
    body, _ = _strip_comment(raw[1:])
    body = body.strip()
    phrase = _words(body.rstrip("_"))
    if not phrase:
        return
    result.synsets.append(SynsetMember(synset, phrase, "", number))
    if not (no_plural or body.endswith("_")):
        result.synsets.append(SynsetMember(synset, plural(phrase), phrase, number))


def _add_verb(result: VerbDictionary, block: str, block_code: str, raw: str, number: int) -> None:
    body, _ = _strip_comment(raw)
    body = re.split(r"\s;|};|^;", body)[0] + ("}" if re.search(r"};", body) else "")
    codes = _CODE.findall(body)
    body = _CODE.sub(" ", body)
    forms_text = ""
    if "{" in body:
        body, _, forms_text = body.partition("{")
        forms_text = forms_text.split("}")[0]
    words = body.split()
    if not words:
        return
    if len(words) > 1:
        result.notes.append(f"line {number}: verb line with several words, first kept: {raw.strip()}")
    entry = words[0]
    code = codes[0].strip().rstrip("!") if codes else block_code
    code, _, reverse = (code or "---").partition(":")
    before, lemma, after = _split_multiword(entry)
    forms = []
    for form in forms_text.replace(",", " ").split():
        _, word, _ = _split_multiword(form)
        if word and word != lemma and word not in forms:
            forms.append(word)
    result.verbs.append(Verb(block, lemma, before, after, code.strip() or "---", reverse.strip(), tuple(forms), number))


def _split_multiword(entry: str) -> tuple[str, str, str]:
    """``+SHUT_DOWN`` -> ("", "shut", "down"); ``WIRE_+TAP`` -> ("wire", "tap", ""); ``ASK`` -> ("", "ask", "")."""
    parts = [p for p in entry.split("_") if p]
    marked = [i for i, p in enumerate(parts) if p.startswith("+")]
    at = marked[0] if marked else 0
    words = [p.lstrip("+").lower() for p in parts]
    return " ".join(words[:at]), words[at] if words else "", " ".join(words[at + 1:])


def _add_patterns(result: VerbDictionary, block: str | None, raw: str, number: int) -> None:
    if block is None:
        result.notes.append(f"line {number}: pattern outside a verb block, skipped")
        return
    body, comment = _strip_comment(raw[1:])
    codes = _CODE.findall(body)
    if not codes:
        result.notes.append(f"line {number}: pattern without a code, skipped: {raw.strip()}")
        return
    text = _CODE.sub(" ", body)
    code = codes[-1].strip()
    if code.endswith("!"):
        result.notes.append(f"line {number}: code [{code}] read as [{code[:-1]}]")
        code = code[:-1]
    if "/" in text:
        result.notes.append(f"line {number}: alternatives with '/' written with '|': {text.strip()}")
        text = text.replace("/", "|")
    if re.search(r"[^\s(]\*|\*[^\s)]", text):
        result.notes.append(f"line {number}: '*' glued to a word, split off: {text.strip()}")
        text = re.sub(r"_?\*_?", " * ", text)
    if text.count("*") != 1:
        result.notes.append(f"line {number}: pattern without exactly one '*', skipped: {raw.strip()}")
        return
    before, _, after = text.partition("*")
    forward, _, reverse = code.partition(":")
    verb = comment.split()[0].lower() if comment and re.fullmatch(r"[A-Z_]+", comment.split()[0]) else ""
    for part, direction in ((forward, "forward"), (reverse, "reverse")):
        part = part.strip()
        if part:
            result.patterns.append(
                Pattern(block, verb, _elements(before), _elements(after), part, direction, number))


def _elements(text: str) -> str:
    """Pattern elements as written, lower-cased, single-spaced (``(TO BORDER)`` -> ``(to border)``)."""
    return " ".join(text.split()).lower()


def _check_synsets(result: VerbDictionary) -> None:
    """Patterns naming an undefined synset are dropped, as PETRARCH ignores them."""
    defined = {m.synset for m in result.synsets}
    kept = []
    for p in result.patterns:
        used = set(re.findall(r"&[a-z0-9_]+", f"{p.before} {p.after}"))
        missing = sorted(used - defined)
        if missing:
            result.notes.append(f"line {p.line}: undefined synset {', '.join(missing)}: pattern skipped")
        else:
            kept.append(p)
    result.patterns = kept
    block_lemmas: dict[str, set[str]] = {}
    for v in result.verbs:
        block_lemmas.setdefault(v.block, set()).add(v.lemma)
    # The comment's first word is the verb only when it is one of the block's verbs (not initials).
    result.patterns = [p if p.verb in block_lemmas.get(p.block, ()) else _without_verb(p)
                       for p in result.patterns]


def _without_verb(p: Pattern) -> Pattern:
    return Pattern(p.block, "", p.before, p.after, p.code, p.direction, p.line)
