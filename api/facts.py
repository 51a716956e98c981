"""``GET /api/facts?q=…&region=…&year=…``: figures whose indicator names ``q``, with the
sentence or table cell they come from (``facts.search``; the API form of
``python -m bot facts``)."""

# no "from __future__ import annotations": the Query limits below read ``settings`` of
# build_router, and FastAPI resolves string annotations at module level only.

from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.auth import require
from bot.service import QAService
from facts.search import search_facts
from settings import Settings
from vectorstore.tokenizer import shared_tokenizer

MAX_FACTS = 200


def build_router(settings: Settings, service: QAService) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["数据"])

    @router.get("/facts", summary="按指标查数据（数值、单位、出处）")
    def facts(request: Request,
              q: Annotated[str, Query(min_length=1, max_length=settings.max_question_chars,
                                      description="指标，如“行政复议”“律师事务所”")],
              region: Annotated[str | None, Query(max_length=50, description="地区，如“余杭区”")] = None,
              year: Annotated[int | None, Query(ge=1949, le=2100, description="年份")] = None,
              limit: Annotated[int, Query(ge=1, le=MAX_FACTS)] = 50) -> dict:
        require(request, [settings.api_key], "调用接口")
        found = search_facts(service.store.snapshot().chunks, q.strip(), region=region or None,
                             year=year, tokenize=shared_tokenizer(), limit=limit)
        return {"facts": [f.to_dict() for f in found]}

    return router
