"""Documents are their source path and content: same-name reports from two folders are both
kept, a changed file replaces only its own previous version, a copy is recognised; the
``python -m ingest list`` and ``remove`` commands."""

import json
import shutil
import subprocess
import sys

import pytest

from ingest.pipeline import Ingestor
from tests.conftest import ROOT
from tests.conftest import SAME_NAME as NAME
from vectorstore.factory import open_store


@pytest.fixture
def store(hash_settings):
    return open_store(hash_settings)


def test_same_file_name_from_two_folders_both_kept(store, two_same_name_reports):
    a, b = two_same_name_reports
    results = Ingestor(store).ingest([a, b])
    assert [r.status for r in results] == ["added", "added"]
    docs = store.documents()
    assert sorted(d.path for d in docs) == sorted([str(a.resolve()), str(b.resolve())])
    assert {d.source for d in docs} == {NAME}
    assert {d.region[-3:] for d in docs} == {"江北区", "明湖区"}
    assert store.count() == sum(d.chunks for d in docs)


def test_changed_file_replaces_only_its_own_version(store, two_same_name_reports):
    a, b = two_same_name_reports
    ing = Ingestor(store)
    ing.ingest([a, b])
    b.write_text(b.read_text(encoding="utf-8") + "\n全年新增人民调解员37名。\n", encoding="utf-8")
    [changed] = ing.ingest([b])
    assert changed.status == "updated"
    docs = store.documents()
    assert len(docs) == 2 and changed.document in docs
    assert any("人民调解员37名" in c.text for c in store.chunks())
    assert store.count() == sum(d.chunks for d in docs)
    assert [r.status for r in ing.ingest([a, b])] == ["unchanged", "unchanged"]


def test_same_content_under_another_path_is_a_copy(store, tmp_path, two_same_name_reports):
    a, _ = two_same_name_reports
    copy = tmp_path / "副本.txt"
    shutil.copy(a, copy)
    ing = Ingestor(store)
    ing.ingest([a])
    [dup] = ing.ingest([copy])
    assert dup.status == "duplicate" and NAME in dup.error
    [again] = ing.ingest([copy])
    assert again.status == "unchanged"
    assert len(store.documents()) == 1


def test_changed_overrides_make_a_new_version(store, two_same_name_reports):
    from ingest.pipeline import Overrides

    a, _ = two_same_name_reports
    ing = Ingestor(store)
    ing.ingest([a])
    [r] = ing.ingest([a], Overrides(year=2020))
    assert r.status == "updated"
    [doc] = store.documents()
    assert doc.year == 2020 and {c.year for c in store.chunks()} == {2020}


def _cli(*args, store_dir):
    return subprocess.run([sys.executable, "-m", "ingest", *map(str, args), "--store",
                           str(store_dir), "--embedding-model", "hash"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_ingest_cli_same_names_list_and_remove(tmp_path, two_same_name_reports):
    a, b = two_same_name_reports
    store_dir = tmp_path / "s"
    added = _cli(a.parent, b.parent, "-q", store_dir=store_dir)
    assert added.returncode == 0, added.stderr
    assert "2 files: 2 added" in added.stdout
    listed = _cli("list", "--json", store_dir=store_dir)
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert sorted(r["path"] for r in rows) == sorted([str(a.resolve()), str(b.resolve())])
    assert {r["source"] for r in rows} == {NAME}

    ambiguous = _cli("remove", NAME, store_dir=store_dir)  # the bare name names both
    assert ambiguous.returncode == 1 and "2 reports" in ambiguous.stderr
    by_path = _cli("remove", b, store_dir=store_dir)
    assert by_path.returncode == 0, by_path.stderr
    [left] = [json.loads(line) for line in _cli("list", "--json", store_dir=store_dir)
              .stdout.splitlines()]
    assert left["path"] == str(a.resolve())
    by_id = _cli("remove", left["id"][:8], store_dir=store_dir)
    assert by_id.returncode == 0, by_id.stderr
    assert _cli("list", "--json", store_dir=store_dir).stdout == ""
    missing = _cli("remove", "no-such-report", store_dir=store_dir)
    assert missing.returncode == 1 and "python -m ingest list" in missing.stderr
