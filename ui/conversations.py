"""Earlier conversations kept in this browser, and a conversation exported as Markdown or as
an A4 .docx with page numbers and its citations as an endnote list.

The list lives in a gr.BrowserState (localStorage): [{"id", "title", "time", "turns"}, ...],
newest first, at most MAX_CHATS.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

MAX_CHATS = 20
TITLE_CHARS = 24
_MARKER = re.compile(r"\[(\d{1,2})\]")
Turn = dict[str, Any]
Chat = dict[str, Any]


def _valid(chats: Any) -> list[Chat]:
    if not isinstance(chats, list):
        return []
    return [c for c in chats if isinstance(c, dict) and isinstance(c.get("turns"), list)
            and c.get("id")]


def archive(turns: Sequence[Turn], chats: Any, chat_id: str | None) -> tuple[list[Chat], str]:
    """Save the current conversation into the list (replacing its earlier copy); returns the
    list and the conversation's id. An empty conversation is not saved."""
    chats = _valid(chats)
    chat_id = chat_id or uuid.uuid4().hex[:12]
    if not turns:
        return chats, chat_id
    title = str(turns[0].get("question", ""))[:TITLE_CHARS] or "对话"
    entry = {"id": chat_id, "title": title, "time": dt.datetime.now().strftime("%m-%d %H:%M"),
             "turns": list(turns)}
    rest = [c for c in chats if c["id"] != chat_id]
    return [entry, *rest][:MAX_CHATS], chat_id


def choices(chats: Any) -> list[tuple[str, str]]:
    return [(f"{c.get('time', '')} {c.get('title', '')}".strip(), c["id"]) for c in _valid(chats)]


def find(chats: Any, chat_id: str | None) -> Chat | None:
    return next((c for c in _valid(chats) if c["id"] == chat_id), None)


def endnotes(turns: Sequence[Turn]) -> tuple[list[tuple[str, str]], list[str]]:
    """(question, answer with global [k] markers) per turn, and the endnote lines: every
    turn's citations numbered through the whole conversation."""
    pairs: list[tuple[str, str]] = []
    notes: list[str] = []
    for turn in turns:
        numbers: dict[int, int] = {}
        for c in turn.get("citations") or []:
            notes.append(citation_line(c))
            numbers[int(c.get("n", 0))] = len(notes)
        text = _renumber(str(turn.get("answer", "")), numbers)
        pairs.append((str(turn.get("question", "")), text))
    return pairs, notes


def _renumber(text: str, numbers: dict[int, int]) -> str:
    return _MARKER.sub(lambda m: f"[{numbers.get(int(m.group(1)), m.group(1))}]", text)


def citation_line(c: dict) -> str:
    parts = [c.get("title") or c.get("source") or "", c.get("region") or "",
             f"{c['year']}年" if c.get("year") else "", c.get("section") or "",
             f"第{c['page']}页" if c.get("page") else ""]
    head = " · ".join(p for p in parts if p)
    quote = (c.get("quote") or "").strip()
    return f"{head}。原文：{quote}" if quote else head


def _series(turn: Turn):  # noqa: ANN202 (bot.series.Series | None, imported lazily)
    from bot.series import Series

    return Series.from_dict(turn.get("chart")) if turn.get("chart") else None


def chat_markdown(turns: Sequence[Turn], today: dt.date | None = None) -> str:
    from ui.charts import chart_markdown

    pairs, notes = endnotes(turns)
    day = today or dt.date.today()
    out = ["# 法治问答对话记录", "", f"导出日期：{day.year}年{day.month}月{day.day}日", ""]
    for i, ((question, answer), turn) in enumerate(zip(pairs, turns, strict=True), 1):
        out += [f"## {i}. {question}", "", answer, ""]
        if (series := _series(turn)) is not None:
            out += [chart_markdown(series), ""]
    if notes:
        out += ["## 出处", ""] + [f"[{k}] {line}  " for k, line in enumerate(notes, 1)]
    return "\n".join(out).rstrip() + "\n"


def write_chat_docx(turns: Sequence[Turn], path: Path, today: dt.date | None = None) -> Path:
    from study.export import new_document
    from ui.charts import add_chart_to_docx

    pairs, notes = endnotes(turns)
    day = today or dt.date.today()
    doc = new_document()
    doc.core_properties.title = "法治问答对话记录"
    doc.add_heading("法治问答对话记录", level=0)
    doc.add_paragraph(f"导出日期：{day.year}年{day.month}月{day.day}日")
    for i, ((question, answer), turn) in enumerate(zip(pairs, turns, strict=True), 1):
        doc.add_heading(f"{i}. {question}", level=2)
        for line in answer.splitlines():
            if line.strip():
                doc.add_paragraph(line)
        if (series := _series(turn)) is not None:
            add_chart_to_docx(doc, series)
    if notes:
        doc.add_heading("出处", level=1)
        for k, line in enumerate(notes, 1):
            doc.add_paragraph(f"[{k}] {line}")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def export_files(turns: Sequence[Turn]) -> list[str]:
    """The conversation as 对话记录_<time>.md and .docx in a new temporary folder."""
    folder = Path(tempfile.mkdtemp(prefix="fazhi_chat_"))
    stem = "对话记录_" + dt.datetime.now().strftime("%Y%m%d_%H%M")
    md = folder / f"{stem}.md"
    md.write_text(chat_markdown(turns), encoding="utf-8")
    return [str(md), str(write_chat_docx(turns, folder / f"{stem}.docx"))]
