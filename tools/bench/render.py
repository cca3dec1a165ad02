"""Renders the benchmark results (results/*.json, written by bench.py) as Markdown tables in
results/summary.md, the tables BENCHMARKS.md quotes."""

from __future__ import annotations

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
TOOLS = ("kommunsk", "pdftotext", "mutool")
# Rows shown from each profile.
PROFILE_ROWS = 15


def _load(section: str) -> dict | None:
    path = RESULTS / f"{section}.json"
    return json.loads(path.read_text()) if path.exists() else None


def _mb(kb_or_bytes: float, unit: str = "kb") -> str:
    value = kb_or_bytes / 1024 if unit == "kb" else kb_or_bytes / 1024 / 1024
    return f"{value:.1f}" if unit == "bytes" else f"{value:.0f}"


def _table(header: list[str], rows: list[list]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines + [""]


def _machine(m: dict) -> list[str]:
    v = m["versions"]
    return [
        "## Machine", "",
        f"* CPU: {m['cpu']}, {m['cores']} cores; {m['memory_gib']} GiB RAM; Linux {m['kernel']}",
        f"* Load average when the run started: {', '.join(f'{x:.1f}' for x in m['load_average'])}; "
        f"CPU pressure (PSI some, avg60): {m.get('cpu_pressure_avg60')}% of the time a task waited for a core",
        f"* kommunsk {m['commit']} (binary sha256 {m['kommunsk_sha256']}…), {v['rustc']}",
        f"* {v['pdftotext']}; {v['mutool']}; {v['ripgrep']}; {v['qpdf']}", "",
    ]


def _extract(e: dict) -> list[str]:
    out = ["## A. Extraction (one process per file, single-threaded, medians)", ""]
    floor = e["rss_floor_kb"]
    out.append("Memory floor (peak RSS extracting a 1-page PDF): " +
               ", ".join(f"{t} {floor[t] / 1024:.1f} MB" for t in TOOLS) + ".")
    out.append("")
    for name, data in e["sets"].items():
        s = data["summary"]
        out.append(f"### {name}: {s['files']} files, {s['pages']} pages, {s['bytes'] / 1e6:.1f} MB, "
                   f"{data['runs']} runs each")
        out.append("")
        rows = []
        for t in TOOLS:
            x = s["tools"][t]
            rows.append([t, f"{x['pages_per_s_cpu']:.0f}", f"{x['pages_per_s_wall']:.0f}", f"{x['cpu']:.3f}",
                         f"{x['wall']:.3f}", _mb(x["max_rss_kb"]), x["failed_files"]])
        out += _table(["extractor", "pages/s (CPU)", "pages/s (wall)", "CPU s", "wall s", "max peak RSS MB",
                       "files failed"], rows)
        ratio = [f"kommunsk/{o}: CPU ×{s[f'kommunsk_over_{o}']['cpu']:.2f}, wall ×{s[f'kommunsk_over_{o}']['wall']:.2f}"
                 for o in ("pdftotext", "mutool")]
        out += ["Time ratios (below 1 = kommunsk faster): " + "; ".join(ratio) + ".", ""]
        if name != "fixtures":
            rows = []
            for f in data["files"]:
                k = f["tools"]["kommunsk"]["max_rss_kb"]
                excess = (k - floor["kommunsk"]) * 1024 / f["bytes"]
                rows.append([Path(f["file"]).name, f"{f['bytes'] / 1e6:.2f}", f["pages"],
                             *(f"{f['tools'][t]['cpu']:.3f}" for t in TOOLS),
                             _mb(k), f"{excess:.1f}", _mb(f["tools"]["pdftotext"]["max_rss_kb"]),
                             _mb(f["tools"]["mutool"]["max_rss_kb"])])
            out += _table(["file", "MB", "pages", "kommunsk CPU s", "pdftotext CPU s", "mutool CPU s",
                           "kommunsk RSS MB", "(RSS−floor)/size", "pdftotext RSS MB", "mutool RSS MB"], rows)
    return out


def _ingest(i: dict) -> list[str]:
    c = i["corpus"]
    out = [f"## B–D, G. Sample corpus: {c['files']} PDFs, {c['pages']} pages, {c['bytes'] / 1e6:.1f} MB", "",
           f"Load average before/after: {i['load_before'][0]:.1f} / {i['load_after'][0]:.1f}. "
           f"Index on disk: {i['index_bytes'] / 1e6:.1f} MB.", ""]
    labels = {
        "kommunsk_ingest": "kommunsk ingest, empty index (2 threads)",
        "kommunsk_ingest_1_thread": "kommunsk ingest, empty index, RAYON_NUM_THREADS=1",
        "pdftotext_parallel": "pdftotext, xargs -P 2 (extraction only)",
        "pdftotext_parallel_rg": "pdftotext, xargs -P 2, then rg -c per topic",
    }
    rows = []
    for key, label in labels.items():
        x = i["cold"][key]
        rows.append([label, f"{x['wall']:.2f}", f"{x['cpu']:.2f}", f"{x['cpu'] / x['wall']:.2f}",
                     _mb(x["max_rss_kb"]), x["runs"]])
    for key, label in (("no_change_reingest", "kommunsk ingest, nothing changed"),
                       ("report", "kommunsk report --format json --no-ingest")):
        x = i[key]
        rows.append([label, f"{x['wall']:.3f}", f"{x['cpu']:.3f}", f"{x['cpu'] / x['wall']:.2f}",
                     _mb(x["max_rss_kb"]), x["runs"]])
    return out + _table(["command", "wall s (median)", "CPU s (median)", "CPU/wall", "peak RSS MB", "runs"], rows)


def _search(s: dict) -> list[str]:
    p = s["per_process_ms"]
    out = [f"## E. Search latency: {s['queries']} queries × {s['passes']} passes (after a warm-up pass)", ""]
    rows = [["per process (`kommunsk search … --json`)", *(f"{p[k]:.1f}" for k in ("p50", "p90", "p99", "max"))]]
    if "in_process_ms" in s:
        q = s["in_process_ms"]
        rows.append(["in process (`kommunsk::search::search`)",
                     *(f"{q[k]:.2f}" for k in ("p50_ms", "p90_ms", "p99_ms", "max_ms"))])
    out += _table(["measured", "p50 ms", "p90 ms", "p99 ms", "max ms"], rows)
    out += [f"Process start alone (`kommunsk --version`): p50 {s['process_start_ms_p50']:.1f} ms. "
            f"Failed runs: {s['failed_runs']}.", "", "Slowest queries (median per-process ms):", ""]
    out += [f"* {ms:.1f} ms — `{q}`" for ms, q in s["slowest_queries_ms"]] + [""]
    return out


def _scale(sc: dict) -> list[str]:
    rows = []
    base = sc["rows"][0]
    base_cpu_per_page = base["cold"]["cpu"] / base["pages"]
    for r in sc["rows"]:
        cpu_per_page = r["cold"]["cpu"] / r["pages"]
        rows.append([f"{r['scale']}×", f"{r['files']} ({r['distinct_files']} distinct)", r["pages"],
                     f"{r['corpus_bytes'] / 1e6:.0f}", f"{r['cold']['wall']:.2f}", f"{r['cold']['cpu']:.2f}",
                     f"{cpu_per_page * 1000:.2f}", f"{cpu_per_page / base_cpu_per_page:.2f}",
                     _mb(r["cold"]["max_rss_kb"]), f"{r['index_bytes'] / 1e6:.0f}",
                     f"{r['no_change_reingest']['wall']:.3f}", f"{r['report']['wall']:.3f}",
                     f"{r['load'][0]:.1f}"])
    return ["## F. Scaling (copies re-saved by qpdf into year folders +10, +20, …)", ""] + _table(
        ["corpus", "PDFs", "pages", "MB", "ingest wall s", "ingest CPU s", "CPU ms/page", "vs 1×",
         "peak RSS MB", "index MB", "no-change re-ingest s", "report s", "load"], rows)


def _profile(p: dict) -> list[str]:
    out = ["## H. Profiles (perf record, self time)", ""]
    for name, prof in p.items():
        out += [f"### {name}", "", f"`{prof['command']}`", ""]
        out += _table(["crate / library", "% of samples"],
                      [[c["crate"], f"{c['percent']:.1f}"] for c in prof["by_crate"][:PROFILE_ROWS]])
        out += _table(["% self", "function"],
                      [[f"{s['percent']:.1f}", f"`{s['symbol'][:110]}`"] for s in prof["top_symbols"][:PROFILE_ROWS]])
        if len(prof["by_thread"]) > 1:
            out += _table(["thread", "% of samples"], [[t["thread"], f"{t['percent']:.1f}"] for t in prof["by_thread"]])
    return out


def section_render() -> None:
    parts: list[str] = ["# kommunsk benchmark results (generated by tools/bench/bench.py render)", ""]
    for section, render in (("machine", _machine), ("extract", _extract), ("ingest", _ingest),
                            ("search", _search), ("scale", _scale), ("profile", _profile)):
        data = _load(section)
        if data is not None:
            parts += render(data)
    for name in ("geotopo", "ingest"):
        table = RESULTS / f"hyperfine-{name}.md"
        if table.exists():
            parts += [f"## hyperfine cross-check: {name}", "", table.read_text(), ""]
    (RESULTS / "summary.md").write_text("\n".join(parts))
