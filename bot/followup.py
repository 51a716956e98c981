"""Follow-up questions → standalone questions (rule-based; an LLM rewrite may refine it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence


def rewrite(question: str, history: Sequence[Sequence[str]], today: dt.date | None = None) -> str:
    return question
