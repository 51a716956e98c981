"""What the knowledge base covers, in words: '鹭洲市明湖区（2022年、2023年）；杭州市余杭区（2021年）'."""

from __future__ import annotations

from collections.abc import Iterable

from vectorstore.records import DocumentRecord


def covered(documents: Iterable[DocumentRecord]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for d in documents:
        years = out.setdefault(d.region or d.title or d.source, [])
        if d.year and d.year not in years:
            years.append(d.year)
    return {r: sorted(ys) for r, ys in out.items()}


def describe(documents: Iterable[DocumentRecord]) -> str:
    parts = []
    for region, years in covered(documents).items():
        ys = "、".join(f"{y}年" for y in years)
        parts.append(f"{region}（{ys}）" if ys else region)
    return "；".join(parts) if parts else "（知识库为空）"
