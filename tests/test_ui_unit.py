"""The UI's pure parts, without a server: HTML of answers and sources, upload names, the
admin-password check, uploads into the knowledge base, the chat generator, feedback."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.answer import Answer, Citation
from ui.chat import NO_SCOPE, Chat, history_of, messages_of, restore, stream_answer
from ui.feedback import FeedbackLog, vote_name
from ui.kb import (
    KnowledgeBase,
    Upload,
    access_note,
    check_password,
    results_html,
    sanitize_filename,
    save_uploads,
)
from ui.sources import answer_html, citation_html, highlight, sources_html

XSS_IMG = '<img src=x onerror="window.__xss=1">'
XSS_SCRIPT = "<script>window.__xss=2</script>"


def cite(n: int = 1, **kw) -> Citation:
    base = {"n": n, "source": "余杭.txt", "title": "杭州市余杭区2021年法治政府建设年度报告",
            "region": "杭州市余杭区", "year": 2021,
            "section": "一、主要举措和成效 > （四）积极保障经济社会发展 > 3.开展系列行动",
            "page": 3,
            "text": "全年共走访企业2552家。行政区划调整后，引进律师事务所9家，助力发展。",
            "quote": "行政区划调整后，引进律师事务所9家，助力发展。"}
    return Citation(**{**base, **kw})


# ---- sources.py ----------------------------------------------------------------------
def test_highlight_marks_the_quote_and_escapes():
    html = highlight(f"前文{XSS_IMG}。支持句{XSS_SCRIPT}。后文", f"支持句{XSS_SCRIPT}。")
    assert "<img" not in html and "<script" not in html
    assert "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;" in html
    assert html.count("<mark") == 1
    marked = re.search(r"<mark[^>]*>(.*?)</mark>", html).group(1)
    assert marked == "支持句&lt;script&gt;window.__xss=2&lt;/script&gt;。"


def test_highlight_tolerates_whitespace_and_missing_quotes():
    assert "<mark" in highlight("引进律师\n事务所9家。", "引进律师事务所9家。")
    assert "<mark" not in highlight("别的内容。", "引进律师事务所9家。")
    assert "<mark" not in highlight("别的内容。", "  ")


def test_every_field_of_a_citation_is_escaped():
    evil = cite(title=f"标题{XSS_SCRIPT}", region=f"地区{XSS_IMG}", section=f"一、{XSS_IMG}",
                source=f"{XSS_SCRIPT}.txt", text=f"正文{XSS_IMG}{XSS_SCRIPT}", quote="正文")
    html = citation_html(evil)
    assert "<script" not in html and "<img" not in html
    # title (twice: heading and the card's tooltip), source, passage; region, section, passage
    assert html.count("&lt;script&gt;") == 4 and html.count("&lt;img") == 3


def test_citation_shows_title_region_year_section_page():
    html = citation_html(cite())
    for part in ("杭州市余杭区2021年法治政府建设年度报告", "杭州市余杭区", "2021年", "第3页",
                 "（四）积极保障经济社会发展", "[1]"):
        assert part in html
    assert "2021年" in citation_html(cite(page=None)) and "第" not in citation_html(cite(page=None))


def test_answer_html_is_one_markdown_safe_block():
    answer = Answer(f"9家。\n余杭区2021年：{XSS_IMG}引进律师事务所9家。[1]\n\n*不是强调* #1",
                    found=True, citations=[cite()], question="2021年律师事务所引进多少家")
    html = answer_html(answer, asked="2021年律师事务所引进多少家")
    assert "\n" not in html  # no blank line ends the HTML block, so Markdown leaves it alone
    assert html.startswith('<div class="fz-answer fz-final">')
    assert '<sup class="fz-ref fz-ref-link fz-cite-1" title="[1] 行政区划调整后' in html
    assert "<img" not in html and "来源（1）" in html and "理解为" not in html
    assert sources_html([]) == ""


def test_answer_html_says_how_a_follow_up_was_understood():
    answer = Answer("2552家。", found=True, question="余杭区2021年走访了多少家企业")
    assert "理解为：余杭区2021年走访了多少家企业" in answer_html(answer, asked="那企业呢？")
    assert "fz-not-found" in answer_html(Answer("没有找到。", found=False))


# ---- kb.py -----------------------------------------------------------------------------
@pytest.mark.parametrize(("raw", "safe"), [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("..\\..\\Windows\\余杭区 2021年报告.docx", "余杭区 2021年报告.docx"),
    ("/abs/path/测试县2022年法治政府建设年度报告.docx", "测试县2022年法治政府建设年度报告.docx"),
    (".bashrc.txt", "bashrc.txt"),
    ('a<b>c:d"e|f?g*h.md', "abcdefgh.md"),
    ("报告\x00\x1f\n名.pdf", "报告名.pdf"),
    ("  多个   空格 .txt ", "多个 空格.txt"),
    ("..", "upload"),
    ("", "upload"),
    (".txt", "txt"),
    ("报告", "报告"),
    ("年报\u202efdp.exe", "年报fdp.exe"),  # right-to-left override: looks like 年报exe.pdf
    ("余\u200b杭\u2066区\u2069.txt", "余杭区.txt"),  # zero-width and bidi isolates
])
def test_sanitize_filename(raw, safe):
    assert sanitize_filename(raw) == safe


def test_sanitize_filename_limits_length_and_keeps_the_suffix():
    name = sanitize_filename("长" * 500 + ".docx")
    assert name.endswith(".docx") and len(name) <= 130


def test_check_password():
    assert check_password(None, None) and check_password("", "anything")
    assert check_password("秘密s3cret", "秘密s3cret")
    assert not check_password("秘密s3cret", "wrong")
    assert not check_password("秘密s3cret", "")
    assert not check_password("秘密s3cret", None)


def test_save_uploads_checks_type_and_size(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    good = src / "报告.txt"
    good.write_text("正文", encoding="utf-8")
    exe = src / "evil.exe"
    exe.write_bytes(b"MZ")
    big = src / "big.pdf"
    big.write_bytes(b"x" * 3 * 1024 * 1024)
    dest = tmp_path / "uploads"
    saved = save_uploads([good, exe, big, good], dest, max_mb=2)
    assert [u.name for u in saved] == ["报告.txt", "evil.exe", "big.pdf", "报告(2).txt"]
    assert saved[0].path == dest / "报告.txt"
    assert saved[0].path.read_text(encoding="utf-8") == "正文"
    assert saved[1].path is None and "不支持的文件类型" in saved[1].error
    assert saved[2].path is None and "超过上限 2 MB" in saved[2].error
    assert sorted(p.name for p in dest.iterdir()) == ["报告(2).txt", "报告.txt"]


@pytest.fixture
def kb(hash_settings):
    from ingest.pipeline import Ingestor
    from vectorstore.factory import open_store

    store = open_store(hash_settings)
    return KnowledgeBase(store, Ingestor(store), hash_settings.store_dir, 1, "pw")


def test_knowledge_base_add_list_delete(kb, tmp_path):
    report = tmp_path / "in" / "..测试县2022年法治政府建设年度报告.txt"
    report.parent.mkdir()
    report.write_text("测试县2022年法治政府建设年度报告\n一、主要举措和成效\n"
                      "2022年，测试县新建法律顾问工作室35个。\n", encoding="utf-8")
    empty = tmp_path / "in" / "空.md"
    empty.write_text("", encoding="utf-8")
    results = kb.add([report, empty])
    (name, ok), (_, failed) = results
    assert name == "测试县2022年法治政府建设年度报告.txt" and ok.status == "added"
    assert failed.status == "failed" and failed.error
    html = results_html(results)
    assert "已导入" in html and "导入失败" in html and 'class="fz-error"' in html
    [doc] = kb.documents()
    assert doc.source == name and (kb.uploads / name).is_file()
    assert kb.rows()[0][:5] == ["测试县2022年法治政府建设年度报告", "测试县", 2022, "", doc.chunks]
    assert kb.choices() == [("测试县2022年法治政府建设年度报告", doc.doc_id)]
    assert kb.protected and kb.allowed("pw") and not kb.allowed("nope")

    assert kb.delete(doc.doc_id) == doc
    assert kb.documents() == [] and not (kb.uploads / name).exists()
    assert kb.delete(doc.doc_id) is None


def test_managing_needs_the_admin_password(kb, tmp_path):
    report = tmp_path / "报告.txt"
    report.write_text("测试县2022年法治政府建设年度报告\n正文内容很多很多。\n", encoding="utf-8")
    html, done = kb.upload([report], "wrong")
    assert not done and "管理密码不正确" in html and "fz-error" in html
    assert kb.documents() == [] and not kb.uploads.exists()

    html, done = kb.upload([report], "pw")
    assert done and "已导入" in html
    [doc] = kb.documents()
    assert "管理密码不正确" in kb.remove(doc.doc_id, None)
    assert kb.documents() == [doc]
    assert "已删除" in kb.remove(doc.doc_id, "pw") and kb.documents() == []
    assert "请先选择" in kb.remove(None, "pw") and "请先选择" in kb.upload([], "pw")[0]


def _audit(kb) -> list[dict]:
    return [json.loads(line) for line in kb.audit.path.read_text(encoding="utf-8").splitlines()]


def test_admin_actions_are_audited_and_wrong_passwords_lock_out(kb, tmp_path):
    from ui.guard import Lockout

    now = [1000.0]
    kb.lockout = Lockout(max_failures=5, period=300, clock=lambda: now[0])
    report = tmp_path / "报告.txt"
    report.write_text("测试县2022年法治政府建设年度报告\n2022年，测试县新建法律顾问工作室35个。\n",
                      encoding="utf-8")
    html, _ = kb.upload([report], "pw", client="10.0.0.1")
    [doc] = kb.documents()
    for _ in range(4):
        assert "管理密码不正确" in kb.remove(doc.doc_id, "nope", client="10.0.0.9")
    assert "锁定" in kb.remove(doc.doc_id, "nope", client="10.0.0.9")  # the fifth failure
    assert "5 分钟" in kb.remove(doc.doc_id, "pw", client="10.0.0.9")  # even the right one
    assert kb.documents() == [doc]
    assert "已删除" not in kb.remove(doc.doc_id, "pw", client="10.0.0.9")
    now[0] += 301
    assert "已删除" in kb.remove(doc.doc_id, "pw", client="10.0.0.9")
    rows = _audit(kb)
    assert [r["action"] for r in rows] == (["upload"] + ["password-failed"] * 5
                                           + ["locked-out"] * 2 + ["delete"])
    assert rows[0]["client"] == "10.0.0.1" and rows[0]["target"] == "报告.txt" and rows[0]["ok"]
    assert rows[-1]["client"] == "10.0.0.9" and doc.doc_id in rows[-1]["target"]
    assert all(r["time"] for r in rows)


def test_upload_limits_count_and_deletes_rejected_copies(kb, tmp_path):
    kb.max_files = 2
    files = []
    for i in range(3):
        f = tmp_path / f"报告{i}.txt"
        f.write_text(f"测试县202{i}年法治政府建设年度报告\n新建工作室3{i}个。\n", encoding="utf-8")
        files.append(f)
    html, done = kb.upload(files, "pw", client="c")
    assert not done and "一次最多上传 2 个文件" in html and kb.documents() == []
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"not a zip at all")
    html, _ = kb.upload([files[0], broken], "pw", client="c")
    assert "已导入" in html and "不是有效的 Word 文档" in html and "zip" not in html
    assert sorted(p.name for p in kb.uploads.iterdir()) == ["报告0.txt"]
    html, _ = kb.upload([files[0]], "pw", client="c")
    assert "已跳过" in html


def test_admin_corrects_title_region_year(hash_settings, tmp_path):
    from ingest.pipeline import Ingestor
    from vectorstore.factory import open_store

    store = open_store(hash_settings)
    ingestor = Ingestor(store, originals=hash_settings.store_dir / "originals")
    kb = KnowledgeBase(store, ingestor, hash_settings.store_dir, 5, "pw")
    html, _ = kb.upload([SAMPLES / "明湖区_2023.pdf"], "pw", client="10.0.0.2")
    [doc] = kb.documents()
    assert kb.rows()[0][3] == 4  # pages of the PDF
    assert "管理密码不正确" in kb.edit(doc.doc_id, "新标题", "", "2023", "nope")
    assert "四位数字" in kb.edit(doc.doc_id, "新标题", "", "二三", "pw")
    assert "已修改" in kb.edit(doc.doc_id, "明湖区2023年法治政府建设情况报告", "鹭洲市明湖区",
                              "2023年", "pw", client="10.0.0.2")
    [edited] = kb.documents()
    assert (edited.title, edited.region, edited.year) == ("明湖区2023年法治政府建设情况报告",
                                                          "鹭洲市明湖区", 2023)
    assert edited.source == doc.source and store.count() > 0
    row = _audit(kb)[-1]
    assert row["action"] == "edit" and row["ok"] and "明湖区2023年法治政府建设情况报告" in row["detail"]


def test_reasons_are_chinese():
    from ui.kb import UNREADABLE, reason_text

    assert reason_text("a.docx: File is not a zip file", "a.docx").startswith("文件不是有效的 Word")
    assert reason_text("same content as 余杭.txt") == "与已收录的“余杭.txt”内容相同"
    assert reason_text("x.pdf: no text found", "x.pdf").startswith("文件中没有找到文字")
    assert reason_text("list index out of range") == UNREADABLE
    assert reason_text("文档展开后超过100万字") == "文档展开后超过100万字"


def test_open_knowledge_base_says_anyone_can_manage_it(hash_settings):
    open_kb = KnowledgeBase(None, None, hash_settings.store_dir, 1, None)
    assert not open_kb.protected and open_kb.allowed(None) and open_kb.allowed("x")
    assert "任何" in access_note(open_kb)


def test_results_html_escapes_names():
    html = results_html([("<b>x</b>.exe", Upload("<b>x</b>.exe", error="不支持<script>"))])
    assert "<b>x</b>" not in html and "&lt;script&gt;" in html


# ---- chat.py, feedback.py ---------------------------------------------------------------
class RecordingService:
    """Answers from a script and records what it was asked (history included)."""

    def __init__(self, answers: list[Answer], docs=()):
        self.answers = list(answers)
        self.calls: list[tuple] = []
        self.docs = list(docs)

    def ask(self, question, history=None, doc_ids=None):
        self.calls.append((question, [list(t) for t in history or []], doc_ids))
        return self.answers.pop(0)

    def documents(self, doc_ids=None):
        return self.docs


def run(chat: Chat, question: str, turns: list, reports=None, years=None) -> list[tuple]:
    return list(chat.respond(question, turns, reports, years))


def test_chat_streams_and_passes_history(tmp_path):
    first = Answer("9家。\n余杭区2021年：引进律师事务所9家，助力我区律师行业队伍壮大。[1]",
                   found=True, citations=[cite()], question="2021年律师事务所引进多少家")
    second = Answer("2552家。[1]", found=True, citations=[cite()], question="2021年走访多少企业")
    service = RecordingService([first, second])
    chat = Chat(service, FeedbackLog(tmp_path / "feedback.jsonl"))

    steps = run(chat, "2021年律师事务所引进多少家", [])
    assert len(steps) > 3  # pending, several pieces, final
    box, messages, turns = steps[-1]
    assert box == "" and [m["role"] for m in messages] == ["user", "assistant"]
    assert "fz-final" in messages[1]["content"] and "<mark" in messages[1]["content"]
    assert "fz-final" not in steps[-2][1][1]["content"]  # a piece, not yet the sources
    assert turns[0]["answer"] == first.text and turns[0]["citations"][0]["n"] == 1

    *_, (_, messages, turns) = run(chat, "那走访了多少家企业？", turns)
    assert service.calls[1] == ("那走访了多少家企业？",
                                [["2021年律师事务所引进多少家", first.text]], None)
    assert len(messages) == 4 and "理解为：2021年走访多少企业" in messages[3]["content"]
    assert history_of(turns) == [["2021年律师事务所引进多少家", first.text],
                                 ["那走访了多少家企业？", "2552家。[1]"]]


def test_chat_escapes_the_question_and_ignores_blank_input(tmp_path):
    service = RecordingService([Answer("没有找到。", found=False)])
    chat = Chat(service, FeedbackLog(tmp_path / "f.jsonl"))
    assert run(chat, "   ", []) == [("", [], [])]
    *_, (_, messages, _) = run(chat, XSS_IMG + "\n\n![图](http://evil.test/a.png)", [])
    # one HTML block (no blank line), so Markdown leaves the image syntax as text
    assert "<img" not in messages[0]["content"] and "\n" not in messages[0]["content"]
    assert messages[0]["content"].startswith('<div class="fz-question">')


def test_chat_filters_become_doc_ids(tmp_path):
    from vectorstore.records import DocumentRecord

    docs = [DocumentRecord("a", "a.txt", "A", "甲区", 2021, "0", 1, "t"),
            DocumentRecord("b", "b.txt", "B", "甲区", 2022, "0", 1, "t")]
    service = RecordingService([Answer("x", found=False)] * 3, docs)
    chat = Chat(service, FeedbackLog(tmp_path / "f.jsonl"))
    run(chat, "问题", [], years=[2022])
    run(chat, "问题", [], reports=["a", "b"], years=[2021])
    assert [c[2] for c in service.calls] == [["b"], ["a"]]
    *_, (_, messages, _) = run(chat, "问题", [], reports=["a"], years=[2022])
    assert len(service.calls) == 2 and NO_SCOPE in messages[1]["content"]


def test_chat_survives_a_failing_service(tmp_path):
    class Broken(RecordingService):
        def ask(self, *a, **kw):
            raise RuntimeError("boom")

    chat = Chat(Broken([]), FeedbackLog(tmp_path / "f.jsonl"))
    *_, (_, messages, turns) = run(chat, "问题", [])
    assert "出错" in messages[1]["content"] and len(turns) == 1


def test_chat_says_when_the_knowledge_base_is_unavailable(tmp_path):
    from vectorstore.errors import StoreUnavailable
    from vectorstore.store import _unavailable

    class Down(RecordingService):
        def ask(self, *a, **kw):
            raise StoreUnavailable(_unavailable("db.example:8000"))

    chat = Chat(Down([]), FeedbackLog(tmp_path / "f.jsonl"))
    *_, (_, messages, turns) = run(chat, "2021年律师事务所引进多少家", [])
    assert "知识库服务暂时不可用" in messages[1]["content"] and "db.example:8000" in turns[0]["answer"]


def test_restore_accepts_only_saved_turns():
    turn = {"question": "问", "answer": "答", "citations": [], "html": "<div>答</div>"}
    assert restore([turn]) == ([{"role": "user", "content": '<div class="fz-question">问</div>'},
                                {"role": "assistant", "content": "<div>答</div>"}], [turn])
    assert restore(None) == ([], []) and restore([{"question": "问"}]) == ([], [])


def test_stream_answer_prefers_the_services_stream():
    final = Answer("流式回答", found=True)

    class Streaming(RecordingService):
        def ask_stream(self, question, history, doc_ids):
            yield "流式", None
            yield "流式回答", final

    assert list(stream_answer(Streaming([]), "q", [], None)) == [("流式", None),
                                                                ("流式回答", final)]


def test_like_appends_feedback(tmp_path):
    import gradio as gr

    path = tmp_path / "store" / "feedback.jsonl"
    chat = Chat(RecordingService([]), FeedbackLog(path))
    turns = [{"question": "问1", "answer": "答1", "citations": [], "html": ""},
             {"question": "问2", "answer": "答2", "citations": [{"n": 1}], "html": ""}]
    chat.like(turns, gr.LikeData(None, {"index": 3, "value": "答2", "liked": True}))
    chat.like(turns, gr.LikeData(None, {"index": 1, "value": "答1", "liked": False}))
    chat.like(turns, gr.LikeData(None, {"index": 0, "value": "问1", "liked": True}))  # a question
    chat.like(turns, gr.LikeData(None, {"index": 3, "value": "答2", "liked": ""}))  # un-liking
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [(r["question"], r["vote"]) for r in rows] == [("问2", "like"), ("问1", "dislike")]
    assert rows[0]["citations"] == [{"n": 1}] and rows[0]["answer"] == "答2" and rows[0]["time"]
    assert vote_name("Inaccurate") == "Inaccurate" and vote_name(None) == ""


def test_feedback_log_is_rate_limited_and_capped(tmp_path):
    from ui.guard import RateLimit

    now = [0.0]
    log = FeedbackLog(tmp_path / "f.jsonl", max_bytes=2000,
                      rate=RateLimit(3, 60, clock=lambda: now[0]))
    assert all(log.record("问", "答", [], "like", client="a") for _ in range(3))
    assert log.record("问", "答", [], "like", client="a") is None  # 4th this minute
    assert log.record("问", "答", [], "like", client="b") is not None
    now[0] += 61
    assert log.record("问" * 10_000, "答", [], "dislike", client="a") is None  # over the cap
    assert log.record("", "", [], "", client="c") is None
    assert log.path.stat().st_size <= 2000 and len(log.path.read_text().splitlines()) == 4


def test_upload_guard_refuses_big_and_frequent_uploads():
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route
    from starlette.testclient import TestClient

    from ui.guard import UploadGuard

    async def ok(request):
        return PlainTextResponse(str(len(await request.body())))

    app = Starlette(routes=[Route("/gradio_api/upload", ok, methods=["POST"]),
                            Route("/other", ok, methods=["POST"])],
                    middleware=[Middleware(UploadGuard, max_bytes=1000, per_minute=3)])
    client = TestClient(app)
    assert client.post("/gradio_api/upload", content=b"x" * 10).text == "10"
    big = client.post("/gradio_api/upload", content=b"x" * 5000)
    assert big.status_code == 413 and "超过" in big.json()["error"]
    assert client.post("/other", content=b"x" * 5000).status_code == 200
    assert client.post("/gradio_api/upload", content=b"x").status_code == 200
    limited = client.post("/gradio_api/upload", content=b"x")
    assert limited.status_code == 429 and "频繁" in limited.json()["error"]


def test_api_ask_returns_the_json_contract(tmp_path):
    answer = Answer("9家。[1]", found=True, citations=[cite()])
    service = RecordingService([answer])
    out = Chat(service, FeedbackLog(tmp_path / "f.jsonl")).api_ask("问题", None, [])
    assert out == answer.to_dict() and service.calls == [("问题", [], None)]


def test_create_app_builds_without_serving(hash_settings):
    import app

    demo = app.create_app(hash_settings)
    info = demo.get_api_info()
    assert list(info["named_endpoints"]) == ["/ask"]
    assert Path(app.__file__).read_text(encoding="utf-8").count("\n") < 150


# ---- safe_markdown.py / study_tab.py ---------------------------------------------------------
def test_study_markdown_escapes_report_text():
    from ui.safe_markdown import markdown_html

    md = ("# 专题学习资料：行政复议\n\n**[1]** 受理88件" + XSS_IMG
          + "![图](http://evil.test/a.png)[链接](javascript:alert(1))\n\n- 事实<form>\n\n> 出处：报告  \n")
    html = markdown_html(md)
    assert "<h1>专题学习资料：行政复议</h1>" in html and "<strong>[1]</strong>" in html
    assert "<img" not in html and "<form" not in html and "href" not in html
    assert "&lt;form&gt;" in html and "![图](http://evil.test/a.png)" in html
    assert "<li>事实&lt;form&gt;</li>" in html and "<blockquote>出处：报告</blockquote>" in html


def test_quiz_seed_must_be_an_integer():
    from ui.study_tab import BAD_SEED, seed_error

    assert seed_error("abc") == BAD_SEED and seed_error("") is None and seed_error(" 42 ") is None


# ---- source_view.py ----------------------------------------------------------------------
SAMPLES = Path(__file__).parent / "fixtures" / "samples"
DECISION = ("2023年度区政府重大行政决策事项目录共列入《明湖区养老服务体系建设三年行动计划》"
            "《明湖区背街小巷环境整治方案》等7项事项")


def test_find_quote_ignores_spaces_and_width():
    from ui.source_view import find_quote

    chars = list("前文。引进律师\r\n事务所９家，助力。后文")
    found = find_quote(chars, "引进律师事务所9家，")
    assert "".join(chars[i] for i in found) == "引进律师事务所９家，"
    assert find_quote(chars, "完全不同的一句话内容") == [] and find_quote(chars, " ") == []


def test_pdf_page_highlights_the_quote_where_it_stands():
    from ui.source_view import pdf_page

    png, boxes, page = pdf_page(SAMPLES / "明湖区_2023.pdf", 1, DECISION)
    assert png.startswith(b"\x89PNG") and page == 1
    # two lines of the first item of section 一（一）: left column, upper half of page 1
    assert 2 <= len(boxes) <= 3
    assert all(0.1 < b.left < 0.5 and 0.3 < b.top < 0.5 and b.height < 0.03 for b in boxes)
    assert pdf_page(SAMPLES / "明湖区_2023.pdf", 1, "月球上的律师事务所一共有多少家")[1] == []


def test_source_viewer_shows_the_section_or_the_pdf_page(hash_settings, tmp_path):
    from ingest.pipeline import Ingestor
    from ui.source_view import ORIGINALS, SourceViewer
    from vectorstore.factory import open_store

    store = open_store(hash_settings)
    ingestor = Ingestor(store, originals=hash_settings.store_dir / ORIGINALS)
    ingestor.ingest([SAMPLES / "明湖区_2023.pdf", SAMPLES / "明湖区_2022.txt"])
    viewer = SourceViewer(store, hash_settings.store_dir)
    pdf_doc, txt_doc = sorted(store.documents(), key=lambda d: d.source.endswith(".txt"))
    assert viewer.original(pdf_doc).name == f"{pdf_doc.doc_id}.pdf"
    [pdf_chunk] = [c for c in store.chunks() if c.doc_id == pdf_doc.doc_id and DECISION in c.text][:1]
    html, path = viewer.view({"n": 1, "source": pdf_doc.source, "section": pdf_chunk.section_path,
                              "page": pdf_chunk.page, "quote": DECISION, "text": pdf_chunk.text})
    assert path.endswith(".pdf") and 'class="fz-page"' in html and html.count('class="fz-box"') >= 2
    assert "（一）坚持依法科学民主决策" in html and "data:image/png;base64," in html

    chunk = next(c for c in store.chunks() if c.doc_id == txt_doc.doc_id and len(c.section) >= 2)
    quote = [s for s in chunk.text.split("。") if s][-1] + "。"
    html, path = viewer.view({"n": 2, "source": txt_doc.source, "section": chunk.section_path,
                              "page": None, "quote": quote, "text": chunk.text})
    assert path.endswith(".txt") and "<mark" in html and "fz-breadcrumb" in html
    assert chunk.section[-1] in html
    html, path = viewer.view({"n": 3, "source": "不存在.txt", "section": "", "quote": ""})
    assert "不在知识库" in html and path is None


def test_clicks_resolve_to_citations_of_the_session():
    from ui.chat import cited

    turns = [{"question": "问", "answer": "答", "citations": [{"n": 1, "source": "a"}], "html": ""}]
    assert cited(turns, "0:1:123") == {"n": 1, "source": "a"}
    assert cited(turns, "1:1") is None and cited(turns, "0:2") is None and cited(turns, "x") is None


# ---- suggest.py, regenerate ------------------------------------------------------------------
def test_suggestions_ask_other_years_and_the_sections_topic():
    from ui.suggest import suggestions
    from vectorstore.records import DocumentRecord

    docs = [DocumentRecord(f"d{y}", f"{y}.txt", f"余杭{y}", "杭州市余杭区", y, "0", 1, "t")
            for y in (2019, 2021, 2022, 2023)]
    answer = Answer("9家。[1]", found=True, citations=[cite()], question="2021年律师事务所引进多少家")
    out = suggestions("2021年律师事务所引进多少家", answer, docs)
    assert out == ["2022年律师事务所引进多少家", "2023年律师事务所引进多少家",
                   "杭州市余杭区2021年在“开展系列行动”方面还有哪些举措和数据？"]
    assert suggestions("问", Answer("没有找到。", found=False), docs) == []
    no_year = Answer("9家。", found=True, citations=[cite()], question="律所引进多少家")
    assert suggestions("律所引进多少家", no_year, docs)[0] == "2022年律所引进多少家"


def test_regenerate_replaces_only_that_turn(tmp_path):
    first = Answer("9家。[1]", found=True, citations=[cite()], question="q1")
    service = RecordingService([first, Answer("2552家。", found=True, question="q2"),
                                Answer("9家。[1]", found=True, citations=[cite()], question="q1")])
    chat = Chat(service, FeedbackLog(tmp_path / "f.jsonl"))
    *_, (_, _, turns) = run(chat, "q1", [])
    *_, (_, _, turns) = run(chat, "q2", turns)
    messages, again = chat.regenerate("0:123", turns)
    assert [t["question"] for t in again] == ["q1", "q2"] and again[1] == turns[1]
    assert "重新生成" in again[0]["html"] and service.calls[-1] == ("q1", [], None)
    assert chat.regenerate("9:1", turns) == (messages_of(turns), turns)


# ---- conversations.py, study exports -----------------------------------------------------------
def _turn(q: str, a: str, *cites: Citation) -> dict:
    return {"question": q, "answer": a, "citations": [c.__dict__ for c in cites], "html": ""}


def test_conversations_archive_and_reopen():
    from ui import conversations

    first = [_turn("2021年律师事务所引进多少家", "9家。[1]", cite())]
    kept, cid = conversations.archive(first, None, "")
    assert len(kept) == 1 and kept[0]["title"] == "2021年律师事务所引进多少家" and cid
    again, same = conversations.archive([*first, _turn("问2", "答2")], kept, cid)
    assert len(again) == 1 and same == cid and len(again[0]["turns"]) == 2  # replaced, not added
    assert conversations.archive([], again, "other")[0] == again  # empty chats are not kept
    assert conversations.choices(again)[0][1] == cid and conversations.find(again, cid)
    assert conversations.find([{"bad": 1}], cid) is None


def test_chat_export_numbers_citations_through_the_conversation(tmp_path):
    import docx

    from ui.conversations import chat_markdown, write_chat_docx

    turns = [_turn("2021年律师事务所引进多少家", "9家。[1]", cite()),
             _turn("走访了多少家企业", "2552家。[1]", cite(quote="全年共走访企业2552家。"))]
    md = chat_markdown(turns)
    assert "## 1. 2021年律师事务所引进多少家" in md and "2552家。[2]" in md
    assert "[2] 杭州市余杭区2021年法治政府建设年度报告 · 杭州市余杭区 · 2021年" in md
    assert "第3页。原文：全年共走访企业2552家。" in md
    path = write_chat_docx(turns, tmp_path / "chat.docx")
    document = docx.Document(str(path))
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    footer = section.footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    texts = [p.text for p in document.paragraphs]
    assert "2552家。[2]" in texts and any(t.startswith("[2] 杭州市余杭区") for t in texts)


def test_quiz_docx_is_a4_with_a_name_line(hash_settings, tmp_path):
    import docx

    from bot.service import build_service
    from ingest.pipeline import Ingestor
    from study.export import ANSWER_SHEET_LINE
    from study.ui_api import make_quiz

    service = build_service(hash_settings)
    Ingestor(service.store).ingest([SAMPLES / "明湖区_2023.txt"])
    md, path = make_quiz(service, 3, None, 1, out_dir=tmp_path)
    assert ANSWER_SHEET_LINE in md and path
    document = docx.Document(path)
    assert round(document.sections[0].page_height.cm, 1) == 29.7
    assert any("姓名：" in p.text and "得分：" in p.text for p in document.paragraphs)
    assert 'w:instr="PAGE"' in document.sections[0].footer.paragraphs[0]._p.xml
