"""E-mail recognizer: private mailboxes flagged, government/office mailboxes not."""

import pytest

from tests.assertions import assert_not_found, assert_span, findings, review


@pytest.mark.parametrize("text, span", [
    ("留言人（电子邮箱：3086471529@qq.com）称", "3086471529@qq.com"),     # digits @ QQ, in prose
    ("lvxt_1991@126.com为申请人邮箱", "lvxt_1991@126.com"),                # start of text
    ("用户注册邮箱mengqiu.hs@163.com", "mengqiu.hs@163.com"),             # end of text
    ("私人邮箱：zhang.san@example.com。", "zhang.san@example.com"),        # other domain, private cue
])
def test_found(text, span):
    f = assert_span(text, "email", span)
    assert f.replacement.endswith("@" + span.split("@")[1])


@pytest.mark.parametrize("text", [
    "办公邮箱：zfgjj@nnqx.gov.cn。",
    "请发送至sfjbgs@liuzhou.gov.cn",
    "技术咨询邮箱：rsjzx@qingshan.gov.cn",
])
def test_office_mail_not_found(text):
    assert_not_found(text, "email")


@pytest.mark.parametrize("mail", ["li.wh1978@yahoo.com.hk", "park.ms1972@naver.com"])
def test_more_webmail_domains(mail):
    assert [f.text for f in findings(review(f"当事人联系邮箱{mail}，请及时查收。"), "email")] == [mail]


@pytest.mark.parametrize("mail", ["ivan.petrov77@mail.ru", "tanaka.k1990@outlook.jp", "m.rossi@libero.it",
                                  "j.smith1985@yahoo.co.uk"])
def test_a_webmail_provider_abroad_is_known_by_its_name(mail):
    assert [f.text for f in findings(review(f"申请人通过电子邮件（{mail}）提交申请。"), "email")] == [mail]


@pytest.mark.parametrize("mail", ["info@mail.hz.gov.cn", "office@mail.example-hospital.com"])
def test_an_organisations_mail_subdomain_is_no_webmail(mail):
    assert not findings(review(f"申请人通过电子邮件（{mail}）提交申请。"), "email")


@pytest.mark.parametrize("text", [
    "采购代理机构：江苏衡信招标代理有限公司　电话：025-86637210　业务邮箱：hxzb_nj@163.com\n",
    "五、联系方式：采购人某市园林局，0571-87310245；采购代理机构浙江中锦项目管理有限公司，0571-88261047，邮箱zjxm_zb@126.com。",
])
def test_a_procurement_agencys_mailbox_among_its_contacts_stays(text):
    assert not findings(review(text), "email")


@pytest.mark.parametrize("text, mail", [
    ("采购代理机构：某招标代理有限公司，联系人：周某，个人邮箱zhou_lk1988@163.com。", "zhou_lk1988@163.com"),
    ("采购代理机构：某招标代理有限公司。\n投诉人联系邮箱：tan_wq77@qq.com", "tan_wq77@qq.com"),  # another clause
])
def test_a_persons_mailbox_near_a_procurement_agency_is_still_found(text, mail):
    assert [f.text for f in findings(review(text), "email")] == [mail]
