"""机动车号牌, including 新能源 (6 characters, D/F first or last)."""

from __future__ import annotations

import re

from .base import Recognizer
from .shapes import PROVINCE_CHARS
from .text import line_end, line_start
from .wordlists import words

RANGE_AFTER_RE = re.compile(rf"[ ]?(?:至|到|~|～|—|－|-)[ ]?[{PROVINCE_CHARS}]?[A-HJ-NP-Z]{{0,2}}[·・•. ]?[A-HJ-NP-Z0-9]{{4,6}}")
SAMPLE_RE = re.compile(r"示例|样例|样式|格式|例如")
ORG_END = r"(?:有限公司|有限责任公司|公司|合作社|集团|车队|运输站|厂)"
ORG_OWNER_RE = re.compile(ORG_END + r"(?:[（(][0-9A-Z]{18}[）)])?[ \t\u3000|｜，,：:]{0,4}(?:车辆号牌|车牌号码?|号牌号码?)?[：:为]?[ ]?\Z")
"""Right before the plate, the company's name (and its credit code): "沧州某物流有限公司 | 冀J·B2760"."""
ORG_OWNS_RE = re.compile(ORG_END + r"(?:所属|名下|自有)[^，,。；;：:\n（(]{0,12}?(?:[（(][^（()）\n]{0,24}?)?\Z")
"""Earlier in the plate's clause, the company that owns it: "某建材运输有限公司所属冀A·C5962重型自卸货车",
"某汽车运输有限公司所属号牌为贵A·85217的大型普通客车" — or the bracket after its vehicle that holds the plate
("某物流有限公司所属重型半挂车（牵引车甘A·H6215，挂车甘A·0937挂）")."""
ORG_CELL_RE = re.compile(ORG_END + r"(?:[ \t\u3000]*(?:[|｜\t]|$)|[ \t\u3000]{2})|公务用车|公务车辆|执法车辆|单位车辆")
"""On a table row, a cell that is a company's name, or a word that says an office's vehicle ("（公务用车）"): the
row's vehicle is not a private person's."""
ORG_LABELLED_RE = re.compile(r"(?:经营者|所有人|车主|受让人|使用单位|所属单位|所属企业|承运单位)[：:][ \u3000]?"
                             r"[^\n，,。；;|｜：:]{1,30}?" + ORG_END + r"(?![\u4e00-\u9fff])")
"""On the plate's line, its owner or operator is a company: "车牌号 甘A·T3261，经营者：兰州某出租汽车有限公司"."""
OFFICE_END = r"(?:中心|局|医院|大队|支队|中队|委员会|政府|办事处)"
ORG_BRACKET_AFTER_RE = re.compile(r"号?[\u4e00-\u9fff]{0,8}?[（(][^（()）\n]{2,30}?(?:" + ORG_END + "|" + OFFICE_END + ")"
                                  r"(?:所有|所属|名下|自有)?[）)]")
"""Right after the plate (and the kind of vehicle), its company or office in brackets: "豫C·T2863号出租车（洛阳某出租汽车有限公司）",
"渝A·5W63R（某汽车租赁有限公司所有）", "苏E·W1205（市急救中心）"."""
SOLD_TO_RE = re.compile(r"竞得人|买受人|竞买人|挂靠|实际(?:车主|所有人)")
"""On a company's or an office's vehicle's line: it was sold to someone, or is only registered with the company
("挂靠，实际车主孔某某"): the car is a private person's."""
CELL_END_RE = re.compile(r"(?:[、，,][ ]?[^、，,\s|｜]{5,10}){0,6}(?:[ \t\u3000]*(?:[|｜\t]|$)|[ \t\u3000]{2})")
"""Right after the plate (and the plates listed with it: "浙D·21706、浙D·21738"), the end of its cell: the plate is a
table row's cell (a cell separator, two spaces, the line's end)."""
RANGE_BEFORE_RE = re.compile(r"(?:至|到|~|～|—|－|-)[ ]?\Z")
RANGE_COLUMN_RE = re.compile(r"号段|起始|终止|起号|止号|起讫")
"""A column of a 号段 table ("起始号码 | 终止号码"): its plates are the bounds of a range."""


BODY_VEHICLE_RE = re.compile(r"(?:救护车|急救车|消防车|警车|校车|执法车|公务车)[（(]\Z")
"""A body's vehicle, its plate in brackets right after it ("院内救护车（赣C·A1207）")."""
FLEET_TAG = "list:plate_fleet"
PRIVATE_OWNER_RE = re.compile(r"竞得人|买受人|竞买人|车主|所有人|驾驶员|驾驶人|当事人|身份证")
"""On a plate's line in a notice about official vehicles: a private person has it now, or drives it."""
OWNER_REACH = 40
ROW_REACH = 80
PLATE_WORDS_RE = re.compile(r"号牌|车牌|牌照|新能源|车辆|轿车|货车|客车")
"""What says a run of characters is a car's plate."""


class PlateRecognizer(Recognizer):
    TYPE = "plate"
    ACTION = "redact"
    LABEL = "机动车号牌"
    SHAPES = ("plate",)
    CONTEXT = words("plate.PlateRecognizer.CONTEXT")
    NEGATIVE_CONTEXT = words("plate.PlateRecognizer.NEGATIVE_CONTEXT")
    CONTEXT_BOOST = 0.25
    CONTEXT_PENALTY = 0.5  # a school bus, an official or a company's vehicle: no private person's car
    FLEET_WORDS = words("plate.PlateRecognizer.FLEET_WORDS")
    """In a title, these say the notice is about official vehicles: none is a private car unless its line names
    the person who has it now."""

    def words(self):
        w = super().words()
        w[FLEET_TAG] = self.FLEET_WORDS
        return w

    @staticmethod
    def _tail(value: str) -> str:
        value = value.replace(" ", "") if value[1:2] == " " else value  # "川 A 5Q21L"
        return "".join(ch for ch in value[2:] if ch.isalnum())

    @classmethod
    def valid_shape(cls, value: str) -> bool:
        tail = cls._tail(value)
        if len(tail) == 6:  # 新能源: D/F then 5, or 5 digits then D/F
            return (tail[0] in "DF" and tail[2:].isdigit()) or (tail[:5].isdigit() and tail[5] in "DF")
        if len(tail) == 5:
            return sum(ch.isalpha() for ch in tail) <= 3
        return False

    @classmethod
    def loose_shape(cls, value: str) -> bool:
        """Six characters in no issued series ("粤B·D72K19", "鲁A 6F3H27"): mistyped or invented, still a
        car's plate where the text says it is one (a plate word or column next to it)."""
        tail = cls._tail(value)
        return len(tail) == 6 and sum(ch.isalpha() for ch in tail) <= 3 and sum(ch.isdigit() for ch in tail) >= 3

    def analyze_candidate(self, doc, fld, cand):
        loose = False
        if not self.valid_shape(cand.value):
            if not self.loose_shape(cand.value) or not self._said_plate(fld, cand.start, cand.end):
                return
            loose = True
        t = fld.text
        before = fld.normalised.kept(cand.start - 1, cand.start) if cand.start > 0 else ""
        if before.isascii() and before.isalnum():
            return  # "使用登记证编号：锅11黑B00372(24)": inside a registration number, no plate ("①吉A…" is one)
        digits = "".join(ch for ch in cand.value[2:] if ch.isdigit())
        if ((digits in ("12345", "123456", "01234") or (len(digits) >= 4 and len(set(digits)) == 1))
                and SAMPLE_RE.search(t, max(0, cand.start - 12), min(len(t), cand.end + 12))):
            return  # "贵A·D12345为号牌格式示例": a sample, nobody's car
        t = fld.text
        if RANGE_AFTER_RE.match(t, cand.end) or RANGE_BEFORE_RE.search(t, max(0, cand.start - 3), cand.start):
            return  # "宁A·D00001至宁A·D99999": a range of plates in a 号段 notice, nobody's car
        header = fld.column_header(cand.start)
        if RANGE_COLUMN_RE.search(header):
            return  # "起始号码 | 终止号码" then "皖KD50001 | 皖KD99999": the bounds of a range
        if header and any(w in header for w in self.NEGATIVE_CONTEXT):
            return  # "校车号牌", "公务用车号牌": the column says whose vehicles its plates are
        if ORG_OWNER_RE.search(t, max(0, cand.start - 44), cand.start):
            return  # "沧州某物流有限公司 | 冀J·B2760": a company's vehicle, right after its name
        if self._company_vehicle(t, cand.start, cand.end):
            return  # "冀H·0K573 | 重型半挂牵引车 | 某物流有限公司": the row or line says a company has it
        if doc.title.tagged(FLEET_TAG) and not self._private_owner(t, cand.start, cand.end):
            return  # "公务用车拍卖成交结果", "城管执法车辆清单": the notice is about official vehicles
        # an enumeration shares its predicate ("贵A·G1738、贵A·D82106为执法执勤用车") and its label ("公务用车号牌：
        # 云A·8G352、云A·8G357"): the words before it are read from the list's first plate
        head = fld.list_head(cand.start)
        if BODY_VEHICLE_RE.search(t, max(0, head - 8), head):
            return  # "本院急救车（苏A·J0120、苏A·J0121）": the vehicles of the body that writes, named in brackets
        left, right = 12, 18
        if fld.cell_span(cand.start) is not None:
            # a table row's cell: the words around it are its own row's (and its column's header), not the row
            # above's ("…（公务用车）⏎皖A·D16628 | …": the car above is an office's, this one is not)
            left, right = min(left, head - line_start(t, head, left)), min(right, line_end(t, cand.end, right) - cand.end)
        score = self.context_score(fld, head, cand.end, 0.65, left=left, right=right)
        if loose and score < 0.65:
            return  # a loose shape with a negative word near (校车, 公务用车): nobody's private car
        if score >= self.settings.min_score:
            kind = ("格式不在现行号段内，按语境识别" if loose else
                    "新能源号牌" if len([c for c in cand.value[2:] if c.isalnum()]) - (cand.value[1:2] == " ") == 6 else "号牌格式有效")
            yield self.result(fld, cand.start, cand.end, score, kind)

    @staticmethod
    def _private_owner(t: str, start: int, end: int) -> bool:
        """The plate's line names a private person beside it ("原号牌辽A·G3725，竞得人邵某某，身份证号…")."""
        return PRIVATE_OWNER_RE.search(t, line_start(t, start, OWNER_REACH), line_end(t, end, OWNER_REACH)) is not None

    @classmethod
    def _company_vehicle(cls, t: str, start: int, end: int) -> bool:
        """The plate's line says a company owns or runs the vehicle: a cell of the plate's table row is a
        company's name, the clause after it labels a company its 经营者/所有人/受让人, or names it in brackets right
        after the vehicle, or the words before it call the vehicle the company's (某运输有限公司所属…); not when the
        line says a private person has it (竞得人, 买受人, 挂靠…实际车主)."""
        lo, hi = line_start(t, start, ROW_REACH), line_end(t, end, ROW_REACH)
        clause = min((k for k in (t.find("。", end, hi), t.find("；", end, hi)) if k >= 0), default=hi)
        company = (ORG_LABELLED_RE.search(t, end, clause) is not None or ORG_BRACKET_AFTER_RE.match(t, end, clause)
                   or ORG_OWNS_RE.search(t, max(lo, start - OWNER_REACH), start) is not None
                   or (CELL_END_RE.match(t, end, hi) is not None and ORG_CELL_RE.search(t, lo, hi) is not None))
        # (its driver named on the line is the company's: the vehicle stays the company's, unless it was sold)
        return company and SOLD_TO_RE.search(t, lo, hi) is None

    @staticmethod
    def _said_plate(fld, start: int, end: int) -> bool:
        """A plate word within the plate's line (12 characters before, 18 after) or in its column's header."""
        t = fld.text
        return (PLATE_WORDS_RE.search(t, line_start(t, start, 12), line_end(t, end, 18)) is not None
                or PLATE_WORDS_RE.search(fld.column_header(start)) is not None)
