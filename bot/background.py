"""How common a word is in this genre of report at large, not only in the reports ingested.

A question's words are weighed by their rarity (idf) over the store's chunks, which says what a
word tells apart within these reports — not whether it names a thing at all: in a 卫健委's report
医疗 stands in most chunks and weighs little, yet it is what a government report's sentence about
行政复议 does not say when "医调委受理医疗纠纷中办结了多少件" is asked. The background count
(``background_df.tsv``, built by ``python -m bot.background`` from the report files of the training
and development question sets — report texts only, no question) gives a word's rarity over many
reports of the genre (bot.service: whether a word names what is asked).

Measured and left (docs/DECISIONS.md 57): weighing question words, or choosing the key word an
answer must say, by the rarer of the two counts — neutral on the dev sets, a loss on new ones.

File format: a first line ``# chunks N``, then ``token<TAB>df`` (the chunks holding the token, by
the store's own tokenizer over each chunk's section path and text), tokens held by 2+ chunks.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("background_df.tsv")
MIN_DF = 2


@cache
def _table(path: Path = DATA) -> tuple[int, dict[str, int]]:
    if not path.exists():
        return 0, {}
    lines = path.read_text(encoding="utf-8").splitlines()
    n = int(lines[0].split()[-1]) if lines and lines[0].startswith("# chunks") else 0
    df = {}
    for line in lines[1:]:
        token, _, count = line.partition("\t")
        if count:
            df[token] = int(count)
    return n, df


def background_idf(token: str) -> float | None:
    """The token's BM25 idf over the background chunks; None when the background does not hold
    it (a word too rare there to say anything of, or no background table)."""
    n, df = _table()
    d = df.get(token, 0)
    if not n or not d:
        return None
    return math.log1p((n - d + 0.5) / (d + 0.5))


def count(paths: list[Path]) -> tuple[int, Counter[str]]:
    """Chunks and per-token chunk counts of the reports at ``paths`` (as the store chunks them)."""
    from ingest.loaders import load_document
    from ingest.pipeline import prepare
    from vectorstore.records import SECTION_SEP
    from vectorstore.tokenizer import shared_tokenizer

    tokenize = shared_tokenizer()
    n, df = 0, Counter[str]()
    for i, path in enumerate(paths, 1):
        try:
            loaded = load_document(path, None)
        except Exception as e:  # noqa: BLE001 - one unreadable file is reported, not fatal
            print(f"skipped {path}: {e}", file=sys.stderr)
            continue
        prepared = prepare(loaded.blocks, path.stem)
        for c in prepared.chunks:
            text = f"{SECTION_SEP.join(c.section)}\n{c.text}" if c.section else c.text
            df.update(set(tokenize(text)))
            n += 1
        if i % 50 == 0:
            print(f"{i}/{len(paths)} reports, {n} chunks", file=sys.stderr)
    return n, df


def dev_reports() -> list[Path]:
    """The report files of every training and development question set (never the frozen
    test split's)."""
    from bot.evalsets import QSETS, load_set

    out: list[Path] = []
    for folder in sorted(p for p in QSETS.iterdir() if (p / "set.json").exists()):
        qset = load_set(folder)
        if qset.split != "test":
            out += [p for p in qset.reports if p not in out]
    return out


def write(n: int, df: Counter[str], path: Path = DATA) -> None:
    rows = sorted((t, d) for t, d in df.items() if d >= MIN_DF and "\t" not in t and "\n" not in t)
    path.write_text(f"# chunks {n}\n" + "".join(f"{t}\t{d}\n" for t, d in rows), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    paths = [Path(a) for a in args] or dev_reports()
    n, df = count(paths)
    write(n, df)
    print(f"{DATA.name}: {n} chunks of {len(paths)} reports, {sum(d >= MIN_DF for d in df.values())} tokens")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
