"""Knowledge-base endpoints: ``GET/POST /api/documents``, ``DELETE /api/documents/{id}``.

Uploads go through the same checks, loaders and limits as the UI's knowledge-base tab
(``ui.kb.KnowledgeBase``: sanitised names, supported types, ``FAZHI_MAX_UPLOAD_MB``).
The write endpoints need ``Authorization: Bearer <FAZHI_ADMIN_PASSWORD or FAZHI_API_KEY>``
when either is set; the token is checked before the body is read. As in the UI, uploads,
deletes and wrong tokens go to the audit log with the client's address, and a client with
too many wrong tokens is locked out for a while (429).
"""

from __future__ import annotations

import logging
import math
import tempfile
import threading
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException

from api.auth import require
from api.errors import ApiError, error_body
from bot.service import QAService
from ingest.pipeline import FileResult, supported_suffixes
from settings import Settings
from ui.guard import client_of
from ui.kb import KEPT_STATUSES, LOCKED_OUT, STATUS_TEXT, KnowledgeBase, Upload, sanitize_filename
from vectorstore.records import DocumentRecord

logger = logging.getLogger(__name__)

UPLOAD_FIELDS = ("files", "file")
READ_CHUNK = 1 << 20
UPLOAD_SCHEMA = {"requestBody": {"required": True, "content": {"multipart/form-data": {
    "schema": {"type": "object", "required": ["files"], "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                  "description": "一个或多个报告文件（.txt .md .html .docx .pdf）"}}}}}}}


def document_json(d: DocumentRecord, pages: int | None = None) -> dict[str, Any]:
    return {"id": d.doc_id, "title": d.title, "issuer": getattr(d, "issuer", None),
            "region": d.region, "year": d.year, "pages": pages, "chunks": d.chunks,
            "added": d.ingested_at, "source": d.source}


def page_counts(service: QAService) -> dict[str, int]:
    """Highest page number seen per document (PDFs; other formats have no pages)."""
    pages: dict[str, int] = {}
    for c in service.store.snapshot().chunks:
        if c.page:
            pages[c.doc_id] = max(pages.get(c.doc_id, 0), c.page)
    return pages


def result_json(name: str, r: Upload | FileResult) -> dict[str, Any]:
    if isinstance(r, Upload):
        return {"file": name, "status": "rejected", "message": r.error, "chunks": 0,
                "document": None}
    message = STATUS_TEXT.get(r.status, r.status) + (f"：{r.error}" if r.error else "") \
        + (f"。{r.note}" if r.note else "")
    return {"file": name, "status": r.status, "message": message, "chunks": r.chunks,
            "document": document_json(r.document) if r.document else None}


def upload_status(results: list[dict[str, Any]]) -> int:
    """200 when any file is in the knowledge base now; else the status of the failures."""
    if any(r["status"] not in ("rejected", "failed") for r in results):
        return 200
    suffixes = supported_suffixes()
    rejected = [r for r in results if r["status"] == "rejected"]
    if rejected and all(Path(r["file"]).suffix.lower() not in suffixes for r in results):
        return 415
    if any(Path(r["file"]).suffix.lower() in suffixes for r in rejected):
        return 413
    return 400


def build_router(settings: Settings, service: QAService, kb: KnowledgeBase) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["知识库"])
    writers = [settings.admin_password, settings.api_key]
    lock = threading.Lock()  # one upload or delete at a time

    def require_writer(request: Request, action: str, what: str, target: str = "") -> str:
        """The client's address once it may write; 401/429 (audited) otherwise."""
        client = client_of(request)

        def locked_out(minutes: float) -> ApiError:
            return ApiError(429, LOCKED_OUT.format(minutes=max(1, math.ceil(minutes))),
                            "locked_out", {"Retry-After": str(int(minutes * 60) or 1)})

        def locked() -> ApiError | None:
            wait = kb.lockout.remaining(client)
            if wait <= 0:
                return None
            kb.audit.record("locked-out", client, f"{action} {target}".strip(), ok=False)
            return locked_out(wait / 60)

        def wrong() -> ApiError | None:
            now_locked = kb.lockout.failed(client)
            kb.audit.record("password-failed", client, f"{action} {target}".strip(), ok=False)
            return locked_out(kb.lockout.period / 60) if now_locked else None

        require(request, writers, what, on_wrong=wrong, locked=locked)
        kb.lockout.succeeded(client)
        return client

    @router.get("/documents", summary="已收录的报告")
    def list_documents(request: Request) -> dict:
        require(request, [settings.api_key], "调用接口")
        pages = page_counts(service)
        return {"documents": [document_json(d, pages.get(d.doc_id))
                              for d in service.documents()]}

    @router.post("/documents", summary="上传并导入报告（multipart，字段名 files）",
                 openapi_extra=UPLOAD_SCHEMA, response_model=None)
    async def upload(request: Request) -> JSONResponse:
        client = require_writer(request, "upload", "上传报告")
        try:
            form = await request.form(max_files=settings.max_upload_files, max_fields=20)
        except HTTPException as e:
            if e.status_code == 413:
                raise
            raise ApiError(400, "无法读取上传的表单：请用 multipart/form-data 上传，字段名为 files，"
                                f"一次最多 {settings.max_upload_files} 个文件。") from e
        try:
            files = [f for key in UPLOAD_FIELDS for f in form.getlist(key)
                     if isinstance(f, UploadFile)]
            if not files:
                raise ApiError(400, "没有收到文件：请用 multipart/form-data 上传，字段名为 files。")
            with tempfile.TemporaryDirectory(prefix="fazhi-upload-") as tmp:
                paths = await save(files, Path(tmp))
                results = await run_in_threadpool(ingest, kb, lock, paths)
            for r in results:
                kb.audit.record("upload", client, r["file"], ok=r["status"] in KEPT_STATUSES,
                                detail=r["status"])
        finally:
            await form.close()
        status = upload_status(results)
        body: dict[str, Any] = {"results": results}
        if status != 200:
            messages = "；".join(f"{r['file']}：{r['message']}" for r in results)
            body = {**error_body(status, f"没有导入任何报告。{messages}"), **body}
        return JSONResponse(body, status_code=status)

    @router.delete("/documents/{doc_id}", summary="删除报告")
    def delete(doc_id: str, request: Request) -> dict:
        client = require_writer(request, "delete", "删除报告", doc_id[:40])
        with lock:
            doc = kb.delete(doc_id)
        if doc is None:
            raise ApiError(404, f"知识库中没有 id 为“{doc_id[:40]}”的报告，"
                                "可用 GET /api/documents 查看。", "unknown_document")
        kb.audit.record("delete", client, f"{doc.source} ({doc_id})")
        return {"deleted": document_json(doc)}

    return router


async def save(files: list[UploadFile], folder: Path) -> list[Path]:
    """Each upload in its own folder under its sanitised name (names may repeat)."""
    paths = []
    for i, f in enumerate(files):
        target = folder / str(i) / sanitize_filename(f.filename or "upload")
        target.parent.mkdir()
        with target.open("wb") as out:
            while data := await f.read(READ_CHUNK):
                out.write(data)
        paths.append(target)
    return paths


def ingest(kb: KnowledgeBase, lock: threading.Lock, paths: list[Path]) -> list[dict[str, Any]]:
    with lock:
        return [result_json(name, r) for name, r in kb.add(paths)]
