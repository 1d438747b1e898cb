"""Detailed private addresses (below 乡镇/街道: road, 门牌号, building, unit, room)."""

from __future__ import annotations

import re

from . import budget
from .base import Recognizer
from .persons.cues import PersonCues
from .persons.lists import name_column
from .persons.profiles import YOU_RE
from .second_reading import Place
from .text import MASKED_NAME, is_cjk, line_start
from .wordlists import words

PRIVATE_CUES = words("address.PRIVATE_CUES")
PRIVATE_RIGHT_CUES = words("address.PRIVATE_RIGHT_CUES")
CONTACT_CUES = frozenset(words("address.CONTACT_CUES"))
"""Private cues that an office's closing lines use too ("联系地址：…  联系电话：…" under a notice): private
only in a person's record (its sentence names the person's role or gives an ID number) or a letter's 你."""
SEAT_CUES = frozenset(words("address.SEAT_CUES"))
HOME_CUES = frozenset(words("address.HOME_CUES"))
"""Cues of a person's home only ("家住", "户籍地"): an organisation named before them is the person's workplace."""
PERSON_ID_RE = re.compile(r"身份证|身份号码")
ORG_RECORD_WORDS = tuple(words("address.ORG_RECORD_WORDS"))
"""In the record of an organisation ("统一社会信用代码…，法定代表人…，住所：…") a seat cue gives its seat."""
HOLDER_WORDS = words("address.HOLDER_WORDS")
"""A person who holds or runs an organisation: "法定代表人住所" is that person's home, not the organisation's seat."""
ORG_REGISTRATION_WORDS = words("address.ORG_REGISTRATION_WORDS")
"""What only an organisation's record gives: there an address without any cue is the organisation's (a record's
"有限公司" may be another party's, named in a sentence about a person's flat)."""
# an organisation named just before the cue, on its line or ending the line above: "被申请人：某某区市场监督管理局，
# 住所地：…" and "答辩人：某某区市场监督管理局⏎住所地：…" give its seat
ORG_BEFORE_CUE_RE = re.compile(r"(?:局|委员会|政府|公司|中心|办事处|医院|学校|银行|法院|检察院|派出所|研究所|大学|集团|厂|站|(?<![你您其我他她住])所|馆|院|队|处|办|[^学]科"
                               r"|协会|商会|学会|促进会|联合会|基金会)[）)]?(?:(?:登记|注册)?的)?[，,；; ]*\n?\Z")
INSTITUTION_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{0,16}?(?:服务中心|政务|中心|大楼|办公楼|局|委员会|政府|办事处|医院|学校|法院|派出所|大厅|窗口)")
SERVICE_AFTER_RE = re.compile(r"[）)]?(?:认领|参加学习|参加培训|办理|接受处理|接受调查|领取|咨询|报名|查阅|缴纳)")
"""Right after the address: what the reader is to do there ("请失主到某路318号认领", "到某路9号参加学习"): an office."""
GO_TO = frozenset("到至赴往")
ORG_LOCATED_RE = re.compile(r"(?:教堂|寺|庙|清真寺|道观|学校|小学|中学|幼儿园|医院|卫生院|法院|公司|中心|工厂|厂区|车站|"
                            r"场馆|纪念馆|博物馆|图书馆|基地|市场|园区|景区)位于\Z")
"""A body or a venue "位于" the address: its location, nobody's home."""
LEAD_WORDS_RE = re.compile(r"^(?:关于|现将|对于|对|将|位于|在|[\u4e00-\u9fff]{0,3}?位置[：:为]?)")
"""Words before the place that are no part of it ("关于…", "违建位置台江区…": a label without its colon)."""
ROOM_LEVEL_RE = re.compile(r"[0-9一二三四五六七八九十]+(?:室|房|户)|[0-9]+号房|[0-9]楼[0-9]|门[0-9]{2,}|[0-9]{3,4}$|单元[0-9]{3,4}")
OFFICE_CUES = words("address.OFFICE_CUES")
OFFICE_RECORD_WORDS = frozenset(words("address.OFFICE_RECORD_WORDS"))
"""An office's contact words ("联系人", "咨询电话", "传真"): the record they stand in is an office's."""
DEMONSTRATIVES = frozenset("该本此同")
CUE_WORDS = frozenset(PRIVATE_CUES) | frozenset(OFFICE_CUES) | CONTACT_CUES | SEAT_CUES
RIGHT_CUE_WORDS = frozenset(PRIVATE_RIGHT_CUES)
"""The cues the rules weigh, named to a second reading as its features (:func:`_cue_features`)."""
SUBJECT_LEAD_RE = re.compile(MASKED_NAME + r"(?:在|承租|租住|居住于|住在|家住)(?=[\u4e00-\u9fff])")
"""A masked person and the verb that places them ("王某某在夏津县…", "冯某某承租闵行区…"): the address starts after."""
REPORTED_RE = re.compile(r"反映|投诉|举报|来电称|来信称|报称")
"""A verb of reporting before the place ("居民李某反映南岗区…"): the address starts after it."""
YOUR_PLACE_RE = re.compile(r"[你您](?:家|户)?(?:位于|在|住|的住址|家住)[：:]?\Z")
HOUSE_RANGE_AFTER_RE = re.compile(r"[至到~～—－-][0-9]{1,5}号")
HOUSE_RANGE_BEFORE_RE = re.compile(r"号[至到~～—－-]\Z")
"""Either side of a house number, the other end of a range of house numbers."""
MAILED_RE = re.compile(r"(?:(?:邮寄|寄送|寄|送达)至|以?(?:邮寄|挂号信|EMS)方式送达)[：:]?\Z")
"""Before an address, where a letter goes ("邮寄至：", "以邮寄方式送达：")."""
LEFT_RUN_RE = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf0-9A-Za-z\-]*")
"""What an address may begin with, read backwards from its 号 (matched on the reversed neighbourhood)."""
LOCALITY = re.compile(r"[路街巷弄道村里组区镇乡厝屯庄苑园坊湾号胡同]")
STOP_LEAD = "的为在于至是："
UNIT_RE = re.compile(
    r"(?:[0-9A-Za-z一二三四五六七八九十]{1,5}(?:号楼|栋|幢|座|单元|层|楼|室|房|号|门|户)"
    r"|附[0-9]{1,4}号|之[一二三四五六七八九十0-9]{1,2}(?=[0-9])|-[0-9]{1,5}|[0-9]{1,3}-[0-9]{1,4}(?![0-9])|[0-9]{3,5}(?![0-9])|楼(?=[0-9一二三四五六七八九十])"
    r"|[\u4e00-\u9fff]{2,8}?(?:花园|小区|大厦|广场|公寓|新村|家园|大楼|社区)|[东西南北中]户)"
)
INSTITUTION_IN_ADDRESS = words("address.INSTITUTION_IN_ADDRESS")
INSTITUTION_IN_ADDRESS_RE = re.compile("(?:" + "|".join(map(re.escape, INSTITUTION_IN_ADDRESS)) + ")(?![街路巷道村]|家属|宿舍|生活区|小区)")
"""A body named inside the address ("…88号区政府大楼") — not a street named after one ("中心街42号", "政府路3号"), nor
its staff's housing ("县人民医院家属院3栋", "某局宿舍2单元"): homes."""
GOVERNMENT_IN_ADDRESS_RE = re.compile(r"(?:政府|委员会|法院|检察院|派出所|办事处|行政服务中心|政务服务中心)(?:大楼|办公楼|大院|大厅)?"
                                      r"(?![街路巷道村])|[^结]局(?:大楼|办公楼|大院)|(?:市政|政务|行政)(?:大楼|中心)"
                                      r"|[省市区县]委(?:大楼|办公楼|大院)(?!家属|宿舍)")
"""A government body's building named inside the address ("…388号区政府大楼", "…12号市民政局办公楼", "…市政大楼B座",
"…18号区委大院3号楼"): its seat, whatever the label before it (邮寄地址 too)."""
FLAT_RE = re.compile(r"[0-9]{1,3}-[0-9]{1,2}-[0-9]{3,4}")
"""栋-单元-室 written with hyphens: "丽苑小区14-2-601"."""
COMPLEX_BEFORE_RE = re.compile(r"(?:小区|花园|家园|公寓|新村|大厦|苑|园|院|城|里)\Z")  # 里: a lane compound ("龙兴里5-1-302")
LIVES_AFTER = frozenset("者人户主（(，, ")
"""Before 住 that gives a person's home: a person word ("该患者住", "车主住"), a bracket or a comma after a name
("当事人：某某，住…")."""
HOME_LABELS = tuple(words("address.HOME_LABELS"))
"""Labels that give a person's home: what follows them is an address even with no house number."""
VILLAGE_LABELS = tuple(w for w in words("address.VILLAGE_LABELS") if w not in HOME_LABELS)
"""Labels of any address ("联系地址", "地址", "迁出地"): what follows them is a home when it is a village group — no
office sits at one."""
VILLAGE_GROUP_RE = re.compile(r"(?>(?:(?:(?![村嘎])[\u4e00-\u9fff]){1,10}?(?:省|自治区|市|州|盟|县|区|旗|镇|乡|街道|苏木)(?![村嘎]))*)"
                              r"[\u4e00-\u9fff]{1,8}?(?:村|嘎查)(?:委会|民委员会)?(?:[\u4e00-\u9fff]{0,4}?"
                              r"(?:[一二三四五六七八九十]{1,3}|[0-9]{1,3})(?:组|队|社)|第[一二三四五六七八九十0-9]{1,3}村民小组"
                              r"|(?!工作|领导|专案|调查|检查|督导|帮扶|服务)[\u4e00-\u9fff]{1,3}?(?:组|屯)"
                              r"|[\u4e00-\u9fff]{1,4}?自然村)")
"""A rural address down to its village group, numbered or named ("某镇双龙村六组", "燕鸽村四队", "透滩村第三村民小组",
"凉水村营盘组", "德力格尔村东屯", "坪洋村下围自然村", "沙图沟嘎查二社"; not "驻村工作组"). The regions before the village
are read once, never again in other cuts (an atomic group: "市市市…" has exponentially many cuts into regions), and none
holds the village ("异龙镇松村社区三组": not the region "松村社区"), nor ends right before it (红旗村, 新市村: the
suffix is the village's own character, not the banner 旗 or the city 市)."""
LEFT_OUT_RE = re.compile(r"某村|某[一二三四五六七八九十0-9]{1,3}组|^某")
"""The village itself left out ("某村5组"): no address remains."""
SITE_LEADS = frozenset(words("address.SITE_LEADS"))
"""Right before an address label: the address is of a plot, a project or a business ("拟建地址", "经营地址")."""
VILLAGE_END = "，,。；;、）)\n\t｜| \u3000（("
PROPERTY_HEADER_RE = re.compile(r"^(?:被?征收|不动产|房屋|宗地)*坐落\Z|^(?:被?征收|不动产|房屋|宗地)+(?:地址|位置)\Z|^被?征收房屋")
"""A column locating the property of a 不动产/征收 notice's row ("房屋坐落", "被征收房屋坐落"), not a home ("现住址",
"所购住房坐落", "原房屋坐落": where the row's person lives or lived)."""
PROPERTY_AFTER_RE = re.compile(r"的?(?:房屋|住房|宅基地|房产|不动产)")
"""After an address, the property it locates ("某路65号的房屋")."""
HOUSE_OR_FLAT_RE = re.compile(r"[0-9]号(?!楼)|[0-9]+(?:室|房|户)|单元[0-9]{3,4}|[0-9]{3,4}\Z")
"""A house number or a flat, not only a building ("民心佳园5栋")."""
HOME_VALUE_RE = re.compile(r"[^，,。；;）)\n\t｜| \u3000（(：:]{4,40}")
"""The value after a home label, to the end of its clause or cell."""
HOUSE_NUMBER_RE = re.compile(r"[0-9]号(?!楼)")
"""A house number: the value is read from it (``analyze_candidate``)."""
BUILDING_RE = re.compile(r"[0-9A-Za-z]{1,4}(?:栋|幢|号楼|座|单元)|[0-9]{1,4}(?:室|房)")
NATURAL_VILLAGE_RE = re.compile(r"村(?:委会|民委员会)[\u4e00-\u9fff]{1,6}?(?:村|屯|寨|庄)\Z")
ORG_IN_ROW_RE = re.compile(r"有限公司|有限责任公司|股份公司|合作社|集团|事务所|经营部|协会")
"""A table row naming an organisation before its address cell: the row is the organisation's."""
ADDRESS_HEADER_RE = re.compile(r"^(?:家庭|现|户籍|居住)?(?:住址|地址|住所|居住地)\Z|^(?:原|所购)?(?:房屋|住房)?(?:坐落|门牌)\Z")
"""A column of homes: "住址", "家庭住址", or the house of a list's person ("原房屋门牌", "所购住房坐落")."""
"""A column of homes ("地址", "家庭住址"), not of a property or an office ("房屋坐落", "单位地址")."""


class AddressRecognizer(Recognizer):
    """Anchored on ``<digits>号`` (or 栋-单元-室 with hyphens after a residential complex: "丽苑小区14-2-601");
    extended left over the road and right over building/unit/room.

    Flagged when a private cue precedes it (住址, 送达地址, 房东…), or when it goes down to a unit or
    room and no office cue (办公地址, 办理地点, 供应商地址, 坐落…) precedes it.
    """

    TYPE = "address"
    ACTION = "redact"
    LABEL = "详细住址"
    SHAPES = ("house", "number")
    CONTEXT = PRIVATE_CUES + PRIVATE_RIGHT_CUES
    NEGATIVE_CONTEXT = OFFICE_CUES
    TRIGGERS = HOME_LABELS + VILLAGE_LABELS

    def __init__(self, lexicon, settings, second_reading=None):
        super().__init__(lexicon, settings)
        self.second_reading = second_reading  # reads again the addresses the rules leave (second_reading.py)
        if second_reading is not None:
            self.candidate_work = {"house": budget.SECOND_READING_WEIGHT}
        # the role words that name a person's record ("信访人：", "申请人", "姓名：")
        self.person_labels = lexicon.words("neutral_roles") | lexicon.words("sensitive_roles") | lexicon.words("kin_roles") | lexicon.words("party_cues")
        self.person_cues = PersonCues(lexicon)  # which table columns name persons

    def words(self):
        w = super().words()
        w["list:public_address_notices"] = self.lexicon.words("public_address_notices")
        w["list:office_record_words"] = set(OFFICE_RECORD_WORDS)
        return w

    def analyze_trigger(self, doc, fld, hit):
        """A home given as a village group, with no house number ("住址：某镇双龙村六组", "家住雷公山村三组",
        a "住址" column's cells): the finest a rural address goes, after a label that says it is a home."""
        t = fld.text
        cells = fld.column_cells(hit.start)
        if cells:
            for a, b in cells:
                while a < b and t[a] in " \t\u3000":
                    a += 1
                m = VILLAGE_GROUP_RE.match(t, a, b)
                if m and not t[m.end():b].strip(" \t\u3000") and not LEFT_OUT_RE.search(m.group()):
                    yield self.result(fld, a, m.end(), 0.8, f"“{hit.term}”列中的村组住址")
            return
        if hit.term in VILLAGE_LABELS and t[max(0, hit.start - 2):hit.start] in SITE_LEADS:
            return  # "拟建地址某村新寨组", "项目地址": a plot or a site, nobody's home
        p = hit.end
        while p < len(t) and p < hit.end + 3 and t[p] in "：:为在 \u3000":
            p += 1
        m = VILLAGE_GROUP_RE.match(t, p, min(len(t), p + 40))
        if (m and (m.end() == len(t) or t[m.end()] in VILLAGE_END) and not LEFT_OUT_RE.search(m.group())  # "家住某村5组": left out
                and not self._org_seat(fld, p)):
            yield self.result(fld, p, m.end(), 0.8, "私人住址语境（村组）")
            return
        if hit.term in VILLAGE_LABELS:
            return  # an address label that is no home label: only a village group is a home after it
        # a home with no house number: a building and its unit ("中天花园F栋11-3", "某社区9号楼3单元"), or a
        # natural village under its village committee ("长田村委会大塘村") — the house-number reading misses both
        v = HOME_VALUE_RE.match(t, p, min(len(t), p + 40))
        if (v and (v.end() == len(t) or t[v.end()] in VILLAGE_END) and LOCALITY.search(v.group())
                and not HOUSE_NUMBER_RE.search(v.group()) and not LEFT_OUT_RE.search(v.group())
                and (BUILDING_RE.search(v.group()) or NATURAL_VILLAGE_RE.search(v.group()))
                and not self._org_seat(fld, p) and not INSTITUTION_AFTER_RE.search(v.group())):
            yield self.result(fld, p, v.end(), 0.8, "私人住址语境（楼栋或自然村）")

    def analyze_candidate(self, doc, fld, cand):
        t = fld.text
        s, e = cand.start, cand.end
        if cand.shape == "house" and s >= 2 and t[s - 1] in "-－" and t[s - 2].isdigit():
            s -= 1  # "三好街66-2号": the house number is 66-2
            while s > 0 and t[s - 1].isdigit() and cand.start - s < 6:
                s -= 1
        if s == 0 or not is_cjk(t[s - 1]) or t[s - 1] in "第字":
            return
        if cand.shape == "house" and (HOUSE_RANGE_AFTER_RE.match(t, e) or HOUSE_RANGE_BEFORE_RE.search(t, max(0, s - 3), s)):
            return  # "中南二路1号至41号（单号）": a stretch of a street (an outage area, a 门牌 range), nobody's home
        if cand.shape == "number" and not (FLAT_RE.fullmatch(cand.value)
                                           and COMPLEX_BEFORE_RE.search(t, max(0, s - 4), s)):
            return  # a digit run is an address only as 栋-单元-室 right after a residential complex
        clause_l, _ = fld.segments.clause(s)
        read = fld.memo.setdefault("address_spans", [])
        if read and any(a <= s < b for a, b in read[-4:]):
            return  # a 号 inside an address already read ("5号楼3单元1号"): part of it, not another one
            # (the shapes come one after another, house numbers before digit runs: not in text order)
        lo = max(clause_l, s - 30)
        start = s - LEFT_RUN_RE.match(t[lo:s][::-1]).end()  # reversed: linear, however long the run
        cue_hits = [h for h in _cue_hits(fld, start - 4, s) if h.term in self.context or h.term in self.negative_context]
        for h in cue_hits:
            if h.end <= s and h.end > start:
                start = h.end
        reported = [m.end() for m in REPORTED_RE.finditer(t, start, s)]
        if reported:
            start = reported[-1]  # "居民李某反映南岗区学府路316号…": the complainant and the verb are no part of it
        while start < s and t[start] in STOP_LEAD:
            start += 1
        located = max(t.rfind("位于", start, s), t.rfind("你在", start, s), t.rfind("您在", start, s))
        if located >= start:
            start = located + 2  # "对你位于某路82号…的房屋", "你在某街9号…": the address starts after them
        lead = LEAD_WORDS_RE.match(t[start:s])
        if lead:
            start += lead.end()
        subject = SUBJECT_LEAD_RE.match(t, start, s)
        lives = t.rfind("住", start, s)
        if lives > start and t[lives - 1] in LIVES_AFTER and LOCALITY.search(t, lives + 1, s):
            start = lives  # "该患者住某街道…": the address starts after 住 (read as a cue below)
        if not LOCALITY.search(t, start, s) or (t[start:start + 1] in DEMONSTRATIVES and s - start <= 4):
            return  # no place at all, or "该小区7栋": a place already named, no address
        end = e
        for _ in range(8):
            m = UNIT_RE.match(t, end, min(len(t), end + 16))
            if not m or m.end() == end:
                break
            end = m.end()
        read.append((start, end))
        found, cues, start = self._decide(doc, fld, s, clause_l, start, end)
        if cues is None:
            return  # the rules' reading is final
        # decided (and read again) with its subject, reported without: the masked name is not the address
        shown = subject.end() if subject is not None and start < subject.end() else start
        if found is not None:
            found.start = shown
        model = self.second_reading
        if model is None or (found and not model.READS_REPORTED):
            if found:
                yield found
            return
        p = model.read(self.TYPE, doc, fld, Place(start, end, cand.shape), bool(found), _cue_features(*cues),
                       [found] if found else ())
        if found:
            yield found
        elif p is not None and p >= model.threshold:
            # the rules found no private cue; the model reads the neighbourhood as a person's home (redacted like
            # any home address, the reason asks to check it)
            yield self.result(fld, shown, end, round(p, 2), f"模型判断为个人住址（概率 {p:.2f}），请核实", learned=True)

    def _decide(self, doc, fld, s: int, clause_l: int, start: int, end: int):
        """The rules' reading of the address ``[start, end)`` read from the house number at ``s``: its result
        or ``None``, the cues it weighed (for a second reading: :func:`_cue_features`; ``None`` where the rules' reading
        is final) and its start."""
        t = fld.text
        span = t[start:end]
        left_terms = {h.term for h in _cue_hits(fld, max(clause_l - 24, s - 40), start + 2)} | fld.column_terms(s)
        right_terms = fld.terms_between(end, end + 8)
        private = not left_terms.isdisjoint(PRIVATE_CUES) or not right_terms.isdisjoint(PRIVATE_RIGHT_CUES)
        office = (not left_terms.isdisjoint(OFFICE_CUES) or INSTITUTION_IN_ADDRESS_RE.search(span) is not None) and (
            right_terms.isdisjoint(PRIVATE_RIGHT_CUES))  # "房源一：某路67号502户，出租人联系电话…": a landlord's
        lives = t[start] == "住" and start >= 1 and t[start - 1] in LIVES_AFTER  # "该患者住某街道…", "张三（住…"
        if lives:
            start += 1
            private = True  # "患者张三，男，42岁，住某县某镇某路36号"
        if private and right_terms.isdisjoint(PRIVATE_RIGHT_CUES) and self._office_contact(fld, start, left_terms):
            private = False  # "联系地址：某路233号  联系电话：029-…" closing a notice: the office's
        addressee = self._addressees(fld, start, ROOM_LEVEL_RE.search(span) is not None)
        if addressee:
            private = True  # "本答复书将邮寄至…", "对你位于…的房屋实施征收": the addressee's home
        if self._address_column(doc, fld, s):
            # "户主 | 地址 | 补助金额": the home of the row's person, whatever its header says or another cell holds
            # ("社区卫生服务中心医生" in the 职业 cell is no office cue of the 住址 cell)
            private, office = True, False
        if not private and (self._line_has_id(fld, start) or (HOUSE_OR_FLAT_RE.search(span) and fld.opens_with_person(start, 120))):
            private = True  # "张某  1501…  某小区2-3-401", "1. 收件人宋**，电话…，地址…": a person's row gives their home
        if not lives and self._property_in_notice(doc, fld, s, end):
            # "被征收房屋坐落｜某村某巷7号", "你位于某路65号的房屋…": the property the notice is about, published by law
            # whatever else the row or letter gives (no second reading either)
            return None, None, start
        cues = (private, office, addressee, left_terms, right_terms)
        if t[start] == "某" and s - start <= 4 and not private:
            return None, cues, start  # "某小区8号楼业主申请…": the place left out, no address
        if private and self._org_seat(fld, start):
            return None, cues, start
        if start > 0 and t[start - 1] in "（(" and ORG_BEFORE_CUE_RE.search(t, max(0, start - 24), start - 1):
            return None, cues, start  # "某某执法大队（某区某街28号）": the seat of the body just named
        if ORG_LOCATED_RE.search(t, max(0, start - 12), start):
            return None, cues, start  # "城关镇天主教堂位于城关镇胜利街87号": where a body or a venue stands
        if INSTITUTION_AFTER_RE.match(t, end):
            return None, cues, start  # "某大道88号政务服务中心二楼": the address of an office
        if not addressee and SERVICE_AFTER_RE.match(t, end) and GO_TO.intersection(t[max(0, start - 16):end]):
            return None, cues, start  # "请失主到某路318号认领": where the reader is to go, an office
        if GOVERNMENT_IN_ADDRESS_RE.search(span) and not lives:
            return None, cues, start  # "邮寄地址：…湖滨南路388号区政府大楼东楼8层": a government building is no one's home
        if office and not (private and (lives or self._closest_is_private(fld, start) or addressee)):
            # ("…公司职员（单位地址：…），住某街214号": the 住 right before it is the closest cue)
            return None, cues, start
        if not private and (doc.title.tagged("list:public_address_notices") or fld.tagged("list:public_address_notices")):
            return None, cues, start  # a 不动产登记/征收 notice: the law requires the property's location to be published
        if private:
            return self.result(fld, start, end, 0.85, "私人住址语境"), cues, start
        if (ROOM_LEVEL_RE.search(span) and not self._office_record(fld, start, OFFICE_RECORD_WORDS)
                and not self._org_record(fld, start, ORG_REGISTRATION_WORDS)):
            # no cue: only a flat (室/房/户, "3楼2号"), not a building or entrance ("7号院5栋3单元"), nor the
            # office of a contact block ("联系人：…⏎联系电话：…⏎地址：某路1785号4号楼1207室"), nor a company's in its
            # record ("中标供应商：某有限公司⏎统一社会信用代码：…⏎法定代表人：…⏎地址：某大街3号楼2201")
            return self.result(fld, start, end, 0.7, "含楼栋/单元/房号"), cues, start
        return None, cues, start

    @staticmethod
    def _property_in_notice(doc, fld, pos: int, end: int) -> bool:
        """In a notice the law requires to locate a property (不动产登记, 征收): the address is that property's — under a
        column of its location ("房屋坐落", "被征收房屋") or followed by the property it locates ("…65号的房屋") — not
        where its owner lives ("现住址")."""
        if not (doc.title.tagged("list:public_address_notices") or fld.tagged("list:public_address_notices")):
            return False
        return (PROPERTY_HEADER_RE.search(fld.column_header(pos)) is not None
                or PROPERTY_AFTER_RE.match(fld.text, end) is not None)

    @staticmethod
    def _addressees(fld, start: int, flat: bool) -> bool:
        """The address is the letter's addressee's: "对你位于…", "你在…", or a reply mailed to 您 ("本答复书将邮寄至…")
        or to a flat (``flat``: "决定书已邮寄至某小区11栋3单元601": whoever lives there, a person's home)."""
        t = fld.text
        if YOUR_PLACE_RE.search(t, max(0, start - 6), start):
            return True
        sent = max(fld.segments.sentence(start)[0], start - 80)  # bounded: a hostile text has no sentence end
        return MAILED_RE.search(t, max(sent, start - 10), start) is not None and (
            flat or YOU_RE.search(t, sent, start) is not None)

    def _address_column(self, doc, fld, pos: int) -> bool:
        """The address stands under an address column of a table that also has a person column, in a row that names
        no organisation before it."""
        header = fld.column_header(pos)
        if not header or not ADDRESS_HEADER_RE.search(header):
            return False
        if ("坐落" in header or "门牌" in header) and doc.title.tagged("list:public_address_notices"):
            return False  # a 不动产登记 notice's "坐落" column: the law requires the property's location
        if ORG_IN_ROW_RE.search(fld.text, line_start(fld.text, pos, 120), pos):
            return False  # "某人才咨询有限公司｜许可证编号｜法定代表人｜住所": a licensed body's seat
        return any(name_column(self.person_cues, h) for h in fld.table_header_of(pos) if h != header)

    @staticmethod
    def _line_has_id(fld, start: int) -> bool:
        """A valid ID number earlier on the address's line (at most 120 characters back)."""
        t = fld.text
        line = line_start(t, start, 120)  # bounded, whatever the line
        return fld.id_between(line, start)


    def _office_contact(self, fld, start: int, left_terms) -> bool:
        """The only private cues are contact cues, and the record they stand in names no person's role."""
        cues = left_terms.intersection(PRIVATE_CUES)
        return bool(cues) and cues <= CONTACT_CUES and self._office_record(fld, start)

    def _office_record(self, fld, start: int, needs=frozenset()) -> bool:
        """The record the address stands in (its sentence or line, or the bracket it is in) names no person's
        role, identity number or addressee — and holds one of ``needs`` when given."""
        t = fld.text
        sl, _ = fld.segments.sentence(start)
        lo = min(sl, max(t.rfind("\n", max(0, start - 160), start) + 1, start - 160))  # the record, or its line
        k = max(t.rfind("（", max(0, start - 160), start), t.rfind("(", max(0, start - 160), start))
        if 0 <= k < lo and "）" not in t[k:start] and ")" not in t[k:start]:
            lo = k  # "（申请人身份证号：…；联系电话：…\n…；通讯地址：…）": the record is the whole bracket
        terms = fld.terms_between(lo, start)
        return ((not needs or not terms.isdisjoint(needs))
                and terms.isdisjoint(self.person_labels) and terms.isdisjoint(PRIVATE_RIGHT_CUES)
                and YOU_RE.search(t, lo, start) is None and not fld.id_between(lo, start)
                and PERSON_ID_RE.search(t, lo, start) is None)

    def _org_seat(self, fld, start: int) -> bool:
        """The cue closest before the address follows an organisation's name (its seat, not a home; never a cue of a
        home only, ``HOME_CUES``), or is a seat cue in an organisation's record ("统一社会信用代码：…\n法定代表人：…\n
        住所：…"), or the address stands in a seat column ("住所") of an organisation's row."""
        t = fld.text
        header = fld.column_header(start)
        if (header.endswith(tuple(SEAT_CUES)) and not any(r in header for r in (*HOLDER_WORDS, *self.person_labels))
                and ORG_IN_ROW_RE.search(t, line_start(t, start, 120), start)):
            return True  # a "住所" ("变更后住所", not "法定代表人住所") column, in the row of a company
        cues = [h for h in fld.hits_between(start - 24, start + 2) if h.term in PRIVATE_CUES]
        if not cues:
            return False
        cue = max(cues, key=lambda h: h.end)
        if cue.term in HOME_CUES:
            return False  # "彭某（某科普协会，家住…）": where the person lives, whoever they work for
        if cue.term in SEAT_CUES and self._org_record(fld, cue.start):
            return True
        lo = max(0, cue.start - 40)
        ls = max(t.rfind("\n", lo, cue.start), t.rfind("。", lo, cue.start), cue.start - 40) + 1
        line = line_start(t, cue.start, 120)
        if not t[ls:cue.start].strip(" \t\u3000") and ls > 0:
            ls = line_start(t, ls - 1, 120)  # "答辩人：某区市场监督管理局⏎住所地：…": the line before names the body
        # (not in a person's record: "马某，公民身份号码…，服务单位：某公司，住址：…" is the person's home)
        return ORG_BEFORE_CUE_RE.search(t, ls, cue.start) is not None and not fld.id_between(line, cue.start)

    def _org_record(self, fld, at: int, record_words=ORG_RECORD_WORDS) -> bool:
        """The record's lines before ``at`` (back to a sentence's end or a blank line; its labels may be long:
        "法定代表人身份证号码：") are an organisation's ("统一社会信用代码…", "法定代表人…"): not an individual business
        whose record gives the 经营者's ID, nor a label of a person's own ("经营者住所")."""
        t = fld.text
        lo = max(at - 120, t.rfind("。", max(0, at - 120), at) + 1, t.rfind("\n\n", max(0, at - 120), at) + 2)
        return (any(w in t[lo:at] for w in record_words) and not _holder_id_between(fld, lo, at)
                and not any(t.endswith(r, max(0, at - 4), at) for r in self.person_labels))

    def _closest_is_private(self, fld, start: int) -> bool:
        hits = [h for h in _cue_hits(fld, start - 30, start + 2) if h.term in PRIVATE_CUES or h.term in OFFICE_CUES]
        if not hits:
            return False
        closest = max(hits, key=lambda h: h.end)
        if closest.term in PRIVATE_CUES:
            return True
        # "名下坐落于…": the office-sounding word belongs to a private cue right before it
        return any(h.term in PRIVATE_CUES and closest.start - 2 <= h.end <= closest.start for h in hits)


ROAD_AFTER_RE = re.compile(r"大?[街路巷道]|家属|宿舍|生活区|小区")
"""After an office's word, a road named after it ("政府路", "医院街", "学校巷") or its staff's housing ("医院家属院"):
part of an address, no office cue."""


def _cue_hits(fld, lo: int, hi: int) -> list:
    """The lexicon's hits in ``[lo, hi)`` that may be cues: not an office's word naming a road or housing."""
    t = fld.text
    return [h for h in fld.hits_between(lo, hi) if not (h.term in OFFICE_CUES and ROAD_AFTER_RE.match(t, h.end))]


REPRESENTATIVE_ID_RE = re.compile(r"(?:法定代表人|负责人)[^\n，,；;。]{0,16}\Z")
"""What labels an organisation record's representative's ID ("法定代表人身份证号码：", "法定代表人证件号="): the record
stays the organisation's (also "法定代表人：周某林（公民身份号码：" with the name between)."""


def _holder_id_between(fld, lo: int, hi: int) -> bool:
    """An ID number in ``[lo, hi)`` that is not labelled as an organisation's representative's: the record is a
    person's (an individual business whose 经营者 gives an ID)."""
    t = fld.text
    return any(not REPRESENTATIVE_ID_RE.search(t, max(0, k - 24), k) for k in fld.ids_between(lo, hi))


def _cue_features(private, office, addressee, left_terms, right_terms) -> list[str]:
    """The address rules' cues as features of a second reading (built only when one reads the address)."""
    return [f"address.private={private}", f"address.office={office}", f"address.addressee={bool(addressee)}",
            *(f"address.cue={w}" for w in sorted(left_terms & CUE_WORDS)),
            *(f"address.right={w}" for w in sorted(right_terms & RIGHT_CUE_WORDS))]
