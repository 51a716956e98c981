"""The load script's short CI form: 5 sessions for ~10 s against a real `python app.py`
(hash embedder; on first start the app ingests a data folder holding the sample reports).
The full form — 20 sessions × 60 s, one app and two apps on one Chroma server — is run by
hand; figures in docs/HARDENING.md."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.app_process import app_process
from tests.conftest import ROOT, SAMPLES, SEED_REPORT, TODAY

pytestmark = pytest.mark.slow


def test_conversation_file_checks(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import loadtest
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    conversations = loadtest.load_conversations(loadtest.DEFAULT_QUESTIONS)
    crossings = loadtest.other_expectations(conversations)
    # The same follow-up asked in different conversations expects different answers.
    assert crossings[("复议", 1)] == ["调解成功率97.0%"]
    assert crossings[("调解", 1)] == ["受理236件"]
    assert loadtest.percentile([3.0, 1.0, 2.0], 50) == 2.0


@pytest.mark.timing
def test_short_load_run_against_the_app(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for f in (SEED_REPORT, SAMPLES / "明湖区_2022.txt", SAMPLES / "明湖区_2023.txt"):
        shutil.copy(f, data / f.name)
    env = {"FAZHI_EMBEDDING_MODEL": "hash", "FAZHI_DATA_DIR": str(data),
           "FAZHI_TODAY": TODAY.isoformat()}
    with app_process(tmp_path / "store", tmp_path / "app.log", env) as app:
        done = subprocess.run(
            [sys.executable, "scripts/loadtest.py", app.url, "--sessions", "5",
             "--seconds", "10", "--json"],
            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads(done.stdout)
    assert result["errors"] == result["wrong"] == result["crossed"] == 0, result
    assert result["requests"] >= 10 and result["conversations"] >= 5, result
