"""The engine-owned registry: recognizers, the one combined candidate regex and the one automaton.

Each field is read a bounded number of times whatever the number of recognizers: one
``finditer`` of the combined regex (named group per candidate shape), one Aho-Corasick pass
over every lexicon/context/trigger word, and one pass for sentence/clause boundaries. Every
occurrence is kept (no per-word cap): the work is bounded in total instead (``budget.py``).
"""

from __future__ import annotations

import itertools
import re
from typing import Iterable

import ahocorasick_rs

from . import budget
from .address import AddressRecognizer
from .bank import BankAccountRecognizer, BankCardRecognizer
from .base import Candidate, Recognizer, Result
from .document import Document, FieldText, FoundIndex, Hit
from .email import EmailRecognizer
from .enforcement import EnforcementRecordRecognizer
from .evaluation import PersonalEvaluationRecognizer
from .id_card import IdCardRecognizer
from .lexicon import Lexicon
from .lexicon_terms import LexiconTermRecognizer
from .markings import (DraftMarkingRecognizer, InternalMarkingRecognizer, SecrecyMarkingRecognizer,
                       TradeSecretMarkingRecognizer)
from .org_code import OrgCodeRecognizer, UsccRecognizer
from .persons import PersonIndex, PersonNameRecognizer
from .persons.context import ATTRIBUTE_TAGS
from .persons.minors import MinorRecognizer
from .phone import LandlineRecognizer, MobileRecognizer
from .plate import PlateRecognizer
from .price_breakdown import BidPriceBreakdownRecognizer
from .privacy_context import (CriminalRecordRecognizer, HealthRecognizer, ReligionRecognizer,
                              SocialAssistanceRecognizer)
from .process import MeetingMinutesRecognizer, RequestReportRecognizer
from .settings import RiskSettings
from .shapes import combined
from .travel_documents import HkMacauPermitRecognizer, PassportRecognizer

SPACES = frozenset(" \t\u3000")
SPACED_LINE_RE = re.compile(r"(?m)^[ \t\u3000]*(?:[\u4e00-\u9fff][ \u3000]{1,3}){2,20}[\u4e00-\u9fff][ \t\u3000]*$")
"""A line of single characters parted by spaces, as a heading is printed ("询 问 笔 录", "公　　告")."""
SPACED_LINES = 50
"""Headings are few: a text of nothing but spaced lines has this many read again (the work stays bounded)."""

DEFAULT_RECOGNIZERS: tuple[type[Recognizer], ...] = (
    # identifiers (candidates of the combined regex)
    IdCardRecognizer, UsccRecognizer, OrgCodeRecognizer, MobileRecognizer, LandlineRecognizer,
    BankCardRecognizer, BankAccountRecognizer, PassportRecognizer, HkMacauPermitRecognizer,
    EmailRecognizer, PlateRecognizer, AddressRecognizer,
    # markings and document nature (lexicon triggers)
    SecrecyMarkingRecognizer, TradeSecretMarkingRecognizer, InternalMarkingRecognizer, DraftMarkingRecognizer,
    RequestReportRecognizer, MeetingMinutesRecognizer, EnforcementRecordRecognizer,
    BidPriceBreakdownRecognizer, PersonalEvaluationRecognizer, LexiconTermRecognizer,
    # persons (stage 1) and their attributes (stage 2)
    PersonNameRecognizer, HealthRecognizer, SocialAssistanceRecognizer, CriminalRecordRecognizer, ReligionRecognizer,
    MinorRecognizer,
)

_ASCII_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


MASK_AFTER_RE = re.compile(r" ?[*＊]")
"""Right after a digit run: a mask goes on with the number (its visible head, not a number of its own)."""


def _overrides(recognizer: Recognizer, method: str) -> bool:
    """The recognizer's class defines ``method`` itself (the base one does nothing)."""
    return getattr(type(recognizer), method) is not getattr(Recognizer, method)


class RecognizerRegistry:
    """Recognizers plus the scanners built from what they declare (``SHAPES``, words).

    Recognizers can be added and removed (``add``/``remove``); the scanners are rebuilt from what the
    remaining recognizers declare.
    """

    def __init__(self, recognizers: Iterable[Recognizer], lexicon: Lexicon, second_reading=None):
        self.recognizers: list[Recognizer] = list(recognizers)
        self.lexicon = lexicon
        self.second_reading = second_reading  # a SecondReading (second_reading.py) or None
        self._build()

    @classmethod
    def default(cls, lexicon: Lexicon, settings: RiskSettings, name_tagger=None,
                second_reading=None) -> "RecognizerRegistry":
        """The default recognizers; ``name_tagger`` (a name model) goes to the person recognizer,
        ``second_reading`` (second_reading.py) reads again the triggers of the recognizers that take part,
        and the addresses the address rules leave."""
        def build(c):
            if c is PersonNameRecognizer:
                return c(lexicon, settings, name_tagger=name_tagger, second_reading=second_reading)
            if c is AddressRecognizer:
                return c(lexicon, settings, second_reading=second_reading)
            return c(lexicon, settings)

        return cls((build(c) for c in DEFAULT_RECOGNIZERS if second_reading is not None or not c.MODEL_ONLY), lexicon,
                   second_reading)

    # ---- membership ----------------------------------------------------------------------------
    def add(self, recognizer: Recognizer) -> None:
        """Add a recognizer (an agency's own, or a replacement after :meth:`remove`)."""
        self.recognizers.append(recognizer)
        self._build()

    def remove(self, type_or_class) -> int:
        """Remove the recognizers of a finding ``TYPE`` (``"plate"``) or of a class; returns how many."""
        before = len(self.recognizers)
        self.recognizers = [r for r in self.recognizers if not (
            r.TYPE == type_or_class or (isinstance(type_or_class, type) and isinstance(r, type_or_class)))]
        self._build()
        return before - len(self.recognizers)

    def get(self, type_: str) -> Recognizer | None:
        return next((r for r in self.recognizers if r.TYPE == type_), None)

    def _build(self) -> None:
        shapes = sorted({s for r in self.recognizers for s in r.SHAPES})
        self._shape_re = re.compile(combined(shapes)) if shapes else None
        tags: dict[str, set[str]] = {}
        for r in self.recognizers:
            for tag, words in r.words().items():
                for w in words:
                    if w:
                        tags.setdefault(w, set()).add(tag)
        for w in self.lexicon.exempt:
            tags.setdefault(w, set()).add("exempt")
        # One automaton for every word (ahocorasick-rs: the Rust aho-corasick crate, overlapping matches).
        self._words = [(w, frozenset(ts)) for w, ts in tags.items()]
        self._automaton = (ahocorasick_rs.AhoCorasick([w for w, _ in self._words],
                                                      matchkind=ahocorasick_rs.MATCHKIND_STANDARD)
                           if self._words else None)
        self._edge = [w[0] in _ASCII_ALNUM or w[-1] in _ASCII_ALNUM for w, _ in self._words]
        self.trigger_tags = frozenset(f"trigger:{r.TYPE}" for r in self.recognizers)
        # a person cue or a private statement: the rules read a name around it
        self.person_tags = frozenset({"trigger:person_name", *ATTRIBUTE_TAGS}) & self.trigger_tags
        # the recognizers whose triggers the second reading reads again; each of their trigger words costs that
        # reading too, unless it is a private statement (its person-cue weight covers the reading, and in a real
        # list the rules tie almost every statement to someone, so it is never read again)
        self._rereaders = {r for r in self.recognizers if r.SECOND_READING} if self.second_reading is not None else set()
        self._reread_always = frozenset(f"trigger:{r.TYPE}" for r in self._rereaders) - self.person_tags
        self._weights: dict[frozenset, int] = {}
        self._units = [self.weight(ts) for _, ts in self._words]
        self._workers = [r for r in self.recognizers if _overrides(r, "work")]
        # a field's budget grows by the most the workers may spend per character (budget.allowed)
        self.work_per_char = sum(r.work_per_char for r in self._workers)
        # units per candidate shape: the budget's, plus what a recognizer's own reading of it adds
        self.candidate_weight = dict(budget.CANDIDATE_WEIGHT)
        for r in self.recognizers:
            for shape, units in r.candidate_work.items():
                self.candidate_weight[shape] = self.candidate_weight.get(shape, 1) + units
        self._longest = max((len(w) for w, _ in self._words), default=0)
        self.stages = sorted({r.STAGE for r in self.recognizers})
        self._staged = [[(r, f"trigger:{r.TYPE}") for r in self.recognizers if r.STAGE == stage] for stage in self.stages]
        self._person_finders = [r for r in self.recognizers if _overrides(r, "find_persons")]
        self._finishing = [r for r in self.recognizers if _overrides(r, "finish")]

    # ---- work (budget.py) ----------------------------------------------------------------------
    def weight(self, tags: frozenset[str]) -> int:
        """The units of one occurrence of a word with ``tags`` (one per distinct tag set); a trigger the second
        reading reads again costs that reading too (not a private statement: see ``_build``)."""
        w = self._weights.get(tags)
        if w is None:
            w = budget.weight(tags, self.trigger_tags, self.person_tags)
            if w and not tags.isdisjoint(self._reread_always):
                w += budget.SECOND_READING_WEIGHT
            self._weights[tags] = w
        return w

    def work(self, fld: FieldText, title: FieldText | None = None) -> list[tuple[int, int]]:
        """``(position, units)`` the recognizers will spend in ``fld`` beyond its hits and candidates
        (``Recognizer.work``; ``title``: the title's field when ``fld`` is the body)."""
        return [w for r in self._workers for w in r.work(fld, title)]

    # ---- scanning ------------------------------------------------------------------------------
    def scan(self, fld: FieldText) -> int | None:
        """Fill ``fld.candidates`` (one regex pass) and ``fld.hits`` (one automaton pass).

        No word or shape is capped; the total work is (``budget.py``): each pass stops once its units
        exceed the field's budget, and the position where it stopped is returned (``None``: the
        whole field was scanned). Everything before that position is complete."""
        t = fld.text
        allowed = budget.allowed(len(t))  # the rules' own allowance (budget.cut)
        stop: int | None = None
        candidates: list[Candidate] = []
        if self._shape_re is not None:
            spent = 0
            weights = self.candidate_weight
            for m in self._shape_re.finditer(t):
                shape = m.lastgroup
                spent += weights.get(shape, 1)
                if spent > allowed:
                    stop = m.start()
                    break
                if shape == "number" and MASK_AFTER_RE.match(t, m.end()) and "\n" not in m.group():
                    continue  # "6230 5800 **** **** 612": the visible head of a masked number, no number of its own
                    # (a run across lines is read by its lines: the masked head is only its last)
                candidates.append(Candidate(shape, m.start(), m.end(), m.group()))
        fld.candidates = candidates
        hits: list[Hit] = []
        if self._automaton is not None and t:
            n = len(t)
            words, edge, unit = self._words, self._edge, self._units
            new_hit = tuple.__new__  # a Hit without the NamedTuple constructor's Python frame
            spent = 0
            for index, start, end in self._automaton.find_matches_as_indexes(t, overlapping=True):
                term, tags = words[index]
                if edge[index]:
                    if term[0] in _ASCII_ALNUM and start > 0 and t[start - 1] in _ASCII_ALNUM:
                        continue
                    if term[-1] in _ASCII_ALNUM and end < n and t[end] in _ASCII_ALNUM:
                        continue
                spent += unit[index]
                if spent > allowed:
                    # matches come by end position: every hit starting before this one's end, less the
                    # longest word, has been seen
                    at = max(0, end - self._longest)
                    stop = at if stop is None else min(stop, at)
                    break
                hits.append(new_hit(Hit, (start, end, term, tags)))
            if stop is None:
                hits.extend(self._spaced_line_hits(t))
        fld.set_hits(hits)
        return stop

    def _spaced_line_hits(self, t: str) -> list[Hit]:
        """The words of a heading printed with spaces between its characters ("询 问 笔 录", "立 案 审 批 表"):
        the line is read again without its spaces, and each word found spans its spaced characters."""
        if " " not in t and "\u3000" not in t:
            return []
        out: list[Hit] = []
        words = self._words
        for m in itertools.islice(SPACED_LINE_RE.finditer(t), SPACED_LINES):
            at = [k for k in range(m.start(), m.end()) if t[k] not in SPACES]
            compact = "".join(t[k] for k in at)
            for index, start, end in self._automaton.find_matches_as_indexes(compact, overlapping=True):
                term, tags = words[index]
                out.append(Hit(at[start], at[end - 1] + 1, term, tags))
        return out

    # ---- analysis ------------------------------------------------------------------------------
    def _reread(self, rec: Recognizer, doc: Document, fld: FieldText, hit: Hit, found) -> list[Result]:
        """The second reading of one trigger (second_reading.py): what the rules left is reported when the
        model reads it as a finding of ``rec``'s type; for a ``"both"`` recognizer, what they reported is
        withdrawn when the model is sure it is none."""
        found = list(found)
        model = self.second_reading
        mine = [r for r in found if r.type == rec.TYPE]
        if (mine and rec.SECOND_READING != "both" and not model.READS_REPORTED) or not rec.rereads(fld, hit):
            return found
        left = fld.memo.get("trigger_readings")
        if left is None:
            left = budget.trigger_readings(len(fld.text))
        if left <= 0:
            return found  # (bounded: past the allowance the rules' reading stands)
        fld.memo["trigger_readings"] = left - 1
        p = model.read(rec.TYPE, doc, fld, hit, bool(mine), rec.reading_features(fld, hit), found=mine)
        if p is None:
            return found
        if mine:
            if rec.SECOND_READING == "both" and p < model.drop_below:
                return [r for r in found if r.type != rec.TYPE]
            return found
        if p >= model.threshold:
            start, end = rec.second_reading_span(doc, fld, hit)
            found.append(rec.second_result(fld, start, end, hit, p))
        return found

    def analyze(self, doc: Document) -> list[Result]:
        results: list[Result] = []
        # Only fields with something in them, and per field only the candidate shapes it holds:
        # a title-only record costs a few dozen calls, not one per recognizer, field and shape.
        active = []
        for fld in doc.fields:
            if not (fld.candidates or fld.hits):
                continue
            groups: dict[str, list[Candidate]] = {}
            for cand in fld.candidates:
                groups.setdefault(cand.shape, []).append(cand)
            active.append((fld, groups))
        for stage, recognizers in zip(self.stages, self._staged):
            for rec, tag in recognizers:
                for fld, groups in active:
                    if groups:
                        for shape in rec.SHAPES:
                            for cand in groups.get(shape, ()):
                                results.extend(rec.analyze_candidate(doc, fld, cand))
                    if rec in self._rereaders:
                        for hit in fld.by_tag.get(tag, ()):
                            results.extend(self._reread(rec, doc, fld, hit, rec.analyze_trigger(doc, fld, hit)))
                    else:
                        for hit in fld.by_tag.get(tag, ()):
                            results.extend(rec.analyze_trigger(doc, fld, hit))
            if stage == 0:
                # what the identifiers and markings reported, read-only for the later stages
                doc.found = FoundIndex(results)
            if stage == 1:
                # the typed hand-off: stage 1's mentions become the read-only persons of stage 2
                doc.persons = PersonIndex(p for rec in self._person_finders for p in rec.find_persons(doc))
        for rec in self._finishing:
            results.extend(rec.finish(doc, results))
        return results
