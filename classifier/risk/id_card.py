"""居民身份证号码: 18-digit (GB 11643) and 15-digit legacy numbers."""

from __future__ import annotations

from .base import Pattern, Recognizer
from .checksums import RESIDENCE_PERMIT_REGIONS, id_card15_valid, id_card_parts_valid, id_card_valid, uscc_valid
from .numbers import variants
from .wordlists import words

ID_WORDS = words("id_card.ID_WORDS")
DISABILITY_KINDS = "1234567"
"""The 19th digit of a 残疾人证号: 视力, 听力, 言语, 肢体, 智力, 精神, 多重 (GB/T 26341)."""
DISABILITY_LEVELS = "1234"
"""The 20th digit: 一级 to 四级."""


INVALID_WORDS = words("id_card.INVALID_WORDS")
INVALID_REACH = 40
"""How far either side of a number whose check digit fails the sentence is read for a word that says it is none
("校验位错误", "经核验有误", "示例号码", "伪造号码")."""


class IdCardRecognizer(Recognizer):
    """18 digits (last may be X/x) with a real region, birth date and MOD 11-2 check; or 15 legacy digits.

    Spaces and hyphens inside (6-8-4, 6-4-4-4) and full-width digits are accepted; the span keeps them.
    """

    TYPE = "id_card"
    ACTION = "redact"
    LABEL = "身份证号码"
    SHAPES = ("number",)
    PATTERNS = (
        Pattern("id18", r"[1-8][0-9]{16}[0-9Xx]", 0.5),
        Pattern("id15", r"[1-8][0-9]{14}", 0.45),
    )
    CONTEXT = ID_WORDS
    NEGATIVE_CONTEXT = words("id_card.IdCardRecognizer.NEGATIVE_CONTEXT")
    SAMPLES_ARE_NOBODYS = False  # "标准示例11010519491231002X": a number that passes the check may be somebody's

    def analyze_candidate(self, doc, fld, cand):
        compact = cand.compact
        if len(compact) == 20 and cand.value.isdigit() and compact[18] in DISABILITY_KINDS and compact[19] in DISABILITY_LEVELS \
                and id_card_valid(compact[:18]):
            # 第二代残疾人证号: the holder's ID number and two digits for the kind and level of disability
            yield self.result(fld, cand.start, cand.end, 0.95, "残疾人证号：身份证号码加残疾类别、等级")
            return
        for c in variants(cand, (15, 18)):
            compact = c.compact
            if compact.startswith(("+", "0086")) or not self.match_pattern(compact):
                continue
            left_terms = fld.terms_between(c.start - self.window, c.start) | fld.column_terms(c.start)
            id_context = not left_terms.isdisjoint(self.context)
            if len(compact) == 18:
                if id_card_valid(compact):
                    if uscc_valid(compact) and any("代码" in t for t in left_terms) and not id_context:
                        continue  # an all-digit 统一社会信用代码 that happens to pass both checks
                    permit = compact[:6] in RESIDENCE_PERMIT_REGIONS  # 810000/820000/830000: 港澳台居民居住证
                    yield self.result(fld, c.start, c.end, 1.0, "港澳台居民居住证号码，校验位正确" if permit else "校验位正确")
                elif (id_card_parts_valid(compact) and id_context and left_terms.isdisjoint(self.negative_context)
                      and not fld.says(c.start, c.end, INVALID_WORDS, INVALID_REACH)):
                    # Region and birth date fit and the text calls it an ID number, but the check
                    # digit fails: a typo or a look-alike. Ask a person; never mask it automatically.
                    yield self.result(fld, c.start, c.end, 0.55, "校验位不符，需人工核实", action="review", mask=False)
            elif id_card15_valid(compact):
                score = self.context_score(fld, c.start, c.end, 0.45, right=4)
                if score >= 0.5:
                    yield self.result(fld, c.start, c.end, score, "15位旧号码，地区与出生日期有效")
