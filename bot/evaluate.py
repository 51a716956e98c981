"""`python -m bot eval FILE.jsonl`: retrieval and answer quality on a question set."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bot.answer import Answer
from zh.numerals import normalize_numerals


@dataclass
class Case:
    id: str
    q: str
    answer: list[str]
    gold: str | None
    history: list[list[str]] = field(default_factory=list)
    type: str = "all"


def load_cases(path: Path) -> list[Case]:
    cases = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            cases.append(Case(id=str(row.get("id", n)), q=row["q"], answer=row.get("answer") or [],
                              gold=row.get("gold"), history=row.get("history") or [],
                              type=row.get("type", "all")))
        except (json.JSONDecodeError, KeyError) as e:
            raise ValueError(f"{path}:{n}: not a question line ({e})") from e
    return cases


def _norm(text: str) -> str:
    return normalize_numerals(text).replace(" ", "")


def answer_correct(case: Case, answer: Answer) -> bool:
    if case.gold is None:
        return not answer.found
    return answer.found and all(_norm(a) in _norm(answer.text) for a in case.answer)


_FIGURE = re.compile(r"\d")


def _headline(answer: Answer) -> str:
    return _norm(answer.text.split("\n", 1)[0])


def gold_figures(case: Case) -> list[str]:
    """The answer strings that are figures ("9家", "8.4%", "1.8万件")."""
    return [a for a in case.answer if _FIGURE.search(_norm(a))]


def headline_correct(case: Case, answer: Answer) -> bool:
    """Strict: every gold figure stands in the answer's first line (other answer strings may
    be anywhere); a refusal for an unanswerable question."""
    if not answer_correct(case, answer):
        return False
    first = _headline(answer)
    return all(_norm(f) in first for f in gold_figures(case))


def wrong_figure(case: Case, answer: Answer) -> bool:
    """The answer claims to have found it and leads with a figure, but not the gold one(s):
    the worst answer a government Q&A tool can give."""
    if not answer.found or not _FIGURE.search(_headline(answer)):
        return False
    figures = gold_figures(case)
    if case.gold is None or not figures:
        # a figure where none is due (unanswerable), or a figure where words are
        return case.gold is None
    first = _headline(answer)
    return not all(_norm(f) in first for f in figures)


def citation_correct(case: Case, answer: Answer) -> bool:
    if case.gold is None:
        return True
    return any(_norm(case.gold) in _norm(c.text) for c in answer.citations)


def retrieval_rank(case: Case, passages: list[str]) -> int | None:
    """1-based rank of the first retrieved passage holding the gold text."""
    gold = _norm(case.gold or "")
    for i, p in enumerate(passages, 1):
        if gold and gold in _norm(p):
            return i
    return None


@dataclass
class Tally:
    n: int = 0
    answer_ok: int = 0
    headline_ok: int = 0
    wrong: int = 0
    citation_n: int = 0
    citation_ok: int = 0
    refusal_n: int = 0
    refusal_ok: int = 0
    retrieval_n: int = 0
    hits: dict[int, int] = field(default_factory=lambda: {1: 0, 3: 0, 5: 0})
    rr: float = 0.0

    def add(self, case: Case, answer: Answer, rank: int | None) -> None:
        self.n += 1
        self.answer_ok += answer_correct(case, answer)
        self.headline_ok += headline_correct(case, answer)
        self.wrong += wrong_figure(case, answer)
        if case.gold is None:
            self.refusal_n += 1
            self.refusal_ok += not answer.found
        else:
            self.citation_n += 1
            self.citation_ok += citation_correct(case, answer)
            self.retrieval_n += 1
            for k in self.hits:
                self.hits[k] += rank is not None and rank <= k
            self.rr += 1.0 / rank if rank else 0.0

    def row(self) -> dict[str, float | int | None]:
        def pct(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None
        return {"n": self.n, "hit@1": pct(self.hits[1], self.retrieval_n),
                "hit@3": pct(self.hits[3], self.retrieval_n),
                "hit@5": pct(self.hits[5], self.retrieval_n),
                "mrr": round(self.rr / self.retrieval_n, 3) if self.retrieval_n else None,
                "answer": pct(self.answer_ok, self.n),
                "headline": pct(self.headline_ok, self.n),
                "wrong": pct(self.wrong, self.n),
                "citation": pct(self.citation_ok, self.citation_n),
                "refusal": pct(self.refusal_ok, self.refusal_n)}


def evaluate(service, cases: Iterable[Case], k: int = 5) -> tuple[dict, list[dict]]:  # noqa: ANN001
    overall = Tally()
    by_type: dict[str, Tally] = defaultdict(Tally)
    details = []
    for case in cases:
        answer = service.ask(case.q, case.history)
        passages = [h.chunk.text for h in service.retrieve(answer.question or case.q, k)]
        rank = retrieval_rank(case, passages) if case.gold else None
        overall.add(case, answer, rank)
        by_type[case.type].add(case, answer, rank)
        details.append({"id": case.id, "type": case.type, "q": case.q,
                        "ok": answer_correct(case, answer),
                        "headline_ok": headline_correct(case, answer),
                        "wrong_figure": wrong_figure(case, answer),
                        "cited": citation_correct(case, answer), "rank": rank,
                        "found": answer.found, "answer": answer.text,
                        **({"signals": answer.signals} if answer.signals else {})})
    report = {"overall": overall.row(), "by_type": {t: v.row() for t, v in sorted(by_type.items())}}
    return report, details


def format_report(report: dict) -> str:
    cols = ["n", "hit@1", "hit@3", "hit@5", "mrr", "answer", "headline", "wrong", "citation",
            "refusal"]
    lines = ["type            " + " ".join(f"{c:>8}" for c in cols)]
    rows = [("overall", report["overall"]), *report["by_type"].items()]
    for name, row in rows:
        cells = ["-" if row[c] is None else str(row[c]) for c in cols]
        lines.append(f"{name:<16}" + " ".join(f"{c:>8}" for c in cells))
    return "\n".join(lines)
