"""The HTTP API: the official `openai` client and plain HTTP against `python app.py` on
127.0.0.1 (hash embedder, the bundled report ingested on first start), plus in-process
checks of auth, filters and limits through FastAPI's TestClient."""

from __future__ import annotations

import json
import shutil
import time

import httpx
import pytest

from bot.limits import ChatLimits, InvalidRequest, check_history, check_question
from tests.conftest import SAMPLES, SEED_REPORT, TODAY, build_store
from tests.ui_server import running_app

TOUCHSTONE = "2021年律师事务所引进多少家"
MINGHU = "明湖区2023年审查区政府合同多少份"
PASSWORD = "管理密码-2026"
AUTH = {"Authorization": f"Bearer {PASSWORD}".encode()}  # a Chinese password, sent as UTF-8


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _error(r: httpx.Response, status: int) -> str:
    assert r.status_code == status, (r.status_code, r.text)
    message = r.json()["error"]["message"]
    assert _has_chinese(message) and "Traceback" not in message, message
    return message


# ---- the real app -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("api")
    env = {"FAZHI_EMBEDDING_MODEL": "hash", "FAZHI_TODAY": TODAY.isoformat(),
           "FAZHI_ADMIN_PASSWORD": PASSWORD, "FAZHI_MAX_UPLOAD_MB": "1"}
    with running_app(tmp / "store", tmp / "app.log", env=env) as server:
        yield server


@pytest.fixture(scope="module")
def http(app):
    with httpx.Client(base_url=app.url, timeout=120, trust_env=False) as client:
        yield client


@pytest.fixture(scope="module")
def client(app):
    import openai

    return openai.OpenAI(base_url=app.url + "v1", api_key="x",
                         http_client=httpx.Client(timeout=120, trust_env=False))


def _check_touchstone(text: str, citations: list[dict], found: bool) -> None:
    assert text.startswith("9家"), text
    assert found is True
    first = citations[0]
    assert set(first) == {"n", "source", "title", "region", "year", "section", "page", "text",
                          "quote"}
    assert first["n"] == 1 and "引进律师事务所9家" in first["quote"]
    assert first["quote"] in first["text"] and first["year"] == 2021
    assert "（四）积极保障经济社会发展" in first["section"]
    assert first["source"] == SEED_REPORT.name


def test_openai_client_answers_with_citations(client):
    reply = client.chat.completions.create(
        model="fazhi-qa", messages=[{"role": "user", "content": TOUCHSTONE}])
    extra = reply.model_extra
    _check_touchstone(reply.choices[0].message.content, extra["citations"], extra["found"])
    assert reply.choices[0].message.role == "assistant" and reply.model == "fazhi-qa"


def test_openai_client_streams_with_citations_in_the_last_chunk(client):
    chunks = list(client.chat.completions.create(
        model="fazhi-qa", messages=[{"role": "user", "content": TOUCHSTONE}], stream=True))
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert len(chunks) > 3  # streamed in pieces
    last = chunks[-1]
    assert last.choices[0].finish_reason == "stop"
    _check_touchstone(text, last.model_extra["citations"], last.model_extra["found"])
    assert all("citations" not in (c.model_extra or {}) for c in chunks[:-1])


def test_openai_client_follow_up_uses_the_history_and_ignores_system(client):
    reply = client.chat.completions.create(model="fazhi-qa", messages=[
        {"role": "system", "content": "你是一个助手。"},
        {"role": "user", "content": TOUCHSTONE},
        {"role": "assistant", "content": "9家。"},
        {"role": "user", "content": "那走访了多少家企业？"}])
    assert "2552家" in reply.choices[0].message.content


def test_filters_in_extra_body(client):
    kept = client.chat.completions.create(
        model="fazhi-qa", messages=[{"role": "user", "content": TOUCHSTONE}],
        extra_body={"fazhi": {"region": "余杭区", "year": 2021}})
    assert kept.choices[0].message.content.startswith("9家")
    none = client.chat.completions.create(
        model="fazhi-qa", messages=[{"role": "user", "content": TOUCHSTONE}],
        extra_body={"fazhi": {"year": 2019}})
    assert none.model_extra["found"] is False and none.model_extra["citations"] == []
    assert "筛选条件" in none.choices[0].message.content


def test_models_lists_the_bot(client):
    assert [m.id for m in client.models.list().data] == ["fazhi-qa"]


def test_sse_wire_format(http):
    r = http.post("/v1/chat/completions", json={
        "model": "fazhi-qa", "stream": True, "messages": [{"role": "user", "content": TOUCHSTONE}]})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
    events = [line for line in r.text.split("\n\n") if line]
    assert all(e.startswith("data: ") for e in events)
    assert events[-1] == "data: [DONE]"
    last = json.loads(events[-2][len("data: "):])
    assert last["found"] is True and last["citations"][0]["n"] == 1


def _answer(http: httpx.Client, question: str) -> dict:
    r = http.post("/v1/chat/completions", json={"messages": [{"role": "user", "content": question}]})
    assert r.status_code == 200, r.text
    return r.json()


def test_upload_list_and_delete_change_what_the_chat_answers(http, tmp_path):
    auth = AUTH
    before = _answer(http, MINGHU)
    assert before["found"] is False and "334份" not in before["choices"][0]["message"]["content"]

    report = tmp_path / "明湖区_2023.txt"
    shutil.copy(SAMPLES / "明湖区_2023.txt", report)
    with report.open("rb") as f:
        r = http.post("/api/documents", headers=auth, files=[("files", (report.name, f))])
    assert r.status_code == 200, r.text
    (result,) = r.json()["results"]
    assert result["status"] == "added" and result["chunks"] > 0
    doc_id = result["document"]["id"]

    docs = http.get("/api/documents").json()["documents"]
    mine = next(d for d in docs if d["id"] == doc_id)
    assert mine["region"] and "明湖区" in mine["region"] and mine["year"] == 2023
    assert mine["chunks"] == result["chunks"] and mine["added"] and mine["title"]
    assert {"id", "title", "issuer", "region", "year", "pages", "chunks", "added"} <= set(mine)

    after = _answer(http, MINGHU)
    assert after["found"] is True and after["choices"][0]["message"]["content"].startswith("334份")
    assert after["citations"][0]["source"] == report.name
    only = http.post("/v1/chat/completions", json={
        "messages": [{"role": "user", "content": TOUCHSTONE}],
        "fazhi": {"doc_ids": [doc_id]}}).json()
    assert "9家" not in only["choices"][0]["message"]["content"].split("\n")[0]

    assert http.delete(f"/api/documents/{doc_id}", headers=auth).status_code == 200
    assert doc_id not in [d["id"] for d in http.get("/api/documents").json()["documents"]]
    gone = _answer(http, MINGHU)
    assert gone["found"] is False
    _error(http.delete(f"/api/documents/{doc_id}", headers=auth), 404)
    message = _error(http.post("/v1/chat/completions", json={
        "messages": [{"role": "user", "content": TOUCHSTONE}], "fazhi": {"doc_ids": [doc_id]}}),
        404)
    assert "/api/documents" in message


def test_write_endpoints_need_the_password(http):
    files = [("files", ("明湖区_2023.txt", (SAMPLES / "明湖区_2023.txt").read_bytes()))]
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": PASSWORD.encode()}):
        _error(http.post("/api/documents", headers=headers, files=files), 401)
        r = http.delete("/api/documents/whatever", headers=headers)
        _error(r, 401)
        assert r.headers["www-authenticate"] == "Bearer"
    assert http.get("/api/documents").status_code == 200  # reading needs no password
    names = [d["source"] for d in http.get("/api/documents").json()["documents"]]
    assert names == [SEED_REPORT.name]


@pytest.mark.parametrize("body", [
    '{"messages": [}',  # not JSON
    "[1, 2]",  # not an object
    '{"messages": []}',
    '{"messages": [{"role": "bot", "content": "你好"}]}',
    '{"messages": [{"role": "user", "content": 5}]}',
    '{"messages": [{"role": "user", "content": "   "}]}',
    '{"messages": [{"role": "assistant", "content": "9家"}]}',
    '{"messages": [{"role": "user", "content": "你好"}], "fazhi": {"yaer": 2021}}',
    '{"messages": [{"role": "user", "content": "你好"}], "fazhi": {"year": "去年"}}',
    '{"messages": [{"role": "user", "content": "你好"}], "stream": "maybe"}',
])
def test_malformed_chat_bodies_get_a_chinese_400(http, body):
    r = http.post("/v1/chat/completions", content=body.encode(),
                  headers={"Content-Type": "application/json"})
    _error(r, 400)


def test_overlong_question_is_refused(http):
    message = _error(http.post("/v1/chat/completions", json={
        "messages": [{"role": "user", "content": "律师事务所" * 200}]}), 400)
    assert "问题过长" in message and "500" in message


def test_too_large_bodies_get_413(http):
    message = _error(http.post("/v1/chat/completions", content=b"{" + b" " * 600_000 + b"}",
                               headers={"Content-Type": "application/json"}), 413)
    assert "512 KB" in message
    auth = AUTH
    big = "法治政府建设。".encode() * 100_000  # 2.1 MB: over the whole body's limit
    _error(http.post("/api/documents", headers=auth, files=[("files", ("大.txt", big))]), 413)
    one_and_a_half = big[: 1_500_000]  # within the body limit, over the file limit
    message = _error(http.post("/api/documents", headers=auth,
                               files=[("files", ("大.txt", one_and_a_half))]), 413)
    assert "1 MB" in message


def test_unsupported_type_gets_415(http):
    auth = AUTH
    r = http.post("/api/documents", headers=auth, files=[("files", ("表格.xlsx", b"PK\x03\x04"))])
    assert ".xlsx" in _error(r, 415)
    assert _error(http.post("/api/documents", headers=auth, data={"x": "1"}), 400)


def test_unknown_endpoint_and_docs(http):
    _error(http.get("/api/nothing"), 404)
    assert http.get("/docs").status_code == 200
    paths = http.get("/openapi.json").json()["paths"]
    assert {"/v1/chat/completions", "/v1/models", "/api/documents",
            "/api/documents/{doc_id}", "/api/facts"} <= set(paths)
    assert http.get("/").status_code == 200  # the UI is still at the root


@pytest.mark.parametrize(("question", "history", "expected"), [
    (TOUCHSTONE, [[]], "第1轮格式不对"),
    (TOUCHSTONE, [[1, 2]], "第1轮格式不对"),
    (TOUCHSTONE, "9家", "必须是列表"),
    (12345, [], "问题必须是文字"),
    ("律所" * 300, [], "问题过长"),
])
def test_gradio_ask_refuses_malformed_input_in_chinese(app, question, history, expected):
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    ask = Client(app.url, verbose=False)
    with pytest.raises(AppError, match=expected):
        ask.predict(question, history, api_name="/ask")


# ---- in process: API key, limits --------------------------------------------------------

@pytest.fixture(scope="module")
def hash_service(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("api-hash") / "store", [SEED_REPORT], "hash")


def _test_client(hash_service, **settings):
    from fastapi.testclient import TestClient

    from api.server import create_api

    base, service = hash_service
    return TestClient(create_api(base.model_copy(update=settings), service))


def test_api_key_guards_every_endpoint(hash_service):
    api = _test_client(hash_service, api_key="key-1", admin_password=PASSWORD)
    chat = {"messages": [{"role": "user", "content": TOUCHSTONE}]}
    _error(api.get("/v1/models"), 401)
    _error(api.post("/v1/chat/completions", json=chat), 401)
    _error(api.get("/api/documents", headers={"Authorization": "Bearer key-2"}), 401)
    good = {"Authorization": "Bearer key-1"}
    assert api.get("/v1/models", headers=good).status_code == 200
    assert api.post("/v1/chat/completions", json=chat, headers=good).json()["found"] is True
    # writes take the API key or the admin password (404: past the check, no such report)
    for token in ("key-1", PASSWORD):
        r = api.delete("/api/documents/none", headers={"Authorization": f"Bearer {token}".encode()})
        _error(r, 404)
    _error(api.delete("/api/documents/none", headers={"Authorization": "Bearer key-2"}), 401)


def test_limits_come_from_settings(hash_service):
    api = _test_client(hash_service, max_question_chars=10, max_request_kb=1)
    message = _error(api.post("/v1/chat/completions", json={
        "messages": [{"role": "user", "content": TOUCHSTONE + "？请回答"}]}), 400)
    assert "上限为10字" in message
    big = {"messages": [{"role": "user", "content": "好"}], "pad": "x" * 2000}
    assert "1 KB" in _error(api.post("/v1/chat/completions", json=big), 413)


def test_long_conversations_keep_only_the_latest_turns():
    from api.chat import Message, conversation

    limits = ChatLimits(max_question_chars=50, max_history_turns=2, max_history_chars=30)
    talk = [Message(role="system", content="忽略")]
    for i in range(5):
        talk += [Message(role="user", content=f"问题{i}"), Message(role="assistant", content=f"回答{i}")]
    talk.append(Message(role="user", content=[{"type": "text", "text": "那2023年呢？"}]))
    question, history = conversation(talk, limits)
    assert question == "那2023年呢？"
    assert history == [["问题3", "回答3"], ["问题4", "回答4"]]
    tight = ChatLimits(max_question_chars=50, max_history_turns=2, max_history_chars=8)
    assert conversation(talk, tight)[1] == [["问题4", "回答4"]]


def test_check_helpers():
    limits = ChatLimits()
    assert check_question("  问题 ", limits) == "问题"
    assert check_history(None, limits) == [] and check_history((("问", "答"),), limits) == [["问", "答"]]
    for bad in ([["问"]], [["问", None]], [{"q": "问"}], {"q": "问"}):
        with pytest.raises(InvalidRequest):
            check_history(bad, limits)
    assert check_history([["问" * 15_000, "答" * 20_000]], limits) == []  # over the characters
    assert check_history([["问" * 15_000, "答"]], limits) == [["问" * 500, "答"]]  # cut question
    many = [[f"问{i}", f"答{i}"] for i in range(30)]
    assert check_history(many, limits) == many[-limits.max_history_turns:]


def test_a_hostile_history_is_cut_to_the_latest_turns(hash_service):
    api = _test_client(hash_service)
    turns = [{"role": "user", "content": TOUCHSTONE}, {"role": "assistant", "content": "9家。"}]
    body = {"messages": turns * 3000 + [{"role": "user", "content": "那走访了多少家企业？"}]}
    start = time.monotonic()
    r = api.post("/v1/chat/completions", json=body)
    assert r.status_code == 200, r.text
    assert "2552家" in r.json()["choices"][0]["message"]["content"]
    assert time.monotonic() - start < 10


def test_store_unavailable_is_503(hash_service):
    from fastapi.testclient import TestClient

    from api.server import create_api
    from vectorstore.errors import StoreUnavailable

    down = StoreUnavailable("无法连接 Chroma 服务器，请稍后重试。")

    class Store:
        def snapshot(self):
            raise down

    class Service:
        store = Store()

        def ask(self, *args):
            raise down

        def documents(self, doc_ids=None):
            raise down

    api = TestClient(create_api(hash_service[0], Service()))
    chat = {"messages": [{"role": "user", "content": TOUCHSTONE}]}
    for r in (api.post("/v1/chat/completions", json=chat), api.get("/api/documents"),
              api.post("/v1/chat/completions", json={**chat, "stream": True})):
        assert "Chroma" in _error(r, 503)


def test_pdf_upload_lists_its_pages(hash_service):
    api = _test_client(hash_service)
    pdf = SAMPLES / "明湖区_2023.pdf"
    r = api.post("/api/documents", files=[("files", (pdf.name, pdf.read_bytes()))])
    assert r.status_code == 200, r.text
    doc_id = r.json()["results"][0]["document"]["id"]
    try:
        listed = {d["id"]: d for d in api.get("/api/documents").json()["documents"]}
        assert listed[doc_id]["pages"] and listed[doc_id]["pages"] >= 2
        assert listed[doc_id]["source"] == pdf.name and listed[doc_id]["year"] == 2023
    finally:
        assert api.delete(f"/api/documents/{doc_id}").status_code == 200


def test_facts_by_indicator_with_their_source(hash_service):
    api = _test_client(hash_service)
    r = api.get("/api/facts", params={"q": "律师事务所", "region": "余杭", "year": 2021})
    assert r.status_code == 200, r.text
    facts = r.json()["facts"]
    first = facts[0]
    assert (first["display"], first["year"], first["region"]) == ("9家", 2021, "杭州市余杭区")
    assert "律师事务所" in first["indicator"] and "引进律师事务所9家" in first["source"]
    assert api.get("/api/facts", params={"q": "律师事务所", "year": 2019}).json() == {"facts": []}
    assert "q" in _error(api.get("/api/facts"), 400)
    _error(api.get("/api/facts", params={"q": "律师事务所", "year": "去年"}), 400)
    _error(api.get("/api/facts", params={"q": "律" * 501}), 400)


def test_wrong_tokens_are_audited_and_lock_the_client_out(hash_service):
    settings = hash_service[0]
    audit = settings.store_dir / "audit.jsonl"
    before = audit.read_text(encoding="utf-8").count("\n") if audit.exists() else 0
    api = _test_client(hash_service, admin_password=PASSWORD)
    wrong = {"Authorization": "Bearer wrong"}
    for _ in range(4):
        _error(api.delete("/api/documents/none", headers=wrong), 401)
    message = _error(api.delete("/api/documents/none", headers=wrong), 429)  # the fifth
    assert "锁定" in message
    _error(api.delete("/api/documents/none", headers=AUTH), 429)  # even the right one, for now
    rows = [json.loads(line) for line in audit.read_text(encoding="utf-8").splitlines()[before:]]
    assert [r["action"] for r in rows] == ["password-failed"] * 5 + ["locked-out"]
    assert all(r["client"] == "testclient" and r["ok"] is False for r in rows)


def test_uploads_and_deletes_are_audited(hash_service):
    settings = hash_service[0]
    audit = settings.store_dir / "audit.jsonl"
    before = audit.read_text(encoding="utf-8").count("\n") if audit.exists() else 0
    api = _test_client(hash_service)
    report = SAMPLES / "明湖区_2022.txt"
    r = api.post("/api/documents", files=[("files", (report.name, report.read_bytes()))])
    doc_id = r.json()["results"][0]["document"]["id"]
    assert api.delete(f"/api/documents/{doc_id}").status_code == 200
    rows = [json.loads(line) for line in audit.read_text(encoding="utf-8").splitlines()[before:]]
    assert [(r["action"], r["ok"]) for r in rows] == [("upload", True), ("delete", True)]
    assert rows[0]["target"] == report.name and doc_id in rows[1]["target"]
