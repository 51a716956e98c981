"""python -m bot.train [--split train,dev] [--out bot/weights.json]: fit the evidence scorer.

For every question of the split's sets (tests/fixtures/qsets/*/set.json), the candidate
sentences the answerer considers are labelled 1 when they hold the question's gold span and 0
otherwise (every candidate of an unanswerable question is 0). A logistic regression over the
named features of bot/scorer.py is fitted (L2, Newton's method, numpy only), then the answer
and related-material thresholds are chosen on the same questions: a wrong answer costs
WRONG_COST correct ones. Deterministic: the same sets give the same weights.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.scorer import FEATURES, WEIGHTS_FILE, Scorer

WRONG_COST = 1.5  # a wrong answer is worse than no answer (3.0 refused too many right ones: docs/EVAL.md)
RELATED_COST = 1.0  # related material (found=false) costs less when wrong
L2 = 10.0


@dataclass
class Question:
    set: str
    id: str
    answerable: bool
    x: np.ndarray  # candidates × features
    y: np.ndarray  # candidates: 1 holds the gold span


def _norm(text: str) -> str:
    from zh.numerals import normalize_numerals

    return normalize_numerals(text).replace(" ", "")


def holds_gold(sentence: str, gold: str) -> bool:
    s, g = _norm(sentence), _norm(gold)
    return g in s or (len(s) >= 8 and s in g)


def collect(splits: str, today: dt.date | None = None) -> list[Question]:
    """Candidates and labels of every question of the split (comparisons are answered from
    two figures and are left out); ``today``: the date every set's 今年/去年 mean (None: each
    set's own, set.json "today", else 2026-11-26)."""
    from bot.evalsets import all_sets, build_set_service
    from bot.evaluate import load_cases
    from settings import Settings

    out: list[Question] = []
    for qset in [s for split in splits.split(",") for s in all_sets(split)]:
        when = today or qset.today or dt.date(2026, 11, 26)
        service = build_set_service(qset, Settings(today=when, _env_file=None))  # type: ignore[call-arg]
        docs = service.documents()
        for case in load_cases(qset.questions):
            standalone = service.standalone(case.q, case.history, docs)
            q = service.analyze(standalone, docs)
            if q.is_comparison and (len(q.years) >= 2 or len(q.regions) >= 2):
                continue
            scope = service.scope(q, docs)
            terms = service.answerer.terms(q)
            if scope.refusal or not terms:
                continue
            evidence = service._evidence(q, scope.doc_ids, terms)
            if not evidence:
                continue
            x = np.array([[ev.features[name] for name in FEATURES] for ev in evidence])
            y = np.array([float(case.gold is not None and holds_gold(ev.sentence, case.gold))
                          for ev in evidence])
            out.append(Question(qset.name, case.id, case.gold is not None, x, y))
        print(f"{qset.name}: {sum(q.set == qset.name for q in out)} questions", file=sys.stderr)
    return out


def fit(questions: list[Question], l2: float = L2, iterations: int = 50) -> tuple[np.ndarray, float]:
    """Logistic regression weights and bias over every candidate of the questions."""
    x = np.vstack([q.x for q in questions])
    y = np.concatenate([q.y for q in questions])
    return logistic(x, y, l2, iterations)


def logistic(x: np.ndarray, y: np.ndarray, l2: float = L2, iterations: int = 50) -> tuple[np.ndarray, float]:
    """Weights and bias of an L2 logistic regression, Newton's method (features standardised
    while fitting; no penalty on the bias). Also fits the confidence gate (bot/gate.py)."""
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std == 0] = 1.0
    z = np.hstack([(x - mean) / std, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], l2)
    reg[-1] = 0.0  # no penalty on the bias
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        grad = z.T @ (p - y) + reg * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = w[:-1] / std
    bias = float(w[-1] - (w[:-1] * mean / std).sum())
    return weights, bias


def _top(scorer: Scorer, q: Question) -> tuple[float, bool]:
    """(confidence, the best candidate holds the gold span) for one question."""
    p = np.array([scorer.score(dict(zip(FEATURES, row, strict=True))) for row in q.x])
    best = int(np.argmax(p))
    return float(p[best]), bool(q.y[best])


def tradeoff(scorer: Scorer, questions: Iterable[Question]) -> list[dict]:
    """Accuracy and refusal for every threshold: the curve docs/EVAL.md shows."""
    tops = [(*_top(scorer, q), q.answerable) for q in questions]
    rows = []
    for t in sorted({round(c, 3) for c, _, _ in tops} | {0.0, 1.0}):
        answered = [(ok, a) for c, ok, a in tops if c >= t]
        right = sum(ok and a for ok, a in answered)
        wrong = len(answered) - right
        rows.append({"threshold": t, "answered": len(answered), "right": right, "wrong": wrong,
                     "refused": len(tops) - len(answered),
                     "accuracy_of_answers": round(right / len(answered), 3) if answered else None})
    return rows


def choose(curve: list[dict], cost: float) -> float:
    """The threshold maximising right − cost × wrong (the lowest one among equals)."""
    return max(curve, key=lambda r: (r["right"] - cost * r["wrong"], -r["threshold"]))["threshold"]


def train(split: str, today: dt.date | None = None) -> tuple[Scorer, list[dict]]:
    questions = collect(split, today)
    weights, bias = fit(questions)
    scorer = Scorer(dict(zip(FEATURES, map(float, weights), strict=True)), bias)
    curve = tradeoff(scorer, questions)
    answer, related = choose(curve, WRONG_COST), choose(curve, RELATED_COST)
    meta = {"split": split, "questions": len(questions),
            "candidates": int(sum(len(q.y) for q in questions)),
            "positives": int(sum(q.y.sum() for q in questions)),
            "sets": sorted({q.set for q in questions}), "wrong_cost": WRONG_COST, "l2": L2}
    return Scorer(scorer.weights, bias, answer, min(related, answer), meta), curve


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bot.train", description=__doc__.splitlines()[0])
    p.add_argument("--split", default="train,dev",
                   help="comma-separated splits to fit on: train, dev (never the frozen test split)")
    p.add_argument("--out", type=Path, default=WEIGHTS_FILE)
    p.add_argument("--curve", type=Path, help="write the accuracy/refusal trade-off here (JSON)")
    p.add_argument("--today", help="the date every set's 今年/去年 mean (default: each set's set.json date)")
    args = p.parse_args(argv)
    if not set(args.split.split(",")) <= {"train", "dev"}:
        p.error("fit on train and/or dev only: the test split is frozen")
    scorer, curve = train(args.split, dt.date.fromisoformat(args.today) if args.today else None)
    args.out.write_text(scorer.to_json() + "\n", encoding="utf-8")
    if args.curve:
        args.curve.write_text(json.dumps(curve, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"wrote {args.out}: {scorer.meta['questions']} questions, thresholds answer "
          f"{scorer.answer:.3f} related {scorer.related:.3f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
