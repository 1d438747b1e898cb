"""护照 and 往来港澳通行证 numbers (recognised only with their name nearby)."""

from __future__ import annotations

import re

from .base import Pattern, Recognizer
from .wordlists import words

CLOSE = frozenset(words("travel_documents.HkMacauPermitRecognizer.CLOSE"))
"""Right before the number ("通行证号码：", "证号"): the number is the permit's whatever its layout."""
DIGITS_ONLY = frozenset(words("travel_documents.HkMacauPermitRecognizer.DIGITS_ONLY"))
"""Permits numbered with digits only (台湾居民来往大陆通行证: 8 digits, older ones 10)."""
LOOSE_RE = re.compile(r"[CWHMLT](?=[0-9A-HJ-NP-Z]{8}$)[0-9]*[A-HJ-NP-Z]?[0-9]*")
"""Next to its name, a permit number in a newer or mistyped series: a letter, eight characters, one more letter at most."""
LETTER_BEFORE_RE = re.compile(r"[CWHML] ?\Z")
LETTER_PAIR_BEFORE_RE = re.compile(r"(?<![A-Za-z])C[A-HJ-NP-Z] ?\Z")
PASSPORT_LETTER_RE = re.compile(r"(?:(?<![A-Z])(?:[DSP]E|E[A-HJ-NP-Z])|(?<![A-Z])[EG]) ?\Z")
FOREIGN_LETTERS_RE = re.compile(r"(?<![A-Za-z])[A-Z]{1,2} ?\Z")
"""The letters of a foreign passport number written apart from its digits ("AK 7031 594")."""
FOREIGN_LABEL_RE = re.compile(r"护照(?:号码|号)?(?:为|是)?[：: \t\u3000]*\n?\Z"
                              r"|护照[^。；;\n]{0,8}?(?:号码|证号|号)(?:为|是)?[：: \t\u3000]*\Z"
                              r"|护照[ \t\u3000|｜]+\Z")
"""What labels a foreign passport number right before it: "护照号码：", "护照（号码：", "大韩民国护照，号码", or
the cell "护照" of a document-type column before it."""
LABEL_REACH = 16
HEADER_RE = re.compile(r"护照(?:证件)?(?:号码|号)?\Z")
"""A column of passport numbers ("护照号码"; not "护照有效期")."""
FOREIGN_MIN_DIGITS = 3
"""A labelled foreign passport holds at least this many digits ("NXK4F28R1", "CFJ8K2M47": a German or Dutch
number is mostly letters)."""


def foreign_labelled(fld, start: int) -> bool:
    """A passport's label stands right before ``start``, or heads its table column ("护照号码")."""
    return (FOREIGN_LABEL_RE.search(fld.text, max(0, start - LABEL_REACH), start) is not None
            or HEADER_RE.search(fld.column_header(start)) is not None)


BRACKET_NOTE = 8
"""A passport word in the note right after the number ("E73920184（普通护照，…）") is its label too."""
PASSAGE = 300
"""A passage this long before a number with a passport series' exact shape says what it lists."""
PASSAGE_WORDS = frozenset(words("travel_documents.PassportRecognizer.PASSAGE_WORDS"))
"""The words that make a passage about passports (not 证件号码, which any certificate has)."""


class PassportRecognizer(Recognizer):
    """Chinese passports: E + 8 digits, E + letter + 7 digits, G + 8 digits, D/S/P + 7 digits."""

    TYPE = "passport"
    ACTION = "redact"
    LABEL = "护照号码"
    PATTERNS = (
        Pattern("ordinary", r"E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|G[0-9]{8}", 0.4),
        Pattern("official", r"[DSP]E?[0-9]{7}", 0.3),
    )
    CONTEXT = words("travel_documents.PassportRecognizer.CONTEXT")
    CONTEXT_BOOST = 0.5
    SHAPES = ("code", "spaced_code", "number")

    def analyze_candidate(self, doc, fld, cand):
        if cand.shape == "spaced_code":
            cand = cand._replace(shape="code", value=cand.compact)  # "E 8472 6193": read as the code it spells
        if cand.shape == "number":
            # "护照号E 8472 6193": the series letter apart from its eight digits
            t = fld.text
            letter = PASSPORT_LETTER_RE.search(t, max(0, cand.start - 3), cand.start)
            digits = 7 if letter and len(letter.group().strip()) == 2 else 8  # "SE 1287 472": an official series
            if (letter and len(cand.compact) == digits and cand.compact.isdigit()
                    and not fld.terms_between(letter.start() - 12, letter.start()).isdisjoint(self.context)):
                yield self.result(fld, letter.start(), cand.end, 0.8, "护照语境")
            elif (not letter and 8 <= len(cand.compact) <= 10 and cand.compact.isdigit()
                  and foreign_labelled(fld, cand.start)):
                yield self.result(fld, cand.start, cand.end, 0.8, "护照号码紧随“护照号”")  # a foreign passport of digits
            elif cand.compact.isdigit() and 6 <= len(cand.compact) <= 9:
                foreign = FOREIGN_LETTERS_RE.search(t, max(0, cand.start - 3), cand.start)
                if foreign and foreign_labelled(fld, foreign.start()):
                    # "护照号码：AK 7031 594": a foreign number's letters apart from its digits
                    yield self.result(fld, foreign.start(), cand.end, 0.8, "护照号码紧随“护照号”")
            return
        pattern = self.match_pattern(cand.value)
        if not pattern:
            # a foreign passport (the formats of other states vary: "P7712045H", "C4J8R2T91"), right after
            # its label: six to twelve letters and digits, some of them digits (not an E/G number of the wrong
            # length: a Chinese passport mistyped or a sample)
            if (6 <= len(cand.value) <= 12 and sum(ch.isdigit() for ch in cand.value) >= FOREIGN_MIN_DIGITS
                    and cand.value[0] not in "EG" and foreign_labelled(fld, cand.start)):
                yield self.result(fld, cand.start, cand.end, 0.8, "护照号码紧随“护照号”")
            return
        if pattern:
            score = self.context_score(fld, cand.start, cand.end, pattern.score, left=16, right=BRACKET_NOTE)
            if score >= self.settings.min_score:
                yield self.result(fld, cand.start, cand.end, score, "护照语境")
            elif fld.terms_between(max(0, cand.start - PASSAGE), cand.start) & PASSAGE_WORDS:
                # "下列因私普通护照…宣布作废：⏎  E75813620（韩某某）⏎  EH4617395（冯某）": the passage is about passports,
                # and the number has a passport series' exact shape
                yield self.result(fld, cand.start, cand.end, pattern.score + 0.3, "护照语境（所在段落）")


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
    PATTERNS = (Pattern("permit", r"[CW][0-9]{8}|C[A-HJ-NP-Z][0-9]{7}|[HM][0-9]{8}(?:[0-9]{2})?|L[0-9]{8}", 0.4),)
    CONTEXT = words("travel_documents.HkMacauPermitRecognizer.CONTEXT")
    CONTEXT_BOOST = 0.5
    LIST_LEAD_IN = 120
    """How far above a number that starts a list row its lead-in may be."""

    SHAPES = ("code", "spaced_code", "number")
    CLOSE_REACH = 12

    def _close(self, fld, start: int, words=CLOSE) -> bool:
        return not fld.terms_between(start - self.CLOSE_REACH, start).isdisjoint(words)

    def analyze_candidate(self, doc, fld, cand):
        if cand.shape == "spaced_code":
            cand = cand._replace(shape="code", value=cand.compact)  # "C-6328-0417", "证号L 5820 7143"
            if self.match_pattern(cand.value) and self._close(fld, cand.start):
                yield self.result(fld, cand.start, cand.end, 0.8, "通行证语境")
                return
        if cand.shape == "number":
            yield from self._spaced(fld, cand)
            return
        if not self.match_pattern(cand.value):
            if LOOSE_RE.fullmatch(cand.value) and self._close(fld, cand.start):
                yield self.result(fld, cand.start, cand.end, 0.8, "通行证语境")
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

    def _spaced(self, fld, cand):
        """"证号L 7612 0384": the series letter apart from its digits; "台湾居民来往大陆通行证号0851 2736"."""
        compact = cand.compact
        t = fld.text
        pair = LETTER_PAIR_BEFORE_RE.search(t, max(0, cand.start - 3), cand.start)
        if pair and len(compact) == 7 and compact.isdigit() and self._close(fld, pair.start()):
            yield self.result(fld, pair.start(), cand.end, 0.8, "通行证语境")  # "CA 7185203": C, a letter, 7 digits
            return
        if len(compact) not in (8, 10) or not compact.isdigit():
            return
        letter = LETTER_BEFORE_RE.search(t, max(0, cand.start - 2), cand.start)
        if letter and (len(compact) == 8 or t[letter.start()] in "HM") and self._close(fld, letter.start()):
            yield self.result(fld, letter.start(), cand.end, 0.8, "通行证语境")
        elif self._close(fld, cand.start, DIGITS_ONLY):
            yield self.result(fld, cand.start, cand.end, 0.8, "通行证语境")
