"""gongkai's runtime library: category model, risk review and the Analyzer that combines them.

``from classifier import Analyzer`` — heavy modules (scikit-learn, jieba) load only when used.
"""

from __future__ import annotations

from .categories import CATEGORIES
from .errors import GongkaiError, InputError, ModelError

__all__ = ["Analyzer", "CATEGORIES", "GongkaiError", "InputError", "ModelError"]


def __getattr__(name: str):
    if name == "Analyzer":
        from .analyzer import Analyzer

        return Analyzer
    raise AttributeError(name)
