"""Where a word reads as a *marking* of the document rather than a word of its prose."""

from __future__ import annotations

import re

LINE_REACH = 80
"""How far back a marking's line may begin (a marking heads a short line)."""
OPEN = "（(【[〔"
CLOSE = "）)】]〕"
SELF_REF_RE = re.compile(r"本通报|本简报|本专报|本快报|本报价单|本报价|本投标文件|本申报材料|以上意见|以上内容|以上材料|本件|本文件|本文|此件|本汇总|本材料|本通知|本报告|本表|本统计|本数据|本方案|该文件|本资料|"
                         r"本函|本纪要|本意见|本稿|此稿|本部分|本册|本页|本清单|本附件")


def bracketed(t: str, start: int, end: int) -> bool:
    return start > 0 and t[start - 1] in OPEN and end < len(t) and t[end] in CLOSE


def bracket_tail(t: str, start: int, end: int, reach: int = 10) -> bool:
    """The word closes a bracketed note: "（修订草案送审稿）", "（征求意见稿（内部））"."""
    if end >= len(t) or t[end] not in CLOSE:
        return False
    k = max(t.rfind(ch, max(0, start - reach), start + 1) for ch in OPEN)
    return k >= 0 and not any(ch in CLOSE for ch in t[k:start])


HEADING_LEAD_RE = re.compile(r"(?:附件|附)?[0-9一二三四五六七八九十]{0,3}[：:]?[ \t\u3000]*(?:[0-9]{1,2}[.、．]|[（(][0-9一二三四五六七八九十]{1,2}[）)])?")
"""What may precede a 《title》 that heads a line of its own: "附件：", "附件2：", "1.", "（一）"."""


def cited(t: str, start: int, end: int, reach: int = 60) -> bool:
    """The word is inside a 《…》 title cited in running text: an unclosed 《 before it on the same line
    and a 》 after it, with prose before the 《. A line that *is* "《…（讨论稿）》" heads the document,
    and "附件：《…（送审稿）》" lists what is attached to it: those are markings."""
    ls = t.rfind("\n", max(0, start - reach), start) + 1
    k = t.rfind("《", max(ls, start - reach), start)
    if k < 0 or "》" in t[k:start]:
        return False
    close = t.find("》", end, end + reach)
    if close < 0 or "\n" in t[end:close]:
        return False
    lead = t[ls:k].strip(" \t\u3000")
    return bool(lead) and not HEADING_LEAD_RE.fullmatch(lead)


def alone_on_line(t: str, start: int, end: int) -> bool:
    """Only spaces/brackets between the word and the start of its line."""
    lo = max(0, start - LINE_REACH)
    ls = t.rfind("\n", lo, start) + 1
    if ls == 0 and lo > 0:
        return False  # more than LINE_REACH characters since the line began: not a heading
    return not t[ls:start].strip(" \t　" + OPEN)


BANNER_RE = re.compile(r"[ \t\u3000]*(?:[^\s，,。；;：:、]{1,8}[ \t\u3000]+){0,2}")
"""Before a marking on a banner line: up to two short tokens, each followed by a space ("内部材料　初稿")."""


def on_banner(t: str, start: int, end: int) -> bool:
    """The word is a token of a short banner line of space-separated tokens without punctuation
    ("内部材料　初稿", "初稿　内部资料"), which marks the document like a word alone on its line."""
    ls = t.rfind("\n", max(0, start - 30), start) + 1
    if ls == 0 and start > 30:
        return False
    le = t.find("\n", end, end + 30)
    le = len(t) if le < 0 and len(t) - end <= 30 else le
    if le < 0:
        return False
    if BANNER_RE.fullmatch(t, ls, start) is None:
        return False
    rest = t[end:le]
    return not rest.strip(" \t\u3000" + CLOSE) or (rest[:1] in " \t\u3000" and BANNER_RE.fullmatch(rest + " ") is not None)


def in_title_position(t: str, start: int, end: int) -> bool:
    """A title word in brackets, or the title's last or first word."""
    return (bracketed(t, start, end) or not t[end:end + LINE_REACH].strip(" " + CLOSE) and not t[end:].strip(" " + CLOSE)
            or not t[max(0, start - LINE_REACH):start].strip(" " + OPEN) and not t[:start].strip(" " + OPEN))


def self_referential(t: str, sent_start: int, start: int, window: int = 12) -> bool:
    """The sentence says "本件/本报告/此件…" shortly before the word."""
    return SELF_REF_RE.search(t, max(sent_start, start - window), start) is not None


def is_marking(fld, start: int, end: int, window: int = 12) -> bool:
    t = fld.text
    if fld.name == "title":
        return in_title_position(t, start, end)
    if bracketed(t, start, end) or alone_on_line(t, start, end) or on_banner(t, start, end):
        return True
    sl, _ = fld.segments.sentence(start, end)
    return self_referential(t, sl, start, window)
