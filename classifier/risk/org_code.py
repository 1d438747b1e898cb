"""统一社会信用代码 (GB 32100) and 组织机构代码 (GB 11714).

They are recognised so that they are *not* mistaken for personal data: the results are shields
that win the overlap with any other reading of the same characters and are never reported.
"""

from __future__ import annotations

from .base import Recognizer
from .checksums import org_code_valid, uscc_org_code_ok, uscc_valid
from .numbers import variants
from .wordlists import words


class UsccRecognizer(Recognizer):
    """18 characters over the GB 32100 alphabet with a correct MOD 31 check character."""

    TYPE = "uscc"
    GROUND = "privacy"
    LABEL = "统一社会信用代码"
    SHAPES = ("number", "code")
    CONTEXT = words("org_code.UsccRecognizer.CONTEXT")

    def analyze_candidate(self, doc, fld, cand):
        for c in variants(cand, (18,)):
            if uscc_valid(c.compact):
                score = 0.9 + (0.05 if uscc_org_code_ok(c.compact) else 0.0)
                score = self.context_score(fld, c.start, c.end, score, right=0)
                yield self.result(fld, c.start, c.end, score, "校验位正确，企业登记信息", shield=True)


class OrgCodeRecognizer(Recognizer):
    """组织机构代码: 8 characters, optional hyphen, GB 11714 check character."""

    TYPE = "org_code"
    LABEL = "组织机构代码"
    SHAPES = ("number", "code")
    CONTEXT = ("组织机构代码", "机构代码")

    def analyze_candidate(self, doc, fld, cand):
        value = cand.value
        if len(cand.compact) != 9 or not org_code_valid(cand.compact):
            return
        if "-" in value or not fld.terms_between(cand.start - self.window, cand.start).isdisjoint(self.context):
            yield self.result(fld, cand.start, cand.end, 0.9, "校验位正确，机构登记信息", shield=True)
