"""过程性信息: a 请示 (title and closing formula) and internal 会议纪要."""

from __future__ import annotations

import re

from .base import Recognizer
from .wordlists import words

CLOSING = words("process.CLOSING")
ASKING = words("process.ASKING")
"""Words that ask the superior whether the proposal is right (妥否, 当否, 如无不妥): a closing formula when an
instruction is requested right after them (:data:`REQUESTED_RE`)."""
REQUESTED_RE = re.compile(r"[，,][ \t\u3000]*(?:敬?请|望)(?:予|求)?[\u4e00-\u9fff]{0,2}?"
                          r"(?:批示|审示|指示|审批|批复|审定|批转|核示|批准|示|审阅|裁定|核准)")
"""The instruction asked for after 妥否/当否 ("，请批示", "，请予批复", "，请批转各有关单位执行")."""
ASKED_TAIL = 10
CLAUSE_BREAK_RE = re.compile(r"[，,；;]")
"""After the instruction asked for, at most a short object ("…请批转各有关单位执行"), no further clause."""
OPENING_RE = re.compile(r"以上[\u4e00-\u9fff]{0,4}\Z")
""""以上报告", "以上意见", "以上请示" before the asking word: part of the formula."""
DRAFT_NOTE_RE = re.compile(r"[（(][^（）()]{0,8}[）)]\s*\Z")
"""A bracketed note after the title's last word ("…的请示（第二稿）")."""
SUBMIT_RE = re.compile(r"报送|上报|拟报|呈报|报请|提交")


def closes_paragraph(t: str, end: int) -> bool:
    """Only a full stop (and spaces) between ``end`` and the end of the paragraph: the closing formula
    of this document ("妥否，请批示。"), not a procedure described in a sentence ("报请审批，需由…")."""
    k = end
    while k < len(t) and t[k] in "。.！! \t\u3000":
        k += 1
    return k >= len(t) or t[k] in "\n\r"


class RequestReportRecognizer(Recognizer):
    """The document is a 请示: "…的请示" as the title's end, or a closing "妥否，请批示"."""

    TYPE = "request_report"
    GROUND = "process_info"
    ACTION = "review"
    SECOND_READING = "both"  # read again, and withdrawn when a model is sure it is none (second_reading.py)
    LABEL = "请示件"
    VALUE = False
    TRIGGERS = ("请示",) + CLOSING + ASKING

    def analyze_trigger(self, doc, fld, hit):
        t = fld.text
        s, e = hit.start, hit.end
        if hit.term in ASKING:
            # "以上报告妥否，请指示。", "以上意见如无不妥，请批转各有关单位执行。": asking whether the proposal is
            # right, then for an instruction, closing the paragraph
            m = REQUESTED_RE.match(t, e)
            sl, sr = fld.segments.sentence(s, e)
            if (m and sr - m.end() <= ASKED_TAIL and not CLAUSE_BREAK_RE.search(t, m.end(), sr) and closes_paragraph(t, sr)
                    and t[s - 1:s] not in ("“", "\"", "「", "‘")):  # (not a formula quoted)
                o = OPENING_RE.search(t, sl, s)
                yield self.result(fld, o.start() if o else s, sr, 0.85, "请示结尾用语")
            return
        if hit.term != "请示":
            sl, sr = fld.segments.sentence(s, e)
            if any(h.term in ASKING for h in fld.hits_between(sl, sr)):
                return  # part of a formula read from its asking word ("以上请示当否，请予批复")
            if hit.term == "以上请示" or hit.term == "特此请示" or "，" in hit.term or "," in hit.term or hit.term.startswith("请"):
                if hit.term == "以上请示":
                    end = fld.segments.sentence(s, e)[1]
                    if "请" not in t[e:end] and t[e:end].strip("。，,.! \t\u3000"):
                        return  # "以上请示已征求财政局意见": a sentence about the request, not its closing formula
                if closes_paragraph(t, e if hit.term != "以上请示" else fld.segments.sentence(s, e)[1]):
                    yield self.result(fld, s, e, 0.85, "请示结尾用语")
            return
        if any(h.start <= s and h.end >= e and h.term != "请示" for h in fld.hits_between(s - 6, e + 6)):
            return  # part of a closing formula
        if fld.name == "title":
            rest = DRAFT_NOTE_RE.sub("", t[e:]).strip(" ）)》")
            if rest in ("", "报告") and "《" not in t[:s][-30:]:  # "…的请示报告": a request all the same
                yield self.result(fld, s, e, 0.85, "标题为请示")
            return
        if t[e:e + 1] == "》":
            sl, sr = fld.segments.sentence(s, e)
            if SUBMIT_RE.search(t, sl, s):
                yield self.result(fld, s, e, 0.7, "拟报送的请示")


class MeetingMinutesRecognizer(Recognizer):
    """A title that is an internal 会议纪要 (not a news report citing a published one in 《》)."""

    TYPE = "meeting_minutes"
    GROUND = "process_info"
    ACTION = "review"
    SECOND_READING = "both"  # read again, and withdrawn when a model is sure it is none (second_reading.py)
    LABEL = "内部会议纪要"
    VALUE = False
    TRIGGERS = ("会议纪要", "纪要")

    def analyze_trigger(self, doc, fld, hit):
        if fld.name != "title":
            return
        t = fld.text
        s, e = hit.start, hit.end
        if hit.term == "纪要" and t[max(0, s - 2):s] == "会议":
            return
        if "《" in t[:s] and "》" in t[e:]:
            return
        if t.startswith(("关于印发", "印发")):
            return
        yield self.result(fld, s, e, 0.8, "标题为会议纪要")
