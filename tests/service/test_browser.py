"""The editors' page in a real browser: Debian's /usr/bin/chromium, headless, driven by Playwright.

No browser is downloaded: Playwright's Python package launches the system chromium through
``executable_path``. The server is the real app under uvicorn on 127.0.0.1 and a free port.
Screenshots go to ``artifacts/`` (gitignored) at the repository root.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from service_helpers import API_KEY, ID_NUMBER, MARKING, RISKY_DRAFT, live_server, make_settings

from service.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-extensions"]

if not CHROMIUM.exists():
    pytest.skip("/usr/bin/chromium 不存在：浏览器测试需要 Debian 的 chromium 软件包（apt-get install chromium）",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="需要 Playwright 的 Python 包（pip install playwright）")
expect = sync_api.expect  # polls with Playwright's own selector engine: works under the page's strict CSP


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1200, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    external: list[str] = []
    page.on("request", lambda req: external.append(req.url) if not req.url.startswith("http://127.0.0.1:") else None)
    yield page
    context.close()
    assert not external, f"the page loaded something from outside the server: {external}"
    # The browser logs every 4xx answer (401 before the key is entered, 422 for bad input); nothing else.
    unexpected = [e for e in errors if not e.startswith("Failed to load resource: the server responded with a status of 4")]
    assert not unexpected, errors


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def paste_and_check(page, draft: dict) -> None:
    page.fill("#title", draft["title"])
    page.fill("#body", draft["body"])
    page.click("button#check")
    page.wait_for_selector("#result:not([hidden])", timeout=30_000)


def test_editor_checks_a_draft_with_an_id_number_and_a_secrecy_marking(page, analyzer, risk_wired):
    expected = analyzer.analyze(RISKY_DRAFT)
    with live_server(create_app(make_settings(), analyzer=analyzer)) as url:
        page.goto(url + "/")
        assert page.title().startswith("gongkai")
        paste_and_check(page, RISKY_DRAFT)

        # the category, with its confidence
        assert page.text_content("#category") == "人事信息" == expected["category_name"]
        assert page.get_attribute("#category", "data-code") == "personnel"
        assert page.text_content("#confidence").startswith("置信度 ")
        assert page.is_hidden("#needs-review") is not expected["needs_review"]

        # the verdict badge: a secrecy marking means the item is withheld
        assert page.text_content("#verdict") == "不予公开"
        assert "verdict-withhold" in page.get_attribute("#verdict", "class")

        # the highlighted spans: exactly the characters of the findings
        marks = page.locator("#marked-body mark.finding")
        texts = marks.all_text_contents()
        assert ID_NUMBER in texts and any(MARKING in t for t in texts), texts
        id_mark = page.locator("#marked-body mark.finding", has_text=ID_NUMBER)
        assert id_mark.get_attribute("data-action") == "redact" and id_mark.get_attribute("data-ground") == "privacy"
        assert "身份证" in id_mark.get_attribute("title") and "第十五条" in id_mark.get_attribute("title")
        secret = page.locator("#marked-body mark.finding[data-ground='state_secret']")
        assert MARKING in secret.first.text_content() and "第十四条" in secret.first.get_attribute("title")
        # the unmarked text around them is the draft, unchanged
        assert page.text_content("#marked-body") == RISKY_DRAFT["body"]

        # clicking a highlight shows its reason and legal ground
        id_mark.click()
        detail = page.text_content("#finding-detail")
        assert "身份证" in detail and "个人隐私" in detail and "第十五条" in detail
        assert "active" in page.locator("#findings tbody tr.active").get_attribute("class")

        # the list of findings; a withheld draft offers no de-identified text and nothing to copy
        rows = page.locator("#findings tbody tr")
        assert rows.count() == len(expected["findings"])
        assert expected["redacted"] is None
        redacted = page.text_content("#redacted")
        assert ID_NUMBER not in redacted and "不予公开" in redacted and "不提供去标识化文本" in redacted
        assert page.is_disabled("#copy")

        path = screenshot(page, "service-page.png")
    print(f"screenshot: {path}")


def test_page_asks_for_the_key_once_and_keeps_it_in_the_session(page, analyzer):
    draft = {"title": "青山县财政局2025年度部门预算", "body": "一、部门主要职责\n二、部门预算收支情况"}
    with live_server(create_app(make_settings(api_key=API_KEY), analyzer=analyzer)) as url:
        page.goto(url + "/")
        page.wait_for_selector("#key-panel:not([hidden])", timeout=30_000)  # /v1/model answered 401
        page.fill("#title", draft["title"])
        page.fill("#body", draft["body"])
        page.fill("#api-key", "wrong-key")
        page.click("#key-form button")
        page.click("button#check")
        page.wait_for_selector("#key-panel:not([hidden])")
        expect(page.locator("#key-panel label")).to_contain_text("不正确")
        page.fill("#api-key", API_KEY)
        page.click("#key-form button")  # retries the check with the key
        page.wait_for_selector("#result:not([hidden])", timeout=30_000)
        assert page.text_content("#category") == "财政信息"
        assert page.evaluate("sessionStorage.getItem('gongkai.apiKey')") == API_KEY
        assert page.text_content("#model-info").startswith("模型 ")

        page.reload()  # same tab: the key is remembered, nothing is asked
        paste_and_check(page, draft)
        assert page.is_hidden("#key-panel")
        assert page.text_content("#verdict") in {"可公开", "去标识化后公开", "需人工审核", "不予公开"}
        screenshot(page, "service-page-auth.png")


def test_page_shows_input_errors_in_chinese(page, analyzer):
    with live_server(create_app(make_settings(max_chars=20), analyzer=analyzer)) as url:
        page.goto(url + "/")
        page.click("button#check")  # nothing typed
        assert page.text_content("#error") == "标题和正文不能同时为空。"
        page.fill("#body", "字" * 30)
        page.click("button#check")
        expect(page.locator("#error")).to_contain_text("文本过长")
        assert page.is_hidden("#result")


def test_api_docs_render_offline(page, analyzer):
    with live_server(create_app(make_settings(), analyzer=analyzer)) as url:
        page.goto(url + "/docs")
        page.wait_for_selector(".swagger-ui .info .title", timeout=30_000)
        assert "gongkai" in page.text_content(".swagger-ui .info .title")
        page.wait_for_selector(".opblock-summary-path[data-path='/v1/analyze/batch']", timeout=30_000)
        assert "检查一条草稿" in page.text_content(".swagger-ui")
