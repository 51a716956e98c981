"""``HybridSearch`` as a LangChain ``BaseRetriever``: Documents with citation metadata."""

from __future__ import annotations

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from bot.retriever import Hit, HybridSearch


def hit_to_document(hit: Hit) -> Document:
    c = hit.chunk
    return Document(page_content=c.text, id=c.id, metadata={
        "source": c.source, "title": c.title, "region": c.region, "year": c.year,
        "section": c.section_path, "page": c.page, "doc_id": c.doc_id,
        "score": hit.score, "bm25": hit.bm25, "similarity": hit.similarity})


class HybridRetriever(BaseRetriever):
    """LangChain retriever over :class:`HybridSearch`, with optional document filters."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    search: HybridSearch
    k: int = 5
    doc_ids: frozenset[str] | None = None

    def _get_relevant_documents(self, query: str, *,
                                run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [hit_to_document(h) for h in self.search.search(query, self.k, self.doc_ids)]
