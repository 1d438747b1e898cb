"""The total work of one review is bounded; no single word or shape is capped.

Work is counted in *units*, roughly a microsecond of CPU each (weights measured with
``bench/hostile.py``, every word repeated alone): an identifier candidate of the combined regex 1
(an address candidate, which reads its neighbourhood, :data:`CANDIDATE_WEIGHT`), an occurrence of
a trigger word :data:`TRIGGER_WEIGHT`, of a person cue or a private statement (health, social
assistance, criminal record, religion: the rules read a name around it) :data:`PERSON_CUE_WEIGHT`
(:data:`TRIGGER_WEIGHT` inside a longer one: "腺癌" in "乳腺癌"), and, with a name model, every
character it may be asked about :data:`MODEL_CHAR_WEIGHT` (``Recognizer.work``: its merged
windows, known from the scan). A field may spend :data:`BASE_UNITS` plus :data:`UNITS_PER_CHAR`
units per character on the rules' work, and all work together that plus what a recognizer with
work of its own brings (``Recognizer.work_per_char``: a name model :data:`MODEL_UNITS_PER_CHAR`)
— above any real
draft (the margins are in docs/design.md section 2). A field that would spend more (hostile input:
"学生" × 100,000, a megabyte of "1号", "患尿毒症" without end) is reviewed up to the line where its
budget runs out, and the rest becomes one ``review`` finding that says why (docs/design.md section
2: a bound on work either still covers the whole text or turns the item into ``review`` with a
reason). So the cost per character of any input stays within a bounded factor of the densest real
list (a list of 救助 recipients with their illnesses).
"""

from __future__ import annotations

import bisect
from itertools import accumulate

BASE_UNITS = 20_000
UNITS_PER_CHAR = 5
"""The rules' allowance per character: a 救助 list with illnesses spends 3.3–4.1 (more without a title that
names the list), with the name model's reading 6.7–7.6 of the 8.5 allowed with it (``MODEL_UNITS_PER_CHAR``).
At 4 a long such list without a title (4,000 rows and more) was cut in its last rows."""
TRIGGER_WEIGHT = 5
"""A marking, a price breakdown, a process word…: 2–4 µs measured per occurrence."""
PERSON_CUE_WEIGHT = 30
"""A role, a minor cue or a private statement, with the name reading around it: 15–45 µs measured."""
MODEL_CHAR_WEIGHT = 4
"""A character the name model may read (its features are built in Python): 3–4 µs measured."""
MODEL_UNITS_PER_CHAR = 3.5
"""What a name model adds to a field's allowance per character: it may read 7 characters in 8 (a
2,000-row 救助 list with illnesses has it read about 72 % of its characters)."""
CANDIDATE_WEIGHT = {"house": 12}
"""Units of a candidate by shape (default 1): an address reads its whole neighbourhood."""
SECOND_READING_WEIGHT = 25
"""What a second reading (second_reading.py) adds to what it may read: an address candidate (the recognizer's
``candidate_work``) and the trigger of a marking, record or evaluation — its features and their weights, 15–25
µs measured. (A private statement needs none: its person-cue weight bounds the reading, and in a real list
almost every statement is tied to someone by the rules and never read again.)"""
PERSON_READINGS = 50
PERSON_READING_CHARS = 40
"""The second reading of person names (persons/recognizer.py) decides again at most ``PERSON_READINGS`` names plus
one per ``PERSON_READING_CHARS`` characters of the draft (a real list names one person in 60–80 characters; a
text that is nothing but names is decided by the rules alone past that: about 40 µs a reading)."""


def person_readings(length: int) -> int:
    """How many person names a second reading may decide again in a draft of ``length`` characters."""
    return PERSON_READINGS + length // PERSON_READING_CHARS


TRIGGER_READINGS = 50
TRIGGER_READING_CHARS = 40
"""The same bound for the triggers a second reading reads again in one field (registry._reread): a private statement
no rule tied to anyone, a marking, a record. A real draft leaves a few such triggers; a text of nothing but
statements ("患尿毒症" repeated) is decided by the rules alone past the bound (about 70 µs a reading)."""


def trigger_readings(length: int) -> int:
    """How many triggers a second reading may read again in a field of ``length`` characters."""
    return TRIGGER_READINGS + length // TRIGGER_READING_CHARS


LINE_BACK = 2000
"""The cut moves back to the start of its line when that line began at most this many characters before."""

UNREVIEWED_TYPE = "unreviewed"
UNREVIEWED_GROUND = "privacy"


def allowed(length: int, work_per_char: float = 0) -> int:
    """The units a field of ``length`` characters may spend; ``work_per_char``: the further
    allowance of recognizers with work of their own (``RecognizerRegistry.work_per_char``)."""
    return BASE_UNITS + int((UNITS_PER_CHAR + work_per_char) * length)


def weight(tags: frozenset[str], trigger_tags: frozenset[str], person_tags: frozenset[str]) -> int:
    """The units of one occurrence of a word with ``tags``."""
    if tags.isdisjoint(trigger_tags):
        return 0
    return TRIGGER_WEIGHT if tags.isdisjoint(person_tags) else PERSON_CUE_WEIGHT


def spending(fld, weight_of, work=(), candidate_weight=CANDIDATE_WEIGHT) -> list[tuple[int, int]]:
    """``(position, units)`` of every piece of work in the field, unsorted (``candidate_weight``: units per
    shape, ``RecognizerRegistry.candidate_weight``)."""
    units = [(c.start, candidate_weight.get(c.shape, 1)) for c in fld.candidates]
    read_to = -1  # the end of the last person cue or statement: the name around it is read once
    for h in fld.hits:  # by start, the longer first
        w = weight_of(h.tags)
        if w == PERSON_CUE_WEIGHT:
            if h.end <= read_to:
                w = TRIGGER_WEIGHT  # "腺癌" inside "乳腺癌", "低保" inside "低保对象"
            else:
                read_to = h.end
        if w:
            units.append((h.start, w))
    units += work
    return units


def cut(fld, stop: int | None, weight_of, work=None, work_per_char: float = 0,
        candidate_weight=CANDIDATE_WEIGHT) -> tuple[int, int, int] | None:
    """``(position, units, limit)`` where the field's work exceeds its budget, or ``None`` if it fits.

    ``stop`` is where a scanning pass already ran out of budget (``RecognizerRegistry.scan``);
    ``weight_of(tags)`` gives the units of one hit, ``work()`` the recognizers' further ``(position,
    units)`` (``Recognizer.work``: at most :data:`MODEL_CHAR_WEIGHT` per character), asked only
    when a bound could be exceeded. Two bounds hold: the rules' work within
    ``allowed(length)``, all work within ``allowed(length, work_per_char)`` (what a recognizer's own
    work brings to the budget is for that work, not for more rules)."""
    n = len(fld.text)
    limit = allowed(n)
    most = len(fld.candidates) * max(1, *candidate_weight.values()) + len(fld.hits) * PERSON_CUE_WEIGHT
    if stop is None and most <= limit and (not work_per_char or most + n * MODEL_CHAR_WEIGHT <= allowed(n, work_per_char)):
        return None  # cannot exceed either bound, whatever the weights (every ordinary draft)
    rules = spending(fld, weight_of, candidate_weight=candidate_weight)
    extra = list(work()) if work is not None else []
    bounds = [(rules, limit)]
    if extra:
        bounds.append((rules + extra, allowed(n, work_per_char)))
    pos = stop if stop is not None else n
    worst = None
    for units, budget in bounds:
        total = sum(w for _, w in units)
        if total <= budget:
            continue
        units.sort()  # sorted runs (candidates, hits, work): a merge
        spent = list(accumulate(w for _, w in units))
        k = units[bisect.bisect_right(spent, budget)][0]  # where the first unit past the budget lies
        if worst is None or k < pos:
            worst = (total, budget)
        pos = min(pos, k)
    if worst is None and stop is None:
        return None
    total, budget = worst or (sum(w for _, w in rules) + sum(w for _, w in extra), allowed(n, work_per_char))
    line = fld.text.rfind("\n", max(0, pos - LINE_BACK), pos) + 1
    return (line if line > 0 else pos), max(total, budget + 1), budget


def reason(total: int, limit: int) -> str:
    return (f"号码、关键词或待识别姓名异常密集（本字段审查工作量约 {total:,} 单位，超出自动审查上限 "
            f"{limit:,} 单位），此处起未逐一审查 — 需人工审核")
