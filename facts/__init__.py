"""Facts: every figure of a report bound to what it measures (see docs/FACTS.md).

Imports only :mod:`zh` and the standard library; ingest/ computes facts, vectorstore/ stores
them with the chunks, bot/ answers from them."""

from facts.chunk import chunk_facts
from facts.figures import Figure, find_figures, find_ordinals
from facts.model import Fact, facts_from_json, facts_to_json
from facts.sentence import sentence_facts
from facts.table import is_table_row, table_row_facts

__all__ = ["Fact", "Figure", "chunk_facts", "facts_from_json", "facts_to_json", "find_figures",
           "find_ordinals", "is_table_row", "sentence_facts", "table_row_facts"]
