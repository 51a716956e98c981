"""Build the store a Settings object describes."""

from __future__ import annotations

from settings import Settings
from vectorstore.embeddings import build_embeddings
from vectorstore.store import KnowledgeStore, chroma_client
from vectorstore.tokenizer import shared_tokenizer


def open_store(settings: Settings, embeddings=None, tokenize=None) -> KnowledgeStore:
    """The store; its snapshot is saved under ``<store dir>/snapshot/<collection id>/``,
    with a Chroma server too (each process keeps its own copy in its own store directory)."""
    client = chroma_client(settings.store_dir, settings.chroma_host, settings.chroma_port)
    return KnowledgeStore(client, embeddings or build_embeddings(settings),
                          tokenize or shared_tokenizer(),
                          cache_dir=settings.store_dir / "snapshot")
