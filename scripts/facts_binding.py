"""How well facts hold the gold figures of the numeric questions under tests/fixtures/heldout*:
for every gold figure written in its gold sentence, is there a fact with that text, and is that
fact's indicator the question's best lexical match among the sentence's facts
(facts.search.match_score over jieba tokens — a floor for the answerer, which also weighs
rarity and embeddings)?

    python scripts/facts_binding.py [-v]
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    from facts import sentence_facts
    from facts.search import match_score
    from vectorstore.tokenizer import shared_tokenizer
    from zh.sentences import split_sentences

    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("-v", "--verbose", action="store_true", help="list the misses")
    args = p.parse_args()
    tokenize = shared_tokenizer()
    total = held = best = 0
    misses = []
    for path in sorted(glob.glob(str(ROOT / "tests/fixtures/heldout*/questions.jsonl"))):
        folder = Path(path).parent
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            q = json.loads(line)
            doc = folder / (q.get("doc") or "")
            if not q.get("gold") or not doc.is_file():
                continue
            text = doc.read_text(encoding="utf-8")
            sentences = [s for para in text.split("\n") for s in split_sentences(para)
                         if q["gold"][:12] in s]
            facts = [f for s in sentences for f in sentence_facts(s)]
            for answer in q["answer"]:
                if not re.search(r"\d", answer) or not any(answer in s for s in sentences):
                    continue
                total += 1
                gold = [f for f in facts if answer in (f.text, f.display) or answer in f.text]
                if not gold:
                    misses.append(("no fact", q["q"], answer))
                    continue
                held += 1
                top = max(facts, key=lambda f: match_score(q["q"], f, tokenize))
                if match_score(q["q"], top, tokenize) <= match_score(q["q"], gold[0], tokenize):
                    best += 1
                else:
                    misses.append(("not best", q["q"], answer, gold[0].indicator, top.indicator))
    print(f"{total} gold figures written in their gold sentence; held by a fact: {held} "
          f"({held / total:.0%}); that fact's indicator is the question's best lexical match "
          f"in the sentence: {best} ({best / total:.0%})")
    if args.verbose:
        for miss in misses:
            print(*miss, sep=" | ")


if __name__ == "__main__":
    main()
