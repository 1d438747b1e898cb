"""Private attributes of an identifiable person: health, social assistance, criminal record, religion.

Each is reported only when it is tied to a person the person recognizer found in the same sentence
(or referred back to with 患者/其/该户… shortly after such a person): "全区低保对象3,127人" or
"艾滋病感染者随访关怀活动" say nothing about anyone and are not flagged.
"""

from __future__ import annotations

import re

from .base import Recognizer

PRONOUNS = ("患者", "其", "该户", "该", "户主", "本人", "老人", "丈夫", "妻子", "子女", "父母", "父亲", "母亲", "家属", "监护人")
GRADE_RE = re.compile(r"(?:肢体|视力|听力|言语|智力|精神|多重)[一二三四]级$")
HEALTH_TAIL_RE = re.compile(r"晚期|早期|中期|多年|在床|患者")
SOCIAL_LEAD_RE = re.compile(r"(?:系|申请|城市|农村|为|属)$")


class _AttributeRecognizer(Recognizer):
    ACTION = "review"
    STAGE = 2
    VALUE = False
    PRONOUN_REFERENCE = True
    MERGE_GAP = 12

    def anchors(self, doc, fld, start: int, end: int):
        sl, sr = fld.segments.sentence(start, end)
        found = [p for p in doc.persons_in(fld.name, sl, sr) if not p.masked or p.minor]
        if found or not self.PRONOUN_REFERENCE:
            return found
        t = fld.text
        if not any(t.rfind(w, max(sl, start - 8), start) >= 0 for w in PRONOUNS):
            return []
        before = [p for p in doc.persons_in(fld.name, start - 150, start) if (not p.masked or p.minor)]
        return before[-1:] if before else []

    def analyze_trigger(self, doc, fld, hit):
        persons = self.anchors(doc, fld, hit.start, hit.end)
        if not persons:
            return ()
        span = self.span(fld, hit)
        if span is None:
            return ()
        for p in persons:
            p.linked = True
        return (self.result(fld, span[0], span[1], 0.75, self.detail(hit)),)

    def span(self, fld, hit):
        return hit.start, hit.end

    def detail(self, hit) -> str:
        return f"“{hit.term}”，指向可识别的个人"


class HealthRecognizer(_AttributeRecognizer):
    """Diagnoses, disabilities, injuries of a named person (``诊断为精神分裂症``, ``肢体二级残疾``)."""

    TYPE = "health"
    LABEL = "健康信息"
    TRIGGER_LISTS = ("health",)

    def words(self):
        w = super().words()
        w["list:health_lead"] = self.lexicon.words("health_lead")
        return w

    def span(self, fld, hit):
        t = fld.text
        cl, cr = fld.segments.clause(hit.start, hit.end)
        leads = [h for h in fld.tagged_between("list:health_lead", cl, hit.start + 1) if h.end <= hit.start or h.start == hit.start]
        start = max(leads, key=lambda h: h.start).start if leads else hit.start
        g = GRADE_RE.search(t, max(0, hit.start - 6), hit.start)
        if g and g.start() < start:
            start = g.start()
        end = hit.end
        m = HEALTH_TAIL_RE.match(t, end, min(len(t), end + 2))
        if m:
            end = m.end()
        return start, end


class SocialAssistanceRecognizer(_AttributeRecognizer):
    """低保/特困/临时救助 status of a named person (after the name, or as the role right before it)."""

    TYPE = "social_assistance"
    LABEL = "社会救助对象身份"
    TRIGGER_LISTS = ("social_assistance",)
    PRONOUN_REFERENCE = False

    def anchors(self, doc, fld, start, end):
        t = fld.text
        if end < len(t) and t[end] in "：:":
            return []  # "纳入最低生活保障：张三…" introduces a list; the names are reported, not the topic
        sl, sr = fld.segments.sentence(start, end)
        return [p for p in doc.persons_in(fld.name, sl, sr)
                if (not p.masked or p.minor) and (p.end <= start or p.start in (end, end + 1))]

    def span(self, fld, hit):
        m = SOCIAL_LEAD_RE.search(fld.text, max(0, hit.start - 2), hit.start)
        return (m.start() if m else hit.start), hit.end


class CriminalRecordRecognizer(_AttributeRecognizer):
    """Convictions, detention, drug use… of a named person: the clause stating it."""

    TYPE = "criminal_record"
    LABEL = "违法犯罪记录"
    TRIGGER_LISTS = ("criminal",)
    PRONOUN_REFERENCE = True

    def span(self, fld, hit):
        cl, cr = fld.segments.clause(hit.start, hit.end)
        if hit.term == "涉嫌" and "罪" not in fld.text[cl:cr]:
            return None
        return cl, cr


class ReligionRecognizer(_AttributeRecognizer):
    """Religious belief of a named person (``系基督教信徒``, ``患者是穆斯林``)."""

    TYPE = "religion"
    LABEL = "宗教信仰"
    TRIGGER_LISTS = ("religion",)

    def span(self, fld, hit):
        t = fld.text
        start = hit.start - 1 if hit.start and t[hit.start - 1] in "是系为" else hit.start
        return start, hit.end
