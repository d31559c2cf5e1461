"""The raw document: decoded body (plain text or HTML) plus metadata a container gave."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class RawDocument:
    source: str
    body: str
    kind: str  # "text" or "html"
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None

    @property
    def content_hash(self) -> str:
        """Hash of everything that shapes the record, for skipping unchanged inputs before parsing."""
        h = hashlib.sha256()
        for part in (self.kind, self.body, self.title, self.author, self.outlet, self.published, self.url):
            h.update((part or "").encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.hexdigest()
