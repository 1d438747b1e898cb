"""What every recognizer shares: the candidate and result values and the base class.

A recognizer never scans the text itself. The engine (:mod:`classifier.risk.registry`) reads each
field a bounded number of times — one combined regex for identifier-like candidates, one
Aho-Corasick pass for every lexicon and context word — and hands each recognizer only:

- the candidates of the shapes it declared in ``SHAPES`` (``analyze_candidate``);
- the occurrences of the words it declared in ``TRIGGERS``/``TRIGGER_LISTS`` (``analyze_trigger``);
- after stage 0: what it reported, as the read-only ``doc.found`` (identifiers and markings, by place);
- stage 1 only: the document, to read person mentions (``find_persons``), which the engine hands to
  stage 2 as the read-only ``doc.persons``;
- at the end, the document and everything found so far (``finish``), for document-level rules.

Context checks look at a small character window around a candidate: ``context_score`` raises the
score for ``CONTEXT`` words and lowers it for ``NEGATIVE_CONTEXT`` words found there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable, NamedTuple, Sequence

from .grounds import ARTICLES, GROUND_NAMES

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document, FieldText, Hit
    from .lexicon import Lexicon
    from .settings import RiskSettings


@dataclass(frozen=True)
class Pattern:
    """A named regex with the score a match starts from (Presidio's ``Pattern``)."""

    name: str
    regex: str
    score: float


class Candidate(NamedTuple):
    """A span the combined regex found: ``value`` is the normalised text, ``compact`` without separators."""

    shape: str
    start: int
    end: int
    value: str

    @property
    def compact(self) -> str:
        return self.value.translate(_SEPARATORS)


_SEPARATORS = str.maketrans("", "", " -.·\r\n\t\u3000()（）")
"""What may separate the digit groups of one identifier (see ``shapes.SHAPES["number"]``; brackets only
around an area code)."""


@dataclass(slots=True)
class Result:
    """A recognizer's answer before overlap resolution (mutable: exemptions may lower ``score``)."""

    recognizer: "Recognizer"
    field: str
    start: int
    end: int
    score: float
    reason: str
    type: str = ""
    ground: str = ""
    action: str = ""
    shield: bool = False  # recognised so that it is *not* flagged (USCC, org code): wins overlaps, never reported
    value: bool = True  # an identifier value (competes with overlapping values) vs. a phrase/marking
    mask: bool = True  # propose a masked replacement (if the settings have a style for the type)
    about: tuple = ()  # the person mentions an attribute statement is about (stage 2 -> the person decision)
    learned: bool = False  # added by the second reading (its reason asks a person to confirm a model's judgement)

    def __post_init__(self):
        self.type = self.type or self.recognizer.TYPE
        self.ground = self.ground or self.recognizer.GROUND
        self.action = self.action or self.recognizer.ACTION

    @property
    def article(self) -> str:
        return ARTICLES.get(self.ground, "")

    def overlaps(self, other: "Result") -> bool:
        return self.field == other.field and self.start < other.end and other.start < self.end


@lru_cache(maxsize=4096)
def _reason(label: str, detail: str, ground: str) -> str:
    """The Chinese reason of a result (a long list repeats the same few: built once each)."""
    what = f"{label}（{detail}）" if detail else label
    sep = "" if what.endswith("）") else " "
    return f"{what}{sep}— {GROUND_NAMES[ground]}，条例{ARTICLES[ground]}"


class Recognizer:
    """Base class: one small subclass per kind of finding (``TYPE``)."""

    TYPE = ""
    GROUND = "privacy"
    ACTION = "review"
    LABEL = ""  # Chinese name of what is found, used in reasons
    SHAPES: tuple[str, ...] = ()
    TRIGGERS: tuple[str, ...] = ()
    TRIGGER_LISTS: tuple[str, ...] = ()
    CONTEXT: tuple[str, ...] = ()
    NEGATIVE_CONTEXT: tuple[str, ...] = ()
    PATTERNS: tuple[Pattern, ...] = ()
    STAGE = 0  # 0: identifiers and markings; 1: persons (find_persons); 2: attributes of persons (Result.about)
    VALUE = True  # findings are identifier values (compete in overlap resolution)
    CONTEXT_BOOST = 0.2
    CONTEXT_PENALTY = 0.4

    work_per_char: float = 0
    """What :meth:`work` adds to a field's allowance per character (units, ``budget.py``)."""
    candidate_work: dict[str, int] = {}
    """Units this recognizer adds to a candidate of a shape beyond the budget's weight (``budget.py``)."""
    SECOND_READING = ""
    """Whether a second-reading model (second_reading.py) reads this recognizer's trigger words again: ``"add"``
    (what the rules leave), ``"both"`` (and withdraws what they report when it is sure it is nothing), or ``""``."""
    MODEL_ONLY = False
    """No rules of its own: only a second reading reports anything (left out of a registry without a model)."""
    SAMPLES_ARE_NOBODYS = True
    """A value of this identifier given as a sample of its format ("号码形如C12345678") is nobody's and is not reported
    (the reviewer's ``_sample``); ``False`` where a value that passes its check digit may be a real person's even so."""

    def __init__(self, lexicon: "Lexicon", settings: "RiskSettings"):
        self.lexicon = lexicon
        self.settings = settings
        self.window = settings.context_window
        self._patterns = [(p, re.compile(p.regex)) for p in self.PATTERNS]
        self.context = frozenset(self.CONTEXT)
        self.negative_context = frozenset(self.NEGATIVE_CONTEXT)

    # ---- hooks -------------------------------------------------------------------------------
    def words(self) -> dict[str, Iterable[str]]:
        """Words this recognizer wants found, by tag (the engine puts them all in one automaton)."""
        trig = set(self.TRIGGERS)
        for name in self.TRIGGER_LISTS:
            trig |= self.lexicon.words(name)
        return {f"trigger:{self.TYPE}": trig, f"context:{self.TYPE}": self.context | self.negative_context}

    def analyze_candidate(self, doc: "Document", fld: "FieldText", cand: Candidate) -> Iterable[Result]:
        return ()

    def analyze_trigger(self, doc: "Document", fld: "FieldText", hit: "Hit") -> Iterable[Result]:
        return ()

    def rereads(self, fld: "FieldText", hit: "Hit") -> bool:
        """Whether the second reading reads the trigger ``hit`` again (where the rules read it at all)."""
        return True

    def reading_features(self, fld: "FieldText", hit: "Hit") -> Sequence[str]:
        """What the rules know of ``hit`` that the second reading's features do not say (an age's value)."""
        return ()

    def second_reading_span(self, doc: "Document", fld: "FieldText", hit: "Hit") -> tuple[int, int]:
        """Where a finding the second reading adds for ``hit`` lies."""
        return hit.start, hit.end

    def second_result(self, fld: "FieldText", start: int, end: int, hit: "Hit", p: float) -> Result:
        """The finding a second reading adds: its reason says a model judged it."""
        return self.result(fld, start, end, round(p, 2), f"“{hit.term}”，模型判断（概率 {p:.2f}），请核实", learned=True)

    def work(self, fld: "FieldText", title: "FieldText | None" = None) -> Iterable[tuple[int, int]]:
        """``(position, units)`` of work this recognizer will do in ``fld`` beyond the weight of its
        trigger words and shapes (``budget.py``), known from the scan alone (the name model's windows),
        for which the field's budget grows by :attr:`work_per_char` per character; ``title`` is the title's field when ``fld`` is the body."""
        return ()

    def find_persons(self, doc: "Document") -> Iterable:
        """Stage 1 only: the person mentions this recognizer reads (the engine hands them all to stage 2); stage 0's
        results are ``doc.found``."""
        return ()

    def finish(self, doc: "Document", results: list[Result]) -> Iterable[Result]:
        """Called once per document after every stage (e.g. to report persons once attributes are linked)."""
        return ()

    # ---- helpers -----------------------------------------------------------------------------
    def match_pattern(self, value: str) -> Pattern | None:
        """The first of ``PATTERNS`` that matches the whole ``value``."""
        for pattern, rx in self._patterns:
            if rx.fullmatch(value):
                return pattern
        return None

    def context_score(self, fld: "FieldText", start: int, end: int, score: float,
                      left: int | None = None, right: int | None = None) -> float:
        """``score`` raised by ``CONTEXT`` and lowered by ``NEGATIVE_CONTEXT`` words in the window."""
        left = self.window if left is None else left
        right = self.window if right is None else right
        terms = fld.terms_between(start - left, end + right) | fld.column_terms(start)
        head = fld.list_head(start) if left else start
        if head < start:  # a listed value has the label of the list's first value (read there, not across the list)
            terms = terms | fld.terms_between(head - left, head)
        positive = bool(self.context) and not terms.isdisjoint(self.context)
        if positive:
            score += self.CONTEXT_BOOST
        if self.negative_context and not terms.isdisjoint(self.negative_context) and not (
                positive and self._negatives_inside_context(fld, start - left, end + right)):
            score -= self.CONTEXT_PENALTY
        return max(0.0, min(1.0, score))

    def _negatives_inside_context(self, fld, lo: int, hi: int) -> bool:
        """Every negative word of the window is part of a longer context word ("联系人" in "紧急联系人")."""
        hits = fld.hits_between(lo, hi)
        context = [h for h in hits if h.term in self.context]
        return all(any(c.start <= h.start and h.end <= c.end and c.end - c.start > h.end - h.start for c in context)
                   for h in hits if h.term in self.negative_context)

    def result(self, fld: "FieldText", start: int, end: int, score: float, detail: str = "", **kw) -> Result:
        """A result with the standard Chinese reason: "<LABEL>（<detail>）— <ground>，条例<article>"."""
        ground = kw.get("ground") or self.GROUND
        label = kw.pop("label", None) or self.LABEL
        return Result(self, fld.name, start, end, score, _reason(label, detail, ground), value=kw.pop("value", self.VALUE), **kw)
