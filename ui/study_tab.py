"""The 学习材料 tab: topic briefs and quizzes for trainers, previewed and downloadable.

Previews are HTML built by ui.safe_markdown (report text escaped), never Gradio Markdown,
which would render HTML, images and links found in a report.
"""

from __future__ import annotations

import gradio as gr

from bot.service import QAService
from ui.safe_markdown import markdown_html

BAD_SEED = "**无法生成测验：** 随机种子应为整数（例如 42），或留空。"


def seed_error(seed: str | None) -> str | None:
    """A Chinese message when the seed box holds something other than an integer."""
    text = (seed or "").strip()
    if not text:
        return None
    try:
        int(text)
    except ValueError:
        return BAD_SEED
    return None


def _download(path: str | None) -> gr.File:
    """The download box, shown only when there is a file (an empty one says "Empty value")."""
    return gr.File(value=path, visible=path is not None)


def build_study_tab(service: QAService) -> dict:
    from study.ui_api import KIND_CHOICES, make_brief, make_quiz

    def brief(topic: str, reports: list[str] | None, years: str) -> tuple[str, gr.File]:
        if not (topic or "").strip():
            return markdown_html("**无法生成专题资料：** 请先填写专题，例如“行政复议”。"), _download(None)
        md, path = make_brief(service, topic[:100], reports, years)
        return markdown_html(md), _download(path)

    def quiz(n: float, kinds: list[str], seed: str, topic: str, reports: list[str] | None,
             years: str) -> tuple[str, gr.File]:
        error = seed_error(seed)
        if error:
            return markdown_html(error), _download(None)
        md, path = make_quiz(service, int(n), kinds, seed, (topic or "")[:100], reports, years)
        return markdown_html(md), _download(path)

    reports = [d.source for d in service.documents()]
    with gr.Tab("专题资料"):
        topic = gr.Textbox(label="专题", placeholder="行政复议 / 营商环境 / 执法监督",
                           elem_id="study-topic", max_length=100)
        b_reports = gr.Dropdown(reports, multiselect=True, label="报告（不选为全部）")
        b_years = gr.Textbox(label="年份（可选，逗号分隔）")
        b_go = gr.Button("生成专题资料", variant="primary", elem_id="study-brief-go")
        b_md = gr.HTML(elem_id="study-brief")
        b_file = gr.File(label="下载 .docx", visible=False)
        b_go.click(brief, [topic, b_reports, b_years], [b_md, b_file], api_visibility="private")
    with gr.Tab("测验"):
        n = gr.Slider(1, 40, value=10, step=1, label="题量")
        kinds = gr.CheckboxGroup(KIND_CHOICES, value=[v for _, v in KIND_CHOICES], label="题型")
        seed = gr.Textbox(label="随机种子（留空则随机；相同种子生成相同测验）", elem_id="quiz-seed")
        q_topic = gr.Textbox(label="专题（可选）", elem_id="quiz-topic", max_length=100)
        q_reports = gr.Dropdown(reports, multiselect=True, label="报告（不选为全部）")
        q_years = gr.Textbox(label="年份（可选）")
        q_go = gr.Button("生成测验", variant="primary", elem_id="study-quiz-go")
        q_md = gr.HTML(elem_id="study-quiz")
        q_file = gr.File(label="下载 .docx（含答案页）", visible=False)
        q_go.click(quiz, [n, kinds, seed, q_topic, q_reports, q_years], [q_md, q_file],
                   api_visibility="private")
    return {"reports": [b_reports, q_reports]}
