"""Repeated dismissals as an agency lexicon to review: the ``[exempt]`` table of the agency lexicon format.

A text dismissed in at least ``min_records`` different records (a record id, or the same content)
is proposed as an exempt string, with a comment saying how often, by whom and why, so the person
responsible can delete a line before the file is used (``gongkai check --lexicon FILE``,
``RiskSettings(lexicon_paths=...)``). Dismissals of a secrecy marking (国家秘密) are never proposed.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .store import LOCAL_TZ, ReviewStore

NEVER_EXEMPT = frozenset({"state_secret"})
MIN_CHARS = 2
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass
class Candidate:
    text: str
    records: set[str] = field(default_factory=set)
    dismissals: int = 0
    who: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)


@dataclass
class Proposal:
    exempt: list[Candidate]
    below_threshold: int = 0
    without_text: int = 0
    never_exempt: int = 0


def propose(store: ReviewStore, min_records: int = 2) -> Proposal:
    """The exempt strings the dismissals support, most dismissed first."""
    candidates: dict[str, Candidate] = {}
    result = Proposal([])
    for dismissal, review in store.events("dismissal"):
        finding = review["findings"][dismissal["finding"]]
        text = (dismissal["text"] or "").strip()
        if finding["ground"] in NEVER_EXEMPT:
            result.never_exempt += 1
            continue
        if len(text) < MIN_CHARS:
            result.without_text += 1
            continue
        c = candidates.setdefault(text, Candidate(text))
        c.records.add(review["id"] or review["content_sha256"])
        c.dismissals += 1
        for values, value in ((c.who, dismissal["by"]), (c.reasons, dismissal["reason"]), (c.types, finding["type"])):
            if value and value not in values:
                values.append(value)
    for c in sorted(candidates.values(), key=lambda c: (-len(c.records), -c.dismissals, c.text)):
        if len(c.records) >= min_records:
            result.exempt.append(c)
        else:
            result.below_threshold += 1
    return result


def toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's, plus DEL)."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007F")


def _comment(value: str) -> str:
    return _CONTROL.sub(" ", value).strip()


def render(proposal: Proposal, min_records: int) -> str:
    now = datetime.now(LOCAL_TZ).strftime("%Y-%m-%d %H:%M")
    lines = [
        f"# 本单位豁免词表（待复核）：由 gongkai reviews exemptions 根据审查记录中的驳回生成，{now}（北京时间）。",
        f"# 收录在至少 {min_records} 条不同记录中被驳回的文本；这些字符串出现处今后不再标出任何发现。",
        "# 请逐条复核，删去不应豁免的行后再使用：gongkai check 草稿.txt --lexicon 本文件",
        "# 国家秘密（密级标志）的驳回不会进入本表。",
        "",
        "[exempt]",
        "terms = [",
    ]
    for c in proposal.exempt:
        why = "；".join(_comment(r) for r in c.reasons[:3])
        lines.append(f"  {toml_string(c.text)},  # {len(c.records)} 条记录中驳回 {c.dismissals} 次（"
                     f"{'、'.join(_comment(w) for w in c.who[:5])}）；类型 {'、'.join(c.types)}；理由：{why}")
    lines.append("]")
    return "\n".join(lines) + "\n"


def write(proposal: Proposal, out: str | Path, min_records: int) -> None:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(render(proposal, min_records))
    os.replace(tmp, out)

