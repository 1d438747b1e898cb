"""个人考核评价: 民主测评 votes, ranking, criticism of a named official (内部人事管理信息)."""

from __future__ import annotations

import re

from .base import Recognizer
from .names import NameReader
from .wordlists import words

POST_ENDINGS = words("evaluation.POST_ENDINGS")
ITEM_NUMBER_RE = re.compile(r"(?:[0-9]{1,2}[.．、]|[（(][0-9一二三四五六七八九十]{1,2}[）)]|[一二三四五六七八九十]{1,2}、)[ \t\u3000]*")
INDIVIDUAL = words("evaluation.INDIVIDUAL")


class PersonalEvaluationRecognizer(Recognizer):
    TYPE = "personal_evaluation"
    GROUND = "internal_affairs"
    ACTION = "review"
    LABEL = "个人考核评价"
    VALUE = False
    TRIGGERS = words("evaluation.PersonalEvaluationRecognizer.TRIGGERS")
    MERGE_GAP = 30

    def __init__(self, lexicon, settings):
        super().__init__(lexicon, settings)
        self.reader = NameReader.from_lexicon(lexicon)

    def _named_at_start(self, t: str, sl: int, start: int) -> int | None:
        """End of the person opening the sentence (optionally after a post): "陶某试用期…", "副局长周某某："."""
        i = sl
        while i < start and t[i] in " \t\n“\"—-－":
            i += 1
        item = ITEM_NUMBER_RE.match(t, i, start)
        if item:
            i = item.end()  # "1. 赵某某：工作主动性不强…": a numbered item of a summary
        for p in range(i, min(start, i + 10)):
            got = self.reader.read(t, p, allow_masked=True)
            if got and got[0] <= start and (p == i or t[i:p].rstrip(" \u3000").endswith(POST_ENDINGS)):
                return got[0]
        return None

    def analyze_trigger(self, doc, fld, hit):
        if fld.name == "title":
            return  # a title announces a result ("考核优秀等次的公示"); it is not an evaluation itself
        t = fld.text
        sl, sr = fld.segments.sentence(hit.start, hit.end)
        # about one individual: 同志/其本人 in the sentence, or a name opening it
        named = self._named_at_start(t, sl, hit.start)
        if not any(w in t[max(sl, hit.start - 40):hit.end + 10] for w in INDIVIDUAL) and named is None:
            return
        cl, _ = fld.segments.clause(hit.start, hit.end)
        # start at the clause holding the trigger; stop at the end of this item (；。)
        start = cl
        if start < hit.start - 30:
            start = hit.start
        if named is not None and start < named <= hit.start:
            start = named  # the evaluation, not the (possibly masked) name
        yield self.result(fld, start, sr, 0.75, f"“{hit.term}”")
