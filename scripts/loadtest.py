"""Load test: N concurrent chat sessions against running 法治问答 app(s), for T seconds.

    python scripts/loadtest.py http://127.0.0.1:7860/ [URL ...] \\
        [--sessions 20] [--seconds 60] [--questions scripts/loadtest_questions.jsonl] [--json]
        [--warmup 5] [--upload FILE [--upload-at 20] [--after 20] [--token PASSWORD]]

Each session is its own gradio_client.Client calling the app's `/ask` API
(question, history) and keeps its own multi-turn history. Sessions are spread round-robin
over the URLs given (e.g. two app processes sharing one Chroma server). The question file
holds one conversation per line:

    {"id": "复议", "turns": [{"q": "明湖区2022年受理了多少件行政复议申请？", "expect": ["受理204件"]},
                            {"q": "那2023年呢？", "expect": ["受理236件"]}]}

Every answer must contain all of its turn's ``expect`` strings. Follow-ups such as
"那2023年呢？" appear in several conversations with different answers, so a session that
received another session's history would answer wrongly; when a wrong answer contains
what another conversation expects for the same question, it is counted as a history
crossing. Prints throughput and latency percentiles; exit code 0 only when there were no
errors, no wrong answers and no crossings.

``--upload FILE`` uploads a report through the first app's HTTP API (``POST /api/documents``,
the admin password from ``--token`` or FAZHI_ADMIN_PASSWORD) ``--upload-at`` seconds after
the start, while the sessions go on. The sessions then run until the upload has finished
and ``--after`` seconds more (at least ``--seconds``), and latencies are reported separately
for answers that overlapped the upload ("during upload") and those that did not ("idle",
before and after it). A failed upload is an error. ``--warmup S``: answers to requests
started in the first S seconds (new connections, first query vectors) are checked but
not timed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_QUESTIONS = Path(__file__).with_name("loadtest_questions.jsonl")


@dataclass
class Turn:
    q: str
    expect: list[str]


@dataclass
class Conversation:
    id: str
    turns: list[Turn]


@dataclass
class Upload:
    """The upload made in the middle of a run: when it ran and how it ended."""

    path: Path
    at: float  # seconds after the start
    token: str | None = None
    after: float = 0.0  # seconds the sessions go on after the upload has finished
    started: float | None = None  # time.monotonic()
    ended: float | None = None
    status: int | None = None
    summary: str = ""
    done: threading.Event = field(default_factory=threading.Event)


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    spans: list[tuple[float, float]] = field(default_factory=list)  # (start, end) monotonic
    conversations: int = 0
    errors: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    crossed: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def load_conversations(path: Path) -> list[Conversation]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        raw = json.loads(line)
        turns = [Turn(t["q"], list(t["expect"])) for t in raw["turns"]]
        if not turns:
            raise ValueError(f"{path}:{n}: a conversation needs at least one turn")
        out.append(Conversation(str(raw.get("id", n)), turns))
    if not out:
        raise ValueError(f"{path}: no conversations")
    return out


def other_expectations(conversations: list[Conversation]) -> dict[tuple[str, int], list[str]]:
    """(conversation id, turn index) → what other conversations expect for the same
    question text: finding one of those in the answer means histories crossed."""
    by_question: dict[str, list[tuple[str, list[str]]]] = {}
    for c in conversations:
        for t in c.turns:
            by_question.setdefault(t.q, []).append((c.id, t.expect))
    out: dict[tuple[str, int], list[str]] = {}
    for c in conversations:
        for i, t in enumerate(c.turns):
            out[(c.id, i)] = [e for cid, exp in by_question[t.q] if cid != c.id for e in exp
                              if e not in t.expect]
    return out


def client_for(url: str):
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    from gradio_client import Client

    return Client(url, verbose=False, analytics_enabled=False, download_files=False,
                  httpx_kwargs={"timeout": 120, "trust_env": False})


def upload_file(url: str, upload: Upload, start: float, stats: Stats) -> None:
    """POST the file to the app's API at ``start + upload.at``; errors are counted."""
    import httpx

    time.sleep(max(0.0, start + upload.at - time.monotonic()))
    headers = {"Authorization": f"Bearer {upload.token}".encode()} if upload.token else {}
    upload.started = time.monotonic()
    try:
        with upload.path.open("rb") as f, httpx.Client(timeout=3600, trust_env=False) as http:
            r = http.post(url.rstrip("/") + "/api/documents", headers=headers,
                          files=[("files", (upload.path.name, f))])
        upload.status = r.status_code
        body = r.json() if r.headers.get("content-type", "").startswith("application/json") \
            else {}
        results = body.get("results") or []
        upload.summary = "; ".join(f"{x.get('file')}: {x.get('status')} {x.get('chunks', '')}"
                                   for x in results) or r.text[:200]
        ok = r.status_code == 200 and all(x.get("status") in ("added", "updated", "unchanged")
                                          for x in results)
        if not ok:
            with stats.lock:
                stats.errors.append(f"upload {upload.path.name}: HTTP {r.status_code} "
                                    f"{upload.summary or r.text[:200]}")
    except Exception as e:  # noqa: BLE001 - counted and reported
        with stats.lock:
            stats.errors.append(f"upload {upload.path.name}: {type(e).__name__}: {e}")
    finally:
        upload.ended = time.monotonic()
        upload.done.set()


def run_session(index: int, url: str, conversations: list[Conversation], deadline: float,
                crossings: dict[tuple[str, int], list[str]], stats: Stats,
                api_name: str, upload: Upload | None = None, warm: float = 0.0) -> None:
    """One session until ``deadline`` (and the upload's end plus ``upload.after``); answers
    to requests started before ``warm`` (monotonic) are checked but not timed."""
    try:
        client = client_for(url)
    except Exception as e:  # noqa: BLE001 - counted and reported
        with stats.lock:
            stats.errors.append(f"session {index}: cannot connect to {url}: {e}")
        return
    order = conversations[index % len(conversations):] + conversations[:index % len(conversations)]
    rng = random.Random(index)

    def going() -> bool:
        now = time.monotonic()
        if upload is None:
            return now < deadline
        if not upload.done.is_set():
            return True
        return now < deadline or now < (upload.ended or 0.0) + upload.after

    while going():
        for conv in order:
            if not going():
                return
            history: list[list[str]] = []
            for i, turn in enumerate(conv.turns):
                t0 = time.perf_counter()
                started = time.monotonic()
                try:
                    result = client.predict(turn.q, history, api_name=api_name)
                except Exception as e:  # noqa: BLE001 - counted and reported
                    with stats.lock:
                        stats.errors.append(f"session {index} {conv.id}#{i}: "
                                            f"{type(e).__name__}: {e}")
                    break
                elapsed = time.perf_counter() - t0
                answer = result.get("answer", "") if isinstance(result, dict) else str(result)
                with stats.lock:
                    if started >= warm:  # answers while the app warms up are only checked
                        stats.latencies.append(elapsed)
                        stats.spans.append((started, time.monotonic()))
                    if not all(e in answer for e in turn.expect):
                        what = (f"session {index} {conv.id}#{i} {turn.q!r}: expected "
                                f"{turn.expect}, got {answer[:120]!r}")
                        stats.wrong.append(what)
                        if any(e in answer for e in crossings[(conv.id, i)]):
                            stats.crossed.append(what)
                history.append([turn.q, answer])
            else:
                with stats.lock:
                    stats.conversations += 1
            time.sleep(rng.uniform(0, 0.05))  # sessions drift apart instead of marching


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def split_by_upload(stats: Stats, upload: Upload | None) -> tuple[list[float], list[float]]:
    """(idle latencies, latencies of answers whose request overlapped the upload)."""
    if upload is None or upload.started is None or upload.ended is None:
        return list(stats.latencies), []
    idle, during = [], []
    for lat, (s, e) in zip(stats.latencies, stats.spans, strict=True):
        (during if s < upload.ended and e > upload.started else idle).append(lat)
    return idle, during


def run(urls: list[str], conversations: list[Conversation], sessions: int, seconds: float,
        api_name: str = "/ask", upload: Upload | None = None, warmup: float = 0.0) -> dict:
    stats = Stats()
    crossings = other_expectations(conversations)
    start = time.monotonic()
    deadline = start + seconds
    threads = [threading.Thread(target=run_session, daemon=True,
                                args=(i, urls[i % len(urls)], conversations, deadline,
                                      crossings, stats, api_name, upload, start + warmup))
               for i in range(sessions)]
    if upload is not None:
        threads.append(threading.Thread(target=upload_file, daemon=True,
                                        args=(urls[0], upload, start, stats)))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - start
    lat = stats.latencies
    idle, during = split_by_upload(stats, upload)
    extra: dict = {}
    if upload is not None:
        extra = {"upload": {
            "file": upload.path.name, "bytes": upload.path.stat().st_size,
            "at_s": round(upload.started - start, 1) if upload.started else None,
            "seconds": round(upload.ended - upload.started, 1)
            if upload.started and upload.ended else None,
            "status": upload.status, "result": upload.summary},
            "idle_requests": len(idle), "idle_p95_s": round(percentile(idle, 95), 3),
            "during_upload_requests": len(during),
            "during_upload_p95_s": round(percentile(during, 95), 3),
            "during_upload_max_s": round(max(during), 3) if during else None}
    return {
        "urls": urls, "sessions": sessions, "seconds": round(wall, 1),
        "requests": len(lat), "conversations": stats.conversations,
        "throughput_rps": round(len(lat) / wall, 2) if wall else 0.0,
        "p50_s": round(percentile(lat, 50), 3), "p95_s": round(percentile(lat, 95), 3),
        "max_s": round(max(lat), 3) if lat else None,
        "mean_s": round(statistics.fmean(lat), 3) if lat else None,
        "errors": len(stats.errors), "wrong": len(stats.wrong), "crossed": len(stats.crossed),
        "error_examples": stats.errors[:5], "wrong_examples": stats.wrong[:5], **extra,
    }


def format_report(r: dict) -> str:
    lines = [
        f"{r['sessions']} sessions over {len(r['urls'])} app(s) for {r['seconds']} s: "
        f"{r['requests']} answers, {r['conversations']} whole conversations",
        f"throughput {r['throughput_rps']} answers/s; latency p50 {r['p50_s']} s, "
        f"p95 {r['p95_s']} s, max {r['max_s']} s",
        f"errors {r['errors']}, wrong answers {r['wrong']}, history crossings {r['crossed']}",
    ]
    if "upload" in r:
        u = r["upload"]
        lines += [
            f"upload {u['file']} ({u['bytes']} bytes) at {u['at_s']} s took {u['seconds']} s: "
            f"HTTP {u['status']} {u['result']}",
            f"idle: {r['idle_requests']} answers, p95 {r['idle_p95_s']} s; during the upload: "
            f"{r['during_upload_requests']} answers, p95 {r['during_upload_p95_s']} s, "
            f"max {r['during_upload_max_s']} s",
        ]
    lines += [f"  error: {e}" for e in r["error_examples"]]
    lines += [f"  wrong: {w}" for w in r["wrong_examples"]]
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python scripts/loadtest.py", description=__doc__.split(
        "\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("urls", nargs="+", help="app URL(s), e.g. http://127.0.0.1:7860/")
    p.add_argument("--sessions", type=int, default=20, help="concurrent chat sessions (20)")
    p.add_argument("--seconds", type=float, default=60, help="how long to run (60)")
    p.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS,
                   help="conversations, one JSON object a line (see the module docstring)")
    p.add_argument("--api-name", default="/ask", help="the app's API endpoint (/ask)")
    p.add_argument("--upload", type=Path, help="a report to upload through the first app's "
                   "API during the run (POST /api/documents)")
    p.add_argument("--upload-at", type=float, help="seconds after the start (default: a third "
                   "of --seconds)")
    p.add_argument("--after", type=float, help="with --upload: seconds the sessions go on "
                   "after the upload has finished, for idle figures on both sides (default: "
                   "--upload-at)")
    p.add_argument("--warmup", type=float, default=0.0, help="answers to requests started in "
                   "the first seconds are checked but not timed (0)")
    p.add_argument("--token", default=os.environ.get("FAZHI_ADMIN_PASSWORD"),
                   help="the admin password (or API key) for the upload "
                        "(default: FAZHI_ADMIN_PASSWORD)")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    conversations = load_conversations(args.questions)
    upload = None
    if args.upload is not None:
        at = args.upload_at if args.upload_at is not None else args.seconds / 3
        upload = Upload(args.upload, at, args.token, args.after if args.after is not None else at)
    result = run(args.urls, conversations, args.sessions, args.seconds, args.api_name, upload,
                 args.warmup)
    print(json.dumps(result, ensure_ascii=False) if args.json else format_report(result))
    ok = result["requests"] > 0 and not (result["errors"] or result["wrong"] or result["crossed"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
