"""A long but realistic Chinese report built from the fixture reports' sentences, for load
tests that need a big upload (e.g. ~1 MB). Deterministic: the same size gives the same text.

Sentences are re-used with their figures changed and the district renamed (云溪区), so every
chunk is a different text (identical chunks would be embedded only once) and no answer about
明湖区 or 余杭 changes.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from tests.conftest import SAMPLES

REGION = "云溪区"
TITLE = f"鹭洲市{REGION}2024年法治政府建设年度报告"
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?(%?)")
_NUMBERED = re.compile(r"^\s*(?:\d+[.、．]|（[一二三四五六七八九十]+）)")
_SECTIONS = "一二三四五六七八九十"
_SUBSECTIONS = ["坚持依法科学民主决策", "深化行政执法体制改革", "加强行政复议和应诉工作",
                "推进政务公开", "强化法治宣传教育", "健全矛盾纠纷化解机制", "规范公正文明执法",
                "加强行政权力制约监督"]


def fixture_sentences() -> list[str]:
    """The body sentences of the fixture reports (headings and short lines left out)."""
    out: list[str] = []
    for f in sorted(SAMPLES.glob("*.txt")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if len(line) < 30:
                continue
            out += [s.replace("明湖区", REGION).replace("明湖", "云溪")
                    for s in _SENTENCE.findall(line) if len(s) >= 12 and not _NUMBERED.match(s)]
    return out


def build_report(target_bytes: int = 1_000_000, seed: int = 15) -> str:
    """A report of about ``target_bytes`` of UTF-8: numbered sections and subsections of
    paragraphs, each of 3–6 fixture sentences with new figures."""
    rng = random.Random(seed)
    sentences = fixture_sentences()
    parts = [TITLE, "", f"2024年，{REGION}深入学习贯彻习近平法治思想，扎实推进法治政府建设。"
             "现将有关情况报告如下。", ""]
    size = sum(len(p.encode()) + 1 for p in parts)
    section = 0
    while size < target_bytes:
        heading = f"{_SECTIONS[section % 10]}、第{section + 1}部分工作情况"
        parts += [heading, ""]
        for sub, name in enumerate(_SUBSECTIONS, 1):
            parts += [f"（{_SECTIONS[sub - 1]}）{name}", ""]
            for _ in range(4):
                chosen = rng.sample(sentences, rng.randint(3, 6))
                text = "".join(_NUMBER.sub(lambda m: _figure(rng, m.group(1)), s) for s in chosen)
                parts += [text, ""]
        section += 1
        size = sum(len(p.encode()) + 1 for p in parts)
    return "\n".join(parts) + "\n"


def _figure(rng: random.Random, percent: str) -> str:
    return f"{rng.randint(60, 99)}.{rng.randint(0, 9)}%" if percent else str(rng.randint(2, 9999))


def write_report(path: Path, target_bytes: int = 1_000_000) -> Path:
    path.write_text(build_report(target_bytes), encoding="utf-8")
    return path
