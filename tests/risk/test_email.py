"""E-mail recognizer: private mailboxes flagged, government/office mailboxes not."""

import pytest

from tests.assertions import assert_not_found, assert_span


@pytest.mark.parametrize("text, span", [
    ("来信人（电子邮箱：2012119122@qq.com）反映", "2012119122@qq.com"),     # digits @ QQ, in prose
    ("lvxt_1991@126.com为申请人邮箱", "lvxt_1991@126.com"),                # start of text
    ("网友注册邮箱chenpao.yt@163.com", "chenpao.yt@163.com"),             # end of text
    ("私人邮箱：zhang.san@example.com。", "zhang.san@example.com"),        # other domain, private cue
])
def test_found(text, span):
    f = assert_span(text, "email", span)
    assert f.replacement.endswith("@" + span.split("@")[1])


@pytest.mark.parametrize("text", [
    "办公邮箱：xhgjj@hzxh.gov.cn。",
    "请发送至xyqsfj@haikou.gov.cn",
    "技术咨询邮箱：lyrsks@yantai.gov.cn",
])
def test_office_mail_not_found(text):
    assert_not_found(text, "email")
