"""Chat tab: streamed answers with their sources, follow-ups, filters, like / dislike.

The session's turns (question, answer text, citations, rendered HTML) live in a gr.State;
the Chatbot's messages are rebuilt from them, and the history passed to
``service.ask`` for follow-ups is the plain ``[[question, answer], ...]`` of those turns.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from typing import Any

import gradio as gr

from bot.answer import Answer
from bot.limits import ChatLimits, InvalidRequest, check_doc_ids, check_history, check_question
from bot.series import Series, indicator_series, wants_series
from bot.service import QAService
from ui import conversations
from ui.charts import CHART_BASE, chart_html
from ui.feedback import FeedbackLog, vote_name
from ui.guard import client_of
from ui.source_view import SourceViewer
from ui.sources import answer_html, partial_html, question_html
from ui.suggest import suggestions
from vectorstore.errors import StoreError

logger = logging.getLogger(__name__)

# Drawn from the bundled report (data/), worded the way a citizen would ask.
EXAMPLES = [
    "2021年律师事务所引进多少家",
    "余杭区一年走访了多少家企业？",
    "执法人员持证率有多高？",
    "行政复议调解成功率是多少？",
    "打官司时行政负责人出庭率多少？",
]
PIECE_CHARS = 12
ASK_CONCURRENCY = 4  # answers run in parallel; the embedders lock around their C engines
NO_SCOPE = "所选的报告和年份中没有报告，请调整右侧的筛选条件。"
FAILED = "抱歉，处理这个问题时出错了，请稍后重试。"

SAVED_CHAT_KEY = "fazhi-qa-chat-v1"
SAVED_CHATS_KEY = "fazhi-qa-chats-v1"
CURRENT_CHAT_KEY = "fazhi-qa-chat-id-v1"
# 👍 / 👎, and reasons offered under the flag button (logged as the vote)
FEEDBACK_OPTIONS = ("Like", "Dislike", "数字不对", "出处不对", "没有回答问题")

Turn = dict[str, Any]  # {"question", "answer", "citations": [dict], "html"}


def stream_answer(service: QAService, question: str, history: Sequence[Sequence[str]],
                  doc_ids: Sequence[str] | None) -> Iterator[tuple[str, Answer | None]]:
    """``(text so far, None)`` while the answer streams, then exactly one
    ``(final text, Answer)`` — the protocol of ``bot.llm.LLMAnswerer.stream_answer``.

    A service that offers ``ask_stream(question, history, doc_ids)`` with that protocol (an
    LLM streaming tokens) is streamed as is; otherwise the (instant) extractive answer is
    handed out in pieces.
    """
    ask_stream = getattr(service, "ask_stream", None)
    if ask_stream is not None:
        yield from ask_stream(question, history, doc_ids)
        return
    answer = service.ask(question, history, doc_ids)
    for end in range(PIECE_CHARS, len(answer.text), PIECE_CHARS):
        yield answer.text[:end], None
    yield answer.text, answer


def history_of(turns: Sequence[Turn]) -> list[list[str]]:
    return [[t["question"], t["answer"]] for t in turns]


def messages_of(turns: Sequence[Turn], pending: str | None = None,
                partial: str | None = None) -> list[dict]:
    """Chatbot messages (openai-style dicts) for the turns, plus a question being answered."""
    messages: list[dict] = []
    for t in turns:
        messages.append({"role": "user", "content": question_html(t["question"])})
        messages.append({"role": "assistant", "content": t["html"]})
    if pending is not None:
        messages.append({"role": "user", "content": question_html(pending)})
        if partial is not None:
            messages.append({"role": "assistant", "content": partial_html(partial)})
    return messages


def doc_scope(service: QAService, reports: Sequence[str] | None,
              years: Sequence[int] | None) -> list[str] | None:
    """doc_ids the filters allow (None = no filter)."""
    if not reports and not years:
        return None
    return [d.doc_id for d in service.documents()
            if (not reports or d.doc_id in reports) and (not years or d.year in years)]


class Chat:
    def __init__(self, service: QAService, feedback: FeedbackLog,
                 limits: ChatLimits | None = None):
        self.service = service
        self.feedback = feedback
        self.limits = limits or ChatLimits()

    def respond(self, message: str, turns: list[Turn], reports: list[str] | None = None,
                years: list[int] | None = None) -> Iterator[tuple[str, list[dict], list[Turn]]]:
        """(textbox, chatbot messages, turns) as the answer streams in."""
        question = (message or "").strip()
        if not question:
            yield "", messages_of(turns), turns
            return
        yield "", messages_of(turns, question, ""), turns
        history = history_of(turns)
        logger.info("ask %r (history: %d turns)", question, len(history))
        answer = Answer(FAILED, found=False)
        try:
            scope = doc_scope(self.service, reports, years)
            if scope == []:
                answer = Answer(NO_SCOPE, found=False, question=question)
            else:
                for text, final in stream_answer(self.service, question, history, scope):
                    if final is None:
                        yield "", messages_of(turns, question, text), turns
                    else:
                        answer = final
        except StoreError as e:  # e.g. the Chroma server is down: say so, in its words
            logger.warning("answering %r: %s", question, e)
            answer = Answer(str(e), found=False)
        except Exception:
            logger.exception("answering %r failed", question)
        turns = [*turns, self.turn(question, answer)]
        yield "", messages_of(turns), turns

    def turn(self, question: str, answer: Answer, note: str = "") -> Turn:
        try:
            follow_ups = suggestions(question, answer, self.service.documents())
        except Exception:  # suggestions are a nicety: never lose the answer over them
            logger.exception("suggestions for %r", question)
            follow_ups = []
        series = self.series(question, answer)
        chart = ""
        if series is not None:  # open for a question over years/regions, else folded
            chart = chart_html(series, open_=wants_series(f"{question} {answer.question}"))
        turn: Turn = {"question": question, "answer": answer.text,
                "citations": [asdict(c) for c in answer.citations],
                "html": answer_html(answer, asked=question, follow_ups=follow_ups, note=note,
                                    chart=chart)}
        if series is not None:
            turn["chart"] = series.to_dict()
        return turn

    def series(self, question: str, answer: Answer) -> Series | None:
        """The cited indicator over years and regions (bot.series), or None."""
        if not answer.found or not answer.citations:
            return None
        try:
            from vectorstore.tokenizer import shared_tokenizer

            chunks = self.service.store.snapshot().chunks
            return indicator_series(chunks, answer, question, shared_tokenizer())
        except Exception:  # a chart is a nicety: never lose the answer over it
            logger.exception("indicator series for %r", question)
            return None

    def regenerate(self, key: str, turns: list[Turn], reports: list[str] | None = None,
                   years: list[int] | None = None) -> tuple[list[dict], list[Turn]]:
        """Answer turn ``key`` ('turn[:nonce]') again with the history before it; the turns
        after it stay as they are."""
        try:
            index = int((key or "").split(":")[0])
        except ValueError:
            return messages_of(turns), turns
        if not 0 <= index < len(turns):
            return messages_of(turns), turns
        question = turns[index]["question"]
        *_, (_, _, answered) = self.respond(question, turns[:index], reports, years)
        again = answered[-1]
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        again["html"] = again["html"].replace(
            '<div class="fz-actions">', f'<div class="fz-note">已于 {stamp} 重新生成</div>'
            '<div class="fz-actions">', 1)
        turns = [*turns[:index], again, *turns[index + 1:]]
        return messages_of(turns), turns

    def like(self, turns: list[Turn], data: gr.LikeData, request: gr.Request | None = None,
             ) -> None:
        index = data.index if isinstance(data.index, int) else data.index[0]
        if index % 2 != 1 or index // 2 >= len(turns):
            return
        vote = vote_name(data.liked)
        if not vote:  # un-liking: nothing to log
            return
        turn = turns[index // 2]
        row = self.feedback.record(turn["question"], turn["answer"], turn["citations"], vote,
                                   client=client_of(request))
        if row is not None and request is not None:
            gr.Info("感谢您的反馈！", duration=3)

    def api_ask(self, question: str, history: list[list[str]] | None = None,
                doc_ids: list[str] | None = None) -> dict:
        """Answer a question (with optional chat history [[q, a], ...] and doc_ids).

        Returns {"answer": str, "found": bool, "citations": [{"n", "source", "title",
        "region", "year", "section", "page", "text", "quote"}, ...]}.
        """
        try:  # malformed input from outside: a Chinese message, never a raw exception
            question = check_question(question, self.limits)
            history = check_history(history, self.limits)
            doc_ids = check_doc_ids(doc_ids)
        except InvalidRequest as e:
            raise gr.Error(str(e)) from None
        return self.service.ask(question, history, doc_ids).to_dict()


def restore(saved: Any) -> tuple[list[dict], list[Turn]]:
    """The conversation kept in the browser (gr.BrowserState), if it has the expected shape."""
    keys = {"question", "answer", "citations", "html"}
    if not isinstance(saved, list) or not all(isinstance(t, dict) and keys <= t.keys()
                                              for t in saved):
        return [], []
    return messages_of(saved), saved


def view_key(key: str | None) -> tuple[int, int] | None:
    """'turn:n[:nonce]' from page.js → (turn index, citation number)."""
    parts = (key or "").split(":")
    try:
        return int(parts[0]), int(parts[1])
    except (IndexError, ValueError):
        return None


def cited(turns: Sequence[Turn], key: str | None) -> dict | None:
    """The citation a click in the chat refers to (None for a stale or forged key)."""
    where = view_key(key)
    if where is None or not 0 <= where[0] < len(turns):
        return None
    turn, n = turns[where[0]], where[1]
    if n > CHART_BASE:  # a row of the turn's indicator chart
        series = Series.from_dict(turn.get("chart"))
        if series is None or not 0 < n - CHART_BASE <= len(series.points):
            return None
        return {**asdict(series.points[n - CHART_BASE - 1].citation), "n": None}
    return next((c for c in turn["citations"] if c.get("n") == n), None)


def build_chat_tab(chat: Chat, demo: gr.Blocks, viewer: SourceViewer | None = None) -> dict:
    """Components of the chat tab (call inside a gr.Tab of ``demo``)."""
    turns = gr.State([])
    # The conversation survives a page reload (encrypted in localStorage; a restarted
    # server has a new key and starts afresh).
    saved = gr.BrowserState([], storage_key=SAVED_CHAT_KEY)
    chats = gr.BrowserState([], storage_key=SAVED_CHATS_KEY)  # earlier conversations
    chat_id = gr.BrowserState("", storage_key=CURRENT_CHAT_KEY)
    with gr.Row(equal_height=False):
        with gr.Column(scale=4):
            chatbot = gr.Chatbot(
                label="问答", elem_id="chatbot", height="min(620px, 64vh)", show_label=False,
                placeholder=("### 您好，请提问\n我会从已收录的法治政府建设年度报告中查找答案，"
                             "并注明出自哪份报告、哪个章节、哪一句。"),
                buttons=[], layout="bubble", feedback_options=FEEDBACK_OPTIONS,
                autoscroll=False,  # page.js scrolls to the top of each new answer instead
            )
            with gr.Row(equal_height=True):
                box = gr.Textbox(placeholder="请输入问题，例如：2021年律师事务所引进多少家",
                                 show_label=False, scale=5, elem_id="question", autofocus=True,
                                 max_lines=4, submit_btn=False)
                send = gr.Button("提问", variant="primary", scale=1, min_width=80,
                                 elem_id="ask")
            with gr.Group(visible=False, elem_id="source-view") as view_box:
                view_html = gr.HTML(elem_id="source-view-html")
                with gr.Row():
                    view_file = gr.DownloadButton("下载原文", visible=False, size="sm",
                                                  elem_id="source-download")
                    view_close = gr.Button("关闭原文", size="sm", elem_id="source-close")
            # page.js writes "turn:n" here and clicks the button when a [n] or card is clicked
            view_key_box = gr.Textbox(visible="hidden", elem_id="fz-view-key")
            view_go = gr.Button("显示原文", visible="hidden", elem_id="fz-view-go")
            regen_key = gr.Textbox(visible="hidden", elem_id="fz-regen-key")
            regen_go = gr.Button("重新生成", visible="hidden", elem_id="fz-regen-go")
            examples = gr.Examples([[q] for q in EXAMPLES], inputs=[box], label="示例问题",
                                   examples_per_page=len(EXAMPLES))
        with gr.Column(scale=1, min_width=220):
            # page.js closes it on a phone, so the chat comes first
            with gr.Accordion("筛选（可选）", open=True, elem_id="filters"):
                reports = gr.Dropdown(label="限定报告", multiselect=True, choices=[],
                                      elem_id="filter-reports")
                years = gr.Dropdown(label="限定年份", multiselect=True, choices=[],
                                    elem_id="filter-years")
            clear = gr.Button("新对话", elem_id="clear")
            earlier = gr.Dropdown(label="本浏览器中的历史对话", choices=[], value=None,
                                  elem_id="earlier-chats")
            export = gr.Button("导出对话（Markdown 和 Word）", size="sm", elem_id="export-chat")
            exported = gr.File(label="导出的对话", file_count="multiple", visible=False,
                               elem_id="exported-chat")
            coverage = gr.HTML(elem_id="coverage")

    def respond_and_save(*args: Any) -> Iterator[tuple]:
        """chat.respond, saving the turns in the browser with the final update."""
        last = None
        for item in chat.respond(*args):
            if last is not None:
                yield *last, gr.skip()
            last = item
        if last is not None:
            yield *last, last[2]

    private: dict[str, Any] = {"api_visibility": "private"}
    ask: dict[str, Any] = {"fn": respond_and_save, "inputs": [box, turns, reports, years],
                           "outputs": [box, chatbot, turns, saved], "concurrency_id": "ask",
                           "concurrency_limit": ASK_CONCURRENCY, **private}
    send.click(**ask)
    box.submit(**ask)
    examples.load_input_event.then(**ask)
    chatbot.like(chat.like, [turns], None, **private)
    def new_chat(turns: list[Turn], kept: Any, cid: str) -> tuple:
        kept, _ = conversations.archive(turns, kept, cid)
        return ([], [], [], "", kept, "",
                gr.Dropdown(choices=conversations.choices(kept), value=None))

    clear.click(new_chat, [turns, chats, chat_id],
                [chatbot, turns, saved, box, chats, chat_id, earlier], **private)

    def open_chat(chosen: str | None, turns: list[Turn], kept: Any, cid: str) -> tuple:
        target = conversations.find(kept, chosen)
        if target is None or chosen == cid:
            return (gr.skip(),) * 6
        kept, _ = conversations.archive(turns, kept, cid)
        messages, restored = restore(target["turns"])
        return (messages, restored, restored, kept, chosen,
                gr.Dropdown(choices=conversations.choices(kept), value=chosen))

    earlier.input(open_chat, [earlier, turns, chats, chat_id],
                  [chatbot, turns, saved, chats, chat_id, earlier], **private)

    def export_chat(turns: list[Turn]) -> gr.File:
        if not turns:
            gr.Info("对话为空，请先提问再导出。")
            return gr.File(value=None, visible=False)
        return gr.File(value=conversations.export_files(turns), visible=True)

    export.click(export_chat, [turns], [exported], **private)
    demo.load(lambda kept: gr.Dropdown(choices=conversations.choices(kept)), [chats], [earlier],
              **private)
    chatbot.clear(lambda: ([], []), None, [turns, saved], **private)
    def restore_saved(saved_turns: Any) -> tuple:
        messages, restored = restore(saved_turns)
        if not restored:  # nothing saved: leave alone a question asked while the page loaded
            return gr.skip(), gr.skip()
        return messages, restored

    demo.load(restore_saved, [saved], [chatbot, turns], **private)

    def show_source(key: str, turns: list[Turn]) -> tuple:
        citation = cited(turns, key)
        if citation is None or viewer is None:
            html, path = '<p class="fz-view-note">找不到这条出处，请重新提问后再点击。</p>', None
        else:
            html, path = viewer.view(citation)
        return (html, gr.DownloadButton(value=path, visible=path is not None),
                gr.Group(visible=True))

    view_go.click(show_source, [view_key_box, turns], [view_html, view_file, view_box],
                  **private).then(
        None, None, None, js="() => document.getElementById('source-view')"
                             "?.scrollIntoView({behavior: 'smooth', block: 'start'})")
    view_close.click(lambda: gr.Group(visible=False), None, [view_box], **private)

    def regenerate_and_save(key: str, turns: list[Turn], reports: list[str] | None,
                            years: list[int] | None) -> tuple:
        messages, turns = chat.regenerate(key, turns, reports, years)
        return messages, turns, turns

    regen_go.click(regenerate_and_save, [regen_key, turns, reports, years],
                   [chatbot, turns, saved], concurrency_id="ask",
                   concurrency_limit=ASK_CONCURRENCY, **private)
    gr.api(chat.api_ask, api_name="ask", concurrency_id="ask",
           concurrency_limit=ASK_CONCURRENCY)
    return {"reports": reports, "years": years, "coverage": coverage}
