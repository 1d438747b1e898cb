"""Helpers shared by the recognizers of digit identifiers."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from .base import Candidate


@lru_cache(maxsize=4096)
def _runs(value: str) -> tuple[tuple[int, int, int], ...]:
    """``(start, end, digit_count)`` of every run of whole separator-delimited groups but the whole."""
    cuts = [i for i, ch in enumerate(value) if ch in " -"]
    if not cuts or len(cuts) > 24:
        return ()
    bounds = [-1, *cuts, len(value)]
    n = len(bounds) - 1
    out = []
    for i in range(n):
        for j in range(i + 1, n + 1):
            if i == 0 and j == n:
                continue
            a, b = bounds[i] + 1, bounds[j]
            if a < b and value[a].isdigit():
                out.append((a, b, sum(ch.isdigit() for ch in value[a:b])))
    return tuple(out)


def variants(cand: Candidate, lengths) -> Iterator[Candidate]:
    """The candidate itself, then its runs of whole separator-delimited groups, by digit count.

    "电话 0591-24312321 13812345678" arrives as one space-joined run; its sub-runs let each
    number be recognised on its own. Only runs whose compact length is in ``lengths`` are yielded.
    """
    value = cand.value
    if len(cand.compact) in lengths:
        yield cand
    if " " not in value and "-" not in value:
        return
    for a, b, count in _runs(value):
        if count in lengths:
            yield Candidate(cand.shape, cand.start + a, cand.start + b, value[a:b])
