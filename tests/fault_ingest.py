"""`python -m ingest`, with faults injected for tests/test_faults.py.

    python -m tests.fault_ingest INGEST-ARGS...

Environment (all optional):
  FAULT_BATCH=N         write each document in Chroma batches of N chunks (the real
                        limit is ~1000, so a report is normally one atomic batch)
  FAULT_ADD_DELAY=S     sleep S seconds before each batch, so a kill lands mid-document
  FAULT_KILL_AT=OP:N    SIGKILL this process at the N-th Chroma call OP (add | delete |
                        modify), before the call runs
Each Chroma add prints "add <first id>" on stdout, so a test can time an outside kill.
"""

from __future__ import annotations

import os
import signal
import sys
import time


def _install() -> None:
    from chromadb.api.models.Collection import Collection

    import vectorstore.store as store

    if os.environ.get("FAULT_BATCH"):
        batch = int(os.environ["FAULT_BATCH"])
        store._max_batch = lambda client: batch  # noqa: SLF001
    delay = float(os.environ.get("FAULT_ADD_DELAY", "0"))
    kill_op, _, kill_n = os.environ.get("FAULT_KILL_AT", "").partition(":")
    calls: dict[str, int] = {}

    def wrap(op: str):
        original = getattr(Collection, op)

        def call(self, *args, **kwargs):
            calls[op] = calls.get(op, 0) + 1
            if op == kill_op and calls[op] == int(kill_n):
                os.kill(os.getpid(), signal.SIGKILL)
            if op == "add":
                if delay:
                    time.sleep(delay)
                print("add", kwargs.get("ids", ["?"])[0], flush=True)
            return original(self, *args, **kwargs)

        setattr(Collection, op, call)

    for op in ("add", "delete", "modify"):
        wrap(op)


def main() -> int:
    _install()
    from ingest.__main__ import main as ingest_main

    return ingest_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
