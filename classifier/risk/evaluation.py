"""个人考核评价: 民主测评 votes, ranking, criticism of a named official (内部人事管理信息)."""

from __future__ import annotations

import re

from .base import Recognizer
from .names import NameReader
from .persons.cues import PersonCues
from .persons.lists import name_column
from .text import ITEM_NUMBER, trimmed
from .wordlists import words

POST_ENDINGS = words("evaluation.POST_ENDINGS")
ITEM_NUMBER_RE = re.compile(r"(?:" + ITEM_NUMBER + r"|[一二三四五六七八九十]{1,2}、)[ \t\u3000]*")
INDIVIDUAL = words("evaluation.INDIVIDUAL")
TALLY_WORDS = frozenset(words("evaluation.TALLY_WORDS"))
"""Votes, methods and sanctions ("民主测评", "得票率", "诫勉谈话"): an appraisal's procedure, about the person only
where the sentence names them (not merely because the field is about one person)."""
SHORTCOMINGS = frozenset(words("evaluation.SHORTCOMINGS"))
QUALITIES_RE = re.compile("(?:" + "|".join(words("evaluation.QUALITIES")) + r")[\u4e00-\u9fff]{0,2}\Z")
"""A shortcoming said of a personal quality ("创新意识不足", "服务态度较差", "抓队伍建设办法不多", "业务不熟练"):
criticism by meaning, not by phrase (a shortfall of funds, "资金不足", is none)."""
GROUP_RE = re.compile(r"(?:有些|部分|一些|少数|不少|许多|很多|有的)(?:党员|领导)?(?:干部|同志)")
"""Some of a body's people ("有些同志", "部分干部"): what is said of them is said of no one person."""
PROFILE_OPENING_RE = re.compile(r"^[^\n，,]{2,8}[，,][男女][，,][\u4e00-\u9fff]{1,3}族", re.M)
"""A line opening with one person's profile ("吴某某，男，汉族，…")."""
TALLY_AFTER_RE = re.compile(r"(?:等次)?(?:[0-9一二三四五六七八九十]{1,4}(?:人|名|票)|的)")
"""After a grade, a count ("基本称职1人", "基本称职2票") or a class of people ("基本称职等次的，…"): a tally or a
rule, no one's appraisal."""
AGAINST_RE = re.compile(r"(?:杜绝|防止|避免|克服|纠正|整治|严禁|反对)[\u4e00-\u9fff]{0,4}\Z")
"""Before a fault, a rule against it ("杜绝推诿扯皮现象", "防止作风漂浮")."""
POST_REACH = 24
"""A post and name this close before a shortcoming say whose it is ("分管副局长何明责任意识淡薄")."""


APPRAISAL_LABELS = frozenset(words("evaluation.APPRAISAL_LABELS"))
"""Labels whose value is an appraisal of one person ("主管领导评语：", "所在单位考核鉴定意见：", a 考察材料's heading
"二、主要不足" with its paragraph under it)."""
LABEL_VALUE_RE = re.compile(r"[ \t\u3000]*(?:[：:][ \t\u3000]*|\n[ \t\u3000]*)")
"""After an appraisal label: its colon, or the end of the heading's line."""
EMPTY_APPRAISALS = frozenset(("略", "无", "（略）", "(略)", "同意", "同意。"))
LABEL_LEAD = 12
"""Before an appraisal label on its line, at most this much ("所在单位考核", "（二）")."""
LABEL_LEAD_STOP_RE = re.compile(r"[，,。；;、]")
APPRAISAL_REACH = 300
"""An appraisal's paragraph is read this far at most."""
MIN_APPRAISAL = 8
"""A shorter value says nothing of the person ("同意", "略", "合格")."""


class PersonalEvaluationRecognizer(Recognizer):
    TYPE = "personal_evaluation"
    GROUND = "internal_affairs"
    ACTION = "review"
    SECOND_READING = "both"  # read again, and withdrawn when a model is sure it is none (second_reading.py)
    LABEL = "个人考核评价"
    VALUE = False
    TRIGGERS = words("evaluation.PersonalEvaluationRecognizer.TRIGGERS") + tuple(sorted(SHORTCOMINGS)) + tuple(sorted(APPRAISAL_LABELS))
    MERGE_GAP = 30

    def __init__(self, lexicon, settings):
        super().__init__(lexicon, settings)
        self.reader = NameReader.from_lexicon(lexicon)
        self.person_cues = PersonCues(lexicon)  # which table columns name persons

    def _named_at_start(self, t: str, sl: int, start: int) -> tuple[int, int, bool] | None:
        """``(start, end, masked)`` of the person opening the sentence (optionally after a post): "陶某试用期…",
        "副局长周某某："."""
        i = sl
        while i < start and t[i] in " \t\n“\"—-－":
            i += 1
        item = ITEM_NUMBER_RE.match(t, i, start)
        if item:
            i = item.end()  # "1. 赵某某：工作主动性不强…": a numbered item of a summary
        for p in range(i, min(start, i + 10)):
            got = self.reader.read(t, p, allow_masked=True)
            if got and got[0] <= start and (p == i or t[i:p].rstrip(" \u3000").endswith(POST_ENDINGS)):
                return p, got[0], got[1]
        return None

    def _named_after_post(self, t: str, sl: int, start: int) -> tuple[int, int, bool] | None:
        """``(start, end, masked)`` of a name right after a post, just before the shortcoming ("乙区民政局分管副局长
        何明责任意识淡薄", "热线联络员张伟工单办理敷衍塞责")."""
        lo = max(sl, start - POST_REACH)
        for p in range(lo + 1, start - 1):
            if not t[lo:p].rstrip(" \u3000").endswith(POST_ENDINGS):
                continue
            q = p
            while q < start and t[q] in " \u3000":
                q += 1
            got = self.reader.read(t, q, allow_masked=True, after_word=True)
            if got and got[0] <= start and t[got[0]:start].find("，") < 0:
                end = got[0]
                if end - q == 3 and t[end - 1:end + 1] in self.reader.words:
                    end -= 1  # "何明责任意识淡薄": the name stops before the word its last character opens
                return q, end, got[1]
        return None

    def rereads(self, fld, hit) -> bool:
        """An appraisal label is read by the rules alone (the second reading never learnt the labels)."""
        return hit.term not in APPRAISAL_LABELS

    def _labelled(self, fld, hit):
        """The value of an appraisal label, to the end of its paragraph: what a superior or an inspection team wrote
        of one person ("主管领导评语：该同志大局意识强…；但对…预判不足"), its praise as much as its criticism; under an
        appraisal column of a table of persons ("姓名｜…｜考察组综合评价"), each row's cell."""
        t = fld.text
        cells = fld.column_cells(hit.start)
        if cells:
            if any(name_column(self.person_cues, h) for h in fld.table_header_of(cells[0][0])):
                for a, b in (trimmed(t, *cell) for cell in cells):
                    if b - a >= MIN_APPRAISAL and t[a:b] not in EMPTY_APPRAISALS:
                        yield self.result(fld, a, b, 0.75, f"“{hit.term}”列")
            return
        line = max(t.rfind("\n", max(0, hit.start - LABEL_LEAD), hit.start) + 1, hit.start - LABEL_LEAD)
        item = ITEM_NUMBER_RE.match(t, line, hit.start)  # "二、主要不足", "（三）现实表现"
        if (line > 0 and t[line - 1] != "\n") or LABEL_LEAD_STOP_RE.search(t, item.end() if item else line, hit.start):
            return  # the label opens its line (after an item's number or whose appraisal it is: "主管领导"), no prose
        m = LABEL_VALUE_RE.match(t, hit.end)
        if not m:
            return
        start = m.end()
        stop = t.find("\n", start, start + APPRAISAL_REACH)
        end = start + APPRAISAL_REACH if stop < 0 else stop
        end = min(end, len(t))
        while end > start and t[end - 1] in " \t\u3000":
            end -= 1
        value = t[start:end]
        heading = "\n" in t[m.start():m.end()]
        if len(value) < MIN_APPRAISAL or value in EMPTY_APPRAISALS or (heading and not self._about_one_person(fld)):
            return  # (a heading's paragraph is an appraisal only in a document about one person: "该同志…")
        yield self.result(fld, start, end, 0.75, f"“{hit.term}”")

    @staticmethod
    def _about_one_person(fld) -> bool:
        """The field is written about one official ("该同志…" somewhere in it, or it opens with a profile
        "吴某，男，汉族，1975年生…"): an inspection report or appraisal, every criticism in it is theirs."""
        about = fld.memo.get("about_one_person")
        if about is None:
            t = fld.text
            about = fld.memo["about_one_person"] = "该同志" in t or PROFILE_OPENING_RE.search(t, 0, 200) is not None
        return about

    def analyze_trigger(self, doc, fld, hit):
        if fld.name == "title":
            return  # a title announces a result ("考核优秀等次的公示"); it is not an evaluation itself
        t = fld.text
        if hit.term in APPRAISAL_LABELS:
            yield from self._labelled(fld, hit)
            return
        if hit.term in SHORTCOMINGS and not QUALITIES_RE.search(t, max(0, hit.start - 6), hit.start):
            return  # "资金不足", "经费不够": no quality of a person
        sl, sr = fld.segments.sentence(hit.start, hit.end)
        if hit.term in SHORTCOMINGS and GROUP_RE.search(t, max(sl, hit.start - 60), hit.start):
            return  # "有些同志对…认识不足": a group's shortcoming, no one's appraisal
        if TALLY_AFTER_RE.match(t, hit.end) or AGAINST_RE.search(t, max(0, hit.start - 6), hit.start):
            return  # a tally, or a rule against the fault ("杜绝推诿扯皮现象"): no one's appraisal
        # about one individual: 同志/其本人 in the sentence, or a name opening it or right after a post
        person = self._named_at_start(t, sl, hit.start) or self._named_after_post(t, sl, hit.start)
        named = person[1] if person else None
        if (not any(w in t[max(sl, hit.start - 40):hit.end + 10] for w in INDIVIDUAL) and named is None
                and (hit.term in TALLY_WORDS or not self._about_one_person(fld))):
            return
        cl, _ = fld.segments.clause(hit.start, hit.end)
        # start at the clause holding the trigger; stop at the end of this item (；。)
        start = cl
        if start < hit.start - 30:
            start = hit.start
        if named is not None and start < named <= hit.start:
            start = named  # the evaluation, not the (possibly masked) name
        yield self.result(fld, start, sr, 0.75, f"“{hit.term}”")
