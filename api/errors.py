"""Every API error is JSON ``{"error": {"message": <Chinese>, "type": ..., "code": ...}}``
with the right status; no raw exception text reaches a client."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.limits import InvalidRequest
from vectorstore.errors import StoreError, StoreUnavailable

logger = logging.getLogger(__name__)

TYPES = {400: "invalid_request_error", 401: "authentication_error", 404: "not_found_error",
         405: "invalid_request_error", 413: "request_too_large",
         415: "unsupported_media_type", 429: "rate_limit_error", 500: "server_error",
         503: "service_unavailable"}
STATUS_TEXT = {404: "没有这个接口，请查看 /docs 中的接口列表。",
               405: "该接口不支持这种请求方法，请查看 /docs。"}
SERVER_ERROR = "服务器内部错误，请稍后重试；如果一直出现，请联系管理员查看日志。"


class ApiError(Exception):
    """An error a client should see: status, Chinese message, type (and an optional code)."""

    def __init__(self, status: int, message: str, code: str | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers


def error_body(status: int, message: str, code: str | None = None) -> dict:
    return {"error": {"message": message, "type": TYPES.get(status, "invalid_request_error"),
                      "code": code}}


def error_response(status: int, message: str, code: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message, code), status_code=status, headers=headers)


def validation_message(exc: RequestValidationError) -> str:
    """A Chinese sentence for pydantic's first complaints about the request."""
    parts: list[str] = []
    for err in exc.errors():
        kind = err.get("type", "")
        loc = [str(x) for x in err.get("loc", ())
               if x not in ("body", "query", "path") and not _branch(x)]
        where = ".".join(loc)
        ctx = err.get("ctx") or {}
        if kind == "json_invalid":
            return "请求体不是有效的 JSON，请检查格式（Content-Type: application/json）。"
        if kind == "missing" and not loc:
            return "缺少请求体：请发送 JSON（Content-Type: application/json）。"
        if not loc and err.get("loc", ("body",))[0] == "body":
            return "请求体应是一个 JSON 对象，例如 {\"messages\": [{\"role\": \"user\", \"content\": \"问题\"}]}。"
        if kind == "missing":
            text = f"缺少字段 {where}"
        elif kind == "extra_forbidden":
            text = f"不认识的字段 {where}"
        elif kind in ("literal_error", "enum"):
            allowed = str(ctx.get("expected", "")).replace(" or ", ", ")
            text = f"字段 {where} 的取值不对（可选：{allowed}）"
        elif kind == "too_short":
            text = f"字段 {where} 至少要有 {ctx.get('min_length', 1)} 项"
        elif kind == "too_long" or kind.startswith("string_too_long"):
            text = f"字段 {where} 过长"
        else:
            text = f"字段 {where} 的类型或取值不对"
        if text not in parts:
            parts.append(text)
        if len(parts) == 3:
            break
    return "请求格式不对：" + "；".join(parts) + "。请对照 /docs 中的接口说明。"


def _branch(part: object) -> bool:
    """pydantic names the tried type of a union in the error location ('str', 'list[...]')."""
    return isinstance(part, str) and ("[" in part or part in _TYPE_NAMES)


_TYPE_NAMES = {"str", "int", "float", "bool", "list", "dict", "none", "function-after",
               "function-before", "function-wrap"}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message, exc.code, exc.headers)

    @app.exception_handler(InvalidRequest)
    async def invalid(_: Request, exc: InvalidRequest) -> JSONResponse:
        return error_response(400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_shape(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(400, validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = STATUS_TEXT.get(exc.status_code)
        if message is None:
            message = exc.detail if isinstance(exc.detail, str) and not exc.detail.isascii() \
                else f"请求无法处理（HTTP {exc.status_code}）。"
        return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(StoreUnavailable)
    async def unavailable(_: Request, exc: StoreUnavailable) -> JSONResponse:
        logger.warning("store unavailable: %s", exc)
        return error_response(503, str(exc), "store_unavailable", {"Retry-After": "10"})

    @app.exception_handler(StoreError)
    async def store_error(_: Request, exc: StoreError) -> JSONResponse:
        logger.warning("store error: %s", exc)
        return error_response(503, str(exc), "store_error")

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        logger.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return error_response(500, SERVER_ERROR)
