"""The whole page: header, chat tab, knowledge-base tab; theme and CSS for launch()."""

from __future__ import annotations

from html import escape
from pathlib import Path

import gradio as gr

from bot.limits import ChatLimits
from bot.service import QAService
from ingest.pipeline import Ingestor
from settings import Settings
from ui.chat import Chat, build_chat_tab
from ui.feedback import FEEDBACK_FILE, FeedbackLog
from ui.kb import KnowledgeBase, build_kb_tab, doc_label
from ui.source_view import ORIGINALS, SourceViewer

TITLE = "法治问答"
UPLOADS_PER_MINUTE = 30
_FONTS = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei",
          "system-ui", "sans-serif"]

CSS = """
:root { --fz-accent: #b91c1c; --fz-subdued: #374151; }
.dark { --fz-accent: #fca5a5; --fz-subdued: #d1d5db; }
#fz-header h1 { margin: 0; font-size: 1.6rem; }
#fz-header p { margin: .2rem 0 0; color: var(--fz-subdued); }
.fz-answer-text { line-height: 1.7; }
.fz-ref { color: var(--fz-accent); font-weight: 600; margin-left: 1px; }
.fz-not-found .fz-answer-text, .fz-pending { color: var(--fz-subdued); }
.fz-understood { margin-top: .3rem; font-size: .85em; color: var(--fz-subdued); }
.fz-sources { margin-top: .6rem; border-top: 1px solid var(--border-color-primary);
  padding-top: .4rem; }
.fz-sources summary { cursor: pointer; font-size: .9em; font-weight: 600;
  color: var(--fz-subdued); }
.fz-source { margin: .5rem 0; padding: .5rem .7rem; border-radius: 6px;
  background: var(--background-fill-secondary); border-left: 3px solid var(--fz-accent); }
.fz-source-head { font-size: .9em; }
.fz-n { font-weight: 700; color: var(--fz-accent); }
.fz-title { font-weight: 600; }
.fz-meta { margin-left: .5rem; color: var(--fz-subdued); }
.fz-meta::before { content: "· "; }
.fz-section { font-size: .85em; color: var(--fz-subdued); margin: .15rem 0 .3rem; }
.fz-passage { font-size: .9em; line-height: 1.65; }
.fz-passage mark, .fz-view-text mark { background: #fde68a; color: #1f2937; padding: 0 1px;
  border-radius: 2px; }
.fz-file { font-size: .75em; color: var(--fz-subdued); margin-top: .2rem; }
.fz-ref-link, .fz-source { cursor: pointer; }
.fz-ref-link { position: relative; }
.fz-ref-link:focus-visible::after { content: attr(title); position: absolute; left: 0; top: 1.6em;
  z-index: 10; width: max-content; max-width: min(28rem, 80vw); white-space: normal;
  font-size: .85rem; font-weight: 400; line-height: 1.5; padding: .4rem .6rem; border-radius: 6px;
  background: var(--background-fill-primary); color: var(--body-text-color);
  border: 1px solid var(--border-color-primary); box-shadow: 0 2px 6px rgb(0 0 0 / .15); }
.fz-ref-link:focus-visible, .fz-source:focus-visible { outline: 2px solid var(--fz-accent); }
.fz-breadcrumb { font-size: .9em; color: var(--fz-subdued); margin: .2rem 0 .5rem; }
.fz-view-page { margin-left: .6rem; }
.fz-view-title { margin: .2rem 0; font-size: 1.05rem; }
.fz-page { position: relative; max-width: 900px; }
.fz-page img { width: 100%; height: auto; display: block; border: 1px solid var(--border-color-primary); }
.fz-box { position: absolute; background: rgba(250, 204, 21, .35); outline: 2px solid #b45309;
  border-radius: 2px; pointer-events: none; }
.fz-view-text { line-height: 1.8; max-height: 60vh; overflow-y: auto; padding: .4rem .6rem; }
.fz-note { margin-top: .3rem; font-size: .85em; color: var(--fz-subdued); }
.fz-actions { margin-top: .4rem; display: flex; gap: .4rem; }
.fz-act, .fz-suggest { font-size: .85em; padding: .15rem .6rem; border-radius: 999px;
  border: 1px solid var(--border-color-primary); background: var(--background-fill-primary);
  color: var(--body-text-color); cursor: pointer; }
.fz-suggestions { margin-top: .4rem; display: flex; flex-wrap: wrap; gap: .35rem; align-items: center; }
.fz-suggest-label { font-size: .85em; color: var(--fz-subdued); }
.fz-suggest { color: var(--fz-accent); text-align: left; }
.fz-chart { margin-top: .6rem; border-top: 1px solid var(--border-color-primary);
  padding-top: .4rem; overflow-x: auto; }
.fz-chart-toggle { cursor: pointer; font-size: .9em; font-weight: 600; color: var(--fz-accent); }
.fz-chart-img { display: block; width: min(560px, 100%) !important; max-width: 100% !important;
  height: auto !important; max-height: none !important; margin: .4rem 0; background: #fff;
  border-radius: 4px; }
.fz-chart-table { border-collapse: collapse; font-size: .85em; margin: .3rem 0; }
.fz-chart-table caption { text-align: left; font-weight: 600; padding-bottom: .2rem; }
.fz-chart-table th, .fz-chart-table td { border: 1px solid var(--border-color-primary);
  padding: .15rem .45rem; text-align: left; }
.fz-chart-table td:nth-child(-n+3), .fz-chart-table th { white-space: nowrap; }
.fz-chart-cite { cursor: pointer; color: var(--fz-accent); text-decoration: underline; }
.fz-chart-cite:focus-visible { outline: 2px solid var(--fz-accent); }
@media (max-width: 640px) {
  #fz-header h1 { font-size: 1.2rem; }
  #fz-header p { display: none; }
}
.fz-status, .fz-results { margin: .4rem 0; padding-left: 1.2rem; }
.fz-ok { color: var(--body-text-color); }
.fz-error { color: #b91c1c; }
.dark .fz-error { color: #fca5a5; }
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


def head_html() -> str:
    """<head> additions for launch(head=…): the page script (labels, source view, answers)."""
    script = (Path(__file__).parent / "page.js").read_text(encoding="utf-8")
    return f"<script>{script}</script>"


def theme() -> gr.themes.Base:
    """Soft, red, with every text colour at WCAG AA (4.5:1) in light and dark mode."""
    return gr.themes.Soft(primary_hue="red", secondary_hue="slate", font=_FONTS).set(
        color_accent="*primary_700",
        body_text_color_subdued="*neutral_600", body_text_color_subdued_dark="*neutral_300",
        input_placeholder_color="*neutral_500", input_placeholder_color_dark="*neutral_300",
        block_label_text_color="*primary_800", block_label_text_color_dark="white",
        block_label_background_fill_dark="*primary_800",
        block_title_text_color="*primary_800", block_title_text_color_dark="white",
        button_primary_background_fill="*primary_700",
        button_primary_background_fill_dark="*primary_700",
        button_primary_background_fill_hover="*primary_800",
        button_primary_background_fill_hover_dark="*primary_800",
        link_text_color="*primary_700", link_text_color_dark="*primary_300",
        checkbox_label_background_fill_selected="*primary_700",
        checkbox_label_background_fill_selected_dark="*primary_700",
        slider_color="*primary_700", slider_color_dark="*primary_700",
    )


def build_study(service: QAService) -> dict:
    from ui.study_tab import build_study_tab

    return build_study_tab(service)


def build_blocks(settings: Settings, service: QAService) -> gr.Blocks:
    chat = Chat(service, FeedbackLog(settings.store_dir / FEEDBACK_FILE),
                ChatLimits.from_settings(settings))
    ingestor = Ingestor(service.store, settings.chunk_size, settings.chunk_overlap_sentences,
                        originals=settings.store_dir / ORIGINALS, separate_process=True)
    viewer = SourceViewer(service.store, settings.store_dir)
    kb = KnowledgeBase(service.store, ingestor, settings.store_dir, settings.max_upload_mb,
                       settings.admin_password, max_files=settings.max_upload_files)

    # Gradio's temporary upload copies older than an hour are deleted every 10 minutes.
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(600, 3600)) as demo:
        gr.HTML(f"<h1>⚖️ {TITLE}</h1><p>基于法治政府建设年度报告的问答 · "
                "每个回答都注明出处：报告、章节、原文</p>", elem_id="fz-header")
        with gr.Tabs():
            with gr.Tab("问答", id="chat"):
                chat_parts = build_chat_tab(chat, demo, viewer)
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
