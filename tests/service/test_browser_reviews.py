"""The review records on the editors' page, in a real browser (system chromium driven by Playwright).

An editor with a named key checks a draft, dismisses a finding with a reason, records a decision
(first without the required note: a Chinese message), corrects the category and sees the review in
the history; the server's record is read back through the API.
"""

from __future__ import annotations

import httpx
from service_helpers import ID_NUMBER, RISKY_DRAFT, live_server, make_settings
from test_browser import browser, expect, page, screenshot  # noqa: F401 - fixtures; skips without chromium

from service.app import create_app

KEY = "gk-browser-wang-0123456789"
MOBILE = "13912345678"
DRAFT = {"id": "cms-browser-1", "title": RISKY_DRAFT["title"],
         "body": f"现将拟聘用人员公示如下：王小明，身份证号{ID_NUMBER}，联系电话{MOBILE}，报考岗位：综合管理。"}


def test_editor_dismisses_a_finding_records_a_decision_and_sees_the_history(page, analyzer, tmp_path):
    settings = make_settings(api_keys=f"王编辑={KEY}", database_url=f"sqlite:///{tmp_path / 'reviews.db'}")
    expected = analyzer.analyze(DRAFT)
    mobile = next(i for i, f in enumerate(expected["findings"]) if f["type"] == "mobile")
    with live_server(create_app(settings, analyzer=analyzer)) as url:
        page.goto(url + "/")
        page.wait_for_selector("#key-panel:not([hidden])", timeout=30_000)
        page.fill("#api-key", KEY)
        page.click("#key-form button")
        page.fill("#title", DRAFT["title"])
        page.fill("#body", DRAFT["body"])
        page.click("button#check")
        page.wait_for_selector("#review-panel:not([hidden])", timeout=30_000)
        expect(page.locator("#review-by")).to_contain_text("王编辑")
        review_id = int(page.text_content("#review-id").removeprefix("编号 "))

        # dismiss the mobile number as the unit's duty phone
        row = page.locator(f'#findings tbody tr[data-finding="{mobile}"]')
        row.locator("button[data-dismiss]").click()
        page.click("#dismiss-form button[type=submit]")  # no reason: refused on the page
        expect(page.locator("#review-status")).to_have_text("请写明驳回理由。")
        page.fill("#dismiss-reason", "本单位值班电话")
        page.click("#dismiss-form button[type=submit]")
        expect(row).to_contain_class("dismissed")
        expect(page.locator("#review-events li[data-kind=dismissal]")).to_contain_text("本单位值班电话")

        # publishing a draft the tool would redact needs a note: the server's Chinese message is shown
        page.select_option("#decision", "publish")
        page.click("#decide")
        expect(page.locator("#review-status")).to_contain_text("须写明理由")
        page.select_option("#decision", "redact")
        page.fill("#decision-note", "遮盖身份证号后公开")
        page.click("#decide")
        expect(page.locator("#review-status")).to_have_text("已记录决定：去标识化后公开。")
        expect(page.locator("#review-events li[data-kind=decision]")).to_contain_text("遮盖身份证号后公开")

        page.select_option("#category-fix", "personnel")
        page.click("#category-form button")
        expect(page.locator("#review-events li[data-kind=category]")).to_contain_text("人事信息")

        # the history lists the review with its decision; clicking it shows the events
        history = page.locator(f'#history-table tr[data-review="{review_id}"]')
        expect(history).to_contain_text("去标识化后公开（王编辑）")
        history.click()
        expect(page.locator("#history-detail")).to_contain_text("驳回第 " + str(mobile + 1) + " 项发现")
        screenshot(page, "service-page-reviews.png")
        page.select_option("#history-filter", "none")  # only reviews still waiting for a decision
        expect(page.locator("#history-empty")).to_be_visible()
        page.select_option("#history-filter", "redact")
        expect(page.locator(f'#history-table tr[data-review="{review_id}"]')).to_be_visible()

        kept = httpx.get(f"{url}/v1/reviews/{review_id}", headers={"X-API-Key": KEY}, timeout=30).json()
    assert [(e["kind"], e["by"]) for e in kept["events"]] == [("dismissal", "王编辑"), ("decision", "王编辑"),
                                                              ("category", "王编辑")]
    assert kept["events"][0]["text"] == MOBILE and kept["dismissed"] == [mobile]
    assert kept["decision"]["decision"] == "redact" and kept["current_category"] == "personnel"
    assert kept["events"][2]["title"] == DRAFT["title"]
    assert all("text" not in f for f in kept["findings"])
