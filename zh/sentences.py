"""Chinese sentence splitting: at 。！？；(and ASCII !?;) keeping closing quotes/brackets."""

from __future__ import annotations

import re

_SENTENCE_RE = re.compile(r"[^。！？；!?;]*(?:[。！？；!?;]+[”’」』）)】]*|$)")


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences; concatenating them gives the paragraph back."""
    return [s for s in _SENTENCE_RE.findall(paragraph) if s]


def split_clauses(sentence: str) -> list[str]:
    """Split a sentence at ，and 、-free clause marks (，,：:) keeping the marks."""
    return [c for c in re.findall(r"[^，,：:]*(?:[，,：:]|$)", sentence) if c]
