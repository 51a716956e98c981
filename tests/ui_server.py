"""Start `python app.py` in a subprocess for the UI tests (shared by test_ui_api/_browser)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT = 240  # a first start ingests data/ with the real embedder (~20 s; slower on a busy machine)
STOP_GRACE_S = 3.0  # a stop with no connection open takes well under a second


@dataclass
class AppServer:
    url: str
    store: Path
    log: Path
    process: subprocess.Popen

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def seed_cache(tmp_path_factory) -> Path:
    """Where a store holding just the bundled report is kept for this test session, so
    only the first app start pays for ingesting data/ with the real embedder."""
    return tmp_path_factory.getbasetemp() / "ui-seeded-store"


def keep_seeded(store: Path, cache: Path) -> None:
    """Save a (stopped) app's freshly seeded, unmodified store for later app starts."""
    if not cache.exists():
        shutil.copytree(store, cache, ignore=shutil.ignore_patterns("feedback.jsonl"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_app(store: Path, log: Path, seed: Path | None = None, env: dict[str, str] | None = None,
                port: int | None = None) -> Iterator[AppServer]:
    """`python app.py --port <free> --store <store> -v`, until it serves its page.
    ``seed``: a store to start from (a copy), when it exists; ``env``: FAZHI_* settings."""
    if seed is not None and seed.exists() and not store.exists():
        shutil.copytree(seed, store)
    port = port or free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("FAZHI_", "GRADIO_"))}
    clean.update(GRADIO_ANALYTICS_ENABLED="False", PYTHONUNBUFFERED="1", **(env or {}))
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py"), "--port", str(port), "--store", str(store),
             "-v"],
            cwd=log.parent,  # away from the repo's .env, like the FAZHI_ variables above
            env=clean, stdout=out, stderr=subprocess.STDOUT)
    server = AppServer(f"http://127.0.0.1:{port}/", store, log, proc)
    try:
        _wait_until_serving(server)
        yield server
    finally:
        _stop(proc)


def _stop(proc: subprocess.Popen) -> None:
    """SIGTERM; if the app is still up after a short grace, uvicorn is waiting for open
    connections to close (a Gradio client's heartbeat stream stays open ~15 s after its
    last request), so a SIGINT makes it quit without waiting (uvicorn's second signal)."""
    proc.terminate()
    try:
        proc.wait(timeout=STOP_GRACE_S)
        return
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


def _wait_until_serving(server: AppServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"app.py exited with {server.process.returncode}:\n"
                               + server.log_text()[-3000:])
        try:
            with opener.open(server.url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"app.py did not serve within {START_TIMEOUT}s:\n"
                       + server.log_text()[-3000:])
