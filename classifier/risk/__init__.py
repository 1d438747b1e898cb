"""Pre-publication risk review (docs/design.md section 2): what may not be published, where, and why.

>>> from classifier.risk import RiskReviewer
>>> result = RiskReviewer().review(title, body)
>>> result.verdict, [f.to_dict() for f in result.findings], result.redacted["body"]

Independent of the category model: importing this package loads neither scikit-learn nor jieba.
"""

from .finding import Finding
from .lexicon import LexiconError, load_lexicon
from .reviewer import VERDICT_NAMES, ReviewResult, RiskReviewer
from .settings import RiskSettings

__all__ = ["RiskReviewer", "RiskSettings", "Finding", "ReviewResult", "load_lexicon", "LexiconError", "VERDICT_NAMES"]
