"""Knowledge-base tab: list reports, upload and ingest files, delete reports.

The pure parts (file-name sanitising, the admin-password check, saving uploads) are plain
functions so they can be tested without a server; ``KnowledgeBase`` does the work and
``build_kb_tab`` only wires it to components.
"""

from __future__ import annotations

import filecmp
import hmac
import logging
import math
import re
import shutil
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from html import escape
from pathlib import Path

import gradio as gr

from ingest.loaders import SUPPORTED_SUFFIXES
from ingest.pipeline import FileResult, Ingestor, Overrides, supported_suffixes
from ui.audit import AUDIT_FILE, AuditLog
from ui.guard import Lockout, client_of
from vectorstore.records import DocumentRecord
from vectorstore.store import KnowledgeStore

logger = logging.getLogger(__name__)

UPLOADS = "uploads"
MAX_NAME_CHARS = 120
TABLE_HEADERS = ["标题", "地区", "年份", "页数", "分块数", "导入时间", "文件名"]
_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')
# Unicode categories dropped from names: controls, format characters (bidi overrides such as
# U+202E, zero-width joiners), private use, surrogates, unassigned.
_DROPPED_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn"}
_SPACES = re.compile(r"\s+")
WRONG_PASSWORD = "管理密码不正确，未做任何更改。"
LOCKED_OUT = "管理密码连续输错次数过多，已暂时锁定，请 {minutes} 分钟后再试。"
TOO_MANY_FILES = "一次最多上传 {limit} 个文件（本次 {count} 个），请分批上传。"
SAME_NAME = ("知识库中已有同名但内容不同的文件“{name}”，两份都已保留，本次上传的文件另存为“{stored}”；"
             "如果本次上传的是旧报告的新版本，请删除旧报告。")
KEPT_STATUSES = ("added", "updated", "unchanged")
STATUS_TEXT = {"added": "已导入", "updated": "已更新", "unchanged": "已跳过",
               "duplicate": "已跳过", "failed": "导入失败"}


def sanitize_filename(name: str) -> str:
    """A safe file name from an uploaded file's name: no directories, no control or
    shell-special characters, no leading dot; Chinese and other letters are kept.

    '../../etc/passwd.txt' → 'passwd.txt'; 'C:\\报告\\余杭 2021.docx' → '余杭 2021.docx'.
    """
    name = unicodedata.normalize("NFC", name or "")
    name = "".join(ch for ch in name if unicodedata.category(ch) not in _DROPPED_CATEGORIES)
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
    renamed_from: str | None = None  # the file's own name, when another file already had it


def save_uploads(files: Sequence[str | Path], dest: Path, max_mb: float,
                 suffixes: frozenset[str] | None = None) -> list[Upload]:
    """Check type and size, then copy each file into ``dest`` under its sanitised name, or
    ``name(2).ext`` … when another file of this upload or a different file saved earlier has
    that name: a report never silently replaces another one with the same file name (a
    file identical to the saved one keeps its name and is reported as unchanged)."""
    suffixes = suffixes or supported_suffixes()
    dest.mkdir(parents=True, exist_ok=True)
    out: list[Upload] = []
    taken: set[str] = set()
    for f in files:
        src = Path(f)
        own = sanitize_filename(src.name)
        name = _unique(own, taken, partial(_differs_in, dest, src))
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
        out.append(Upload(name, path=target, renamed_from=own if name != own else None))
    return out


def _differs_in(dest: Path, src: Path, name: str) -> bool:
    """Whether a file other than ``src``'s content is already saved as ``dest/name``."""
    saved = dest / name
    return saved.exists() and not filecmp.cmp(saved, src, shallow=False)


def _unique(name: str, taken: set[str], occupied: Callable[[str], bool] = lambda _: False
            ) -> str:
    """``name``, or ``stem(2).ext``, ``stem(3).ext`` …: the first neither taken in this upload
    nor ``occupied`` (by a different file saved earlier)."""
    stem, suffix = Path(name).stem, Path(name).suffix
    candidate, n = name, 1
    while candidate in taken or occupied(candidate):
        n += 1
        candidate = f"{stem}({n}){suffix}"
    return candidate


class KnowledgeBase:
    """What the tab does, independent of components. Every admin action (upload, delete, a
    wrong password, a lockout) is written to the audit log with the client's address."""

    def __init__(self, store: KnowledgeStore, ingestor: Ingestor, store_dir: Path,
                 max_upload_mb: float, admin_password: str | None, max_files: int = 20,
                 audit: AuditLog | None = None, lockout: Lockout | None = None):
        self.store = store
        self.ingestor = ingestor
        self.uploads = store_dir / UPLOADS
        self.max_upload_mb = max_upload_mb
        self.max_files = max_files
        self.admin_password = admin_password
        self.audit = audit or AuditLog(store_dir / AUDIT_FILE)
        self.lockout = lockout or Lockout()

    @property
    def protected(self) -> bool:
        return bool(self.admin_password)

    def allowed(self, password: str | None) -> bool:
        return check_password(self.admin_password, password)

    def refusal(self, password: str | None, client: str, action: str, target: str) -> str | None:
        """None when ``client`` may act; else the Chinese message (and the audit row)."""
        if not self.protected:
            return None
        wait = self.lockout.remaining(client)
        if wait > 0:
            self.audit.record("locked-out", client, f"{action} {target}".strip(), ok=False)
            return LOCKED_OUT.format(minutes=max(1, math.ceil(wait / 60)))
        if self.allowed(password):
            self.lockout.succeeded(client)
            return None
        locked = self.lockout.failed(client)
        self.audit.record("password-failed", client, f"{action} {target}".strip(), ok=False)
        if locked:
            return LOCKED_OUT.format(minutes=max(1, math.ceil(self.lockout.period / 60)))
        return WRONG_PASSWORD

    def documents(self) -> list[DocumentRecord]:
        return self.store.documents()

    def rows(self) -> list[list]:
        pages: dict[str, int] = {}
        for c in self.store.chunks():
            if c.page:
                pages[c.doc_id] = max(pages.get(c.doc_id, 0), c.page)
        return [[d.title, d.region or "", d.year or "", pages.get(d.doc_id, ""), d.chunks,
                 d.ingested_at.replace("T", " "), d.source] for d in self.documents()]

    def original(self, doc_id: str) -> Path | None:
        folder = self.uploads.parent / "originals"
        return next(iter(sorted(folder.glob(f"{doc_id}.*"))), None) if folder.is_dir() else None

    def edit(self, doc_id: str | None, title: str, region: str, year: str | float | None,
             password: str | None, client: str = "unknown") -> str:
        """Correct a report's detected title, region or year (the original is ingested again
        with them). Status HTML."""
        refusal = self.refusal(password, client, "edit", doc_id or "")
        if refusal:
            return message_html(refusal, error=True)
        doc = next((d for d in self.documents() if d.doc_id == doc_id), None)
        if doc is None:
            return message_html("请先选择要修改的报告。", error=True)
        text = str(year if year is not None else "").strip().removesuffix("年").removesuffix(".0")
        if text and not (text.isdigit() and 1949 <= int(text) <= 2100):
            return message_html("年份应为四位数字，例如 2023。", error=True)
        original = self.original(doc.doc_id)
        if original is None:
            return message_html("该报告没有保存原文件，无法修改；请重新上传后再修改。", error=True)
        overrides = Overrides(title=(title or "").strip()[:200] or None,
                              region=(region or "").strip()[:50] or None,
                              year=int(text) if text else None)
        # the store keeps a document's first record under its id, so the old one goes first
        # (and comes back as it was if the new ingest fails)
        self.store.delete_document(doc.doc_id)
        result = self.ingestor.ingest_file(original, overrides, source=doc.source)
        if result.status not in KEPT_STATUSES:
            self.ingestor.ingest_file(original, Overrides(doc.title, doc.region, doc.year),
                                      source=doc.source)
        detail = f"title={overrides.title} region={overrides.region} year={overrides.year}"
        ok = result.status in KEPT_STATUSES
        self.audit.record("edit", client, f"{doc.source} ({doc.doc_id})", ok=ok, detail=detail)
        if not ok:
            return message_html("修改失败：" + (reason_text(result.error) or UNREADABLE), error=True)
        return message_html(f"已修改：{overrides.title or doc.title}")

    def choices(self) -> list[tuple[str, str]]:
        return [(doc_label(d), d.doc_id) for d in self.documents()]

    def add(self, files: Sequence[str | Path],
            on_file: Callable[[int, int, str], None] | None = None,
            ) -> list[tuple[str, Upload | FileResult]]:
        """Save and ingest uploads: (saved name, result) per file, in order. The saved copy
        of a file that failed or duplicates another report is deleted again."""
        uploads = save_uploads(files, self.uploads, self.max_upload_mb)
        ready = {u.path: u.name for u in uploads if u.path is not None}
        done = 0

        def progress(result: FileResult) -> None:
            nonlocal done
            done += 1
            if on_file:
                name = ready.get(result.path, result.path.name)
                on_file(done, len(ready), f"{name}（{status_text(name, result)[1]}）")

        results = self.ingestor.ingest(list(ready), on_file=progress, source_names=ready)
        by_path = {r.path: r for r in results}
        for r in results:
            if r.status not in KEPT_STATUSES:
                r.path.unlink(missing_ok=True)
        for u in uploads:
            renamed = by_path.get(u.path) if u.path is not None else None
            if renamed is not None and u.renamed_from and renamed.status in ("added", "updated"):
                renamed.note = SAME_NAME.format(name=u.renamed_from, stored=u.name)
        return [(u.name, by_path[u.path] if u.path is not None else u) for u in uploads]

    def upload(self, files: Sequence[str | Path] | None, password: str | None,
               on_file: Callable[[int, int, str], None] | None = None,
               client: str = "unknown") -> tuple[str, bool]:
        """The upload button: (status HTML, whether anything was ingested)."""
        names = ", ".join(sanitize_filename(Path(f).name) for f in files or [])
        refusal = self.refusal(password, client, "upload", names)
        if refusal:
            return message_html(refusal, error=True), False
        if not files:
            return message_html("请先选择要上传的文件。", error=True), False
        if len(files) > self.max_files:
            self.audit.record("upload", client, names, ok=False, detail="too many files")
            return message_html(TOO_MANY_FILES.format(limit=self.max_files, count=len(files)),
                                error=True), False
        results = self.add(files, on_file)
        for name, r in results:
            status = r.status if isinstance(r, FileResult) else "refused"
            self.audit.record("upload", client, name, ok=status in KEPT_STATUSES, detail=status)
        return results_html(results), True

    def remove(self, doc_id: str | None, password: str | None, client: str = "unknown") -> str:
        """The (confirmed) delete: status HTML."""
        refusal = self.refusal(password, client, "delete", doc_id or "")
        if refusal:
            return message_html(refusal, error=True)
        if not doc_id:
            return message_html("请先选择要删除的报告。", error=True)
        doc = self.delete(doc_id)
        if doc is None:
            return message_html("该报告已不在知识库中。", error=True)
        self.audit.record("delete", client, f"{doc.source} ({doc_id})")
        return message_html(f"已删除：{doc_label(doc)}")

    def delete(self, doc_id: str) -> DocumentRecord | None:
        doc = next((d for d in self.documents() if d.doc_id == doc_id), None)
        if doc is None:
            return None
        self.store.delete_document(doc_id)
        copy = self.uploads / sanitize_filename(doc.source)
        if copy.is_file():
            copy.unlink()
        for original in (self.uploads.parent / "originals").glob(f"{doc_id}.*"):
            original.unlink(missing_ok=True)
        logger.info("deleted %s (%s)", doc.source, doc_id)
        return doc


def doc_label(d: DocumentRecord) -> str:
    return d.title if d.title else d.source


_CJK = re.compile(r"[\u4e00-\u9fff]")
_SAME_CONTENT = re.compile(r"same content as (.+)")
# English messages from libraries and the pipeline, said in Chinese with what to do.
_REASONS = [
    (re.compile(r"not a zip file|bad ?zip|zipfile", re.I),
     "文件不是有效的 Word 文档（.docx），可能已损坏或只是改了扩展名；请用 Word 另存为 .docx 后再上传。"),
    (re.compile(r"no text found", re.I),
     "文件中没有找到文字；若是扫描件，请先做文字识别（OCR）后再上传。"),
    (re.compile(r"encrypt|password", re.I), "文件已加密，请先去掉密码保护后再上传。"),
    (re.compile(r"permission denied", re.I), "服务器无法读写该文件，请联系管理员检查存储目录权限。"),
    (re.compile(r"no space left", re.I), "服务器磁盘已满，请联系管理员清理空间。"),
]
UNREADABLE = "无法读取该文件，请确认文件未损坏、格式与扩展名一致后重试。"


def reason_text(error: str | None, name: str = "") -> str:
    """A pipeline or library error as a Chinese reason (the file name prefix dropped)."""
    text = (error or "").strip()
    if name and text.startswith(f"{name}:"):
        text = text[len(name) + 1:].strip()
    same = _SAME_CONTENT.search(text)
    if same:
        return f"与已收录的“{same.group(1)}”内容相同"
    for pattern, reason in _REASONS:
        if pattern.search(text):
            return reason
    if not text:
        return ""
    if not _CJK.search(text):
        logger.info("upload error shown as unreadable: %s", text)
        return UNREADABLE
    return text


def status_text(name: str, r: Upload | FileResult) -> tuple[bool, str]:
    """(kept, '已导入（N 个分块）' / '已跳过：…' / '导入失败：…') for one uploaded file."""
    if isinstance(r, Upload):
        return False, f"未导入：{r.error or UNREADABLE}"
    reason = reason_text(r.error, r.path.name if r.path else name)
    if r.status in ("added", "updated"):
        doc = r.document
        count = getattr(doc, "pages", None) if doc is not None else None
        pages = f"，{count} 页" if count else ""
        note = f"。{r.note}" if r.note else ""
        return True, f"{STATUS_TEXT[r.status]}（{r.chunks} 个分块{pages}）{note}"
    if r.status in ("unchanged", "duplicate"):
        return True, "已跳过：" + (reason or "内容与已收录的版本相同")
    return False, "导入失败：" + (reason or UNREADABLE)


def results_html(results: Sequence[tuple[str, Upload | FileResult]]) -> str:
    items = []
    for name, r in results:
        ok, text = status_text(name, r)
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
            # No file_types: the browser's own refusal is an English toast; the server
            # checks the type and says why in Chinese.
            files = gr.File(label=f"上传报告（{' '.join(kinds)}；每次最多 {kb.max_files} 个文件，"
                                  f"每个不超过 {kb.max_upload_mb:g} MB）",
                            file_count="multiple", type="filepath", elem_id="kb-files")
            upload = gr.Button("导入上传的文件", variant="primary", elem_id="kb-upload")
        with gr.Column(scale=2):
            chosen = gr.Dropdown(label="选择报告（删除或修改）", choices=kb.choices(),
                                 elem_id="kb-delete-choice")
            delete = gr.Button("删除所选报告", variant="stop", elem_id="kb-delete")
            with gr.Group(visible=False, elem_id="kb-confirm") as confirm_box:
                confirm_text = gr.HTML(elem_id="kb-confirm-text")
                with gr.Row():
                    confirm = gr.Button("确认删除", variant="stop", elem_id="kb-confirm-delete")
                    cancel = gr.Button("取消", elem_id="kb-cancel-delete")
    with gr.Accordion("修改所选报告的标题、地区、年份", open=False, elem_id="kb-edit"):
        with gr.Row():
            edit_title = gr.Textbox(label="标题", elem_id="kb-edit-title", max_length=200, scale=3)
            edit_region = gr.Textbox(label="地区", elem_id="kb-edit-region", max_length=50)
            edit_year = gr.Textbox(label="年份", elem_id="kb-edit-year", max_length=6)
        save = gr.Button("保存修改", elem_id="kb-edit-save")
    status = gr.HTML(elem_id="kb-status")

    def fill_edit(doc_id: str | None) -> tuple:
        doc = next((d for d in kb.documents() if d.doc_id == doc_id), None)
        if doc is None:
            return "", "", ""
        return doc.title, doc.region or "", str(doc.year or "")

    def do_edit(doc_id: str | None, title: str, region: str, year: str, pw: str,
                request: gr.Request) -> str:
        return kb.edit(doc_id, title, region, year, pw, client=client_of(request))

    def do_upload(paths: list[str] | None, pw: str, request: gr.Request,
                  progress=gr.Progress()) -> tuple:  # noqa: B008
        progress(0, desc="正在导入…")
        try:
            html, done = kb.upload(
                paths, pw, lambda i, n, done: progress(i / n, desc=f"已处理 {i}/{n}：{done}"),
                client=client_of(request))
        finally:
            for p in paths or []:  # Gradio's temporary copies: never left behind
                Path(p).unlink(missing_ok=True)
        return html, None

    def ask_confirm(doc_id: str | None) -> tuple:
        doc = next((d for d in kb.documents() if d.doc_id == doc_id), None)
        if doc is None:
            return message_html("请先选择要删除的报告。", error=True), gr.Group(visible=False), ""
        text = f"确定要删除《{doc_label(doc)}》吗？删除后需重新上传才能恢复。"
        return "", gr.Group(visible=True), f'<p class="fz-confirm">{escape(text)}</p>'

    def do_delete(doc_id: str | None, pw: str, request: gr.Request) -> tuple:
        return kb.remove(doc_id, pw, client=client_of(request)), gr.Group(visible=False)

    private: dict = {"api_visibility": "private"}
    chosen.change(fill_edit, [chosen], [edit_title, edit_region, edit_year], **private)
    delete.click(ask_confirm, [chosen], [status, confirm_box, confirm_text], **private)
    cancel.click(lambda: gr.Group(visible=False), None, [confirm_box], **private)
    events = [
        upload.click(do_upload, [files, password], [status, files], concurrency_id="kb",
                     concurrency_limit=1, **private),
        confirm.click(do_delete, [chosen, password], [status, confirm_box], concurrency_id="kb",
                      concurrency_limit=1, **private),
        save.click(do_edit, [chosen, edit_title, edit_region, edit_year, password], [status],
                   concurrency_id="kb", concurrency_limit=1, **private),
    ]
    return {"table": table, "chosen": chosen, "events": events}
