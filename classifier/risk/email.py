"""E-mail addresses of private persons: on webmail domains, or labelled as a person's (government and
organisation mailboxes are not flagged)."""

from __future__ import annotations

import re

from .base import Recognizer
from .wordlists import words

WEBMAIL = frozenset(words("email.WEBMAIL"))
WEBMAIL_PROVIDERS = frozenset(words("email.WEBMAIL_PROVIDERS"))
"""Webmail providers abroad by their name: "…@outlook.jp", "…@mail.ru", "…@yahoo.co.uk", "…@web.de"."""
NOT_PUBLIC_SUFFIXES = frozenset(("cn", "gov", "edu", "org", "mil", "int"))
"""Suffixes under which a provider-like name ("mail.xx.gov") is an organisation's server, not webmail."""


def webmail(domain: str) -> bool:
    """A mailbox anyone can open: a known webmail domain, or a provider's name and a country's (or com/net) suffix of
    one or two short labels ("outlook.jp", "yahoo.co.uk") — never an organisation's subdomain ("mail.hz.gov.cn")."""
    if domain in WEBMAIL:
        return True
    provider, _, suffix = domain.partition(".")
    labels = suffix.split(".")
    return (provider in WEBMAIL_PROVIDERS and 1 <= len(labels) <= 2 and all(0 < len(x) <= 3 for x in labels)
            and NOT_PUBLIC_SUFFIXES.isdisjoint(labels))
ORG_CLAUSE_RE = re.compile(r"代理机构")
"""In the mailbox's clause, before it: the procurement agency the clause gives the contacts of ("采购代理机构：某招标代理有限公司
电话：…　业务邮箱：…@163.com"), as a procurement notice must."""
PRIVATE_IN_CLAUSE_RE = re.compile(r"个人|本人|私人|申请人|投诉人|举报人|法定代表人|负责人|联系人")
"""…unless the clause names a person whose mailbox it may be."""
CLAUSE_REACH = 80


def _clause_start(t: str, start: int) -> int:
    """Where the mailbox's line or sentence begins (not ``Segments.sentence``, which joins a record's lines: the
    contact line above, "联系人：贾科长", is another party's)."""
    lo = max(0, start - CLAUSE_REACH)
    return max(lo, *(t.rfind(ch, lo, start) + 1 for ch in "\n。；;"))


SPELLED_AT_RE = re.compile(r" (?:at|AT) |\((?:at|AT)\)|\[(?:at|AT)\]|#|＃")
SPELLED_DOT_RE = re.compile(r" (?:dot|DOT) |\((?:dot|DOT)\)|\[(?:dot|DOT)\]")


class EmailRecognizer(Recognizer):
    TYPE = "email"
    ACTION = "redact"
    LABEL = "电子邮箱"
    SHAPES = ("email",)
    NEGATIVE_CONTEXT = words("email.EmailRecognizer.NEGATIVE_CONTEXT") + tuple(
                            f"{w}邮箱" for w in words("email.EmailRecognizer.NEGATIVE_CONTEXT.1"))
    # A mailbox labelled as where an organisation receives things ("申报邮箱：…@sina.com") is the
    # organisation's even on a webmail domain: never a private person's.
    FUNCTIONAL = tuple(f"{w}邮箱" for w in words("email.EmailRecognizer.FUNCTIONAL"))
    CONTEXT = words("email.EmailRecognizer.CONTEXT")

    def analyze_candidate(self, doc, fld, cand):
        value = SPELLED_AT_RE.sub("@", cand.value)
        value = SPELLED_DOT_RE.sub(".", value)
        domain = value.rpartition("@")[2].strip().lower().rstrip(".")
        if domain.endswith((".gov.cn", ".gov")) or domain in ("gov.cn",):
            return
        personal = webmail(domain)
        if any(h.term in self.FUNCTIONAL for h in fld.hits_between(cand.start - 8, cand.start)) and not (
                personal and fld.opens_with_person(cand.start, 80)):
            return  # (unless a person's record holds it: "张*英，种植大户，报名邮箱 …@qq.com" is the applicant's)
        t = fld.text
        clause = _clause_start(t, cand.start)
        if ORG_CLAUSE_RE.search(t, clause, cand.start) and not PRIVATE_IN_CLAUSE_RE.search(t, clause, cand.start):
            return  # a company's or an agency's mailbox, given with its other contacts
        if personal:
            score, detail = 0.95, "个人邮箱域名"
            score = max(score - (0.2 if not fld.terms_between(cand.start - 12, cand.start).isdisjoint(self.negative_context) else 0), 0)
        else:
            # an organisation's own domain (a company's, a hospital's, an agency's "hr@…", "cw@…"): a private
            # person's only where the text says so ("个人邮箱：…")
            score, detail = self.context_score(fld, cand.start, cand.end, 0.3, left=12, right=0), "非政府邮箱"
        yield self.result(fld, cand.start, cand.end, score, detail)
