"""The calls the "学习材料" UI tab makes: Markdown to preview and a .docx to download.

Both return ``(markdown, docx_path)``. A request that cannot be served (unknown report,
nothing on the topic) returns an explanatory Markdown message and ``None`` for the path,
so the tab can show it as is.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from study.brief import MAX_PASSAGES, build_brief
from study.corpus import StudyError
from study.export import brief_markdown, quiz_markdown, write_brief_docx, write_quiz_docx
from study.quiz import KIND_NAMES, KINDS, build_quiz

# (label, value) pairs for a CheckboxGroup of question types
KIND_CHOICES = [(KIND_NAMES[k], k) for k in KINDS]


def make_brief(service, topic: str, reports: Iterable[str] | None = None,  # noqa: ANN001
               years: Iterable[int | str] | None = None, out_dir: Path | str | None = None,
               today: dt.date | None = None,
               max_passages: int = MAX_PASSAGES) -> tuple[str, str | None]:
    today = today or getattr(service, "today", None) or dt.date.today()
    try:
        brief = build_brief(service, topic, _list(reports), _years(years), max_passages)
    except StudyError as e:
        return f"**无法生成专题资料：** {e}", None
    markdown = brief_markdown(brief, today)
    if not brief.passages:
        return markdown, None
    path = _dir(out_dir) / f"专题学习资料_{_safe(brief.topic)}.docx"
    return markdown, str(write_brief_docx(brief, path, today))


def make_quiz(service, n: int = 10, types: Iterable[str] | str | None = None,  # noqa: ANN001
              seed: int | str | None = None, topic: str | None = None,
              reports: Iterable[str] | None = None, years: Iterable[int | str] | None = None,
              out_dir: Path | str | None = None,
              today: dt.date | None = None) -> tuple[str, str | None]:
    today = today or getattr(service, "today", None) or dt.date.today()
    try:
        quiz = build_quiz(service, int(n), types or None, _seed(seed), (topic or "").strip(),
                          _list(reports), _years(years))
    except (StudyError, ValueError) as e:
        return f"**无法生成测验：** {e}", None
    markdown = quiz_markdown(quiz, today)
    if not quiz.items:
        return markdown, None
    name = f"学习测验_{_safe(quiz.topic) + '_' if quiz.topic else ''}{quiz.seed}.docx"
    return markdown, str(write_quiz_docx(quiz, _dir(out_dir) / name, today))


def _list(values: Iterable[str | int] | str | None) -> list[str] | None:
    if not values:
        return None
    if isinstance(values, str):
        values = re.split(r"[,，;；\n]+", values)
    return [str(v).strip() for v in values if str(v).strip()] or None


def _years(values: Iterable[int | str] | str | None) -> list[int] | None:
    items = _list(values)
    if not items:
        return None
    try:
        return [int(re.sub(r"年$", "", v)) for v in items]
    except ValueError as e:
        raise StudyError(f"年份应为数字，例如 2023：{e}") from e


def _seed(seed: int | str | None) -> int | None:
    if seed is None or str(seed).strip() == "":
        return None
    return int(seed)


def _dir(out_dir: Path | str | None) -> Path:
    if out_dir is None:
        return Path(tempfile.mkdtemp(prefix="fazhi_study_"))
    path = Path(out_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def _safe(name: str) -> str:
    return re.sub(r"[\\/:*?\"<>|\s]+", "_", name).strip("_")[:40] or "专题"
