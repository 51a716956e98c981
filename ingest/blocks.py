"""The unit every loader produces: one paragraph of text with where it came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """One paragraph of a source document.

    ``text`` is whitespace-normalised (no newlines inside, no leading/trailing space).
    ``page`` is the 1-based physical page for paginated formats (PDF), else None.
    ``heading_level`` is set when the *format* marks the paragraph as a heading
    (docx heading style, html <h1>-<h6>); None means "infer from the text".
    """

    text: str
    page: int | None = None
    heading_level: int | None = None
