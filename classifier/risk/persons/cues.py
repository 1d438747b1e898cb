"""The words around a name that the person finders and the decision read (all lists from the lexicon)."""

from __future__ import annotations

import re

from ..names import NameReader
from ..wordlists import words


OFFICIAL = "list:official_cues"
DISCIPLINE_TAG = "list:discipline_words"
"""Words of a discipline authority's notice (纪委, 监委, 开除党籍…; ``privacy_context.DISCIPLINE_WORDS`` registers them),
found by the review's one scan of the field."""
NOT_GRANTED_RE = re.compile(r"不予|撤销|取消|注销|收回")
"""In an honour notice's title: the honour is refused or taken back."""
REPORTERS = frozenset(words("persons.cues.REPORTERS"))
"""The reporter's role words ("举报人", "检举人"): the name after one is a whistleblower's."""
DISCIPLINE_REPORTERS = frozenset(words("persons.cues.DISCIPLINE_REPORTERS"))
"""Roles that name a whistleblower where a discipline authority reads the matter (``DISCIPLINE_TAG``)."""
ROLE_REACH = 6
"""How far before an official's word a longer role of private people may begin ("被检查单位负责人")."""


class PersonCues:
    """The lexicon's person word lists, the name reader, and the official-in-role tests."""

    def __init__(self, lexicon):
        self.reader = NameReader.from_lexicon(lexicon)
        self.kin_roles = lexicon.words("kin_roles")
        # a relative of someone ("其子", "你兄长") is named in a private context, as a 患者 is
        self.sensitive_roles = lexicon.words("sensitive_roles") | self.kin_roles
        self.neutral_roles = lexicon.words("neutral_roles")
        self.minor_cues = lexicon.words("minor_cues")
        self.official = lexicon.words("official_cues")
        self.list_triggers = lexicon.words("list_triggers")
        self.party_cues = lexicon.words("party_cues")
        self.honour_words = lexicon.words("honour_words")
        self.school_cues = lexicon.words("school_cues")
        self.company_suffixes = tuple(sorted(lexicon.words("company_suffixes"), key=len, reverse=True))
        self.name_columns = tuple(lexicon.words("name_columns"))
        self.org_columns = tuple(lexicon.words("org_columns"))
        self.role_columns = tuple(lexicon.words("role_columns"))
        self.signoff_labels = tuple(lexicon.words("signoff_labels"))
        self.column_kinds: dict[str, bool] = {}  # header -> is a name column (lists.name_column)
        self.official_columns: dict[str, bool] = {}  # header -> is a column of officials (decision._official_column)
        self.payment_tables: dict[tuple[str, ...], bool] = {}  # (title, *header) -> pays a benefit (payment_table)
        self.roles = self.sensitive_roles | self.neutral_roles | self.party_cues
        self.role_and_minor_words = self.roles | self.minor_cues
        """One set, built once: the cache of ``inside_longer_word`` keys on it (a new union per call was rebuilt,
        hashed and compared whole on every lookup)."""
        self.payment_words = tuple(lexicon.words("payment_words"))
        self.payment_list_words = tuple(lexicon.words("payment_list_words"))
        self.payment_for_work = tuple(lexicon.words("payment_for_work"))
        self.payment_not_private = self.payment_for_work + tuple(lexicon.words("payment_not_private"))
        self.payment_recipients = tuple(lexicon.words("payment_recipients"))
        self.name_leads = lexicon.words("name_leads")
        self.given_names_also_words = lexicon.words("given_names_also_words")

    @staticmethod
    def honour_notice(doc) -> bool:
        """The title is an honour, appointment or award (表彰, 拟任, 中标…) — not its refusal or revocation ("见义勇为
        不予确认决定书", "撤销…荣誉称号"): the people it names are named because the notice must name them."""
        return bool(doc.title.tagged("list:honour_words")) and NOT_GRANTED_RE.search(doc.title.text) is None

    def payment_list(self, title: str) -> bool:
        """The title is a list of a benefit paid to persons ("2024年第三季度新增高龄津贴发放对象公示"), not a fee for work,
        money for a body, or the scheme's rules ("评审专家劳务补贴发放明细", "养老机构运营补贴", "补贴标准的通知") — a
        body's word that only says whose workers the persons were ("企业职工遗属生活困难补助") is none."""
        if not (any(w in title for w in self.payment_words) and any(w in title for w in self.payment_list_words)):
            return False
        for phrase in self.payment_recipients:
            title = title.replace(phrase, "")
        return not any(w in title for w in self.payment_not_private)

    def payment_table(self, title: str, header) -> bool:
        """A table whose header has a column of a benefit paid to each row's person ("补贴金额（元）", "补助标准"),
        not a fee for work ("误工补贴", "授课方向") or money for a body ("企业补助"), under a title that says neither
        ("授课补贴发放名单", "人才补贴"): its name column lists recipients although the title names no benefit."""
        key = (title, *header)
        known = self.payment_tables.get(key)
        if known is None:  # (asked once per row: the answer is kept per title and header)
            known = (any(any(w in h for w in self.payment_words) and not any(w in h for w in self.payment_not_private)
                         for h in header)
                     and not any(w in h for h in header for w in self.payment_for_work)
                     and not any(w in title for w in self.payment_not_private))
            if len(self.payment_tables) < 4096:
                self.payment_tables[key] = known
        return known

    def official_after(self, fld, end: int) -> bool:
        """An official's title right after the name ("张三局长", "张三同志")."""
        if not fld.by_tag.get(OFFICIAL):
            return False  # no official's title anywhere in the field (every row of a long list asks)
        t = fld.text
        # (a space may set the title off: "吕国平 主任医师")
        return any(not t[end:h.start].strip(" \u3000") for h in fld.tagged_between(OFFICIAL, end, end + 6))

    def official_before(self, fld, start: int) -> bool:
        """An official's title or role just before the name ("局长张三", "联系人：张三"), perhaps with the
        department between ("联系人：社会事务科 张三", "联系人：镇残联理事长 张三") — not a person the official acted on
        ("负责人推荐的李四")."""
        if not fld.by_tag.get(OFFICIAL):
            return False
        t = fld.text
        return any(((start - 3 <= h.end <= start and "的" not in t[h.end:start] and "\n" not in t[h.end:start]
                     and not ACTS_BETWEEN_RE.fullmatch(t, h.end, start))
                    or DEPARTMENT_BETWEEN_RE.fullmatch(t, h.end, start)
                    or ENUMERATED_BETWEEN_RE.fullmatch(t, h.end, start))
                   and not self._inside_role(fld, h) and not self._role_between(fld, h.end, start)
                   for h in fld.tagged_between(OFFICIAL, start - 24, start))

    def _role_between(self, fld, lo: int, hi: int) -> bool:
        """A role of private people stands between the official's word and the name, closer to the name
        ("负责人为村民林某"): the nearer word says who the person is."""
        return hi > lo and any(r.term in self.roles for r in fld.hits_between(lo, hi))

    def _inside_role(self, fld, h) -> bool:
        """The official's word is part of a longer role of private people ("群众代表", "村民代表")."""
        return any(r.start <= h.start and h.end <= r.end and r.end - r.start > h.end - h.start and r.term in self.roles
                   for r in fld.hits_between(h.start - ROLE_REACH, h.end))

    def company_after(self, fld, end: int) -> bool:
        """The "name" begins a company's name ("张三丰农业专业合作社", "李四商店"), perhaps with its officer right after it
        ("曲靖宏远市政工程有限公司法定代表人朱某")."""
        t = fld.text
        stop = end
        while stop < len(t) and stop < end + 16 and t[stop] not in COMPANY_STOP:
            stop += 1
        segment = t[end:stop]
        if len(segment) <= 12 and segment.endswith(self.company_suffixes):
            return True
        m = COMPANY_OFFICER_RE.match(t, end, min(len(t), end + 24))
        return m is not None and t[end:m.start(1)].endswith(self.company_suffixes)


DEPARTMENT_BETWEEN_RE = re.compile(r"[：:]?[ \t\u3000]*[\u4e00-\u9fff]{1,12}?(?:科|办|室|局|所|股|处|部|站|队|院|委|会|中心|组|联|园|学校|中学|小学|街道|社区|镇|乡)"
                                   r"(?:[\u4e00-\u9fff]{0,3}?(?:长|主任|书记|干事|专干|委员))?[ \t\u3000]*")
"""A department (and a title in it) between a contact's label and the name: "联系人：公卫科 陈某"."""
ACTS_BETWEEN_RE = re.compile(r"[\u4e00-\u9fff]{1,2}[^\W\d_为是]")
"""Two or three characters between an official's word and the name: the official acts on the person ("办案人员联系某某",
"网格员已与某某", "村主任亲属某某"), who is not the official — unless they end in 为/是, which name the holder of the
post ("负责人变更为某某"); a colon, a space or a department stands between a label and its name."""
ENUMERATED_BETWEEN_RE = re.compile(r"[：:]?[ \u3000]?(?:[\u4e00-\u9fff·]{2,4}、[ \u3000]?){1,4}")
"""Between an official's word and a name, the names listed before it ("工作人员：孙洁、冯国强"): all are officials."""
COMPANY_OFFICER_RE = re.compile(r"[^，,。；;：:、（()）\n\t ｜|在到于向与和被是为]{1,12}?(法定代表人|负责人|董事长|总经理|实际控制人|股东)")
"""A company's name running on into its officer's title."""
COMPANY_STOP = frozenset("，,。；;：:、（(）)\n\t ｜|")
