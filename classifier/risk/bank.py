"""Bank card numbers of private persons and bank accounts of companies (开户行 + 账号)."""

from __future__ import annotations

import re

from .base import Pattern, Recognizer
from .checksums import id_card_parts_valid, luhn_ok
from .numbers import GROUP_RE, OTHER_HEADER_RE, variants
from .persons.profiles import YOU_RE
from .text import ITEM_NUMBER, ITEM_NUMBERING, MASKED_NAME, PERSON_RECORD_RE
from .text import line_start as bounded_line_start
from .wordlists import words

CARD_WORDS = words("bank.CARD_WORDS")
PERSONAL_WORDS = words("bank.PERSONAL_WORDS")
BRANCH_WORDS = words("bank.BRANCH_WORDS")
COMPANY_WORDS = words("bank.COMPANY_WORDS")
COMPANY_ACCOUNT_LABELS = words("bank.COMPANY_ACCOUNT_LABELS")
"""Labels that say the account is an organisation's ("企业基本户", "对公账户")."""
INVALID_WORDS = words("bank.INVALID_WORDS")
INVALID_REACH = 30
"""A card number that fails the Luhn check, or has no card's length, is none where its sentence says so this near
("位数错误", "卡号有误", "录入错误") — not "户名不符": the card is real, its holder's name was mistyped."""


LANDLINE_SHAPE_RE = re.compile(r"[(（]?0[0-9]{2,3}[)）]?[ \-]?[0-9]{7,8}")
CARD_PREFIXES = ("62", "4", "5", "3")
"""Issuer prefixes of the cards in use in China (UnionPay 62, Visa 4, Mastercard 5, JCB/AmEx 3)."""
UNIONPAY = "62"
MISWRITTEN_CARD_LENGTHS = (14, 15, 20, 21)
"""A UnionPay number a digit or two off a card's length (16–19) is a card miswritten, not a company's account (those
rarely start with 62)."""


def card_grouping(groups: list[int]) -> bool:
    """Digit groups a card is printed in: fours with a last group of 1–4 (4-4-4-4, 4-4-4-4-3), or
    the 6-digit issuer prefix then the rest (6-10, 6-13). "8 8" (two landlines) is not one."""
    if all(g == 4 for g in groups[:-1]) and 1 <= groups[-1] <= 4 and len(groups) >= 4:
        return True
    return len(groups) == 2 and groups[0] == 6


class BankCardRecognizer(Recognizer):
    """16-19 digits, often in groups of four. Luhn raises the score but is not required."""

    TYPE = "bank_card"
    ACTION = "redact"
    LABEL = "银行卡号"
    SHAPES = ("number",)
    PATTERNS = (Pattern("card", r"[1-9][0-9]{15,18}", 0.3),)
    CONTEXT = CARD_WORDS
    NEGATIVE_CONTEXT = words("bank.BankCardRecognizer.NEGATIVE_CONTEXT")
    CONTEXT_BOOST = 0.35

    def analyze_candidate(self, doc, fld, cand):
        whole = [len(g) for g in GROUP_RE.findall(cand.value)]
        if len(cand.compact) > 19 and len(whole) >= 5 and all(g == 4 for g in whole[:-1]):
            return  # "4105 0166 5708 0000 1283": twenty digits printed in fours are one account, no card
        found = False
        for c in variants(cand, range(16, 20)):
            compact = c.compact
            if (not self.match_pattern(compact) or organisations_account(fld, c.start, compact)
                    or public_account(fld, c.start, c.end)):
                continue  # a company's account is a bank_account (trade secret), not a card; a public fund's is public
            if fld.text[c.start - 1:c.start] == "第" and fld.text[c.end:c.end + 1] == "号":
                continue  # "《道路交通事故认定书》（第4503051202400005号）": a document's number, nobody's card
            if id_card_parts_valid(compact) and self.context_score(fld, c.start, c.end, 0, 14, 0) <= 0:
                continue  # region and birth date of an ID number, no card word before it: an ID look-alike
            score = 0.3
            luhn = luhn_ok(compact)
            if not luhn and fld.says(c.start, c.end, INVALID_WORDS, INVALID_REACH):
                continue  # "原登记卡号…（位数错误）", "录入的卡号有误": a wrong number is nobody's card
            if luhn:
                score += 0.3
            if compact.startswith(CARD_PREFIXES):
                score += 0.1
            groups = [len(g) for g in GROUP_RE.findall(c.value)]
            if len(groups) > 1 and not card_grouping(groups) and not (
                    luhn and compact.startswith(CARD_PREFIXES) and self.context_score(fld, c.start, c.end, 0, 14, 0) > 0):
                # "65250460 65594125": two numbers side by side, not one card — unless a valid card number
                # is called one ("收款账户6229 0833\n1852…", broken across a line)
                continue
            if len(groups) >= 4:
                score += 0.2  # written in groups of four, as printed on a card
            score = self.context_score(fld, c.start, c.end, score, left=14, right=0)
            header = fld.column_header(c.start)
            if header and any(w in header for w in CARD_HEADER_WORDS):
                score = max(score, 0.75)
            elif OTHER_HEADER_RE.search(header):
                cell_start = (fld.cell_span(c.start) or (c.start,))[0]
                if not fld.text[cell_start:c.start].strip():
                    continue  # the "证书号码" column: a certificate's number that passes Luhn by chance, no card
                    # (unless the cell labels it itself: "…｜收款卡号：6222…" under a row of "label：value" cells)
            detail = "Luhn 校验通过" if luhn else "Luhn 校验未通过，按语境识别"
            found = True
            yield self.result(fld, c.start, c.end, score, detail)
        if not found:
            yield from self._personal_account(fld, cand)

    def _personal_account(self, fld, cand):
        """A UnionPay card number miswritten by digits ("工资卡62170029400182736459", "账户62148373019621"): still
        that person's card when it is called one right before it, and no company's or public fund's."""
        for c in variants(cand, MISWRITTEN_CARD_LENGTHS):
            if (not c.compact.startswith(UNIONPAY) or company_account(fld, c.start) or public_account(fld, c.start, c.end)
                    or fld.says(c.start, c.end, INVALID_WORDS, INVALID_REACH)):
                continue
            score = self.context_score(fld, c.start, c.end, 0.3, left=14, right=0)
            if score >= 0.6:
                yield self.result(fld, c.start, c.end, score, "银联卡号位数不符，按语境识别")
            return


class BankAccountRecognizer(Recognizer):
    """A company's account number given with its bank (开户行 … 账号 …): the digits only.

    Whether a company's account may be published is a judgement, so the action is ``review``
    (the masked value is still proposed as the replacement).
    """

    TYPE = "bank_account"
    GROUND = "trade_secret"
    ACTION = "review"
    LABEL = "企业银行账户"
    SHAPES = ("number",)
    PATTERNS = (Pattern("account", r"[0-9]{8,25}", 0.85),)
    CONTEXT = words("bank.BankAccountRecognizer.CONTEXT")

    def words(self):
        w = super().words()
        w[f"context:{self.TYPE}"] = (set(w[f"context:{self.TYPE}"]) | set(BRANCH_WORDS) | set(COMPANY_WORDS) | set(PERSONAL_WORDS)
                                     | set(COMPANY_ACCOUNT_LABELS))
        return w

    def analyze_candidate(self, doc, fld, cand):
        compact = cand.compact
        if not self.match_pattern(compact) or LANDLINE_SHAPE_RE.fullmatch(cand.value):
            return  # "0951-6718825" beside an account: a phone number, not the account
        if organisations_account(fld, cand.start, compact) and not public_account(fld, cand.start, cand.end):
            yield self.result(fld, cand.start, cand.end, 0.97, "单位的收款或开户账号")


CARD_HEADER_WORDS = words("bank.CARD_HEADER_WORDS")
ACCOUNT_HEADER_WORDS = words("bank.ACCOUNT_HEADER_WORDS")
ORG_HEADER_WORDS = words("bank.ORG_HEADER_WORDS")


PAYEE_COMPANY_RE = re.compile(r"(?:收款单位|收款人|收款方|户名|账户名称|开户名称|单位名称)[：:][ \t\u3000]*[^，。；;,\n：:]{2,40}?"
                              r"(?:公司|合作社|集团|事务所|经营部|厂|中心|医院|学校)")
"""The payee named before the account is a company ("收款单位：某某建筑工程有限公司；金额…；收款账号：…")."""
ROW_COMPANY_RE = re.compile(r"(?:有限公司|公司|合作社|集团|事务所|经营部)(?:[ \t\u3000]*[|｜\t]|[ \t\u3000]{2})")
"""A cell of the same table row that names a company (its name ends the cell)."""
ROLE_ACCOUNT_RE = re.compile(r"(?:供应商|中标人|中标单位|成交供应商|投标人|承包人|施工单位|收款单位)[\u4e00-\u9fff]{0,4}?"
                             r"(?:账号|账户|帐号)[：:][ \t\u3000]*\Z")
"""The account labelled as a bidder's or contractor's ("供应商银行账号：…", "中标人账户：…")."""
PAYEE_REACH = 120
ITEM_COMPANY_RE = re.compile(ITEM_NUMBERING + r"[^，。；;,\n：:]{2,40}?(?:有限公司|公司|集团|合作社|事务所|经营部|厂)[，,：:]")
"""A list item whose subject is a company ("1. 某水利水电工程有限公司，保证金20万元，退至账号…")."""


PUBLIC_FUNDS = (r"(?:基金收入户|基金专户|保证金专户|财政专户|国库|汇缴户|汇缴专户|汇缴结算户|执行款专户|资金专户|零余额账户|"
                r"接收捐赠账户|捐赠专用账户|募捐账户|捐赠专户|案款专户|金库|支库)")
PUBLIC_ACCOUNT_RE = re.compile(PUBLIC_FUNDS + r"[”」\"]?[^，。；;\n]{0,8}(?:(?:[：:]|[，,](?=开户行|开户银行|户名|专户账号|账号))"
                               r"(?:(?!公司)[^。；;\n个本你您]){0,30})?\Z")
"""The account is labelled as a public fund's ("社会保险基金收入户账号：", "投标保证金专户：", "征收补偿资金专户（账号：", or
a label or clause whose value goes on to the number, naming no company: "汇缴专户：开户行 某银行城关支行，账号 …",
"“某财政分局零余额账户”，开户行：…，账号：…", "经财政专户拨付，专户账号…"), as an agency's
budget account ("零余额账户"), or as a charity's account for donations ("本会接收捐赠账户："): published for payers and
donors."""
PUBLIC_BODY = (r"(?:交易中心|财政所|人民法院|人民检察院|人民政府|管理中心|事务中心|公积金中心|储备中心|办事处|局|厅|慈善总会|慈善会|"
               r"基金会|红十字会|福利院)")
PUBLIC_HOLDER_RE = re.compile(r"(?:开户名称|开户单位|开户名|户名|账户名称|收款单位|收款人|(?:捐赠(?:专用)?账户|专户)(?=[：:]))[：: \t\u3000]*[^，。；;\n：:]{0,24}?(?:" + PUBLIC_BODY + "|" + PUBLIC_FUNDS + ")"
                              + r"|" + PUBLIC_BODY + r"[^，。；;\n]{0,16}?(?:开立|专户|专用账户|结算户)")
"""The account's holder is a public body or a charity collecting donations: "户名：某县人民法院执行款专户",
"收款单位：某区医疗保障局", "户名：某县慈善总会", "某市公共资源交易中心在某银行支行开立的专用账户",
"县财政局非税收入汇缴专户（开户行：…，账号：…）", "户名：某区社会保障基金财政专户", "维修资金专户：某市住宅专项维修资金管理中心，开户银行：…，账号：…"."""
PAID_TO_RE = re.compile(r"(?:[付拨转退汇划还存]|发放)(?:至|入|给)|打入")
"""Between a public body's account and the number: the money goes on to someone else's account."""
PAYER_BODY_RE = re.compile(r"付款(?:账户|单位|人)[：:][ \t\u3000]*[^，。；;\n：:]{0,24}?" + PUBLIC_BODY)
"""The payer's account on the number's own line is a public body's ("付款账户：某区教育局零余额账户，开户行：…，账号：…");
a payee's account on a later line is the payee's."""
PUBLIC_BRACKET_RE = re.compile(PUBLIC_FUNDS + r"[（(]\Z")
"""A public fund's account described in brackets after its name: "征收补偿资金专户（开户行：…，账号：…）"."""
PUBLIC_AFTER_RE = re.compile(r"[ \t\u3000]*[（(][^）)\n]{0,8}(?:专户|财政|国库)")
"""Right after the number: "1302 0166 0900 0012（县财政专户）"."""
PUBLIC_RECORD_LINES = 3
"""An account's record may be laid out a field per line ("户名：某某局⏎开户行：…⏎账号：…"): its holder is read on
the number's line and the two before it."""
PUBLIC_REACH = 150


def public_account(fld, s: int, e: int | None = None) -> bool:
    """A public fund's or body's account: so labelled before the number on its line, or in brackets right after it,
    or described in the brackets after the fund's name, or its holder is a public body named in its record (its sentence, within its line and the two before)."""
    t = fld.text
    lo = max(0, s - PUBLIC_REACH)
    this_line = max(t.rfind("\n", lo, s) + 1, lo)
    if PUBLIC_ACCOUNT_RE.search(t, max(this_line, s - 30), s) is not None:
        return True
    if e is not None and PUBLIC_AFTER_RE.match(t, e) is not None:
        return True
    if PAYER_BODY_RE.search(t, this_line, s) is not None:
        return True
    opened = max(t.rfind("（", this_line, s), t.rfind("(", this_line, s))
    if (opened > this_line and max(t.rfind("）", opened, s), t.rfind(")", opened, s)) < 0
            and PUBLIC_BRACKET_RE.search(t, max(0, opened - 8), opened + 1) is not None):
        return True
    record = this_line
    for _ in range(PUBLIC_RECORD_LINES - 1):
        if record <= lo:
            break
        record = max(t.rfind("\n", lo, record - 1) + 1, lo)
    record = max(record, t.rfind("。", record, s) + 1)  # the record of this number, not the sentence before it
    last = None
    for last in PUBLIC_HOLDER_RE.finditer(t, record, s):
        pass  # the holder named closest before the number
    # "由财政局汇缴结算户（账号…）退付至经营者本人银行卡（卡号…）": the public body pays; the number it pays to is another's
    return last is not None and PAID_TO_RE.search(t, last.end(), s) is None


PERSON_ITEM_RE = re.compile(r"[ \t\u3000]*" + ITEM_NUMBER + r"[ \t\u3000]*" + MASKED_NAME + r"[，,、]")
"""A numbered item opening with a masked name (a person's: "1．赵某某，", "（2）孙*，")."""
COMPANY_END_RE = re.compile(r"(?:公司|合作社|集团|事务所|经营部|厂|中心|医院|学校|商行|超市|门市部)[，,：:、 \t\u3000]")


HOLDER_RE = re.compile(r"(?P<org>有限公司|公司|合作社|集团|事务所|经营部|企业|单位|学校|医院|商行|超市|门市部|协会|"
                       r"中标人|供应商|承包人|成交人|受让方|投标人|保证金退还账户|基本账户|基本户|对公账户)|"
                       r"(?P<person>本人|个人|农户|户主|职工|居民|老人|参保人|借款人|购机者|被执行人|其|"
                       r"[\u4e00-\u9fff](?:某某?|[*＊]{1,2})(?![支分公银局区县市镇乡村街路学医有合集中厂单企农商])|"
                       r"[你您](?![单公企厂社们]))")
"""Who an account may belong to: an organisation (or an account label only organisations have), or a
person (a masked name — not a placeholder in a body's name, "某某支行" —, 本人, 农户, 你…)."""
ACCOUNT_LABEL_RE = re.compile(r"(?:账号|帐号|账户|帐户)[：:（( \t\u3000]*\Z")
"""An account's own label right before the number ("收款账户", "（账号：", "企业基本账户")."""
HOLDER_REACH = 60


def holder_is_org(fld, s: int) -> bool:
    """The number is labelled an account (not a card) and the nearest holder before it in its sentence or
    line is an organisation: "1. 某技工学校，拨付68.2万元，收款账户…", "将退至你公司登记的银行账户（账号：…",
    "合作社收款账户：…". A person named nearer ("职工本人账户", "张某某账户") keeps it a card."""
    t = fld.text
    if ACCOUNT_LABEL_RE.search(t, max(0, s - 8), s) is None:
        return False
    line = t.rfind("\n", 0, s) + 1
    if PERSON_RECORD_RE.match(t, line, s):
        return False  # "申请人：钱某，就业单位：某公司，…发放账户：…": the record is a person's
    lo = max(fld.segments.sentence(s)[0], line, s - HOLDER_REACH)
    last = None
    for last in HOLDER_RE.finditer(t, lo, s):
        pass
    return last is not None and last.group("org") is not None


UNIONPAY_RE = re.compile(r"62[0-9]{2}(?:[ \-]?[0-9]){12,15}(?![0-9])")
PERSON_HOLDER_RE = re.compile(r"(?:户名|持卡人|姓名|职工|本人|收款人)[：: \t\u3000]*[\u4e00-\u9fff][\u4e00-\u9fff*＊]{1,3}(?:[\n\t，,；; \u3000]|\Z)")
"""The holder named as a person just before a card ("户名 孙桂兰", "职工：刘**")."""


def _person_card(t: str, s: int) -> bool:
    """A UnionPay debit card (62…, 16 or 19 digits, Luhn) whose holder is named as a person on the lines before it."""
    m = UNIONPAY_RE.match(t, s)
    if not m:
        return False
    digits = "".join(ch for ch in m.group() if ch.isdigit())
    if len(digits) not in (16, 19) or not luhn_ok(digits):
        return False
    return PERSON_HOLDER_RE.search(t, max(0, s - 40), s) is not None


def unionpay_card(compact: str) -> bool:
    """A UnionPay card number: 62, 16–19 digits, Luhn. Cards are issued to persons; an organisation's account is
    numbered by its bank and branch, and is one only where a label says so (:func:`labelled_company_account`)."""
    return compact.startswith(UNIONPAY) and 16 <= len(compact) <= 19 and luhn_ok(compact)


def labelled_company_account(fld, s: int) -> bool:
    """Labelled right before as an organisation's: "企业基本户：…", "药店对公账户：…", "中标人账户：…"."""
    return (not fld.terms_between(s - 10, s).isdisjoint(COMPANY_ACCOUNT_LABELS)
            or ROLE_ACCOUNT_RE.search(fld.text, max(0, s - 16), s) is not None)


def organisations_account(fld, s: int, compact: str) -> bool:
    """The number at ``s`` is an organisation's account: labelled so if it is a UnionPay card, else
    :func:`company_account`."""
    return labelled_company_account(fld, s) if unionpay_card(compact) else company_account(fld, s)


def company_account(fld, s: int) -> bool:
    """An account number given with its bank for a company: "开户行：…，账号：…" after a company's
    name; the 账号 column of a table with 开户银行 and 企业名称 columns, or whose row names a company;
    an account after a payee that is a company ("收款单位：…有限公司；…收款账号：…")."""
    t = fld.text
    header = fld.column_header(s)
    if header:
        if not any(w in header for w in ACCOUNT_HEADER_WORDS):
            return False
        cols = fld.table_header_of(s)
        if any("开户" in c for c in cols) and any(any(w in c for w in ORG_HEADER_WORDS) for c in cols):
            return True
        line_start = t.rfind("\n", 0, s) + 1
        return ROW_COMPANY_RE.search(t, line_start, s) is not None  # "｜某某建设工程有限公司｜2万元｜账号｜"
    if labelled_company_account(fld, s):
        return True  # "企业基本户：…", "药店对公账户：…", "中标人账户：…"
    if _person_card(t, s):
        return False  # a UnionPay debit card's number beside a person ("户名 某某\n账号 6217…", "职工：刘**…账号：6212…")
    if holder_is_org(fld, s):
        return True
    line_start = bounded_line_start(t, s, 80)
    if PERSON_ITEM_RE.match(t, line_start, s) and not COMPANY_END_RE.search(t, line_start, s):
        return False  # "1．赵某某，原账号…": the item is a person's, whatever body the lead-in names
    sent_l = fld.segments.sentence(s)[0]
    if YOU_RE.search(t, max(0, s - 16), s) and "\n" not in t[max(0, s - 16):s]:
        return False  # "因你预留的收款账户…": the addressee's own card (not "你单位", "你公司")
    if PAYEE_COMPANY_RE.search(t, max(0, s - PAYEE_REACH), s) and not fld.terms_between(s - 8, s).isdisjoint(
            BankAccountRecognizer.CONTEXT):
        return True
    near = fld.terms_between(s - 8, s)
    if not near.isdisjoint(BankAccountRecognizer.CONTEXT) and ITEM_COMPANY_RE.match(t, sent_l):
        return True  # the account of the company the item is about
    after_branch = any(h.term in BRANCH_WORDS and not fld.text[h.end:s].strip(" \t\u3000：:")
                       for h in fld.hits_between(s - 12, s))  # "…银行某某支行 5221 7010 …"
    if near.isdisjoint(BankAccountRecognizer.CONTEXT) and near.isdisjoint(CARD_WORDS) and not after_branch:
        return False
    if sent_l > 0 and t[sent_l - 1] in "；;":
        sent_l = t.rfind("\n", max(0, s - 120), sent_l) + 1  # "乙方开户银行：…支行；账号：…": one record
    if sent_l > 0 and t[sent_l - 1] == "\n":
        # a record laid out one field per line ("户名：…\n开户银行：…\n银行账号：…"): look at the lines around
        sent_l = t.rfind("\n", max(0, s - 200), max(0, sent_l - 1)) + 1
        sent_l = t.rfind("\n", max(0, s - 200), max(0, sent_l - 1)) + 1 if s - sent_l < 40 else sent_l
    after = t.find("\n\n", s, s + 80)
    right = after if after >= 0 else s + 60
    around = fld.terms_between(max(sent_l, s - 80), s) | fld.terms_between(s, right)
    if around.isdisjoint(BRANCH_WORDS) or not fld.terms_between(s - 12, s).isdisjoint(PERSONAL_WORDS):
        return False
    return not (fld.terms_between(s - 120, s) | fld.terms_between(s, right)).isdisjoint(COMPANY_WORDS)
