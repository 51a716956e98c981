"""Question sets under tests/fixtures/qsets/: one layout, one validator, train/dev/test splits.

A set is a folder with ``questions.jsonl`` (the `bot eval` format), the report files the
questions are about, a README and ``set.json``::

    {"split": "train" | "dev" | "test",      # test: frozen, scored and never tuned on
     "reports": ["data/….txt"],              # extra reports, relative to the repo root
     "questions": "tests/fixtures/questions.jsonl",  # optional, another questions file
     "today": "2026-12-01"}                  # the date its 今年/去年 mean (eval's default --today)

``python -m bot eval tests/fixtures/qsets/NAME`` ingests the set's reports into a cached store
and scores it; ``--split test`` scores every set of a split.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
QSETS = REPO_ROOT / "tests" / "fixtures" / "qsets"
REPORT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".doc", ".wps", ".ofd")
SPLITS = ("train", "dev", "test")
TYPES = frozenset("numeric descriptive list paraphrase disambiguation comparison followup "
                  "unanswerable adversarial english".split())


@dataclass
class QuestionSet:
    name: str
    folder: Path
    split: str
    questions: Path
    reports: list[Path] = field(default_factory=list)
    today: dt.date | None = None  # what its relative years (今年, 去年) are counted from


def load_set(folder: Path) -> QuestionSet:
    meta_path = folder / "set.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    split = meta.get("split", "train")
    if split not in SPLITS:
        raise ValueError(f"{meta_path}: split must be one of {SPLITS}, not {split!r}")
    questions = REPO_ROOT / meta["questions"] if "questions" in meta else folder / "questions.jsonl"
    own = sorted(p for p in folder.iterdir() if p.suffix.lower() in REPORT_SUFFIXES
                 and p.name.lower() != "readme.md")
    extra = [REPO_ROOT / r for r in meta.get("reports", [])]
    today = dt.date.fromisoformat(meta["today"]) if "today" in meta else None
    return QuestionSet(folder.name, folder, split, questions, extra + own, today)


def all_sets(split: str | None = None) -> list[QuestionSet]:
    sets = [load_set(d) for d in sorted(QSETS.iterdir()) if d.is_dir()]
    return [s for s in sets if split is None or s.split == split]


def store_dir_for(qset: QuestionSet, embedder: str) -> Path:
    """A store cached per set content and embedder (ingest takes most of an eval's time)."""
    # documents are identified by their path: one store per checkout of the set
    h = hashlib.sha256(f"{embedder}\0{qset.folder.resolve()}".encode())
    for code in ingest_files():
        h.update(code.read_bytes())  # a store built by other loaders (or word lists) is another store
    for p in qset.reports:
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return Path(tempfile.gettempdir()) / "fazhi-eval" / f"{qset.name}-{h.hexdigest()[:12]}"


_LOCAL_IMPORT = re.compile(r"^\s*(?:from|import)\s+(ingest|facts|zh|vectorstore)((?:\.\w+)*)", re.M)


def ingest_files() -> list[Path]:
    """The files a stored chunk depends on: ingest/ and facts/, the modules of zh/ and
    vectorstore/ they import (and those import, in turn), and the data files of those packages
    (vectorstore/userdict.txt, zh/data/) — a tokenizer or a unit word changed is another store."""
    roots = sorted((REPO_ROOT / "ingest").rglob("*.py")) + sorted((REPO_ROOT / "facts").rglob("*.py"))
    seen: set[Path] = set()
    todo = list(roots)
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        for package, dotted in _LOCAL_IMPORT.findall(path.read_text(encoding="utf-8")):
            base = REPO_ROOT.joinpath(package, *dotted.strip(".").split(".")) if dotted else REPO_ROOT / package
            todo += [base.with_suffix(".py"), base / "__init__.py"]
    data = {f for pkg in {p.parent for p in seen if p.parent.name in ("zh", "vectorstore")}
            for f in pkg.rglob("*") if f.is_file() and f.suffix not in (".py", ".pyc")}
    return sorted(seen) + sorted(data)


def build_set_service(qset: QuestionSet, settings):  # noqa: ANN001, ANN201
    """A QAService over the set's reports (ingested once into a cached store)."""
    from bot.service import build_service
    from ingest.pipeline import Ingestor
    from vectorstore.factory import open_store

    settings = settings.model_copy(update={"store_dir": store_dir_for(qset, settings.embedding_model)})
    store = open_store(settings)
    failed = [r for r in Ingestor(store).ingest(qset.reports) if r.status == "failed"]
    if failed:
        raise ValueError(f"{qset.name}: could not ingest {[r.error for r in failed]}")
    return build_service(settings, store)


# ---- the one validator ---------------------------------------------------------------------
def _visible_lines(path: Path) -> list[str]:
    """The report's paragraphs (table rows included) as the loaders read them."""
    from ingest.loaders import load_blocks

    return [b.text for b in load_blocks(path)]


def _norm(text: str) -> str:
    from zh.numerals import normalize_numerals

    return re.sub(r"\s+", "", normalize_numerals(text))


def _lines(name: str, by_name: dict[str, Path], cache: dict[str, list[str]]) -> list[str]:
    if name not in cache:
        cache[name] = [_norm(line) for line in _visible_lines(by_name[name])]
    return cache[name]


def _in_line(answer: str, line: str) -> bool:
    """The answer is in the line, or (a table cell) its number is and its unit stands in the
    row label or a column header: '18642.5万元' in '罚没金额（万元）：18642.5'."""
    if answer in line:
        return True
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(\D+)", answer)
    if m is None:
        return False
    return re.search(rf"(?<![\d.]){re.escape(m.group(1))}(?![\d.])", line) is not None \
        and m.group(2) in line


def validate(qset: QuestionSet) -> list[str]:
    """Problems of a set: ids, types, gold spans present in exactly one paragraph of the
    named report, answer strings in that paragraph (or computed, for comparisons)."""
    problems: list[str] = []
    lines_of: dict[str, list[str]] = {}
    by_name = {p.name: p for p in qset.reports}
    seen: set[str] = set()
    for n, raw in enumerate(qset.questions.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        where = f"{qset.name}:{n}"
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as e:
            problems.append(f"{where}: not JSON ({e})")
            continue
        qid = str(row.get("id", ""))
        if not qid or qid in seen:
            problems.append(f"{where}: missing or repeated id {qid!r}")
        seen.add(qid)
        if row.get("type") not in TYPES:
            problems.append(f"{where}: unknown type {row.get('type')!r}")
        if not isinstance(row.get("q"), str) or not row["q"].strip():
            problems.append(f"{where}: no question")
        history = row.get("history") or []
        if not all(isinstance(t, list) and len(t) == 2 for t in history):
            problems.append(f"{where}: history must be [[q, a], …]")
        gold, answers = row.get("gold"), row.get("answer") or []
        if gold is None:
            if answers:
                problems.append(f"{where}: an unanswerable question has answer strings")
            continue
        doc = row.get("doc")
        if doc not in by_name:
            problems.append(f"{where}: doc {doc!r} is not among the set's reports")
            continue
        spans = [(doc, gold)] + [(e["doc"], e["gold"]) if isinstance(e, dict) else (None, e)
                                 for e in row.get("evidence") or []]
        holding: list[str] = []
        for in_doc, span in spans:
            docs = [in_doc] if in_doc in by_name else list(by_name)
            found = [line for d in docs for line in _lines(d, by_name, lines_of) if _norm(span) in line]
            if len(found) > 1 and span == gold:  # a short table row label: the row with the answer
                found = [line for line in found if all(_in_line(_norm(a), line) for a in answers)]
            if len(found) != 1:
                problems.append(f"{where}: gold/evidence {span!r} is in {len(found)} paragraphs")
            holding += found
        computed = bool(row.get("evidence"))
        for a in answers:
            if not any(_in_line(_norm(a), line) for line in holding) and not computed:
                problems.append(f"{where}: answer {a!r} is not in the gold paragraph")
    return problems
