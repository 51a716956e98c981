"""Run one benchmark step in a fresh process: ``python -m bench.worker MODULE:FUNC JSON_KWARGS``.

Each step (building a store, querying it, timing a cold start) gets its own interpreter so
its peak RSS and its imports are its own. The result is printed as the last line of stdout.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
_MARK = "BENCH-RESULT "
LOG_ENV = "FAZHI_BENCH_LOG"  # a file: workers log there, bench.* at INFO (progress)


def run(target: str, timeout: float = 3600, **kwargs) -> dict:  # noqa: ANN003
    """Call ``target`` ("bench.module:function") with kwargs in a child interpreter."""
    args = json.dumps(kwargs, ensure_ascii=False, default=str)
    log = os.environ.get(LOG_ENV)
    if log:  # a long run: the child's log (progress included) goes to that file as it runs
        with open(log, "a", encoding="utf-8") as err:
            err.write(f"--- {target} {args[:300]}\n")
            err.flush()
            proc = subprocess.run([sys.executable, "-m", "bench.worker", target, args],
                                  cwd=REPO, stdout=subprocess.PIPE, stderr=err, text=True,
                                  timeout=timeout)
        proc.stderr = Path(log).read_text(encoding="utf-8")[-3000:]
    else:
        proc = subprocess.run([sys.executable, "-m", "bench.worker", target, args], cwd=REPO,
                              capture_output=True, text=True, timeout=timeout)
    results = [line for line in proc.stdout.splitlines() if line.startswith(_MARK)]
    if proc.returncode or not results:
        raise RuntimeError(f"{target} failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    return json.loads(results[-1][len(_MARK):])


def main() -> None:
    logging.basicConfig(level=logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if os.environ.get(LOG_ENV):
        logging.getLogger("bench").setLevel(logging.INFO)
    module, func = sys.argv[1].split(":")
    kwargs = json.loads(sys.argv[2])
    result = getattr(importlib.import_module(module), func)(**kwargs)
    print(_MARK + json.dumps(result, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
