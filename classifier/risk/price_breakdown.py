"""报价明细 / 成本构成: a run of three or more cost items with amounts, announced as a breakdown."""

from __future__ import annotations

import bisect
import re

from .base import Recognizer
from .text import is_cjk
from .wordlists import words

AMOUNT_RE = re.compile(r"[0-9][0-9,]{0,15}(?:\.[0-9]{1,4})?(?:万元|亿元|元|%)")
COST_WORDS = words("price_breakdown.COST_WORDS")
ITEM_BREAK = "，,、；;：:（("
FIGURE_RE = re.compile(r"[^0-9。；\n]{0,8}?[0-9][0-9,]{0,15}(?:\.[0-9]{1,4})?(?:万元|亿元|元|%|％)(?:/[\u4e00-\u9fffA-Za-z³²]{1,3})?")
TIMES_RE = re.compile(r"(?:/[\u4e00-\u9fff]{1,2})?[ ]?[×xX*][ ]?[0-9]")


ITEM_LABEL_RE = re.compile(r"[ \t\u3000]*(?:(?:[0-9]{1,2}[.．、]|[（(][0-9一二三四五六七八九十]{1,2}[）)])[ \t\u3000]*)?[\u4e00-\u9fff]{2,14}")
"""The name of an item of an announced breakdown ("土建工程", "2. 安装工程")."""
INTRODUCES_RE = re.compile(r"[^。；\n见（(]{0,8}?(?:[（(][^）)\n]{0,30}[）)])?[^。；\n见]{0,4}?(?:[：:]|[ \t\u3000]*\n)"
                           r"|[（(](?=[^）)\n]{0,12}[0-9])|[，,]其中")
"""The announcing word introduces what follows ("分项报价：", "报价明细如下：", a heading line), a note in
brackets may stand before the colon ("分项报价明细（供应商投标文件原文）："); or its items follow in brackets
("分项报价表（秩序维护72万元、…）") or after 其中 ("成本说明，其中进货价…")."""
MONEY_HEADER_RE = re.compile(r"^[^\n0-9]{0,40}?[｜|\t][^\n0-9]{0,40}?(?:元|金额|价)[^\n0-9]{0,40}$", re.M)
"""A table's header row naming money ("费用项目｜金额（元）"): the bare numbers in the cells under it are amounts."""
CELL_NUMBER_RE = re.compile(r"(?<=[｜|\t])[ \u3000]{0,4}([0-9][0-9,]{0,15}(?:\.[0-9]{1,4})?)[ \u3000]{0,4}(?=$|[｜|\t])", re.M)
"""A cell holding a bare number ("人员工资及社保｜1,712,400")."""
CELL_SEPARATORS = "｜|\t \u3000"
ANNOUNCED = frozenset(words("price_breakdown.ANNOUNCED")) | frozenset(
    f"{head}{tail}" for head in words("price_breakdown.PRICE_HEADS") for tail in words("price_breakdown.BREAKDOWN_TAILS"))
"""Words that announce the list of items after them as the price's or cost's build-up: a price or cost word and a
breakdown word ("报价明细", "价格组成", "成本分析", "单价表", "分项报价：…")."""


HEAD_REACH = 160
"""An announcing heading this close before the first item (a table's header row between) is part of the finding."""
PRICE_BEFORE_RE = re.compile(r"(?:报价|投标总价|投标价|总价|价格|计取|单价|合同价|中标价|成交价|中标金额|成交金额)[^。；\n]{0,24}?[0-9][0-9,.]*(?:万元|亿元|元|%)[ ]?[，,；;]?[ \t\u3000]*\n?[ \t\u3000]*\Z")
"""Before 其中: a price and its amount ("投标总价568万元，其中…"): what follows breaks that price down."""
SECRET_CLAIMS = frozenset(words("price_breakdown.SECRET_CLAIMS"))
"""A trade-secret claim: the cost items right after it are the claimed build-up (cost words still needed)."""


PROFIT_WORDS = frozenset(words("price_breakdown.PROFIT_WORDS"))
"""A profit as one item among costs ("…管理费7.35元、利润4.90元", "出厂成本3.19/配送费0.47/毛利1.57"): the items around it
are a price's build-up, however unannounced."""
AGGREGATE_LABEL_RE = re.compile(r"总额|总计|合计|累计|实现|完成|同比|增长|下降|上涨|提高|降低|净")
"""Around a profit word, what makes it a total or a trend of statistics ("利润总额98亿元", "实现利润12亿元", "工业企业利润
由上年下降2.3%转为增长8.5%"), no price's part."""
AGGREGATE_REACH = 10
PROFIT_AMOUNT_RE = re.compile(r"[^0-9。；;，,\n]{0,6}?[0-9]")
"""After the profit word, its own amount closely ("利润4.90元", "管理及利润1.10", "利润：按合计的5%计…")."""
BARE_AMOUNT_RE = re.compile(r"(?<![0-9.])[0-9]{1,6}\.[0-9]{1,4}(?![0-9.%％万亿元])")
"""An amount written without its unit in a run of costs ("电费0.524；药剂费0.318", "食材7.20、人工2.60")."""
PROFIT_REACH = 200


class BidPriceBreakdownRecognizer(Recognizer):
    """Triggered by 报价明细/成本构成/单价分析/报价测算/成本说明/成本监审…; the span is the run of items."""

    TYPE = "bid_price_breakdown"
    GROUND = "trade_secret"
    ACTION = "review"
    SECOND_READING = "both"  # read again, and withdrawn when a model is sure it is none (second_reading.py)
    LABEL = "报价明细或成本构成"
    VALUE = False
    TRIGGERS = tuple(sorted(set(words("price_breakdown.BidPriceBreakdownRecognizer.TRIGGERS")) | ANNOUNCED))
    MIN_ITEMS = 3
    # A figure that is itself a piece of a bidder's price build-up: one is enough ("人月单价2.8万元",
    # "内部收益率9.6%", "综合单价：415元/m³").
    UNIT_FIGURES = words("price_breakdown.BidPriceBreakdownRecognizer.UNIT_FIGURES")

    def words(self):
        w = super().words()
        w[f"trigger:{self.TYPE}"] = set(w[f"trigger:{self.TYPE}"]) | set(self.UNIT_FIGURES) | SECRET_CLAIMS | PROFIT_WORDS
        w["list:award_words"] = self.lexicon.words("award_words")
        return w

    def analyze_trigger(self, doc, fld, hit):
        if hit.term in self.UNIT_FIGURES:
            m = FIGURE_RE.match(fld.text, hit.end)
            if m and not doc.title.tagged("list:award_words"):
                yield self.result(fld, hit.start, m.end(), 0.8, f"“{hit.term}”及其数值")
                return
        if hit.term in PROFIT_WORDS:
            yield from self._profit_run(doc, fld, hit)
            return
        if fld.name == "title":
            body = doc.body
            yield from self._run(body, 0, min(len(body.text), 400))
            return
        t = fld.text
        if hit.term == "其中" or hit.term in SECRET_CLAIMS:
            # these words are common: a hit inside the stretch an earlier one read starts no new reading
            # (a text repeating "总价9元，其中" is read once, not once per repeat)
            if hit.start < fld.memo.get("breakdown_read", -1):
                return
        if hit.term == "其中":
            # "投标总价568万元，其中设备价486万元、五年维保52万元、培训及安装30万元": the price's own parts
            sl, sr = fld.segments.sentence(hit.start)
            # (the price may end the line before: "投标总价3,215,600元；\n其中人工费…")
            if PRICE_BEFORE_RE.search(t, max(0, hit.start - 40), hit.start):
                fld.memo["breakdown_read"] = min(sr, hit.end + 200)
                yield from self._run(fld, hit.start, min(sr, hit.end + 200), any_label=True)
            return
        if hit.term in SECRET_CLAIMS:
            fld.memo["breakdown_read"] = min(len(t), hit.end + 200)
            yield from self._run(fld, hit.start, min(len(t), hit.end + 200))
            return
        if hit.term == "单价":
            # "单价4,150元/台×280台，…": unit price times quantity, item after item (no heading)
            cl, _ = fld.segments.sentence(hit.start)
            # (or a unit price broken down: "单价186.5元/平方米（其中人工费42.3元、材料费118.6元…）")
            times = 0 if "其中" in t[hit.end:hit.end + 40] else 2
            yield from self._run(fld, max(cl, hit.start - 20), min(len(t), hit.end + 300), need_times=times)
            return
        # the breakdown may follow its heading on the next lines ("分项报价明细\n1. …\n2. …"); announced as
        # one, its items need no cost word ("分项报价：土建工程842.10万元、安装工程98.55万元、…")
        # ("报价明细见附件。" lists nothing after it here: then, as after any other trigger, the items need cost words)
        announced = hit.term in ANNOUNCED and INTRODUCES_RE.match(t, hit.end) is not None
        yield from self._run(fld, hit.start, min(len(t), hit.end + 400), any_label=announced,
                             head=hit.start if announced else None)

    def rereads(self, fld, hit) -> bool:
        """A profit word is read by the rules alone (the second reading never learnt it: alone it is a company's
        result in any report)."""
        return hit.term not in PROFIT_WORDS

    def _profit_run(self, doc, fld, hit):
        """A profit item with its amount, among cost items with theirs in its sentence: the run they make."""
        t = fld.text
        if (fld.name == "title" or not PROFIT_AMOUNT_RE.match(t, hit.end, min(len(t), hit.end + 8))
                or hit.start < fld.memo.get("breakdown_read", -1)):
            return  # (a run an earlier profit word read is not read again)
        label = t[self._label(t, max(0, hit.start - 16), hit.start):hit.end + AGGREGATE_REACH]
        if AGGREGATE_LABEL_RE.search(label) or doc.title.tagged("list:award_words"):
            return
        sl, sr = fld.segments.sentence(hit.start)
        lo, hi = max(sl, hit.start - PROFIT_REACH), min(sr, hit.end + PROFIT_REACH)
        fld.memo["breakdown_read"] = hi
        yield from self._run(fld, lo, hi, any_label=True, bare=True, cover=hit.start)

    @staticmethod
    def _label(t: str, lo: int, k: int) -> int:
        """Start of the words naming the amount at ``k`` ("人工费：每人每月" crosses one colon)."""
        b = k
        while b > lo and k - b < 16 and t[b - 1] not in ITEM_BREAK and t[b - 1] not in "。\n":
            b -= 1
        if b > lo and t[b - 1] in "：:" and not any(w in t[b:k] for w in COST_WORDS):
            c = b - 1
            while c > lo and b - c < 12 and t[c - 1] not in ITEM_BREAK and t[c - 1] not in "。\n":
                c -= 1
            if any(w in t[c:b - 1] for w in COST_WORDS) or not t[b:k].strip(" \t\u3000"):
                return c  # "人工费：每人每月…", or "材料及耗材：214,800元" (the label is all before the colon)
        return b

    @staticmethod
    def _money_header(fld, lo: int, hi: int) -> int | None:
        """End of the first money header row inside ``[lo, hi)`` (the field's header rows are found once)."""
        ends = fld.memo.get("money_headers")
        if ends is None:
            t = fld.text
            ends = fld.memo["money_headers"] = ([m.end() for m in MONEY_HEADER_RE.finditer(t)]
                                                if ("｜" in t or "|" in t or "\t" in t) else [])
        k = bisect.bisect_right(ends, lo)
        return ends[k] if k < len(ends) and ends[k] <= hi else None

    def _run(self, fld, lo: int, hi: int, need_times: int = 0, any_label: bool = False, head: int | None = None,
             bare: bool = False, cover: int | None = None):
        """The longest run of cost items in ``[lo, hi)``; ``head``: where the heading that announces it starts
        ("分项报价明细：⏎序号｜项目｜…"): the finding begins there when the run follows it closely. ``bare``: amounts
        may go without a unit; ``cover``: the run must hold this position (the profit item that called it)."""
        t = fld.text
        items = []
        times = 0
        amounts = [(m.start(), m.end()) for m in AMOUNT_RE.finditer(t, lo, hi)]
        if bare:
            # (right after its item's name: "食材7.20", not a price in its own cell: "某公司\t5.23")
            amounts = sorted(amounts + [(m.start(), m.end()) for m in BARE_AMOUNT_RE.finditer(t, lo, hi)
                                        if m.start() > 0 and (is_cjk(t[m.start() - 1]) or t[m.start() - 1] in "：:")])
        header = self._money_header(fld, lo, hi)
        if header is not None:  # "费用项目｜金额（元）" then "人员工资及社保｜1,712,400": the unit is in the header
            amounts += [m.span(1) for m in CELL_NUMBER_RE.finditer(t, header, hi)]
            amounts.sort()
        for k, e in amounts:
            b = self._label(t, lo, k)
            # a table cell's label is its row's first cell and its column's header ("出厂价", "加价率")
            label = t[b:k].strip(CELL_SEPARATORS + "：:")  # ("| 木结构修缮 | 72.4 |": the row's first cell)
            column = fld.column_header(k)
            if (any(w in label or w in column for w in COST_WORDS) or t[e:e + 1] in ("/", "每")
                    or (any_label and ITEM_LABEL_RE.fullmatch(label) is not None)):
                # a cost item, or a unit price ("大米4.20元/斤") in a breakdown announced as one
                while b < k and t[b] in CELL_SEPARATORS:
                    b += 1
                items.append((b, e))
                times += bool(TIMES_RE.match(t, e))
        if len(items) < self.MIN_ITEMS or times < need_times:
            return
        # the longest chain of items not separated by a sentence end (the one holding ``cover`` when given)
        chains = [c for c in _chains(t, items) if cover is None or c[0][0] <= cover < c[-1][1]]
        best = max(chains, key=len, default=[])
        if len(best) >= self.MIN_ITEMS:
            start = best[0][0]
            if head is not None and start - head <= HEAD_REACH and "。" not in t[head:start]:
                start = head  # the heading and its table are one breakdown
            yield self.result(fld, start, best[-1][1], 0.8, f"{len(best)} 项成本/报价明细")


def _chains(t: str, items):
    """The items parted into chains where a sentence ends or a gap is long."""
    chain = [items[0]]
    for prev, cur in zip(items, items[1:]):
        if "。" in t[prev[1]:cur[0]] or cur[0] - prev[1] > 40:
            yield chain
            chain = [cur]
        else:
            chain.append(cur)
    yield chain
