"""Word lists of the review, shipped as package data and extensible by an agency file.

The defaults live in ``classifier/risk/data`` (loaded with :func:`importlib.resources.files`):

- ``terms.toml``      named word lists the context recognizers read (``[terms]`` table);
- ``surnames.txt``    surnames that start a private person's name (also a feature of the name model);
- ``surnames_rare.txt`` rarer surnames, read by the rules only (no name-model retraining when it grows);
- ``health_conditions.txt`` disease/disorder/injury names (from THUOCL, see ``build_health_terms.py``),
  added to the ``health`` list;
- ``sensitive.toml``  default sensitive terms (``[[sensitive]]``);
- ``exemptions.toml`` default exempt strings (``[exempt]``).

Agency file format (UTF-8 TOML; every table is optional)::

    # 本单位追加的敏感词：出现即报出
    [[sensitive]]
    term = "某水库除险加固工程坐标"       # required
    ground = "security_stability"         # default "security_stability"; any ground of docs/design.md §2.1 (grounds.py)
    type = "agency_term"                  # default "agency_term"
    action = "review"                     # default: withhold for state_secret, otherwise review
    reason = "重要设施位置"                # optional Chinese reason

    # 豁免：这些字符串所在位置不报出任何发现（本单位公开的电话、信箱等）
    [exempt]
    terms = ["0571-87000000", "xxj@example.gov.cn"]

    # 向内置词表追加词语（键名同 terms.toml，例如 health、religion、official_cues、surnames）
    [terms]
    health = ["尘肺病"]
    surnames = ["禤"]

Terms that begin or end with an ASCII letter or digit only match at a token edge, so the exempt
string ``12345`` does not match inside a bank card number.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from .grounds import ACTIONS, GROUNDS


class LexiconError(ValueError):
    """An agency lexicon file that cannot be read; the message is Chinese."""


@dataclass(frozen=True)
class SensitiveTerm:
    term: str
    ground: str = "security_stability"
    type: str = "agency_term"
    action: str = "review"
    reason: str = ""


@dataclass
class Lexicon:
    """All word lists: ``lists[name]`` (frozensets), sensitive terms and exempt strings."""

    lists: dict[str, frozenset[str]] = field(default_factory=dict)
    sensitive: list[SensitiveTerm] = field(default_factory=list)
    exempt: set[str] = field(default_factory=set)

    def words(self, name: str) -> frozenset[str]:
        return self.lists.get(name, frozenset())

    def merge(self, data: dict, source: str) -> None:
        """Add the tables of one parsed TOML document (``source`` names it in errors)."""
        for key, values in (data.get("terms") or {}).items():
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise LexiconError(f"{source}：[terms] 中的 {key} 应为字符串列表。")
            self.lists[key] = self.lists.get(key, frozenset()) | {v.strip() for v in values if v.strip()}
        for i, entry in enumerate(data.get("sensitive") or [], 1):
            if not isinstance(entry, dict) or not str(entry.get("term", "")).strip():
                raise LexiconError(f"{source}：第 {i} 个 [[sensitive]] 缺少 term。")
            ground = entry.get("ground", "security_stability")
            if ground not in GROUNDS:
                raise LexiconError(f"{source}：敏感词“{entry['term']}”的 ground={ground!r} 无效，可用：{'、'.join(GROUNDS)}。")
            action = entry.get("action") or ("withhold" if ground == "state_secret" else "review")
            if action not in ACTIONS:
                raise LexiconError(f"{source}：敏感词“{entry['term']}”的 action={action!r} 无效，可用：{'、'.join(ACTIONS)}。")
            self.sensitive.append(SensitiveTerm(str(entry["term"]).strip(), ground, entry.get("type", "agency_term"),
                                                action, entry.get("reason", "")))
        exempt = data.get("exempt") or {}
        terms = exempt.get("terms", []) if isinstance(exempt, dict) else []
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise LexiconError(f"{source}：[exempt] 的 terms 应为字符串列表。")
        self.exempt.update(t.strip() for t in terms if t.strip())


def _surnames(text: str) -> frozenset[str]:
    """The words of a one-or-more-words-a-line list file (``#`` starts a comment line)."""
    return frozenset(w for line in text.splitlines() if not line.lstrip().startswith("#") for w in line.split())


def load_lexicon(*paths: str | Path, defaults: bool = True) -> Lexicon:
    """The default lexicon plus agency files ``paths`` (TOML, format in this module's docstring).

    Raises :class:`LexiconError` (Chinese message) for a missing or malformed file.
    """
    lex = Lexicon()
    if defaults:
        data = files(__package__).joinpath("data")
        for name in ("terms.toml", "sensitive.toml", "exemptions.toml"):
            lex.merge(tomllib.loads(data.joinpath(name).read_text(encoding="utf-8")), name)
        lex.lists["surnames"] = lex.words("surnames").union(
            *(_surnames(data.joinpath(n).read_text(encoding="utf-8")) for n in ("surnames.txt", "surnames_rare.txt")))
        lex.lists["health"] = lex.words("health") | _surnames(data.joinpath("health_conditions.txt").read_text(encoding="utf-8"))
    for path in paths:
        p = Path(path)
        if not p.is_file():
            raise LexiconError(f"找不到词表文件：{path}")
        try:
            parsed = tomllib.loads(p.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise LexiconError(f"词表文件 {path} 不是合法的 UTF-8 TOML：{exc}") from None
        lex.merge(parsed, str(path))
    return lex
