"""Names without a role word in a sentence that states something private about a person:
"同意给予陈美华临时救助金", "何志远因患尿毒症长期透析", "经核实，郑文华信仰天主教",
"青石村张三（…）患…". The rules read a name where one can start (the start of a clause, after a
place or a verb that takes a person) and end (punctuation, a function word, or the private
statement itself); the name model, when there is one, reads these sentences too (see tagger.py).
"""

from __future__ import annotations

import re

import ahocorasick_rs

from ..names import name_boundary
from .mention import PersonMention

ATTRIBUTE_TAGS = ("trigger:health", "trigger:criminal_record", "trigger:religion", "trigger:social_assistance")
PLACE_SUFFIX_RE = re.compile(r"街道|社区|村|镇|乡")
BEFORE_NAME = frozenset("予给向对为将由与和及经据、，,：:；;（( \t\u3000\n“\"")
"""Characters after which a name may begin inside a sentence (a verb taking a person, punctuation)."""


def attribute_sentences(doc):
    """``(field, (left, right))``: the sentences holding a health/assistance/criminal/religion word,
    merged, so that every character is read once however many such words a sentence holds."""
    for fld in doc.fields:
        spans = [fld.segments.sentence(h.start) for tag in ATTRIBUTE_TAGS for h in fld.tagged(tag)]
        for span in merge(spans):
            yield fld, span


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
    attribute_starts = {}
    for fld in doc.fields:
        attribute_starts[fld.name] = {h.start for tag in ATTRIBUTE_TAGS for h in fld.tagged(tag)}
        attribute_starts[fld.name] |= {h.start for h in fld.tagged("list:health_lead")}
    for fld, (sl, sr) in attribute_sentences(doc):
        t = fld.text
        starts = attribute_starts[fld.name]
        places = {m.end() for m in PLACE_SUFFIX_RE.finditer(t, sl, sr)}
        p = sl
        while p < sr:
            if not (p == sl or t[p - 1] in BEFORE_NAME or p in places) or (fld.name, p) in mentions:
                p += 1
                continue
            got = cues.reader.read(t, p, allow_masked=False, after_word=p in places)
            end = got[0] if got else 0
            if got and not (name_boundary(t, end) or end in starts):
                end = end - 1 if end - p == 3 and (name_boundary(t, end - 1) or end - 1 in starts) else 0
            if (got and end > p + 1 and not cues.official_before(fld, p) and not cues.official_after(fld, end)
                    and not cues.company_after(fld, end) and t[p:end] not in cues.roles):
                mentions.add(PersonMention(fld.name, p, end, t[p:end], cue="context"))
                p = end
            else:
                p += 1


def repeats(cues, doc, mentions) -> None:
    """Every other occurrence of a mentioned name is a mention too, so that "周某某今年82岁，患有…"
    links to the 周某某 introduced a sentence earlier. One automaton pass per field, whatever the
    number of names."""
    names: dict[str, PersonMention] = {}
    for p in list(mentions):
        if len(p.name_text) >= 2:
            names.setdefault(p.name_text, p)
    if not names:
        return
    words = list(names)
    automaton = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MATCHKIND_LEFTMOST_LONGEST)
    for fld in doc.fields:
        t = fld.text
        for index, k, end in automaton.find_matches_as_indexes(t):
            src = names[words[index]]
            if ((fld.name, k) not in mentions and (end - k >= 3 or name_boundary(t, end))
                    and not cues.official_before(fld, k) and not cues.official_after(fld, end)):
                mentions.add(PersonMention(fld.name, k, end, t[k:end], cue="repeat",
                                           minor=src.minor and not src.masked, masked=src.masked))
