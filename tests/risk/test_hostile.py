"""Hostile input: 1 MB each of digits, "★", repeated "秘密" and one long line — linear and fast."""

import time

import pytest

from tests.assertions import reviewer

MB = 1_000_000
LINE = "经审核，申请人张三身份证号11010519491231002X，手机13812345678，拟给予补助。监督电话0851-86593217，"


def timed(text: str) -> float:
    """CPU seconds of the review (wall time on a shared test machine measures the neighbours)."""
    t0 = time.process_time()
    reviewer().review("", text)
    return time.process_time() - t0


@pytest.mark.parametrize("name, text", [
    ("digits", "7" * MB),
    ("stars", "★" * MB),
    ("secret", "秘密" * (MB // 2)),
    ("long line", (LINE * (MB // len(LINE) + 1))[:MB]),
    ("digit-space", "1 " * (MB // 2)),
    ("cue words", "学生" * (MB // 2)),
    ("name labels", "姓名：" * (MB // 3)),
    ("invisible", "1\u200b" * (MB // 2)),
])
def test_one_megabyte_under_bound(name, text):
    # A bound in units of a megabyte of plain prose reviewed in the same process (about 0.08 s quiet), as a busy
    # shared machine slows both alike. A megabyte dense with real findings ("long line": some 40,000 of them)
    # costs about 40 of those units and 1 MB of "秘密" about 20; a path gone superlinear would cost thousands
    # (the linear-growth tests below catch it at any size). CI once ran "秘密" at 5.03 s against a 5 s bound.
    limit = max(5.0, 100 * prose_megabyte())
    assert timed(text) < limit, (name, limit)


_PROSE_TIME: list[float] = []


def prose_megabyte() -> float:
    """CPU seconds of a megabyte of plain prose, measured once (the best of two runs)."""
    if not _PROSE_TIME:
        prose = "为进一步做好城乡环境整治工作，区政府于近日召开专题会议，研究部署下一阶段重点任务。"
        text = (prose * (MB // len(prose) + 1))[:MB]
        _PROSE_TIME.append(min(timed(text), timed(text)))
    return _PROSE_TIME[0]


@pytest.mark.parametrize("unit", ["9", "★", "秘密", LINE, "1 2-3 4", "a@" * 3, "京A", "1 ", "1.", "1\u200b", "13\n",
                                  "学生", "姓名：", "患者张三，", "低保对象张三、", "1号", "9岁", "｜", "、", "\t",
                                  "病种：\n", "姓名|病种|金额\n病种|病种|病种\n", "张三；李四；王五\n", "王  芳、", "1-2-301小区",
                                  # this session's shapes: spelt e-mails, separated plates, dotted and ideographic
                                  # separators in numbers, dotted names, gates, self-claims
                                  "a at b dot ", "a#b.c", "京A 1 2 ", "1·2·", "１　２　", "买买·", "阿·阿·阿", "6门",
                                  "本报告涉及", "以上均为低保对象。", "+852 6137 2408 ", "红旗村4组", "纪委张三涉嫌受贿罪移送检察机关",
                                  # enumerations that carry their label to every value; role-labelled landlines,
                                  # banner lines, salutations
                                  "E12345678（持证人张某）、", "E12345678、", "出租人联系电话0532-85561234，",
                                  "内部材料　初稿\n", "扎西卓玛：\n你", "总价9元，其中", "其中人工费1元、", "商密：材料费1元、",
                                  # breakdown tables with the unit in the header, bracketed notes, home phones
                                  "分项报价明细：\n项目｜金额（元）\n人工费｜1\n", "项目｜金额（元）\n", "a｜1\n",
                                  "报价明细（", "住宅电话2036518，", "（住1号", "川　A　",
                                  # names no surname list knows, after a role and heading a private item
                                  "患者扎西卓玛、", "低保对象\n1. 拉毛措，患病；", "粤B·D72K19车辆", "鲁A 6F3H27\n", "C-6328-0417 ", "AB 1 2 3 4 5 6 ",
                                  # closings, claims, shortcomings, children, village groups, padded labels, holders
                                  "妥否，请批示，", "以上意见如无不妥，", "投标人声明本部分为商业秘密，", "★商业秘密★",
                                  "意识不足，", "该同志态度较差、", "其女（7岁）", "两个孩子分别在读", "住址：某镇双龙村六组，",
                                  "账　　号：", "收款账户1", "学校，收款账户", "1）张三，", "家住雷公山村三组、", "（内部）",
                                  # records made and named together, case parties, homes without a house number,
                                  # birth years, left phones, breakdowns in brackets, classes before padding
                                  "制作了现场勘验笔录和询问笔录、", "现场负责人张三，", "现住：某花园C栋8-2，", "村委会上坡村、",
                                  "吴某某，女，2016年出生，", "家属留下的电话为0531-8691527；", "分项报价表（保洁48万元、",
                                  "三年级（2）班\u3000", "二级肢体残疾，", "该住户为张三，系刑满释放人员，", "0931—88264",
                                  "未满十四周岁，",
                                  # names beside identifiers, spaced levels and terms, landlines after a person,
                                  # evaluations after a post, households named before a status
                                  "· 马振华 110105194912310021 24,300元\n", "秘  密\n", "★ 6个月\n",
                                  "密级：秘 密  保密期限：长期\n", "户主武某某（联系电话0351 7623 518）", "副局长何明责任意识淡薄，",
                                  "该户系农村低保户，", "上报的刘建国因病住院，", "单亲母亲，女儿6岁，", "年仅6岁的孙子",
                                  "正在读初三的女儿，", "（住某村三组）", "，住某村三组，", "工作人员：孙洁、", "某某同志（因病住院）", "E  21  03  ",
                                  # samples, public accounts, listed certificate numbers, office phones and
                                  # service addresses, honorees on their lines
                                  "形如C12345678，", "示例：", "户名：某县财政局\n", "财政局汇缴专户（开户行：",
                                  "账号：12345678901（县财政专户）", "执法证号15372301002、", "某局，电话：0513-6831511，",
                                  "到某路9号认领，", "孝老爱亲模范：张三（照顾瘫痪母亲）\n", "张三家庭、",
                                  "卡号6217000012345678（位数错误）",
                                  # rows of comma-separated values, spaced headings, public fund accounts, addressees
                                  "1,张三,", "张三,110105194912310021,", "询 问 笔 录\n", "字 ", "资金专户（开户行：",
                                  "零余额账户（账号：1", "某局\n\n张三：\n", "当事人：黄金根，男，",
                                  "举报人=张三\n", "张三张三张三张三张三张三=", "（涉及商业秘密）", "（涉及",
                                  # petitioners, spaced list names, masked subjects of an address, company plates,
                                  # birth-date profiles, names read short, passports in a passage
                                  "张三反映，", "低保：王金宝 李翠萍 ", "王某某在幸福路1号3室，", "粤B12345｜某物流有限公司｜",
                                  "经营者：某某有限公司，粤B12345，", "刘某睿　2018年5月出生　", "邝永安家，邝永安建，",
                                  "护照E12345678（普通护照）、",
                                  # runs of region characters where a village group is read (after a home label, in a
                                  # list item, in a village column): many ways to cut them into regions, read once
                                  "住址：" + "市" * 40 + "，", "低保对象\n1. 张三，" + "镇市" * 20 + "，\n",
                                  "姓名｜所在村组\n张三｜" + "省" * 30 + "\n",
                                  # names a statement describes after its 的, and their enumerations
                                  "信仰佛教的张三、", "患尿毒症的", "享受低保的李四、向五，",
                                  # names in Latin letters, numbers abroad, special plate series
                                  "申请人Abc Def，", "患者Aa Bb Cc Dd Ee Ff Gg ", "Abcdefghijklmnopqrstuvwxyz ",
                                  "Ab-cd Ef（男，30岁）", "+39 347 582 9163 ", "0912-386-457 ", "粤Z·H726港",
                                  # households listed by their heads' names, enumerations closed by a count
                                  "1. 张三户（六组）：", "张三户：", "张三、李四两户，"])
def test_linear_time(unit):
    small = unit * (50_000 // len(unit))
    large = unit * (400_000 // len(unit))
    timed(small)  # warm up
    t_small = max(timed(small), 1e-3)
    t_large = timed(large)
    # 8x the input may take at most ~24x the time (generous: noise, GC); quadratic would be ~64x
    assert t_large < 24 * t_small + 0.5, (unit, t_small, t_large)


def test_a_run_of_region_characters_after_a_home_label_is_read_at_once():
    # (was 17 s for one label: the regions before a village could be cut in exponentially many ways)
    assert timed("家庭住址：" + "市" * 40 + "。") < 1.0


def test_no_pattern_read_before_a_value_is_anchored_with_a_dollar():
    """A pattern read over the characters before a value ends at the value (\\Z): ``$`` also matches before a line
    break ending the window, so a label ending the line above would label the value on this line."""
    import pathlib
    import re
    root = pathlib.Path(__file__).resolve().parents[2] / "classifier" / "risk"
    offenders = []
    for path in sorted(root.rglob("*.py")):
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r'[^\\]\$"\)?\s*$', line) and "re.M" not in line and "(?m)" not in line:
                offenders.append(f"{path.name}:{no}")
    assert offenders == []


def test_no_pattern_matches_a_run_of_spaces_in_more_than_linear_time():
    """One ``match`` of any pattern of the review over a run of spaces costs time in proportion to the run: two
    runs of spaces side by side ("[ ]*1?[ ]*") are cut in as many ways as the run is long (a 2,000-space line
    took 1.8 s for one match of the company-item pattern)."""
    import importlib
    import pkgutil
    import re

    import classifier.risk as risk

    patterns = {}
    for info in pkgutil.walk_packages(risk.__path__, "classifier.risk."):
        module = importlib.import_module(info.name)
        for key, value in vars(module).items():
            if isinstance(value, re.Pattern):
                patterns[f"{info.name}.{key}"] = value
    def seconds(pattern, text):
        t0 = time.process_time()
        pattern.match(text)
        return time.process_time() - t0

    slow = []
    for name, pattern in patterns.items():
        for unit in (" ", "\u3000", "\t", "1 "):
            text = unit * 4000
            # (a linear match takes microseconds here, a quadratic one a third of a second; the best of two runs
            # keeps a busy machine's hiccup from counting)
            if seconds(pattern, text) > 0.05 and seconds(pattern, text) > 0.05:
                slow.append((name, unit))
    assert len(patterns) > 100 and slow == []
