"""Issue #15: a long study topic (the UI cuts it to 100 characters; the study functions are
also called directly) gives a brief and a quiz, never an exception such as a file name
too long for the file system."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SAMPLES, TODAY, build_store

LONG = "行政复议" + "依法行政法治政府建设" * 500  # 5,004 characters, ~15 KB in UTF-8


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("topics"), [SAMPLES / "明湖区_2022.txt"],
                       embedding_model="hash")[1]


@pytest.mark.parametrize("topic", [LONG, "行政复议" * 2000, "/" * 300 + "行政复议",
                                   "行政复议 " + "（专题）" * 100, "行政复议\x00" * 50])
def test_long_topics_give_a_brief_and_a_quiz(service, tmp_path, topic):
    from study.ui_api import make_brief, make_quiz

    md, path = make_brief(service, topic, out_dir=tmp_path, today=TODAY)
    assert md
    if path:
        assert len(Path(path).name.encode()) <= 255 and Path(path).parent == tmp_path
    md, path = make_quiz(service, 5, None, 1, topic, out_dir=tmp_path, today=TODAY)
    assert md
    if path:
        assert len(Path(path).name.encode()) <= 255 and Path(path).parent == tmp_path
