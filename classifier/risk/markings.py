"""Markings on the document: 密级标志, 商业秘密 claims, 内部资料, and draft stages (讨论稿…)."""

from __future__ import annotations

import re

from .base import Recognizer
from .marking_position import (alone_on_line, bracket_tail, bracketed, cited, in_title_position, is_marking,
                               on_banner, self_referential)
from .text import is_cjk, line_start
from .wordlists import words

NOT_SECRET_BEFORE = words("markings.NOT_SECRET_BEFORE")
"""Before 秘密/机密: a different kind of secret ("商业秘密", "工作秘密"), not a classification."""
TRADE_SECRET_WORDS = words("markings.TRADE_SECRET_WORDS")
STARS = "★☆*＊▲△✩✭✮⭐"
"""The star of a classification mark (GB/T 9704 prints ★; drafts type ☆, *, ▲ or an emoji star)."""
_STAR = "[" + re.escape(STARS) + "]"
_LEVEL = r"(?:[绝机秘][ \u3000]{0,3}密)"
"""A level, perhaps spaced as a page heading prints it ("秘 密", "机　　密")."""
LEVEL_RE = re.compile(rf"(?:密级|秘密等级)[：:]?[ ]?{_LEVEL}(?:级)?(?:{_STAR} ?(?:[0-9]{{1,2}}年|长期)?)?"
                      rf"|(?:绝密|机密|秘密)级(?:{_STAR} ?(?:[0-9]{{1,2}}年|长期)?)?")
TERM_AFTER_LEVEL_RE = re.compile(r"[ \t\u3000，,；;]{0,4}(?:保密)?期限[：:][ \t\u3000]?(?:[0-9]{1,2}年|[0-9]{1,2}个月|长期|[一二三四五六七八九十]{1,3}年)")
BRACKET_PERIOD_RE = re.compile(r"[（(]" + _STAR + r"?(?:[0-9]{1,2}年|长期|[一二三四五六七八九十]{1,3}年|[0-9]{1,2}个月)[）)]")
"""A level's term in brackets ("秘密（6个月）")."""
PERIOD_RE = re.compile(r" ?(?:[0-9]{1,2}年|长期|[一二三四五六七八九十]{1,3}年|[0-9]{1,2}个月)")
TERM_LINE_RE = re.compile(_STAR + PERIOD_RE.pattern + r"(?=[ \t\u3000]*(?:\n|$))")
"""A term alone on its line ("★ 6个月")."""
LINE_END_RE = re.compile(r"[】\]）)]?[ \t\u3000]{0,4}(?:\n|\Z)")
"""Nothing but a closing bracket left on the line."""
STAT_AFTER_RE = re.compile(r"[^，。；]{0,8}?[0-9]+件")
GENERAL_SECRET_RE = re.compile(r"已删除|依法确定|保守国家秘密法|保密法|不得涉及|不涉及|是否涉及|政府信息|第三方|条例")
MEDIUM_AFTER_RE = re.compile(r"计算机|网络|设备|信息系统|存储")
"""After 涉密: the kind of computer or network a handling instruction names ("不得在涉密计算机以外存储", "涉密网络"), not what
the document is (unlike "涉密载体", which a document may say it is)."""


class SecrecyMarkingRecognizer(Recognizer):
    """``秘密★5年``, ``机密★长期``, ``绝密`` in the title, and "本件内容属于国家秘密"."""

    TYPE = "secrecy_marking"
    GROUND = "state_secret"
    ACTION = "withhold"
    SECOND_READING = "add"  # read again, never withdrawn: a missed state secret is the worst leak (second_reading.py)
    LABEL = "密级标志"
    VALUE = False
    TRIGGERS = words("markings.SecrecyMarkingRecognizer.TRIGGERS")

    def _term_line(self, fld, k: int):
        """The term alone on the line at ``k`` ("★ 6个月" under "秘  密"), as a finding, or ``None``."""
        m = TERM_LINE_RE.match(fld.text, k)
        return self.result(fld, k, m.end(), 0.95, f"“{fld.text[k:m.end()]}”") if m else None

    def analyze_trigger(self, doc, fld, hit):
        found = self._level(doc, fld, hit)
        if len(found) == 1 and found[0].field == fld.name:
            # a level alone on its line may have its term alone on the next ("秘 密\n★ 6个月")
            t = fld.text
            end = found[0].end
            term = self._term_line(fld, end + 1) if t[end:end + 1] == "\n" else None
            if term:
                return found + (term,)
        return found

    def _level(self, doc, fld, hit):
        # a tuple, not a generator: a hostile text repeats 秘密 tens of thousands of times
        t = fld.text
        s, e = hit.start, hit.end
        if hit.term == "密级" or (hit.term in ("绝密", "机密", "秘密") and t[e:e + 1] == "级") or (
                hit.term == "秘密" and t[e:e + 2] == "等级"):
            # "密级：秘密", "秘密级", "机密级★": a classification level stated on the document (followed by a
            # star, the end of its line or of the text — an empty slice is "in" any string)
            m = LEVEL_RE.match(t, s)
            if not m:
                return ()
            end = m.end()
            term = TERM_AFTER_LEVEL_RE.match(t, end, min(len(t), end + 16))
            if term:
                end = term.end()  # "密级：秘密　保密期限：10年", "（密级：秘密 期限：5年）": one marking
            if (fld.name == "title" or bracketed(t, s, m.end()) or bracketed(t, s, end) or alone_on_line(t, s, e)
                    or t[m.end():m.end() + 1] in STARS + "\n" or self_referential(t, fld.segments.sentence(s)[0], s, 16)):
                return (self.result(fld, s, end, 0.95, f"“{t[s:m.end()]}”"),)
            return ()
        if hit.term == "涉密档案":
            if fld.name == "title" or bracketed(t, s, e) or alone_on_line(t, s, e) or self_referential(t, fld.segments.sentence(s)[0], s, 16):
                return (self.result(fld, s, e, 0.9, "文件标注为涉密档案"),)
            return ()
        level = hit.term.replace(" ", "").replace("\u3000", "")
        if level != hit.term and fld.name == "title" and not t[:s].strip() and t[e:e + 1] in (" ", "\u3000", ""):
            # "秘 密 关于…的工作方案", perhaps with its term alone on the body's first line ("★ 6个月")
            out = [self.result(fld, s, e, 0.95, f"标题前标注“{hit.term}”")]
            body = doc.body.text
            k = len(body) - len(body.lstrip(" \t\u3000\n"))
            term = self._term_line(doc.body, k)
            return tuple(out) + ((term,) if term else ())
        if level != hit.term and not (alone_on_line(t, s, e) and t[e:e + 2].strip()[:1] in STARS) and not (
                self_referential(t, 0, s, 4) and t[e:e + 1] in "，,。；; \u3000\n") and not (
                fld.name == "body" and alone_on_line(t, s, e) and LINE_END_RE.match(t, e) and not t[:s].strip(" \t\u3000【[")):
            return ()  # "秘 密★1年" heading the page, "秘 密" alone on the first line or "本通报秘　密，" are
            # markings; elsewhere a spaced word is prose
        if level in ("绝密", "机密", "秘密"):
            if t[max(0, s - 2):s] in NOT_SECRET_BEFORE or t[max(0, s - 1):s] in ("保", "解"):
                return ()
            if 0 < s and e < len(t) and is_cjk(t[s - 1]) and is_cjk(t[e]) and not alone_on_line(t, max(0, s - 4), e):
                return ()  # inside running words: no bracket, star, term, cell or line edge can make it a marking,
                # only a self-reference opening the line ("此件秘密…"); checked first, as a hostile text repeats it
            j = e
            if j < len(t) and t[j] in " \u3000":
                j += 1
            if j < len(t) and t[j] in STARS and s > 0 and t[s - 1] in "“\"‘'「" and fld.segments.sentence(s)[0] < s - 1:
                return ()  # quoted inside a sentence ("试卷袋贴有“绝密★启用前”标识"): a mention, not a marking
            if s > 0 and t[s - 1] in STARS:
                lead = s - 3 if t[max(0, s - 3):s - 1] == "内部" else s - 1
                if alone_on_line(t, lead, e):
                    # "★秘密", "内部★机密" heading the page
                    return (self.result(fld, lead, e, 1.0, f"“{fld.text[lead:e]}”"),)
            m = BRACKET_PERIOD_RE.match(t, j, min(len(t), j + 8))
            if m and (alone_on_line(t, s, e) or self_referential(t, t.rfind("\n", 0, s) + 1, s, 8)
                      or any(ch in STARS for ch in m.group())) and t[m.end():m.end() + 1] in ("\n", "", " ", "\u3000"):
                return (self.result(fld, s, m.end(), 1.0, f"“{fld.text[s:m.end()]}”"),)  # "秘密（6个月）" heading the page
            m = PERIOD_RE.match(t, j + 1, min(len(t), j + 6)) if j < len(t) and t[j] in "·•・" else None
            if m and not ("\u4e00" <= t[m.end():m.end() + 1] <= "\u9fff"):
                return (self.result(fld, s, m.end(), 1.0, f"“{fld.text[s:m.end()]}”"),)  # "绝密·长期": a dot for the star
            if j < len(t) and t[j] in STARS:
                m = PERIOD_RE.match(t, j + 1, min(len(t), j + 6))
                end = m.end() if m else j + 1
                return (self.result(fld, s, end, 1.0, f"“{fld.text[s:end]}”"),)
            if "密级" in fld.column_header(s):
                cell = fld.cell_span(s)
                if cell and not t[cell[0]:s].strip() and not t[e:cell[1]].strip(" \t\u3000" + STARS):
                    # a 密级 column of a catalogue: each row's level marks that item as classified
                    return (self.result(fld, s, e, 0.9, f"“密级”栏标注“{hit.term}”"),)
            if (fld.name == "title" and (bracketed(t, s, e) or in_title_position(t, s, e))) or (
                    fld.name == "body" and (bracketed(t, s, e) or (t[e:e + 1] in ("\n", "", " ", "\u3000") and alone_on_line(t, s, e))
                                            or ((t[e:e + 1] in "，,。；;" or alone_on_line(t, max(0, s - 4), e))
                                                and self_referential(t, fld.segments.sentence(s)[0], s, 4)))):
                return (self.result(fld, s, e, 0.9, f"文件标注“{hit.term}”"),)
            return ()
        # 国家秘密 / 涉密: only when the document says it of itself.
        if fld.name == "title":
            if bracketed(t, s, e):
                return (self.result(fld, s, e, 0.9, f"文件标注“{hit.term}”"),)
            return ()
        if t[s - 1:s] == "非" or MEDIUM_AFTER_RE.match(t, e):
            return ()  # "非涉密计算机", "涉密网络": the computers a handling instruction names
        sl, sr = fld.segments.sentence(s, e)
        sentence = t[sl:sr]
        if GENERAL_SECRET_RE.search(sentence) or STAT_AFTER_RE.match(t, e, min(len(t), e + 12)):
            return ()
        if self_referential(t, sl, s, window=60) or bracketed(t, s, e):
            return (self.result(fld, s, e, 0.9, "文件自述属于国家秘密"),)
        return ()


CLAIM_RE = re.compile(r"仅供评审|仅供内部|请勿外传|请勿公开|不予公开|不得对外|不得公开|不宜公开|不公开|不对外|保密|处理|约定|申请|删除")
ENUM_RE = re.compile(r"(?:国家秘密|个人隐私|工作秘密)[、和及与]|[、和及与](?:国家秘密|个人隐私|工作秘密)")
GENERAL_TRADE_RE = re.compile(r"已删除|已隐去|已作删除|依法确定|依法不予|依法未予|未予公开|政府信息|第三方|条例|规定|法律|办法|指南|的除外|是否"
                              r"|决定不予|(?:本|我)(?:机关|局|委|院|府|单位)(?:经?审查)?认为")
"""A sentence about secrecy in general, or the agency's own decision on it ("经审查，本机关认为该部分确属商业秘密")."""
SELF_CLAIM_RE = re.compile(r"(?:(?:本|此)(?!机关|局|院|单位|委|府|部门|行政机关)[\u4e00-\u9fff]{0,6}(?:文件|方案|报价|标书|材料|页|部分|内容|资料|说明|清单|报告|件|表)[^，。；\n]{0,4}(?:含有?|涉及|属于?|系|包含)"
                           r"(?:[\u4e00-\u9fff]{0,6}?(?:投标人|供应商|企业|公司|申请人))?的?"
                           r"|以[下上][\u4e00-\u9fff]{0,6}?(?:为|系|属于?|涉及|含有?)(?:投标人|供应商)?[\u4e00-\u9fff]{0,10}?的?(?:我|本)?(?:公司|单位|企业)?)\Z")
"""The text claiming trade secrecy for itself ("本技术方案含商业秘密，未经…不得向第三方披露"): a marking,
whatever rule language ("第三方", "同意") follows it."""
SELF_CLAIM_TAIL_RE = re.compile(r"不得|未经|禁止|披露")
OPEN_BRACKETS, CLOSE_BRACKETS = "（(【[", "）)】]"
MARK_TAIL_RE = re.compile(r"[ 　，,、·]*(?:未经[\u4e00-\u9fff]{0,4}?(?:许可|同意|授权))?(?:请勿外传|请勿公开|不得外传|严禁外传|严禁外泄|不得公开|注意保密|(?:仅限|仅供)[\u4e00-\u9fff]{0,6}?使用)")
QUOTES = frozenset("'‘“\"「『")
NOTE_CLAIM_RE = re.compile(r"[（(【\[](?:涉及|含有?|属于?|系|内含)\Z")
"""A bracketed note that opens by claiming what the item before it holds: "（涉及商业秘密）", "（含商业秘密）"."""
CLOSE_QUOTE_RE = re.compile("['’”\"」』]")
QUOTED_END_RE = re.compile("[·・ 　]?[\u4e00-\u9fff]{0,8}['’”\"」』]")
"""The rest of a short quoted marking, to its closing quote ("·技术资料”")."""
MARKED_AS_RE = re.compile(r"(?:标注|标有|标明|注明|标记|标识|载明)(?:为|有)?[：:]?\Z")
"""Before a quoted word: the text says it is marked so ("企业已标注“商业秘密”")."""
OWNER_BEFORE_RE = re.compile(r"(?:^|\n)[ \t\u3000]*(?:本?企业|本?公司|供应商|投标人|申请人)\Z")
"""Who claims the secret, heading the line before "商业秘密" ("企业商业秘密　仅限审核使用")."""


CLAIMED_BEFORE_RE = re.compile(r"(?:标注|标明|注明|声明|申明|主张)[^，。；\n]{0,14}?(?:为|属于?|系|涉及|含有?)?[^，。；\n]{0,4}\Z"
                               r"|(?:本|我|其)(?:企业|公司|单位)的?(?:核心)?\Z")
"""Before the word, its owner claims it ("投标人声明本部分为商业秘密", "企业标注：涉及商业秘密", "属于本企业商业秘密"):
the claim is a marking whatever rule language the sentence goes on with."""
STARRED = "★☆"


class TradeSecretMarkingRecognizer(Recognizer):
    """A claim that this text is a 商业秘密 ("属企业商业秘密，申请不予公开"), not the word in a law or a statistic."""

    TYPE = "trade_secret_marking"
    GROUND = "trade_secret"
    ACTION = "review"
    SECOND_READING = "both"  # read again, and withdrawn when a model is sure it is none (second_reading.py)
    LABEL = "商业秘密标注"
    VALUE = False
    TRIGGERS = words("markings.TradeSecretMarkingRecognizer.TRIGGERS")
    MARKING_ONLY = frozenset(words("markings.TradeSecretMarkingRecognizer.MARKING_ONLY"))
    """Words that are a claim only written as a marking (quoted, bracketed, heading a line): "公司机密 未经许可不得复制"
    marks a document, "严防核心机密泄露" does not."""

    @staticmethod
    def _marked_quote(t: str, s: int) -> int | None:
        """The opening quote (at most 16 characters before ``s``, no closing one between) of a quotation the
        text says something is marked with ("标注“…", "载明“…")."""
        for q in range(s - 1, max(-1, s - 17), -1):
            if t[q] in QUOTES:
                return q if MARKED_AS_RE.search(t, max(0, q - 8), q) else None
            if t[q] in "’”\"」』\n。":
                return None
        return None

    def analyze_trigger(self, doc, fld, hit):
        t = fld.text
        s, e = hit.start, hit.end
        heading = (alone_on_line(t, s, e) or OWNER_BEFORE_RE.search(t, max(0, s - 8), s) is not None
                   or t[s - 1:s] in QUOTES)  # "封面已标注'商业秘密 严禁外泄'": the marking quoted
        quoted = t[s - 1:s] in QUOTES and (
            (CLOSE_QUOTE_RE.match(t, e, min(len(t), e + 12)) is None and QUOTED_END_RE.match(t, e, min(len(t), e + 12)))
            or MARKED_AS_RE.search(t, max(0, s - 8), s - 1))  # "“企业机密·技术资料”" quoted whole; "已标注“商业秘密”"
        opening = self._marked_quote(t, s)
        if opening is not None:  # "标注“绝密级商业秘密”", "首页载明“内部核价资料，涉及商业秘密”": the quote is the marking
            close = CLOSE_QUOTE_RE.search(t, e, min(len(t), e + 20))
            if close and "\n" not in t[opening:close.start()]:
                yield self.result(fld, opening + 1, close.start(), 0.85, "文件或企业标注为商业秘密")
                return
        starred = t[s - 1:s] in STARRED and t[e:e + 1] in STARRED  # "★商业秘密★"
        if starred:
            s, e = s - 1, e + 1
        tail = MARK_TAIL_RE.match(t, e)
        noted = t[s - 1:s] in OPEN_BRACKETS and tail is not None and t[tail.end():tail.end() + 1] in CLOSE_BRACKETS
        claim = NOTE_CLAIM_RE.search(t, max(0, s - 4), s)
        note_end = tail.end() if tail else e
        if claim and t[note_end:note_end + 1] in CLOSE_BRACKETS:
            # "附件2　报价构成（涉及商业秘密）", "…说明1份（涉及商业秘密，仅供办案使用）": a note on the item before it
            yield self.result(fld, claim.start() + 1, note_end, 0.85, "文件或企业标注为商业秘密")
            return
        if (bracketed(t, s, e) or quoted or starred or noted  # "（商业秘密，仅供绩效评价使用）"
                or (heading and (e >= len(t) or t[e] in " \u3000\n" or tail))):
            # a marking: "（商业秘密）" after an item, or "商业秘密　请勿外传" heading the document
            m = MARK_TAIL_RE.match(t, e)
            end = m.end() if m else e
            if t[s - 1:s] in QUOTES:  # a quoted marking runs to its closing quote ("“企业机密·技术资料”")
                close = CLOSE_QUOTE_RE.search(t, end, min(len(t), end + 30))
                if close and "\n" not in t[end:close.start()]:
                    end = close.start()
            yield self.result(fld, s, end, 0.85, "文件或企业标注为商业秘密")
            return
        if hit.term in self.MARKING_ONLY and t[s - 1:s] not in OPEN_BRACKETS:
            return  # not written as a marking (nor opening a note: "（企业保密材料，申请不予公开）"): prose about secrecy
        sl, sr = fld.segments.sentence(s, e)
        sentence = t[sl:sr]
        around = t[max(sl, s - 6):min(sr, e + 6)]
        self_claim = (SELF_CLAIM_RE.search(t, max(sl, s - 16), s) is not None
                      or CLAIMED_BEFORE_RE.search(t, max(sl, s - 24), s) is not None)
        if ENUM_RE.search(around) or STAT_AFTER_RE.match(t, e, min(len(t), e + 12)) or (
                GENERAL_TRADE_RE.search(sentence) and not self_claim):
            return
        if not self_claim and not CLAIM_RE.search(sentence) and not re.search(r"[含属系]", t[max(sl, s - 12):s]):
            return
        cl, cr = fld.segments.clause(s, e)
        start = cl
        while start > sl and t[start - 1] in "，,":
            start = fld.segments.clause(start - 2)[0]
            if start < s - 40:
                break
        end = cr
        if cr < sr and t[cr] in "，,":
            nl, nr = fld.segments.clause(cr + 1)
            if CLAIM_RE.search(t, nl, nr) or (self_claim and SELF_CLAIM_TAIL_RE.search(t, nl, nr)):
                end = nr
        yield self.result(fld, max(start, sl), end, 0.85, "文件或企业标注为商业秘密")


RESTRICTION_RE = re.compile(
    r"(?:请勿|切勿|严禁|不得|禁止)(?:对外)?(?:外传|转发|外泄|扩散|公开|透露|提供|发布|引用)"
    r"|(?:仅供|仅限)[\u4e00-\u9fff]{0,8}?(?:内部|参考|参阅|讨论|使用|传阅|阅知|阅存|掌握)(?:讨论|使用|参考|掌握)?"
    r"|暂不(?:对外)?(?:公开|发布|透露)|不对外(?:公开|透露|发布|提供)|不宜(?:对外)?公开|不公开发布")
STRONG_RESTRICTION_RE = re.compile(r"(?:请勿|切勿|严禁)(?:对外)?(?:外传|转发|外泄|扩散|透露)|暂不对外(?:公开|发布|透露)"
                                   r"|不对外透露|(?:仅供|仅限)[\u4e00-\u9fff]{0,8}?内部[\u4e00-\u9fff]{0,2}")
"""(A rule against copying — 不得翻印, 严禁复制 — is how a classified carrier is handled, not a marking of its own.)"""
DRAFTING_RE = re.compile(r"起草|讨论稿|修改稿|未定稿")
"""A restriction naming the drafting ("仅供起草组内部讨论") marks a draft, not an internal document."""
DRAFT_NOTE_TAIL_RE = re.compile(r"[ 　，,]*(?:未经[\u4e00-\u9fff]{0,6}审定|待审定|未定稿|请勿外传)[）)]")
"""The rest of a bracketed draft note in a title ("（初稿　未经审定）")."""
NOT_CONSULTED_RE = re.compile(r"决算|预算执行|报告|总结|纪要|请示|汇报")
"""Documents not put out for public comment: their 征求意见稿 circulates internally."""
CONSULTATION_RE = re.compile(r"公开征求|征求公众|向社会征求|征求社会")
"""A notice putting a draft out for public comment (its title names the draft in 《》)."""
PUBLIC_COMMENT_RE = re.compile(CONSULTATION_RE.pattern + r"|向社会[\u4e00-\u9fff]{0,4}征求|社会各界|社会公众|广大(?:市民|群众|居民|网民)"
                               r"|公众(?:意见|可|如)|意见反馈|反馈意见|提出意见(?:和|或)?建议|征求意见(?:时间|期|截止)")
"""The document asks the public for comment on its draft: a consultation notice's words, or words to the public."""


CITED_DRAFT_RE = re.compile(r"《[^》]{0,60}征求意见稿[^《]{0,4}》")
"""A title citing a draft for comment ("关于《某规定（征求意见稿）》的起草说明"): the document goes with a public draft."""


def public_comment(doc) -> bool:
    """The title or the body puts the draft out for public comment, or the title cites the draft in 《》."""
    memo = doc.title.memo  # once per review
    got = memo.get("public_comment")
    if got is None:
        title = doc.title.text
        got = memo["public_comment"] = (any(PUBLIC_COMMENT_RE.search(f.text) is not None for f in doc.fields)
                                        or CITED_DRAFT_RE.search(title) is not None)
    return got


THIS_DRAFT_RE = re.compile(r"[本此]稿[^，。；\n]{0,12}讨论")
"""This text called a draft under discussion ("本稿仅供内部讨论")."""
ABOUT_DRAFT_RE = re.compile(r"[）)]?[\u4e00-\u9fff]{0,8}?的(?:起草)?说明")
"""After the draft stage in a title, "的说明": the document explains the draft, it is not the draft."""
DRAFT_LINE_RE = re.compile(r"(?:初|草|讨论|修改|送审|未定|审议|征求意见|第[一二三四五六七八九十])稿|未经[\u4e00-\u9fff]{0,8}审定")
"""Earlier on the restriction's line, a draft stage ("此稿为初稿，未经党委会审定，请勿外传", "本稿仅供内部讨论"):
one draft marking. (This text put to internal consultation, "本稿仅在系统内部征求意见", stays an internal marking.)"""


SECRECY_LEVEL_RE = re.compile(r"(?:绝|机|秘)[ 　]?密(?:★|[ 　]*[0-9一二三四五六七八九十]+年|级)|★(?:绝|机|秘)密|密级")
"""A secrecy level written as a marking (not the word 秘密 in prose)."""


class InternalMarkingRecognizer(Recognizer):
    """``内部资料``, ``仅供内部参考``, ``内部文件 注意保存``, ``（此件不公开）``, ``请勿外传``."""

    TYPE = "internal_marking"
    GROUND = "internal_affairs"
    ACTION = "review"
    SECOND_READING = "both"  # read again, and withdrawn when a model is sure it is none (second_reading.py)
    LABEL = "内部资料标注"
    VALUE = False
    TRIGGERS = words("markings.InternalMarkingRecognizer.TRIGGERS")
    ALWAYS = frozenset(words("markings.InternalMarkingRecognizer.ALWAYS"))
    # By meaning: a restriction on circulation, in whatever words ("请勿转发", "暂不对外公开",
    # "不对外透露", "仅供起草组内部讨论"). The strong forms mark the text wherever they stand; the
    # others only where a marking stands (bracketed, alone on a line, "本稿…", the title).
    ANCHORS = words("markings.InternalMarkingRecognizer.ANCHORS")
    MERGE_GAP = 3

    def words(self):
        w = super().words()
        w[f"trigger:{self.TYPE}"] = set(w[f"trigger:{self.TYPE}"]) | set(self.ANCHORS)
        return w

    def analyze_trigger(self, doc, fld, hit):
        t = fld.text
        s, e = hit.start, hit.end
        if any(w in t[max(0, s - 16):s] for w in TRADE_SECRET_WORDS):
            return  # "商业秘密　请勿外传", "含商业秘密，未经许可不得公开": one trade-secret marking
        if self._with_secrecy_marking(fld, s):
            return  # "★机密（本件不得翻印）": the handling rule of the secrecy marking, part of it
        if hit.term in self.ANCHORS:
            m = RESTRICTION_RE.match(t, s)
            if not m or any(h.start < s < h.end for h in fld.hits_between(s - 8, m.end()) if h.term in self.TRIGGERS):
                return
            if STRONG_RESTRICTION_RE.fullmatch(m.group()) or is_marking(fld, s, m.end(), window=16):
                end = m.end()
                more = RESTRICTION_RE.match(t, end + 1) if t[end:end + 1] in "，,、" else None
                if more:
                    end = more.end()  # "仅供内部讨论，请勿引用": one marking
                if self._drafting(t, s, end):
                    # "仅供起草组内部讨论": the text is a draft under discussion, 过程性信息
                    yield self.result(fld, s, end, 0.85, f"“{t[s:end]}”", type="draft_marking",
                                      ground="process_info", label=DraftMarkingRecognizer.LABEL)
                else:
                    yield self.result(fld, s, end, 0.85, f"“{t[s:end]}”")
            return
        if hit.term == "内部征求意见" and t[e:e + 1] == "稿":
            return
        if hit.term == "内部" and not self._bare_mark(t, s, e):
            return  # "内部控制", "内部审计": the word in prose; only "（内部）" or 内部 alone on its line marks
        if hit.term == "内部版" and e < len(t) and is_cjk(t[e]):
            return  # "内部版面": a longer word; "（内部版）" marks the edition
        if any(w in t[max(0, s - 8):s] for w in TRADE_SECRET_WORDS):
            return  # "商业秘密　请勿外传": one trade-secret marking
        if hit.term in self.ALWAYS or is_marking(fld, s, e, window=16) or bracket_tail(t, s, e, reach=24):
            start, end = s, e
            if hit.term in ("此件不公开", "本件不公开") and bracketed(t, s, e):
                start, end = s - 1, e + 1
            if self._drafting(t, start, end):
                yield self.result(fld, start, end, 0.85, f"“{t[start:end]}”", type="draft_marking",
                                  ground="process_info", label=DraftMarkingRecognizer.LABEL)
            else:
                yield self.result(fld, start, end, 0.85, f"“{fld.text[start:end]}”")

    @staticmethod
    def _bare_mark(t: str, s: int, e: int) -> bool:
        """The bare word stands as a marking of its own: in brackets ("（内部）", "〔内部〕") or alone on its line."""
        if bracketed(t, s, e):
            return True
        ls = t.rfind("\n", max(0, s - 4), s) + 1
        le = t.find("\n", e, e + 4)
        le = len(t) if le < 0 and len(t) - e <= 4 else le
        return le >= 0 and (ls > 0 or s <= 4) and not t[ls:s].strip(" \t\u3000") and not t[e:le].strip(" \t\u3000")

    @staticmethod
    def _with_secrecy_marking(fld, start: int) -> bool:
        """A secrecy level stands earlier on the restriction's line, at most 40 characters before it."""
        t = fld.text
        lo = line_start(t, start, 40)
        return bool(fld.tagged_between("trigger:secrecy_marking", lo, start)) and SECRECY_LEVEL_RE.search(t, lo, start) is not None

    @staticmethod
    def _drafting(t: str, start: int, end: int) -> bool:
        """The restriction marks a draft: it names the drafting, or a draft stage precedes it on its line."""
        lo = max(t.rfind("\n", 0, start) + 1, start - 30)
        this = THIS_DRAFT_RE.search(t, lo, min(len(t), end + 12))  # "本稿仅供内部讨论": read across the restriction
        return bool(DRAFTING_RE.search(t, start, end) or DRAFT_LINE_RE.search(t, lo, start)
                    or (this is not None and this.start() < start))


class DraftMarkingRecognizer(Recognizer):
    """讨论稿/送审稿/初稿/内部征求意见稿 marking the document (not "规划初稿已编制完成")."""

    TYPE = "draft_marking"
    GROUND = "process_info"
    ACTION = "review"
    SECOND_READING = "both"  # read again, and withdrawn when a model is sure it is none (second_reading.py)
    LABEL = "未定稿标注"
    VALUE = False
    TRIGGERS = words("markings.DraftMarkingRecognizer.TRIGGERS")

    INTERNAL = words("markings.DraftMarkingRecognizer.INTERNAL")

    def _marks(self, doc, fld, hit, doc_title: str = "") -> bool:
        t = fld.text
        s, e = hit.start, hit.end
        if hit.term == "征求意见稿":
            # a draft for comment marks a draft under internal review — unless the document puts it out to
            # the public (a 公开征求意见 notice; the body asks the public for comment) or cites it in 《》
            if cited(t, s, e) or "《" in t[max(0, s - 40):s]:
                return False
            if not NOT_CONSULTED_RE.search(doc_title) and public_comment(doc):
                return False
            if fld.name == "title":
                return in_title_position(t, s, e) or bracket_tail(t, s, e)
            return alone_on_line(t, s, e)
        if hit.term in self.INTERNAL:
            return True
        if fld.name == "title":
            if CONSULTATION_RE.search(t) and "《" in t[:s] and "》" in t[e:]:
                return False  # "关于《…规划（初稿）》公开征求意见的公告": the draft is put out for comment
            if ABOUT_DRAFT_RE.match(t, e):
                return False  # "关于…规划（讨论稿）的说明": a note on a draft, published to explain it
            return (in_title_position(t, s, e) or bracket_tail(t, s, e) or t[e:e + 2] in ("））", "))")
                    or DRAFT_NOTE_TAIL_RE.match(t, e) is not None)
        sl, _ = fld.segments.sentence(s, e)
        if self_referential(t, sl, s, window=10):
            return True
        if cited(t, s, e):
            return False  # "形成了《若干意见（讨论稿）》": another document's title, named in the prose
        return (bracketed(t, s, e) or alone_on_line(t, s, e) or on_banner(t, s, e)
                or (hit.term != "初稿" and bracket_tail(t, s, e)))

    def analyze_trigger(self, doc, fld, hit):
        s, e = hit.start, hit.end
        ok = self._marks(doc, fld, hit, doc.title.text)
        if not ok and fld.name == "body" and hit.term not in ("征求意见稿", "初稿"):
            # the title marks the document as a draft: the body's mentions of that stage refer to it
            tag = f"trigger:{self.TYPE}"
            ok = any(h.term == hit.term and self._marks(doc, doc.title, h, doc.title.text) for h in doc.title.tagged(tag))
        if ok:
            yield self.result(fld, s, e, 0.85, f"“{fld.text[s:e]}”")
