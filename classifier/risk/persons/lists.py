"""Names in a list or table whose topic is private (低保/救助/特困/残疾/拆迁… in the title or the
list's introduction): "…保障：张三（…）、李四（…）", "1. 青石社区　张三", the cells of a 姓名 column."""

from __future__ import annotations

import re

from ..names import MASK_CHARS, TITLES
from ..text import ITEM_NUMBERING_RE, is_cjk
from ..wordlists import words
from .cues import REPORTERS
from .mention import PersonMention

FOLLOW = frozenset("（(，,、；;：: \t\u3000\n。）)")
HOUSEHOLD_AFTER_RE = re.compile(r"户[（(：:，,、；; \t\u3000]|家庭[（(：:]")
"""After an item's name, the household it heads: "1. 程某林户（3人）：…", "黄某英家庭（3人）：…" (not families listed
one after another, "陈某芬家庭、谢某斌家庭", as an honour notice names them)."""
PLACE_LAST = frozenset("村镇乡区县市省街路组社")
"""A list item reading that ends so is a place ("南山村"), not a name."""
PLACE_RE = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:街道|社区|镇|乡|村)(?:[\u4e00-\u9fff]{1,6}?(?:社区|村|组))?"
                      r"(?:[0-9一二三四五六七八九十]{1,3}(?:组|社))?")
"""The place heading a list item: "青石社区", "天堂镇大岭村5组"."""
ITEM_START_RE = re.compile(r"[：:；;\n、｜|]|[）)][、，,]")
NUMBERING_RE = re.compile(r"[ \t\u3000]*[0-9]{1,3}(?:\t|[ \u3000]{2})[ \t\u3000]*|" + ITEM_NUMBERING_RE.pattern)
"""An item's numbering, or a bare number set off by a tab or a run of spaces: the first cell of a row lined up in
columns ("1  于某某  138…  全春街道")."""


def skip_spaces(t: str, i: int) -> int:
    while i < len(t) and t[i] in " \t\u3000":
        i += 1
    return i


def title_topic(doc, cues) -> bool:
    """The title names a private list's topic, or lists a benefit paid to persons (``cues.payment_list``)."""
    return bool(doc.title.tagged("list:list_triggers")) or cues.payment_list(doc.title.text)


def list_topic_start(doc, cues) -> int | None:
    """Where the private list begins, or ``None``: 0 for a title topic (the whole body is the list's: its intro may
    name no topic word, "…兑付名单如下："), else after the colon of the first introduction in the body that names one."""
    if title_topic(doc, cues):
        return 0
    body = doc.body
    t = body.text
    first_colon = None
    for h in body.tagged("list:list_triggers"):
        k = t.find("：", h.end, h.end + 40)
        if k < 0:
            k = t.find(":", h.end, h.end + 40)
        if k >= 0:
            first_colon = k if first_colon is None else min(first_colon, k)
    return first_colon


OFFICIAL_POSTS = words("persons.lists.OFFICIAL_POSTS")
"""A column header that ends with a post names the officials who serve the row ("村（社区）儿童主任", "包保干部"), however
it names the row's persons first."""


def name_column(cues, header: str) -> bool:
    """The column's header names persons ("姓名", "户主", "被征收人"), not bodies ("单位名称") nor the officials serving
    them ("儿童主任")."""
    known = cues.column_kinds.get(header)
    if known is None:  # a table asks once per row and column: the answer is kept per header
        known = (any(w in header for w in cues.name_columns) and not any(w in header for w in cues.org_columns)
                 and not header.rstrip(" \t\u3000)）").endswith(OFFICIAL_POSTS))
        if len(cues.column_kinds) < 4096:
            cues.column_kinds[header] = known
    return known


def no_list_name_at(cues, fld, pos: int) -> bool:
    """``pos`` stands in a header cell (it names a column) or in a cell of a column that holds no names."""
    return not_a_name_cell(cues, fld, pos) or bool(fld.column_cells(pos))


def not_a_name_cell(cues, fld, pos: int) -> bool:
    """``pos`` stands in a table cell whose column header names something else (a street, a school, a
    subsidy): the column says what the cell holds."""
    header = fld.column_header(pos)
    return bool(header) and not name_column(cues, header)


def table_names(cues, fld, mentions, cue: str, doc_title: str = "") -> None:
    """Every cell under a name column ("姓名", "户主姓名", "被征收人"…) of every table row; a table that pays each
    row's person a benefit (``cues.payment_table``) is a private list whatever the title says."""
    t = fld.text
    for header, spans in fld.table_rows():
        row_cue = "list" if cue == "table" and cues.payment_table(doc_title, header) else cue
        for i, (a, b) in enumerate(spans):
            if i >= len(header) or not name_column(cues, header[i]):
                continue
            p = skip_spaces(t, a)
            got = cues.reader.read(t, p, allow_masked=True)
            if not got or t[got[0]:b].strip() != "":
                got = _whole_cell_name(cues, t, p, b)
            if got:
                # "信访人｜…", "申请人姓名｜…": the column names the role of every row's person
                role = column_role(cues, header[i])
                mentions.add(PersonMention(fld.name, p, got[0], t[p:got[0]], cue=role or row_cue, masked=got[1],
                                           sensitive=role in cues.sensitive_roles or role == "申请人", framed=True,
                                           whistleblower=role in REPORTERS))


COLUMN_ROLES = frozenset(("申请人", "当事人"))
"""Neutral roles that name a column's persons as parties of their own matter (a 申请人 column is as private as a
sensitive role's; a 当事人 column is decided as a party's)."""


def column_role(cues, header: str) -> str:
    """The role a name column's header names ("信访人", "申请人姓名", "患者", "举报人"), or "" ("姓名", "户主")."""
    role = header[:-2] if header.endswith("姓名") else header
    return role if role in cues.sensitive_roles or role in COLUMN_ROLES or role in REPORTERS else ""


def _whole_cell_name(cues, t: str, p: int, b: int):
    """A cell under a name column holding two to four characters after a surname is a name, even one the
    reader would take for a word ("黄金妹": 黄金 is gold): the column says what the cell holds; so are up to six after
    a minority name's opening syllable ("乌云其木格"); not a surname with a courtesy title ("王女士")."""
    end = len(t[p:b].rstrip(" \t\u3000")) + p
    cell = t[p:end]
    surname = 2 if cell[:2] in cues.reader.double else 1 if cell[:1] in cues.reader.single else 0
    if cell[surname:] in TITLES:
        return None  # "王女士", "李师傅": a surname and a courtesy title say who nobody is
    longest = 6 if cell[:2] in cues.reader.initials else 4  # "乌云其木格", "阿依古丽": a minority name's opening syllable
    if ((surname or cell[:2] in cues.reader.initials) and 2 <= len(cell) <= longest and len(cell) > surname
            and all(is_cjk(c) or c in MASK_CHARS for c in cell)):
        return end, any(c in MASK_CHARS for c in cell)  # "古丽某某": masked already
    return None


SIGNOFF_REACH = 16
"""A sign-off line's label is short ("民主评议小组成员：")."""


def signed_off(cues, t: str, k: int) -> bool:
    """The item starting at ``k`` stands on a line labelled as a sign-off ("评议小组成员：…", "填报人：…")."""
    line = t.rfind("\n", max(0, k - 200), k) + 1
    colon = next((c for c in (t.find("：", line, k + 1), t.find(":", line, k + 1)) if c >= 0), -1)
    return 0 <= colon - line <= SIGNOFF_REACH and any(w in t[line:colon] for w in cues.signoff_labels)


def roster_row(cues, fld, pos: int) -> bool:
    """``pos`` lies in a table row whose table has a column of duties ("职务"): a roster of people at work."""
    return any(w in h for h in fld.table_header_of(pos) for w in cues.role_columns)


def list_items(cues, doc, mentions) -> None:
    """The names heading the items of a private list, and the name column of its tables."""
    begin = list_topic_start(doc, cues)
    if begin is None:
        return
    body = doc.body
    t = body.text
    table_names(cues, body, mentions, "list")
    reader = cues.reader
    for m in ITEM_START_RE.finditer(t, begin):
        if signed_off(cues, t, m.start()):
            continue  # "评议小组成员：白光荣、李美仙", "审核：庞建军": the people who did the work, not the list's
        i = NUMBERING_RE.match(t, m.end()).end()
        pm = PLACE_RE.match(t, i, min(len(t), i + 20))
        starts = [skip_spaces(t, pm.end()), i] if pm else [i]
        role = next((h for h in body.hits_between(i, i + 6) if h.start == i and h.term in cues.roles), None)
        if role is not None:  # "1. 户主高志勇，东风社区，停保原因…", "来电人：吴某兰": the name after the item's role word
            starts = [skip_spaces(t, role.end + (t[role.end:role.end + 1] in "：:"))]  # (the role word is no name)
        for p in starts:
            if no_list_name_at(cues, body, p):
                continue  # "街道｜姓名｜…" rows open with the street, not the name; a header cell names a column
            got = reader.read_bounded(t, p, allow_masked=True) or reader.read_unknown(t, p) or _household_head(reader, t, p)
            if not got:
                continue  # (a name no surname list knows heading a private item is read too: "1. 拉毛措，…")
            end, masked = got
            if (end < len(t) and t[end] not in FOLLOW and not HOUSEHOLD_AFTER_RE.match(t, end)) or t[end - 1] in PLACE_LAST:
                continue  # "南山村": a place in the row, not a name ("程某林户（3人）": a household by its head's name)
            if cues.official_before(body, m.start() + 1) or cues.official_after(body, end):
                break
            known = mentions.get((body.name, p))
            if known is not None:
                if known.cue in ("age", "profile", "repeat") or known.cue in cues.neutral_roles:
                    # read before by its age, its profile or a neutral role ("户主：张三"): a list item too
                    mentions.put(known.with_cue("list"))
                break
            mentions.add(PersonMention(body.name, p, end, t[p:end], cue="list", masked=masked))
            _spaced_names(cues, body, end, mentions)
            break


def _household_head(reader, t: str, p: int):
    """"程某林户（3人）：…": the name of the head that names an item's household, or ``None``."""
    got = reader.read(t, p, allow_masked=True)
    return got if got and HOUSEHOLD_AFTER_RE.match(t, got[0]) else None


SPACED_NAMES = 12
"""At most this many names stand on one item's line separated by spaces only."""


def _spaced_names(cues, fld, end: int, mentions) -> None:
    """The names after an item's name on its line, separated by spaces only ("北格村：王某锁 李某兰 张某虎"): each a name
    of the list, as long as every token read is a name ending at a space, a separator or the line's end."""
    t = fld.text
    for _ in range(SPACED_NAMES):
        p = end
        while p < len(t) and p - end < 2 and t[p] in " \u3000":
            p += 1
        if p == end or p - end > 2 or p >= len(t) or (fld.name, p) in mentions:
            return
        got = cues.reader.read_bounded(t, p, allow_masked=True)
        if not got:
            return
        end, masked = got
        if (end < len(t) and t[end] not in FOLLOW) or t[end - 1] in PLACE_LAST or fld.hits_between(p, end):
            return  # "张三 城关镇", "李四 白内障": another column, not a name
        mentions.add(PersonMention(fld.name, p, end, t[p:end], cue="list", masked=masked))
