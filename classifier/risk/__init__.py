"""Pre-publication risk review (docs/design.md section 2): what may not be published, where, and why.

>>> from classifier.risk import RiskReviewer
>>> result = RiskReviewer().review(title, body)
>>> result.verdict, [f.to_dict() for f in result.findings], result.redacted["body"]

A learned name model (``NameTaggerLike``: ``spans(text, windows)``) may be given:
``RiskReviewer(settings, name_tagger=model)``; it is asked only about the windows where a private
person's name can matter.

Independent of the category model: importing this package loads neither scikit-learn nor jieba.
"""

from .finding import Finding
from .lexicon import LexiconError, load_lexicon
from .persons import NameTaggerLike
from .reviewer import VERDICT_NAMES, ReviewResult, RiskReviewer
from .settings import RiskSettings

__all__ = ["RiskReviewer", "RiskSettings", "Finding", "ReviewResult", "load_lexicon", "LexiconError", "VERDICT_NAMES",
           "NameTaggerLike"]
