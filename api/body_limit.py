"""Refuse request bodies over a size limit before they are read (by Content-Length) or
while they are read (chunked uploads): 413 with a Chinese message."""

from __future__ import annotations

import json
from collections.abc import Callable

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_body


class BodyTooLarge(HTTPException):
    """Raised while the body is read; FastAPI passes HTTPExceptions on to the handlers."""

    def __init__(self, limit: int):
        super().__init__(413, too_large_message(limit))


class BodyLimit:
    """ASGI middleware: ``limit_for(method, path)`` gives the byte limit (None = no limit)."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[str, str], int | None]):
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["method"], scope["path"])
        if limit is None:
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > limit:
            await _too_large(send, limit)
            return
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, limited_receive, send)


def too_large_message(limit: int) -> str:
    size = f"{limit / 2**20:g} MB" if limit >= 2**20 else f"{limit / 1024:g} KB"
    return f"请求体过大，上限为 {size}。请缩短内容或分批上传。"


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps(error_body(413, too_large_message(limit)), ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
