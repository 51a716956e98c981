"""A tiny OpenAI-compatible server for offline tests: real HTTP, real SSE streaming.

    with StubOpenAI(["9家[1]。", Reply(status=500)]) as stub:
        chat = ChatOpenAI(base_url=stub.base_url, api_key="x", model=stub.model)
        ...
        stub.requests[-1].user_message   # what the client sent

Replies are canned: a list consumed in order (one per chat completion), or a function of the
request body. A plain string is a 200 reply; ``Reply`` adds an HTTP error status or a delay
(to make the client time out). Implements POST /v1/chat/completions (``"stream": true`` →
``data: {chunk}`` events with ``choices[0].delta.content``, then ``data: [DONE]``) and
GET /v1/models. Bound to 127.0.0.1 on a free port; stdlib only.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Reply:
    text: str = ""
    status: int = 200
    delay: float = 0.0  # seconds to wait before answering
    chunk_chars: int = 3  # characters per streamed delta


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def messages(self) -> list[dict[str, Any]]:
        return self.body.get("messages", [])

    def content(self, role: str) -> str:
        """All messages of one role ("system", "user", "assistant"), joined."""
        return "\n".join(_text(m.get("content")) for m in self.messages if m.get("role") == role)

    @property
    def system_message(self) -> str:
        return self.content("system")

    @property
    def user_message(self) -> str:
        """The last user message."""
        users = [m for m in self.messages if m.get("role") == "user"]
        return _text(users[-1].get("content")) if users else ""


Replies = Iterable[str | Reply] | Callable[[dict[str, Any]], str | Reply]


class StubOpenAI:
    def __init__(self, replies: Replies = (), model: str = "stub-model"):
        self.model = model
        self._replies: deque[str | Reply] | Callable[[dict[str, Any]], str | Reply]
        self._replies = replies if callable(replies) else deque(replies)
        self.requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _handler_for(self))
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        daemon=True, name="stub-openai")

    # ---- lifecycle
    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> StubOpenAI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> StubOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- canned replies
    def add(self, *replies: str | Reply) -> None:
        if callable(self._replies):
            raise TypeError("this stub answers with a function; it has no queue")
        self._replies.extend(replies)

    @property
    def completions(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _next_reply(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            if callable(self._replies):
                reply = self._replies(body)
            elif self._replies:
                reply = self._replies.popleft()
            else:
                reply = Reply("stub: no canned reply left", status=500)
        return Reply(reply) if isinstance(reply, str) else reply


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address):  # noqa: ANN001
        """A client that timed out and hung up is expected here; stay quiet."""


def _handler_for(stub: StubOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:  # noqa: N802
            stub._record(RecordedRequest("GET", self.path, _headers(self), {}))
            if self.path.rstrip("/").endswith("/models"):
                self._json(200, {"object": "list", "data": [
                    {"id": stub.model, "object": "model", "created": 0, "owned_by": "stub"}]})
            else:
                self._json(404, _error("not found"))

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
            except json.JSONDecodeError:
                self._json(400, _error("body is not JSON"))
                return
            stub._record(RecordedRequest("POST", self.path, _headers(self), body))
            if not self.path.rstrip("/").endswith("/chat/completions"):
                self._json(404, _error("not found"))
                return
            reply = stub._next_reply(body)
            if reply.delay:
                time.sleep(reply.delay)
            if reply.status != 200:
                self._json(reply.status, _error(reply.text or f"stub error {reply.status}"))
            elif body.get("stream"):
                self._stream(body, reply)
            else:
                self._json(200, _completion(stub.model, reply.text))

        def _json(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _stream(self, body: dict[str, Any], reply: Reply) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            text, size = reply.text, max(1, reply.chunk_chars)
            deltas = [{"role": "assistant", "content": ""}]
            deltas += [{"content": text[i:i + size]} for i in range(0, len(text), size)]
            for delta in deltas:
                self._event(_chunk(stub.model, delta, None))
            self._event(_chunk(stub.model, {}, "stop"))
            if (body.get("stream_options") or {}).get("include_usage"):
                self._event({**_chunk(stub.model, {}, None), "choices": [],
                             "usage": _usage(text)})
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()

        def _event(self, payload: dict[str, Any]) -> None:
            self.wfile.write(b"data: " + json.dumps(payload, ensure_ascii=False).encode("utf-8")
                             + b"\n\n")
            self.wfile.flush()

    return Handler


def _completion(model: str, text: str) -> dict[str, Any]:
    return {"id": "chatcmpl-stub", "object": "chat.completion", "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                         "finish_reason": "stop", "logprobs": None}],
            "usage": _usage(text)}


def _chunk(model: str, delta: dict[str, Any], finish: str | None) -> dict[str, Any]:
    return {"id": "chatcmpl-stub", "object": "chat.completion.chunk",
            "created": int(time.time()), "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}]}


def _usage(text: str) -> dict[str, int]:
    return {"prompt_tokens": 0, "completion_tokens": len(text), "total_tokens": len(text)}


def _error(message: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": "stub_error", "code": None}}


def _text(content: Any) -> str:
    if isinstance(content, list):  # content parts: [{"type": "text", "text": ...}]
        return "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return content or ""


def _headers(handler: BaseHTTPRequestHandler) -> dict[str, str]:
    return {k.lower(): v for k, v in handler.headers.items()}
