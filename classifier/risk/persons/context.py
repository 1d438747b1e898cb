"""Names without a role word in a sentence that states something private about a person:
"同意给予陈美华临时救助金", "何志远因患尿毒症长期透析", "经核实，郑文华信仰天主教",
"青石村张三（…）患…". The rules read a name where one can start (the start of a clause, after a
place or a verb that takes a person) and end (punctuation, a function word, or the private
statement itself); the name model, when there is one, reads these sentences too (see tagger.py).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

import ahocorasick_rs

from ..names import PLACE_LAST, STOP_SECOND, TAIL_MASKS, name_boundary, with_lined_up
from ..text import ITEM_NUMBER, is_cjk, line_start
from ..wordlists import words
from .cues import OFFICIAL
from .mention import PersonMention

ATTRIBUTE_TAGS = ("trigger:health", "trigger:criminal_record", "trigger:religion", "trigger:social_assistance")
PLACE_SUFFIX_RE = re.compile(r"(?:街道|社区|小区|村|镇|乡|[0-9一二三四五六七八九十]组|[0-9A-Za-z]{1,3}(?:号楼|栋|幢))的?")
"""A place a name may follow directly: "沙坪乡罗某", "江北村的钮某", "五组过某", "幸福里小区的蒯某"."""
PERSON_KIND_RE = re.compile(r"人员|对象|军人|会计|出纳|信众|病例|患儿|[员民工户者]")
"""The end of a word for a kind of person (保育员, 村民, 职工, 农户, 监外执行对象): a name may follow it directly."""
OPENING = frozenset("、，,：:；;（( \t\u3000\n“\"·•●▪")
"""Characters after which a name may open a clause."""
OPENING_RE = re.compile("[" + "".join(re.escape(ch) for ch in sorted(OPENING)) + "]")
ITEM_MARK_RE = re.compile(r"[（(][0-9一二三四五六七八九十]{1,3}[）)]|(?<![0-9.．])[0-9]{1,3}[.．](?=[\u4e00-\u9fff])")
"""An item's number: a name may open the item ("（1）向某某，默戎镇，肢体二级残疾", "1．周某某，2021年因吸毒…")."""
KIND_LAST = frozenset("员民工户者众生")
"""The last character of a two-character word for a group of people ("师生", "信众", "农户"), read as a surname and a
given name."""
FOLLOW = frozenset("（(，,、；;：: \t\u3000\n。）)")
PREDICATE = frozenset("反因系患家是于在的现曾今已经被为每等均并给申享纳")
"""Characters that may follow a name and start its predicate ("何志远因患…", "张三系…", "段某为佛教居士")."""
DATE_AFTER_RE = re.compile(r"(?:19|20)[0-9]{2}年|[0-9]{1,2}月[0-9]{1,2}日")
"""A date right after a name opens its predicate: "其中，覃德军2023年3月解除强制隔离戒毒"."""
HOUSEHOLD_RE = re.compile(r"户(?:[，,、；;（(]|主|儿子|女儿|妻子|丈夫|家)|夫妇|夫妻|一家|母子|母女|父子|父女")
"""After a name, its household or the couple or family it heads: "彭堡镇海某某户，户主患…" (not the "单人户" of a
scheme), "韩某、曹某夫妇因…上访"."""
COMMON_GIVEN = 2000
BARE_WORD_OPENING = 1000
"""With no role word, a reading whose surname and first given character make a word this frequent ("公民",
"纳入", "宣传") is that word ("王国强": 王国 is less frequent, and a name). Stricter than the reader's own
``names.WORD_OPENING``, which holds after a role word too."""
STATEMENT_GAP = 20
"""At most this many characters between a name found without a role word and the statement about it
(a name right after its village or street, "青石村张三（…）", may be further)."""
ORG_LAST = frozenset("科室部处股局院所队组站厅委办司镇乡村区县市省街路内外后末底里间")
"""A reading ending in one of these is a department, a place or a time ("麻醉科", "王岗镇", "季度内"), not a given name."""
"""A "given name" this frequent as a word ("不够", "之间") is a word, not a name, when no role word vouches for it."""


def attribute_sentences(doc):
    """``(field, (left, right))``: the sentences holding a health/assistance/criminal/religion word,
    merged, so that every character is read once however many such words a sentence holds."""
    for fld in doc.fields:
        for span in field_attribute_sentences(fld):
            yield fld, span


def field_attribute_sentences(fld) -> list[tuple[int, int]]:
    """The merged attribute sentences of one field, computed once per review (``fld.memo``): the
    person finders and the name model's windows all read them."""
    spans = fld.memo.get("attribute_sentences")
    if spans is None:
        spans = merge([fld.segments.sentence(h.start) for tag in ATTRIBUTE_TAGS for h in fld.tagged(tag)])
        fld.memo["attribute_sentences"] = spans
    return spans


def merge(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping windows (touching ones joined)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(windows):
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def in_private_sentences(cues, doc, mentions) -> None:
    """A name opening a clause (or after 给予/同意/经核实…) and ending at punctuation, a verb that
    starts a predicate (因, 系, 患…) or the private statement itself; then, the same way, the subject of a
    petition, complaint or call for help ("柴某平，因征地补偿问题长期上访", "韩某、曹某夫妇…多次到市上访",
    "杜某旺反映林权纠纷"), cue ``"petition"``: the person whose own matter it is."""
    if any(fld.tagged(tag) for fld in doc.fields for tag in ATTRIBUTE_TAGS):
        _subjects(cues, doc, mentions, ATTRIBUTE_TAGS + ("list:health_lead",), attribute_sentences(doc), "context")
    if any(fld.tagged(PETITION) for fld in doc.fields):
        sentences = [(fld, span) for fld in doc.fields
                     for span in merge([fld.segments.sentence(h.start) for h in fld.tagged(PETITION)])]
        _subjects(cues, doc, mentions, (PETITION,), sentences, PETITION_CUE)


PETITION = "list:petition_acts"
PETITION_CUE = "petition"
"""The cue of a name whose sentence goes on to say the person petitioned, complained or called for help."""


def _subjects(cues, doc, mentions, tags, sentences, cue) -> None:
    """Names that open a clause of ``sentences`` and end where the statement (a hit of ``tags``) follows closely."""
    statements = {}
    for fld in doc.fields:
        spans = sorted((h.start, h.end) for tag in tags for h in fld.tagged(tag))
        statements[fld.name] = ({a for a, _ in spans}, spans, sorted({a for a, _ in spans}))
    words = cues.reader.words
    petition = cue == PETITION_CUE
    for fld, (sl, sr) in sentences:
        t = fld.text
        starts, spans, ordered = statements[fld.name]
        # after a place ("沙坪乡罗某") or a kind of person ("保育员戚某", "务工人员马某", "村民桂某"); before a petition
        # act, after a place only, where the words of a kind open everyday phrases ("工单重复投诉", "施工方赔偿")
        places = {m.end() for m in PLACE_SUFFIX_RE.finditer(t, sl, sr)}
        if not petition:
            places |= {m.end() for m in PERSON_KIND_RE.finditer(t, sl, sr) if not _binds_on(words, t, m)}
        leads = {h.end for h in fld.hits_between(sl, sr) if h.term in cues.name_leads}
        # after an official's title, where the statement is the name's own predicate ("县第二中学教师陈某经医院确诊为…",
        # "负责人杨某（基督教信徒）"): an official's illness or faith is theirs (not so "医生王某现场处置后…诊断为…")
        officials = fld.tagged_between(OFFICIAL, sl, sr)
        in_role = {h.end for h in officials} - leads - places
        medical = {h.end for h in officials if h.term.endswith(MEDICAL_POSTS)}
        if not petition:  # (an official who 反映 something does so in role)
            leads |= in_role
        # after 的, as after a word ("你乡上报的刘建国（…）", "住在您楼上的赵国庆一家")
        after_de = set()
        k = -1 if petition else t.find("的", sl, sr)
        while k >= 0:
            after_de.add(k + 1)
            k = t.find("的", k + 1, sr)
        leads |= after_de
        # right after a statement and its 的, the name it describes ("信仰伊斯兰教的马秀兰、韩永福", "享受低保的李四"): no
        # statement need follow the name (nor each name its enumeration goes on with)
        described = set() if petition else {
            b + 1 for _, b in spans[bisect.bisect_left(spans, (sl, sl)):bisect.bisect_left(spans, (sr, sr))]
            if b < sr and t[b] == "的"}  # (the sentence's statements only: bisect, not a look at every statement)
        # where a name may open: the sentence start, after an opening character, a lead or a place
        # (the positions themselves, not a look at every character of the sentence)
        opens = {m.end() for m in OPENING_RE.finditer(t, max(0, sl - 1), sr - 1)}
        items = {m.end() for m in ITEM_MARK_RE.finditer(t, max(0, sl - 1), sr - 1)}
        opens |= items
        for p in sorted({sl} | opens | leads | places):
            if not sl <= p < sr or (fld.name, p) in mentions:
                continue
            # 常, 和, 于…: without a role word, a function word ("常见病"), not a surname — unless it opens a numbered
            # item or goes on with the names a statement describes ("…的彭兰芝、向冬梅")
            weak = t[p] in cues.reader.weak and not (p in described and t[p - 1] == "、")
            if weak and p not in items:
                continue
            got = cues.reader.read(t, p, allow_masked=False, after_word=p in places or p in after_de,
                                   allow_initials=p in places)  # "牧民泽仁多吉患…": a name without a surname
            if not got or (weak and t[got[0]:got[0] + 1] not in ("，", ",")):
                continue  # (opening a numbered item and closed by its comma: "（1）向某某，某镇，…")
            end = got[0]
            loose = p in described  # (a described name's predicate may open with a word or a number)
            # "陆某之同志因患胰腺癌…", "退休干部朱某同志因肝癌…": 同志 after the name, and the statement is the name's own
            comrade = (not petition and t.startswith(COMRADE, end)
                       and _own_statement(t, end + len(COMRADE), ordered, bisect.bisect_left(ordered, end + len(COMRADE))))
            if not comrade and not _ends_name(t, end, starts, words, loose):
                end -= 1
                if end - p < 2 or not _ends_name(t, end, starts, words, loose):
                    continue
            g = p + (2 if t[p:p + 2] in cues.reader.double else 1)
            k = bisect.bisect_left(ordered, end)
            if ((not comrade and p not in places and p not in described
                 and (k == len(ordered) or ordered[k] - end > STATEMENT_GAP)) or t[end - 1] in ORG_LAST):
                continue  # the private statement must follow its subject closely; "麻醉科" is a department
            j = bisect.bisect_left(spans, (end, end))
            inside = any(a < end and p < b for a, b in spans[max(0, j - 8):j])
            if (p > 0 and t[p - 1] in "（(" and end in starts
                    and any(b == p - 1 for _, b in spans[max(0, j - 8):j])):
                continue  # "肢体二级残疾（双下肢截肢）": the bracket goes on with the statement, no name opens it
            if (common_word(words, cues, t[g:end]) or inside or t[p:end] in cues.roles
                    or words.get(t[p:g + 1], 0) >= BARE_WORD_OPENING or _split_words(words, t, p, g, end)):
                continue  # "尚不够", "国之间": a word, not a given name; "支原体肺炎": inside the statement;
                # "公民有…", "宣传栏": the surname and the next character are a frequent word
            if (cues.official_after(fld, end) and not comrade) or cues.company_after(fld, end):
                continue
            if petition and (k == len(ordered) or ordered[k] - end > STATEMENT_GAP
                             or t[end:end + 1] in ("：", ":") or "\n" in t[end:ordered[k]]
                             or (end - p == 2 and (t[p + 1] in KIND_LAST or p in places))):
                continue  # "李某：根据群众反映…" (a speaker in minutes), an act on another line, "师生反映强烈", "某村祖屋"
            if p in in_role:
                if petition or not (comrade or _own_statement(t, end, ordered, k)):
                    continue
                if p in medical and DIAGNOSING_RE.search(t, end, min(sr, ordered[k] + 3)):
                    continue  # "接诊医师为主治医师某某，经超声检查诊断为…": what the doctor found in the patient
            elif cues.official_before(fld, p):
                continue
            mentions.add(PersonMention(fld.name, p, end, t[p:end], cue=OWN_STATEMENT if p in in_role or comrade else cue))
            if p in described and t[end:end + 1] == "、" and end + 1 < sr:
                described.add(end + 1)  # the enumeration goes on: its next name is described too


HONORIFIC_BEFORE_BRACKET_RE = re.compile(r"(?:同志|老人|女士|先生)?\Z")
"""A courtesy word between the name and the bracket that states something private of it."""
BRACKET_REACH = 10
"""A statement in brackets right after a name ("王五（患尿毒症）", "赵六（15岁，系服刑人员子女）") starts
this close after the opening bracket."""


ITEM_HEAD_RE = re.compile(r"[ \t\u3000]*" + ITEM_NUMBER + r"[ \t\u3000]*")
"""A numbered item's number at the start of its line ("1. ", "（2）", "③")."""
ITEM_REACH = 120
"""A numbered item is read this far back from its statement for the name that heads it."""


def item_subjects(cues, doc, mentions) -> None:
    """"1. 马某东，驾驶证号1201…，因犯危险驾驶罪被判处拘役…": a numbered item that states something private
    is about the person whose name heads it, however far into the item the statement stands."""
    reader = cues.reader
    for fld in doc.fields:
        t = fld.text
        seen = set()
        for tag in ATTRIBUTE_TAGS:
            for h in fld.tagged(tag):
                line = t.rfind("\n", max(0, h.start - ITEM_REACH), h.start) + 1
                if line in seen or (line == 0 and h.start > ITEM_REACH):
                    continue
                seen.add(line)
                m = ITEM_HEAD_RE.match(t, line, h.start)
                if m is None or (fld.name, m.end()) in mentions:
                    continue
                p = m.end()
                got = reader.read_bounded(t, p, allow_masked=False, allow_initials=True)  # ("2. 扎西才让，…")
                if not got or got[0] >= h.start or t[got[0]:got[0] + 1] not in ("，", ",", "（", "(", " ", "\u3000"):
                    continue
                end = got[0]
                if not someone_else(cues, fld, p, end):
                    mentions.add(PersonMention(fld.name, p, end, t[p:end], cue="context"))


HOUSEHOLD_HEAD_RE = re.compile(r"[ \t\u3000]*(?:" + ITEM_NUMBER + r"|——|—)?[ \t\u3000]*")
"""What may open a line before the name of the household it lists: an item's number or a dash ("2. ", "——")."""
HOUSEHOLD_AFTER = frozenset("（(：:，,")
HOUSEHOLD = "household"
"""The cue of a name heading its line as a household ("1. 马某福户（六组）：家庭5口…"): decided private."""


def households(cues, doc, mentions) -> None:
    """"2. 杨某兰户（华屋村岭背组，2人）：户主年老独居…", "——黄某勋户：产权人…": a line that opens with a person's name
    and 户 lists that person's household and what it says is theirs (its size, its situation, its compensation)."""
    reader = cues.reader
    for fld in doc.fields:
        t = fld.text
        k = t.find("户")
        while k >= 0:
            if t[k + 1:k + 2] in HOUSEHOLD_AFTER:
                line = line_start(t, k, ITEM_REACH)
                m = HOUSEHOLD_HEAD_RE.match(t, line, k)
                p = m.end() if m else k
                if k - p >= 2 and (fld.name, p) not in mentions:
                    got = reader.read(t, p, allow_masked=False, allow_initials=True, after_word=True)
                    if got and got[0] == k and not someone_else(cues, fld, p, k):
                        mentions.add(PersonMention(fld.name, p, k, t[p:k], cue=HOUSEHOLD))
            k = t.find("户", k + 1)


def before_brackets(cues, doc, mentions) -> None:
    """"二是为王海涛（吸毒被强制隔离戒毒期满）联系了岗位": a name written right before a bracket that
    states something private about it, whatever stands before the name."""
    reader = cues.reader
    for fld in doc.fields:
        t = fld.text
        for tag in ATTRIBUTE_TAGS:
            for h in fld.tagged(tag):
                k = max(t.rfind("（", max(0, h.start - BRACKET_REACH), h.start + 1),
                        t.rfind("(", max(0, h.start - BRACKET_REACH), h.start + 1))
                if k < 2 or "）" in t[k:h.start] or ")" in t[k:h.start] or (fld.name, k) in mentions:
                    continue
                n = k - len(HONORIFIC_BEFORE_BRACKET_RE.search(t, max(0, k - 2), k).group())
                for p in range(max(0, n - 4), n - 1):
                    # (a reading that opens inside a word is none: "患者刘某（…）" holds no name 者刘某; a name without a
                    # surname opens with its syllable: "扎西平措（某寺院僧人）")
                    got = reader.read(t, p, allow_masked=False, allow_initials=True)
                    if not got or got[0] != n or (fld.name, p) in mentions:
                        continue
                    g = p + (2 if t[p:p + 2] in reader.double else 1)
                    if (common_word(reader.words, cues, t[g:n]) or t[n - 1] in ORG_LAST or t[p:n] in cues.roles
                            or cues.official_before(fld, p) or cues.company_after(fld, n)):
                        continue
                    # (after 同志/老人 too: "看望了某某同志（因尿毒症每周透析三次）" — an official's illness is private)
                    mentions.add(PersonMention(fld.name, p, n, t[p:n], cue="context"))
                    break


COMRADE = "同志"
"""After a name, the courtesy an official and a private person alike are given: the name is still the subject of
the statement it goes on with."""
OWN_STATEMENT = "own"
"""The cue of an official's name whose own private statement follows it (decided private where it is linked)."""
OWN_STATEMENT_GAP = 10
"""An official's own private statement starts this close after the name ("教师陈某经县医院确诊为…")."""
OWN_OPENERS = PREDICATE | frozenset("（(，,")
MEDICAL_POSTS = words("persons.context.MEDICAL_POSTS")
DIAGNOSING_RE = re.compile(r"诊断|检查|诊治|接诊|会诊")
"""After a doctor's name, the doctor's act: the statement that follows is the patient's."""
OBJECT_BEFORE = frozenset("在给")
CLASS_OF_PERSONS_RE = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:对象|人员|家庭|户|者|儿童|老人)")
"""A preposition right between an official's name and a statement that names a class of persons makes them its object,
not the official's own status ("站长王某给低保户送去…", "书记马某在低保对象入户核查中…"; but "赵某同志在确诊乳腺癌后…")."""
"""What follows the name where the statement is its own: a predicate word, a bracket or a comma."""


def _own_statement(t: str, end: int, ordered: list[int], k: int) -> bool:
    """The private statement after the name at ``end`` is the name's predicate: it opens with a predicate word, a
    bracket or a comma and the statement starts within :data:`OWN_STATEMENT_GAP`, in the same clause, and is not of
    someone else ("法官卢某在回访中了解到其患有…")."""
    if k == len(ordered) or ordered[k] - end > OWN_STATEMENT_GAP or t[end:end + 1] not in OWN_OPENERS:
        return False
    if ordered[k] == end + 1 and t[end] in OBJECT_BEFORE and CLASS_OF_PERSONS_RE.match(t, ordered[k]):
        return False  # "村党支部书记马某在低保对象入户核查中…": the persons the official acts on
    return not any(c in "。；;\n其" for c in t[end:ordered[k]])  # (其: the statement is of someone else)


def _binds_on(words, t: str, m) -> bool:
    """The one character of a kind of person matched at ``m`` opens a word with the next one and ends none before it
    ("一起民房火灾": 民房, no 起民): it is no kind of person there ("村民", "职工" end a word: "职工钱伟" stays a name)."""
    e = m.end()
    return (e - m.start() == 1 and t[e - 1:e + 1] in words
            and not any(t[a:e] in words for a in range(max(0, e - 3), e - 1)))


def common_word(words, cues, given: str) -> bool:
    """The "given name" is a common word ("尚不够", "国之间"), unless it is far more often a name (建国, 海燕)."""
    return words.get(given, 0) >= COMMON_GIVEN and given not in cues.given_names_also_words


def someone_else(cues, fld, p: int, end: int) -> bool:
    """The reading ``[p, end)`` is no private person's name: its given name is a common word, it ends as a body's name
    does (…科, …镇), it is a role word, or an official's title or a company's name stands around it."""
    t = fld.text
    g = p + (2 if t[p:p + 2] in cues.reader.double else 1)
    return (common_word(cues.reader.words, cues, t[g:end]) or t[end - 1] in ORG_LAST or t[p:end] in cues.roles
            or cues.official_before(fld, p) or cues.official_after(fld, end) or cues.company_after(fld, end))


SPLIT_WORD = 100
"""How frequent both words must be for a reading to be two words cut apart ("大韩民国护照" read as 国护照)."""


def _split_words(words, t: str, p: int, g: int, end: int) -> bool:
    """The "surname" ends the word before it and the "given name" is a word of its own ("民国|护照"): the reading
    cuts two words apart ("镇海|宝平" is a name after a place: 宝平 is no word)."""
    return p > 0 and words.get(t[p - 1:p + 1], 0) >= SPLIT_WORD and words.get(t[g:end], 0) >= SPLIT_WORD


def _ends_name(t: str, end: int, attribute_starts, words=None, loose: bool = False) -> bool:
    """A name may end at ``end``: punctuation, a predicate, the statement, a household or a date follows; ``loose``
    (a name a statement before it describes: "患尿毒症的张三长期透析", "…的马秀兰、韩永福2户"), a common word or a
    number too."""
    return (end >= len(t) or t[end] in FOLLOW or t[end] in PREDICATE or end in attribute_starts
            or HOUSEHOLD_RE.match(t, end) is not None or DATE_AFTER_RE.match(t, end) is not None
            or (loose and (t[end].isdigit() or words.get(t[end:end + 2], 0) >= COMMON_GIVEN)))


def cut_short(doc, mentions) -> None:
    """A two-character reading is a three-character name read short where the same third character follows it
    wherever the document writes it, with different words after ("邝某安家宅基地…，邝某安建房时…，邝某安同意…"): the
    rules cut "邝某安家" to "邝某" as "安家" is a word. It grows by that character (one automaton pass per field,
    whatever the number of names), so that no occurrence leaves a character of the name unmasked."""
    short = {}
    for p in mentions:
        if not p.masked and p.name_span is None and p.end - p.start == 2:
            short.setdefault(p.name, []).append(p)
    if not short:
        return
    words = list(short)
    automaton = ahocorasick_rs.AhoCorasick(words)
    after: dict[str, set] = {}  # name -> {(third character, fourth)}
    for fld in doc.fields:
        t = fld.text
        for index, k, end in automaton.find_matches_as_indexes(t):
            after.setdefault(words[index], set()).add((t[end:end + 1], t[end + 1:end + 2]))
    for name, seen in after.items():
        thirds = {c for c, _ in seen}
        if len(thirds) != 1 or len(seen) < 2:
            continue
        c = next(iter(thirds))
        if not c or not is_cjk(c) or c in STOP_SECOND or c in PREDICATE or c in PLACE_LAST:
            continue  # "王磊在…王磊在…": a word follows the name each time
        for p in short[name]:
            mentions.put(replace(p, end=p.end + 1, name=name + c))


PARTNERS_AFTER_RE = re.compile(r"夫妇|夫妻|等?[0-9一二两三四五六七八九十]{0,3}[人户名]")
"""After the last name of an enumeration, what says the names go together ("某某、某某夫妇", "某某、某某二人")."""
ENUMERATED_END = frozenset("、，,；;。（(\n")


def enumerated(cues, doc, mentions) -> None:
    """"房某顺、吕某香夫妇，独生子女死亡", "杨某锋、刘某军二人于…无证采砂": the names written right after a mention,
    joined by 、, are read the way it was (its cue, its flags): an enumeration states the same of each name. A
    reading counts where it ends as a name does (punctuation, the next 、, or 夫妇/二人/等…) and is nobody else's (a
    word, an official, a company)."""
    reader = cues.reader
    for p in sorted(mentions, key=lambda m: (m.field, m.start)):
        if p.masked or p.cue in ("repeat", "tagger"):
            continue  # (a name the model read where it was asked says nothing of the names after it)
        fld = doc.get(p.field)
        t = fld.text
        end = p.end
        while t[end:end + 1] == "、" and (fld.name, end + 1) not in mentions:
            q = end + 1
            got = reader.read(t, q, allow_masked=False)
            if not got:
                break
            e = got[0]
            ends = e >= len(t) or t[e] in ENUMERATED_END or PARTNERS_AFTER_RE.match(t, e) is not None
            if not ends or someone_else(cues, fld, q, e):
                break
            if not mentions.add(replace(p, start=q, end=e, name=t[q:e], name_span=None, framed=False)):
                break
            end = e


def masked_tails(doc, mentions) -> None:
    """"次×卓嘎", "王*明": a reading that starts right after a mask inside a name is the end of a masked name, which
    says nobody's name (as the whole masked name does not)."""
    for p in list(mentions):
        t = doc.get(p.field).text
        if p.start >= 2 and t[p.start - 1] in TAIL_MASKS and is_cjk(t[p.start - 2]):
            mentions.discard(p.key)


def repeats(cues, doc, mentions) -> None:
    """Every other occurrence of a mentioned name is a mention too, so that "周某某今年82岁，患有…"
    links to the 周某某 introduced a sentence earlier; written lined up or not ("江涛" and "江  涛"), but not as a
    place's name ("金华" in "金华市"). One automaton pass per field, whatever the
    number of names."""
    names: dict[str, PersonMention] = {}
    for p in list(mentions):
        if len(p.name_text) >= 2:
            names.setdefault(p.name_text, p)
    names = with_lined_up(names)
    if not names:
        return
    words = list(names)
    automaton = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST)
    for fld in doc.fields:
        t = fld.text
        for index, k, end in automaton.find_matches_as_indexes(t):
            src = names[words[index]]
            if ((fld.name, k) not in mentions and (end - k >= 3 or name_boundary(t, end))
                    and t[end:end + 1] not in PLACE_LAST
                    and not cues.official_before(fld, k) and not cues.official_after(fld, end)):
                mentions.add(PersonMention(fld.name, k, end, t[k:end], cue="repeat",
                                           minor=src.minor and not src.masked, masked=src.masked))
