"""The one home of the review's vocabulary: grounds, articles, actions, verdicts and their Chinese names.

Everything that shows a ground, an action or a verdict to a person (findings' reasons, the CLI, the
HTTP schema, the page through ``verdict_name``) reads it from here.
"""

from __future__ import annotations

ARTICLES = {
    "state_secret": "第十四条",
    "security_stability": "第十四条",
    "privacy": "第十五条",
    "trade_secret": "第十五条",
    "internal_affairs": "第十六条",
    "process_info": "第十六条",
    "enforcement_file": "第十六条",
}
"""条例 (2019) article each ground rests on (docs/design.md section 2)."""

GROUNDS = tuple(ARTICLES)

GROUND_NAMES = {
    "state_secret": "国家秘密",
    "security_stability": "危及“三安全一稳定”",
    "privacy": "个人隐私",
    "trade_secret": "商业秘密",
    "internal_affairs": "内部事务信息",
    "process_info": "过程性信息",
    "enforcement_file": "行政执法案卷",
}

ACTIONS = ("withhold", "review", "redact")
"""Actions from strongest to weakest; the verdict is the strongest action found (or ``publish``)."""

ACTION_NAMES = {"withhold": "不予公开", "review": "人工审核", "redact": "去标识化"}

VERDICTS = ("withhold", "review", "redact", "publish")
VERDICT_NAMES = {"publish": "可公开", "redact": "去标识化后公开", "review": "需人工审核", "withhold": "不予公开"}

WITHHELD_NOTE = "结论为不予公开：本稿没有可公开的内容，不提供去标识化文本。"
"""Said wherever the de-identified text would be shown for a ``withhold`` draft (``redacted`` is null)."""

FIELD_NAMES = {"title": "标题", "body": "正文"}


def verdict_of(findings) -> str:
    """withhold if any finding's action (or any action given as a string) is withhold, else review,
    else redact, else publish."""
    found = {getattr(f, "action", f) for f in findings}
    for v in ACTIONS:
        if v in found:
            return v
    return "publish"
