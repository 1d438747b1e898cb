"""Detailed private addresses (below 乡镇/街道: road, 门牌号, building, unit, room)."""

from __future__ import annotations

import re

from .base import Recognizer
from .text import is_cjk

PRIVATE_CUES = ("住址", "家庭住址", "户籍地址", "住所", "送达地址", "通信地址", "通讯地址", "租住地址", "居住地址",
                "现住址", "家住", "居住在", "住在", "出租的", "房东", "住户", "住宅地址", "联系地址", "收件地址",
                "家庭地址", "户籍所在地", "原住宅地址", "现居住", "暂住地址", "户籍地")
PRIVATE_RIGHT_CUES = ("家庭电话", "住宅电话", "家中电话")
OFFICE_CUES = ("办公地址", "办公地点", "办理地点", "地点", "供应商地址", "注册地址", "经营场所", "经营地址", "坐落",
               "单位地址", "机关地址", "寄至", "寄送至", "送至", "邮寄至", "项目地址", "施工地点", "营业地址",
               "服务中心", "医院", "政府", "委员会", "办事处", "公司", "门诊", "学校", "营业厅", "窗口", "大厅",
               "配租房源", "房源", "会场", "举办地", "活动地点", "接种点", "站点")
LOCALITY = re.compile(r"[路街巷弄道村里组区镇乡厝屯庄苑园坊湾号胡同]")
STOP_LEAD = "的为在于至是："
UNIT_RE = re.compile(
    r"(?:[0-9A-Za-z一二三四五六七八九十]{1,5}(?:号楼|栋|幢|座|单元|层|楼|室|房|号|门|户)"
    r"|附[0-9]{1,4}号|-[0-9]{1,5}|[0-9]{3,5}(?![0-9])"
    r"|[\u4e00-\u9fff]{2,8}?(?:花园|小区|大厦|广场|公寓|新村|家园|大楼|社区))"
)
ROOM_RE = re.compile(r"[0-9一二三四五六七八九十]+(?:室|房|单元|层)|[0-9]+(?:栋|幢)|号楼[0-9]|[0-9]楼[0-9]|门[0-9]{2,}|[0-9]{3,4}$")
INSTITUTION_IN_ADDRESS = ("中心", "局", "医院", "政府", "委员会", "公司", "学校", "银行", "法院", "派出所", "办事处")


class AddressRecognizer(Recognizer):
    """Anchored on ``<digits>号``; extended left over the road and right over building/unit/room.

    Flagged when a private cue precedes it (住址, 送达地址, 房东…), or when it goes down to a unit or
    room and no office cue (办公地址, 办理地点, 供应商地址, 坐落…) precedes it.
    """

    TYPE = "address"
    ACTION = "redact"
    LABEL = "详细住址"
    SHAPES = ("house",)
    CONTEXT = PRIVATE_CUES + PRIVATE_RIGHT_CUES
    NEGATIVE_CONTEXT = OFFICE_CUES

    def analyze_candidate(self, doc, fld, cand):
        t = fld.text
        s, e = cand.start, cand.end
        if s == 0 or not is_cjk(t[s - 1]) or t[s - 1] in "第字":
            return
        clause_l, _ = fld.segments.clause(s)
        lo = max(clause_l, s - 30)
        start = s
        while start > lo and (is_cjk(t[start - 1]) or t[start - 1].isalnum() or t[start - 1] == "-"):
            start -= 1
        cue_hits = [h for h in fld.hits_between(start - 4, s) if h.term in self.context or h.term in self.negative_context]
        for h in cue_hits:
            if h.end <= s and h.end > start:
                start = h.end
        while start < s and t[start] in STOP_LEAD:
            start += 1
        if not LOCALITY.search(t, start, s):
            return
        end = e
        for _ in range(8):
            m = UNIT_RE.match(t, end, min(len(t), end + 16))
            if not m or m.end() == end:
                break
            end = m.end()
        span = t[start:end]
        left_terms = fld.terms_between(max(clause_l - 24, s - 40), start + 2)
        right_terms = fld.terms_between(end, end + 8)
        private = not left_terms.isdisjoint(PRIVATE_CUES) or not right_terms.isdisjoint(PRIVATE_RIGHT_CUES)
        office = not left_terms.isdisjoint(OFFICE_CUES) or any(w in span for w in INSTITUTION_IN_ADDRESS)
        if office and not (private and self._closest_is_private(fld, start)):
            return
        if private:
            yield self.result(fld, start, end, 0.85, "私人住址语境")
        elif ROOM_RE.search(span):
            yield self.result(fld, start, end, 0.7, "含楼栋/单元/房号")

    def _closest_is_private(self, fld, start: int) -> bool:
        hits = [h for h in fld.hits_between(start - 30, start + 2) if h.term in PRIVATE_CUES or h.term in OFFICE_CUES]
        return bool(hits) and max(hits, key=lambda h: h.end).term in PRIVATE_CUES
