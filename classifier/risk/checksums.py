"""Check digits of Chinese identifiers, as pure functions.

- 居民身份证 (GB 11643-1999): ISO 7064 MOD 11-2 over 17 digits, check character ``0-9`` or ``X``;
  plus the province part of the region code and a real birth date.
- 统一社会信用代码 (GB 32100-2015): 18 characters over a 31-symbol alphabet, MOD 31;
  characters 9-17 are the 组织机构代码 whose own check is GB 11714 (MOD 11).
- 组织机构代码 (GB 11714-1997): 8 body characters + check ``0-9`` or ``X``, MOD 11.
- Bank cards: Luhn (ISO/IEC 7812).

Every function takes ASCII text (callers normalise full-width characters first) and never raises
on malformed input: it answers ``False``/``None``.
"""

from __future__ import annotations

import datetime as _dt

# Province-level codes of GB/T 2260 (the first two digits of a region code).
PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {c: i for i, c in enumerate(USCC_ALPHABET)}
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# First character: 登记管理部门代码; second: 机构类别代码 (GB 32100 table 1).
_USCC_DEPARTMENT = frozenset("123456789ANY")

_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_card_check_char(first17: str) -> str | None:
    """The GB 11643 check character for 17 digits, or ``None`` if they are not 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        return None
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS))
    return _ID_CHECK[total % 11]


RESIDENCE_PERMIT_REGIONS = frozenset(("810000", "820000", "830000"))
"""The region part of a 港澳台居民居住证 number: 香港 810000, 澳门 820000, 台湾 830000 (its other 12 characters are
those of an ID number: birth date, sequence, check)."""


def valid_region(code6: str) -> bool:
    """A plausible 行政区划代码: known province and a non-zero prefecture/county part — or a residence permit's."""
    return len(code6) == 6 and code6.isdigit() and code6[:2] in PROVINCES and (
        code6[2:] != "0000" or code6 in RESIDENCE_PERMIT_REGIONS)


def valid_date(yyyymmdd: str, *, earliest: int = 1900, latest: int | None = None) -> bool:
    """``YYYYMMDD`` is a real calendar date between ``earliest`` and this year (inclusive)."""
    if len(yyyymmdd) != 8 or not yyyymmdd.isdigit():
        return False
    year, month, day = int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:])
    latest = latest or _dt.date.today().year
    if not earliest <= year <= latest:
        return False
    try:
        _dt.date(year, month, day)
    except ValueError:
        return False
    return True


def id_card_parts_valid(number: str) -> bool:
    """Region and birth date of an 18-digit number are plausible (check digit not considered)."""
    return len(number) == 18 and valid_region(number[:6]) and valid_date(number[6:14])


def id_card_checksum_ok(number: str) -> bool:
    """ISO 7064 MOD 11-2 check of an 18-character ID number (``x`` accepted for ``X``)."""
    if len(number) != 18:
        return False
    return id_card_check_char(number[:17]) == number[17].upper()


def id_card_valid(number: str) -> bool:
    """A valid 18-digit 居民身份证号码: region, real birth date and check digit."""
    return id_card_parts_valid(number) and id_card_checksum_ok(number)


def id_card15_valid(number: str) -> bool:
    """A plausible 15-digit (1984-1999 issue) number: region and a real 19YYMMDD date."""
    return (len(number) == 15 and number.isascii() and number.isdigit() and valid_region(number[:6])
            and number[:6] not in RESIDENCE_PERMIT_REGIONS  # (residence permits were first issued in 2018)
            and valid_date("19" + number[6:12]))


def uscc_check_char(first17: str) -> str | None:
    """The GB 32100 check character for 17 characters, or ``None`` if not in the alphabet."""
    if len(first17) != 17:
        return None
    try:
        total = sum(_USCC_VALUE[c] * w for c, w in zip(first17, _USCC_WEIGHTS))
    except KeyError:
        return None
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_valid(code: str) -> bool:
    """A valid 统一社会信用代码: registration department, region digits and the MOD 31 check.

    The embedded 组织机构代码 (characters 9-17) is not required to pass GB 11714 — codes issued
    to 个体工商户 and some re-registered bodies carry a 9-character body that does not — see
    :func:`uscc_org_code_ok` for that stronger test.
    """
    code = code.upper()
    if len(code) != 18 or code[0] not in _USCC_DEPARTMENT or not code[2:8].isdigit():
        return False
    return uscc_check_char(code[:17]) == code[17]


def uscc_org_code_ok(code: str) -> bool:
    """The 组织机构代码 embedded in a USCC passes GB 11714 too."""
    return len(code) == 18 and org_code_valid(code[8:17].upper())


def org_code_check_char(first8: str) -> str | None:
    """The GB 11714 check character for 8 body characters (digits or upper-case letters)."""
    if len(first8) != 8:
        return None
    total = 0
    for c, w in zip(first8, _ORG_WEIGHTS):
        if c.isdigit():
            value = int(c)
        elif "A" <= c <= "Z":
            value = ord(c) - 55
        else:
            return None
        total += value * w
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def org_code_valid(code: str) -> bool:
    """A valid 组织机构代码, written ``XXXXXXXX-C`` or ``XXXXXXXXC``."""
    code = code.upper().replace("-", "")
    return len(code) == 9 and org_code_check_char(code[:8]) == code[8]


def luhn_ok(digits: str) -> bool:
    """Luhn (mod 10) check of a digit string."""
    if not digits or not digits.isascii() or not digits.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_check_digit(payload: str) -> str:
    """The digit that makes ``payload + digit`` pass Luhn (for tests and examples)."""
    for d in "0123456789":
        if luhn_ok(payload + d):
            return d
    raise ValueError(payload)  # pragma: no cover - unreachable for digit payloads
