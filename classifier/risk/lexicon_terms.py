"""Sensitive terms from the lexicon files (default ``sensitive.toml`` and agency files)."""

from __future__ import annotations

from .base import Recognizer
from .grounds import GROUND_NAMES


class LexiconTermRecognizer(Recognizer):
    """Reports every occurrence of a ``[[sensitive]]`` term with the ground/type/action it declares."""

    TYPE = "agency_term"
    GROUND = "security_stability"
    ACTION = "review"
    LABEL = "敏感词"
    VALUE = False

    def __init__(self, lexicon, settings):
        super().__init__(lexicon, settings)
        self.terms = {t.term: t for t in lexicon.sensitive}

    def words(self):
        return {f"trigger:{self.TYPE}": set(self.terms)}

    def analyze_trigger(self, doc, fld, hit):
        term = self.terms.get(hit.term)
        if term is None:
            return
        label = term.reason or f"敏感词“{term.term}”"
        yield self.result(fld, hit.start, hit.end, 0.9, "", type=term.type, ground=term.ground, action=term.action,
                          label=label if term.reason else f"{GROUND_NAMES[term.ground]}敏感词“{term.term}”")
