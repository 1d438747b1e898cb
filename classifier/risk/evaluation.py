"""个人考核评价: 民主测评 votes, ranking, criticism of a named official (内部人事管理信息)."""

from __future__ import annotations

from .base import Recognizer

INDIVIDUAL = ("同志", "其本人", "其", "本人", "该同志")


class PersonalEvaluationRecognizer(Recognizer):
    TYPE = "personal_evaluation"
    GROUND = "internal_affairs"
    ACTION = "review"
    LABEL = "个人考核评价"
    VALUE = False
    TRIGGERS = ("民主测评", "测评得分", "得票率", "票率", "满意度测评", "排名末位", "基本称职", "不称职", "反映其",
                "民主推荐得票", "优秀票", "称职票", "考核等次为", "测评排名", "作风偏急", "存在问题")
    MERGE_GAP = 30

    def analyze_trigger(self, doc, fld, hit):
        t = fld.text
        sl, sr = fld.segments.sentence(hit.start, hit.end)
        # about one individual: 同志/其本人 in the sentence, or a name right before it
        if not any(w in t[max(sl, hit.start - 40):hit.end + 10] for w in INDIVIDUAL):
            return
        cl, _ = fld.segments.clause(hit.start, hit.end)
        # start at the clause holding the trigger; stop at the end of this item (；。)
        start = cl
        if start < hit.start - 30:
            start = hit.start
        yield self.result(fld, start, sr, 0.75, f"“{hit.term}”")
