"""Evidence scores from named features and fitted weights.

Every candidate sentence of the retrieved passages gets the features below (bot/extractive.py
computes them); ``Scorer`` turns them into the probability that the sentence answers the
question, with weights fitted by ``python -m bot.train`` on the training split
(bot/weights.json, versioned). Without a weights file (FAZHI_SCORER_WEIGHTS) the hand-set prior below is used.

The probability of the best candidate is the answer's confidence: at or above ``answer``
the bot answers; between ``related`` and ``answer`` it shows the passage as
"可能相关的内容" with found=false; below ``related`` it refuses.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

WEIGHTS_FILE = Path(__file__).with_name("weights.json")

# name: what it measures (all in 0…1 unless said)
FEATURES: dict[str, str] = {
    "coverage": "rarity-weighted share of the question's term groups in the sentence (its heading helping)",
    "context": "the same over the whole passage and its section path",
    "section": "the same over the section path alone",
    "rank": "1 / (1 + the passage's rank among the retrieved ones)",
    "bm25": "the passage's BM25 score / the best retrieved passage's",
    "similarity": "cosine similarity of the question's and the passage's embeddings",
    "phrase": "share of the question's adjacent word pairs still adjacent in the sentence",
    "key_rare": "1 if the question's rarest own word (or its synonym) is in the sentence or heading",
    "key_head": "1 if the head of the question's phrase (last of the nearly-as-rare words) is there",
    "key_second": "1 if the question's second rarest own word is there",
    "key_lex": "1 if the rarest word-table group (a colloquial phrase's report terms) is there",
    "numeric": "1 for a 多少/几/比例 question",
    "no_figure": "numeric question and no figure of the asked unit in the sentence",
    "bind": "numeric: how well the best fact's indicator matches the question (0…~2)",
    "anchor": "numeric: the question's word before 多少 stands in the figure's clause",
    "stock_flow": "numeric: a total is asked (一共有) but the figure's clause is a flow (新增, 注销)",
    "label_row": "coverage of a 指标：数值 row's label",
    "table": "1 for a table row",
    "row_label": "a table row: coverage of its row label (what every cell of the row measures)",
    "heading_only": "the sentence is the section heading itself",
    "plan": "a target (力争, 计划) or a plan section while the question asks about results",
    "problem": "a 问题/不足/短板 section while the question does not ask about problems",
}


BIND_EXTRA = 0.15
PROBLEM_FACTOR = 0.9


def prior_score(f: dict[str, float]) -> float:
    """The hand-set score of the first versions, kept as the fallback and as a baseline."""
    score = 0.55 * f["coverage"] + 0.2 * f["context"] + 0.1 * f["section"] + 0.15 * f["rank"]
    score += 0.1 * f["phrase"]
    if f["numeric"]:
        if f["no_figure"]:
            score *= 0.5
        else:
            # a figure bound beyond a plain match (anchor, predicate, its own phrase whole)
            score += 0.25 * min(f["bind"], 1.0) + BIND_EXTRA * min(max(f["bind"] - 1.0, 0.0), 1.0)
            score += 0.15 * f["anchor"]
            if f["stock_flow"]:
                score *= 0.7
            score += 0.2 * f["label_row"]
    if f["heading_only"]:
        score *= 0.6
    if f["plan"]:
        score *= 0.5 if f["numeric"] else 0.75
    if f["problem"]:  # a 存在的不足 section: what went short, seldom the figure of a result asked
        score *= PROBLEM_FACTOR
    return score


def linear_probability(weights: dict[str, float], bias: float, values: dict[str, float]) -> float:
    """sigmoid(bias + Σ weight·value) of a fitted logistic model (the scorer's, bot/gate.py's);
    a value it does not hold counts 0."""
    z = bias + sum(w * values.get(name, 0.0) for name, w in weights.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Scorer:
    """p(sentence answers the question) = sigmoid(bias + Σ weight·feature), plus the
    confidence thresholds; ``weights`` empty → the prior score, unthresholded."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    answer: float = 0.0  # confidence needed to answer
    related: float = 0.0  # … to show the passage as related material (found=false)
    meta: dict = field(default_factory=dict)

    @property
    def fitted(self) -> bool:
        return bool(self.weights)

    def score(self, f: dict[str, float]) -> float:
        if not self.weights:
            return prior_score(f)
        return linear_probability(self.weights, self.bias, f)

    def to_json(self) -> str:
        return json.dumps({"features": list(self.weights), "weights": self.weights, "bias": self.bias,
                           "thresholds": {"answer": self.answer, "related": self.related},
                           "meta": self.meta}, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Scorer:
        data = json.loads(text)
        unknown = set(data["weights"]) - set(FEATURES)
        if unknown:
            raise ValueError(f"weights for unknown features {sorted(unknown)}: retrain (python -m bot.train)")
        t = data.get("thresholds", {})
        return cls(dict(data["weights"]), float(data["bias"]), float(t.get("answer", 0.0)),
                   float(t.get("related", 0.0)), data.get("meta", {}))


@cache
def load_scorer(path: Path | None) -> Scorer:
    """The scorer of a weights file (FAZHI_SCORER_WEIGHTS), or the hand prior without one.
    The fitted weights are not the default yet: on the dev sets they were no better than the
    prior (docs/EVAL.md), and worse on table rows."""
    return Scorer.from_json(path.read_text(encoding="utf-8")) if path is not None else Scorer()
