"""Candidate shapes: the alternatives of the one combined regex that finds identifier-like spans.

Each shape is a named group; recognizers subscribe to shapes by name (``SHAPES``) and validate the
candidates (checksums, context). The regexes run on the normalised text (full-width digits are
ASCII there) and are linear on hostile input: explicit look-arounds instead of ``\\b``, bounded
repeats, no nested quantifiers, and every repeated unit is unambiguous (a digit *or* a separator
followed by a digit).
"""

from __future__ import annotations

PROVINCE_CHARS = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"

SHAPES: dict[str, str] = {
    # e-mail: local part from a token start, domain with 1-6 dot labels (a space either side of @: an evasion).
    # Spelled out against harvesters ("zhou1990 at 126 dot com", "zhou1990#126.com", "(at)"): the last
    # label a common top-level domain.
    "email": r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}"
             r"(?: ?@ ?[A-Za-z0-9][A-Za-z0-9\-]{0,62}(?:\.[A-Za-z0-9\-]{1,63}){1,6}"
             r"|(?: (?:at|AT) |\((?:at|AT)\)|\[(?:at|AT)\]|#|＃)[A-Za-z0-9][A-Za-z0-9\-]{0,62}"
             r"(?:(?: (?:dot|DOT) |\((?:dot|DOT)\)|\[(?:dot|DOT)\]|\.)[A-Za-z0-9\-]{1,63}){0,4}"
             r"(?: (?:dot|DOT) |\((?:dot|DOT)\)|\[(?:dot|DOT)\]|\.)(?:com|cn|net|org)(?![A-Za-z0-9]))",
    # 车牌: province, issuing-authority letter, optional dot (or hyphen, or an ideographic space), 5 (or 6 for 新能源) characters;
    # or 4 and the character of a special series: 粤Z·H726港 / 粤Z·M215澳 (cross-border), 挂 (trailer), 学 (learner).
    "plate": rf"[{PROVINCE_CHARS}][ \u3000]?[A-HJ-NP-Z][·・•. \-\u3000]?[A-HJ-NP-Z0-9]"
             r"(?:(?:[·・•. \-]?[A-HJ-NP-Z0-9]){4,5}(?![0-9A-Za-z])|[A-HJ-NP-Z0-9]{3}[港澳挂学])",
    # Digit runs (IDs, phones, cards, accounts, USCC of digits) read across what an evasion or a
    # layout puts inside them: one to three spaces, a hyphen, a dot, a line break. The run has no
    # length limit (a limit would cut a row of numbers and lose the one across the cut); its
    # identifiers are its runs of whole groups (numbers.variants). An area code may stand in brackets:
    # "(0415) 2156 738", "（010）6512 3456". One ideographic space may part groups too ("５３０１０２　１９９００６１２…").
    # A comma after a digit is a thousands separator when three digits follow ("1,234,567": no run starts
    # after it); after anything else, or before four digits or more, it parts the fields of a CSV row
    # ("张静兰,1201041982…,中国工商银行", "2407010215,3209021998…,1524613…"). No run starts right after a mask: the
    # digits after "3505**********" are the visible tail of a masked number, not a number of their own. A line
    # break goes on with no next line's item number ("…7788⏎2. 某公司") nor a table row's first cell ("…4567⏎2｜某河").
    "number": r"(?<![0-9A-Za-z._@*＊])(?:(?<![0-9],)|(?=[0-9]{4}))(?:\+86[ \-]?|0086[ \-]?|[(（](?=0[0-9]{2,3}[)）])[0-9]{3,4}[)）][ \-]?)?[0-9](?:[0-9]|(?: {1,3}|\u3000|[\-.·]| [\-－—] |\r?\n[ \t\u3000]{0,8}(?![0-9]{1,3}[.．、)）｜|\t]))(?=[0-9])){5,}"
              r"(?:[Xx](?![0-9A-Za-z]))?(?![0-9A-Za-z@_])",
    # Upper-case letter+digit codes: USCC with letters, passports, 通行证, project codes.
    "code": r"(?<![0-9A-Za-z])(?=[0-9]{0,19}[A-Z])(?=[A-Z]{0,19}[0-9])[0-9A-Z]{8,20}(?![0-9A-Za-z])",
    # A passport's or permit's number written in groups ("C-6328-0417", "CN 5702 3318", "H1028 6374 01"):
    # one or two letters, then digit groups parted by a space or hyphen (a "code" when written whole).
    "spaced_code": r"(?<![0-9A-Za-z])[A-Z]{1,2}(?: {1,2}|-)?[0-9]{1,5}(?:(?: {1,2}|-)[0-9]{1,5}){1,3}(?![0-9A-Za-z])",
    # Anchor of an address: 门牌号 (up to 5 digits + 号), a building number (栋/幢), a lettered tower before its flat
    # ("龙苑大厦A座705房") or, when the house number is left out or masked ("七星街某号楼4单元501"), the unit.
    "house": r"(?<![0-9A-Za-z])(?:[A-Za-z]?[0-9]{1,5}(?:[号栋幢座]|#(?=楼))|[A-Za-z][座栋幢](?=[0-9]{2,5}[室房]|[0-9]{3,5}(?![0-9A-Za-z层楼]))"
             r"|[0-9]{1,2}(?:单元|门(?=[0-9])))",
}
"""shape name -> regex; order matters (the first alternative that matches at a position wins)."""


FIRST_CHARS = "0-9A-Za-z+(（" + PROVINCE_CHARS
"""Every shape starts with one of these: a single look-ahead on them lets the engine skip the
other characters (most of a Chinese text) without trying each alternative — about 4x faster."""


def combined(names: list[str]) -> str:
    """One alternation of the named shapes, in ``SHAPES`` order, behind a first-character filter."""
    body = "|".join(f"(?P<{n}>{SHAPES[n]})" for n in SHAPES if n in names)
    return f"(?=[{FIRST_CHARS}])(?:{body})"
