"""python -m bot.gate_data --split train,dev --out DIR: the eval details the gate is fitted on.

For every set of the splits it writes ``DIR/NAME.set.jsonl`` (``bot eval --details`` of the set as
it is) and ``DIR/NAME.masked.jsonl``: the same set with the gold span of every single-figure
question cut out of its text report (.txt/.md/.html, GBK kept as GBK), every such question then
unanswerable — whatever figure the bot still gives is a wrong one, unless another passage states
the cut figure too (each row keeps the original answer strings as ``orig``). Then
``python -m bot.gate DIR/*.set.jsonl --masked DIR/*.masked.jsonl`` fits the gate.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

from bot.evalsets import REPO_ROOT, QuestionSet, all_sets, load_set

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
_FIGURE = re.compile(r"\d")


def _decode(raw: bytes) -> tuple[str, str] | None:
    for encoding in ("utf-8", "gbk"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None


def mask_set(qset: QuestionSet, out: Path) -> int:
    """Write the masked copy of ``qset`` into ``out``; the number of questions masked."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    texts: dict[str, tuple[str, str]] = {}
    for path in qset.folder.iterdir():
        decoded = _decode(path.read_bytes()) if path.suffix.lower() in TEXT_SUFFIXES else None
        if decoded is not None and path.name.lower() != "readme.md":
            texts[path.name] = decoded
        elif path.is_file() and path.name not in ("questions.jsonl", "set.json"):
            shutil.copy(path, out / path.name)
    masked = []
    for line in qset.questions.read_text(encoding="utf-8").splitlines():
        q = json.loads(line) if line.strip() else None
        if not q or not q.get("gold") or q.get("type") in ("comparison", "list", "descriptive"):
            continue
        if not any(_FIGURE.search(a) for a in q.get("answer") or []):
            continue
        doc, gold = q.get("doc"), q["gold"]
        if doc not in texts or len(gold) < 4 or gold not in texts[doc][0]:
            continue  # a table row label, a PDF or docx report: left as it is
        text, encoding = texts[doc]
        texts[doc] = (text.replace(gold, ""), encoding)
        masked.append({**q, "answer": [], "gold": None, "orig": q["answer"]})
    for name, (text, encoding) in texts.items():
        (out / name).write_bytes(text.encode(encoding))
    (out / "questions.jsonl").write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in masked),
                                         encoding="utf-8")
    meta: dict[str, object] = {"split": qset.split, **({"today": qset.today.isoformat()} if qset.today else {})}
    extra = [str(p.relative_to(REPO_ROOT)) for p in qset.reports if p.parent != qset.folder]
    if extra:
        meta["reports"] = extra
    (out / "set.json").write_text(json.dumps(meta, ensure_ascii=False) + "\n", encoding="utf-8")
    return len(masked)


def details(qset: QuestionSet) -> list[dict]:
    """``bot eval --details`` rows of a set (a masked set's rows keep ``orig``)."""
    from bot.evalsets import build_set_service
    from bot.evaluate import evaluate, load_cases
    from settings import Settings

    # the gate off: it is what is being fitted, and a gated answer would hide its figure
    settings = Settings(today=qset.today, answer_gate=False, _env_file=None)  # type: ignore[call-arg]
    _, rows = evaluate(build_set_service(qset, settings), load_cases(qset.questions))
    orig = {q["id"]: q.get("orig") for q in map(json.loads, qset.questions.read_text(encoding="utf-8").splitlines())
            if "orig" in q}
    return [{**r, "orig": orig[r["id"]]} if r["id"] in orig else r for r in rows]


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bot.gate_data", description=__doc__.splitlines()[0])
    p.add_argument("--split", default="train,dev", help="comma-separated: train, dev (never test)")
    p.add_argument("--sets", nargs="*", help="only these set names")
    p.add_argument("--out", type=Path, required=True)
    args = p.parse_args(argv)
    if not set(args.split.split(",")) <= {"train", "dev"}:
        p.error("train and dev only: the test split is frozen")
    args.out.mkdir(parents=True, exist_ok=True)
    qsets = [q for s in args.split.split(",") for q in all_sets(s) if not args.sets or q.name in args.sets]
    work = Path(tempfile.gettempdir()) / "fazhi-gate-masked"
    for qset in qsets:
        _write(args.out / f"{qset.name}.set.jsonl", details(qset))
        n = mask_set(qset, work / qset.name)
        if n:
            _write(args.out / f"{qset.name}.masked.jsonl", details(load_set(work / qset.name)))
        print(f"{qset.name}: {n} questions masked", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
