"""python -m bot ask "问题" [--json] [--batch FILE.jsonl] | python -m bot eval FILE.jsonl"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path


def common_options() -> argparse.ArgumentParser:
    """Options every command takes (also `python -m study`)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", type=Path, help="store directory (FAZHI_STORE_DIR)")
    common.add_argument("--embedding-model", help="FAZHI_EMBEDDING_MODEL")
    common.add_argument("--today", help="date that 今年/去年 resolve against (YYYY-MM-DD)")
    common.add_argument("-v", "--verbose", action="store_true")
    return common


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bot", description="法治问答: ask the reports.")
    common = common_options()
    sub = p.add_subparsers(dest="command", required=True)
    ask = sub.add_parser("ask", parents=[common], help="answer one question or a batch")
    ask.add_argument("question", nargs="?", help="the question")
    ask.add_argument("--json", action="store_true", help="print the JSON answer")
    ask.add_argument("--batch", type=Path, help='JSONL file, one {"q":…, "history":[…]} a line')
    ev = sub.add_parser("eval", parents=[common], help="evaluate on a question set")
    ev.add_argument("file", type=Path, nargs="?",
                    help="a questions .jsonl (on --store), or a question-set folder (its reports "
                         "are ingested into a cached store)")
    ev.add_argument("--split", choices=["train", "dev", "test"],
                    help="score every set of tests/fixtures/qsets in this split")
    ev.add_argument("--details", type=Path, help="write per-question results (JSONL) here")
    ev.add_argument("--json", action="store_true", help="print the report as JSON")
    fa = sub.add_parser("facts", parents=[common], help="figures whose indicator names a phrase")
    fa.add_argument("query", help="what the figures measure, e.g. 行政复议")
    fa.add_argument("--region")
    fa.add_argument("--year", type=int)
    fa.add_argument("--json", action="store_true", help="print one JSON object per fact")
    return p


def settings_from(args: argparse.Namespace):  # noqa: ANN202
    from settings import Settings

    overrides = {k: v for k, v in (("store_dir", args.store),
                                    ("embedding_model", args.embedding_model),
                                    ("today", args.today)) if v is not None}
    return Settings(**overrides)


def service_from(settings):  # noqa: ANN001, ANN202
    from bot.service import build_service

    return build_service(settings)


def _print_answer(answer, as_json: bool) -> None:  # noqa: ANN001
    if as_json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False))
        return
    print(answer.text)
    if answer.citations:
        print()
    for c in answer.citations:
        print(f"[{c.n}] {c.label()}")


def cmd_ask(args: argparse.Namespace) -> int:
    if not args.question and not args.batch:
        print("error: give a question or --batch FILE.jsonl", file=sys.stderr)
        return 2
    service = service_from(settings_from(args))
    if args.question:
        _print_answer(service.ask(args.question), args.json)
        return 0
    status = 0
    lines = sys.stdin if str(args.batch) == "-" else args.batch.open(encoding="utf-8")
    with lines:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                question, history = row["q"], row.get("history") or []
            except (json.JSONDecodeError, KeyError, TypeError) as e:
                print(json.dumps({"error": f"line {n}: {e}"}, ensure_ascii=False))
                status = 1
                continue
            t0 = time.perf_counter()
            answer = service.ask(question, history)
            out = answer.to_dict()
            logging.getLogger("bot").info("line %d answered in %.1f ms", n,
                                          (time.perf_counter() - t0) * 1000)
            print(json.dumps(out, ensure_ascii=False), flush=True)
    return status


def cmd_eval(args: argparse.Namespace) -> int:
    from bot.evalsets import QSETS, all_sets, build_set_service, load_set
    from bot.evaluate import evaluate, format_report, load_cases

    settings = settings_from(args)
    runs: list[tuple[str, list, Callable[[], object]]]
    if args.split or (args.file is not None and args.file.is_dir()):
        qsets = all_sets(args.split) if args.split else [load_set(args.file)]
        if not qsets:
            print(f"error: no question set in {QSETS} has split {args.split}", file=sys.stderr)
            return 2
        # each set's own "today" unless --today says otherwise
        runs = [(q.name, load_cases(q.questions),
                 partial(build_set_service, q, settings if args.today or q.today is None
                         else settings.model_copy(update={"today": q.today})))
                for q in qsets]
    elif args.file is not None:
        try:
            cases = load_cases(args.file)
        except (OSError, ValueError) as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
        runs = [(args.file.stem, cases, lambda: service_from(settings))]
    else:
        print("error: give a questions file, a set folder or --split", file=sys.stderr)
        return 2
    details_all, reports = [], {}
    for name, cases, make in runs:
        report, details = evaluate(make(), cases)
        reports[name] = report
        details_all += [{"set": name, **d} for d in details]
        if not args.json:
            print(f"== {name}" if len(runs) > 1 else "", end="\n" if len(runs) > 1 else "")
            print(format_report(report))
    if args.details:
        args.details.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n"
                                        for d in details_all), encoding="utf-8")
    if args.json:
        print(json.dumps(reports if len(runs) > 1 else reports[runs[0][0]], ensure_ascii=False, indent=1))
    return 0


def cmd_facts(args: argparse.Namespace) -> int:
    from facts.search import format_found, search_facts
    from vectorstore.factory import open_store
    from vectorstore.tokenizer import shared_tokenizer

    store = open_store(settings_from(args))
    found = search_facts(store.chunks(), args.query, region=args.region, year=args.year,
                         tokenize=shared_tokenizer())
    for item in found:
        print(json.dumps(item.to_dict(), ensure_ascii=False) if args.json else format_found(item))
    if not found and not args.json:
        print(f"没有找到与“{args.query}”相关的数据；请换个说法，或去掉 --region/--year 条件。")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    from vectorstore.errors import StoreError

    try:
        commands = {"ask": cmd_ask, "eval": cmd_eval, "facts": cmd_facts}
        return commands[args.command](args)
    except StoreError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):  # `… | head` ends quietly
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
