"""Like / dislike on answers, appended as JSON lines to <store_dir>/feedback.jsonl.

The log is bounded: each client may vote ``per_minute`` times a minute, long fields are cut,
and once the file reaches ``max_bytes`` further votes are dropped (with a warning in the
server log) — an anonymous visitor cannot fill the disk through it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from pathlib import Path

from ui.guard import RateLimit

logger = logging.getLogger(__name__)

FEEDBACK_FILE = "feedback.jsonl"
MAX_BYTES = 5 * 1024 * 1024
PER_MINUTE = 20
MAX_FIELD_CHARS = 4000


def vote_name(liked: bool | str | None) -> str:
    """gradio's LikeData.liked → 'like' | 'dislike' | the custom option chosen | '' (un-vote)."""
    if liked is True:
        return "like"
    if liked is False:
        return "dislike"
    return str(liked or "").strip()


class FeedbackLog:
    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, per_minute: int = PER_MINUTE,
                 rate: RateLimit | None = None):
        self.path = path
        self.max_bytes = max_bytes
        self.rate = rate or RateLimit(per_minute, 60.0)
        self._lock = threading.Lock()

    def record(self, question: str, answer: str, citations: list[dict], vote: str,
               client: str = "unknown", reason: str = "") -> dict | None:
        """Append one vote; None when it is empty, over the rate, or the log is full."""
        if not vote:
            return None
        if not self.rate.allow(client):
            logger.warning("feedback from %s dropped: over %d a minute", client, self.rate.limit)
            return None
        row = {"time": dt.datetime.now().isoformat(timespec="seconds"),
               "question": question[:MAX_FIELD_CHARS], "answer": answer[:MAX_FIELD_CHARS],
               "citations": citations[:20], "vote": vote[:100]}
        if reason:
            row["reason"] = reason[:500]
        line = json.dumps(row, ensure_ascii=False) + "\n"
        with self._lock:
            size = self.path.stat().st_size if self.path.exists() else 0
            if size + len(line.encode("utf-8")) > self.max_bytes:
                logger.warning("feedback log %s is full (%d bytes): vote dropped", self.path, size)
                return None
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                f.write(line)
        logger.info("feedback %s on %r", vote, question)
        return row
