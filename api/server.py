"""The FastAPI app of the HTTP API: routers, JSON errors, body limits, docs at /docs.

``app.py`` mounts the Gradio UI on this app, so both are served on one port.
"""

from __future__ import annotations

from fastapi import FastAPI, Request

from api import chat, documents, facts
from api.body_limit import BodyLimit
from api.errors import ApiError, install_error_handlers
from bot.service import QAService
from ingest.pipeline import Ingestor
from settings import Settings
from ui.kb import KnowledgeBase

API_PREFIXES = ("/v1/", "/api/")
DESCRIPTION = """\
法治问答的 HTTP 接口。

* `POST /v1/chat/completions`：OpenAI 兼容的问答接口，回答附 `citations`（引用）和 `found`；
  可选筛选放在请求体的 `fazhi` 字段：`{"doc_ids": [...], "region": "余杭区", "year": 2021}`。
* `GET /v1/models`：唯一的模型 `fazhi-qa`。
* `GET/POST /api/documents`、`DELETE /api/documents/{id}`：查看、上传、删除报告。
* `GET /api/facts?q=…&region=…&year=…`：按指标查数据（数值、单位、年份、出处）。

设置了 `FAZHI_API_KEY` 时，所有接口都需要 `Authorization: Bearer <FAZHI_API_KEY>`；
上传和删除在设置了 `FAZHI_ADMIN_PASSWORD` 时也接受该密码。
错误一律为 `{"error": {"message": "…", "type": "…", "code": …}}`。
"""


def body_limits(settings: Settings):  # noqa: ANN201 - (method, path) -> bytes | None
    upload = (settings.max_upload_mb + 1) * 2**20  # the files plus multipart overhead
    request = settings.max_request_kb * 1024

    def limit_for(method: str, path: str) -> int | None:
        if not path.startswith(API_PREFIXES):
            return None  # the Gradio app has its own limits
        if method == "POST" and path.rstrip("/") == "/api/documents":
            return upload
        return request

    return limit_for


def create_api(settings: Settings, service: QAService,
               kb: KnowledgeBase | None = None) -> FastAPI:
    if kb is None:
        ingestor = Ingestor(service.store, settings.chunk_size, settings.chunk_overlap_sentences,
                            separate_process=True)
        kb = KnowledgeBase(service.store, ingestor, settings.store_dir, settings.max_upload_mb,
                           settings.admin_password, max_files=settings.max_upload_files)
    app = FastAPI(title="法治问答 API", description=DESCRIPTION, version="1",
                  docs_url="/docs", redoc_url=None, openapi_url="/openapi.json")
    install_error_handlers(app)
    app.add_middleware(BodyLimit, limit_for=body_limits(settings))
    app.include_router(chat.build_router(settings, service))
    app.include_router(documents.build_router(settings, service, kb))
    app.include_router(facts.build_router(settings, service))

    @app.api_route("/v1/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                   include_in_schema=False)
    @app.api_route("/api/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                   include_in_schema=False)
    def unknown(rest: str, request: Request) -> None:
        raise ApiError(404, f"没有这个接口：{request.method} {request.url.path}。"
                            "请查看 /docs 中的接口列表。", "unknown_endpoint")

    return app
