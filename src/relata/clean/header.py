"""Metadata written into plain text: title, byline, outlet and dated header lines.

Only the first lines of a document (and copyright lines anywhere) are read as header; a dated
line deep in the body is article text, not the publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from relata.ingest.dates import parse_publication_date

HEADER_LINES = 14
TITLE_MAX_CHARS = 200

_DATE_LABEL = re.compile(
    r"^(release date|released|published( on)?|publication date|posted( on)?|date|dated|updated( on)?|"
    r"last updated|first published|broadcast|aired|recorded)\s*[:\-–]?\s*(?P<value>.+)$",
    re.IGNORECASE,
)
# "May 16, 2024 | Updated" or "March 22, 2023 07:58" alone on a line.
_BARE_DATE = re.compile(
    r"^(?P<value>(\w+\.?,? )?(\d{1,2}\.? )?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"( \d{1,2})?,? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})"
    r"([ ,T]+\d{1,2}:\d{2}(:\d{2})?( ?[ap]\.?m\.?)?( ?[A-Z]{2,4})?)?\s*([|·•,\-–]\s*(updated|update|modified)?.*)?$",
    re.IGNORECASE,
)
_TITLE_LABEL = re.compile(r"^(topic|title|headline|subject|transcript)\s*:\s*(?P<value>.+)$", re.IGNORECASE)
_BYLINE = re.compile(
    r"^(by|written by|author|words by|reporting by)\s*:?\s+(?P<value>[A-Z][\w.'\- ]{1,60}?)"
    r"(\s*[,|/]\s*(?P<outlet>[\w .'&\-]{2,60}))?$",
    re.IGNORECASE,
)
_DASH_BYLINE = re.compile(r"^(--|—|–)\s*(?P<value>[^\s].{0,60})$")
_OUTLET_LABEL = re.compile(r"^(source|outlet|publication|publisher)\s*:\s*(?P<value>.{2,80})$", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<value>[^,|.©]{2,60}?)"
    r"(?:\.|,|\||all rights reserved|privacy policy|$)",
    re.IGNORECASE,
)
# Chinese news pages: 发布时间：2024年3月8日 09:30　来源：某网 (published, source) on one line.
_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CJK_META = re.compile(r"(发布时间|发布日期|时间|日期|来源)\s*[:：]")
_CJK_SOURCE = re.compile(r"来源\s*[:：]\s*(?P<value>[^\s　]{2,30})")
_LANGUAGE_NOTE = re.compile(r"^original language( version)?\s*:.*$", re.IGNORECASE)


@dataclass
class HeaderMetadata:
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    dropped: int = 0


def read_header(lines: list[str]) -> tuple[list[str], HeaderMetadata]:
    """Remove metadata lines from the head of ``lines`` and return what they said.

    The headline itself stays in the text (it is the first sentence of the article); labelled
    lines (``Release Date: ...``, ``By ...``, ``Topic: ...``) are removed once read.
    """
    meta = HeaderMetadata()
    kept: list[str] = []
    seen_content = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            kept.append(line)
            continue
        in_header = seen_content < HEADER_LINES
        if in_header and _consume_header_line(stripped, meta, lines, index):
            meta.dropped += 1
            continue
        if meta.outlet is None:
            copyright_match = _COPYRIGHT.match(stripped)
            if copyright_match and len(stripped) < 160:
                meta.outlet = re.sub(r"\s+\d{4}$", "", copyright_match.group("value")).strip(" -–")
        kept.append(line)
        seen_content += 1
    return kept, meta


def _consume_header_line(stripped: str, meta: HeaderMetadata, lines: list[str], index: int) -> bool:
    for regex in (_DATE_LABEL, _BARE_DATE):
        match = regex.match(stripped)
        if match and len(stripped) < 120:
            date = parse_publication_date(match.group("value").split("|")[0])
            if date:
                # The first dated header line is the publication; later ones ("Updated") are not.
                if meta.published is None:
                    meta.published = date
                return True
    match = _TITLE_LABEL.match(stripped)
    if match and meta.title is None:
        meta.title = re.split(r"\s+(--|—|–)\s+", match.group("value"))[0].strip().strip('"“”')
        return True
    match = _BYLINE.match(stripped)
    if match and meta.author is None:
        meta.author = match.group("value").strip()
        if match.group("outlet") and meta.outlet is None:
            meta.outlet = match.group("outlet").strip()
        return True
    match = _DASH_BYLINE.match(stripped)
    if match and meta.author is None and len(match.group("value").split()) <= 5:
        meta.author = match.group("value").strip()
        return True
    match = _OUTLET_LABEL.match(stripped)
    if match and meta.outlet is None:
        meta.outlet = match.group("value").strip()
        return True
    if _LANGUAGE_NOTE.match(stripped):
        return True
    if _CJK_META.search(stripped) and len(stripped) < 120:
        date = _CJK_DATE.search(stripped)
        if date and meta.published is None:
            year, month, day = (int(x) for x in date.groups())
            meta.published = f"{year:04d}-{month:02d}-{day:02d}"
        source = _CJK_SOURCE.search(stripped)
        if source and meta.outlet is None:
            meta.outlet = source.group("value")
        return True
    if _is_breadcrumb(stripped, lines, index):
        return True
    return False


def _is_breadcrumb(stripped: str, lines: list[str], index: int) -> bool:
    """``Home News <headline>`` directly above the headline itself."""
    if not re.match(r"^home\b", stripped, re.IGNORECASE):
        return False
    following = next((line.strip() for line in lines[index + 1:] if line.strip()), "")
    return bool(following) and stripped.endswith(following) and len(following) < len(stripped)


def read_headline(lines: list[str], meta: HeaderMetadata) -> list[str]:
    """Find the headline among the short lines above the body; drop the outlet and section labels.

    Above the first body line (a sentence-like line) sit the outlet name, section labels
    (``Security | Borders``, ``EUROPE``) and the headline. The headline is the longest of them
    in words that is not an all-capitals label; the lines above it are page furniture.
    """
    index_of = [i for i, line in enumerate(lines) if line.strip()]
    candidates: list[int] = []
    body_found = False
    for i in index_of[:HEADER_LINES]:
        if _is_body_line(lines[i].strip()):
            body_found = True
            break
        candidates.append(i)
    if not candidates or not body_found:
        # No body line below: a short text or a list; nothing is safe to call furniture.
        return lines
    headline = None
    if meta.title is None:
        scored = [(_headline_words(lines[i].strip()), -i, i) for i in candidates]
        best = max(scored)
        if best[0] >= 3:
            headline = best[2]
            meta.title = lines[headline].strip()[:TITLE_MAX_CHARS]
    else:
        headline = next((i for i in candidates if lines[i].strip() == meta.title), None)
    if meta.published is None:
        for i in candidates:
            date = _date_inside(lines[i])
            if date:
                meta.published = date
                break
    above = candidates[: candidates.index(headline)] if headline is not None else []
    furniture = {i for i in above if _is_label_line(lines[i].strip())}
    if meta.outlet is None and furniture:
        first = lines[min(furniture)].strip()
        name = re.split(r"\s+[|·•]\s+|\s+[-–—]\s+", first)[0].strip()
        if 1 <= len(name.split()) <= 6 and not _date_inside(name):
            meta.outlet = name
    if meta.outlet:
        outlet = meta.outlet.casefold()
        furniture |= {i for i in candidates if lines[i].strip().casefold() == outlet}
    meta.dropped += len(furniture)
    return [line for i, line in enumerate(lines) if i not in furniture]


def _is_label_line(line: str) -> bool:
    return len(line.split()) <= 8 and not line.endswith((".", "!", "?", '"', "”"))


def _cjk_count(line: str) -> int:
    return sum(1 for ch in line if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af")


def _is_body_line(line: str) -> bool:
    if _cjk_count(line) >= 20 and line.endswith(("。", "！", "？", "”")):
        return True
    words = line.split()
    return len(line) > 160 or (len(words) >= 8 and line.endswith((".", "!", '"', "”", "’", "'"))) or (
        ":" in line[:40] and len(words) >= 8
    )


def _headline_words(line: str) -> int:
    """Words that make a headline; labels (all capitals, ``A | B`` of short parts, dates) score 0."""
    letters = [ch for ch in line if ch.isalpha()]
    if letters and sum(ch.isupper() for ch in letters) / len(letters) > 0.8:
        return 0
    parts = re.split(r"\s+[|·•]\s+", line)
    if len(parts) > 1 and max(len(p.split()) for p in parts) <= 3:
        return 0
    if _date_inside(line) and len(line.split()) <= 6:
        return 0
    # Ideographic headlines have no spaces: about two characters make a word.
    return max(len(line.split()), _cjk_count(line) // 2)


_DATE_IN_LINE = re.compile(
    r"((\d{1,2} )?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?( \d{1,2})?,? \d{4}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})",
    re.IGNORECASE,
)


def _date_inside(line: str) -> str | None:
    match = _DATE_IN_LINE.search(line)
    return parse_publication_date(match.group(0)) if match else None
