"""What facts cost: extraction time against the raw embedder on the sample reports, and the
snapshot load of a store of N synthetic chunks with and without facts in the metadata
(loads alternate, in both build orders, because the machine's noise is larger than the effect).

    python scripts/facts_cost.py [--chunks 10000] [--skip-embed]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def extraction_vs_embedding(skip_embed: bool) -> None:
    from bot.evalsets import all_sets
    from facts import chunk_facts, facts_to_json
    from ingest.loaders import load_blocks
    from ingest.pipeline import prepare
    from settings import Settings
    from vectorstore.embeddings import build_embeddings

    # the train/dev sets' own reports (test sets are not read)
    files = sorted({str(r) for split in ("train", "dev") for s in all_sets(split)
                    for r in s.reports if r.parent == s.folder})
    chunks = [c for f in files for c in prepare(load_blocks(Path(f)), Path(f).stem).chunks]
    t = time.perf_counter()
    n = 0
    for c in chunks:
        found = chunk_facts(c.text, " > ".join(c.section))
        facts_to_json(found, c.text)
        n += len(found)
    facts_s = time.perf_counter() - t
    print(f"{len(files)} reports, {len(chunks)} chunks, {n} facts: extraction {facts_s * 1000:.0f} ms "
          f"({facts_s / len(chunks) * 1000:.2f} ms/chunk)")
    if skip_embed:
        return
    embeddings = build_embeddings(Settings(_env_file=None))
    texts = [c.text for c in chunks]
    embeddings.embed_array(texts[:4])
    t = time.perf_counter()
    for i in range(0, len(texts), 32):
        embeddings.embed_array(texts[i:i + 32])
    embed_s = time.perf_counter() - t
    print(f"raw embedder: {embed_s:.1f} s ({embed_s / len(chunks) * 1000:.1f} ms/chunk); "
          f"extraction = {facts_s / embed_s:.2%} of it")


def load_times(n_chunks: int, rounds: int = 5) -> None:
    from bench.corpus import corpus, hash_vectors
    from settings import Settings
    from vectorstore.embeddings import build_embeddings
    from vectorstore.store import KnowledgeStore, chroma_client
    from vectorstore.tokenizer import shared_tokenizer

    rows = [(d, c) for d, cs in corpus(n_chunks) for c in cs]
    print(f"{len(rows)} chunks, {sum(len(c.facts()) for _, c in rows)} facts, "
          f"{sum(len(c.facts_json) for _, c in rows) / len(rows):.0f} JSON chars a chunk")
    embeddings = build_embeddings(Settings(embedding_model="hash", _env_file=None))
    vectors = hash_vectors([c.index_text for _, c in rows], 384)
    bare = [(d, replace(c, facts_json="")) for d, c in rows]
    for order in (("with", "without"), ("without", "with")):
        dirs, stores, times = {}, {}, {}
        for label in order:
            dirs[label] = tempfile.mkdtemp()
            stores[label] = KnowledgeStore(chroma_client(Path(dirs[label])), embeddings,
                                           shared_tokenizer())
            stores[label].add_many(rows if label == "with" else bare, vectors, [["x"]] * len(rows))
            times[label] = []
        for _ in range(rounds):
            for label, store in stores.items():
                t = time.perf_counter()
                snap = store._load(store._current_version())
                times[label].append(time.perf_counter() - t)
        t = time.perf_counter()
        parsed = sum(len(c.facts()) for c in snap.chunks)
        parse_s = time.perf_counter() - t
        print(f"built {' then '.join(order)} facts: " + "; ".join(
            f"{label} facts load median {statistics.median(v):.2f}s" for label, v in times.items())
            + f"; parsing the last snapshot's facts {parse_s:.2f}s ({parsed})")
        for d in dirs.values():
            shutil.rmtree(d)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--chunks", type=int, default=10_000)
    p.add_argument("--skip-embed", action="store_true")
    args = p.parse_args()
    extraction_vs_embedding(args.skip_embed)
    load_times(args.chunks)


if __name__ == "__main__":
    main()
