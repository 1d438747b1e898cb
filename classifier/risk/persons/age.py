"""Persons given with their age ("9岁的张三", "张三（男，9岁）", "张三，女，13岁"); under 18 a minor."""

from __future__ import annotations

import re

from ..names import latin_name_before
from ..wordlists import words
from .context import ORG_LAST
from .mention import PersonMention

_GRADE_WORD = (r"(?:(?:小学|初中|高中|中学)?(?:[一二三四五六1-6]|[七八九]|[1-9])年级|初[一二三]|高[一二三])"
               r"(?:[（(][0-9]{1,2}[）)]班)?(?:学生)?")
PROFILE_BEFORE_AGE = re.compile(rf"(?:[（(]|[，,；; \t\u3000]+)(?:(?:男|女|[\u4e00-\u9fff]{{1,2}}族|{_GRADE_WORD})[，,、 \t\u3000]+)*"
                                r"(?:今年|年仅|现年|年约)?\Z|(?:今年|年仅|现年|为|系)\Z"
                                r"|[（(][\u4e00-\u9fff]{1,6}[，,、]\Z")
"""Between a name and its age: "（男，", "，女，", "（回族，", "　男　", "今年", or one short word of profile in its
bracket ("（孤儿，", "（同班同学，")."""
_CN_AGE = "一二三四五六七八九十两"
AGE_NUMBER = rf"[0-9]{{1,2}}|[{_CN_AGE}]{{1,3}}"
"""An age's number, in digits or in words ("16", "十六", "两")."""
AGE_NUMBER_RE = re.compile(AGE_NUMBER)
CN_AGE_CHARS = frozenset(_CN_AGE)
UNDER_AGE_RE = re.compile(r"(" + AGE_NUMBER + r")周?岁")
_GRADE = (r"(?:(?:小学|初中|高中|中学)?(?:[一二三四五六1-6]|[七八九]|[1-9])年级|初[一二三]|高[一二三]|小[一二三四五六])"
          r"(?:[（(][0-9０-９]{1,2}[）)]|[0-9０-９]{1,2})?班?")
_SCHOOL = r"(?:[\u4e00-\u9fff]{0,8}?(?:小学|中学|学校|[一二三四五六七八九]中))"
"""A school named before the grade: "县一中高一（7）班", "城南二小六年级"."""
_PUPIL = r"(?:在校学生|(?:在校|在读)?(?:小学生|中学生|初中生|高中生)|(?<![大研硕博留])学生|儿童|幼儿|患儿|女童|男童|少年|婴儿|新生儿|学童)"
MINOR_BEFORE_RE = re.compile(rf"(?:(?P<age>{AGE_NUMBER})周?岁)?(?:{_GRADE}{_PUPIL}?|{_PUPIL})[ \t\u3000：:|｜]*\Z")
"""The statement before a minor's name: "小学四年级学生甘子墨", "初二（3）班 颜若汐", "患儿王五", "12岁儿童韦某"."""
MINOR_AFTER_RE = re.compile(rf"[（(，,、 \t\u3000|｜]*(?:(?<=[（(])[\u4e00-\u9fff]{{1,6}}[，,、](?=[^）)]{{0,4}}岁))?"
                            rf"(?:(?:男|女|[\u4e00-\u9fff]{{1,2}}族|[大中小托]班)[，,、 \t\u3000|｜]+)*"
                            rf"(?:[0-9]{{4}}年(?:[0-9]{{1,2}}月)?(?:[0-9]{{1,2}}日)?出?生[，,、 \t\u3000]+)?(?:(?:案发|作案|事发)时)?"
                            rf"(?:为|系|是)?(?:现|正在|目前)?(?:就读于|在读|读)?((?:(?:作案|案发|事发|犯罪|违法)时)?(?:今年|年仅|现年|年约|约)?(?:{AGE_NUMBER})(?:周?岁|个月(?=[）)]))(?:{_PUPIL})?"
                            rf"|(?:{_SCHOOL}[ \t\u3000|｜]{{0,4}})?(?:拟?入读|在校|在读)?{_GRADE}{_PUPIL}?|(?:在校|在读)?(?:小学生|初中生|中学生|高中生)|未成年人?)")
"""The statement after a minor's name: "（9岁）", "，女，约12岁", "为8岁儿童", "，高一学生", "（女，8个月）", "（作案时年仅十五周岁）",
"（2018年3月出生，拟入读一年级）", "（孤儿，12岁）", the school and grade cells of its table row ("鲁 欣 怡|初二（3）班")."""
BIRTH_AFTER_RE = re.compile(r"[（(，,、 \t\u3000|｜]*(?:(?:男|女|[\u4e00-\u9fff]{1,2}族)[，,、 \t\u3000|｜]+)*"
                            r"(?:出生(?:年月|日期)?[：:]?)?((?:19|20)[0-9]{2})年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?出?生?")
"""After a name, its birth year ("吴某某，女，2016年出生", "（2017年出生）"): a child if the document is dated less
than eighteen years later."""
YEAR_RE = re.compile(r"(?:19|20)[0-9]{2}(?=年)")
BORN_AFTER_YEAR_RE = re.compile(r"年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?出?生(?![效产活态])")
"""After a year: it is someone's birth date ("1990年5月生", "1937年生", "2016年8月出生"), not the document's time."""
GRADE_NEXT_RE = re.compile(rf"[，,、 \t\u3000]+((?:{_SCHOOL})?{_GRADE}{_PUPIL}?)")
"""A school and grade right after the age in a child's profile."""
AGE_BEFORE_RE = re.compile(r"(?:年仅|仅|今年|年约)?(" + AGE_NUMBER + r")周?岁(的)[\u4e00-\u9fff]{0,4}\Z")
"""An age before the name, perhaps with a role word between ("年仅9岁的被害人周某某")."""
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
ADULT = 18


def cn_number(s: str) -> int:
    """"16" or "十六" -> 16 (up to 99); 两 is 二."""
    if s.isdigit():
        return int(s)
    s = s.replace("两", "二")
    if "十" in s:
        tens, _, ones = s.partition("十")
        return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS.get(s, 99)


BRACKET_AGE_REACH = 16
"""An age in the bracket after a name ("（系未成年人，案发时12周岁）") stands this close after the bracket opens."""


def by_age(cues, fld, hit, mentions) -> None:
    """The person whose age ends at ``hit`` ("岁"). An adult is a mention (private only if linked to a
    health/criminal/… statement); a minor's span runs from the name to the age ("张三（9岁）") so it
    carries what identifies the child; with a masked name it is the age alone."""
    t = fld.text
    q = hit.start
    digits_end = q - 1 if q > 0 and t[q - 1] == "周" else q  # "14周岁"
    d = digits_end
    while d > 0 and digits_end - d < 3 and t[d - 1].isdigit():
        d -= 1
    if d == digits_end:  # "年仅九岁的某某", "现年七十二岁": an age in words
        while d > 0 and digits_end - d < 3 and t[d - 1] in CN_AGE_CHARS:
            d -= 1
    if d == digits_end or (q + 1 < len(t) and t[q + 1] == "以"):  # "60岁以上": a bracket, not a person
        return
    minor = cn_number(t[d:digits_end]) < ADULT
    reader = cues.reader
    if q + 1 < len(t) and t[q + 1] == "的":
        got = reader.read_bounded(t, q + 2, allow_initials=True)
        if got and not cues.official_after(fld, got[0]):
            _add_age(mentions, PersonMention(fld.name, q + 2, got[0], t[q + 2:got[0]], cue="age", minor=minor,
                                             masked=got[1]))
        return
    m = PROFILE_BEFORE_AGE.search(t, max(0, d - 14), d)
    if not m or m.start() == d:
        # "某某（系未成年人，案发时12周岁）": the age closes a bracket opened right after the name
        k = t.rfind("（", max(0, d - BRACKET_AGE_REACH), d)
        if k < 2 or "）" in t[k:d] or "。" in t[k:d] or t[q + 1:q + 2] not in ("）", ")", "，", ","):
            return
        name_end = k
    else:
        name_end = m.start()
    latin = latin_name_before(t, name_end)  # "Tanaka Hiroshi（男，45岁）"
    for p in ((latin,) if latin is not None else range(max(0, name_end - 4), name_end - 1)):
        got = reader.read(t, p, allow_initials=True)
        if not got or got[0] != name_end or cues.official_before(fld, p) or t[name_end - 1] in ORG_LAST:
            continue  # (not "红石林镇，7岁": a place)
        masked = got[1]
        if minor:
            close = q + 2 if t[q + 1:q + 2] in ("）", ")") and t[name_end] in "（(" else q + 1
            start, stop = (d, q + 1) if masked else (p, close)
            _add_age(mentions, PersonMention(fld.name, start, stop, t[start:stop], cue="age", minor=True, masked=masked,
                                             name_span=(p, name_end)))
        else:
            mentions.add(PersonMention(fld.name, p, name_end, t[p:name_end], cue="age", masked=masked))
        return


def _add_age(mentions, mention: PersonMention) -> None:
    """A child read by its age replaces a reading of the same name after a role word ("其子张三（9岁）"):
    that the person is a minor says more."""
    known = mentions.get(mention.key)
    if known is None:
        mentions.add(mention)
    elif mention.minor and not known.minor and not known.whistleblower:
        mentions.put(mention)


ADULT_KIN_AFTER_RE = re.compile(r"[ \t\u3000]*[（(](?:" + "|".join(words("persons.age.ADULT_KIN")) + r")[）)]")
"""After a name, the relation that makes it a child's adult ("钟某英（祖母）" in the guardian's cell)."""


def minor_statements(fld, mention, title=None) -> list[tuple[int, int]]:
    """Where the text states that a named person is a minor: the age (under 18) or grade after the name
    ("（9岁）" -> "9岁", "，高一学生") and the pupil or grade word right before it ("小学四年级学生甘子墨").
    Empty when nothing next to the name says so (a list of children, a 未满 statement elsewhere). ``title``: the
    title's field when ``fld`` is the body (its year dates the document too)."""
    t = fld.text
    name_start, name_end = mention.name_span or (mention.start, mention.end)
    if ADULT_KIN_AFTER_RE.match(t, name_end):
        return []  # "小学三年级 | 钟某英（祖母）": the child's grandmother, named in the next cell
    out = []
    m = MINOR_AFTER_RE.match(t, name_end, min(len(t), max(mention.end, name_end) + 40))
    if m:
        n = AGE_NUMBER_RE.search(m.group(1))
        if "岁" not in m.group(1) or (n and cn_number(n.group()) < ADULT):
            out.append((m.start(1), m.end(1)))
            g = GRADE_NEXT_RE.match(t, m.end(), min(len(t), m.end() + 30))
            if g:  # "朱某，女，8岁，上集镇中心小学二年级，…": the school and grade go on with the profile
                out.append((g.start(1), g.end(1)))
    if not out:
        b = BIRTH_AFTER_RE.match(t, name_end, min(len(t), name_end + 30))
        if b and b.group().endswith("生") and 0 < document_year(fld, title) - int(b.group(1)) < ADULT:
            out.append((b.start(1), b.end()))  # "2016年出生" in a notice of 2024
    line = t.rfind("\n", max(0, name_start - 18), name_start) + 1  # (what stands before the name on its own line)
    m = AGE_BEFORE_RE.search(t, max(line, name_start - 14), name_start)
    if m and cn_number(m.group(1)) < ADULT:
        out.append((m.start(), m.end(2)))  # "年仅9岁的被害人周某某": the age, with its 的
    m = MINOR_BEFORE_RE.search(t, max(line, name_start - 18), name_start)
    if m and m.group("age") and cn_number(m.group("age")) >= ADULT:
        m = None  # "20岁学生王某": the age says an adult
    if m:
        end = m.end()
        while end > m.start() and t[end - 1] in " \t\u3000：:":
            end -= 1
        out.append((m.start(), end))
    return out


STATED_AGE_RE = re.compile(r"岁|个月|(?:19|20)[0-9]{2}|未成年|未满")
"""In a statement of a minor, what gives the age: a number of years or months, a birth year, 未成年 itself."""


def states_age(t: str, start: int, end: int) -> bool:
    """Whether ``t[start:end]`` (a child's name and what is said of it) gives the age or birth ("陈思琪（9岁）",
    "高子墨（2015年3月出生，现就读于某小学三年级）"), not only the school grade ("初二（3）班 颜若汐"): a grade names
    a pupil, whose name is private; the age is the ``minor`` finding."""
    return STATED_AGE_RE.search(t, start, end) is not None


BIRTH_VALUE_RE = re.compile(r"[：:]?[ \t\u3000]*((?:19|20)[0-9]{2})(?:年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?"
                            r"|([.\-/])[0-9]{1,2}(?:\2[0-9]{1,2})?(?![0-9]))")
"""After a birth date's label ("出生日期：2012年2月17日", "出生于2018年9月") or in its column ("2012.03",
"2018-02-11"): the date."""
BRACKETED_BIRTH_RE = re.compile(r"[（(]((?:19|20)[0-9]{2})年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?\Z")
"""Before 出生, a date opening a bracket ("林某（2009年11月出生）"): a person's birth, said of them."""
LISTED_BIRTH_RE = re.compile(r"(?:^|(?<=[ \t\u3000，,、；;｜|]))((?:19|20)[0-9]{2})年[0-9]{1,2}月(?:[0-9]{1,2}日)?$", re.M)
"""Before 出生, a date standing in a row or list item of its own ("刘某　2018年5月出生　安排学校…"): the row's
person's birth (not a rule's range: "2018年9月1日至2019年8月31日出生的" has 至 before and 的 after)."""


def child_birth_dates(fld, hit, title=None) -> list[tuple[int, int]]:
    """The birth dates at ``hit`` that are a child's: the value of a birth label ("出生日期：…", "出生于…"), every
    cell of a birth-date column, or a bracket's "（…出生"; a child's where the document (``document_year``) is less
    than eighteen years later."""
    t = fld.text
    year = document_year(fld, title)
    if not year:
        return []

    def child(born: str) -> bool:
        age = year - int(born)
        # a newborn is born in the document's year: only when that year is said apart from the date itself
        return 0 < age < ADULT or (age == 0 and _said_twice(fld, title, born))

    if hit.term == "出生":
        m = BRACKETED_BIRTH_RE.search(t, max(0, hit.start - 13), hit.start)
        if m is not None:
            return [(m.start() + 1, hit.end)] if child(m.group(1)) else []
        if t[hit.end:hit.end + 1] in ("的", "后", "前", "以", "之"):
            return []  # "…以后出生的": a rule's cohort, nobody's birth
        m = LISTED_BIRTH_RE.search(t, max(0, hit.start - 12), hit.start)
        return [(m.start(1), hit.end)] if m and child(m.group(1)) else []
    cells = fld.column_cells(hit.start) if hit.term != "出生于" else []
    if cells:
        out = []
        for a, b in cells:
            m = BIRTH_VALUE_RE.match(t, a, b)
            while m is None and a < b and t[a] in " \t\u3000":
                a += 1
                m = BIRTH_VALUE_RE.match(t, a, b)
            if m and child(m.group(1)):
                out.append((m.start(1), m.end()))
        return out
    m = BIRTH_VALUE_RE.match(t, hit.end, min(len(t), hit.end + 16))
    return [(m.start(1), m.end())] if m and child(m.group(1)) else []


def _said_twice(fld, title, year: str) -> bool:
    """``year`` stands in the field and the title more than once (counted once per review: a table of a thousand
    newborns' dates reads the text once, not once per date)."""
    counts = fld.memo.setdefault("year_counts", {})
    if year not in counts:
        counts[year] = fld.text.count(year) + (title.text.count(year) if title is not None else 0)
    return counts[year] > 1


def document_year(fld, title=None) -> int:
    """The year the document is of: the latest year the field (and the title) mentions that is not someone's
    birth date ("2024年度", "2024年5月16日"; not "1992年8月生" in a list of adults); 0 if none."""
    return max(_latest_year(fld), _latest_year(title) if title is not None else 0)


def _latest_year(fld) -> int:
    """The latest year ``fld`` mentions, birth dates left out, once per review; 0 if none."""
    y = fld.memo.get("latest_year")
    if y is None:
        t = fld.text
        years = [int(m.group()) for m in YEAR_RE.finditer(t) if not BORN_AFTER_YEAR_RE.match(t, m.end())]
        y = fld.memo["latest_year"] = max(years, default=0)
    return y


def under_age(cues, fld, hit):
    """"因王某某未满十六周岁", "涉事学生均未满十四周岁": a statement that a person is a minor (the person may be
    masked, or named by a role or pupil word).

    Returns the span of the statement, or ``None``."""
    m = UNDER_AGE_RE.match(fld.text, hit.end)
    if not m or cn_number(m.group(1)) > ADULT:
        return None
    sl, _ = fld.segments.sentence(hit.start)
    t = fld.text
    lo = max(sl, hit.start - 8)
    before = t[lo:hit.start]
    if (not any(cues.reader.read(before, i, allow_masked=True) for i in range(len(before)))
            and not before.endswith(("其", "该生", "该童"))
            and (t[m.end():m.end() + 1] == "的" or t[hit.start - 1:hit.start] in ("（", "(") or not any(
                (h.term in cues.minor_cues or h.term in cues.sensitive_roles) and not h.term.startswith("未成年")
                for h in fld.hits_between(lo, hit.start)))):
        # (the persons of a case named by role: "三名涉事学生均未满十四周岁" — not a category: "未满十八周岁的公民",
        # "特困人员（未满16周岁…）")
        return None
    return hit.start, m.end()


FAMILY_CHILD_BEFORE_RE = re.compile(r"(?:其|家中|你|您|你的|您的|独自抚养|抚养|另有|育有|和|及|与|[一两二三四][个名])[\u4e00-\u9fff]{0,3}\Z")
"""Before a word for a child: whose child it is ("其女", "家中两个孩子", "独自抚养…的女儿", "你的儿子")."""
CHILD_STATEMENT_RE = re.compile(
    rf"[（(]?(?:均|都|分别|现|正|今年|年仅|时年|现年)?(?:为|系|是)?[^。；，,\n（(]{{0,10}}?"
    rf"(?:(?P<age>{AGE_NUMBER})周?岁(?:和(?:{AGE_NUMBER})周?岁)?"
    rf"|(?:在读|就读于?|读|上)[^。；，,\n]{{0,12}}?{_GRADE}(?:和[^。；，,\n]{{0,4}}?{_GRADE})?|(?:在读|就读于?|上)(?:小学|初中|幼儿园)"
    rf"|均?未成年)[）)]?")
"""After a family's word for its child: the child's age or school grade ("（7岁）", "分别在读小学三年级和初一",
"现就读于区第二中学初二年级", "均未成年")."""
STATEMENT_BEFORE_CHILD_RE = re.compile(
    rf"(?:(?:年仅|仅|刚满|才)(?P<age>{AGE_NUMBER})周?岁|(?:正在|正)?(?:在读|就读于?|读)"
    rf"(?:{_GRADE}|小学|初中|幼儿园))的\Z")
"""Before the word for a child, what says it is one ("年仅6岁的孙子", "正在读初三的女儿", "在读小学的子女")."""
CLAUSE_START_RE = re.compile(r"[，,；;]\Z")
FAMILY_REACH = 60
FAMILY_RE = re.compile(r"母亲|父亲|单亲|户主|其妻|其夫|丈夫|妻子|一家|家庭")
"""Earlier in the sentence, the family whose child a clause opening with 女儿/儿子 speaks of ("单亲母亲，女儿6岁")."""


def child_of_family(fld, hit):
    """"其女（7岁）", "家中两个孩子分别在读小学三年级和初一": a statement that a family's child is a minor, with
    no name (the child is identified by the family). Returns the span, or ``None``."""
    t = fld.text
    before = STATEMENT_BEFORE_CHILD_RE.search(t, max(0, hit.start - 16), hit.start)
    if before and not (before.group("age") and cn_number(before.group("age")) >= ADULT):
        return before.start(), hit.end  # "正在读初三的女儿", "年仅6岁的孙子", "两名在读小学的子女"
    if not (FAMILY_CHILD_BEFORE_RE.search(t, max(0, hit.start - 8), hit.start) or hit.term.startswith("其")
            or (CLAUSE_START_RE.search(t, max(0, hit.start - 1), hit.start)
                and FAMILY_RE.search(t, max(t.rfind("\n", 0, hit.start) + 1, hit.start - FAMILY_REACH), hit.start))):
        return None
    m = CHILD_STATEMENT_RE.match(t, hit.end, min(len(t), hit.end + 40))
    if not m or (m.group("age") and cn_number(m.group("age")) >= ADULT):
        return None
    return hit.start, m.end()
