"""How well facts hold the gold figures of the numeric questions of the train and dev question
sets (tests/fixtures/qsets/*, split per set.json; test sets are never read): for every gold
figure (each answer string with a digit) written in its gold paragraph, is there a fact with
that text, and is that fact the question's best lexical match among the paragraph's facts
(facts.search.match_score of the question against indicator+topic+column+share_of over jieba
tokens — a floor for the answerer, which also weighs rarity and embeddings)?

    python scripts/facts_binding.py [-v] [--split train|dev]
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

log = logging.getLogger("facts_binding")


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def main() -> None:
    from bot.evalsets import all_sets
    from facts import chunk_facts
    from facts.search import match_score
    from ingest.loaders import load_blocks
    from vectorstore.tokenizer import shared_tokenizer

    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    p.add_argument("--split", choices=("train", "dev"), help="one split only (default: both)")
    args = p.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    tokenize = shared_tokenizer()
    total = held = best = 0
    single = [0, 0, 0]  # the same three counts over questions that ask one figure
    misses = []
    splits = (args.split,) if args.split else ("train", "dev")
    for qset in (s for split in splits for s in all_sets(split)):
        assert qset.split in ("train", "dev")
        blocks = {r.name: [b.text for b in load_blocks(r)] for r in qset.reports}
        for line in qset.questions.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            q = json.loads(line)
            if not q.get("gold") or q.get("doc") not in blocks or q.get("evidence"):
                continue
            paragraphs = [b for b in blocks[q["doc"]] if _norm(q["gold"]) in _norm(b)]
            facts = [f for b in paragraphs for f in chunk_facts(b)]
            asked = [a for a in q["answer"] if re.search(r"\d", a)]
            for answer in asked:
                mine = [f for f in facts if answer in (f.text, f.display) or answer in f.text
                        or answer in f.display]
                if not any(answer in b for b in paragraphs) and not mine:
                    continue  # computed or not written as such
                total += 1
                one = len(asked) == 1
                single[0] += one
                if not mine:
                    misses.append(("no fact", qset.name, q["q"], answer))
                    continue
                held += 1
                single[1] += one
                top = max(facts, key=lambda f: match_score(q["q"], f, tokenize))
                gold_score = max(match_score(q["q"], f, tokenize) for f in mine)
                if match_score(q["q"], top, tokenize) <= gold_score:
                    best += 1
                    single[2] += one
                else:
                    g = max(mine, key=lambda f: match_score(q["q"], f, tokenize))
                    misses.append(("not best", qset.name, q["q"], answer,
                                   f"{g.indicator}/{g.topic}/{g.column}/{g.share_of}",
                                   f"{top.text}={top.indicator}/{top.topic}/{top.column}"))
    log.info("%d gold figures written in their gold paragraph (%s); held by a fact: %d (%.1f%%); "
             "that fact is the question's best lexical match in the paragraph: %d (%.1f%%)",
             total, "+".join(splits), held, 100 * held / total, best, 100 * best / total)
    log.info("questions asking one figure: %d gold figures; held: %d (%.1f%%); best match: %d "
             "(%.1f%%)", single[0], single[1], 100 * single[1] / max(1, single[0]), single[2],
             100 * single[2] / max(1, single[0]))
    if args.verbose:
        for miss in misses:
            log.info(" | ".join(miss))


if __name__ == "__main__":
    main()
