"""The answer the bot gives: text, whether the reports support it, and numbered citations."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from vectorstore.records import ChunkRecord


@dataclass(frozen=True)
class Citation:
    n: int
    source: str
    title: str
    region: str | None
    year: int | None
    section: str
    page: int | None
    text: str
    quote: str

    @classmethod
    def from_chunk(cls, n: int, chunk: ChunkRecord, quote: str) -> Citation:
        return cls(n=n, source=chunk.source, title=chunk.title, region=chunk.region,
                   year=chunk.year, section=chunk.section_path, page=chunk.page,
                   text=chunk.text, quote=quote)

    def label(self) -> str:
        """'杭州市余杭区2021年法治政府建设年度报告 · 一、… > （四）… · 第3页'"""
        parts = [self.title or self.source]
        if self.section:
            parts.append(self.section)
        if self.page:
            parts.append(f"第{self.page}页")
        return " · ".join(parts)


@dataclass
class Answer:
    text: str
    found: bool
    citations: list[Citation] = field(default_factory=list)
    # How the question was understood (the standalone form of a follow-up), for logs/UI.
    question: str = ""
    verified: bool = True  # an LLM answer that passed verification, or an extractive one
    # what the answer rests on (bot/gate.py's named signals), for the confidence gate and eval
    # details; not part of the JSON contract
    signals: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The JSON contract of `python -m bot ask --json`."""
        return {"answer": self.text, "found": self.found,
                "citations": [asdict(c) for c in self.citations]}
