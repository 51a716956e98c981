"""The 学习材料 tab: topic briefs and quizzes for trainers, previewed and downloadable."""

from __future__ import annotations

import gradio as gr

from bot.service import QAService


def build_study_tab(service: QAService) -> dict:
    from study.ui_api import KIND_CHOICES, make_brief, make_quiz

    reports = [d.source for d in service.documents()]
    with gr.Tab("专题资料"):
        topic = gr.Textbox(label="专题", placeholder="行政复议 / 营商环境 / 执法监督")
        b_reports = gr.Dropdown(reports, multiselect=True, label="报告（不选为全部）")
        b_years = gr.Textbox(label="年份（可选，逗号分隔）")
        b_go = gr.Button("生成专题资料", variant="primary")
        b_md = gr.Markdown()
        b_file = gr.File(label="下载 .docx")
        b_go.click(lambda t, r, y: make_brief(service, t, r, y), [topic, b_reports, b_years],
                   [b_md, b_file], api_visibility="private")
    with gr.Tab("测验"):
        n = gr.Slider(1, 40, value=10, step=1, label="题量")
        kinds = gr.CheckboxGroup(KIND_CHOICES, value=[v for _, v in KIND_CHOICES], label="题型")
        seed = gr.Textbox(label="随机种子（留空则随机；相同种子生成相同测验）")
        q_topic = gr.Textbox(label="专题（可选）")
        q_reports = gr.Dropdown(reports, multiselect=True, label="报告（不选为全部）")
        q_years = gr.Textbox(label="年份（可选）")
        q_go = gr.Button("生成测验", variant="primary")
        q_md = gr.Markdown()
        q_file = gr.File(label="下载 .docx（含答案页）")
        q_go.click(lambda a, b, c, d, e, f: make_quiz(service, a, b, c, d, e, f),
                   [n, kinds, seed, q_topic, q_reports, q_years], [q_md, q_file],
                   api_visibility="private")
    return {"reports": [b_reports, q_reports]}
