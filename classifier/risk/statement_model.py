"""A learned second reading of private statements the rules could not tie to a person.

The attribute recognizers (health, social assistance, criminal record, religion:
``privacy_context.py``) report a statement only when the rules tie it to a person they found in
its sentence. When they do not, this model reads the words around the statement, the persons the
document names near it, the shape of its line and the title, and says how likely the statement
is still about someone ("…村村民，因患尿毒症，家庭生活困难…" with the name written in a way no
finder reads). Above the bundle's threshold the statement is reported, with a reason that says a
model judged it, for a person to confirm. The address recognizer asks it the same about an
address its rules do not take for a home (a :class:`Place`, with the rules' cues as extra features).

The model is a logistic regression over binary features (:func:`features`), stored as JSON
(``statements.json`` in the model bundle: weights, bias, threshold; built by
``gongkai train-statements``, code in ``training/statements.py``). It is trained on every statement
of the labelled sets, those the rules report too (they teach what a statement about someone looks
like); it is asked only about those the rules left alone. Scoring is a sum of dictionary look-ups.
"""

from __future__ import annotations

import json
import math
import re
from itertools import repeat
from pathlib import Path
from typing import Any, NamedTuple, Sequence

from ..errors import ModelError

FORMAT = "gongkai-statements-1"
CONTEXT = 6
"""Characters read on either side of the statement word."""
LINE_REACH = 120
"""How far the statement's line is read on either side (a line without end is not read to its end).
Every reach is bounded: the features of one statement cost the same whatever the length of the text."""
SENTENCE_REACH = 100
"""The sentence and clause are read this far on either side (a text without punctuation is no sentence)."""
TITLE_REACH = 100
TABLE_RE = re.compile(r"[|｜\t]")
NUMBERED_RE = re.compile(r"[ \t\u3000]*[0-9０-９一二三四五六七八九十]{1,4}[、.．]")
"""A numbered line: "3、", "12．"."""


def _distance(d: int) -> str:
    return "0" if d <= 1 else "s" if d < 6 else "m" if d < 20 else "l"


class Place(NamedTuple):
    """A statement that is no trigger word: an address read from its house number."""

    start: int
    end: int
    term: str


def features(kind: str, doc, fld, hit, reported: bool = False, title: bool = True, extra: Sequence[str] = ()) -> list[str]:
    """The binary features of statement ``hit`` (a trigger word or a :class:`Place` of recognizer type ``kind``)
    in ``fld``; ``reported``: whether the rules reported it (the model is trained on both, asked about the rest);
    ``title``: with the title's features (:func:`title_features`, the same for every statement of a draft);
    ``extra``: what the recognizer's rules weighed (an address's cues)."""
    t = fld.text
    s, e = hit.start, hit.end
    out = [f"ty={kind}", f"term={hit.term}", f"fld={fld.name}", f"{kind}.out={'y' if reported else 'n'}"]
    left = t[max(0, s - CONTEXT):s]
    right = t[e:e + CONTEXT]
    n = len(left)
    for i in range(n):
        ch = left[n - 1 - i]
        if i < 3:
            out.append(f"L{i}={ch}")
        out.append(f"Lb={ch}")
        if i < n - 1:
            out.append(f"L2={left[i:i + 2]}")
    for i, ch in enumerate(right):
        if i < 3:
            out.append(f"R{i}={ch}")
        out.append(f"Rb={ch}")
        if i < len(right) - 1:
            out.append(f"R2={right[i:i + 2]}")
    sl, sr = fld.segments.sentence(s, e)
    sl, sr = max(sl, s - SENTENCE_REACH), min(sr, e + SENTENCE_REACH)
    cl, cr = fld.segments.clause(s, e)
    cl, cr = max(cl, s - SENTENCE_REACH), min(cr, e + SENTENCE_REACH)
    persons = doc.persons
    out.append(f"{kind}.psent={min(len(persons.between(fld.name, sl, sr)), 3)}")
    out.append(f"{kind}.pclause={min(len(persons.between(fld.name, cl, cr)), 2)}")
    out.append(f"{kind}.pdoc={min(len(persons.mentions), 5)}")
    before = persons.between(fld.name, max(0, s - 60), s)
    out.append(f"pbefore60={min(len(before), 2)}")
    if before:
        last = before[-1]
        out.append(f"{kind}.dprev={_distance(s - last.end)}")
        out.append(f"prev.cue={(last.cue or '-')[:6]}")
        out.append(f"prev.masked={last.masked}")
    lo = max(0, s - LINE_REACH)
    line_start = t.rfind("\n", lo, s) + 1
    line_end = t.find("\n", e, e + LINE_REACH)
    line_end = min(len(t), e + LINE_REACH) if line_end < 0 else line_end
    numbered = (line_start > 0 or lo == 0) and NUMBERED_RE.match(t, line_start, line_end) is not None
    out.append(f"table={TABLE_RE.search(t, line_start or lo, line_end) is not None}")
    out.append(f"numbered={numbered}")
    out.append(f"sentlen={min((sr - sl) // 20, 5)}")
    out.extend(extra)
    if title:
        out.extend(title_features(doc.get("title").text))
    return out


def title_features(title: str) -> list[str]:
    """The character pairs of the title's first :data:`TITLE_REACH` characters."""
    title = title[:TITLE_REACH]
    return [f"T2={title[i:i + 2]}" for i in range(len(title) - 1)]


class StatementModel:
    """Weights of a logistic regression over :func:`features`, and the threshold to report at."""

    READS_REPORTED = False
    """Asked only about statements the rules left unreported (training's recorder reads them all)."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float):
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self._title: tuple[str, float] = ("", 0.0)  # the last title read and its features' weight

    def _sum(self, feats: list[str]) -> float:
        return math.fsum(map(self.weights.get, feats, repeat(0.0, len(feats))))

    @staticmethod
    def _sigmoid(z: float) -> float:
        return 1.0 / (1.0 + math.exp(-z)) if z > -40 else 0.0

    def probability(self, feats: list[str]) -> float:
        return self._sigmoid(self.bias + self._sum(feats))

    def _title_weight(self, title: str) -> float:
        """The weight of a title's features, read once per draft (the last title is kept: one tuple,
        replaced whole, so threads sharing the model never see half of one)."""
        seen, weight = self._title
        if seen != title:
            weight = self._sum(title_features(title))
            self._title = (title, weight)
        return weight

    def says_about_person(self, kind: str, doc, fld, hit, reported: bool = False, extra: Sequence[str] = ()) -> float | None:
        """The model's probability when it is at least the threshold, else ``None``."""
        z = self.bias + self._sum(features(kind, doc, fld, hit, reported, title=False, extra=extra))
        p = self._sigmoid(z + self._title_weight(doc.get("title").text))
        return p if p >= self.threshold else None

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "bias": self.bias, "threshold": self.threshold,
                "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_json(cls, data: Any) -> "StatementModel":
        if (not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("weights"), dict)
                or not isinstance(data.get("bias"), (int, float)) or not isinstance(data.get("threshold"), (int, float))):
            raise ModelError("陈述判断模型文件格式不对（应为 gongkai-statements-1 的 JSON）。", "model_invalid")
        weights = data["weights"]
        if not all(isinstance(k, str) and isinstance(v, (int, float)) for k, v in weights.items()):
            raise ModelError("陈述判断模型文件中的权重不是“特征 → 数值”。", "model_invalid")
        return cls({k: float(v) for k, v in weights.items()}, float(data["bias"]), float(data["threshold"]))

    @classmethod
    def load(cls, path: Path) -> "StatementModel":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"无法读取陈述判断模型文件 {path}：{exc}", "model_invalid") from exc
        return cls.from_json(data)
