"""Telephone numbers: mobile numbers (current prefixes) and landlines with an area code."""

from __future__ import annotations

import re

from .base import Pattern, Recognizer
from .names import NameReader
from .persons.cues import OFFICIAL
from .numbers import GROUP_RE, OTHER_HEADER_RE, variants
from .text import ITEM_NUMBERING_RE, MASKED_NAME, PERSON_RECORD_RE, line_start
from .wordlists import words

# Numbers that are labelled as something else: the closest label before the number decides.
OTHER_NUMBER_WORDS = words("phone.OTHER_NUMBER_WORDS")
PHONE_HEADER_RE = re.compile(r"电话|手机|联系方式|号码")
MOBILE_GROUPS = ((3, 4, 4), (3, 8), (7, 4))


def grouping_ok(value: str, labelled: bool = False) -> bool:
    """A mobile number written in groups is 3-4-4 (or 3-8, 7-4): "1873 2405 617" is not one — unless
    the text calls it a phone number (``labelled``), where any grouping of its 11 digits (4-4-3, 5-4-2)
    is a way of writing one."""
    v = value
    for prefix in ("+86", "0086"):
        if v.startswith(prefix):
            v = v[len(prefix):].lstrip(" -")
    groups = tuple(len(g) for g in GROUP_RE.findall(v))
    return (len(groups) == 1 or groups in MOBILE_GROUPS or (labelled and len(groups) <= 4 and min(groups) >= 2)
            or (labelled and set(groups) == {1}))  # "手机 1 3 9 1 9 4 2 6 5 0 8": one digit at a time

OFFICE_PHONE_WORDS = words("phone.OFFICE_PHONE_WORDS")
SAMPLE_MOBILES = frozenset(words("phone.SAMPLE_MOBILES"))
PRIVATE_CONTACT_WORDS = words("phone.PRIVATE_CONTACT_WORDS")
"""A contact who is a private person ("车主联系人", "紧急联系人"): "联系人" there is no office's contact."""


def labelled_other(fld, start: int, context) -> bool:
    """The closest label (of other numbers' words and the phone's ``context`` words) is 准考证号/用户号/…,
    or the table column says so."""
    cell = fld.cell_span(start)
    lo = max(start - 12, cell[0]) if cell else start - 12
    labels = [h for h in fld.hits_between(lo, start) if h.term in OTHER_NUMBER_WORDS or h.term in context]
    if labels:  # a label in the number's own cell ("用户号：0103228140" in a row of label：value cells)
        return max(labels, key=lambda h: (h.end, h.end - h.start)).term in OTHER_NUMBER_WORDS
    header = fld.column_header(start)
    return bool(OTHER_HEADER_RE.search(header)) and not PHONE_HEADER_RE.search(header)


MASKED_NAME_BEFORE_RE = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{1,2}(?:某某?|[*＊]{1,2})[，,、：: \t\u3000]{0,2}"
                                   r"(?:(?:手机|电话|联系电话|手机号码?)[：: \t\u3000]{0,2})?\Z")
"""A masked name right before the number ("联系人 赵某某，手机 …", "黎某某，1827…"): the number of a private
person whose name the text already de-identified — offices do not mask their own contacts."""


TAIWAN_MOBILE_RE = re.compile(r"09[0-9]{8}")
HK_MACAU_MOBILE_RE = re.compile(r"852[4-79][0-9]{7}|8536[0-9]{7}")
"""A Hong Kong mobile (8 digits from 4–9, not a 2/3 landline) or a Macao one (6…) after its country code 852/853."""


class MobileRecognizer(Recognizer):
    """11-digit mobile numbers of the current 13x-19x prefixes, also ``+86 ``, ``138-1234-5678``; Hong Kong and Macao
    mobiles written with their country code (``+852 6137 2408``)."""

    TYPE = "mobile"
    ACTION = "redact"
    LABEL = "手机号码"
    SHAPES = ("number",)
    PATTERNS = (
        Pattern("mobile", r"1(?:3[0-9]|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8[0-9]|9[0-35-9])[0-9]{8}", 0.8),
    )
    CONTEXT = words("phone.MobileRecognizer.CONTEXT")
    NEGATIVE_CONTEXT = OFFICE_PHONE_WORDS
    CONTEXT_BOOST = 0.15
    CONTEXT_PENALTY = 0.5

    def words(self):
        w = super().words()
        w[f"context:{self.TYPE}"] = set(w[f"context:{self.TYPE}"]) | set(OTHER_NUMBER_WORDS) | set(PRIVATE_CONTACT_WORDS)
        return w

    def analyze_candidate(self, doc, fld, cand):
        abroad = self._abroad(fld, cand)
        if abroad is not None:
            yield abroad
            return
        for c in variants(cand, (11, 13, 14)):
            compact = c.compact
            if compact.startswith("+86"):
                number = compact[3:]
            elif compact.startswith("0086"):
                number = compact[4:]
            else:
                number = compact
            abroad = HK_MACAU_MOBILE_RE.fullmatch(compact) if fld.text[c.start - 1:c.start] == "+" else None
            if abroad or (compact.startswith("00") and HK_MACAU_MOBILE_RE.fullmatch(compact, 2)):
                # "+852 6137 2408", "00853 6628 1234": a Hong Kong or Macao mobile, written with its country code
                start = c.start - 1 if abroad else c.start
                yield self.result(fld, start, c.end, 0.8, "港澳手机号码（含国际区号）")
                continue
            if len(number) != 11 or not self.match_pattern(number) or number in SAMPLE_MOBILES or len(set(number[3:])) == 1:
                continue  # "13800000000", "13800138000": the sample number of a blank form, nobody's phone
            masked_before = MASKED_NAME_BEFORE_RE.search(fld.text, max(0, c.start - 16), c.start) is not None
            labelled = c is cand and (not fld.terms_between(c.start - 8, c.start).isdisjoint(self.context)
                                      or self._listed_after_labelled(fld, c.start)
                                      or PHONE_HEADER_RE.search(fld.column_header(c.start)) is not None
                                      or fld.text[c.start - 1:c.start] in ("（", "(") and fld.text[c.end:c.end + 1] in ("）", ")")
                                      or masked_before)
            # "苑某（1560 851 6632）": a number alone in brackets after a name is that person's phone
            if not grouping_ok(c.value, labelled=labelled):
                continue
            if labelled_other(fld, c.start, self.context) or self._listed_after_other(fld, c.start):
                continue
            score = self.context_score(fld, c.start, c.end, 0.8, left=12, right=2)
            if not fld.terms_between(c.start - 12, c.start).isdisjoint(PRIVATE_CONTACT_WORDS) or masked_before:
                score = max(score, 0.8)  # a private contact, or one whose name was masked ("联系人 赵某某，手机…")
            if PHONE_HEADER_RE.search(fld.column_header(c.start)):
                score = max(score, 0.85)
            yield self.result(fld, c.start, c.end, score, "号段有效")

    def _abroad(self, fld, cand):
        """A phone abroad: "+39 347 582 9163", "+886 912 386 457" (a "+", a country code other than 86 and the
        852/853 read below, 8 to 15 digits in all: E.164), or a Taiwan mobile "0912-386-457" (09 and 8 digits,
        written 4-3-3 or labelled: no mainland number has that shape). An office's ("使馆电话 +1 …") scores low."""
        compact = cand.compact
        start = cand.start
        if fld.text[start - 1:start] == "+":
            if compact.startswith(("86", "852", "853")) or not 8 <= len(compact) <= 15 or not compact.isdigit():
                return None
            start -= 1
            detail = "境外电话号码（含国际区号）"
        elif TAIWAN_MOBILE_RE.fullmatch(compact):
            groups = tuple(len(g) for g in GROUP_RE.findall(cand.value))
            if groups != (4, 3, 3) and fld.terms_between(start - 8, start).isdisjoint(self.context):
                return None
            detail = "台湾地区手机号码"
        else:
            return None
        if labelled_other(fld, cand.start, self.context):
            return None
        score = self.context_score(fld, start, cand.end, 0.8, left=12, right=2)
        return self.result(fld, start, cand.end, score, detail) if score >= self.settings.min_score else None

    def _listed_after_other(self, fld, start: int) -> bool:
        """"执法证号15372301002、15372301017": the number follows one its label names as another kind of number (the
        list shares the label)."""
        prev = listed_before(fld, start, 2)
        return prev is not None and labelled_other(fld, prev.start, self.context)

    def _listed_after_labelled(self, fld, start: int) -> bool:
        """"联系电话0351-7623518、13603 419 825": the number follows another one its label names, in one list."""
        prev = listed_before(fld, start, 2)
        return prev is not None and not fld.terms_between(prev.start - 8, prev.start).isdisjoint(self.context)


LIST_SEPARATORS = "、，,/或 "


def listed_before(fld, end: int, reach: int):
    """The number candidate listed right before ``end``, one to ``reach`` separators between ("138…、0411-…"), or
    ``None``."""
    t = fld.text
    j = end
    while j > 0 and end - j < reach and t[j - 1] in LIST_SEPARATORS:
        j -= 1
    if j == end:
        return None
    cell = fld.cell_span(end)
    if cell is not None and j <= cell[0]:
        return None  # "…,3209…,1524…": a row's cells, not a list (the comma parts the cells of a CSV row)
    return fld.candidate_ending_at(j)


EXTENSION_RE = re.compile(r"(?:转|分机|-|ext\.? ?)[0-9]{1,6}(?![0-9])")
HOME_WORDS = words("phone.HOME_WORDS")
CONTACT = frozenset(("联系人",))
HOME_AFTER = words("phone.LandlineRecognizer.CONTEXT_AFTER")
OWNER_LABELS = frozenset(("联系电话", "电话", "联系方式", "固定电话", "座机"))
"""The label of a phone given after a person's name."""
OFFICE = r"(?:局|委|办|中心|大队|中队|支队|派出所|(?<![住场])所(?![留有需在填])|站|(?<![住号])院|科|处|股|厅|政府|公司|企业|窗口|大厅)"
OFFICE_LABEL_RE = re.compile(OFFICE + r"(?:[\u4e00-\u9fff \t\u3000]{0,4}?(?:电话|座机|热线)|[\u4e00-\u9fff]{0,3}[，,（(][ \t\u3000]*"
                             r"(?:联系)?(?:电话|座机|方式))?[：: \t\u3000]*\Z")
"""The number's own label names an office: "执法大队电话：", "许可机关：某市行政审批局，电话：", "县农经站（联系电话 ",
"本局工伤科0757-…", "联系本院：" (the office, then the number), "…不动产登记中心　电话：" (spaced apart), "企业联系电话："."""
SECOND_PHONE_LABEL_RE = re.compile(r"(?:座机|固话|固定电话|备用电话|家庭电话|电话)[：:]?[ \t\u3000]*\Z")
PLACE_END = frozenset("号楼栋室路街巷村镇区县市")
"""A "masked name" ending so is a masked address ("人民中路某号"), not a person."""
OWNER_BEFORE = frozenset("\n，,、；;：:（( \t\u3000")
HOME_AFTER_RE = re.compile(r"[ \t\u3000]*(?:[（(，,][ \t\u3000]*)?(?:为|系|是)?(?:" + "|".join(map(re.escape, HOME_AFTER)) + ")")
"""Right after the number, what it is: "0898-66547213（住宅电话）", "…为住宅电话", "…，住宅"."""
OFFICE_AFTER_RE = re.compile(r"[ \t\u3000]*[（(](?:" + "|".join(map(re.escape, words("phone.LandlineRecognizer.OFFICE_AFTER"))) + ")")
"""Right after the number, a business's or an office's desk: "0898-86232317（前台）", "（总机）", "（值班室）"."""
PERSON_ID_WORDS = words("id_card.ID_WORDS")
ID_NUMBER_RE = re.compile(r"[0-9]{15}")
"""A landline given in the same sentence as a person's identity number is that person's phone."""


ROLE_PHONE_LABEL_RE = re.compile(r"[（(，,]?(?:提供|登记|填写|填报)?的?(?:联系|固定|家庭|住宅)?(?:电话|座机|固话|方式)(?:号码)?(?:[（(](?:住宅|家庭|家|本人)[)）])?"
                                 r"(?:为|是)?[：:]?[ \t\u3000]*\Z")
"""Between a role word and its number: "出租人联系电话0532-…", "监护人固定电话…", "申请人提供的联系电话为…",
"一位来电市民（固定电话0898-…）"."""
YOUR_PHONE_RE = re.compile(r"(?:[你您](?!们)[^，。；\n]{0,10}?(?:所留|留下|预留|留存|登记|提供|填写|填报)|所留|留下|预留|留存)的?"
                           r"[^，。；\n]{0,6}?(?:电话|座机|固话|号码)(?:为|是)?[：:]?[ \t\u3000]*\Z")
"""Before the number: the one the letter's addressee left ("因你来信所留固定电话", "您登记的联系电话"), or one
somebody left ("家属留下的电话为", "…16号，留存固定电话"): an office publishes its number, it does not leave it."""
ORG_IN_ROW_RE = re.compile(r"公司|超市|[商药酒饭]店|门市|合作社|中心|[厂局所站院]|单位")
"""A row naming a business or an office: its number is theirs, whoever the row names."""
MASKED_CELL_RE = re.compile(r"(?:^|[\t｜|]|[ \u3000]{2})[ \u3000]*" + MASKED_NAME + r"[ \u3000]*(?=[\t｜|]|[ \u3000]{2})")
"""A table cell holding a masked person's name."""
ORG_ON_LINE_RE = re.compile(r"公司|单位|政府|[局委办院所站队厅]")
OFFICE_LINE_RE = re.compile(r"公司|单位|政府|大厅|窗口|办公室|中心|机构|[局委]")
"""A line of a record that names an office ("异议送达地址：…不动产登记大厅", "异议受理机构：…登记中心"): the record is the office's from there
(narrower than ``ORG_ON_LINE_RE``: a home's line may hold "118号院" or "某所宿舍")."""
OFFICE_OWN_LINE_RE = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十0-9]{1,2}[、.．][ \t\u3000]*)?(?:异议|受理|咨询)")
"""The number's own line opens with where objections or enquiries go ("异议受理单位：…中心，地址：…，电话…"): an office's."""


LOCAL_NUMBER_RE = re.compile(r"[2-9][0-9]{6,7}")
"""A local fixed-line number without its area code (7 or 8 digits)."""
LABEL_GAP_RE = re.compile(r"(?:号码)?[：:]?[ \t\u3000]{0,2}")


PRIVATE_VALUES = frozenset(("address", "id_card", "mobile"))
"""What stage 0 reports of a private person that makes a landline after it in its sentence theirs."""
VALUE_REACH = 60
OWN_LABEL_RE = re.compile(r"(?:电话|座机|固话|联系方式)(?:号码)?(?:[（(][\u4e00-\u9fff]{1,3}[）)])?(?:为|是)?[：:]?[ \t\u3000]*\Z")
"""Right before a number: its label — not an invitation to call ("如有疑问请拨打…": an office's)."""

PHONE_HEADER_RE = re.compile(r"电话|座机|固话|联系方式|宅电")
OFFICE_HEADER_RE = re.compile(r"办|单位|值班|值守|传真|部门|科室|机关|窗口|服务|委会|中心|站|(?<!住)所")
"""A phone column of an office ("办公电话", "单位电话", "值班电话", "村（居）委会电话", "服务站电话", "河长办联系电话"): its
numbers are published."""
HOME_COLUMNS = ("宅电", "住宅", "家庭", "家中", "家长")
"""A phone column of homes ("宅电", "家长联系电话"): its numbers are private whoever the row names."""


def office_column(header: str) -> bool:
    """The column is an office's phone column ("办公电话", "单位电话")."""
    return PHONE_HEADER_RE.search(header) is not None and OFFICE_HEADER_RE.search(header) is not None


ROW_REACH = 200
"""A table row or numbered item is read this far around its number (its line may be a megabyte long)."""
ITEM_LEAD = 12
"""A numbered item is a person's when a person is named this close after its number ("2. 大溪沟街道 冉某某，…")."""

PERSON_REACH = 24
"""A private person's name this close before a landline, in its clause, makes it theirs."""


PHONE_LINE_RE = re.compile(r"[ \t\u3000]*(?:联系|咨询|监督|办公|值班|受理)?电话[：:]?[ \t\u3000]*\Z")
"""A line that holds only a phone's label before the number ("联系电话：")."""
SIGNATURE_RE = re.compile(r"[ \t\u3000]*[\u4e00-\u9fff（）()]{2,40}?(?:局|中心|政府|委员会|办公室|办事处|所|院|站|队)[ \t\u3000]*(?:\n|\Z)")
"""A line that is a body's name: the notice's signature."""


def _signed_off(t: str, start: int) -> bool:
    """The number stands on a line of its own ("联系电话：…") and the next line signs the notice ("某市自然资源局"):
    the contact of the body that signs."""
    line = line_start(t, start, ROW_REACH)
    if PHONE_LINE_RE.match(t, line, start) is None:
        return False
    nxt = t.find("\n", start, start + 30)
    return nxt >= 0 and SIGNATURE_RE.match(t, nxt + 1, nxt + 1 + 48) is not None


class LandlineRecognizer(Recognizer):
    """Fixed-line numbers with an area code. Offices publish theirs, so only a private context flags one."""

    TYPE = "landline"
    ACTION = "redact"
    LABEL = "私人固定电话"
    SHAPES = ("number",)
    STAGE = 2  # after the persons are read: a number right after a private person's name is theirs
    PATTERNS = (Pattern("landline", r"0(?:10|2[0-9]|[3-9][0-9]{2})[2-9][0-9]{6,7}", 0.3),)
    CONTEXT = words("phone.LandlineRecognizer.CONTEXT")

    def words(self):
        w = super().words()
        w[f"context:{self.TYPE}"] = set(w[f"context:{self.TYPE}"]) | set(HOME_WORDS)
        w["list:person_id_words"] = set(PERSON_ID_WORDS)
        w["list:landline_roles"] = self.roles
        w["list:owner_labels"] = set(OWNER_LABELS)  # (each must be a word the scan tags: "座机" is no other list's)
        return w
    NEGATIVE_CONTEXT = OFFICE_PHONE_WORDS
    CONTEXT_BOOST = 0.55

    def __init__(self, lexicon, settings):
        super().__init__(lexicon, settings)
        self._mobile = re.compile(MobileRecognizer.PATTERNS[0].regex)
        self._reader = NameReader.from_lexicon(lexicon)
        self.roles = (lexicon.words("neutral_roles") | lexicon.words("sensitive_roles") | lexicon.words("kin_roles")) - {"姓名"}

    def _private_role(self, fld, start: int) -> bool:
        """"出租人联系电话0532-…", "信访人：赵某\n联系地址：…\n联系电话：0351 …", "业主代表 李某某，联系地址…，
        联系电话…": the number of a private person named by role — the role labels the number, or opens the
        record (its sentence, or its lines) the number belongs to."""
        t = fld.text
        for h in fld.hits_between(start - 12, start):
            if h.term in self.roles and h.end <= start and ROLE_PHONE_LABEL_RE.fullmatch(t, h.end, start):
                return fld.terms_between(max(0, h.start - 8), start).isdisjoint(self.negative_context)
        # the sentence of a record laid out one "label：value" line after another is the whole record
        # (``Segments``): its first line may name the role ("信访人：某某\n联系地址：…\n联系电话：…")
        sl, _ = fld.segments.sentence(start)
        lead = ITEM_NUMBERING_RE.match(t, sl).end()  # "1. 业主代表 …"
        for h in fld.hits_between(lead, lead + 6):
            if h.start == lead and h.term in self.roles and t[h.end:h.end + 1] in ("：", ":", " ", "\u3000"):
                line_end = t.find("\n", h.end, start)
                owner = t[h.end:line_end if line_end >= 0 else start]
                own_line = line_start(t, start, ROW_REACH)
                # (the record ends at a line naming an office: "异议送达地址：…登记大厅⏎联系电话：…" is the office's)
                return (ORG_ON_LINE_RE.search(owner[:24]) is None
                        and (line_end < 0 or OFFICE_LINE_RE.search(t, line_end, max(line_end, own_line)) is None)
                        and OFFICE_OWN_LINE_RE.match(t, own_line) is None
                        and fld.terms_between(sl, start).isdisjoint(self.negative_context))
        return False

    def _named_owner(self, fld, start: int) -> bool:
        """"熊建平联系电话：(0713) 8356 217": the phone label belongs to a person named right before it
        (at the start of a line or clause), not to an office."""
        t = fld.text
        labels = [h for h in fld.hits_between(start - 10, start) if h.term in OWNER_LABELS and h.end <= start
                  and not t[h.end:start].strip(" ：:\u3000")]
        if not labels:
            return False
        k = min(h.start for h in labels)
        spaced = False
        while k > 0 and t[k - 1] in " \u3000" and start - k < 14:
            k -= 1  # "申请人孙某某 联系电话 0371-…": a space between the (masked) name and its label
            spaced = True
        comma = k > 0 and t[k - 1] in "，,（("
        if comma:
            k -= 1  # "学生家长韩某某，联系电话…", "付某（座机…）": only a masked name (an official's is given in full)
        for p in range(max(0, k - 4), k - 1):
            got = self._reader.read(t, p, allow_masked=True, after_word=True)
            if (got and got[0] == k and t[k - 1] not in PLACE_END
                    and (got[1] or (not comma and not spaced and (p == 0 or t[p - 1] in OWNER_BEFORE)))):
                return fld.terms_between(max(0, p - 12), start).isdisjoint(self.negative_context)
        return False

    def _person_before(self, doc, fld, start: int) -> bool:
        """"户主武某某（联系电话0351 …", "投诉人为业主冯晓庆（联系电话029-…", "钱某某，联系电话025-…": the last
        person named before the number in its clause is a private one (masked, or named by a private role)."""
        t = fld.text
        lo = max(start - PERSON_REACH, t.rfind("\n", max(0, start - PERSON_REACH), start) + 1,
                 t.rfind("。", max(0, start - PERSON_REACH), start) + 1)
        before = [p for p in doc.persons.between(fld.name, lo, start) if p.end <= start]
        if not before:
            return False
        p = before[-1]
        return ((p.masked or p.sensitive or p.cue in self.roles)
                and fld.terms_between(p.end, start).isdisjoint(self.negative_context)
                and OFFICE_LABEL_RE.search(t, p.end, start) is None)

    @staticmethod
    def _office_label(fld, start: int) -> bool:
        """"执法大队电话：0532-…", "县民政局联系电话：…": the number's own label names an office."""
        t = fld.text
        return OFFICE_LABEL_RE.search(t, max(0, t.rfind("\n", max(0, start - 30), start) + 1, start - 30), start) is not None

    def _home_label_before(self, fld, start: int) -> bool:
        """A private phone's label ("住宅电话", "宅电：", "家庭固话") ends right before ``start``."""
        return any(h.term in self.CONTEXT and LABEL_GAP_RE.fullmatch(fld.text, h.end, start)
                   for h in fld.hits_between(start - 12, start))

    def _row_with_id(self, fld, start: int) -> bool:
        """A valid ID number earlier in the number's sentence, on its line ("杨某某　5226…　0855-8263417"): a
        person's row — not an office's number after it ("…，监督电话：0871-…")."""
        t = fld.text
        line = max(t.rfind("\n", max(0, start - 80), start) + 1, t.rfind("。", max(0, start - 80), start) + 1, start - 80)
        return fld.id_between(line, start) and fld.terms_between(start - 16, start).isdisjoint(self.negative_context)

    @staticmethod
    def _addressees_own(fld, start: int) -> bool:
        """"因你来信所留固定电话…", "你登记的联系电话…": the number the letter's addressee left."""
        return YOUR_PHONE_RE.search(fld.text, max(0, start - 24), start) is not None

    def _line_of_person(self, fld, start: int) -> bool:
        """The number's line and sentence open with a masked person ("4. 收件人姜*，固定电话…", "赵某（联系电话：…）"),
        or its table row has a masked person's cell ("2｜谢**｜2016｜0851-…")."""
        t = fld.text
        line = t.rfind("\n", max(0, start - 80), start) + 1
        if fld.column_header(start) and MASKED_CELL_RE.search(t, line, start):
            row_end = t.find("\n", start)
            row = t[line:row_end if row_end >= 0 else min(len(t), start + 80)]
            return (ORG_IN_ROW_RE.search(row) is None
                    and fld.terms_between(max(line, start - 16), start).isdisjoint(self.negative_context))
        return (fld.opens_with_person(start, 80)
                and fld.terms_between(max(line, start - 16), start).isdisjoint(self.negative_context))

    def _home_sentence(self, fld, start: int) -> bool:
        """"…住址：某路5号2单元301室，联系电话：0351-…" or "使用权人：某某（身份证号…），联系电话0351-…":
        a phone given with a home address or with a person's identity number — not the office's contact that closes
        the notice ("联系电话：…⏎某市自然资源局") or that an official's line gives ("经办：区文明办 梁某 电话 …")."""
        if _signed_off(fld.text, start) or fld.tagged_between(OFFICIAL, line_start(fld.text, start, ROW_REACH), start):
            return False
        sl, _ = fld.segments.sentence(start)
        lo = max(sl, start - 60)
        terms = fld.terms_between(lo, start)
        private = not terms.isdisjoint(HOME_WORDS) or any(
            h.term in PERSON_ID_WORDS and ID_NUMBER_RE.search(fld.text, h.end, min(start, h.end + 8) + 18)
            for h in fld.hits_between(lo, start))  # the word with its number, not "携带身份证明"
        return private and terms.isdisjoint(self.negative_context)

    def _private_value_before(self, doc, fld, start: int) -> bool:
        """"申请人住某镇金峰村9组7号，联系电话0731-…", "身份证号…，电话…", a table row's next cell: a private
        address, ID number or mobile reported earlier in the number's sentence and line is the same person's when
        the number is labelled as a phone or follows the value directly, with no office word between."""
        t = fld.text
        sl, _ = fld.segments.sentence(start)
        lo = max(sl, t.rfind("\n", max(0, start - VALUE_REACH), start) + 1, start - VALUE_REACH)
        labelled = OWN_LABEL_RE.search(t, max(lo, start - 12), start) is not None
        return any(r.type in PRIVATE_VALUES
                   and (labelled or not t[r.end:start].strip(LIST_SEPARATORS + " \t\u3000"))
                   and ORG_ON_LINE_RE.search(t, r.end, start) is None
                   and fld.terms_between(r.end, start).isdisjoint(self.negative_context)
                   for r in doc.found.within(fld.name, lo, start))

    def _private_column(self, doc, fld, start: int) -> bool:
        """The number's table column is a phone column, not an office's ("宅电", "家长联系电话", "联系电话" — not
        "办公电话"), and the column is a home phone's or its row names a person and no business or office (a 低保
        list's "户主姓名…联系电话")."""
        header = fld.column_header(start)
        if not PHONE_HEADER_RE.search(header) or office_column(header):
            return False
        if any(w in header for w in HOME_COLUMNS):
            return True
        t = fld.text
        line = line_start(t, start, ROW_REACH)
        row_end = t.find("\n", start, start + ROW_REACH)
        row = t[line:row_end if row_end >= 0 else min(len(t), start + ROW_REACH)]
        return ORG_IN_ROW_RE.search(row) is None and bool(doc.persons.between(fld.name, line, start))

    def _item_of_person(self, doc, fld, start: int) -> bool:
        """"1. 上清寺街道 陈某某，患尿毒症…；联系电话（宅）023-…", "2. 段某某，…给予临时救助3,000元。联系电话：…": a
        numbered item that names a person first is about that person, and the phone it labels as one is theirs."""
        t = fld.text
        line = t.rfind("\n", max(0, start - ROW_REACH), start) + 1
        lead = ITEM_NUMBERING_RE.match(t, line).end()
        if lead == line or (line == 0 and start > ROW_REACH):
            return False  # no numbered item, or its line began further back than a row is read
        if OWN_LABEL_RE.search(t, max(lead, start - 12), start) is None:
            return False
        named = doc.persons.between(fld.name, lead, lead + ITEM_LEAD)
        # (or a masked name opens it: "一、杨某某，用电地址：…。联系电话：0394-…")
        return ((any(p.start < lead + ITEM_LEAD and not p.masked for p in named)
                 or PERSON_RECORD_RE.match(t, line, start) is not None)
                and fld.terms_between(max(line, start - 16), start).isdisjoint(self.negative_context))

    def _home_after(self, fld, start: int, end: int) -> bool:
        """"0898-66547213（住宅电话）", "(0415) 2156 738为住宅电话": the number is called a home phone — also
        a contact person's ("联系人固定电话0954-…（本人住宅）")."""
        return (HOME_AFTER_RE.match(fld.text, end, min(len(fld.text), end + 8)) is not None
                and fld.terms_between(max(0, start - 12), start).isdisjoint(self.negative_context - CONTACT))

    def _before_private_mobile(self, fld, start: int, end: int) -> bool:
        """"联系电话0371-6593 8107、13673991864": a landline listed with a private mobile is private too."""
        t = fld.text
        j = end
        while j < len(t) and j - end < 3 and t[j] in LIST_SEPARATORS:
            j += 1
        if j == end:
            return False
        m = self._mobile.match(t, j)
        return (m is not None and (m.end() == len(t) or not t[m.end()].isdigit())
                and fld.terms_between(max(0, start - 12), start).isdisjoint(self.negative_context))

    def _after_private_mobile(self, fld, start: int) -> bool:
        """"联系电话：138…、0411-…": a landline listed with a private mobile is private too."""
        label = SECOND_PHONE_LABEL_RE.search(fld.text, max(0, start - 8), start)
        # "手机139…，座机0531-…", "联系电话139…，备用电话0531-…": the list runs on before the second number's label
        c = listed_before(fld, label.start() if label else start, 3)
        if c is None:
            return False
        number = c.compact[-11:]
        return (len(number) == 11 and self._mobile.fullmatch(number) is not None
                and fld.terms_between(c.start - 12, c.start).isdisjoint(self.negative_context))

    def analyze_candidate(self, doc, fld, cand):
        t = fld.text
        if LOCAL_NUMBER_RE.fullmatch(cand.compact) and (
                self._home_label_before(fld, cand.start) or self._private_column(doc, fld, cand.start)
                or self._item_of_person(doc, fld, cand.start)):
            # "住宅电话2036518", a 低保 list's phone column, a recipient's item: a local number without its area code
            yield self.result(fld, cand.start, cand.end, 0.75, "私人语境中的本地号码")
            return
        for c in variants(cand, (10, 11, 12)):
            if not self.match_pattern(c.compact) or labelled_other(fld, c.start, self.context):
                continue  # "用户号：0103228140": a customer number that looks like a Beijing landline
            if office_column(fld.column_header(c.start)):
                continue  # the "办公电话" column, whatever the column beside it says ("…｜办公电话｜宅电")
            if OFFICE_AFTER_RE.match(t, c.end, min(len(t), c.end + 8)):
                continue  # "…（前台）": a desk's number, whoever the record names
            score = self.context_score(fld, c.start, c.end, 0.3, left=10, right=0)
            if score < self.settings.min_score and self._home_after(fld, c.start, c.end):
                score = 0.75  # "…研究院，联系电话0431-…（住宅）": called a home phone, whatever office is named before
            if score < self.settings.min_score and not self._office_label(fld, c.start) and (
                    self._after_private_mobile(fld, c.start) or self._before_private_mobile(fld, c.start, c.end)
                    or self._home_sentence(fld, c.start) or self._named_owner(fld, c.start)
                    or self._private_role(fld, c.start) or self._row_with_id(fld, c.start)
                    or self._line_of_person(fld, c.start) or self._home_label_before(fld, c.start)
                    or self._addressees_own(fld, c.start) or self._person_before(doc, fld, c.start)
                    or self._private_value_before(doc, fld, c.start) or self._private_column(doc, fld, c.start)
                    or self._item_of_person(doc, fld, c.start)):
                score = 0.75
            if score >= self.settings.min_score:
                end = c.end
                ext = EXTENSION_RE.match(t, end) if end == cand.end else None
                if ext:
                    end = ext.end()  # "0571-87001234转8021": the extension is part of the number
                yield self.result(fld, c.start, end, score, "私人语境")
