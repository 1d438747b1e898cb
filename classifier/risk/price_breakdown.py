"""报价明细 / 成本构成: a run of three or more cost items with amounts, announced as a breakdown."""

from __future__ import annotations

import re

from .base import Recognizer

AMOUNT_RE = re.compile(r"[0-9][0-9,]{0,15}(?:\.[0-9]{1,4})?(?:万元|亿元|元|%)")
COST_WORDS = ("费", "成本", "利润", "薪", "税", "折旧", "单价", "价款", "摊销", "工资")
ITEM_BREAK = "，,、；;：:（("


class BidPriceBreakdownRecognizer(Recognizer):
    """Triggered by 报价明细/成本构成/单价分析/报价测算/成本说明/成本监审…; the span is the run of items."""

    TYPE = "bid_price_breakdown"
    GROUND = "trade_secret"
    ACTION = "review"
    LABEL = "报价明细或成本构成"
    VALUE = False
    TRIGGERS = ("报价明细", "成本构成", "单价分析", "报价测算", "成本说明", "成本明细", "成本监审", "价格构成", "报价构成",
                "费用构成", "成本核算", "报价分析", "分项报价", "定价成本", "成本测算", "报价组成")
    MIN_ITEMS = 3

    def analyze_trigger(self, doc, fld, hit):
        if fld.name == "title":
            body = doc.body
            return self._run(body, 0, min(len(body.text), 400))
        t = fld.text
        stop = t.find("\n", hit.end)
        stop = len(t) if stop < 0 else stop
        return self._run(fld, hit.start, min(stop, hit.end + 300))

    def _run(self, fld, lo: int, hi: int):
        t = fld.text
        items = []
        for m in AMOUNT_RE.finditer(t, lo, hi):
            k = m.start()
            b = k
            while b > lo and k - b < 16 and t[b - 1] not in ITEM_BREAK and t[b - 1] not in "。\n":
                b -= 1
            label = t[b:k]
            if any(w in label for w in COST_WORDS):
                items.append((b, m.end()))
        if len(items) < self.MIN_ITEMS:
            return
        # the longest chain of items not separated by a sentence end
        best, chain = [], [items[0]]
        for prev, cur in zip(items, items[1:]):
            if any(ch in "。\n" for ch in t[prev[1]:cur[0]]) or cur[0] - prev[1] > 40:
                best = max(best, chain, key=len)
                chain = [cur]
            else:
                chain.append(cur)
        best = max(best, chain, key=len)
        if len(best) >= self.MIN_ITEMS:
            yield self.result(fld, best[0][0], best[-1][1], 0.8, f"{len(best)} 项成本/报价明细")
