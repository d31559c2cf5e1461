"""The feeds file ``watch`` follows, and how often it follows it.

One feed or sitemap URL per line; blank lines and ``#`` comments are ignored, so a file can say
which outlet each line is for.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd])", re.IGNORECASE)
# A comment starts a line or follows a space, so a "#" inside a URL stays part of it.
_COMMENT = re.compile(r"(^|\s)#.*")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def read_watchlist(text: str) -> tuple[list[str], list[tuple[int, str]]]:
    """The URLs in a feeds file, and the lines (number, content) that are not http(s) URLs."""
    urls, bad = [], []
    for number, line in enumerate(text.splitlines(), 1):
        line = _COMMENT.sub("", line).strip()
        if not line:
            continue
        parts = urlsplit(line)
        if parts.scheme in ("http", "https") and parts.netloc and " " not in line:
            urls.append(line)
        else:
            bad.append((number, line))
    return list(dict.fromkeys(urls)), bad


def parse_interval(value: str) -> float:
    """Seconds in ``30m``, ``1h``, ``1h30m``, ``90s``, ``1d`` or a bare number of seconds."""
    text = value.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        seconds = float(text)
    elif re.fullmatch(rf"(?:{_INTERVAL.pattern}\s*)+", text, re.IGNORECASE):
        seconds = sum(float(n) * _SECONDS[unit.lower()] for n, unit in _INTERVAL.findall(text))
    else:
        raise ValueError(f"{value!r} is not an interval (e.g. 30m, 1h, 90s)")
    if seconds <= 0:
        raise ValueError(f"{value!r} is not a positive interval")
    return seconds
