"""The seven disclosure categories (docs/design.md section 1)."""

from __future__ import annotations

CATEGORIES: dict[str, str] = {
    "institution": "机构信息",
    "policy": "政策文件",
    "planning": "规划总结",
    "work": "工作信息",
    "finance": "财政信息",
    "personnel": "人事信息",
    "tender": "招投标信息",
}
"""Category code -> the column name used by 公开 sites and annual reports, in report order."""

CODES: tuple[str, ...] = tuple(CATEGORIES)

OUT_OF_SCOPE = "out_of_scope"
"""Training-only label for text that is not a disclosure item at all (news, ads, ...). The model
learns it so that such text gets a low confidence and goes to review; it is never reported as a
category: the category of a result is always one of :data:`CODES`."""

TRAINING_LABELS: tuple[str, ...] = CODES + (OUT_OF_SCOPE,)


def category_name(code: str) -> str:
    """Chinese name of a category code (the code itself if unknown)."""
    return CATEGORIES.get(code, code)
