"""Helpers shared by the recognizers of digit identifiers: the identifiers inside one digit run."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from .base import Candidate

GROUP_RE = re.compile(r"[0-9]+[Xx]?")
OTHER_HEADER_RE = re.compile(r"准考证|考号|学号|工号|编号|代码|序号|证号|证书|档案|工单")
"""A table column of numbers that are something else ("准考证号", "证书号码", "档案编号"): no phone or card."""
MAX_GROUPS = 5
"""An identifier is written in at most five groups (a card: 4-4-4-4-3)."""
MIN_INNER_GROUP = 3
"""Every group but the last has at least three digits (3-4-4, 6-8-4, 4-4-4-4-3, 0591-2431…)."""


@lru_cache(maxsize=4096)
def _runs(value: str) -> dict[int, tuple[tuple[int, int], ...]]:
    """``digit count -> ((start, end), ...)``: runs of up to :data:`MAX_GROUPS` whole groups, the whole excepted.

    Computed once per distinct run and shared by every recognizer; linear in the number of groups.
    """
    groups = [(m.start(), m.end()) for m in GROUP_RE.finditer(value)]
    out: dict[int, list[tuple[int, int]]] = {}
    n = len(groups)
    if n < 2:
        return {}
    for i in range(n):
        count = 0
        for j in range(i, min(n, i + MAX_GROUPS)):
            a, b = groups[j]
            if j > i and groups[j - 1][1] - groups[j - 1][0] < MIN_INNER_GROUP:
                break
            count += b - a
            if count > 25:
                break
            if i == 0 and j == n - 1:
                continue
            out.setdefault(count, []).append((groups[i][0], b))
    return {k: tuple(v) for k, v in out.items()}


def variants(cand: Candidate, lengths) -> Iterator[Candidate]:
    """The candidate itself, then its runs of whole separator-delimited groups, by digit count.

    "电话 0591-24312321 13812345678" arrives as one space-joined run; its sub-runs let each
    number be recognised on its own. Only runs whose compact length is in ``lengths`` are yielded.
    """
    value = cand.value
    if len(cand.compact) in lengths:
        yield cand
    if value.isdigit():
        return
    runs = _runs(value)
    for count in lengths:
        for a, b in runs.get(count, ()):
            yield Candidate(cand.shape, cand.start + a, cand.start + b, value[a:b])
