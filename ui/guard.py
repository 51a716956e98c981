"""Abuse limits for the web UI: per-client rate limits, a failed-password lockout, and an
ASGI middleware that bounds Gradio's own upload route (request size and rate per client).

All clocks are injectable so the limits are tested without sleeping.
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any

Clock = Callable[[], float]


class RateLimit:
    """At most ``limit`` events per ``window`` seconds for each key (a sliding window)."""

    def __init__(self, limit: int, window: float, clock: Clock = time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self._events: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = self.clock()
        with self._lock:
            events = self._events[key]
            while events and events[0] <= now - self.window:
                events.popleft()
            if len(events) >= self.limit:
                return False
            events.append(now)
            if len(self._events) > 10_000:  # forget idle clients
                for k in [k for k, v in self._events.items() if not v]:
                    del self._events[k]
            return True


class Lockout:
    """After ``max_failures`` wrong passwords within ``period`` seconds a client is locked
    out for ``period`` seconds (even the right password is refused meanwhile)."""

    def __init__(self, max_failures: int = 5, period: float = 300.0,
                 clock: Clock = time.monotonic):
        self.max_failures, self.period, self.clock = max_failures, period, clock
        self._failures: dict[str, list[float]] = defaultdict(list)
        self._until: dict[str, float] = {}
        self._lock = threading.Lock()

    def remaining(self, key: str) -> float:
        """Seconds until ``key`` may try again (0 when not locked)."""
        with self._lock:
            return max(0.0, self._until.get(key, 0.0) - self.clock())

    def failed(self, key: str) -> bool:
        """Record a failure; True when this one locks the client out."""
        now = self.clock()
        with self._lock:
            recent = [t for t in self._failures[key] if t > now - self.period]
            recent.append(now)
            self._failures[key] = recent
            if len(recent) >= self.max_failures:
                self._until[key] = now + self.period
                self._failures[key] = []
                return True
            return False

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)


def client_of(request: Any) -> str:
    """The client address of a gr.Request / Starlette request ('unknown' without one)."""
    client = getattr(request, "client", None)
    host = getattr(client, "host", None)
    return str(host) if host else "unknown"


class UploadGuard:
    """ASGI middleware for Gradio's upload route (``…/upload``, POST): refuses bodies over
    ``max_bytes`` by their Content-Length with 413 (411 without one; a body longer than
    declared is cut off there),
    and more than ``per_minute`` uploads per client with 429, before anything reaches disk.

    Install with ``FastAPI(middleware=[Middleware(UploadGuard, …)])`` — Gradio's
    ``launch(app_kwargs=…)`` and ``mount_gradio_app(app_kwargs=…)`` both pass it through.
    """

    def __init__(self, app: Any, max_bytes: int, per_minute: int = 30,
                 clock: Clock = time.monotonic):
        self.app = app
        self.max_bytes = max_bytes
        self.limit = RateLimit(per_minute, 60.0, clock)

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope.get("type") != "http" or scope.get("method") != "POST" \
                or not scope.get("path", "").rstrip("/").endswith("/upload"):
            await self.app(scope, receive, send)
            return
        client = (scope.get("client") or ("unknown",))[0]
        if not self.limit.allow(str(client)):
            await _refuse(send, 429, "上传过于频繁，请一分钟后再试。")
            return
        headers = dict(scope.get("headers") or [])
        try:
            declared = int(headers.get(b"content-length", b""))
        except ValueError:
            await _refuse(send, 411, "上传请求缺少长度信息，请用浏览器页面上传。")
            return
        if declared > self.max_bytes:
            await _refuse(send, 413, _too_big(self.max_bytes))
            return
        seen = 0

        async def counted() -> dict:
            # a body longer than it declared is cut off where the declaration ends
            nonlocal seen
            message = await receive()
            if message.get("type") == "http.request":
                seen += len(message.get("body", b""))
                if seen > declared:
                    return {"type": "http.disconnect"}
            return message

        await self.app(scope, counted, send)


def _too_big(max_bytes: int) -> str:
    return f"上传内容超过 {max_bytes / 1024 / 1024:g} MB，请减少文件数量或大小后再试。"


async def _refuse(send: Callable, status: int, text: str) -> None:
    body = json.dumps({"error": text}, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
