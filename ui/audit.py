"""Append-only audit log of admin actions: <store_dir>/audit.jsonl, one JSON object a line
with time, client address, action (upload / delete / edit / password-failed / locked-out),
target and outcome."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import threading
from pathlib import Path

logger = logging.getLogger(__name__)

AUDIT_FILE = "audit.jsonl"


class AuditLog:
    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()

    def record(self, action: str, client: str, target: str = "", ok: bool = True,
               detail: str = "") -> dict:
        row = {"time": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
               "client": client, "action": action, "target": target[:300], "ok": ok}
        if detail:
            row["detail"] = detail[:500]
        line = json.dumps(row, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # O_APPEND: each line lands whole at the end, never over earlier lines
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, line.encode("utf-8"))
            finally:
                os.close(fd)
        logger.info("audit %s %s by %s (%s)", action, target, client, "ok" if ok else "refused")
        return row
