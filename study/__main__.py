"""python -m study brief TOPIC … | python -m study quiz …"""

from __future__ import annotations

import argparse
import logging
import signal
import sys

from bot.__main__ import common_options, service_from, settings_from
from study.cli import add_commands, run
from vectorstore.errors import StoreError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m study",
                                     description="学习材料：专题学习资料与测验，附答案与出处。")
    add_commands(parser, parents=[common_options()])
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return run(args, service_from(settings_from(args)))
    except StoreError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
