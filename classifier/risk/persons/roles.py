"""Names right after a role word ("患者张三", "被询问人：李四", "申请人苗春生"), and the names listed after it."""

from __future__ import annotations

import re

from .context import common_word
from .cues import DISCIPLINE_REPORTERS, DISCIPLINE_TAG, REPORTERS
from ..text import is_cjk, line_start
from ..words import inside_longer_word
from .mention import PersonMention

PADDING = " \u3000"
HEADER_GAP = frozenset("｜|\t\u3000\n")
"""After a word that labels a table column: the next cell's separator (or two spaces), or the row's end."""
VALUE_CELL = frozenset("｜|\t")
"""After a role that labels a row, not a column ("举报人｜冉某某⏎身份证号｜…"): the value's cell follows."""
ROW_OPENING = " \t\u3000｜|"
"""What may stand before a row's label on its line."""
ENUMERATION = "、；;，, \t\u3000"
"""Between the names a role word covers ("低保对象张三、李四", "人员为：安珍，顾德爱，晁杰娟")."""
UNIT_LAST = frozenset("股科室局处所站队厅委办司院")
"""A reading after a role word that ends so is a unit ("儿童福利股"), not a name."""
NOT_NAME_LAST = frozenset("人村镇乡区县市省街路组队科室局院所站")
"""A reading after a comma that ends so is a description ("李村人"), not the next name."""
REPORT_WAY_RE = re.compile(r"(?:[（(][^（()）\n]{0,30}[）)])?(?:于[^，。；（()）]{2,14}?)?"
                           r"(?:(?:通过|经|以|向|来电|来信|拨打|致电|在)[^，。；]{0,14})?\Z")
"""Between a name opening its clause and 举报: who the reporter is, when and the way the report was made
("（该公司前驾驶员，电话…）向我局", "于2024年5月", "于3月12日通过电话", "通过12345热线")."""
REPORTER_DESCRIBED_RE = re.compile(r"[为系是]?(?:该|本|同|原|其)?[\u4e00-\u9fff]{0,12}?(?:人|民|主|工|员|长|众|者|生|师|属|户)")
"""After 举报人, who the reporter is before the name ("为该公司投资人", "系该校教职工", "同村村民"): the name follows
one of these descriptions (the shortest after which a name reads; a place may open it: "为某区某镇某村村民")."""
DESCRIPTION_REACH = 18
NOTE_RE = re.compile(r"[（(][^（()）\n]{1,6}[)）]")
"""A short note in brackets after a role or a name ("（在场）", "（母亲）", "（户主）")."""
NAME_ENDS_BEFORE = frozenset("、，,。；;（( \t\u3000\n于通向等提反举实")
"""Right after a reporter's name read after its description: the clause goes on ("于…", "通过…", "等3人")."""
QUANTITY_RE = re.compile(r"[余多名人位个户][人名位户]?\Z")
""""万余人举报", "多名举报": a count of people before 举报, not a name."""


KIN_CHARS = frozenset("父母子女妻夫兄弟姐妹亲")
"""After a relative's word, the start of a longer one ("其父母", "祖父母", "其子女")."""
ROLE_RUNS_ON = 100
"""A relative's word whose last character starts a word with the next one ("家长者" → 长者) is no role there."""
LONGER_REACH = 8
"""The longest role word that can hide a shorter one ending at the same place."""


def role_starts(fld, cue_words) -> dict[int, int]:
    """End position -> the earliest start of a role word (of at most ``LONGER_REACH`` characters) ending
    there: one pass over the field's hits instead of a look around every role word."""
    first: dict[int, int] = {}
    for h in fld.hits:
        if h.end - h.start <= LONGER_REACH and h.term in cue_words and h.start < first.get(h.end, h.end):
            first[h.end] = h.start
    return first


OPEN_QUOTES = "“「\""
CLOSE_QUOTES = "”」\""
"""Quotes around a name after its role ("拟取名“某某”"): the name must fill them."""


def school_staff(cues, t: str, hit, at: int | None = None) -> bool:
    """"县第一中学：张三 李四", "某幼儿园（托班）：…": a school's name labels the people after it — its staff
    (teachers), not pupils (``at``: where the label's colon or space stands, after any note on it)."""
    at = hit.end if at is None else at
    return hit.term in cues.school_cues and t[at:at + 1] in ("：", ":", " ", "\u3000")


def after_role(cues, doc, fld, hit, mentions, cue_words, starts: dict[int, int] | None = None) -> None:
    """The name after the role word ``hit`` and every name enumerated after it (``starts``: the
    field's :func:`role_starts`, computed here when not given)."""
    # A shorter role inside a longer one ending at the same place (询问人 in 被询问人): skip it.
    if starts is None:
        starts = role_starts(fld, cue_words)
    if starts.get(hit.end, hit.start) < hit.start:
        return
    t = fld.text
    if inside_longer_word(t, hit.start, hit.end, keep=cue_words):
        return  # "青少年宫", "多少年来", "留学生", "妇女儿童": a piece of another word, not the role
    if (t[hit.end:hit.end + 1] in HEADER_GAP or t[hit.end:hit.end + 2] == "  ") and fld.column_cells(hit.start):
        return  # "申请人  被申请人  仲裁庭": a table's column label; the next cell is another label
    p = hit.end
    if t[hit.end:hit.end + 1] in ("）", ")") and hit.start > 0 and t[hit.start - 1] in ("（", "("):
        p += 1  # "被答辩人（原告）：贾某梅": the role in brackets after another, then the name
    elif (note := NOTE_RE.match(t, p)) and t[note.end():note.end() + 1] in ("：", ":"):
        p = note.end()  # "监护人（在场）：韦建国": a note on the role before its colon
    gap = p if p > hit.end + 1 else hit.end  # where the colon or space before the name may start
    # a row's label ("举报人姓名｜冉某某⏎身份证号｜…"): the value's cell follows; a role inside a row is another cell
    row_label = not t[line_start(t, hit.start, 8):hit.start].strip(ROW_OPENING)
    if t[p:p + 2] == "姓名" and (t[p + 2:p + 3] in ("：", ":") or (row_label and t[p + 2:p + 3] in VALUE_CELL)):
        p += 2  # "母亲姓名：黄秋莹", "申请人姓名：…": the label names the role of the name after it
    while p < len(t) and p < gap + 3 and (t[p] in "：: 为\u3000" or (row_label and t[p] in VALUE_CELL)):
        p += 1
    quoted = hit.term[-1] in OPEN_QUOTES or t[p:p + 1] in OPEN_QUOTES
    if t[p:p + 1] in OPEN_QUOTES:
        p += 1  # "拟取名“党某宁”", "自称“李某”": the name in quotes — all of what they hold (not "“应入尽入”")
    minor = hit.term in cues.minor_cues
    if minor:
        s_l, s_r = fld.segments.sentence(hit.start)
        if cues.honour_notice(doc) or fld.tagged_between("list:honour_words", s_l, s_r):
            return  # an honour or appointment: the pupil is named because the notice must name them
        if school_staff(cues, t, hit, gap):
            return
    reader = cues.reader
    kin = hit.term in cues.kin_roles
    if kin and (t[p:p + 1] in KIN_CHARS or cues.reader.words.get(t[hit.end - 1:hit.end + 1], 0) >= ROLE_RUNS_ON):
        return  # "其父母离异", "由祖父母抚养": a longer word for relatives; "14家长者食堂": 长者, no role
    # after the role's counterpart ("被申请人：", "被投诉人" read as 申请人, 投诉人), a body is as likely as a person: only a
    # name that ends where a name ends ("被申请人：乌鲁木齐市某区民政局" holds none)
    counterpart = hit.start > 0 and t[hit.start - 1] == "被" and hit.term.endswith("人") and not hit.term.startswith("被")
    got = reader.read_bounded(t, p, strict=counterpart, allow_initials=True, allow_masked=True, after_word=True)
    if got and t[p:p + 1] in "和与及或" and got[0] < len(t) and is_cjk(t[got[0]]):
        got = None  # "孤儿和事实无人抚养儿童": a conjunction, not the surname 和
    if got and quoted and t[got[0]:got[0] + 1] not in CLOSE_QUOTES:
        got = None  # the quotes hold more than a name: a phrase, not a person
    if got and kin and not got[1] and common_word(reader.words, cues, t[p:p + 2]):
        got = None  # "转入其妻子银行卡": a word (银行), not a relative's name
    if not got and not kin and (hit.term in cues.sensitive_roles or hit.term in cues.party_cues):
        got = reader.read_unknown(t, p)  # "证人阿木拉哈、…", "患者拉毛措，": a name no surname list knows
    if not got and hit.term in REPORTERS:
        got, p = described_reporter(reader, t, p)  # "举报人为该公司投资人尹建华、汤美琴"
    # "反映人" in a discipline authority's document reports an official's misconduct: a 举报人 by another word
    whistleblower = hit.term in REPORTERS or (hit.term in DISCIPLINE_REPORTERS and doc.has_tag(DISCIPLINE_TAG))
    while got and not cues.official_after(fld, got[0]) and t[got[0] - 1] not in UNIT_LAST:
        end, masked = got
        mentions.add(PersonMention(fld.name, p, end, t[p:end], cue=hit.term, sensitive=hit.term in cues.sensitive_roles,
                                   minor=minor, whistleblower=whistleblower, masked=masked))
        # "社区矫正对象张三、李四、王五", "张秀英 李国强 马桂兰": the role covers every name listed
        q = end
        noted = (note := NOTE_RE.match(t, q)) is not None and t[note.end():note.end() + 1] in ENUMERATION
        if noted:
            q = note.end()  # "刘倩（母亲），胡海洋（父亲）": a note on who the person is, then the next name, noted too
        start = q
        while q < len(t) and q < start + 3 and t[q] in ENUMERATION:
            q += 1
        if q == start or q >= len(t):
            break
        p = q
        sep = t[start:q]
        strict = sep != "、"
        got = reader.read_bounded(t, p, strict=strict, allow_masked=True)
        if not got and sep == "、" and mentions.get((fld.name, p)) is None:
            got = reader.read_unknown(t, p)  # the enumeration goes on with a name no surname list knows
        if got and strict and got[0] < len(t) and t[got[0]] not in "、；;，, \t\u3000\n。）)" and not (
                noted and NOTE_RE.match(t, got[0])):
            break  # the enumeration ended: what follows is prose, not another name
        if got and ("，" in sep or "," in sep) and (t[got[0] - 1] in NOT_NAME_LAST or got[1]):
            break  # after a comma, "李村人", "王某": a description goes on, not a list of names


def described_reporter(reader, t: str, p: int):
    """``(reading, start)`` of the name after a reporter's description at ``p`` ("为该小区业主邝伟明，…",
    "系该校教职工钟文琪"), or ``(None, p)``."""
    for e in range(p + 1, min(len(t), p + DESCRIPTION_REACH)):
        if not REPORTER_DESCRIBED_RE.fullmatch(t, p, e):
            continue
        got = reader.read_bounded(t, e, strict=False, allow_masked=True, after_word=True)
        if got and (got[0] == len(t) or t[got[0]] in NAME_ENDS_BEFORE):
            return got, e
    return None, p


def reporter_before(cues, fld, hit, mentions) -> None:
    """"接到王五（联系电话：…）实名举报", "王五的实名举报": the name before 实名举报 (a parenthesis may sit between)."""
    t = fld.text
    k = hit.start
    if k > 0 and t[k - 1] == "的" and hit.term != "举报":
        k -= 1  # "接到村民张某某的实名举报"
    if k > 0 and t[k - 1] in "）)":
        o = max(t.rfind("（", max(0, k - 40), k), t.rfind("(", max(0, k - 40), k))
        if o < 0:
            return
        k = o
    elif k > 0 and t[k - 1] in "（(":
        k -= 1  # "群众某某（实名举报）反映…": the report is said in brackets after the name
    for p in range(max(0, k - 4), k - 1):
        got = cues.reader.read(t, p, allow_masked=True)
        g = p + (2 if t[p:p + 2] in cues.reader.double else 1)
        if (got and got[0] == k and not cues.official_before(fld, p) and not QUANTITY_RE.search(t, p, k)
                and not common_word(cues.reader.words, cues, t[g:k])):  # "消费者投诉举报": 投诉 is no given name
            # the report says more than a role word read before ("群众苏某实名举报"): this reading wins
            mentions.put(PersonMention(fld.name, p, k, t[p:k], cue="举报人", whistleblower=True, masked=got[1]))
            return
    # "寇某某通过12345热线举报…": the clause opens with the name, the report is made through something
    cl, _ = fld.segments.clause(hit.start)
    if cl > 0 and t[cl - 1] in "）)":  # "某某（该公司前驾驶员）向我局举报": the clause of the name, before its bracket
        o = max(t.rfind("（", max(0, cl - 40), cl), t.rfind("(", max(0, cl - 40), cl))
        if o > 0:
            cl = fld.segments.clause(o - 1)[0]
    p = cl
    while p < hit.start and t[p] in " \t\u3000":
        p += 1
    role = max((h.end for h in fld.hits_between(p, p + 8) if h.start == p and h.term in cues.roles), default=p)
    p = role  # "消费者廖春燕通过12315平台投诉举报": a role word may open the clause before the name
    got = cues.reader.read_bounded(t, p, strict=False, allow_masked=True, after_word=role > cl)
    if got and REPORT_WAY_RE.match(t, got[0], hit.start) and not cues.official_before(fld, p):
        mentions.put(PersonMention(fld.name, p, got[0], t[p:got[0]], cue="举报人", whistleblower=True, masked=got[1]))
