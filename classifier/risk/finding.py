"""The value the review hands out: one finding with a code-point span and its legal ground."""

from __future__ import annotations

from dataclasses import dataclass, fields



@dataclass(frozen=True)
class Finding:
    """One thing the review found: what (``type``), why (``ground``/``article``/``reason``), where.

    ``start``/``end`` are code-point offsets into the original ``field`` text ("title" or "body"),
    so ``text == original[start:end]``. ``replacement`` is the proposed de-identified value, or
    ``None`` when the span is left for a person to decide.
    """

    ground: str
    type: str
    article: str
    action: str
    field: str
    start: int
    end: int
    text: str
    score: float
    reason: str
    replacement: str | None = None

    def intersects(self, other: "Finding") -> bool:
        """Both findings are in the same field and their spans share at least one character."""
        return self.field == other.field and self.start < other.end and other.start < self.end

    def contains(self, other: "Finding") -> bool:
        """``other`` lies entirely inside this finding's span (same field)."""
        return self.field == other.field and self.start <= other.start and other.end <= self.end

    def to_dict(self) -> dict:
        """The finding as in docs/design.md section 3.1 (``score`` rounded to 2 decimals)."""
        d = {name: getattr(self, name) for name in _FIELDS}  # asdict() deep-copies: slow on every record
        d["score"] = round(self.score, 2)
        return d


_FIELDS = tuple(f.name for f in fields(Finding))
