"""python app.py [--host H] [--port N] [--store DIR] — the 法治问答 web UI and HTTP API.

Wiring only: settings → store and QA service → the API's FastAPI app (api/) with the
Blocks (ui/) mounted on it, served by uvicorn on one port. On an empty
knowledge base the bundled reports in data/ are ingested first, so a newcomer's first
question already works. Nothing is loaded at import time.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from settings import Settings

if TYPE_CHECKING:
    import gradio as gr
    from fastapi import FastAPI

    from bot.service import QAService
    from vectorstore.store import KnowledgeStore

logger = logging.getLogger("app")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python app.py", description="法治问答 web UI (Gradio).")
    p.add_argument("--host", help="address to listen on (FAZHI_HOST, default 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (FAZHI_PORT, default 7860)")
    p.add_argument("--store", type=Path, help="store directory (FAZHI_STORE_DIR)")
    p.add_argument("-v", "--verbose", action="store_true", help="log each question")
    return p


def settings_from(args: argparse.Namespace) -> Settings:
    """Settings from env / .env, with the command-line flags taking precedence."""
    overrides = {k: v for k, v in (("host", args.host), ("port", args.port),
                                    ("store_dir", args.store)) if v is not None}
    return Settings(**overrides)


def seed_if_empty(settings: Settings, store: KnowledgeStore) -> None:
    """Ingest settings.data_dir (the bundled report) into an empty store, with a progress bar."""
    if store.documents():
        return
    from tqdm import tqdm

    from ingest.pipeline import FileResult, Ingestor, iter_files

    files = list(iter_files([settings.data_dir])) if settings.data_dir.is_dir() else []
    if not files:
        logger.warning("The knowledge base is empty and %s has no reports to ingest.",
                       settings.data_dir)
        return
    print(f"知识库为空，正在导入 {settings.data_dir} 中的 {len(files)} 份报告（首次启动）…",
          file=sys.stderr)
    ingestor = Ingestor(store, settings.chunk_size, settings.chunk_overlap_sentences,
                        originals=settings.store_dir / "originals")
    with tqdm(total=len(files), unit="file", desc="导入报告", file=sys.stderr) as bar:
        def on_file(r: FileResult) -> None:
            bar.set_postfix_str(f"{r.path.name[:30]}: {r.status}", refresh=False)
            bar.update(1)
            if r.error:
                tqdm.write(f"{r.status}: {r.error}", file=sys.stderr)

        ingestor.ingest(files, on_file=on_file)


def create_app(settings: Settings, service: QAService | None = None) -> gr.Blocks:
    """The Blocks for these settings (the service is built from them unless given)."""
    from bot.service import build_service
    from ui.layout import build_blocks

    return build_blocks(settings, service or build_service(settings))


def launch_options(settings: Settings) -> dict:
    """How the Gradio UI is served: theme, CSS, upload limits and the guard on Gradio's own
    upload route (ui.layout.server_kwargs)."""
    from ui.layout import CSS, head_html, server_kwargs, theme

    return {"server_name": settings.host, "server_port": settings.port, "theme": theme(),
            "css": CSS, "head": head_html(), "max_file_size": f"{settings.max_upload_mb}mb",
            "app_kwargs": server_kwargs(settings),
            "footer_links": ["api"], "show_error": True}


def create_server(settings: Settings, service: QAService) -> FastAPI:
    """The HTTP API (/v1, /api, /docs) with the Gradio UI mounted at /."""
    import gradio as gr

    from api.server import create_api

    demo = create_app(settings, service).queue()
    return gr.mount_gradio_app(create_api(settings, service), demo, path="/",
                               **launch_options(settings))


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    settings = settings_from(args)
    from bot.service import build_service
    from vectorstore.errors import StoreError

    try:
        service = build_service(settings)
        seed_if_empty(settings, service.store)
    except StoreError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    import uvicorn

    server = create_server(settings, service)
    print(f"法治问答：http://{settings.host}:{settings.port}/ （接口文档：/docs）", file=sys.stderr)
    uvicorn.run(server, host=settings.host, port=settings.port,
                log_level="info" if args.verbose else "warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
