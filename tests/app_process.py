"""Run `python app.py` as a subprocess on a free 127.0.0.1 port, with chosen FAZHI_* env,
until it serves its page (for the load test; the UI tests have their own tests/ui_server.py).

Also usable by hand, e.g. for the full load run:

    python -m tests.app_process --store /tmp/s --env FAZHI_EMBEDDING_MODEL=hash
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

from tests.ui_server import running_app


def app_process(store: Path, log: Path, env: dict[str, str] | None = None,
                port: int | None = None):  # noqa: ANN201 - a context manager of AppServer
    """The app with chosen FAZHI_* settings (see tests/ui_server.running_app)."""
    return running_app(store, log, env=env, port=port)


def main() -> int:
    p = argparse.ArgumentParser(description="Start app.py and wait until it serves.")
    p.add_argument("--store", type=Path, required=True)
    p.add_argument("--port", type=int)
    p.add_argument("--log", type=Path, default=Path("app.log"))
    p.add_argument("--env", action="append", default=[], help="NAME=VALUE (repeatable)")
    args = p.parse_args()
    env = dict(item.split("=", 1) for item in args.env)
    with app_process(args.store, args.log, env, args.port) as app:
        print(app.url, flush=True)
        signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop the app on TERM too
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
