"""A real Chroma server for the tests: `chroma run --path <tmp> --port <free>` on 127.0.0.1.

When FAZHI_TEST_CHROMA_HOST (and FAZHI_TEST_CHROMA_PORT, default 8000) are set, the tests
use that server instead of starting their own (CI starts one for the whole run). Tests that
stop and restart the server (faults) always start their own.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

START_TIMEOUT = 30.0
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def heartbeat(host: str, port: int, timeout: float = 1.0) -> bool:
    try:
        with _OPENER.open(f"http://{host}:{port}/api/v2/heartbeat", timeout=timeout) as r:
            return r.status == 200
    except (urllib.error.URLError, OSError):
        return False


@dataclass
class ChromaServer:
    """A Chroma server; ``stop()``/``start()`` only work on servers this helper started."""

    host: str
    port: int
    path: Path | None = None
    log: Path | None = None
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def owned(self) -> bool:
        return self.path is not None

    def start(self) -> None:
        if not self.owned:
            raise RuntimeError("an external Chroma server cannot be started from the tests")
        if self.process is not None and self.process.poll() is None:
            return
        exe = shutil.which("chroma")
        if exe is None:
            pytest.skip("the `chroma` CLI is not installed")
        assert self.log is not None
        with self.log.open("a", encoding="utf-8") as out:
            self.process = subprocess.Popen(
                [exe, "run", "--path", str(self.path), "--host", self.host,
                 "--port", str(self.port)],
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if heartbeat(self.host, self.port):
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"chroma run did not come up on port {self.port}:\n"
                           + self.log.read_text(encoding="utf-8", errors="replace")[-2000:])

    def stop(self) -> None:
        if not self.owned:
            raise RuntimeError("an external Chroma server cannot be stopped from the tests")
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        os.killpg(proc.pid, signal.SIGTERM)  # its own session: the shim and the server
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)

    def reset(self) -> None:
        """Drop every collection, so each test starts from an empty database."""
        client = http_client(self.host, self.port)
        for c in client.list_collections():
            client.delete_collection(c.name)


def http_client(host: str, port: int):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    return chromadb.HttpClient(host=host, port=port,
                               settings=ChromaSettings(anonymized_telemetry=False))


def external_server() -> ChromaServer | None:
    host = os.environ.get("FAZHI_TEST_CHROMA_HOST")
    if not host:
        return None
    return ChromaServer(host, int(os.environ.get("FAZHI_TEST_CHROMA_PORT", "8000")))


@contextmanager
def own_server(directory: Path) -> Iterator[ChromaServer]:
    """Start a server persisting under ``directory``; stopped on exit."""
    directory.mkdir(parents=True, exist_ok=True)
    server = ChromaServer("127.0.0.1", free_port(), directory / "chroma-db",
                          directory / "chroma.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def chroma_server(directory: Path) -> Iterator[ChromaServer]:
    """The external CI server when configured, otherwise one of our own."""
    external = external_server()
    if external is not None:
        if not heartbeat(external.host, external.port, timeout=5):
            raise RuntimeError(f"FAZHI_TEST_CHROMA_HOST={external.host}:{external.port} "
                               "does not answer its heartbeat")
        yield external
        return
    with own_server(directory) as server:
        yield server
