"""E-mail addresses of private persons (government and office mailboxes are not flagged)."""

from __future__ import annotations

from .base import Recognizer

WEBMAIL = frozenset("qq.com 163.com 126.com yeah.net sina.com sina.cn sohu.com gmail.com hotmail.com outlook.com "
                    "yahoo.com 139.com 189.cn wo.cn foxmail.com aliyun.com live.com icloud.com 188.com tom.com".split())


class EmailRecognizer(Recognizer):
    TYPE = "email"
    ACTION = "redact"
    LABEL = "电子邮箱"
    SHAPES = ("email",)
    NEGATIVE_CONTEXT = ("办公邮箱", "公务邮箱", "咨询邮箱", "投稿邮箱", "发送至", "邮件至", "发送到", "联系邮箱",
                        "联系人", "采购人", "代理机构", "单位邮箱", "监督邮箱", "举报邮箱", "官方邮箱") + tuple(
                            f"{w}邮箱" for w in ("申报", "报名", "受理", "收件", "接收", "征集", "投递"))
    # A mailbox labelled as where an organisation receives things ("申报邮箱：…@sina.com") is the
    # organisation's even on a webmail domain: never a private person's.
    FUNCTIONAL = tuple(f"{w}邮箱" for w in ("申报", "报名", "受理", "收件", "接收", "征集", "投递", "投稿", "办公",
                                             "公务", "单位", "官方", "监督", "举报"))
    CONTEXT = ("私人邮箱", "个人邮箱", "注册邮箱", "本人邮箱")

    def analyze_candidate(self, doc, fld, cand):
        domain = cand.value.rpartition("@")[2].lower().rstrip(".")
        if domain.endswith((".gov.cn", ".gov")) or domain in ("gov.cn",):
            return
        if any(h.term in self.FUNCTIONAL for h in fld.hits_between(cand.start - 8, cand.start)):
            return
        if domain in WEBMAIL:
            score, detail = 0.95, "个人邮箱域名"
            score = max(score - (0.2 if not fld.terms_between(cand.start - 12, cand.start).isdisjoint(self.negative_context) else 0), 0)
        else:
            score, detail = self.context_score(fld, cand.start, cand.end, 0.6, left=12, right=0), "非政府邮箱"
        yield self.result(fld, cand.start, cand.end, score, detail)
