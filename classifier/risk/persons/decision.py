"""One decision for every person mention: a private person in a context the 条例 §15 protects, or not.

Private (reported, the reason says which): a minor; a 举报人; a person named with a sensitive role
(患者, 低保对象, 社区矫正对象, 申请人…); an item of a 公示 list whose topic is private; a person an
attribute statement (health, social assistance, criminal record, religion) or a child's row (age, grade,
birth date) is about; the party or witness of an enforcement file or penalty decision; the party of a family
case, a labour dispute, a mediated dispute or a petition. Not reported: an official in role (局长张三,
张三同志, 联系人：张三), a company (张三丰农业合作社), an honoree, appointee or recruit in a notice
that law or practice requires to name them (表彰, 拟任, 拟聘用, 中标…), a row of a roster with duties, a
masked name (张某某) — unless a child, and anyone with no protected context at all. A second reading
(second_reading.py) may decide a name again (``PersonNameRecognizer._read_again``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..names import name_boundary
from ..text import ITEM_NUMBERING, line_start
from .context import HOUSEHOLD, OWN_STATEMENT, PETITION, PETITION_CUE, common_word
from .identity import holders
from .lists import list_topic_start, name_column, roster_row
from .mention import PersonMention
from .roles import REPORT_WAY_RE
from .profiles import ADDRESSEE, ADDRESSEE_CUES


@dataclass(frozen=True)
class Decision:
    private: bool
    type: str = "person_name"  # person_name | minor | whistleblower
    ground: str = "privacy"
    label: str = "私人姓名"
    detail: str = ""  # which protected context (for the reason)
    score: float = 0.7
    learned: bool = False  # the second reading decided it (its reason asks a person to confirm)


NOT_PRIVATE = Decision(False)
MINOR_NAME = Decision(True, "person_name", "privacy", "私人姓名", "未成年人", 0.8)
"""A child's name when the text also states the age or grade (that statement is the ``minor`` finding)."""


@lru_cache(maxsize=1024)
def _decision(*args) -> Decision:
    """One (immutable) Decision per distinct reading: a long list decides the same way for each row."""
    return Decision(*args)

ATTRIBUTE_NAMES = {"health": "健康信息", "social_assistance": "社会救助", "criminal_record": "违法犯罪记录",
                   "religion": "宗教信仰", "minor": "未成年人信息"}
ROW_REACH = 200
"""How far back a row's start is looked for (a line without end is not read to its start)."""


class PersonDecision:
    """Decides each mention from what the finders saw and what the attribute recognizers linked to it."""

    def __init__(self, cues):
        self.cues = cues

    def context(self, doc, results):
        """What the whole document says: an enforcement file, a penalty decision, an honour/appointment notice."""
        enforcement = any(r.type == "enforcement_record" for r in results)
        penalty = doc.has_tag("list:penalty_cues")
        private_case = ("婚姻家庭案件的当事人" if doc.has_tag("list:family_case_words")
                        else "劳动争议案件的当事人" if doc.has_tag("list:labour_case_words")
                        else "纠纷调处或信访事项的当事人" if doc.has_tag("list:dispute_case_words") else "")
        honour_notice = self.cues.honour_notice(doc)
        links: dict[tuple[str, int], set[str]] = {}
        for r in results:
            for p in r.about:
                links.setdefault((p.field, p.start), set()).add(r.type)  # PersonMention.key
        for key in _child_rows(doc, results):
            links.setdefault(key, set()).add("minor")
        # an identifier says who a name is only where the document's matter is private (a benefit, a case, a
        # penalty): the IDs of recruits, honorees and officials are private, their names are published
        private_matter = (enforcement or penalty or private_case or bool(links) or list_topic_start(doc, self.cues) is not None)
        held = holders(doc) if private_matter and not honour_notice else {}
        reply = bool(doc.title.tagged("list:reply_words"))
        return enforcement, penalty, honour_notice, links, private_case, held, reply

    def decide(self, doc, p: PersonMention, ctx) -> Decision:
        enforcement, penalty, honour_notice, links, private_case, held, reply = ctx
        cues = self.cues
        fld = doc.get(p.field)
        if p.masked and (not p.minor or p.name_span is None):
            # already de-identified; a masked minor's finding is the age it was read by ("吴某某（男，15岁"), never
            # the placeholder itself ("未成年人林某", "学生杨某某": the age, if stated, is found on its own)
            return NOT_PRIVATE
        linked = links.get(p.key)
        if ((cues.official_before(fld, p.start) or _official_column(cues, fld, p.start)) and not p.sensitive
                and not p.whistleblower and not (p.cue == OWN_STATEMENT and linked)):
            # an official in role (unless what the sentence says of them is their illness, faith…, or the reporter's
            # description says who they are: "举报人为该诊所原工作人员邓某")
            return NOT_PRIVATE
        if p.minor:
            return _decision(True, "minor", "privacy", "未成年人", "可识别的未成年人", 0.8)
        if p.whistleblower:
            return _decision(True, "whistleblower", "enforcement_file", "举报人身份", "举报人姓名", 0.8)
        if cues.company_after(fld, p.end):
            return NOT_PRIVATE  # the name of a company, shop or cooperative
        if linked and not (honour_notice and _honoree(fld, p)):
            what = "、".join(ATTRIBUTE_NAMES.get(t, t) for t in sorted(linked))
            return _decision(True, "person_name", "privacy", "私人姓名", f"与{what}同句", 0.75)
        if honour_notice:
            return NOT_PRIVATE  # honorees, appointees, recruits: named because the notice must name them
        if not p.sensitive and roster_row(cues, fld, p.start):
            # a row of a table with a duties column: someone at work (their ID stays private), also where the row says
            # what they did with a complaint ("郭某｜某科科长｜投诉办理推诿扯皮")
            return NOT_PRIVATE
        petitioner = p.cue == PETITION_CUE or (p.cue in cues.neutral_roles and _petitions(fld, p))
        if petitioner and (enforcement or penalty):
            # "接到消费者张某投诉举报…" in a penalty decision, "村民钟某反映你…" in an inquiry record: the complaint is
            # the case's source, its maker a whistleblower
            return _decision(True, "whistleblower", "enforcement_file", "举报人身份", "投诉、举报执法事项的人", 0.75)
        if petitioner:
            # "市民吴某通过12345热线反映…": the person whose own complaint, petition or call for help it is
            return _decision(True, "person_name", "privacy", "私人姓名", "信访、投诉或求助事项的当事人", 0.75)
        if p.cue == ADDRESSEE and reply:
            # a reply or notice to a person about their own matter ("关于某某同志查询档案的答复", "…告知书")
            return _decision(True, "person_name", "privacy", "私人姓名", "答复或告知所涉事项的当事人", 0.75)

        if p.sensitive:
            return _decision(True, "person_name", "privacy", "私人姓名", p.cue, 0.8)
        if p.key in held:
            return _decision(True, "person_name", "privacy", "私人姓名", f"与本人{held[p.key]}同列", 0.75)
        if p.cue == "list":
            return _decision(True, "person_name", "privacy", "私人姓名", "隐私主题名单公示", 0.8)
        if p.cue == HOUSEHOLD:
            return _decision(True, "person_name", "privacy", "私人姓名", "按户列出的住户", 0.75)
        if p.cue in cues.party_cues and (enforcement or (penalty and fld.text[max(0, p.start - 3):p.start].rstrip()[-1:] in ("：", ":"))):
            return _decision(True, "person_name", "privacy", "私人姓名", f"执法案卷或处罚决定中的{p.cue}", 0.7)
        if private_case and (p.cue in cues.party_cues or p.cue in ADDRESSEE_CUES or p.cue == "profile"
                             or (p.cue in cues.neutral_roles and _case_nearby(doc, fld, p) and not _loose(cues, fld, p))):
            return _decision(True, "person_name", "privacy", "私人姓名", private_case, 0.75)
        return NOT_PRIVATE

    def features(self, doc, p: PersonMention, d: Decision, ctx) -> list[str]:
        """What the rules weighed for ``p``, named to a second reading (second_reading.py) as its features."""
        enforcement, penalty, honour_notice, links, private_case, held, _ = ctx
        fld = doc.get(p.field)
        out = [f"pn.cue={p.cue or '-'}", f"pn.detail={d.detail[:8] or '-'}", f"pn.len={len(p.name_text)}"]
        flags = (("sensitive", p.sensitive), ("linked", p.key in links), ("honour", honour_notice),
                 ("enforcement", enforcement), ("penalty", penalty), ("case", bool(private_case)), ("held", p.key in held),
                 ("official", self.cues.official_before(fld, p.start)), ("company", self.cues.company_after(fld, p.end)))
        out += [f"pn.{name}" for name, on in flags if on]
        if p.cue == "tagger":
            out.append(f"pn.tagger={min(int(p.score * 10), 9)}")
        return out

    @staticmethod
    def learned(p: float) -> Decision:
        """A name the rules leave that a second reading reads as a private person's."""
        return _decision(True, "person_name", "privacy", "私人姓名", f"模型判断（概率 {p:.2f}），请核实",
                         round(p, 2), True)


def _child_rows(doc, results):
    """The keys of the names heading a table row or a line that also states a child's age, grade or birth date
    ("叶某墨  2018-02-11  叶某华  4414…  某小学": the child and the guardian of the row)."""
    rows = {(r.field, line_start(doc.get(r.field).text, r.start, ROW_REACH)) for r in results if r.type == "minor"}
    if not rows:
        return []
    out = []
    for p in doc.persons:
        fld = doc.get(p.field)
        t = fld.text
        row = line_start(t, p.start, ROW_REACH)
        if (p.field, row) in rows and not p.masked and (
                fld.table_header_of(p.start) or ITEM_HEAD_RE.fullmatch(t, row, p.start) is not None):
            out.append(p.key)
    return out


ITEM_HEAD_RE = re.compile(ITEM_NUMBERING)
"""What may stand before the name that heads its line ("1. ", "（2）")."""


HONOREE_LINE_RE = re.compile(ITEM_NUMBERING + r"(?:([\u4e00-\u9fff“”\"]{1,12})[：:][ \t\u3000]*)?")
"""What may stand before an honoree's name on its line: a number, a category ("孝老爱亲模范：")."""
HONOREE_LINE_REACH = 24
INTRO_REACH = 400
"""How far back a list item looks for the line that introduces its list ("…评选结果公示如下：")."""
HONOUR_TAG = "list:honour_words"


def _honoree(fld, p) -> bool:
    """In an honour notice, the one honoured: a family by its head's name ("王德才家庭"), or the name that opens
    its line in a list of honours — under a category that names one ("孝老爱亲模范：田光华（…）") or an introduction
    that does ("…道德模范评选结果公示如下：⏎李桂芝，…照顾瘫痪婆婆…"). Not the people a sentence tells of ("照顾瘫痪在床
    的丈夫陈大勇", "帮扶的刑满释放人员孙某"), nor a list the notice adds ("春节慰问困难家庭名单：⏎魏某（独居，患…）")."""
    t = fld.text
    if t.startswith("家庭", p.end):
        return True
    line = t.rfind("\n", max(0, p.start - HONOREE_LINE_REACH), p.start) + 1
    if line == 0 and p.start > HONOREE_LINE_REACH:
        return False
    m = HONOREE_LINE_RE.match(t, line, p.start)
    if m is None or m.end() != p.start:
        return False
    if m.group(1):
        return bool(fld.tagged_between(HONOUR_TAG, m.start(1), m.end(1)))
    lo = max(0, line - INTRO_REACH)
    end = line - 1  # the end of the line before
    while end > lo:
        start = t.rfind("\n", lo, end) + 1
        if t[end - 1:end] in ("：", ":"):
            return bool(fld.tagged_between(HONOUR_TAG, start, end))
        if start <= lo:
            break
        end = start - 1
    return False


def _loose(cues, fld, p) -> bool:
    """A neutral role's reading that may be no name: no name ends there ("候选人曾宴请…", "职工花名册核实",
    "村民冯春来" read short), or its given name is a common word."""
    t = fld.text
    return p.name_span is None and (not name_boundary(t, p.end) or cues.reader.runs_on(t, p.end)
                                    or common_word(cues.reader.words, cues, t[p.start + 1:p.end]))


CASE_TAGS = ("list:family_case_words", "list:labour_case_words", "list:dispute_case_words")


PETITION_REACH = 24
"""How far after a name its petition act may come ("通过12345政务服务便民热线反映")."""


def _petitions(fld, p) -> bool:
    """The clause the name opens goes on to say the person petitioned, complained or called for help, saying at most
    when and how in between ("市民某某于3月12日通过12345热线反映", "群众某某来电投诉")."""
    act = next(iter(fld.tagged_between(PETITION, p.end, p.end + PETITION_REACH)), None)
    return act is not None and REPORT_WAY_RE.match(fld.text, p.end, act.start) is not None


def _official_column(cues, fld, pos: int) -> bool:
    """The name stands under a column of officials ("帮教责任人", "联系人", "包保干部"), not of private persons (asked
    for every row's name: the answer is kept per header)."""
    header = fld.column_header(pos)
    if not header:
        return False
    known = cues.official_columns.get(header)
    if known is None:
        known = any(w in header for w in cues.official) and not name_column(cues, header)
        if len(cues.official_columns) < 4096:
            cues.official_columns[header] = known
    return known


def _case_nearby(doc, fld, p) -> bool:
    """The case is named in the title or in the mention's sentence: a neutral role there names a party of it
    ("欠薪一案，职工代表某某…"), not anyone a long report mentions elsewhere."""
    if any(doc.title.tagged(tag) for tag in CASE_TAGS):
        return True
    sl, sr = fld.segments.sentence(p.start)
    return any(fld.tagged_between(tag, sl, sr) for tag in CASE_TAGS)
