"""Facts of a chunk's text: every sentence and every rendered table row."""

from __future__ import annotations

from facts.model import Fact
from facts.sentence import sentence_facts
from facts.table import is_table_row, table_row_facts
from zh.sentences import split_sentences


def chunk_facts(text: str, heading: str = "") -> list[Fact]:
    """Facts of every line of ``text``: a rendered table row as a row, else sentence by
    sentence (sources are substrings of ``text``; spans are within each source)."""
    out: list[Fact] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if is_table_row(line):
            out.extend(table_row_facts(line))
            continue
        for sentence in split_sentences(line):
            if sentence.strip():
                out.extend(sentence_facts(sentence, heading))
    return out
