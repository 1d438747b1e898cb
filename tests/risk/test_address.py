"""Detailed private addresses."""

import pytest

from tests.assertions import assert_found, assert_not_found, review


@pytest.mark.parametrize("text, part", [
    ("住址：某县某镇某村七组36号，联系电话", "七组36号"),                                  # private cue
    ("家庭住址广州市天河区员村街道员村二横路7号1502房；", "员村二横路7号1502房"),          # full address
    ("房东卢某出租的锦江区书院街街道东糠市街17号4单元3楼2号存在隐患", "东糠市街17号4单元3楼2号"),  # cue 出租的
    ("1. 龚某某户，枫林三路368号2栋601室，家庭电话", "枫林三路368号2栋601室"),           # room detail
    ("住址：长流镇椰海大道西延线长滨花园5栋1单元302房。", "长滨花园5栋1单元302房"),       # no 号: 栋 anchor
    ("送达地址为北京市朝阳区某街道某小区216楼3门502号", "216楼3门502号"),                # end of text
    ("住址：某镇某路１２号３０１室。", "某路１２号３０１室"),                              # full-width digits
])
def test_found(text, part):
    f = assert_found(text, "address", part)
    assert f.replacement and f.replacement.endswith("***")


def test_replacement_keeps_to_street():
    f = assert_found("家庭住址广州市天河区员村街道员村二横路7号1502房。", "address", "7号")
    assert f.replacement == "广州市天河区员村街道***"


@pytest.mark.parametrize("text", [
    "办公地址：哈尔滨市南岗区学府路259号，邮政编码：150080",   # office address
    "社区卫生服务中心，地址：锦江区督院街18号，咨询电话",       # service point, no room
    "供应商地址：福州市鼓楼区五四路158号环球广场2806室；",      # supplier's registered address
    "办理地点：郑州市金水区经三路18号社会保险中心二楼",         # office
    "不动产坐落：某镇北厝村北厝168号；",                        # 不动产登记公告
    "关于印发某某文件的通知（某政发〔2024〕59号）",              # 文号
    "配租房源：湖边花园公租房12号楼；",                          # building of public housing
    "第5号台风将于7月25日登陆",
])
def test_not_found(text):
    assert_not_found(text, "address")
