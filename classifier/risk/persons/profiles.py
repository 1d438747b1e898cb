"""A name followed by its holder's profile ("张三（男，汉族", "张三，女，") or opening a letter
("张三：" alone on the first line): a private person, reported only if a health/criminal/religion
statement links to it or it is the party of a penalty."""

from __future__ import annotations

import re

from ..text import is_cjk
from .lists import skip_spaces
from .mention import PersonMention

HONORIFIC_RE = re.compile(r"女士|先生|老人")
"""After the addressee's name in a letter's salutation ("闫某女士：")."""
REPORTED_BY_YOU_RE = re.compile(r"[你您][^。\n]{0,40}?(?:实名举报|举报|来信反映|投诉)")
"""The letter answers the addressee's report: the addressee is the whistleblower (条例 §16 enforcement file)."""
ADDRESSEE_REACH = 300
PROFILE_AFTER_NAME = re.compile(r"[（(，,](?<=[\u4e00-\u9fff][（(，,])(?=(?:男|女|[\u4e00-\u9fff]{1,2}族)[，,、）) ])")


def addressee(cues, fld, mentions) -> None:
    """A letter to a named person ("张三：\\n", "张三女士：\\n", "张三（男，身份证号…）：\\n" at the start of the
    body); when the letter answers that person's report ("你于…向我局举报…"), a whistleblower."""
    t = fld.text
    lead = skip_spaces(t, 0)
    if fld.name != "body" or lead >= len(t):
        return
    got = cues.reader.read_bounded(t, lead, allow_masked=True)
    if not got:
        return
    k = got[0]
    honorific = HONORIFIC_RE.match(t, k)  # a private person's courtesy title, not an official's
    if honorific:
        k = honorific.end()
    elif t[k:k + 1] not in ("：", ":", "（", "(") or cues.official_after(fld, k):
        return
    if t[k:k + 1] in ("（", "("):
        close = t.find("）", k, k + 80)
        k = close + 1 if close > 0 else k
    if t[k:k + 1] in ("：", ":") and t[k + 1:k + 2] in ("\n", ""):  # alone on its line, not a label "文号："
        reported = REPORTED_BY_YOU_RE.search(t, k, min(len(t), k + ADDRESSEE_REACH)) is not None
        mentions.add(PersonMention(fld.name, lead, got[0], t[lead:got[0]], cue="举报人" if reported else "addressee",
                                   masked=got[1], whistleblower=reported))


def profiles(cues, fld, mentions) -> None:
    t = fld.text
    if "男" not in t and "女" not in t and "族" not in t:
        return  # no profile anywhere (the regex needs one of these)
    roles = cues.roles
    for m in PROFILE_AFTER_NAME.finditer(t):
        name_end = m.start()
        for p in range(max(0, name_end - 4), name_end - 1):
            got = cues.reader.read(t, p)
            if not got or got[0] != name_end:
                continue
            if (fld.name, p) in mentions or cues.official_before(fld, p) or (
                    p > 0 and is_cjk(t[p - 1]) and not fld.ends_with_any(p, roles)):
                break
            mentions.add(PersonMention(fld.name, p, name_end, t[p:name_end], cue="profile", masked=got[1]))
            break
