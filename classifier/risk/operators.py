"""De-identification operators, addressed by name (Presidio's anonymizer operators, small).

Each operator is ``fn(text, mask_char, **params) -> str`` and only sees the finding's text; its
keyword parameters, with their type annotations, are what it accepts (:func:`check_style`).
"""

from __future__ import annotations

import inspect
from typing import Any, Callable, Mapping, get_type_hints

SEPARATORS = frozenset(" -·・./\u3000－")
COMPOUND_SURNAMES = frozenset(
    "欧阳 上官 司马 司徒 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 夏侯 令狐 端木 独孤 南宫 西门 澹台 呼延 轩辕 万俟 闻人 申屠 太史 公羊 赫连 钟离 宗政 濮阳 淳于 单于 第五".split()
)


def mask(text: str, mask_char: str = "*", keep_first: int = 0, keep_last: int = 4) -> str:
    """Mask every character except the first ``keep_first`` and last ``keep_last``; separators stay."""
    positions = [i for i, ch in enumerate(text) if ch not in SEPARATORS]
    keep = set(positions[:keep_first]) | set(positions[len(positions) - keep_last:] if keep_last else ())
    return "".join(ch if (i in keep or ch in SEPARATORS) else mask_char for i, ch in enumerate(text))


def name(text: str, mask_char: str = "*", keep_first: int | None = None) -> str:
    """``张三丰`` -> ``张**``, ``欧阳子墨`` -> ``欧阳**``: the surname stays."""
    keep = keep_first if keep_first is not None else (2 if text[:2] in COMPOUND_SURNAMES and len(text) > 2 else 1)
    return text[:keep] + mask_char * max(1, len(text) - keep)


def lead_name(text: str, mask_char: str = "*") -> str:
    """``张三丰（9岁）`` -> ``张**（9岁）``: the name at the head of a span is masked, the rest stays."""
    n = 0
    while n < len(text) and n < 4 and ("\u4e00" <= text[n] <= "\u9fff" or "\u3400" <= text[n] <= "\u4dbf"):
        n += 1
    if n < 2:
        return text
    return name(text[:n], mask_char) + text[n:]


def email(text: str, mask_char: str = "*") -> str:
    """``lvxiaotong@126.com`` -> ``l***@126.com``."""
    local, at, domain = text.partition("@")
    if not at:
        return mask(text, mask_char)
    return local[:1] + mask_char * 3 + "@" + domain


ADMIN_LEVELS = ("街道办事处", "街道", "苏木", "镇", "乡")


def address(text: str, mask_char: str = "*") -> str:
    """Keep an address down to its 乡镇/街道 and mask the rest: ``X区Y街道Z路5号`` -> ``X区Y街道***``."""
    cut = -1
    for level in ADMIN_LEVELS:
        i = text.rfind(level)
        if i >= 0:
            cut = max(cut, i + len(level))
    return (text[:cut] if cut > 0 else "") + mask_char * 3


def replace(text: str, mask_char: str = "*", value: str = "[已删除]") -> str:
    """Replace the whole value with a fixed label."""
    return value


def redact(text: str, mask_char: str = "*") -> str:
    """Remove the value entirely."""
    return ""


OPERATORS: dict[str, Callable[..., str]] = {
    "mask": mask, "name": name, "lead_name": lead_name, "email": email, "address": address, "replace": replace, "redact": redact,
}


def parameters(operator: str) -> dict[str, Any]:
    """The parameters that ``operator`` declares: name -> annotated type (``int``, ``str``, ``int | None``)."""
    fn = OPERATORS[operator]
    hints = get_type_hints(fn)
    names = list(inspect.signature(fn).parameters)[2:]  # after (text, mask_char)
    return {name: hints[name] for name in names}


def check_style(operator: str | None, params: Mapping[str, Any]) -> None:
    """Raise ``ValueError`` with a Chinese message unless ``operator`` exists and accepts ``params``."""
    if operator is None:
        return
    if operator not in OPERATORS:
        raise ValueError(f"遮盖操作 {operator!r} 不存在，可用的有：{'、'.join(sorted(OPERATORS))}")
    declared = parameters(operator)
    for key, value in params.items():
        if key not in declared:
            accepted = "、".join(declared) if declared else "无"
            raise ValueError(f"遮盖操作 {operator} 没有参数 {key!r}（可用的参数：{accepted}）")
        wanted = declared[key]
        if isinstance(value, bool) or not isinstance(value, wanted):
            raise ValueError(f"遮盖操作 {operator} 的参数 {key} 应为{_TYPE_NAMES.get(wanted, str(wanted))}，"
                             f"收到 {value!r}")
        if isinstance(value, int) and value < 0:
            raise ValueError(f"遮盖操作 {operator} 的参数 {key} 不能为负数，收到 {value!r}")


_TYPE_NAMES = {int: "整数", str: "文本", int | None: "整数"}


def apply(operator: str, text: str, mask_char: str = "*", **params) -> str:
    """Run the operator called ``operator`` (KeyError names the unknown operator)."""
    try:
        fn = OPERATORS[operator]
    except KeyError:
        raise KeyError(f"未知的去标识化方式：{operator}（可用：{'、'.join(OPERATORS)}）") from None
    return fn(text, mask_char, **params)
