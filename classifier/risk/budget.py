"""The total work of one review is bounded; no single word or shape is capped.

Work is counted in *units*, roughly a microsecond of CPU each: an identifier candidate of the
combined regex 1 (an address candidate, which reads its neighbourhood, :data:`CANDIDATE_WEIGHT`),
an occurrence of a trigger word :data:`TRIGGER_WEIGHT`, of a person cue :data:`PERSON_CUE_WEIGHT`.
A field may spend :data:`BASE_UNITS` plus :data:`UNITS_PER_CHAR` units per character — above any
real draft: a 10,000-row list of ID numbers and addresses spends about 0.5 units per character, a
list of patients with their diagnoses (one row in 20 characters) about 2. A field that would spend
more (hostile input: "学生" × 100,000, a megabyte of "1号") is reviewed up to the line where its
budget runs out, and the rest becomes one ``review`` finding that says why (docs/design.md section
2: a bound on work either still covers the whole text or turns the item into ``review`` with a
reason). So the cost per character of any input stays within a small factor of a dense real text.
"""

from __future__ import annotations

import bisect
from itertools import accumulate

BASE_UNITS = 20_000
UNITS_PER_CHAR = 2
TRIGGER_WEIGHT = 5
PERSON_CUE_WEIGHT = 30
CANDIDATE_WEIGHT = {"house": 12}
"""Units of a candidate by shape (default 1): an address reads its whole neighbourhood."""
MAX_CANDIDATE_WEIGHT = max(1, *CANDIDATE_WEIGHT.values())
LINE_BACK = 2000
"""The cut moves back to the start of its line when that line began at most this many characters before."""

UNREVIEWED_TYPE = "unreviewed"
UNREVIEWED_GROUND = "privacy"


def allowed(length: int) -> int:
    return BASE_UNITS + UNITS_PER_CHAR * length


def cut(fld, stop: int | None, trigger_tags: frozenset[str], person_tag: str) -> tuple[int, int] | None:
    """``(position, units)`` where the field's work exceeds its budget, or ``None`` if it fits.

    ``stop`` is where a scanning pass already ran out of budget (``RecognizerRegistry.scan``)."""
    budget = allowed(len(fld.text))
    if stop is None and (len(fld.candidates) * MAX_CANDIDATE_WEIGHT + len(fld.hits) * PERSON_CUE_WEIGHT) <= budget:
        return None  # cannot exceed it, whatever the weights (every ordinary draft)
    weight_of: dict[frozenset, int] = {}  # one weight per distinct tag set (a word's tags are shared)
    for h in fld.hits:
        if h.tags not in weight_of:
            weight_of[h.tags] = (0 if h.tags.isdisjoint(trigger_tags) else PERSON_CUE_WEIGHT if person_tag in h.tags
                                 else TRIGGER_WEIGHT)
    units = [(c.start, CANDIDATE_WEIGHT.get(c.shape, 1)) for c in fld.candidates]
    units += [(h.start, w) for h in fld.hits if (w := weight_of[h.tags])]
    total = sum(w for _, w in units)
    if total <= budget and stop is None:
        return None
    units.sort()  # two sorted runs (candidates, hits): a merge
    pos = stop if stop is not None else len(fld.text)
    spent = list(accumulate(w for _, w in units))
    over = bisect.bisect_right(spent, budget)  # the first unit past the budget
    if over < len(units):
        pos = min(pos, units[over][0])
    line = fld.text.rfind("\n", max(0, pos - LINE_BACK), pos) + 1
    return (line if line > 0 else pos), max(total, budget + 1)


def reason(total: int, length: int) -> str:
    return (f"号码或关键词异常密集（本字段约 {total:,} 处，超出自动审查上限 {allowed(length):,} 处），"
            "此处起未逐一审查 — 需人工审核")
