"""A name on the same line as a personal identifier, before it: the identifier's holder.

"· 马振华 612727197604052190 24,300元", "当事人：孙立新；护照号码：E86302174", "经营者王玉兰，经营者身份证号
6201…", "韩建军（男，6101…）": a person's ID, passport, permit, bank card or mobile written beside a name
says who holds it, so the name identifies a private person as much as the number does (条例 §15). The
identifiers are stage 0's findings (``doc.found``); this finder reads a name in the few characters before each one
where no other finder read one, and :func:`holders` tells the decision which mention holds which
identifier (the nearest before it, on its line, in its sentence, after the identifier before it).
"""

from __future__ import annotations

import re

from .context import BARE_WORD_OPENING, FOLLOW, OPENING, someone_else
from .mention import PersonMention

IDENTITY_TYPES = {"id_card": "身份证号码", "passport": "护照号码", "hk_macau_permit": "通行证号码",
                  "bank_card": "银行卡号"}
"""Identifiers that belong to one person (not an enterprise's account, a landline or an address)."""
REACH = 40
"""The holder's name stands this close before the identifier ("马俊杰（男，2000年2月28日出生，公民身份号码…")."""
LEAD_RE = re.compile(r"[ \t\u3000|｜·•●▪\-—]*(?:[（(]?[0-9一二三四五六七八九十]{1,3}[）).．、]?[ \t\u3000|｜]*)?")
"""What opens a row before its name: spaces, a table's bar, a bullet, an item's number."""
NAME_END_RE = re.compile(r"身份|公民|护照|证件|手机|电话|联系|男|女|[\u4e00-\u9fff]{0,4}(?:卡号|账号)")
"""Besides punctuation or the identifier itself, what may follow the holder's name: the identifier's label, the
holder's sex — not other digits ("桂北渔62158": a vessel's number, not a name)."""


def identifiers(found) -> list:
    """Stage 0's personal identifiers that will be redacted, in text order per field."""
    return sorted((r for r in found if r.type in IDENTITY_TYPES and r.action == "redact" and r.score >= 0.5
                   and not r.shield), key=lambda r: (r.field, r.start))


def windows(doc):
    """``(field, left, identifier)``: where the holder of each identifier is written (``[left, start)``)."""
    prev: tuple[str, int] = ("", 0)
    for r in identifiers(doc.found):
        fld = doc.get(r.field)
        t = fld.text
        left = max(t.rfind("\n", 0, r.start) + 1, fld.segments.sentence(r.start)[0], r.start - REACH,
                   prev[1] if prev[0] == r.field else 0)
        prev = (r.field, r.end)
        if left < r.start:
            yield fld, left, r


def beside_identifiers(cues, doc, mentions) -> None:
    """The first name read in the window before each identifier where no finder read one."""
    reader = cues.reader
    words = reader.words
    for fld, left, r in windows(doc):
        t = fld.text
        if any((fld.name, k) in mentions for k in range(left, r.start)):
            continue
        lead = LEAD_RE.match(t, left, r.start).end()
        opens = [lead] + [k + 1 for k in range(lead, r.start - 2) if t[k] in OPENING]
        for p in opens:
            got = reader.read(t, p, allow_masked=False, after_word=p == lead)
            if not got or got[0] > r.start:
                continue
            end = got[0]
            if not (end == r.start or t[end] in FOLLOW or NAME_END_RE.match(t, end)):
                continue
            g = p + (2 if t[p:p + 2] in reader.double else 1)
            if words.get(t[p:g + 1], 0) >= BARE_WORD_OPENING or someone_else(cues, fld, p, end):
                continue
            if mentions.add(PersonMention(fld.name, p, end, t[p:end], cue="identity")):
                break


def holders(doc) -> dict[tuple[str, int], str]:
    """``{mention key: what it holds}``: the mention nearest before each identifier in its window."""
    out: dict[tuple[str, int], str] = {}
    persons = doc.persons
    for fld, left, r in windows(doc):
        near = persons.nearest(fld.name, r.start, left, r.start, 1, keep=lambda p: p.end <= r.start and p.start >= left)
        if near:
            out.setdefault(near[0].key, IDENTITY_TYPES[r.type])
    return out
