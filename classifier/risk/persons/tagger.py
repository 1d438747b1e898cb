"""The learned name model, called only where a name can matter.

The review works without it (the rule finders read surname + given name with context). When a
name model is given (``RiskReviewer(name_tagger=...)``; ``Analyzer.load`` passes the bundle's), it
is asked about *windows* of the text only — sentences stating something private (health, social
assistance, criminal record, religion), sentences with a role word (申请人, 患者…) or a minor cue,
the rows of a table with a name column, and the whole list of a private 公示 — never the whole
document, so the analysis keeps its speed. Its spans become person mentions (cue ``"tagger"``)
that go through the same decision as the rule finders' mentions.
"""

from __future__ import annotations

import bisect
import re
from typing import Protocol, Sequence, runtime_checkable

from ..names import TITLES
from ..text import is_cjk
from ..words import inside_longer_word
from .context import ATTRIBUTE_TAGS, ORG_LAST, attribute_sentences, field_attribute_sentences, merge
from .lists import (ITEM_START_RE, NUMBERING_RE, PLACE_RE, list_topic_start, name_column, no_list_name_at,
                    not_a_name_cell, signed_off, title_topic)
from .cues import REPORTERS
from .mention import PersonMention
from .roles import school_staff

MIN_SCORE = 0.8
"""Spans the model scores below this are not names."""
SURE = 0.95
"""A score the model is sure of: such a span counts where the words before a statement may be policy language,
a two-character span needs no surname, and a surname with a two-character given name that is also a word is a
name ("覃大明", "马文学")."""
COMMON_PART = 1000
"""A span holding a common word this frequent ("充分发挥", "城乡居民") is not a name."""
BODY_AFTER_RE = re.compile(r"[〔\[【]|(?:中学|小学|学校|幼儿园|医院|卫生院|社区|街道|村委会|居委会)")
"""After a span: a document number's year bracket, or the kind of body the span names."""
FUNCTION_LAST = frozenset("和与及或等的了")
"""A span ending in one of these before another word is a word and a conjunction ("儿童和"), not a name."""
LABEL_REACH = 8
"""A span looks back at this many labelled windows starting before it: windows are short and one place is
labelled a few times at most (a role, a list item's head, a statement's subject)."""
CLAUSE_END_RE = re.compile(r"[，,；;。！？!?\n]")
LABEL_COLON_RE = re.compile(r"[人员者][：:]")
"""Another person's label between a role's window start and a name ("填报人：", "联系人："): the name is that label's."""
MIN_LENGTH, MAX_LENGTH = 2, 6
"""A Chinese personal name has two to six characters (compound surnames, minority names)."""


class NameSpanLike(Protocol):
    start: int
    end: int
    score: float


@runtime_checkable
class NameTaggerLike(Protocol):
    """What the review needs of a name model (``classifier.risk.name_tagger.NameTagger``)."""

    def spans(self, text: str, windows: Sequence[tuple[int, int]] | None = None) -> list[NameSpanLike]: ...


CONJUNCTIONS = frozenset("和与及或等")
"""After a role word, one of these joins it to another group ("儿童和青少年"): no name follows."""
NAME_REACH = 10
"""A window is the few characters where the missing name would stand (a name has at most six)."""
SUBJECT_REACH = 12
"""Before a private statement, its subject stands within this many characters."""
PERSON_SUBJECT_REACH = 40
"""In a sentence about a person, the subject may stand further back ("干部耿卫东在转移群众过程中被落石砸伤")."""
PERSON_MARKERS = ("岁", "（男", "（女", "，男，", "，女，", "男，", "女，", "该户", "本人", "户主", "之子", "之女", "其妻", "其夫")
"""A sentence about a person, not policy language: only there is the subject of a statement looked for."""


def windows(cues, doc, mentions, labels=None) -> dict[str, list[tuple[int, int]]]:
    """Per field, the few characters where a private person's name should stand and no rule read one:
    after a sensitive role or a minor cue, before a private statement in a sentence about a person,
    at the head of each item of a private list, in the name cells of a table. Small windows only
    where the rules came up empty, so ordinary drafts cost the model nothing. ``labels`` (a list),
    when given, receives ``(field, start, end, mention)`` for the windows that say who a name there
    is (after a role word; at the head of a private list's item), so the model's names get that cue;
    a window before a statement whose words may be policy language is labelled ``_sure_only`` (only a
    name the model is sure of counts there)."""
    labels = [] if labels is None else labels
    spans: dict[str, list[tuple[int, int]]] = {f.name: [] for f in doc.fields}

    # where the rules' mentions start, per field (the mentions do not change while windows are chosen)
    starts: dict[str, list[int]] = {f.name: [] for f in doc.fields}
    for p in mentions:
        starts[p.field].append(p.start)
    for s in starts.values():
        s.sort()

    def empty(fld, a: int, b: int) -> bool:
        s = starts[fld.name]
        i = bisect.bisect_left(s, a)
        return i == len(s) or s[i] >= b

    private_sentences = {fld.name: field_attribute_sentences(fld) for fld in doc.fields}
    for fld in doc.fields:
        t = fld.text
        for h in fld.tagged("trigger:person_name"):
            if h.term not in cues.roles and h.term not in cues.minor_cues:
                continue
            # a neutral role (居民, 申请人) counts only in a sentence that states something private
            strong = h.term in cues.sensitive_roles or h.term in cues.minor_cues
            if t[h.end:h.end + 1] in CONJUNCTIONS or inside_longer_word(t, h.start, h.end, keep=cues.role_and_minor_words):
                continue  # "妇女儿童和青少年": a piece of another word, not the role (as the rules decide)
            sl, sr = fld.segments.sentence(h.start)
            if h.term in cues.minor_cues and (cues.honour_notice(doc)
                                              or fld.tagged_between("list:honour_words", sl, sr) or school_staff(cues, t, h)):
                continue  # pupils named in an honour or admission notice, a school's staff (as the rules decide)
            nxt = h.end
            while nxt < len(t) and nxt < h.end + 2 and t[nxt] in "：: \u3000":
                nxt += 1
            if nxt >= len(t) or not is_cjk(t[nxt]):
                continue  # "某村村民，因患…": the role word ends a description; no name follows it
            if (strong or _inside(private_sentences[fld.name], h.start)) and empty(fld, h.end, h.end + 3):
                w = (h.end, min(sr, h.end + NAME_REACH))  # never across the end of the sentence
                spans[fld.name].append(w)
                labels.append((fld.name, *w, dict(cue=h.term, sensitive=h.term in cues.sensitive_roles,
                                                  minor=h.term in cues.minor_cues, whistleblower=h.term in REPORTERS)))
        for header, cells in fld.table_rows():
            for i, (a, b) in enumerate(cells):
                if i < len(header) and name_column(cues, header[i]) and b - a <= NAME_REACH and empty(fld, a, b):
                    spans[fld.name].append((a, b))
                    if cues.payment_table(doc.title.text, header):  # as table_names: the row's person is paid
                        labels.append((fld.name, a, b, dict(cue="list")))
    words = cues.reader.words
    for fld, (sl, sr) in attribute_sentences(doc):
        t = fld.text
        about_someone = any(w in t[sl:sr] for w in PERSON_MARKERS)
        # the sentence's statements in text order: each knows where the statements before it end
        statements = sorted((h for tag in ATTRIBUTE_TAGS for h in fld.tagged_between(tag, sl, sr)),
                            key=lambda h: (h.start, -h.end))
        before_end = sl  # the end of the statements before the one at hand
        for h in statements:
            prev_end, before_end = before_end, max(before_end, h.end)
            a = max(sl, h.start - (PERSON_SUBJECT_REACH if about_someone else SUBJECT_REACH))
            while a < h.start and t[a] in " \t\u3000":
                a += 1
            # policy language ("加强传染病防治") opens with words; a name ("古丽娜尔因病…") does not
            opening = not any(t[k:k + 2] in words for k in range(a, h.start - 1))
            # the rules read a person earlier in the sentence ("张三，男，36岁，某村村民，因患…，给予临时救助"):
            # the statement is about them; the model is not asked again
            if h.start - a < MIN_LENGTH or not empty(fld, sl, h.start):
                continue
            if not (about_someone or opening):
                # policy language is likely here ("加强传染病防治"): only a name the model is sure of counts, and
                # only after the statement before it (a run of statements, "低保低保…", asks about nothing)
                a = max(a, min(prev_end, h.start))
                if h.start - a < MIN_LENGTH:
                    continue
                labels.append((fld.name, a, h.start, {"cue": "tagger", "_sure_only": True}))
            spans[fld.name].append((a, h.start))
    begin = list_topic_start(doc, cues)
    body = doc.body
    if begin is not None and (title_topic(doc, cues) or body.text[begin + 1:begin + 2] == "\n"):
        t = body.text
        for m in ITEM_START_RE.finditer(t, begin):
            if signed_off(cues, t, m.start()):
                continue  # as list_items: a sign-off line names the people who did the work
            i = NUMBERING_RE.match(t, m.end()).end()
            if ITEM_START_RE.match(t, i):
                continue  # an empty item ("；" before a new line): the next start heads the item
            if no_list_name_at(cues, body, i):
                continue  # as list_items: a cell of another column, or a header cell, holds no name of the list
            if empty(body, i, i + 3):
                w = (i, min(len(t), i + NAME_REACH))
                spans["body"].append(w)
                labels.append(("body", *w, dict(cue="list")))
    return {name: merge(w) for name, w in spans.items() if w}


def reach(cues, fld, title=None) -> list[tuple[int, int]]:
    """The most of ``fld`` the model can be asked about, known from the scan alone (before any rule
    reads a name): the characters before every private statement, after every person cue, the short
    cells of every name column and, in the body (``title``: the title's field), the head of every
    item of a private list; merged. :func:`windows` asks about a part of these only (in a sentence
    about a person, where no rule read a name); the work budget counts all of them."""
    t = fld.text
    spans = [(max(0, h.start - PERSON_SUBJECT_REACH), h.start) for tag in ATTRIBUTE_TAGS for h in fld.tagged(tag)]
    spans += [(h.end, h.end + NAME_REACH) for h in fld.tagged("trigger:person_name")]
    if "\n" in t:
        spans += [(a, b) for header, cells in fld.table_rows() for i, (a, b) in enumerate(cells)
                  if i < len(header) and b - a <= NAME_REACH and name_column(cues, header[i])]
    if title is not None:
        begin = list_topic_start(_Pair(title, fld), cues)
        if begin is not None:
            for m in ITEM_START_RE.finditer(t, begin):
                i = NUMBERING_RE.match(t, m.end()).end()
                if not ITEM_START_RE.match(t, i):  # as windows(): an empty item is not read
                    spans.append((i, i + NAME_REACH))
    return merge([(a, min(b, len(t))) for a, b in spans])


class _Pair:
    """A title and a body, as :func:`list_topic_start` reads a document."""

    __slots__ = ("title", "body")

    def __init__(self, title, body):
        self.title, self.body = title, body


def _inside(spans, pos: int) -> bool:
    """Whether ``pos`` lies in one of ``spans`` (sorted, non-overlapping)."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def tagged_names(tagger: NameTaggerLike, cues, doc, mentions) -> None:
    """Ask the model about the windows; keep its names that no rule read, as ``"tagger"`` mentions."""
    labels: list = []
    words = cues.reader.words
    for name, spans in windows(cues, doc, mentions, labels).items():
        fld = doc.get(name)
        t = fld.text
        # this field's labelled windows by start: a span looks only at those that can hold it (they are short)
        mine = sorted((a, b, i, kw) for i, (f, a, b, kw) in enumerate(labels) if f == name)
        starts = [a for a, _, _, _ in mine]
        for s in tagger.spans(t, spans):
            start, end, score = int(s.start), int(s.end), float(s.score)
            if score < MIN_SCORE or not MIN_LENGTH <= end - start <= MAX_LENGTH or not 0 <= start < end <= len(t):
                continue
            if any(p.start < end and start < p.end for p in _near(mentions, name, start, end)):
                continue  # the rules read it already (with their cue, which says more)
            if not all(is_cjk(ch) or ch in "·・" for ch in t[start:end]):
                continue  # "章 罚": a name is written without spaces or punctuation inside
            if any(words.get(t[k:k + 2], 0) >= COMMON_PART for k in range(start, end - 1)) and not surnamed(
                    cues.reader, t, start, end, score):
                continue  # "充分发挥": words, not a name
            if words.get(t[end - 1:end + 1], 0) >= COMMON_PART and t[start + 1:end] not in cues.given_names_also_words:
                continue  # "查询平(台)": the span ends inside a word
            if t[end - 1] in FUNCTION_LAST and end < len(t) and is_cjk(t[end]):
                continue  # "(儿)童和(吸毒)": a conjunction ends it, another word follows
            if t[end - 1] in ORG_LAST or t[end:end + 1] in ORG_LAST or t[start:end] in cues.roles:
                continue  # "麻醉科", "王岗(镇)", a role word
            if BODY_AFTER_RE.match(t, end) or not_a_name_cell(cues, fld, start) or any(
                    h.start < end and start < h.end for tag in ATTRIBUTE_TAGS for h in fld.tagged_between(tag, start - 6, end + 6)):
                continue  # "盛乐(中学)", "武卫健(〔2024〕)", a street's cell, "艾滋(病)": a body, a number, a condition
            if cues.official_before(fld, start) or cues.official_after(fld, end) or cues.company_after(fld, end):
                continue
            # a role's label reaches a name in its window unless a clause ends between ("由祖母抚养，基本生活费…")
            k = bisect.bisect_right(starts, start)
            found = [(a, kw) for a, b, _, kw in sorted(mine[max(0, k - LABEL_REACH):k], key=lambda m: m[2]) if a <= start < b]
            # ("儿童福利股　填报人：黄某": another label's colon between, the name is that label's)
            head, label = next(((a, kw) for a, kw in found if not kw.get("_sure_only") and not CLAUSE_END_RE.search(t, a, start)
                                and not LABEL_COLON_RE.search(t, a + 1, start)), (start, None))
            if label is not None and label["cue"] == "list" and not _heads_item(t, head, start):
                label = None  # "以上资金已通过惠民惠(农)…": a list's name heads its item (after a place at most)
            if label is None and score < SURE and any(kw.get("_sure_only") for _, kw in found):
                continue  # only a window before a statement that may be policy language asked about it
            if ((label is None or label["cue"] == "list") and score < SURE and end - start == 2
                    and not (t[start] in cues.reader.single or t[start:start + 2] in cues.reader.double
                             or t[start:start + 2] in cues.reader.initials)):
                continue  # "大坪", "停保": two characters with no surname — unless a role vouches or the model is sure
            label = label or {"cue": "tagger"}
            mentions.add(PersonMention(name, start, end, t[start:end], score=score, **label))



ITEM_LEAD_RE = re.compile(r"(?:" + PLACE_RE.pattern + r")?[ \t\u3000，,、│┃|｜]*")
"""What may stand between the head of a list's item and its name: a place ("青石社区　")."""


def _heads_item(t: str, head: int, start: int) -> bool:
    """The name at ``start`` heads the item that begins at ``head``."""
    return ITEM_LEAD_RE.fullmatch(t, head, start) is not None


def surnamed(reader, t: str, start: int, end: int, score: float) -> bool:
    """Whether the span is a surname and a two-character given name the model is sure of (not a title:
    "张女士")."""
    return (score >= SURE and end - start == 3 and t[start] in reader.single and t[start] not in reader.weak
            and reader.words.get(t[start:start + 2], 0) < COMMON_PART and t[start + 1:end] not in TITLES)


def _near(mentions, field: str, start: int, end: int):
    for k in range(start - 8, end):
        p = mentions.get((field, k))
        if p is not None:
            yield p
