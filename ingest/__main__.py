"""python -m ingest PATH... [--store DIR] — ingest reports into the knowledge base;
python -m ingest list — the reports it holds; python -m ingest remove ID|PATH... — delete."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from ingest.pipeline import FileResult, Ingestor, Overrides, iter_files


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m ingest",
                                description="Ingest reports (.txt .md .html .docx .pdf .doc .wps "
                                            ".ofd .png .jpg) or folders of them into the "
                                            "knowledge base; prints what it detected per file.")
    p.add_argument("paths", nargs="+", type=Path, help="files or folders")
    p.add_argument("--store", type=Path, help="store directory (FAZHI_STORE_DIR)")
    p.add_argument("--title", help="override the title for these files")
    p.add_argument("--region", help="override the issuing region/body")
    p.add_argument("--year", type=int, help="override the report year")
    p.add_argument("--embedding-model", help="FAZHI_EMBEDDING_MODEL")
    p.add_argument("--chunk-size", type=int, help="target chunk length in characters")
    p.add_argument("--max-file-mb", type=float,
                   help="refuse larger files (FAZHI_MAX_UPLOAD_MB, default 50)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("list", "remove"):
        from ingest.manage import main as manage

        return manage(argv)
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    from settings import Settings
    from vectorstore.embeddings import build_embeddings
    from vectorstore.errors import StoreError
    from vectorstore.factory import open_store

    overrides = {k: v for k, v in (("store_dir", args.store),
                                    ("embedding_model", args.embedding_model),
                                    ("chunk_size", args.chunk_size)) if v is not None}
    settings = Settings(**overrides)
    missing = [p for p in args.paths if not p.exists()]
    for p in missing:
        print(f"error: {p}: no such file or folder", file=sys.stderr)
    files = list(iter_files(p for p in args.paths if p.exists()))
    try:
        store = open_store(settings, build_embeddings(settings, settings.ingest_threads))
        results, seconds = _run(args, settings, store, files)
    except StoreError as e:  # the store itself is unusable: no per-file result makes sense
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(summary(results, seconds))
    for r in results:
        line = describe(r)
        if line:
            print("  " + line)
    for r in results:
        if r.status == "failed":
            print(f"  未导入 {r.path}: {r.error}")
    return 1 if missing or any(r.status == "failed" for r in results) else 0


def _run(args: argparse.Namespace, settings, store, files: list[Path]
         ) -> tuple[list[FileResult], float]:
    from tqdm import tqdm

    ingestor = Ingestor(store, settings.chunk_size, settings.chunk_overlap_sentences,
                        max_file_mb=args.max_file_mb or settings.max_upload_mb)
    t0 = time.perf_counter()
    with tqdm(total=len(files), unit="file", disable=args.quiet, file=sys.stderr) as bar:
        def on_page(path: Path, done: int, total: int) -> None:
            bar.set_postfix_str(f"{path.name[:24]} 第{done}/{total}页")

        ingestor.on_page = on_page

        def on_file(r: FileResult) -> None:
            bar.update(1)
            bar.set_postfix_str(r.path.name[:30])
            if r.status == "failed":
                tqdm.write(f"failed: {r.error}", file=sys.stderr)
            elif r.error:  # a copy of a document already in the knowledge base
                tqdm.write(f"skipped {r.path.name}: {r.error}", file=sys.stderr)

        results = ingestor.ingest(files, Overrides(args.title, args.region, args.year), on_file)
    return results, time.perf_counter() - t0


def describe(r: FileResult) -> str:
    """One line per file: what was detected in it and how it was read."""
    if r.status == "failed" and r.info is None:
        return ""
    info = r.info
    parts = [f"{r.path.name} [{r.status}]"]
    if info is not None:
        parts.append(f"标题：{info.title or '—'}")
        parts.append(f"发布机关：{info.issuer or '—'}")
        parts.append(f"地区：{info.region or '—'}")
        parts.append(f"年度：{info.year or '—'}")
    if r.pages:
        parts.append(f"页数：{r.pages}")
    if r.ocr_pages:
        parts.append(f"OCR页：{_pages(r.ocr_pages)}")
    if r.unreadable_pages:
        parts.append(f"无法识别页：{_pages(r.unreadable_pages)}")
    if r.status in ("added", "updated"):
        parts.append(f"分块：{r.chunks}")
    return "  ".join(parts)


def _pages(pages: list[int]) -> str:
    """[1, 2, 3, 5] → '1-3, 5'."""
    spans: list[list[int]] = []
    for p in sorted(pages):
        if spans and p == spans[-1][1] + 1:
            spans[-1][1] = p
        else:
            spans.append([p, p])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def summary(results: list[FileResult], seconds: float) -> str:
    counts = {s: sum(r.status == s for r in results)
              for s in ("added", "updated", "unchanged", "duplicate", "failed")}
    chunks = sum(r.chunks for r in results if r.status in ("added", "updated"))
    parts = ", ".join(f"{n} {s}" for s, n in counts.items() if n)
    copies = sum(r.status == "unchanged" and r.error is not None for r in results)
    if copies:
        parts += f" ({copies} of them copies of other files)"
    return f"{len(results)} files: {parts or 'nothing to do'}; {chunks} chunks written in {seconds:.1f}s"


if __name__ == "__main__":
    sys.exit(main())
