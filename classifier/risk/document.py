"""One draft as the recognizers see it: per field, the normalised text, its candidates and term hits."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import NamedTuple

from .base import Candidate
from .text import Segments, normalise


class Hit(NamedTuple):
    """One occurrence of a lexicon word: ``[start, end)`` and the tags of the word."""

    start: int
    end: int
    term: str
    tags: frozenset


class FieldText:
    """``title`` or ``body``: original and normalised text (same length), candidates, hits."""

    def __init__(self, name: str, original: str):
        self.name = name
        self.original = original
        self.text = normalise(original)
        self.segments = Segments(self.text)
        self.candidates: list[Candidate] = []
        self.hits: list[Hit] = []  # sorted by start
        self._starts: list[int] = []
        self.by_tag: dict[str, list[Hit]] = {}

    def set_hits(self, hits: list[Hit]) -> None:
        hits.sort(key=lambda h: (h.start, -h.end))
        self.hits = hits
        self._starts = [h.start for h in hits]
        by_tag: dict[str, list[Hit]] = {}
        for h in hits:
            for tag in h.tags:
                by_tag.setdefault(tag, []).append(h)
        self.by_tag = by_tag

    def hits_between(self, lo: int, hi: int) -> list[Hit]:
        """Hits lying entirely inside ``[lo, hi)``."""
        lo = max(lo, 0)
        i = bisect.bisect_left(self._starts, lo)
        out = []
        while i < len(self.hits) and self.hits[i].start < hi:
            if self.hits[i].end <= hi:
                out.append(self.hits[i])
            i += 1
        return out

    def terms_between(self, lo: int, hi: int) -> set[str]:
        return {h.term for h in self.hits_between(lo, hi)}

    def tagged(self, tag: str) -> list[Hit]:
        return self.by_tag.get(tag, [])

    def tagged_between(self, tag: str, lo: int, hi: int) -> list[Hit]:
        hits = self.by_tag.get(tag)
        if not hits:
            return []
        return [h for h in self.hits_between(lo, hi) if tag in h.tags]

    def ends_with_any(self, pos: int, words, within: int = 0) -> str | None:
        """A word of ``words`` ending at ``pos`` (or up to ``within`` characters before it)."""
        for h in self.hits_between(pos - 12 - within, pos):
            if h.term in words and pos - within <= h.end <= pos:
                return h.term
        return None


@dataclass
class PersonMention:
    """A name of a person the person recognizer found (before deciding whether it is private)."""

    field: str
    start: int
    end: int
    name: str
    cue: str = ""  # the role word before it ("患者", "举报人"…), or "list"/"place"
    sensitive: bool = False  # the cue itself marks a private, sensitive context
    minor: bool = False
    whistleblower: bool = False
    masked: bool = False  # 张某某 / 李* : already de-identified
    linked: bool = False  # an attribute (health, criminal record…) was found for this person


@dataclass
class Document:
    """The draft under review: its two fields plus scratch space shared by the recognizers."""

    title: FieldText
    body: FieldText
    persons: list[PersonMention] = field(default_factory=list)
    _pindex: tuple | None = None

    @property
    def fields(self) -> tuple[FieldText, FieldText]:
        return (self.title, self.body)

    def get(self, name: str) -> FieldText:
        return self.title if name == "title" else self.body

    def has_tag(self, tag: str) -> bool:
        return bool(self.title.tagged(tag) or self.body.tagged(tag))

    def persons_in(self, fld: str, lo: int, hi: int) -> list[PersonMention]:
        """Mentions in field ``fld`` overlapping ``[lo, hi)`` (bisect on an index rebuilt when persons change)."""
        if self._pindex is None or self._pindex[0] != len(self.persons):
            index = {}
            for p in sorted(self.persons, key=lambda p: p.start):
                starts, items = index.setdefault(p.field, ([], []))
                starts.append(p.start)
                items.append(p)
            self._pindex = (len(self.persons), index)
        starts, items = self._pindex[1].get(fld, ([], []))
        i = bisect.bisect_left(starts, lo - 8)
        out = []
        while i < len(starts) and starts[i] < hi:
            if items[i].end > lo:
                out.append(items[i])
            i += 1
        return out
