"""The second look: the figure of a sentence the support check turned down, answered when a
fitted model is sure of it.

The support check (``ExtractiveAnswerer.supported``) refuses a sentence whose best figure binds
weakly to the ask or which says too little of the question's wording; for everyday wording
("政府那边输的比例" of 败诉率, "请不起律师…打官司" of 法律援助) it often refuses the right sentence
with the right figure in it. Such a sentence is shown as related material (found=false) unless
this model, over the confidence gate's signals (bot/gate.py) of the answer the sentence would
give, says its figure is right.

Fitting (``python -m bot.second_look DETAILS…``, numpy only): eval details of the train/dev sets run
with every second look answered (``FAZHI_SECOND_LOOK_WEIGHTS`` pointing to a model that is always
sure, e.g. ``{"weights": {}, "bias": 50, "threshold": 0.5}``); each answer that carries the
``second_look`` signal (bot.gate.SECOND_LOOK_SIGNAL) is a row, right when its headline holds the
gold figure. A wrong figure costs ``WRONG_COST`` right ones (more than the gate's 1.5: these answers
come after the checks said no).
The threshold is chosen on the held-out trade-off (each set's rows scored by a model fitted without
its group of sets), which is printed beside the in-sample one.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from bot.gate import SECOND_LOOK_FILE, Row, fit, rows_of, tradeoff
from bot.train import choose

WRONG_COST = 3.0


def second_look_rows(paths: list[Path]) -> list[Row]:
    """The answers given on a second look, of eval details files."""
    return [r for p in paths for r in rows_of(p, "second_look")]


def _set_of(row: Row) -> str:
    return row.source.split(":")[0]  # (the details file it came from: one set)


def held_out(rows: list[Row], groups: int = 5) -> list[dict]:
    """The trade-off of models fitted without each group of sets, scored on that group."""
    sets = sorted({_set_of(r) for r in rows})
    curves = []
    for g in range(groups):
        out = {s for i, s in enumerate(sets) if i % groups == g}
        model, _ = fit([r for r in rows if _set_of(r) not in out], cost=WRONG_COST)
        curves.append(tradeoff(model, [r for r in rows if _set_of(r) in out]))
    # the groups' counts at each threshold, summed
    return [{k: points[0][k] if k == "threshold" else sum(p[k] for p in points) for k in points[0]}
            for points in zip(*curves, strict=True)]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bot.second_look", description=__doc__.splitlines()[0])
    p.add_argument("details", type=Path, nargs="+",
                   help="eval details of the train/dev sets, every second look answered")
    p.add_argument("--out", type=Path, default=SECOND_LOOK_FILE)
    args = p.parse_args(argv)
    rows = second_look_rows(args.details)
    if not rows:
        print("no second-look answers in the details", file=sys.stderr)
        return 1
    model, curve = fit(rows, cost=WRONG_COST)
    out = held_out(rows)
    # the threshold where the held-out rows do best: the in-sample curve flatters the fit
    model = replace(model, threshold=choose(out, WRONG_COST), meta={**model.meta, "threshold_from": "held out"})
    args.out.write_text(model.to_json() + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(rows)} second looks ({model.meta['wrong']} wrong), threshold "
          f"{model.threshold:.2f}", file=sys.stderr)
    print("threshold  right  wrong  (in sample | held out by set group)", file=sys.stderr)
    for a, b in zip(curve, out, strict=True):
        print(f"{a['threshold']:.2f}  {a['right']:4d} {a['wrong']:4d} | {b['right']:4d} {b['wrong']:4d}",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
