"""Who reported it first: ordering the documents of a group by publication date.

Stored dates have three precisions (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``), so each is read as the
interval of days it may stand for. A document could have been first when its interval starts no
later than the earliest day by which some document had certainly appeared; when that holds for
more than one document the order cannot be told and the result is a tie, never a guess. Documents
without a (readable) date are kept aside in ``undated``: they could have come first too.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date

from relata.analyze.corroboration_model import DocumentInfo, Provenance

CLEAR, TIE, UNKNOWN = "clear", "tie", "unknown"

_DATE = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


def date_interval(published: str | None) -> tuple[date, date] | None:
    """The first and last day ``published`` may mean, or ``None`` when it is missing or unreadable."""
    match = _DATE.match(published or "")
    if not match:
        return None
    year = int(match["year"])
    try:
        if match["day"]:
            day = date(year, int(match["month"]), int(match["day"]))
            return day, day
        if match["month"]:
            month = int(match["month"])
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1), date(year, month, last)
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:  # month 13, February 30 ...
        return None


def first_reported(documents: Iterable[DocumentInfo]) -> Provenance:
    """The earliest document(s) of ``documents`` by publication date, with how sure that is."""
    unique = {doc.id: doc for doc in documents}
    dated: list[tuple[date, date, DocumentInfo]] = []
    undated: list[str] = []
    for doc in unique.values():
        interval = date_interval(doc.published)
        if interval is None:
            undated.append(doc.id)
        else:
            dated.append((*interval, doc))
    undated_ids = tuple(sorted(undated))
    if not dated:
        return Provenance(UNKNOWN, (), None, undated_ids)
    # By this day at least one document had certainly appeared; whoever started before could be first.
    certain_by = min(last for _, last, _ in dated)
    candidates = sorted(
        ((first, last, doc) for first, last, doc in dated if first <= certain_by),
        key=lambda item: (item[0], item[0] != item[1], item[2].id),
    )
    first_ids = tuple(doc.id for _, _, doc in candidates)
    status = CLEAR if len(first_ids) == 1 else TIE
    return Provenance(status, first_ids, candidates[0][2].published, undated_ids)


def publication_order(document: DocumentInfo) -> tuple:
    """A sort key putting dated documents first, earliest first, then undated ones; ties by id."""
    interval = date_interval(document.published)
    if interval is None:
        return (1, date.max, document.id)
    return (0, interval[0], document.id)
