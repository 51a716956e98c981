"""What the knowledge base covers, in words: '鹭洲市明湖区（2022年、2023年）；杭州市余杭区（2021年）'."""

from __future__ import annotations

from collections.abc import Iterable

from vectorstore.records import DocumentRecord


def covered(documents: Iterable[DocumentRecord]) -> dict[str, list[int]]:
    """{who: years}: a place (its government's reports), or a department of it named as such
    ("青岚市市场监督管理局") so that its reports are not taken for the city's."""
    out: dict[str, list[int]] = {}
    for d in documents:
        years = out.setdefault(_who(d), [])
        if d.year and d.year not in years:
            years.append(d.year)
    return {r: sorted(ys) for r, ys in out.items()}


def describe(documents: Iterable[DocumentRecord]) -> str:
    parts = []
    for region, years in covered(documents).items():
        ys = "、".join(f"{y}年" for y in years)
        parts.append(f"{region}（{ys}）" if ys else region)
    return "；".join(parts) if parts else "（知识库为空）"


def _who(d: DocumentRecord) -> str:
    place = d.region or d.title or d.source
    issuer = (d.issuer or "").strip()
    if not issuer or issuer.endswith("政府") or issuer == place:
        return place
    if d.region and not issuer.startswith(d.region[:2]):
        return d.region + issuer  # "司法局" of 鹤塘县 → 鹤塘县司法局
    return issuer
