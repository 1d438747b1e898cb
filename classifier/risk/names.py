"""Reading a Chinese personal name at a position (surname list + one or two given-name characters)."""

from __future__ import annotations

import re

from .text import is_cjk
from .words import common_words
from .wordlists import words

MASK_CHARS = "某*＊×X"
TAIL_MASKS = "*＊×"
"""Masks that may also end a name ("次仁卓*"); 某 and X after a name begin words ("某日", "X光")."""
DATED_RE = re.compile(r"于(?:[0-9]{2,4}|[〇一二三四五六七八九十]{2,4})[年月日]|于(?:当日|当天|次日|同日|近日|今年|去年|本月|上月)")
"""A 于 that opens a date ("于2024年3月", "于次日"): after a name, what the person did and when."""
# Characters that cannot be the first / second character of a given name: function words and
# verbs that follow a name in running text.
STOP_FIRST = frozenset("的了在是和与及等为因于系被将已向到对从由其同某先女们我你您他她它本该贵此")
STOP_SECOND = frozenset("的了在是和与及等为因于系被将已向到对从由其同家说称表送打反患实今曾父母妻夫儿经并也都还就"
                        "到去来拿给把让请领获任现原男拟随")
NOT_NAMES = frozenset(
    words("names.NOT_NAMES")
)


AFTER_NAME = frozenset("反因系患家是于在的曾今等老经被将已向到对从由与和及并也都还就说称表送打领获任现原男女今年之为")
"""Characters that may follow a name in running text (function words, verbs that start a predicate)."""

def name_boundary(t: str, end: int) -> bool:
    """``t[end]`` can follow a name: end of text, punctuation/space, or a function word/verb."""
    return (end >= len(t) or t[end] in NAME_END or t[end] in AFTER_NAME or t[end] in STOP_SECOND
            or not is_cjk(t[end]))


TITLES = frozenset(words("names.TITLES"))


LAST_TOO = frozenset("和")
"""Of the characters that stop a given name, those that also end many ("赵春和", "王永和"): the last character where
punctuation closes it (a conjunction is never followed by a bracket or a comma)."""
NAME_CLOSE = frozenset("（(，,、；;。")
NAME_END = frozenset("（(，,、；;：: \t\u3000\n。）)｜|/")
"""Punctuation that may follow a name."""

NUMERALS = frozenset("一二三四五六七八九十百千万〇○零两0123456789")
PADDING = frozenset(" \u3000")
def _gap(t: str, k: int) -> int:
    """Length of the padding at ``k`` inside a lined-up name: one ideographic space, or one or two spaces."""
    if t[k] == "\u3000":
        return 1
    if t[k] == " ":
        return 2 if t[k + 1:k + 2] == " " else 1
    return 0


PADDED_FOLLOW = frozenset("因系患于在是的被已曾现今经等")
"""Characters that may follow a padded name directly: the start of its predicate."""
"""One space of either width between the characters of a name lined up in a list ("王　芳", "鲁 欣 怡")."""


def with_lined_up(by_name: dict) -> dict:
    """``by_name`` with each name's lined-up forms (:func:`lined_up`) added, mapped to the same value."""
    out = dict(by_name)
    for name, value in by_name.items():
        for written in lined_up(name):
            out.setdefault(written, value)
    return out


def lined_up(name: str) -> list[str]:
    """The ways a two- or three-character name is written lined up in a list, where it is written without the
    spaces elsewhere: after the surname ("江  涛", "王　秀英") or between every character ("李 小 雨")."""
    if not 2 <= len(name) <= 3 or any(c in PADDING for c in name):
        return []
    out = [name[0] + gap + name[1:] for gap in (" ", "  ", "\u3000")]
    if len(name) == 3:
        out.extend(gap.join(name) for gap in (" ", "  ", "\u3000"))
    return out


SIDES = frozenset("左右")
SURNAME_KIN = frozenset("父母妻")
BODY_PARTS = frozenset(words("names.BODY_PARTS"))
"""Parts of the body: after 左/右 they are no given name ("左小腿", "左踝", "右尺骨")."""
DOTS = frozenset("·•・‧")
"""The middle dot between the parts of a transliterated name ("买买提江·阿不都热依木")."""
DOTTED_STOP = frozenset("反因系患是于在的现曾今已经被每到等为和与及之向对从由将")
"""After the dot, the first of these ends the name: the predicate starts ("吐尔洪·买买提明每周五到…")."""
PLACE_LAST = frozenset("省市县区镇乡村州庄屯寨堡")
"""The last character of a place's name; a three-character "name" ending in one is a place ("马家庄", "李家寨")."""

NAME_CANNOT_END = frozenset("科室部处股局院所队站厅委办司镇乡区县市省街路内外联户号员制犬")
"""The last character of a body, a place, a position or a household: no given name ends so."""

UNKNOWN_MIN, UNKNOWN_MAX = 2, 6
UNKNOWN_END = frozenset("、，,；;（(：: \t\u3000\n。")
TRANSLITERATION_CHARS = frozenset("".join(words("names.TRANSLITERATION_CHARS")))

VERY_COMMON_GIVEN = 30_000
"""A two-character "given name" this frequent is a word, whatever the surname ("童发展", "高中国")."""
WORD_OPENING = 3300
"""A reading whose surname and first given character are a word this frequent is that word ("满意", "费用",
"宣传", "公民"), not a name ("黄金", "王国", "建国" are less frequent, and start names)."""
MASKED_WORD_OPENING = 300
"""A character after a masked surname that opens a word this frequent with the next one ("拟于", "确诊") is that
word's, not a given name left visible."""


LATIN_TOKEN = r"[A-Z][A-Za-z]{0,20}(?:[-'’][A-Za-z]{1,20})?"
LATIN_NAME_RE = re.compile(LATIN_TOKEN + r"(?: " + LATIN_TOKEN + r"){1,3}(?![A-Za-z0-9])")
LATIN_NOT_NAMES = frozenset(words("names.LATIN_NOT_NAMES"))
"""Words of names of companies, places, documents and forms, and of English prose ("Co", "Street", "University",
"the"): a run of capitalised words holding one is no person's name."""


def latin_name(t: str, pos: int) -> int | None:
    """End of a person's name written in Latin letters from ``pos`` ("Viktor Sorokin", "KIM Sung-ho", "NGUYEN Van
    Long", "Mohammed Al-Harbi"): two to four capitalised words parted by one space, none of them a word of an
    organisation's or a place's name (``names.LATIN_NOT_NAMES``) — or ``None``. The caller's position says a name
    stands there (after a role word, under a name column, before 先生)."""
    if pos > 0 and (t[pos - 1].isascii() and t[pos - 1].isalnum()):
        return None
    m = LATIN_NAME_RE.match(t, pos, min(len(t), pos + 96))
    if m is None:
        return None
    parts = m.group().split(" ")
    if any(p.lower().strip("'’-") in LATIN_NOT_NAMES or len(p) < 2 for p in parts):
        return None
    if all(p.isupper() for p in parts) and sum(len(p) for p in parts) < 6:
        return None  # "GB TQ", "ID NO": short capitals are codes and abbreviations
    return m.end()


def latin_name_before(t: str, end: int) -> int | None:
    """Start of a name in Latin letters (:func:`latin_name`) that ends at ``end`` ("Tanaka Hiroshi（男，45岁）"), or
    ``None``: the run of letters, spaces and hyphens before ``end`` is read from each of its words' starts."""
    k = end
    while k > 0 and end - k < 96 and t[k - 1].isascii() and (t[k - 1].isalpha() or t[k - 1] in " -'"):
        k -= 1
    for s in range(k, end):
        if "A" <= t[s] <= "Z" and (s == k or t[s - 1] == " ") and latin_name(t, s) == end:
            return s
    return None


class NameReader:
    """Reads names: ``read(text, pos)`` -> ``(end, masked)`` or ``None``.

    A name is a surname plus one or two given-name characters that do not form a common word
    (``data/common_words.txt``): not ``支持``/``权益``/``常规`` (surname + given is a word), not
    ``权益保``/``相互尊`` (surname + first given character is a word and the last character starts
    the next word: "权益保障", "相互尊重"), not ``白血病`` (the whole
    is a word), not ``第五条`` (第 + numeral). Its surname must not end a word that begins before it
    (``儿童发展`` has no surname 童), unless the caller read it right after a role word
    (``after_word``: "职工钱某" — 工钱 is a word too). *Weak* surnames — characters far more often a
    function word (和, 来, 都, 于…; ``weak_surnames`` of terms.toml) — also need a given name that is
    neither a common word (``和妇女``, ``来我国``) nor a numeral (``由一九八〇年``); those almost only
    used as function words (``function_surnames``: 都, 和, 来…) also need punctuation or the end of the
    text right after the name ("都应该", "都能在…" are not names). ``第`` + numeral (``第五条``, where
    第五 is a compound surname) is never a name.
    """

    @classmethod
    def from_lexicon(cls, lexicon) -> "NameReader":
        """The reader of the review's word lists (surnames, name_initials, weak and function surnames)."""
        return cls(lexicon.words("surnames"), lexicon.words("name_initials"), lexicon.words("weak_surnames"),
                   function=lexicon.words("function_surnames"), given_words=lexicon.words("given_names_also_words"))

    def __init__(self, surnames: frozenset[str], initials: frozenset[str] = frozenset(),
                 weak: frozenset[str] = frozenset(), words: dict[str, int] | None = None,
                 function: frozenset[str] = frozenset(), given_words: frozenset[str] = frozenset()):
        self.given_words = frozenset(given_words)
        """Given names that are words too ("海洋", "和平"): a surname before them reads as a name ("胡海洋")."""
        self.single = frozenset(s for s in surnames if len(s) == 1)
        self.double = frozenset(s for s in surnames if len(s) == 2)
        self.initials = initials
        self.function = frozenset(function)
        self.weak = frozenset(weak) | self.function
        self.words = common_words() if words is None else words

    def read_unknown(self, t: str, pos: int) -> tuple[int, bool] | None:
        """``(end, False)`` for a transliterated name the surname list does not know, where the caller's
        position says a name stands (right after a role word, heading a private list's item): two to six
        characters of the transliteration syllabary (``names.TRANSLITERATION_CHARS``) up to a separator
        ("拉毛措，", "阿木拉哈、", "更登嘉措 "), none of whose pairs is a common word ("和平", "东门")."""
        n = len(t)
        end = pos
        while end < n and end < pos + UNKNOWN_MAX and is_cjk(t[end]):
            end += 1
        if not UNKNOWN_MIN <= end - pos or (end < n and t[end] not in UNKNOWN_END):
            return None
        run = t[pos:end]
        if (not TRANSLITERATION_CHARS.issuperset(run) or any(run[k:k + 2] in self.words for k in range(len(run) - 1))
                or not self.plausible(run)):
            return None
        return end, False

    def plausible(self, name: str, vouched: bool = False) -> bool:
        """Whatever finder read it, an unmasked reading is no name when it opens with a word that is none
        (``names.NOT_NAMES``: "祖母", "卫健", "施保" — not checked for a longer name a column or the name
        model vouches for), is a title, or ends like a body, a place or a household ("区残联", "季度内",
        "杨家户")."""
        if len(name) < 2 or not DOTS.isdisjoint(name):
            return True
        if name[0] in SIDES and name[1:] in BODY_PARTS:
            return False  # "左小腿", "左尺骨", "左踝": the side of a body part (左 is also a surname)
        if len(name) == 2 and name[1] in SURNAME_KIN:
            return False  # "邓母", "谭父": a person's mother or father by the family's surname, no name
        return not ((name[:2] in NOT_NAMES and not vouched) or name in TITLES or name[-1] in NAME_CANNOT_END)

    def _word_before(self, t: str, pos: int) -> bool:
        """``t[pos]`` ends a common word that begins before it ("儿童" before "发展")."""
        w = self.words
        if not any(t[a:pos + 1] in w for a in range(max(0, pos - 3), pos)):
            return False
        # "其中欧阳小宇": 中欧 is a word, but so is 其中, which ends right before: the text may break here
        return not any(t[a:pos] in w for a in range(max(0, pos - 4), pos - 1))

    def runs_on(self, t: str, end: int) -> bool:
        """A reading ending at ``end`` runs into the words after it ("曾宴(请)": 宴请)."""
        return self._word_from(t, end - 1)

    def _word_from(self, t: str, pos: int) -> bool:
        """``t[pos]`` begins a common word of two to four characters."""
        w = self.words
        return any(t[pos:b] in w for b in range(pos + 2, min(len(t), pos + 4) + 1))

    def _given_ok(self, t: str, pos: int, g: int, end: int) -> bool:
        """The reading ``t[pos:end]`` (given name ``t[g:end]``) is not a word or a piece of one."""
        w = self.words
        if t[pos:end] in w or w.get(t[pos:g + 1], 0) >= WORD_OPENING:
            return False  # (or the surname and the next character are a very frequent word: "满意率", "费用由")
        if end - g == 2 and t[pos:g + 1] in w and self._word_from(t, end - 1):
            # "权益保障", "相互尊重", "陆续回国": surname + first character is a word and the last
            # character starts the next one. ("吴国华", "王国强": 吴国/王国 are words too, but 华/强 end there.)
            return False
        weak = t[pos:g] in self.weak
        if weak and (any(c in NUMERALS for c in t[g:end]) or (end - g == 1 and self._word_from(t, g))):
            return False  # "由一九八〇年", "应偿还": a function word before a number or a word
        if end - g == 2:
            f = w.get(t[g:end])
            if f is not None and (weak or f >= VERY_COMMON_GIVEN):
                return False
        return True

    def dotted(self, t: str, pos: int) -> int | None:
        """End of a transliterated or minority name written with a middle dot from ``pos`` ("阿卜杜拉·艾合买提",
        "买买提江·阿不都热依木"): one to six characters, the dot, two to eight more — or ``None``."""
        if DOTS.isdisjoint(t[pos + 1:pos + 7]):
            return None  # no middle dot near: one C-level test, as read() asks at every possible start
        n = len(t)
        k = pos
        while k < n and k < pos + 6 and is_cjk(t[k]):
            k += 1
        if k == pos or k >= n or t[k] not in DOTS:
            return None
        if any(t[pos:b] in self.words and k - b >= 3 for b in (pos + 2, pos + 3)):
            return None  # "户主买买提江·…": a word opens the run and a name of three or more follows it
        if pos > 0 and is_cjk(t[pos - 1]) and not any(t[a:pos] in self.words for a in range(max(0, pos - 4), pos - 1)):
            return None  # "户主买…" read from 主: the run must start after punctuation or a whole word
        end = self._dotted_part(t, k + 1)
        if end - k - 1 < 2:
            return None
        if end < n and t[end] in DOTS:  # a third part ("阿依古丽·买买提·吐尔逊"), no more
            third = self._dotted_part(t, end + 1)
            if third - end - 1 >= 2:
                end = third
        return end

    @staticmethod
    def _dotted_part(t: str, start: int) -> int:
        """End of one part of a dotted name from ``start``: up to eight characters, stopping where the predicate starts."""
        end = start
        while end < len(t) and end < start + 8 and is_cjk(t[end]) and not (end > start + 1 and t[end] in DOTTED_STOP):
            end += 1
        return end

    def read(self, t: str, pos: int, *, allow_initials: bool = False, allow_masked: bool = True,
             after_word: bool = False) -> tuple[int, bool] | None:
        n = len(t)
        if pos < n and "A" <= t[pos] <= "Z":
            end = latin_name(t, pos)
            return None if end is None else (end, False)
        if pos >= n or not is_cjk(t[pos]):
            return None
        dotted = self.dotted(t, pos)
        if dotted is not None:
            masked = any(ch in MASK_CHARS for ch in t[pos:dotted])  # "阿某某·买某某": already de-identified
            return None if masked and not allow_masked else (dotted, masked)
        if not after_word and pos > 0 and is_cjk(t[pos - 1]) and self._word_before(t, pos):
            return None
        if t[pos] == "第" and t[pos + 1:pos + 2] in NUMERALS and t[pos + 2:pos + 3] not in PADDING:
            return None  # 第五条, 第五十章: an ordinal, not the compound surname 第五 (unless padded: "第五　凯")
        if allow_initials and t[pos:pos + 2] in self.initials and t[pos:pos + 2] not in self.double:
            # "卓玛拉姆", "白玛央宗": a name's opening syllable, before a surname that shares its first character
            end = pos + 2
            while end < n and end < pos + 4 and is_cjk(t[end]) and t[end] not in STOP_SECOND:
                end += 1
            return self._masked_tail(t, end, allow_masked)
        if t[pos:pos + 2] in self.double:
            sl = 2
        elif t[pos] in self.single:
            sl = 1
        else:
            return None
        g = pos + sl
        if g >= n:
            return None
        if t[g] in PADDING:
            if pos > 0 and t[pos - 1] in "）)":
                return None  # "三年级（2）班　建档立卡户": a class, not a padded name
            return self._padded(t, pos, g)
        if t[g] in MASK_CHARS:
            if not allow_masked:
                return None
            end = g
            while end < n and end < g + 3 and t[end] in MASK_CHARS:
                end += 1
            # one given character may stay visible after a single mask ("王某明", "刘*华") — not after two ("沙某某警告"),
            # nor one that opens a word with the next ("王某拟于", "汪某确诊", "王某随父母")
            if (end == g + 1 and end < n and is_cjk(t[end]) and t[end] not in STOP_SECOND and t[end] not in "某"
                    and self.words.get(t[end:end + 2], 0) < MASKED_WORD_OPENING):
                end += 1
            return end, True
        if not is_cjk(t[g]) or t[g] in STOP_FIRST or t[pos:g + 1] in NOT_NAMES or t[g:g + 2] in TITLES:
            return None
        if sl == 1 and t[g] in self.single and t[g + 1:g + 2] in MASK_CHARS:
            return None  # "肇事者李某": the masked name starts at 李; 者 ends the word before it
        end = g + 1
        if (end < n and is_cjk(t[end])
                and (t[end] not in STOP_SECOND or (t[end] in LAST_TOO and t[end + 1:end + 2] in NAME_CLOSE))
                and (t[g:end + 1] not in NOT_NAMES or t[g:end + 1] in self.given_words)):
            if not self._given_ok(t, pos, g, end + 1):
                # "权益保障", "和妇女": the three characters are (part of) words; so are the first two
                # unless only the surname + given pair were tested ("王建国" stays a name)
                return None
            end += 1
        elif not self._given_ok(t, pos, g, end):
            return None
        if end - g == 2 and t[end - 1] in PLACE_LAST:
            return None  # "逢亭镇", "高桥乡": a place named after a family, not a person
        if t[pos:g] in self.function:
            if end < n and t[end] not in NAME_END:
                return None
        return self._masked_tail(t, end, allow_masked)

    @staticmethod
    def _masked_tail(t: str, end: int, allow_masked: bool) -> tuple[int, bool] | None:
        """A reading followed by a mask ("次仁卓*", "李建*") is a masked name, up to the mask's end."""
        k = end
        while k < len(t) and k < end + 3 and t[k] in TAIL_MASKS:
            k += 1
        if k == end:
            return end, False
        return (k, True) if allow_masked else None

    def _padded(self, t: str, pos: int, g: int) -> tuple[int, bool] | None:
        """A name padded with spaces to line up in a list or table: "邓　琳", "欧阳　军", "鲁 欣 怡",
        "龙  进" — a gap (one ideographic space, or one or two spaces) after the surname and between the
        given-name characters, then a separator or the start of a predicate."""
        n = len(t)
        given, k, ends = [], g, []
        while len(given) < 2 and k < n:
            gap = _gap(t, k)
            if not gap or k + gap >= n or not is_cjk(t[k + gap]):
                break
            given.append(t[k + gap])
            ends.append(k)
            k += gap + 1
        # a full-width gap or two spaces is padding made on purpose ("甘  雨多次…"); one space may just
        # separate words ("王 主任说"), so then a separator or a predicate must follow
        wide = t[g] == "\u3000" or t[g:g + 2] == "  "
        if len(given) == 2 and k < n and is_cjk(t[k]) and t[k] not in PADDED_FOLLOW:
            given.pop()  # "张 三 低保": the third character starts the next cell's word
            k = ends[1]
        if (not given or (not wide and k < n and is_cjk(t[k]) and t[k] not in PADDED_FOLLOW) or given[0] in STOP_FIRST
                or any(c in STOP_SECOND for c in given) or t[pos:g] in self.weak
                or self.words.get("".join(given), 0) >= VERY_COMMON_GIVEN):
            return None
        return k, False

    def read_bounded(self, t: str, pos: int, strict: bool = True, **kw) -> tuple[int, bool] | None:
        """Like :meth:`read`, but preferring a name that ends at a boundary (:func:`name_boundary`).

        A three-character reading that runs into the next word is retried as two characters. With
        ``strict`` a name that runs into the next word ("计算机单价") is rejected; without it (right
        after a role word, where "驾驶人邓志明酒后驾驶" is common) it is kept — unless a placeholder
        follows ("当事人：杭州某某公司") or words overlap it ("幼儿师范抓起")."""
        got = self.read(t, pos, **kw)
        if not got:
            return None
        end, masked = got
        if (not masked and end - pos == 3 and end < len(t) and is_cjk(t[end]) and t[pos:pos + 2] not in self.double
                and t[end] in STOP_SECOND and self._word_from(t, end - 1) and not DATED_RE.match(t, end)):
            return end - 1, masked  # "农户王明申请低保": 申请 is a word, the name is 王明 (not "何志强于2024年3月…": a
            # name and the date of what it did)
        if name_boundary(t, end):
            return got
        if not masked and end - pos == 3 and t[pos:pos + 2] not in self.double and name_boundary(t, end - 1):
            return end - 1, masked
        if strict or (end < len(t) and t[end] in MASK_CHARS):
            return None
        if not masked and ((t[pos:pos + 2] in self.words and t[pos:pos + 2] not in self.double)
                           or self._word_from(t, end - 1)):
            return None  # a run-on reading that begins with a word, or whose last character starts one
            # ("幼儿师范抓起": 抓起), is not a name
        return got
