"""``python -m study brief TOPIC …`` and ``python -m study quiz …``.

Wired from ``study/__main__.py``: :func:`add_commands` adds ``brief`` and ``quiz`` (with the
common options as ``parents``), :func:`run` executes it with a QAService or a store.
Without ``--out`` the Markdown is printed; with ``--out FILE.docx`` or ``FILE.md`` it is
written there and one summary line is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from study.brief import Brief
    from study.quiz import Quiz


def add_commands(study: argparse.ArgumentParser,
                 parents: Sequence[argparse.ArgumentParser] = ()) -> argparse.ArgumentParser:
    """Add the ``brief`` and ``quiz`` commands to ``study`` (an argparse parser)."""
    commands = study.add_subparsers(dest="study_command", required=True)

    brief = commands.add_parser("brief", parents=list(parents),
                                help="passages on a topic, grouped by report and section")
    brief.add_argument("topic", help="专题，例如 行政复议、营商环境、执法监督")
    _scope_options(brief)
    brief.add_argument("--max-passages", type=int, default=60,
                       help="at most this many passages (the most relevant kept)")
    brief.add_argument("--out", type=Path, help="write FILE.docx or FILE.md instead of printing")

    quiz = commands.add_parser("quiz", parents=list(parents),
                               help="a quiz with answer key and citations")
    quiz.add_argument("--n", type=int, default=10, help="number of items (default 10)")
    quiz.add_argument("--types", default="blank,choice,truefalse,match",
                      help="comma-separated: blank,choice,truefalse,match")
    quiz.add_argument("--seed", type=int, help="random seed; the same seed gives the same quiz")
    quiz.add_argument("--topic", help="only sentences from passages on this topic")
    _scope_options(quiz)
    quiz.add_argument("--out", type=Path, help="write FILE.docx or FILE.md instead of printing")
    return study


def _scope_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--report", action="append", metavar="NAME",
                        help="only this report (file name or title, or part of it); repeatable")
    parser.add_argument("--year", action="append", type=int, metavar="YEAR",
                        help="only reports of this year; repeatable")


def run(args: argparse.Namespace, service_or_store) -> int:  # noqa: ANN001
    """Execute ``study brief`` / ``study quiz``. 0 on success, 1 when nothing could be made,
    2 on a bad request (unknown report, year or question type)."""
    from study.brief import build_brief
    from study.corpus import StudyError
    from study.export import save, to_markdown
    from study.quiz import build_quiz

    today = _today(args, service_or_store)
    try:
        material: Brief | Quiz
        if args.study_command == "brief":
            brief = material = build_brief(service_or_store, args.topic, args.report,
                                           args.year, max_passages=args.max_passages)
            count = len(brief.passages)
            what = f"专题“{brief.topic}”：{count}段原文"
        else:
            quiz = material = build_quiz(service_or_store, args.n, args.types, args.seed,
                                         args.topic, args.report, args.year)
            count = len(quiz.items)
            what = f"测验：{count}道题（随机种子 {quiz.seed}）"
        if args.out:
            path = save(material, args.out, today)
            print(f"{what}，已写入 {path}")
        else:
            sys.stdout.write(to_markdown(material, today))
    except StudyError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if not count:
        print("没有找到可用的内容：请换一个专题，或放宽报告/年份范围。", file=sys.stderr)
        return 1
    return 0


def _today(args: argparse.Namespace, service_or_store) -> dt.date:  # noqa: ANN001
    today = getattr(service_or_store, "today", None)
    if today:
        return today
    given = getattr(args, "today", None)
    if isinstance(given, dt.date):
        return given
    if given:
        return dt.date.fromisoformat(str(given))
    return dt.date.today()
