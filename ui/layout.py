"""The whole page: header, chat tab, knowledge-base tab; theme and CSS for launch()."""

from __future__ import annotations

from html import escape

import gradio as gr

from bot.limits import ChatLimits
from bot.service import QAService
from ingest.pipeline import Ingestor
from settings import Settings
from ui.chat import Chat, build_chat_tab
from ui.feedback import FEEDBACK_FILE, FeedbackLog
from ui.kb import KnowledgeBase, build_kb_tab, doc_label

TITLE = "法治问答"
UPLOADS_PER_MINUTE = 30
_FONTS = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei",
          "system-ui", "sans-serif"]

CSS = """
#fz-header h1 { margin: 0; font-size: 1.6rem; }
#fz-header p { margin: .2rem 0 0; color: var(--body-text-color-subdued); }
.fz-answer-text { line-height: 1.7; }
.fz-ref { color: var(--color-accent); font-weight: 600; margin-left: 1px; }
.fz-not-found .fz-answer-text, .fz-pending { color: var(--body-text-color-subdued); }
.fz-understood { margin-top: .3rem; font-size: .85em; color: var(--body-text-color-subdued); }
.fz-sources { margin-top: .6rem; border-top: 1px solid var(--border-color-primary);
  padding-top: .4rem; }
.fz-sources summary { cursor: pointer; font-size: .9em; font-weight: 600;
  color: var(--body-text-color-subdued); }
.fz-source { margin: .5rem 0; padding: .5rem .7rem; border-radius: 6px;
  background: var(--background-fill-secondary); border-left: 3px solid var(--color-accent); }
.fz-source-head { font-size: .9em; }
.fz-n { font-weight: 700; color: var(--color-accent); }
.fz-title { font-weight: 600; }
.fz-meta { margin-left: .5rem; color: var(--body-text-color-subdued); }
.fz-meta::before { content: "· "; }
.fz-section { font-size: .85em; color: var(--body-text-color-subdued); margin: .15rem 0 .3rem; }
.fz-passage { font-size: .9em; line-height: 1.65; }
.fz-passage mark { background: #fde68a; color: inherit; padding: 0 1px; border-radius: 2px; }
.fz-file { font-size: .75em; color: var(--body-text-color-subdued); margin-top: .2rem; }
.fz-status, .fz-results { margin: .4rem 0; padding-left: 1.2rem; }
.fz-ok { color: var(--body-text-color); }
.fz-error { color: var(--error-text-color, #b91c1c); }
"""


def server_kwargs(settings: Settings) -> dict:
    """FastAPI arguments for launch(app_kwargs=…) / mount_gradio_app(app_kwargs=…): the guard
    on Gradio's own upload route (one request at most max_upload_files × max_upload_mb, and
    UPLOADS_PER_MINUTE requests per client)."""
    from starlette.middleware import Middleware

    from ui.guard import UploadGuard

    limit = settings.max_upload_files * settings.max_upload_mb * 1024 * 1024 + 1024 * 1024
    return {"middleware": [Middleware(UploadGuard, max_bytes=limit,
                                      per_minute=UPLOADS_PER_MINUTE)]}


def theme() -> gr.themes.Base:
    return gr.themes.Soft(primary_hue="red", secondary_hue="slate", font=_FONTS)


def build_study(service: QAService) -> dict:
    from ui.study_tab import build_study_tab

    return build_study_tab(service)


def build_blocks(settings: Settings, service: QAService) -> gr.Blocks:
    chat = Chat(service, FeedbackLog(settings.store_dir / FEEDBACK_FILE),
                ChatLimits.from_settings(settings))
    ingestor = Ingestor(service.store, settings.chunk_size, settings.chunk_overlap_sentences)
    kb = KnowledgeBase(service.store, ingestor, settings.store_dir, settings.max_upload_mb,
                       settings.admin_password, max_files=settings.max_upload_files)

    # Gradio's temporary upload copies older than an hour are deleted every 10 minutes.
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(600, 3600)) as demo:
        gr.HTML(f"<h1>⚖️ {TITLE}</h1><p>基于法治政府建设年度报告的问答 · "
                "每个回答都注明出处：报告、章节、原文</p>", elem_id="fz-header")
        with gr.Tabs():
            with gr.Tab("问答", id="chat"):
                chat_parts = build_chat_tab(chat, demo)
            with gr.Tab("学习材料", id="study"):
                study_parts = build_study(service)
            with gr.Tab("知识库", id="kb"):
                kb_parts = build_kb_tab(kb)

        def refresh() -> tuple:
            docs = service.documents()
            choices = [(doc_label(d), d.doc_id) for d in docs]
            years = sorted({d.year for d in docs if d.year})
            return (kb.rows(), gr.Dropdown(choices=choices, value=None),
                    gr.Dropdown(choices=choices),
                    gr.Dropdown(choices=[(f"{y}年", y) for y in years]),
                    f"<p><strong>已收录：</strong>{escape(service.coverage_text())}</p>",
                    *[gr.Dropdown(choices=[d.source for d in docs])] * 2)

        targets = [kb_parts["table"], kb_parts["chosen"], chat_parts["reports"],
                   chat_parts["years"], chat_parts["coverage"], *study_parts["reports"]]
        demo.load(refresh, None, targets, api_visibility="private")
        for event in kb_parts["events"]:
            event.then(refresh, None, targets, api_visibility="private")
    return demo
