#!/usr/bin/env python3
"""kommunsk benchmarks: extraction, ingest, re-ingest, report, search latency, scaling, profile.

Usage: bench.py SECTION...   (sections: machine extract ingest search scale profile hyperfine render,
       or all)

Every section writes results/<section>.json next to this script; `render` turns them into the
Markdown tables of results/summary.md (copied into BENCHMARKS.md). `tools/bench/run` builds the
binaries and runs everything. Scratch files (indexes, extracted text, scaled corpora) go to
$KOMMUNSK_BENCH_WORK (default /tmp/kommunsk-bench).

The machine is small (2 cores) and often shared, so every timing records CPU time (user+sys)
next to wall time: CPU time is what a quiet machine's wall time would approach for
single-threaded work, and it is far less disturbed by other processes.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tomllib
from pathlib import Path

import measure

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RESULTS = HERE / "results"
WORK = Path(os.environ.get("KOMMUNSK_BENCH_WORK", "/tmp/kommunsk-bench"))
BIN = WORK / "bin" / "kommunsk"
LATENCY_BIN = WORK / "bin" / "search_latency"
CORPUS = ROOT / "corpus"
QUERIES = HERE / "queries.txt"
TOPICS = ROOT / "queries" / "topics.toml"

# ../shared beside the repository, as in CI.
SHARED = ROOT.parent / "shared"
FIXTURES = SHARED / ("fixtures/pdf")
PDFJS = SHARED / ("corpora/pdfjs")
GEOTOPO = SHARED / ("corpora/pypdf-samples/009-pdflatex-geotopo/GeoTopo-komprimiert.pdf")
# A one-page PDF: each extractor's memory floor (binary, libraries, allocator) without content.
TRIVIAL_PDF = SHARED / ("corpora/pypdf-samples/001-trivial/minimal-document.pdf")

# How many of the largest pdf.js PDFs with a text layer to extract.
PDFJS_LARGEST = 20
# "Yields text": at least this many non-space characters per page from pdftotext, so scans
# and vector drawings without a text layer are left out.
MIN_TEXT_CHARS_PER_PAGE = 100
# Repetitions per file and extractor; medians are reported. More runs for the small fixtures
# (a few ms each, so noisier) and for the one book the issue quotes figures for.
RUNS_FIXTURES = 5
RUNS_PDFJS = 3
RUNS_GEOTOPO = 10
# Repetitions of whole-corpus commands (each cold ingest starts from an empty index).
RUNS_INGEST = 3
RUNS_FAST = 10  # re-ingest and report: sub-second commands
# Timed passes over the 100 search queries (after one warm-up pass).
SEARCH_PASSES = 5
# Runs of `kommunsk --version`: what process start alone costs.
STARTUP_RUNS = 50
# Corpus multiples for the scaling runs, and the runs per multiple.
SCALES = (1, 2, 4, 8)
RUNS_SCALE = 2
# Copy k of the corpus goes to year folders shifted by k * YEAR_SHIFT (2022 -> 2032, ...),
# so every copy is a distinct (municipality, year) and stays within the accepted years.
YEAR_SHIFT = 10
# perf sampling frequency (Hz) and how many top symbols to keep.
PERF_FREQUENCY = 4999
PERF_TOP = 25


def extractors(pdf: Path) -> dict[str, list[str]]:
    """The three single-threaded extractors, each writing plain text to stdout."""
    return {
        "kommunsk": [str(BIN), "extract", str(pdf)],
        "pdftotext": ["pdftotext", "-q", str(pdf), "-"],
        "mutool": ["mutool", "draw", "-q", "-F", "txt", "-o", "-", str(pdf)],
    }


def save(section: str, data: dict) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{section}.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def load(section: str) -> dict | None:
    path = RESULTS / f"{section}.json"
    return json.loads(path.read_text()) if path.exists() else None


def tool_version(cmd: list[str]) -> str:
    out = subprocess.run(cmd, capture_output=True, text=True)
    text = (out.stdout + out.stderr).strip().splitlines()
    return text[0] if text else "?"


def pdf_pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True)
    match = re.search(r"^Pages:\s+(\d+)", out.stdout, re.M)
    return int(match.group(1)) if match else 0


# ---------------------------------------------------------------- machine


def section_machine() -> None:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    meminfo = Path("/proc/meminfo").read_text()
    mem_kb = re.search(r"^MemTotal:\s+(\d+)", meminfo, re.M)
    git = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "src"], capture_output=True, text=True)
    save("machine", {
        "cpu": model.group(1).strip() if model else "?",
        "cores": os.cpu_count(),
        "memory_gib": round(int(mem_kb.group(1)) / 1024 / 1024, 1) if mem_kb else None,
        "kernel": platform.release(),
        "load_average": measure.load_average(),
        "cpu_pressure_avg60": measure.cpu_pressure(),
        "commit": git.stdout.strip() + (" + uncommitted src/ changes" if dirty.stdout.strip() else ""),
        "kommunsk_sha256": hashlib.sha256(BIN.read_bytes()).hexdigest()[:16],
        "versions": {
            "kommunsk": tool_version([str(BIN), "--version"]),
            "pdftotext": tool_version(["pdftotext", "-v"]),
            "mutool": tool_version(["mutool", "-v"]),
            "ripgrep": tool_version(["rg", "--version"]),
            "qpdf": tool_version(["qpdf", "--version"]),
            "rustc": tool_version(["rustc", "--version"]),
        },
    })


# ---------------------------------------------------------------- A. extraction


def pdfjs_text_pdfs() -> list[Path]:
    """The PDFJS_LARGEST largest pdf.js test files from which pdftotext gets real text."""
    chosen = []
    for pdf in sorted(PDFJS.glob("*.pdf"), key=lambda p: (-p.stat().st_size, p.name)):
        pages = pdf_pages(pdf)
        if pages == 0:
            continue
        try:
            out = subprocess.run(["pdftotext", "-q", str(pdf), "-"], capture_output=True, timeout=120)
        except subprocess.TimeoutExpired:
            continue
        chars = len(re.sub(rb"\s", b"", out.stdout))
        if out.returncode == 0 and chars >= MIN_TEXT_CHARS_PER_PAGE * pages:
            chosen.append(pdf)
        if len(chosen) == PDFJS_LARGEST:
            break
    return chosen


def measure_file(pdf: Path, runs: int) -> dict:
    """Runs the three extractors on one file, interleaved so load changes hit all alike."""
    samples: dict[str, list[measure.Sample]] = {name: [] for name in extractors(pdf)}
    for _ in range(runs):
        for name, cmd in extractors(pdf).items():
            samples[name].append(measure.run(cmd))
    return {
        "file": str(pdf),
        "bytes": pdf.stat().st_size,
        "pages": pdf_pages(pdf),
        "tools": {name: measure.median_sample(s) for name, s in samples.items()},
    }


def summarise_set(files: list[dict]) -> dict:
    """Pages per second and time ratios over a set, from each file's median."""
    pages = sum(f["pages"] for f in files)
    out: dict = {"files": len(files), "pages": pages, "bytes": sum(f["bytes"] for f in files), "tools": {}}
    for name in ("kommunsk", "pdftotext", "mutool"):
        wall = sum(f["tools"][name]["wall"] for f in files)
        cpu = sum(f["tools"][name]["cpu"] for f in files)
        out["tools"][name] = {
            "wall": wall,
            "cpu": cpu,
            "pages_per_s_wall": pages / wall if wall else None,
            "pages_per_s_cpu": pages / cpu if cpu else None,
            "failed_files": sum(1 for f in files if f["tools"][name]["failed"]),
            "max_rss_kb": max(f["tools"][name]["max_rss_kb"] for f in files),
        }
    k = out["tools"]["kommunsk"]
    for other in ("pdftotext", "mutool"):
        o = out["tools"][other]
        out[f"kommunsk_over_{other}"] = {"wall": k["wall"] / o["wall"], "cpu": k["cpu"] / o["cpu"]}
    return out


def section_extract() -> None:
    baseline = {name: measure.run(cmd).max_rss_kb for name, cmd in extractors(TRIVIAL_PDF).items()}
    sets = {
        "fixtures": (sorted(FIXTURES.glob("*.pdf")), RUNS_FIXTURES),
        "pdfjs_largest_text": (pdfjs_text_pdfs(), RUNS_PDFJS),
        "geotopo": ([GEOTOPO], RUNS_GEOTOPO),
    }
    result: dict = {"rss_floor_kb": baseline, "load_before": measure.load_average(), "sets": {}}
    for name, (pdfs, runs) in sets.items():
        files = [measure_file(pdf, runs) for pdf in pdfs]
        result["sets"][name] = {"runs": runs, "summary": summarise_set(files), "files": files}
    result["load_after"] = measure.load_average()
    save("extract", result)


# ---------------------------------------------------------------- B, C, D, G. ingest


def topic_pattern_dir() -> Path:
    """One file per topic with its regexes, one a line, for `rg -f` (same regex dialect)."""
    folder = WORK / "rg-patterns"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    topics = tomllib.loads(TOPICS.read_text())["topic"]
    for topic in topics:
        (folder / f"{topic['id']}.txt").write_text("\n".join(topic["patterns"]) + "\n")
    return folder


def ingest(corpus: Path, index: Path, env: dict | None = None) -> tuple[measure.Sample, dict]:
    """One measured `kommunsk ingest --json` and the summary it printed."""
    summary_file = WORK / "last-ingest.json"
    with summary_file.open("wb") as out:
        sample = measure.run([str(BIN), "ingest", str(corpus), "--index", str(index), "--json"],
                             cwd=str(ROOT), stdout=out, env=env)
    if sample.returncode != 0:
        raise RuntimeError(f"ingest of {corpus} failed with exit code {sample.returncode}")
    return sample, json.loads(summary_file.read_text())


def cold_ingest(corpus: Path, index: Path, env: dict | None = None) -> tuple[measure.Sample, dict]:
    """An ingest into an empty index: every file extracted, identified and indexed."""
    shutil.rmtree(index, ignore_errors=True)
    return ingest(corpus, index, env)


def report(index: Path) -> measure.Sample:
    return measure.run([str(BIN), "report", "--index", str(index), "--format", "json", "--no-ingest"], cwd=str(ROOT))


def dir_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def section_ingest() -> None:
    index = WORK / "index"
    text_dir = WORK / "pdftotext-out"
    patterns = topic_pattern_dir()
    alt = str(HERE / "alt_pipeline.sh")
    single = dict(os.environ, RAYON_NUM_THREADS="1")
    runs: dict[str, list[measure.Sample]] = {
        "kommunsk_ingest": [], "kommunsk_ingest_1_thread": [], "pdftotext_parallel": [], "pdftotext_parallel_rg": []}
    load_before = measure.load_average()
    for _ in range(RUNS_INGEST):
        runs["kommunsk_ingest_1_thread"].append(cold_ingest(CORPUS, index, single)[0])
        runs["pdftotext_parallel"].append(measure.run(["sh", alt, str(CORPUS), str(text_dir)]))
        runs["pdftotext_parallel_rg"].append(measure.run(["sh", alt, str(CORPUS), str(text_dir), str(patterns)]))
        sample, first = cold_ingest(CORPUS, index)
        runs["kommunsk_ingest"].append(sample)
    pdfs = list(CORPUS.rglob("*.pdf"))
    reingest = [ingest(CORPUS, index) for _ in range(RUNS_FAST)]
    reports = [report(index) for _ in range(RUNS_FAST)]
    cold = runs["kommunsk_ingest"]
    save("ingest", {
        "corpus": {"files": len(pdfs), "bytes": sum(p.stat().st_size for p in pdfs),
                   "pages": first["pages"], "indexed": first["indexed"]},
        "index_bytes": dir_bytes(index),
        "load_before": load_before,
        "load_after": measure.load_average(),
        "cold": {name: measure.median_sample(s) for name, s in runs.items()},
        "cold_samples": {name: [x.to_json() for x in s] for name, s in runs.items()},
        "no_change_reingest": measure.median_sample([r[0] for r in reingest]),
        "no_change_summary": {k: reingest[-1][1][k] for k in ("indexed", "unchanged", "seconds")},
        "report": measure.median_sample(reports),
        "cpu_over_wall": [s.cpu / s.wall for s in cold],
    })


# ---------------------------------------------------------------- E. search


def read_queries() -> list[list[str]]:
    """Each query as `kommunsk search` arguments (query, then --key value per filter)."""
    requests = []
    for line in QUERIES.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        query, *filters = line.split("\t")
        args = [query]
        for f in filters:
            key, value = f.split("=", 1)
            args += [f"--{key}", value]
        requests.append(args)
    return requests


def section_search() -> None:
    index = WORK / "index"
    if not (index / "meta.json").exists():
        cold_ingest(CORPUS, index)
    else:
        ingest(CORPUS, index)  # bring the index up to date with the corpus
    requests = read_queries()
    per_query: list[list[float]] = [[] for _ in requests]
    failures = 0
    for pass_number in range(SEARCH_PASSES + 1):
        for i, args in enumerate(requests):
            s = measure.run([str(BIN), "search", *args, "--index", str(index), "--json"], rss=False)
            failures += s.returncode != 0
            if pass_number:  # the first pass only warms the page cache
                per_query[i].append(s.wall * 1000)
    millis = [m for q in per_query for m in q]
    startup = [measure.run([str(BIN), "--version"], rss=False).wall * 1000 for _ in range(STARTUP_RUNS)]
    result = {
        "queries": len(requests),
        "passes": SEARCH_PASSES,
        "failed_runs": failures,
        "per_process_ms": {p: measure.percentile(millis, q) for p, q in
                           (("p50", 50), ("p90", 90), ("p99", 99), ("max", 100))},
        "process_start_ms_p50": statistics.median(startup),
        "slowest_queries_ms": sorted(
            ((statistics.median(q), " ".join(a)) for q, a in zip(per_query, requests)), reverse=True)[:5],
    }
    if LATENCY_BIN.exists():
        out = subprocess.run([str(LATENCY_BIN), str(index), str(QUERIES), str(SEARCH_PASSES)],
                             capture_output=True, text=True, check=True)
        result["in_process_ms"] = json.loads(out.stdout)
    save("search", result)


# ---------------------------------------------------------------- F. scaling


def corpus_copy(copy: int) -> Path:
    """Copy `copy` of the corpus in year folders shifted by copy * YEAR_SHIFT; copy 0 is the
    corpus itself, later copies are re-saved by qpdf (new /ID, so every file's bytes differ)."""
    if copy == 0:
        return CORPUS
    target = WORK / "copies" / str(copy)
    stamp = target / ".complete"
    if stamp.exists():
        return target
    shutil.rmtree(target, ignore_errors=True)
    for year in sorted(p for p in CORPUS.iterdir() if p.is_dir() and p.name.isdigit()):
        dest = target / str(int(year.name) + copy * YEAR_SHIFT)
        dest.mkdir(parents=True)
        for item in year.iterdir():
            if item.suffix != ".pdf":
                shutil.copy2(item, dest / item.name)
                continue
            # qpdf exit 3 = written with warnings: still a valid, distinct copy.
            done = subprocess.run(["qpdf", str(item), str(dest / item.name)], capture_output=True)
            if done.returncode not in (0, 3):
                raise RuntimeError(f"qpdf failed on {item}: {done.stderr.decode(errors='replace')}")
    stamp.touch()
    return target


def build_scaled_corpus(scale: int) -> Path:
    """The corpus plus scale-1 qpdf copies, hard-linked together into one corpus folder."""
    target = WORK / "scale" / f"{scale}x"
    shutil.rmtree(target, ignore_errors=True)
    for copy in range(scale):
        source = corpus_copy(copy)
        for year in (p for p in source.iterdir() if p.is_dir()):
            shutil.copytree(year, target / year.name, copy_function=link_or_copy)
    return target


def link_or_copy(source: str, dest: str) -> None:
    """Hard link (no extra disk for 8 copies), or copy where the work folder is another disk."""
    try:
        os.link(source, dest)
    except OSError:
        shutil.copy2(source, dest)


def distinct_hashes(corpus: Path) -> tuple[int, int]:
    pdfs = list(corpus.rglob("*.pdf"))
    return len(pdfs), len({hashlib.blake2b(p.read_bytes(), digest_size=16).digest() for p in pdfs})


def section_scale() -> None:
    rows = []
    for scale in SCALES:
        corpus = build_scaled_corpus(scale)
        files, distinct = distinct_hashes(corpus)
        index = WORK / "scale-index"
        cold = [cold_ingest(corpus, index) for _ in range(RUNS_SCALE)]
        reingest = [ingest(corpus, index)[0] for _ in range(RUNS_SCALE + 1)]
        reports = [report(index) for _ in range(RUNS_SCALE + 1)]
        rows.append({
            "scale": scale,
            "files": files,
            "distinct_files": distinct,
            "corpus_bytes": dir_bytes(corpus),
            "indexed": cold[-1][1]["indexed"],
            "pages": cold[-1][1]["pages"],
            "index_bytes": dir_bytes(index),
            "load": measure.load_average(),
            "cold": measure.median_sample([c[0] for c in cold]),
            "no_change_reingest": measure.median_sample(reingest),
            "report": measure.median_sample(reports),
        })
    save("scale", {"rows": rows})


# ---------------------------------------------------------------- H. profile


# Crates whose code is Rust's standard library, whatever type it is instantiated for.
STD_CRATES = {"core", "alloc", "std", "_"}


def crate_of(dso: str, symbol: str) -> str:
    """The library a sampled function belongs to, from its demangled Rust path or its DSO."""
    if symbol.startswith("[k]") or dso.startswith("[kernel"):
        return "kernel"
    if "libc.so" in dso or "ld-linux" in dso:
        return "libc (malloc/free/memcpy)"
    if dso != "kommunsk":
        return dso
    # The first crate that is not std heading a path in the symbol: `<F as nom::Parser>::process`
    # is nom's code, `core::ptr::drop_in_place<lopdf::Object>` is lopdf's.
    heads = re.findall(r"(?<![\w:])([A-Za-z_][A-Za-z0-9_]*)::", symbol)
    for name in heads:
        if name not in STD_CRATES:
            return name
    return "Rust std (core/alloc)" if heads else "?"


def perf_profile(name: str, cmd: list[str]) -> dict:
    data = WORK / f"perf-{name}.data"
    measure.run(["perf", "record", "-F", str(PERF_FREQUENCY), "-o", str(data), "--", *cmd], cwd=str(ROOT))
    report = subprocess.run(
        ["perf", "report", "-i", str(data), "--no-children", "--sort", "dso,sym", "--stdio", "-g", "none",
         "--percent-limit", "0.01"], capture_output=True, text=True)
    symbols = []
    for line in report.stdout.splitlines():
        match = re.match(r"\s*([\d.]+)%\s+(\S+)\s+(\[[.k]\])\s+(.+)$", line)
        if match:
            pct, dso, kind, symbol = match.groups()
            symbols.append({"percent": float(pct), "dso": dso,
                            "symbol": ("[k] " if kind == "[k]" else "") + symbol.strip()})
    crates: dict[str, float] = {}
    for s in symbols:
        key = crate_of(s["dso"], s["symbol"])
        crates[key] = crates.get(key, 0.0) + s["percent"]
    threads = subprocess.run(["perf", "report", "-i", str(data), "--no-children", "--sort", "comm", "--stdio",
                              "-g", "none"], capture_output=True, text=True)
    comms = [{"percent": float(m.group(1)), "thread": m.group(2).strip()}
             for m in re.finditer(r"^\s*([\d.]+)%\s+(.+)$", threads.stdout, re.M)]
    return {
        "command": " ".join(cmd),
        "top_symbols": symbols[:PERF_TOP],
        "by_crate": sorted(({"crate": k, "percent": v} for k, v in crates.items()), key=lambda x: -x["percent"]),
        "by_thread": comms,
    }


def section_profile() -> None:
    index = WORK / "profile-index"
    shutil.rmtree(index, ignore_errors=True)
    loop = f"for i in 1 2 3 4 5 6 7 8 9 10; do {BIN} extract {GEOTOPO} >/dev/null 2>&1; done"
    save("profile", {
        "extract_geotopo_x10": perf_profile("extract", ["sh", "-c", loop]),
        "ingest_corpus_cold": perf_profile("ingest", [str(BIN), "ingest", str(CORPUS), "--index", str(index), "--json"]),
        "report_corpus": perf_profile("report", [str(BIN), "report", "--index", str(index), "--format", "json",
                                                 "--no-ingest"]),
    })


# ---------------------------------------------------------------- hyperfine cross-check


def section_hyperfine() -> None:
    """The headline comparisons once more with hyperfine (mean ± σ, user and system time)."""
    RESULTS.mkdir(exist_ok=True)
    index = WORK / "hyperfine-index"
    text_dir = WORK / "hyperfine-text"
    comparisons = {
        "geotopo": ["--runs", str(RUNS_GEOTOPO), "--warmup", "2", "-N",
                    f"{BIN} extract {GEOTOPO}", f"pdftotext -q {GEOTOPO} -", f"mutool draw -q -F txt -o - {GEOTOPO}"],
        "ingest": ["--runs", str(RUNS_INGEST), "--prepare", f"rm -rf {index} {text_dir}",
                   f"{BIN} ingest {CORPUS} --index {index} --json",
                   f"sh {HERE / 'alt_pipeline.sh'} {CORPUS} {text_dir}"],
    }
    for name, args in comparisons.items():
        subprocess.run(["hyperfine", "--style", "basic", "--export-markdown", str(RESULTS / f"hyperfine-{name}.md"),
                        "--export-json", str(RESULTS / f"hyperfine-{name}.json"), *args],
                       cwd=str(ROOT), check=True, stdout=subprocess.DEVNULL)


# ---------------------------------------------------------------- render

from render import section_render  # noqa: E402  (render.py reads the JSON this file writes)

SECTIONS = {
    "machine": section_machine,
    "extract": section_extract,
    "ingest": section_ingest,
    "search": section_search,
    "scale": section_scale,
    "profile": section_profile,
    "hyperfine": section_hyperfine,
    "render": section_render,
}


def main(argv: list[str]) -> int:
    names: list[str] = []
    for arg in argv:  # "all" expands in place; a section named twice runs once
        for name in (SECTIONS if arg == "all" else [arg]):
            if name not in names:
                names.append(name)
    unknown = [n for n in names if n not in SECTIONS]
    if not names or unknown:
        print(f"usage: bench.py all | {' '.join(SECTIONS)}", file=sys.stderr)
        return 2
    for name in names:
        print(f"[bench] {name} (load {measure.load_average()[0]:.1f})", file=sys.stderr, flush=True)
        SECTIONS[name]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
