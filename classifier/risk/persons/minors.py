"""A child the person rules leave: an age under eighteen, a school grade or a birth year that the second reading
(second_reading.py) reads as stated of a child.

The rules report a minor where they read a name with it ("陈思琪（9岁）", "初二（3）班 颜若汐"); a table cell
("| 2 | 龙浩然 | 中职二年级（17岁） |"), a list row whose name no finder reads, or an age far from the name
("一名约14岁的男孩") they leave. This recognizer has no rules of its own: each of its words (``persons.minors.READ``
in ``data/recognizers.toml``) that could state a child's age or grade is read by the learned model, and reported
as a ``minor`` finding when the model reads it as one. Without a model it reports nothing.
"""

from __future__ import annotations

import re

from ..base import Recognizer
from ..wordlists import words
from .age import ADULT, CN_AGE_CHARS, cn_number, document_year

READ = tuple(words("persons.minors.READ"))
GRADES = frozenset(words("persons.minors.GRADES"))
"""Grades named without 年级 ("初二", "高一"): read only where a grade goes on."""
CLASS_AFTER = ("年级", *GRADES)
"""A grade word before a class ("初二（3）班", "八年级 1班"): the grade is read, not the class again."""
GRADE_NEXT = frozenset("（(0123456789０１２３４５６７８９班学年级）)，,、；;。 \t\u3000|｜\n")
"""After "初二"/"高一" a school grade goes on like this ("初二（3）班", "高一学生", "高一，"); "提高一个", "正月初三"
do not."""
RANGE_BEFORE = frozenset("-－~～至到—")
"""Before an age's number: a range of ages ("0-6岁", "3至6岁"), no person's age."""
NUMERALS = frozenset("0123456789０１２３４５６７８９") | CN_AGE_CHARS
BIRTH_YEAR_RE = re.compile(r"(?:19|20)[0-9]{2}年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?\Z")
"""A birth date right before "出生"."""
BIRTH_REACH = 12
EARLIEST_DOCUMENT_YEAR = 2008
"""The earliest year a document under review can be of (the disclosure regulations' first year)."""
ROW_BEFORE_CLASS = 6
NAME_BEFORE = 8
"""A child's name ends at most this far before the age or grade that the finding starts from ("龙浩然，女，14岁")."""


class MinorRecognizer(Recognizer):
    TYPE = "minor"
    ACTION = "review"
    LABEL = "未成年人"
    STAGE = 2  # after the persons are found: the model weighs the names near the word
    VALUE = False  # a statement about a child; it merges with the rules' statement of the same child
    MERGE_GAP = 2  # "14岁，初二": one statement
    TRIGGERS = READ
    SECOND_READING = "add"
    MODEL_ONLY = True

    def rereads(self, fld, hit) -> bool:
        """Only words that can state one child's age or grade: an age under eighteen that is no bracket
        ("0-6岁", "14岁以下"), "初二"/"高一" as grades (not "提高一个", "正月初三"), a class after its number
        ("七（2）班") where no grade word before it is read already, a birth date before "出生" at most eighteen years
        before the year the document is of (``age.document_year``: "1964年5月出生" in a 2024 list is an adult's)."""
        t = fld.text
        term = hit.term
        if term == "岁":
            got = self._age(t, hit.start)
            return got is not None and got[1] < ADULT
        if term in GRADES:
            nxt = t[hit.end:hit.end + 1]
            return (nxt == "" or nxt in GRADE_NEXT) and not (term[0] == "初" and t[hit.start - 1:hit.start] == "月")
        if term == "班":
            before = t[max(0, hit.start - ROW_BEFORE_CLASS):hit.start]
            return (before[-1:] in ("）", ")") or before[-1:].isdigit()) and not any(w in before for w in CLASS_AFTER)
        if term == "出生":
            m = BIRTH_YEAR_RE.search(t, max(0, hit.start - BIRTH_REACH), hit.start)
            if m is None:
                return False
            # an adult's birth date ("张玉芹（1964年5月出生，无子女）" in a 2024 list) is no child's, whatever it reads like
            # (with no year in the document, it is of 2008 or later, when the disclosure regulations came into force:
            # "1934年5月出生" is an adult's whatever the document)
            year = document_year(fld) or EARLIEST_DOCUMENT_YEAR
            return year - int(m.group()[:4]) <= ADULT
        return True

    def reading_features(self, fld, hit) -> list[str]:
        """The age read before "岁", in bands (the model sees the digits too, not what they add up to)."""
        if hit.term != "岁":
            return []
        got = self._age(fld.text, hit.start)
        if got is None:
            return []
        age = got[1]
        return ["minor.age=" + ("0-2" if age < 3 else "3-6" if age < 7 else "7-12" if age < 13 else "13-17")]

    def second_reading_span(self, doc, fld, hit) -> tuple[int, int]:
        """The age with its number ("14周岁"), the grade with its number ("三年级", "七（2）班"), the birth date; from
        the child's name when one is read right before it in its sentence ("低保户龙浩然，中职二年级" — the child is who
        the statement identifies)."""
        start = self._statement_start(fld.text, hit)
        sl, _ = fld.segments.sentence(start)
        named = [p for p in doc.persons.between(fld.name, max(sl, start - NAME_BEFORE), start) if p.end <= start]
        if named:
            start = named[-1].name_span[0] if named[-1].name_span else named[-1].start
        return start, hit.end

    def second_result(self, fld, start, end, hit, p):
        # the reason quotes the age or grade, never the child's name the finding may start from
        said = fld.text[max(start, self._statement_start(fld.text, hit)):end]
        return self.result(fld, start, end, round(p, 2), f"“{said}”，模型判断为年龄或年级（概率 {p:.2f}），请核实",
                           mask=False, learned=True)

    def _statement_start(self, t: str, hit) -> int:
        """Where the age ("14周岁"), the grade ("三年级", "七（2）班") or the birth date ("2016年8月出生") read at ``hit``
        begins."""
        if hit.term == "岁":
            got = self._age(t, hit.start)
            return got[0] if got is not None else hit.start
        if hit.term == "出生":
            m = BIRTH_YEAR_RE.search(t, max(0, hit.start - BIRTH_REACH), hit.start)
            return m.start() if m else hit.start
        k = hit.start
        if hit.term in ("年级", "班"):
            while k > 0 and hit.start - k < 5 and (t[k - 1] in NUMERALS or t[k - 1] in "（()）"):
                k -= 1
        return k

    @staticmethod
    def _age(t: str, at: int) -> tuple[int, int] | None:
        """``(start, age)`` of the number before "岁" at ``at`` ("14岁", "十四周岁"); ``None``: no single age
        (no number, a range, "岁以上/以下")."""
        end = at - 1 if at > 0 and t[at - 1] == "周" else at
        d = end
        while d > 0 and end - d < 2 and t[d - 1].isdigit():
            d -= 1
        if d == end:
            while d > 0 and end - d < 3 and t[d - 1] in CN_AGE_CHARS:
                d -= 1
        if d == end or t[d - 1:d] in RANGE_BEFORE or t[at + 1:at + 2] in ("以", "及"):
            return None
        return d, cn_number(t[d:end])
