"""Errors the store raises; messages say what to do."""


class StoreError(Exception):
    """The knowledge base cannot be used as asked."""


class EmbedderMismatch(StoreError):
    """The store was built with another embedder."""


class StoreUnavailable(StoreError):
    """The Chroma server cannot be reached (stopped, restarting, network down); retry later."""
