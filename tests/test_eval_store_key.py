"""The eval's cached store is keyed on everything a stored chunk depends on: a changed
tokenizer word list or unit vocabulary must not silently reuse stores built before it."""

from __future__ import annotations

from bot.evalsets import REPO_ROOT, ingest_files


def _names() -> set[str]:
    return {p.relative_to(REPO_ROOT).as_posix() for p in ingest_files()}


def test_key_covers_loaders_facts_and_what_they_import() -> None:
    names = _names()
    assert "ingest/pipeline.py" in names and "facts/sentence.py" in names
    # imported by ingest/ and facts/: the tokenizer and its user dictionary, the sentence splitter
    assert {"vectorstore/tokenizer.py", "vectorstore/userdict.txt", "zh/sentences.py", "zh/numerals.py"} <= names


def test_answering_code_is_not_part_of_the_key() -> None:
    # a change to how questions are answered reuses the stores (re-ingesting takes most of an eval)
    assert not any(n.startswith(("bot/", "app.py", "tests/")) for n in _names())
