"""Limits on one chat request (question length, history turns and characters) and the
checks every entry point applies before any work: the HTTP API and Gradio's ``/ask``.

Input comes from outside (JSON), so the checks take ``object`` and either return clean
values or raise :class:`InvalidRequest` with a Chinese message that says what to change.
"""

from __future__ import annotations

from dataclasses import dataclass


class InvalidRequest(ValueError):
    """The request is malformed or over a limit; the message is for the user."""


@dataclass(frozen=True)
class ChatLimits:
    max_question_chars: int = 500
    max_history_turns: int = 10
    max_history_chars: int = 20_000

    @classmethod
    def from_settings(cls, settings) -> ChatLimits:  # noqa: ANN001 - settings.Settings
        return cls(settings.max_question_chars, settings.max_history_turns,
                   settings.max_history_chars)

    def recent(self, history: list[list[str]]) -> list[list[str]]:
        """The most recent turns within max_history_turns and max_history_chars: what a
        follow-up needs, at bounded cost however long the conversation. An earlier question
        is cut to max_question_chars (a longer one was never asked through the app: the
        history is forged), so a follow-up rewritten from it stays as short as a question."""
        kept: list[list[str]] = []
        chars = 0
        for question, answer in reversed(history[-self.max_history_turns:]
                                         if self.max_history_turns else []):
            question = question[:self.max_question_chars]
            chars += len(question) + len(answer)
            if chars > self.max_history_chars:
                break
            kept.append([question, answer])
        return kept[::-1]


def lenient_history(history: object) -> list[list[str]]:
    """The well-formed [question, answer] turns of whatever was sent (for callers inside the
    process; the HTTP layers refuse malformed input with :func:`check_history` instead)."""
    if not isinstance(history, list | tuple):
        return []
    return [[t[0], t[1] if len(t) > 1 and isinstance(t[1], str) else ""] for t in history
            if isinstance(t, list | tuple) and t and isinstance(t[0], str)]


def check_question(question: object, limits: ChatLimits) -> str:
    """The question, stripped; empty, non-text or too long questions are refused."""
    if not isinstance(question, str):
        raise InvalidRequest(f"问题必须是文字（字符串），收到的是{_kind(question)}。")
    question = question.strip()
    if not question:
        raise InvalidRequest("问题为空，请输入问题。")
    if len(question) > limits.max_question_chars:
        raise InvalidRequest(f"问题过长：{len(question)}字，上限为{limits.max_question_chars}字。"
                             "请精简问题后重试。")
    return question


def check_history(history: object, limits: ChatLimits) -> list[list[str]]:
    """``[[question, answer], ...]`` as lists of two strings (the most recent turns within the
    limits); ``None`` is no history; a malformed turn is refused with a message."""
    if history is None:
        return []
    if not isinstance(history, list | tuple):
        raise InvalidRequest(f"对话历史必须是列表 [[问题, 回答], …]，收到的是{_kind(history)}。")
    turns: list[list[str]] = []
    for i, turn in enumerate(history, 1):
        if (not isinstance(turn, list | tuple) or len(turn) != 2
                or not all(isinstance(t, str) for t in turn)):
            raise InvalidRequest(f"对话历史第{i}轮格式不对：每一轮应是 [问题, 回答] 两段文字，"
                                 f"收到的是 {_preview(turn)}。")
        turns.append([turn[0], turn[1]])
    return limits.recent(turns)


def check_doc_ids(doc_ids: object) -> list[str] | None:
    """A list of report ids (strings), or None for all reports."""
    if doc_ids is None:
        return None
    if not isinstance(doc_ids, list | tuple) or not all(isinstance(d, str) for d in doc_ids):
        raise InvalidRequest("doc_ids 必须是报告 id（字符串）的列表。")
    return list(doc_ids) or None


_KINDS = {str: "文字", int: "整数", float: "数字", bool: "布尔值", list: "列表", tuple: "列表",
          dict: "对象", type(None): "空值"}


def _kind(value: object) -> str:
    return _KINDS.get(type(value), type(value).__name__)


def _preview(value: object, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"
