"""House style of the review: masking per finding type, context window, extra lexicons."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

from .operators import check_style

DEFAULT_STYLES: Mapping[str, tuple[str, Mapping]] = MappingProxyType({
    # docs/design.md §2.3 defaults: 身份证 3304**********1234, 手机 138****1234, 银行卡 keep last 4,
    # 姓名 张*, 住址 kept to 乡镇/街道.
    "id_card": ("mask", {"keep_first": 4, "keep_last": 4}),
    "mobile": ("mask", {"keep_first": 3, "keep_last": 4}),
    "landline": ("mask", {"keep_first": 4, "keep_last": 2}),
    "bank_card": ("mask", {"keep_first": 0, "keep_last": 4}),
    "bank_account": ("mask", {"keep_first": 0, "keep_last": 4}),
    "passport": ("mask", {"keep_first": 1, "keep_last": 2}),
    "hk_macau_permit": ("mask", {"keep_first": 1, "keep_last": 2}),
    "plate": ("mask", {"keep_first": 2, "keep_last": 0}),
    "email": ("email", {}),
    "address": ("address", {}),
    "person_name": ("name", {}),
    "minor": ("lead_name", {}),
    "whistleblower": ("name", {}),
})
"""finding type -> (operator name in :mod:`classifier.risk.operators`, its parameters).

A type that is not listed gets no replacement: the finding is left for a person to decide.
"""


@dataclass(frozen=True)
class RiskSettings:
    """Settings of a :class:`~classifier.risk.RiskReviewer`.

    Parameters
    ----------
    styles : mapping, default DEFAULT_STYLES
        ``type -> (operator, params)``; merged over the defaults, so ``{"mobile": ("replace",
        {"value": "[手机号]"})}`` changes only mobile numbers. ``(None, {})`` switches masking off for
        a type.
    mask_char : str, default "*"
        Character the ``mask``, ``name``, ``email`` and ``address`` operators write.
    context_window : int, default 20
        Characters either side of a candidate searched for context words (Chinese has no spaces).
    min_score : float, default 0.5
        Findings scoring below this are dropped.
    lexicon_paths : tuple of str, default ()
        Agency lexicon files (TOML, see :mod:`classifier.risk.lexicon`) added to the defaults.
    """

    styles: Mapping[str, tuple[str | None, Mapping]] = field(default_factory=dict)
    mask_char: str = "*"
    context_window: int = 20
    min_score: float = 0.5
    lexicon_paths: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for operator, params in self.styles.values():  # a wrong style fails here, not on a draft
            check_style(operator, params)

    def style(self, finding_type: str) -> tuple[str | None, Mapping]:
        """The ``(operator, params)`` for a finding type (``(None, {})`` if it is not masked)."""
        if finding_type in self.styles:
            return self.styles[finding_type]
        return DEFAULT_STYLES.get(finding_type, (None, {}))
