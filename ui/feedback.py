"""Like / dislike on answers, appended as JSON lines to <store_dir>/feedback.jsonl."""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from pathlib import Path

logger = logging.getLogger(__name__)

FEEDBACK_FILE = "feedback.jsonl"


def vote_name(liked: bool | str) -> str:
    """gradio's LikeData.liked → 'like' | 'dislike' | the custom option chosen."""
    if liked is True:
        return "like"
    if liked is False:
        return "dislike"
    return str(liked)


class FeedbackLog:
    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()

    def record(self, question: str, answer: str, citations: list[dict], vote: str) -> dict:
        row = {"time": dt.datetime.now().isoformat(timespec="seconds"), "question": question,
               "answer": answer, "citations": citations, "vote": vote}
        line = json.dumps(row, ensure_ascii=False) + "\n"
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                f.write(line)
        logger.info("feedback %s on %r", vote, question)
        return row
