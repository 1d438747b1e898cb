"""Private attributes of an identifiable person: health, social assistance, criminal record, religion.

Each is reported only when it is tied to a person the person recognizer found in the same sentence
(or referred back to with 患者/其/该户… shortly after such a person): "全区低保对象3,127人" or
"艾滋病感染者随访关怀活动" say nothing about anyone and are not flagged. A result names the persons
it is about (``Result.about``); the person decision reads that, nothing is written into the mentions.
"""

from __future__ import annotations

import re

from .base import Recognizer
from .marking_position import cited
from .text import ITEM_NUMBER, line_start, trimmed
from .persons.cues import DISCIPLINE_TAG, OFFICIAL
from .persons.profiles import ADDRESSEE_CUES, SALUTATION_RE, YOU_RE
from .wordlists import words

PRONOUNS = words("privacy_context.PRONOUNS")
PRONOUN_RE = re.compile("|".join(re.escape(w) for w in sorted(PRONOUNS, key=len, reverse=True)))
"""Any pronoun (one C-level search instead of one ``rfind`` per word)."""
ROLE_SUBJECT_RE = re.compile("|".join(re.escape(w) for w in sorted(PRONOUNS, key=len, reverse=True) if len(w) > 1 and w[0] != "该"))
"""A role word standing for the person named before, as the subject that opens a sentence ("原告于…", "患者…")."""
PRONOUN_REACH = 12
SENTENCE_LEAD_RE = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、[ \t\u3000]*)?(?:" + ITEM_NUMBER + r"[ \t\u3000]*)?")
"""What opens a sentence before its subject: an item's number ("一、", "2. ", "（3）")."""
REFERENCE_BACK = 150
"""A pronoun points back at the person named last within this many characters before the statement."""
"""A pronoun this close before a statement ("申请人2019年突发脑梗") points back at the person named before."""
DISABILITY_KINDS = words("privacy_context.DISABILITY_KINDS")
GRADE_RE = re.compile(r"(?:肢体|视力|听力|言语|智力|精神|多重)?[一二三四1-4]级\Z")
"""A grade before a disability: "肢体二级（残疾）", "二级（肢体残疾）"."""
HEALTH_TAIL_RE = re.compile(r"晚期|早期|中期|多年|在床|患者|住院|入院")
KIN = words("privacy_context.KIN")
DIAGNOSIS_LEADS = frozenset(words("privacy_context.DIAGNOSIS_LEADS") + tuple(f"{k}患" for k in KIN))
DIAGNOSIS_END = "，,。；;（(\n：:|｜\t\u3000"
NEGATION_RE = re.compile(r"(?:不予|免予|未予|未被|不得|无|没有|不属于|不构成)\Z")
RELIGIONS = words("privacy_context.RELIGIONS")
SYMPTOMS = frozenset(words("privacy_context.SYMPTOMS"))
SYMPTOM_REACH = 150
"""A symptom ("7月1日出现发热、寒战") this close to a diagnosis of the case is the diagnosis's history: one finding, the
diagnosis."""
SOCIAL_LEAD_RE = re.compile(r"(?:(?:纳入|享受|申请)?(?:城市|农村|城乡)|系|申请|为|属|享受|纳入|认定为|给予)\Z")
"""Right before an assistance word, what makes it a status of someone ("纳入农村低保", "给予临时救助")."""
SUBTYPE_RE = re.compile(r"[（(][^（()）\n]{1,4}型[)）]")
SUBTYPE_BEFORE_RE = re.compile(r"[\u4e00-\u9fff]{2}型\Z")


BELIEF_LEADS = words("privacy_context.BELIEF_LEADS")
BELIEF_BEFORE = words("privacy_context.BELIEF_BEFORE")
CLERGY = frozenset(("阿訇", "伊玛目", "神父", "牧师", "修女", "僧人", "喇嘛", "道士"))
CLERGY_SAID_RE = re.compile(r"[系是为（(]")
"""A cleric's calling is said of a person when the clause says so ("某某系清真寺阿訇", "某某（某寺院僧人）")."""
BELIEVERS = ("信徒", "信众", "教众", "徒")
"""After a religion, the word for its believers ("伊斯兰教信众", "佛教徒")."""
ANCHOR_REACH = 100
"""How far in its sentence a statement looks for the person it is about."""
NEAREST = 4
"""A statement is about the persons nearest to it ("张三、李四、王五、赵六均系低保对象"), not every name in a long list."""
RECORD_VALUE_RE = re.compile(r"[ \t\u3000]*[：:][ \t\u3000]*([^\n\t\u3000]{1,40})")
"""After a record label: the value, to the end of its line or cell."""
CLASS_CODE_RE = re.compile(r"[A-Za-z0-9一二三四五六七八九十]{1,3}[类档级等]?")
EMPTY_VALUES = frozenset(("无", "—", "-", "/", "暂无", "不详", "否", "略", "（略）", "(略)", "已脱敏", "（已脱敏）",
                          "已隐去", "（已隐去）", "***"))
"""Values that state nothing (left out, or already de-identified)."""
BENEFIT_AFTER = frozenset(("保险", "医保", "险报", "统筹"))
"""After an illness word, the name of a scheme ("大病保险")."""
SCHEME_AFTER_RE = re.compile(r"(?:患者|儿童|人)?[\u4e00-\u9fff]{0,4}?(?:补助|补贴|救助|项目|信息系统|以奖代补|防控|防治|筛查)|(?:[内外]|放疗|介入)?科(?![学技研])"
                             r"|病区|(?:专科)?医?院|人(?:联合会|专职委员|专门协会|之家)")
"""After a condition, a scheme for all who have it ("严重精神障碍患者监护补助", "残疾儿童康复救助", "结核病防控工作"),
or the hospital, department, body or post named after it ("省肿瘤医院", "烧伤科", "肿瘤内科", "残疾人联合会", "社区残疾人专职委员"):
no one's condition stated."""
ABOVE_RE = re.compile(r"[ \t\u3000]*(?:以上|上述)[\u4e00-\u9fff]{0,6}?(?:均|都|全部)?(?:为|系|是|属于?|已?纳入)")
"""A sentence about the persons listed above it ("以上对象均为低保对象")."""
ABOVE_REACH = 400
HOUSEHOLD_RE = re.compile(r"(?:该户|该家庭|其家庭|其户|该对象)[^，,。；;\n]{0,6}\Z")
"""Right before a status, the household or person named just before ("该户系农村低保户", "其家庭已纳入低保")."""
HOUSEHOLD_REACH = 10
STATEMENT_LEAD = frozenset("，,、：:（( \t\u3000")
"""Punctuation between a person and the statement about them, not part of the statement."""


STATED_RECORD_RE = re.compile(r"(?<![没])有[\u4e00-\u9fff]{0,8}\Z")
"""Before a label's word, what says someone has it ("有交通肇事犯罪记录"; not "无…", "没有…", "出具…")."""


class _AttributeRecognizer(Recognizer):
    ACTION = "review"
    STAGE = 2
    SECOND_READING = "add"  # a statement the rules tie to no one is read again (second_reading.py)
    VALUE = False
    PRONOUN_REFERENCE = True
    MERGE_GAP = 12

    MASKED_ANCHORS = True  # "刘某某…诊断为…": the attribute is still stated of a (masked) person

    IN_TITLES = True  # whether the title's words state it of the person the title names
    LABELS = ""  # the word list of record labels whose value states this attribute ("病种：…")
    CODES_SAY_NOTHING = False  # a bare class code under the label ("B类") states nothing
    LABEL_STATES = False  # a label's word with no value after it may state the attribute ("有交通肇事犯罪记录")

    def __init__(self, lexicon, settings):
        super().__init__(lexicon, settings)
        self.labels = frozenset(lexicon.words(self.LABELS)) if self.LABELS else frozenset()
        self.statements = (frozenset(w for name in self.TRIGGER_LISTS for w in lexicon.words(name))
                           if self.LABEL_STATES else frozenset())
        """The labels' words that state the attribute wherever they stand too (犯罪记录), where a label may."""

    def words(self):
        w = super().words()
        if self.labels:
            w[f"trigger:{self.TYPE}"] = set(w[f"trigger:{self.TYPE}"]) | self.labels
        return w

    def labelled_value(self, fld, hit):
        """"病种：慢性肾功能衰竭": the value of a record line whose label says what it is, or ``None``."""
        t = fld.text
        m = RECORD_VALUE_RE.match(t, hit.end, min(len(t), hit.end + 60))
        line = t.rfind("\n", 0, hit.start) + 1
        if not m or t[line:hit.start].strip(" \t\u3000") or m.group(1).strip() in EMPTY_VALUES:
            return None
        return m.start(1), m.end(1)

    def _anchor_ok(self, p) -> bool:
        return not p.masked or p.minor or self.MASKED_ANCHORS

    def anchors(self, doc, fld, start: int, end: int):
        sl, sr = fld.segments.sentence(start, end)
        sl, sr = max(sl, start - ANCHOR_REACH), min(sr, end + ANCHOR_REACH)
        found = doc.persons.nearest(fld.name, start, sl, sr, NEAREST, self._anchor_ok)
        if found or not self.PRONOUN_REFERENCE:
            return found
        return self._addressee(doc, fld, sl, start) or self._referred_to(doc, fld, sl, start, PRONOUN_RE, PRONOUN_REACH)

    def _referred_to(self, doc, fld, sl: int, start: int, pronoun_re, reach: int):
        """The person named last before a pronoun that stands within ``reach`` before the statement ("患者…",
        "该户系…"): the one it points back at."""
        if (pronoun_re.search(fld.text, max(sl, start - reach), start) is None
                and ROLE_SUBJECT_RE.match(fld.text, SENTENCE_LEAD_RE.match(fld.text, sl).end(), start) is None):
            return []  # (nor the subject that opens the sentence: "一、原告于2023年8月在某医院行…术，术后出现…")
        return [p for p in doc.persons.between(fld.name, start - REFERENCE_BACK, start) if self._anchor_ok(p)][-1:]

    def _addressee(self, doc, fld, sl: int, start: int):
        """"周某某：\n你于3月12日反映的“…腰椎骨折后遗症…”": in a letter to a person, 你/您 earlier in the
        sentence is the addressee."""
        if fld.name != "body" or not YOU_RE.search(fld.text, sl, start):
            return []
        first = doc.persons.between("body", 0, 120)
        t = fld.text
        return [p for p in first if p.cue in ADDRESSEE_CUES and SALUTATION_RE.match(t, p.end)
                and not t[t.rfind("\n", 0, p.start) + 1:p.start].strip() and self._anchor_ok(p)][:1]

    def column_values(self, doc, fld, hit):
        """"残疾类别" heading a table column: each row's cell is that attribute of the row's person."""
        t = fld.text
        out = []
        for a, b in (trimmed(t, *cell) for cell in fld.column_cells(hit.start)):
            if a >= b or t[a:b] in EMPTY_VALUES or (self.CODES_SAY_NOTHING and CLASS_CODE_RE.fullmatch(t, a, b)):
                continue  # "保障类别：B类": a class code, not a statement (a disability grade "一级" is one)
            persons = _AttributeRecognizer.anchors(self, doc, fld, a, b)
            if persons:
                out.append(self.result(fld, a, b, 0.75, f"“{hit.term}”列", about=tuple(persons)))
        return out

    def analyze_trigger(self, doc, fld, hit):
        if fld.name == "title" and not self.IN_TITLES:
            return ()  # "关于某某临时救助申请的答复": the title names the matter; the name in it is what identifies
        labelled = hit.term in self.labels
        if labelled and self.labelled_value(fld, hit) is None:
            cells = self.column_values(doc, fld, hit)
            if (cells or hit.term not in self.statements or fld.column_cells(hit.start)
                    or not STATED_RECORD_RE.search(fld.text, max(0, hit.start - 10), hit.start)):
                return cells
            labelled = False  # "有交通肇事犯罪记录；": a label's word said of someone, with no value after it
        # a record's label is followed by its colon: that is no list being introduced (the plain reading)
        persons = (_AttributeRecognizer.anchors(self, doc, fld, hit.start, hit.end) if labelled
                   else self.anchors(doc, fld, hit.start, hit.end))
        if not persons:
            return ()
        span = self.labelled_value(fld, hit) if labelled else self.span(fld, hit)
        if span is None:
            return ()
        start, end = span
        for p in persons:  # "白沙镇谯志勇曾因吸毒…": the statement starts after the person it is about
            if start <= p.start and p.end <= hit.start:
                start = max(start, p.end)
        while start < hit.start and fld.text[start] in STATEMENT_LEAD:
            start += 1
        return (self.result(fld, start, end, 0.75, self.detail(hit), about=tuple(persons)),)

    def span(self, fld, hit):
        return hit.start, hit.end

    def rereads(self, fld, hit) -> bool:
        return fld.name != "title" or self.IN_TITLES  # where the rules read it at all

    def second_reading_span(self, doc, fld, hit):
        """Where the rules would have reported the statement: the label's value, or its phrase (the trigger
        word when the rules read none)."""
        span = self.labelled_value(fld, hit) if hit.term in self.labels else self.span(fld, hit)
        return span if span is not None else (hit.start, hit.end)

    def second_result(self, fld, start, end, hit, p):
        return self.result(fld, start, end, round(p, 2), f"“{hit.term}”，模型判断指向个人（概率 {p:.2f}），请核实", learned=True)

    def detail(self, hit) -> str:
        return f"“{hit.term}”，指向可识别的个人"


class HealthRecognizer(_AttributeRecognizer):
    """Diagnoses, disabilities, injuries of a named person (``诊断为精神分裂症``, ``肢体二级残疾``)."""

    TYPE = "health"
    LABEL = "健康信息"
    TRIGGER_LISTS = ("health",)
    LABELS = "health_labels"

    def words(self):
        w = super().words()
        w["list:health_lead"] = self.lexicon.words("health_lead")
        # disability category and grade: 肢体一级, 视力二级残疾, 智力残疾
        grades = {f"{k}{g}级" for k in DISABILITY_KINDS for g in "一二三四1234"} | {f"{k}残疾" for k in DISABILITY_KINDS}
        # a disabled serviceman's or injured worker's grade: "因战五级", "因公八级", "因病九级"
        grades |= {f"{cause}{g}级" for cause in ("因战", "因公", "因病") for g in "一二三四五六七八九十"}
        # "妻子患尿毒症", "本人患…": an illness of a family member or of the person
        kin = {f"{k}患" for k in KIN}
        w[f"trigger:{self.TYPE}"] = set(w[f"trigger:{self.TYPE}"]) | grades | kin
        w["list:health_lead"] = set(w["list:health_lead"]) | kin
        return w

    def span(self, fld, hit):
        t = fld.text
        if any(h.start <= hit.start and hit.end <= h.end and (h.start, h.end) != (hit.start, hit.end)
               for h in fld.tagged_between("trigger:social_assistance", hit.start - 8, hit.end + 16)):
            return None  # "残疾人两项补贴": the name of a benefit, not a disability of someone
        if t[hit.end:hit.end + 2] in BENEFIT_AFTER or SCHEME_AFTER_RE.match(t, hit.end, min(len(t), hit.end + 10)):
            return None  # "大病保险报销", "重病医保": an insurance scheme, not an illness
        if hit.term in SYMPTOMS and any(h.term not in SYMPTOMS for h in fld.tagged_between(
                "trigger:health", hit.start - SYMPTOM_REACH, hit.end + SYMPTOM_REACH)):
            return None  # "出现发热、寒战等症状后就诊，经复核确诊为恶性疟": the diagnosis states it
        if hit.term in CAUSE_WORDS and CAUSE_OF_HARDSHIP_RE.match(t, hit.end):
            return None  # "因病致贫", "风险类型：因病": the category of a household's hardship, no condition stated
        cl, cr = fld.segments.clause(hit.start, hit.end)
        leads = [h for h in fld.tagged_between("list:health_lead", max(cl, hit.start - 12), hit.start + 1)
                 if h.end <= hit.start or h.start == hit.start]
        lead = max(leads, key=lambda h: h.start) if leads else None
        start = lead.start if lead else hit.start
        g = GRADE_RE.search(t, max(0, hit.start - 6), hit.start)
        if g and g.start() < start:
            start = g.start()
        end = hit.end
        m = HEALTH_TAIL_RE.match(t, end, min(len(t), end + 2))
        if m:
            end = m.end()
        if (lead is not None and lead.term in DIAGNOSIS_LEADS) or hit.term in DIAGNOSIS_LEADS:
            # "诊断为右手示指、中指创伤性离断": the diagnosis runs to the end of the clause (、 included)
            stop = end
            while (stop < len(t) and stop < end + 30 and t[stop] not in DIAGNOSIS_END
                   and t[stop:stop + 2] != "  "):  # (nor past a table's cell gap: "患尿毒症长期透析    1384…")
                stop += 1
            end = stop
        if end - start <= len(hit.term) and hit.term in DIAGNOSIS_LEADS:
            return None  # "患有" with nothing after it
        return start, end


CAUSE_WORDS = frozenset(("因病",))
CAUSE_OF_HARDSHIP_RE = re.compile(r"(?:致贫|致困|返贫|支出型)|[ \t\u3000]*(?:[|｜\t\n）)，,；;]|\Z)")
"""After 因病: the hardship it caused ("因病致贫"), or nothing more (a table cell "因病", "（因病）")."""


PROGRAMME_AFTER_RE = re.compile(r"助学|[\u4e00-\u9fff]{0,2}?(?:工程|项目|行动|计划)")
"""After an assistance word, a programme for all in that class ("定向用于孤儿助学", "孤儿助学工程"), not anyone's status."""
STANDARD_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:标准|条件)")
"""After an assistance word, its standard or conditions ("低保标准", "临时救助家庭财产限定标准", "符合临时救助条件"): the
scheme and who may have it, not a status."""
APPLICATION_AFTER_RE = re.compile(r"(?:[\u4e00-\u9fff]{0,10}?(?:供养|补贴|救助|保障))?的?申请(?!人)")
"""After an assistance word, 申请 ("临时救助申请", "特困人员供养申请"): the application a letter answers names the
matter, as a title does; the decision on it states the status."""
ADVICE_BEFORE_RE = re.compile(r"可(?:按规定|依规|依法|及时)?(?:向[^，。；\n]{0,12}?)?申请\Z")
"""Before it, advice to apply ("你可按规定申请医疗救助"): what a person may do, not what they receive."""


NOT_ASSISTANCE_BEFORE = ("司法",)
"""Before a word of social assistance, what makes it another kind of aid (国家司法救助 is no 社会救助)."""


POST_REACH = 8
"""The longest official's word looked for right after an assistance word."""


class SocialAssistanceRecognizer(_AttributeRecognizer):
    """低保/特困/临时救助 status of a named person (after the name, or as the role right before it)."""

    IN_TITLES = False  # "关于某某临时救助申请的答复": a title names the matter (the name in it is reported)

    TYPE = "social_assistance"
    LABEL = "社会救助对象身份"
    TRIGGER_LISTS = ("social_assistance",)
    LABELS = "social_assistance_labels"
    CODES_SAY_NOTHING = True
    PRONOUN_REFERENCE = False
    MASKED_ANCHORS = False

    def analyze_trigger(self, doc, fld, hit):
        if fld.text.endswith(NOT_ASSISTANCE_BEFORE, max(0, hit.start - 2), hit.start):
            return ()  # "司法救助金": a court's or procuratorate's aid to a victim, not one of 社会救助
        if any(h.start == hit.end for h in fld.tagged_between(OFFICIAL, hit.end, hit.end + POST_REACH)):
            return ()  # "低保专干", "救助协理员": the post of who administers it, no one's status
        status_column = (hit.term in self.labels and fld.column_cells(hit.start)) or self._status_cell(fld, hit.start)
        if status_column and self._led(doc, fld, hit.start):
            return ()  # "以下家庭拟纳入城乡低保：" over a 保障类别 column: the lead states it of everyone listed
        listed = self.listed(doc, fld, hit)
        if listed is None:
            return super().analyze_trigger(doc, fld, hit)
        if not listed:
            return ()  # another word of the lead sentence states it
        span = self.span(fld, hit, lead=True)
        if span is None:
            return ()
        return (self.result(fld, span[0], span[1], 0.75, f"“{hit.term}”，说的是下列名单中的人", about=tuple(listed)),)

    def listed(self, doc, fld, hit):
        """"以下家庭拟纳入农村最低生活保障，现予公示：": a sentence that introduces a list states the status of
        everyone the list names, when the rows state none of their own (a status column's cells name the kind the
        lead grants); the persons are the first few the list below names (a table's: its rows'). The lead is one
        statement: of its assistance words, the one nearest after "以下/下列" (or before "如下/名单") reports it.
        ``None`` where the sentence leads no list of names (the plain reading applies); ``[]`` for the lead's
        other words."""
        t = fld.text
        if fld.name == "title" or cited(t, hit.start, hit.end):
            return None  # (a title names the matter; "根据《最低生活保障办法》" cites a rule)
        sl, sr = fld.segments.sentence(hit.start, hit.end)
        sl, sr = max(sl, hit.start - LEAD_REACH), min(sr, hit.end + LEAD_REACH)
        lead = LIST_LEAD_RE.search(t, sl, sr)
        if not lead:
            return None
        sl, sr = max(sl, lead.start() - LEAD_REACH), min(sr, lead.end() + LEAD_REACH)
        line = max(t.rfind("\n", max(0, hit.start - LEAD_REACH), hit.start) + 1, hit.start - LEAD_REACH)
        line_end = t.find("\n", hit.end, hit.end + LEAD_REACH)
        line_end = min(len(t), hit.end + LEAD_REACH) if line_end < 0 else line_end
        if not HEADING_PUNCTUATION_RE.search(t, line, line_end):
            return None  # a heading ("…救助对象名单"), as a title: it names the matter
        hi = line_end + LIST_REACH
        persons = [p for p in doc.persons.between(fld.name, hit.end, hi) if self._anchor_ok(p)]
        if persons and (table := fld.table_start(persons[0].start)) is not None:
            # a table lists them: its rows' persons, not those a line under it names ("评议小组：王某（社区书记）")
            persons = [p for p in persons if fld.table_start(p.start) == table]
        if not persons:
            return None  # no one named below
        words = [h for h in fld.tagged_between("trigger:social_assistance", sl, sr) if not cited(t, h.start, h.end)]
        if lead.group() in LIST_AFTER:
            after = [h for h in words if h.start >= lead.end()]
            chosen = after[0] if after else words[-1]
        else:
            before = [h for h in words if h.end <= lead.start()]
            chosen = before[-1] if before else words[0]
        granted = GRANTED_BEFORE_RE.search(t, max(sl, chosen.start - GRANT_REACH), chosen.start) is not None
        rows = {line_start(t, p.start, LIST_REACH) for p in persons}  # (bounded: a hostile text has no line end)
        if any(line_start(t, h.start, LIST_REACH) in rows and self._own_status(fld, h, granted)
               for h in fld.tagged_between("trigger:social_assistance", line_end, hi)):
            return None  # the rows state each person's own status ("给予临时救助2400元")
        if not granted and lead.group() not in LIST_AFTER:
            return []  # "现将本月临时救助对象公示如下": the list's name, as a heading gives it
        return persons[:NEAREST] if (chosen.start, chosen.end) == (hit.start, hit.end) else []

    def _own_status(self, fld, h, granted: bool) -> bool:
        """A word on a listed person's line that states a status of that person ("给予临时救助2400元"); not a
        citation, nor the scheme's standard ("超过当地低保标准"). A status column's cell is the kind of what a lead that
        grants it names ("拟纳入低保" over "城市低保｜农村低保"); under a lead that grants nothing ("现将医疗救助对象
        公示如下") a cell that names a class of persons ("低保对象", "特困人员") is the row's own status."""
        if cited(fld.text, h.start, h.end) or h.term in self.labels or self.span(fld, h) is None:
            return False
        return not self._status_cell(fld, h.start) or (not granted and BENEFIT_RE.search(h.term) is None)

    def _status_cell(self, fld, pos: int) -> bool:
        """``pos`` stands in a cell of a status column ("保障类别", "供养方式")."""
        return not fld.column_terms(pos).isdisjoint(self.labels)

    def _led(self, doc, fld, pos: int) -> bool:
        """The table holding ``pos`` follows a list's lead sentence that states the status (``listed``): once per table."""
        start = fld.table_start(pos)
        if start is None:
            return False
        led = fld.memo.setdefault("led_tables", {})
        if start not in led:
            led[start] = any(self.listed(doc, fld, h) for h in fld.tagged_between("trigger:social_assistance",
                                                                                   max(0, start - 2 * LEAD_REACH), start))
        return led[start]

    def anchors(self, doc, fld, start, end):
        t = fld.text
        if end < len(t) and t[end] in "：:":
            return []  # "纳入最低生活保障：张三…" introduces a list (``listed`` reads it)
        sl, sr = fld.segments.sentence(start, end)
        sl, sr = max(sl, start - ANCHOR_REACH), min(sr, end + ANCHOR_REACH)
        anchor_ok = self._anchor_ok

        def keep(p) -> bool:
            return (p.end <= start or p.start == end or p.start == end + 1
                    or (t[end:end + 1] == "的" and DESCRIBED_KIND_RE.fullmatch(t, end + 1, p.start) is not None)
                    ) and anchor_ok(p)

        found = doc.persons.nearest(fld.name, start, sl, sr, NEAREST, keep)
        if not found and ABOVE_RE.match(t, sl, start):
            # "以上救助对象均为低保对象": said of the persons the list above names
            found = [p for p in doc.persons.between(fld.name, max(0, sl - ABOVE_REACH), sl) if anchor_ok(p)][-NEAREST:]
        if not found:
            # "同意对覃秀兰给予…。该户系农村低保户": the household named just before
            found = self._referred_to(doc, fld, sl, start, HOUSEHOLD_RE, HOUSEHOLD_REACH)
        # a letter answering a person's application: "经调查，你家庭符合临时救助条件" is about its addressee
        return found or self._addressee(doc, fld, sl, start)

    def span(self, fld, hit, lead=False):
        t = fld.text
        standard = STANDARD_AFTER_RE.match(t, hit.end)
        if lead and standard and standard.group().endswith("条件"):
            standard = None  # "以下人员符合特困人员救助供养条件：": said of everyone the list names
        if (standard or ADVICE_BEFORE_RE.search(t, max(0, hit.start - 16), hit.start)
                or COLLECTIVE_BEFORE_RE.search(t, max(0, hit.start - 4), hit.start)
                or PROGRAMME_AFTER_RE.match(t, hit.end)):
            return None  # "超过当地低保标准", "你可按规定申请医疗救助", "本村低保评定不公", "孤儿助学": the scheme, no one's status
        if hit.term.endswith("金") and t[hit.end:hit.end + 1] == "额":
            return None  # "救助金额12,600元" in a list of grants: the amount, said with the grant's list
        if APPLICATION_AFTER_RE.match(t, hit.end):
            return None  # "你提交的临时救助申请收悉": the matter applied for, not a status granted
        m = SOCIAL_LEAD_RE.search(fld.text, max(0, hit.start - 4), hit.start)
        sub = SUBTYPE_RE.match(fld.text, hit.end)  # 临时救助（急难型）, 支出型临时救助
        pre = SUBTYPE_BEFORE_RE.search(fld.text, max(0, hit.start - 4), hit.start)
        start = m.start() if m else (pre.start() if pre else hit.start)
        return start, (sub.end() if sub else hit.end)


BENEFIT_RE = re.compile(r"(?:救助|供养|金|补贴|补助|扶助|帮扶|保障|监测|生活费)\Z")
"""An assistance word that names an aid ("临时救助", "分散供养", "低保金"), not a class of persons ("低保对象")."""

DESCRIBED_KIND_RE = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:人员|对象|老人|[员民工户者])")
"""Between a status's 的 and the name it describes, the kind of person ("纳入低保的种植户冯有福", "享受特困供养的老人王某")."""

LIST_LEAD_RE = re.compile(r"以下|下列|如下|名单")
"""In a sentence, what introduces the list below it ("以下人员…", "现将…名单公示如下：")."""
GRANTED_BEFORE_RE = re.compile(r"(?:纳入|给予|享受|认定为|获得|符合|实施)[^，,。；;：:\n]{0,12}\Z")
"""Before the status a lead names, the act that grants it ("以下家庭拟纳入低保", "现将纳入低保的家庭公示如下"); a
"…如下" lead without one only names the list ("现将本月临时救助对象公示如下")."""
GRANT_REACH = 16
"""How far before the status its granting act is looked for."""
LIST_AFTER = frozenset(("以下", "下列"))
"""Lead words the status follows ("以下家庭拟纳入低保"); it goes before the others ("现将低保名单公示如下")."""

HEADING_PUNCTUATION_RE = re.compile(r"[，,：:。；;]")
"""A line with none of these is a heading, not a sentence."""
LEAD_REACH = 80
"""A lead word and the status it introduces stand this close in their sentence."""
LIST_REACH = 600
"""A list's first persons are read this far below its lead's line."""


DECISION_RE = re.compile(r"[ \t\u3000]*(?:[\u4e00-\u9fff]{0,8}?(?:局|院|司法所|分局|大队))?(?:依法|依据[^，。]{0,20}?)?[并已]{0,2}"
                         r"(?:决定|给予|对其|对你|责令)")
"""A clause opening with the deciding body's act: the enforcement decision a notice serves, not a record."""


COLLECTIVE_BEFORE_RE = re.compile(r"(?:本|全|该|我)(?:村|社区|镇|乡|街道|县|区|市)(?:的)?\Z")
"""Before an assistance word, the place whose scheme it is ("本村低保评定不公", "全镇临时救助工作")."""


class CriminalRecordRecognizer(_AttributeRecognizer):
    """Convictions, detention, drug use… of a named person: the clause stating it."""

    TYPE = "criminal_record"
    LABEL = "违法犯罪记录"
    TRIGGER_LISTS = ("criminal",)
    LABELS = "criminal_labels"
    LABEL_STATES = True
    PRONOUN_REFERENCE = True
    MASKED_ANCHORS = False  # "犯罪嫌疑人黄某某已被刑事拘留": masked, the record no longer points at anyone

    def words(self):
        w = super().words()
        w[DISCIPLINE_TAG] = DISCIPLINE_WORDS
        w[f"trigger:{self.TYPE}"] = set(w[f"trigger:{self.TYPE}"]) | ROLE_RECORDS
        return w

    def analyze_trigger(self, doc, fld, hit):
        if hit.term in ROLE_RECORDS:
            sl, sr = fld.segments.sentence(hit.start, hit.end)
            if any(h.term not in ROLE_RECORDS for h in fld.tagged_between(f"trigger:{self.TYPE}", sl, sr)):
                return ()  # "社区矫正对象赵明（因危险驾驶罪被判处拘役…）": the record the sentence states is reported
        return super().analyze_trigger(doc, fld, hit)

    def anchors(self, doc, fld, start, end):
        t = fld.text
        if t[start:end] not in ROLE_RECORDS:
            return super().anchors(doc, fld, start, end)
        # the role says it of the person it names ("社区矫正对象武晓军"; masked: no one identified) or of a letter's
        # addressee ("已将你纳入安置帮教对象") — not of whoever else the sentence names ("对社区矫正对象马某某的矫正小组
        # 成员作如下调整：原志愿者吴某某…")
        k = end
        while k < len(t) and k < end + 2 and t[k] in "：: \u3000":
            k += 1
        named = [p for p in doc.persons.between(fld.name, k, k + 1) if p.start == k]
        if named:
            return [p for p in named if self._anchor_ok(p)]
        return self._addressee(doc, fld, fld.segments.sentence(start, end)[0], start)

    def span(self, fld, hit):
        if hit.term in ROLE_RECORDS:
            return hit.start, hit.end  # "向社区矫正对象武晓军发放生活补助": the role says it, the rest of the clause does not
        cl, cr = fld.segments.clause(hit.start, hit.end)
        if hit.term == "涉嫌" and "罪" not in fld.text[cl:cr]:
            return None
        if NEGATION_RE.search(fld.text, max(cl, hit.start - 4), hit.start):
            return None  # "依法不予行政拘留"
        if DECISION_RE.match(fld.text, cl, hit.start):
            return None  # "本局决定对你强制隔离戒毒二年", "司法所已给予训诫": the act the document publishes, no past record
        if fld.by_tag.get(DISCIPLINE_TAG) and TRANSFER_RE.search(fld.text, cl, cr):
            return None  # "将其涉嫌受贿犯罪问题移送检察机关依法审查起诉": a supervisory body hands an official's case on, as
            # the discipline notices it publishes say (a police notice's suspect sent to the prosecutors stays a record)
        return _cell_of(fld.text, cl, cr, hit.start, hit.end)


PADDING = " \u3000"
CELL_GAP_RE = re.compile(r"[\t｜|]|[ \u3000]{2,}")
"""What parts a table row's cells (a tab, a bar, two spaces or more)."""


def _cell_of(t: str, cl: int, cr: int, start: int, end: int) -> tuple[int, int]:
    """The clause ``[cl, cr)`` holding ``[start, end)`` cut to the table cell that holds it ("南仲都村⏎因故意伤害罪
    服刑三年后释放⏎村委会主任…": the record is its cell, not the row's village and its 帮教责任人)."""
    for gap in CELL_GAP_RE.finditer(t, cl, start):
        cl = gap.end()
    gap = CELL_GAP_RE.search(t, end, cr)
    cr = gap.start() if gap else cr
    while cl < start and t[cl] in PADDING:
        cl += 1
    while cr > end and t[cr - 1] in PADDING:
        cr -= 1
    return cl, cr


TRANSFER_RE = re.compile(r"移送(?:检察机关|检察院|司法机关)")
"""A case handed to the prosecutors: in a discipline notice, the formula of a supervisory body's published decision."""
DISCIPLINE_WORDS = frozenset(words("privacy_context.DISCIPLINE_WORDS"))
"""Words of a discipline authority's notice (纪委, 监委, 开除党籍…), tagged ``DISCIPLINE_TAG``."""
ROLE_RECORDS = frozenset(words("privacy_context.ROLE_RECORDS"))
"""A person's role that is itself a record ("社区矫正对象武晓军"): reported where its sentence states no record of its own."""


class ReligionRecognizer(_AttributeRecognizer):
    """Religious belief of a named person (``系基督教信徒``, ``患者是穆斯林``)."""

    TYPE = "religion"
    LABEL = "宗教信仰"
    TRIGGER_LISTS = ("religion",)

    def words(self):
        w = super().words()
        extra = ({f"{lead}{r}" for r in RELIGIONS for lead in BELIEF_LEADS}
                 | {f"{r}{believer}" for r in RELIGIONS for believer in BELIEVERS})
        extra |= {f"{r}{meeting}" for r in RELIGIONS for meeting in ("聚会", "家庭聚会")}  # "组织基督教家庭聚会"
        w[f"trigger:{self.TYPE}"] = set(w[f"trigger:{self.TYPE}"]) | extra
        return w

    def span(self, fld, hit):
        t = fld.text
        if hit.term in RELIGIONS:
            # a bare 佛教/基督教 is a belief only with 信仰/信奉/系/是 before it or 信徒/徒 after it
            before = t[max(0, hit.start - 2):hit.start]
            after = t[hit.end:hit.end + 2]
            if not (before.endswith(BELIEF_BEFORE) or after.startswith(BELIEVERS)):
                return None
        if t[max(0, hit.start - 2):hit.start] in ("未能", "不能", "无法", "没有", "从未", "不再"):
            return None  # "因行动不便未能参加礼拜": no statement of belief
        if hit.term in CLERGY and not CLERGY_SAID_RE.search(t, fld.segments.clause(hit.start, hit.end)[0] - 1, hit.start):
            return None  # "由其所在清真寺阿訇参与帮教": the cleric helps; nobody's faith is stated
        start = hit.start - 1 if hit.start and t[hit.start - 1] in "是系为" else hit.start
        return start, hit.end
