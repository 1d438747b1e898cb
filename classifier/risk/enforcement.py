"""行政执法案卷: the document is (or quotes) an 询问笔录/调查笔录/立案审批表 (举报人: persons.roles)."""

from __future__ import annotations

import re

from .base import Recognizer
from .wordlists import words

LEAD_IN = words("enforcement.LEAD_IN")
LEAD_OUT = words("enforcement.LEAD_OUT")
MADE_IN = words("enforcement.MADE_IN")
"""Before a record: it was made, obtained or passed on ("制作询问笔录", "调取了现场检查笔录", "并将案件调查终结报告…移送")
— in a report on a case the record is in the file it describes; in a penalty decision it is evidence cited."""
MADE_RE = re.compile("(?:" + "|".join(map(re.escape, sorted(MADE_IN, key=len, reverse=True))) + r")[\u4e00-\u9fff]{0,4}?《?\Z")
"""The verb, then perhaps a qualifier of the record or a title quote ("制作了现场勘验笔录", "并制作《现场检查笔录》")."""
JOINED_RE = re.compile(r"》?[和及、与]《?\Z")
"""Between two records named together ("现场勘验笔录和询问笔录", "《现场检查笔录》及《询问笔录》")."""
ATTACHMENT_RE = re.compile(r"(?:^|\n)[ \t\u3000]*附(?:件[0-9０-９一二三四五六七八九十]{0,2})?[：:．.、]?[ \t\u3000]*[\u4e00-\u9fff]{0,4}\Z")
""""附件3：现场检查笔录", "附：复查调查笔录": the record is attached to the document (a line of its own)."""
QUALIFIED_LEAD_RE = re.compile(r"(?:现将|以下为|附[：:]?)[\u4e00-\u9fff]{0,8}\Z")
"""A lead-in, then a few words that qualify the record ("现将消防监督检查记录", "附专项检查记录")."""
HEADING_BEFORE_RE = re.compile(r"(?:^|\n)[ \t\u3000]*[\u4e00-\u9fff（）()]{0,16}\Z")
"""A heading line: at most a short name of the body or case before the record's name ("区市场监管局询问笔录")."""
HEADING_AFTER_RE = re.compile(r"[ \t\u3000]*(?:[（(][^（()）\n]{0,12}[)）])?[ \t\u3000]*(?:[：:]|\n|\Z)")
"""Nothing after it on the line but a bracketed note ("（第1页）")."""


def in_title_quotes(t: str, s: int, e: int) -> bool:
    """The record's name stands in title quotes (《…》): a document cited, not this one."""
    return t[max(0, s - 1):s] == "《" or t[e:e + 1] == "》"


class EnforcementRecordRecognizer(Recognizer):
    TYPE = "enforcement_record"
    GROUND = "enforcement_file"
    ACTION = "review"
    SECOND_READING = "both"  # read again, and withdrawn when a model is sure it is none (second_reading.py)
    LABEL = "行政执法案卷材料"
    VALUE = False
    TRIGGERS = words("enforcement.EnforcementRecordRecognizer.TRIGGERS")
    tag = f"trigger:{TYPE}"

    def _inside_longer(self, fld, hit) -> bool:
        """现场检查笔录 contains 检查笔录: the longer record name is the one read."""
        s, e = hit.start, hit.end
        return any(h.start <= s and h.end >= e and (h.end - h.start) > (e - s) for h in fld.hits_between(s - 4, e + 2)
                   if h.term in self.TRIGGERS)

    def rereads(self, fld, hit) -> bool:
        """The second reading reads a record name once, as the rules do: the longest."""
        return not self._inside_longer(fld, hit)

    def analyze_trigger(self, doc, fld, hit):
        t = fld.text
        s, e = hit.start, hit.end
        if self._inside_longer(fld, hit):
            return
        inside_title_quotes = in_title_quotes(t, s, e)
        if fld.name == "title":
            if not inside_title_quotes:
                yield self.result(fld, s, e, 0.85, "文件即执法案卷")
            return  # (a body that names the record again is marked there too, below)
        first = doc.body.tagged(self.tag)[0]
        if (first.start, first.end) == (s, e) and self._title_is_record(doc):
            # the document is the record its title names, and names it again: "（本现场检查笔录共2页）"
            yield self.result(fld, s, e, 0.85, "文件即执法案卷")
            return
        if inside_title_quotes:
            qs, qe = s - 1, e + 1  # "附《现场检查笔录》主要内容：": the record quoted in the document
            if (any(t[max(0, qs - 4):qs].endswith(w) for w in LEAD_IN)
                    or any(t[qe:qe + 4].startswith(w) for w in LEAD_OUT if w not in ("：", ":")) or self._made(doc, fld, s)):
                yield self.result(fld, s, e, 0.8, "正文含执法案卷原文")
            return  # "《询问笔录》等证据证实": a piece of evidence named in a decision
        if HEADING_BEFORE_RE.search(t, max(0, s - 20), s) and HEADING_AFTER_RE.match(t, e, min(len(t), e + 20)):
            yield self.result(fld, s, e, 0.85, "文件即执法案卷（标题行）")
            return
        before = t[max(0, s - 4):s]
        after = t[e:e + 4]
        named = QUALIFIED_LEAD_RE.search(t, max(0, s - 12), s)  # "现将消防监督检查记录…附后": a qualified name
        if t[e:e + 1] in "及和、":  # "现场检查笔录及询问笔录载明：": the records named together are quoted together
            nxt = [h for h in fld.hits_between(e + 1, e + 12) if h.start == e + 1 and h.term in self.TRIGGERS]
            if nxt:
                after = t[max(h.end for h in nxt):][:4]
        if (any(before.endswith(w) for w in LEAD_IN) or any(after.startswith(w) for w in LEAD_OUT) or named
                or ATTACHMENT_RE.search(t, max(0, s - 12), s) or self._made(doc, fld, s)):
            yield self.result(fld, s, e, 0.8, "正文含执法案卷原文")

    def _title_is_record(self, doc) -> bool:
        """The title names a record, not quoted (as :meth:`analyze_trigger` reads a title); its 公开版 is the record
        too (the labels mark all ten such drafts of the development sets)."""
        t = doc.title.text
        return any(not in_title_quotes(t, h.start, h.end) for h in doc.title.tagged(self.tag))

    def _made(self, doc, fld, start: int) -> bool:
        """The record at ``start`` was made, obtained or passed on in a report on a case (:data:`MADE_RE`), or is
        named together with one that was ("制作了现场勘验笔录和询问笔录"); never in a penalty decision."""
        if doc.has_tag("list:penalty_cues"):
            return False
        t = fld.text
        for _ in range(4):  # a few records named one after another
            if MADE_RE.search(t, max(0, start - 12), start):
                return True
            joined = JOINED_RE.search(t, max(0, start - 3), start)
            if not joined:
                return False
            prev = [h for h in fld.hits_between(joined.start() - 12, joined.start())
                    if h.end == joined.start() and h.term in self.TRIGGERS]
            if not prev:
                return False
            start = min(h.start for h in prev)
        return False
