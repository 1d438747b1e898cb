"""The review: recognizers -> exemptions -> one overlap resolution -> findings, verdict, redacted text."""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass

from . import budget, operators
from .base import Result
from .document import Document, FieldText
from .finding import Finding
from .grounds import ARTICLES, VERDICT_NAMES, VERDICTS, verdict_of  # noqa: F401  (VERDICTS re-exported)
from .lexicon import load_lexicon
from .persons import NameTaggerLike
from .registry import RecognizerRegistry
from .settings import RiskSettings
from .second_reading import SecondReading



@dataclass(frozen=True)
class ReviewResult:
    """Findings sorted by (field, start), the verdict and the de-identified title/body."""

    findings: tuple[Finding, ...]
    verdict: str  # publish | redact | review | withhold
    redacted: dict | None  # {"title": str, "body": str}; None for withhold (nothing is publishable)

    @property
    def verdict_name(self) -> str:
        return VERDICT_NAMES[self.verdict]

    def to_dict(self) -> dict:
        return {"verdict": self.verdict, "verdict_name": self.verdict_name,
                "findings": [f.to_dict() for f in self.findings], "redacted": None if self.redacted is None else dict(self.redacted)}


_PLACE = operator.attrgetter("start", "end")
_FIELD = operator.attrgetter("field")
_PHRASE_ORDER = operator.attrgetter("field", "type", "start")
_BREAK_RE = re.compile("[。；;\n）)]")
"""Two statements of one type do not merge across a sentence end or a closing bracket ("张三（视力一级）、李四（…）")."""
_FIELD_PLACE = operator.attrgetter("field", "start", "end")
_RANGE_RE = re.compile(r"[ \u3000]?(?:至|到|~|～|—{1,2}|－|-)[ \u3000]?")
"""Between the two ends of a range of numbers."""
_SAMPLE_BEFORE_RE = re.compile(r"(?:示例|形如)[：:为是]?[ \t\u3000]*(?:[\u4e00-\u9fff]{1,4}[：:]?[ \t\u3000]*)?\Z")
"""Right before a value: it is given as a sample ("号码形如C12345678", "示例：护照E00000000")."""
_SAMPLE_AFTER_RE = re.compile(r"[ \t\u3000]?[（(](?:示例|样例|样本|仅为示例)")
"""Right after a value: "川A·F1234（样例，非实际车辆）"."""
_SAMPLE_REACH = 12


class _Spans:
    """Occupied character positions of one field (linear-time overlap tests, whatever the order)."""

    __slots__ = ("occupied",)

    def __init__(self, length: int):
        self.occupied = bytearray(length + 1)

    def add(self, start: int, end: int) -> None:
        self.occupied[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return self.occupied.find(1, start, end) >= 0


class RiskReviewer:
    """Pre-publication review of docs/design.md section 2 (independent of the category model).

    >>> r = RiskReviewer().review("公示", "申请人身份证号11010519491231002X。")
    >>> r.verdict, r.findings[0].type, r.findings[0].replacement
    ('redact', 'id_card', '1101**********002X')
    """

    def __init__(self, settings: RiskSettings | None = None, *, name_tagger: NameTaggerLike | None = None,
                 second_reading: SecondReading | None = None):
        """``name_tagger``: a learned name model (``spans(text, windows)``), asked only about the parts
        of a draft where a private person's name can matter; without it the rules read names alone.
        ``second_reading``: reads again what the rules leave, and some of what they report (second_reading.py)."""
        self.settings = settings or RiskSettings()
        self.lexicon = load_lexicon(*self.settings.lexicon_paths)
        self.name_tagger = name_tagger  # a NameTagger from the model bundle, or None (rules only)
        self.second_reading = second_reading
        self.registry = RecognizerRegistry.default(self.lexicon, self.settings, name_tagger=name_tagger,
                                                   second_reading=second_reading)

    def review(self, title: str, body: str) -> ReviewResult:
        fields, unreviewed = [], []
        for name, text in (("title", title or ""), ("body", body or "")):
            fld = FieldText(name, text)
            stop = self.registry.scan(fld)
            title_field = fields[0] if fields else None
            over = budget.cut(fld, stop, self.registry.weight, lambda: self.registry.work(fld, title_field),
                              self.registry.work_per_char, self.registry.candidate_weight)
            if over is not None:
                # more work than any real draft needs: review up to the cut, hand the rest to a person
                pos, total, limit = over
                start = fld.normalised.to_original(pos, pos + 1)[0] if pos < len(fld.text) else len(text)
                why = budget.reason(total, limit)
                unreviewed.append(Finding(budget.UNREVIEWED_GROUND, budget.UNREVIEWED_TYPE,
                                          ARTICLES[budget.UNREVIEWED_GROUND], "review", name, start, len(text),
                                          text[start:], 1.0, why))
                head = FieldText(name, text[:start])
                head.candidates = [c for c in fld.candidates if c.end <= len(head.text)]
                head.set_hits([h for h in fld.hits if h.end <= len(head.text)])
                fld = head
            fields.append(fld)
        doc = Document(*fields)
        results = self.registry.analyze(doc)
        results = self._resolve(doc, results)
        masks: dict = {}  # per review: the style of each type, the masking of each distinct (type, value)
        findings = [*(self._finding(doc, r, masks) for r in results), *unreviewed]
        # title first, then by (start, end): two stable C-level sorts ("title" > "body")
        findings.sort(key=_PLACE)
        findings.sort(key=_FIELD, reverse=True)
        findings = tuple(findings)
        verdict = verdict_of(findings)
        if verdict == "withhold":
            return ReviewResult(findings, verdict, None)  # nothing of it is publishable
        return ReviewResult(findings, verdict, {
            "title": self._redact("title", title or "", findings), "body": self._redact("body", body or "", findings)})

    # ---- resolution ------------------------------------------------------------------------------
    def _resolve(self, doc: Document, results: list[Result]) -> list[Result]:
        kept = [r for r in results if r.score >= self.settings.min_score or r.shield]
        exempt = {f.name: _Spans(len(f.text)) for f in doc.fields}
        for f in doc.fields:
            for h in f.tagged("exempt"):
                exempt[f.name].add(h.start, h.end)
        kept = [r for r in kept if not exempt[r.field].overlaps(r.start, r.end)]
        # Identifier values compete: the higher score, then the longer span, wins (a mobile number
        # inside an ID number is one finding); shields (USCC) win on equal footing and vanish.
        values = sorted((r for r in kept if r.value), key=lambda r: (-r.score, -(r.end - r.start), r.start))
        taken = {f.name: _Spans(len(f.text)) for f in doc.fields}
        out = []
        for r in values:
            if not taken[r.field].overlaps(r.start, r.end):
                taken[r.field].add(r.start, r.end)
                if not r.shield:
                    out.append(r)
        out = self._without_ranges(doc, out)
        out = [r for r in out if not (r.recognizer.SHAPES and r.recognizer.SAMPLES_ARE_NOBODYS
                                      and self._sample(doc.get(r.field).text, r))]
        # Phrases: overlapping or nearby results of the same type merge into one; a phrase inside a value of its
        # type says nothing more ("未满14周岁" read by the rules and "14周岁" read again by the model).
        said = self._value_spans(doc, out, {r.type for r in kept if not r.value})
        phrases = sorted((r for r in kept if not r.value and not (
            (r.field, r.type) in said and said[(r.field, r.type)].overlaps(r.start, r.end))), key=_PHRASE_ORDER)
        merged: list[Result] = []
        for r in phrases:
            last = merged[-1] if merged else None
            gap = getattr(r.recognizer, "MERGE_GAP", 0)
            if (last is not None and last.field == r.field and last.type == r.type and r.start <= last.end + gap
                    and not self._sentence_break(doc, r.field, last.end, r.start)):
                last.end = max(last.end, r.end)
                last.score = max(last.score, r.score)
                if last.learned and not r.learned:
                    last.reason, last.learned = r.reason, False  # what the rules read says more than a model's guess
            else:
                merged.append(Result(r.recognizer, r.field, r.start, r.end, r.score, r.reason, r.type, r.ground,
                                     r.action, r.shield, r.value, r.mask, learned=r.learned))
        return out + merged

    @staticmethod
    def _value_spans(doc: Document, values: list[Result], types: set[str]) -> dict[tuple[str, str], _Spans]:
        """Per ``(field, type)`` of ``types``, where the kept values of that type lie."""
        spans: dict[tuple[str, str], _Spans] = {}
        for v in values:
            if v.type in types:
                key = (v.field, v.type)
                if key not in spans:
                    spans[key] = _Spans(len(doc.get(v.field).text))
                spans[key].add(v.start, v.end)
        return spans

    @staticmethod
    def _without_ranges(doc: Document, values: list[Result]) -> list[Result]:
        """"1987310 0000—1987319 9999", "11010519490101000X至…": the two ends of a range of numbers in a
        号段 or numbering notice are nobody's identifiers; both are dropped."""
        ends: set[int] = set()
        ordered = sorted(values, key=_FIELD_PLACE)
        for i, (a, b) in enumerate(zip(ordered, ordered[1:])):
            if (a.field == b.field and a.type == b.type and a.end <= b.start
                    and _RANGE_RE.fullmatch(doc.get(a.field).text, a.end, b.start)):
                ends.update((i, i + 1))
        return [r for i, r in enumerate(ordered) if i not in ends] if ends else values

    @staticmethod
    def _sample(t: str, r: Result) -> bool:
        """An identifier given as a sample of its format ("通行证号码形如C12345678", "示例：川A·F1234（样例）") is
        nobody's."""
        return (_SAMPLE_BEFORE_RE.search(t, max(0, r.start - _SAMPLE_REACH), r.start) is not None
                or _SAMPLE_AFTER_RE.match(t, r.end) is not None)

    @staticmethod
    def _sentence_break(doc: Document, field: str, a: int, b: int) -> bool:
        if b <= a:
            return False
        return _BREAK_RE.search(doc.get(field).text, a, b) is not None

    def _finding(self, doc: Document, r: Result, masks: dict | None = None) -> Finding:
        fld = doc.get(r.field)
        # the span of the original covers every character of the value, removed invisible ones included;
        # the mask is computed from the value without them, so none of them is left in the redacted text
        start, end = fld.normalised.to_original(r.start, r.end)
        replacement = None
        style = masks.get(r.type) if masks is not None else None
        if style is None:
            style = self.settings.style(r.type)
            if masks is not None:
                masks[r.type] = style
        op, params = style
        if op and r.mask and r.action in ("redact", "review"):
            value = fld.normalised.kept(r.start, r.end)
            key = (r.type, value)
            replacement = masks.get(key) if masks is not None else None
            if replacement is None:
                replacement = operators.apply(op, value, self.settings.mask_char, **dict(params))
                if masks is not None:
                    masks[key] = replacement
        return Finding(r.ground, r.type, r.article, r.action, r.field, start, end, fld.original[start:end],
                       round(r.score, 4), r.reason, replacement)

    @staticmethod
    def _redact(name: str, text: str, findings) -> str:
        spans = sorted(((f.start, f.end, f.replacement) for f in findings
                        if f.field == name and f.replacement is not None), key=lambda s: (s[0], -s[1]))
        out, pos = [], 0
        for s, e, rep in spans:
            if s < pos:
                continue  # overlaps a span already replaced
            out.append(text[pos:s])
            out.append(rep)
            pos = e
        out.append(text[pos:])
        return "".join(out)
