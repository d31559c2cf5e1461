"""What corroboration works on and what it finds, as frozen dataclasses.

A *mention* is one stored claim or quote together with the metadata of the document carrying it;
a *group* is the same figure or the same quote reported by one or more documents, with its
provenance (who reported it first). Nothing here touches the store or the command line.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """The document metadata that corroboration needs: who published it, and when."""

    id: str
    outlet: str | None
    published: str | None  # YYYY-MM-DD, YYYY-MM or YYYY, as stored; None where unknown
    source: str
    title: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimMention:
    document: DocumentInfo
    position: int  # the claim's position in its document (claims.position)
    text: str
    value: float
    unit: str
    qualifier: str
    measure: str | None
    period: str | None
    change: bool


@dataclass(frozen=True, slots=True)
class QuoteMention:
    document: DocumentInfo
    position: int  # the quote's position in its document (quotes.position)
    text: str
    kind: str
    speaker: str | None
    speaker_name: str | None


@dataclass(frozen=True, slots=True)
class Provenance:
    """Who reported an item first, by publication date.

    ``status`` says how sure that is:
    ``clear``   one dated document is strictly earliest;
    ``tie``     several documents share the earliest date (all are in ``first``), or a date known
                only to the month or year overlaps the earliest day so the order cannot be told;
    ``unknown`` no document of the group is dated (``first`` is empty).
    ``undated`` lists the documents without a date: they could have been earlier than ``first``.
    """

    status: str
    first: tuple[str, ...]
    published: str | None
    undated: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """One figure reported by ``members``; ``conflicts`` are ids of groups that contradict it
    (the same measure and period, a different value)."""

    id: int
    unit: str
    value: float  # the value most members give (the most precise one on a tie)
    qualifier: str
    measure: str | None
    period: str | None
    change: bool
    members: tuple[ClaimMention, ...]
    provenance: Provenance
    conflicts: tuple[int, ...] = ()

    @property
    def documents(self) -> tuple[str, ...]:
        return _distinct(m.document.id for m in self.members)

    @property
    def outlets(self) -> tuple[str, ...]:
        return _distinct(m.document.outlet for m in self.members if m.document.outlet)


@dataclass(frozen=True, slots=True)
class QuoteGroup:
    """One quote reported by ``members`` in the same or nearly the same words."""

    id: int
    text: str  # the longest wording: trimmed versions are shorter
    speaker: str | None
    speaker_name: str | None
    members: tuple[QuoteMention, ...]
    provenance: Provenance

    @property
    def documents(self) -> tuple[str, ...]:
        return _distinct(m.document.id for m in self.members)

    @property
    def outlets(self) -> tuple[str, ...]:
        return _distinct(m.document.outlet for m in self.members if m.document.outlet)

    @property
    def speakers(self) -> tuple[str, ...]:
        """Every speaker name the members give: more than one means outlets disagree on who said it."""
        return _distinct(m.speaker_name for m in self.members if m.speaker_name)


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two groups giving different values for the same measure and period."""

    group: int
    other: int


@dataclass(frozen=True, slots=True)
class Corroboration:
    claims: tuple[ClaimGroup, ...] = ()
    quotes: tuple[QuoteGroup, ...] = ()

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        return tuple(
            Conflict(group.id, other) for group in self.claims for other in group.conflicts if group.id < other
        )


def _distinct(values) -> tuple:
    return tuple(dict.fromkeys(values))
