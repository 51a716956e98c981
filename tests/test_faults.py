"""Faults: an ingest killed half-way, a read-only or full store, a Chroma server that stops.

Killed ingests run `python -m ingest` through tests/fault_ingest.py, which writes each
document in small Chroma batches (a report is normally one atomic batch) so that a SIGKILL
can land in the middle of a document, or kills the process at an exact Chroma call.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.chroma_server import own_server
from tests.conftest import ROOT, SAMPLES, make_settings

REGIONS = ["青山区", "白沙区", "云台区", "金水区", "石门区", "临江区"]
INGEST = [sys.executable, "-m", "ingest", "-q", "--embedding-model", "hash"]
FAULTY = [sys.executable, "-m", "tests.fault_ingest", "-q", "--embedding-model", "hash"]


def regional_copies(folder: Path, regions: list[str] = REGIONS) -> list[Path]:
    """The 2022 sample report re-issued by other districts: not duplicates of each other."""
    folder.mkdir(parents=True, exist_ok=True)
    text = (SAMPLES / "明湖区_2022.txt").read_text(encoding="utf-8")
    out = []
    for region in regions:
        path = folder / f"{region}_2022.txt"
        path.write_text(text.replace("明湖区", region).replace("明湖", region[:-1]),
                        encoding="utf-8")
        out.append(path)
    return out


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FAZHI_", "FAULT_"))}
    env.update(PYTHONUNBUFFERED="1", **extra)
    return env


def run(cmd: list[str], **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=ROOT, env=_env(**env), capture_output=True, text=True,
                          timeout=180)


def seed(store: Path, files: list[Path]) -> None:
    """An ingested store at ``store``, written in this process (no CLI start-up) under
    another path and copied, so this process never holds ``store`` itself open."""
    from ingest.pipeline import Ingestor
    from vectorstore.factory import open_store

    scratch = store.with_name(store.name + "-seed")
    results = Ingestor(open_store(make_settings(scratch, embedding_model="hash"),
                                  tokenize=_tokenizer())).ingest(files)
    assert all(r.status == "added" for r in results), results
    shutil.copytree(scratch, store)


@functools.cache
def _tokenizer():
    from vectorstore.tokenizer import JiebaTokenizer

    return JiebaTokenizer()


def inspect(store: Path) -> dict:
    from tests.store_check import check

    return check(store)


def assert_consistent(state: dict, sources: list[str]) -> None:
    """Every document served exactly once, complete; no duplicate or orphan chunks; the
    keyword index and Chroma hold the same chunk ids."""
    assert [s for s, _, _ in state["served"]] == sorted(sources)
    assert state["unserved"] == [] and state["duplicate_ids"] == 0
    assert state["rows"] == sum(n for _, _, n in state["served"])
    assert state["snapshot_matches_chroma"] and state["keyword_size"] == state["rows"]


def assert_clear_error(done: subprocess.CompletedProcess, *phrases: str) -> None:
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stderr.startswith("error: "), done.stderr
    for phrase in phrases:
        assert phrase in done.stderr


# ---- SIGKILL during ingest ---------------------------------------------------------------

def test_sigkill_mid_document_then_rerun(tmp_path):
    files = regional_copies(tmp_path / "in")
    store = tmp_path / "store"
    # 28 chunks per report in batches of 4, 50 ms apart: ~0.35 s per document.
    proc = subprocess.Popen([*FAULTY, "--store", str(store), str(tmp_path / "in")], cwd=ROOT,
                            env=_env(FAULT_BATCH="4", FAULT_ADD_DELAY="0.05"),
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    adds = 0
    for line in proc.stdout:
        adds += line.startswith("add ")
        if adds == 10:  # the third batch of the second document
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=30)
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL

    killed = inspect(store)
    assert len(killed["served"]) == 1  # the first report, complete
    [(_, _, expected, present)] = killed["unserved"]  # the second, half-written, not served
    assert 0 < present < expected

    again = run([*INGEST, "--store", str(store), str(tmp_path / "in")])
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("6 files: 5 added, 1 unchanged"), again.stdout
    assert_consistent(inspect(store), [f.name for f in files])


def test_sigkill_while_replacing_changed_reports(tmp_path):
    """A changed report is added before its old version is deleted: killed at any point,
    the old version or the new one is served — once — and nothing is lost."""
    files = regional_copies(tmp_path / "in", REGIONS[:2])
    store = tmp_path / "store"
    seed(store, files)
    old = {s: d for s, d, _ in inspect(store)["served"]}
    for f in files:
        f.write_text(f.read_text(encoding="utf-8") + "\n全年新增专职调解员12名。\n",
                     encoding="utf-8")

    # Killed after the first new version is complete, before its old version is deleted.
    killed = run([*FAULTY, "--store", str(store), *map(str, files)], FAULT_KILL_AT="delete:1")
    assert killed.returncode == -signal.SIGKILL
    state = inspect(store)
    assert [s for s, _, _ in state["served"]] == sorted(f.name for f in files)  # once each
    served = {s: d for s, d, _ in state["served"]}
    assert served[files[0].name] != old[files[0].name]  # the new version of the first
    assert served[files[1].name] == old[files[1].name]  # the old version of the second

    # Killed half-way through writing the second new version.
    killed = run([*FAULTY, "--store", str(store), *map(str, files)],
                 FAULT_BATCH="4", FAULT_KILL_AT="add:3")
    assert killed.returncode == -signal.SIGKILL
    served = {s: d for s, d, _ in inspect(store)["served"]}
    assert served[files[1].name] == old[files[1].name]  # the old version is still served

    again = run([*INGEST, "--store", str(store), *map(str, files)])
    assert again.returncode == 0, again.stderr
    state = inspect(store)
    assert_consistent(state, [f.name for f in files])
    assert not {d for _, d, _ in state["served"]} & set(old.values())  # all new versions


# ---- store directory not writable ------------------------------------------------------

@contextlib.contextmanager
def mounted(target: Path, *options: str):
    """``mount`` something on target; skips the test where mounting is not allowed."""
    target.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", *options, str(target)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here ({done.stderr.strip()}); see docs/HARDENING.md")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


def _tree(path: Path) -> dict[str, bytes]:
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*"))
            if p.is_file()}


def test_read_only_store_is_a_clear_error_and_nothing_changes(tmp_path):
    """Root ignores file modes, so the store is made read-only by a read-only bind mount."""
    real = tmp_path / "real"
    seed(real / "store", [SAMPLES / "明湖区_2022.txt"])
    before = _tree(real)
    with mounted(tmp_path / "ro", "--bind", "-o", "ro", str(real)) as ro:
        # Older kernels ignore "ro" on the first bind: make sure it is read-only.
        subprocess.run(["mount", "-o", "remount,ro,bind", str(ro)], check=False)
        if os.access(ro, os.W_OK) and _writable(ro):
            pytest.skip("the bind mount stayed writable")
        done = run([*INGEST, "--store", str(ro / "store"), str(SAMPLES / "明湖区_2023.txt")])
        assert_clear_error(done, "writable")
        done = run([*INGEST, "--store", str(ro / "new"), str(SAMPLES / "明湖区_2023.txt")])
        assert_clear_error(done, "Cannot create the store directory")
    assert _tree(real) == before


def _writable(folder: Path) -> bool:
    try:
        (folder / ".probe").touch()
    except OSError:
        return False
    (folder / ".probe").unlink()
    return True


def test_store_path_that_is_a_file_is_a_clear_error(tmp_path):
    """Works without privileges: the store directory cannot be created."""
    blocker = tmp_path / "store"
    blocker.write_text("not a directory")
    done = run([*INGEST, "--store", str(blocker), str(SAMPLES / "明湖区_2022.txt")])
    assert_clear_error(done, "Cannot create the store directory")
    assert blocker.read_text() == "not a directory"


def test_full_disk_is_a_clear_error_and_recoverable(tmp_path):
    """A 2 MB tmpfs holds about six reports; the ingest of eight stops with a clear error,
    every document written so far is complete, and after space is freed a re-run
    finishes the job."""
    files = regional_copies(tmp_path / "in", [f"{r[:-1]}{i}区" for r in REGIONS[:2]
                                              for i in range(4)])
    with mounted(tmp_path / "small", "-t", "tmpfs", "-o", "size=2m", "tmpfs") as small:
        store = small / "store"
        done = run([*INGEST, "--store", str(store), str(tmp_path / "in")])
        assert_clear_error(done, "磁盘")
        subprocess.run(["mount", "-o", "remount,size=64m", str(small)], check=True)
        state = inspect(store)
        assert 0 < len(state["served"]) < len(files) and state["unserved"] == []
        assert state["snapshot_matches_chroma"]
        again = run([*INGEST, "--store", str(store), str(tmp_path / "in")])
        assert again.returncode == 0, again.stderr
        assert_consistent(inspect(store), [f.name for f in files])


# ---- the Chroma server goes away and comes back -------------------------------------------

def test_server_stopped_then_restarted_service_recovers(tmp_path):
    from bot.service import build_service
    from ingest.pipeline import Ingestor
    from vectorstore.errors import StoreUnavailable
    from vectorstore.factory import open_store

    question = "明湖区2022年受理了多少件行政复议申请？"
    with own_server(tmp_path / "chroma") as server:
        settings = make_settings(tmp_path / "unused", embedding_model="hash",
                                 chroma_host=server.host, chroma_port=server.port)
        store = open_store(settings)
        Ingestor(store).ingest([SAMPLES / "明湖区_2022.txt"])
        service = build_service(settings, store)
        assert "204件" in service.ask(question).text

        server.stop()
        store._checked_at = 0.0  # noqa: SLF001 - as if the refresh interval had passed
        with pytest.raises(StoreUnavailable, match="知识库服务暂时不可用") as failed:
            service.ask(question)
        assert f"{server.host}:{server.port}" in str(failed.value)

        # A new process cannot even connect: a clear error, not a traceback.
        ingest = run([*INGEST, "--store", str(tmp_path / "unused"), str(SAMPLES)],
                     FAZHI_CHROMA_HOST=server.host, FAZHI_CHROMA_PORT=str(server.port))
        assert_clear_error(ingest, "知识库服务暂时不可用")

        server.start()  # same port, same data
        answer = service.ask(question)  # the same service object: no rebuild, no restart
        assert answer.found and "204件" in answer.text


def test_copies_helper_makes_distinct_reports(tmp_path):
    from ingest.loaders import load_blocks
    from ingest.structure import doc_info

    files = regional_copies(tmp_path, REGIONS[:2])
    infos = [doc_info(load_blocks(f), f.stem) for f in files]
    assert [i.region for i in infos] == ["鹭洲市青山区", "鹭洲市白沙区"]
