"""Issue #15: an upload with the same file name as an earlier, different report never
silently replaces it (web UI and HTTP API both save through ui/kb.py); the same file again
is skipped; ``python -m ingest`` of two different files with the same name from different
folders keeps both (also tests/test_store_identity.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ingest.pipeline import Ingestor
from settings import Settings
from tests.conftest import ROOT, TODAY
from tests.conftest import SAME_NAME as NAME
from ui.kb import KnowledgeBase, results_html
from vectorstore.factory import open_store


@pytest.fixture
def kb(hash_settings):
    store = open_store(hash_settings)
    return KnowledgeBase(store, Ingestor(store), hash_settings.store_dir, 5, None)


def test_second_upload_with_the_same_name_is_kept_beside_the_first(kb, two_same_name_reports):
    a, b = two_same_name_reports
    [(first, r1)] = kb.add([a])
    assert (first, r1.status, r1.note) == (NAME, "added", None)
    [(second, r2)] = kb.add([b])
    assert second == "2022年法治政府建设年度报告(2).txt" and r2.status == "added"
    assert "已有同名但内容不同" in r2.note and "另存为“2022年法治政府建设年度报告(2).txt”" in r2.note
    assert "两份都已保留" in results_html([(second, r2)])
    docs = {d.source: d for d in kb.documents()}
    assert set(docs) == {first, second}
    assert docs[first].region and "明湖区" in docs[first].region
    assert docs[second].region and "江北区" in docs[second].region
    assert (kb.uploads / first).read_bytes() == a.read_bytes()  # the first is untouched
    assert (kb.uploads / second).read_bytes() == b.read_bytes()

    # the same file again: skipped, under its own name, nothing added
    [(again, r3)] = kb.add([b])
    assert (again, r3.status) == (second, "unchanged")
    [(again, r4)] = kb.add([a])
    assert (again, r4.status) == (first, "unchanged")
    assert len(kb.documents()) == 2 and sorted(p.name for p in kb.uploads.iterdir()) == \
        sorted([first, second])

    # deleting one leaves the other and its saved copy
    kb.delete(docs[first].doc_id)
    assert [d.source for d in kb.documents()] == [second]
    assert sorted(p.name for p in kb.uploads.iterdir()) == [second]


def test_two_same_name_files_in_one_upload_are_both_kept(kb, two_same_name_reports):
    results = kb.add(list(two_same_name_reports))
    assert [(n, r.status) for n, r in results] == [
        (NAME, "added"), ("2022年法治政府建设年度报告(2).txt", "added")]
    assert len(kb.documents()) == 2


def test_api_upload_with_the_same_name_is_kept_and_says_so(tmp_path, two_same_name_reports):
    from fastapi.testclient import TestClient

    from api.server import create_api
    from bot.service import build_service

    settings = Settings(store_dir=tmp_path / "store", today=TODAY, _env_file=None,
                        embedding_model="hash")
    service = build_service(settings, open_store(settings))
    api = TestClient(create_api(settings, service))
    a, b = two_same_name_reports
    r1 = api.post("/api/documents", files=[("files", (NAME, a.read_bytes()))])
    r2 = api.post("/api/documents", files=[("files", (NAME, b.read_bytes()))])
    assert r1.status_code == r2.status_code == 200, (r1.text, r2.text)
    [second] = r2.json()["results"]
    assert second["status"] == "added" and second["file"] == "2022年法治政府建设年度报告(2).txt"
    assert "另存为" in second["message"] and "请删除旧报告" in second["message"]
    listed = api.get("/api/documents").json()["documents"]
    assert sorted(d["source"] for d in listed) == sorted([NAME, second["file"]])


def test_cli_keeps_two_same_name_files_from_different_folders(tmp_path, two_same_name_reports):
    a, b = two_same_name_reports
    store_dir = tmp_path / "s"
    for folder in (a.parent, b.parent):  # two runs, one folder each
        done = subprocess.run([sys.executable, "-m", "ingest", str(folder), "--store",
                               str(store_dir), "--embedding-model", "hash", "-q"],
                              capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert done.returncode == 0, done.stderr
        assert "1 added" in done.stdout and "updated" not in done.stdout, done.stdout
    store = open_store(Settings(store_dir=store_dir, _env_file=None, embedding_model="hash"))
    regions = sorted(d.region or "" for d in store.documents())
    assert len(regions) == 2 and "江北区" in regions[0] + regions[1] \
        and "明湖区" in regions[0] + regions[1], regions
