"""What the person finders hand to the rest of the review: immutable mentions and their index."""

from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class PersonMention:
    """A name of a person in one field (before deciding whether it is private).

    ``cue`` says how it was found: the role word before it ("患者", "举报人"…), or "list", "table",
    "age", "profile", "addressee", "place", "context", "own" (after an official's title, before the official's
    own private statement), "repeat", "tagger".
    """

    field: str
    start: int
    end: int
    name: str
    cue: str = ""
    sensitive: bool = False  # the cue itself marks a private, sensitive context
    minor: bool = False
    whistleblower: bool = False
    masked: bool = False  # 张某某 / 李* : already de-identified
    name_span: tuple[int, int] | None = None  # the name inside a longer span ("张三（9岁）")
    score: float = 0.0  # the name model's score for "tagger" mentions
    # a label or a line opens it and its holder's profile closes it ("当事人：黄金根，男，"), or a name column's cell holds it
    framed: bool = False

    @property
    def key(self) -> tuple[str, int]:
        return self.field, self.start

    @property
    def name_text(self) -> str:
        """The name itself (``name`` may carry the age: "张三（9岁）")."""
        if self.name_span is None:
            return self.name
        return self.name[self.name_span[0] - self.start:self.name_span[1] - self.start]

    def with_cue(self, cue: str) -> "PersonMention":
        return replace(self, cue=cue)


VOUCHED_CUES = frozenset(("tagger",))


class Mentions:
    """The mentions being collected by the finders of one document: one per ``(field, start)``."""

    def __init__(self, plausible=None):
        self._by_key: dict[tuple[str, int], PersonMention] = {}
        self._plausible = plausible  # NameReader.plausible: one gate for every finder's readings

    def __contains__(self, key: tuple[str, int]) -> bool:
        return key in self._by_key

    def get(self, key: tuple[str, int]) -> PersonMention | None:
        return self._by_key.get(key)

    def add(self, mention: PersonMention) -> bool:
        """Keep ``mention`` unless one starts at the same place (the first reading wins) or it is no name."""
        if mention.key in self._by_key or not self._keeps(mention):
            return False
        self._by_key[mention.key] = mention
        return True

    def put(self, mention: PersonMention) -> None:
        """Replace the mention at the same place (a finder that reads it better: a list item read by age)."""
        if self._keeps(mention):
            self._by_key[mention.key] = mention

    def discard(self, key: tuple[str, int]) -> None:
        """Drop the mention at ``key`` (a reading found to be no name of its own)."""
        self._by_key.pop(key, None)

    def _keeps(self, mention: PersonMention) -> bool:
        # a name column's cell, the name model or a label and a profile around it has read a whole name ("黄金妹",
        # "宁德厚", "当事人：黄金根，男"): only a two-character reading there can be a word that opens a longer one
        name = mention.name_text
        vouched = (mention.cue in VOUCHED_CUES or mention.framed) and len(name) > 2
        return mention.masked or self._plausible is None or self._plausible(name, vouched)

    def __iter__(self):
        return iter(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)


_PLACE = operator.attrgetter("field", "start", "end")


class PersonIndex:
    """The persons of a document, as the attribute recognizers (stage 2) and the decision read them."""

    __slots__ = ("mentions", "_index")

    def __init__(self, mentions=()):
        self.mentions: tuple[PersonMention, ...] = tuple(sorted(mentions, key=_PLACE))
        index: dict[str, tuple[list[int], list[PersonMention], list[int]]] = {}
        for p in self.mentions:
            starts, items, ends = index.setdefault(p.field, ([], [], []))
            starts.append(p.start)
            items.append(p)
            ends.append(p.end)
        self._index = index

    def __iter__(self):
        return iter(self.mentions)

    def __len__(self) -> int:
        return len(self.mentions)

    def between(self, fld: str, lo: int, hi: int) -> list[PersonMention]:
        """Mentions in field ``fld`` overlapping ``[lo, hi)``."""
        starts, items, _ = self._index.get(fld, ([], [], []))
        i = bisect.bisect_left(starts, lo - 8)
        out = []
        while i < len(starts) and starts[i] < hi:
            if items[i].end > lo:
                out.append(items[i])
            i += 1
        return out

    def nearest(self, fld: str, pos: int, lo: int, hi: int, k: int, keep=None) -> list[PersonMention]:
        """Up to ``k`` mentions of ``fld`` overlapping ``[lo, hi)`` nearest to ``pos`` that ``keep`` accepts
        (walks outward from ``pos``: the cost is ``k``, not the number of names around)."""
        starts, items, ends = self._index.get(fld, ([], [], []))
        i = bisect.bisect_left(starts, pos)
        left, right = i - 1, i
        before: list[PersonMention] = []  # walked leftwards: descending starts
        after: list[PersonMention] = []  # walked rightwards: ascending starts
        n = len(starts)
        found = 0
        while found < k:
            can_left = left >= 0 and ends[left] > lo
            can_right = right < n and starts[right] < hi
            if can_left and (not can_right or pos - starts[left] <= starts[right] - pos):
                p = items[left]
                left -= 1
                if keep is None or keep(p):
                    before.append(p)
                    found += 1
            elif can_right:
                p = items[right]
                right += 1
                if keep is None or keep(p):
                    after.append(p)
                    found += 1
            else:
                break
        before.reverse()
        return before + after  # in order of start, without a sort
