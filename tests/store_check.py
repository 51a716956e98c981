"""What an embedded store holds, checked from a private copy:

{"rows": n, "duplicate_ids": n, "served": [[source, doc_id, chunks], ...],
 "unserved": [[source, doc_id, chunks expected, chunks present], ...],
 "snapshot_matches_chroma": bool, "keyword_size": n}

Chroma caches an embedded database per path inside a process, so a store another process
wrote is read from a fresh copy (cheaper than a fresh process). The hash embedder and a
whitespace tokenizer: nothing here needs jieba.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


def check(store_dir: Path) -> dict:
    """The state of the (closed) store in store_dir."""
    copy = Path(tempfile.mkdtemp(prefix="store-check-")) / "store"
    shutil.copytree(store_dir, copy)
    try:
        return _check(copy)
    finally:
        shutil.rmtree(copy.parent, ignore_errors=True)


def _check(store_dir: Path) -> dict:
    from settings import Settings
    from vectorstore.factory import open_store
    from vectorstore.store import _documents_from

    store = open_store(Settings(store_dir=store_dir, embedding_model="hash", _env_file=None),
                       tokenize=str.split)
    rows = store._collection.get(include=["metadatas"])  # noqa: SLF001
    ids = rows["ids"]
    served = store.documents()
    served_ids = {d.doc_id for d in served}
    snap = store.snapshot()
    return {
        "rows": len(ids),
        "duplicate_ids": len(ids) - len(set(ids)),
        "served": sorted([d.source, d.doc_id, d.chunks] for d in served),
        "unserved": sorted([d.source, d.doc_id, d.chunks, present]
                           for d, present in _documents_from(rows["metadatas"])
                           if d.doc_id not in served_ids),
        "snapshot_matches_chroma": sorted(c.id for c in snap.chunks) == sorted(ids),
        "keyword_size": len(snap.keyword),
    }
