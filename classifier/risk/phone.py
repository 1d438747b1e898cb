"""Telephone numbers: mobile numbers (current prefixes) and landlines with an area code."""

from __future__ import annotations

from .base import Pattern, Recognizer
from .numbers import variants

OFFICE_PHONE_WORDS = ("监督电话", "举报电话", "咨询电话", "值班电话", "办公电话", "服务热线", "热线", "传真",
                      "受理电话", "投诉电话", "联系人", "报名电话", "预约电话", "服务电话", "办公室电话", "监督举报电话",
                      "咨询", "采购人", "代理机构", "招标人")


class MobileRecognizer(Recognizer):
    """11-digit mobile numbers of the current 13x-19x prefixes, also ``+86 ``, ``138-1234-5678``."""

    TYPE = "mobile"
    ACTION = "redact"
    LABEL = "手机号码"
    SHAPES = ("number",)
    PATTERNS = (
        Pattern("mobile", r"1(?:3[0-9]|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8[0-9]|9[0-35-9])[0-9]{8}", 0.8),
    )
    CONTEXT = ("手机", "手机号", "手机号码", "联系电话", "电话", "来电号码", "实名手机", "联系方式", "号码", "本人电话")
    NEGATIVE_CONTEXT = OFFICE_PHONE_WORDS
    CONTEXT_BOOST = 0.15
    CONTEXT_PENALTY = 0.5

    def analyze_candidate(self, doc, fld, cand):
        for c in variants(cand, (11, 13, 14)):
            compact = c.compact
            if compact.startswith("+86"):
                number = compact[3:]
            elif compact.startswith("0086"):
                number = compact[4:]
            else:
                number = compact
            if len(number) != 11 or not self.match_pattern(number):
                continue
            score = self.context_score(fld, c.start, c.end, 0.8, left=12, right=2)
            yield self.result(fld, c.start, c.end, score, "号段有效")


class LandlineRecognizer(Recognizer):
    """Fixed-line numbers with an area code. Offices publish theirs, so only a private context flags one."""

    TYPE = "landline"
    ACTION = "redact"
    LABEL = "私人固定电话"
    SHAPES = ("number",)
    PATTERNS = (Pattern("landline", r"0(?:10|2[0-9]|[3-9][0-9]{2})[2-9][0-9]{6,7}", 0.3),)
    CONTEXT = ("家庭电话", "住宅电话", "家中电话", "宅电", "回访电话", "私人电话", "个人电话", "户主电话", "本人电话",
               "家庭座机", "住宅座机", "来电号码")
    NEGATIVE_CONTEXT = OFFICE_PHONE_WORDS
    CONTEXT_BOOST = 0.55

    def analyze_candidate(self, doc, fld, cand):
        for c in variants(cand, (10, 11, 12)):
            if not self.match_pattern(c.compact):
                continue
            score = self.context_score(fld, c.start, c.end, 0.3, left=10, right=0)
            if score >= self.settings.min_score:
                yield self.result(fld, c.start, c.end, score, "私人语境")
