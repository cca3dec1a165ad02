#!/usr/bin/env python3
"""Issue 15's scale benchmark: the sample corpus at N× (distinct page texts, see
scale_corpus.py): cold ingest time and peak RSS, index size, report time cold / warm / after a
one-topic edit (a narrow and a broad one) / after a new year is ingested, search p50/p99.

    python3 tools/bench/scale_report.py 1 8 32 100     # results in tools/bench/results/scale_report.json

Binaries are taken from $KSCALE/bin (kommunsk, search_latency; copy them there first), corpora
and indexes live under $KSCALE (default /tmp/kscale), never in the repository. Needs pikepdf
for the corpora ($KSCALE/venv/bin/python or any python with pikepdf, as $PIKEPDF_PYTHON).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import measure

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
WORK = Path(os.environ.get("KSCALE", "/tmp/kscale"))
BIN = WORK / "bin" / "kommunsk"
LATENCY = WORK / "bin" / "search_latency"
PYTHON = os.environ.get("PIKEPDF_PYTHON", str(WORK / "venv" / "bin" / "python"))
TOPICS = ROOT / "queries" / "topics.toml"
# Repetitions of each report measurement (medians); KSCALE_RUNS overrides (1 for 100×).
RUNS = int(os.environ.get("KSCALE_RUNS", "3"))

# Two one-topic edits: one whose new literal is rare, one on the broadest topic.
NARROW = ("'\\bCopilot\\w*',", "'\\bCopilot\\w*', '(?i)\\w*algoritme\\w*',")
BROAD = ("patterns = ['(?i)\\w*digitali[sz]\\w*', '(?i)\\bdigital\\w*']",
         "patterns = ['(?i)\\w*digitali[sz]\\w*', '(?i)\\bdigital\\w*', '(?i)\\bit-løsning\\w*']")


def corpus(scale: int) -> Path:
    target = WORK / f"{scale}x"
    if not (target / ".complete").exists():
        subprocess.run([PYTHON, str(HERE / "scale_corpus.py"), str(scale), str(target)], check=True)
        (target / ".complete").touch()
    return target


def next_year() -> Path:
    target = WORK / "year-2026"
    if not (target / ".complete").exists():
        subprocess.run([PYTHON, str(HERE / "scale_corpus.py"), "1", str(target), "--year-only", "2025", "--as", "2026"],
                       check=True)
        (target / ".complete").touch()
    return target / "2026"


def edited(name: str, edit: tuple[str, str]) -> Path:
    text = TOPICS.read_text()
    assert edit[0] in text, edit[0]
    path = WORK / f"topics-{name}.toml"
    path.write_text(text.replace(edit[0], edit[1], 1))
    return path


def report(index: Path, topics: Path = TOPICS) -> measure.Sample:
    sample = measure.run([str(BIN), "report", "--index", str(index), "--topics", str(topics), "--format", "json",
                          "--no-ingest"], cwd=str(ROOT))
    assert sample.returncode == 0, "report failed"
    return sample


def ingest(corpus_dir: Path, index: Path) -> tuple[measure.Sample, dict]:
    out = WORK / f"ingest-{corpus_dir.name}.json"
    with out.open("wb") as f:
        sample = measure.run([str(BIN), "ingest", str(corpus_dir), "--index", str(index), "--json"], cwd=str(ROOT),
                             stdout=f)
    assert sample.returncode == 0, "ingest failed"
    return sample, json.loads(out.read_text())


def size(folder: Path, skip: str | None = None) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not (skip and skip in p.parts))


def usable_queries(index: Path) -> tuple[Path, list[str]]:
    """queries.txt without the queries `kommunsk search` rejects (listed in the results)."""
    kept, rejected = [], []
    for line in (HERE / "queries.txt").read_text().splitlines():
        query = line.split("\t")[0]
        if line.strip() and not line.startswith("#"):
            done = subprocess.run([str(BIN), "search", query, "--index", str(index), "--limit", "1"], capture_output=True)
            if done.returncode != 0:
                rejected.append(query)
                continue
        kept.append(line)
    path = WORK / "queries-usable.txt"
    path.write_text("\n".join(kept) + "\n")
    return path, rejected


def median(samples: list[measure.Sample]) -> dict:
    return measure.median_sample(samples)


def run_scale(scale: int) -> dict:
    corpus_dir = corpus(scale)
    shutil.rmtree(corpus_dir / "2026", ignore_errors=True)
    index = WORK / f"index-{scale}x"
    load_before = measure.load_average()
    row: dict = {"scale": scale, "load_before": load_before}
    if os.environ.get("KSCALE_KEEP_INDEX") and index.exists():
        row["ingest"] = "measured separately"
    else:
        shutil.rmtree(index, ignore_errors=True)
        ingest_sample, summary = ingest(corpus_dir, index)
        row.update({"files": summary["indexed"], "pages": summary.get("pages"), "ingest": ingest_sample.to_json()})
    row["index_bytes"] = size(index, "report-cache")
    cache = index / "report-cache"
    cold = []
    for _ in range(RUNS):
        shutil.rmtree(cache, ignore_errors=True)
        cold.append(report(index))
    row["report_cold"] = median(cold)
    row["report_warm"] = median([report(index) for _ in range(RUNS)])
    for name, edit in (("narrow", NARROW), ("broad", BROAD)):
        topics = edited(name, edit)
        samples = []
        for _ in range(RUNS):
            report(index)  # back to the original dictionary's cache state...
            for per_topic in ("topics", "counts"):  # ...minus every topic's files,
                shutil.rmtree(cache / per_topic, ignore_errors=True)
            report(index)  # ...rebuilt for the original dictionary only
            samples.append(report(index, topics))
        row[f"report_after_{name}_edit"] = median(samples)
        row[f"report_after_{name}_edit_again"] = median([report(index, topics) for _ in range(RUNS)])
    row["cache_bytes"] = size(cache)
    # A new year of documents arrives: ingest it, then report.
    report(index)
    shutil.copytree(next_year(), corpus_dir / "2026")
    sample, summary = ingest(corpus_dir, index)
    row["ingest_next_year"] = sample.to_json()
    row["next_year_files"] = summary["indexed"]
    row["report_after_next_year"] = report(index).to_json()
    row["report_after_next_year_again"] = median([report(index) for _ in range(RUNS)])
    if LATENCY.exists():
        queries, rejected = usable_queries(index)
        out = subprocess.run([str(LATENCY), str(index), str(queries), "5"], capture_output=True, text=True, check=True)
        row["search"] = json.loads(out.stdout)
        row["search_queries_rejected"] = rejected
    row["load_after"] = measure.load_average()
    shutil.rmtree(corpus_dir / "2026", ignore_errors=True)
    return row


def main(argv: list[str]) -> int:
    results_file = Path(os.environ.get("KSCALE_RESULTS", HERE / "results" / "scale_report.json"))
    results = json.loads(results_file.read_text()) if results_file.exists() else {}
    for scale in map(int, argv[1:]):
        row = run_scale(scale)
        results[str(scale)] = row
        results_file.parent.mkdir(exist_ok=True)
        results_file.write_text(json.dumps(results, indent=1))
        brief = {k: (round(v["wall"], 3), round(v["cpu"], 3), v["max_rss_kb"] // 1024) if isinstance(v, dict) and "wall" in v
                 else v for k, v in row.items() if k != "search"}
        print(json.dumps(brief), flush=True)
        if "search" in row:
            print(json.dumps(row["search"]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
