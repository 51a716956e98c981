"""mypy over the product packages, started when the test session starts and run beside the
tests: a cold run (a fresh clone, no .mypy_cache) takes ~100 s on one core while most tests
keep the other one idle. tests/test_lint.py::test_mypy_is_clean waits for its result, and
tests marked ``timing`` wait for it to finish before they measure anything; both run last
(tests/conftest.py), so they seldom wait."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

MYPY_TEST = "tests/test_lint.py::test_mypy_is_clean"
NICENESS = 5  # below the tests' own priority; not so low that other load starves it


def mypy_installed() -> bool:
    return subprocess.run([sys.executable, "-m", "mypy", "--version"],
                          capture_output=True).returncode == 0


@dataclass
class BackgroundMypy:
    process: subprocess.Popen
    output: IO[str]

    @classmethod
    def start(cls, root: Path) -> BackgroundMypy:
        output = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115 - kept with the run
        process = subprocess.Popen([sys.executable, "-m", "mypy"], cwd=root, stdout=output,
                                   stderr=subprocess.STDOUT, text=True,
                                   preexec_fn=lambda: os.nice(NICENESS))
        return cls(process, output)

    def wait(self, timeout: float = 600) -> None:
        """Until mypy has finished (killed if it takes longer than ``timeout``)."""
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            raise

    def result(self, timeout: float = 600) -> subprocess.CompletedProcess:
        self.wait(timeout)
        self.output.seek(0)
        return subprocess.CompletedProcess(self.process.args, self.process.returncode,
                                           self.output.read(), "")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
