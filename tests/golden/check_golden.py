#!/usr/bin/env python3
"""Check the hand annotations in tests/golden/ against the bundled examples.

Standalone: plain Python 3.9+, standard library only. Run from anywhere:

    python3 tests/golden/check_golden.py            # all golden files
    python3 tests/golden/check_golden.py -v         # also list every file checked

For every `tests/golden/NAME.json` it decodes `examples/NAME` the way a careful reader would
(gzip, BOMs, UTF-8, then GB18030 or Windows-1252; HTML reduced to its visible text; JSON Lines,
RSS and Atom split into their documents) and checks that

* every example file has a golden file and the document counts agree;
* every `must_keep`, `must_drop`, quote `text`, event `sentence`, claim `text` and time `text`
  occurs verbatim in that document's text (whitespace runs compared as one space);
* every event `trigger` occurs in its `sentence`; no `must_drop` string hides inside kept text;
* ids, kinds, PLOVER types, qualifiers, dates and TIMEX values are well formed, actor ids that
  events use are declared, every non-null `speaker_name` is the name of a declared actor;
* relative time expressions agree with the publication date (weekday names fall on that weekday
  within the week before or after, `yesterday`, `last month`, `next week` ... compute correctly),
  and are null when the document has no publication date.

Exit status 0 when clean, 1 otherwise. The golden files are annotations, not a test-suite:
the project's tests decide how strictly to compare extractor output with them (see README.md).
"""
from __future__ import annotations

import datetime as dt
import gzip
import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

GOLDEN_DIR = Path(__file__).resolve().parent
ROOT = GOLDEN_DIR.parents[1]
EXAMPLES = ROOT / "examples"

PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
QUOTE_KINDS = {"direct", "partial", "indirect"}
ACTOR_KINDS = {"person", "state", "organization", "group", "location"}
QUALIFIERS = {"exact", "more_than", "less_than", "about", "up_to"}
DOC_KEYS = {"title", "published", "author", "language", "must_keep", "must_drop",
            "actors", "quotes", "events", "claims", "times"}

DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TIMEX_RE = re.compile(
    r"^(\d{4}|\d{3}|XXXX)(-(\d{2}|W\d{2}|Q[1-4]|SP|SU|FA|WI)(-\d{2})?)?$"
)
STATE_ID_RE = re.compile(r"^[A-Z]{3}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]


# --------------------------------------------------------------------------- decoding
def decode(data: bytes, prefer_cjk: bool) -> str:
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return data.decode("gb18030" if prefer_cjk else "cp1252")


class _Visible(HTMLParser):
    """Collects the text a browser would show: no <head>, scripts, styles, noscript."""

    HIDDEN = {"head", "script", "style", "noscript", "template", "title"}
    BLOCK = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr",
             "section", "article", "header", "footer", "aside", "nav", "main", "figure",
             "figcaption", "form", "blockquote", "table", "td", "th"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(markup: str) -> str:
    parser = _Visible()
    parser.feed(markup)
    parser.close()
    return "".join(parser.parts)


def looks_like_html(text: str) -> bool:
    return re.match(r"(?is)\s*(<!doctype\s+html|<html)", text) is not None


def split_documents(path: Path, raw: str) -> list[dict]:
    """Return [{'text': visible body text, 'meta': raw text where metadata may be found}]."""
    name = path.name.lower()
    if name.endswith(".jsonl"):
        docs = []
        for line in raw.splitlines():
            if not line.strip():
                continue
            obj = json.loads(line)
            body = obj.get("text") or obj.get("content") or obj.get("body") or ""
            docs.append({"text": body, "meta": json.dumps(obj, ensure_ascii=False), "obj": obj})
        return docs
    head = raw.lstrip()[:400]
    if name.endswith((".xml", ".rss", ".atom")) or head.startswith("<?xml"):
        root = ET.fromstring(raw.encode("utf-8"))
        atom = "{http://www.w3.org/2005/Atom}"
        docs = []
        if root.tag == "rss":
            for item in root.iter("item"):
                encoded = item.find("{http://purl.org/rss/1.0/modules/content/}encoded")
                desc = item.find("description")
                body = encoded.text if encoded is not None and encoded.text else (desc.text or "")
                docs.append({"text": visible_text(body), "meta": html.unescape(item.findtext("title") or "")})
        elif root.tag == atom + "feed":
            for entry in root.iter(atom + "entry"):
                content = entry.find(atom + "content")
                if content is None:
                    content = entry.find(atom + "summary")
                body = content.text or "" if content is not None else ""
                docs.append({"text": visible_text(body), "meta": html.unescape(entry.findtext(atom + "title") or "")})
        return docs
    if looks_like_html(raw):
        return [{"text": visible_text(raw), "meta": html.unescape(raw)}]
    return [{"text": raw, "meta": raw}]


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ").replace("\u3000", " ")).strip()


# --------------------------------------------------------------------------- time checks
def _month_shift(d: dt.date, k: int) -> str:
    m = d.year * 12 + (d.month - 1) + k
    return f"{m // 12:04d}-{m % 12 + 1:02d}"


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def expected_relative(text: str, pub: dt.date):
    """Value a relative expression must have, or a checker function, or None if not handled."""
    t = text.lower().strip()
    one = dt.timedelta(days=1)
    week = dt.timedelta(days=7)
    table = {
        "yesterday": (pub - one).isoformat(), "today": pub.isoformat(), "tomorrow": (pub + one).isoformat(),
        "last week": _week(pub - week), "this week": _week(pub), "next week": _week(pub + week),
        "last month": _month_shift(pub, -1), "this month": _month_shift(pub, 0), "next month": _month_shift(pub, 1),
        "last year": str(pub.year - 1), "this year": str(pub.year), "next year": str(pub.year + 1),
        "earlier this year": str(pub.year), "今年": str(pub.year), "去年": str(pub.year - 1),
    }
    if t in table:
        return table[t]
    if t in WEEKDAYS:
        idx = WEEKDAYS.index(t)

        def check(v):
            d = dt.date.fromisoformat(v)
            return d.weekday() == idx and 0 < abs((d - pub).days) <= 7
        return check
    m = re.fullmatch(r"the (\d{1,2})(st|nd|rd|th)", t) or re.fullmatch(r"(\d{1,2})日", t)
    if m:
        day = int(m.group(1))
        return lambda v: re.fullmatch(r"\d{4}-\d{2}-\d{2}", v or "") is not None and int(v[8:]) == day
    if t in MONTHS:
        mon = MONTHS.index(t) + 1
        return lambda v: re.fullmatch(r"\d{4}-\d{2}", v or "") is not None and int(v[5:7]) == mon
    return None


RELATIVE_WORDS = re.compile(
    r"(?i)\b(yesterday|today|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"last|next|this|ago|the \d{1,2}(st|nd|rd|th))\b|今年|去年|明年|昨天|今天"
)


# --------------------------------------------------------------------------- checks
def check_document(gdoc: dict, src: dict, where: str, errors: list[str]) -> dict:
    counts = {"quotes": 0, "events": 0, "claims": 0, "times": 0}
    missing = DOC_KEYS - set(gdoc)
    if missing:
        errors.append(f"{where}: missing keys {sorted(missing)}")
        return counts
    body = norm(src["text"])

    def need(s: str, what: str) -> None:
        if not isinstance(s, str) or not s:
            errors.append(f"{where}: {what} is empty or not a string")
        elif norm(s) not in body:
            errors.append(f"{where}: {what} not found verbatim: {s!r}")

    title = gdoc["title"]
    if title is not None and norm(title) not in norm(src["meta"]):
        errors.append(f"{where}: title not found in the source: {title!r}")
    pub = gdoc["published"]
    if pub is not None and not DATE_RE.match(pub):
        errors.append(f"{where}: bad published {pub!r}")
    if not re.fullmatch(r"[a-z]{2}", gdoc["language"] or ""):
        errors.append(f"{where}: bad language {gdoc['language']!r}")
    if len(gdoc["must_keep"]) < 3:
        errors.append(f"{where}: fewer than 3 must_keep strings")

    kept = list(gdoc["must_keep"]) + [q["text"] for q in gdoc["quotes"]] + [e["sentence"] for e in gdoc["events"]]
    for s in gdoc["must_keep"]:
        need(s, "must_keep")
    for s in gdoc["must_drop"]:
        need(s, "must_drop")
        for k in kept:
            if norm(s) in norm(k):
                errors.append(f"{where}: must_drop {s!r} occurs inside kept text {k[:60]!r}")

    ids, names = set(), set()
    for a in gdoc["actors"]:
        aid, kind, country = a.get("id"), a.get("kind"), a.get("country")
        if aid in ids:
            errors.append(f"{where}: duplicate actor id {aid!r}")
        ids.add(aid)
        names.add(a.get("name"))
        if kind not in ACTOR_KINDS:
            errors.append(f"{where}: actor {aid!r} has bad kind {kind!r}")
        if kind == "state":
            if not STATE_ID_RE.match(aid or "") or country != aid:
                errors.append(f"{where}: state actor {aid!r} must use its ISO alpha-3 code as id and country")
        elif not SLUG_RE.match(aid or ""):
            errors.append(f"{where}: actor id {aid!r} is not a lowercase slug")
        if country is not None and not STATE_ID_RE.match(country):
            errors.append(f"{where}: actor {aid!r} has bad country {country!r}")

    for q in gdoc["quotes"]:
        counts["quotes"] += 1
        need(q.get("text"), "quote text")
        if q.get("kind") not in QUOTE_KINDS:
            errors.append(f"{where}: quote kind {q.get('kind')!r}")
        sp = q.get("speaker_name")
        if sp is not None and sp not in names:
            errors.append(f"{where}: speaker_name {sp!r} is not a declared actor name")
        if not q.get("cue"):
            errors.append(f"{where}: quote without cue: {q.get('text', '')[:40]!r}")

    for e in gdoc["events"]:
        counts["events"] += 1
        if e.get("type") not in PLOVER:
            errors.append(f"{where}: event type {e.get('type')!r} is not PLOVER")
        for side in ("source", "target"):
            if e.get(side) is not None and e[side] not in ids:
                errors.append(f"{where}: event {side} {e[side]!r} is not a declared actor")
        need(e.get("sentence"), "event sentence")
        if norm(e.get("trigger") or "") not in norm(e.get("sentence") or ""):
            errors.append(f"{where}: trigger {e.get('trigger')!r} not in its sentence")
        if not isinstance(e.get("negated_or_hypothetical"), bool):
            errors.append(f"{where}: negated_or_hypothetical must be a boolean")

    for c in gdoc["claims"]:
        counts["claims"] += 1
        need(c.get("text"), "claim text")
        if not isinstance(c.get("value"), (int, float)) or isinstance(c.get("value"), bool):
            errors.append(f"{where}: claim value {c.get('value')!r} is not a number")
        if not c.get("unit"):
            errors.append(f"{where}: claim without unit: {c.get('text')!r}")
        if c.get("qualifier") not in QUALIFIERS:
            errors.append(f"{where}: claim qualifier {c.get('qualifier')!r}")
        if not isinstance(c.get("change"), bool):
            errors.append(f"{where}: claim change must be a boolean")

    pub_date = dt.date.fromisoformat(pub) if pub and len(pub) == 10 else None
    for t in gdoc["times"]:
        counts["times"] += 1
        text, value = t.get("text"), t.get("value")
        need(text, "time text")
        if value is not None and not TIMEX_RE.match(value):
            errors.append(f"{where}: bad TIMEX value {value!r} for {text!r}")
        if pub is None:
            if RELATIVE_WORDS.search(text or "") and value is not None:
                errors.append(f"{where}: undated document but relative {text!r} has value {value!r}")
            continue
        if pub_date is None:
            continue
        exp = expected_relative(text, pub_date)
        if exp is None:
            continue
        ok = exp(value) if callable(exp) else exp == value
        if not ok:
            errors.append(f"{where}: time {text!r} = {value!r} disagrees with published {pub}"
                          + ("" if callable(exp) else f" (expected {exp})"))
    return counts


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    errors: list[str] = []
    totals = {"files": 0, "documents": 0, "quotes": 0, "events": 0, "claims": 0, "times": 0}
    golden_files = sorted(p for p in GOLDEN_DIR.glob("*.json"))
    covered = set()
    for gpath in golden_files:
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        rel = gold.get("file", "")
        src_path = ROOT / rel
        covered.add(src_path.name)
        if gpath.name != src_path.name + ".json":
            errors.append(f"{gpath.name}: should be named {src_path.name}.json")
        if not src_path.is_file():
            errors.append(f"{gpath.name}: source {rel} does not exist")
            continue
        docs = gold.get("documents") or []
        prefer_cjk = any(d.get("language") in ("zh", "ja") for d in docs)
        raw = decode(src_path.read_bytes(), prefer_cjk)
        src_docs = split_documents(src_path, raw)
        if len(src_docs) != len(docs):
            errors.append(f"{gpath.name}: {len(docs)} golden documents but {len(src_docs)} in {rel}")
            continue
        totals["files"] += 1
        for i, (gdoc, sdoc) in enumerate(zip(docs, src_docs, strict=False)):
            where = f"{gpath.name}[{i}]"
            c = check_document(gdoc, sdoc, where, errors)
            totals["documents"] += 1
            for k, v in c.items():
                totals[k] += v
            if verbose:
                print(f"checked {where}: {c}")
    if EXAMPLES.is_dir():
        for p in sorted(EXAMPLES.iterdir()):
            if p.is_file() and p.name != "README.md" and p.name not in covered:
                errors.append(f"examples/{p.name} has no golden file")
    for e in errors:
        print("ERROR", e)
    print(("FAILED" if errors else "OK") + ": " + ", ".join(f"{v} {k}" for k, v in totals.items())
          + (f"; {len(errors)} problem(s)" if errors else ""))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
