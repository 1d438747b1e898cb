"""A learned second reading of what the rules leave, and of some of what they report.

The rules decide with words and positions; where they are unsure they often decide wrongly. Each
recognizer that takes part (``Recognizer.SECOND_READING``) has its trigger words read once more by
one logistic model: the words either side, the persons the document names near it and how far
away, the shape of its line (a table row, a numbered line), the sentence's length, the title's
character pairs, and what the rules decided.

- ``"add"`` (health, social assistance, criminal record, religion; secrecy markings): what the rules
  leave is reported when the model reads it as a finding all the same — a statement the rules tie to no
  person ("…村村民，因患尿毒症，家庭生活困难…" with the name written in a way no finder reads). A secrecy
  marking is never withdrawn.
- ``"both"`` (other markings, process and enforcement records, price breakdowns, evaluations): also a
  finding the rules report is withdrawn when the model is sure it is nothing (``drop_below``).
- The address recognizer asks it about an address its rules do not take for a home (a
  :class:`Place`, with the rules' cues as extra features).
- The person recognizer (persons/recognizer.py) asks it about every name its finders read, once the rules have
  decided it (a :class:`Place` over the name, the rules' cues and decision as extra features, in a feature space of
  its own): a name the rules leave is reported as a private name where the model reads one, a private name they
  report is withdrawn where it is sure it is none (a child's or a whistleblower's name is never asked about).
- The minor recognizer (persons/minors.py) has no rules of its own: the ages and grades it reads are reported
  when the model reads them as a child's (``"add"``, in a feature space of its own: :data:`OWN_FEATURES`).

What the model adds carries a reason that says a model judged it, for a person to confirm. It is a
JSON weight table in the model bundle (``second_reading.json``: weights, bias, thresholds; built by
``gongkai train-second-reading``, code in ``training/second_reading.py``), trained on every trigger
of the labelled sets, reported or not.
"""

from __future__ import annotations

import json
import math
import re
from itertools import repeat
from pathlib import Path
from typing import Any, NamedTuple, Sequence

from ..errors import ModelError

FORMAT = "gongkai-second-reading-1"
CONTEXT = 6
"""Characters read on either side of the trigger word."""
LINE_REACH = 120
"""How far the trigger's line is read on either side (a line without end is not read to its end).
Every reach is bounded: the features of one trigger cost the same whatever the length of the text."""
SENTENCE_REACH = 100
"""The sentence and clause are read this far on either side (a text without punctuation is no sentence)."""
TITLE_REACH = 100
OWN_FEATURES = frozenset({"minor", "person_name"})
"""Kinds whose features are their own ("minor:L0=4"): an age or a grade says nothing of what a word means for
the other kinds, and sharing their weights moved the others' decisions (held-out ind100–123: fewer right); a
name's neighbourhood is not a trigger word's either."""
TABLE_RE = re.compile(r"[|｜\t]")
NUMBERED_RE = re.compile(r"[ \t\u3000]*[0-9０-９一二三四五六七八九十]{1,4}[、.．]")
"""A numbered line: "3、", "12．"."""


def _distance(d: int) -> str:
    return "0" if d <= 1 else "s" if d < 6 else "m" if d < 20 else "l"


class Place(NamedTuple):
    """What is read that is no trigger word: an address read from its house number."""

    start: int
    end: int
    term: str


def features(kind: str, doc, fld, hit, reported: bool = False, title: bool = True, extra: Sequence[str] = ()) -> list[str]:
    """The binary features of ``hit`` (a trigger word or a :class:`Place` of recognizer type ``kind``)
    in ``fld``; ``reported``: whether the rules reported it (the model is trained on both, asked about the rest);
    ``title``: with the title's features (:func:`title_features`, the same for every trigger of a draft);
    ``extra``: what the recognizer's rules weighed (an address's cues)."""
    t = fld.text
    s, e = hit.start, hit.end
    out = [f"ty={kind}", f"term={hit.term}", f"fld={fld.name}", f"{kind}.out={'y' if reported else 'n'}"]
    left = t[max(0, s - CONTEXT):s][::-1]  # nearest first
    right = t[e:e + CONTEXT]
    out += [f"L{i}={ch}" for i, ch in enumerate(left[:3])]
    out += ["Lb=" + ch for ch in left]
    out += ["L2=" + left[i + 1] + left[i] for i in range(len(left) - 1)]
    out += [f"R{i}={ch}" for i, ch in enumerate(right[:3])]
    out += ["Rb=" + ch for ch in right]
    out += ["R2=" + right[i:i + 2] for i in range(len(right) - 1)]
    sl, sr = fld.segments.sentence(s, e)
    sl, sr = max(sl, s - SENTENCE_REACH), min(sr, e + SENTENCE_REACH)
    persons = doc.persons
    if persons.mentions:
        cl, cr = fld.segments.clause(s, e)
        cl, cr = max(cl, s - SENTENCE_REACH), min(cr, e + SENTENCE_REACH)
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
    else:  # no person in the document (and none yet for the recognizers of stage 0)
        out += [f"{kind}.psent=0", f"{kind}.pclause=0", f"{kind}.pdoc=0", "pbefore60=0"]
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
    if kind in OWN_FEATURES:
        return [out[0], *(kind + ":" + f for f in out[1:])]
    return out


def title_features(title: str, kind: str = "") -> list[str]:
    """The character pairs of the title's first :data:`TITLE_REACH` characters (a kind of :data:`OWN_FEATURES`:
    its own)."""
    title = title[:TITLE_REACH]
    head = kind + ":T2=" if kind in OWN_FEATURES else "T2="
    return [head + title[i:i + 2] for i in range(len(title) - 1)]


class SecondReading:
    """Weights of a logistic regression over :func:`features`; the probability at which an unreported
    trigger is reported (``threshold``) and below which a reported one of a ``"both"`` recognizer is
    withdrawn (``drop_below``)."""

    READS_REPORTED = False
    """Asked about reported triggers only where it may withdraw them (training's recorder reads them all)."""

    def __init__(self, weights: dict[str, float], bias: float, threshold: float, drop_below: float = 0.0):
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.drop_below = drop_below
        self._title: dict[str, tuple[str, float]] = {}  # per feature space: the last title read, its features' weight

    def _sum(self, feats: list[str]) -> float:
        return sum(map(self.weights.get, feats, repeat(0.0, len(feats))))

    @staticmethod
    def _sigmoid(z: float) -> float:
        return 1.0 / (1.0 + math.exp(-z)) if z > -40 else 0.0

    def probability(self, feats: list[str]) -> float:
        return self._sigmoid(self.bias + self._sum(feats))

    def _title_weight(self, title: str, kind: str) -> float:
        """The weight of a title's features, read once per draft and feature space (the last title is kept:
        one tuple, replaced whole, so threads sharing the model never see half of one)."""
        space = kind if kind in OWN_FEATURES else ""
        seen = self._title.get(space)
        if seen is None or seen[0] != title:
            seen = (title, self._sum(title_features(title, kind)))
            self._title[space] = seen
        return seen[1]

    def read(self, kind: str, doc, fld, hit, reported: bool = False, extra: Sequence[str] = (),
             found: Sequence = ()) -> float | None:
        """The probability that the trigger ``hit`` of recognizer type ``kind`` is a finding of that type
        (``None``: no opinion — training's recorder, which labels the rules' results ``found`` for it)."""
        z = self.bias + self._sum(features(kind, doc, fld, hit, reported, title=False, extra=extra))
        return self._sigmoid(z + self._title_weight(doc.get("title").text, kind))

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "bias": self.bias, "threshold": self.threshold, "drop_below": self.drop_below,
                "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_json(cls, data: Any) -> "SecondReading":
        if (not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("weights"), dict)
                or not all(isinstance(data.get(k), (int, float)) for k in ("bias", "threshold", "drop_below"))):
            raise ModelError("二次判读模型文件格式不对（应为 gongkai-second-reading-1 的 JSON）。", "model_invalid")
        weights = data["weights"]
        if not all(isinstance(k, str) and isinstance(v, (int, float)) for k, v in weights.items()):
            raise ModelError("二次判读模型文件中的权重不是“特征 → 数值”。", "model_invalid")
        return cls({k: float(v) for k, v in weights.items()}, float(data["bias"]), float(data["threshold"]),
                   float(data["drop_below"]))

    @classmethod
    def load(cls, path: Path) -> "SecondReading":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelError(f"无法读取二次判读模型文件 {path}：{exc}", "model_invalid") from exc
        return cls.from_json(data)
