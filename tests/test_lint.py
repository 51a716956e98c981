"""The README's test command also lints: ruff over the repo, mypy over the product packages."""

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def test_ruff_is_clean():
    r = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.slow
def test_mypy_is_clean(background_mypy):
    if shutil.which("mypy") is None and subprocess.run([sys.executable, "-m", "mypy", "--version"],
                                                       capture_output=True).returncode != 0:
        pytest.fail("mypy is not installed: pip install -r requirements-dev.txt")
    if background_mypy is not None:  # started with the session (tests/background_mypy.py)
        r = background_mypy.result(timeout=600)
    else:
        r = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True,
                           timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
