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

from typing import Protocol, Sequence, runtime_checkable

from .context import attribute_sentences, merge
from .lists import list_topic_start, name_column
from .mention import PersonMention

MIN_SCORE = 0.5
"""Spans the model scores below this are not names."""
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


def windows(cues, doc) -> dict[str, list[tuple[int, int]]]:
    """Per field, the parts of the text where a private person's name can matter."""
    spans: dict[str, list[tuple[int, int]]] = {f.name: [] for f in doc.fields}
    for fld, span in attribute_sentences(doc):
        spans[fld.name].append(span)
    for fld in doc.fields:
        for tag in ("trigger:person_name", "list:list_triggers"):
            for h in fld.tagged(tag):
                if h.term in cues.roles or h.term in cues.minor_cues or tag == "list:list_triggers":
                    spans[fld.name].append(fld.segments.sentence(h.start))
        for header, cells in fld.table_rows():
            if any(name_column(cues, c) for c in header):
                spans[fld.name].append((cells[0][0], cells[-1][1]))
    begin = list_topic_start(doc)
    if begin is not None:
        spans["body"].append((begin, len(doc.body.text)))
    return {name: merge(w) for name, w in spans.items() if w}


def tagged_names(tagger: NameTaggerLike, cues, doc, mentions) -> None:
    """Ask the model about the windows; keep its names that no rule read, as ``"tagger"`` mentions."""
    for name, spans in windows(cues, doc).items():
        fld = doc.get(name)
        t = fld.text
        for s in tagger.spans(t, spans):
            start, end, score = int(s.start), int(s.end), float(s.score)
            if score < MIN_SCORE or not MIN_LENGTH <= end - start <= MAX_LENGTH or not 0 <= start < end <= len(t):
                continue
            if any(p.start < end and start < p.end for p in _near(mentions, name, start, end)):
                continue  # the rules read it already (with their cue, which says more)
            if cues.official_before(fld, start) or cues.official_after(fld, end) or cues.company_after(fld, end):
                continue
            mentions.add(PersonMention(name, start, end, t[start:end], cue="tagger", score=score))


def _near(mentions, field: str, start: int, end: int):
    for k in range(start - 8, end):
        p = mentions.get((field, k))
        if p is not None:
            yield p
