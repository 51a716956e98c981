"""OpenAI-compatible chat: ``POST /v1/chat/completions`` and ``GET /v1/models``.

The request is OpenAI's (model, messages, stream); earlier user/assistant messages become
the chat history, system messages are ignored. Filters go in an extra top-level field
``fazhi`` (``extra_body={"fazhi": {...}}`` with the ``openai`` client). The response is
OpenAI's, plus ``citations`` (the fields of ``python -m bot ask --json``) and ``found``;
when streaming, those two come in the last chunk before ``data: [DONE]``.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from collections.abc import Iterator
from typing import Any, Literal

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from api.auth import require
from api.errors import ApiError
from bot.answer import Answer
from bot.coverage import describe
from bot.limits import ChatLimits, check_history, check_question
from bot.service import QAService
from settings import Settings

logger = logging.getLogger(__name__)

MODEL_ID = "fazhi-qa"
PIECE_CHARS = 12  # streamed answer pieces
ASK_CONCURRENCY = 4  # answers computed at once (as in the UI); more requests wait their turn


class Filters(BaseModel):
    """Limit the answer to some reports (all given filters apply together)."""

    model_config = ConfigDict(extra="forbid")
    doc_ids: list[str] | None = Field(None, description="报告 id（见 GET /api/documents）")
    region: str | None = Field(None, max_length=50, description="地区，如“余杭区”")
    year: int | None = Field(None, ge=1949, le=2100, description="报告年份，如 2021")


class ContentPart(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: str
    text: str | None = None


class Message(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ContentPart] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(p.text or "" for p in self.content if p.type == "text")
        return self.content or ""


class ChatRequest(BaseModel):
    """OpenAI's chat-completion request; unknown OpenAI fields (temperature, …) are ignored."""

    model_config = ConfigDict(extra="ignore", json_schema_extra={"examples": [{
        "model": MODEL_ID,
        "messages": [{"role": "user", "content": "2021年律师事务所引进多少家"}],
        "fazhi": {"region": "余杭区", "year": 2021}}]})
    model: str = MODEL_ID
    messages: list[Message] = Field(min_length=1)
    stream: bool = False
    fazhi: Filters | None = Field(None, description="可选筛选：doc_ids、region、year")


def conversation(messages: list[Message], limits: ChatLimits) -> tuple[str, list[list[str]]]:
    """(question, history): the last user message, and the user/assistant pairs before it.

    Chat front ends resend the whole conversation every time, so, like a context window,
    only the latest turns within the history limits are kept (older ones are dropped)."""
    talk = [m for m in messages if m.role in ("user", "assistant")]
    if not talk or talk[-1].role != "user":
        raise ApiError(400, "最后一条消息必须是用户的问题（role 为 user）。")
    history: list[list[str]] = []
    pending: str | None = None
    for m in talk[:-1]:
        if m.role == "user":
            if pending is not None:
                history.append([pending, ""])
            pending = m.text()
        elif pending is not None:
            history.append([pending, m.text()])
            pending = None
    if pending is not None:
        history.append([pending, ""])
    return check_question(talk[-1].text(), limits), check_history(history, limits)


def scope(service: QAService, filters: Filters | None) -> list[str] | None:
    """doc_ids the filters allow (None = all reports); unknown doc_ids → 404."""
    if filters is None or (filters.doc_ids is None and not filters.region and not filters.year):
        return None
    docs = service.documents()
    if filters.doc_ids is not None:
        known = {d.doc_id for d in docs}
        unknown = [i for i in filters.doc_ids if i not in known]
        if unknown:
            raise ApiError(404, f"知识库中没有这些报告：{'、'.join(unknown[:5])}。"
                                "可用 GET /api/documents 查看报告 id。", "unknown_document")
    region = (filters.region or "").strip()
    return [d.doc_id for d in docs
            if (filters.doc_ids is None or d.doc_id in filters.doc_ids)
            and (not region or (d.region is not None and region in d.region))
            and (not filters.year or d.year == filters.year)]


def no_scope(service: QAService, filters: Filters) -> Answer:
    asked = "、".join(x for x in (filters.region, f"{filters.year}年" if filters.year else "",
                                  "所选报告" if filters.doc_ids else "") if x)
    return Answer(f"知识库中没有符合筛选条件（{asked}）的报告。目前收录的报告："
                  f"{describe(service.documents())}。", found=False)


def completion(answer: Answer, created: int, ident: str) -> dict[str, Any]:
    return {"id": ident, "object": "chat.completion", "created": created, "model": MODEL_ID,
            "choices": [{"index": 0, "finish_reason": "stop", "logprobs": None,
                         "message": {"role": "assistant", "content": answer.text}}],
            "usage": usage(answer),
            "found": answer.found, "citations": answer.to_dict()["citations"]}


def usage(answer: Answer) -> dict[str, int]:
    """Counted in characters (there is no tokenizer behind the extractive answer)."""
    n = len(answer.text)
    return {"prompt_tokens": 0, "completion_tokens": n, "total_tokens": n}


def chunk(ident: str, created: int, delta: dict, finish: str | None = None,
          **extra: Any) -> str:
    body = {"id": ident, "object": "chat.completion.chunk", "created": created,
            "model": MODEL_ID,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}],
            **extra}
    return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"


def sse(answer: Answer, created: int, ident: str) -> Iterator[str]:
    """The (already verified) answer as OpenAI chunks; citations and found in the last one."""
    yield chunk(ident, created, {"role": "assistant", "content": ""})
    for start in range(0, len(answer.text), PIECE_CHARS):
        yield chunk(ident, created, {"content": answer.text[start:start + PIECE_CHARS]})
    yield chunk(ident, created, {}, "stop", usage=usage(answer), found=answer.found,
                citations=answer.to_dict()["citations"])
    yield "data: [DONE]\n\n"


def build_router(settings: Settings, service: QAService) -> APIRouter:
    router = APIRouter(prefix="/v1", tags=["OpenAI 兼容问答"])
    limits = ChatLimits.from_settings(settings)
    answering = anyio.CapacityLimiter(ASK_CONCURRENCY)

    @router.get("/models", summary="模型列表（只有一个：fazhi-qa）")
    def models(request: Request) -> dict:
        require(request, [settings.api_key], "调用接口")
        return {"object": "list", "data": [model_card()]}

    @router.get("/models/{model}", summary="模型信息")
    def model(model: str, request: Request) -> dict:
        require(request, [settings.api_key], "调用接口")
        if model != MODEL_ID:
            raise ApiError(404, f"没有模型“{model}”，可用的模型是 {MODEL_ID}。", "model_not_found")
        return model_card()

    @router.post("/chat/completions", summary="问答（OpenAI chat completions 格式，附引用）",
                 response_model=None)
    async def chat_completions(body: ChatRequest, request: Request) -> Any:
        require(request, [settings.api_key], "调用接口")
        question, history = conversation(body.messages, limits)
        created, ident = int(time.time()), f"chatcmpl-{uuid.uuid4().hex}"

        def answer() -> Answer:
            doc_ids = scope(service, body.fazhi)
            if doc_ids == [] and body.fazhi is not None:
                return no_scope(service, body.fazhi)
            logger.info("api ask %r (history: %d turns, doc_ids: %s)", question, len(history),
                        doc_ids)
            return service.ask(question, history, doc_ids)

        if not body.stream:
            return completion(await anyio.to_thread.run_sync(answer, limiter=answering),
                              created, ident)
        # The answer is complete (and an LLM's verified) before the first byte is sent: a
        # stream never shows text it later has to take back, and errors keep their status.
        result = await anyio.to_thread.run_sync(answer, limiter=answering)
        return StreamingResponse(sse(result, created, ident), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})

    return router


def model_card() -> dict:
    return {"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "fazhi-qa"}
