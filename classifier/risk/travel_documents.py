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
    """往来港澳通行证 (electronic: C + 8 digits, C + letter + 7 digits; booklet: W + 8 digits),
    港澳居民来往内地通行证 / 回乡证 (H for Hong Kong, M for Macao residents: + 8 or 10 digits) and
    大陆居民往来台湾通行证 (electronic: L + 8 digits).

    The permit word is looked for next to the number, in the lead-in of a list whose row the number
    starts ("以下通行证已遗失，现宣布作废：" then one number per line), or in the title of a notice
    about permits ("关于往来港澳通行证作废的公告")."""

    TYPE = "hk_macau_permit"
    ACTION = "redact"
    LABEL = "往来港澳台通行证号码"
    SHAPES = ("code",)
    PATTERNS = (Pattern("permit", r"[CW][0-9]{8}|C[A-HJ-NP-Z][0-9]{7}|[HM][0-9]{8}(?:[0-9]{2})?|L[0-9]{8}", 0.4),)
    CONTEXT = words("travel_documents.HkMacauPermitRecognizer.CONTEXT")
    CONTEXT_BOOST = 0.5
    LIST_LEAD_IN = 120
    """How far above a number that starts a list row its lead-in may be."""

    def analyze_candidate(self, doc, fld, cand):
        if not self.match_pattern(cand.value):
            return
        left = 16
        line_start = fld.text.rfind("\n", 0, cand.start) + 1
        if not fld.text[line_start:cand.start].strip():
            left = self.LIST_LEAD_IN
        score = self.context_score(fld, cand.start, cand.end, 0.4, left=left, right=0)
        if score < self.settings.min_score and fld is not doc.title:
            if not doc.title.terms_between(0, len(doc.title.text)).isdisjoint(self.context):
                score += self.CONTEXT_BOOST
        if score >= self.settings.min_score:
            yield self.result(fld, cand.start, cand.end, score, "通行证语境")
