"""Document properties (author, last modified by, manager …): which ones name a person.

Office fills "author" and "last modified by" from the account that saved the file, so a published
attachment often carries a staff member's name. A value in those fields that reads as a personal
name is a finding; the redacted file clears those fields whatever they hold.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

PERSON_CJK = re.compile(r"[\u4e00-\u9fff·]{2,6}")
PERSON_LATIN = re.compile(r"[A-Z][a-z]{1,20}(?: [A-Z]\.?)?(?: [A-Z][a-z]{1,20}){1,2}")


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], tuple[str, ...]]:
    """(generic account names, organisation suffixes) from ``data/account_words.txt``."""
    generic: set[str] = set()
    suffixes: list[str] = []
    section = None
    for line in files(__package__).joinpath("data", "account_words.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        target = generic if section == "generic" else suffixes if section == "suffixes" else None
        if target is None:
            continue
        for word in line.split():
            (target.add if isinstance(target, set) else target.append)(word.lower() if section == "generic" else word)
    return frozenset(generic), tuple(suffixes)


def names_a_person(value: str) -> bool:
    """True when a property value reads as a personal name (``王小明``, ``Li Ming``), not an account or a unit."""
    value = value.strip()
    generic, suffixes = _words()
    if not value or value.lower() in generic or any(value.endswith(s) for s in suffixes):
        return False
    if any(g in value.lower() for g in generic if len(g) >= 2 and not g.isascii()):
        return False
    return bool(PERSON_CJK.fullmatch(value) and len(value) <= 4 or PERSON_LATIN.fullmatch(value))
