"""Check a set written from CONVENTIONS.md.

    python check_set.py FILE

Prints each problem (a span that is not its text, an unknown ground or type, a look-alike without its why, an
ID number that fails its check digit, a verdict the rule does not give) and the counts; exits 1 if there is any.
Helpers get this file with CONVENTIONS.md and nothing else of the project, so it imports nothing of it.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter

TYPES = {
    "state_secret": {"secrecy_marking"},
    "privacy": set("id_card mobile landline bank_card passport hk_macau_permit email plate address person_name health "
                   "minor social_assistance criminal_record religion".split()),
    "trade_secret": {"bank_account", "bid_price_breakdown", "trade_secret_marking"},
    "internal_affairs": {"internal_marking", "personal_evaluation"},
    "process_info": {"draft_marking", "request_report", "meeting_minutes"},
    "enforcement_file": {"enforcement_record", "whistleblower"},
}
CONTEXT = set("person_name health minor social_assistance criminal_record religion".split())
REVIEW_GROUNDS = {"internal_affairs", "process_info", "enforcement_file", "trade_secret"}
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
FULLWIDTH_DIGITS = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}


def id_check_ok(text: str) -> bool | None:
    """GB 11643 check digit of an 18-character ID number (``None``: not one)."""
    s = re.sub(r"[\s-]", "", text.translate(FULLWIDTH_DIGITS))
    if not re.fullmatch(r"\d{17}[\dXx]", s):
        return None
    return "10X98765432"[sum(int(a) * w for a, w in zip(s[:17], WEIGHTS)) % 11] == s[17].upper()


def verdict(findings: list[dict]) -> str:
    grounds = {f["ground"] for f in findings}
    if "state_secret" in grounds:
        return "withhold"
    if grounds & REVIEW_GROUNDS or any(f["type"] in CONTEXT for f in findings):
        return "review"
    return "redact" if findings else "publish"


def check(path: str) -> int:
    problems, n, mnf = [], 0, 0
    ids, types, verdicts = set(), Counter(), Counter()
    with open(path, encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(f"line {i}: not JSON: {e}")
                continue
            n += 1
            rid = rec.get("id", f"line {i}")
            if rid in ids:
                problems.append(f"{rid}: duplicate id")
            ids.add(rid)
            problems += [f"{rid}: missing {k}" for k in ("title", "body", "expect_verdict", "findings", "must_not_flag")
                         if k not in rec]
            for kind in ("findings", "must_not_flag"):
                for s in rec.get(kind, []):
                    text = rec.get(s.get("field"))
                    if text is None or text[s["start"]:s["end"]] != s["text"]:
                        problems.append(f"{rid}: {kind} span {s.get('field')}[{s.get('start')}:{s.get('end')}] "
                                        f"is not {s.get('text')!r}")
                    if kind == "must_not_flag":
                        mnf += 1
                        if "why" not in s:
                            problems.append(f"{rid}: must_not_flag without why")
                        continue
                    if s.get("type") not in TYPES.get(s.get("ground"), ()):
                        problems.append(f"{rid}: unknown ground/type {s.get('ground')}/{s.get('type')}")
                    types[s.get("type")] += 1
                    if s.get("type") == "id_card" and id_check_ok(s["text"]) is False:
                        problems.append(f"{rid}: id_card finding fails its check digit: {s['text']}")
            expected = verdict(rec.get("findings", []))
            if expected != rec.get("expect_verdict"):
                problems.append(f"{rid}: expect_verdict {rec.get('expect_verdict')} but the rule gives {expected}")
            verdicts[rec.get("expect_verdict")] += 1
    for p in problems:
        print(p)
    print(f"{n} records, {sum(types.values())} findings, {mnf} must_not_flag, problems: {len(problems)}")
    print("verdicts:", dict(verdicts))
    print("types:", dict(types.most_common()))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(check(sys.argv[1]))
