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
from .names import NameReader
from .text import is_cjk

FOLLOW = frozenset("（(，,、；;：: \n。）)")
PLACE_RE = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:街道|社区|镇|乡|村)(?:[\u4e00-\u9fff]{1,6}?(?:社区|村|组))?")
PLACE_SUFFIX_RE = re.compile(r"街道|社区|村|镇|乡")
ITEM_START_RE = re.compile(r"[：:；;\n、]|[）)][、，,]")
NUMBERING_RE = re.compile(r"[ \t]*(?:[0-9]{1,3}[.、．]|（[一二三四五六七八九十0-9]{1,3}）|序号[0-9]{1,3}[，,]?)?[ \t]*")
HONOUR_WORDS = ("表彰", "授予", "荣获", "获得", "评为", "优秀", "获奖", "先进", "模范", "之星")
PARTY_CUES = frozenset(("经营者", "当事人", "被询问人", "被调查人", "被检查人", "被处罚人", "嫌疑人", "犯罪嫌疑人"))
AFTER_NAME_OK = frozenset("反因系患家是于在的")


class PersonNameRecognizer(Recognizer):
    TYPE = "person_name"
    ACTION = "review"
    LABEL = "私人姓名"
    STAGE = 1
    TRIGGERS = ("举报人", "岁")
    TRIGGER_LISTS = ("sensitive_roles", "neutral_roles", "minor_cues")

    def __init__(self, lexicon, settings):
        super().__init__(lexicon, settings)
        self.reader = NameReader(lexicon.words("surnames"), lexicon.words("name_initials"))
        self.sensitive_roles = lexicon.words("sensitive_roles")
        self.neutral_roles = lexicon.words("neutral_roles")
        self.minor_cues = lexicon.words("minor_cues")
        self.official = lexicon.words("official_cues")
        self.list_triggers = lexicon.words("list_triggers")

    def words(self):
        w = super().words()
        w["list:official_cues"] = self.official
        w["list:list_triggers"] = self.list_triggers
        return w

    # ---- stage 1 ---------------------------------------------------------------------------------
    def analyze_trigger(self, doc, fld, hit):
        if hit.term == "岁":
            self._by_age(doc, fld, hit)
            return ()
        # A shorter role inside a longer one ending at the same place (询问人 in 被询问人): skip it.
        for other in fld.hits_between(hit.end - 8, hit.end):
            if other.end == hit.end and other.start < hit.start and f"trigger:{self.TYPE}" in other.tags:
                return ()
        t = fld.text
        p = hit.end
        while p < len(t) and p < hit.end + 2 and t[p] in "：: 为":
            p += 1
        minor = hit.term in self.minor_cues
        if minor:
            s_l, s_r = fld.segments.sentence(hit.start)
            if any(w in t[s_l:s_r] for w in HONOUR_WORDS):
                return ()
        got = self.reader.read(t, p, allow_initials=True, allow_masked=True)
        if not got or self._official_after(fld, got[0]):
            return ()
        end, masked = got
        doc.persons.append(PersonMention(
            fld.name, p, end, fld.original[p:end], cue=hit.term, sensitive=hit.term in self.sensitive_roles,
            minor=minor, whistleblower=hit.term == "举报人", masked=masked))
        return ()

    def _by_age(self, doc, fld, hit):
        t = fld.text
        q = hit.start
        d = q
        while d > 0 and q - d < 3 and t[d - 1].isdigit():
            d -= 1
        if d == q or int(t[d:q]) >= 18:
            return
        if q + 1 < len(t) and t[q + 1] == "的":
            got = self.reader.read(t, q + 2, allow_initials=True)
            if got:
                doc.persons.append(PersonMention(fld.name, q + 2, got[0], fld.original[q + 2:got[0]], cue="age",
                                                 minor=True, masked=got[1]))
            return
        if d > 0 and t[d - 1] in "（(":
            paren = d - 1
            for p in range(max(0, paren - 4), paren - 1):
                got = self.reader.read(t, p, allow_initials=True)
                if got and got[0] == paren:
                    doc.persons.append(PersonMention(fld.name, p, paren, fld.original[p:paren], cue="age",
                                                     minor=True, masked=got[1]))
                    return

    def _official_after(self, fld, end: int) -> bool:
        return any(h.start == end for h in fld.tagged_between("list:official_cues", end, end + 4))

    def _official_before(self, fld, start: int) -> bool:
        return any(start - 3 <= h.end <= start for h in fld.tagged_between("list:official_cues", start - 10, start))

    def analyze_document(self, doc, results):
        self._list_items(doc)
        self._after_places(doc)
        return ()

    def _list_items(self, doc):
        body = doc.body
        t = body.text
        intro = bool(doc.title.tagged("list:list_triggers"))
        first_colon = None
        for h in body.tagged("list:list_triggers"):
            k = t.find("：", h.end, h.end + 30)
            if k < 0:
                k = t.find(":", h.end, h.end + 30)
            if k >= 0:
                intro = True
                first_colon = k if first_colon is None else min(first_colon, k)
        if not intro:
            return
        begin = first_colon if first_colon is not None else 0
        known = {(p.field, p.start) for p in doc.persons}
        count = 0
        for m in ITEM_START_RE.finditer(t, begin):
            count += 1
            if count > 2000:
                break
            i = NUMBERING_RE.match(t, m.end()).end()
            pm = PLACE_RE.match(t, i, min(len(t), i + 20))
            for p in ([pm.end(), i] if pm else [i]):
                got = self.reader.read(t, p, allow_masked=True)
                if not got:
                    continue
                end, masked = got
                if end < len(t) and t[end] not in FOLLOW:
                    continue
                if (body.name, p) in known or self._official_before(body, m.start() + 1) or self._official_after(body, end):
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
                        got = self.reader.read(t, m.end(), allow_masked=False)
                        if not got:
                            continue
                        end = got[0]
                        if end < len(t) and t[end] not in FOLLOW and t[end] not in AFTER_NAME_OK:
                            continue
                        if (fld.name, m.end()) in known or self._official_before(fld, m.end()) or self._official_after(fld, end):
                            continue
                        doc.persons.append(PersonMention(fld.name, m.end(), end, fld.original[m.end():end], cue="place"))
                        known.add((fld.name, m.end()))

    # ---- after stage 2 -----------------------------------------------------------------------------
    def finish(self, doc, results):
        enforcement = any(r.type == "enforcement_record" for r in results)
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
            elif p.sensitive or p.linked or p.cue == "list" or (enforcement and p.cue in PARTY_CUES):
                kind, ground, label = "person_name", "privacy", "私人姓名"
                detail = ("名单公示" if p.cue == "list" else f"{p.cue}" if p.sensitive or p.cue in PARTY_CUES
                          else "与敏感信息同句")
            else:
                continue
            score = 0.8 if (p.sensitive or p.minor or p.whistleblower or p.cue == "list") else 0.7
            out.append(self.result(fld, p.start, p.end, score, detail, type=kind, ground=ground, label=label))
            if not p.masked and len(p.name) >= 2:
                names.setdefault(p.name, (kind, ground))
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
