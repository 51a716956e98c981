"""The chat function through gradio_client, against `python app.py` in a subprocess."""

from __future__ import annotations

import pytest

from tests.ui_server import keep_seeded, running_app, seed_cache

pytestmark = pytest.mark.slow

TOUCHSTONE = "2021年律师事务所引进多少家"


@pytest.fixture(scope="module")
def app_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("ui-api")
    with running_app(tmp / "store", tmp / "app.log") as server:
        yield server
    keep_seeded(server.store, seed_cache(tmp_path_factory))  # /ask changes nothing


@pytest.fixture(scope="module")
def client(app_server):
    from gradio_client import Client

    return Client(app_server.url, verbose=False)


def test_first_start_ingests_the_bundled_report(app_server):
    log = app_server.log_text()
    assert "知识库为空" in log and "added" in log


def test_ask_touchstone(client):
    result = client.predict(TOUCHSTONE, [], api_name="/ask")
    assert result["found"] is True
    assert result["answer"].startswith("9家") or "9家" in result["answer"]
    sections = [c["section"] for c in result["citations"]]
    assert any("（四）积极保障经济社会发展" in s for s in sections), sections
    first = result["citations"][0]
    assert first["n"] == 1 and "9家" in first["quote"] and first["quote"] in first["text"]
    assert first["year"] == 2021 and first["source"].endswith(".txt")


def test_ask_with_history_and_unknown_scope(client):
    history = [[TOUCHSTONE, "9家。"]]
    follow = client.predict("那走访了多少家企业？", history, api_name="/ask")
    assert "2552家" in follow["answer"]
    nothing = client.predict(TOUCHSTONE, [], ["no-such-doc"], api_name="/ask")
    assert nothing["found"] is False and nothing["citations"] == []
