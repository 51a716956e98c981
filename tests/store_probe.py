"""A stand-in "app process" for the tests: opens the store its FAZHI_* env describes, once,
then answers commands read line by line from stdin with one JSON line each:

    docs                 → [source, ...] of the documents it serves
    keyword <query>      → the text of the best BM25 chunk (null if no hit)
    ask <question>       → {"answer", "found"} from the QA service
    quit

It never reopens the store: whatever it learns about other processes' writes, it learns
through the store's refresh (the version stamp in the collection metadata).
"""

from __future__ import annotations

import json
import sys


def main() -> int:
    from bot.service import build_service
    from settings import Settings

    service = build_service(Settings(_env_file=None))
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        command, _, arg = line.rstrip("\n").partition(" ")
        if command == "quit":
            break
        try:
            out = _run(service, command, arg)
        except Exception as e:  # noqa: BLE001 - report it to the test, keep serving
            out = {"error": f"{type(e).__name__}: {e}"}
        print(json.dumps(out, ensure_ascii=False), flush=True)
    return 0


def _run(service, command: str, arg: str):  # noqa: ANN001, ANN202
    store = service.store
    if command == "docs":
        return sorted(d.source for d in store.documents())
    if command == "keyword":
        snap = store.snapshot()
        if not snap.chunks:
            return None
        scores = snap.keyword.scores(arg)
        best = int(scores.argmax())
        return snap.chunks[best].text if scores[best] > 0 else None
    if command == "ask":
        answer = service.ask(arg)
        return {"answer": answer.text, "found": answer.found}
    return {"error": f"unknown command {command!r}"}


if __name__ == "__main__":
    sys.exit(main())
