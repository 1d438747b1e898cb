"""护照 and 往来港澳通行证 numbers (recognised only with their name nearby)."""

from __future__ import annotations

from .base import Pattern, Recognizer
from .wordlists import words


class PassportRecognizer(Recognizer):
    """Chinese passports: E + 8 digits, E + letter + 7 digits, G + 8 digits, D/S/P + 7 digits."""

    TYPE = "passport"
    ACTION = "redact"
    LABEL = "护照号码"
    SHAPES = ("code",)
    PATTERNS = (
        Pattern("ordinary", r"E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|G[0-9]{8}", 0.4),
        Pattern("official", r"[DSP]E?[0-9]{7}", 0.3),
    )
    CONTEXT = words("travel_documents.PassportRecognizer.CONTEXT")
    CONTEXT_BOOST = 0.5

    def analyze_candidate(self, doc, fld, cand):
        pattern = self.match_pattern(cand.value)
        if pattern:
            score = self.context_score(fld, cand.start, cand.end, pattern.score, left=16, right=0)
            if score >= self.settings.min_score:
                yield self.result(fld, cand.start, cand.end, score, "护照语境")


class HkMacauPermitRecognizer(Recognizer):
    """往来港澳通行证 (C + 8 digits, C + letter + 7 digits) and 港澳居民来往内地通行证 / 回乡证
    (H for Hong Kong, M for Macao residents: + 8 or 10 digits)."""

    TYPE = "hk_macau_permit"
    ACTION = "redact"
    LABEL = "往来港澳通行证号码"
    SHAPES = ("code",)
    PATTERNS = (Pattern("permit", r"C[0-9]{8}|C[A-HJ-NP-Z][0-9]{7}|[HM][0-9]{8}(?:[0-9]{2})?", 0.4),)
    CONTEXT = words("travel_documents.HkMacauPermitRecognizer.CONTEXT")
    CONTEXT_BOOST = 0.5

    def analyze_candidate(self, doc, fld, cand):
        if self.match_pattern(cand.value):
            score = self.context_score(fld, cand.start, cand.end, 0.4, left=16, right=0)
            if score >= self.settings.min_score:
                yield self.result(fld, cand.start, cand.end, score, "通行证语境")
