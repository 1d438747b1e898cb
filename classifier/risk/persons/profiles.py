"""A name followed by its holder's profile ("张三（男，汉族", "张三，女，") or opening a letter
("张三：" alone on the first line): a private person, reported only if a health/criminal/religion
statement links to it or it is the party of a penalty."""

from __future__ import annotations

import re

from ..names import MASK_CHARS
from ..text import is_cjk
from .lists import skip_spaces
from .mention import PersonMention

HONORIFICS = ("(?:等[0-9一二三四五六七八九十]{1,3}[户人名])?(?:女士|先生|老人|同志|同学家长|同学|家长|村民|居民|业主|群众|职工)"
              "|等[0-9一二三四五六七八九十]{1,3}[户人名]")
"""After the addressee's name in a letter's salutation: a courtesy title ("闫某女士：", "郇某同志：", "王某同学家长："), or the
group the named person heads ("郝某等12户村民：", "陈某、张某等12户业主：")."""
HONORIFIC_RE = re.compile(HONORIFICS)
HONORIFIC_END_RE = re.compile(rf"(?:{HONORIFICS})\Z")
REPORTED_BY_YOU_RE = re.compile(r"[你您](?:二人|两人|俩)?[^。\n]{0,40}?(?:实名举报|举报)")
"""The letter answers the addressee's report: the addressee is the whistleblower (条例 §16 enforcement file)."""
REPORT_TITLE_RE = re.compile(r"举报|检举")
"""A title that calls what a letter answers a report."""
YOU_RE = re.compile("[你您](?![单局委厅办校院所们司部中区县市镇乡村厂社])")
"""你/您 of a person — the letter's addressee — not of a body ("你单位", "你局", "你公司", "你厂", "你们")."""
ADDRESSEE = "addressee"
"""The cue of a letter's addressee when the letter says nothing of what it answers."""
ADDRESSEE_CUES = frozenset((ADDRESSEE, "举报人", "信访人", "申请人"))
"""The cues a letter's addressee is given here (plain, answering a report, a petition, an application)."""
SALUTATION_RE = re.compile(rf"(?:{HONORIFICS})?[：:][ \t\u3000]*\n")
"""After the addressee's name, alone on one of the first lines of a letter."""
ADDRESSEE_REACH = 300
ADDRESSEE_LINES = 4
"""The salutation stands on one of the first lines that are not blank (the agency, the letter's title and its 文号
may come first), within ``ADDRESSEE_REACH`` characters."""
ADDRESSEE_LINE_REACH = 80
PETITION_RE = re.compile(r"[你您](?:们|二人|两人|俩)?[^。\n]{0,40}?(?:反映|信访|来信|来访|来电|投诉|的信(?![息用任心]))")
"""The letter answers the addressee's petition ("您寄给市长的信已转我委办理")."""
APPLICATION_RE = re.compile(r"[你您](?:二人|两人|俩)?(?:于[^。\n]{0,20}?)?(?:向[^。\n]{0,16}?|为[^。\n]{0,40}?|"
                            r"(?:以|通过)[^。\n，,]{0,12}?)?(?:提交|提出|递交|申请)")
"""The letter answers the addressee's own application ("你于5月6日向本机关提出的政府信息公开申请", "你为子女…提交的入学申请",
"收到您以信函形式递交的…", "你通过网上平台提出的…")."""
UNREAD_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,6}(?:·[\u4e00-\u9fff]{1,6}){0,3}")
"""A salutation the name reader does not know (扎西卓玛, 阿依古丽·买买提): any short run of characters…"""
NOT_A_PERSON_RE = re.compile(r"^[各全诸]|[们等]|[局委办院所司厅部处科股队站校园会社馆]|中心|公司|政府|单位|街道|社区|[村镇乡区县市省]$|你|您|某|[*＊×]|女士|先生|同志|老师|同学|网友|朋友|群众|家长|居民|村民|代表|委员")
"""…that names no body, group or audience ("各学校", "区城投集团", "网友您好")."""
TITLE_MATTER_RE = re.compile(r"(?:等[0-9一二三四五六七八九十]{0,3}[人户名])?(?:同志|女士|先生)?(?:的|本人|家庭|家属|一家|户)?"
                             r"(?:申请|提出的?|所提|请|延长)?(?:信访|上访|举报|投诉|"
                             r"低保|最低生活保障|临时救助|医疗救助|特困|救助|病假|工伤|伤残|残疾|劳动争议|欠薪|拖欠工资|来信|来访|来电|"
                             r"违纪|违法违纪|问题线索|年度考核|考核情况|处分|诫勉|反映)")
"""After the name a title is about ("关于刘某某同志申请临时救助的审批意见", "关于赵某某信访事项的复查意见"): the
person's own private matter — not an appointment or an award ("关于张三同志任职的通知")."""
PROFILE_AFTER_NAME = re.compile(r"[（(，,](?<=[\u4e00-\u9fff][（(，,])(?=(?:男|女|[\u4e00-\u9fff]{1,2}族)[，,、）) ])"
                                r"|(?<=[\u4e00-\u9fff])(?:[（(，,]|[ \t\u3000]{1,4})"
                                r"(?=(?:19|20)[0-9]{2}年[0-9]{1,2}月(?:[0-9]{1,2}日)?(?:出生|生))")
"""After a name, the start of its holder's profile: the sex or nation ("张三，男，…"), or the birth date ("何某欣（2008年5月
出生，…）", "刘某睿　2018年5月出生　…")."""


def addressee(cues, fld, mentions, title: str = "") -> None:
    """A letter to a named person ("张三：\\n", "张三女士：\\n", "张三（男，身份证号…）：\\n" on one of the
    first lines of the body, after a 文号 line perhaps): when the letter answers that person's report
    ("你于…向我局举报…") a whistleblower, when it answers a petition ("你…反映的…问题") a petitioner."""
    t = fld.text
    if fld.name != "body":
        return
    line = 0
    read = 0
    while read < ADDRESSEE_LINES and line < ADDRESSEE_REACH:
        lead = skip_spaces(t, line)
        if t[lead:lead + 1] != "\n":  # a blank line is no line of the letterhead
            if _addressee_on_line(cues, fld, mentions, lead, title):
                return
            read += 1
        line = t.find("\n", line, line + ADDRESSEE_LINE_REACH) + 1
        if line <= 0:
            return


SALUTATION_LEAD = "尊敬的"
"""Before the addressee's name in a polite salutation ("尊敬的高某梅女士：")."""


def _addressee_on_line(cues, fld, mentions, lead: int, title: str = "") -> bool:
    t = fld.text
    if t.startswith(SALUTATION_LEAD, lead):
        lead += len(SALUTATION_LEAD)
    if lead >= len(t):
        return False
    # the salutation's colon (or courtesy title) right after the name is the check: read without bounds
    got = cues.reader.read_bounded(t, lead, strict=False, allow_masked=True)
    if not got or (t[got[0]:got[0] + 1] not in ("：", ":", "（", "(") and not HONORIFIC_RE.match(t, got[0])
                   and not cues.official_after(fld, got[0])):
        got = _unread_name(cues, t, lead) or got  # "阿依古丽：": the reader's reading stops short of the colon
    if not got or t[got[0] - 1] == "的":
        return False  # (no name ends in 的: "尊敬的家长：")
    if t[lead:got[0]] in cues.roles:
        got = (got[0], True)  # "来信人：": a role addressed — the letter's person, with no name to report
    k = got[0]
    others = []  # "蒋某斌、唐某：": a letter to two people (or more) on one salutation line
    while t[k:k + 1] == "、" and len(others) < 3:
        nxt = cues.reader.read_bounded(t, k + 1, strict=False, allow_masked=True)
        if not nxt:
            break
        others.append((k + 1, nxt))
        k = nxt[0]
    honorific = HONORIFIC_RE.match(t, k)  # a private person's courtesy title, not an official's
    if honorific:
        k = honorific.end()
    elif t[k:k + 1] not in ("：", ":", "（", "(") or cues.official_after(fld, k):
        return False
    if t[k:k + 1] in ("（", "("):
        close = t.find("）", k, k + 80)
        k = close + 1 if close > 0 else k
    if t[k:k + 1] not in ("：", ":") or t[k + 1:k + 2] not in ("\n", ""):
        return False  # alone on its line, not a label "文号："
    cue, kw = _letter_cue(t[k:min(len(t), k + ADDRESSEE_REACH)], title)
    mentions.add(PersonMention(fld.name, lead, got[0], t[lead:got[0]], cue=cue, masked=got[1], **kw))
    for a, (b, masked) in others:
        mentions.add(PersonMention(fld.name, a, b, t[a:b], cue=cue, masked=masked, **kw))
    return True


def _letter_cue(letter: str, title: str = "") -> tuple[str, dict]:
    """What a letter to a person answers, as the cue its addressee is given (and the mention's flags): a report when
    the letter says so, or when it answers what the addressee 反映 under a title that calls it a report
    ("关于群众举报教师有偿补课问题的调查处理情况答复")."""
    petition = PETITION_RE.search(letter)
    if REPORTED_BY_YOU_RE.search(letter) or (petition and REPORT_TITLE_RE.search(title)):
        return "举报人", dict(whistleblower=True)
    if petition:
        return "信访人", dict(sensitive=True)  # a petition about one's own affairs
    if APPLICATION_RE.search(letter):
        return "申请人", dict(sensitive=True)  # the applicant answered about their own application
    return ADDRESSEE, {}


YOU_NAMED_RE = re.compile(r"[你您][（(]")
"""你/您 with the addressee's name in brackets after it ("经查：您（张晓萌）于2023年…")."""


def named_you(cues, fld, mentions, title: str = "") -> None:
    """"您（张晓萌）于2023年在…": the letter names its addressee in brackets after 你/您; the addressee is given the cue
    of what the letter answers, as a salutation's name is."""
    if fld.name != "body":
        return
    t = fld.text
    letter = None  # what the letter answers, read once, at its first named 你/您
    for m in YOU_NAMED_RE.finditer(t):
        p = m.end()
        if (fld.name, p) in mentions:
            continue
        got = cues.reader.read_bounded(t, p, strict=False, allow_masked=True)
        if not got or t[got[0]:got[0] + 1] not in ("）", ")"):
            continue
        if letter is None:
            letter = _letter_cue(t, title)
        cue, kw = letter
        mentions.add(PersonMention(fld.name, p, got[0], t[p:got[0]], cue=cue, masked=got[1], **kw))


def _unread_name(cues, t: str, lead: int):
    """``(end, False)`` for a salutation the name reader does not know ("扎西卓玛：" alone on its line,
    then a letter to 你/您), or ``None``."""
    m = UNREAD_NAME_RE.match(t, lead, min(len(t), lead + 30))
    if not m:
        return None
    title = HONORIFIC_END_RE.search(m.group())  # "阿依古丽女士：": the courtesy title ends the run
    name_end = m.start() + title.start() if title else m.end()
    colon = m.end()
    reader = cues.reader
    if t[colon:colon + 1] in ("（", "(") and (t[lead] in reader.single or t[lead:lead + 2] in reader.double):
        # "晏春来（联系电话…）：": a note in brackets before the colon, after a surname (not "询问笔录（摘录）：")
        close = t.find("）", colon, colon + 80)
        colon = close + 1 if close > 0 else colon
    if (name_end - lead < 2 or t[colon:colon + 1] not in ("：", ":") or t[colon + 1:colon + 2] != "\n"
            or NOT_A_PERSON_RE.search(t[lead:name_end]) or any(t[lead:name_end].startswith(r) for r in cues.roles)
            or YOU_RE.search(t, colon, min(len(t), colon + 40)) is None):
        return None
    return name_end, False


def profiles(cues, fld, mentions) -> None:
    t = fld.text
    if "男" not in t and "女" not in t and "族" not in t and "出生" not in t and "月生" not in t and "日生" not in t:
        return  # no profile anywhere (the regex needs one of these: a sex, a nation, a birth date's 出生/月生/日生)
    roles = cues.roles
    for m in PROFILE_AFTER_NAME.finditer(t):
        name_end = m.start()
        framed = _framed_name(cues, t, name_end)
        if framed is not None:
            # "当事人：黄金根，男，…": a label or the line opens it, the profile closes it — however word-like
            if (fld.name, framed) not in mentions and not cues.official_before(fld, framed):
                masked = any(ch in MASK_CHARS for ch in t[framed:name_end])
                mentions.add(PersonMention(fld.name, framed, name_end, t[framed:name_end], cue="profile",
                                           masked=masked, framed=True))
            continue
        for p in range(max(0, name_end - 4), name_end - 1):
            got = cues.reader.read(t, p)
            if not got or got[0] != name_end:
                continue
            if (fld.name, p) in mentions or cues.official_before(fld, p) or (
                    p > 0 and is_cjk(t[p - 1]) and not fld.ends_with_any(p, roles)):
                break
            mentions.add(PersonMention(fld.name, p, name_end, t[p:name_end], cue="profile", masked=got[1]))
            break


FRAME_BEFORE = frozenset("：:\n \t\u3000")
"""What may stand right before a name a label or a line opens ("当事人：黄金根，男，…")."""


def _framed_name(cues, t: str, end: int) -> int | None:
    """The start of a surname and a one- or two-character given name that a label or a line opens and the holder's
    profile closes ("当事人：黄金根，男，1966年…"): a name however word-like its characters ("黄金"), or ``None``."""
    for p in (end - 3, end - 2):
        if (p >= 0 and (p == 0 or t[p - 1] in FRAME_BEFORE) and t[p] in cues.reader.single
                and all(is_cjk(ch) or ch in MASK_CHARS for ch in t[p + 1:end]) and t[p:end] not in cues.roles):
            return p
    return None


def title_subject(cues, doc, mentions) -> None:
    """"关于罗某某同志低保资格的调查回复": the title is about a private person's own matter (a petition, a report,
    social assistance, sick leave, a work injury), so the person it names is private — and so is every other
    occurrence of the name."""
    for fld, k in _about_openings(doc):
        _title_subject_at(cues, fld, k, mentions)


BODY_ABOUT_RE = re.compile(r"(?m)《关于|^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[.、．])?关于")
"""Where the body names a matter the way a title does: a quoted title ("你单位《关于某某同志延长病假的报告》收悉"), a
minutes item ("一、关于某某反映安置房产权证办理问题")."""


def _about_openings(doc):
    """``(field, position of 关于)``: the title's, and the body's quoted titles and items."""
    k = doc.title.text.find("关于")
    if k >= 0:
        yield doc.title, k
    t = doc.body.text
    if "关于" in t:
        for m in BODY_ABOUT_RE.finditer(t):
            yield doc.body, m.end() - 2


def _title_subject_at(cues, fld, k: int, mentions) -> None:
    t = fld.text
    p = k + 2
    if t[p:p + 1] == "对":
        p += 1  # "关于对刘某某申请临时救助的审批意见"
    got = cues.reader.read(t, p, after_word=True)
    if not got or got[1]:
        return
    read = mentions.get((fld.name, p))
    if read is not None and read.cue not in ("context", "tagger"):
        return  # a role read it ("关于申请人…"): its cue says more
    end = got[0]
    if TITLE_MATTER_RE.match(t, end) is None or cues.company_after(fld, end):
        return
    # (a name the private-sentence finder read in the title's "临时救助" gets the title's reading)
    mentions.put(PersonMention(fld.name, p, end, t[p:end], cue="标题所述个人事项", sensitive=True))
