"""Knowledge-base tab: list reports, upload and ingest files, delete reports.

The pure parts (file-name sanitising, the admin-password check, saving uploads) are plain
functions so they can be tested without a server; ``KnowledgeBase`` does the work and
``build_kb_tab`` only wires it to components.
"""

from __future__ import annotations

import hmac
import logging
import re
import shutil
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

import gradio as gr

from ingest.loaders import SUPPORTED_SUFFIXES
from ingest.pipeline import FileResult, Ingestor, supported_suffixes
from vectorstore.records import DocumentRecord
from vectorstore.store import KnowledgeStore

logger = logging.getLogger(__name__)

UPLOADS = "uploads"
MAX_NAME_CHARS = 120
TABLE_HEADERS = ["标题", "地区", "年份", "分块数", "导入时间", "文件名"]
_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')
_SPACES = re.compile(r"\s+")
WRONG_PASSWORD = "管理密码不正确，未做任何更改。"
STATUS_TEXT = {"added": "已导入", "updated": "已更新", "unchanged": "内容未变，已跳过",
               "duplicate": "与已有报告重复，已跳过", "failed": "导入失败"}


def sanitize_filename(name: str) -> str:
    """A safe file name from an uploaded file's name: no directories, no control or
    shell-special characters, no leading dot; Chinese and other letters are kept.

    '../../etc/passwd.txt' → 'passwd.txt'; 'C:\\报告\\余杭 2021.docx' → '余杭 2021.docx'.
    """
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[\\/]", name)[-1]
    name = _FORBIDDEN.sub("", name)
    name = _SPACES.sub(" ", name).strip().lstrip(".").strip()
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    stem = stem.strip().rstrip(".")
    suffix = suffix.strip()
    if len(stem) > MAX_NAME_CHARS:
        stem = stem[:MAX_NAME_CHARS].rstrip()
    if not stem:
        stem = "upload"
    return f"{stem}.{suffix}" if suffix else stem


def check_password(expected: str | None, given: str | None) -> bool:
    """True when no admin password is set, or ``given`` matches it (constant-time)."""
    if not expected:
        return True
    return hmac.compare_digest((given or "").encode(), expected.encode())


@dataclass
class Upload:
    """One uploaded file: where it was saved (if it passed the checks) or why not."""

    name: str
    path: Path | None = None
    error: str | None = None


def save_uploads(files: Sequence[str | Path], dest: Path, max_mb: float,
                 suffixes: frozenset[str] | None = None) -> list[Upload]:
    """Check type and size, then copy each file into ``dest`` under its sanitised name."""
    suffixes = suffixes or supported_suffixes()
    dest.mkdir(parents=True, exist_ok=True)
    out: list[Upload] = []
    taken: set[str] = set()
    for f in files:
        src = Path(f)
        name = _unique(sanitize_filename(src.name), taken)
        suffix = Path(name).suffix.lower()
        if suffix not in suffixes:
            out.append(Upload(name, error=f"不支持的文件类型“{suffix or '无扩展名'}”，"
                                          f"支持：{'、'.join(sorted(suffixes))}"))
            continue
        size = src.stat().st_size
        if size > max_mb * 1024 * 1024:
            out.append(Upload(name, error=f"文件大小 {size / 1024 / 1024:.1f} MB，"
                                          f"超过上限 {max_mb:g} MB"))
            continue
        target = dest / name
        shutil.copyfile(src, target)
        taken.add(name)
        out.append(Upload(name, path=target))
    return out


def _unique(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 2
    while f"{stem}({n}){suffix}" in taken:
        n += 1
    return f"{stem}({n}){suffix}"


class KnowledgeBase:
    """What the tab does, independent of components."""

    def __init__(self, store: KnowledgeStore, ingestor: Ingestor, store_dir: Path,
                 max_upload_mb: float, admin_password: str | None):
        self.store = store
        self.ingestor = ingestor
        self.uploads = store_dir / UPLOADS
        self.max_upload_mb = max_upload_mb
        self.admin_password = admin_password

    @property
    def protected(self) -> bool:
        return bool(self.admin_password)

    def allowed(self, password: str | None) -> bool:
        return check_password(self.admin_password, password)

    def documents(self) -> list[DocumentRecord]:
        return self.store.documents()

    def rows(self) -> list[list]:
        return [[d.title, d.region or "", d.year or "", d.chunks, d.ingested_at.replace("T", " "),
                 d.source] for d in self.documents()]

    def choices(self) -> list[tuple[str, str]]:
        return [(doc_label(d), d.doc_id) for d in self.documents()]

    def add(self, files: Sequence[str | Path],
            on_file: Callable[[int, int, str], None] | None = None,
            ) -> list[tuple[str, Upload | FileResult]]:
        """Save and ingest uploads: (saved name, result) per file, in order."""
        uploads = save_uploads(files, self.uploads, self.max_upload_mb)
        ready = {u.path: u.name for u in uploads if u.path is not None}
        done = 0

        def progress(result: FileResult) -> None:
            nonlocal done
            done += 1
            if on_file:
                on_file(done, len(ready), result.path.name)

        results = self.ingestor.ingest(list(ready), on_file=progress, source_names=ready)
        by_path = {r.path: r for r in results}
        return [(u.name, by_path[u.path] if u.path is not None else u) for u in uploads]

    def upload(self, files: Sequence[str | Path] | None, password: str | None,
               on_file: Callable[[int, int, str], None] | None = None) -> tuple[str, bool]:
        """The upload button: (status HTML, whether anything was ingested)."""
        if not self.allowed(password):
            return message_html(WRONG_PASSWORD, error=True), False
        if not files:
            return message_html("请先选择要上传的文件。", error=True), False
        return results_html(self.add(files, on_file)), True

    def remove(self, doc_id: str | None, password: str | None) -> str:
        """The delete button: status HTML."""
        if not self.allowed(password):
            return message_html(WRONG_PASSWORD, error=True)
        if not doc_id:
            return message_html("请先选择要删除的报告。", error=True)
        doc = self.delete(doc_id)
        if doc is None:
            return message_html("该报告已不在知识库中。", error=True)
        return message_html(f"已删除：{doc_label(doc)}")

    def delete(self, doc_id: str) -> DocumentRecord | None:
        doc = next((d for d in self.documents() if d.doc_id == doc_id), None)
        if doc is None:
            return None
        self.store.delete_document(doc_id)
        copy = self.uploads / sanitize_filename(doc.source)
        if copy.is_file():
            copy.unlink()
        logger.info("deleted %s (%s)", doc.source, doc_id)
        return doc


def doc_label(d: DocumentRecord) -> str:
    return d.title if d.title else d.source


def results_html(results: Sequence[tuple[str, Upload | FileResult]]) -> str:
    items = []
    for name, r in results:
        if isinstance(r, Upload):
            ok, text = False, r.error or ""
        else:
            ok = r.status != "failed"
            text = STATUS_TEXT.get(r.status, r.status)
            if r.status in ("added", "updated"):
                text += f"（{r.chunks} 个分块）"
            if r.error:
                text += f"：{r.error}"
        cls = "fz-ok" if ok else "fz-error"
        items.append(f'<li class="{cls}"><b>{escape(name)}</b> — {escape(text)}</li>')
    return f'<ul class="fz-results">{"".join(items)}</ul>'


def message_html(text: str, error: bool = False) -> str:
    cls = "fz-error" if error else "fz-ok"
    return f'<div class="fz-status {cls}">{escape(text)}</div>'


def access_note(kb: KnowledgeBase) -> str:
    if kb.protected:
        return "上传和删除报告需要管理密码（由 `FAZHI_ADMIN_PASSWORD` 设置）。"
    return ("⚠️ 未设置管理密码：任何能打开本页面的人都可以上传和删除报告。"
            "如需限制，请设置环境变量 `FAZHI_ADMIN_PASSWORD` 后重启。")


def build_kb_tab(kb: KnowledgeBase) -> dict:
    """Components of the knowledge-base tab (call inside a gr.Tab). Returns the table, the
    delete dropdown and the events after which the page should refresh its report lists."""
    gr.Markdown(access_note(kb), elem_id="kb-access")
    table = gr.Dataframe(headers=TABLE_HEADERS, value=kb.rows(), interactive=False,
                         label="已收录的报告", elem_id="kb-table", wrap=True)
    password = gr.Textbox(label="管理密码", type="password", visible=kb.protected,
                          elem_id="kb-password")
    kinds = list(SUPPORTED_SUFFIXES)
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            files = gr.File(label=f"上传报告（{' '.join(kinds)}；每个文件不超过 "
                                  f"{kb.max_upload_mb:g} MB）",
                            file_count="multiple", file_types=kinds, type="filepath",
                            elem_id="kb-files")
            upload = gr.Button("导入上传的文件", variant="primary", elem_id="kb-upload")
        with gr.Column(scale=2):
            chosen = gr.Dropdown(label="选择要删除的报告", choices=kb.choices(),
                                 elem_id="kb-delete-choice")
            delete = gr.Button("删除所选报告", variant="stop", elem_id="kb-delete")
    status = gr.HTML(elem_id="kb-status")

    def do_upload(paths: list[str] | None, pw: str, progress=gr.Progress()) -> tuple:  # noqa: B008
        progress(0, desc="正在导入…")
        html, done = kb.upload(paths, pw, lambda i, n, name: progress(i / n, desc=f"已导入 {name}"))
        return html, (None if done else gr.skip())

    events = [
        upload.click(do_upload, [files, password], [status, files], api_visibility="private",
                     concurrency_id="kb", concurrency_limit=1),
        delete.click(kb.remove, [chosen, password], [status], api_visibility="private",
                     concurrency_id="kb", concurrency_limit=1),
    ]
    return {"table": table, "chosen": chosen, "events": events}
