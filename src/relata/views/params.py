"""What a caller may ask the views for: filters and a page window, validated before any query.

Both the static report and the web app build these from their own inputs (fixed values, query
strings); a bad value raises :class:`InvalidParameterError` with a message meant for the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from relata.errors import RelataError
from relata.records import PLOVER_TYPES

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
# DuckDB takes OFFSET as a 64-bit integer; nobody pages this far, and a bound keeps it an int.
MAX_OFFSET = 1_000_000_000
MAX_TEXT = 200
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class InvalidParameterError(RelataError, ValueError):
    """A filter, period or page window the views cannot honour."""


class NotFoundError(RelataError, LookupError):
    """The thing asked for (a document id) is not in the store."""


@dataclass(frozen=True, slots=True)
class PageRequest:
    limit: int = DEFAULT_LIMIT
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= MAX_LIMIT:
            raise InvalidParameterError(f"limit must be between 1 and {MAX_LIMIT}, not {self.limit}")
        if not 0 <= self.offset <= MAX_OFFSET:
            raise InvalidParameterError(f"offset must be between 0 and {MAX_OFFSET}, not {self.offset}")


FIRST_PAGE = PageRequest()
ALL = PageRequest(limit=MAX_LIMIT)


@dataclass(frozen=True, slots=True)
class Filters:
    """Narrowing a listing. Every field is optional; empty strings count as absent.

    ``actor``: an actor id, name or alias (a state includes its people); ``type``: a PLOVER type;
    ``date_from``/``date_to``: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, inclusive, compared with the
    document's publication date at the precision given; ``outlet``: exact, case-insensitive;
    ``q``: a substring, case-insensitive.
    """

    q: str | None = None
    actor: str | None = None
    type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None

    def __post_init__(self) -> None:
        for name in ("q", "actor", "type", "date_from", "date_to", "outlet"):
            value = getattr(self, name)
            if value is not None:
                value = value.strip()
                if len(value) > MAX_TEXT:
                    raise InvalidParameterError(f"{name} is longer than {MAX_TEXT} characters")
                if _CONTROL.search(value):
                    raise InvalidParameterError(f"{name} contains control characters")
            object.__setattr__(self, name, value or None)
        if self.type is not None:
            kind = self.type.upper()
            if kind not in PLOVER_TYPES:
                raise InvalidParameterError(
                    f"type must be a PLOVER type ({', '.join(PLOVER_TYPES)}), not {self.type!r}")
            object.__setattr__(self, "type", kind)
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and not _DATE.match(value):
                raise InvalidParameterError(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")

    @property
    def active(self) -> bool:
        return any(getattr(self, name) for name in self.__slots__)


NO_FILTERS = Filters()


def like_pattern(text: str) -> str:
    """``text`` as an ILIKE pattern matching it anywhere, with its own wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
