"""The recognizers' own word lists, read by name from ``data/recognizers.toml`` (no word list in code).

``words("address.PRIVATE_CUES")`` is the tuple of that list, in file order. The file is package
data, parsed once per process. The vocabularies an agency extends per review (health, roles,
social assistance…) are in ``terms.toml`` and merged with agency files by :mod:`.lexicon`.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib.resources import files


@lru_cache(maxsize=1)
def _lists() -> dict[str, tuple[str, ...]]:
    text = files(__package__).joinpath("data/recognizers.toml").read_text(encoding="utf-8")
    return {key: tuple(value) for key, value in tomllib.loads(text)["words"].items()}


def words(name: str) -> tuple[str, ...]:
    """The word list called ``name`` (KeyError names a list that the data file lacks)."""
    try:
        return _lists()[name]
    except KeyError:
        raise KeyError(f"data/recognizers.toml 中没有词表 {name}") from None
