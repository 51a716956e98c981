"""python -m ingest list | remove ID|PATH... — see and delete the reports of a knowledge base."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from vectorstore.records import DocumentRecord


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    ls = sub.add_parser("list", help="the reports in the knowledge base")
    ls.add_argument("--json", action="store_true", help="one JSON object per report")
    rm = sub.add_parser("remove", help="delete reports by id (or its first 6+ characters), "
                                       "source path or, when unambiguous, file name")
    rm.add_argument("targets", nargs="*", help="document ids, paths or file names")
    rm.add_argument("--incomplete", action="store_true",
                    help="also delete what interrupted ingests left (reads every chunk id)")
    for sp in (ls, rm):
        sp.add_argument("--store", type=Path, help="store directory (FAZHI_STORE_DIR)")
        sp.add_argument("--embedding-model", help="FAZHI_EMBEDDING_MODEL")
    return p


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    from settings import Settings
    from vectorstore.errors import StoreError
    from vectorstore.factory import open_store

    overrides = {k: v for k, v in (("store_dir", args.store),
                                    ("embedding_model", args.embedding_model)) if v is not None}
    try:
        store = open_store(Settings(**overrides))
        if args.command == "list":
            return _list(store.documents(), args.json)
        return _remove(store, args.targets, args.incomplete)
    except StoreError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


def _list(docs: list[DocumentRecord], as_json: bool) -> int:
    for d in sorted(docs, key=lambda d: (d.region or "", d.year or 0, d.key)):
        if as_json:
            print(json.dumps({"id": d.doc_id, "title": d.title, "region": d.region,
                              "year": d.year, "chunks": d.chunks, "source": d.source,
                              "path": d.path or None, "sha256": d.sha256,
                              "ingested_at": d.ingested_at}, ensure_ascii=False))
        else:
            print("\t".join([d.doc_id, str(d.year or "-"), d.region or "-", str(d.chunks),
                             d.title, d.path or d.source]))
    if not as_json:
        print(f"{len(docs)} reports", file=sys.stderr)
    return 0


def matches(docs: list[DocumentRecord], target: str) -> list[DocumentRecord]:
    """The documents a command-line target names: an id (or its first 6+ characters), a
    source path (as given or resolved), else a file name."""
    exact = [d for d in docs if d.doc_id == target]
    if exact:
        return exact
    if len(target) >= 6:
        prefixed = [d for d in docs if d.doc_id.startswith(target)]
        if prefixed:
            return prefixed
    path = str(Path(target).expanduser().resolve())
    by_path = [d for d in docs if d.path and d.path in (target, path)]
    if by_path:
        return by_path
    return [d for d in docs if d.source == target or (not d.path and d.source == Path(target).name)]


def _remove(store, targets: list[str], incomplete: bool) -> int:  # noqa: ANN001
    if not targets and not incomplete:
        print("error: name the reports to remove (ids or paths; see python -m ingest list), "
              "or --incomplete", file=sys.stderr)
        return 2
    status = 0
    if incomplete:
        for d in store.remove_incomplete(thorough=True):
            print(f"removed {d.doc_id} {d.path or d.source} (incomplete)")
    docs = store.documents()
    for target in targets:
        found = matches(docs, target)
        if not found:
            print(f"error: no report {target!r} in the knowledge base "
                  "(python -m ingest list shows ids and paths)", file=sys.stderr)
            status = 1
        elif len(found) > 1:
            print(f"error: {target!r} names {len(found)} reports; give the id or the path:",
                  file=sys.stderr)
            for d in found:
                print(f"  {d.doc_id}\t{d.path or d.source}", file=sys.stderr)
            status = 1
        else:
            store.delete_document(found[0].doc_id)
            print(f"removed {found[0].doc_id} {found[0].path or found[0].source}")
    return status
