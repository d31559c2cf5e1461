"""Publication dates from metadata strings, never completed from today's date."""

from __future__ import annotations

import re
from functools import lru_cache

from dateparser.date import DateDataParser

_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
# "March. 22, 2023" (seen in machine-made headers): the stray period after the month name.
_MONTH_DOT = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|"
    r"July|August|September|October|November|December)\.(?=\s*\d)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={
            "REQUIRE_PARTS": ["year"],
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


def parse_publication_date(value: str | None) -> str | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` for a date string that states its year, else ``None``.

    Strings without an explicit four-digit year (``yesterday``, ``May 16``) are refused: the
    missing parts would otherwise be filled from the machine's clock.
    """
    if not value:
        return None
    text = _MONTH_DOT.sub(r"\1", value.strip())[:100]
    years = _YEAR.findall(text)
    if not years:
        return None
    iso = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?", text)
    if iso:
        return "-".join(p for p in iso.groups() if p)
    dotted = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text.split()[0].rstrip(",|")) if text.split() else None
    if dotted:
        # 04.07.2024 is day.month.year wherever the dotted form is used.
        day, month, year = (int(x) for x in dotted.groups())
        return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None
    data = _parser().get_date_data(text)
    if data.date_obj is None or str(data.date_obj.year) not in years:
        return None
    if data.period == "year":
        return f"{data.date_obj.year:04d}"
    if data.period == "month":
        return data.date_obj.strftime("%Y-%m")
    return data.date_obj.strftime("%Y-%m-%d")
