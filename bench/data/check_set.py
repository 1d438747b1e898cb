"""Check a set written from CONVENTIONS.md: python check_set.py FILE — prints each problem (a span that is not its
text, an unknown ground or type, an ID number that fails its check, a verdict the rule does not give) and the counts."""
import json, sys, re
from collections import Counter
TYPES = {"state_secret": {"secrecy_marking"},
 "privacy": set("id_card mobile landline bank_card passport hk_macau_permit email plate address person_name health minor social_assistance criminal_record religion".split()),
 "trade_secret": {"bank_account", "bid_price_breakdown", "trade_secret_marking"},
 "internal_affairs": {"internal_marking", "personal_evaluation"},
 "process_info": {"draft_marking", "request_report", "meeting_minutes"},
 "enforcement_file": {"enforcement_record", "whistleblower"}}
CONTEXT = set("person_name health minor social_assistance criminal_record religion".split())
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
def id_ok(s):
    s = re.sub(r"\s|-", "", s.translate({c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}))
    if not re.fullmatch(r"\d{17}[\dXx]", s): return None
    c = "10X98765432"[sum(int(a) * b for a, b in zip(s[:17], W)) % 11]
    return c == s[17].upper()
def verdict(findings):
    gs = {f["ground"] for f in findings}
    if "state_secret" in gs: return "withhold"
    if gs & {"internal_affairs", "process_info", "enforcement_file", "trade_secret"} or any(f["type"] in CONTEXT for f in findings): return "review"
    if findings: return "redact"
    return "publish"
def main(path):
    bad = 0; n = 0; types = Counter(); verd = Counter(); mnf = 0; ids = set()
    for i, line in enumerate(open(path, encoding="utf-8"), 1):
        if not line.strip(): continue
        try: r = json.loads(line)
        except Exception as e: print(f"line {i}: not JSON: {e}"); bad += 1; continue
        n += 1; rid = r.get("id", f"line{i}")
        if rid in ids: print(f"{rid}: duplicate id"); bad += 1
        ids.add(rid)
        for k in ("title", "body", "expect_verdict", "findings", "must_not_flag"):
            if k not in r: print(f"{rid}: missing {k}"); bad += 1
        for kind in ("findings", "must_not_flag"):
            for s in r.get(kind, []):
                t = r.get(s.get("field"), None)
                if t is None or t[s["start"]:s["end"]] != s["text"]:
                    print(f"{rid}: {kind} span {s.get('field')}[{s.get('start')}:{s.get('end')}] != {s.get('text')!r}"); bad += 1
                if kind == "findings":
                    if s.get("type") not in TYPES.get(s.get("ground"), ()):
                        print(f"{rid}: bad ground/type {s.get('ground')}/{s.get('type')}"); bad += 1
                    types[s.get("type")] += 1
                    if s.get("type") == "id_card" and id_ok(s["text"]) is False:
                        print(f"{rid}: id_card finding fails its check digit: {s['text']}"); bad += 1
                else:
                    mnf += 1
                    if "why" not in s: print(f"{rid}: must_not_flag without why"); bad += 1
        v = verdict(r.get("findings", []))
        if v != r.get("expect_verdict"): print(f"{rid}: expect_verdict {r.get('expect_verdict')} but the rule gives {v}"); bad += 1
        verd[r.get("expect_verdict")] += 1
    print(f"{n} records, {sum(types.values())} findings, {mnf} must_not_flag, problems: {bad}")
    print("verdicts:", dict(verd)); print("types:", dict(types.most_common()))
    return 1 if bad else 0
if __name__ == "__main__": sys.exit(main(sys.argv[1]))
