"""The seven disclosure categories (docs/design.md section 1)."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .errors import GongkaiError

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


ALIASES: dict[str, str] = {
    "规划计划": "planning",
    "工作动态": "work",
    "招投标": "tender",
    "非政务公开": OUT_OF_SCOPE,
}
"""Other names sites use for the same columns (docs/design.md §1), and a Chinese name for ``out_of_scope``."""

_NAME_TO_CODE: dict[str, str] = {**{name: code for code, name in CATEGORIES.items()}, **ALIASES}


def category_code(value: object) -> str | None:
    """The code of a category given as a code (``tender``), a Chinese name (``招投标信息``) or an alias.

    ``None`` for anything else (including empty values).
    """
    if value is None:
        return None
    text = str(value).strip()
    if text in TRAINING_LABELS:
        return text
    return _NAME_TO_CODE.get(text)


_SEPARATORS = re.compile(r"[/>|»：:\\]+")


class LabelMapError(GongkaiError):
    code = "label_map_invalid"


@dataclass(frozen=True)
class LabelMap:
    """Which of an archive's own columns (栏目) is which category.

    Loaded from a UTF-8 TOML file by :func:`load_label_map`::

        field = "栏目"                       # the archive's field holding the column name (default 栏目)
        ignore = ["图片新闻", "专题专栏"]       # columns known not to be one category: dropped, listed as ignored

        [columns]
        "人事任免" = "人事信息"                  # Chinese names or codes
        "部门预算" = "finance"
        "重点领域/财政资金" = "财政信息"

    A value matches a column if it equals it; a path-like value (``站点:重点领域/财政资金/部门决算``)
    also matches the most specific of its segments or trailing sub-paths that is mapped. Values that
    match nothing are *unmapped*: never guessed, always listed.
    """

    field: str
    columns: tuple[tuple[str, str], ...]
    ignore: tuple[str, ...] = ()
    path: str = ""

    def lookup(self, value: object) -> str | None:
        """The category code of one 栏目 value, ``None`` if unmapped or ignored."""
        return self._resolve(value)[0]

    def _resolve(self, value: object) -> tuple[str | None, str]:
        """``(code, how)`` where ``how`` is ``mapped``, ``ignored`` or ``unmapped``."""
        if value is None:
            return None, "unmapped"
        text = str(value).strip()
        mapping = dict(self.columns)
        ignored = set(self.ignore)
        parts = [p.strip() for p in _SEPARATORS.split(text) if p.strip()]
        # the whole value first, then ever shorter trailing sub-paths, most specific last segment included
        candidates = [text] + ["/".join(parts[i:]) for i in range(1, len(parts))]
        candidates += [parts[i] for i in range(len(parts) - 1, -1, -1)]
        for key in candidates:
            if key in mapping:
                return mapping[key], "mapped"
            if key in ignored:
                return None, "ignored"
        return None, "unmapped"

    def apply(self, values) -> tuple[list[str | None], Counter, Counter]:
        """Codes for ``values`` (``None`` where not mapped), and counters of unmapped and ignored values."""
        codes: list[str | None] = []
        unmapped: Counter = Counter()
        ignored: Counter = Counter()
        for value in values:
            code, how = self._resolve(value)
            codes.append(code)
            if how == "unmapped":
                unmapped[str(value)] += 1
            elif how == "ignored":
                ignored[str(value)] += 1
        return codes, unmapped, ignored


def load_label_map(path: str | Path) -> LabelMap:
    """Read and check a 栏目 → category map (see :class:`LabelMap`); errors are Chinese and name the entry."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise LabelMapError(f"找不到栏目映射文件：{path}", "file_not_found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise LabelMapError(f"无法读取栏目映射文件 {path}：{exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise LabelMapError(f"栏目映射文件 {path} 不是合法的 TOML：{exc}") from exc
    unknown = set(data) - {"field", "ignore", "columns"}
    if unknown:
        raise LabelMapError(f"栏目映射文件 {path} 中有不认识的项：{'、'.join(sorted(unknown))}"
                            "（只认 field、ignore 和 [columns]）。")
    field_name = data.get("field", "栏目")
    if not isinstance(field_name, str) or not field_name.strip():
        raise LabelMapError(f"栏目映射文件 {path} 的 field 必须是非空的字段名。")
    columns = data.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise LabelMapError(f"栏目映射文件 {path} 缺少 [columns] 表（栏目名 = 类别）。")
    pairs = []
    for column, target in columns.items():
        code = category_code(target) if isinstance(target, str) else None
        if code is None:
            names = "、".join(f"{name}（{c}）" for c, name in CATEGORIES.items())
            raise LabelMapError(f"栏目映射文件 {path} 中“{column}”对应的类别 {target!r} 不认识；应为 {names} 之一。")
        pairs.append((str(column).strip(), code))
    ignore = data.get("ignore", [])
    if not isinstance(ignore, list) or not all(isinstance(v, str) for v in ignore):
        raise LabelMapError(f"栏目映射文件 {path} 的 ignore 必须是栏目名的列表。")
    overlap = {c for c, _ in pairs} & set(ignore)
    if overlap:
        raise LabelMapError(f"栏目映射文件 {path} 中这些栏目既有类别又在 ignore 中：{'、'.join(sorted(overlap))}")
    return LabelMap(field=field_name.strip(), columns=tuple(pairs), ignore=tuple(v.strip() for v in ignore),
                    path=str(path))


def format_unmapped(unmapped: Counter, ignored: Counter, limit: int = 20) -> str:
    """A Chinese listing of the columns that were dropped (unmapped first), for the user to review."""
    lines = []
    if unmapped:
        lines.append(f"未映射的栏目 {len(unmapped)} 个（共 {sum(unmapped.values())} 条，已排除，未作猜测）：")
        lines += [f"  {name}：{n} 条" for name, n in unmapped.most_common(limit)]
        if len(unmapped) > limit:
            lines.append(f"  ……另有 {len(unmapped) - limit} 个栏目")
    if ignored:
        lines.append(f"按映射忽略的栏目 {len(ignored)} 个（共 {sum(ignored.values())} 条）："
                     + "、".join(f"{name}（{n}）" for name, n in ignored.most_common(limit)))
    return "\n".join(lines)
