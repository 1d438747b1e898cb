"""Names of private persons in privacy contexts, minors, and 举报人.

Stage 1 (``analyze_trigger``/``analyze_document``) collects *mentions* into ``doc.persons``:

- after a role word (``患者张三``, ``被询问人：李四``, ``举报人王五``, ``四年级学生赵六``);
- by age (``赵六（7岁）``, ``9岁的赵六``) — under 18 is a minor, even with a masked name;
- in the items of a list whose topic is private (低保/救助/特困/残疾/拆迁… in the title or the
  list's introduction): ``…保障：张三（…）、李四（…）``, ``…村张三（…）；``;
- after a place (``…街道张三（``) in a sentence that also states a health/criminal/… attribute.

Stage 2 recognizers (:mod:`classifier.risk.privacy_context`) link attributes to mentions. ``finish``
then reports the mentions that are private: a sensitive role, a list item, a minor, a 举报人, a
linked attribute, or a party named in an enforcement record — and every other occurrence of the
same name. Officials in their role (局长X, X同志, 联系人：X) and masked names (张某某, 李*) are not
reported.
"""

from __future__ import annotations

import re

from .base import Recognizer
from .document import PersonMention
from .names import NameReader, name_boundary
from .text import is_cjk
from .words import inside_longer_word

FOLLOW = frozenset("（(，,、；;：: \n。）)")
PLACE_RE = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:街道|社区|镇|乡|村)(?:[\u4e00-\u9fff]{1,6}?(?:社区|村|组))?")
PLACE_SUFFIX_RE = re.compile(r"街道|社区|村|镇|乡")
ITEM_START_RE = re.compile(r"[：:；;\n、｜|]|[）)][、，,]")
PROFILE_AFTER_NAME = re.compile(r"(?<=[\u4e00-\u9fff])[（(，,](?=(?:男|女|[\u4e00-\u9fff]{1,2}族)[，,、）) ])")
NUMBERING_RE = re.compile(r"[ \t]*(?:[0-9]{1,3}[.、．]|（[一二三四五六七八九十0-9]{1,3}）|序号[0-9]{1,3}[，,]?)?[ \t]*")
NAME_COLUMN_RE = re.compile(r"姓名|户主|被征收人|申请人|对象|患者|受助人|学生|儿童|名字")
ORG_COLUMN_RE = re.compile(r"企业|单位|公司|机构|学校")
SCHOOL_CUES = frozenset(("小学", "初中", "中学", "幼儿园"))
HONOUR_WORDS = ("表彰", "授予", "荣获", "获得", "评为", "优秀", "获奖", "先进", "模范", "之星")
PARTY_CUES = frozenset(("经营者", "当事人", "被询问人", "被调查人", "被检查人", "被处罚人", "嫌疑人", "犯罪嫌疑人"))
AFTER_NAME_OK = frozenset("反因系患家是于在的")
# Between a name and its age: "（男，", "，女，", "（回族，", "　男　", "今年" — the profile of a person.
PROFILE_BEFORE_AGE = re.compile(r"(?:[（(]|[，, \t]+)(?:(?:男|女|[\u4e00-\u9fff]{1,2}族)[，,、 \t]+)*(?:今年|年仅|现年|年约)?$|(?:今年|年仅|现年)$")


UNDER_AGE_RE = re.compile(r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})周?岁")
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


def _cn_number(s: str) -> int:
    """"16" or "十六" -> 16 (up to 99)."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS.get(s, 99)


def _skip_spaces(t: str, i: int) -> int:
    while i < len(t) and t[i] in " \t":
        i += 1
    return i


class PersonNameRecognizer(Recognizer):
    TYPE = "person_name"
    ACTION = "review"
    LABEL = "私人姓名"
    STAGE = 1
    TRIGGERS = ("举报人", "岁", "未满", "不满", "未达", "实名举报", "实名反映")
    TRIGGER_LISTS = ("sensitive_roles", "neutral_roles", "minor_cues")

    def __init__(self, lexicon, settings):
        super().__init__(lexicon, settings)
        self.reader = NameReader(lexicon.words("surnames"), lexicon.words("name_initials"), lexicon.words("weak_surnames"),
                                 function=lexicon.words("function_surnames"))
        self.sensitive_roles = lexicon.words("sensitive_roles")
        self.neutral_roles = lexicon.words("neutral_roles")
        self.minor_cues = lexicon.words("minor_cues")
        self.official = lexicon.words("official_cues")
        self.list_triggers = lexicon.words("list_triggers")
        self.cue_words = frozenset(self.TRIGGERS) | self.sensitive_roles | self.neutral_roles | self.minor_cues

    def words(self):
        w = super().words()
        w["list:penalty_cues"] = self.lexicon.words("penalty_cues")
        w["list:official_cues"] = self.official
        w["list:list_triggers"] = self.list_triggers
        return w

    # ---- stage 1 ---------------------------------------------------------------------------------
    def analyze_trigger(self, doc, fld, hit):
        if hit.term == "岁":
            self._by_age(doc, fld, hit)
            return ()
        if hit.term in ("未满", "不满", "未达"):
            return self._under_age(doc, fld, hit)
        if hit.term in ("实名举报", "实名反映"):
            return self._reporter_before(doc, fld, hit)
        # A shorter role inside a longer one ending at the same place (询问人 in 被询问人): skip it.
        for other in fld.hits_between(hit.end - 8, hit.end):
            if other.end == hit.end and other.start < hit.start and f"trigger:{self.TYPE}" in other.tags:
                return ()
        t = fld.text
        if inside_longer_word(t, hit.start, hit.end, keep=self.cue_words):
            return ()  # "青少年宫", "多少年来", "留学生", "妇女儿童": a piece of another word, not the role
        p = hit.end
        while p < len(t) and p < hit.end + 2 and t[p] in "：: 为":
            p += 1
        minor = hit.term in self.minor_cues
        if minor:
            s_l, s_r = fld.segments.sentence(hit.start)
            if any(w in t[s_l:s_r] or w in doc.title.text for w in HONOUR_WORDS):
                return ()
            if hit.term in SCHOOL_CUES and t[hit.end:hit.end + 1] in ("：", ":", " "):
                return ()  # "县第一中学：张三 李四": the people of a school (teachers), not pupils
        # a conjunction that is also a surname ("孤儿和事实无人抚养…") needs a clean name boundary
        got = self.reader.read_bounded(t, p, strict=False, allow_initials=True, allow_masked=True, after_word=True)
        if got and t[p:p + 1] in "和与及或" and got[0] < len(t) and is_cjk(t[got[0]]):
            got = None  # "孤儿和事实无人抚养儿童": a conjunction, not the surname 和
        guard = 0
        while got and not self._official_after(fld, got[0]) and guard < 50:
            guard += 1
            end, masked = got
            doc.persons.append(PersonMention(
                fld.name, p, end, fld.original[p:end], cue=hit.term, sensitive=hit.term in self.sensitive_roles,
                minor=minor, whistleblower=hit.term == "举报人", masked=masked))
            # "社区矫正对象张三、李四、王五": the role covers every name of the enumeration
            if end < len(t) and t[end] == "、":
                p = end + 1
                got = self.reader.read_bounded(t, p, strict=False, allow_masked=True)
            else:
                break
        return ()

    def _by_age(self, doc, fld, hit):
        """``9岁的张三``, ``张三（男，9岁）``, ``张三，女，13岁``, ``张三今年82岁``: a person; under 18 a minor.

        An adult is only a *mention* (reported if a health/criminal/… statement links to it); a
        minor is reported. The minor's span runs from the name to the age ("张三（9岁）") so it
        carries what identifies the child; with a masked name it is the age alone.
        """
        t = fld.text
        q = hit.start
        d = q
        while d > 0 and q - d < 3 and t[d - 1].isdigit():
            d -= 1
        if d == q or (q + 1 < len(t) and t[q + 1] == "以"):  # "60岁以上": a bracket, not a person
            return
        age = int(t[d:q])
        minor = age < 18
        if q + 1 < len(t) and t[q + 1] == "的":
            got = self.reader.read_bounded(t, q + 2, allow_initials=True)
            if got and not self._official_after(fld, got[0]):
                doc.persons.append(PersonMention(fld.name, q + 2, got[0], fld.original[q + 2:got[0]], cue="age",
                                                 minor=minor, masked=got[1]))
            return
        m = PROFILE_BEFORE_AGE.search(t, max(0, d - 14), d)
        if not m or m.start() == d:
            return
        name_end = m.start()
        for p in range(max(0, name_end - 4), name_end - 1):
            got = self.reader.read(t, p, allow_initials=True)
            if not got or got[0] != name_end or self._official_before(fld, p):
                continue
            masked = got[1]
            if minor:
                close = q + 2 if t[q + 1:q + 2] in ("）", ")") and t[name_end] in "（(" else q + 1
                start, stop = (d, q + 1) if masked else (p, close)
                doc.persons.append(PersonMention(fld.name, start, stop, fld.original[start:stop], cue="age", minor=True,
                                                 masked=masked, name_span=(p, name_end)))
            else:
                doc.persons.append(PersonMention(fld.name, p, name_end, fld.original[p:name_end], cue="age",
                                                 masked=masked))
            return

    def _reporter_before(self, doc, fld, hit):
        """"接到王五（联系电话：…）实名举报": the name before 实名举报 (a parenthesis may sit between)."""
        t = fld.text
        k = hit.start
        if k > 0 and t[k - 1] in "）)":
            o = max(t.rfind("（", max(0, k - 40), k), t.rfind("(", max(0, k - 40), k))
            if o < 0:
                return ()
            k = o
        for p in range(max(0, k - 4), k - 1):
            got = self.reader.read(t, p, allow_masked=True)
            if got and got[0] == k and not self._official_before(fld, p):
                doc.persons.append(PersonMention(fld.name, p, k, fld.original[p:k], cue="举报人", whistleblower=True,
                                                 masked=got[1]))
                break
        return ()

    def _under_age(self, doc, fld, hit):
        """"因王某某未满十六周岁": a statement that a person is a minor (the person may be masked)."""
        m = UNDER_AGE_RE.match(fld.text, hit.end)
        if not m or _cn_number(m.group(1)) > 18:
            return ()
        sl, sr = fld.segments.sentence(hit.start)
        t = fld.text
        before = t[max(sl, hit.start - 8):hit.start]
        if not any(self.reader.read(before, i, allow_masked=True) for i in range(len(before))) and not before.endswith(("其", "该生", "该童")):
            return ()
        return (self.result(fld, hit.start, m.end(), 0.75, "未满十八周岁", type="minor", label="未成年人", mask=False),)

    def _official_after(self, fld, end: int) -> bool:
        return any(h.start == end for h in fld.tagged_between("list:official_cues", end, end + 4))

    def _official_before(self, fld, start: int) -> bool:
        return any(start - 3 <= h.end <= start for h in fld.tagged_between("list:official_cues", start - 10, start))

    def analyze_document(self, doc, results):
        self._list_items(doc)
        self._after_places(doc)
        self._profiles(doc)
        self._repeats(doc)
        return ()

    def _list_items(self, doc):
        body = doc.body
        t = body.text
        intro = bool(doc.title.tagged("list:list_triggers"))
        first_colon = None
        for h in body.tagged("list:list_triggers"):
            k = t.find("：", h.end, h.end + 40)
            if k < 0:
                k = t.find(":", h.end, h.end + 40)
            if k >= 0:
                intro = True
                first_colon = k if first_colon is None else min(first_colon, k)
        if not intro:
            return
        begin = first_colon if first_colon is not None else 0
        known = {(p.field, p.start) for p in doc.persons}
        # a table of such a list: the cells of its name column ("姓名", "户主姓名", "被征收人"…)
        for header, spans in body.table_rows():
            for i, (a, b) in enumerate(spans):
                if i >= len(header) or not NAME_COLUMN_RE.search(header[i]) or ORG_COLUMN_RE.search(header[i]):
                    continue
                p = _skip_spaces(t, a)
                got = self.reader.read(t, p, allow_masked=True)
                if got and t[got[0]:b].strip() == "" and (body.name, p) not in known:
                    doc.persons.append(PersonMention(body.name, p, got[0], body.original[p:got[0]], cue="list",
                                                     masked=got[1]))
                    known.add((body.name, p))
        count = 0
        for m in ITEM_START_RE.finditer(t, begin):
            count += 1
            if count > 2000:
                break
            i = NUMBERING_RE.match(t, m.end()).end()
            pm = PLACE_RE.match(t, i, min(len(t), i + 20))
            for p in ([_skip_spaces(t, pm.end()), i] if pm else [i]):
                got = self.reader.read_bounded(t, p, allow_masked=True)
                if not got:
                    continue
                end, masked = got
                if end < len(t) and t[end] not in FOLLOW:
                    continue
                if self._official_before(body, m.start() + 1) or self._official_after(body, end):
                    break
                if (body.name, p) in known:
                    for q in doc.persons:  # read before by its age or profile: it is a list item too
                        if q.field == body.name and q.start == p and q.cue in ("age", "profile", "repeat"):
                            q.cue = "list"
                    break
                doc.persons.append(PersonMention(body.name, p, end, body.original[p:end], cue="list", masked=masked))
                known.add((body.name, p))
                break

    def _after_places(self, doc):
        tags = ("trigger:health", "trigger:criminal_record", "trigger:religion", "trigger:social_assistance")
        known = {(p.field, p.start) for p in doc.persons}
        for fld in doc.fields:
            seen = set()
            for tag in tags:
                for h in fld.tagged(tag):
                    sl, sr = fld.segments.sentence(h.start)
                    if (sl, sr) in seen or len(seen) > 500:
                        continue
                    seen.add((sl, sr))
                    t = fld.text
                    for m in PLACE_SUFFIX_RE.finditer(t, sl, sr):
                        got = self.reader.read_bounded(t, m.end(), allow_masked=False)
                        if not got:
                            continue
                        end = got[0]
                        if end < len(t) and t[end] not in FOLLOW and t[end] not in AFTER_NAME_OK:
                            continue
                        if (fld.name, m.end()) in known or self._official_before(fld, m.end()) or self._official_after(fld, end):
                            continue
                        doc.persons.append(PersonMention(fld.name, m.end(), end, fld.original[m.end():end], cue="place"))
                        known.add((fld.name, m.end()))

    def _profiles(self, doc):
        """A name followed by its holder's profile ("张三（男，汉族", "张三，女，") or opening a letter
        ("张三：" / "张三（回族…）：" at the start of the body): a private person, reported only if a
        health/criminal/religion statement links to it or it is the party of a penalty."""
        known = {(p.field, p.start) for p in doc.persons}
        for fld in doc.fields:
            t = fld.text
            spots = [m.start() for m in PROFILE_AFTER_NAME.finditer(t, 0, min(len(t), 200_000))][:500]
            lead = _skip_spaces(t, 0)
            if fld.name == "body" and lead < len(t):
                # a letter to a named person ("张三：", "张三（男，身份证号…）："): a private addressee
                got = self.reader.read_bounded(t, lead, allow_masked=True)
                if got and t[got[0]:got[0] + 1] in ("：", ":", "（", "(") and not self._official_after(fld, got[0]):
                    # the salutation is alone on its line: "张三：\n" (not a field label "文号：…")
                    k = got[0]
                    if t[k] in "（(":
                        close = t.find("）", k, k + 80)
                        k = close + 1 if close > 0 else k
                    colon = t[k:k + 1] in ("：", ":") and t[k + 1:k + 2] in ("\n", "")
                    if colon and (fld.name, lead) not in known:
                        doc.persons.append(PersonMention(fld.name, lead, got[0], fld.original[lead:got[0]],
                                                         cue="addressee", masked=got[1]))
                        known.add((fld.name, lead))
            for name_end in spots:
                for p in range(max(0, name_end - 4), name_end - 1):
                    got = self.reader.read(t, p)
                    if not got or got[0] != name_end:
                        continue
                    if (fld.name, p) in known or self._official_before(fld, p) or (p > 0 and is_cjk(t[p - 1])
                                                                                     and not fld.ends_with_any(p, self.neutral_roles | self.sensitive_roles | PARTY_CUES)):
                        break
                    doc.persons.append(PersonMention(fld.name, p, name_end, fld.original[p:name_end], cue="profile",
                                                     masked=got[1]))
                    known.add((fld.name, p))
                    break

    def _repeats(self, doc):
        """Every other occurrence of a private person's name is a mention too, so that "周某某今年
        82岁，患有…" links to the 周某某 introduced a sentence earlier."""
        known = {(p.field, p.start) for p in doc.persons}
        names = {}
        for p in doc.persons:
            if len(p.name_text) >= 2:
                names.setdefault(p.name_text, p)
        for name, src in list(names.items())[:200]:
            for fld in doc.fields:
                t = fld.text
                k = t.find(name)
                guard = 0
                while k >= 0 and guard < 200:
                    guard += 1
                    end = k + len(name)
                    if ((fld.name, k) not in known and (len(name) >= 3 or name_boundary(t, end))
                            and not self._official_before(fld, k) and not self._official_after(fld, end)):
                        known.add((fld.name, k))
                        doc.persons.append(PersonMention(fld.name, k, end, fld.original[k:end], cue="repeat",
                                                         minor=src.minor and not src.masked, masked=src.masked))
                    k = t.find(name, end)

    # ---- after stage 2 -----------------------------------------------------------------------------
    def finish(self, doc, results):
        # the party of an enforcement record, or the labelled party ("当事人：张三") of a penalty decision
        enforcement = any(r.type == "enforcement_record" for r in results)
        penalty = doc.has_tag("list:penalty_cues")
        out = []
        names: dict[str, tuple[str, str]] = {}
        seen = set()
        # a name read twice (by role and by age) counts with its strongest reading
        ordered = sorted(doc.persons, key=lambda p: (not p.minor, not p.whistleblower, not p.sensitive, p.masked))
        for p in ordered:
            key = (p.field, p.start, p.end)
            if key in seen:
                continue
            seen.add(key)
            if p.masked and not p.minor:
                continue
            fld = doc.get(p.field)
            if self._official_before(fld, p.start) and not p.sensitive:
                continue
            if p.minor:
                kind, ground, label, detail = "minor", "privacy", "未成年人", "可识别的未成年人"
            elif p.whistleblower:
                kind, ground, label, detail = "whistleblower", "enforcement_file", "举报人身份", "举报人姓名"
            elif p.sensitive or p.linked or p.cue == "list" or (p.cue in PARTY_CUES and (
                    enforcement or (penalty and fld.text[max(0, p.start - 3):p.start].rstrip()[-1:] in ("：", ":")))):
                kind, ground, label = "person_name", "privacy", "私人姓名"
                detail = ("名单公示" if p.cue == "list" else f"{p.cue}" if p.sensitive or p.cue in PARTY_CUES
                          else "与敏感信息同句")
            else:
                continue
            score = 0.8 if (p.sensitive or p.minor or p.whistleblower or p.cue == "list") else 0.7
            out.append(self.result(fld, p.start, p.end, score, detail, type=kind, ground=ground, label=label,
                                   mask=not p.masked))
            if not p.masked and len(p.name_text) >= 2:
                names.setdefault(p.name_text, (kind, ground))
        # Every other occurrence of a private name is private too.
        taken = {(r.field, r.start) for r in out}
        for name, (kind, ground) in list(names.items())[:200]:
            for fld in doc.fields:
                k = fld.original.find(name)
                guard = 0
                while k >= 0 and guard < 200:
                    guard += 1
                    end = k + len(name)
                    if (fld.name, k) not in taken and not self._official_after(fld, end):
                        taken.add((fld.name, k))
                        if not self._official_before(fld, k):
                            label = {"minor": "未成年人", "whistleblower": "举报人身份"}.get(kind, "私人姓名")
                            out.append(self.result(fld, k, end, 0.7, "同一人再次出现", type=kind, ground=ground, label=label))
                    k = fld.original.find(name, end)
        return out
