"""Shared assertion helpers and invented identifiers for the risk-review tests.

Identifiers are computed here (valid check digits) rather than copied from any data set.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from classifier.bundle import MANIFEST_FILE
from classifier.risk import RiskReviewer
from classifier.risk.checksums import id_card_check_char, luhn_check_digit, uscc_check_char
from classifier.risk.second_reading import SecondReading, features

FULLWIDTH = str.maketrans("0123456789Xx", "０１２３４５６７８９Ｘｘ")


@lru_cache(maxsize=1)
def reviewer() -> RiskReviewer:
    return RiskReviewer()


def review(body: str, title: str = ""):
    return reviewer().review(title, body)


def make_id(region: str = "330106", birth: str = "19900307", seq: str = "123") -> str:
    """An 18-digit ID number with a correct GB 11643 check character."""
    first17 = region + birth + seq
    return first17 + id_card_check_char(first17)


def bad_check(number: str) -> str:
    """The same number with a wrong last character."""
    last = number[-1]
    return number[:-1] + ("0" if last != "0" else "1")


def make_uscc(first17: str = "91330106MA2AB3C4D") -> str:
    return first17 + uscc_check_char(first17)


def make_card(prefix: str = "621700", length: int = 19) -> str:
    body = (prefix + "2718281828459045235360")[: length - 1]
    return body + luhn_check_digit(body)


def findings(result, type_: str | None = None, field: str | None = None):
    return [f for f in result.findings if (type_ is None or f.type == type_) and (field is None or f.field == field)]


def assert_found(text: str, type_: str, expected: str, *, title: str = "", field: str = "body",
                 score: tuple[float, float] = (0.5, 1.0), ground: str | None = None):
    """Exactly the span ``expected`` (first occurrence in the field) is reported as ``type_``."""
    result = review(text, title)
    source = title if field == "title" else text
    start = source.index(expected)
    hits = [f for f in findings(result, type_, field) if f.start < start + len(expected) and start < f.end]
    assert hits, f"未报出 {type_}“{expected}”；实际：{[(f.type, f.text) for f in result.findings]}"
    f = hits[0]
    assert source[f.start:f.end] == f.text
    assert score[0] <= f.score <= score[1], f"{type_}“{f.text}” score {f.score} 不在 {score}"
    if ground:
        assert f.ground == ground
    return f


def assert_span(text: str, type_: str, expected: str, **kw):
    """Like :func:`assert_found`, and the finding's text is exactly ``expected``."""
    f = assert_found(text, type_, expected, **kw)
    assert f.text == expected, f"span “{f.text}” != “{expected}”"
    return f


def assert_not_found(text: str, type_: str | None = None, *, title: str = "", fragment: str | None = None):
    """Nothing (of ``type_``; overlapping ``fragment`` if given) is reported."""
    result = review(text, title)
    bad = findings(result, type_)
    if fragment is not None:
        s = text.index(fragment) if fragment in text else None
        bad = [f for f in bad if s is not None and f.field == "body" and f.start < s + len(fragment) and s < f.end]
    assert not bad, f"不应报出：{[(f.type, f.text, f.reason) for f in bad]}"


# ---- second reading ---------------------------------------------------------------------------
def always(p: float = 0.9, threshold: float = 0.8, drop_below: float = 0.1) -> SecondReading:
    """A model that reads every trigger as a finding of its type with probability ``p``."""
    return SecondReading({}, math.log(p / (1 - p)), threshold, drop_below)


class Spy(SecondReading):
    """Records what it is asked; never decides."""

    def __init__(self, reads_reported: bool = False):
        super().__init__({}, 0.0, 0.8, 0.1)
        self.READS_REPORTED = reads_reported
        self.asked = []

    def read(self, kind, doc, fld, hit, reported=False, extra=(), found=()):
        self.asked.append((kind, reported, tuple(extra), features(kind, doc, fld, hit, reported, extra=extra)))
        return None


# ---- model bundles -------------------------------------------------------------------------------
def manifest_of(path: Path) -> dict:
    return json.loads((path / MANIFEST_FILE).read_text(encoding="utf-8"))


def write_manifest(path: Path, manifest: dict) -> None:
    (path / MANIFEST_FILE).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
